//! Counts heap allocations per simulated year in steady state: the engine
//! should allocate (almost) nothing per tick once warm. Run with
//! `cargo bench --bench allocations`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

use tillit::engine::simulate;
use tillit::model::params::Params;
use tillit::model::presets::Preset;
use tillit::scenario::{Arm, Scenario};

struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

// SAFETY: forwards to the system allocator, only counting calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller upholds `alloc`'s contract.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller upholds `dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller upholds `realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn scenario(preset: Preset, years: u32) -> Scenario {
    Scenario {
        name: "allocations".into(),
        title: Default::default(),
        description: Default::default(),
        seed: 1,
        replications: 1,
        horizon_days: years * 365,
        warmup_days: 365,
        baseline: 0,
        language: None,
        arms: vec![Arm {
            name: preset.name().into(),
            label: Default::default(),
            description: Default::default(),
            preset,
            params: Params {
                steering: preset.steering(),
                ..Params::default()
            },
            events: Vec::new(),
        }],
    }
}

fn allocations(s: &Scenario) -> u64 {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let out = simulate(s, &s.arms[0], 0);
    let after = ALLOCATIONS.load(Ordering::Relaxed);
    drop(out);
    after - before
}

fn main() {
    println!("heap allocations per replication (200 workers), and per year after the first 10");
    for preset in [Preset::Control, Preset::Trust] {
        let short = allocations(&scenario(preset, 10));
        let long = allocations(&scenario(preset, 20));
        println!(
            "{:8} 10 years: {short:6}  20 years: {long:6}  years 11-20: {:.1} per year ({:.4} per agent-day)",
            preset.name(),
            (long - short) as f64 / 10.0,
            (long - short) as f64 / (10.0 * 365.0 * 200.0)
        );
    }
}
