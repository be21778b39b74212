//! The two stages of a robustness study and the analysis of their results.

use super::history::{self, Measure};
use super::prim::{self, PrimBox};
use super::spec::RobustnessSpec;
use crate::calibration::PATTERNS;
use crate::outcome::{OUTCOME_COUNT, OUTCOMES, Outcome};
use crate::report::text::{Better, better};
use crate::stats::Summary;
use crate::sweep::design::{latin_hypercube, scale};
use crate::sweep::{Factor, Plan, PlanError, PlanKind, Streams};

/// The worlds: one row per world, one value per uncertain parameter, from
/// a Latin hypercube seeded by the spec's seed (a pure function of the
/// spec). Whole-number parameters are rounded.
pub fn worlds(spec: &RobustnessSpec) -> Vec<Vec<f64>> {
    latin_hypercube(spec.uncertain.len(), spec.worlds as usize, spec.seed)
        .into_iter()
        .map(|row| {
            row.iter()
                .zip(&spec.uncertain)
                .map(|(&u, p)| scale(p.param, p.low, p.high, u))
                .collect()
        })
        .collect()
}

fn factors(spec: &RobustnessSpec) -> Vec<Factor> {
    spec.uncertain
        .iter()
        .map(|u| Factor {
            param: u.param,
            arm: None,
        })
        .collect()
}

/// The second wave's worlds: `spec.worlds` worlds from a Latin hypercube
/// (seeded by the spec's seed and the wave) over the box spanned by the
/// first wave's kept worlds, parameter by parameter; none when the first
/// wave kept none.
pub fn wave2_worlds(spec: &RobustnessSpec, first: &[Vec<f64>], kept: &[usize]) -> Vec<Vec<f64>> {
    if kept.is_empty() {
        return Vec::new();
    }
    let bounds: Vec<(f64, f64)> = (0..spec.uncertain.len())
        .map(|d| {
            kept.iter()
                .map(|&w| first[w][d])
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                    (lo.min(v), hi.max(v))
                })
        })
        .collect();
    latin_hypercube(
        spec.uncertain.len(),
        spec.worlds as usize,
        crate::engine::seeds::mix64(spec.seed ^ 0x5741_5645_0002),
    )
    .into_iter()
    .map(|row| {
        row.iter()
            .zip(&spec.uncertain)
            .zip(&bounds)
            .map(|((&u, p), &(lo, hi))| scale(p.param, lo, hi, u))
            .collect()
    })
    .collect()
}

/// Stage 1 of the first wave: the baseline arm alone in every world.
pub fn stage1_plan(spec: &RobustnessSpec) -> Result<Plan, PlanError> {
    baseline_plan(
        spec,
        worlds(spec),
        format!(
            "robustness stage=1 latin_hypercube worlds={} seed={}",
            spec.worlds, spec.seed
        ),
    )
}

/// Stage 1 of the second wave: the baseline arm in the second wave's
/// worlds ([`wave2_worlds`]).
pub fn wave2_plan(spec: &RobustnessSpec, worlds: Vec<Vec<f64>>) -> Result<Plan, PlanError> {
    baseline_plan(
        spec,
        worlds,
        format!(
            "robustness stage=1 wave=2 latin_hypercube worlds={} seed={} cutoff={} measure={}",
            spec.worlds,
            spec.seed,
            spec.cutoff,
            spec.measure.name()
        ),
    )
}

fn baseline_plan(
    spec: &RobustnessSpec,
    worlds: Vec<Vec<f64>>,
    design: String,
) -> Result<Plan, PlanError> {
    let mut scenario = spec.scenario.clone();
    let baseline = scenario.arms[scenario.baseline].clone();
    scenario.arms = vec![baseline];
    scenario.baseline = 0;
    Plan::new(
        PlanKind::Robustness,
        scenario,
        spec.source.clone(),
        factors(spec),
        worlds,
        spec.replications,
        Streams::Common,
        design,
    )
}

