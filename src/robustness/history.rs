//! History matching (Craig et al. 1997; Vernon, Goldstein & Bower 2010;
//! for agent-based models Andrianakis et al. 2015): ruling out worlds whose
//! baseline misses what is observed.
//!
//! The observations are the calibration patterns ([`crate::calibration::PATTERNS`]):
//! an outcome and the range observed in Sweden. A pattern's range is read as
//! a 95 % interval of the observation: its midpoint `z` is the observed
//! value and a quarter of its width is the observation's standard deviation.
//! The simulator's own noise is the variance of the mean over a world's
//! replications. The implausibility of a world for pattern `j` is
//!
//! ```text
//! I_j = |m_j - z_j| / sqrt(((high_j - low_j) / 4)^2 + s_j^2 / n)
//! ```
//!
//! where `m_j` is the mean of the outcome over the world's `n` baseline
//! replications and `s_j` their standard deviation (no simulator term with
//! one replication). No separate model-discrepancy term is added: the
//! pattern ranges are wide (they span Swedish municipalities) and stand in
//! for it. A world's implausibility is the largest `I_j` ([`Measure::Max`])
//! or the second largest ([`Measure::SecondMax`], more lenient: one pattern
//! may miss); it is ruled out when that exceeds the cut-off (3 by default,
//! Pukelsheim's three-sigma rule). A world whose value is missing (every
//! replication failed) has implausibility NaN and is ruled out.

use crate::calibration::Pattern;

/// How the patterns' implausibilities combine into one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// The largest: every pattern must be met.
    Max,
    /// The second largest: one pattern may miss by any amount.
    SecondMax,
}

impl Measure {
    /// `max` or `second_max`.
    pub fn name(self) -> &'static str {
        match self {
            Measure::Max => "max",
            Measure::SecondMax => "second_max",
        }
    }
}

/// The implausibility of one pattern, given the mean `mean`, standard
/// deviation `sd` and number `n` of the world's replications.
pub fn implausibility(pattern: &Pattern, mean: f64, sd: f64, n: usize) -> f64 {
    let z = (pattern.low + pattern.high) / 2.0;
    let obs = (pattern.high - pattern.low) / 4.0;
    let sim = if n > 1 && sd.is_finite() {
        sd * sd / n as f64
    } else {
        0.0
    };
    let scale = (obs * obs + sim).sqrt();
    if !mean.is_finite() {
        return f64::NAN;
    }
    (mean - z).abs() / scale
}

/// The patterns' implausibilities combined by `measure`: NaN if any is NaN.
pub fn combine(values: &[f64], measure: Measure) -> f64 {
    if values.iter().any(|v| v.is_nan()) || values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
    match measure {
        Measure::Max => sorted[0],
        Measure::SecondMax => sorted.get(1).copied().unwrap_or(sorted[0]),
    }
}

/// Whether a world with combined implausibility `value` is kept.
pub fn kept(value: f64, cutoff: f64) -> bool {
    value <= cutoff
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::Outcome;

    fn pattern() -> Pattern {
        Pattern {
            outcome: Outcome::WorkerTurnover,
            constrains: "test",
            low: 0.20,
            high: 0.36,
            source: "test",
        }
    }

    #[test]
    fn implausibility_is_the_standardised_distance_to_the_midpoint() {
        // z = 0.28, observation sd = 0.04; simulator variance 0.03^2 / 9 = 0.0001.
        let i = implausibility(&pattern(), 0.40, 0.03, 9);
        let hand = 0.12 / (0.04_f64 * 0.04 + 0.0001).sqrt();
        assert!((i - hand).abs() < 1e-12, "{i} vs {hand}");
        // One replication: no simulator term.
        assert!((implausibility(&pattern(), 0.20, f64::NAN, 1) - 2.0).abs() < 1e-12);
        assert!(implausibility(&pattern(), f64::NAN, 0.0, 3).is_nan());
    }

    #[test]
    fn measures_take_the_largest_or_second_largest_and_nan_rules_out() {
        assert_eq!(combine(&[1.0, 4.0, 2.5], Measure::Max), 4.0);
        assert_eq!(combine(&[1.0, 4.0, 2.5], Measure::SecondMax), 2.5);
        assert_eq!(combine(&[1.5], Measure::SecondMax), 1.5);
        let nan = combine(&[1.0, f64::NAN], Measure::Max);
        assert!(nan.is_nan() && !kept(nan, 3.0));
        assert!(kept(3.0, 3.0) && !kept(3.01, 3.0));
    }
}
