//! Legal certainty as consistency: like cases decided alike, whoever
//! decides (docs/MODEL.md 7.8, the tendency to intervene).

use tillit::experiment::{ExperimentResult, Options, run_experiment};
use tillit::model::params::Params;
use tillit::model::presets::Preset;
use tillit::outcome::Outcome;

use crate::support::{arm, scenario};

fn mean(result: &ExperimentResult, arm: usize, o: Outcome) -> f64 {
    result.arms[arm].outcomes[o as usize].mean
}

/// A small department, so that the tests run in seconds.
fn small(p: &mut Params) {
    p.organisation.units = 2;
    p.organisation.workers_per_unit = 10;
}

fn run(arms: Vec<tillit::scenario::Arm>) -> ExperimentResult {
    let s = scenario(arms, 3, 4, 1);
    run_experiment(&s, &Options::default(), &mut ()).expect("run")
}

/// With no delegated latitude and every decision approved, inconsistency is
/// at its floor: the spread that delegation adds (however large the
/// parameter says it is) plays no part, and with a floor of 0 no decision
/// depends on who decides.
#[test]
fn no_latitude_and_approval_leave_inconsistency_at_its_floor() {
    let rigid = |spread_latitude: f64, floor: f64| {
        move |p: &mut Params| {
            small(p);
            p.steering.decision_latitude = 0.0;
            p.steering.approval_threshold = 0.0;
            p.decisions.threshold_spread_latitude = spread_latitude;
            p.decisions.threshold_spread_floor = floor;
        }
    };
    let result = run(vec![
        arm("floor", Preset::Control, rigid(0.6, 0.3)),
        arm("wide", Preset::Control, rigid(5.0, 0.3)),
        arm("none", Preset::Control, rigid(5.0, 0.0)),
    ]);
    let floor = mean(&result, 0, Outcome::DecisionInconsistency);
    assert!(floor > 0.0, "a floor of 0.3 gives some inconsistency");
    assert_eq!(
        mean(&result, 1, Outcome::DecisionInconsistency),
        floor,
        "the latitude part must vanish at latitude 0"
    );
    assert_eq!(mean(&result, 2, Outcome::DecisionInconsistency), 0.0);
}

/// Inconsistency grows with latitude when the spread parameter says so, and
/// does not when it says there is none.
#[test]
fn inconsistency_grows_with_latitude_when_the_spread_says_so() {
    let at = |latitude: f64, spread_latitude: f64| {
        move |p: &mut Params| {
            small(p);
            p.steering.decision_latitude = latitude;
            p.decisions.threshold_spread_latitude = spread_latitude;
            p.decisions.threshold_spread_floor = 0.0;
        }
    };
    let result = run(vec![
        arm("l0", Preset::Trust, at(0.0, 1.0)),
        arm("l4", Preset::Trust, at(0.4, 1.0)),
        arm("l8", Preset::Trust, at(0.8, 1.0)),
        arm("flat0", Preset::Trust, at(0.0, 0.0)),
        arm("flat8", Preset::Trust, at(0.8, 0.0)),
    ]);
    let c: Vec<f64> = (0..5)
        .map(|a| mean(&result, a, Outcome::DecisionInconsistency))
        .collect();
    assert_eq!(c[0], 0.0, "latitude 0 with no floor: {c:?}");
    assert!(c[0] < c[1] && c[1] < c[2], "not increasing: {c:?}");
    assert_eq!(
        (c[3], c[4]),
        (0.0, 0.0),
        "no spread, no inconsistency: {c:?}"
    );
}

/// Approval and coaching pull decisions towards the norm; without them,
/// under a wide latitude spread, trust decides less alike than control and
/// makes more wrong decisions: a cost of delegation the model can show.
#[test]
fn delegation_can_cost_legal_certainty() {
    let wide = |p: &mut Params| {
        small(p);
        p.decisions.threshold_spread_latitude = 2.5;
        p.decisions.coaching_alignment = 0.0;
    };
    let result = run(vec![
        arm("control", Preset::Control, wide),
        arm("trust", Preset::Trust, wide),
    ]);
    let diff = result.arms[1].paired_difference.expect("difference");
    let inconsistency = diff[Outcome::DecisionInconsistency as usize];
    assert!(
        inconsistency.ci_low > 0.0,
        "trust should decide less alike: {inconsistency:?}"
    );
    let errors = diff[Outcome::DecisionErrorRate as usize];
    assert!(errors.ci_low > 0.0, "trust should err more: {errors:?}");
}

/// Common random numbers: two identical arms draw the same tendencies for
/// the same people, so their inconsistency differs by exactly zero in every
/// replication.
#[test]
fn identical_arms_differ_by_exactly_zero_in_inconsistency() {
    let result = run(vec![
        arm("a", Preset::Trust, small),
        arm("b", Preset::Trust, small),
    ]);
    let d = result.arms[1].paired_difference.expect("difference")
        [Outcome::DecisionInconsistency as usize];
    assert!(mean(&result, 0, Outcome::DecisionInconsistency) > 0.0);
    assert_eq!((d.mean, d.sd, d.ci_low, d.ci_high), (0.0, 0.0, 0.0, 0.0));
}