/// Stage 2: every arm in the kept worlds (`kept` lists world indices), or
/// `None` when no world is kept. Its baseline runs are stage 1's: the
/// same world values, scenario seed, replications, horizon and warm-up
/// (stage 1's plan is this scenario with the baseline arm alone), so the
/// command takes them from stage 1's folder instead of running them.
pub fn stage2_plan(
    spec: &RobustnessSpec,
    worlds: &[Vec<f64>],
    kept: &[usize],
) -> Result<Option<Plan>, PlanError> {
    if kept.is_empty() {
        return Ok(None);
    }
    Plan::new(
        PlanKind::Robustness,
        spec.scenario.clone(),
        spec.source.clone(),
        factors(spec),
        kept.iter().map(|&w| worlds[w].clone()).collect(),
        spec.replications,
        Streams::Common,
        format!(
            "robustness stage=2 kept={} of worlds={} waves={} seed={} cutoff={} measure={}",
            kept.len(),
            worlds.len(),
            spec.waves,
            spec.seed,
            spec.cutoff,
            spec.measure.name()
        ),
    )
    .map(Some)
}

/// One outcome of one world's baseline: mean, standard deviation and
/// number of replications.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Level {
    /// Mean over the replications.
    pub mean: f64,
    /// Their standard deviation (NaN with one).
    pub sd: f64,
    /// Replications that succeeded.
    pub n: usize,
}

/// A world's history match.
#[derive(Clone, Debug, PartialEq)]
pub struct WorldMatch {
    /// The baseline's mean of each pattern's outcome, in pattern order.
    pub means: Vec<f64>,
    /// The implausibility of each pattern, in pattern order.
    pub per_pattern: Vec<f64>,
    /// Combined by the spec's measure.
    pub implausibility: f64,
    /// Not ruled out.
    pub kept: bool,
}

/// History-matches every world from its baseline levels
/// (`levels[world][outcome]`).
pub fn history_match(
    levels: &[[Level; OUTCOME_COUNT]],
    cutoff: f64,
    measure: Measure,
) -> Vec<WorldMatch> {
    levels
        .iter()
        .map(|l| {
            let means: Vec<f64> = PATTERNS
                .iter()
                .map(|p| l[p.outcome as usize].mean)
                .collect();
            let per_pattern: Vec<f64> = PATTERNS
                .iter()
                .map(|p| {
                    let v = l[p.outcome as usize];
                    history::implausibility(p, v.mean, v.sd, v.n)
                })
                .collect();
            let implausibility = history::combine(&per_pattern, measure);
            WorldMatch {
                means,
                per_pattern,
                implausibility,
                kept: history::kept(implausibility, cutoff),
            }
        })
        .collect()
}

/// Which way an effect goes, judged by its 95 % interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The interval lies below zero.
    Lower,
    /// The interval includes zero, or there is none (one replication).
    Unclear,
    /// The interval lies above zero.
    Higher,
}

impl Verdict {
    /// Of a paired difference.
    pub fn of(s: &Summary) -> Verdict {
        if s.ci_high < 0.0 {
            Verdict::Lower
        } else if s.ci_low > 0.0 {
            Verdict::Higher
        } else {
            Verdict::Unclear
        }
    }

    /// `better`, `worse` or `no_clear_difference` for an outcome with a
    /// direction; `lower` or `higher` for one without.
    pub fn word(self, outcome: Outcome) -> &'static str {
        match (self, better(outcome)) {
            (Verdict::Unclear, _) => "no_clear_difference",
            (Verdict::Lower, Better::Lower) | (Verdict::Higher, Better::Higher) => "better",
            (Verdict::Lower, Better::Higher) | (Verdict::Higher, Better::Lower) => "worse",
            (Verdict::Lower, Better::Neither) => "lower",
            (Verdict::Higher, Better::Neither) => "higher",
        }
    }

    /// Whether the arm does worse than the baseline.
    pub fn is_worse(self, outcome: Outcome) -> bool {
        self.word(outcome) == "worse"
    }
}

