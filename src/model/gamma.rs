//! Gamma draws by inverse transform from a table of quantiles: one
//! uniform and a few instructions per draw (the work requirement of each
//! report), instead of `rand_distr`'s Gamma (Marsaglia and Tsang's
//! rejection method: a normal and a uniform, sometimes more, ~140
//! instructions a draw).
//!
//! Method, as in `model::beta`: the quantiles Q(j/1024) of Gamma(a, 1),
//! j = 0..1024, are found once per run by Newton's method safeguarded by
//! bisection on the regularized incomplete gamma function P(a, x) (its
//! series below a + 1, its continued fraction above, by the modified Lentz
//! method; Press et al. 2007, section 6.2), with the slopes dQ/du =
//! 1 / density(Q). A draw u in [0, 1) is interpolated by the cubic Hermite
//! polynomial through the two neighbouring quantiles and their slopes; in
//! the lowest cell (where the slope runs to 0 or infinity) and the top 8
//! (the last one unbounded, those below it the least smooth) the quantile
//! is found exactly instead (9 draws in 1,024).
//!
//! **Error bound** (against the exact quantile at the same u, in units
//! of the mean 1 of the work requirement), measured in the tests over
//! 200,000 uniforms: at most 1e-4 at the default coefficient of variation
//! 0.4 (shape 6.25; 9.2e-5 measured, largest in the low cells, where the
//! quantile rises as u^(1/shape)) and 1.5e-4 over the registry's range
//! (0.05 to 3, shapes 400 to 1/9; 1.1e-4 measured at 0.2), below 1e-14
//! relative in the exact cells (the lowest and the top 8); the mean is
//! within 1e-5 and the variance within 2e-4 (relative) of 1 and cv^2
//! (measured at most 7.3e-6 and 1.5e-4, at cv 3). The draws rise
//! with u, so common random numbers pair arms exactly: one uniform per
//! draw, whatever the parameters.

use std::cell::RefCell;
use std::sync::Arc;

use crate::model::beta::ln_gamma;
use crate::model::quantiles::{CELLS, Recent, hermite, rising_root, slopes};

/// The top cells where the quantile is found exactly: the quantile grows
/// as -ln(1 - u) there, whose fourth derivative (the cubic's error) falls
/// as (1 - u)^-4, so the cells next to the top would be the least precise.
const EXACT_TOP: usize = 8;

/// The quantiles of one Gamma distribution with mean 1 at j / 1024.
#[derive(Clone, Debug, PartialEq)]
pub struct GammaQuantiles {
    /// Quantiles of Gamma(a, 1) (the last, at u = 1, infinite).
    q: Vec<f64>,
    /// dQ/du at each node times the cell width.
    dq: Vec<f64>,
    /// The shape, 1 / a (the scale that makes the mean 1) and ln Γ(a).
    a: f64,
    scale: f64,
    ln_gamma_a: f64,
}

impl GammaQuantiles {
    /// The table for Gamma with mean 1 and coefficient of variation `cv`
    /// (shape 1 / cv^2, scale cv^2); `None` unless `cv` is positive and
    /// finite.
    pub fn with_cv(cv: f64) -> Option<Self> {
        let a = 1.0 / (cv * cv);
        if !(cv > 0.0 && a.is_finite() && a > 0.0) {
            return None;
        }
        let ln_gamma_a = ln_gamma(a);
        let mut q = Vec::with_capacity(CELLS + 1);
        q.push(0.0);
        let mut lo = 0.0;
        for j in 1..CELLS {
            let x = quantile_between(a, ln_gamma_a, j as f64 / CELLS as f64, lo, f64::INFINITY);
            q.push(x);
            lo = x;
        }
        q.push(f64::INFINITY);
        let dq = slopes(&q, |x| density(a, ln_gamma_a, x));
        Some(GammaQuantiles {
            q,
            dq,
            a,
            scale: 1.0 / a,
            ln_gamma_a,
        })
    }

    /// The table for coefficient of variation `cv`, shared with the last
    /// runs on this thread that used the same (see
    /// `BetaQuantiles::shared`): a pure function of `cv`, so results do
    /// not depend on which thread built it.
    pub fn shared(cv: f64) -> Option<Arc<Self>> {
        thread_local! {
            static RECENT: RefCell<Recent<u64, GammaQuantiles>> =
                const { RefCell::new(Recent::new()) };
        }
        RECENT.with(|recent| {
            recent
                .borrow_mut()
                .get_or_build(cv.to_bits(), || Self::with_cv(cv))
        })
    }

