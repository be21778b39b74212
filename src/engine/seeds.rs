//! Seed derivation: every random stream is keyed by what it is for.
//!
//! A stream's seed is a mix of (master seed, replication, purpose, index),
//! never of the thread that runs it or of the arm. Arms therefore share every
//! exogenous draw (common random numbers), and adding a stream for a new
//! purpose does not shift the draws of any other.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

/// The generator used everywhere: PCG, a named algorithm whose output is
/// stable across versions of rand_pcg (unlike `StdRng`).
pub type Rng = Pcg64Mcg;

/// What a random stream is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum Purpose {
    /// Arrival times, severities, true needs, work requirements and the
    /// per-case uniforms of decisions: the exogenous world.
    Demand = 1,
    /// Daily draws of one case-worker position (sickness, quitting, spell
    /// lengths); index = position.
    Position = 2,
    /// Daily draws of one manager post; index = unit.
    Manager = 3,
    /// The starting staff (tenure); index 0.
    Initial = 4,
    /// Which reports are cross-agency children, and children whose concern
    /// is raised at school; index 0.
    Pathway = 5,
    /// Every draw of one cross-agency child; index = the child's number.
    Child = 6,
    /// The personal tendency to intervene of one person in a case-worker
    /// position, drawn once when they start; index =
    /// `position << 33 | generation << 1 | consultant`, so that the n-th
    /// employee of a position has the same tendency in every arm.
    Tendency = 7,
    /// Whether social services' assessment of a reported child in the joint
    /// team reuses the team's mapping; index = the child's number (a stream
    /// of its own, so that the child's other draws stay as they were).
    Mapping = 8,
}

/// SplitMix64's finaliser: a bijective mixer with good avalanche.
pub fn mix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The seed of replication `rep` of a scenario with master seed `master`;
/// the same for every arm. Reported in runs.csv so a run can be replayed.
pub fn replication_seed(master: u64, rep: u32) -> u64 {
    mix64(mix64(master) ^ u64::from(rep).wrapping_mul(0xD1B5_4A32_D192_ED03))
}

/// A generator for one purpose within a replication.
pub fn stream(replication_seed: u64, purpose: Purpose, index: u64) -> Rng {
    Rng::seed_from_u64(key(replication_seed, purpose, index))
}

