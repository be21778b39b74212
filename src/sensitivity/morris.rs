//! Morris elementary effects (Morris 1991; mu* from Campolongo, Cariboni &
//! Saltelli 2007).
//!
//! A trajectory starts at a random point of a `p`-level grid on `[0, 1]^k`
//! and moves one factor at a time, in a random order and direction, by
//! `delta = p / (2 (p - 1))`. It has `k + 1` points; the response difference
//! between consecutive points, divided by the step, is one elementary effect
//! of the factor that moved. Over `r` trajectories each factor gets `r`
//! effects, summarised as `mu` (mean), `mu*` (mean absolute value: the
//! importance ranking) and `sigma` (standard deviation: non-linearity or
//! interactions). Effects are per unit of the normalised factor, that is the
//! change in the response over the factor's whole range.

use rand::Rng as _;
use rand::seq::SliceRandom;

use super::percentile_interval;
use crate::engine::seeds::{Rng, mix64};
use rand::SeedableRng;

/// A Morris design: `trajectories` walks of `factors + 1` points each.
#[derive(Clone, Debug, PartialEq)]
pub struct MorrisDesign {
    /// Number of factors, `k`.
    pub factors: usize,
    /// Grid levels, `p` (even, at least 2).
    pub levels: u32,
    /// Step between consecutive points of a trajectory, on `[0, 1]`.
    pub delta: f64,
    /// The trajectories, in order.
    pub trajectories: Vec<Trajectory>,
}

/// One trajectory: `k + 1` points, and which factor moved at each step.
#[derive(Clone, Debug, PartialEq)]
pub struct Trajectory {
    /// The points in `[0, 1]^k`, `k + 1` of them.
    pub points: Vec<Vec<f64>>,
    /// `moved[s]`: the factor that changed between points `s` and `s + 1`.
    pub moved: Vec<usize>,
    /// `sign[s]`: +1 when the factor went up by delta, -1 when down.
    pub sign: Vec<f64>,
}

/// Sensitivity of one factor by elementary effects.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MorrisIndex {
    /// Mean elementary effect (signed).
    pub mu: f64,
    /// Mean absolute elementary effect: the importance measure.
    pub mu_star: f64,
    /// Sample standard deviation of the effects (NaN with one trajectory).
    pub sigma: f64,
    /// Lower end of the bootstrap percentile interval of `mu_star`.
    pub mu_star_low: f64,
    /// Upper end of that interval.
    pub mu_star_high: f64,
}

/// Problems with the arguments of a Morris design.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MorrisError {
    /// `levels` must be even and at least 2, so that the grid's lower half
    /// plus delta stays on the grid.
    #[error("Morris levels must be an even number of at least 2, not {0}")]
    Levels(u32),
    /// No factors or no trajectories.
    #[error("a Morris design needs at least one factor and one trajectory")]
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

impl MorrisDesign {
    /// Builds `trajectories` random trajectories over `factors` factors on a
    /// `levels`-level grid, from its own generator seeded with `seed`.
    pub fn new(
        factors: usize,
        trajectories: usize,
        levels: u32,
        seed: u64,
    ) -> Result<Self, MorrisError> {
        if levels < 2 || !levels.is_multiple_of(2) {
            return Err(MorrisError::Levels(levels));
        }
        if factors == 0 || trajectories == 0 {
            return Err(MorrisError::Empty);
        }
        let p = f64::from(levels);
        let delta = p / (2.0 * (p - 1.0));
        let mut rng = Rng::seed_from_u64(mix64(seed ^ 0x6D6F_7272_6973));
        let half = levels / 2;
        let mut out = Vec::with_capacity(trajectories);
        for _ in 0..trajectories {
            // A base level from the lower half of the grid, so that base +
            // delta is on the grid; a direction per factor; a random order.
            let mut x: Vec<f64> = Vec::with_capacity(factors);
            let mut sign = Vec::with_capacity(factors);
            for _ in 0..factors {
                let level = rng.gen_range(0..half);
                let base = f64::from(level) / (p - 1.0);
                let up = rng.r#gen::<bool>();
                sign.push(if up { 1.0 } else { -1.0 });
                x.push(if up { base } else { base + delta });
            }
            let mut order: Vec<usize> = (0..factors).collect();
            order.shuffle(&mut rng);
            let mut points = Vec::with_capacity(factors + 1);
            points.push(x.clone());
            let mut signs = Vec::with_capacity(factors);
            for &i in &order {
                x[i] = (x[i] + sign[i] * delta).clamp(0.0, 1.0);
                points.push(x.clone());
                signs.push(sign[i]);
            }
            out.push(Trajectory {
                points,
                moved: order,
                sign: signs,
            });
        }
        Ok(Self {
            factors,
            levels,
            delta,
            trajectories: out,
        })
    }

