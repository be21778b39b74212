//! Results that cannot be lost (docs/RELIABILITY.md): one writer per
//! folder, earlier results kept until new ones are complete, only tillit's
//! own files replaced or removed, bounded inputs, text made safe, and
//! damaged folders refused. Each test runs the binary as a user would.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{temp_dir, tillit};

/// Two arms, short runs: a folder in about a second.
const TINY: &str = "name = \"Tiny\"\nreplications = 2\nyears = 2\nwarmup_years = 1\n\
[[arm]]\nname = \"control\"\npreset = \"control\"\n\
[[arm]]\nname = \"trust\"\npreset = \"trust\"\n";

/// A sweep of six points.
const SWEEP: &str = "name = \"Sweep\"\nreplications = 2\nyears = 2\nwarmup_years = 1\n\
[[arm]]\nname = \"control\"\npreset = \"control\"\n\
[[arm]]\nname = \"trust\"\npreset = \"trust\"\n\
[sweep]\ndesign = \"factorial\"\n\
[[sweep.factor]]\nkey = \"demand.severity_mean\"\nfrom = 0.3\nto = 0.7\nsteps = 6\n";

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout)
}

fn ok(out: &Output) -> String {
    let t = text(out);
    assert!(out.status.success(), "expected success: {t}");
    t
}

/// Asserts exit code 2 and that the message contains every one of `words`.
fn refused(out: &Output, words: &[&str]) -> String {
    let t = text(out);
    assert_eq!(out.status.code(), Some(2), "expected exit code 2: {t}");
    assert!(!t.contains("panicked"), "{t}");
    for w in words {
        assert!(t.contains(w), "missing `{w}` in: {t}");
    }
    t
}

/// Starts tillit in `dir` without waiting for it.
fn spawn(dir: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_tillit"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start tillit")
}

/// Waits until `child` holds the lock of `folder` (its pid is in the lock
/// file); false if it finished first.
fn wait_for_lock(child: &mut Child, folder: &Path) -> bool {
    let lock = folder.join(".tillit.lock");
    let pid = format!("pid {}\n", child.id());
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if fs::read_to_string(&lock).is_ok_and(|t| t.starts_with(&pid)) {
            return true;
        }
        if child.try_wait().expect("wait").is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("tillit never took the lock of {}", folder.display());
}

/// Every file of a folder but the lock, with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file() && !p.ends_with(".tillit.lock"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&p).expect("read"))
        })
        .collect();
    out.sort();
    out
}

fn setup(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    fs::write(dir.join("tiny.toml"), TINY).expect("write");
    fs::write(dir.join("s.toml"), SWEEP).expect("write");
    dir
}

/// Starts a run of `tiny.toml` into `out` with 150 replications on one
/// thread (long enough to be caught holding the folder) and returns it once
/// it holds the folder's lock.
fn slow_run_holding(dir: &Path, out: &str) -> Child {
    let args = [
        "run",
        "tiny.toml",
        "--out",
        out,
        "--reps",
        "150",
        "--jobs",
        "1",
        "-q",
    ];
    let mut run = spawn(dir, &args);
    let held = wait_for_lock(&mut run, &dir.join(out));
    assert!(
        held,
        "the run finished before it could be caught holding {out}"
    );
    run
}

#[test]
fn a_second_run_into_the_same_folder_is_refused_and_the_first_completes() {
    let dir = setup("two-runs");
    ok(&tillit(&dir, &["run", "tiny.toml", "--out", "o", "-q"]));
    let first = slow_run_holding(&dir, "o");
    let second = tillit(
        &dir,
        &["run", "tiny.toml", "--out", "o", "--reps", "3", "-q"],
    );
    let pid = format!("pid {}", first.id());
    refused(
        &second,
        &["o is in use by another tillit process", &pid, "--reps 150"],
    );
    let out = first.wait_with_output().expect("wait");
    ok(&out);
    let runs = fs::read_to_string(dir.join("o/runs.csv")).expect("runs.csv");
    assert_eq!(runs.lines().count(), 1 + 150 * 2, "the first run's rows");
    assert!(
        fs::read_to_string(dir.join("o/manifest.json"))
            .unwrap()
            .contains("--reps 150")
    );
    assert!(!dir.join("o/.tillit.lock").exists() && !dir.join("o/.tillit-new").exists());
    ok(&tillit(&dir, &["report", "o"]));
}

