//! The command line: argument definitions and one module per subcommand.
//!
//! Only this module (and `main.rs`) prints, reads the clock for timestamps,
//! or decides exit codes; the library below returns values and typed errors.

/// Writes a line of talk (notes, warnings, paths, timings) to stderr. A
/// closed stderr (`2>&1 | head`) is ignored: it must not turn finished
/// work into an error.
macro_rules! note {
    ($($arg:tt)*) => {{
        let _ = $crate::cli::tell(&format!($($arg)*));
    }};
}

mod calibrate;
mod check;
mod init;
mod params;
mod progress;
mod report;
mod robustness;
mod run;
mod serve;
mod slurm;
mod sweep;

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use tillit::output::OutputError;
use tillit::report::ReportError;
use tillit::scenario::{self, Scenario, ScenarioError};

/// Agent-based simulation of control- versus trust-based steering in
/// municipal social services.
#[derive(Debug, Parser)]
#[command(name = "tillit", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run every arm of a scenario and compare them (no file: the built-in
    /// control-versus-trust scenario).
    Run(run::RunArgs),
    /// Run a scenario at every point of its `[sweep]` table (resumable, shardable).
    Sweep(sweep::SweepArgs),
    /// Sensitivity analysis over the factors of a `[sensitivity]` table.
    Sensitivity(sweep::SensitivityArgs),
    /// Robustness across plausible worlds: history matching, effects in
    /// every kept world, and the conditions under which an arm does worse.
    Robustness(robustness::RobustnessArgs),
    /// Combine the shard folders of a sweep, sensitivity analysis or robustness
    /// study into one results folder.
    Merge(sweep::MergeArgs),
    /// Run one (point, arm, replication) of a sweep's results folder again, alone.
    Replay(sweep::ReplayArgs),
    /// Write (and with --submit, submit) Slurm scripts that run a study as a
    /// job array of shards and merge them.
    Slurm(slurm::SlurmArgs),
    /// The teaching view: a local web server that shows the department live,
    /// with levers, events and two regimes side by side.
    Serve(serve::ServeArgs),
    /// Check a scenario file without running it.
    Check {
        /// The scenario file.
        scenario: PathBuf,
    },
    /// List every parameter: key, unit, default, range, meaning and source.
    Params(params::ParamsArgs),
    /// Write a self-contained HTML report (with SVG charts) of a finished results folder.
    Report(report::ReportArgs),
    /// Compare the default control preset with the Swedish patterns it should reproduce.
    Calibrate(calibrate::CalibrateArgs),
    /// Write a commented scenario to start from.
    Init {
        /// Where to write it.
        #[arg(default_value = "scenario.toml")]
        path: PathBuf,
        /// Overwrite the file if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// A mistake in how the command was called, reported with exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The command line as the user would retype it, for manifests and lock
/// files.
pub fn command_line() -> String {
    std::env::args().collect::<Vec<_>>().join(" ")
}

/// Parses the arguments and runs the subcommand.
pub fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    // A second tillit refused a folder this one holds names it by this.
    tillit::output::set_holder_note(&command_line());
    match cli.command {
        Command::Run(args) => run::run(args),
        Command::Sweep(args) => sweep::sweep(args),
        Command::Sensitivity(args) => sweep::sensitivity(args),
        Command::Robustness(args) => robustness::robustness(args),
        Command::Merge(args) => sweep::merge(args),
        Command::Replay(args) => sweep::replay(args),
        Command::Slurm(args) => slurm::slurm(args),
        Command::Serve(args) => serve::serve(args),
        Command::Check { scenario } => check::check(&scenario),
        Command::Params(args) => params::params(&args),
        Command::Init { path, force } => init::init(&path, force),
        Command::Calibrate(args) => calibrate::calibrate(&args),
        Command::Report(args) => report::report(&args),
    }
}

/// `3 points x 2 arms x 1 replication`: counts with their nouns in the
/// right number.
pub fn count_product(counts: &[(usize, &str)]) -> String {
    counts
        .iter()
        .map(|&(n, noun)| plural(n, noun))
        .collect::<Vec<_>>()
        .join(" x ")
}

/// `1 arm`, `2 arms`.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Reads the scenario at `path`, or the built-in default when there is none.
pub fn load_scenario(path: Option<&std::path::Path>) -> Result<Scenario, ScenarioError> {
    match path {
        Some(path) => scenario::load(path),
        None => scenario::from_str(scenario::DEFAULT_SCENARIO, "<built-in default scenario>"),
    }
}

/// Exit code for an error: 2 for usage and scenario errors, for a missing,
/// invalid or damaged results folder, for a folder another process holds,
/// and for a write refused because it would replace what tillit did not
/// write; 1 otherwise.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    let usage = err.chain().any(|e| {
        e.is::<ScenarioError>()
            || e.is::<UsageError>()
            || e.downcast_ref::<ReportError>()
                .is_some_and(ReportError::is_input)
            || e.downcast_ref::<OutputError>()
                .is_some_and(OutputError::is_input)
    });
    if usage { 2 } else { 1 }
}

/// `text` with every control character escaped (`\u{1b}`), so that text
/// from a scenario, a results folder or a path can neither move the cursor
/// nor retitle or clear the terminal. Line breaks and tabs stay, and so
/// does everything else; the bidirectional-text controls are escaped too.
pub fn safe(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Prints a result, `text` and a line break, on stdout, made [`safe`].
/// A closed pipe comes back as an error, which `main` ends quietly with 0.
pub fn say(text: &str) -> std::io::Result<()> {
    writeln!(std::io::stdout().lock(), "{}", safe(text))
}

/// Prints talk (notes, paths, timings), `text` and a line break, on stderr,
/// made [`safe`]. Results go to stdout ([`say`]), so that redirected
/// results are the same bytes on every run. A closed stderr is ignored: it
/// must not turn finished work into an error, so this never fails.
pub fn tell(text: &str) -> std::io::Result<()> {
    let _ = writeln!(std::io::stderr().lock(), "{}", safe(text));
    Ok(())
}

/// Prints `warning: text` on stderr, made [`safe`].
pub fn warn(text: &str) {
    let _ = tell(&format!("warning: {text}"));
}

/// Whether the error is a closed pipe on output (`tillit params | head`).
/// The csv crate's errors do not expose their I/O error as a source, so
/// they are looked into as well.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let broken = |io: &std::io::Error| io.kind() == std::io::ErrorKind::BrokenPipe;
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(broken)
            || e.downcast_ref::<csv::Error>()
                .is_some_and(|c| matches!(c.kind(), csv::ErrorKind::Io(io) if broken(io)))
    })
}

/// Reports an internal error as a bug, in one paragraph, without a backtrace.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = tillit::experiment::panic_message(info.payload());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "{}",
            safe(&format!(
                "internal error in tillit{place}: {message} (this is a bug; please report it)"
            ))
        );
    }));
}