    /// The draw (mean 1) for a uniform `u` in [0, 1).
    #[inline]
    pub fn sample(&self, u: f64) -> f64 {
        let u = u.clamp(0.0, 1.0);
        let v = u * CELLS as f64;
        let i = (v as usize).min(CELLS - 1);
        let (x0, x1) = (self.q[i], self.q[i + 1]);
        // The outer cells: exact (see the module's notes).
        if i == 0 || i >= CELLS - EXACT_TOP {
            let hi = self.q[CELLS.min(i + 1)];
            return quantile_between(self.a, self.ln_gamma_a, u, x0, hi) * self.scale;
        }
        let t = v - i as f64;
        let x = hermite(x0, x1, self.dq[i], self.dq[i + 1], t);
        x.clamp(x0, x1) * self.scale
    }
}

/// The density of Gamma(a, 1) at x > 0, given ln Γ(a).
fn density(a: f64, ln_gamma_a: f64, x: f64) -> f64 {
    ((a - 1.0) * x.ln() - x - ln_gamma_a).exp()
}

/// The regularized incomplete gamma functions (P(a, x), Q(a, x) =
/// 1 - P(a, x)) given ln Γ(a), each computed directly on its own side so
/// that the smaller keeps its relative precision.
pub fn incomplete_gamma(a: f64, ln_gamma_a: f64, x: f64) -> (f64, f64) {
    if x <= 0.0 {
        return (0.0, 1.0);
    }
    if x.is_infinite() {
        return (1.0, 0.0);
    }
    let front = (a * x.ln() - x - ln_gamma_a).exp();
    if x < a + 1.0 {
        // The series P = front * sum x^n / (a (a+1) ... (a+n)).
        let (mut ap, mut del) = (a, 1.0 / a);
        let mut sum = del;
        for _ in 0..100_000 {
            ap += 1.0;
            del *= x / ap;
            sum += del;
            if del.abs() < sum.abs() * 1e-17 {
                break;
            }
        }
        let p = (front * sum).min(1.0);
        (p, 1.0 - p)
    } else {
        // The continued fraction of Q, modified Lentz method.
        const TINY: f64 = 1e-300;
        let guard = |v: f64| if v.abs() < TINY { TINY } else { v };
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / TINY;
        let mut d = 1.0 / guard(b);
        let mut h = d;
        for i in 1..100_000 {
            let i = f64::from(i);
            let an = -i * (i - a);
            b += 2.0;
            d = 1.0 / guard(an * d + b);
            c = guard(b + an / c);
            let step = d * c;
            h *= step;
            if (step - 1.0).abs() < 1e-16 {
                break;
            }
        }
        let q = (front * h).min(1.0);
        (1.0 - q, q)
    }
}

