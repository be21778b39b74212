//! `tillit sweep`, `tillit sensitivity`, `tillit merge` and `tillit replay`:
//! running a plan of points into a resumable results folder, and using it.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::{UsageError, say, tell, warn};
use tillit::analysis::{self, Method};
use tillit::engine::{ENGINE_REVISION, simulate};
use tillit::model::params::is_pathway_key;
use tillit::output::{
    self, Assembled, FolderLock, INDICES_FILE, MANIFEST_FILE, OutputError, PARTS_DIR, PLAN_FILE,
    POINTS_FILE, SPEC_FILE, SweepWriter, indices_csv, ranking_table, replay_outcomes_csv,
    replay_series_csv, sweep_table, sweep_table_outcomes,
};
use tillit::scenario::Language;
use tillit::sweep::spec::{Overrides, load_sensitivity_with, load_sweep_with};
use tillit::sweep::{KnownRuns, Plan, Shard, replay, run_parts_with};

/// Most points for which `tillit sweep` prints its table.
const MAX_TABLE_POINTS: usize = 200;

/// Options shared by `sweep` and `sensitivity`.
#[derive(Debug, Args)]
pub struct RunPlanArgs {
    /// Results folder [default: results/<scenario file name without .toml>,
    /// with `-morris` or `-sobol` added for a sensitivity analysis].
    /// Run again with the same folder to resume.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Replications per point and arm (overrides the `[sweep]` or
    /// `[sensitivity]` table's `replications`).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    reps: Option<u32>,
    /// Master seed (overrides the scenario's `seed`; a design seed that the
    /// file leaves out follows it).
    #[arg(long)]
    seed: Option<u64>,
    /// Worker threads [default: every core]. Results do not depend on it.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1024))]
    jobs: Option<u32>,
    /// Run only the i-th of n disjoint parts (e.g. `2/3`); combine the
    /// folders with `tillit merge`.
    #[arg(long, value_parser = parse_shard)]
    shard: Option<Shard>,
    /// No progress bar and no table: for scripts.
    #[arg(long, short)]
    quiet: bool,
    /// Also write report.html and charts/*.svg into the results folder
    /// (not for a shard: make the report of the merged folder).
    #[arg(long, conflicts_with = "shard")]
    report: bool,
    /// Language of the report: `sv` or `en` [default: the scenario's
    /// `language`, else en]. Needs `--report`.
    #[arg(long, value_parser = super::report::parse_language, requires = "report")]
    lang: Option<Language>,
}

impl RunPlanArgs {
    fn overrides(&self) -> Overrides {
        Overrides {
            seed: self.seed,
            replications: self.reps,
        }
    }
}

fn parse_shard(text: &str) -> Result<Shard, String> {
    Shard::parse(text)
}

/// Arguments of `tillit sweep`.
#[derive(Debug, Args)]
pub struct SweepArgs {
    /// A scenario file with a `[sweep]` table.
    spec: PathBuf,
    #[command(flatten)]
    common: RunPlanArgs,
}

/// The analysis method of `tillit sensitivity`.
#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum MethodArg {
    /// Morris elementary effects (screening; cheap).
    #[default]
    Morris,
    /// Sobol first-order and total indices (variance-based; costly).
    Sobol,
}

impl MethodArg {
    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            MethodArg::Morris => "morris",
            MethodArg::Sobol => "sobol",
        }
    }

    /// What the default results folder's name ends with.
    pub fn suffix(self) -> &'static str {
        match self {
            MethodArg::Morris => "-morris",
            MethodArg::Sobol => "-sobol",
        }
    }
}

/// Arguments of `tillit sensitivity`.
#[derive(Debug, Args)]
pub struct SensitivityArgs {
    /// A scenario file with a `[sensitivity]` table.
    spec: PathBuf,
    /// The method: Morris screening first, Sobol for the few factors that matter.
    #[arg(long, value_enum, default_value_t)]
    method: MethodArg,
    #[command(flatten)]
    common: RunPlanArgs,
}

