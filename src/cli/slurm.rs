//! `tillit slurm`: a study as a Slurm job array plus a merge job.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::UsageError;
use super::sweep::{MethodArg, default_out};
use tillit::analysis::{self, Method};
use tillit::cluster::{ARRAY_SCRIPT, MERGE_SCRIPT, Resources, SUBMIT_SCRIPT, SlurmJob};
use tillit::output::{STAGE1_DIR, STAGE2_DIR, WAVE2_DIR};
use tillit::sweep::Plan;
use tillit::sweep::spec::{Overrides, load_sensitivity_with, load_sweep_with};

/// Which study the job array runs.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum StudyKind {
    /// `tillit sweep`.
    Sweep,
    /// `tillit sensitivity` (with `--method`).
    Sensitivity,
    /// `tillit robustness`: one round of array and merge per stage.
    Robustness,
}

/// Arguments of `tillit slurm`.
#[derive(Debug, Args)]
pub struct SlurmArgs {
    /// The study's scenario file (with its `[sweep]` or `[sensitivity]` table).
    spec: PathBuf,
    /// Which study.
    #[arg(long, value_enum)]
    kind: StudyKind,
    /// The sensitivity method.
    #[arg(long, value_enum, default_value_t)]
    method: MethodArg,
    /// Array tasks, one shard each (at most the study's parts).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    shards: u32,
    /// The final results folder [default: as `tillit sweep` or
    /// `sensitivity`]. Scripts, logs and shard folders go to `<OUT>-slurm`.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Replications per point and arm (passed on to every task; sweep and
    /// sensitivity only).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    reps: Option<u32>,
    /// Worlds per wave (passed on to every task; robustness only).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    worlds: Option<u32>,
    /// Master seed (passed on to every task).
    #[arg(long)]
    seed: Option<u64>,
    /// Slurm partition.
    #[arg(long)]
    partition: Option<String>,
    /// Time limit per task, in Slurm's forms (`30`, `2:00:00`).
    #[arg(long)]
    time: Option<String>,
    /// Memory per task (`4G`).
    #[arg(long)]
    mem: Option<String>,
    /// CPUs per task; each task runs as many worker threads.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1024))]
    cpus_per_task: u32,
    /// Slurm account to charge.
    #[arg(long)]
    account: Option<String>,
    /// The merge job also writes the report.
    #[arg(long)]
    report: bool,
    /// Submit the array and the merge job with `sbatch` and print their ids.
    #[arg(long)]
    submit: bool,
}

