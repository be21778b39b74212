//! Validation against analytic results: the model reduced to a queue.

use tillit::engine::simulate;
use tillit::model::params::Params;
use tillit::model::presets::Preset;
use tillit::outcome::Outcome;
use tillit::stats::Running;

use crate::support::{arm, scenario};

/// Erlang C: probability that an arrival waits in an M/M/c queue with
/// offered load `a = lambda / mu` (a < c).
fn erlang_c(c: u32, a: f64) -> f64 {
    // Erlang B by its stable recursion, then C from B.
    let mut b = 1.0;
    for k in 1..=c {
        b = a * b / (f64::from(k) + a * b);
    }
    let rho = a / f64::from(c);
    b / (1.0 - rho + rho * b)
}

#[test]
fn erlang_c_matches_known_values() {
    // Known: c = 2, a = 1 gives C = 1/3; c = 10, a = 8 gives C = 0.4092.
    assert!((erlang_c(2, 1.0) - 1.0 / 3.0).abs() < 1e-12);
    assert!((erlang_c(10, 8.0) - 0.4092).abs() < 1e-3);
}

/// The model with everything but the queue switched off: one unit of `c`
/// workers who each take one case at a time (caseload cap 1) from a FIFO
/// queue, exponential work, seven-day weeks, no absences, no learning, no
/// administration, no cutting corners.
fn queue_only(c: u32, mean_service_days: f64, rho: f64) -> impl Fn(&mut Params) {
    move |p: &mut Params| {
        let o = &mut p.organisation;
        o.units = 1;
        o.workers_per_unit = c;
        o.workdays_per_week = 7;
        o.vacation_days = 0;
        o.contract_hours_per_day = 4.0;
        let hours = mean_service_days * o.contract_hours_per_day;
        let lambda = rho * f64::from(c) / mean_service_days;
        let d = &mut p.demand;
        d.reports_per_position_year = lambda * 365.0 / f64::from(c);
        d.seasonality = 0.0;
        d.trend_per_year = 0.0;
        d.complexity_cv = 1.0;
        let w = &mut p.work;
        w.assessment_hours = 40.0;
        w.investigation_direct_hours = hours - 40.0;
        w.investigation_documentation_hours = 0.0;
        w.severity_work_weight = 0.0;
        w.investigation_min_days = 0;
        w.other_hours_per_week = 0.0;
        w.followup_days = 0;
        w.travel_per_direct_hour = 0.0;
        w.corner_cutting_elasticity = 0.0;
        w.max_time_factor = 1.0;
        w.overtime_max_share = 0.0;
        w.novice_productivity = 1.0;
        p.decisions.screening_sensitivity = 1.0;
        p.decisions.screening_false_positive = 1.0;
        p.sickness.short_spells_per_year = 0.0;
        p.sickness.long_spells_per_year = 0.0;
        p.turnover.quits_per_year = 0.0;
        p.managers.quits_per_year = 0.0;
        p.consequences.serious_event_probability = 0.0;
        p.consequences.complaint_probability = 0.0;
        let st = &mut p.steering;
        st.worker_admin_hours = 0.0;
        st.coaching_hours = 0.0;
        st.approval_threshold = 1.0;
        st.kpi_pressure = 0.0;
        st.control_ratchet = 0.0;
        st.caseload_cap = 1;
    }
}

/// The mean wait for a worker in the queue-only model against Erlang C.
/// The tolerance is three standard errors of the mean over independent
/// replications (each 36 years after warm-up, about 1,700 cases); the
/// model's daily arrivals are a discretisation of the Poisson process, whose
/// effect (measured at 200 replications: +0.62 days on 12.3, standard error
/// 0.39, inside the sampling interval; at 1,000: -0.09, standard error 0.17)
/// is smaller than that band.
#[test]
fn mean_wait_for_a_worker_matches_erlang_c_for_an_mmc_queue() {
    let (c, m, rho) = (10, 60.0, 0.8);
    let reps = 100;
    let s = scenario(
        vec![arm("queue", Preset::Control, queue_only(c, m, rho))],
        reps,
        40,
        4,
    );
    let mut waits = Running::default();
    for rep in 0..reps {
        let out = simulate(&s, &s.arms[0], rep);
        waits.push(out.outcomes[Outcome::AllocationWait]);
    }
    let w = waits.summary();
    let lambda = rho * f64::from(c) / m;
    let expected = erlang_c(c, rho * f64::from(c)) / (f64::from(c) / m - lambda);
    let standard_error = w.sd / f64::from(reps).sqrt();
    assert!(
        (w.mean - expected).abs() < 3.0 * standard_error,
        "simulated {:.3} (se {standard_error:.3}), Erlang C {expected:.3}",
        w.mean
    );
}

/// The burnout spiral: stress brings sick leave and quits, which load the
/// colleagues who stay. With the loop on, a rise in demand raises stress
/// more than with the loop cut (sickness and quitting made independent of
/// stress), under common random numbers.
#[test]
fn burnout_spiral_amplifies_demand_only_when_its_loop_is_on() {
    let cut = |p: &mut Params| {
        p.sickness.stress_relative_risk = 1.0;
        p.sickness.exhaustion_relative_risk = 1.0;
        p.turnover.stress_relative_risk = 1.0;
    };
    let high = |p: &mut Params| p.demand.reports_per_position_year = 50.0;
    let s = scenario(
        vec![
            arm("on", Preset::Control, |_| {}),
            arm("on_high", Preset::Control, high),
            arm("cut", Preset::Control, cut),
            arm("cut_high", Preset::Control, move |p| {
                cut(p);
                high(p);
            }),
        ],
        6,
        8,
        2,
    );
    let result = tillit::experiment::run_experiment(&s, &Default::default(), &mut ()).expect("run");
    let stress = |a: usize| result.arms[a].outcomes[Outcome::MeanStress as usize].mean;
    let sick = |a: usize| result.arms[a].outcomes[Outcome::SickLeaveShare as usize].mean;
    let rise_on = stress(1) - stress(0);
    let rise_cut = stress(3) - stress(2);
    assert!(
        rise_on > rise_cut * 1.1,
        "on {rise_on:.3}, cut {rise_cut:.3}"
    );
    // With the loop cut, more stress brings no more sick leave.
    assert!(
        sick(1) - sick(0) > 2.0 * (sick(3) - sick(2)).abs(),
        "{} {}",
        sick(1) - sick(0),
        sick(3) - sick(2)
    );
}
