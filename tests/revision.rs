//! Results change only together with the engine's revision
//! (`tillit::engine::ENGINE_REVISION`), which results folders record so
//! that runs of engines that give other results are never mixed.

use tillit::engine::{ENGINE_REVISION, simulate};
use tillit::sweep::fnv1a64;

use crate::support::root;

/// The engine revision and the hash of the bits of the runs below, as they
/// were when the revision was set.
const EXPECTED: (u32, u64) = (1, 0x7539_9724_3429_d79e);

/// Every outcome, monthly series value and yearly outcome of replication 0
/// of every arm of the shipped scenarios, as bits, hashed (FNV-1a).
fn runs_hash() -> u64 {
    let mut bits = Vec::new();
    for name in [
        "default",
        "borlange",
        "control-spiral",
        "falun",
        "reform",
        "template",
    ] {
        let path = root().join("scenarios").join(format!("{name}.toml"));
        let scenario = tillit::scenario::load(&path).expect("a shipped scenario loads");
        for arm in &scenario.arms {
            let run = simulate(&scenario, arm, 0);
            let values = run.outcomes.0.iter();
            let series = run.series.iter().flat_map(|m| m.0.iter());
            let yearly = run.yearly.iter().flat_map(|y| y.0.iter());
            for x in values.chain(series).chain(yearly) {
                bits.extend_from_slice(&x.to_bits().to_le_bytes());
            }
        }
    }
    fnv1a64(&bits)
}

#[test]
#[cfg_attr(
    not(all(target_os = "linux", target_arch = "x86_64", target_env = "gnu")),
    ignore = "the expected bits were made on x86-64 Linux with glibc, whose exp, ln and pow the engine uses"
)]
fn results_change_only_with_the_engine_revision() {
    let hash = runs_hash();
    let what_to_do = if ENGINE_REVISION == EXPECTED.0 {
        format!(
            "raise ENGINE_REVISION in src/engine.rs to {} and set EXPECTED here to ({}, {hash:#x})",
            EXPECTED.0 + 1,
            EXPECTED.0 + 1
        )
    } else {
        format!("set EXPECTED here to ({ENGINE_REVISION}, {hash:#x})")
    };
    assert!(
        (ENGINE_REVISION, hash) == EXPECTED,
        "the runs' bits (hash {hash:#x}) are not those recorded for engine revision {} ({:#x}), \
         or the revision changed. If the results are meant to change, {what_to_do}: results \
         folders of the old revision will then be refused instead of mixed with the new.",
        EXPECTED.0,
        EXPECTED.1,
    );
}
