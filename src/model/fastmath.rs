//! A faster `exp` for the engine's hot path (hazards, corner-cutting,
//! tilted probabilities): glibc's `exp` costs ~51 instructions a call and
//! is called a few times per worker and day. And [`Power`], `x^a` for one
//! exponent fixed per run from a table (corner cutting's time factor, once
//! per present worker and day, without glibc's `ln`).
//!
//! Method: x = (k/64) ln 2 + r with |r| <= ln 2 / 128 (Cody-Waite
//! reduction with a split constant), exp(x) = 2^(k div 64) times
//! 2^((k mod 64)/64) times p(r), the 64 powers of two tabulated correctly
//! rounded and p the degree-5 Taylor polynomial (truncation error below
//! r^6/720 < 3.5e-17).
//!
//! **Error bound**: relative error at most 1e-15 (a few units in the last
//! place) for |x| < 700, checked against `f64::exp` in the tests below;
//! outside that range, and for NaN, it is `f64::exp` itself.

/// 2^(j/64) for j = 0..64, correctly rounded (computed with 60 digits).
const POW2: [f64; 64] = [
    f64::from_bits(0x3ff0000000000000),
    f64::from_bits(0x3ff02c9a3e778061),
    f64::from_bits(0x3ff059b0d3158574),
    f64::from_bits(0x3ff0874518759bc8),
    f64::from_bits(0x3ff0b5586cf9890f),
    f64::from_bits(0x3ff0e3ec32d3d1a2),
    f64::from_bits(0x3ff11301d0125b51),
    f64::from_bits(0x3ff1429aaea92de0),
    f64::from_bits(0x3ff172b83c7d517b),
    f64::from_bits(0x3ff1a35beb6fcb75),
    f64::from_bits(0x3ff1d4873168b9aa),
    f64::from_bits(0x3ff2063b88628cd6),
    f64::from_bits(0x3ff2387a6e756238),
    f64::from_bits(0x3ff26b4565e27cdd),
    f64::from_bits(0x3ff29e9df51fdee1),
    f64::from_bits(0x3ff2d285a6e4030b),
    f64::from_bits(0x3ff306fe0a31b715),
    f64::from_bits(0x3ff33c08b26416ff),
    f64::from_bits(0x3ff371a7373aa9cb),
    f64::from_bits(0x3ff3a7db34e59ff7),
    f64::from_bits(0x3ff3dea64c123422),
    f64::from_bits(0x3ff4160a21f72e2a),
    f64::from_bits(0x3ff44e086061892d),
    f64::from_bits(0x3ff486a2b5c13cd0),
    f64::from_bits(0x3ff4bfdad5362a27),
    f64::from_bits(0x3ff4f9b2769d2ca7),
    f64::from_bits(0x3ff5342b569d4f82),
    f64::from_bits(0x3ff56f4736b527da),
    f64::from_bits(0x3ff5ab07dd485429),
    f64::from_bits(0x3ff5e76f15ad2148),
    f64::from_bits(0x3ff6247eb03a5585),
    f64::from_bits(0x3ff6623882552225),
    f64::from_bits(0x3ff6a09e667f3bcd),
    f64::from_bits(0x3ff6dfb23c651a2f),
    f64::from_bits(0x3ff71f75e8ec5f74),
    f64::from_bits(0x3ff75feb564267c9),
    f64::from_bits(0x3ff7a11473eb0187),
    f64::from_bits(0x3ff7e2f336cf4e62),
    f64::from_bits(0x3ff82589994cce13),
    f64::from_bits(0x3ff868d99b4492ed),
    f64::from_bits(0x3ff8ace5422aa0db),
    f64::from_bits(0x3ff8f1ae99157736),
    f64::from_bits(0x3ff93737b0cdc5e5),
    f64::from_bits(0x3ff97d829fde4e50),
    f64::from_bits(0x3ff9c49182a3f090),
    f64::from_bits(0x3ffa0c667b5de565),
    f64::from_bits(0x3ffa5503b23e255d),
    f64::from_bits(0x3ffa9e6b5579fdbf),
    f64::from_bits(0x3ffae89f995ad3ad),
    f64::from_bits(0x3ffb33a2b84f15fb),
    f64::from_bits(0x3ffb7f76f2fb5e47),
    f64::from_bits(0x3ffbcc1e904bc1d2),
    f64::from_bits(0x3ffc199bdd85529c),
    f64::from_bits(0x3ffc67f12e57d14b),
    f64::from_bits(0x3ffcb720dcef9069),
    f64::from_bits(0x3ffd072d4a07897c),
    f64::from_bits(0x3ffd5818dcfba487),
    f64::from_bits(0x3ffda9e603db3285),
    f64::from_bits(0x3ffdfc97337b9b5f),
    f64::from_bits(0x3ffe502ee78b3ff6),
    f64::from_bits(0x3ffea4afa2a490da),
    f64::from_bits(0x3ffefa1bee615a27),
    f64::from_bits(0x3fff50765b6e4540),
    f64::from_bits(0x3fffa7c1819e90d8),
];

