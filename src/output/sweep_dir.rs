//! The results folder of a sweep or a sensitivity analysis: parts written as
//! runs finish, final files assembled from the parts.
//!
//! Each part (see [`crate::sweep::Plan::parts`]) is written atomically to
//! `parts/part-NNNNNN.csv` (as `.partial`, synced, renamed) when it has
//! finished. A restart with the same folder finds the parts that exist and
//! runs only the others; `parts/plan.json` says which work the parts belong
//! to, and a folder of another plan is refused. When every part is there,
//! the final files are assembled from the parts in part order into the
//! staging folder and put in place, `manifest.json` last (see
//! [`super::commit`]). Because the final files depend only on the parts'
//! bytes, a resumed run, a run with another thread count, and merged shards
//! all give the same bytes. A writer holds the folder's lock from `open`
//! until it is dropped.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::commit::{self, Staging};
use super::format::{csv_float, parse_csv_float, push_csv_float};
use super::fs_ops::{self, StepWriter};
use super::lock::FolderLock;
use super::owned::{self, Existing};
use super::{
    INDICES_FILE, MANIFEST_FILE, OutputError, PARTS_DIR, PLAN_FILE, POINTS_FILE, RUNS_FILE,
    SHARD_FILE, SPEC_FILE, SUMMARY_COLUMNS, SUMMARY_FILE, SWEEP_FORMAT,
};
use crate::model::params::PARAMETERS;
use crate::outcome::{OUTCOME_COUNT, OUTCOMES, OutcomeValues};
use crate::stats::{Running, Summary};
use crate::sweep::{Plan, Shard, UnitResult};

/// What `parts/plan.json` holds besides the resolved scenario: everything
/// assembling the final files needs, so that `tillit merge` works without
/// the scenario file.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
struct PlanInfo {
    results_format: u32,
    kind: String,
    tillit_version: String,
    /// `engine::ENGINE_REVISION` of the build that made the folder (0 in
    /// folders made before the number existed).
    #[serde(default)]
    engine_revision: u32,
    spec_hash: String,
    name: String,
    arms: Vec<String>,
    baseline: usize,
    replications: u32,
    streams: String,
    design: String,
    factors: Vec<FactorInfo>,
    points: usize,
    runs: usize,
    parts: usize,
    points_per_part: usize,
    outcomes: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
struct FactorInfo {
    label: String,
    key: String,
    arm: Option<String>,
    unit: String,
    /// Its column in runs.csv (see [`factor_column`]).
    column: String,
}

/// A run that failed, as listed in the manifest.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SweepFailure {
    /// Point index.
    pub point: usize,
    /// Arm name.
    pub arm: String,
    /// Replication.
    pub replication: u32,
    /// Replication seed.
    pub seed: u64,
    /// What went wrong.
    pub message: String,
}

/// What assembling the final files found.
#[derive(Clone, Debug, Default)]
pub struct Assembled {
    /// Runs that failed (their outcomes are `NA` in runs.csv and left out
    /// of summary.csv).
    pub failures: Vec<SweepFailure>,
    /// When asked for: per point, per arm, the mean of every outcome over
    /// the point's replications (NaN if none succeeded).
    pub means: Vec<Vec<[f64; OUTCOME_COUNT]>>,
    /// When asked for: per point, per arm, the paired difference to the
    /// baseline of every outcome (`None` for the baseline arm).
    pub differences: Vec<Vec<Option<[Summary; OUTCOME_COUNT]>>>,
    /// What went wrong after the results were complete (a leftover that
    /// could not be removed), and notes such as an interrupted earlier
    /// write that was undone; for the user to read, never a failure.
    pub warnings: Vec<String>,
}

/// The data files of a sweep's results folder, in the order they are put
/// in place (a sensitivity analysis adds `indices.csv`); `manifest.json`
/// follows them and lists them in `files`.
pub const SWEEP_FILES: [&str; 4] = [RUNS_FILE, SUMMARY_FILE, POINTS_FILE, SPEC_FILE];

/// Whether `name` is a file that a sweep writes atomically in its folder
/// or in `parts/`, for removing the `.partial` files of an interrupted one.
fn is_sweep_file(name: &str) -> bool {
    let part = name
        .strip_prefix("part-")
        .and_then(|n| n.strip_suffix(".csv"))
        .is_some_and(|k| k.len() == 6 && k.bytes().all(|b| b.is_ascii_digit()));
    part || SWEEP_FILES.contains(&name)
        || [PLAN_FILE, SHARD_FILE, MANIFEST_FILE, INDICES_FILE].contains(&name)
}

/// A sweep's results folder (see docs/SWEEPS.md for its files).
pub struct SweepWriter {
    dir: PathBuf,
    info: PlanInfo,
    /// The bytes of parts/plan.json.
    plan_json: String,
    /// Notes from [`commit::recover`], passed on by `finish`.
    notes: Vec<String>,
    _lock: FolderLock,
}

fn write_err(path: &Path) -> impl Fn(io::Error) -> OutputError + '_ {
    move |source| OutputError::Write {
        path: path.to_owned(),
        source,
    }
}

fn read_err(path: &Path, source: io::Error) -> OutputError {
    OutputError::Read {
        path: path.to_owned(),
        source,
    }
}

use super::write_file_atomically as write_atomic;

fn csv_writer(buf: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(buf)
}

/// Writing CSV into memory cannot fail short of running out of it.
fn record<I, T>(w: &mut csv::Writer<&mut Vec<u8>>, fields: I)
where
    I: IntoIterator<Item = T>,
    T: AsRef<[u8]>,
{
    let _ = w.write_record(fields);
}

/// The name of part `k`'s file.
pub fn part_file_name(k: usize) -> String {
    format!("part-{k:06}.csv")
}