    /// The design with every coordinate moved by `snap(factor, u)`: for
    /// factors that take only whole values or on/off, the point actually
    /// run. The effects then divide by the step actually taken, not by
    /// delta (a switch moved 2/3 of its range on the grid moves all of it).
    pub fn snapped(mut self, snap: impl Fn(usize, f64) -> f64) -> Self {
        for t in &mut self.trajectories {
            for point in &mut t.points {
                for (i, u) in point.iter_mut().enumerate() {
                    *u = snap(i, *u);
                }
            }
        }
        self
    }

    /// Every point, trajectory by trajectory: the order responses are
    /// expected in.
    pub fn points(&self) -> impl Iterator<Item = &[f64]> {
        self.trajectories
            .iter()
            .flat_map(|t| t.points.iter().map(Vec::as_slice))
    }

    /// Number of points: `trajectories * (factors + 1)`.
    pub fn len(&self) -> usize {
        self.trajectories.len() * (self.factors + 1)
    }

    /// Whether the design has no points (never, once built).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The indices of every factor from the responses at [`Self::points`],
    /// with a bootstrap interval of mu* over trajectories (`resamples`
    /// resamples at `confidence`, seeded by `seed`).
    ///
    /// A NaN response makes the effects that use it NaN, and so the indices
    /// of those factors.
    pub fn analyse(
        &self,
        responses: &[f64],
        resamples: usize,
        confidence: f64,
        seed: u64,
    ) -> Result<Vec<MorrisIndex>, MorrisError> {
        if responses.len() != self.len() {
            return Err(MorrisError::Responses {
                expected: self.len(),
                got: responses.len(),
            });
        }
        let k = self.factors;
        let r = self.trajectories.len();
        // effects[i][t]: the effect of factor i in trajectory t.
        let mut effects = vec![vec![0.0; r]; k];
        for (t, (traj, y)) in self
            .trajectories
            .iter()
            .zip(responses.chunks(k + 1))
            .enumerate()
        {
            for s in 0..k {
                let i = traj.moved[s];
                // The step taken: +-delta on the grid, or what snapping left
                // of it (NaN effect when nothing moved).
                let step = traj.points[s + 1][i] - traj.points[s][i];
                effects[i][t] = if step == 0.0 {
                    f64::NAN
                } else {
                    (y[s + 1] - y[s]) / step
                };
            }
        }
        let mut rng = Rng::seed_from_u64(mix64(seed ^ 0x626F_6F74));
        let mut replicate = vec![0.0; resamples];
        let mut draw = vec![0usize; r];
        let mut result: Vec<MorrisIndex> = effects
            .iter()
            .map(|e| {
                let (mu, sigma) = mean_sd(e);
                let abs: Vec<f64> = e.iter().map(|x| x.abs()).collect();
                MorrisIndex {
                    mu,
                    mu_star: mean_sd(&abs).0,
                    sigma,
                    mu_star_low: f64::NAN,
                    mu_star_high: f64::NAN,
                }
            })
            .collect();
        if resamples > 0 {
            // The same resampled trajectories for every factor.
            let mut sums = vec![vec![0.0; resamples]; k];
            for b in 0..resamples {
                draw.iter_mut().for_each(|d| *d = rng.gen_range(0..r));
                for (sum, e) in sums.iter_mut().zip(&effects) {
                    sum[b] = draw.iter().map(|&t| e[t].abs()).sum::<f64>() / r as f64;
                }
            }
            for (i, index) in result.iter_mut().enumerate() {
                replicate.copy_from_slice(&sums[i]);
                let (low, high) = percentile_interval(&mut replicate, confidence);
                index.mu_star_low = low;
                index.mu_star_high = high;
            }
        }
        Ok(result)
    }
}

