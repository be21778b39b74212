//! Sobol' low-discrepancy sequence (Bratley & Fox 1988, Algorithm 659), with
//! the direction numbers of Joe & Kuo 2008 (`new-joe-kuo-6.21201`) for up to
//! [`MAX_DIMENSIONS`] dimensions, in Gray-code order, with a random digital
//! shift.
//!
//! The digital shift XORs every coordinate of every point with one random
//! 32-bit number per dimension, drawn from a generator seeded by the caller.
//! It keeps the net's stratification (every dyadic interval gets its share of
//! points) and makes the seed meaningful: different seeds, different but
//! equally even point sets.

use rand::Rng as _;
use rand::SeedableRng;

use crate::engine::seeds::{Rng, mix64};

/// Bits per coordinate.
const BITS: usize = 32;

/// Dimensions the table below covers (dimension 1 needs no row).
pub const MAX_DIMENSIONS: usize = 1 + JOE_KUO.len();

/// The primitive polynomials and initial direction numbers of Joe & Kuo
/// 2008 for dimensions 2, 3, ...: `(s, a, m_1 .. m_s)` (degree,
/// coefficients, and the odd initial numbers `m_i < 2^i`). Transcribed from
/// their file `new-joe-kuo-6.21201`; the full reference is in
/// docs/REFERENCES.md.
const JOE_KUO: [(u32, u32, &[u32]); 39] = [
    (1, 0, &[1]),
    (2, 1, &[1, 3]),
    (3, 1, &[1, 3, 1]),
    (3, 2, &[1, 1, 1]),
    (4, 1, &[1, 1, 3, 3]),
    (4, 4, &[1, 3, 5, 13]),
    (5, 2, &[1, 1, 5, 5, 17]),
    (5, 4, &[1, 1, 5, 5, 5]),
    (5, 7, &[1, 1, 7, 11, 19]),
    (5, 11, &[1, 1, 5, 1, 1]),
    (5, 13, &[1, 1, 1, 3, 11]),
    (5, 14, &[1, 3, 5, 5, 31]),
    (6, 1, &[1, 3, 3, 9, 7, 49]),
    (6, 13, &[1, 1, 1, 15, 21, 21]),
    (6, 16, &[1, 3, 1, 13, 27, 49]),
    (6, 19, &[1, 1, 1, 15, 7, 5]),
    (6, 22, &[1, 3, 1, 15, 13, 25]),
    (6, 25, &[1, 1, 5, 5, 19, 61]),
    (7, 1, &[1, 3, 7, 11, 23, 15, 103]),
    (7, 4, &[1, 3, 7, 13, 13, 15, 69]),
    (7, 7, &[1, 1, 3, 13, 7, 35, 63]),
    (7, 8, &[1, 3, 5, 9, 1, 25, 53]),
    (7, 14, &[1, 3, 1, 13, 9, 35, 107]),
    (7, 19, &[1, 3, 1, 5, 27, 61, 31]),
    (7, 21, &[1, 1, 5, 11, 19, 41, 61]),
    (7, 28, &[1, 3, 5, 3, 3, 13, 69]),
    (7, 31, &[1, 1, 7, 13, 1, 19, 1]),
    (7, 32, &[1, 3, 7, 5, 13, 19, 59]),
    (7, 37, &[1, 1, 3, 9, 25, 29, 41]),
    (7, 41, &[1, 3, 5, 13, 23, 1, 55]),
    (7, 42, &[1, 3, 7, 3, 13, 59, 17]),
    (7, 50, &[1, 3, 1, 3, 5, 53, 69]),
    (7, 55, &[1, 1, 5, 5, 23, 33, 13]),
    (7, 56, &[1, 1, 7, 7, 1, 61, 123]),
    (7, 59, &[1, 1, 7, 9, 13, 61, 49]),
    (7, 62, &[1, 3, 3, 5, 3, 55, 33]),
    (8, 14, &[1, 3, 1, 15, 31, 13, 49, 245]),
    (8, 21, &[1, 3, 5, 15, 31, 59, 63, 97]),
    (8, 22, &[1, 3, 1, 11, 11, 11, 77, 249]),
];

/// A Sobol' sequence in `dimensions` dimensions.
#[derive(Clone, Debug)]
pub struct SobolSequence {
    /// Direction numbers: `directions[d][i]` for bit `i` (from 0).
    directions: Vec<[u32; BITS]>,
    /// The current point, as integers.
    current: Vec<u32>,
    /// The digital shift of each dimension.
    shift: Vec<u32>,
    /// Points produced so far.
    count: u64,
}