impl SweepWriter {
    /// Opens `dir` for `plan`: creates it and `parts/`, takes its lock,
    /// undoes an interrupted earlier write, removes `.partial` files of an
    /// interrupted run, and writes `parts/plan.json`, `parts/spec.toml` and
    /// `parts/points.csv`. Refused: a folder holding parts of a different
    /// plan ([`OutputError::Refused`]) or a damaged plan
    /// ([`OutputError::Damaged`]), the results of `tillit run`, files with
    /// the names of a sweep's results that tillit did not write, and a
    /// folder another process holds ([`OutputError::Locked`]).
    pub fn open(dir: &Path, plan: &Plan) -> Result<Self, OutputError> {
        fs_ops::create_dir_all(dir).map_err(|source| OutputError::CreateDir {
            path: dir.to_owned(),
            source,
        })?;
        let lock = FolderLock::exclusive(dir)?;
        let notes = commit::recover(dir)?;
        let parts = dir.join(PARTS_DIR);
        let plan_path = parts.join(PLAN_FILE);
        let (info, plan_json) = plan_json(plan)?;
        match fs::read_to_string(&plan_path) {
            Ok(existing) if existing != plan_json => {
                return Err(match serde_json::from_str::<PlanInfo>(&existing) {
                    Ok(other) if other.engine_revision != info.engine_revision => {
                        OutputError::Refused {
                            path: dir.to_owned(),
                            message: format!(
                                "the folder holds parts made by a tillit whose engine gives other \
                                 results (engine revision {}; this one is {}), which must not be \
                                 mixed; choose another output folder or delete this one",
                                other.engine_revision, info.engine_revision
                            ),
                        }
                    }
                    Ok(other) => OutputError::Refused {
                        path: dir.to_owned(),
                        message: format!(
                            "the folder holds parts of another spec (hash {}; this one is {}); \
                             choose another output folder or delete this one",
                            other.spec_hash, info.spec_hash
                        ),
                    },
                    Err(e) => damaged_plan(&plan_path, &e.to_string()),
                });
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let existing = Existing::of(dir);
                if existing.manifest || existing.sweep_parts {
                    return Err(OutputError::Refused {
                        path: dir.to_owned(),
                        message: "the folder holds other results (it has a manifest.json or a \
                                  shard.json but no parts/plan.json); choose another output folder"
                            .to_owned(),
                    });
                }
                let mut names: Vec<&str> = SWEEP_FILES.to_vec();
                names.extend([INDICES_FILE, SHARD_FILE]);
                owned::check_foreign(dir, &existing, &names, false)?;
            }
            Err(e) => return Err(read_err(&plan_path, e)),
        }
        // Only now that the folder is known to be ours or new: a refused
        // folder is left as it was.
        fs_ops::create_dir_all(&parts).map_err(|source| OutputError::CreateDir {
            path: parts.clone(),
            source,
        })?;
        super::remove_partials(dir, is_sweep_file)?;
        super::remove_partials(&parts, is_sweep_file)?;
        write_atomic(&parts.join(SPEC_FILE), plan.source.as_bytes())?;
        write_atomic(&parts.join(POINTS_FILE), &points_csv(plan))?;
        write_atomic(&plan_path, plan_json.as_bytes())?;
        Ok(Self {
            dir: dir.to_owned(),
            info,
            plan_json,
            notes,
            _lock: lock,
        })
    }

    /// Reopens a folder written by [`SweepWriter::open`], from its
    /// `parts/plan.json` alone, to finish it: takes its lock and undoes an
    /// interrupted earlier write.
    pub fn reopen(dir: &Path) -> Result<Self, OutputError> {
        let lock = FolderLock::exclusive(dir)?;
        let notes = commit::recover(dir)?;
        let (info, plan_json) = load_plan(dir)?;
        Ok(Self {
            dir: dir.to_owned(),
            info,
            plan_json,
            notes,
            _lock: lock,
        })
    }

    /// The results folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The hash of the plan the folder holds.
    pub fn spec_hash(&self) -> &str {
        &self.info.spec_hash
    }

    /// The factor values of every point, as written in parts/points.csv,
    /// in point order.
    fn point_values(&self) -> Result<Vec<Vec<String>>, OutputError> {
        let path = self.dir.join(PARTS_DIR).join(POINTS_FILE);
        let text = fs::read(&path).map_err(|e| read_err(&path, e))?;
        let damaged = |what: &str| OutputError::Inconsistent {
            path: path.clone(),
            message: format!("damaged points file ({what}); delete the folder and run again"),
        };
        let mut values = Vec::with_capacity(self.info.points);
        for (p, row) in csv::Reader::from_reader(text.as_slice())
            .records()
            .enumerate()
        {
            let row = row.map_err(|e| damaged(&e.to_string()))?;
            if row.get(0) != Some(p.to_string().as_str())
                || row.len() != 2 + self.info.factors.len()
            {
                return Err(damaged(&format!("row {} is not point {p}", p + 1)));
            }
            values.push(row.iter().skip(2).map(str::to_owned).collect());
        }
        if values.len() != self.info.points {
            return Err(damaged(&format!(
                "{} points, not {}",
                values.len(),
                self.info.points
            )));
        }
        Ok(values)
    }

    fn part_path(&self, k: usize) -> PathBuf {
        self.dir.join(PARTS_DIR).join(part_file_name(k))
    }

    /// Whether part `k` has been written.
    pub fn is_done(&self, k: usize) -> bool {
        self.part_path(k).is_file()
    }