/// Arguments of `tillit merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The folder to write.
    out: PathBuf,
    /// The shard folders (`tillit sweep ... --shard i/n --out DIR`).
    #[arg(required = true)]
    shards: Vec<PathBuf>,
}

/// Arguments of `tillit replay`.
#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// A sweep or sensitivity results folder.
    results: PathBuf,
    /// Point index (the `point` column of runs.csv and points.csv).
    #[arg(long)]
    point: usize,
    /// Arm name.
    #[arg(long)]
    arm: String,
    /// Replication, from 0.
    #[arg(long)]
    replication: u32,
    /// Where to write the run's monthly series [default: print only the outcomes].
    /// An existing file is replaced only with --force, and never a file of
    /// a results folder.
    #[arg(long)]
    series: Option<PathBuf>,
    /// Replace an existing --series file that tillit did not write.
    #[arg(long)]
    force: bool,
}

/// `tillit sweep`.
pub fn sweep(args: SweepArgs) -> anyhow::Result<()> {
    let spec = load_sweep_with(&args.spec, &args.common.overrides())?;
    let plan =
        Plan::from_sweep(&spec).map_err(|e| UsageError(format!("{}: {e}", args.spec.display())))?;
    let out = out_dir(&args.common, &args.spec, "");
    let Some(_lock) = run_plan(&plan, &out, &args.common)? else {
        return Ok(());
    };
    // The table needs every point's summaries in memory: only for sweeps
    // small enough to read on a terminal.
    let show = !args.common.quiet && plan.points.len() <= MAX_TABLE_POINTS;
    let assembled = finish(&out, show, |_| Ok(Vec::new()))?;
    if show && plan.scenario.arms.len() > 1 {
        let labels: Vec<String> = plan.factors.iter().map(|f| f.label()).collect();
        let arms: Vec<String> = plan.scenario.arms.iter().map(|a| a.name.clone()).collect();
        say(&sweep_table(
            &labels,
            &plan.points,
            &arms,
            plan.scenario.baseline,
            &assembled.differences,
            &sweep_table_outcomes(
                plan.scenario.arms_differ_in_pathway()
                    || plan.factors.iter().any(|f| is_pathway_key(&f.param.key())),
            ),
        ))?;
    }
    conclude(&plan, &out, &assembled, &args.common)
}

/// `tillit sensitivity`.
pub fn sensitivity(args: SensitivityArgs) -> anyhow::Result<()> {
    let spec = load_sensitivity_with(&args.spec, &args.common.overrides())?;
    let method = match args.method {
        MethodArg::Morris => Method::Morris,
        MethodArg::Sobol => Method::Sobol,
    };
    let suffix = args.method.suffix();
    let (design, plan) = analysis::plan(&spec, method)
        .map_err(|e| UsageError(format!("{}: {e}", args.spec.display())))?;
    let out = out_dir(&args.common, &args.spec, suffix);
    let Some(_lock) = run_plan(&plan, &out, &args.common)? else {
        return Ok(());
    };
    let mut table = String::new();
    let assembled = finish(&out, true, |a| {
        let rows = analysis::analyse(&spec, &design, &a.means)?;
        table = ranking_table(&rows);
        Ok(vec![(INDICES_FILE, indices_csv(&rows))])
    })?;
    if !args.common.quiet {
        let what = match method {
            Method::Morris => "Morris elementary effects (mu*: change over the factor's range)",
            Method::Sobol => "Sobol total (ST) and first-order (S1) indices",
        };
        say(&format!(
            "{what}, ranked; details in {}:{table}",
            out.join(INDICES_FILE).display()
        ))?;
        // The bootstrap resamples design points, not replications: the noise
        // between replications is in every index and not in its interval.
        note!(
            "Note: the intervals do not include the noise between replications ({} per point). \
             That noise adds a floor under every index and inflates minor factors most; \
             compare factors against the smallest index, and raise `replications` to lower the floor.",
            spec.replications
        );
    }
    conclude(&plan, &out, &assembled, &args.common)
}

