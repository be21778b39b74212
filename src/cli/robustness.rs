//! `tillit robustness`: a robustness study across plausible worlds, run as
//! two sweep plans into one folder (docs/ROBUSTNESS.md).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;

use super::UsageError;
use tillit::engine::seeds::replication_seed;
use tillit::output::{
    self, BOXES_FILE, EFFECTS_FILE, OutputError, ROBUSTNESS_FILE, SEPARATION_FILE, SPEC_FILE,
    STAGE1_DIR, STAGE2_DIR, StudyRecord, SweepWriter, WAVE2_DIR, WORLDS_FILE,
};
use tillit::robustness::spec::{self, MAX_WORLDS};
use tillit::robustness::study;
use tillit::sweep::{KnownRuns, Plan, Shard};

/// Arguments of `tillit robustness`.
#[derive(Debug, Args)]
pub struct RobustnessArgs {
    /// A scenario file; its `[robustness]` and `[uncertainty]` tables are
    /// optional.
    spec: PathBuf,
    /// Worlds to draw in each wave [default: the file's `[robustness] worlds`,
    /// else 100].
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_WORLDS)))]
    worlds: Option<u32>,
    /// Results folder [default: results/<scenario file name without
    /// .toml>-robustness]. Run again with the same folder to resume.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Worker threads [default: every core]. Results do not depend on it.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1024))]
    jobs: Option<u32>,
    /// Run only the i-th of n disjoint parts of the current stage (e.g.
    /// `2/3`); combine the folders with `tillit merge`, then run again.
    #[arg(long, value_parser = |s: &str| Shard::parse(s))]
    shard: Option<Shard>,
    /// No progress bar and no table: for scripts.
    #[arg(long, short)]
    quiet: bool,
    /// Also write report.html ("How robust is the answer?") and charts/*.svg
    /// into the results folder (not for a shard).
    #[arg(long, conflicts_with = "shard")]
    report: bool,
    /// Language of the report: `sv` or `en` [default: the scenario's
    /// `language`, else en]. Needs `--report`.
    #[arg(long, value_parser = super::report::parse_language, requires = "report")]
    lang: Option<tillit::scenario::Language>,
}

/// Why a stage stopped short of its end.
enum Stage {
    /// Every part is there: the stage's folder is complete.
    Done(output::Assembled),
    /// A shard ran; other parts are elsewhere.
    Partial,
}

