//! `tillit run`: run a scenario, write the results folder, print the comparison.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Context;
use clap::Args;

use super::{load_scenario, say, tell, warn};
use tillit::experiment::run_experiment;
use tillit::outcome::Outcome;
use tillit::output::{FolderLock, ManifestInfo, ResultsWriter, comparison_table, table_outcomes};
use tillit::scenario::Language;

/// Arguments of `tillit run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The scenario file; without it, the built-in control-versus-trust scenario.
    scenario: Option<PathBuf>,
    /// Replications per arm (overrides the scenario's `replications`).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    reps: Option<u32>,
    /// Master seed (overrides the scenario's `seed`).
    #[arg(long)]
    seed: Option<u64>,
    /// Results folder [default: results/<scenario file name without .toml>, or results/default].
    /// Earlier results of `tillit run` there are replaced only when the new
    /// ones are complete.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Replace files in the results folder (and, with --report, at the
    /// report's paths) that have the names of results but that tillit did
    /// not write.
    #[arg(long)]
    force: bool,
    /// Worker threads [default: every core]. Results do not depend on it.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1024))]
    jobs: Option<u32>,
    /// No progress bar and no table: for scripts.
    #[arg(long, short)]
    quiet: bool,
    /// Show every outcome in the table, not only the main ones.
    #[arg(long)]
    all: bool,
    /// Also write report.html and charts/*.svg into the results folder.
    #[arg(long)]
    report: bool,
    /// Language of the report: `sv` or `en` [default: the scenario's
    /// `language`, else en]. Needs `--report`.
    #[arg(long, value_parser = super::report::parse_language, requires = "report")]
    lang: Option<Language>,
}

/// Runs the scenario.
pub fn run(args: RunArgs) -> anyhow::Result<()> {
    let mut scenario = load_scenario(args.scenario.as_deref())?;
    if let Some(reps) = args.reps {
        scenario.replications = reps;
    }
    if let Some(seed) = args.seed {
        scenario.seed = seed;
    }
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| default_out(args.scenario.as_deref()));
    let started = unix_now();
    let mut writer = ResultsWriter::create_with(&out, &scenario, args.force)
        .with_context(|| format!("cannot prepare the results folder {}", out.display()))?;
    // Held until the report is written too: no other tillit gets in between.
    let _lock = FolderLock::exclusive(writer.dir())?;

    let (bar, options) = super::progress::start(scenario.run_count() as u64, args.quiet, args.jobs);
    let result = run_experiment(&scenario, &options, &mut writer)
        .with_context(|| format!("running scenario \"{}\"", scenario.name))?;
    bar.finish();

    let info = ManifestInfo {
        started_unix: started,
        finished_unix: unix_now(),
        command: super::command_line(),
    };
    let finished = writer
        .finish(&result, &info)
        .with_context(|| format!("cannot write the results to {}", out.display()))?;
    for warning in &finished.warnings {
        warn(warning);
    }
    let folder = finished.dir;

    for failure in &result.failures {
        warn(&format!(
            "arm {}, replication {} (seed {}) failed and is left out: {}",
            failure.arm, failure.replication, failure.seed, failure.message
        ));
    }
    if !args.quiet {
        let outcomes: Vec<Outcome> = if args.all {
            Outcome::ALL.to_vec()
        } else {
            table_outcomes(&scenario)
        };
        say(&comparison_table(&scenario, &result, &outcomes))?;
        let per_rep = result.elapsed_seconds / scenario.run_count().max(1) as f64;
        tell(&format!(
            "{} runs in {:.1} s on {} threads ({:.0} ms per run, {:.2e} agent-days/s). Results: {}",
            scenario.run_count(),
            result.elapsed_seconds,
            result.threads,
            per_rep * 1000.0,
            result.agent_days / result.elapsed_seconds.max(1e-9),
            folder.display()
        ))?;
    }
    if args.report {
        let html = super::report::write(&folder, args.lang, None, args.force)?;
        if !args.quiet {
            tell(&format!("Report: {}", html.display()))?;
        }
    }
    if !result.failures.is_empty() {
        anyhow::bail!(
            "{} of {} runs failed (listed above and in manifest.json)",
            result.failures.len(),
            scenario.run_count()
        );
    }
    Ok(())
}

/// `results/<file stem>`, or `results/default` for the built-in scenario.
fn default_out(scenario: Option<&Path>) -> PathBuf {
    let stem = scenario
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "default".to_string());
    Path::new("results").join(stem)
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
