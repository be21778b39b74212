//! Running the parts of a plan in parallel.
//!
//! Units (point, replication, arm) of a batch of parts run on a rayon pool;
//! each finished part is handed to the caller whole, in part order, with its
//! units in point, replication, arm order. Nothing depends on which thread
//! ran what or when it finished, so the caller's files are byte-identical
//! whatever the thread count. Only outcomes are kept (a run's monthly series
//! is dropped as soon as it finishes), so memory is bounded by one batch,
//! plus the known runs the caller hands in.
//!
//! Runs whose outcomes are already known ([`KnownRuns`]: the same scenario,
//! arm and replication run before, as a robustness study's stage 1 runs its
//! baseline) are handed over with the others but not run again. They are
//! held for the whole call, about 0.5 KB a run (the outcomes' 8-byte
//! numbers).

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::Plan;
use crate::engine::seeds::replication_seed;
use crate::engine::simulate;
use crate::experiment::{ExperimentError, Options, panic_message};
use crate::outcome::OutcomeValues;

/// One finished run of a sweep.
#[derive(Clone, Debug)]
pub struct UnitResult {
    /// Point index.
    pub point: usize,
    /// Arm index.
    pub arm: usize,
    /// Replication, from 0.
    pub replication: u32,
    /// The replication's seed (as in `tillit run`'s runs.csv).
    pub seed: u64,
    /// The outcomes, or the message of a run that failed.
    pub outcomes: Result<OutcomeValues, String>,
}

/// Outcomes of one arm's runs that are already known, because the very
/// same runs (the point's scenario, the arm, the replication and so its
/// seed) were made before. [`run_parts_with`] hands them over as if it had
/// run them: the engine is a pure function of those, so a run made again
/// would give the same outcomes, or fail with the same message.
#[derive(Clone, Debug, Default)]
pub struct KnownRuns {
    /// The arm, an index into the plan's scenario.
    pub arm: usize,
    /// Per point of the plan (`None`: not known, run it), per replication:
    /// the outcomes, or the message of a run that failed.
    pub runs: Vec<Option<Vec<Result<OutcomeValues, String>>>>,
}

impl KnownRuns {
    /// The known outcome of replication `rep` of the arm at `point`.
    fn get(&self, point: usize, arm: usize, rep: u32) -> Option<&Result<OutcomeValues, String>> {
        if arm != self.arm {
            return None;
        }
        self.runs.get(point)?.as_ref()?.get(rep as usize)
    }

    /// How many of the runs of `parts` are known.
    pub fn count(&self, plan: &Plan, parts: &[usize]) -> usize {
        parts
            .iter()
            .flat_map(|&k| plan.part_points(k))
            .map(|p| {
                (0..plan.replications)
                    .filter(|&r| self.get(p, self.arm, r).is_some())
                    .count()
            })
            .sum()
    }
}

/// Why a sweep stopped.
#[derive(Debug, thiserror::Error)]
pub enum RunPartsError<E: std::error::Error + 'static> {
    /// The thread pool could not be built.
    #[error(transparent)]
    Pool(#[from] ExperimentError),
    /// The caller could not take a part.
    #[error(transparent)]
    Sink(E),
}

/// Runs the parts listed in `parts` (in that order) and calls `on_part`
/// with each finished part's index and units. `options.progress` is called
/// with (runs finished, runs in these parts).
pub fn run_parts<E: std::error::Error + 'static>(
    plan: &Plan,
    parts: &[usize],
    options: &Options,
    on_part: impl FnMut(usize, Vec<UnitResult>) -> Result<(), E>,
) -> Result<(), RunPartsError<E>> {
    run_parts_with(plan, parts, options, None, on_part)
}

