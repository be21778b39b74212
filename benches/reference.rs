//! Performance benchmarks (criterion). Each reports time per iteration and,
//! as throughput, agent-days per second (case-worker positions x days).
//!
//! - `replication/<size>`: one replication of the control preset over 10
//!   simulated years, for 20, 200 (the project's reference scenario, a
//!   mid-sized municipality: 10 units of 20) and 2,000 case workers; how cost grows with size.
//! - `default_run`: a whole `run` of the built-in default scenario (2 arms x
//!   20 replications), on every core.
//! - `scaling/<threads>`: 16 replications of the reference scenario with 1
//!   and 2 worker threads (and more where the machine has them), for
//!   parallel efficiency.
//!
//! Replications per second are 1 / time (replication) or runs / time.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tillit::engine::simulate;
use tillit::experiment::{Options, run_experiment};
use tillit::model::params::Params;
use tillit::model::presets::Preset;
use tillit::scenario::{Arm, DEFAULT_SCENARIO, Scenario, from_str};

/// The control preset in `units` units of 20 workers, 10 years.
fn reference(units: u32, replications: u32) -> Scenario {
    let mut params = Params::default();
    params.organisation.units = units;
    params.organisation.workers_per_unit = 20;
    Scenario {
        name: "reference".into(),
        title: Default::default(),
        description: format!("{} case workers, 10 years", units * 20)
            .as_str()
            .into(),
        seed: 1,
        replications,
        horizon_days: 3650,
        warmup_days: 730,
        baseline: 0,
        language: None,
        arms: vec![Arm {
            name: "control".into(),
            label: Default::default(),
            description: Default::default(),
            preset: Preset::Control,
            params,
            events: Vec::new(),
        }],
    }
}

fn agent_days(s: &Scenario) -> u64 {
    s.arms
        .iter()
        .map(|a| a.params.positions() as u64)
        .sum::<u64>()
        * u64::from(s.horizon_days)
        * u64::from(s.replications)
}

fn replication(c: &mut Criterion) {
    let mut group = c.benchmark_group("replication");
    group.sample_size(10);
    for units in [1, 10, 100] {
        let s = reference(units, 1);
        group.throughput(Throughput::Elements(agent_days(&s)));
        let mut rep = 0;
        group.bench_function(format!("{}_workers", units * 20), |b| {
            b.iter(|| {
                rep += 1;
                simulate(&s, &s.arms[0], rep % 8)
            })
        });
    }
    group.finish();
}

fn default_run(c: &mut Criterion) {
    let s = match from_str(DEFAULT_SCENARIO, "default") {
        Ok(s) => s,
        Err(e) => panic!("the built-in scenario must parse: {e}"),
    };
    let mut group = c.benchmark_group("default_run");
    group.sample_size(10);
    group.throughput(Throughput::Elements(agent_days(&s)));
    group.bench_function("all_cores", |b| {
        b.iter(|| run_experiment(&s, &Options::default(), &mut ()))
    });
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let s = reference(10, 16);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    group.throughput(Throughput::Elements(agent_days(&s)));
    for threads in [1, 2, 4, 8, 16].into_iter().filter(|&t| t <= cores) {
        let options = Options {
            threads: Some(threads),
            progress: None,
        };
        group.bench_function(format!("{threads}_threads"), |b| {
            b.iter(|| run_experiment(&s, &options, &mut ()))
        });
    }
    group.finish();
}

criterion_group!(benches, replication, default_run, scaling);
criterion_main!(benches);
