//! Experiments: every (arm, replication) run of a scenario, in parallel, with
//! statistics aggregated as runs finish.
//!
//! Runs are executed in chunks with rayon and then folded in a fixed order
//! (replication by replication, arm by arm), so every floating-point sum is
//! the same whatever the number of threads. Memory is bounded by one chunk of
//! finished runs, not by the number of replications. This module does no I/O:
//! per-run rows go to a [`RunSink`] the caller provides, and progress to a
//! callback.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use crate::engine::seeds::replication_seed;
use crate::engine::{RunOutput, simulate};
use crate::outcome::{OUTCOME_COUNT, OutcomeValues, SERIES_COUNT, SeriesValues};
use crate::scenario::Scenario;
use crate::stats::{Running, Summary};

/// Receives every finished run, in deterministic order (replication 0 of
/// every arm in arm order, then replication 1, ...).
pub trait RunSink {
    /// Called once per successful run.
    fn run_finished(&mut self, run: &RunRecord<'_>) -> std::io::Result<()>;
}

/// One finished run as handed to a [`RunSink`].
#[derive(Debug)]
pub struct RunRecord<'a> {
    /// Index of the arm in the scenario.
    pub arm: usize,
    /// Replication number, from 0.
    pub replication: u32,
    /// The seed of this replication (shared by all arms).
    pub seed: u64,
    /// Outcomes measured after warm-up.
    pub outcomes: &'a OutcomeValues,
    /// Monthly series, one entry per simulated month from month 1.
    pub series: &'a [SeriesValues],
}

/// Aggregated results of one arm.
#[derive(Clone, Debug)]
pub struct ArmSummary {
    /// Per outcome, across replications.
    pub outcomes: [Summary; OUTCOME_COUNT],
    /// Per outcome, the paired difference (this arm minus the baseline) across
    /// replications; `None` for the baseline arm itself.
    pub paired_difference: Option<[Summary; OUTCOME_COUNT]>,
    /// Per month and series metric, across the replications that had a
    /// value that month (`n` counts them).
    pub series: Vec<[Summary; SERIES_COUNT]>,
    /// Per simulated year (warm-up included) and outcome, across the
    /// replications that had a value that year.
    pub yearly: Vec<[Summary; OUTCOME_COUNT]>,
    /// Per simulated year and outcome, the paired difference to the
    /// baseline, over the replications where both had a value; `None` for
    /// the baseline arm.
    pub yearly_difference: Option<Vec<[Summary; OUTCOME_COUNT]>>,
}

/// A run that failed, with what is needed to replay it alone.
#[derive(Clone, Debug)]
pub struct RunFailure {
    /// Arm name.
    pub arm: String,
    /// Replication number.
    pub replication: u32,
    /// Seed of the replication.
    pub seed: u64,
    /// What went wrong.
    pub message: String,
}

/// Everything an experiment produced besides the per-run rows.
#[derive(Clone, Debug)]
pub struct ExperimentResult {
    /// One summary per arm, in scenario order.
    pub arms: Vec<ArmSummary>,
    /// Runs that failed; their replications are left out of every summary.
    pub failures: Vec<RunFailure>,
    /// Threads used.
    pub threads: usize,
    /// Wall-clock seconds spent running.
    pub elapsed_seconds: f64,
    /// Simulated agent-days (case-worker positions times days) in all runs.
    pub agent_days: f64,
}

/// How to run an experiment.
#[derive(Default)]
pub struct Options {
    /// Worker threads; `None` uses every core.
    pub threads: Option<usize>,
    /// Called after each finished run with (runs finished, runs in total).
    pub progress: Option<Box<dyn Fn(usize, usize) + Send + Sync>>,
}

/// Errors that stop a whole experiment (a failed single run does not).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExperimentError {
    /// The thread pool could not be built.
    #[error("could not start {threads} worker threads: {message}")]
    ThreadPool {
        /// Threads asked for.
        threads: usize,
        /// The reason.
        message: String,
    },
    /// The sink could not take a run (a full disk, a closed pipe).
    #[error("could not record arm {arm}, replication {replication}")]
    Sink {
        /// Arm name.
        arm: String,
        /// Replication number.
        replication: u32,
        /// The I/O error.
        source: std::io::Error,
    },
}

impl RunSink for () {
    fn run_finished(&mut self, _run: &RunRecord<'_>) -> std::io::Result<()> {
        Ok(())
    }
}

/// The rayon pool of `options.threads` (default: every core), and its
/// number of threads.
pub(crate) fn thread_pool(
    options: &Options,
) -> Result<(rayon::ThreadPool, usize), ExperimentError> {
    let threads = options
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| ExperimentError::ThreadPool {
            threads,
            message: e.to_string(),
        })?;
    Ok((pool, threads))
}