#[test]
fn a_second_sweep_into_the_same_folder_is_refused_and_the_first_completes() {
    let dir = setup("two-sweeps");
    // Long enough to be caught holding the folder.
    let slow = SWEEP.replace("replications = 2", "replications = 12");
    fs::write(dir.join("slow.toml"), slow).unwrap();
    let mut first = spawn(
        &dir,
        &["sweep", "slow.toml", "--out", "w", "--jobs", "1", "-q"],
    );
    let held = wait_for_lock(&mut first, &dir.join("w"));
    assert!(held, "the first sweep finished before it could be caught");
    let second = tillit(&dir, &["sweep", "slow.toml", "--out", "w", "-q"]);
    refused(
        &second,
        &[
            "in use by another tillit process",
            &format!("pid {}", first.id()),
        ],
    );
    // A run into it is refused too, and so is a merge into it.
    refused(
        &tillit(&dir, &["run", "tiny.toml", "--out", "w", "-q"]),
        &["in use"],
    );
    refused(&tillit(&dir, &["merge", "w", "w"]), &["in use"]);
    ok(&first.wait_with_output().expect("wait"));
    let runs = fs::read_to_string(dir.join("w/runs.csv")).expect("runs.csv");
    assert_eq!(runs.lines().count(), 1 + 6 * 12 * 2);
    ok(&tillit(&dir, &["report", "w"]));
}

#[test]
fn a_killed_run_leaves_the_earlier_results_and_its_lock_blocks_nobody() {
    let dir = setup("killed");
    ok(&tillit(&dir, &["run", "tiny.toml", "--out", "o", "-q"]));
    let before = files(&dir.join("o"));
    let mut run = slow_run_holding(&dir, "o");
    run.kill().expect("kill");
    run.wait().expect("wait");
    assert_eq!(
        files(&dir.join("o")),
        before,
        "the earlier results, as they were"
    );
    ok(&tillit(&dir, &["report", "o"]));
    // The dead process's lock file is still there, but it holds nothing.
    ok(&tillit(
        &dir,
        &["run", "tiny.toml", "--out", "o", "--seed", "5", "-q"],
    ));
    assert!(
        fs::read_to_string(dir.join("o/manifest.json"))
            .unwrap()
            .contains("--seed 5")
    );
    assert!(!dir.join("o/.tillit-new").exists());
}

#[test]
fn reports_remove_and_overwrite_only_their_own_files() {
    let dir = setup("own-report");
    ok(&tillit(
        &dir,
        &["run", "tiny.toml", "--out", "r", "-q", "--report"],
    ));
    // A chart of the user's own beside the report's survives a new report.
    fs::write(dir.join("r/charts/mine.svg"), "<svg>mine</svg>").unwrap();
    ok(&tillit(&dir, &["report", "r"]));
    assert!(dir.join("r/charts/mine.svg").exists());

    // The report never replaces results, even with --force, and a folder
    // is not a file name.
    let runs = fs::read(dir.join("r/runs.csv")).unwrap();
    for force in [false, true] {
        let mut args = vec!["report", "r", "--out", "r/runs.csv"];
        if force {
            args.push("--force");
        }
        refused(
            &tillit(&dir, &args),
            &["refusing to write r/runs.csv", "results"],
        );
    }
    assert_eq!(fs::read(dir.join("r/runs.csv")).unwrap(), runs);
    fs::create_dir_all(dir.join("somewhere")).unwrap();
    refused(
        &tillit(&dir, &["report", "r", "--out", "somewhere"]),
        &["it is a folder"],
    );
    assert!(!dir.join("somewhere.partial").exists());

    // A file of the user's own at the report's path: only with --force.
    fs::write(dir.join("mine.html"), "<p>my notes</p>").unwrap();
    refused(
        &tillit(&dir, &["report", "r", "--out", "mine.html"]),
        &["tillit did not write it", "--force"],
    );
    assert_eq!(
        fs::read_to_string(dir.join("mine.html")).unwrap(),
        "<p>my notes</p>"
    );
    ok(&tillit(
        &dir,
        &["report", "r", "--out", "mine.html", "--force"],
    ));

    // Through a `charts` link nothing is removed, and a user's SVG with a
    // chart's name is not overwritten.
    let elsewhere = dir.join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    fs::write(elsewhere.join("x.svg"), "<svg>x</svg>").unwrap();
    fs::write(elsewhere.join("differences.svg"), "<svg>user</svg>").unwrap();
    fs::create_dir_all(dir.join("linked")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, dir.join("linked/charts")).unwrap();
    refused(
        &tillit(&dir, &["report", "r", "--out", "linked/report.html"]),
        &["differences.svg", "tillit did not write it"],
    );
    fs::remove_file(elsewhere.join("differences.svg")).unwrap();
    ok(&tillit(
        &dir,
        &["report", "r", "--out", "linked/report.html"],
    ));
    ok(&tillit(
        &dir,
        &["report", "r", "--out", "linked/report.html"],
    ));
    assert!(
        elsewhere.join("x.svg").exists(),
        "a user's SVG behind a link"
    );
}

