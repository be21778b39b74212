//! Variance-based (Sobol) sensitivity indices.
//!
//! The design follows Saltelli et al. 2010: two independent base samples
//! `A` and `B` of `n` points in `[0, 1]^k`, and for every factor `i` the
//! matrix `A_B^(i)`, which is `A` with column `i` taken from `B`. That makes
//! `n (k + 2)` evaluations. Row `j` of `A` is the first `k` coordinates of
//! point `j` of a `2k`-dimensional Sobol' sequence and row `j` of `B` the
//! other `k` (see [`super::sequence`]; digitally shifted by the seed), as
//! Saltelli 2010 recommends, for up to `MAX_DIMENSIONS / 2` factors; beyond
//! that, seeded uniform random numbers. [`SobolDesign::sampling`] says
//! which. A power of two for `n` keeps the sequence's points most even. The
//! bootstrap intervals treat the rows as independent, which for the
//! sequence makes them conservative.
//!
//! With `f_A`, `f_B`, `f_ABi` the responses and `V` the variance of all of
//! `f_A` and `f_B` together:
//!
//! - first order (Saltelli 2010): `S_i = mean(f_B (f_ABi - f_A)) / V`,
//!   with the responses first centred on the mean of `f_A` and `f_B`. That
//!   leaves the estimator's expectation unchanged (`f_ABi` and `f_A` have
//!   the same mean) but removes a noise term proportional to the squared
//!   mean, which dominates for outcomes like a share near 0.2 with a small
//!   variance;
//! - total (Jansen 1999): `ST_i = mean((f_A - f_ABi)^2) / (2 V)`.
//!
//! Intervals are bootstrap percentile intervals: the `n` rows (each row with
//! its `A`, `B` and every `A_B^(i)` response) are resampled with
//! replacement, and every index recomputed.

use rand::Rng as _;
use rand::SeedableRng;

use super::percentile_interval;
use super::sequence::SobolSequence;
use crate::engine::seeds::{Rng, mix64};

/// A Saltelli design of `n (k + 2)` points.
#[derive(Clone, Debug, PartialEq)]
pub struct SobolDesign {
    /// Number of factors, `k`.
    pub factors: usize,
    /// Base sample size, `n`.
    pub samples: usize,
    /// How `A` and `B` were drawn.
    pub sampling: Sampling,
    /// Rows of `A` and of `B`.
    a: Vec<Vec<f64>>,
    b: Vec<Vec<f64>>,
}

/// How the base samples of a [`SobolDesign`] were drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sampling {
    /// A digitally shifted Sobol' sequence.
    Sequence,
    /// Uniform random numbers (more factors than the sequence's table).
    Random,
}

impl Sampling {
    /// `sequence` or `random`.
    pub fn name(self) -> &'static str {
        match self {
            Sampling::Sequence => "sequence",
            Sampling::Random => "random",
        }
    }
}

/// First-order and total index of one factor, with intervals.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SobolIndex {
    /// First-order index `S_i`.
    pub first: f64,
    /// Lower end of the bootstrap interval of `S_i`.
    pub first_low: f64,
    /// Upper end of that interval.
    pub first_high: f64,
    /// Total index `ST_i`.
    pub total: f64,
    /// Lower end of the bootstrap interval of `ST_i`.
    pub total_low: f64,
    /// Upper end of that interval.
    pub total_high: f64,
}

/// Problems with the arguments of a Sobol design or analysis.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SobolError {
    /// No factors, or fewer than two base samples.
    #[error("a Sobol design needs at least one factor and two samples")]
    Empty,
    /// The responses do not match the design's points.
    #[error("expected {expected} responses (one per design point), got {got}")]
    Responses {
        /// Points in the design.
        expected: usize,
        /// Responses given.
        got: usize,
    },
}