/// `tillit merge`.
pub fn merge(args: MergeArgs) -> anyhow::Result<()> {
    if args
        .shards
        .iter()
        .all(|s| super::robustness::is_robustness_folder(s))
    {
        return super::robustness::merge(&args.out, &args.shards);
    }
    let assembled = output::merge(&args.out, &args.shards)
        .map_err(|e| output_error(e, "cannot merge the shards"))?;
    for warning in &assembled.warnings {
        warn(warning);
    }
    tell(&format!(
        "Merged {} shard folders into {}{}",
        args.shards.len(),
        args.out.display(),
        failures_note(&assembled)
    ))?;
    // A sensitivity analysis's indices need its spec and method: merging
    // assembles the runs, `tillit sensitivity` on the folder computes them.
    let kind = std::fs::read_to_string(args.out.join(MANIFEST_FILE))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|m| m.get("kind")?.as_str().map(str::to_owned));
    if matches!(kind.as_deref(), Some("morris" | "sobol")) {
        tell(&format!(
            "This is a sensitivity analysis: run `tillit sensitivity SPEC --method METHOD --out {}` \
             to write indices.csv (every run is already done).",
            args.out.display()
        ))?;
    }
    Ok(())
}

/// `tillit replay`.
pub fn replay(args: ReplayArgs) -> anyhow::Result<()> {
    let folder = &args.results;
    if !folder.is_dir() {
        return Err(UsageError(format!(
            "{} is not a folder; give the results folder of a sweep or sensitivity analysis",
            folder.display()
        ))
        .into());
    }
    // Where the series goes is checked (and its folder locked) first, so
    // that a series written into the results folder itself shares that
    // lock; and before the run, so no time is spent on a refused path.
    let series_lock = match &args.series {
        Some(path) => Some(check_series_path(path, args.force)?),
        None => None,
    };
    // Never read while another tillit replaces the folder's files.
    let _read_lock = FolderLock::shared(folder)?;
    let read = |path: &Path| -> anyhow::Result<String> {
        std::fs::read_to_string(path).map_err(|e| {
            UsageError(format!(
                "cannot read {} ({e}); is {} a sweep results folder?",
                path.display(),
                folder.display()
            ))
            .into()
        })
    };
    // A finished folder has its own copies; an unfinished one has the parts'.
    let finished = folder.join(MANIFEST_FILE).is_file();
    let base = if finished {
        folder.clone()
    } else {
        folder.join(PARTS_DIR)
    };
    let plan_file = base.join(if finished { MANIFEST_FILE } else { PLAN_FILE });
    let plan_json = serde_json::from_str::<serde_json::Value>(&read(&plan_file)?).ok();
    // A folder from before the engine revision was recorded counts as 0.
    let revision = plan_json.as_ref().map_or(0, |m| {
        m.get("engine_revision")
            .and_then(|r| r.as_u64())
            .unwrap_or(0)
    });
    if revision != u64::from(ENGINE_REVISION) {
        warn(&format!(
            "{} was made by a tillit whose engine gives other results (engine revision \
             {revision}; this one is {ENGINE_REVISION}): the run replayed here may differ from \
             its row",
            folder.display()
        ));
    }
    let replications = plan_json
        .and_then(|m| m.get("replications")?.as_u64())
        .ok_or_else(|| {
            UsageError(format!(
                "{} does not say how many replications the sweep has; is {} a sweep results \
                 folder?",
                plan_file.display(),
                folder.display()
            ))
        })?;
    if u64::from(args.replication) >= replications {
        return Err(UsageError(format!(
            "there is no replication {}; the sweep in {} has replications 0 to {}",
            args.replication,
            folder.display(),
            replications.saturating_sub(1)
        ))
        .into());
    }
    let spec_path = base.join(SPEC_FILE);
    let scenario = replay::point_scenario(
        &read(&spec_path)?,
        &spec_path.display().to_string(),
        &read(&base.join(POINTS_FILE))?,
        args.point,
    )
    .map_err(|e| UsageError(e.to_string()))?;
    let Some(arm) = scenario.arms.iter().find(|a| a.name == args.arm) else {
        let names: Vec<&str> = scenario.arms.iter().map(|a| a.name.as_str()).collect();
        return Err(UsageError(format!(
            "no arm `{}`; the arms are {}",
            args.arm,
            names.join(", ")
        ))
        .into());
    };
    let run = simulate(&scenario, arm, args.replication);
    let seed = tillit::engine::seeds::replication_seed(scenario.seed, args.replication);
    say(&format!(
        "point {}, arm {}, replication {} (seed {seed})",
        args.point, args.arm, args.replication
    ))?;
    say(replay_outcomes_csv(&run.outcomes).trim_end())?;
    if let Some(path) = &args.series {
        output::write_file_atomically(path, replay_series_csv(&run.series).as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
        tell(&format!("Monthly series: {}", path.display()))?;
    }
    drop(series_lock);
    Ok(())
}

/// Locks the folder `path` goes into and refuses a path that would replace
/// a file of a results folder, or (without `force`) any existing file.
fn check_series_path(path: &Path, force: bool) -> anyhow::Result<FolderLock> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let refuse = |message: &str| -> anyhow::Error {
        OutputError::Refused {
            path: path.to_owned(),
            message: message.to_owned(),
        }
        .into()
    };
    if path.is_dir() {
        return Err(refuse("it is a folder; give the path of a CSV file"));
    }
    if !parent.is_dir() {
        return Err(refuse("its folder does not exist"));
    }
    let lock = FolderLock::exclusive(&parent)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if output::is_results_file(&parent, name) {
        return Err(refuse(
            "it is a file of the results in that folder, which a replay never replaces; choose \
             another --series",
        ));
    }
    let exists = std::fs::symlink_metadata(path).is_ok();
    if exists && !force && !output::is_replay_series_file(path) {
        return Err(refuse(
            "it exists and is not a series tillit wrote; choose another --series, or pass \
             --force to replace it",
        ));
    }
    Ok(lock)
}

