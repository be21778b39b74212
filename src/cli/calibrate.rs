//! `tillit calibrate`: the default control preset against the Swedish patterns.

use std::io::Write;

use clap::Args;

use tillit::calibration::check;

/// Arguments of `tillit calibrate`.
#[derive(Debug, Args)]
pub struct CalibrateArgs {
    /// Replications.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(2..=100_000))]
    reps: u32,
    /// Master seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Worker threads [default: every core].
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1024))]
    jobs: Option<u32>,
    /// No progress bar: for scripts.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs the check and prints observed values beside the target ranges;
/// fails when a pattern is missed.
pub fn calibrate(args: &CalibrateArgs) -> anyhow::Result<()> {
    let (progress, options) = super::progress::start(u64::from(args.reps), args.quiet, args.jobs);
    let results = check(args.reps, args.seed, &options)?;
    progress.finish();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Control preset, default parameters, {} replications of 10 years (2 warm-up), seed {}:\n",
        args.reps, args.seed
    )?;
    writeln!(
        out,
        "{:<30} {:>14}  {:<28} {:<4} source",
        "pattern", "target", "observed mean [95% interval]", "met"
    )?;
    for r in &results {
        let o = r.observed;
        writeln!(
            out,
            "{:<30} {:>14}  {:<28} {:<4} {}",
            r.pattern.outcome.spec().name,
            format!("{} - {}", r.pattern.low, r.pattern.high),
            format!("{:.3} [{:.3}, {:.3}]", o.mean, o.ci_low, o.ci_high),
            if r.met() { "yes" } else { "NO" },
            r.pattern.source
        )?;
    }
    writeln!(
        out,
        "\nWhat each pattern constrains (jointly with the others):"
    )?;
    for r in &results {
        writeln!(
            out,
            "  {}: {}",
            r.pattern.outcome.spec().name,
            r.pattern.constrains
        )?;
    }
    let missed = results.iter().filter(|r| !r.met()).count();
    if missed > 0 {
        anyhow::bail!("{missed} of {} patterns missed", results.len());
    }
    Ok(())
}