impl SobolDesign {
    /// Draws the base samples `A` and `B` (`samples` rows, `factors`
    /// columns): from a Sobol' sequence shifted by `seed` when it has the
    /// dimensions, else from a generator seeded with `seed`.
    pub fn new(factors: usize, samples: usize, seed: u64) -> Result<Self, SobolError> {
        if factors == 0 || samples < 2 {
            return Err(SobolError::Empty);
        }
        let mut a = Vec::with_capacity(samples);
        let mut b = Vec::with_capacity(samples);
        let sampling = match SobolSequence::new(2 * factors, seed) {
            Some(mut seq) => {
                for _ in 0..samples {
                    let mut x = seq.next_point();
                    b.push(x.split_off(factors));
                    a.push(x);
                }
                Sampling::Sequence
            }
            None => {
                let mut rng = Rng::seed_from_u64(mix64(seed ^ 0x0073_6F62_6F6C));
                for _ in 0..samples {
                    a.push((0..factors).map(|_| rng.r#gen::<f64>()).collect());
                    b.push((0..factors).map(|_| rng.r#gen::<f64>()).collect());
                }
                Sampling::Random
            }
        };
        Ok(Self {
            factors,
            samples,
            sampling,
            a,
            b,
        })
    }

    /// Number of points: `samples * (factors + 2)`.
    pub fn len(&self) -> usize {
        self.samples * (self.factors + 2)
    }

    /// Whether the design has no points (never, once built).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Point `index` of the design. Points come row by row: for row `j`,
    /// first `A_j`, then `B_j`, then `A_B^(i)_j` for each factor `i`.
    pub fn point(&self, index: usize) -> Vec<f64> {
        let per_row = self.factors + 2;
        let (j, m) = (index / per_row, index % per_row);
        match m {
            0 => self.a[j].clone(),
            1 => self.b[j].clone(),
            _ => {
                let mut x = self.a[j].clone();
                x[m - 2] = self.b[j][m - 2];
                x
            }
        }
    }

    /// Every point in order (see [`Self::point`]).
    pub fn points(&self) -> impl Iterator<Item = Vec<f64>> + '_ {
        (0..self.len()).map(|i| self.point(i))
    }

    /// The indices of every factor from the responses at [`Self::points`],
    /// with bootstrap percentile intervals (`resamples` resamples at
    /// `confidence`, seeded by `seed`; none when `resamples` is 0).
    pub fn analyse(
        &self,
        responses: &[f64],
        resamples: usize,
        confidence: f64,
        seed: u64,
    ) -> Result<Vec<SobolIndex>, SobolError> {
        if responses.len() != self.len() {
            return Err(SobolError::Responses {
                expected: self.len(),
                got: responses.len(),
            });
        }
        let k = self.factors;
        let n = self.samples;
        let rows: Vec<&[f64]> = responses.chunks(k + 2).collect();
        let all: Vec<usize> = (0..n).collect();
        let point = estimate(&rows, &all, k);
        let mut result: Vec<SobolIndex> = point
            .iter()
            .map(|&(first, total)| SobolIndex {
                first,
                first_low: f64::NAN,
                first_high: f64::NAN,
                total,
                total_low: f64::NAN,
                total_high: f64::NAN,
            })
            .collect();
        if resamples > 0 {
            let mut rng = Rng::seed_from_u64(mix64(seed ^ 0x626F_6F74));
            let mut firsts = vec![Vec::with_capacity(resamples); k];
            let mut totals = vec![Vec::with_capacity(resamples); k];
            let mut draw = vec![0usize; n];
            for _ in 0..resamples {
                draw.iter_mut().for_each(|d| *d = rng.gen_range(0..n));
                for (i, (s, st)) in estimate(&rows, &draw, k).into_iter().enumerate() {
                    firsts[i].push(s);
                    totals[i].push(st);
                }
            }
            for (i, index) in result.iter_mut().enumerate() {
                (index.first_low, index.first_high) =
                    percentile_interval(&mut firsts[i], confidence);
                (index.total_low, index.total_high) =
                    percentile_interval(&mut totals[i], confidence);
            }
        }
        Ok(result)
    }
}

/// (S_i, ST_i) for every factor from the rows picked by `which`.
fn estimate(rows: &[&[f64]], which: &[usize], k: usize) -> Vec<(f64, f64)> {
    let m = which.len() as f64;
    // Variance of f_A and f_B pooled, two-pass.
    let mean = which.iter().map(|&j| rows[j][0] + rows[j][1]).sum::<f64>() / (2.0 * m);
    let var = which
        .iter()
        .map(|&j| (rows[j][0] - mean).powi(2) + (rows[j][1] - mean).powi(2))
        .sum::<f64>()
        / (2.0 * m - 1.0);
    (0..k)
        .map(|i| {
            let (mut first, mut total) = (0.0, 0.0);
            for &j in which {
                let (fa, fb, fab) = (rows[j][0], rows[j][1], rows[j][2 + i]);
                first += (fb - mean) * (fab - fa);
                total += (fa - fab).powi(2);
            }
            (first / m / var, total / (2.0 * m) / var)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_functions::{g_function, g_indices, ishigami, ishigami_indices};
    use super::*;

    const CONFIDENCE: f64 = 0.99;

    fn check(name: &str, got: &[SobolIndex], want: &[(f64, f64)], max_half_width: f64) {
        for (i, (g, &(s1, st))) in got.iter().zip(want).enumerate() {
            let ok =
                g.first_low <= s1 && s1 <= g.first_high && g.total_low <= st && st <= g.total_high;
            assert!(
                ok,
                "{name} x{}: analytic ({s1:.4}, {st:.4}) outside {g:?}",
                i + 1
            );
            let half = |l: f64, h: f64| (h - l) / 2.0;
            assert!(
                half(g.first_low, g.first_high) < max_half_width
                    && half(g.total_low, g.total_high) < max_half_width,
                "{name} x{}: interval too wide: {g:?}",
                i + 1
            );
        }
    }

    #[test]
    fn design_has_the_saltelli_structure() {
        let d = SobolDesign::new(3, 4, 9).unwrap();
        assert_eq!(d.len(), 20);
        let p: Vec<Vec<f64>> = d.points().collect();
        for j in 0..4 {
            let (a, b) = (&p[5 * j], &p[5 * j + 1]);
            for i in 0..3 {
                let ab = &p[5 * j + 2 + i];
                for c in 0..3 {
                    assert_eq!(ab[c], if c == i { b[c] } else { a[c] });
                }
            }
        }
        assert!(p.iter().flatten().all(|x| (0.0..1.0).contains(x)));
        assert_eq!(d, SobolDesign::new(3, 4, 9).unwrap());
        assert_eq!(SobolDesign::new(0, 4, 9), Err(SobolError::Empty));
        assert!(matches!(
            d.analyse(&[0.0; 3], 0, 0.95, 0),
            Err(SobolError::Responses {
                expected: 20,
                got: 3
            })
        ));
    }

    #[test]
    fn many_factors_fall_back_to_random_sampling() {
        assert_eq!(
            SobolDesign::new(3, 4, 1).unwrap().sampling,
            Sampling::Sequence
        );
        let many = super::super::sequence::MAX_DIMENSIONS / 2 + 1;
        let d = SobolDesign::new(many, 4, 1).unwrap();
        assert_eq!(d.sampling, Sampling::Random);
        assert!(d.points().flatten().all(|x| (0.0..1.0).contains(&x)));
    }

    // With n base samples the standard error of these estimators is
    // sd(row term) / sqrt(n). At n = 20,000 the row terms of Ishigami have
    // sd below 1.2 (in units of V), so a 99% interval (2.58 standard
    // errors) has a half-width below 2.58 * 1.2 / 141 = 0.022 < 0.03; the
    // G-function's leading factor (S1 = 0.72) has row terms with sd about
    // 2, so below 0.037 < 0.05. The analytic value must lie inside.
    const N: usize = 20_000;

    #[test]
    fn recovers_the_ishigami_indices() {
        let d = SobolDesign::new(3, N, 2026).unwrap();
        let y: Vec<f64> = d.points().map(|x| ishigami(&x)).collect();
        let s = d.analyse(&y, 300, CONFIDENCE, 7).unwrap();
        check("Ishigami", &s, &ishigami_indices(), 0.03);
    }

    #[test]
    fn a_constant_offset_changes_no_index() {
        // Like a share near 0.2 with a small spread: without centring, the
        // first-order estimate would carry noise of order mean^2 / V.
        let d = SobolDesign::new(3, N, 2026).unwrap();
        let y: Vec<f64> = d.points().map(|x| ishigami(&x)).collect();
        let shifted: Vec<f64> = y.iter().map(|v| v + 1000.0).collect();
        let s = d.analyse(&shifted, 300, CONFIDENCE, 7).unwrap();
        check("Ishigami + 1000", &s, &ishigami_indices(), 0.03);
        let plain = d.analyse(&y, 0, CONFIDENCE, 7).unwrap();
        for (a, b) in s.iter().zip(&plain) {
            assert!((a.first - b.first).abs() < 1e-6 && (a.total - b.total).abs() < 1e-6);
        }
    }

    #[test]
    fn recovers_the_g_function_indices() {
        let a = [0.0, 1.0, 4.5, 9.0, 99.0, 99.0];
        let d = SobolDesign::new(a.len(), N, 11).unwrap();
        let y: Vec<f64> = d.points().map(|x| g_function(&x, &a)).collect();
        let s = d.analyse(&y, 300, CONFIDENCE, 3).unwrap();
        check("G-function", &s, &g_indices(&a), 0.05);
        // The ranking follows a: smaller a, more important.
        assert!(
            s.windows(2).take(3).all(|w| w[0].total > w[1].total),
            "{s:?}"
        );
    }

    #[test]
    fn intervals_shrink_with_the_sample_size() {
        let width = |n| {
            let d = SobolDesign::new(3, n, 5).unwrap();
            let y: Vec<f64> = d.points().map(|x| ishigami(&x)).collect();
            let s = d.analyse(&y, 200, 0.95, 1).unwrap();
            s[1].total_high - s[1].total_low
        };
        let (small, large) = (width(500), width(8000));
        // 16 times the samples: about a quarter of the width.
        assert!(large < 0.4 * small, "{small} -> {large}");
    }
}