/// One arm's paired effect on one outcome in one kept world.
#[derive(Clone, Debug)]
pub struct Effect {
    /// World index (into [`worlds`]).
    pub world: usize,
    /// Arm index in the scenario.
    pub arm: usize,
    /// The outcome.
    pub outcome: Outcome,
    /// Arm minus baseline over the replications.
    pub summary: Summary,
    /// Judged by the interval.
    pub verdict: Verdict,
}

/// One arm and outcome across the kept worlds.
#[derive(Clone, Debug)]
pub struct Robustness {
    /// Arm index.
    pub arm: usize,
    /// The outcome.
    pub outcome: Outcome,
    /// Kept worlds with an effect.
    pub worlds: usize,
    /// Worlds where the effect is below zero, unclear, above zero.
    pub lower: usize,
    /// See `lower`.
    pub unclear: usize,
    /// See `lower`.
    pub higher: usize,
    /// 5th percentile, median and 95th percentile of the mean effect.
    pub p05: f64,
    /// See `p05`.
    pub median: f64,
    /// See `p05`.
    pub p95: f64,
}

impl Robustness {
    /// Worlds where the arm is better and worse (`None` for an outcome
    /// without a direction).
    pub fn better_worse(&self) -> Option<(usize, usize)> {
        match better(self.outcome) {
            Better::Lower => Some((self.lower, self.higher)),
            Better::Higher => Some((self.higher, self.lower)),
            Better::Neither => None,
        }
    }
}

/// Scenario discovery for one arm and outcome with a mixed verdict.
#[derive(Clone, Debug)]
pub struct Discovery {
    /// Arm index.
    pub arm: usize,
    /// The outcome.
    pub outcome: Outcome,
    /// Kept worlds where the arm does worse.
    pub worse: usize,
    /// PRIM's trajectory over the kept worlds, "worse" as the case of
    /// interest ([`prim::find_box`]): the peeled boxes, then the pasted.
    pub trajectory: Vec<PrimBox>,
    /// How many boxes of `trajectory` peeling made (step 0 included).
    pub peeled: usize,
    /// The step of the trajectory chosen ([`prim::choose`], over the
    /// peeled and the pasted boxes alike).
    pub chosen: Option<usize>,
    /// The chosen box with the restrictions that do not matter dropped
    /// ([`prim::prune`], at the 5 % level): the box shown.
    pub shown: Option<PrimBox>,
    /// Per uncertain parameter (spec order): how well it separates the
    /// worse worlds from the others ([`prim::separation`]).
    pub separation: Vec<f64>,
    /// The same between the worlds where the arm is better and those where
    /// it is worse (NaN when it is better in none).
    pub separation_better: Vec<f64>,
}

/// The analysis of stage 2.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// Every world, arm (other than the baseline) and outcome.
    pub effects: Vec<Effect>,
    /// Every arm (other than the baseline) and outcome.
    pub robustness: Vec<Robustness>,
    /// Every arm and studied outcome with a mixed verdict.
    pub discoveries: Vec<Discovery>,
}

