//! The results folder of a sweep or a sensitivity analysis: parts written as
//! runs finish, final files assembled from the parts.
//!
//! Each part (see [`crate::sweep::Plan::parts`]) is written atomically to
//! `parts/part-NNNNNN.csv` (as `.partial`, synced, renamed) when it has
//! finished. A restart with the same folder finds the parts that exist and
//! runs only the others; `parts/plan.json` says which work the parts belong
//! to, and a folder of another plan is refused. When every part is there,
//! the final files are assembled from the parts in part order, written as
//! `.partial` and renamed into place, `manifest.json` last. Because the final
//! files depend only on the parts' bytes, a resumed run, a run with another
//! thread count, and merged shards all give the same bytes.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::format::{csv_float, parse_csv_float, push_csv_float};
use super::{
    MANIFEST_FILE, OutputError, PARTS_DIR, PLAN_FILE, POINTS_FILE, RUNS_FILE, SHARD_FILE,
    SPEC_FILE, SUMMARY_COLUMNS, SUMMARY_FILE, SWEEP_FORMAT,
};
use crate::model::params::PARAMETERS;
use crate::outcome::{OUTCOME_COUNT, OUTCOMES};
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
}

/// A sweep's results folder (see docs/SWEEPS.md for its files).
pub struct SweepWriter {
    dir: PathBuf,
    info: PlanInfo,
    /// The bytes of parts/plan.json.
    plan_json: String,
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

/// Writes `bytes` to `path` atomically: `.partial`, sync, rename.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let partial = super::partial_path(path);
    write_partial(&partial, bytes)?;
    fs::rename(&partial, path).map_err(|source| OutputError::Rename {
        from: partial,
        to: path.to_owned(),
        source,
    })
}