    /// The parts still to run, of `shard` or of all, in order.
    pub fn pending(&self, shard: Option<Shard>) -> Vec<usize> {
        (0..self.info.parts)
            .filter(|&k| shard.is_none_or(|s| s.contains(k)))
            .filter(|&k| !self.is_done(k))
            .collect()
    }

    /// Writes part `k` atomically. Rows: `point, arm, replication, seed`,
    /// the outcomes, and the failure message (empty for a run that worked).
    pub fn write_part(&self, k: usize, units: &[UnitResult]) -> Result<(), OutputError> {
        let mut buf = Vec::new();
        {
            let mut w = csv_writer(&mut buf);
            let mut cell = String::new();
            for u in units {
                let arm = self.info.arms.get(u.arm).map_or("?", String::as_str);
                let mut row: Vec<String> = vec![
                    u.point.to_string(),
                    arm.to_owned(),
                    u.replication.to_string(),
                    u.seed.to_string(),
                ];
                match &u.outcomes {
                    Ok(values) => {
                        for &x in &values.0 {
                            cell.clear();
                            push_csv_float(&mut cell, x);
                            row.push(cell.clone());
                        }
                        row.push(String::new());
                    }
                    Err(message) => {
                        row.extend((0..OUTCOME_COUNT).map(|_| "NA".to_owned()));
                        let one_line = message.replace(['\n', '\r'], " ");
                        row.push(if one_line.is_empty() {
                            "failed".to_owned()
                        } else {
                            one_line
                        });
                    }
                }
                record(&mut w, &row);
            }
            let _ = w.flush();
        }
        write_atomic(&self.part_path(k), &buf)
    }