/// Writes the scripts, and submits them when asked.
pub fn slurm(args: SlurmArgs) -> anyhow::Result<()> {
    let overrides = Overrides {
        seed: args.seed,
        replications: args.reps,
    };
    let invalid = |e: &dyn std::fmt::Display| UsageError(format!("{}: {e}", args.spec.display()));
    let robustness = matches!(args.kind, StudyKind::Robustness);
    if robustness && (args.reps.is_some() || args.seed.is_some()) {
        return Err(UsageError(
            "--reps and --seed are for sweeps and sensitivity analyses; a robustness study \
             takes them from its [robustness] table"
                .to_owned(),
        )
        .into());
    }
    if !robustness && args.worlds.is_some() {
        return Err(UsageError("--worlds is for robustness studies".to_owned()).into());
    }
    let mut stages = vec![String::new()];
    let (plan, suffix) = match args.kind {
        StudyKind::Sweep => {
            let spec = load_sweep_with(&args.spec, &overrides)?;
            (Plan::from_sweep(&spec).map_err(|e| invalid(&e))?, "")
        }
        StudyKind::Robustness => {
            let mut spec = tillit::robustness::spec::load(&args.spec)?;
            if let Some(worlds) = args.worlds {
                spec.worlds = worlds;
            }
            stages = [STAGE1_DIR, WAVE2_DIR, STAGE2_DIR]
                .into_iter()
                .filter(|&stage| stage != WAVE2_DIR || spec.waves >= 2)
                .map(str::to_owned)
                .collect();
            let plan = tillit::robustness::study::stage1_plan(&spec).map_err(|e| invalid(&e))?;
            (plan, "-robustness")
        }
        StudyKind::Sensitivity => {
            let spec = load_sensitivity_with(&args.spec, &overrides)?;
            let method = match args.method {
                MethodArg::Morris => Method::Morris,
                MethodArg::Sobol => Method::Sobol,
            };
            let (_, plan) = analysis::plan(&spec, method).map_err(|e| invalid(&e))?;
            (plan, args.method.suffix())
        }
    };
    let shards = args.shards as usize;
    if shards > plan.parts() {
        return Err(UsageError(format!(
            "--shards {shards}: the study has {} parts of work, so at most {} shards have work",
            plan.parts(),
            plan.parts()
        ))
        .into());
    }

    let absolute = |p: &Path| {
        std::path::absolute(p).with_context(|| format!("cannot resolve {}", p.display()))
    };
    let spec = absolute(&args.spec)?;
    let out = absolute(
        &args
            .out
            .clone()
            .unwrap_or_else(|| default_out(&args.spec, suffix)),
    )?;
    let mut work_name = out.file_name().unwrap_or_default().to_os_string();
    work_name.push("-slurm");
    let work = out.with_file_name(work_name);

    let spec_text = spec.to_string_lossy().into_owned();
    let mut passed_on = Vec::new();
    if let Some(reps) = args.reps {
        passed_on.extend(["--reps".to_owned(), reps.to_string()]);
    }
    if let Some(seed) = args.seed {
        passed_on.extend(["--seed".to_owned(), seed.to_string()]);
    }
    if let Some(worlds) = args.worlds {
        passed_on.extend(["--worlds".to_owned(), worlds.to_string()]);
    }
    let out_text = out.to_string_lossy().into_owned();
    let (study, after_merge): (Vec<String>, Vec<Vec<String>>) = match args.kind {
        StudyKind::Sweep => {
            let report = vec!["report".to_owned(), out_text.clone()];
            (
                [vec!["sweep".to_owned(), spec_text], passed_on].concat(),
                if args.report {
                    vec![report]
                } else {
                    Vec::new()
                },
            )
        }
        StudyKind::Sensitivity => {
            let study = [
                vec![
                    "sensitivity".to_owned(),
                    spec_text,
                    "--method".to_owned(),
                    args.method.name().to_owned(),
                ],
                passed_on,
            ]
            .concat();
            // The merged folder has every run; `sensitivity` on it runs
            // nothing and writes the indices (and the report).
            let mut indices = [study.clone(), vec!["--out".to_owned(), out_text.clone()]].concat();
            if args.report {
                indices.push("--report".to_owned());
            }
            (study, vec![indices])
        }
        StudyKind::Robustness => {
            let study = [vec!["robustness".to_owned(), spec_text], passed_on].concat();
            // Every stage merged: `robustness` on the folder runs nothing
            // more and writes the study's files (and the report).
            let mut finish = [study.clone(), vec!["--out".to_owned(), out_text.clone()]].concat();
            if args.report {
                finish.push("--report".to_owned());
            }
            (study, vec![finish])
        }
    };
    let tillit = std::env::current_exe().context("cannot find the tillit binary")?;
    let job = SlurmJob {
        name: format!("tillit-{}", job_name(&args.spec)),
        tillit,
        study,
        shards,
        stages,
        work,
        out,
        after_merge,
        resources: Resources {
            partition: args.partition.clone(),
            time: args.time.clone(),
            mem: args.mem.clone(),
            cpus_per_task: args.cpus_per_task,
            account: args.account.clone(),
        },
    };
    write_scripts(&job)?;

    let submit = job.work.join(SUBMIT_SCRIPT);
    if !args.submit {
        note!(
            "Wrote {} ({} tasks) and {} in {}. Submit both with: bash {}",
            ARRAY_SCRIPT,
            shards,
            MERGE_SCRIPT,
            job.work.display(),
            submit.display()
        );
        return Ok(());
    }
    // One round of array and merge per stage, each after the last (the
    // same chain as submit.sh).
    let (array_script, merge_script) = (
        job.work.join(ARRAY_SCRIPT).to_string_lossy().into_owned(),
        job.work.join(MERGE_SCRIPT).to_string_lossy().into_owned(),
    );
    let rounds = job.stages.len();
    let mut after: Option<String> = None;
    for round in 1..=rounds {
        let dependency = after.as_ref().map(|m| format!("--dependency=afterok:{m}"));
        let mut array_args: Vec<&str> = Vec::new();
        if let Some(d) = &dependency {
            array_args.extend([d.as_str(), "--kill-on-invalid-dep=yes"]);
        }
        array_args.push(&array_script);
        let array = sbatch(&array_args)?;
        let round_text = round.to_string();
        let merge = sbatch(&[
            &format!("--dependency=afterok:{array}"),
            "--kill-on-invalid-dep=yes",
            &merge_script,
            &round_text,
        ])?;
        let prefix = if rounds > 1 {
            format!("round {round}: ")
        } else {
            String::new()
        };
        writeln!(
            std::io::stdout().lock(),
            "{prefix}array job {array} ({shards} tasks), merge job {merge}"
        )?;
        after = Some(merge);
    }
    note!(
        "Logs: {}. Results: {} when the merge job has finished.",
        job.logs_dir().display(),
        job.out.display()
    );
    Ok(())
}

/// The job name from the spec's file name: letters, digits, `-` and `_`.
fn job_name(spec: &Path) -> String {
    spec.file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

fn write_scripts(job: &SlurmJob) -> anyhow::Result<()> {
    for dir in [job.logs_dir(), job.work.join("shards")] {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    for (name, text) in [
        (ARRAY_SCRIPT, job.array_script()),
        (MERGE_SCRIPT, job.merge_script()),
        (SUBMIT_SCRIPT, job.submit_script()),
    ] {
        let path = job.work.join(name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        make_executable(&path)?;
    }
    Ok(())
}

#[cfg(unix)]
fn make_executable(path: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .with_context(|| format!("cannot make {} executable", path.display()))
}

#[cfg(not(unix))]
fn make_executable(_: &Path) -> anyhow::Result<()> {
    Ok(())
}

/// Runs `sbatch --parsable ARGS` and returns the job id.
fn sbatch(args: &[&str]) -> anyhow::Result<String> {
    let output = Command::new("sbatch")
        .arg("--parsable")
        .args(args)
        .output()
        .context("cannot run sbatch: is Slurm installed here? (without --submit, tillit only writes the scripts)")?;
    if !output.status.success() {
        anyhow::bail!(
            "sbatch {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    let text = String::from_utf8_lossy(&output.stdout);
    // `--parsable` prints `id` or `id;cluster`.
    let id = text.trim().split(';').next().unwrap_or_default().to_owned();
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_digit()) {
        anyhow::bail!("sbatch printed no job id: {text:?}");
    }
    Ok(id)
}