#[test]
fn a_new_run_removes_the_report_of_the_old_results() {
    let dir = setup("stale-report");
    ok(&tillit(
        &dir,
        &["run", "tiny.toml", "--out", "r", "-q", "--report"],
    ));
    assert!(dir.join("r/report.html").exists());
    fs::write(dir.join("r/notes.txt"), "mine").unwrap();
    ok(&tillit(
        &dir,
        &["run", "tiny.toml", "--out", "r", "-q", "--seed", "9"],
    ));
    assert!(!dir.join("r/report.html").exists(), "the old seed's report");
    assert!(!dir.join("r/charts").exists(), "its charts");
    assert!(dir.join("r/notes.txt").exists());
}

#[test]
fn runs_never_replace_sweeps_or_files_tillit_did_not_write() {
    let dir = setup("own-run");
    ok(&tillit(&dir, &["sweep", "s.toml", "--out", "w", "-q"]));
    let sweep = files(&dir.join("w"));
    for force in [false, true] {
        let mut args = vec!["run", "tiny.toml", "--out", "w", "-q"];
        if force {
            args.push("--force");
        }
        refused(&tillit(&dir, &args), &["sweep"]);
    }
    assert_eq!(files(&dir.join("w")), sweep);

    fs::create_dir_all(dir.join("mine")).unwrap();
    fs::write(dir.join("mine/summary.csv"), "my,own\n").unwrap();
    refused(
        &tillit(&dir, &["run", "tiny.toml", "--out", "mine", "-q"]),
        &["summary.csv", "tillit did not write it", "--force"],
    );
    assert_eq!(
        fs::read_to_string(dir.join("mine/summary.csv")).unwrap(),
        "my,own\n"
    );
    ok(&tillit(
        &dir,
        &["run", "tiny.toml", "--out", "mine", "-q", "--force"],
    ));

    // A replay's series never replaces results, and another file only with
    // --force.
    let replay = |series: &str, force: bool| {
        let mut args = vec![
            "replay",
            "w",
            "--point",
            "1",
            "--arm",
            "trust",
            "--replication",
            "0",
            "--series",
            series,
        ];
        if force {
            args.push("--force");
        }
        tillit(&dir, &args)
    };
    let runs = fs::read(dir.join("w/runs.csv")).unwrap();
    refused(
        &replay("w/runs.csv", true),
        &["refusing to write w/runs.csv"],
    );
    assert_eq!(fs::read(dir.join("w/runs.csv")).unwrap(), runs);
    fs::write(dir.join("notes.csv"), "mine\n").unwrap();
    refused(&replay("notes.csv", false), &["--force"]);
    assert_eq!(fs::read_to_string(dir.join("notes.csv")).unwrap(), "mine\n");
    ok(&replay("notes.csv", true));
    ok(&replay("notes.csv", false));
    // Into the results folder itself, beside the results: allowed.
    ok(&replay("w/replayed.csv", false));
    assert!(dir.join("w/replayed.csv").exists() && !dir.join("w/.tillit.lock").exists());
}

/// Runs `check` on a scenario with a table design whose file is `file`,
/// killed if it takes more than 20 seconds.
fn check_table(dir: &Path, file: &str) -> Output {
    let spec = format!(
        "{TINY}[sweep]\ndesign = \"table\"\nfile = \"{file}\"\n\
         [[sweep.factor]]\nkey = \"demand.severity_mean\"\n"
    );
    fs::write(dir.join("t.toml"), spec).unwrap();
    within_20_seconds(dir, &["check", "t.toml"])
}