/// The x in [lo, hi] (hi may be infinite) with P(a, x) = u: Newton's
/// method, falling back on bisection (or doubling, while the bracket is
/// open above) whenever a step would leave the bracket. Above the median
/// it solves Q(a, x) = 1 - u, which keeps the upper tail precise.
pub fn quantile_between(a: f64, ln_gamma_a: f64, u: f64, lo: f64, hi: f64) -> f64 {
    if u <= 0.0 {
        return 0.0;
    }
    if u >= 1.0 {
        return f64::INFINITY;
    }
    // The start: the Wilson-Hilferty approximation given in Press et al.
    // 2007, section 6.2, for shapes of 1 and more; below, near 0, P(a, x) is
    // about x^a / Γ(a + 1), a start that spares the bisection hundreds of
    // halvings when the shape is small.
    let guess = if a >= 1.0 {
        let z = crate::model::rules::normal_quantile(u);
        let t = 1.0 - 1.0 / (9.0 * a) + z / (3.0 * a.sqrt());
        a * t * t * t
    } else {
        ((u.ln() + ln_gamma_a + a.ln()) / a).exp()
    };
    let x = if guess > lo && guess < hi && guess.is_finite() {
        guess
    } else if lo > 0.0 {
        lo
    } else if hi.is_finite() {
        0.5 * hi
    } else {
        a.max(1e-3)
    };
    let upper = u > 0.5;
    rising_root(
        x,
        (lo, hi),
        400,
        |x| {
            let (p, q) = incomplete_gamma(a, ln_gamma_a, x);
            // Rises with x on both sides.
            if upper { (1.0 - u) - q } else { p - u }
        },
        |x| density(a, ln_gamma_a, x),
        |newton, x| newton < 4.0 * x.max(1e-3),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exact_quantile_inverts_the_incomplete_gamma_function() {
        for cv in [0.4, 0.05, 0.2, 1.0, 1.7, 3.0] {
            let a = 1.0 / (cv * cv);
            for k in 0..2000 {
                let u = (f64::from(k) + 0.5) / 2000.0;
                let x = quantile_between(a, ln_gamma(a), u, 0.0, f64::INFINITY);
                let (p, _) = incomplete_gamma(a, ln_gamma(a), x);
                assert!((p - u).abs() < 1e-12, "cv {cv} u {u} x {x} p {p}");
            }
        }
    }

    #[test]
    fn the_incomplete_gamma_function_has_its_closed_forms() {
        // a = 1: P = 1 - e^-x; a = 2: P = 1 - (1 + x) e^-x.
        for k in 1..400 {
            let x = f64::from(k) / 20.0;
            let (p1, q1) = incomplete_gamma(1.0, 0.0, x);
            assert!((q1 - (-x).exp()).abs() <= 1e-14 * (-x).exp(), "Q(1, {x})");
            assert!((p1 - (1.0 - (-x).exp())).abs() < 1e-14, "P(1, {x})");
            let (p2, _) = incomplete_gamma(2.0, 0.0, x);
            assert!(
                (p2 - (1.0 - (1.0 + x) * (-x).exp())).abs() < 1e-14,
                "P(2, {x})"
            );
        }
    }

    /// The exact quantile of Gamma with mean 1 and coefficient of variation `cv`.
    fn exact(cv: f64, u: f64) -> f64 {
        let a = 1.0 / (cv * cv);
        quantile_between(a, ln_gamma(a), u, 0.0, f64::INFINITY) / a
    }

    /// The largest error of the table against the exact quantile, in the
    /// outer two cells and elsewhere, over 200,000 uniforms.
    fn table_errors(cv: f64) -> (f64, f64) {
        let t = GammaQuantiles::with_cv(cv).unwrap();
        let (mut outer, mut inner) = (0.0_f64, 0.0_f64);
        let n = 200_000;
        for k in 0..n {
            let u = (f64::from(k) + 0.5) / f64::from(n);
            let want = exact(cv, u);
            let err = (t.sample(u) - want).abs();
            if !(1.0 / 1024.0..(1024 - EXACT_TOP) as f64 / 1024.0).contains(&u) {
                outer = outer.max(err / want.max(1.0));
            } else {
                inner = inner.max(err);
            }
        }
        (outer, inner)
    }

    /// Coefficients of variation: the default, the ends of the registry's
    /// range (0 means no draw at all) and between.
    const CVS: [f64; 6] = [0.4, 0.05, 0.2, 1.0, 1.7, 3.0];

    #[test]
    fn the_table_is_within_its_error_bound() {
        for &cv in &CVS {
            let (outer, inner) = table_errors(cv);
            eprintln!("cv {cv}: outer cells {outer:e}, inner cells {inner:e}");
            assert!(outer <= 1e-14, "cv {cv}: outer cells {outer:e}");
            let bound = if cv == 0.4 { 1e-4 } else { 1.5e-4 };
            assert!(inner <= bound, "cv {cv}: inner cells {inner:e}");
        }
    }

    #[test]
    fn the_table_has_the_mean_and_spread_of_the_distribution() {
        for &cv in &CVS {
            let t = GammaQuantiles::with_cv(cv).unwrap();
            let n = 400_000;
            let (mut sum, mut sq) = (0.0, 0.0);
            for i in 0..n {
                let x = t.sample((f64::from(i) + 0.5) / f64::from(n));
                assert!(x >= 0.0 && x.is_finite());
                sum += x;
                sq += x * x;
            }
            let m = sum / f64::from(n);
            let var = sq / f64::from(n) - m * m;
            eprintln!(
                "cv {cv}: mean error {:e}, variance relative error {:e}",
                m - 1.0,
                var / (cv * cv) - 1.0
            );
            let (mean_tol, var_tol) = (1e-5, 2e-4);
            assert!((m - 1.0).abs() < mean_tol, "cv {cv}: mean {m}");
            assert!(
                (var / (cv * cv) - 1.0).abs() < var_tol,
                "cv {cv}: variance {var} vs {}",
                cv * cv
            );
        }
    }

    #[test]
    fn draws_rise_with_the_uniform_and_tables_are_shared() {
        let t = GammaQuantiles::with_cv(0.4).unwrap();
        let mut prev = -1.0;
        for k in 0..10_000 {
            let x = t.sample(f64::from(k) / 10_000.0);
            assert!(x >= prev && x.is_finite());
            prev = x;
        }
        assert_eq!(t.sample(0.0), 0.0);
        assert!(GammaQuantiles::with_cv(0.0).is_none());
        assert!(GammaQuantiles::with_cv(f64::NAN).is_none());
        let shared = GammaQuantiles::shared(0.4).unwrap();
        assert_eq!(*shared, t);
        assert!(Arc::ptr_eq(&shared, &GammaQuantiles::shared(0.4).unwrap()));
    }
}
