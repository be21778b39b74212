//! The pure rules of the model: each a small function of the state it reads
//! and the parameters that shape it, so each can be tested on hand-built
//! values and documented with its equation.
//!
//! No rule draws random numbers itself: where chance enters, the caller
//! passes the uniform draw (which keeps common random numbers aligned).

use crate::model::fastmath;
use crate::model::params::{Decisions, Stress, Work};

/// Working days per year used to turn yearly rates into daily hazards.
pub const WORKDAYS_PER_YEAR: f64 = 230.0;

/// Work pressure (Oliva & Sterman 2001): the backlog a worker carries, in
/// hours at their current standard, over the backlog regarded as normal.
///
/// `pressure = backlog_hours / (case_hours_per_day * target_backlog_days)`
pub fn work_pressure(backlog_hours: f64, case_hours_per_day: f64, work: &Work) -> f64 {
    backlog_hours / (case_hours_per_day.max(0.5) * work.target_backlog_days)
}

/// Time actually spent per standard hour of work (cutting corners), after
/// Oliva & Sterman 2001: `t = standard * pressure^elasticity`, between the
/// floor and the ceiling (more thorough work when there is slack).
///
/// Under high pressure `t` falls below the worker's standard; under low
/// pressure it rises above an eroded standard, which lets it recover.
pub fn time_factor(pressure: f64, standard: f64, work: &Work) -> f64 {
    // exp(a ln p) is p^a, and about twice as fast as powf on the hot path.
    (standard * fastmath::exp(work.corner_cutting_elasticity * pressure.max(1e-9).ln()))
        .clamp(work.min_time_factor, work.max_time_factor)
}

/// `time_factor` with `pressure^elasticity` from a [`fastmath::Power`]
/// table made for the elasticity (within 5e-13 relative at the default,
/// 2e-11 over the parameter's range; see there) instead of `exp` and `ln`:
/// the engine's form, once per present worker and day. A table made for
/// another exponent is not used.
#[inline]
pub fn time_factor_with(pressure: f64, standard: f64, work: &Work, power: &fastmath::Power) -> f64 {
    if !power.applies(work.corner_cutting_elasticity) {
        return untabulated_time_factor(pressure, standard, work);
    }
    time_factor_tabulated(pressure, standard, work, power)
}

/// `time_factor_with` for a caller that checked the table applies
/// (`power.applies(work.corner_cutting_elasticity)`), e.g. once per day:
/// the same number without the check per call.
#[inline]
pub fn time_factor_tabulated(
    pressure: f64,
    standard: f64,
    work: &Work,
    power: &fastmath::Power,
) -> f64 {
    between(
        standard * power.of_tabulated(pressure.max(1e-9)),
        work.min_time_factor,
        work.max_time_factor,
    )
}

/// `x.clamp(lo, hi)` for bounds the parameters' ranges keep in order
/// (`lo <= hi`): the same number (a NaN `x` stays NaN) without `clamp`'s
/// check of the bounds per call.
#[inline]
fn between(x: f64, lo: f64, hi: f64) -> f64 {
    let x = if x < lo { lo } else { x };
    if x > hi { hi } else { x }
}

/// `time_factor`, out of line: the table's path is the engine's.
#[cold]
#[inline(never)]
fn untabulated_time_factor(pressure: f64, standard: f64, work: &Work) -> f64 {
    time_factor(pressure, standard, work)
}

/// One day of standard erosion: the standard moves towards the time actually
/// spent, fast when falling (erosion) and slowly when rising (recovery).
///
/// `s' = min(1, s + (t - s) * (1 - exp(-1/tau)))`, `tau` = erosion or recovery days.
pub fn adjust_standard(standard: f64, spent: f64, rates: &StandardRates) -> f64 {
    let rate = if spent < standard {
        rates.erosion
    } else {
        rates.recovery
    };
    (standard + (spent - standard) * rate).min(1.0)
}

/// The daily adjustment rates `1 - exp(-1/tau)` of the standard, computed
/// once from the erosion and recovery time constants.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StandardRates {
    /// Rate while the standard falls.
    pub erosion: f64,
    /// Rate while it recovers.
    pub recovery: f64,
}

