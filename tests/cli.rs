//! The command line: bad input gets a clear message and exit code 2, never a
//! panic; the subcommands do what they say.

use crate::support::{root, temp_dir, tillit};

fn stderr_of(args: &[&str]) -> (i32, String) {
    let dir = root();
    let out = tillit(&dir, args);
    let text =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("panicked"), "{text}");
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn every_bad_fixture_fails_with_exit_code_2_and_names_the_problem() {
    // (file, words the message must contain)
    let cases: [(&str, &[&str]); 7] = [
        ("malformed.toml", &["malformed.toml:", "invalid TOML"]),
        ("unknown_key.toml", &["unknown_key.toml:", "did you mean"]),
        ("wrong_type.toml", &["wrong_type.toml:", "expected"]),
        (
            "out_of_range.toml",
            &["out_of_range.toml:", "out of range", "allowed"],
        ),
        ("empty.toml", &["empty.toml", "empty"]),
        ("no_arms.toml", &["no_arms.toml", "arm"]),
        (
            "unknown_preset.toml",
            &["unknown_preset.toml:", "unknown preset"],
        ),
    ];
    for (file, words) in cases {
        let path = format!("tests/data/bad/{file}");
        for command in ["check", "run"] {
            let (code, text) =
                stderr_of(&[command, &path, "--quiet"][..if command == "run" { 3 } else { 2 }]);
            assert_eq!(code, 2, "{command} {file}: {text}");
            for w in words {
                assert!(
                    text.contains(w),
                    "{command} {file}: missing `{w}` in: {text}"
                );
            }
        }
    }
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let (code, text) = stderr_of(&["run", "no/such/scenario.toml"]);
    assert_eq!(code, 2);
    assert!(text.contains("no/such/scenario.toml"), "{text}");
}

#[test]
fn bad_arguments_exit_with_code_2() {
    assert_eq!(stderr_of(&["run", "--reps", "0"]).0, 2);
    assert_eq!(stderr_of(&["frobnicate"]).0, 2);
}

#[test]
fn every_shipped_scenario_checks() {
    for entry in std::fs::read_dir(root().join("scenarios")).expect("scenarios/") {
        let path = entry.expect("entry").path();
        let (code, text) = stderr_of(&["check", path.to_str().expect("utf-8 path")]);
        assert_eq!(code, 0, "{}: {text}", path.display());
    }
}

#[test]
fn params_lists_every_parameter_with_unit_range_and_source() {
    let out = tillit(&root(), &["params", "--format", "csv"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let n = rows
        .records()
        .map(|r| {
            let r = r.expect("csv row");
            assert!(r.iter().all(|field| !field.is_empty()), "{r:?}");
        })
        .count();
    assert_eq!(n, tillit::model::params::PARAMETERS.len());
}

#[test]
fn init_writes_a_template_that_checks_and_refuses_to_overwrite() {
    let dir = temp_dir("init");
    assert!(tillit(&dir, &["init", "mine.toml"]).status.success());
    assert!(tillit(&dir, &["check", "mine.toml"]).status.success());
    assert_eq!(tillit(&dir, &["init", "mine.toml"]).status.code(), Some(2));
}

#[test]
fn a_run_writes_the_results_folder_and_the_table() {
    let dir = temp_dir("run");
    std::fs::write(
        dir.join("tiny.toml"),
        "replications = 2\nyears = 2\nwarmup_years = 1\n[[arm]]\nname = \"control\"\npreset = \"control\"\n[[arm]]\nname = \"trust\"\npreset = \"trust\"\n",
    )
    .expect("write");
    let out = tillit(&dir, &["run", "tiny.toml", "--jobs", "2"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("worker_turnover") && table.contains("trust - control"),
        "{table}"
    );
    for file in [
        "manifest.json",
        "runs.csv",
        "summary.csv",
        "series.csv",
        "series_summary.csv",
    ] {
        assert!(dir.join("results/tiny").join(file).exists(), "{file}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("results/tiny"))
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty());
    let runs = std::fs::read_to_string(dir.join("results/tiny/runs.csv")).expect("runs");
    assert_eq!(runs.lines().count(), 1 + 2 * 2);
}

/// Runs tillit with stdout into a pipe that nobody reads any more (as in
/// `tillit ... | true`): the reading end is closed as soon as the process
/// starts, before it prints.
fn into_closed_pipe(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_tillit"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start tillit");
    drop(child.stdout.take());
    child.wait_with_output().expect("wait for tillit")
}

#[test]
fn every_printing_subcommand_exits_0_into_a_closed_pipe() {
    let dir = temp_dir("closed-pipe");
    std::fs::write(dir.join("s.toml"), crate::sweep::SPEC).expect("write spec");
    let bad = root().join("tests/data/bad/unknown_key.toml");
    let bad = bad.to_str().expect("utf-8 path");
    let commands: Vec<Vec<&str>> = vec![
        vec!["params"],
        vec!["params", "--format", "csv"],
        vec!["params", "--format", "markdown"],
        vec!["check", "s.toml"],
        vec!["run", "s.toml", "--reps", "2", "--out", "run"],
        vec!["run", "s.toml", "--reps", "2", "--out", "run", "--all"],
        vec!["calibrate", "--reps", "2"],
        vec!["sweep", "s.toml", "--out", "sweep"],
        vec!["sensitivity", "s.toml", "--out", "morris"],
        vec![
            "replay",
            "sweep",
            "--point",
            "1",
            "--arm",
            "trust",
            "--replication",
            "1",
        ],
        vec!["report", "run"],
        vec!["--help"],
    ];
    for args in &commands {
        let out = into_closed_pipe(&dir, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("internal error"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
    }
    // A real error still says so, closed pipe or not.
    let out = into_closed_pipe(&dir, &["check", bad]);
    assert_eq!(out.status.code(), Some(2));
}
