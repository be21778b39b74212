//! Sensitivity analysis: which factors move an outcome, and how much.
//!
//! Pure functions on the unit hypercube, independent of the engine: a design
//! is a list of points in `[0, 1]^k`, the caller evaluates the response at
//! each point (a simulation, or an analytic test function), and the analysis
//! turns the responses into indices.
//!
//! - [`morris`]: elementary effects on a p-level grid (Morris 1991, with
//!   Campolongo et al. 2007's mu*): a cheap screening of many factors.
//! - [`sobol`]: variance-based first-order and total indices (Saltelli et
//!   al. 2010 sampling and first-order estimator, Jansen 1999 total-effect
//!   estimator) with bootstrap percentile intervals, on base samples from
//!   [`sequence`], a Sobol' low-discrepancy sequence.
//!
//! Every random choice comes from a [`Rng`](crate::engine::seeds::Rng)
//! seeded by the caller, so a design is a pure function of its arguments.
//! Nothing here knows about scenarios, files or threads.

pub mod morris;
pub mod sequence;
pub mod sobol;

/// The `q` quantile (0..=1) of sorted values, by linear interpolation
/// between order statistics (type 7, as R's default); NaN when empty.
pub fn quantile_sorted(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            let h = q.clamp(0.0, 1.0) * (n - 1) as f64;
            let lo = h.floor() as usize;
            let hi = (lo + 1).min(n - 1);
            sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
        }
    }
}

/// A percentile interval at `confidence` (e.g. 0.95) from bootstrap
/// replicates; NaN ends when there are none. Replicates that are not finite
/// (a resample with no variance at all) are left out, so that one of them
/// cannot make an end of the interval NaN or infinite. Sorts `values` in
/// place.
pub fn percentile_interval(values: &mut [f64], confidence: f64) -> (f64, f64) {
    values.sort_by(f64::total_cmp);
    let first = values
        .iter()
        .position(|x| x.is_finite())
        .unwrap_or(values.len());
    let last = values
        .iter()
        .rposition(|x| x.is_finite())
        .map_or(first, |i| i + 1);
    let finite = &values[first..last.max(first)];
    let tail = (1.0 - confidence) / 2.0;
    (
        quantile_sorted(finite, tail),
        quantile_sorted(finite, 1.0 - tail),
    )
}

#[cfg(test)]
pub(crate) mod test_functions {
    //! Analytic test functions with known sensitivity indices.

    use std::f64::consts::PI;

    /// The Ishigami function on `[0,1]^3` mapped to `[-pi, pi]^3`, with
    /// a = 7, b = 0.1.
    pub fn ishigami(u: &[f64]) -> f64 {
        let x: Vec<f64> = u.iter().map(|v| -PI + 2.0 * PI * v).collect();
        x[0].sin() + 7.0 * x[1].sin().powi(2) + 0.1 * x[2].powi(4) * x[0].sin()
    }

    /// Analytic (S1, ST) of the Ishigami function with a = 7, b = 0.1.
    pub fn ishigami_indices() -> [(f64, f64); 3] {
        let (a, b) = (7.0f64, 0.1f64);
        let v1 = 0.5 * (1.0 + b * PI.powi(4) / 5.0).powi(2);
        let v2 = a * a / 8.0;
        let v13 = b * b * PI.powi(8) * (1.0 / 18.0 - 1.0 / 50.0);
        let v = v1 + v2 + v13;
        [(v1 / v, (v1 + v13) / v), (v2 / v, v2 / v), (0.0, v13 / v)]
    }

    /// Sobol's G-function with coefficients `a`.
    pub fn g_function(u: &[f64], a: &[f64]) -> f64 {
        u.iter()
            .zip(a)
            .map(|(x, a)| ((4.0 * x - 2.0).abs() + a) / (1.0 + a))
            .product()
    }

    /// Analytic (S1, ST) of the G-function with coefficients `a`.
    pub fn g_indices(a: &[f64]) -> Vec<(f64, f64)> {
        let vi: Vec<f64> = a.iter().map(|a| 1.0 / (3.0 * (1.0 + a).powi(2))).collect();
        let total: f64 = vi.iter().map(|v| 1.0 + v).product::<f64>() - 1.0;
        vi.iter()
            .enumerate()
            .map(|(i, v)| {
                let others: f64 = vi
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, w)| 1.0 + w)
                    .product();
                (v / total, v * others / total)
            })
            .collect()
    }

    #[test]
    fn analytic_ishigami_values_match_the_literature() {
        let s = ishigami_indices();
        for ((s1, st), (e1, et)) in
            s.iter()
                .zip([(0.3139, 0.5576), (0.4424, 0.4424), (0.0, 0.2437)])
        {
            assert!((s1 - e1).abs() < 1e-3 && (st - et).abs() < 1e-3, "{s:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile_sorted(&v, 0.5), 3.0);
        assert_eq!(quantile_sorted(&v, 0.0), 1.0);
        assert_eq!(quantile_sorted(&v, 1.0), 5.0);
        assert_eq!(quantile_sorted(&v, 0.125), 1.5);
        assert!(quantile_sorted(&[], 0.5).is_nan());
        let mut w = vec![5.0, 1.0, 3.0, 2.0, 4.0];
        assert_eq!(percentile_interval(&mut w, 0.5), (2.0, 4.0));
        // A replicate with no variance (NaN or infinite) is left out.
        let mut x = vec![5.0, f64::NAN, 1.0, -f64::NAN, 3.0, 2.0, f64::INFINITY, 4.0];
        assert_eq!(percentile_interval(&mut x, 0.5), (2.0, 4.0));
        let mut none = vec![f64::NAN, f64::INFINITY];
        let (lo, hi) = percentile_interval(&mut none, 0.9);
        assert!(lo.is_nan() && hi.is_nan());
    }
}
