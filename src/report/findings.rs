//! Which paired differences a run report leads with.
//!
//! What lives here: the rule that picks the key findings ([`key_findings`]):
//! clear differences (the 95% interval excludes zero) of at least
//! [`SMALL_SHARE`] of the baseline's value, largest relative change first,
//! at most [`MAX_KEY_FINDINGS`], and always the largest clear worsening when
//! there is one, so that the first screen shows what an arm costs as well as
//! what it gains. [`is_small`] names the clear differences too small to
//! matter; the report groups them as "small".
//!
//! What does not: no wording (see [`super::text`]) and no layout.

use super::text::{Comparison, Verdict, better, verdict};

/// A clear difference smaller than this share of the baseline's value
/// (2%) is "small": real in the simulation, too small to matter for a
/// decision. The report states the threshold where it groups them.
pub const SMALL_SHARE: f64 = 0.02;

/// The most key findings a report opens with.
pub const MAX_KEY_FINDINGS: usize = 5;

/// The difference relative to the baseline's value (`-0.37`: 37% lower);
/// `None` when the baseline's value is zero or missing, where a relative
/// change means nothing.
pub fn relative(c: &Comparison<'_>) -> Option<f64> {
    let r = c.mean / c.baseline_mean.abs();
    (c.baseline_mean.is_finite() && c.baseline_mean != 0.0 && r.is_finite()).then_some(r)
}

/// The verdict on `c` (see [`verdict`]).
pub fn verdict_of(c: &Comparison<'_>) -> Verdict {
    verdict(better(c.outcome), c.lo, c.hi)
}

/// Whether the interval excludes zero (better, worse or different).
fn is_clear(c: &Comparison<'_>) -> bool {
    matches!(
        verdict_of(c),
        Verdict::Better | Verdict::Worse | Verdict::Different
    )
}

/// A clear difference under [`SMALL_SHARE`] of the baseline's value.
pub fn is_small(c: &Comparison<'_>) -> bool {
    is_clear(c) && relative(c).is_some_and(|r| r.abs() < SMALL_SHARE)
}

/// The comparisons a report leads with, largest relative change first: the
/// clear ones that are not small and have a relative change, each outcome
/// once (its largest change over the arms), at most [`MAX_KEY_FINDINGS`]. When none of those is a worsening but one exists
/// further down, the largest worsening takes the last place, so a trade-off
/// is never left off the first screen. Ties keep the input order.
pub fn key_findings<'c, 'a>(comparisons: &'c [Comparison<'a>]) -> Vec<&'c Comparison<'a>> {
    let mut candidates: Vec<(&Comparison<'a>, f64)> = comparisons
        .iter()
        .filter(|c| is_clear(c) && !is_small(c))
        .filter_map(|c| relative(c).map(|r| (c, r.abs())))
        .collect();
    // A stable sort: equal sizes keep the outcome order.
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1));
    // Several arms: an outcome's smaller changes make way for other outcomes.
    let mut seen = Vec::new();
    candidates.retain(|(c, _)| {
        let first = !seen.contains(&c.outcome);
        seen.push(c.outcome);
        first
    });
    let mut chosen: Vec<(&Comparison<'a>, f64)> =
        candidates.iter().take(MAX_KEY_FINDINGS).copied().collect();
    let is_worse = |c: &Comparison<'_>| verdict_of(c) == Verdict::Worse;
    if !chosen.iter().any(|(c, _)| is_worse(c))
        && let Some(worst) = candidates.iter().find(|(c, _)| is_worse(c))
    {
        if chosen.len() == MAX_KEY_FINDINGS {
            chosen.pop();
        }
        chosen.push(*worst);
    }
    chosen.into_iter().map(|(c, _)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::Outcome;

    fn c(outcome: Outcome, base: f64, mean: f64, half: f64) -> Comparison<'static> {
        Comparison {
            outcome,
            unit: outcome.spec().unit,
            arm: "trust",
            baseline: "control",
            baseline_mean: base,
            arm_mean: base + mean,
            mean,
            lo: mean - half,
            hi: mean + half,
        }
    }

    #[test]
    fn the_largest_clear_effect_comes_first_and_small_or_unclear_ones_never() {
        let all = [
            // -10%: clear.
            c(Outcome::SickLeaveShare, 0.05, -0.005, 0.001),
            // -1%: clear but small.
            c(Outcome::PersonnelCost, 100.0, -1.0, 0.2),
            // -40%: the largest, but its interval includes zero.
            c(Outcome::MeanStress, 0.5, -0.2, 0.3),
            // -37%: the largest clear one.
            c(Outcome::WorkerTurnover, 0.25, -0.0925, 0.01),
            // +11%: a clear worsening.
            c(Outcome::ManagerMeanStress, 0.48, 0.053, 0.01),
        ];
        let found: Vec<Outcome> = key_findings(&all).iter().map(|c| c.outcome).collect();
        assert_eq!(
            found,
            [
                Outcome::WorkerTurnover,
                Outcome::ManagerMeanStress,
                Outcome::SickLeaveShare
            ]
        );
        assert!(is_small(&all[1]) && !is_small(&all[2]) && !is_small(&all[3]));
    }

    #[test]
    fn a_worsening_is_kept_even_when_five_gains_are_larger() {
        let mut all: Vec<Comparison<'static>> = [
            Outcome::WorkerTurnover,
            Outcome::SickLeaveShare,
            Outcome::LongSickSpells,
            Outcome::MeanStress,
            Outcome::InvestigationsOverdue,
            Outcome::OpenCasesMean,
        ]
        .into_iter()
        .enumerate()
        .map(|(k, o)| c(o, 1.0, -0.5 + 0.05 * k as f64, 0.01))
        .collect();
        all.push(c(Outcome::PersonnelCost, 1.0, 0.05, 0.01));
        let found = key_findings(&all);
        assert_eq!(found.len(), MAX_KEY_FINDINGS);
        assert_eq!(found[0].outcome, Outcome::WorkerTurnover);
        assert_eq!(found[4].outcome, Outcome::PersonnelCost);
        // A zero baseline has no relative size: not a key finding.
        let zero = [c(Outcome::SeriousEvents, 0.0, 0.3, 0.1)];
        assert!(key_findings(&zero).is_empty());
        assert!(!is_small(&zero[0]));
        // Two arms: each outcome once, by its larger change.
        let mut other = c(Outcome::WorkerTurnover, 1.0, -0.3, 0.01);
        other.arm = "hybrid";
        let two = [
            c(Outcome::WorkerTurnover, 1.0, -0.2, 0.01),
            other,
            c(Outcome::MeanStress, 1.0, -0.1, 0.01),
        ];
        let found: Vec<(&str, Outcome)> = key_findings(&two)
            .iter()
            .map(|c| (c.arm, c.outcome))
            .collect();
        assert_eq!(
            found,
            [
                ("hybrid", Outcome::WorkerTurnover),
                ("trust", Outcome::MeanStress)
            ]
        );
    }
}