fn write_partial(partial: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let mut file = File::create(partial).map_err(write_err(partial))?;
    file.write_all(bytes).map_err(write_err(partial))?;
    file.sync_all().map_err(write_err(partial))
}

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
    /// Opens `dir` for `plan`: creates it and `parts/`, removes `.partial`
    /// files of an interrupted run, and writes `parts/plan.json`,
    /// `parts/spec.toml` and `parts/points.csv`. A folder holding parts of a
    /// different plan, or the results of `tillit run`, is refused.
    pub fn open(dir: &Path, plan: &Plan) -> Result<Self, OutputError> {
        let parts = dir.join(PARTS_DIR);
        let plan_path = parts.join(PLAN_FILE);
        let (info, plan_json) = plan_json(plan)?;
        match fs::read_to_string(&plan_path) {
            Ok(existing) if existing != plan_json => {
                let other = serde_json::from_str::<PlanInfo>(&existing)
                    .map_or_else(|_| "unknown".to_owned(), |i| i.spec_hash);
                return Err(OutputError::Inconsistent {
                    path: dir.to_owned(),
                    message: format!(
                        "the folder holds parts of another spec (hash {other}; this one is {}); \
                         choose another output folder or delete this one",
                        info.spec_hash
                    ),
                });
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if dir.join(MANIFEST_FILE).exists() {
                    return Err(OutputError::Inconsistent {
                        path: dir.to_owned(),
                        message: "the folder holds other results (it has a manifest.json but no \
                                  parts/plan.json); choose another output folder"
                            .to_owned(),
                    });
                }
            }
            Err(e) => return Err(read_err(&plan_path, e)),
        }
        // Only now that the folder is known to be ours or new: a refused
        // folder is left exactly as it was.
        fs::create_dir_all(&parts).map_err(|source| OutputError::CreateDir {
            path: parts.clone(),
            source,
        })?;
        super::remove_partials(dir)?;
        super::remove_partials(&parts)?;
        write_atomic(&parts.join(SPEC_FILE), plan.source.as_bytes())?;
        write_atomic(&parts.join(POINTS_FILE), &points_csv(plan))?;
        write_atomic(&plan_path, plan_json.as_bytes())?;
        Ok(Self {
            dir: dir.to_owned(),
            info,
            plan_json,
        })
    }

    /// Reopens a folder written by [`SweepWriter::open`], from its
    /// `parts/plan.json` alone (for merging).
    pub fn reopen(dir: &Path) -> Result<Self, OutputError> {
        let path = dir.join(PARTS_DIR).join(PLAN_FILE);
        let plan_json = fs::read_to_string(&path).map_err(|e| read_err(&path, e))?;
        let info: PlanInfo =
            serde_json::from_str(&plan_json).map_err(|e| OutputError::Inconsistent {
                path: path.clone(),
                message: format!("not a sweep plan: {e}"),
            })?;
        let sane = !info.arms.is_empty()
            && info.baseline < info.arms.len()
            && info.replications > 0
            && info.points_per_part > 0
            && info.parts == info.points.div_ceil(info.points_per_part);
        if !sane {
            return Err(OutputError::Inconsistent {
                path,
                message: "the plan is damaged (arms, baseline, replications or parts do not fit)"
                    .to_owned(),
            });
        }
        Ok(Self {
            dir: dir.to_owned(),
            info,
            plan_json,
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
    /// what was assembled, and renames everything into place, the manifest
    /// last. With `keep_means`, [`Assembled::means`] and
    /// [`Assembled::differences`] are filled (memory grows with the points).
    pub fn finish(
        &self,
        keep_means: bool,
        analyse: impl FnOnce(&Assembled) -> Vec<(&'static str, String)>,
    ) -> Result<Assembled, OutputError> {
        let missing = self.pending(None);
        if !missing.is_empty() {
            return Err(OutputError::Inconsistent {
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
        let mut assembled = Assembled::default();
        let runs_final = self.dir.join(RUNS_FILE);
        let summary_final = self.dir.join(SUMMARY_FILE);
        let runs_partial = super::partial_path(&runs_final);
        let summary_partial = super::partial_path(&summary_final);
        let mut runs =
            io::BufWriter::new(File::create(&runs_partial).map_err(write_err(&runs_partial))?);
        let mut summary = io::BufWriter::new(
            File::create(&summary_partial).map_err(write_err(&summary_partial))?,
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
        runs.write_all(&header).map_err(write_err(&runs_partial))?;
        let mut header = Vec::new();
        {
            let mut w = csv_writer(&mut header);
            record(&mut w, std::iter::once("point").chain(SUMMARY_COLUMNS));
            let _ = w.flush();
        }
        summary
            .write_all(&header)
            .map_err(write_err(&summary_partial))?;

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
                    if rec.len() != 5 + OUTCOME_COUNT {
                        return Err(bad_part(
                            &path,
                            &format!("row {} has {} fields", i + 1, rec.len()),
                        ));
                    }
                    let point: usize = rec[0]
                        .parse()
                        .map_err(|_| bad_part(&path, "a point index is not a number"))?;
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
                    let failure = &rec[4 + OUTCOME_COUNT];
                    if failure.is_empty() {
                        let mut values = [0.0; OUTCOME_COUNT];
                        for (o, v) in values.iter_mut().enumerate() {
                            *v = parse_csv_float(&rec[4 + o])
                                .ok_or_else(|| bad_part(&path, "an outcome is not a number"))?;
                        }
                        rows.push((point, Some(values)));
                    } else {
                        assembled.failures.push(SweepFailure {
                            point,
                            arm: rec[1].to_owned(),
                            replication: rec[2].parse().unwrap_or(0),
                            seed: rec[3].parse().unwrap_or(0),
                            message: failure.to_owned(),
                        });
                        rows.push((point, None));
                    }
                }
                let _ = w.flush();
            }
            runs.write_all(&out).map_err(write_err(&runs_partial))?;
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
                summary
                    .write_all(&text)
                    .map_err(write_err(&summary_partial))?;
            }
        }
        for (w, p) in [(runs, &runs_partial), (summary, &summary_partial)] {
            let file = w.into_inner().map_err(|e| OutputError::Write {
                path: p.clone(),
                source: e.into_error(),
            })?;
            file.sync_all().map_err(write_err(p))?;
        }

        let mut renames = vec![(runs_partial, runs_final), (summary_partial, summary_final)];
        for name in [POINTS_FILE, SPEC_FILE] {
            let from = self.dir.join(PARTS_DIR).join(name);
            let bytes = fs::read(&from).map_err(|e| read_err(&from, e))?;
            let to = self.dir.join(name);
            let partial = super::partial_path(&to);
            write_partial(&partial, &bytes)?;
            renames.push((partial, to));
        }
        for (name, contents) in analyse(&assembled) {
            let to = self.dir.join(name);
            let partial = super::partial_path(&to);
            write_partial(&partial, contents.as_bytes())?;
            renames.push((partial, to));
        }
        let manifest_final = self.dir.join(MANIFEST_FILE);
        let manifest_partial = super::partial_path(&manifest_final);
        let text = self.manifest(&assembled.failures, &manifest_partial)?;
        write_partial(&manifest_partial, text.as_bytes())?;
        renames.push((manifest_partial, manifest_final.clone()));

        match fs::remove_file(&manifest_final) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(OutputError::Remove {
                    path: manifest_final,
                    source: e,
                });
            }
            _ => {}
        }
        for (from, to) in renames {
            fs::rename(&from, &to).map_err(|source| OutputError::Rename { from, to, source })?;
        }
        // A folder that started as a shard is a shard no longer.
        let shard = self.dir.join(SHARD_FILE);
        match fs::remove_file(&shard) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(OutputError::Remove {
                    path: shard,
                    source: e,
                });
            }
            _ => {}
        }
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
                    if a != base {
                        if let Some(b) = rep[base] {
                            diff[a][o].push(v[o] - b[o]);
                        }
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

    /// manifest.json: parts/plan.json with the failures added.
    fn manifest(&self, failures: &[SweepFailure], path: &Path) -> Result<String, OutputError> {
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
            map.insert(
                "files".to_owned(),
                serde_json::json!([RUNS_FILE, SUMMARY_FILE, POINTS_FILE, SPEC_FILE]),
            );
        }
        let mut text = serde_json::to_string_pretty(&value).map_err(json)?;
        text.push('\n');
        Ok(text)
    }
}