    /// Writes `shard.json`: which shard of which plan the folder holds, and
    /// whether all its parts are done.
    pub fn write_shard_manifest(&self, shard: Shard) -> Result<(), OutputError> {
        #[derive(Serialize)]
        struct ShardManifest<'a> {
            spec_hash: &'a str,
            shard: Shard,
            parts: Vec<usize>,
            complete: bool,
        }
        let parts: Vec<usize> = (0..self.info.parts)
            .filter(|&k| shard.contains(k))
            .collect();
        let complete = parts.iter().all(|&k| self.is_done(k));
        let m = ShardManifest {
            spec_hash: &self.info.spec_hash,
            shard,
            parts,
            complete,
        };
        let path = self.dir.join(SHARD_FILE);
        let mut text = serde_json::to_string_pretty(&m).map_err(|source| OutputError::Json {
            path: path.clone(),
            source,
        })?;
        text.push('\n');
        write_atomic(&path, text.as_bytes())
    }

    /// Assembles the final files from the parts (every part must be
    /// there), writes `extra` files (name, contents) made by `analyse` from
    /// what was assembled, and puts everything in place, the manifest last
    /// (see [`super::commit`]); a `shard.json` and the report made from
    /// earlier results are removed with them. With `keep_means`,
    /// [`Assembled::means`] and [`Assembled::differences`] are filled
    /// (memory grows with the points). On an error the folder's final files
    /// are as they were.
    pub fn finish(
        &self,
        keep_means: bool,
        analyse: impl FnOnce(&Assembled) -> Vec<(&'static str, String)>,
    ) -> Result<Assembled, OutputError> {
        let missing = self.pending(None);
        if !missing.is_empty() {
            return Err(OutputError::Refused {
                path: self.dir.join(PARTS_DIR),
                message: format!(
                    "{} of {} parts are missing (the first is {}); run the rest, or merge the \
                     other shards",
                    missing.len(),
                    self.info.parts,
                    part_file_name(missing[0])
                ),
            });
        }
        let existing = Existing::of(&self.dir);
        let staging = Staging::begin(&self.dir)?;
        let mut assembled = Assembled::default();
        let runs_path = staging.path(RUNS_FILE);
        let summary_path = staging.path(SUMMARY_FILE);
        let mut runs =
            io::BufWriter::new(StepWriter::create(&runs_path).map_err(write_err(&runs_path))?);
        let mut summary = io::BufWriter::new(
            StepWriter::create(&summary_path).map_err(write_err(&summary_path))?,
        );
        // Every row carries its point's factor values, as written in
        // points.csv, so that runs.csv is analysed without a join.
        let point_values = self.point_values()?;
        let mut header = Vec::new();
        {
            let mut w = csv_writer(&mut header);
            record(
                &mut w,
                ["point", "arm", "replication", "seed"]
                    .into_iter()
                    .chain(self.info.factors.iter().map(|f| f.column.as_str()))
                    .chain(OUTCOMES.iter().map(|o| o.name)),
            );
            let _ = w.flush();
        }
        runs.write_all(&header).map_err(write_err(&runs_path))?;
        let mut header = Vec::new();
        {
            let mut w = csv_writer(&mut header);
            record(&mut w, std::iter::once("point").chain(SUMMARY_COLUMNS));
            let _ = w.flush();
        }
        summary
            .write_all(&header)
            .map_err(write_err(&summary_path))?;

        let arms = self.info.arms.len();
        let reps = self.info.replications as usize;
        let per_point = arms * reps;
        for k in 0..self.info.parts {
            let path = self.part_path(k);
            let text = fs::read(&path).map_err(|e| read_err(&path, e))?;
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(text.as_slice());
            let mut rows: Vec<(usize, Option<[f64; OUTCOME_COUNT]>)> = Vec::new();
            let mut out = Vec::new();
            {
                let mut w = csv_writer(&mut out);
                for (i, rec) in reader.records().enumerate() {
                    let rec = rec.map_err(|e| bad_part(&path, &e.to_string()))?;
                    let PartRow { point, outcomes } = part_row(&rec, &path, i)?;
                    let values = point_values
                        .get(point)
                        .ok_or_else(|| bad_part(&path, "a point index is out of range"))?;
                    record(
                        &mut w,
                        rec.iter()
                            .take(4)
                            .chain(values.iter().map(String::as_str))
                            .chain(rec.iter().skip(4).take(OUTCOME_COUNT)),
                    );
                    match outcomes {
                        Ok(values) => rows.push((point, Some(values.0))),
                        Err(message) => {
                            assembled.failures.push(SweepFailure {
                                point,
                                arm: rec[1].to_owned(),
                                replication: rec[2].parse().unwrap_or(0),
                                seed: rec[3].parse().unwrap_or(0),
                                message: message.to_owned(),
                            });
                            rows.push((point, None));
                        }
                    }
                }
                let _ = w.flush();
            }
            runs.write_all(&out).map_err(write_err(&runs_path))?;
            let expected = self.part_len(k) * per_point;
            if rows.len() != expected {
                return Err(bad_part(
                    &path,
                    &format!("it has {} runs, not {expected}", rows.len()),
                ));
            }
            // Rows of a point: replication by replication, arm by arm.
            for chunk in rows.chunks(per_point) {
                let point = chunk[0].0;
                let values: Vec<Option<&[f64; OUTCOME_COUNT]>> =
                    chunk.iter().map(|(_, v)| v.as_ref()).collect();
                let text = self.point_summary(point, &values, keep_means.then_some(&mut assembled));
                summary.write_all(&text).map_err(write_err(&summary_path))?;
            }
        }
        for (w, p) in [(runs, &runs_path), (summary, &summary_path)] {
            let file = w.into_inner().map_err(|e| OutputError::Write {
                path: p.clone(),
                source: e.into_error(),
            })?;
            file.sync_and_close().map_err(write_err(p))?;
        }

        let mut files: Vec<&str> = SWEEP_FILES.to_vec();
        for name in [POINTS_FILE, SPEC_FILE] {
            let from = self.dir.join(PARTS_DIR).join(name);
            let bytes = fs::read(&from).map_err(|e| read_err(&from, e))?;
            staging.write(name, &bytes)?;
        }
        for (name, contents) in analyse(&assembled) {
            staging.write(name, contents.as_bytes())?;
            if !files.contains(&name) {
                files.push(name);
            }
        }
        let manifest_path = staging.path(MANIFEST_FILE);
        let text = self.manifest(&assembled.failures, &files, &manifest_path)?;
        staging.write(MANIFEST_FILE, text.as_bytes())?;

        // A folder that started as a shard is a shard no longer.
        let mut obsolete = owned::obsolete(&existing, &files);
        obsolete.files.push(SHARD_FILE.to_owned());
        assembled.warnings = self.notes.clone();
        assembled
            .warnings
            .extend(staging.commit(&files, MANIFEST_FILE, &obsolete.files)?);
        assembled.warnings.extend(owned::remove_charts(
            &self.dir.join(owned::CHARTS_DIR),
            &obsolete.charts,
            &[],
        ));
        Ok(assembled)
    }

    fn part_len(&self, k: usize) -> usize {
        let per = self.info.points_per_part;
        let start = (k * per).min(self.info.points);
        (start + per).min(self.info.points) - start
    }

    /// summary.csv rows of one point: levels of every arm, then paired
    /// differences of each other arm to the baseline.
    fn point_summary(
        &self,
        point: usize,
        values: &[Option<&[f64; OUTCOME_COUNT]>],
        keep: Option<&mut Assembled>,
    ) -> Vec<u8> {
        let arms = self.info.arms.len();
        let base = self.info.baseline;
        let mut level = vec![[Running::default(); OUTCOME_COUNT]; arms];
        let mut diff = vec![[Running::default(); OUTCOME_COUNT]; arms];
        for rep in values.chunks(arms) {
            for (a, v) in rep.iter().enumerate() {
                let Some(v) = v else { continue };
                for o in 0..OUTCOME_COUNT {
                    level[a][o].push(v[o]);
                    if a != base
                        && let Some(b) = rep[base]
                    {
                        diff[a][o].push(v[o] - b[o]);
                    }
                }
            }
        }
        if let Some(keep) = keep {
            keep.means.push(
                level
                    .iter()
                    .map(|r| std::array::from_fn(|o| r[o].summary().mean))
                    .collect(),
            );
            keep.differences.push(
                diff.iter()
                    .enumerate()
                    .map(|(a, r)| (a != base).then(|| std::array::from_fn(|o| r[o].summary())))
                    .collect(),
            );
        }
        let mut buf = Vec::new();
        {
            let mut w = csv_writer(&mut buf);
            let point = point.to_string();
            let comparison = format!("difference_to_{}", self.info.arms[base]);
            let mut row = |arm: &str, comparison: &str, o: usize, r: &Running| {
                let s = r.summary();
                let [mean, sd, low, high] = [s.mean, s.sd, s.ci_low, s.ci_high].map(csv_float);
                record(
                    &mut w,
                    [
                        point.as_str(),
                        arm,
                        comparison,
                        OUTCOMES[o].name,
                        OUTCOMES[o].unit,
                        &mean,
                        &sd,
                        &low,
                        &high,
                        &s.n.to_string(),
                    ],
                );
            };
            for (a, name) in self.info.arms.iter().enumerate() {
                for (o, r) in level[a].iter().enumerate() {
                    row(name, "level", o, r);
                }
            }
            for (a, name) in self.info.arms.iter().enumerate() {
                if a == base {
                    continue;
                }
                for (o, r) in diff[a].iter().enumerate() {
                    row(name, &comparison, o, r);
                }
            }
            let _ = w.flush();
        }
        buf
    }

    /// manifest.json: parts/plan.json with the failures and the list of
    /// files added.
    fn manifest(
        &self,
        failures: &[SweepFailure],
        files: &[&str],
        path: &Path,
    ) -> Result<String, OutputError> {
        let json = |source| OutputError::Json {
            path: path.to_owned(),
            source,
        };
        let mut value: serde_json::Value = serde_json::from_str(&self.plan_json).map_err(json)?;
        if let Some(map) = value.as_object_mut() {
            map.insert(
                "failures".to_owned(),
                serde_json::to_value(failures).map_err(json)?,
            );
            map.insert("files".to_owned(), serde_json::json!(files));
        }
        let mut text = serde_json::to_string_pretty(&value).map_err(json)?;
        text.push('\n');
        Ok(text)
    }
}