impl StandardRates {
    /// Rates from the work parameters.
    pub fn new(work: &Work) -> Self {
        StandardRates {
            erosion: 1.0 - (-1.0 / work.standard_erosion_days).exp(),
            recovery: 1.0 - (-1.0 / work.standard_recovery_days).exp(),
        }
    }
}

/// Overtime a worker takes (hours), growing with pressure above 1.
pub fn overtime_hours(pressure: f64, contract_hours: f64, work: &Work) -> f64 {
    // The range of `overtime_max_share` starts at 0: `between` is `clamp`.
    let share = between(
        work.overtime_per_pressure * (pressure - 1.0),
        0.0,
        work.overtime_max_share,
    );
    share * contract_hours
}

/// Productivity relative to an experienced worker: `novice + (1 - novice) * experience`.
pub fn productivity(experience: f64, work: &Work) -> f64 {
    work.novice_productivity + (1.0 - work.novice_productivity) * experience
}

/// One worked day of learning: experience approaches 1 with the learning time constant.
pub fn learn(experience: f64, work: &Work) -> f64 {
    experience + (1.0 - experience) / work.learning_days
}

/// What a worker's strain is made of on one working day.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StrainInputs {
    /// Work pressure (1 = normal backlog).
    pub pressure: f64,
    /// Mean severity of the worker's open cases (0-1).
    pub severity_load: f64,
    /// Responsibility stock of high-stakes decisions carried alone.
    pub responsibility: f64,
    /// Blame stock from surfaced errors.
    pub blame: f64,
    /// Support (0-1): coaching received and a stable team.
    pub support: f64,
}

/// Strain of one working day, after Karasek 1979 (demand-control) and
/// Johnson & Hall 1988 (iso-strain):
///
/// `demand = w_p * min(pressure, ceiling) + w_s * severity_load + w_r * responsibility + blame`
///
/// `strain = demand * (1 + b_c (1 - control)) / (1 + b_c / 2) * (1 + b_s (1 - support)) / (1 + b_s / 2)`
///
/// The two buffer factors multiply, so low control and low support together
/// amplify demands more than either alone (more than additive). Both factors
/// are 1 at control and support 0.5, so strain equals demand there.
/// `control` is the decision latitude (0-1) after the constraint of
/// prescribed administration.
pub fn strain(x: &StrainInputs, control: f64, s: &Stress) -> f64 {
    strain_with(x, s, control_buffer_factor(control, s))
}

/// The control term of `strain`, `(1 + b_c (1 - control)) / (1 + b_c / 2)`.
pub fn control_buffer_factor(control: f64, s: &Stress) -> f64 {
    (1.0 + s.control_buffer * (1.0 - control)) / (1.0 + s.control_buffer / 2.0)
}

/// `strain` with its control term given (`control_buffer_factor`), so
/// that a caller whose workers share a control level takes it once (the
/// same number, bit for bit).
pub fn strain_with(x: &StrainInputs, s: &Stress, control_factor: f64) -> f64 {
    // `min(pressure, ceiling)` as a comparison: the same number (a NaN
    // pressure gives the ceiling, as `min` does) without `min`'s NaN check.
    let pressure = if x.pressure < s.pressure_ceiling {
        x.pressure
    } else {
        s.pressure_ceiling
    };
    let demand = s.pressure_weight * pressure
        + s.severity_weight * x.severity_load
        + s.responsibility_weight * x.responsibility
        + x.blame;
    let support = (1.0 + s.support_buffer * (1.0 - x.support)) / (1.0 + s.support_buffer / 2.0);
    demand * control_factor * support
}

/// Responsibility a worker carries alone: coaching lets part of it be
/// shared. `carried = responsibility * (1 - k * min(1, coaching / reference))`
pub fn carried_responsibility(responsibility: f64, coaching_hours_week: f64, s: &Stress) -> f64 {
    let coaching = (coaching_hours_week / s.coaching_reference_hours).min(1.0);
    responsibility * (1.0 - s.coaching_shares_responsibility * coaching)
}

/// Decision latitude after prescribed administration: `latitude * (1 - k * admin_share)`, at least 0.
pub fn effective_control(latitude: f64, admin_share: f64, s: &Stress) -> f64 {
    (latitude * (1.0 - s.admin_constraint * admin_share)).clamp(0.0, 1.0)
}