/// Runs tillit, killed (and the test failed) if it takes more than 20
/// seconds.
fn within_20_seconds(dir: &Path, args: &[&str]) -> Output {
    let mut child = spawn(dir, args);
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().expect("kill");
            panic!("tillit {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

#[test]
fn table_files_must_be_small_regular_files_and_errors_quote_little() {
    let dir = setup("table-files");
    let out = check_table(&dir, "/dev/zero");
    let t = refused(&out, &["not a regular file"]);
    assert!(!t.contains(": ok"), "{t}");
    let fifo = dir.join("pipe.csv");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        refused(&check_table(&dir, "pipe.csv"), &["not a regular file"]);
        // The scenario file itself, too.
        for command in ["check", "run", "sweep"] {
            refused(
                &within_20_seconds(&dir, &[command, "pipe.csv"]),
                &["not a regular file"],
            );
        }
    }
    refused(
        &within_20_seconds(&dir, &["check", "/dev/zero"]),
        &["not a regular file"],
    );
    refused(&check_table(&dir, "."), &["folder"]);
    let big = fs::File::create(dir.join("big.csv")).unwrap();
    big.set_len(17 << 20).unwrap();
    refused(&check_table(&dir, "big.csv"), &["larger than 16 MiB"]);
    // The first line of a file that is not a table: a bounded, escaped
    // snippet, never the whole line.
    let secret = format!(
        "root:x:0:0:root:/root:/bin/bash\u{1b}[2J{}",
        "y".repeat(500)
    );
    fs::write(dir.join("passwd.csv"), format!("{secret}\n")).unwrap();
    let t = refused(
        &check_table(&dir, "passwd.csv"),
        &["the header must name the factors"],
    );
    assert!(
        !t.contains(&"y".repeat(100)) && !t.contains('\u{1b}'),
        "{t}"
    );
}

#[test]
fn check_says_ok_only_after_every_check() {
    let dir = setup("check-ok");
    let spec = format!(
        "{TINY}[sweep]\ndesign = \"factorial\"\n[[sweep.factor]]\nkey = \"demand.severity_mean\"\n"
    );
    fs::write(dir.join("half.toml"), spec).unwrap();
    let out = tillit(&dir, &["check", "half.toml"]);
    refused(&out, &["sweep.factor[1]"]);
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("ok"),
        "{}",
        text(&out)
    );
}

#[test]
fn names_and_text_cannot_reach_terminals_or_spreadsheets_raw() {
    let dir = setup("names");
    let formula = TINY.replace(
        "name = \"trust\"",
        "name = \"=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")\"",
    );
    fs::write(dir.join("formula.toml"), formula).unwrap();
    for command in ["check", "run"] {
        let out = tillit(
            &dir,
            &[command, "formula.toml", "-q"][..if command == "run" { 3 } else { 2 }],
        );
        refused(
            &out,
            &[
                "is not an identifier",
                "starts with a letter",
                "e.g. `HYPERLINK_http",
            ],
        );
    }
    assert!(!dir.join("results/formula").exists());

    let escape = TINY.replace(
        "name = \"Tiny\"",
        "name = \"\\u001b]0;pwned\\u0007\\u001b[2J\"",
    );
    fs::write(dir.join("escape.toml"), escape).unwrap();
    let out = tillit(&dir, &["check", "escape.toml"]);
    let t = ok(&out);
    assert!(!t.contains('\u{1b}') && !t.contains('\u{7}'), "{t:?}");
    assert!(t.contains("\\u{1b}]0;pwned\\u{7}"), "{t}");
    // The same in an error message.
    let broken = dir.join("\u{1b}[2J.toml");
    fs::write(&broken, "name = ").unwrap();
    let out = tillit(&dir, &["check", broken.to_str().unwrap()]);
    let t = refused(&out, &["\\u{1b}[2J.toml"]);
    assert!(!t.contains('\u{1b}'), "{t:?}");
}

#[test]
fn limits_are_checked_and_numbers_in_messages_are_short() {
    let dir = setup("limits");
    let mut many = String::from("name = \"many\"\n");
    for i in 0..65 {
        many.push_str(&format!("[[arm]]\nname = \"a{i}\"\npreset = \"control\"\n"));
    }
    fs::write(dir.join("many.toml"), many).unwrap();
    refused(
        &tillit(&dir, &["check", "many.toml"]),
        &["65 arms", "at most 64"],
    );

    let huge = TINY.replace(
        "preset = \"trust\"\n",
        "preset = \"trust\"\ncoaching_hours = 1e308\n",
    );
    fs::write(dir.join("huge.toml"), huge).unwrap();
    let t = refused(
        &tillit(&dir, &["check", "huge.toml"]),
        &["1e308 is out of range"],
    );
    assert!(t.len() < 400, "{t}");

    let deep = format!("{TINY}x = {}{}\n", "[".repeat(300), "]".repeat(300));
    fs::write(dir.join("deep.toml"), deep).unwrap();
    refused(&tillit(&dir, &["check", "deep.toml"]), &["deep.toml:11:"]);
    let deep = format!("[{}]\nx = 1\n{TINY}", vec!["a"; 1000].join("."));
    fs::write(dir.join("deeper.toml"), deep).unwrap();
    refused(
        &tillit(&dir, &["check", "deeper.toml"]),
        &["deeper.toml:1:", "nested too deeply"],
    );
}

