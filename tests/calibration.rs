//! Pattern-oriented calibration (Grimm et al. 2005): with its defaults, the
//! control preset lands in the Swedish pattern ranges of model.md.

use tillit::experiment::{Options, run_experiment};
use tillit::model::presets::Preset;
use tillit::outcome::Outcome;

use crate::support::{arm, scenario};

/// The patterns and their ranges (model.md, "Patterns the default control
/// preset should reproduce"; sources in facts.md §3).
const PATTERNS: [(Outcome, f64, f64); 6] = [
    (Outcome::WorkerTurnover, 0.20, 0.35),
    (Outcome::LongSickSpells, 10.0, 14.0),
    (Outcome::TimeDirect, 0.13, 0.20),
    (Outcome::TimeDocumentation, 0.30, 0.40),
    (Outcome::TimeAdmin, 0.10, 0.15),
    (Outcome::InvestigationsOverdue, 0.10, 0.35),
];

#[test]
fn control_preset_defaults_reproduce_the_swedish_patterns() {
    let s = scenario(vec![arm("control", Preset::Control, |_| {})], 8, 10, 2);
    let result = run_experiment(&s, &Options::default(), &mut ()).expect("run");
    let mut misses = Vec::new();
    for (outcome, low, high) in PATTERNS {
        let mean = result.arms[0].outcomes[outcome as usize].mean;
        if !(low..=high).contains(&mean) {
            misses.push(format!(
                "{}: {mean:.3} not in [{low}, {high}]",
                outcome.spec().name
            ));
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}
