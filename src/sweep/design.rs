//! Designs: the points of a sweep, as values per factor.
//!
//! Each design is a pure function of the spec: a full factorial lists every
//! combination (the first factor varies slowest), a Latin hypercube cuts each
//! factor's range into as many equal strata as points and pairs the strata
//! through permutations drawn from its own seeded generator, and a table
//! design takes the rows of its file. Whole-number parameters are rounded to
//! the nearest whole number.

use rand::Rng as _;
use rand::SeedableRng;
use rand::seq::SliceRandom;

use super::spec::{Design, Levels, SweepSpec};
use crate::engine::seeds::{Rng, mix64};
use crate::model::params::{ParamKind, ParamSpec};

/// The points of a sweep: one row per point, one value per factor.
pub fn points(spec: &SweepSpec) -> Vec<Vec<f64>> {
    match &spec.design {
        Design::Factorial => {
            let lists: Vec<&[f64]> = spec
                .factors
                .iter()
                .map(|(_, l)| match l {
                    Levels::List(v) => v.as_slice(),
                    _ => &[],
                })
                .collect();
            factorial(&lists)
        }
        Design::LatinHypercube { points, seed } => {
            let unit = latin_hypercube(spec.factors.len(), *points as usize, *seed);
            unit.into_iter()
                .map(|row| {
                    row.iter()
                        .zip(&spec.factors)
                        .map(|(&u, (f, l))| match l {
                            Levels::Range { from, to } => scale(f.param, *from, *to, u),
                            _ => f64::NAN,
                        })
                        .collect()
                })
                .collect()
        }
        Design::Table { rows, .. } => rows.clone(),
    }
}

/// Every combination of the lists; the first list varies slowest.
pub fn factorial(lists: &[&[f64]]) -> Vec<Vec<f64>> {
    let mut out: Vec<Vec<f64>> = vec![Vec::new()];
    for list in lists {
        out = out
            .into_iter()
            .flat_map(|row| {
                list.iter().map(move |&x| {
                    let mut r = row.clone();
                    r.push(x);
                    r
                })
            })
            .collect();
    }
    out
}

/// `n` points in `[0, 1]^k`, one in each of the `n` strata of every
/// dimension, at a uniform position within its stratum.
pub fn latin_hypercube(k: usize, n: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = Rng::seed_from_u64(mix64(seed ^ 0x4C48_5344));
    let mut out = vec![vec![0.0; k]; n];
    for d in 0..k {
        let mut strata: Vec<usize> = (0..n).collect();
        strata.shuffle(&mut rng);
        for (row, s) in out.iter_mut().zip(strata) {
            row[d] = (s as f64 + rng.r#gen::<f64>()) / n as f64;
        }
    }
    out
}

/// A unit value `u` in `[0, 1]` mapped onto `from ..= to`, rounded for a
/// whole-number parameter and kept inside the range.
pub fn scale(param: &ParamSpec, from: f64, to: f64, u: f64) -> f64 {
    let x = (from + u * (to - from)).clamp(from, to);
    match param.kind {
        ParamKind::Integer | ParamKind::Switch => x.round().clamp(from.ceil(), to.floor()),
        ParamKind::Real => x,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factorial_lists_every_combination_first_factor_slowest() {
        let p = factorial(&[&[1.0, 2.0], &[10.0, 20.0, 30.0]]);
        assert_eq!(p.len(), 6);
        assert_eq!(p[0], vec![1.0, 10.0]);
        assert_eq!(p[1], vec![1.0, 20.0]);
        assert_eq!(p[5], vec![2.0, 30.0]);
    }

    #[test]
    fn latin_hypercube_puts_one_point_in_every_stratum() {
        let n = 17;
        let p = latin_hypercube(3, n, 5);
        for d in 0..3 {
            let mut strata: Vec<usize> = p.iter().map(|r| (r[d] * n as f64) as usize).collect();
            strata.sort_unstable();
            assert_eq!(strata, (0..n).collect::<Vec<_>>());
        }
        assert_eq!(p, latin_hypercube(3, n, 5));
        assert_ne!(p, latin_hypercube(3, n, 6));
    }
}