/// 64 / ln 2.
const INV_STEP: f64 = 92.33248261689366;
/// ln 2 / 64 in two parts: the high part has 32 significant bits, so that
/// k * STEP_HI is exact for |k| < 2^21.
const STEP_HI: f64 = 0.01083042469326756;
const STEP_LO: f64 = 2.9815858269852933e-12;
/// 1.5 * 2^52: adding and subtracting it rounds to an integer without a
/// call to `round` (not an instruction on baseline x86-64).
const SHIFT: f64 = 6755399441055744.0;

/// e^x with relative error at most 1e-15 (see the module's notes).
#[inline]
pub fn exp(x: f64) -> f64 {
    if x.is_nan() || x.abs() >= 700.0 {
        return x.exp();
    }
    let kf = (x * INV_STEP + SHIFT) - SHIFT;
    let k = kf as i64;
    let r = (x - kf * STEP_HI) - kf * STEP_LO;
    let p = 1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0)))));
    let scale = f64::from_bits((((k >> 6) + 1023) as u64) << 52);
    POW2[(k & 63) as usize] * p * scale
}

/// Cells of [`Power`]'s table of `m^a` over the mantissa `m` in [1, 2].
const POWER_CELLS: usize = 512;
/// Binary exponents of `x` that [`Power`] tabulates: 2^-64 <= x < 2^64.
const POWER_EXPONENTS: i64 = 64;

/// `x^a` for one exponent `a` from tables made once: `x = 2^e m` with
/// `m` in [1, 2), `x^a = (2^a)^e m^a`, the first factor tabulated by `e`
/// (`powf`), the second interpolated by the cubic Hermite polynomial
/// through the two neighbouring nodes of 512 cells and their exact slopes
/// `a m^(a-1)`.
///
/// **Error bound**: the interpolation error of a cubic Hermite polynomial
/// is at most `h^4 / 384 max |f''''|` with `h = 1/512` and
/// `f'''' = a (a-1) (a-2) (a-3) m^(a-4)`, i.e. below 4e-14 times
/// `|a (a-1) (a-2) (a-3)|` relative to `m^a` (at least 2^a on [1, 2]):
/// 3.4e-13 at the default corner-cutting elasticity -0.6 and 1.9e-11 at
/// -2, the end of its range. The tests check 5e-13 and 2e-11 against
/// `powf` (relative). Outside 2^-64 <= x < 2^64, for a non-finite `x` or
/// `a` outside [-4, 4] it is `powf` itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Power {
    a: f64,
    /// Whether the tables are made (`a` within [-4, 4]).
    tabulated: bool,
    /// Per cell j (m from 1 + j/512 to 1 + (j+1)/512), the cubic's
    /// coefficients `[y0, d0, c2, c3]` from the nodes' `(m^a, h a m^(a-1))`
    /// (an array of fixed size: the index needs no bounds check).
    cells: Box<[[f64; 4]; POWER_CELLS]>,
    /// 2^(a e) for e = -64..64.
    scale: Box<[f64; 2 * POWER_EXPONENTS as usize]>,
}