/// `--out`, or `results/<file stem><suffix>`.
fn out_dir(args: &RunPlanArgs, spec: &Path, suffix: &str) -> PathBuf {
    args.out
        .clone()
        .unwrap_or_else(|| default_out(spec, suffix))
}

/// `results/<file stem><suffix>`.
pub(super) fn default_out(spec: &Path, suffix: &str) -> PathBuf {
    let stem = spec
        .file_stem()
        .map_or_else(|| "sweep".to_owned(), |s| s.to_string_lossy().into_owned());
    Path::new("results").join(format!("{stem}{suffix}"))
}

/// `e` with `context`; the exit code follows [`OutputError::is_input`].
fn output_error(e: OutputError, context: &str) -> anyhow::Error {
    anyhow::Error::new(e).context(context.to_owned())
}

/// Runs the plan's pending parts (of the shard, if one is given). Returns
/// `None` for a shard (nothing to assemble), else the folder's lock, to
/// hold until the results and the report are written.
fn run_plan(plan: &Plan, out: &Path, args: &RunPlanArgs) -> anyhow::Result<Option<FolderLock>> {
    let writer = SweepWriter::open(out, plan).map_err(|e| {
        output_error(
            e,
            &format!("cannot prepare the results folder {}", out.display()),
        )
    })?;
    let lock = FolderLock::exclusive(out)?;
    let how = HowToRun {
        shard: args.shard,
        quiet: args.quiet,
        jobs: args.jobs,
    };
    let total = run_pending(plan, &writer, &how, "the sweep", None)?;
    if let Some(shard) = args.shard {
        if !args.quiet {
            tell(&format!(
                "Shard {}/{}: {total} runs done. Merge the shard folders with `tillit merge OUT DIR...`. Folder: {}",
                shard.index,
                shard.count,
                out.display()
            ))?;
        }
        return Ok(None);
    }
    Ok(Some(lock))
}

