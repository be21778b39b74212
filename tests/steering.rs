//! Steering: events, spirals, and outcomes that can go either way.

use tillit::experiment::{Options, run_experiment};
use tillit::model::params::Params;
use tillit::model::presets::Preset;
use tillit::outcome::Outcome;
use tillit::scenario::{Event, Trigger};

use crate::support::{arm, scenario};

fn mean(result: &tillit::experiment::ExperimentResult, arm: usize, o: Outcome) -> f64 {
    result.arms[arm].outcomes[o as usize].mean
}

/// A Borlänge-like unit: many severe cases, smaller teams so that coaching
/// has the manager hours it needs (see scenarios/borlange.toml).
fn borlange(p: &mut Params) {
    p.organisation.workers_per_unit = 12;
    p.demand.severity_mean = 0.5;
    p.demand.reports_per_position_year = 30.0;
}

/// Neither sign is built in: the same three regimes, under a light and a
/// heavy weight of carrying decisions alone, give trust without support less
/// stress than control in one and more in the other, while trust with
/// coaching stays below control in both.
#[test]
fn trust_without_support_can_be_better_or_worse_than_control_on_stress() {
    let run = |heavy: bool| {
        let tweak = move |p: &mut Params| {
            borlange(p);
            if heavy {
                p.stress.responsibility_weight = 2.0;
                p.consequences.approval_blame_share = 0.8;
                p.consequences.blame_shock = 3.0;
            }
        };
        let mut coaching = arm("trust_coaching", Preset::Trust, tweak);
        coaching.params.steering.coaching_hours = 2.0;
        let s = scenario(
            vec![
                arm("control", Preset::Control, tweak),
                coaching,
                arm("trust_without_coaching", Preset::TrustWithoutSupport, tweak),
            ],
            6,
            8,
            2,
        );
        run_experiment(&s, &Options::default(), &mut ()).expect("run")
    };
    for (heavy, without_support_worse) in [(false, false), (true, true)] {
        let r = run(heavy);
        let without = r.arms[2].paired_difference.expect("diff")[Outcome::MeanStress as usize];
        let coaching = r.arms[1].paired_difference.expect("diff")[Outcome::MeanStress as usize];
        assert!(
            coaching.ci_high < 0.0,
            "heavy={heavy}: coaching vs control {coaching:?}"
        );
        if without_support_worse {
            assert!(
                without.ci_low > 0.0,
                "heavy={heavy}: without support {without:?}"
            );
        } else {
            assert!(
                without.ci_high < 0.0,
                "heavy={heavy}: without support {without:?}"
            );
        }
    }
}

#[test]
fn control_spiral_adds_rules_only_when_its_loop_is_on() {
    let s = scenario(
        vec![
            arm("control", Preset::Control, |_| {}),
            arm("loop_cut", Preset::Control, |p| {
                p.steering.kpi_pressure = 0.0;
                p.steering.control_ratchet = 0.0;
            }),
        ],
        3,
        6,
        1,
    );
    let r = run_experiment(&s, &Options::default(), &mut ()).expect("run");
    assert!(mean(&r, 0, Outcome::DocumentationIntensityEnd) > 1.05);
    assert_eq!(mean(&r, 1, Outcome::DocumentationIntensityEnd), 1.0);
}

#[test]
fn a_reform_switches_the_regime_once_on_its_day() {
    let mut reform = arm("reform", Preset::Control, |_| {});
    reform.events.push(Event {
        label: "trust reform".into(),
        trigger: Trigger::AtDay(2 * 365),
        steering: Preset::Trust.steering(),
    });
    let s = scenario(
        vec![arm("control", Preset::Control, |_| {}), reform],
        3,
        5,
        1,
    );
    let r = run_experiment(&s, &Options::default(), &mut ()).expect("run");
    assert_eq!(mean(&r, 1, Outcome::RegimeSwitches), 1.0);
    assert_eq!(mean(&r, 0, Outcome::RegimeSwitches), 0.0);
    // The series show the switch: admin time falls after month 24.
    let admin = |m: usize| r.arms[1].series[m][tillit::outcome::SeriesMetric::Admin as usize].mean;
    assert!(
        admin(30) < admin(20) - 0.03,
        "{} vs {}",
        admin(30),
        admin(20)
    );
}

#[test]
fn a_political_switch_follows_enough_scandals() {
    let mut backlash = arm("backlash", Preset::Trust, |p| {
        p.consequences.serious_event_probability = 0.5;
        p.consequences.scandal_probability = 1.0;
    });
    backlash.events.push(Event {
        label: "back to control".into(),
        trigger: Trigger::Scandals {
            count: 2,
            window_days: 365,
        },
        steering: Preset::Control.steering(),
    });
    let s = scenario(vec![backlash], 2, 4, 1);
    let r = run_experiment(&s, &Options::default(), &mut ()).expect("run");
    assert_eq!(mean(&r, 0, Outcome::RegimeSwitches), 1.0);
}

/// Monotone responses under common random numbers (docs/MODEL.md).
#[test]
fn responses_are_monotone_in_documentation_demand_and_coaching() {
    let s = scenario(
        vec![
            arm("base", Preset::Hybrid, |_| {}),
            arm("more_documentation", Preset::Hybrid, |p| {
                p.steering.documentation_intensity = 1.3
            }),
            arm("more_demand", Preset::Hybrid, |p| {
                p.demand.reports_per_position_year = 52.0
            }),
            arm("more_coaching", Preset::Hybrid, |p| {
                p.steering.coaching_hours = 1.5;
                p.organisation.workers_per_unit = 12;
            }),
            arm("base_small_teams", Preset::Hybrid, |p| {
                p.organisation.workers_per_unit = 12
            }),
        ],
        4,
        6,
        2,
    );
    let r = run_experiment(&s, &Options::default(), &mut ()).expect("run");
    let diff = |a: usize, o: Outcome| r.arms[a].paired_difference.expect("diff")[o as usize];
    assert!(diff(1, Outcome::TimeDocumentation).ci_low > 0.0);
    assert!(diff(1, Outcome::CaseDaysMean).ci_low > 0.0);
    assert!(diff(2, Outcome::MeanStress).ci_low > 0.0);
    assert!(mean(&r, 3, Outcome::MeanStress) < mean(&r, 4, Outcome::MeanStress));
}

/// A worker on sick leave can resign: with almost everyone on long sick
/// leave almost all the time, people still leave (they could not before).
#[test]
fn workers_on_sick_leave_can_resign() {
    let s = scenario(
        vec![arm("sick", Preset::Control, |p| {
            p.organisation.units = 2;
            p.organisation.workers_per_unit = 10;
            p.sickness.long_spells_per_year = 200.0;
            p.sickness.long_spell_mean_days = 1000.0;
            p.sickness.exhaustion_spell_days = 1000.0;
            p.turnover.quits_per_year = 1.0;
        })],
        2,
        4,
        1,
    );
    let r = run_experiment(&s, &Options::default(), &mut ()).expect("run");
    assert!(mean(&r, 0, Outcome::SickLeaveShare) > 0.8);
    assert!(mean(&r, 0, Outcome::WorkerTurnover) > 0.2);
}
