//! The model's results, statistically: every outcome's mean and standard
//! deviation per arm, over 100 replications of two small scenarios, kept
//! as a fixture (`tests/data/equivalence/`), and compared with a fresh
//! sample of 100 replications under another seed.
//!
//! The fixture was made before the engine redesign (see the folder's
//! README): an engine that changes how it computes, but not what, must
//! match it within sampling error. A change of the model itself changes
//! the fixture, on purpose, and says so in its commit.
//!
//! The test compares independent samples, so it can fail by chance: each
//! mean is tested with Welch's t at a family-wise false-alarm rate of
//! 1 in 1,000 over every compared mean (Bonferroni), and each standard
//! deviation with the log-ratio of the two, at the same rate, its standard
//! error doubled for outcomes that are far from normal (documented below).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::support::{root, temp_dir, tillit};

/// The family-wise false-alarm rate of each of the two checks.
const FAMILY_ALPHA: f64 = 1e-3;

/// `(mean, sd, n)` per (arm, outcome), from the level rows of a summary.csv.
fn levels(path: &Path) -> BTreeMap<(String, String), (f64, f64, f64)> {
    let mut reader = csv::Reader::from_path(path).expect("summary.csv");
    let mut out = BTreeMap::new();
    for row in reader.deserialize::<BTreeMap<String, String>>() {
        let row = row.expect("a summary row");
        if row["comparison"] != "level" {
            continue;
        }
        let num = |k: &str| -> f64 {
            match row[k].as_str() {
                "NA" => f64::NAN,
                x => x.parse().expect("a number"),
            }
        };
        out.insert(
            (row["arm"].clone(), row["outcome"].clone()),
            (num("mean"), num("sd"), num("n")),
        );
    }
    out
}

/// The standard normal quantile for the upper tail `p` (Acklam's rational
/// approximation, relative error below 1.2e-9).
fn normal_upper_quantile(p: f64) -> f64 {
    let q = (-2.0 * p.ln()).sqrt();
    let c = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    let d = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0)
}

#[test]
fn the_normal_quantile_is_right() {
    assert!((normal_upper_quantile(0.025) - 1.959_964).abs() < 1e-5);
    assert!((normal_upper_quantile(1e-6) - 4.753_424).abs() < 1e-4);
}

#[test]
fn the_outcomes_match_the_fixture_made_before_the_engine_redesign() {
    let fixtures = root().join("tests/data/equivalence");
    let dir = temp_dir("equivalence");
    let mut compared = Vec::new();
    for name in ["small", "team"] {
        let scenario = fixtures.join(format!("{name}.toml"));
        let out = tillit(
            &dir,
            &[
                "run",
                scenario.to_str().expect("utf-8 path"),
                "--seed",
                "2",
                "--out",
                name,
                "-q",
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let fixture = levels(&fixtures.join(format!("{name}.summary.csv")));
        let fresh = levels(&dir.join(name).join("summary.csv"));
        assert_eq!(
            fixture.keys().collect::<Vec<_>>(),
            fresh.keys().collect::<Vec<_>>(),
            "{name}: the arms and outcomes differ from the fixture's"
        );
        for (key, &a) in &fixture {
            compared.push((name, key.clone(), a, fresh[key]));
        }
    }
    let m = compared.len() as f64;
    let z = normal_upper_quantile(FAMILY_ALPHA / (2.0 * m));
    let mut failures = Vec::new();
    for (name, (arm, outcome), (m1, s1, n1), (m2, s2, n2)) in &compared {
        let what = format!("{name}/{arm}/{outcome}");
        if m1.is_nan() || m2.is_nan() {
            if m1.is_nan() != m2.is_nan() {
                failures.push(format!("{what}: mean {m1} vs {m2}"));
            }
            continue;
        }
        if *s1 == 0.0 && *s2 == 0.0 {
            if m1 != m2 {
                failures.push(format!("{what}: constant {m1} vs {m2}"));
            }
            continue;
        }
        // Welch's t; with 100 runs a side the normal quantile is close.
        let se = (s1 * s1 / n1 + s2 * s2 / n2).sqrt();
        let t = (m1 - m2) / se;
        if t.abs() > z {
            failures.push(format!(
                "{what}: mean {m1:.6} vs {m2:.6} (t = {t:.2}, bound {z:.2})"
            ));
        }
        // log(s1/s2) has standard error sqrt(1/(2(n1-1)) + 1/(2(n2-1)))
        // for normal outcomes; counts and shares with heavy tails have a
        // larger one, so it is doubled (a looser, still stated, check).
        if *s1 > 0.0 && *s2 > 0.0 {
            let se = 2.0 * (0.5 / (n1 - 1.0) + 0.5 / (n2 - 1.0)).sqrt();
            let r = (s1 / s2).ln() / se;
            if r.abs() > z {
                failures.push(format!(
                    "{what}: sd {s1:.6} vs {s2:.6} (log ratio {r:.2} standard errors, bound {z:.2})"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} outcome means or spreads differ from the fixture beyond sampling error \
         (family-wise false-alarm rate {FAMILY_ALPHA}):\n{}",
        failures.len(),
        compared.len(),
        failures.join("\n")
    );
    let _ = fs::remove_dir_all(&dir);
}