impl Power {
    /// The tables for exponent `a` (~1,500 calls to `powf`, once).
    pub fn new(a: f64) -> Self {
        let h = 1.0 / POWER_CELLS as f64;
        let tabulated = a.is_finite() && a.abs() <= 4.0;
        let mut cells = Box::new([[1.0, 0.0, 0.0, 0.0]; POWER_CELLS]);
        let mut scale = Box::new([1.0; 2 * POWER_EXPONENTS as usize]);
        if tabulated {
            let node = |j: usize| {
                let m = 1.0 + j as f64 * h;
                [m.powf(a), h * a * m.powf(a - 1.0)]
            };
            let mut left = node(0);
            for (j, cell) in cells.iter_mut().enumerate() {
                let right = node(j + 1);
                let ([y0, d0], [y1, d1]) = (left, right);
                left = right;
                // Cubic Hermite through the two nodes: y0 + t (d0 + t (c2 + t c3)).
                let dy = y1 - y0;
                let c2 = 3.0 * dy - 2.0 * d0 - d1;
                let c3 = d0 + d1 - 2.0 * dy;
                *cell = [y0, d0, c2, c3];
            }
            for (k, s) in scale.iter_mut().enumerate() {
                *s = 2f64.powf(a * (k as i64 - POWER_EXPONENTS) as f64);
            }
        }
        Power {
            a,
            tabulated,
            cells,
            scale,
        }
    }

    /// The exponent.
    pub fn exponent(&self) -> f64 {
        self.a
    }

    /// Whether the tables are made and for exponent `a`: then
    /// [`Power::of_tabulated`] gives `x^a`.
    pub fn applies(&self, a: f64) -> bool {
        self.tabulated && self.a == a
    }

    /// `x^a` (see the error bound above).
    #[inline]
    pub fn of(&self, x: f64) -> f64 {
        if !self.tabulated {
            return self.untabulated(x);
        }
        self.of_tabulated(x)
    }

    /// [`Power::of`] for a caller that checked the tables are made
    /// ([`Power::applies`], e.g. once per day rather than per call);
    /// without them it gives 1 for `x` within the table's range.
    #[inline]
    pub fn of_tabulated(&self, x: f64) -> f64 {
        let bits = x.to_bits();
        // The biased exponent less 1023 - 64: within 0..128 for
        // 2^-64 <= x < 2^64 (the sign bit puts negative x above).
        let k = (bits >> 52).wrapping_sub(1023 - POWER_EXPONENTS as u64) as usize;
        if k >= 2 * POWER_EXPONENTS as usize {
            return self.untabulated(x);
        }
        // The mantissa's top 9 bits pick the cell; the other 43, moved to
        // the top of a mantissa, give 1 + t exactly, t in [0, 1) in the cell.
        let fraction = bits & ((1 << 52) - 1);
        let i = (fraction >> 43) as usize;
        let t = f64::from_bits(1f64.to_bits() | (fraction << 9) & ((1 << 52) - 1)) - 1.0;
        // The cubic in Horner form, its coefficients made once per cell.
        let [y0, d0, c2, c3] = self.cells[i];
        let m_a = y0 + t * (d0 + t * (c2 + t * c3));
        m_a * self.scale[k]
    }

    /// `powf`, outside the table (kept out of line: the table's path is
    /// the hot one).
    #[cold]
    #[inline(never)]
    fn untabulated(&self, x: f64) -> f64 {
        x.powf(self.a)
    }
}

