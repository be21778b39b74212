//! The cross-agency pathway (mechanism 11): conservation of children, the
//! silo's reduction to a single queue, common random numbers between the
//! modes, and when the integrated team helps sooner.

use tillit::engine::{simulate, simulate_with_ledger};
use tillit::model::params::Params;
use tillit::model::presets::Preset;
use tillit::outcome::{Outcome, OutcomeValues};

use crate::support::{arm, scenario};

/// A smaller department: 4 units of 20.
fn small(p: &mut Params) {
    p.organisation.units = 4;
}

fn integrated(p: &mut Params) {
    small(p);
    p.steering.integrated_team = true;
    p.steering.named_person = true;
}

/// The agencies with hardly any spare capacity (about 90% busy in silos).
fn scarce(p: &mut Params) {
    p.pathway.school_health_fte_per_100_positions = 2.0;
    p.pathway.counselling_fte_per_100_positions = 2.1;
    p.pathway.bup_fte_per_100_positions = 2.9;
}

#[test]
fn every_child_is_waiting_in_help_or_done() {
    type Setting = (&'static str, fn(&mut Params));
    let settings: [Setting; 5] = [
        ("silo", small),
        ("integrated", integrated),
        ("integrated_scarce", |p| {
            integrated(p);
            scarce(p);
        }),
        ("silo_impatient_bouncing", |p| {
            small(p);
            p.pathway.patience_days = 5.0;
            p.pathway.bounce_probability = 0.9;
            p.steering.named_person = true;
        }),
        ("integrated_rare_meetings_one_worker", |p| {
            integrated(p);
            p.organisation.units = 1;
            p.organisation.workers_per_unit = 1;
            p.pathway.consent_probability = 0.5;
            p.pathway.team_meeting_interval_days = 30;
            p.pathway.school_concerns_per_position_year = 40.0;
        }),
    ];
    for (name, tweak) in settings {
        let s = scenario(vec![arm(name, Preset::Control, tweak)], 2, 3, 1);
        for rep in 0..2 {
            let (_, ledger) = simulate_with_ledger(&s, &s.arms[0], rep);
            let p = &ledger.pathway;
            assert!(p.children > 0 && p.done > 0, "{name}: no children");
            assert_eq!(
                p.children,
                p.done + p.located_at_end,
                "{name}: children in = done + waiting or in help"
            );
            assert_eq!(p.lost_at_end, 0, "{name}: a child found nowhere");
            // The rest of the world's bookkeeping still holds.
            assert_eq!(ledger.reports, ledger.closed + ledger.open_at_end, "{name}");
            assert_eq!(ledger.negative_hours, 0, "{name}");
            let gap = (ledger.hours_available - ledger.hours_accounted).abs();
            assert!(gap <= 1e-9 * ledger.hours_available, "{name}: hours");
        }
    }
}

/// With one agency and no way out, the silo is one queue: the story is told
/// once, nobody is referred, the other agencies play no part, and Little's
/// law holds for the children waiting.
#[test]
fn silo_with_one_agency_reduces_to_a_single_queue() {
    let one_agency = |p: &mut Params| {
        small(p);
        p.pathway.cross_agency_share = 0.0;
        p.pathway.school_concerns_per_position_year = 6.0;
        p.pathway.need_school_health = 1.0;
        p.pathway.need_counselling = 0.0;
        p.pathway.need_bup = 0.0;
        p.pathway.patience_days = 100_000.0;
        // Busy enough for a real queue.
        p.pathway.school_health_fte_per_100_positions = 2.6;
    };
    let s = scenario(
        vec![
            arm("one", Preset::Control, one_agency),
            arm("other_agencies_changed", Preset::Control, |p| {
                one_agency(p);
                p.pathway.counselling_fte_per_100_positions = 0.5;
                p.pathway.bup_fte_per_100_positions = 50.0;
                p.pathway.bounce_probability = 0.9;
            }),
        ],
        2,
        6,
        1,
    );
    for rep in 0..2 {
        let o = simulate(&s, &s.arms[0], rep).outcomes;
        assert_eq!(o[Outcome::StoryTold], 1.0);
        assert_eq!(o[Outcome::Handoffs], 0.0);
        assert_eq!(o[Outcome::BouncedReferrals], 0.0);
        assert_eq!(o[Outcome::PathwayDropout], 0.0);
        assert_eq!(o[Outcome::CounsellingHours], 0.0);
        assert_eq!(o[Outcome::BupHours], 0.0);
        let l = o[Outcome::ChildrenWaiting];
        let lambda_w = o[Outcome::PathwayChildren] / 365.0 * o[Outcome::TimeToFirstHelp];
        assert!(l > 5.0, "rep {rep}: too short a queue to test ({l})");
        assert!(
            (l - lambda_w).abs() / l < 0.03,
            "rep {rep}: L = {l:.2}, lambda W = {lambda_w:.2}"
        );
        let other = simulate(&s, &s.arms[1], rep).outcomes;
        assert_eq!(
            o[Outcome::TimeToFirstHelp].to_bits(),
            other[Outcome::TimeToFirstHelp].to_bits(),
            "the unused agencies changed the single queue"
        );
    }
}

fn same_bits(a: &OutcomeValues, b: &OutcomeValues) -> bool {
    a.0.iter()
        .zip(&b.0)
        .all(|(x, y)| x.to_bits() == y.to_bits())
}

#[test]
fn consent_zero_makes_the_integrated_team_identical_to_silos() {
    for named_person in [false, true] {
        let s = scenario(
            vec![
                arm("silo", Preset::Trust, |p| {
                    small(p);
                    p.steering.named_person = named_person;
                }),
                arm("integrated_no_consent", Preset::Trust, |p| {
                    small(p);
                    p.steering.named_person = named_person;
                    p.steering.integrated_team = true;
                    p.pathway.consent_probability = 0.0;
                }),
                arm("integrated", Preset::Trust, |p| {
                    small(p);
                    p.steering.named_person = named_person;
                    p.steering.integrated_team = true;
                }),
            ],
            2,
            3,
            1,
        );
        for rep in 0..2 {
            let silo = simulate(&s, &s.arms[0], rep);
            let no_consent = simulate(&s, &s.arms[1], rep);
            let consent = simulate(&s, &s.arms[2], rep);
            assert!(same_bits(&silo.outcomes, &no_consent.outcomes));
            assert!(silo.series.iter().zip(&no_consent.series).all(|(a, b)| {
                a.0.iter()
                    .zip(&b.0)
                    .all(|(x, y)| x.to_bits() == y.to_bits())
            }));
            // And consent does change something, or the test proves nothing.
            assert!(!same_bits(&silo.outcomes, &consent.outcomes));
        }
    }
}

/// Paired differences integrated - silo in time to first help, per
/// replication.
fn time_to_help_differences(tweak: fn(&mut Params)) -> Vec<f64> {
    let s = scenario(
        vec![
            arm("silo", Preset::Control, |p| {
                small(p);
                tweak(p);
            }),
            arm("integrated", Preset::Control, |p| {
                integrated(p);
                tweak(p);
            }),
        ],
        3,
        5,
        2,
    );
    (0..3)
        .map(|rep| {
            let silo = simulate(&s, &s.arms[0], rep).outcomes;
            let team = simulate(&s, &s.arms[1], rep).outcomes;
            team[Outcome::TimeToFirstHelp] - silo[Outcome::TimeToFirstHelp]
        })
        .collect()
}

/// Nothing says the team is faster: it saves the referrals, bounces and
/// repeated intakes, but costs every agency meeting hours and keeps more
/// families waiting (the named person). With spare capacity the first
/// effect wins; with none, the queues it feeds grow and it loses.
#[test]
fn integrated_team_helps_sooner_with_spare_capacity_but_not_without() {
    let spare = time_to_help_differences(|_| {});
    assert!(
        spare.iter().all(|&d| d < -2.0),
        "with spare capacity the team should be days faster: {spare:?}"
    );
    let none = time_to_help_differences(scarce);
    assert!(
        none.iter().all(|&d| d > 0.0),
        "with no spare capacity the team should not be faster: {none:?}"
    );
}

#[test]
fn a_named_person_keeps_families_and_referrals_on_track() {
    let s = scenario(
        vec![
            arm("silo", Preset::Control, small),
            arm("silo_named_person", Preset::Control, |p| {
                small(p);
                p.steering.named_person = true;
            }),
        ],
        2,
        4,
        1,
    );
    for rep in 0..2 {
        let without = simulate(&s, &s.arms[0], rep).outcomes;
        let with = simulate(&s, &s.arms[1], rep).outcomes;
        assert!(with[Outcome::PathwayDropout] < without[Outcome::PathwayDropout]);
        assert!(with[Outcome::BouncedReferrals] < without[Outcome::BouncedReferrals]);
        assert!(with[Outcome::NamedPersonHours] > 0.0);
        assert_eq!(without[Outcome::NamedPersonHours], 0.0);
    }
}

/// Falun's promise: when every parent consents, no family gives up and
/// social services' assessment always reuses the joint team's mapping, every
/// child tells its story exactly once; with no reuse, a reported child tells
/// it twice.
#[test]
fn reusing_the_joint_mapping_lets_every_child_tell_its_story_once() {
    let team = |reuse: f64| {
        move |p: &mut Params| {
            integrated(p);
            p.pathway.consent_probability = 1.0;
            p.pathway.mapping_reuse_share = reuse;
            // Nobody gives up before the meeting (a family that does is
            // never heard by the team, and tells its story once or not at all).
            p.pathway.patience_days = 100_000.0;
        }
    };
    let s = scenario(
        vec![
            arm("once", Preset::Control, team(1.0)),
            arm("never", Preset::Control, team(0.0)),
            arm("half", Preset::Control, team(0.5)),
        ],
        1,
        3,
        1,
    );
    let told = |a: usize| simulate(&s, &s.arms[a], 0).outcomes[Outcome::StoryTold];
    assert_eq!(told(0), 1.0);
    let (never, half) = (told(1), told(2));
    assert!(never > 1.3, "reported children tell twice: {never}");
    assert!(
        1.0 < half && half < never,
        "{half} not between 1 and {never}"
    );
}