/// Support: a stable team and coaching received.
///
/// `support = team_support * stability + (1 - team_support) * min(1, coaching / reference)`
pub fn support(stability: f64, coaching_hours_week: f64, s: &Stress) -> f64 {
    support_with_team(team_support(stability, s), coaching_hours_week, s)
}

/// The team's part of [`support`], `team_support * stability` (stability
/// clamped to [0, 1]): the same for everyone in a unit, so it can be kept
/// per unit.
pub fn team_support(stability: f64, s: &Stress) -> f64 {
    s.team_support * stability.clamp(0.0, 1.0)
}

/// [`support`] from its team part ([`team_support`]) and the coaching
/// received: the same number bit for bit.
pub fn support_with_team(team: f64, coaching_hours_week: f64, s: &Stress) -> f64 {
    let coaching = (coaching_hours_week / s.coaching_reference_hours).min(1.0);
    team + (1.0 - s.team_support) * coaching
}

/// One day of the stress stock. On a working day stress moves towards
/// strain, rising with `rise_days` and falling with `recovery_days`; on a
/// day off (weekend, vacation, sick leave) a share `offday_recovery` recovers.
pub fn update_stress(stress: f64, strain: Option<f64>, s: &Stress) -> f64 {
    match strain {
        Some(strain) => {
            let tau = if strain > stress {
                s.rise_days
            } else {
                s.recovery_days
            };
            stress + (strain - stress) / tau
        }
        None => stress * (1.0 - s.offday_recovery),
    }
}

/// One day of exhaustion, the slow burnout stock: it grows with stress above
/// a threshold and fades slowly.
///
/// `E' = E + rate * max(0, stress - threshold) - E / recovery_days`
pub fn update_exhaustion(exhaustion: f64, stress: f64, s: &Stress) -> f64 {
    let gain = s.exhaustion_rate * (stress - s.exhaustion_threshold).max(0.0);
    (exhaustion + gain - exhaustion / s.exhaustion_recovery_days).max(0.0)
}

/// A daily hazard from a yearly rate at reference conditions and log-linear
/// relative risks: `rate / 230 * exp(sum of ln(rr_i) * (x_i - reference_i))`,
/// i.e. each `rr_i` multiplies the hazard per unit of its exposure. The
/// caller passes the sum of log relative risks (one `exp`, no `powf`, on the
/// hot path).
pub fn daily_hazard(rate_per_year: f64, log_relative_risk: f64) -> f64 {
    rate_per_year / WORKDAYS_PER_YEAR * fastmath::exp(log_relative_risk)
}

/// What shapes the chance of a wrong decision.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DecisionInputs {
    /// Experience of the decision maker (0-1).
    pub experience: f64,
    /// Standard hours of the case over the effective hours put in (above 1
    /// when rushed, below 1 when done more thoroughly than the standard).
    pub rushed: f64,
    /// Stress of the decision maker.
    pub stress: f64,
    /// Support the decision maker has (0-1).
    pub support: f64,
    /// Effective documentation intensity of the case (1 = control standard).
    pub documentation: f64,
}

/// Probability that an investigation decision is wrong:
///
/// `p = base * (1 + k_exp (1 - experience)) * rushed^e * (1 + k_stress * stress) * (1 - r_support * support) * documentation^(-benefit)`
///
/// with `rushed` taken within [0.5, 4] and the result capped at 0.95.
pub fn error_probability(x: &DecisionInputs, d: &Decisions) -> f64 {
    error_probability_with(x, d, documentation_error_factor(x.documentation, d))
}

/// `documentation^(-benefit)`, the documentation's factor in
/// `error_probability`.
pub fn documentation_error_factor(documentation: f64, d: &Decisions) -> f64 {
    documentation.max(0.01).powf(-d.documentation_benefit)
}

/// `error_probability` with its documentation factor given, so that a
/// caller deciding many cases at one documentation level takes the power
/// once (the same number, bit for bit).
pub fn error_probability_with(x: &DecisionInputs, d: &Decisions, documentation_factor: f64) -> f64 {
    let p = d.base_error_rate
        * (1.0 + d.inexperience_error_factor * (1.0 - x.experience))
        * rushed_factor(x.rushed.clamp(0.5, 4.0), d.rushed_error_elasticity)
        * (1.0 + d.stress_error_factor * x.stress.max(0.0))
        * (1.0 - d.support_error_reduction * x.support)
        * documentation_factor;
    p.clamp(0.0, 0.95)
}