/// [`run_parts`], taking the runs in `known` from there instead of running
/// them: each part's units are the same, in the same order, as if they had
/// been run. `options.progress` counts only the runs made.
pub fn run_parts_with<E: std::error::Error + 'static>(
    plan: &Plan,
    parts: &[usize],
    options: &Options,
    known: Option<&KnownRuns>,
    mut on_part: impl FnMut(usize, Vec<UnitResult>) -> Result<(), E>,
) -> Result<(), RunPartsError<E>> {
    let (pool, threads) = crate::experiment::thread_pool(options)?;
    let arms = plan.scenario.arms.len();
    let reps = plan.replications;
    let known_of = |point: usize, arm: usize, rep: u32| known.and_then(|k| k.get(point, arm, rep));
    let total: usize = parts
        .iter()
        .map(|&k| plan.part_points(k).len() * plan.runs_per_point())
        .sum::<usize>()
        - known.map_or(0, |k| k.count(plan, parts));
    let done = AtomicUsize::new(0);
    let batch_runs = 8 * threads;
    let mut next = 0;
    while next < parts.len() {
        // A batch of whole parts with enough runs for every thread.
        let mut batch = Vec::new();
        let mut runs = 0;
        while next < parts.len() && (batch.is_empty() || runs < batch_runs) {
            runs += plan.part_points(parts[next]).len() * plan.runs_per_point()
                - known.map_or(0, |k| k.count(plan, &parts[next..=next]));
            batch.push(parts[next]);
            next += 1;
        }
        let points: Vec<usize> = batch.iter().flat_map(|&k| plan.part_points(k)).collect();
        let scenarios: Vec<_> = points.iter().map(|&p| plan.point_scenario(p)).collect();
        let tasks: Vec<(usize, u32, usize)> = (0..points.len())
            .flat_map(|i| (0..reps).flat_map(move |r| (0..arms).map(move |a| (i, r, a))))
            .collect();
        let results: Vec<UnitResult> = pool.install(|| {
            tasks
                .par_iter()
                .map(|&(i, rep, arm)| {
                    let s = &scenarios[i];
                    let outcomes = match known_of(points[i], arm, rep) {
                        Some(outcomes) => outcomes.clone(),
                        None => {
                            let outcomes = std::panic::catch_unwind(AssertUnwindSafe(|| {
                                simulate(s, &s.arms[arm], rep).outcomes
                            }))
                            .map_err(|payload| panic_message(payload.as_ref()));
                            let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                            if let Some(progress) = &options.progress {
                                progress(finished, total);
                            }
                            outcomes
                        }
                    };
                    UnitResult {
                        point: points[i],
                        arm,
                        replication: rep,
                        seed: replication_seed(s.seed, rep),
                        outcomes,
                    }
                })
                .collect()
        });
        let mut results = results.into_iter();
        for &k in &batch {
            let n = plan.part_points(k).len() * plan.runs_per_point();
            let part: Vec<UnitResult> = results.by_ref().take(n).collect();
            on_part(k, part).map_err(RunPartsError::Sink)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::sweep::spec::sweep_from_str;

    #[test]
    fn known_runs_are_handed_over_in_place_and_not_run() {
        let text = "seed = 3\nyears = 1\nwarmup_years = 0\n[organisation]\nunits = 1\n\
                    workers_per_unit = 3\n[[arm]]\nname = \"c\"\npreset = \"control\"\n\
                    [[arm]]\nname = \"t\"\npreset = \"trust\"\n[sweep]\nreplications = 2\n\
                    [[sweep.factor]]\nkey = \"stress.rise_days\"\nvalues = [4, 8, 12]\n";
        let plan = Plan::from_sweep(&sweep_from_str(text, "x.toml", None).unwrap()).unwrap();
        let all: Vec<usize> = (0..plan.parts()).collect();
        // Every run made: 3 points x 2 arms x 2 replications.
        let mut made = Vec::new();
        run_parts(&plan, &all, &Options::default(), |_, part| {
            made.extend(part);
            Ok::<(), std::io::Error>(())
        })
        .unwrap();
        assert_eq!(made.len(), 12);
        // Arm 1 at points 0 and 2 known, one of them marked so that a run
        // made again would show.
        let of = |p: usize, r: u32| {
            made.iter()
                .find(|u| (u.point, u.arm, u.replication) == (p, 1, r))
                .unwrap()
                .outcomes
                .clone()
        };
        let mut marked = of(2, 1).unwrap();
        marked.0[0] = 12345.0;
        let known = KnownRuns {
            arm: 1,
            runs: vec![
                Some(vec![of(0, 0), of(0, 1)]),
                None,
                Some(vec![of(2, 0), Ok(marked.clone())]),
            ],
        };
        assert_eq!(known.count(&plan, &all), 4);
        let runs = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&runs);
        let options = Options {
            threads: Some(2),
            progress: Some(Box::new(move |_, total| {
                assert_eq!(total, 8);
                counter.fetch_add(1, Ordering::Relaxed);
            })),
        };
        let mut got = Vec::new();
        run_parts_with(&plan, &all, &options, Some(&known), |_, part| {
            got.extend(part);
            Ok::<(), std::io::Error>(())
        })
        .unwrap();
        assert_eq!(
            runs.load(Ordering::Relaxed),
            8,
            "only the unknown runs are made"
        );
        assert_eq!(got.len(), made.len());
        for (g, m) in got.iter().zip(&made) {
            assert_eq!(
                (g.point, g.arm, g.replication, g.seed),
                (m.point, m.arm, m.replication, m.seed)
            );
            if (g.point, g.arm, g.replication) == (2, 1, 1) {
                assert_eq!(g.outcomes, Ok(marked.clone()));
            } else {
                assert_eq!(g.outcomes, m.outcomes);
            }
        }
    }
}
