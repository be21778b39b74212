//! The command line: argument definitions and one module per subcommand.
//!
//! Only this module (and `main.rs`) prints, reads the clock for timestamps,
//! or decides exit codes; the library below returns values and typed errors.

mod calibrate;
mod check;
mod init;
mod params;
mod report;
mod robustness;
mod run;
mod sweep;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

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

/// Parses the arguments and runs the subcommand.
pub fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => run::run(args),
        Command::Sweep(args) => sweep::sweep(args),
        Command::Sensitivity(args) => sweep::sensitivity(args),
        Command::Robustness(args) => robustness::robustness(args),
        Command::Merge(args) => sweep::merge(args),
        Command::Replay(args) => sweep::replay(args),
        Command::Check { scenario } => check::check(&scenario),
        Command::Params(args) => params::params(&args),
        Command::Init { path, force } => init::init(&path, force),
        Command::Calibrate(args) => calibrate::calibrate(&args),
        Command::Report(args) => report::report(&args),
    }
}

/// A progress bar over `total` runs on stderr (hidden when `quiet` or when
/// stderr is not a terminal), and experiment options that move it, with
/// `jobs` worker threads.
pub fn progress(
    total: u64,
    quiet: bool,
    jobs: Option<u32>,
) -> (indicatif::ProgressBar, tillit::experiment::Options) {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    use std::io::IsTerminal;
    let bar = if quiet || !std::io::stderr().is_terminal() {
        ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden())
    } else {
        ProgressBar::new(total)
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {bar:40} {pos}/{len} runs  {elapsed} elapsed, ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let moved = bar.clone();
    let options = tillit::experiment::Options {
        threads: jobs.map(|j| j as usize),
        progress: Some(Box::new(move |done, _total| {
            moved.set_position(done as u64)
        })),
    };
    (bar, options)
}

/// Reads the scenario at `path`, or the built-in default when there is none.
pub fn load_scenario(path: Option<&std::path::Path>) -> Result<Scenario, ScenarioError> {
    match path {
        Some(path) => scenario::load(path),
        None => scenario::from_str(scenario::DEFAULT_SCENARIO, "<built-in default scenario>"),
    }
}

/// Exit code for an error: 2 for usage and scenario errors and for a
/// missing or invalid results folder, 1 otherwise.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    let usage = err.chain().any(|e| {
        e.is::<ScenarioError>()
            || e.is::<UsageError>()
            || e.downcast_ref::<ReportError>()
                .is_some_and(ReportError::is_input)
    });
    if usage { 2 } else { 1 }
}

/// Whether the error is a closed pipe on output (`tillit params | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
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
        eprintln!("internal error in tillit{place}: {message} (this is a bug; please report it)");
    }));
}