impl SobolSequence {
    /// The sequence in `dimensions` dimensions (1 ..= [`MAX_DIMENSIONS`]),
    /// digitally shifted by numbers drawn from a generator seeded with
    /// `seed`; `None` for more dimensions than the table covers.
    pub fn new(dimensions: usize, seed: u64) -> Option<Self> {
        if dimensions == 0 || dimensions > MAX_DIMENSIONS {
            return None;
        }
        let mut directions = Vec::with_capacity(dimensions);
        // Dimension 1: all m_i = 1 (van der Corput in base 2).
        directions.push(std::array::from_fn(|i| 1u32 << (BITS - 1 - i)));
        for &(s, a, m) in JOE_KUO.iter().take(dimensions - 1) {
            let s = s as usize;
            let mut v = [0u32; BITS];
            for i in 0..BITS {
                v[i] = if i < s {
                    m[i] << (BITS - 1 - i)
                } else {
                    let mut x = v[i - s] ^ (v[i - s] >> s);
                    for k in 1..s {
                        if (a >> (s - 1 - k)) & 1 == 1 {
                            x ^= v[i - k];
                        }
                    }
                    x
                };
            }
            directions.push(v);
        }
        let mut rng = Rng::seed_from_u64(mix64(seed ^ 0x5EC0_u64));
        let shift = (0..dimensions).map(|_| rng.r#gen::<u32>()).collect();
        Some(Self {
            directions,
            current: vec![0; dimensions],
            shift,
            count: 0,
        })
    }

    /// The next point, in `[0, 1)^dimensions`. The first is the shift
    /// itself (the unshifted sequence starts at the origin).
    pub fn next_point(&mut self) -> Vec<f64> {
        if self.count > 0 {
            // Gray code: flip the direction of the lowest zero bit of count - 1.
            let c = (!(self.count - 1)).trailing_zeros() as usize;
            let c = c.min(BITS - 1);
            for (x, v) in self.current.iter_mut().zip(&self.directions) {
                *x ^= v[c];
            }
        }
        self.count += 1;
        self.current
            .iter()
            .zip(&self.shift)
            .map(|(&x, &s)| f64::from(x ^ s) / 2f64.powi(BITS as i32))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_well_formed() {
        for (d, &(s, a, m)) in JOE_KUO.iter().enumerate() {
            assert_eq!(m.len(), s as usize, "dimension {}", d + 2);
            assert!(a < (1 << (s - 1)).max(1), "dimension {}", d + 2);
            for (i, &mi) in m.iter().enumerate() {
                assert!(mi % 2 == 1 && mi < (1 << (i + 1)), "dimension {}", d + 2);
            }
        }
    }

    #[test]
    fn unshifted_start_matches_the_known_sequence() {
        let mut seq = SobolSequence::new(2, 0).unwrap();
        seq.shift = vec![0, 0];
        let points: Vec<Vec<f64>> = (0..8).map(|_| seq.next_point()).collect();
        let want = [
            [0.0, 0.0],
            [0.5, 0.5],
            [0.75, 0.25],
            [0.25, 0.75],
            [0.375, 0.375],
            [0.875, 0.875],
            [0.625, 0.125],
            [0.125, 0.625],
        ];
        for (p, w) in points.iter().zip(want) {
            assert_eq!(p.as_slice(), w.as_slice());
        }
    }

    #[test]
    fn every_dimension_is_stratified() {
        // 2^m points put exactly one point in each interval
        // [j/2^m, (j+1)/2^m) of every dimension (with or without the shift):
        // a check of the first m bits of every direction number, the
        // recurrence included. (Pairs of dimensions are not all as even: some
        // share their first direction numbers, a known property of the
        // table.)
        let n = 1024;
        let mut seq = SobolSequence::new(MAX_DIMENSIONS, 3).unwrap();
        let points: Vec<Vec<f64>> = (0..n).map(|_| seq.next_point()).collect();
        for d in 0..MAX_DIMENSIONS {
            let mut cells: Vec<usize> = points.iter().map(|p| (p[d] * n as f64) as usize).collect();
            cells.sort_unstable();
            assert_eq!(cells, (0..n).collect::<Vec<_>>(), "dimension {}", d + 1);
        }
        assert!(SobolSequence::new(MAX_DIMENSIONS + 1, 0).is_none());
        assert!(SobolSequence::new(0, 0).is_none());
    }
}
