//! Reproducibility: results are a pure function of scenario and seed.

use tillit::experiment::{Options, run_experiment};
use tillit::model::presets::Preset;

use crate::support::{arm, root, scenario, temp_dir, tillit};

const SMALL: &str = r#"
name = "small"
seed = 7
replications = 5
years = 3
warmup_years = 1
[organisation]
units = 3
workers_per_unit = 8
[[arm]]
name = "control"
preset = "control"
[[arm]]
name = "trust"
preset = "trust"
integrated_team = true
named_person = true
"#;

fn run_cli(dir: &std::path::Path, jobs: &str, out: &str) -> Vec<Vec<u8>> {
    let output = tillit(
        dir,
        &["run", "small.toml", "--jobs", jobs, "--out", out, "--quiet"],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    [
        "runs.csv",
        "summary.csv",
        "series.csv",
        "series_summary.csv",
        "summary_by_year.csv",
    ]
    .iter()
    .map(|f| std::fs::read(dir.join(out).join(f)).expect("output file"))
    .collect()
}

#[test]
fn same_seed_gives_byte_identical_files_whatever_the_thread_count() {
    let dir = temp_dir("determinism");
    std::fs::write(dir.join("small.toml"), SMALL).expect("write scenario");
    let one = run_cli(&dir, "1", "one");
    let two = run_cli(&dir, "2", "two");
    let again = run_cli(&dir, "2", "again");
    assert_eq!(one, two, "--jobs 1 and --jobs 2 differ");
    assert_eq!(two, again, "a second run differs");
    // And a different seed does change the results.
    let output = tillit(
        &dir,
        &[
            "run",
            "small.toml",
            "--seed",
            "8",
            "--out",
            "other",
            "--quiet",
        ],
    );
    assert!(output.status.success());
    let other = std::fs::read(dir.join("other/runs.csv")).expect("runs.csv");
    assert_ne!(one[0], other);
}

#[test]
fn identical_arms_have_exactly_zero_paired_differences() {
    let mut s = scenario(
        vec![
            arm("a", Preset::Trust, |_| {}),
            arm("b", Preset::Trust, |_| {}),
        ],
        4,
        3,
        1,
    );
    s.arms[1].name = "b".into();
    let result = run_experiment(&s, &Options::default(), &mut ()).expect("run");
    let diff = result.arms[1].paired_difference.expect("difference");
    for (k, d) in diff.iter().enumerate() {
        let level = result.arms[1].outcomes[k];
        if level.mean.is_nan() {
            continue;
        }
        assert_eq!(
            (d.mean, d.sd, d.ci_low, d.ci_high),
            (0.0, 0.0, 0.0, 0.0),
            "outcome {k}"
        );
    }
}

#[test]
fn library_results_do_not_depend_on_threads() {
    let s = scenario(
        vec![
            arm("control", Preset::Control, |_| {}),
            arm("trust", Preset::Trust, |_| {}),
        ],
        5,
        2,
        1,
    );
    let run = |threads| {
        let options = Options {
            threads: Some(threads),
            progress: None,
        };
        run_experiment(&s, &options, &mut ()).expect("run")
    };
    let (a, b) = (run(1), run(3));
    for (x, y) in a.arms.iter().zip(&b.arms) {
        for (p, q) in x.outcomes.iter().zip(&y.outcomes) {
            assert_eq!(p.mean.to_bits(), q.mean.to_bits());
            assert_eq!(p.sd.to_bits(), q.sd.to_bits());
        }
    }
    let _ = root();
}
