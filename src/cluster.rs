//! Studies on a cluster: the Slurm batch scripts that run a study's shards
//! as one job array and merge them when every task has finished.
//!
//! What lives here: [`SlurmJob`], everything the scripts need, and the
//! three scripts it writes ([`SlurmJob::array_script`],
//! [`SlurmJob::merge_script`], [`SlurmJob::submit_script`]). tillit does not
//! schedule anything: Slurm's job arrays run the shards (`--shard i/N`,
//! which the sweep machinery already makes byte-identical to a single run
//! once merged), and a dependency (`afterok`) starts the merge.
//!
//! Array task ids run from 1 to N (`--array=1-N`), the same numbers as
//! `--shard i/N`, so task `i` writes shard folder `shard-i`.
//!
//! A robustness study runs in stages (history matching needs all of stage
//! 1 before stage 2 can be planned), so it is submitted as one round of
//! array plus merge per stage, each round after the last: a task starts
//! from the merged earlier stages, and the last merge finishes the study.
//!
//! What does not: no submission (the command line runs `sbatch`), no clock.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What a Slurm task may use, as `#SBATCH` options; `None` leaves the
/// cluster's default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resources {
    /// `--partition`.
    pub partition: Option<String>,
    /// `--time`, in Slurm's forms (`30`, `2:00:00`, `1-00:00:00`).
    pub time: Option<String>,
    /// `--mem` per task (`4G`).
    pub mem: Option<String>,
    /// `--cpus-per-task`; each task runs with as many worker threads.
    pub cpus_per_task: u32,
    /// `--account`.
    pub account: Option<String>,
}

/// A study as a Slurm job array plus a merge job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlurmJob {
    /// Job name (letters, digits, `-`, `_`).
    pub name: String,
    /// The tillit binary the tasks run (an absolute path).
    pub tillit: PathBuf,
    /// The study's subcommand and its options before the shard, e.g.
    /// `["sensitivity", "<spec>", "--method", "sobol"]`.
    pub study: Vec<String>,
    /// Number of shards, each one array task.
    pub shards: usize,
    /// One entry per round: the folder, inside a shard folder, whose
    /// `shard.json` marks a task of that round as finished (`""` for the
    /// shard folder itself). A sweep has one round; a robustness study one
    /// per stage (`stage1`, `stage1-wave2`, `stage2`).
    pub stages: Vec<String>,
    /// The work folder: scripts, logs and shard folders.
    pub work: PathBuf,
    /// The final results folder, written by the merge job.
    pub out: PathBuf,
    /// Commands (tillit's arguments) that the merge job runs after the
    /// merge, e.g. the sensitivity indices or the report.
    pub after_merge: Vec<Vec<String>>,
    /// What each task may use.
    pub resources: Resources,
}

/// The array job's script name in the work folder.
pub const ARRAY_SCRIPT: &str = "job.sh";
/// The merge job's script name in the work folder.
pub const MERGE_SCRIPT: &str = "merge.sh";
/// The script that submits both, with the dependency.
pub const SUBMIT_SCRIPT: &str = "submit.sh";

impl SlurmJob {
    /// Shard `i`'s folder (`i` from 1).
    pub fn shard_dir(&self, i: usize) -> PathBuf {
        self.work.join("shards").join(format!("shard-{i}"))
    }

    /// The logs folder (one file per task, and the merge's).
    pub fn logs_dir(&self) -> PathBuf {
        self.work.join("logs")
    }

    /// The job array: task `i` runs shard `i/N` into its own folder, with
    /// as many threads as CPUs it was given. Run again (`sbatch
    /// --array=K job.sh`), a task resumes from the parts it finished.
    pub fn array_script(&self) -> String {
        let mut s = self.header(&self.name, "task-%a.log");
        let _ = writeln!(s, "#SBATCH --array=1-{}", self.shards);
        let _ = writeln!(
            s,
            "#SBATCH --cpus-per-task={}",
            self.resources.cpus_per_task
        );
        s.push_str("\nset -euo pipefail\n");
        let _ = writeln!(
            s,
            "i=\"${{SLURM_ARRAY_TASK_ID:?run this script with sbatch}}\""
        );
        let study: Vec<String> = self.study.iter().map(|a| quote(a)).collect();
        let earlier = &self.stages[..self.stages.len().saturating_sub(1)];
        if !earlier.is_empty() {
            // Later rounds start from the merged earlier stages, so that
            // every task plans the next stage from the same results.
            let _ = writeln!(
                s,
                "shard={}/shard-\"$i\"\nfor stage in {}; do\n    \
                 if [ -f {}/\"$stage\"/manifest.json ]; then\n        \
                 rm -rf \"$shard/$stage\" && mkdir -p \"$shard\" && cp -r {}/\"$stage\" \"$shard/$stage\"\n    \
                 fi\ndone",
                quote_path(&self.work.join("shards")),
                earlier
                    .iter()
                    .map(|st| quote(st))
                    .collect::<Vec<_>>()
                    .join(" "),
                quote_path(&self.out),
                quote_path(&self.out),
            );
        }
        let _ = writeln!(
            s,
            "exec {} {} --shard \"$i/{}\" --jobs \"${{SLURM_CPUS_PER_TASK:-1}}\" --out {}/shard-\"$i\"",
            quote_path(&self.tillit),
            study.join(" "),
            self.shards,
            quote_path(&self.work.join("shards")),
        );
        s
    }

