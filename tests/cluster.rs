//! Studies on a real Slurm: `tillit slurm --submit` runs a sweep as a job
//! array of shards plus a merge job, and the merged folder is byte-identical
//! to a single-machine run, also when a task is killed midway and run
//! again alone.
//!
//! Needs a running Slurm on this machine (`bash .ci/slurm up`, which
//! `bash .ci/run` does), so a plain `cargo test` lists it as ignored.

use std::fs;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::support::{assert_same_files, temp_dir, tillit};

/// 144 points x 2 arms x 2 replications = 576 runs in 9 parts, so that each
/// of 3 shards has 3 parts and takes long enough to be killed between two.
const SPEC: &str = r#"
name = "cluster sweep"
seed = 5
replications = 2
years = 6
warmup_years = 1
[organisation]
units = 4
workers_per_unit = 20
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
to = 2.2
steps = 12
[[sweep.factor]]
key = "demand.severity_mean"
from = 0.2
to = 0.64
steps = 12
"#;

fn run(program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
}

fn ok(out: &Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Waits (at most two minutes) until `done` holds.
fn wait_until(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "timed out waiting for {what}; squeue:\n{}",
            String::from_utf8_lossy(&run("squeue", &[]).stdout)
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The job ids from `tillit slurm --submit`'s line
/// `array job N (3 tasks), merge job M`.
fn job_ids(printed: &str) -> (String, String) {
    let words: Vec<&str> = printed.split_whitespace().collect();
    assert_eq!(words.get(..2), Some(&["array", "job"][..]), "{printed}");
    (words[2].to_owned(), words[words.len() - 1].to_owned())
}

/// Whether the array job (any of its tasks) or the merge job is still
/// queued or running. A folder is compared only once its writers are gone.
fn in_queue(array: &str, merge: &str) -> bool {
    let queue = ok(&run("squeue", &["-h", "-o", "%i"]), "squeue");
    queue.lines().any(|l| {
        let id = l.trim();
        id == array || id.starts_with(&format!("{array}_")) || id == merge
    })
}

#[test]
#[ignore = "needs a running Slurm: bash .ci/slurm up (bash .ci/run does it)"]
fn a_sweep_as_a_slurm_array_merges_to_the_single_machine_folder_even_after_a_killed_task() {
    let dir = temp_dir("cluster");
    fs::write(dir.join("s.toml"), SPEC).unwrap();
    ok(
        &tillit(&dir, &["sweep", "s.toml", "--out", "single", "-q"]),
        "single-machine sweep",
    );
    let submit = |out: &str| {
        ok(
            &tillit(
                &dir,
                &[
                    "slurm", "s.toml", "--kind", "sweep", "--shards", "3", "--out", out, "--submit",
                ],
            ),
            "tillit slurm --submit",
        )
    };

    // Three tasks and the merge, untouched.
    let printed = submit("whole");
    assert!(printed.contains("(3 tasks), merge job "), "{printed}");
    let (array, merge_id) = job_ids(&printed);
    wait_until("the jobs of `whole` to leave the queue", || {
        !in_queue(&array, &merge_id)
    });
    assert!(dir.join("whole/manifest.json").exists());
    assert_same_files(&dir.join("single"), &dir.join("whole"));
    // Array task ids start at 1 and are the shard numbers.
    let log = fs::read_to_string(dir.join("whole-slurm/logs/task-1.log")).unwrap();
    assert!(log.contains("Shard 1/3: "), "{log}");
    assert!(
        log.contains("progress: "),
        "progress lines in the task's log: {log}"
    );

    // Task 2 killed after its first part: the merge is cancelled, the merge
    // script says which shard is missing, and task 2 run again alone
    // resumes from its finished part.
    let printed = submit("killed");
    let (array, merge_id) = job_ids(&printed);
    let parts = dir.join("killed-slurm/shards/shard-2/parts");
    let finished_parts = || {
        fs::read_dir(&parts).map_or(0, |d| {
            d.filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().starts_with("part-"))
                .filter(|e| !e.file_name().to_string_lossy().ends_with(".partial"))
                .count()
        })
    };
    wait_until("task 2's first part", || finished_parts() >= 1);
    ok(&run("scancel", &[&format!("{array}_2")]), "scancel");
    let shard_json = dir.join("killed-slurm/shards/shard-2/shard.json");
    wait_until("task 2 and the merge to leave the queue", || {
        !in_queue(&array, &merge_id)
    });
    assert!(!shard_json.exists(), "task 2 finished before it was killed");
    assert!(!dir.join("killed/manifest.json").exists());
    let done_before = finished_parts();
    assert!((1..3).contains(&done_before), "{done_before} parts");

    let merge = run(
        "bash",
        &[dir.join("killed-slurm/merge.sh").to_str().unwrap()],
    );
    assert_eq!(merge.status.code(), Some(1));
    let said = String::from_utf8_lossy(&merge.stderr);
    assert!(said.contains("shards not finished: 2."), "{said}");
    assert!(said.contains("sbatch --array=2 "), "{said}");

    let job = dir.join("killed-slurm/job.sh");
    let again = ok(
        &run(
            "sbatch",
            &["--parsable", "--array=2", job.to_str().unwrap()],
        ),
        "sbatch --array=2",
    );
    let again = again.trim().split(';').next().unwrap().to_owned();
    let merge_script = dir.join("killed-slurm/merge.sh");
    let merge_again = ok(
        &run(
            "sbatch",
            &[
                "--parsable",
                &format!("--dependency=afterok:{again}"),
                "--kill-on-invalid-dep=yes",
                merge_script.to_str().unwrap(),
            ],
        ),
        "sbatch merge.sh",
    );
    let merge_again = merge_again.trim().split(';').next().unwrap().to_owned();
    wait_until("the second merge of `killed` to leave the queue", || {
        !in_queue(&again, &merge_again)
    });
    assert!(dir.join("killed/manifest.json").exists());
    assert_same_files(&dir.join("single"), &dir.join("killed"));
    // The second run of task 2 did only the parts the first had not.
    let log = fs::read_to_string(dir.join("killed-slurm/logs/task-2.log")).unwrap();
    let remaining = (3 - done_before) * 64;
    assert!(
        log.contains(&format!("progress: {remaining}/{remaining} runs (100%)")),
        "{log}"
    );
}

#[test]
#[ignore = "needs a running Slurm: bash .ci/slurm up (bash .ci/run does it)"]
fn a_robustness_study_on_slurm_runs_a_round_per_stage_and_equals_a_single_run() {
    let dir = temp_dir("cluster-robustness");
    fs::write(dir.join("r.toml"), crate::robustness::SPEC).unwrap();
    ok(
        &tillit(&dir, &["robustness", "r.toml", "--out", "single", "-q"]),
        "single-machine robustness study",
    );
    let printed = ok(
        &tillit(
            &dir,
            &[
                "slurm",
                "r.toml",
                "--kind",
                "robustness",
                "--shards",
                "2",
                "--out",
                "dist",
                "--submit",
            ],
        ),
        "tillit slurm --kind robustness --submit",
    );
    // Stage 1, then stage 2 planned from the merged stage 1.
    let rounds: Vec<(String, String)> = printed
        .lines()
        .map(|l| {
            let l = l.split_once(": ").map_or(l, |(_, rest)| rest);
            job_ids(l)
        })
        .collect();
    assert_eq!(rounds.len(), 2, "{printed}");
    for (array, merge) in &rounds {
        wait_until("a round to leave the queue", || !in_queue(array, merge));
    }
    for file in crate::robustness::FILES {
        let single = fs::read(dir.join("single").join(file)).unwrap();
        let dist =
            fs::read(dir.join("dist").join(file)).unwrap_or_else(|e| panic!("dist/{file}: {e}"));
        assert!(single == dist, "{file} differs");
    }
}
