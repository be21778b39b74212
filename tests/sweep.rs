//! Sweeps and sensitivity analysis end to end: byte-identical folders with
//! 1 or 2 threads, resumed, and merged from shards; replays; spec errors.

use std::fs;
use std::path::Path;

use crate::support::{temp_dir, tillit};

/// 36 points x 2 arms x 2 replications = 144 runs in 3 parts, on a tiny
/// department over two years.
pub(crate) const SPEC: &str = r#"
name = "tiny sweep"
seed = 11
replications = 2
years = 2
warmup_years = 1
[organisation]
units = 1
workers_per_unit = 6
[[arm]]
name = "control"
preset = "control"
[[arm]]
name = "trust"
preset = "trust"

[sweep]
design = "factorial"
[[sweep.factor]]
key = "steering.coaching_hours"
arm = "trust"
from = 0
to = 2.5
steps = 6
[[sweep.factor]]
key = "demand.severity_mean"
values = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]

[sensitivity]
outcomes = ["mean_stress", "investigations_overdue_share"]
replications = 1
trajectories = 4
samples = 8
bootstrap = 50
[[sensitivity.factor]]
key = "steering.coaching_hours"
from = 0
to = 2
[[sensitivity.factor]]
key = "demand.reports_per_position_year"
from = 30
to = 60
[[sensitivity.factor]]
key = "stress.recovery_days"
from = 10
to = 30
"#;