/// `rushed^elasticity`; x^1 is x exactly, so the default elasticity of 1
/// skips the call to `pow` (~124 instructions, once per decision).
fn rushed_factor(rushed: f64, elasticity: f64) -> f64 {
    if elasticity == 1.0 {
        rushed
    } else {
        rushed.powf(elasticity)
    }
}

/// Probability of screening a child in for investigation. The screening
/// errors (a missed need, a needless investigation) grow with the same
/// multiplier as investigation errors, relative to a base-quality decision.
pub fn screen_in_probability(need: bool, error_multiplier: f64, d: &Decisions) -> f64 {
    if need {
        1.0 - ((1.0 - d.screening_sensitivity) * error_multiplier).min(1.0)
    } else {
        (d.screening_false_positive * error_multiplier).min(1.0)
    }
}

/// What shapes how far a worker's own threshold shows in a decision.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpreadInputs {
    /// Delegated decision latitude in force (`steering.decision_latitude`, 0-1).
    pub latitude: f64,
    /// Whether the decision goes to the manager for approval.
    pub approved: bool,
    /// Documentation intensity of the case (1 = control standard).
    pub documentation: f64,
    /// Experience of the decision maker (0-1).
    pub experience: f64,
    /// Coaching received, as a share of the reference (0-1).
    pub coached: f64,
}

/// Spread (standard deviation across workers, in log-odds) of the personal
/// tendency to intervene in a decision:
///
/// `s = floor + spread_latitude * latitude * (1 - a_approval [approved]) * documentation^(-a_doc) * (1 + k_exp (1 - experience)) * (1 - a_coach * coached)`
///
/// The floor is what rules and review leave; everything else scales the part
/// that delegation adds. With latitude 0 the spread is the floor.
pub fn threshold_spread(x: &SpreadInputs, d: &Decisions) -> f64 {
    threshold_spread_with(x, d, documentation_spread_factor(x.documentation, d))
}

/// `documentation^(-a_doc)`, the documentation's factor in
/// `threshold_spread`.
pub fn documentation_spread_factor(documentation: f64, d: &Decisions) -> f64 {
    documentation.max(0.01).powf(-d.documentation_alignment)
}

/// `threshold_spread` with its documentation factor given (see
/// `error_probability_with`).
pub fn threshold_spread_with(x: &SpreadInputs, d: &Decisions, documentation_factor: f64) -> f64 {
    let approval = if x.approved {
        1.0 - d.approval_alignment
    } else {
        1.0
    };
    let delegated = d.threshold_spread_latitude
        * x.latitude.clamp(0.0, 1.0)
        * approval
        * documentation_factor
        * (1.0 + d.inexperience_spread_factor * (1.0 - x.experience.clamp(0.0, 1.0)))
        * (1.0 - d.coaching_alignment * x.coached.clamp(0.0, 1.0));
    d.threshold_spread_floor + delegated.max(0.0)
}

/// A probability of intervening, shifted by a worker's tilt `t` in
/// log-odds: `1 / (1 + exp(-(logit(p) + t)))`. A tilt of 0, or a certain
/// outcome (0 or 1), leaves `p` exactly as it is.
///
/// Computed as `p e^t / (p e^t + 1 - p)`, the same function with one `exp`
/// and no `ln` (the odds `p / (1 - p)` times `e^t`, turned back into a
/// probability). Against the logit form it differs by rounding only: at
/// most 1e-14 relative and absolute over `p` in [1e-9, 1) and `t` in
/// [-20, 20] (tested; the tilts of the model lie well inside). The tilt is
/// taken within [-700, 700], where `e^t` stays finite.
pub fn tilted_probability(p: f64, tilt: f64) -> f64 {
    if tilt == 0.0 || p <= 0.0 || p >= 1.0 {
        return p;
    }
    let odds = p * fastmath::exp(tilt.clamp(-700.0, 700.0));
    odds / (odds + (1.0 - p))
}

