//! `tillit check`: validate a scenario without running it.

use std::path::Path;

use super::{UsageError, count_product, load_scenario, plural};
use tillit::analysis::{self, Method};
use tillit::scenario::DAYS_PER_YEAR;
use tillit::sweep::Plan;
use tillit::sweep::spec::{has_table, load_sensitivity, load_sweep};

/// Loads the scenario and its `[sweep]`, `[sensitivity]`, `[robustness]`
/// and `[uncertainty]` tables, and only when every check has passed prints
/// "ok" and what it would run, with the true number of runs of each study.
pub fn check(path: &Path) -> anyhow::Result<()> {
    let scenario = load_scenario(Some(path))?;
    let text = tillit::scenario::read_bounded(path, tillit::scenario::MAX_SCENARIO_BYTES)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default();
    let invalid = |e: &dyn std::fmt::Display| UsageError(format!("{}: {e}", path.display()));
    let runs = |plan: &Plan| {
        format!(
            "{} = {} runs",
            count_product(&[
                (plan.points.len(), "point"),
                (plan.scenario.arms.len(), "arm"),
                (plan.replications as usize, "replication"),
            ]),
            plan.run_count()
        )
    };
    let mut studies = Vec::new();
    if has_table(&text, "sweep") {
        let spec = load_sweep(path)?;
        let plan = Plan::from_sweep(&spec).map_err(|e| invalid(&e))?;
        studies.push(format!(
            "sweep: {}, {} ({}): {}",
            plural(plan.factors.len(), "factor"),
            plural(plan.points.len(), "point"),
            plan.design,
            runs(&plan),
        ));
    }
    if has_table(&text, "sensitivity") {
        let spec = load_sensitivity(path)?;
        studies.push(format!(
            "sensitivity: {}, {}",
            plural(spec.factors.len(), "factor"),
            plural(spec.outcomes.len(), "outcome"),
        ));
        for (method, name) in [(Method::Morris, "morris"), (Method::Sobol, "sobol")] {
            let (_, plan) = analysis::plan(&spec, method).map_err(|e| invalid(&e))?;
            studies.push(format!("  --method {name}: {}", runs(&plan)));
        }
    }
    if has_table(&text, "robustness") || has_table(&text, "uncertainty") {
        let spec = tillit::robustness::spec::load(path)?;
        studies.push(format!(
            "robustness: {} over {}, {}, cut-off {} ({})",
            plural(spec.worlds as usize, "world"),
            plural(spec.uncertain.len(), "uncertain parameter"),
            plural(spec.replications as usize, "replication"),
            spec.cutoff,
            spec.measure.name()
        ));
    }

    let years = f64::from(scenario.horizon_days) / f64::from(DAYS_PER_YEAR);
    let warmup = f64::from(scenario.warmup_days) / f64::from(DAYS_PER_YEAR);
    let mut lines = vec![format!(
        "{}: ok: \"{}\", {years} years ({warmup} warm-up), seed {}",
        path.display(),
        scenario.name,
        scenario.seed
    )];
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
            "  arm {}{baseline}: preset {}, {}",
            arm.name,
            arm.preset.name(),
            plural(arm.events.len(), "event"),
        ));
    }
    lines.push(format!(
        "  run: {} = {} runs",
        count_product(&[
            (scenario.arms.len(), "arm"),
            (scenario.replications as usize, "replication"),
        ]),
        scenario.run_count()
    ));
    lines.extend(studies.into_iter().map(|s| format!("  {s}")));
    super::say(&lines.join("\n"))?;
    Ok(())
}