/// Replaces the first line of `path` for which `pick` says so by what
/// `change` makes of it (`None`: removes it).
fn edit_line(
    path: &Path,
    pick: impl Fn(usize, &str) -> bool,
    change: impl Fn(&str) -> Option<String>,
) {
    let text = fs::read_to_string(path).unwrap();
    let mut done = false;
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        if !done && pick(i, line) {
            done = true;
            if let Some(new) = change(line) {
                out.push_str(&new);
                out.push('\n');
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    assert!(done, "no line picked in {}", path.display());
    fs::write(path, out).unwrap();
}

#[test]
fn reports_refuse_folders_with_missing_duplicated_or_mixed_rows() {
    let dir = setup("damaged");
    ok(&tillit(&dir, &["run", "tiny.toml", "--out", "good", "-q"]));
    let copy = |name: &str| {
        let to = dir.join(name);
        fs::create_dir_all(&to).unwrap();
        for (file, bytes) in files(&dir.join("good")) {
            fs::write(to.join(file), bytes).unwrap();
        }
        to
    };
    // A dropped run.
    let d = copy("dropped-run");
    edit_line(&d.join("runs.csv"), |i, _| i == 2, |_| None);
    refused(
        &tillit(&dir, &["report", "dropped-run"]),
        &["runs.csv", "missing"],
    );
    // A duplicated summary row.
    let d = copy("duplicated-summary");
    edit_line(
        &d.join("summary.csv"),
        |i, _| i == 3,
        |l| Some(format!("{l}\n{l}")),
    );
    refused(
        &tillit(&dir, &["report", "duplicated-summary"]),
        &["summary.csv:5", "duplicated"],
    );
    // A dropped series row, per run and aggregate.
    for (name, pick) in [("dropped-series", 40usize), ("dropped-aggregate", 0)] {
        let d = copy(name);
        let lines = fs::read_to_string(d.join("series.csv"))
            .unwrap()
            .lines()
            .count();
        let at = if pick == 0 { lines - 7 } else { pick };
        edit_line(&d.join("series.csv"), |i, _| i == at, |_| None);
        refused(&tillit(&dir, &["report", name]), &["series.csv"]);
    }
    // runs.csv of another run beside this manifest.
    ok(&tillit(
        &dir,
        &["run", "tiny.toml", "--out", "other", "-q", "--seed", "3"],
    ));
    let d = copy("mixed");
    fs::copy(dir.join("other/runs.csv"), d.join("runs.csv")).unwrap();
    refused(
        &tillit(&dir, &["report", "mixed"]),
        &["runs.csv", "seed", "another run"],
    );

    // A sweep: a dropped summary row; a shard folder; an unknown replication.
    ok(&tillit(&dir, &["sweep", "s.toml", "--out", "w", "-q"]));
    edit_line(&dir.join("w/summary.csv"), |i, _| i == 30, |_| None);
    refused(&tillit(&dir, &["report", "w"]), &["summary.csv", "missing"]);
    ok(&tillit(
        &dir,
        &["sweep", "s.toml", "--out", "shard", "--shard", "1/2", "-q"],
    ));
    refused(
        &tillit(&dir, &["report", "shard"]),
        &["shard 1/2", "tillit merge"],
    );
    let replay = tillit(
        &dir,
        &[
            "replay",
            "w",
            "--point",
            "0",
            "--arm",
            "trust",
            "--replication",
            "9",
        ],
    );
    refused(&replay, &["no replication 9", "0 to 1"]);
    // A garbled plan is damaged, not another spec.
    fs::write(dir.join("w/parts/plan.json"), "{ garbled").unwrap();
    let t = refused(
        &tillit(&dir, &["sweep", "s.toml", "--out", "w", "-q"]),
        &["plan.json is damaged"],
    );
    assert!(!t.contains("another spec"), "{t}");
}