fn bad_part(path: &Path, message: &str) -> OutputError {
    OutputError::Damaged {
        path: path.to_owned(),
        message: format!(
            "{message}; this part file is damaged: delete it and run the same command again to \
             redo that part"
        ),
    }
}

fn damaged_plan(path: &Path, message: &str) -> OutputError {
    OutputError::Damaged {
        path: path.to_owned(),
        message: format!(
            "it is not the plan tillit wrote ({message}); delete the folder's parts/ to start \
             the sweep over, or choose another folder"
        ),
    }
}

/// One row of a part file (`point,arm,replication,seed`, the outcomes,
/// the failure's message), checked: its point, and its outcomes or the
/// message of its failure. `write_part` writes these rows.
struct PartRow<'r> {
    point: usize,
    outcomes: Result<OutcomeValues, &'r str>,
}

/// Reads row `row` (from 0) of the part file `path`.
fn part_row<'r>(
    rec: &'r csv::StringRecord,
    path: &Path,
    row: usize,
) -> Result<PartRow<'r>, OutputError> {
    if rec.len() != 5 + OUTCOME_COUNT {
        return Err(bad_part(
            path,
            &format!("row {} has {} fields", row + 1, rec.len()),
        ));
    }
    let point = rec[0]
        .parse()
        .map_err(|_| bad_part(path, "a point index is not a number"))?;
    let failure = &rec[4 + OUTCOME_COUNT];
    let outcomes = if failure.is_empty() {
        let mut values = [0.0; OUTCOME_COUNT];
        for (o, v) in values.iter_mut().enumerate() {
            *v = parse_csv_float(&rec[4 + o])
                .ok_or_else(|| bad_part(path, "an outcome is not a number"))?;
        }
        Ok(OutcomeValues(values))
    } else {
        Err(failure)
    };
    Ok(PartRow { point, outcomes })
}

/// One run as a sweep folder's part records it: its outcomes, or the
/// message of its failure.
pub type RecordedRun = Result<OutcomeValues, String>;

/// The runs of arm `arm` at `points` of the sweep folder `dir`, read from its
/// parts (which must be there): per point, in the order given, every
/// replication in order. Each run's recorded seed must be `seed(i,
/// replication)` for the point `points[i]`, or the part is reported
/// damaged at its row.
/// The values are the parts' cells read back, so writing them again gives
/// the same bytes. Read under a shared lock, never while a sweep writes the
/// folder.
pub fn read_runs(
    dir: &Path,
    arm: &str,
    points: &[usize],
    seed: impl Fn(usize, u32) -> u64,
) -> Result<Vec<Vec<RecordedRun>>, OutputError> {
    let _lock = FolderLock::shared(dir)?;
    let (info, _) = load_plan(dir)?;
    let reps = info.replications as usize;
    let mut out: Vec<Vec<Option<RecordedRun>>> = vec![vec![None; reps]; points.len()];
    // Where each wanted point goes, part by part.
    let mut wanted: std::collections::BTreeMap<usize, Vec<(usize, usize)>> =
        std::collections::BTreeMap::new();
    for (i, &p) in points.iter().enumerate() {
        if p >= info.points {
            return Err(damaged_plan(
                &dir.join(PARTS_DIR).join(PLAN_FILE),
                &format!("there is no point {p}; the plan has {}", info.points),
            ));
        }
        wanted
            .entry(p / info.points_per_part)
            .or_default()
            .push((p, i));
    }
    for (k, slots) in wanted {
        let path = dir.join(PARTS_DIR).join(part_file_name(k));
        let text = fs::read(&path).map_err(|e| read_err(&path, e))?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_slice());
        for (row, rec) in reader.records().enumerate() {
            let rec = rec.map_err(|e| bad_part(&path, &e.to_string()))?;
            let PartRow { point, outcomes } = part_row(&rec, &path, row)?;
            if &rec[1] != arm {
                continue;
            }
            let Some(&(_, i)) = slots.iter().find(|(p, _)| *p == point) else {
                continue;
            };
            let rep: usize = rec[2]
                .parse()
                .ok()
                .filter(|&r| r < reps)
                .ok_or_else(|| bad_part(&path, "a replication is not one of the plan's"))?;
            let recorded: u64 = rec[3]
                .parse()
                .map_err(|_| bad_part(&path, "a seed is not a whole number"))?;
            let expected = seed(i, rep as u32);
            if recorded != expected {
                return Err(bad_part(
                    &path,
                    &format!(
                        "row {}: replication {rep} of arm `{arm}` at point {point} has seed \
                         {recorded}, not {expected}",
                        row + 1
                    ),
                ));
            }
            out[i][rep] = Some(outcomes.map_err(str::to_owned));
        }
    }
    out.into_iter()
        .zip(points)
        .map(|(runs, p)| {
            runs.into_iter().collect::<Option<Vec<_>>>().ok_or_else(|| {
                bad_part(
                    &dir.join(PARTS_DIR)
                        .join(part_file_name(p / info.points_per_part)),
                    &format!("it lacks a replication of arm `{arm}` at point {p}"),
                )
            })
        })
        .collect()
}