/// `tillit robustness`.
pub fn robustness(args: RobustnessArgs) -> anyhow::Result<()> {
    let mut spec = spec::load(&args.spec)?;
    if let Some(n) = args.worlds {
        spec.worlds = n;
    }
    let usage = |e: &dyn std::fmt::Display| UsageError(format!("{}: {e}", args.spec.display()));
    let out = args.out.clone().unwrap_or_else(|| {
        let stem = args.spec.file_stem().map_or_else(
            || "robustness".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        Path::new("results").join(format!("{stem}-robustness"))
    });
    let plan1 = study::stage1_plan(&spec).map_err(|e| usage(&e))?;
    if !args.quiet {
        note!(
            "Stage 1: the baseline arm `{}` in {} worlds over {} uncertain parameters, {} replications each ({} runs).",
            plan1.scenario.arms[0].name,
            spec.worlds,
            spec.uncertain.len(),
            spec.replications,
            plan1.run_count()
        );
    }
    let stage1_dir = out.join(STAGE1_DIR);
    let Stage::Done(assembled1) = run_stage(&plan1, &stage1_dir, &args, "1", |_| Ok(None))? else {
        return Ok(());
    };
    let mut worlds = study::worlds(&spec);
    let levels = output::stage_levels(&stage1_dir, worlds.len())
        .with_context(|| format!("cannot read stage 1's results in {}", stage1_dir.display()))?;
    let mut matches = study::history_match(&levels, spec.cutoff, spec.measure);
    let mut waves = vec![1; worlds.len()];
    let first_wave = worlds.len();
    let mut record = StudyRecord {
        drawn: worlds.len(),
        stage1_hash: plan1.hash(),
        failures: [assembled1.failures.len(), 0],
        ..StudyRecord::default()
    };
    let kept_of = |matches: &[study::WorldMatch]| -> Vec<usize> {
        (0..matches.len()).filter(|&w| matches[w].kept).collect()
    };
    report_kept(&args, &spec, 1, kept_of(&matches).len(), worlds.len());
    if spec.waves >= 2 {
        let second = study::wave2_worlds(&spec, &worlds, &kept_of(&matches));
        if !second.is_empty() {
            let plan = study::wave2_plan(&spec, second.clone()).map_err(|e| usage(&e))?;
            if !args.quiet {
                note!(
                    "Wave 2: the baseline in {} worlds inside the box of the kept worlds ({} runs).",
                    second.len(),
                    plan.run_count()
                );
            }
            let dir = out.join(WAVE2_DIR);
            let Stage::Done(assembled) = run_stage(&plan, &dir, &args, "1 (wave 2)", |_| Ok(None))?
            else {
                return Ok(());
            };
            record.wave2_hash = plan.hash();
            record.failures[0] += assembled.failures.len();
            let levels = output::stage_levels(&dir, second.len())
                .with_context(|| format!("cannot read wave 2's results in {}", dir.display()))?;
            let more = study::history_match(&levels, spec.cutoff, spec.measure);
            report_kept(
                &args,
                &spec,
                2,
                more.iter().filter(|m| m.kept).count(),
                second.len(),
            );
            waves.extend(std::iter::repeat_n(2, second.len()));
            worlds.extend(second);
            matches.extend(more);
            record.drawn = worlds.len();
        }
    }
    let kept = kept_of(&matches);
    record.kept = kept.len();
    let plan2 = study::stage2_plan(&spec, &worlds, &kept).map_err(|e| usage(&e))?;
    let mut taken_failures = 0;
    let analysis = match &plan2 {
        None => study::Analysis::default(),
        Some(plan2) => {
            // Stage 1 ran the baseline in every kept world already: the
            // same runs, which stage 2 takes instead of running them again.
            let reused = kept.len() * plan2.replications as usize;
            if !args.quiet {
                note!(
                    "Stage 2: {} arms in the {} kept worlds ({} runs; the baseline's {reused} are \
                     stage 1's; common random numbers).",
                    plan2.scenario.arms.len(),
                    kept.len(),
                    plan2.run_count() - reused
                );
            }
            record.stage2_hash = plan2.hash();
            let baseline = |points: &[usize]| -> anyhow::Result<Option<KnownRuns>> {
                let known =
                    stage1_baseline(&out, plan2, &kept, first_wave, points).with_context(|| {
                        format!("cannot read stage 1's baseline runs in {}", out.display())
                    })?;
                Ok(Some(known))
            };
            let Stage::Done(assembled2) =
                run_stage(plan2, &out.join(STAGE2_DIR), &args, "2", baseline)?
            else {
                return Ok(());
            };
            record.failures[1] = assembled2.failures.len();
            // Stage 2 lists the baseline's failed runs it took from stage 1
            // again; the total below counts each failed run once.
            let baseline = &plan2.scenario.arms[plan2.scenario.baseline].name;
            taken_failures = assembled2
                .failures
                .iter()
                .filter(|f| &f.arm == baseline)
                .count();
            study::analyse(&spec, &worlds, &kept, &assembled2.differences)
                .context("scenario discovery failed")?
        }
    };
    let files = [
        (
            WORLDS_FILE,
            output::worlds_csv(&spec, &worlds, &matches, &waves),
        ),
        (EFFECTS_FILE, output::effects_csv(&spec, &analysis)),
        (ROBUSTNESS_FILE, output::robustness_csv(&spec, &analysis)),
        (BOXES_FILE, output::boxes_csv(&spec, &analysis)),
        (SEPARATION_FILE, output::separation_csv(&spec, &analysis)),
        (SPEC_FILE, spec.source.clone()),
    ];
    let warnings = output::write_study(&out, &files, &output::manifest_json(&spec, &record))
        .with_context(|| format!("cannot write the results to {}", out.display()))?;
    for warning in &warnings {
        super::warn(warning);
    }
    if !args.quiet {
        if kept.is_empty() {
            note!(
                "No world was kept: in every world drawn, the baseline misses a calibration pattern \
                 by more than the cut-off. Check the ranges in [uncertainty] (worlds.csv shows each \
                 pattern's implausibility)."
            );
        } else {
            write!(
                std::io::stdout().lock(),
                "{}",
                output::robustness_table(&spec, &analysis, worlds.len(), kept.len())
            )?;
        }
        note!("Results: {}", out.display());
    }
    if args.report {
        let html = super::report::write(&out, args.lang, None, false)?;
        if !args.quiet {
            note!("Report: {}", html.display());
        }
    }
    let failed = record.failures[0] + record.failures[1] - taken_failures;
    if failed > 0 {
        anyhow::bail!(
            "{failed} runs failed (listed in {}/manifest.json and {}/manifest.json); their worlds \
             use the replications that succeeded",
            stage1_dir.display(),
            out.join(STAGE2_DIR).display()
        );
    }
    Ok(())
}

fn usage_if_inconsistent(e: OutputError, context: String) -> anyhow::Error {
    match e {
        OutputError::Inconsistent { .. } => UsageError(format!("{context}: {e}")).into(),
        other => anyhow::Error::new(other).context(context),
    }
}

/// Says how many worlds a wave kept.
fn report_kept(
    args: &RobustnessArgs,
    spec: &spec::RobustnessSpec,
    wave: u32,
    kept: usize,
    of: usize,
) {
    if !args.quiet {
        note!(
            "History matching{}: {kept} of {of} worlds kept (implausibility <= {} by the {} over {} patterns).",
            if spec.waves > 1 {
                format!(", wave {wave}")
            } else {
                String::new()
            },
            spec.cutoff,
            spec.measure.name(),
            tillit::calibration::PATTERNS.len()
        );
    }
}

/// Runs a stage's pending parts (of the shard, if one is given) and
/// assembles its folder once every part is there.
/// `known` gives the runs that need not be made, from the points of the
/// parts to run.
fn run_stage(
    plan: &Plan,
    dir: &Path,
    args: &RobustnessArgs,
    stage: &str,
    known: impl FnOnce(&[usize]) -> anyhow::Result<Option<KnownRuns>>,
) -> anyhow::Result<Stage> {
    let writer = SweepWriter::open(dir, plan).map_err(|e| {
        usage_if_inconsistent(
            e,
            format!("cannot prepare the results folder {}", dir.display()),
        )
    })?;
    let points: Vec<usize> = writer
        .pending(args.shard)
        .into_iter()
        .flat_map(|k| plan.part_points(k))
        .collect();
    let known = if points.is_empty() {
        None
    } else {
        known(&points)?
    };
    let how = super::sweep::HowToRun {
        shard: args.shard,
        quiet: args.quiet,
        jobs: args.jobs,
    };
    super::sweep::run_pending(
        plan,
        &writer,
        &how,
        &format!("stage {stage}"),
        known.as_ref(),
    )?;
    if !writer.pending(None).is_empty() {
        if !args.quiet {
            let shard = args
                .shard
                .map_or(String::new(), |s| format!(" {}/{}", s.index, s.count));
            note!(
                "Stage {stage}, shard{shard}: done. Merge the shard folders with `tillit merge OUT DIR...`, \
                 then run `tillit robustness {} --out OUT` to go on.",
                args.spec.display()
            );
        }
        return Ok(Stage::Partial);
    }
    let assembled = writer
        .finish(true, |_| Vec::new())
        .with_context(|| format!("cannot write stage {stage}'s results to {}", dir.display()))?;
    Ok(Stage::Done(assembled))
}

/// Whether the shard folders are a robustness study's (they have a
/// `stage1/` sweep folder).
pub fn is_robustness_folder(dir: &Path) -> bool {
    dir.join(STAGE1_DIR).join(output::PARTS_DIR).is_dir()
}

/// `tillit merge` of robustness shard folders: merges stage 1, and stage 2
/// where every shard has one. The study's own files are written by running
/// `tillit robustness` on the merged folder.
pub fn merge(out: &Path, shards: &[PathBuf]) -> anyhow::Result<()> {
    // Every stage that all shards have begun, in the order they run; the
    // study's files come from `tillit robustness` on the merged folder.
    let mut merged = Vec::new();
    for stage in [STAGE1_DIR, WAVE2_DIR, STAGE2_DIR] {
        if !shards
            .iter()
            .all(|s| s.join(stage).join(output::PARTS_DIR).is_dir())
        {
            continue;
        }
        let dirs: Vec<PathBuf> = shards.iter().map(|s| s.join(stage)).collect();
        output::merge(&out.join(stage), &dirs).map_err(|e| {
            usage_if_inconsistent(e, format!("cannot merge the shards' {stage} folders"))
        })?;
        merged.push(stage);
    }
    let done = merged.contains(&STAGE2_DIR);
    note!(
        "Merged {} robustness shard folders into {} ({}). Run `tillit robustness SPEC --out {}` \
         (with the same --worlds) to {}.",
        shards.len(),
        out.display(),
        merged.join(", "),
        out.display(),
        if done {
            "write the study's files"
        } else {
            "run the next stage (or copy the folder to each machine and run it with --shard i/n)"
        }
    );
    Ok(())
}

/// Stage 1's baseline runs in the kept worlds, for stage 2's plan `plan2`
/// to take instead of running them again: for each stage-2 point in
/// `points`, the runs of world `kept[point]`, read from `out`'s stage-1
/// folder (worlds below `first_wave`) or second-wave folder (the others,
/// from `first_wave` on). They are the same runs: stage 1 runs the baseline
/// arm alone with the same world values, scenario seed, replications,
/// horizon and warm-up, and the engine depends on nothing else (its
/// revision is part of the stages' plan hashes, which the caller has
/// checked by opening their folders); each run's recorded seed is checked
/// against the one stage 2 would give it, a guard against edited parts.
fn stage1_baseline(
    out: &Path,
    plan2: &Plan,
    kept: &[usize],
    first_wave: usize,
    points: &[usize],
) -> Result<KnownRuns, OutputError> {
    let arm = plan2.scenario.baseline;
    let name = &plan2.scenario.arms[arm].name;
    let mut known = KnownRuns {
        arm,
        runs: vec![None; plan2.points.len()],
    };
    // The worlds of each wave are the points of its folder, from the
    // wave's first world on.
    for (dir, worlds) in [
        (STAGE1_DIR, 0..first_wave),
        (WAVE2_DIR, first_wave..usize::MAX),
    ] {
        let mine: Vec<usize> = points
            .iter()
            .copied()
            .filter(|&p| kept.get(p).is_some_and(|w| worlds.contains(w)))
            .collect();
        if mine.is_empty() {
            continue;
        }
        let folder_points: Vec<usize> = mine.iter().map(|&p| kept[p] - worlds.start).collect();
        let recorded = output::read_runs(&out.join(dir), name, &folder_points, |i, r| {
            replication_seed(plan2.point_seed(mine[i]), r)
        })?;
        for (&p, runs) in mine.iter().zip(recorded) {
            known.runs[p] = Some(runs);
        }
    }
    Ok(known)
}