/// How a sweep plan's pending parts are run: the shard, if any, whether
/// quietly, and on how many threads (the command's options).
pub(super) struct HowToRun {
    pub shard: Option<Shard>,
    pub quiet: bool,
    pub jobs: Option<u32>,
}

/// Runs the plan's parts that `writer`'s folder lacks (of the shard, if
/// given) with progress, and marks a shard's folder as such; the runs in
/// `known` are taken from there, not run. Returns the number of runs done.
/// `what` names the plan in an error.
pub(super) fn run_pending(
    plan: &Plan,
    writer: &SweepWriter,
    how: &HowToRun,
    what: &str,
    known: Option<&KnownRuns>,
) -> anyhow::Result<usize> {
    let HowToRun { shard, quiet, jobs } = *how;
    let dir = writer.dir();
    let pending = writer.pending(shard);
    let total: usize = pending
        .iter()
        .map(|&k| plan.part_points(k).len() * plan.runs_per_point())
        .sum::<usize>()
        - known.map_or(0, |k| k.count(plan, &pending));
    let (bar, options) = super::progress::start(total as u64, quiet, jobs);
    run_parts_with(plan, &pending, &options, known, |k, units| {
        writer.write_part(k, &units)
    })
    .with_context(|| format!("running {what} into {}", dir.display()))?;
    bar.finish();
    if let Some(shard) = shard {
        writer
            .write_shard_manifest(shard)
            .with_context(|| format!("cannot write the shard manifest in {}", dir.display()))?;
    }
    Ok(total)
}

fn finish(
    out: &Path,
    keep_means: bool,
    analyse: impl FnOnce(&Assembled) -> anyhow::Result<Vec<(&'static str, String)>>,
) -> anyhow::Result<Assembled> {
    let writer = SweepWriter::reopen(out).map_err(|e| {
        output_error(
            e,
            &format!("cannot reopen the results folder {}", out.display()),
        )
    })?;
    let mut analysis_error = None;
    let assembled = writer
        .finish(keep_means, |a| match analyse(a) {
            Ok(files) => files,
            Err(e) => {
                analysis_error = Some(e);
                Vec::new()
            }
        })
        .map_err(|e| {
            let context = if e.is_input() {
                format!("cannot assemble the results in {}", out.display())
            } else {
                format!("cannot write the results to {}", out.display())
            };
            output_error(e, &context)
        })?;
    if let Some(e) = analysis_error {
        return Err(e.context("the analysis failed"));
    }
    for warning in &assembled.warnings {
        warn(warning);
    }
    Ok(assembled)
}

fn failures_note(a: &Assembled) -> String {
    if a.failures.is_empty() {
        String::new()
    } else {
        format!(" ({} runs failed; see {MANIFEST_FILE})", a.failures.len())
    }
}

/// Says what was run, warns of failed runs, and writes the report when
/// asked for.
fn conclude(plan: &Plan, out: &Path, a: &Assembled, args: &RunPlanArgs) -> anyhow::Result<()> {
    if !args.quiet {
        tell(&format!(
            "{} = {} runs. Results: {}{}",
            super::count_product(&[
                (plan.points.len(), "point"),
                (plan.scenario.arms.len(), "arm"),
                (plan.replications as usize, "replication"),
            ]),
            plan.run_count(),
            out.display(),
            failures_note(a)
        ))?;
    }
    for f in a.failures.iter().take(10) {
        warn(&format!(
            "point {}, arm {}, replication {} (seed {}) failed and is left out: {}",
            f.point, f.arm, f.replication, f.seed, f.message
        ));
    }
    if args.report {
        let html = super::report::write(out, args.lang, None, false)?;
        if !args.quiet {
            tell(&format!("Report: {}", html.display()))?;
        }
    }
    if !a.failures.is_empty() {
        anyhow::bail!(
            "{} of {} runs failed (listed in manifest.json)",
            a.failures.len(),
            plan.run_count()
        );
    }
    Ok(())
}
