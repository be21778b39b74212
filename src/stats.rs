//! Statistics across replications: running means and variances, Student-t
//! intervals, and a day histogram for percentiles within a run.
//!
//! Everything here is a pure function of the values pushed and their order;
//! callers push in a fixed order so results do not depend on threads.

use serde::Serialize;

/// Welford's running mean and variance: one pass, constant memory, stable.
#[derive(Clone, Copy, Debug, Default)]
pub struct Running {
    n: u64,
    mean: f64,
    m2: f64,
}

impl Running {
    /// Adds one observation.
    pub fn push(&mut self, x: f64) {
        self.n += 1;
        let delta = x - self.mean;
        self.mean += delta / self.n as f64;
        self.m2 += delta * (x - self.mean);
    }

    /// Observations so far.
    pub fn count(&self) -> u64 {
        self.n
    }

    /// The summary with a 95% interval for the mean.
    pub fn summary(&self) -> Summary {
        if self.n == 0 {
            return Summary {
                n: 0,
                mean: f64::NAN,
                sd: f64::NAN,
                ci_low: f64::NAN,
                ci_high: f64::NAN,
            };
        }
        let sd = if self.n > 1 {
            (self.m2 / (self.n - 1) as f64).max(0.0).sqrt()
        } else {
            f64::NAN
        };
        let half = if self.n > 1 {
            t_quantile_975(self.n - 1) * sd / (self.n as f64).sqrt()
        } else {
            f64::NAN
        };
        Summary {
            n: self.n,
            mean: self.mean,
            sd,
            ci_low: self.mean - half,
            ci_high: self.mean + half,
        }
    }
}

/// Mean, standard deviation and 95% interval of the mean over `n` values.
///
/// With one value the spread and interval are NaN (unknown), never zero.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Number of values.
    pub n: u64,
    /// Mean.
    pub mean: f64,
    /// Sample standard deviation.
    pub sd: f64,
    /// Lower end of the 95% interval of the mean (Student t).
    pub ci_low: f64,
    /// Upper end of the 95% interval of the mean.
    pub ci_high: f64,
}

impl Summary {
    /// Whether the interval excludes zero (a difference we can call one).
    pub fn excludes_zero(&self) -> bool {
        self.ci_low > 0.0 || self.ci_high < 0.0
    }
}

/// The 0.975 quantile of Student's t distribution with `df` degrees of
/// freedom, for two-sided 95% intervals.
///
/// Exact table values up to 30 degrees of freedom; beyond, the expansion of
/// Cornish-Fisher type in 1/df (Abramowitz & Stegun 26.7.5), accurate to
/// better than 1e-4 there.
pub fn t_quantile_975(df: u64) -> f64 {
    const TABLE: [f64; 30] = [
        12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281, 2.2010,
        2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860, 2.0796, 2.0739,
        2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
    ];
    match df {
        0 => f64::NAN,
        1..=30 => TABLE[df as usize - 1],
        _ => {
            let z: f64 = 1.959_963_985;
            let n = df as f64;
            let g1 = (z.powi(3) + z) / 4.0;
            let g2 = (5.0 * z.powi(5) + 16.0 * z.powi(3) + 3.0 * z) / 96.0;
            let g3 = (3.0 * z.powi(7) + 19.0 * z.powi(5) + 17.0 * z.powi(3) - 15.0 * z) / 384.0;
            z + g1 / n + g2 / n.powi(2) + g3 / n.powi(3)
        }
    }
}

/// Counts of whole-day durations, for percentiles within one run without
/// keeping every value. Durations past the last bin go to the last bin.
#[derive(Clone, Debug)]
pub struct DayHistogram {
    counts: Vec<u64>,
    total: u64,
}

impl DayHistogram {
    /// A histogram of durations 0 ..= `max_days`.
    pub fn new(max_days: usize) -> Self {
        Self {
            counts: vec![0; max_days + 1],
            total: 0,
        }
    }

    /// Records one duration.
    pub fn add(&mut self, days: u32) {
        let i = (days as usize).min(self.counts.len() - 1);
        self.counts[i] += 1;
        self.total += 1;
    }

    /// Forgets every duration (keeping the bins).
    pub fn clear(&mut self) {
        self.counts.fill(0);
        self.total = 0;
    }

    /// The smallest duration with at least a share `q` of values at or below
    /// it; NaN when empty.
    pub fn quantile(&self, q: f64) -> f64 {
        if self.total == 0 {
            return f64::NAN;
        }
        let target = (q * self.total as f64).ceil().max(1.0) as u64;
        let mut seen = 0;
        for (days, &c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= target {
                return days as f64;
            }
        }
        (self.counts.len() - 1) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_matches_two_pass_formulas() {
        let xs = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        let mut r = Running::default();
        xs.iter().for_each(|&x| r.push(x));
        let s = r.summary();
        assert_eq!(s.n, 8);
        assert!((s.mean - 5.0).abs() < 1e-12);
        let sd = (32.0f64 / 7.0).sqrt();
        assert!((s.sd - sd).abs() < 1e-12);
        let half = 2.3646 * sd / 8f64.sqrt();
        assert!((s.ci_high - (5.0 + half)).abs() < 1e-9);
    }

    #[test]
    fn identical_values_give_zero_width_interval() {
        let mut r = Running::default();
        (0..5).for_each(|_| r.push(0.0));
        let s = r.summary();
        assert_eq!((s.mean, s.sd, s.ci_low, s.ci_high), (0.0, 0.0, 0.0, 0.0));
        assert!(!s.excludes_zero());
    }

    #[test]
    fn one_value_has_unknown_spread() {
        let mut r = Running::default();
        r.push(3.0);
        assert!(r.summary().sd.is_nan());
    }

    #[test]
    fn t_quantile_is_continuous_at_the_table_edge_and_tends_to_normal() {
        // Known values: t(0.975, 40) = 2.0211, t(0.975, 120) = 1.9799.
        assert!((t_quantile_975(40) - 2.0211).abs() < 2e-4);
        assert!((t_quantile_975(120) - 1.9799).abs() < 1e-4);
        assert!((t_quantile_975(31) - 2.0395).abs() < 5e-4);
        assert!((t_quantile_975(1_000_000) - 1.96).abs() < 1e-3);
    }

    #[test]
    fn histogram_quantiles() {
        let mut h = DayHistogram::new(10);
        for d in 1..=10 {
            h.add(d);
        }
        assert_eq!(h.quantile(0.9), 9.0);
        assert_eq!(h.quantile(0.5), 5.0);
        h.add(500);
        assert_eq!(h.quantile(1.0), 10.0);
        assert!(DayHistogram::new(3).quantile(0.5).is_nan());
    }
}
