//! How numbers and timestamps are spelled in output files and tables.
//!
//! Everything here is a pure function of its argument, so identical inputs
//! give identical bytes.

use std::fmt::Write as _;

/// Appends `x` as a CSV cell: Rust's shortest round-trip decimal form
/// (`0.1`, `12`, `-3.25`), switching to exponent form (`1.5e-7`, `2e20`)
/// for magnitudes below 1e-6 or from 1e16 on so cells stay short; NaN is
/// `NA` and infinities are `Inf` and `-Inf`, as R spells them.
pub(crate) fn push_csv_float(buf: &mut String, x: f64) {
    if x.is_nan() {
        buf.push_str("NA");
    } else if x.is_infinite() {
        buf.push_str(if x > 0.0 { "Inf" } else { "-Inf" });
    } else {
        let a = x.abs();
        // Writing to a String cannot fail.
        let _ = if a != 0.0 && !(1e-6..1e16).contains(&a) {
            write!(buf, "{x:e}")
        } else {
            write!(buf, "{x}")
        };
    }
}

/// Reads a number written by [`push_csv_float`] back (`NA` is NaN).
pub(crate) fn parse_csv_float(text: &str) -> Option<f64> {
    match text {
        "NA" => Some(f64::NAN),
        "Inf" => Some(f64::INFINITY),
        "-Inf" => Some(f64::NEG_INFINITY),
        _ => text.parse().ok(),
    }
}

/// `x` as a CSV cell; see [`push_csv_float`].
pub(crate) fn csv_float(x: f64) -> String {
    let mut s = String::new();
    push_csv_float(&mut s, x);
    s
}

/// `x` rounded to `decimals` places for a table: `NA` for NaN, `Inf`/`-Inf`
/// for infinities, and never a negative zero (`-0.000` becomes `0.000`).
pub(crate) fn fixed(x: f64, decimals: usize) -> String {
    if x.is_nan() {
        return "NA".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Inf" } else { "-Inf" }.to_owned();
    }
    let s = format!("{x:.decimals$}");
    match s.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_owned(),
        _ => s,
    }
}

/// Decimal places that show `max_abs` with `significant` significant digits
/// (at least 0, at most 6); 0 for zero and for non-finite values.
pub(crate) fn decimals_for(max_abs: f64, significant: i32) -> usize {
    if !max_abs.is_finite() || max_abs == 0.0 {
        return 0;
    }
    let magnitude = max_abs.log10().floor() as i32;
    (significant - 1 - magnitude).clamp(0, 6) as usize
}

/// Seconds since the Unix epoch as an ISO 8601 UTC timestamp,
/// e.g. `2025-03-01T12:00:00Z`.
///
/// Days to a civil date by Howard Hinnant's `civil_from_days` algorithm
/// (proleptic Gregorian calendar); the crate has no date dependency and
/// this is its only use.
pub(crate) fn utc_timestamp(unix_seconds: u64) -> String {
    let days = (unix_seconds / 86_400) as i64;
    let secs = unix_seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_floats_round_trip_and_spell_missing_values_like_r() {
        assert_eq!(csv_float(0.1), "0.1");
        assert_eq!(csv_float(12.0), "12");
        assert_eq!(csv_float(-3.25), "-3.25");
        assert_eq!(csv_float(0.0), "0");
        assert_eq!(csv_float(1.5e-7), "1.5e-7");
        assert_eq!(csv_float(2e20), "2e20");
        assert_eq!(csv_float(f64::NAN), "NA");
        assert_eq!(csv_float(f64::INFINITY), "Inf");
        assert_eq!(csv_float(f64::NEG_INFINITY), "-Inf");
        for x in [0.1 + 0.2, 1.0 / 3.0, 123_456.789, 7.2e-9, 9.9e17] {
            assert_eq!(csv_float(x).parse::<f64>().unwrap(), x);
        }
    }

    #[test]
    fn fixed_rounds_without_negative_zero() {
        assert_eq!(fixed(0.28449, 3), "0.284");
        assert_eq!(fixed(-0.0001, 3), "0.000");
        assert_eq!(fixed(-0.0, 0), "0");
        assert_eq!(fixed(-0.041, 3), "-0.041");
        assert_eq!(fixed(f64::NAN, 3), "NA");
    }

    #[test]
    fn decimals_give_three_significant_digits() {
        assert_eq!(decimals_for(0.284, 3), 3);
        assert_eq!(decimals_for(12.3, 3), 1);
        assert_eq!(decimals_for(120.0, 3), 0);
        assert_eq!(decimals_for(45_000.0, 3), 0);
        assert_eq!(decimals_for(0.0, 3), 0);
        assert_eq!(decimals_for(1e-12, 3), 6);
        assert_eq!(decimals_for(0.041, 2), 3);
    }

    #[test]
    fn utc_timestamps() {
        assert_eq!(utc_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_timestamp(1_740_830_400), "2025-03-01T12:00:00Z");
        assert_eq!(utc_timestamp(4_102_444_799), "2099-12-31T23:59:59Z");
    }
}