    /// The merge job: says which shards are missing (and how to run them
    /// again) if any are; else merges them into the results folder and
    /// runs the commands that finish the study.
    pub fn merge_script(&self) -> String {
        let rounds = self.stages.len();
        let mut s = self.header(&format!("{}-merge", self.name), "merge-%j.log");
        s.push_str("#SBATCH --cpus-per-task=1\n\nset -euo pipefail\n");
        let stages: Vec<String> = self.stages.iter().map(|st| quote(st)).collect();
        let _ = writeln!(
            s,
            "# The round this merge closes (1 to {rounds}), and the folder whose\n\
             # shard.json marks a finished task of that round.\n\
             round=\"${{1:-{rounds}}}\"\nstages=({})\nstage=\"${{stages[$((round - 1))]}}\"",
            stages.join(" ")
        );
        let _ = writeln!(s, "shards={}", quote_path(&self.work.join("shards")));
        let _ = writeln!(s, "missing=()");
        let _ = writeln!(s, "for i in $(seq 1 {}); do", self.shards);
        s.push_str(
            "    [ -f \"$shards/shard-$i/$stage/shard.json\" ] || missing+=(\"$i\")\ndone\n",
        );
        s.push_str("if [ ${#missing[@]} -gt 0 ]; then\n");
        let _ = writeln!(
            s,
            "    list=$(IFS=,; echo \"${{missing[*]}}\")\n    \
             echo \"shards not finished: $list. Run them again with: sbatch --array=$list {} \
             (each resumes where it stopped), then this merge again with: sbatch {} $round\" >&2\n    \
             exit 1\nfi",
            quote_path(&self.work.join(ARRAY_SCRIPT)),
            quote_path(&self.work.join(MERGE_SCRIPT)),
        );
        let tillit = quote_path(&self.tillit);
        let shard_dirs: Vec<String> = (1..=self.shards)
            .map(|i| format!("\"$shards/shard-{i}\""))
            .collect();
        let _ = writeln!(
            s,
            "{tillit} merge {} {}",
            quote_path(&self.out),
            shard_dirs.join(" ")
        );
        if !self.after_merge.is_empty() {
            let _ = writeln!(s, "if [ \"$round\" = {rounds} ]; then");
            for command in &self.after_merge {
                let args: Vec<String> = command.iter().map(|a| quote(a)).collect();
                let _ = writeln!(s, "    {tillit} {}", args.join(" "));
            }
            s.push_str("fi\n");
        }
        s
    }

    /// Submits the array, then the merge with `afterok` on it, and prints
    /// both job ids. A merge whose array did not finish is cancelled
    /// (`--kill-on-invalid-dep`), not left pending for ever.
    pub fn submit_script(&self) -> String {
        let rounds = self.stages.len();
        let mut s = String::from("#!/bin/bash\nset -euo pipefail\nafter=()\n");
        let _ = writeln!(s, "for round in $(seq 1 {rounds}); do");
        let _ = writeln!(
            s,
            "    array=$(sbatch --parsable \"${{after[@]}}\" {})\n    array=${{array%%;*}}",
            quote_path(&self.work.join(ARRAY_SCRIPT))
        );
        let _ = writeln!(
            s,
            "    merge=$(sbatch --parsable --dependency=afterok:\"$array\" --kill-on-invalid-dep=yes {} \"$round\")\n    \
             merge=${{merge%%;*}}",
            quote_path(&self.work.join(MERGE_SCRIPT))
        );
        let prefix = if rounds > 1 { "round $round: " } else { "" };
        let _ = writeln!(
            s,
            "    echo \"{prefix}array job $array ({} tasks), merge job $merge\"\n    \
             after=(--dependency=afterok:\"$merge\" --kill-on-invalid-dep=yes)\ndone",
            self.shards
        );
        s
    }