fn bad_part(path: &Path, message: &str) -> OutputError {
    OutputError::Inconsistent {
        path: path.to_owned(),
        message: format!("damaged part file ({message}); delete it and run again"),
    }
}

/// parts/plan.json: the manifest without failures, and the info it holds.
fn plan_json(plan: &Plan) -> Result<(PlanInfo, String), OutputError> {
    let info = PlanInfo {
        results_format: SWEEP_FORMAT,
        kind: plan.kind.name().to_owned(),
        tillit_version: env!("CARGO_PKG_VERSION").to_owned(),
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
        return Err(OutputError::Inconsistent {
            path: out.to_owned(),
            message: "no shard folders to merge".to_owned(),
        });
    };
    let reference = SweepWriter::reopen(first)?;
    for shard in &shards[1..] {
        let other = SweepWriter::reopen(shard)?;
        if other.plan_json != reference.plan_json {
            return Err(OutputError::Inconsistent {
                path: shard.clone(),
                message: format!(
                    "this shard belongs to another spec (hash {}, the first shard's is {})",
                    other.info.spec_hash, reference.info.spec_hash
                ),
            });
        }
    }
    let parts_out = out.join(PARTS_DIR);
    fs::create_dir_all(&parts_out).map_err(|source| OutputError::CreateDir {
        path: parts_out.clone(),
        source,
    })?;
    let plan_out = parts_out.join(PLAN_FILE);
    match fs::read_to_string(&plan_out) {
        Ok(existing) if existing != reference.plan_json => {
            return Err(OutputError::Inconsistent {
                path: out.to_owned(),
                message: "the output folder holds parts of another spec".to_owned(),
            });
        }
        Ok(_) => {}
        // Never merge over the results of something else (a `tillit run`).
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if out.join(MANIFEST_FILE).exists() {
                return Err(OutputError::Inconsistent {
                    path: out.to_owned(),
                    message: "the output folder holds other results; merge into a new folder"
                        .to_owned(),
                });
            }
        }
        Err(e) => return Err(read_err(&plan_out, e)),
    }
    super::remove_partials(&parts_out)?;
    for name in [SPEC_FILE, POINTS_FILE] {
        let from = first.join(PARTS_DIR).join(name);
        let bytes = fs::read(&from).map_err(|e| read_err(&from, e))?;
        write_atomic(&parts_out.join(name), &bytes)?;
    }
    write_atomic(&plan_out, reference.plan_json.as_bytes())?;
    let merged = SweepWriter::reopen(out)?;
    for k in 0..reference.info.parts {
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
                    return Err(OutputError::Inconsistent {
                        path: path.clone(),
                        message: format!(
                            "{} differs from the same part in {}",
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
                return Err(OutputError::Inconsistent {
                    path: out.to_owned(),
                    message: format!(
                        "no shard holds {} (point {} onwards); run the missing shard first",
                        part_file_name(k),
                        k * reference.info.points_per_part
                    ),
                });
            }
        }
    }
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