/// The smaller of `a` and `b` for numbers that are never NaN nor -0
/// (hours): `f64::min`'s number without its NaN handling, which costs a
/// few instructions in the daily loops over workers and children.
#[inline]
pub fn min_hours(a: f64, b: f64) -> f64 {
    if a < b { a } else { b }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn min_hours_is_min_for_hours() {
        // Hours are never NaN and never -0 (a difference of equal numbers
        // is +0): there `min_hours` gives `f64::min`'s bits.
        let values = [
            0.0,
            1e-300,
            1e-9,
            0.1,
            0.5,
            1.0 / 3.0,
            2.0,
            7.5,
            1e300,
            f64::INFINITY,
            -1e-9,
            -3.25,
            f64::NEG_INFINITY,
        ];
        for a in values {
            for b in values {
                assert_eq!(min_hours(a, b).to_bits(), a.min(b).to_bits(), "{a} {b}");
            }
        }
    }

    /// Worst relative error of `Power::new(a).of` against `powf` on a
    /// dense grid over 2^-64..2^64 and the edges of the cells.
    fn power_error(a: f64) -> f64 {
        let p = Power::new(a);
        let mut worst: f64 = 0.0;
        let mut check = |x: f64| {
            let (got, want) = (p.of(x), x.powf(a));
            worst = worst.max(((got - want) / want).abs());
        };
        let mut x = 1.0;
        while x < 2.0 {
            check(x);
            x += 0.000_013_7;
        }
        for j in 0..=POWER_CELLS {
            let m = 1.0 + j as f64 / POWER_CELLS as f64;
            check(m);
            check(f64::from_bits(m.to_bits() + 1));
            check(f64::from_bits(m.to_bits() - 1));
        }
        let mut x: f64 = 2f64.powi(-64);
        while x < 2f64.powi(64) {
            check(x);
            x *= 1.000_731;
        }
        worst
    }

    #[test]
    fn power_is_within_its_bound_of_powf() {
        let worst = power_error(-0.6);
        assert!(worst <= 5e-13, "a = -0.6: worst relative error {worst:e}");
        for a in [-2.0, -1.3, -0.1, 0.5, 1.0] {
            let worst = power_error(a);
            assert!(worst <= 2e-11, "a = {a}: worst relative error {worst:e}");
        }
        // a = 0 gives 1 exactly, as powf does.
        let p = Power::new(0.0);
        assert_eq!(p.of(0.37), 1.0);
    }

    #[test]
    fn power_outside_the_table_is_powf() {
        let p = Power::new(-0.6);
        for x in [0.0, 1e-30, 1e30, f64::INFINITY, f64::MIN_POSITIVE] {
            assert_eq!(p.of(x).to_bits(), x.powf(-0.6).to_bits(), "x = {x}");
        }
        assert!(p.of(f64::NAN).is_nan());
        assert!(p.of(-1.0).is_nan());
        let q = Power::new(7.5);
        assert_eq!(q.of(1.7).to_bits(), 1.7f64.powf(7.5).to_bits());
    }

    #[test]
    fn exp_is_within_1e_15_of_the_library_exp() {
        let mut worst: f64 = 0.0;
        let mut x = -700.0;
        while x < 700.0 {
            let (got, want) = (exp(x), x.exp());
            worst = worst.max(((got - want) / want).abs());
            x += 0.000_731;
        }
        for &x in &[
            0.0, 1e-300, -1e-300, 1e-9, -1e-9, 0.5, -0.5, 1.0, -1.0, 699.9, -699.9,
        ] {
            let (got, want) = (exp(x), f64::exp(x));
            worst = worst.max(((got - want) / want).abs());
        }
        assert!(worst <= 1e-15, "worst relative error {worst:e}");
    }

    #[test]
    fn exp_outside_the_range_is_the_library_exp() {
        for x in [-800.0, 710.0, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(exp(x).to_bits(), x.exp().to_bits());
        }
        assert!(exp(f64::NAN).is_nan());
    }
}