/// Reads and checks `parts/plan.json` of `dir`.
fn load_plan(dir: &Path) -> Result<(PlanInfo, String), OutputError> {
    let path = dir.join(PARTS_DIR).join(PLAN_FILE);
    let plan_json = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(OutputError::Refused {
                path: dir.to_owned(),
                message: "it is not a sweep's results folder (it has no parts/plan.json)"
                    .to_owned(),
            });
        }
        Err(e) => return Err(read_err(&path, e)),
    };
    let info: PlanInfo =
        serde_json::from_str(&plan_json).map_err(|e| damaged_plan(&path, &e.to_string()))?;
    let sane = !info.arms.is_empty()
        && info.baseline < info.arms.len()
        && info.replications > 0
        && info.points_per_part > 0
        && info.parts == info.points.div_ceil(info.points_per_part);
    if !sane {
        return Err(damaged_plan(
            &path,
            "the plan is damaged: its arms, baseline, replications or parts do not fit",
        ));
    }
    Ok((info, plan_json))
}

/// parts/plan.json: the manifest without failures, and the info it holds.
fn plan_json(plan: &Plan) -> Result<(PlanInfo, String), OutputError> {
    let info = PlanInfo {
        results_format: SWEEP_FORMAT,
        kind: plan.kind.name().to_owned(),
        tillit_version: env!("CARGO_PKG_VERSION").to_owned(),
        engine_revision: crate::engine::ENGINE_REVISION,
        spec_hash: plan.hash(),
        name: plan.scenario.name.clone(),
        arms: plan.scenario.arms.iter().map(|a| a.name.clone()).collect(),
        baseline: plan.scenario.baseline,
        replications: plan.replications,
        streams: plan.streams.name().to_owned(),
        design: plan.design.clone(),
        factors: plan
            .factors
            .iter()
            .map(|f| FactorInfo {
                label: f.label(),
                key: f.param.key(),
                arm: f.arm.clone(),
                unit: f.param.unit.to_owned(),
                column: factor_column(f),
            })
            .collect(),
        points: plan.points.len(),
        runs: plan.run_count(),
        parts: plan.parts(),
        points_per_part: plan.points_per_part(),
        outcomes: OUTCOMES.iter().map(|o| o.name.to_owned()).collect(),
    };
    let path = PathBuf::from(PLAN_FILE);
    let json = |source| OutputError::Json {
        path: path.clone(),
        source,
    };
    let mut value = serde_json::to_value(&info).map_err(json)?;
    if let Some(map) = value.as_object_mut() {
        map.insert(
            "scenario".to_owned(),
            serde_json::to_value(&plan.scenario).map_err(json)?,
        );
    }
    let mut text = serde_json::to_string_pretty(&value).map_err(json)?;
    text.push('\n');
    Ok((info, text))
}

/// A factor's column in runs.csv: a name that R, pandas and spreadsheets
/// take as it is. The parameter's name (`coaching_hours`) where it names one
/// parameter of the registry and no other column, else `group_name`
/// (`turnover_recruitment_days`); with `__arm` added for a factor that
/// varies one arm only (`coaching_hours__trust`).
fn factor_column(f: &crate::sweep::Factor) -> String {
    let name = f.param.name;
    let shared = PARAMETERS.iter().filter(|p| p.name == name).count() > 1
        || OUTCOMES.iter().any(|o| o.name == name)
        || ["point", "arm", "replication", "seed"].contains(&name);
    let base = if shared {
        format!("{}_{name}", f.param.group)
    } else {
        name.to_owned()
    };
    match &f.arm {
        Some(arm) => format!("{base}__{arm}"),
        None => base,
    }
}

/// points.csv: `point, seed`, then one column per factor label.
fn points_csv(plan: &Plan) -> Vec<u8> {
    let mut buf = Vec::new();
    {
        let mut w = csv_writer(&mut buf);
        let labels: Vec<String> = plan.factors.iter().map(|f| f.label()).collect();
        record(
            &mut w,
            ["point".to_owned(), "seed".to_owned()]
                .into_iter()
                .chain(labels),
        );
        for (p, row) in plan.points.iter().enumerate() {
            record(
                &mut w,
                [p.to_string(), plan.point_seed(p).to_string()]
                    .into_iter()
                    .chain(row.iter().map(|&x| csv_float(x))),
            );
        }
        let _ = w.flush();
    }
    buf
}