/// Percentile `q` (0..=1) of sorted values, by linear interpolation between
/// order statistics (Hyndman & Fan 1996, type 7); NaN when empty.
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let h = (sorted.len() - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// Analyses stage 2: `kept` lists the world index of each stage-2 point,
/// `differences[point][arm]` the paired differences (`None` for the
/// baseline), `worlds` every world's values.
pub fn analyse(
    spec: &RobustnessSpec,
    worlds: &[Vec<f64>],
    kept: &[usize],
    differences: &[Vec<Option<[Summary; OUTCOME_COUNT]>>],
) -> Result<Analysis, prim::PrimError> {
    let mut a = Analysis::default();
    let arms = spec.scenario.arms.len();
    for (point, arms_diff) in differences.iter().enumerate() {
        let world = kept[point];
        for (arm, d) in arms_diff.iter().enumerate() {
            let Some(d) = d else { continue };
            for (o, s) in d.iter().enumerate() {
                a.effects.push(Effect {
                    world,
                    arm,
                    outcome: Outcome::ALL[o],
                    summary: *s,
                    verdict: Verdict::of(s),
                });
            }
        }
    }
    for arm in (0..arms).filter(|&a| a != spec.scenario.baseline) {
        for (o, &outcome) in Outcome::ALL.iter().enumerate() {
            let mine: Vec<&Effect> = a
                .effects
                .iter()
                .filter(|e| e.arm == arm && e.outcome as usize == o && e.summary.mean.is_finite())
                .collect();
            let mut means: Vec<f64> = mine.iter().map(|e| e.summary.mean).collect();
            means.sort_by(f64::total_cmp);
            let count = |v: Verdict| mine.iter().filter(|e| e.verdict == v).count();
            a.robustness.push(Robustness {
                arm,
                outcome,
                worlds: mine.len(),
                lower: count(Verdict::Lower),
                unclear: count(Verdict::Unclear),
                higher: count(Verdict::Higher),
                p05: percentile(&means, 0.05),
                median: percentile(&means, 0.5),
                p95: percentile(&means, 0.95),
            });
            if !spec.outcomes.contains(&outcome) || better(outcome) == Better::Neither {
                continue;
            }
            let worse: Vec<bool> = mine.iter().map(|e| e.verdict.is_worse(outcome)).collect();
            let n_worse = worse.iter().filter(|&&w| w).count();
            if n_worse == 0 || n_worse == worse.len() {
                continue;
            }
            let x: Vec<Vec<f64>> = mine.iter().map(|e| worlds[e.world].clone()).collect();
            let prim::Trajectory {
                boxes: trajectory,
                peeled,
            } = prim::find_box(&x, &worse, &spec.prim)?;
            let chosen = prim::choose(&trajectory, spec.min_coverage);
            let shown =
                chosen.map(|c| prim::prune(&x, &worse, &trajectory[0], &trajectory[c], 0.05));
            let values = |d: usize, keep: &dyn Fn(&Effect) -> bool| -> Vec<f64> {
                mine.iter()
                    .zip(&x)
                    .filter(|(e, _)| keep(e))
                    .map(|(_, r)| r[d])
                    .collect()
            };
            let is_worse = |e: &Effect| e.verdict.is_worse(outcome);
            let is_better = |e: &Effect| e.verdict.word(outcome) == "better";
            let separation = (0..spec.uncertain.len())
                .map(|d| prim::separation(&values(d, &is_worse), &values(d, &|e| !is_worse(e))))
                .collect();
            let separation_better = (0..spec.uncertain.len())
                .map(|d| prim::separation(&values(d, &is_worse), &values(d, &is_better)))
                .collect();
            a.discoveries.push(Discovery {
                arm,
                outcome,
                worse: n_worse,
                trajectory,
                peeled,
                chosen,
                shown,
                separation,
                separation_better,
            });
        }
    }
    Ok(a)
}

/// The outcome names in pattern order (worlds.csv's columns).
pub fn pattern_outcomes() -> Vec<&'static str> {
    PATTERNS
        .iter()
        .map(|p| OUTCOMES[p.outcome as usize].name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_between_order_statistics() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.5), 3.0);
        assert!((percentile(&v, 0.05) - 1.2).abs() < 1e-12);
        assert!((percentile(&v, 0.95) - 4.8).abs() < 1e-12);
        assert!(percentile(&[], 0.5).is_nan());
    }

    #[test]
    fn verdicts_follow_the_interval_and_the_outcome_direction() {
        let s = |lo: f64, hi: f64| Summary {
            n: 3,
            mean: (lo + hi) / 2.0,
            sd: 1.0,
            ci_low: lo,
            ci_high: hi,
        };
        assert_eq!(Verdict::of(&s(-2.0, -1.0)), Verdict::Lower);
        assert_eq!(Verdict::of(&s(-1.0, 1.0)), Verdict::Unclear);
        assert_eq!(Verdict::of(&s(f64::NAN, f64::NAN)), Verdict::Unclear);
        assert_eq!(Verdict::Lower.word(Outcome::WorkerTurnover), "better");
        assert_eq!(Verdict::Lower.word(Outcome::TimeDirect), "worse");
        assert!(Verdict::Higher.is_worse(Outcome::WorkerTurnover));
    }
}
