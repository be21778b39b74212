//! `tillit check`: validate a scenario without running it.

use std::path::Path;

use super::load_scenario;
use tillit::scenario::DAYS_PER_YEAR;
use tillit::sweep::Plan;
use tillit::sweep::spec::{has_table, load_sensitivity, load_sweep};

/// Loads the scenario and its `[sweep]` and `[sensitivity]` tables, and
/// only when every check has passed prints "ok" and what it would run.
pub fn check(path: &Path) -> anyhow::Result<()> {
    let mut lines = Vec::new();
    let scenario = load_scenario(Some(path))?;
    let years = f64::from(scenario.horizon_days) / f64::from(DAYS_PER_YEAR);
    let warmup = f64::from(scenario.warmup_days) / f64::from(DAYS_PER_YEAR);
    lines.push(format!(
        "{}: ok: \"{}\", {} arms x {} replications, {years} years ({warmup} warm-up), seed {}",
        path.display(),
        scenario.name,
        scenario.arms.len(),
        scenario.replications,
        scenario.seed
    ));
    if let Some(language) = scenario.language {
        lines.push(format!("  reports in: {}", language.code()));
    }
    for (i, arm) in scenario.arms.iter().enumerate() {
        let baseline = if i == scenario.baseline {
            " (baseline)"
        } else {
            ""
        };
        lines.push(format!(
            "  arm {}{baseline}: preset {}, {} event{}",
            arm.name,
            arm.preset.name(),
            arm.events.len(),
            if arm.events.len() == 1 { "" } else { "s" }
        ));
    }
    // The [sweep] and [sensitivity] tables, when there are any.
    let text = tillit::scenario::read_bounded(path, tillit::scenario::MAX_SCENARIO_BYTES)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default();
    if has_table(&text, "sweep") {
        let spec = load_sweep(path)?;
        let plan = Plan::from_sweep(&spec)
            .map_err(|e| super::UsageError(format!("{}: {e}", path.display())))?;
        lines.push(format!(
            "  sweep: {} factors, {} points, {} runs ({})",
            plan.factors.len(),
            plan.points.len(),
            plan.run_count(),
            plan.design
        ));
    }
    if has_table(&text, "sensitivity") {
        let spec = load_sensitivity(path)?;
        lines.push(format!(
            "  sensitivity: {} factors, {} outcomes, {} replications per point",
            spec.factors.len(),
            spec.outcomes.len(),
            spec.replications
        ));
    }
    super::say(&lines.join("\n"))?;
    Ok(())
}