/// Inverse of the standard normal distribution function (Acklam's rational
/// approximation, relative error below 1.2e-9), used to turn a uniform draw
/// into a normal one with exactly one draw.
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let p = p.clamp(1e-300, 1.0 - 1e-16);
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.02425 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - 0.02425 {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

/// A lognormal draw with the given mean and log-scale spread, from one uniform.
pub fn lognormal_from_uniform(u: f64, mean: f64, sigma: f64) -> f64 {
    let mu = mean.ln() - sigma * sigma / 2.0;
    (mu + sigma * normal_quantile(u)).exp()
}

/// An exponential draw with the given mean, from one uniform in (0, 1].
pub fn exponential_from_uniform(u: f64, mean: f64) -> f64 {
    -mean * (1.0 - u).max(1e-300).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rushed_factor_at_elasticity_1_is_the_library_pow_bit_for_bit() {
        let mut x = 0.5;
        while x <= 4.0 {
            assert_eq!(rushed_factor(x, 1.0).to_bits(), x.powf(1.0).to_bits());
            assert_eq!(rushed_factor(x, 0.7).to_bits(), x.powf(0.7).to_bits());
            x += 0.000_37;
        }
    }

    #[test]
    fn threshold_spread_is_the_floor_without_latitude_and_grows_with_it() {
        let d = crate::model::params::Decisions::default();
        let x = |latitude: f64, approved: bool| SpreadInputs {
            latitude,
            approved,
            documentation: 1.0,
            experience: 0.5,
            coached: 0.5,
        };
        assert_eq!(
            threshold_spread(&x(0.0, true), &d),
            d.threshold_spread_floor
        );
        assert_eq!(
            threshold_spread(&x(0.0, false), &d),
            d.threshold_spread_floor
        );
        assert!(threshold_spread(&x(0.8, false), &d) > threshold_spread(&x(0.4, false), &d));
        assert!(threshold_spread(&x(0.8, true), &d) < threshold_spread(&x(0.8, false), &d));
    }

    #[test]
    fn a_tilt_of_zero_leaves_a_probability_exactly_as_it_is() {
        for p in [0.0, 1e-9, 0.08, 0.5, 0.93, 1.0] {
            assert_eq!(tilted_probability(p, 0.0), p);
            // Tilting the complement the other way is the complement.
            let t = tilted_probability(p, 0.7) + tilted_probability(1.0 - p, -0.7);
            assert!((t - 1.0).abs() < 1e-12 || p == 0.0 || p == 1.0, "{p}: {t}");
        }
        assert!(tilted_probability(0.1, 1.0) > 0.1);
        assert!(tilted_probability(0.1, -1.0) < 0.1);
    }

    #[test]
    fn tilted_probability_is_the_logit_form_to_rounding() {
        let logit_form = |p: f64, t: f64| 1.0 / (1.0 + (-((p / (1.0 - p)).ln() + t)).exp());
        let mut worst: f64 = 0.0;
        let mut p = 1e-9;
        while p < 1.0 {
            let mut t = -20.0;
            while t <= 20.0 {
                let (got, want) = (tilted_probability(p, t), logit_form(p, t));
                worst = worst
                    .max(((got - want) / want).abs())
                    .max((got - want).abs());
                t += 0.0173;
            }
            p = if p < 0.01 { p * 1.3 } else { p + 0.00137 };
        }
        assert!(worst <= 1e-14, "worst difference {worst:e}");
        // Extreme tilts stay probabilities, ordered.
        for p in [1e-300, 1e-9, 0.3, 1.0 - 1e-12] {
            let (low, high) = (tilted_probability(p, -1e6), tilted_probability(p, 1e6));
            assert!(
                (0.0..=1.0).contains(&low) && (0.0..=1.0).contains(&high),
                "{p}"
            );
            assert!(low <= p && p <= high, "{p}: {low} {high}");
        }
    }

    #[test]
    fn time_factor_follows_the_elasticity_and_floor() {
        let w = Work::default();
        assert!(time_factor(0.7, 1.0, &w) > 1.0);
        assert_eq!(time_factor(0.01, 1.0, &w), w.max_time_factor);
        assert_eq!(time_factor(1.0, 1.0, &w), 1.0);
        assert!((time_factor(2.0, 1.0, &w) - 2f64.powf(-0.6)).abs() < 1e-12);
        assert_eq!(time_factor(1.0, 0.9, &w), 0.9);
        assert_eq!(time_factor(100.0, 1.0, &w), w.min_time_factor);
        // An eroded standard stays eroded at normal pressure...
        assert_eq!(time_factor(1.0, 0.7, &w), 0.7);
        // ...and only slack lets the time spent rise above it.
        assert!(time_factor(0.5, 0.7, &w) > 0.7);
    }

    #[test]
    fn tabulated_time_factor_matches_the_exact_one() {
        let w = Work::default();
        let power = fastmath::Power::new(w.corner_cutting_elasticity);
        let mut worst: f64 = 0.0;
        for standard in [0.5, 0.63, 0.8, 1.0] {
            let mut p = 0.0;
            while p < 20.0 {
                let (got, want) = (
                    time_factor_with(p, standard, &w, &power),
                    time_factor(p, standard, &w),
                );
                worst = worst.max(((got - want) / want).abs());
                p += 0.000_37;
            }
        }
        assert!(worst <= 5e-13, "worst relative error {worst:e}");
        // A table for another exponent is not used.
        let other = fastmath::Power::new(-1.0);
        assert_eq!(
            time_factor_with(2.0, 1.0, &w, &other).to_bits(),
            time_factor(2.0, 1.0, &w).to_bits()
        );
    }

    #[test]
    fn between_is_clamp_for_ordered_bounds() {
        let xs = [
            f64::NEG_INFINITY,
            -3.0,
            -0.0,
            0.0,
            0.1,
            0.5,
            1.0,
            1.2,
            7.0,
            f64::INFINITY,
            f64::NAN,
        ];
        for (lo, hi) in [(0.0, 0.15), (0.5, 1.2), (0.0, 0.0), (1.0, 1.0), (-0.0, 0.0)] {
            for x in xs {
                let (got, want) = (between(x, lo, hi), x.clamp(lo, hi));
                assert!(
                    got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                    "{x} in [{lo}, {hi}]: {got} against {want}"
                );
            }
        }
        // The engine's path (checked once per day) gives the checked one's bits.
        let w = Work::default();
        let power = fastmath::Power::new(w.corner_cutting_elasticity);
        assert!(power.applies(w.corner_cutting_elasticity));
        assert!(!fastmath::Power::new(7.5).applies(7.5));
        for p in [0.0, 0.3, 1.0, 2.5, 40.0, f64::NAN] {
            let (got, want) = (
                time_factor_tabulated(p, 0.8, &w, &power),
                time_factor_with(p, 0.8, &w, &power),
            );
            assert!(got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()));
        }
    }

    #[test]
    fn standards_erode_fast_and_recover_slowly() {
        let rates = StandardRates::new(&Work::default());
        let down = 1.0 - adjust_standard(1.0, 0.5, &rates);
        let up = adjust_standard(0.5, 1.0, &rates) - 0.5;
        assert!(down > 10.0 * up);
    }

    #[test]
    fn strain_is_more_than_additive_in_low_control_and_low_support() {
        let s = Stress::default();
        let base = StrainInputs {
            pressure: 1.0,
            support: 1.0,
            ..Default::default()
        };
        let low_support = StrainInputs {
            support: 0.0,
            ..base
        };
        let low_c = strain(&base, 0.0, &s) - strain(&base, 1.0, &s);
        let low_s = strain(&low_support, 1.0, &s) - strain(&base, 1.0, &s);
        let both = strain(&low_support, 0.0, &s) - strain(&base, 1.0, &s);
        assert!(both > low_c + low_s);
        let neutral = StrainInputs {
            support: 0.5,
            ..base
        };
        assert!((strain(&neutral, 0.5, &s) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn stress_moves_towards_strain_and_recovers_off_work() {
        let s = Stress::default();
        assert!(update_stress(1.0, Some(2.0), &s) > 1.0);
        assert!(update_stress(1.0, Some(0.5), &s) < 1.0);
        assert!(update_stress(1.0, None, &s) < 1.0);
    }

    #[test]
    fn hazard_relative_risk_is_per_unit_above_reference() {
        let h1 = daily_hazard(0.1, 1.7f64.ln() * (1.0 - 1.0));
        let h2 = daily_hazard(0.1, 1.7f64.ln() * (2.0 - 1.0));
        assert!((h2 / h1 - 1.7).abs() < 1e-12);
        assert!((h1 - 0.1 / WORKDAYS_PER_YEAR).abs() < 1e-15);
    }

    #[test]
    fn error_probability_rises_with_rush_stress_inexperience() {
        let d = Decisions::default();
        let base = DecisionInputs {
            experience: 1.0,
            rushed: 1.0,
            stress: 0.0,
            support: 0.0,
            documentation: 1.0,
        };
        let p0 = error_probability(&base, &d);
        assert!((p0 - d.base_error_rate).abs() < 1e-12);
        assert!(
            error_probability(
                &DecisionInputs {
                    rushed: 2.0,
                    ..base
                },
                &d
            ) > p0
        );
        assert!(
            error_probability(
                &DecisionInputs {
                    stress: 1.0,
                    ..base
                },
                &d
            ) > p0
        );
        assert!(
            error_probability(
                &DecisionInputs {
                    experience: 0.0,
                    ..base
                },
                &d
            ) > p0
        );
        assert!(
            error_probability(
                &DecisionInputs {
                    support: 1.0,
                    ..base
                },
                &d
            ) < p0
        );
        assert!(
            error_probability(
                &DecisionInputs {
                    documentation: 0.5,
                    ..base
                },
                &d
            ) > p0
        );
    }

    #[test]
    fn the_small_rules_compute_their_documented_formulas() {
        let w = Work::default();
        let s = Stress::default();
        let d = Decisions::default();
        // work_pressure = backlog / (case hours per day * target days)
        assert!(
            (work_pressure(100.0, 5.0, &w) - 100.0 / (5.0 * w.target_backlog_days)).abs() < 1e-12
        );
        // overtime: share (pressure - 1) * per_pressure, capped
        assert_eq!(overtime_hours(0.8, 8.0, &w), 0.0);
        assert!((overtime_hours(1.2, 8.0, &w) - 0.2 * w.overtime_per_pressure * 8.0).abs() < 1e-12);
        assert_eq!(overtime_hours(100.0, 8.0, &w), w.overtime_max_share * 8.0);
        // productivity and learning
        assert_eq!(productivity(0.0, &w), w.novice_productivity);
        assert_eq!(productivity(1.0, &w), 1.0);
        assert!((learn(0.5, &w) - (0.5 + 0.5 / w.learning_days)).abs() < 1e-12);
        // exhaustion grows only above the threshold and fades
        assert!(update_exhaustion(0.0, s.exhaustion_threshold + 1.0, &s) > 0.0);
        assert_eq!(
            update_exhaustion(0.0, s.exhaustion_threshold - 0.1, &s),
            0.0
        );
        assert!(update_exhaustion(1.0, 0.0, &s) < 1.0);
        // support and control
        assert!((support(1.0, s.coaching_reference_hours, &s) - 1.0).abs() < 1e-12);
        assert_eq!(support(0.0, 0.0, &s), 0.0);
        assert!(
            (effective_control(0.8, 0.1, &s) - 0.8 * (1.0 - s.admin_constraint * 0.1)).abs()
                < 1e-12
        );
        assert_eq!(effective_control(0.8, 10.0, &s), 0.0);
        // coaching shares responsibility
        assert_eq!(carried_responsibility(1.0, 0.0, &s), 1.0);
        assert!(
            (carried_responsibility(1.0, 100.0, &s) - (1.0 - s.coaching_shares_responsibility))
                .abs()
                < 1e-12
        );
        // screening: base quality gives the base rates; errors scale both ways
        assert_eq!(
            screen_in_probability(true, 1.0, &d),
            d.screening_sensitivity
        );
        assert_eq!(
            screen_in_probability(false, 1.0, &d),
            d.screening_false_positive
        );
        assert!(screen_in_probability(true, 2.0, &d) < d.screening_sensitivity);
        assert!(screen_in_probability(false, 2.0, &d) > d.screening_false_positive);
    }

    #[test]
    fn normal_quantile_matches_known_values() {
        assert!(normal_quantile(0.5).abs() < 1e-9);
        assert!((normal_quantile(0.975) - 1.959_963_985).abs() < 1e-7);
        assert!((normal_quantile(0.01) + 2.326_347_874).abs() < 1e-7);
    }

    #[test]
    fn lognormal_from_uniform_has_the_requested_mean() {
        let n = 20_000;
        let mean: f64 = (0..n)
            .map(|i| lognormal_from_uniform((i as f64 + 0.5) / n as f64, 60.0, 0.7))
            .sum::<f64>()
            / n as f64;
        assert!((mean - 60.0).abs() < 0.6, "{mean}");
    }
}
