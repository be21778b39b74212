//! `tillit check`: validate a scenario without running it.

use std::io::Write;
use std::path::Path;

use super::load_scenario;
use tillit::scenario::DAYS_PER_YEAR;

/// Loads the scenario and prints what it would run.
pub fn check(path: &Path) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let scenario = load_scenario(Some(path))?;
    let years = f64::from(scenario.horizon_days) / f64::from(DAYS_PER_YEAR);
    let warmup = f64::from(scenario.warmup_days) / f64::from(DAYS_PER_YEAR);
    writeln!(
        out,
        "{}: ok: \"{}\", {} arms x {} replications, {years} years ({warmup} warm-up), seed {}",
        path.display(),
        scenario.name,
        scenario.arms.len(),
        scenario.replications,
        scenario.seed
    )?;
    if let Some(language) = scenario.language {
        writeln!(out, "  reports in: {}", language.code())?;
    }
    for (i, arm) in scenario.arms.iter().enumerate() {
        let baseline = if i == scenario.baseline {
            " (baseline)"
        } else {
            ""
        };
        writeln!(
            out,
            "  arm {}{baseline}: preset {}, {} event{}",
            arm.name,
            arm.preset.name(),
            arm.events.len(),
            if arm.events.len() == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}