/// Mean and sample standard deviation (NaN with fewer than two values).
fn mean_sd(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let sd = if values.len() > 1 {
        (values.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt()
    } else {
        f64::NAN
    };
    (mean, sd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapped_factors_divide_by_the_step_actually_taken() {
        // An on/off factor: 4 levels put it at 0, 1/3, 2/3 or 1, which run
        // as 0 or 1. With y equal to the switch, every effect is exactly 1
        // (not 1 / delta = 1.5).
        let d = MorrisDesign::new(2, 20, 4, 9)
            .unwrap()
            .snapped(|i, u| if i == 0 { u.round() } else { u });
        let y: Vec<f64> = d.points().map(|x| x[0] + 0.5 * x[1]).collect();
        let m = d.analyse(&y, 0, 0.95, 1).unwrap();
        assert!((m[0].mu_star - 1.0).abs() < 1e-12, "{m:?}");
        assert!((m[1].mu - 0.5).abs() < 1e-12, "{m:?}");
    }

    fn evaluate(design: &MorrisDesign, f: impl Fn(&[f64]) -> f64) -> Vec<f64> {
        design.points().map(f).collect()
    }

    #[test]
    fn trajectories_move_one_factor_at_a_time_on_the_grid() {
        let d = MorrisDesign::new(5, 20, 4, 1).unwrap();
        assert_eq!(d.delta, 4.0 / 6.0);
        assert_eq!(d.len(), 20 * 6);
        for t in &d.trajectories {
            let mut moved = t.moved.clone();
            moved.sort_unstable();
            assert_eq!(moved, vec![0, 1, 2, 3, 4]);
            for (s, w) in t.points.windows(2).enumerate() {
                let changed: Vec<usize> = (0..5).filter(|&i| w[0][i] != w[1][i]).collect();
                assert_eq!(changed, vec![t.moved[s]]);
                let step = w[1][t.moved[s]] - w[0][t.moved[s]];
                assert!((step - t.sign[s] * d.delta).abs() < 1e-12);
            }
            for x in t.points.iter().flatten() {
                let level = x * 3.0;
                assert!((level - level.round()).abs() < 1e-9 && (0.0..=1.0).contains(x));
            }
        }
        assert_eq!(d, MorrisDesign::new(5, 20, 4, 1).unwrap());
        assert_ne!(d, MorrisDesign::new(5, 20, 4, 2).unwrap());
    }

    #[test]
    fn bad_arguments_are_errors() {
        assert_eq!(MorrisDesign::new(3, 4, 3, 1), Err(MorrisError::Levels(3)));
        assert_eq!(MorrisDesign::new(0, 4, 4, 1), Err(MorrisError::Empty));
        let d = MorrisDesign::new(2, 2, 4, 1).unwrap();
        assert!(matches!(
            d.analyse(&[1.0], 0, 0.95, 1),
            Err(MorrisError::Responses {
                expected: 6,
                got: 1
            })
        ));
    }

    #[test]
    fn linear_function_gives_its_coefficients_exactly() {
        let d = MorrisDesign::new(3, 10, 4, 3).unwrap();
        let y = evaluate(&d, |x| 2.0 * x[0] - 5.0 * x[1] + 0.0 * x[2] + 1.0);
        let m = d.analyse(&y, 100, 0.95, 1).unwrap();
        for (index, c) in m.iter().zip([2.0, -5.0, 0.0]) {
            assert!((index.mu - c).abs() < 1e-9, "{m:?}");
            assert!((index.mu_star - c.abs()).abs() < 1e-9);
            assert!(index.sigma.abs() < 1e-9);
        }
    }

    #[test]
    fn ranks_factors_of_a_known_ordering_and_flags_interactions() {
        // Importance x0 > x1 > x2 > x3 = 0; x1 and x2 interact.
        let f = |x: &[f64]| 10.0 * x[0] + 4.0 * x[1] * x[2] + 3.0 * x[1] + x[2] * x[2];
        let d = MorrisDesign::new(4, 40, 4, 11).unwrap();
        let m = d.analyse(&evaluate(&d, f), 500, 0.95, 2).unwrap();
        assert!(m[0].mu_star > m[1].mu_star, "{m:?}");
        assert!(m[1].mu_star > m[2].mu_star, "{m:?}");
        assert!(m[2].mu_star > m[3].mu_star, "{m:?}");
        assert_eq!(m[3].mu_star, 0.0);
        // Linear x0 has no spread; the interacting x1 does.
        assert!(m[0].sigma < 1e-9 && m[1].sigma > 0.5, "{m:?}");
        for index in &m {
            assert!(index.mu_star_low <= index.mu_star && index.mu_star <= index.mu_star_high);
        }
    }

    #[test]
    fn ishigami_screening_puts_x3_below_x1_and_x2_in_mu_but_not_mu_star() {
        // x3 acts only through its interaction with x1: mu near 0, mu* not.
        let d = MorrisDesign::new(3, 200, 4, 5).unwrap();
        let y = evaluate(&d, super::super::test_functions::ishigami);
        let m = d.analyse(&y, 0, 0.95, 0).unwrap();
        assert!(m[2].mu.abs() < 0.5 * m[2].mu_star, "{m:?}");
        assert!(m[2].sigma > 0.0);
    }
}