/// Combines shard folders into `out`: checks that they hold parts of the
/// same plan and that every part is there exactly once (a part found in
/// two shards must have the same bytes), copies the parts, and assembles
/// the final files as a single run would. Returns what was assembled.
pub fn merge(out: &Path, shards: &[PathBuf]) -> Result<Assembled, OutputError> {
    let Some(first) = shards.first() else {
        return Err(OutputError::Refused {
            path: out.to_owned(),
            message: "no shard folders to merge".to_owned(),
        });
    };
    fs_ops::create_dir_all(out).map_err(|source| OutputError::CreateDir {
        path: out.to_owned(),
        source,
    })?;
    let _lock = FolderLock::exclusive(out)?;
    commit::recover(out)?;
    // Each shard is read under a shared lock: never while a sweep writes it.
    let mut shard_locks = Vec::new();
    let mut plans = Vec::new();
    for shard in shards {
        if !shard.is_dir() {
            return Err(OutputError::Refused {
                path: shard.clone(),
                message: "it is not a folder; give the shard folders of `tillit sweep --shard`"
                    .to_owned(),
            });
        }
        shard_locks.push(FolderLock::shared(shard)?);
        plans.push(load_plan(shard)?);
    }
    let (reference_info, reference_json) = &plans[0];
    for (shard, (info, json)) in shards.iter().zip(&plans).skip(1) {
        if json != reference_json {
            return Err(OutputError::Refused {
                path: shard.clone(),
                message: format!(
                    "this shard belongs to another spec (hash {}, the first shard's is {})",
                    info.spec_hash, reference_info.spec_hash
                ),
            });
        }
    }
    let parts_out = out.join(PARTS_DIR);
    let plan_out = parts_out.join(PLAN_FILE);
    match fs::read_to_string(&plan_out) {
        Ok(existing) if existing != *reference_json => {
            return Err(match serde_json::from_str::<PlanInfo>(&existing) {
                Ok(_) => OutputError::Refused {
                    path: out.to_owned(),
                    message: "the output folder holds parts of another spec; merge into a new \
                              folder"
                        .to_owned(),
                },
                Err(e) => damaged_plan(&plan_out, &e.to_string()),
            });
        }
        Ok(_) => {}
        // Never merge over the results of something else (a `tillit run`).
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let existing = Existing::of(out);
            if existing.manifest || existing.sweep_parts {
                return Err(OutputError::Refused {
                    path: out.to_owned(),
                    message: "the output folder holds other results; merge into a new folder"
                        .to_owned(),
                });
            }
            let mut names: Vec<&str> = SWEEP_FILES.to_vec();
            names.extend([INDICES_FILE, SHARD_FILE]);
            owned::check_foreign(out, &existing, &names, false)?;
        }
        Err(e) => return Err(read_err(&plan_out, e)),
    }
    fs_ops::create_dir_all(&parts_out).map_err(|source| OutputError::CreateDir {
        path: parts_out.clone(),
        source,
    })?;
    super::remove_partials(&parts_out, is_sweep_file)?;
    for name in [SPEC_FILE, POINTS_FILE] {
        let from = first.join(PARTS_DIR).join(name);
        let bytes = fs::read(&from).map_err(|e| read_err(&from, e))?;
        write_atomic(&parts_out.join(name), &bytes)?;
    }
    write_atomic(&plan_out, reference_json.as_bytes())?;
    let merged = SweepWriter::reopen(out)?;
    for k in 0..reference_info.parts {
        let mut found: Option<(Vec<u8>, &PathBuf)> = None;
        for shard in shards {
            let path = shard.join(PARTS_DIR).join(part_file_name(k));
            let bytes = match fs::read(&path) {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(read_err(&path, e)),
            };
            match &found {
                Some((b, other)) if *b != bytes => {
                    return Err(OutputError::Refused {
                        path: path.clone(),
                        message: format!(
                            "{} differs from the same part in {}; one of them is damaged: \
                             delete it and run its shard again",
                            part_file_name(k),
                            other.display()
                        ),
                    });
                }
                Some(_) => {}
                None => found = Some((bytes, shard)),
            }
        }
        match found {
            Some((bytes, _)) => {
                if shards.iter().any(|s| s == out) && merged.is_done(k) {
                    continue;
                }
                write_atomic(&merged.part_path(k), &bytes)?;
            }
            None => {
                return Err(OutputError::Refused {
                    path: out.to_owned(),
                    message: format!(
                        "no shard holds {} (point {} onwards); run the missing shard first",
                        part_file_name(k),
                        k * reference_info.points_per_part
                    ),
                });
            }
        }
    }
    drop(shard_locks);
    merged.finish(false, |_| Vec::new())
}

/// The monthly series of one replayed run: `month, metric, value`, one row
/// per month (from 1) and series metric, as in a run's series.csv.
pub fn replay_series_csv(series: &[crate::outcome::SeriesValues]) -> String {
    let mut buf = Vec::new();
    {
        let mut w = csv_writer(&mut buf);
        record(&mut w, ["month", "metric", "value"]);
        for (m, month) in series.iter().enumerate() {
            let month_number = (m + 1).to_string();
            for (spec, &x) in crate::outcome::SERIES_METRICS.iter().zip(&month.0) {
                record(&mut w, [month_number.as_str(), spec.name, &csv_float(x)]);
            }
        }
        let _ = w.flush();
    }
    String::from_utf8_lossy(&buf).into_owned()
}

