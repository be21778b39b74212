//! The reference scenario of product.md: 200 case workers in 10 units over
//! 10 simulated years, one replication per iteration, for each preset.
//!
//! Criterion reports the time per replication and, as throughput, agent-days
//! per second (positions x days).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tillit::engine::simulate;
use tillit::model::params::Params;
use tillit::model::presets::Preset;
use tillit::scenario::{Arm, Scenario};

fn reference(preset: Preset) -> Scenario {
    let mut params = Params {
        steering: preset.steering(),
        ..Params::default()
    };
    params.organisation.units = 10;
    params.organisation.workers_per_unit = 20;
    Scenario {
        name: "reference".into(),
        description: "200 case workers, 10 units, 10 years".into(),
        seed: 1,
        replications: 1,
        horizon_days: 3650,
        warmup_days: 730,
        baseline: 0,
        arms: vec![Arm {
            name: preset.name().into(),
            description: String::new(),
            preset,
            params,
            events: Vec::new(),
        }],
    }
}

fn one_replication(c: &mut Criterion) {
    let mut group = c.benchmark_group("reference_replication");
    group.sample_size(20);
    for preset in [Preset::Control, Preset::Trust] {
        let scenario = reference(preset);
        let agent_days =
            scenario.arms[0].params.positions() as u64 * u64::from(scenario.horizon_days);
        group.throughput(Throughput::Elements(agent_days));
        let mut rep = 0;
        group.bench_function(preset.name(), |b| {
            b.iter(|| {
                rep += 1;
                simulate(&scenario, &scenario.arms[0], rep % 8)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, one_replication);
criterion_main!(benches);
