//! What the quantile tables of `model::beta` and `model::gamma` share: the
//! grid, the slopes at its nodes, the cubic Hermite interpolation between
//! two nodes, and the small per-thread cache of recently built tables.
//! Each distribution keeps its own inversion and its own exact cells.

use std::sync::Arc;

/// Cells of a quantile table: quantiles at u = j / 1024, j = 0..=1024.
pub const CELLS: usize = 1024;

/// dQ/du times the cell width at each node, from the density at the
/// node's quantile (dQ/du = 1 / density(Q)); 0 at the two ends and wherever
/// the slope is not finite, where the tables find the quantile exactly.
pub fn slopes(q: &[f64], density: impl Fn(f64) -> f64) -> Vec<f64> {
    q.iter()
        .enumerate()
        .map(|(j, &x)| {
            if j == 0 || j == CELLS {
                return 0.0;
            }
            let d = 1.0 / (density(x) * CELLS as f64);
            if d.is_finite() { d } else { 0.0 }
        })
        .collect()
}

/// The cubic Hermite polynomial through (0, x0) and (1, x1) with slopes
/// d0 and d1, at t in [0, 1].
#[inline]
pub fn hermite(x0: f64, x1: f64, d0: f64, d1: f64, t: f64) -> f64 {
    let t2 = t * t;
    let t3 = t2 * t;
    (2.0 * t3 - 3.0 * t2 + 1.0) * x0
        + (t3 - 2.0 * t2 + t) * d0
        + (-2.0 * t3 + 3.0 * t2) * x1
        + (t3 - t2) * d1
}

/// The root in [lo, hi] of a function `f` that rises through 0, from `x`:
/// Newton's method with `f`'s derivative `slope`, falling back on
/// bisection (or on doubling, while the bracket is open above: `hi`
/// infinite) whenever a Newton step would leave the bracket or `also`
/// rejects it (given the step and `x`). Stops when a step moves `x` by
/// less than 1e-15 relative, when the bracket closes, at `f(x) = 0`, or
/// after `iterations` steps. The quantile solvers of `model::beta` and
/// `model::gamma` share it.
pub fn rising_root(
    mut x: f64,
    (mut lo, mut hi): (f64, f64),
    iterations: usize,
    f: impl Fn(f64) -> f64,
    slope: impl Fn(f64) -> f64,
    also: impl Fn(f64, f64) -> bool,
) -> f64 {
    for _ in 0..iterations {
        let fx = f(x);
        if fx == 0.0 {
            return x;
        }
        if fx < 0.0 {
            lo = x;
        } else {
            hi = x;
        }
        let newton = x - fx / slope(x);
        let next = if newton > lo && newton < hi && also(newton, x) {
            newton
        } else if hi.is_finite() {
            0.5 * (lo + hi)
        } else {
            2.0 * x.max(1e-3)
        };
        if (next - x).abs() <= 1e-15 * x.max(1e-300) || hi - lo <= 1e-300 {
            return next;
        }
        x = next;
    }
    x
}

/// The last few tables built on one thread, by the bits of their
/// parameters: building a table takes millions of instructions, and a
/// scenario's replications all use the same one. A table is a pure
/// function of its key, so results do not depend on which thread built it.
pub struct Recent<K, T> {
    tables: Vec<(K, Arc<T>)>,
}

impl<K: PartialEq, T> Default for Recent<K, T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: PartialEq, T> Recent<K, T> {
    /// How many tables a thread keeps.
    const KEEP: usize = 4;

    /// An empty cache (for a `thread_local!`).
    pub const fn new() -> Self {
        Recent { tables: Vec::new() }
    }

    /// The table for `key`, built by `build` unless it is among the last
    /// few; `None` when `build` gives none.
    pub fn get_or_build(&mut self, key: K, build: impl FnOnce() -> Option<T>) -> Option<Arc<T>> {
        if let Some((_, t)) = self.tables.iter().find(|(k, _)| *k == key) {
            return Some(Arc::clone(t));
        }
        let t = Arc::new(build()?);
        if self.tables.len() >= Self::KEEP {
            self.tables.remove(0);
        }
        self.tables.push((key, Arc::clone(&t)));
        Some(t)
    }
}
