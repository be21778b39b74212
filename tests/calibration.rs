//! Pattern-oriented calibration (Grimm et al. 2005): with its defaults, the
//! control preset lands in the Swedish pattern ranges of docs/MODEL.md.

use tillit::calibration::{check, check_with};
use tillit::model::params::Params;

#[test]
fn control_preset_defaults_reproduce_the_swedish_patterns() {
    let results = check(8, 20261123, &Default::default()).expect("run");
    let misses: Vec<String> = results
        .iter()
        .filter(|r| !r.met())
        .map(|r| {
            format!(
                "{}: {:.3} not in [{}, {}]",
                r.pattern.outcome.spec().name,
                r.observed.mean,
                r.pattern.low,
                r.pattern.high
            )
        })
        .collect();
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

/// The patterns pin down the workload: a department with far fewer or far
/// more reports per position than the default misses at least one of them
/// (with slack, time use; with overload, turnover and the share of reports
/// investigated), which the overdue share alone would not show.
#[test]
fn the_patterns_pin_down_the_demand_per_position() {
    for demand in [15.0, 70.0] {
        let mut params = Params::default();
        params.demand.reports_per_position_year = demand;
        let results = check_with(params, 3, 20261123, &Default::default()).expect("run");
        let missed: Vec<&str> = results
            .iter()
            .filter(|r| !r.met())
            .map(|r| r.pattern.outcome.spec().name)
            .collect();
        assert!(!missed.is_empty(), "demand {demand}: every pattern met");
    }
}