const FILES: [&str; 5] = [
    "runs.csv",
    "summary.csv",
    "points.csv",
    "spec.toml",
    "manifest.json",
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

fn files(dir: &Path) -> Vec<Vec<u8>> {
    FILES
        .iter()
        .map(|f| fs::read(dir.join(f)).unwrap_or_else(|e| panic!("{}: {e}", f)))
        .collect()
}

fn assert_same(a: &Path, b: &Path, what: &str) {
    for ((x, y), name) in files(a).iter().zip(files(b)).zip(FILES) {
        assert!(*x == y, "{name} differs: {what}");
    }
}

#[test]
fn sweep_folders_are_byte_identical_across_threads_resume_and_shards() {
    let dir = temp_dir("sweep-identity");
    fs::write(dir.join("s.toml"), SPEC).unwrap();
    ok(
        &dir,
        &["sweep", "s.toml", "--out", "one", "--jobs", "1", "-q"],
    );
    ok(
        &dir,
        &["sweep", "s.toml", "--out", "two", "--jobs", "2", "-q"],
    );
    assert_same(&dir.join("one"), &dir.join("two"), "1 versus 2 threads");

    let runs = fs::read_to_string(dir.join("one/runs.csv")).unwrap();
    assert_eq!(runs.lines().count(), 1 + 36 * 2 * 2);
    assert!(runs.starts_with(
        "point,arm,replication,seed,coaching_hours__trust,severity_mean,worker_turnover,"
    ));
    let points = fs::read_to_string(dir.join("one/points.csv")).unwrap();
    assert_eq!(
        points.lines().next().unwrap(),
        "point,seed,steering.coaching_hours@trust,demand.severity_mean"
    );
    assert_eq!(points.lines().nth(2).unwrap(), "1,11,0,0.3");
    let summary = fs::read_to_string(dir.join("one/summary.csv")).unwrap();
    assert!(summary.contains("\n0,trust,difference_to_control,mean_stress,"));
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("one/manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["parts"], 3);
    assert_eq!(manifest["runs"], 144);
    assert_eq!(manifest["kind"], "sweep");

    // Interrupted: only one shard's parts exist, then the full command.
    ok(
        &dir,
        &[
            "sweep", "s.toml", "--out", "resumed", "--shard", "2/3", "-q",
        ],
    );
    assert!(!dir.join("resumed/manifest.json").exists());
    ok(&dir, &["sweep", "s.toml", "--out", "resumed", "-q"]);
    assert_same(&dir.join("one"), &dir.join("resumed"), "resumed");
    assert!(!dir.join("resumed/shard.json").exists());

    // A lost part and a leftover .partial are redone.
    fs::remove_file(dir.join("resumed/parts/part-000001.csv")).unwrap();
    fs::write(dir.join("resumed/parts/part-000002.csv.partial"), "junk").unwrap();
    ok(&dir, &["sweep", "s.toml", "--out", "resumed", "-q"]);
    assert_same(
        &dir.join("one"),
        &dir.join("resumed"),
        "resumed after a lost part",
    );
    assert!(!dir.join("resumed/parts/part-000002.csv.partial").exists());

    // Three shards merged.
    for i in 1..=3 {
        let shard = format!("{i}/3");
        let out = format!("shard{i}");
        ok(
            &dir,
            &["sweep", "s.toml", "--out", &out, "--shard", &shard, "-q"],
        );
        assert!(dir.join(&out).join("shard.json").exists());
    }
    ok(&dir, &["merge", "merged", "shard1", "shard2", "shard3"]);
    assert_same(&dir.join("one"), &dir.join("merged"), "three shards merged");

    // Merging without a shard names what is missing; exit code 2.
    let out = tillit(&dir, &["merge", "broken", "shard1", "shard3"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("part-000001.csv"), "{err}");

    // A folder of another spec is refused, and left alone.
    let changed = SPEC.replace("seed = 11", "seed = 12");
    fs::write(dir.join("other.toml"), changed).unwrap();
    let out = tillit(&dir, &["sweep", "other.toml", "--out", "one", "-q"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another spec"));
    let out = tillit(&dir, &["merge", "mixed", "shard1", "../x"]);
    assert_ne!(out.status.code(), Some(0));
    assert_same(&dir.join("one"), &dir.join("two"), "after the refusals");

    // A folder begun by an engine that gives other results (its plan as a
    // build of an older engine revision wrote it) is refused, not finished
    // with runs of this engine, and left alone.
    let plan_path = dir.join("shard1/parts/plan.json");
    let mut plan: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&plan_path).unwrap()).unwrap();
    assert_eq!(plan["engine_revision"], tillit::engine::ENGINE_REVISION);
    plan["engine_revision"] = serde_json::json!(tillit::engine::ENGINE_REVISION - 1);
    let older = serde_json::to_string_pretty(&plan).unwrap();
    fs::write(&plan_path, &older).unwrap();
    let out = tillit(&dir, &["sweep", "s.toml", "--out", "shard1", "-q"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let revisions = format!(
        "engine revision {}; this one is {}",
        tillit::engine::ENGINE_REVISION - 1,
        tillit::engine::ENGINE_REVISION
    );
    assert!(err.contains(&revisions), "{err}");
    assert_eq!(fs::read_to_string(&plan_path).unwrap(), older);
    assert!(!dir.join("shard1/manifest.json").exists());
}

#[test]
fn a_replay_gives_the_numbers_of_its_row_and_the_monthly_series() {
    let dir = temp_dir("sweep-replay");
    fs::write(dir.join("s.toml"), SPEC.replace("steps = 6", "steps = 2")).unwrap();
    ok(&dir, &["sweep", "s.toml", "--out", "r", "-q"]);
    let runs = fs::read_to_string(dir.join("r/runs.csv")).unwrap();
    let header: Vec<&str> = runs.lines().next().unwrap().split(',').collect();
    for (point, arm, rep) in [("7", "trust", "1"), ("0", "control", "0")] {
        let row: Vec<&str> = runs
            .lines()
            .find(|l| l.starts_with(&format!("{point},{arm},{rep},")))
            .unwrap()
            .split(',')
            .collect();
        let printed = ok(
            &dir,
            &[
                "replay",
                "r",
                "--point",
                point,
                "--arm",
                arm,
                "--replication",
                rep,
                "--series",
                "series.csv",
            ],
        );
        assert!(printed.contains(&format!("(seed {})", row[3])), "{printed}");
        // The same numbers, spelled the same way (`NA` included).
        // The outcomes follow the point's factor values.
        let first = 4 + 2;
        assert_eq!(header[first], "worker_turnover");
        let expected: String = header[first..]
            .iter()
            .zip(&row[first..])
            .map(|(name, value)| format!("{name},{value}\n"))
            .collect();
        assert!(
            printed.contains(&format!("outcome,value\n{expected}")),
            "{printed}"
        );
        let series = fs::read_to_string(dir.join("series.csv")).unwrap();
        assert!(series.starts_with("month,metric,value\n1,"));
        assert!(series.lines().any(|l| l.starts_with("24,")));
    }
    let out = tillit(
        &dir,
        &[
            "replay",
            "r",
            "--point",
            "99",
            "--arm",
            "trust",
            "--replication",
            "0",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no point 99"));

    // A folder of another engine revision replays with a warning: its rows
    // may not be what this engine gives.
    let replay_args = [
        "replay",
        "r",
        "--point",
        "0",
        "--arm",
        "control",
        "--replication",
        "0",
    ];
    let out = tillit(&dir, &replay_args);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"));
    let manifest_path = dir.join("r/manifest.json");
    let manifest = fs::read_to_string(&manifest_path).unwrap();
    let revision = format!("\"engine_revision\": {}", tillit::engine::ENGINE_REVISION);
    assert!(manifest.contains(&revision), "{manifest}");
    fs::write(
        &manifest_path,
        manifest.replace(&revision, "\"engine_revision\": 0"),
    )
    .unwrap();
    let out = tillit(&dir, &replay_args);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning") && err.contains("engine revision 0"),
        "{err}"
    );

    // Independent streams: every point its own seed, and replays still agree.
    let text = SPEC.replace("steps = 6", "steps = 2").replace(
        "design = \"factorial\"",
        "design = \"factorial\"\nstreams = \"independent\"",
    );
    fs::write(dir.join("i.toml"), text).unwrap();
    ok(&dir, &["sweep", "i.toml", "--out", "i", "-q"]);
    let points = fs::read_to_string(dir.join("i/points.csv")).unwrap();
    let seeds: Vec<&str> = points
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(seeds.len(), 12);
    assert!(
        seeds.iter().all(|s| *s != "11") && seeds[0] != seeds[1],
        "{points}"
    );
    let runs = fs::read_to_string(dir.join("i/runs.csv")).unwrap();
    let row = runs.lines().find(|l| l.starts_with("5,trust,1,")).unwrap();
    let printed = ok(
        &dir,
        &[
            "replay",
            "i",
            "--point",
            "5",
            "--arm",
            "trust",
            "--replication",
            "1",
        ],
    );
    let seed = row.split(',').nth(3).unwrap();
    assert!(printed.contains(&format!("(seed {seed})")), "{printed}");
    let turnover = printed
        .lines()
        .find(|l| l.starts_with("worker_turnover,"))
        .unwrap();
    let column = runs
        .lines()
        .next()
        .and_then(|h| h.split(',').position(|c| c == "worker_turnover"))
        .unwrap();
    assert_eq!(turnover.split(',').nth(1), row.split(',').nth(column));

    // A damaged part is reported as damaged input (exit code 2) with what
    // to do, never as a failed write or a panic, and the final files stay.
    let before = fs::read(dir.join("r/runs.csv")).unwrap();
    fs::write(dir.join("r/parts/part-000000.csv"), "0,control,0,1,2\n").unwrap();
    let out = tillit(&dir, &["sweep", "s.toml", "--out", "r", "-q"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("part-000000.csv is damaged")
            && err.contains("delete it and run the same command again")
            && !err.contains("cannot write")
            && !err.contains("panicked"),
        "{err}"
    );
    assert_eq!(before, fs::read(dir.join("r/runs.csv")).unwrap());
    // A damaged plan cannot be merged.
    let plan = dir.join("r/parts/plan.json");
    let text = fs::read_to_string(&plan).unwrap();
    fs::write(
        &plan,
        text.replace("\"replications\": 2", "\"replications\": 0"),
    )
    .unwrap();
    let out = tillit(&dir, &["merge", "m", "r"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the plan is damaged"));
}

#[test]
fn sensitivity_writes_ranked_indices_and_resumes() {
    let dir = temp_dir("sensitivity");
    fs::write(dir.join("s.toml"), SPEC).unwrap();
    let printed = ok(
        &dir,
        &["sensitivity", "s.toml", "--method", "morris", "--out", "m"],
    );
    assert!(
        printed.contains("mean_stress [stress units], arm trust"),
        "{printed}"
    );
    let indices = fs::read_to_string(dir.join("m/indices.csv")).unwrap();
    let lines: Vec<&str> = indices.lines().collect();
    assert_eq!(
        lines[0],
        "arm,outcome,factor,rank,mu,mu_star,mu_star_ci_low,mu_star_ci_high,sigma"
    );
    assert_eq!(lines.len(), 1 + 2 * 2 * 3);
    let runs = fs::read_to_string(dir.join("m/runs.csv")).unwrap();
    assert_eq!(runs.lines().count(), 1 + 4 * (3 + 1) * 2);
    // The folder is complete; a second run redoes nothing and changes nothing.
    let first = fs::read(dir.join("m/indices.csv")).unwrap();
    ok(
        &dir,
        &[
            "sensitivity",
            "s.toml",
            "--method",
            "morris",
            "--out",
            "m",
            "-q",
        ],
    );
    assert_eq!(first, fs::read(dir.join("m/indices.csv")).unwrap());

    ok(
        &dir,
        &[
            "sensitivity",
            "s.toml",
            "--method",
            "sobol",
            "--out",
            "s",
            "-q",
        ],
    );
    let indices = fs::read_to_string(dir.join("s/indices.csv")).unwrap();
    assert!(indices.starts_with("arm,outcome,factor,rank,s1,s1_ci_low,s1_ci_high,st,"));
    let manifest = fs::read_to_string(dir.join("s/manifest.json")).unwrap();
    assert!(manifest.contains("\"design\": \"sobol samples=8 seed=11 sampling=sequence\""));
}

#[test]
fn spec_mistakes_name_file_line_and_key_with_exit_code_2() {
    let dir = temp_dir("sweep-errors");
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "key = \"steering.coaching_hours\"",
            "key = \"steering.coaching_hour\"",
            &[
                "@\"steering.coaching_hour\"",
                "sweep.factor[1].key",
                "did you mean `steering.coaching_hours`?",
            ],
        ),
        (
            "values = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]",
            "values = [0.2, 3.0]",
            &["@3.0", "sweep.factor[2].values[2]", "out of range"],
        ),
        (
            "design = \"factorial\"",
            "design = \"factorail\"",
            &[
                "@\"factorail\"",
                "sweep.design",
                "did you mean `factorial`?",
            ],
        ),
        (
            "arm = \"trust\"\nfrom = 0",
            "arm = \"trsut\"\nfrom = 0",
            &["@\"trsut\"", "sweep.factor[1].arm", "did you mean `trust`?"],
        ),
        (
            "[sweep]\n",
            "[sweep]\nreplicatons = 2\n",
            &[
                "@replicatons",
                "sweep.replicatons",
                "did you mean `replications`?",
            ],
        ),
    ];
    for (from, to, expected) in cases {
        assert!(SPEC.contains(from), "{from}");
        let text = SPEC.replacen(from, to, 1);
        fs::write(dir.join("s.toml"), &text).unwrap();
        let out = tillit(&dir, &["sweep", "s.toml", "--out", "x"]);
        assert_eq!(out.status.code(), Some(2), "{to}");
        let err = String::from_utf8_lossy(&out.stderr);
        for e in *expected {
            // `@text`: the position of that text (line, then column in it).
            let e = match e.strip_prefix('@') {
                Some(marker) => {
                    let (n, column) = text
                        .lines()
                        .enumerate()
                        .find_map(|(n, l)| l.find(marker).map(|c| (n, c)))
                        .unwrap();
                    format!("s.toml:{}:{}:", n + 1, column + 1)
                }
                None => e.to_string(),
            };
            assert!(err.contains(&e), "{to}: expected {e:?} in {err}");
        }
        assert!(!err.contains("panicked") && !dir.join("x/manifest.json").exists());
    }
    // `tillit check` reads the sweep table too.
    fs::write(dir.join("s.toml"), SPEC.replace("steps = 6", "steps = 0")).unwrap();
    let out = tillit(&dir, &["check", "s.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sweep.factor[1].steps"));
    fs::write(dir.join("s.toml"), SPEC).unwrap();
    let printed = ok(&dir, &["check", "s.toml"]);
    assert!(
        printed.contains("sweep: 2 factors, 36 points (factorial): 36 points x 2 arms x 2 replications = 144 runs"),
        "{printed}"
    );
    assert!(
        printed.contains("sensitivity: 3 factors, 2 outcomes"),
        "{printed}"
    );
    // The true run count of each method, from the [sensitivity] table's
    // replications, not the scenario's.
    assert!(
        printed.contains("--method morris: 16 points x 2 arms x 1 replication = 32 runs"),
        "{printed}"
    );
    assert!(
        printed.contains("--method sobol: 40 points x 2 arms x 1 replication = 80 runs"),
        "{printed}"
    );
    // No [sweep] table at all.
    let without = SPEC.split("[sweep]").next().unwrap();
    fs::write(dir.join("s.toml"), without).unwrap();
    let out = tillit(&dir, &["sweep", "s.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has no `[sweep]` table"));
    // Bad shard syntax is a usage error.
    let out = tillit(&dir, &["sweep", "s.toml", "--shard", "4/3"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn shipped_sweep_and_sensitivity_scenarios_resolve() {
    use tillit::analysis::{Method, plan};
    use tillit::sweep::Plan;
    use tillit::sweep::spec::{load_sensitivity, load_sweep};

    let root = crate::support::root().join("scenarios");
    let spec = load_sweep(&root.join("sweep-coaching-severity.toml")).unwrap();
    let sweep = Plan::from_sweep(&spec).unwrap();
    assert_eq!((sweep.points.len(), sweep.run_count()), (20, 400));
    assert_eq!(sweep.points[1], vec![0.0, 0.35]);
    let spec = load_sweep(&root.join("sweep-falun-demand.toml")).unwrap();
    let falun = Plan::from_sweep(&spec).unwrap();
    assert_eq!((falun.points.len(), falun.run_count()), (9, 180));
    assert_eq!(falun.points[7], vec![4.5]);
    assert!(falun.scenario.arms_differ_in_pathway());
    let spec = load_sensitivity(&root.join("sensitivity.toml")).unwrap();
    let (_, morris) = plan(&spec, Method::Morris).unwrap();
    assert_eq!(morris.run_count(), 10 * 11 * 8);
    let (_, sobol) = plan(&spec, Method::Sobol).unwrap();
    assert_eq!(sobol.points.len(), 64 * 12);
}

#[test]
fn a_common_random_numbers_point_is_the_plain_run_with_that_value() {
    use tillit::engine::simulate;
    use tillit::sweep::Plan;
    use tillit::sweep::spec::sweep_from_str;

    let text = SPEC.replace("steps = 6", "steps = 2").replace(
        "years = 2\nwarmup_years = 1",
        "years = 1\nwarmup_years = 0.5",
    );
    assert_ne!(text, SPEC.replace("steps = 6", "steps = 2"));
    let spec = sweep_from_str(&text, "s.toml", None).unwrap();
    let plan = Plan::from_sweep(&spec).unwrap();
    // Point 7: coaching 2.5 in trust, severity 0.3 in both arms.
    let point = plan.point_scenario(7);
    let mut plain = spec.scenario.clone();
    plain.arms[1].params.steering.coaching_hours = 2.5;
    for arm in &mut plain.arms {
        arm.params.demand.severity_mean = 0.3;
    }
    for (a, rep) in [(0, 0), (1, 1)] {
        let swept = simulate(&point, &point.arms[a], rep).outcomes;
        let alone = simulate(&plain, &plain.arms[a], rep).outcomes;
        assert_eq!(format!("{swept:?}"), format!("{alone:?}"));
    }
}

#[test]
fn a_sweep_of_the_pathway_switch_writes_its_report_when_asked() {
    let dir = temp_dir("sweep-report");
    // The integrated team as a swept switch, written true/false.
    let spec = SPEC
        .split("[sweep]")
        .next()
        .expect("scenario part")
        .to_owned()
        + "[sweep]\ndesign = \"factorial\"\n[[sweep.factor]]\nkey = \"steering.integrated_team\"\n\
           values = [false, true]\n";
    fs::write(dir.join("spec.toml"), spec).expect("write spec");
    let out = ok(
        &dir,
        &[
            "sweep",
            "spec.toml",
            "--out",
            "r",
            "--jobs",
            "2",
            "--report",
            "--lang",
            "sv",
        ],
    );
    // The table shows the pathway's outcomes for a sweep about it.
    assert!(out.contains("time_to_first_help_days_mean"), "{out}");
    let html = fs::read_to_string(dir.join("r/report.html")).expect("report");
    assert!(html.contains("<html lang=\"sv\">"));
    assert!(html.contains("tid till första insats"), "no pathway chart");
    let points = fs::read_to_string(dir.join("r/points.csv")).expect("points");
    // A switch is written 0 and 1 in points.csv.
    assert!(points.ends_with("0,11,0\n1,11,1\n"), "{points}");
}

#[test]
fn a_sweep_logs_plain_progress_lines_when_stderr_is_a_file_and_none_when_quiet() {
    let dir = temp_dir("sweep-log");
    fs::write(dir.join("s.toml"), SPEC).unwrap();
    let run = |args: &[&str], log: &str| {
        let file = fs::File::create(dir.join(log)).unwrap();
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_tillit"))
            .args(args)
            .current_dir(&dir)
            .stdout(std::process::Stdio::null())
            .stderr(file)
            .status()
            .unwrap();
        assert!(status.success());
        fs::read_to_string(dir.join(log)).unwrap()
    };
    let log = run(&["sweep", "s.toml", "--out", "a", "--jobs", "2"], "a.log");
    let lines: Vec<&str> = log
        .lines()
        .filter(|l| l.starts_with("progress: "))
        .collect();
    assert!(
        lines
            .last()
            .is_some_and(|l| l.starts_with("progress: 144/144 runs (100%)") && l.ends_with("done")),
        "{log}"
    );
    assert!(lines.iter().all(|l| l.contains(" elapsed, ")), "{log}");
    // The summary line is talk, on stderr too.
    assert!(
        log.contains("36 points x 2 arms x 2 replications = 144 runs"),
        "{log}"
    );
    let quiet = run(&["sweep", "s.toml", "--out", "b", "--quiet"], "b.log");
    assert!(!quiet.contains("progress"), "{quiet}");
}

#[test]
fn reps_and_seed_on_the_command_line_replace_the_files_and_enter_the_plan() {
    let dir = temp_dir("sweep-overrides");
    fs::write(dir.join("s.toml"), SPEC).unwrap();
    let out = tillit(
        &dir,
        &[
            "sweep", "s.toml", "--out", "o", "--reps", "1", "--seed", "3", "--quiet",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let manifest = fs::read_to_string(dir.join("o/manifest.json")).unwrap();
    assert!(manifest.contains("\"replications\": 1"), "{manifest}");
    assert!(manifest.contains("\"seed\": 3"), "{manifest}");
    let runs = fs::read_to_string(dir.join("o/runs.csv")).unwrap();
    assert_eq!(runs.lines().count(), 1 + 36 * 2);
    // Resuming with other values is another plan: refused, not mixed.
    let out = tillit(
        &dir,
        &["sweep", "s.toml", "--out", "o", "--reps", "2", "--quiet"],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Sensitivity takes them too, and Morris is the default method.
    let out = tillit(
        &dir,
        &[
            "sensitivity",
            "s.toml",
            "--out",
            "m",
            "--reps",
            "2",
            "--seed",
            "5",
            "--quiet",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let manifest = fs::read_to_string(dir.join("m/manifest.json")).unwrap();
    assert!(manifest.contains("\"kind\": \"morris\""), "{manifest}");
    assert!(manifest.contains("\"replications\": 2"), "{manifest}");
    assert!(manifest.contains("seed=5"), "{manifest}");
}