    fn header(&self, name: &str, log: &str) -> String {
        let mut s = String::from("#!/bin/bash\n");
        let _ = writeln!(s, "# Written by tillit {}.", env!("CARGO_PKG_VERSION"));
        let _ = writeln!(s, "#SBATCH --job-name={name}");
        let _ = writeln!(
            s,
            "#SBATCH --output={}",
            self.logs_dir().join(log).display()
        );
        let r = &self.resources;
        for (option, value) in [
            ("partition", &r.partition),
            ("time", &r.time),
            ("mem", &r.mem),
            ("account", &r.account),
        ] {
            if let Some(value) = value {
                let _ = writeln!(s, "#SBATCH --{option}={value}");
            }
        }
        s
    }
}

/// A word for bash, in single quotes unless it needs none.
fn quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:@%+,".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

fn quote_path(path: &Path) -> String {
    quote(&path.to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job() -> SlurmJob {
        SlurmJob {
            name: "tillit-sweep".into(),
            tillit: "/opt/tillit/bin/tillit".into(),
            study: vec!["sweep".into(), "/home/a b/spec.toml".into()],
            shards: 3,
            stages: vec![String::new()],
            work: "/scratch/study-slurm".into(),
            out: "/scratch/study".into(),
            after_merge: vec![vec!["report".into(), "/scratch/study".into()]],
            resources: Resources {
                partition: Some("main".into()),
                time: Some("1:00:00".into()),
                mem: None,
                cpus_per_task: 4,
                account: None,
            },
        }
    }

    #[test]
    fn the_array_runs_task_i_as_shard_i_of_n_with_its_cpus_as_threads() {
        let s = job().array_script();
        assert!(s.starts_with("#!/bin/bash\n"));
        assert!(s.contains("#SBATCH --array=1-3\n"), "{s}");
        assert!(s.contains("#SBATCH --cpus-per-task=4\n"));
        assert!(s.contains("#SBATCH --partition=main\n#SBATCH --time=1:00:00\n"));
        assert!(!s.contains("--mem") && !s.contains("--account"));
        assert!(s.contains("#SBATCH --output=/scratch/study-slurm/logs/task-%a.log"));
        assert!(
            s.contains(
                "exec /opt/tillit/bin/tillit sweep '/home/a b/spec.toml' --shard \"$i/3\" \
             --jobs \"${SLURM_CPUS_PER_TASK:-1}\" --out /scratch/study-slurm/shards/shard-\"$i\""
            ),
            "{s}"
        );
    }

    #[test]
    fn the_merge_names_missing_shards_and_then_finishes_the_study() {
        let s = job().merge_script();
        assert!(s.contains("for i in $(seq 1 3); do"));
        assert!(s.contains("[ -f \"$shards/shard-$i/$stage/shard.json\" ]"));
        assert!(s.contains("sbatch --array=$list /scratch/study-slurm/job.sh"));
        assert!(
            s.contains(
                "/opt/tillit/bin/tillit merge /scratch/study \"$shards/shard-1\" \
             \"$shards/shard-2\" \"$shards/shard-3\"\nif [ \"$round\" = 1 ]; then\n    \
             /opt/tillit/bin/tillit report /scratch/study\nfi\n"
            ),
            "{s}"
        );
    }

    #[test]
    fn submission_chains_the_merge_after_the_whole_array() {
        let s = job().submit_script();
        assert!(s.contains("--dependency=afterok:\"$array\" --kill-on-invalid-dep=yes"));
        assert!(s.contains("for round in $(seq 1 1); do"));
        assert!(s.contains("echo \"array job $array (3 tasks), merge job $merge\""));
    }

    #[test]
    fn a_study_in_stages_runs_a_round_per_stage_from_the_merged_earlier_ones() {
        let mut job = job();
        job.stages = vec!["stage1".into(), "stage2".into()];
        let array = job.array_script();
        assert!(array.contains("for stage in stage1; do"), "{array}");
        assert!(array.contains(
            "rm -rf \"$shard/$stage\" && mkdir -p \"$shard\" && cp -r /scratch/study/\"$stage\" \"$shard/$stage\""
        ), "{array}");
        let merge = job.merge_script();
        assert!(
            merge.contains("round=\"${1:-2}\"\nstages=(stage1 stage2)"),
            "{merge}"
        );
        assert!(merge.contains("if [ \"$round\" = 2 ]; then"), "{merge}");
        let submit = job.submit_script();
        assert!(submit.contains("for round in $(seq 1 2); do"));
        assert!(submit.contains("round $round: array job"));
        assert!(
            submit.contains("after=(--dependency=afterok:\"$merge\" --kill-on-invalid-dep=yes)")
        );
    }

    #[test]
    fn words_are_quoted_for_bash() {
        assert_eq!(quote("plain/path-1.toml"), "plain/path-1.toml");
        assert_eq!(quote("a b"), "'a b'");
        assert_eq!(quote("it's"), r"'it'\''s'");
        assert_eq!(quote("$HOME"), "'$HOME'");
        assert_eq!(quote(""), "''");
    }
}