/// The 64-bit key of one purpose and index within a replication: what
/// seeds [`stream`], and the key of a counter-based stream
/// ([`counter_uniform`]).
pub fn key(replication_seed: u64, purpose: Purpose, index: u64) -> u64 {
    let a = mix64(replication_seed ^ (purpose as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    mix64(a ^ index.wrapping_mul(0x9FB2_1C65_1E98_DF25))
}

/// SplitMix64's increment (the odd "golden gamma").
const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// Draw number `counter` of the counter-based stream with key `key`: a
/// uniform in [0, 1) that is a pure function of the two (Salmon et al.
/// 2011), so a stream can skip draws it does not need without shifting
/// the ones after. It is output `counter` of SplitMix64 started at state
/// `key` (Steele et al. 2014): the bijective finaliser [`mix64`]
/// applied to `key + (counter + 1) * gamma`, whose sequence passes
/// BigCrush; different keys are far-apart windows of its period of 2^64.
/// The uniform takes the top 53 bits, as `rand`'s `Standard` does.
#[inline]
pub fn counter_uniform(key: u64, counter: u64) -> f64 {
    uniform_of_bits(counter_bits(key, counter))
}

/// The 53 bits of draw number `counter` of the counter-based stream with
/// key `key` that make its uniform: `counter_uniform(key, counter)` is
/// `uniform_of_bits(counter_bits(key, counter))`. A caller that compares
/// the draw with a probability fixed for the run compares these bits with
/// [`bits_below`] of it instead (the same answer, without the conversion).
#[inline]
pub fn counter_bits(key: u64, counter: u64) -> u64 {
    mix64(key.wrapping_add(counter.wrapping_mul(GOLDEN_GAMMA))) >> 11
}

/// The uniform in [0, 1) of 53 random bits `m`: `m 2^-53`, exact.
#[inline]
pub fn uniform_of_bits(m: u64) -> f64 {
    m as f64 * (1.0 / (1u64 << 53) as f64)
}

/// The threshold `t` with `uniform_of_bits(m) < p` exactly when `m < t`,
/// for every `m` below 2^53: `u = m 2^-53 < p` is `m < p 2^53` (scaling by
/// a power of two is exact), and for an integer `m` that is
/// `m < ceil(p 2^53)`. 0 for a `p` of 0 or below, or NaN (no uniform is
/// below it), 2^53 for a `p` above 1 (every one is).
pub fn bits_below(p: f64) -> u64 {
    let scaled = (p * (1u64 << 53) as f64).ceil();
    if scaled > 0.0 {
        // At most 2^53 after `min`, so the conversion is exact.
        scaled.min((1u64 << 53) as f64) as u64
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng as _;

    #[test]
    fn streams_differ_by_purpose_and_index_and_repeat_exactly() {
        let s = replication_seed(42, 0);
        let draw = |p, i| stream(s, p, i).r#gen::<u64>();
        assert_eq!(draw(Purpose::Demand, 0), draw(Purpose::Demand, 0));
        assert_ne!(draw(Purpose::Demand, 0), draw(Purpose::Position, 0));
        assert_ne!(draw(Purpose::Position, 0), draw(Purpose::Position, 1));
        assert_ne!(replication_seed(42, 0), replication_seed(42, 1));
        assert_ne!(replication_seed(42, 0), replication_seed(43, 0));
    }

    #[test]
    fn a_counter_draw_is_splitmix64_and_a_pure_function_of_key_and_counter() {
        // The first output of SplitMix64 seeded with 0 is the published
        // 0xe220a8397b1dcdaf.
        assert_eq!(
            counter_uniform(0, 0),
            (0xe220_a839_7b1d_cdaf_u64 >> 11) as f64 / (1u64 << 53) as f64
        );
        // From state 1234567, step by step as the algorithm is written
        // (next() adds the gamma, then mixes).
        let mut state: u64 = 1_234_567;
        for n in 0..1000 {
            state = state.wrapping_add(GOLDEN_GAMMA);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            let u = counter_uniform(1_234_567, n);
            assert_eq!(u, (z >> 11) as f64 / (1u64 << 53) as f64);
            assert_eq!(u, counter_uniform(1_234_567, n));
        }
    }

    #[test]
    fn the_bits_threshold_decides_as_the_uniform_does() {
        // Probabilities at, just off and between the uniforms' grid, tiny,
        // negative, above 1 and NaN; every `m` around each threshold and a
        // spread of others.
        let grid = 1.0 / (1u64 << 53) as f64;
        let mut ps = vec![
            0.0,
            -0.5,
            1.0,
            1.5,
            f64::NAN,
            f64::INFINITY,
            5e-324,
            1e-300,
            grid,
        ];
        for &p in &[0.013, 5.2e-4, 0.3, 0.5, 0.999_999, 1.0 - grid] {
            ps.extend([
                p,
                p * (1.0 - 1e-15),
                p * (1.0 + 1e-15),
                p.next_up(),
                p.next_down(),
            ]);
        }
        ps.extend((1..9).map(|k| k as f64 * grid));
        ps.push(3.5 * grid);
        for p in ps {
            let t = bits_below(p);
            let mut ms: Vec<u64> = vec![0, 1, 2, (1 << 53) - 1, (1 << 52) + 7];
            for d in 0..4 {
                ms.extend([t.saturating_sub(d), t.saturating_add(d)]);
            }
            ms.extend((0..200).map(|n| counter_bits(99, n)));
            for m in ms.into_iter().filter(|&m| m < 1 << 53) {
                assert_eq!(m < t, uniform_of_bits(m) < p, "p {p} m {m} t {t}");
            }
        }
        for n in 0..1000 {
            assert_eq!(counter_uniform(5, n), uniform_of_bits(counter_bits(5, n)));
        }
    }

    #[test]
    fn counter_draws_look_uniform_and_independent() {
        // Mean, variance and lag-1 correlation within a stream, and the
        // correlation between the same counters of neighbouring keys (as
        // positions 0, 1, 2, ... get), over 200,000 draws each: every
        // statistic within about 5 standard errors of its value for
        // independent uniforms.
        let s = replication_seed(7, 0);
        let n = 200_000u64;
        let k0 = key(s, Purpose::Position, 0);
        let k1 = key(s, Purpose::Position, 1);
        let (mut sum, mut sq, mut lag, mut cross) = (0.0, 0.0, 0.0, 0.0);
        let mut prev = counter_uniform(k0, 0);
        for c in 0..n {
            let u = counter_uniform(k0, c);
            let v = counter_uniform(k1, c);
            assert!((0.0..1.0).contains(&u));
            sum += u;
            sq += u * u;
            if c > 0 {
                lag += (u - 0.5) * (prev - 0.5);
            }
            cross += (u - 0.5) * (v - 0.5);
            prev = u;
        }
        let nf = n as f64;
        let se_mean = (1.0 / 12.0 / nf).sqrt();
        assert!((sum / nf - 0.5).abs() < 5.0 * se_mean);
        assert!((sq / nf - sum / nf * sum / nf - 1.0 / 12.0).abs() < 0.002);
        // The product of two centred uniforms has sd 1/12.
        let se_prod = 1.0 / 12.0 / nf.sqrt();
        assert!((lag / nf).abs() < 5.0 * se_prod, "lag-1 {}", lag / nf);
        assert!((cross / nf).abs() < 5.0 * se_prod, "cross {}", cross / nf);
    }
}