/// The outcomes of one replayed run: `outcome,value` per line (with that
/// header), numbers spelled as in runs.csv.
pub fn replay_outcomes_csv(outcomes: &crate::outcome::OutcomeValues) -> String {
    let mut buf = Vec::new();
    {
        let mut w = csv_writer(&mut buf);
        record(&mut w, ["outcome", "value"]);
        for (spec, &x) in OUTCOMES.iter().zip(&outcomes.0) {
            record(&mut w, [spec.name, &csv_float(x)]);
        }
        let _ = w.flush();
    }
    String::from_utf8_lossy(&buf).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::OutcomeValues;
    use crate::output::commit::{BACKUP_DIR, STAGING_DIR};
    use crate::output::fs_ops::{Op, failpoint};
    use crate::output::testing::{restore, snapshot};
    use std::collections::BTreeMap;

    const SPEC: &str = r#"
name = "tiny"
replications = 2
years = 2
warmup_years = 1
[[arm]]
name = "control"
preset = "control"
[[arm]]
name = "trust"
preset = "trust"
[sweep]
design = "factorial"
[[sweep.factor]]
key = "demand.severity_mean"
values = [0.3, 0.5, 0.7]
"#;

    fn temp(tag: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("tillit-sweepdir-{}-{tag}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    fn plan() -> Plan {
        let spec = crate::sweep::spec::sweep_from_str(SPEC, "s.toml", None).unwrap();
        Plan::from_sweep(&spec).unwrap()
    }

    /// Writes every part, with outcomes shifted by `shift`.
    fn write_parts(writer: &SweepWriter, plan: &Plan, shift: f64) {
        for k in 0..plan.parts() {
            let mut units = Vec::new();
            for point in plan.part_points(k) {
                for replication in 0..plan.replications {
                    for arm in 0..plan.scenario.arms.len() {
                        let x = shift + (point + arm) as f64 + f64::from(replication) / 4.0;
                        // With a shift, one run fails, so that the manifest
                        // (which lists failures) differs too.
                        let failed = shift > 0.0 && (point, arm, replication) == (0, 1, 0);
                        units.push(UnitResult {
                            point,
                            arm,
                            replication,
                            seed: 1,
                            outcomes: if failed {
                                Err("boom".to_owned())
                            } else {
                                Ok(OutcomeValues([x; OUTCOME_COUNT]))
                            },
                        });
                    }
                }
            }
            writer.write_part(k, &units).unwrap();
        }
    }

    fn finish(dir: &Path, indices: &str) -> Result<Assembled, OutputError> {
        SweepWriter::reopen(dir)?.finish(false, |_| vec![(INDICES_FILE, indices.to_owned())])
    }

    #[test]
    fn a_failure_at_any_step_of_finishing_leaves_the_old_results_or_the_new_ones() {
        let dir = temp("failpoints");
        let plan = plan();
        {
            let writer = SweepWriter::open(&dir, &plan).unwrap();
            write_parts(&writer, &plan, 0.0);
            writer
                .finish(false, |_| vec![(INDICES_FILE, "old\n".to_owned())])
                .unwrap();
            // The parts change (as when a damaged part is run again), and
            // the folder was once a shard.
            write_parts(&writer, &plan, 10.0);
            fs::write(dir.join(SHARD_FILE), "{}\n").unwrap();
        }
        let old = snapshot(&dir);
        let (done, steps) = failpoint::count(|| finish(&dir, "new\n"));
        assert!(done.unwrap().warnings.is_empty());
        let new = snapshot(&dir);
        assert!(
            !new.contains_key(SHARD_FILE),
            "a finished folder is no shard"
        );
        let files = [
            RUNS_FILE,
            SUMMARY_FILE,
            POINTS_FILE,
            SPEC_FILE,
            INDICES_FILE,
        ];
        for name in [RUNS_FILE, SUMMARY_FILE, INDICES_FILE, MANIFEST_FILE] {
            assert!(old.get(name) != new.get(name), "{name} is the same");
        }
        for op in [Op::Create, Op::Write, Op::Sync, Op::Rename, Op::Remove] {
            assert!(steps.iter().any(|(o, _)| *o == op), "no {op:?} step");
        }
        let commit_point = steps
            .iter()
            .rposition(|(op, p)| *op == Op::Rename && p.ends_with(MANIFEST_FILE))
            .unwrap();
        let consistent = |snap: &BTreeMap<String, Vec<u8>>, what: &str| {
            let Some(manifest) = snap.get(MANIFEST_FILE) else {
                return;
            };
            let whole = if Some(manifest) == old.get(MANIFEST_FILE) {
                &old
            } else {
                &new
            };
            assert!(
                Some(manifest) == whole.get(MANIFEST_FILE),
                "{what}: a strange manifest"
            );
            for name in files {
                assert!(
                    snap.get(name) == whole.get(name),
                    "{what}: {name} does not match"
                );
            }
        };
        for (n, (op, path)) in steps.iter().enumerate() {
            let what = format!("step {n}, {op:?} {}", path.display());
            restore(&dir, &old);
            let outcome = failpoint::failing(n, failpoint::Mode::Once, || finish(&dir, "new\n"));
            let after = snapshot(&dir);
            consistent(&after, &what);
            match outcome {
                Err(e) => assert!(after == old, "{what}: {e}: not the old results"),
                Ok(a) => {
                    assert!(n > commit_point, "{what}: a failure went unnoticed");
                    if after != new {
                        assert!(!a.warnings.is_empty(), "{what}: leftovers, no warning");
                    }
                }
            }
            restore(&dir, &old);
            let outcome = failpoint::failing(n, failpoint::Mode::Crash, || finish(&dir, "new\n"));
            consistent(&snapshot(&dir), &what);
            // The next writer undoes or completes it.
            let reopened = SweepWriter::reopen(&dir).unwrap();
            drop(reopened);
            let recovered = snapshot(&dir);
            if outcome.is_ok() || n > commit_point {
                assert!(recovered == new, "{what}: not the new results");
            } else {
                assert!(recovered == old, "{what}: not the old results");
            }
            assert!(!dir.join(STAGING_DIR).exists() && !dir.join(BACKUP_DIR).exists());
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn damaged_plans_and_parts_say_so() {
        let dir = temp("damaged");
        let plan = plan();
        let writer = SweepWriter::open(&dir, &plan).unwrap();
        write_parts(&writer, &plan, 0.0);
        drop(writer);
        fs::write(dir.join(PARTS_DIR).join(part_file_name(0)), "0,control,x\n").unwrap();
        let err = finish(&dir, "").unwrap_err();
        assert!(err.is_input(), "{err}");
        let text = err.to_string();
        assert!(
            text.contains("part-000000.csv is damaged") && text.contains("delete it"),
            "{text}"
        );
        fs::write(dir.join(PARTS_DIR).join(PLAN_FILE), "{ garbled").unwrap();
        let err = SweepWriter::open(&dir, &plan).err().unwrap().to_string();
        assert!(
            err.contains("plan.json is damaged") && !err.contains("another spec"),
            "{err}"
        );
        let _ = fs::remove_dir_all(&dir);
    }
}