/// Runs every arm and replication of `scenario`.
///
/// Runs are grouped in chunks of whole replications; each chunk runs in
/// parallel and is then folded into the statistics and the sink in
/// replication order, so the result does not depend on `threads`. A run that
/// panics is reported in [`ExperimentResult::failures`] and left out of the
/// summaries; the others go on.
pub fn run_experiment(
    scenario: &Scenario,
    options: &Options,
    sink: &mut dyn RunSink,
) -> Result<ExperimentResult, ExperimentError> {
    let (pool, threads) = thread_pool(options)?;
    let started = Instant::now();
    let arms = scenario.arms.len().max(1);
    let total = scenario.run_count();
    let mut folds: Vec<ArmFold> = (0..arms).map(|_| ArmFold::default()).collect();
    let mut failures = Vec::new();
    let done = AtomicUsize::new(0);
    // Enough runs per chunk to keep every thread busy; memory stays bounded
    // by one chunk of finished runs.
    let reps_per_chunk = (4 * threads).div_ceil(arms).max(1) as u32;
    let mut first = 0;
    while first < scenario.replications {
        let last = (first + reps_per_chunk).min(scenario.replications);
        let tasks: Vec<(u32, usize)> = (first..last)
            .flat_map(|rep| (0..arms).map(move |arm| (rep, arm)))
            .collect();
        let outputs: Vec<Result<RunOutput, String>> = pool.install(|| {
            tasks
                .par_iter()
                .map(|&(rep, arm)| {
                    let out = std::panic::catch_unwind(AssertUnwindSafe(|| {
                        simulate(scenario, &scenario.arms[arm], rep)
                    }))
                    .map_err(|payload| panic_message(payload.as_ref()));
                    let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if let Some(progress) = &options.progress {
                        progress(finished, total);
                    }
                    out
                })
                .collect()
        });
        for (rep_outputs, rep) in outputs.chunks(arms).zip(first..last) {
            let seed = replication_seed(scenario.seed, rep);
            let baseline = rep_outputs[scenario.baseline].as_ref().ok();
            for (arm, output) in rep_outputs.iter().enumerate() {
                match output {
                    Ok(out) => {
                        let record = RunRecord {
                            arm,
                            replication: rep,
                            seed,
                            outcomes: &out.outcomes,
                            series: &out.series,
                        };
                        sink.run_finished(&record)
                            .map_err(|source| ExperimentError::Sink {
                                arm: scenario.arms[arm].name.clone(),
                                replication: rep,
                                source,
                            })?;
                        folds[arm].push(out, baseline.filter(|_| arm != scenario.baseline));
                    }
                    Err(message) => failures.push(RunFailure {
                        arm: scenario.arms[arm].name.clone(),
                        replication: rep,
                        seed,
                        message: message.clone(),
                    }),
                }
            }
        }
        first = last;
    }
    let agent_days = (0..arms)
        .map(|a| scenario.arms[a].params.positions() as f64)
        .sum::<f64>()
        * f64::from(scenario.horizon_days)
        * f64::from(scenario.replications);
    Ok(ExperimentResult {
        arms: folds
            .into_iter()
            .enumerate()
            .map(|(a, f)| f.finish(a == scenario.baseline))
            .collect(),
        failures,
        threads,
        elapsed_seconds: started.elapsed().as_secs_f64(),
        agent_days,
    })
}

/// Running statistics of one arm.
#[derive(Default)]
struct ArmFold {
    outcomes: Vec<Running>,
    difference: Vec<Running>,
    series: Vec<[Running; SERIES_COUNT]>,
    yearly: Vec<[Running; OUTCOME_COUNT]>,
    yearly_difference: Vec<[Running; OUTCOME_COUNT]>,
}

impl ArmFold {
    fn push(&mut self, out: &RunOutput, baseline: Option<&RunOutput>) {
        if self.outcomes.is_empty() {
            self.outcomes = vec![Running::default(); OUTCOME_COUNT];
            self.difference = vec![Running::default(); OUTCOME_COUNT];
        }
        for (k, &x) in out.outcomes.0.iter().enumerate() {
            self.outcomes[k].push(x);
            if let Some(b) = baseline {
                self.difference[k].push(x - b.outcomes.0[k]);
            }
        }
        if self.series.len() < out.series.len() {
            self.series
                .resize(out.series.len(), [Running::default(); SERIES_COUNT]);
        }
        // A month without a value in one run (no decisions that month) is
        // missing there, not in every run: it is left out, as pandas and R
        // (`na.rm`) leave it out, and `n` counts the runs that had one.
        for (month, values) in out.series.iter().enumerate() {
            for (k, &x) in values.0.iter().enumerate() {
                if !x.is_nan() {
                    self.series[month][k].push(x);
                }
            }
        }
        // Years as months: a year without a value in one run is left out
        // there, and a difference needs both runs' values.
        if self.yearly.len() < out.yearly.len() {
            let empty = [Running::default(); OUTCOME_COUNT];
            self.yearly.resize(out.yearly.len(), empty);
            self.yearly_difference.resize(out.yearly.len(), empty);
        }
        for (year, values) in out.yearly.iter().enumerate() {
            for (k, &x) in values.0.iter().enumerate() {
                if !x.is_nan() {
                    self.yearly[year][k].push(x);
                }
                let base = baseline.and_then(|b| b.yearly.get(year)).map(|v| v.0[k]);
                if let Some(b) = base.filter(|b| !b.is_nan() && !x.is_nan()) {
                    self.yearly_difference[year][k].push(x - b);
                }
            }
        }
    }

    fn finish(self, is_baseline: bool) -> ArmSummary {
        let summarise = |v: &[Running]| -> [Summary; OUTCOME_COUNT] {
            std::array::from_fn(|k| v.get(k).copied().unwrap_or_default().summary())
        };
        ArmSummary {
            outcomes: summarise(&self.outcomes),
            paired_difference: (!is_baseline).then(|| summarise(&self.difference)),
            series: self
                .series
                .iter()
                .map(|m| std::array::from_fn(|k| m[k].summary()))
                .collect(),
            yearly: summarise_years(&self.yearly),
            yearly_difference: (!is_baseline).then(|| summarise_years(&self.yearly_difference)),
        }
    }
}

fn summarise_years(years: &[[Running; OUTCOME_COUNT]]) -> Vec<[Summary; OUTCOME_COUNT]> {
    years
        .iter()
        .map(|y| std::array::from_fn(|k| y[k].summary()))
        .collect()
}

/// The message of a panic payload (a `&str` or a `String`), for reports.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown internal error".to_string())
}
