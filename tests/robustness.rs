//! Robustness studies: PRIM against a known box and the EMA Workbench's
//! trajectory, history matching against the calibration patterns, and
//! `tillit robustness` end to end (byte-identical folders across threads,
//! resume and shards; collapsed ranges give `tillit run`'s effects; spec
//! mistakes with file, line and key).

use std::fs;
use std::path::Path;

use rand::{Rng, SeedableRng};
use tillit::calibration::{self, PATTERNS};
use tillit::experiment::{Options, run_experiment};
use tillit::outcome::Outcome;
use tillit::robustness::history::{Measure, combine, implausibility};
use tillit::robustness::prim::{Objective, PrimOptions, find_box, peel};

use crate::support::{assert_same_files, headless_chromium, temp_dir, tillit};

#[test]
fn prim_recovers_a_known_box() {
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(7);
    let x: Vec<Vec<f64>> = (0..2000)
        .map(|_| (0..5).map(|_| rng.r#gen::<f64>()).collect())
        .collect();
    // The box: x0 above 0.6 and x1 below 0.4 (mass 0.16); three noise
    // dimensions.
    let y: Vec<bool> = x.iter().map(|r| r[0] > 0.6 && r[1] < 0.4).collect();
    let trajectory = peel(&x, &y, &PrimOptions::default()).unwrap();
    assert_eq!(trajectory[0].coverage, 1.0);
    let best = trajectory
        .iter()
        .filter(|b| b.coverage > 0.9 && b.density > 0.9)
        .max_by(|a, b| (a.coverage * a.density).total_cmp(&(b.coverage * b.density)))
        .expect("a box with coverage and density above 0.9");
    assert_eq!(best.restricted, vec![0, 1], "{best:?}");
    assert!((best.limits[0].0 - 0.6).abs() < 0.03, "{:?}", best.limits);
    assert!((best.limits[1].1 - 0.4).abs() < 0.03, "{:?}", best.limits);
    // Peeling never grows the box, and density rises to the end.
    for w in trajectory.windows(2) {
        assert!(w[1].n < w[0].n);
    }
    assert!(trajectory.last().unwrap().density > 0.99);
}

/// tests/data/prim/: the data and the EMA Workbench's trajectories
/// (make_fixture.py says how they were made), one row per line; text
/// fields (a box's `phase`) are left out.
fn fixture(name: &str) -> Vec<(String, Vec<f64>)> {
    let path = crate::support::root().join("tests/data/prim").join(name);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip(1)
        .map(|l| {
            let (text, numbers): (Vec<&str>, Vec<&str>) =
                l.split(',').partition(|v| v.parse::<f64>().is_err());
            (
                text.join(","),
                numbers.iter().map(|v| v.parse().unwrap()).collect(),
            )
        })
        .collect()
}

#[test]
fn prim_reproduces_the_ema_workbench_trajectory_with_pasting() {
    let data = fixture("data.csv");
    let x: Vec<Vec<f64>> = data.iter().map(|(_, r)| r[..3].to_vec()).collect();
    let y: Vec<bool> = data.iter().map(|(_, r)| r[3] == 1.0).collect();
    for (file, objective, pastes) in [
        ("expected-original.csv", Objective::Original, 5),
        ("expected-lenient1.csv", Objective::Lenient1, 1),
    ] {
        let expected = fixture(file);
        let options = PrimOptions {
            alpha: 0.05,
            paste_alpha: 0.05,
            min_mass: 0.05,
            objective,
        };
        let got = find_box(&x, &y, &options).unwrap();
        assert_eq!(got.boxes.len(), expected.len(), "{file}: steps");
        // The fixture has pastes to reproduce, and peel() alone gives
        // the peeled part.
        let peeled = expected.iter().filter(|(p, _)| p == "peel").count();
        assert_eq!(expected.len() - peeled, pastes, "{file}: pastes");
        assert_eq!(got.peeled, peeled, "{file}: peeled");
        assert_eq!(peel(&x, &y, &options).unwrap(), got.boxes[..peeled]);
        for (b, (_, e)) in got.boxes.iter().zip(&expected) {
            let step = e[0];
            assert_eq!(b.n as f64, e[1], "{file} step {step}: n");
            assert_eq!(b.k as f64, e[2], "{file} step {step}: k");
            for (v, w, what) in [
                (b.coverage, e[3], "coverage"),
                (b.density, e[4], "density"),
                (b.mass, e[5], "mass"),
            ] {
                assert!(
                    (v - w).abs() < 1e-12,
                    "{file} step {step}: {what} {v} vs {w}"
                );
            }
            for d in 0..3 {
                assert!(
                    (b.limits[d].0 - e[6 + 2 * d]).abs() < 1e-12,
                    "{file} step {step}"
                );
                assert!(
                    (b.limits[d].1 - e[7 + 2 * d]).abs() < 1e-12,
                    "{file} step {step}"
                );
            }
        }
    }
}

/// The calibration scenario with `tweak`, its implausibility per pattern,
/// and the baseline's summaries.
fn match_world(
    tweak: impl Fn(&mut tillit::model::params::Params),
) -> (Vec<f64>, Vec<tillit::stats::Summary>) {
    let mut s = calibration::scenario(3, 20261128);
    tweak(&mut s.arms[0].params);
    let result = run_experiment(&s, &Options::default(), &mut ()).unwrap();
    let summaries: Vec<_> = PATTERNS
        .iter()
        .map(|p| result.arms[0].outcomes[p.outcome as usize])
        .collect();
    let i = PATTERNS
        .iter()
        .zip(&summaries)
        .map(|(p, s)| implausibility(p, s.mean, s.sd, s.n as usize))
        .collect();
    (i, summaries)
}

#[test]
fn history_matching_keeps_the_default_world_and_rules_out_a_far_miss() {
    let (default, _) = match_world(|_| {});
    assert!(
        combine(&default, Measure::Max) <= 3.0,
        "the default world should be kept: {default:?}"
    );
    // Three times the quit rate: turnover far above 20-35 % a year.
    let (far, summaries) = match_world(|p| p.turnover.quits_per_year *= 3.0);
    assert!(combine(&far, Measure::Max) > 3.0, "{far:?}");
    let t = PATTERNS
        .iter()
        .position(|p| p.outcome == Outcome::WorkerTurnover)
        .unwrap();
    let (p, s) = (PATTERNS[t], summaries[t]);
    // By hand: midpoint 0.275, observation sd (0.35 - 0.20) / 4 = 0.0375.
    assert_eq!((p.low, p.high), (0.20, 0.35));
    let hand = (s.mean - 0.275).abs() / (0.0375_f64.powi(2) + s.sd.powi(2) / s.n as f64).sqrt();
    assert!((far[t] - hand).abs() < 1e-12, "{} vs {hand}", far[t]);
    assert!(far[t] > 3.0);
}

/// 40 worlds x 2 replications of a small department over three years:
/// stage 1 in 2 parts, stage 2 in several.
pub(crate) const SPEC: &str = r#"
name = "tiny robustness"
seed = 5
replications = 2
years = 3
warmup_years = 1
[organisation]
units = 2
workers_per_unit = 8
[[arm]]
name = "control"
preset = "control"
[[arm]]
name = "trust"
preset = "trust_without_support"

[robustness]
worlds = 40
replications = 2
cutoff = 4
min_coverage = 0.3

[uncertainty]
parameters = ["stress.rise_days", "decisions.approval_catch_rate", "demand.reports_per_position_year"]
fix = ["stress.rise_days"]
[uncertainty.range]
"stress.support_buffer" = [0.1, 1.0]
"#;

pub(crate) const FILES: [&str; 13] = [
    "worlds.csv",
    "effects.csv",
    "robustness.csv",
    "boxes.csv",
    "separation.csv",
    "spec.toml",
    "manifest.json",
    "stage1/runs.csv",
    "stage1/summary.csv",
    "stage1/manifest.json",
    "stage2/runs.csv",
    "stage2/summary.csv",
    "stage2/manifest.json",
];

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = tillit(dir, args);
    assert!(
        out.status.success(),
        "tillit {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn assert_same(a: &Path, b: &Path, what: &str) {
    for name in FILES {
        let x = fs::read(a.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let y = fs::read(b.join(name)).unwrap_or_else(|e| panic!("{name}: {e} ({what})"));
        assert!(x == y, "{name} differs: {what}");
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs `r.toml` in `dir` as two shards (`s1`, `s2`) merged into `m`, then
/// the next stage as two shards from copies of `m` (`c1`, `c2`), each left
/// unmerged. Returns whether `m` was complete after the first merge.
fn shard_stage_one_then_the_next(dir: &Path) -> bool {
    let shard = |out: &str, i: u32| {
        let shard = format!("{i}/2");
        ok(
            dir,
            &[
                "robustness",
                "r.toml",
                "--out",
                out,
                "--shard",
                &shard,
                "-q",
            ],
        );
    };
    shard("s1", 1);
    shard("s2", 2);
    ok(dir, &["merge", "m", "s1", "s2"]);
    let complete = dir.join("m/manifest.json").exists();
    for (out, i) in [("c1", 1), ("c2", 2)] {
        copy_dir(&dir.join("m"), &dir.join(out));
        shard(out, i);
    }
    complete
}

#[test]
fn robustness_folders_are_byte_identical_across_threads_resume_and_shards() {
    let dir = temp_dir("robustness-identity");
    fs::write(dir.join("r.toml"), SPEC).unwrap();
    let table = ok(
        &dir,
        &["robustness", "r.toml", "--out", "one", "--jobs", "1"],
    );
    ok(
        &dir,
        &["robustness", "r.toml", "--out", "two", "--jobs", "2", "-q"],
    );
    assert_same(&dir.join("one"), &dir.join("two"), "1 versus 2 threads");

    // What the folder holds.
    assert!(table.contains("trust vs control across"), "{table}");
    let worlds = fs::read_to_string(dir.join("one/worlds.csv")).unwrap();
    assert_eq!(worlds.lines().count(), 41);
    let header = worlds.lines().next().unwrap();
    assert!(header.starts_with("world,wave,kept,implausibility,implausibility_worker_turnover,"));
    // Registry order; the fixed parameter is gone, the ranged one added.
    assert!(header.ends_with(
        ",demand.reports_per_position_year,decisions.approval_catch_rate,stress.support_buffer"
    ));
    let kept = worlds
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(2) == Some("true"))
        .count();
    assert!(kept > 0 && kept <= 40);
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("one/manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["kind"], "robustness");
    assert_eq!(manifest["kept"], kept);
    let effects = fs::read_to_string(dir.join("one/effects.csv")).unwrap();
    let outcomes = tillit::outcome::OUTCOMES.len();
    assert_eq!(effects.lines().count(), 1 + kept * outcomes);
    let robustness = fs::read_to_string(dir.join("one/robustness.csv")).unwrap();
    let turnover = robustness
        .lines()
        .find(|l| l.starts_with("trust,worker_turnover,"))
        .unwrap();
    let cells: Vec<&str> = turnover.split(',').collect();
    let counts: usize = [5, 6, 7]
        .iter()
        .map(|&i| cells[i].parse::<usize>().unwrap())
        .sum();
    assert_eq!(counts, kept, "{turnover}");

    // Every file's rows have as many fields as its header.
    let mut rows_of = std::collections::HashMap::new();
    for name in [
        "worlds.csv",
        "effects.csv",
        "robustness.csv",
        "boxes.csv",
        "separation.csv",
    ] {
        let text = fs::read_to_string(dir.join("one").join(name)).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let width = reader.headers().unwrap().len();
        let rows = reader
            .records()
            .map(|r| assert_eq!(r.unwrap().len(), width, "{name}"))
            .count();
        assert!(text.ends_with('\n'), "{name}");
        rows_of.insert(name, rows);
    }
    // Three uncertain parameters ranked for each arm and outcome PRIM searched.
    assert_eq!(rows_of["separation.csv"] % 3, 0);
    assert_eq!(rows_of["boxes.csv"] > 0, rows_of["separation.csv"] > 0);
    // boxes.csv: per arm and outcome, the peeled steps from 0, the pasted
    // ones counting on, then the box shown at the chosen step.
    let boxes = fs::read_to_string(dir.join("one/boxes.csv")).unwrap();
    assert!(boxes.lines().count() > 1, "PRIM searched something");
    // Two of this study's trajectories end in pastes (the EMA Workbench's
    // give the same: tests/data/prim/check_study.py).
    assert!(
        boxes.lines().any(|l| l.split(',').nth(3) == Some("paste")),
        "{boxes}"
    );
    let mut last: Option<(String, String, usize)> = None;
    let mut chosen: Option<String> = None;
    for line in boxes.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        let (search, kind, step) = (format!("{},{}", c[0], c[1]), c[3], c[4]);
        let rank = ["peel", "paste", "shown"]
            .iter()
            .position(|k| *k == kind)
            .unwrap_or_else(|| panic!("{line}"));
        let step: usize = step.parse().unwrap();
        match &last {
            Some((s, _, _)) if *s != search => {
                assert!(rank == 0 && step == 0, "{line}");
                chosen = None;
            }
            None => assert!(rank == 0 && step == 0, "{line}"),
            Some((_, k, at)) if kind == "shown" => {
                assert_ne!(k, "shown", "{line}");
                assert!(step <= *at, "{line}");
                assert_eq!(chosen.as_deref(), Some(c[4]), "{line}");
            }
            Some((_, k, at)) => {
                let before = ["peel", "paste"].iter().position(|x| x == k).unwrap();
                assert!(rank >= before, "{line}");
                assert!(step == *at || step == at + 1, "{line}");
            }
        }
        if c[5] == "true" && kind != "shown" {
            chosen = Some(c[4].to_owned());
        }
        last = Some((search, kind.to_owned(), step));
    }

    // Interrupted: one shard of stage 1, then the whole command.
    ok(
        &dir,
        &[
            "robustness",
            "r.toml",
            "--out",
            "resumed",
            "--shard",
            "2/2",
            "-q",
        ],
    );
    assert!(!dir.join("resumed/manifest.json").exists());
    assert!(!dir.join("resumed/stage2").exists());
    ok(&dir, &["robustness", "r.toml", "--out", "resumed", "-q"]);
    assert_same(&dir.join("one"), &dir.join("resumed"), "resumed");

    // Shards: stage 1 in two, merged; stage 2 in two from copies, merged.
    let after_stage_one = shard_stage_one_then_the_next(&dir);
    assert!(!after_stage_one);
    ok(&dir, &["merge", "m2", "c1", "c2"]);
    ok(&dir, &["robustness", "r.toml", "--out", "m2", "-q"]);
    assert_same(
        &dir.join("one"),
        &dir.join("m2"),
        "both stages sharded and merged",
    );
    // Or stage 2 unsharded on the merged stage 1.
    ok(&dir, &["robustness", "r.toml", "--out", "m", "-q"]);
    assert_same(&dir.join("one"), &dir.join("m"), "stage 1 merged");

    // The report: "How robust is the answer?" in both languages.
    // Arms go by their labels: `control` (preset control) by the preset's
    // name in the language, `trust` (preset trust_without_support) by its
    // name.
    for (lang, heading, other, compared) in [
        (
            "sv",
            "Hur robust är svaret?",
            "How robust is the answer?",
            "trust jämfört med kontroll",
        ),
        (
            "en",
            "How robust is the answer?",
            "Hur robust är svaret?",
            "trust compared with control",
        ),
    ] {
        let file = format!("report-{lang}.html");
        ok(&dir, &["report", "one", "--lang", lang, "--out", &file]);
        let html = fs::read_to_string(dir.join(&file)).unwrap();
        assert!(
            html.starts_with("<!DOCTYPE html>")
                && html.contains(&format!("<html lang=\"{lang}\">"))
        );
        assert!(
            html.contains(
                "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""
            )
        );
        assert!(!html.contains("<script") && !html.contains("href=\"http"));
        assert!(html.contains(heading) && !html.contains(other), "{lang}");
        assert!(html.contains(compared), "{lang}");
        assert!(
            !html.contains("{arm}") && !html.contains("{conditions}"),
            "{lang}"
        );
        let svgs = html.matches("<svg").count();
        assert_eq!(svgs, 1, "one chart per arm other than the baseline");
        assert_eq!(html.matches("<figure").count(), svgs);
        assert_eq!(html.matches("role=\"img\"").count(), svgs);
        assert!(html.contains("<desc") && html.contains("<title"));
        assert!(!html.contains("NaN"), "{lang}");
        assert!(dir.join("charts/robustness-arm1.svg").exists());
    }

    // Another spec in the same folder is refused with exit code 2.
    fs::write(dir.join("other.toml"), SPEC.replace("seed = 5", "seed = 6")).unwrap();
    let out = tillit(&dir, &["robustness", "other.toml", "--out", "one", "-q"]);
    assert_eq!(out.status.code(), Some(2));
    assert_same(&dir.join("one"), &dir.join("two"), "after the refusal");
}

#[test]
fn ranges_collapsed_to_a_point_give_the_effects_of_tillit_run_at_that_point() {
    let dir = temp_dir("robustness-point");
    let base = r#"
name = "point"
seed = 9
replications = 3
years = 3
warmup_years = 1
[organisation]
units = 2
workers_per_unit = 8
[[arm]]
name = "control"
preset = "control"
[[arm]]
name = "trust"
preset = "trust"
"#;
    let study = format!(
        "{base}\n[robustness]\nworlds = 2\nreplications = 3\ncutoff = 1000000\n\
         [uncertainty]\nparameters = []\n[uncertainty.range]\n\"stress.rise_days\" = [17, 17]\n"
    );
    fs::write(dir.join("study.toml"), study).unwrap();
    fs::write(
        dir.join("run.toml"),
        format!("{base}\n[stress]\nrise_days = 17\n"),
    )
    .unwrap();
    fs::write(dir.join("default.toml"), base).unwrap();
    ok(&dir, &["robustness", "study.toml", "--out", "study", "-q"]);
    ok(&dir, &["run", "run.toml", "--out", "run", "-q"]);
    ok(&dir, &["run", "default.toml", "--out", "default", "-q"]);
    let summary = |folder: &str| -> Vec<(String, String)> {
        fs::read_to_string(dir.join(folder).join("summary.csv"))
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("trust,difference_to_control,"))
            .map(|l| {
                let c: Vec<&str> = l.split(',').collect();
                (c[2].to_owned(), c[4..9].join(","))
            })
            .collect()
    };
    let run = summary("run");
    let effects = fs::read_to_string(dir.join("study/effects.csv")).unwrap();
    for world in ["0", "1"] {
        let rows: Vec<(String, String)> = effects
            .lines()
            .filter(|l| l.starts_with(&format!("{world},trust,")))
            .map(|l| {
                let c: Vec<&str> = l.split(',').collect();
                (c[2].to_owned(), c[4..9].join(","))
            })
            .collect();
        assert_eq!(rows, run, "world {world}");
    }
    // The world's value was applied: the default gives other numbers.
    assert_ne!(summary("default"), run);
}

#[test]
fn robustness_spec_mistakes_name_file_line_and_key() {
    let dir = temp_dir("robustness-bad");
    let base = "name = \"bad\"\n[[arm]]\nname = \"control\"\npreset = \"control\"\n";
    for (tail, line, needle) in [
        ("[robustness]\nwordls = 5\n", 7, "robustness.wordls"),
        ("[robustness]\ncutoff = \"high\"\n", 7, "robustness.cutoff"),
        (
            "[robustness]\npaste_alpha = 0.6\n",
            7,
            "robustness.paste_alpha",
        ),
        (
            "[robustness]\npaste_alfa = 0.1\n",
            7,
            "robustness.paste_alfa",
        ),
        (
            "[uncertainty]\nparameters = [\"stress.rise_dayz\"]\n",
            7,
            "stress.rise_days",
        ),
        (
            "[uncertainty]\nparameters = [\"organisation.units\"]\n",
            7,
            "no plausible range",
        ),
        (
            "[uncertainty.range]\n\"stress.rise_days\" = [0, 20]\n",
            7,
            "out of range",
        ),
        (
            "[uncertainty.range]\n\"stress.rise_days\" = [20, 10]\n",
            7,
            "empty",
        ),
        (
            "[uncertainty]\nfix = [\"steering.coaching_hours\"]\n",
            7,
            "not uncertain",
        ),
    ] {
        let text = format!("{base}\n{tail}");
        fs::write(dir.join("bad.toml"), &text).unwrap();
        let out = tillit(&dir, &["robustness", "bad.toml", "--out", "o", "-q"]);
        assert_eq!(out.status.code(), Some(2), "{tail}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("bad.toml:{line}:")), "{tail}: {err}");
        assert!(err.contains(needle), "{tail}: {err}");
        assert!(!dir.join("o").exists(), "{tail}: nothing is written");
    }
}

#[test]
fn a_second_wave_draws_inside_the_first_waves_kept_box_and_shards_like_the_first() {
    let dir = temp_dir("robustness-waves");
    let spec = SPEC.replace("worlds = 40\n", "worlds = 40\nwaves = 2\n");
    assert_ne!(spec, SPEC);
    fs::write(dir.join("r.toml"), &spec).unwrap();
    ok(&dir, &["robustness", "r.toml", "--out", "one", "-q"]);
    let worlds = fs::read_to_string(dir.join("one/worlds.csv")).unwrap();
    let rows: Vec<Vec<&str>> = worlds.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 1 + 80);
    assert!(rows[1..41].iter().all(|r| r[1] == "1"));
    assert!(rows[41..].iter().all(|r| r[1] == "2"));
    let kept1: Vec<&Vec<&str>> = rows[1..41].iter().filter(|r| r[2] == "true").collect();
    assert!(!kept1.is_empty());
    for key in [
        "demand.reports_per_position_year",
        "decisions.approval_catch_rate",
        "stress.support_buffer",
    ] {
        let c = rows[0].iter().position(|h| *h == key).unwrap();
        let v = |r: &Vec<&str>| r[c].parse::<f64>().unwrap();
        let lo = kept1.iter().map(|r| v(r)).fold(f64::INFINITY, f64::min);
        let hi = kept1.iter().map(|r| v(r)).fold(f64::NEG_INFINITY, f64::max);
        for r in &rows[41..] {
            assert!(
                (lo..=hi).contains(&v(r)),
                "{key}: {} outside {lo} ..= {hi}",
                v(r)
            );
        }
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("one/manifest.json")).unwrap()).unwrap();
    assert_eq!(
        (manifest["waves"].as_u64(), manifest["drawn"].as_u64()),
        (Some(2), Some(80))
    );

    // Stage 1 sharded and merged, then wave 2 sharded from copies and
    // merged, then the rest: the same bytes.
    shard_stage_one_then_the_next(&dir);
    assert!(!dir.join("c1/stage2").exists());
    ok(&dir, &["merge", "m2", "c1", "c2"]);
    ok(&dir, &["robustness", "r.toml", "--out", "m2", "-q"]);
    assert_same(
        &dir.join("one"),
        &dir.join("m2"),
        "wave 2 sharded and merged",
    );
    for name in ["runs.csv", "summary.csv", "manifest.json"] {
        let path = format!("stage1-wave2/{name}");
        assert_eq!(
            fs::read(dir.join("one").join(&path)).unwrap(),
            fs::read(dir.join("m2").join(&path)).unwrap(),
            "{path}"
        );
    }
}

/// Two waves, three arms with the baseline in the middle, and a cut-off
/// that rules out some worlds of the first wave.
const REUSE_SPEC: &str = r#"
name = "reuse"
seed = 11
replications = 2
years = 3
warmup_years = 1
baseline = "control"
[organisation]
units = 2
workers_per_unit = 8
[[arm]]
name = "trust"
preset = "trust"
[[arm]]
name = "control"
preset = "control"
[[arm]]
name = "tws"
preset = "trust_without_support"

[robustness]
worlds = 30
waves = 2
replications = 3
cutoff = 2.6
min_coverage = 0.3

[uncertainty]
parameters = ["stress.rise_days", "decisions.approval_catch_rate", "demand.reports_per_position_year"]
[uncertainty.range]
"stress.support_buffer" = [0.1, 1.0]
"#;

/// The cells of runs.csv's row of (point, arm, replication), by column.
fn run_row(runs: &str, point: usize, arm: &str, rep: u32) -> Vec<(String, String)> {
    let mut lines = runs.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let prefix = format!("{point},{arm},{rep},");
    let row = lines.find(|l| l.starts_with(&prefix)).unwrap();
    header
        .iter()
        .zip(row.split(','))
        .map(|(h, c)| ((*h).to_owned(), c.to_owned()))
        .collect()
}

#[test]
fn stage_two_takes_the_baseline_from_stage_one_and_gets_the_files_a_rerun_gets() {
    use tillit::output::{self, SweepWriter};
    use tillit::robustness::study;

    let dir = temp_dir("robustness-reuse");
    fs::write(dir.join("r.toml"), REUSE_SPEC).unwrap();
    let out = tillit(
        &dir,
        &["robustness", "r.toml", "--out", "one", "--jobs", "2"],
    );
    let printed = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{printed}");
    let one = dir.join("one");
    let worlds = fs::read_to_string(one.join("worlds.csv")).unwrap();
    let rows: Vec<Vec<&str>> = worlds
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let kept: Vec<usize> = (0..rows.len()).filter(|&w| rows[w][2] == "true").collect();
    // The study exercises what it should: worlds ruled out in the first
    // wave, and kept worlds in both.
    assert!(rows[..30].iter().any(|r| r[2] == "false"));
    assert!(kept.iter().any(|&w| w < 30) && kept.iter().any(|&w| w >= 30));

    // Stage 2 runs the two other arms only.
    let runs = 2 * 3 * kept.len();
    let note = format!(
        "({runs} runs; the baseline's {} are stage 1's;",
        3 * kept.len()
    );
    assert!(printed.contains(&note), "{printed}");

    // The same stage-2 folder, every file and part, as running every arm
    // (the library's plan, run whole, without stage 1's runs).
    let spec = tillit::robustness::spec::load(&dir.join("r.toml")).unwrap();
    let mut all = study::worlds(&spec);
    let levels = output::stage_levels(&one.join("stage1"), all.len()).unwrap();
    let first = study::history_match(&levels, spec.cutoff, spec.measure);
    let kept1: Vec<usize> = (0..first.len()).filter(|&w| first[w].kept).collect();
    let second = study::wave2_worlds(&spec, &all, &kept1);
    all.extend(second);
    let plan2 = study::stage2_plan(&spec, &all, &kept).unwrap().unwrap();
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(one.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["stage2_hash"], plan2.hash());
    let rerun = dir.join("rerun");
    {
        let writer = SweepWriter::open(&rerun, &plan2).unwrap();
        tillit::sweep::run_parts(
            &plan2,
            &writer.pending(None),
            &Options::default(),
            |k, units| writer.write_part(k, &units),
        )
        .unwrap();
        writer.finish(false, |_| Vec::new()).unwrap();
    }
    assert_same_files(&one.join("stage2"), &rerun);

    // A replay of a stage-2 baseline run gives its row.
    let runs_csv = fs::read_to_string(one.join("stage2/runs.csv")).unwrap();
    let last = kept.len() - 1;
    let replayed = ok(
        &dir,
        &[
            "replay",
            "one/stage2",
            "--point",
            &last.to_string(),
            "--arm",
            "control",
            "--replication",
            "2",
        ],
    );
    let row = run_row(&runs_csv, last, "control", 2);
    for (outcome, value) in replayed.lines().skip(2).map(|l| l.split_once(',').unwrap()) {
        let cell = row.iter().find(|(h, _)| h == outcome).unwrap();
        assert_eq!(cell.1, value, "{outcome}");
    }

    // Taken, not run: a baseline value changed in stage 1's parts (an
    // outcome no pattern uses, so the same worlds are kept) shows in stage
    // 2, for a world of each wave, and nothing else changes.
    let t = dir.join("t");
    for stage in ["stage1", "stage1-wave2"] {
        copy_dir(&one.join(stage), &t.join(stage));
    }
    let o = tillit::outcome::OUTCOMES
        .iter()
        .position(|o| o.name == "mean_stress")
        .unwrap();
    assert!(PATTERNS.iter().all(|p| p.outcome as usize != o));
    let first_kept = kept[0];
    let wave2_kept = *kept.iter().find(|&&w| w >= 30).unwrap();
    for (stage, point) in [("stage1", first_kept), ("stage1-wave2", wave2_kept - 30)] {
        let parts = t.join(stage).join("parts");
        let mut changed = false;
        for entry in fs::read_dir(&parts).unwrap() {
            let path = entry.unwrap().path();
            if !path
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("part-")
            {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            let prefix = format!("{point},control,1,");
            let edited: Vec<String> = text
                .lines()
                .map(|l| {
                    if !l.starts_with(&prefix) {
                        return l.to_owned();
                    }
                    changed = true;
                    let mut cells: Vec<&str> = l.split(',').collect();
                    cells[4 + o] = "12345";
                    cells.join(",")
                })
                .collect();
            fs::write(&path, edited.join("\n") + "\n").unwrap();
        }
        assert!(changed, "{stage}: no row of point {point}");
    }
    ok(&dir, &["robustness", "r.toml", "--out", "t", "-q"]);
    assert_eq!(
        fs::read(t.join("worlds.csv")).unwrap(),
        fs::read(one.join("worlds.csv")).unwrap()
    );
    let tampered = fs::read_to_string(t.join("stage2/runs.csv")).unwrap();
    let stage2_points = [0, kept.iter().position(|&w| w == wave2_kept).unwrap()];
    let mut differing = 0;
    for (a, b) in runs_csv.lines().zip(tampered.lines()) {
        if a != b {
            differing += 1;
            let cells: Vec<&str> = b.split(',').collect();
            let point: usize = cells[0].parse().unwrap();
            assert!(stage2_points.contains(&point) && cells[1] == "control" && cells[2] == "1");
        }
    }
    assert_eq!(differing, 2);
    for p in stage2_points {
        let row = run_row(&tampered, p, "control", 1);
        assert_eq!(
            row.iter().find(|(h, _)| h == "mean_stress").unwrap().1,
            "12345"
        );
    }

    // A stage-1 baseline run recorded with another seed than stage 2 would
    // give it is not taken: the part is named damaged, at its row, and the
    // study stops with exit code 2.
    fs::remove_dir_all(t.join("stage2")).unwrap();
    let part = t.join("stage1/parts/part-000000.csv");
    let text = fs::read_to_string(&part).unwrap();
    let prefix = format!("{first_kept},control,1,");
    let row = text.lines().position(|l| l.starts_with(&prefix)).unwrap();
    let edited: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let mut cells: Vec<&str> = l.split(',').collect();
            if i == row {
                cells[3] = "42";
            }
            cells.join(",")
        })
        .collect();
    fs::write(&part, edited.join("\n") + "\n").unwrap();
    let out = tillit(&dir, &["robustness", "r.toml", "--out", "t", "-q"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("part-000000.csv")
            && err.contains(&format!("row {}: ", row + 1))
            && err.contains("has seed 42"),
        "{err}"
    );
}

/// Renders `html` in headless Chromium: (screenshot size, log).
fn render(html: &Path, png: &Path, profile: &Path) -> (u64, String) {
    let out = headless_chromium(Path::new("/usr/bin/chromium"), profile)
        .args([
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1200,2000",
        ])
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("run chromium");
    let log = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "chromium failed:\n{log}");
    (fs::metadata(png).map(|m| m.len()).unwrap_or(0), log)
}

#[test]
#[ignore = "needs headless Chromium at /usr/bin/chromium: run bash .ci/run"]
fn the_robustness_report_renders_in_headless_chromium_without_console_messages() {
    assert!(
        Path::new("/usr/bin/chromium").exists(),
        "the browser test needs headless Chromium at /usr/bin/chromium: install it with \
         `sudo apt-get install -y chromium` (Debian), or run `bash .ci/run`, which does"
    );
    let dir = temp_dir("robustness-browser");
    fs::write(dir.join("r.toml"), SPEC).unwrap();
    ok(
        &dir,
        &[
            "robustness",
            "r.toml",
            "--out",
            "r",
            "-q",
            "--report",
            "--lang",
            "sv",
        ],
    );
    let blank = dir.join("blank.html");
    fs::write(&blank, "<!DOCTYPE html><html><body></body></html>").unwrap();
    let profile = dir.join("profile");
    let (blank_size, _) = render(&blank, &dir.join("blank.png"), &profile);
    let (size, log) = render(&dir.join("r/report.html"), &dir.join("r.png"), &profile);
    let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE")).collect();
    assert!(
        console.is_empty(),
        "console messages:\n{}",
        console.join("\n")
    );
    assert!(
        size > 10 * blank_size.max(1),
        "blank screenshot: {size} bytes vs {blank_size}"
    );
}

/// Stage 2 takes the baseline from stage 1 also when it is resumed after a
/// lost part and when it runs as shards that are merged (two waves, the
/// baseline in the middle): every file, the stage folders' parts
/// included, is what the study run at once wrote.
#[test]
fn stage_two_taking_the_baseline_resumes_and_shards_to_the_same_folder() {
    let dir = temp_dir("robustness-reuse-resume");
    fs::write(dir.join("r.toml"), REUSE_SPEC).unwrap();
    ok(&dir, &["robustness", "r.toml", "--out", "one", "-q"]);
    let one = dir.join("one");
    let parts = |folder: &Path| -> Vec<_> {
        let mut names: Vec<_> = fs::read_dir(folder.join("stage2/parts"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with("part-"))
            .collect();
        names.sort();
        names
    };
    assert!(parts(&one).len() >= 2, "{:?}", parts(&one));

    // A part of stage 2 lost: run again, it is made again.
    copy_dir(&one, &dir.join("resumed"));
    fs::remove_file(dir.join("resumed/stage2/parts").join(&parts(&one)[1])).unwrap();
    ok(&dir, &["robustness", "r.toml", "--out", "resumed", "-q"]);
    assert_same_files(&one, &dir.join("resumed"));

    // Stage 2 as two shards from a folder whose stage 1 is done, merged,
    // then finished.
    let base = dir.join("base");
    copy_dir(&one, &base);
    fs::remove_dir_all(base.join("stage2")).unwrap();
    for (out, i) in [("s1", 1), ("s2", 2)] {
        copy_dir(&base, &dir.join(out));
        let shard = format!("{i}/2");
        ok(
            &dir,
            &[
                "robustness",
                "r.toml",
                "--out",
                out,
                "--shard",
                &shard,
                "-q",
            ],
        );
    }
    ok(&dir, &["merge", "merged", "s1", "s2"]);
    ok(&dir, &["robustness", "r.toml", "--out", "merged", "-q"]);
    assert_same_files(&one, &dir.join("merged"));
}
