//! `tillit check`: validate a scenario without running it.

use std::io::Write;
use std::path::Path;

use super::{UsageError, count_product, load_scenario, plural};
use tillit::analysis::{self, Method};
use tillit::scenario::DAYS_PER_YEAR;
use tillit::sweep::Plan;
use tillit::sweep::spec::{has_table, load_sensitivity, load_sweep};

/// Loads the scenario and prints what it would run. Every check runs
/// before anything is printed, so `ok` means the whole file passed.
pub fn check(path: &Path) -> anyhow::Result<()> {
    let scenario = load_scenario(Some(path))?;
    // The [sweep] and [sensitivity] tables, when there are any.
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut studies = Vec::new();
    if has_table(&text, "sweep") {
        let spec = load_sweep(path)?;
        let plan =
            Plan::from_sweep(&spec).map_err(|e| UsageError(format!("{}: {e}", path.display())))?;
        studies.push(format!(
            "sweep: {}, {} ({}): {} = {} runs",
            plural(plan.factors.len(), "factor"),
            plural(plan.points.len(), "point"),
            plan.design,
            count_product(&[
                (plan.points.len(), "point"),
                (plan.scenario.arms.len(), "arm"),
                (plan.replications as usize, "replication"),
            ]),
            plan.run_count(),
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
            let (_, plan) = analysis::plan(&spec, method)
                .map_err(|e| UsageError(format!("{}: {e}", path.display())))?;
            studies.push(format!(
                "  --method {name}: {} = {} runs",
                count_product(&[
                    (plan.points.len(), "point"),
                    (plan.scenario.arms.len(), "arm"),
                    (plan.replications as usize, "replication"),
                ]),
                plan.run_count(),
            ));
        }
    }

    let mut out = std::io::stdout().lock();
    let years = f64::from(scenario.horizon_days) / f64::from(DAYS_PER_YEAR);
    let warmup = f64::from(scenario.warmup_days) / f64::from(DAYS_PER_YEAR);
    writeln!(
        out,
        "{}: ok: \"{}\", {years} years ({warmup} warm-up), seed {}",
        path.display(),
        scenario.name.escape_debug(),
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
            "  arm {}{baseline}: preset {}, {}",
            arm.name.escape_debug(),
            arm.preset.name(),
            plural(arm.events.len(), "event"),
        )?;
    }
    writeln!(
        out,
        "  run: {} = {} runs",
        count_product(&[
            (scenario.arms.len(), "arm"),
            (scenario.replications as usize, "replication"),
        ]),
        scenario.run_count()
    )?;
    for line in studies {
        writeln!(out, "  {line}")?;
    }
    if has_table(&text, "robustness") || has_table(&text, "uncertainty") {
        let spec = tillit::robustness::spec::load(path)?;
        writeln!(
            out,
            "  robustness: {} worlds over {} uncertain parameters, {} replications, cut-off {} ({})",
            spec.worlds,
            spec.uncertain.len(),
            spec.replications,
            spec.cutoff,
            spec.measure.name()
        )?;
    }
    Ok(())
}
