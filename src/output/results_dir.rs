//! The results folder: runs.csv and series.csv streamed as runs finish,
//! series_summary.csv, summary.csv and manifest.json written at the end,
//! every file put in place only when all of them are complete (see
//! [`super::commit`]).

use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::commit::{self, Staging};
use super::format::{csv_float, push_csv_float, utc_timestamp};
use super::fs_ops::{self, StepWriter};
use super::lock::FolderLock;
use super::owned::{self, Existing};
use super::{
    MANIFEST_FILE, OutputError, RESULTS_FORMAT, RUNS_FILE, SERIES_FILE, SERIES_SUMMARY_COLUMNS,
    SERIES_SUMMARY_FILE, SUMMARY_COLUMNS, SUMMARY_FILE, YEARLY_SUMMARY_COLUMNS,
    YEARLY_SUMMARY_FILE,
};
use crate::engine::seeds::replication_seed;
use crate::experiment::{ExperimentResult, RunRecord, RunSink};
use crate::outcome::{OUTCOMES, SERIES_METRICS};
use crate::scenario::Scenario;
use crate::stats::Summary;

/// The data files of a run's results folder, in the order they are put in
/// place; `manifest.json` follows them and lists them in `files`.
pub const RUN_FILES: [&str; 5] = [
    RUNS_FILE,
    SERIES_FILE,
    SERIES_SUMMARY_FILE,
    SUMMARY_FILE,
    YEARLY_SUMMARY_FILE,
];

/// What the manifest records that only the caller knows: the library never
/// reads the clock or the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ManifestInfo {
    /// When the experiment started [seconds since the Unix epoch, UTC].
    pub started_unix: u64,
    /// When it finished [seconds since the Unix epoch, UTC].
    pub finished_unix: u64,
    /// The command line that produced the folder, as the user would retype
    /// it (e.g. `tillit run scenarios/default.toml --out results`).
    pub command: String,
}

/// What [`ResultsWriter::finish`] did.
#[derive(Clone, Debug)]
pub struct Finished {
    /// The results folder, complete.
    pub dir: PathBuf,
    /// What went wrong after the results were complete (a leftover that
    /// could not be removed), and notes such as an interrupted earlier
    /// write that was undone; for the user to read, never a failure.
    pub warnings: Vec<String>,
}

/// Writes a results folder (see the [module docs](super) for the files and
/// their columns).
///
/// Create it before the experiment, pass it as the [`RunSink`], then call
/// [`ResultsWriter::finish`] with the result. Until `finish` returns, the
/// new files wait in the staging folder `.tillit-new/` and the folder
/// keeps the complete results of an earlier run, if it had them; a writer
/// dropped without `finish` (an error) removes its staging folder, and one
/// that never got to (Ctrl-C, a crash) leaves it for the next writer to
/// remove. The writer holds the folder's lock from `create` until it is
/// dropped.
pub struct ResultsWriter {
    dir: PathBuf,
    scenario: Scenario,
    runs: StagedCsv,
    series: StagedCsv,
    /// Scratch buffer for formatting numbers without allocating per cell.
    cell: String,
    /// What the earlier results were, for what `finish` removes with them.
    existing: Existing,
    /// Notes from [`commit::recover`], passed on by `finish`.
    notes: Vec<String>,
    staging: Staging,
    _lock: FolderLock,
}

/// A CSV file being written into the staging folder.
struct StagedCsv {
    path: PathBuf,
    writer: csv::Writer<StepWriter>,
}

impl StagedCsv {
    fn create(staging: &Staging, name: &str) -> Result<Self, OutputError> {
        let path = staging.path(name);
        let file = StepWriter::create(&path).map_err(|source| OutputError::Write {
            path: path.clone(),
            source,
        })?;
        let writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(file);
        Ok(Self { path, writer })
    }

    fn write_error(&self, e: csv::Error) -> OutputError {
        OutputError::Write {
            path: self.path.clone(),
            source: e.into(),
        }
    }

    fn field(&mut self, value: impl AsRef<[u8]>) -> Result<(), OutputError> {
        self.writer
            .write_field(value)
            .map_err(|e| self.write_error(e))
    }

    fn end_record(&mut self) -> Result<(), OutputError> {
        self.writer
            .write_record(None::<&[u8]>)
            .map_err(|e| self.write_error(e))
    }

    fn record<I, T>(&mut self, fields: I) -> Result<(), OutputError>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        self.writer
            .write_record(fields)
            .map_err(|e| self.write_error(e))
    }

    /// Flushes and syncs the staged file.
    fn close(self) -> Result<(), OutputError> {
        let Self { path, writer } = self;
        let file = writer.into_inner().map_err(|e| OutputError::Write {
            path: path.clone(),
            source: e.into_error(),
        })?;
        file.sync_and_close()
            .map_err(|source| OutputError::Write { path, source })
    }
}

/// Whether `name` is a file a `tillit run` of any version wrote, for
/// removing the `.partial` files an older version left.
fn is_run_file(name: &str) -> bool {
    RUN_FILES.contains(&name) || name == MANIFEST_FILE
}

impl ResultsWriter {
    /// Opens `dir` as a results folder for `scenario` (see
    /// [`ResultsWriter::create_with`]), refusing to replace files that
    /// tillit did not write.
    pub fn create(dir: &Path, scenario: &Scenario) -> Result<Self, OutputError> {
        Self::create_with(dir, scenario, false)
    }

    /// Opens `dir` as a results folder for `scenario`: creates it if needed,
    /// takes its lock, undoes an interrupted earlier write, and starts
    /// `runs.csv` and `series.csv` with their header rows in the staging
    /// folder.
    ///
    /// Refused ([`OutputError::Refused`]) when the folder holds the results
    /// of a sweep or sensitivity analysis, or (unless `force`) files with
    /// the names of the results that no tillit manifest lists. Refused
    /// ([`OutputError::Locked`]) when another process holds the folder.
    ///
    /// Complete results of an earlier run in `dir` stay untouched until
    /// [`ResultsWriter::finish`] replaces them, so an interrupted or failed
    /// run loses nothing that was already written.
    pub fn create_with(dir: &Path, scenario: &Scenario, force: bool) -> Result<Self, OutputError> {
        fs_ops::create_dir_all(dir).map_err(|source| OutputError::CreateDir {
            path: dir.to_owned(),
            source,
        })?;
        let lock = FolderLock::exclusive(dir)?;
        let notes = commit::recover(dir)?;
        let existing = Existing::of(dir);
        if existing.sweep_parts || existing.is_study() {
            return Err(OutputError::Refused {
                path: dir.to_owned(),
                message: "it holds the results of a sweep or sensitivity analysis; a run would \
                          mix with them: choose another folder"
                    .to_owned(),
            });
        }
        let mut names: Vec<&str> = RUN_FILES.to_vec();
        names.push(MANIFEST_FILE);
        owned::check_foreign(dir, &existing, &names, force)?;
        super::remove_partials(dir, is_run_file)?;

        let staging = Staging::begin(dir)?;
        let mut runs = StagedCsv::create(&staging, RUNS_FILE)?;
        runs.record(
            ["arm", "replication", "seed"]
                .into_iter()
                .chain(OUTCOMES.iter().map(|o| o.name)),
        )?;
        let mut series = StagedCsv::create(&staging, SERIES_FILE)?;
        series.record(["arm", "replication", "month", "metric", "value"])?;

        Ok(Self {
            dir: dir.to_owned(),
            scenario: scenario.clone(),
            runs,
            series,
            cell: String::new(),
            existing,
            notes,
            staging,
            _lock: lock,
        })
    }

    /// The results folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn arm_name(&self, arm: usize, file: &Path) -> Result<&str, OutputError> {
        match self.scenario.arms.get(arm) {
            Some(a) => Ok(&a.name),
            None => Err(OutputError::Inconsistent {
                path: file.to_owned(),
                message: format!(
                    "arm index {arm} is out of range; the scenario has {} arms",
                    self.scenario.arms.len()
                ),
            }),
        }
    }

    fn write_run(&mut self, run: &RunRecord<'_>) -> Result<(), OutputError> {
        let arm = self.arm_name(run.arm, &self.runs.path)?.to_owned();
        let replication = run.replication.to_string();

        self.runs.field(&arm)?;
        self.runs.field(&replication)?;
        self.runs.field(run.seed.to_string())?;
        for &x in &run.outcomes.0 {
            self.cell.clear();
            push_csv_float(&mut self.cell, x);
            self.runs.field(&self.cell)?;
        }
        self.runs.end_record()?;

        for (m, month) in run.series.iter().enumerate() {
            let month_number = (m + 1).to_string();
            for (spec, &x) in SERIES_METRICS.iter().zip(&month.0) {
                self.cell.clear();
                push_csv_float(&mut self.cell, x);
                self.series.record([
                    arm.as_str(),
                    replication.as_str(),
                    month_number.as_str(),
                    spec.name,
                    self.cell.as_str(),
                ])?;
            }
        }
        Ok(())
    }

    /// Writes the aggregates, then puts every file in place, the manifest
    /// last (see [`super::commit`]); removes the report made from the
    /// earlier results in the folder, if tillit made one.
    ///
    /// Writes `series_summary.csv`, `summary.csv` and `manifest.json`.
    /// `result` must come from an experiment on the scenario given to
    /// [`ResultsWriter::create`].
    ///
    /// On an error the folder holds what it held before `create`.
    pub fn finish(
        self,
        result: &ExperimentResult,
        manifest_extra: &ManifestInfo,
    ) -> Result<Finished, OutputError> {
        if result.arms.len() != self.scenario.arms.len() {
            return Err(OutputError::Inconsistent {
                path: self.dir.join(SUMMARY_FILE),
                message: format!(
                    "the result has {} arms but the scenario {}",
                    result.arms.len(),
                    self.scenario.arms.len()
                ),
            });
        }

        self.write_series_summary(result)?;
        self.write_yearly_summary(result)?;
        self.write_summary(result)?;
        self.write_manifest(result, manifest_extra)?;
        let Self {
            dir,
            runs,
            series,
            existing,
            notes,
            staging,
            _lock,
            ..
        } = self;
        runs.close()?;
        series.close()?;

        let obsolete = owned::obsolete(&existing, &RUN_FILES);
        let mut warnings = notes;
        warnings.extend(staging.commit(&RUN_FILES, MANIFEST_FILE, &obsolete.files)?);
        warnings.extend(owned::remove_charts(
            &dir.join(owned::CHARTS_DIR),
            &obsolete.charts,
            &[],
        ));
        Ok(Finished { dir, warnings })
    }

    /// Writes `series_summary.csv` into the staging folder.
    ///
    /// The aggregates have a file of their own, so that `series.csv` holds
    /// one kind of row (a run's month) and its `replication` column only
    /// numbers: a reader that groups it gets what it expects.
    fn write_series_summary(&self, result: &ExperimentResult) -> Result<(), OutputError> {
        let mut file = StagedCsv::create(&self.staging, SERIES_SUMMARY_FILE)?;
        file.record(SERIES_SUMMARY_COLUMNS)?;
        for (arm, summary) in self.scenario.arms.iter().zip(&result.arms) {
            for (m, month) in summary.series.iter().enumerate() {
                let month_number = (m + 1).to_string();
                for (spec, s) in SERIES_METRICS.iter().zip(month) {
                    let [mean, sd, low, high, n] = stat_cells(s);
                    file.record([
                        arm.name.as_str(),
                        &month_number,
                        spec.name,
                        &mean,
                        &sd,
                        &low,
                        &high,
                        &n,
                    ])?;
                }
            }
        }
        file.close()
    }

    /// Writes `summary_by_year.csv` into the staging folder: summary.csv's
    /// rows for each simulated year (warm-up included), so that an effect's
    /// path over the years is seen, not only its average over the window.
    fn write_yearly_summary(&self, result: &ExperimentResult) -> Result<(), OutputError> {
        let mut file = StagedCsv::create(&self.staging, YEARLY_SUMMARY_FILE)?;
        file.record(YEARLY_SUMMARY_COLUMNS)?;
        let difference = self.difference_label();
        for (arm, summary) in self.scenario.arms.iter().zip(&result.arms) {
            let mut blocks = vec![("level", &summary.yearly)];
            if let Some(differences) = &summary.yearly_difference {
                blocks.push((difference.as_str(), differences));
            }
            for (comparison, years) in blocks {
                for (year, values) in years.iter().enumerate() {
                    let year = (year + 1).to_string();
                    for (spec, s) in OUTCOMES.iter().zip(values) {
                        let [mean, sd, low, high, n] = stat_cells(s);
                        file.record([
                            arm.name.as_str(),
                            comparison,
                            &year,
                            spec.name,
                            spec.unit,
                            &mean,
                            &sd,
                            &low,
                            &high,
                            &n,
                        ])?;
                    }
                }
            }
        }
        file.close()
    }

    /// `difference_to_<baseline arm>`, the comparison of paired differences.
    fn difference_label(&self) -> String {
        let baseline = self.scenario.arms.get(self.scenario.baseline);
        format!(
            "difference_to_{}",
            baseline.map_or("baseline", |a| a.name.as_str())
        )
    }

    /// Writes `summary.csv` into the staging folder.
    ///
    /// Levels and paired differences share one file, told apart by the
    /// `comparison` column (`level`, or `difference_to_<baseline arm>` for
    /// this arm minus the baseline, paired by replication), so that one
    /// filter selects either and both keep the same columns and units.
    fn write_summary(&self, result: &ExperimentResult) -> Result<(), OutputError> {
        let mut file = StagedCsv::create(&self.staging, SUMMARY_FILE)?;
        file.record(SUMMARY_COLUMNS)?;
        let difference = self.difference_label();
        let mut row = |arm: &str, comparison: &str, outcome: usize, s: &Summary| {
            let spec = &OUTCOMES[outcome];
            let [mean, sd, low, high, n] = stat_cells(s);
            file.record([
                arm, comparison, spec.name, spec.unit, &mean, &sd, &low, &high, &n,
            ])
        };
        for (arm, summary) in self.scenario.arms.iter().zip(&result.arms) {
            for (o, s) in summary.outcomes.iter().enumerate() {
                row(&arm.name, "level", o, s)?;
            }
            if let Some(diffs) = &summary.paired_difference {
                for (o, s) in diffs.iter().enumerate() {
                    row(&arm.name, &difference, o, s)?;
                }
            }
        }
        file.close()
    }

    /// Writes `manifest.json` into the staging folder.
    fn write_manifest(
        &self,
        result: &ExperimentResult,
        info: &ManifestInfo,
    ) -> Result<(), OutputError> {
        let partial = self.staging.path(MANIFEST_FILE);
        let s = &self.scenario;
        let manifest = Manifest {
            tillit_version: env!("CARGO_PKG_VERSION"),
            engine_revision: crate::engine::ENGINE_REVISION,
            results_format: RESULTS_FORMAT,
            command: &info.command,
            started_unix: info.started_unix,
            started_utc: utc_timestamp(info.started_unix),
            finished_unix: info.finished_unix,
            finished_utc: utc_timestamp(info.finished_unix),
            threads: result.threads,
            elapsed_seconds: result.elapsed_seconds,
            agent_days: result.agent_days,
            master_seed: s.seed,
            replications: s.replications,
            replication_seeds: (0..s.replications)
                .map(|r| replication_seed(s.seed, r))
                .collect(),
            runs: s.run_count(),
            failures: result
                .failures
                .iter()
                .map(|f| FailureEntry {
                    arm: &f.arm,
                    replication: f.replication,
                    seed: f.seed,
                    message: &f.message,
                })
                .collect(),
            files: &RUN_FILES,
            scenario: s,
        };
        let mut text =
            serde_json::to_string_pretty(&manifest).map_err(|source| OutputError::Json {
                path: partial.clone(),
                source,
            })?;
        text.push('\n');
        self.staging.write(MANIFEST_FILE, text.as_bytes())
    }
}

impl RunSink for ResultsWriter {
    /// Appends the run's row to `runs.csv` and its months to `series.csv`.
    /// An I/O error names the file; its kind is kept.
    fn run_finished(&mut self, run: &RunRecord<'_>) -> io::Result<()> {
        self.write_run(run).map_err(|e| {
            let kind = match &e {
                OutputError::Write { source, .. } => source.kind(),
                _ => io::ErrorKind::InvalidInput,
            };
            io::Error::new(kind, e)
        })
    }
}

/// manifest.json, field by field in output order.
#[derive(Serialize)]
struct Manifest<'a> {
    tillit_version: &'static str,
    engine_revision: u32,
    results_format: u32,
    command: &'a str,
    started_unix: u64,
    started_utc: String,
    finished_unix: u64,
    finished_utc: String,
    threads: usize,
    elapsed_seconds: f64,
    agent_days: f64,
    master_seed: u64,
    replications: u32,
    /// Seed of replication r at index r, the same for every arm.
    replication_seeds: Vec<u64>,
    runs: usize,
    failures: Vec<FailureEntry<'a>>,
    files: &'a [&'static str],
    scenario: &'a Scenario,
}

#[derive(Serialize)]
struct FailureEntry<'a> {
    arm: &'a str,
    replication: u32,
    seed: u64,
    message: &'a str,
}

/// The cells `mean, sd, ci_low, ci_high, n` of a summary, as every
/// summary file spells them.
fn stat_cells(s: &Summary) -> [String; 5] {
    let [mean, sd, low, high] = [s.mean, s.sd, s.ci_low, s.ci_high].map(csv_float);
    [mean, sd, low, high, s.n.to_string()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::{ArmSummary, RunFailure};
    use crate::model::params::Params;
    use crate::model::presets::Preset;
    use crate::outcome::{OUTCOME_COUNT, OutcomeValues, SERIES_COUNT, SeriesValues};
    use crate::output::commit::{BACKUP_DIR, STAGING_DIR};
    use crate::output::fs_ops::{Op, failpoint};
    use crate::output::testing::{restore, snapshot};
    use crate::scenario::Arm;
    use std::collections::BTreeMap;
    use std::fs;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A fresh, empty folder under the system temp dir, removed on drop.
    pub(crate) struct TempDir(PathBuf);

    impl TempDir {
        pub(crate) fn new(tag: &str) -> Self {
            static COUNTER: AtomicUsize = AtomicUsize::new(0);
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = std::env::temp_dir()
                .join(format!("tillit-output-{}-{tag}-{n}", std::process::id()));
            let _ = fs::remove_dir_all(&path);
            Self(path)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn arm(name: &str) -> Arm {
        Arm {
            name: name.to_owned(),
            label: Default::default(),
            description: Default::default(),
            preset: Preset::Control,
            params: Params::default(),
            events: Vec::new(),
        }
    }

    pub(crate) fn scenario(arms: &[&str]) -> Scenario {
        Scenario {
            name: "test".to_owned(),
            title: Default::default(),
            description: "hand-built".into(),
            seed: 42,
            replications: 2,
            horizon_days: 730,
            warmup_days: 365,
            baseline: 0,
            language: None,
            arms: arms.iter().map(|a| arm(a)).collect(),
        }
    }

    fn summary(mean: f64) -> Summary {
        Summary {
            n: 2,
            mean,
            sd: 0.5,
            ci_low: mean - 0.25,
            ci_high: mean + 0.25,
        }
    }

    fn result(scenario: &Scenario, months: usize) -> ExperimentResult {
        let arms = (0..scenario.arms.len())
            .map(|a| ArmSummary {
                outcomes: std::array::from_fn(|o| summary(o as f64 + a as f64)),
                paired_difference: (a != scenario.baseline)
                    .then(|| std::array::from_fn(|o| summary(o as f64 * 0.1))),
                series: (0..months)
                    .map(|m| std::array::from_fn(|k| summary(m as f64 + k as f64 / 8.0)))
                    .collect(),
                yearly: vec![std::array::from_fn(|o| summary(o as f64 + a as f64)); 2],
                yearly_difference: (a != scenario.baseline)
                    .then(|| vec![std::array::from_fn(|o| summary(o as f64 * 0.1)); 2]),
            })
            .collect();
        ExperimentResult {
            arms,
            failures: vec![RunFailure {
                arm: "trust".to_owned(),
                replication: 7,
                seed: 99,
                message: "worker 3: stress is NaN".to_owned(),
            }],
            threads: 4,
            elapsed_seconds: 1.25,
            agent_days: 1.0e6,
        }
    }

    fn info() -> ManifestInfo {
        ManifestInfo {
            started_unix: 1_740_830_400,
            finished_unix: 1_740_830_402,
            command: "tillit run".to_owned(),
        }
    }

    /// Feeds every run of `scenario` to `writer`, in the experiment's order.
    fn feed(writer: &mut ResultsWriter, scenario: &Scenario, months: usize) {
        for r in 0..scenario.replications {
            for a in 0..scenario.arms.len() {
                let mut outcomes = OutcomeValues::default();
                for (o, x) in outcomes.0.iter_mut().enumerate() {
                    *x = (o + a) as f64 / 3.0 + f64::from(r);
                }
                outcomes.0[1] = f64::NAN;
                let series: Vec<SeriesValues> = (0..months)
                    .map(|m| SeriesValues(std::array::from_fn(|k| (m * k) as f64 * 0.1)))
                    .collect();
                let run = RunRecord {
                    arm: a,
                    replication: r,
                    seed: replication_seed(scenario.seed, r),
                    outcomes: &outcomes,
                    series: &series,
                };
                writer.run_finished(&run).unwrap();
            }
        }
    }

    fn write_folder(dir: &Path, scenario: &Scenario) -> PathBuf {
        let mut writer = ResultsWriter::create(dir, scenario).unwrap();
        feed(&mut writer, scenario, 3);
        writer.finish(&result(scenario, 3), &info()).unwrap().dir
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    fn read(dir: &Path, name: &str) -> String {
        fs::read_to_string(dir.join(name)).unwrap()
    }

    #[test]
    fn files_are_staged_until_finish() {
        let tmp = TempDir::new("partial");
        let s = scenario(&["control", "trust"]);
        let mut writer = ResultsWriter::create(&tmp.0, &s).unwrap();
        feed(&mut writer, &s, 3);
        assert_eq!(names_in(&tmp.0), [".tillit-new", ".tillit.lock"]);
        assert_eq!(
            names_in(&tmp.0.join(STAGING_DIR)),
            ["runs.csv", "series.csv"]
        );
        let finished = writer.finish(&result(&s, 3), &info()).unwrap();
        assert_eq!(finished.dir, tmp.0);
        assert!(finished.warnings.is_empty(), "{:?}", finished.warnings);
        assert_eq!(
            names_in(&tmp.0),
            [
                "manifest.json",
                "runs.csv",
                "series.csv",
                "series_summary.csv",
                "summary.csv",
                "summary_by_year.csv"
            ]
        );
    }

    #[test]
    fn create_keeps_earlier_complete_results_and_clears_stale_partials() {
        let tmp = TempDir::new("stale");
        let s = scenario(&["control", "trust"]);
        write_folder(&tmp.0, &s);
        let earlier = read(&tmp.0, "runs.csv");
        fs::write(tmp.0.join("summary.csv.partial"), "half").unwrap();
        fs::write(tmp.0.join("notes.partial"), "mine").unwrap();
        fs::write(tmp.0.join("notes.txt"), "mine").unwrap();
        // An interrupted second run: created, never finished.
        let writer = ResultsWriter::create(&tmp.0, &s).unwrap();
        drop(writer);
        assert_eq!(
            names_in(&tmp.0),
            [
                "manifest.json",
                "notes.partial",
                "notes.txt",
                "runs.csv",
                "series.csv",
                "series_summary.csv",
                "summary.csv",
                "summary_by_year.csv"
            ]
        );
        assert_eq!(read(&tmp.0, "runs.csv"), earlier);
    }

    #[test]
    fn files_tillit_did_not_write_are_refused_unless_forced() {
        let tmp = TempDir::new("foreign");
        fs::create_dir_all(&tmp.0).unwrap();
        fs::write(tmp.0.join("runs.csv"), "mine\n").unwrap();
        let s = scenario(&["control"]);
        let err = ResultsWriter::create(&tmp.0, &s).err().unwrap();
        assert!(err.is_input(), "{err}");
        assert!(err.to_string().contains("--force"), "{err}");
        assert_eq!(read(&tmp.0, "runs.csv"), "mine\n");
        write_folder_forced(&tmp.0, &s);
        assert!(read(&tmp.0, "runs.csv").starts_with("arm,"));

        // A sweep's folder is refused even with force.
        let sweep = TempDir::new("sweep-kind");
        fs::create_dir_all(sweep.0.join("parts")).unwrap();
        fs::write(sweep.0.join("parts/plan.json"), "{}").unwrap();
        let err = ResultsWriter::create_with(&sweep.0, &s, true)
            .err()
            .unwrap();
        assert!(err.to_string().contains("sweep"), "{err}");
    }

    fn write_folder_forced(dir: &Path, scenario: &Scenario) {
        let mut writer = ResultsWriter::create_with(dir, scenario, true).unwrap();
        feed(&mut writer, scenario, 3);
        writer.finish(&result(scenario, 3), &info()).unwrap();
    }

    #[test]
    fn a_new_run_removes_the_report_of_the_old_one_and_nothing_else() {
        let tmp = TempDir::new("old-report");
        let s = scenario(&["control", "trust"]);
        write_folder(&tmp.0, &s);
        let charts = tmp.0.join("charts");
        fs::create_dir_all(&charts).unwrap();
        fs::write(
            tmp.0.join("report.html"),
            "<html><head><meta name=\"generator\" content=\"tillit 0.1.0\">\n\
             <meta name=\"tillit-charts\" content=\"a.svg\">\n</head></html>",
        )
        .unwrap();
        let chart = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}\n<svg/>",
            crate::output::owned::CHART_MARKER
        );
        fs::write(charts.join("a.svg"), &chart).unwrap();
        fs::write(charts.join("mine.svg"), &chart).unwrap();
        write_folder(&tmp.0, &s);
        assert!(!tmp.0.join("report.html").exists());
        assert!(!charts.join("a.svg").exists());
        assert!(charts.join("mine.svg").exists(), "not the report's: kept");
    }

    /// The invariant: a folder with a manifest holds exactly the files of
    /// one complete write, the old or the new.
    fn assert_consistent(
        snap: &BTreeMap<String, Vec<u8>>,
        old: &BTreeMap<String, Vec<u8>>,
        new: &BTreeMap<String, Vec<u8>>,
        what: &str,
    ) {
        let Some(manifest) = snap.get(MANIFEST_FILE) else {
            return;
        };
        let whole = if Some(manifest) == old.get(MANIFEST_FILE) {
            old
        } else {
            assert_eq!(
                Some(manifest),
                new.get(MANIFEST_FILE),
                "{what}: a strange manifest"
            );
            new
        };
        for name in RUN_FILES {
            assert_eq!(
                snap.get(name),
                whole.get(name),
                "{what}: {name} does not match its manifest"
            );
        }
    }

    /// Replaces the results in `dir` by those of `s` (four months), as
    /// `tillit run` does; any error as text.
    fn replace(dir: &Path, s: &Scenario) -> Result<Finished, String> {
        let mut writer = ResultsWriter::create(dir, s).map_err(|e| e.to_string())?;
        for r in 0..s.replications {
            for a in 0..s.arms.len() {
                let outcomes = OutcomeValues([f64::from(r) + a as f64; OUTCOME_COUNT]);
                let series: Vec<SeriesValues> = (0..4)
                    .map(|m| SeriesValues([m as f64; SERIES_COUNT]))
                    .collect();
                let run = RunRecord {
                    arm: a,
                    replication: r,
                    seed: replication_seed(s.seed, r),
                    outcomes: &outcomes,
                    series: &series,
                };
                writer.run_finished(&run).map_err(|e| e.to_string())?;
            }
        }
        writer
            .finish(&result(s, 4), &info())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_failure_at_any_step_leaves_the_old_results_or_the_new_ones() {
        let old_scenario = scenario(&["control", "trust"]);
        let mut new_scenario = scenario(&["control", "trust", "hybrid"]);
        new_scenario.seed = 7;
        let tmp = TempDir::new("failpoints");
        write_folder(&tmp.0, &old_scenario);
        let old = snapshot(&tmp.0);
        let (done, steps) = failpoint::count(|| replace(&tmp.0, &new_scenario));
        assert!(done.unwrap().warnings.is_empty());
        let new = snapshot(&tmp.0);
        assert_ne!(old, new);
        assert!(steps.len() > 30, "{steps:?}");
        // Every kind of step is there to fail.
        for op in [Op::Create, Op::Write, Op::Sync, Op::Rename, Op::Remove] {
            assert!(
                steps.iter().any(|(o, _)| *o == op),
                "no {op:?} step: {steps:?}"
            );
        }
        // The commit point: the rename of the new manifest into place.
        let commit_point = steps
            .iter()
            .rposition(|(op, p)| *op == Op::Rename && p.ends_with(MANIFEST_FILE))
            .unwrap();

        for (n, (op, path)) in steps.iter().enumerate() {
            let what = format!("step {n}, {op:?} {}", path.display());
            // An I/O error the program sees: the old results, exactly, or
            // (after the commit point) the new ones with a warning.
            restore(&tmp.0, &old);
            let outcome =
                failpoint::failing(n, failpoint::Mode::Once, || replace(&tmp.0, &new_scenario));
            let after = snapshot(&tmp.0);
            assert_consistent(&after, &old, &new, &what);
            match outcome {
                Err(e) => {
                    assert!(
                        n <= commit_point,
                        "{what}: failed after the commit point: {e}"
                    );
                    assert_eq!(after, old, "{what}: {e}");
                }
                Ok(finished) => {
                    let visible: BTreeMap<_, _> = after
                        .iter()
                        .filter(|(k, _)| !k.starts_with(".tillit"))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    assert_eq!(visible, new, "{what}");
                    assert!(
                        n > commit_point || *op == Op::Remove,
                        "{what}: a failure before the commit point went unnoticed"
                    );
                    if after != new {
                        assert!(
                            !finished.warnings.is_empty(),
                            "{what}: leftovers, no warning"
                        );
                    }
                    // Leftovers are the next writer's to remove.
                    let _lock = FolderLock::exclusive(&tmp.0).unwrap();
                    commit::recover(&tmp.0).unwrap();
                    assert_eq!(snapshot(&tmp.0), new, "{what}: after recovery");
                }
            }

            // The process dies at this step: nothing after it reaches the
            // disk. The next writer finds the old results or the new ones.
            restore(&tmp.0, &old);
            let outcome =
                failpoint::failing(n, failpoint::Mode::Crash, || replace(&tmp.0, &new_scenario));
            let crashed = snapshot(&tmp.0);
            assert_consistent(&crashed, &old, &new, &what);
            if crashed.contains_key(MANIFEST_FILE) {
                let visible: Vec<&String> = crashed
                    .keys()
                    .filter(|k| !k.starts_with(".tillit"))
                    .collect();
                let expected: Vec<&String> = if crashed.get(MANIFEST_FILE) == old.get(MANIFEST_FILE)
                {
                    old.keys().collect()
                } else {
                    new.keys().collect()
                };
                assert_eq!(visible, expected, "{what}: stray files beside a manifest");
            }
            let _lock = FolderLock::exclusive(&tmp.0).unwrap();
            commit::recover(&tmp.0).unwrap();
            let recovered = snapshot(&tmp.0);
            if outcome.is_ok() {
                assert_eq!(recovered, new, "{what}: crashed after completing");
            } else if n > commit_point {
                assert_eq!(recovered, new, "{what}");
            } else {
                assert_eq!(recovered, old, "{what}: crashed before the commit point");
            }
            assert!(!tmp.0.join(STAGING_DIR).exists() && !tmp.0.join(BACKUP_DIR).exists());
        }
    }

    #[test]
    fn runs_csv_has_one_row_per_run_with_every_outcome() {
        let tmp = TempDir::new("runs");
        let s = scenario(&["control", "trust"]);
        write_folder(&tmp.0, &s);
        let runs = read(&tmp.0, "runs.csv");
        let mut lines = runs.lines();
        let expected: Vec<&str> = ["arm", "replication", "seed"]
            .into_iter()
            .chain(OUTCOMES.iter().map(|o| o.name))
            .collect();
        assert_eq!(lines.next().unwrap(), expected.join(","));
        let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(
            rows[1][..3],
            ["trust", "0", &replication_seed(42, 0).to_string()]
        );
        assert_eq!(rows[2][0..2], ["control", "1"]);
        assert!(rows.iter().all(|r| r.len() == 3 + OUTCOME_COUNT));
        // NaN is written as NA; other values round-trip.
        assert_eq!(rows[0][4], "NA");
        assert_eq!(rows[3][3].parse::<f64>().unwrap(), 1.0 / 3.0 + 1.0);
    }

    #[test]
    fn series_csv_holds_run_rows_and_series_summary_csv_the_aggregates() {
        let tmp = TempDir::new("series");
        let s = scenario(&["control", "trust"]);
        write_folder(&tmp.0, &s);
        let series = read(&tmp.0, "series.csv");
        let lines: Vec<&str> = series.lines().collect();
        assert_eq!(lines[0], "arm,replication,month,metric,value");
        assert_eq!(lines.len(), 1 + 4 * 3 * SERIES_COUNT);
        assert_eq!(
            lines[1],
            format!("control,0,1,{},0", SERIES_METRICS[0].name)
        );
        assert_eq!(
            lines[1 + SERIES_COUNT + 1],
            format!("control,0,2,{},0.1", SERIES_METRICS[1].name)
        );
        // Every replication cell is a number, so grouping by arm and month
        // averages runs only.
        assert!(lines[1..].iter().all(|l| {
            l.split(',')
                .nth(1)
                .is_some_and(|r| r.parse::<u32>().is_ok())
        }));

        let aggregates = read(&tmp.0, "series_summary.csv");
        let lines: Vec<&str> = aggregates.lines().collect();
        assert_eq!(lines[0], "arm,month,metric,mean,sd,ci_low,ci_high,n");
        assert_eq!(lines.len(), 1 + 2 * 3 * SERIES_COUNT);
        let metric = SERIES_METRICS[0].name;
        assert_eq!(lines[1], format!("control,1,{metric},0,0.5,-0.25,0.25,2"));
        assert!(lines.last().unwrap().starts_with("trust,3,"));
    }

    #[test]
    fn summary_by_year_holds_levels_then_differences_year_by_year() {
        let tmp = TempDir::new("yearly");
        let s = scenario(&["control", "trust"]);
        write_folder(&tmp.0, &s);
        let text = read(&tmp.0, "summary_by_year.csv");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "arm,comparison,year,outcome,unit,mean,sd,ci_low,ci_high,n"
        );
        // Two years: control's levels, trust's levels and differences.
        assert_eq!(lines.len(), 1 + 3 * 2 * OUTCOME_COUNT);
        assert_eq!(
            lines[1],
            "control,level,1,worker_turnover,share/year,0,0.5,-0.25,0.25,2"
        );
        assert!(lines[1 + OUTCOME_COUNT].starts_with("control,level,2,worker_turnover,"));
        assert!(lines[1 + 4 * OUTCOME_COUNT].starts_with("trust,difference_to_control,1,"));
    }

    #[test]
    fn summary_csv_holds_levels_then_paired_differences() {
        let tmp = TempDir::new("summary");
        let s = scenario(&["control", "trust"]);
        write_folder(&tmp.0, &s);
        let summary = read(&tmp.0, "summary.csv");
        let lines: Vec<&str> = summary.lines().collect();
        assert_eq!(
            lines[0],
            "arm,comparison,outcome,unit,mean,sd,ci_low,ci_high,n"
        );
        assert_eq!(lines.len(), 1 + 3 * OUTCOME_COUNT);
        assert_eq!(
            lines[1],
            "control,level,worker_turnover,share/year,0,0.5,-0.25,0.25,2"
        );
        assert_eq!(
            lines[1 + OUTCOME_COUNT],
            "trust,level,worker_turnover,share/year,1,0.5,0.75,1.25,2"
        );
        assert_eq!(
            lines[2 + 2 * OUTCOME_COUNT],
            "trust,difference_to_control,manager_turnover,share/year,0.1,0.5,-0.15,0.35,2"
        );
    }

    #[test]
    fn manifest_records_version_seeds_and_scenario() {
        let tmp = TempDir::new("manifest");
        let s = scenario(&["control", "trust"]);
        write_folder(&tmp.0, &s);
        let text = read(&tmp.0, "manifest.json");
        let m: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(m["tillit_version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(m["master_seed"], 42);
        assert_eq!(m["replication_seeds"][1], replication_seed(42, 1));
        assert_eq!(m["threads"], 4);
        assert_eq!(m["started_utc"], "2025-03-01T12:00:00Z");
        assert_eq!(m["failures"][0]["replication"], 7);
        assert_eq!(m["scenario"]["arms"][1]["name"], "trust");
        assert_eq!(m["command"], "tillit run");
    }

    #[test]
    fn identical_inputs_give_identical_bytes() {
        let (a, b) = (TempDir::new("same-a"), TempDir::new("same-b"));
        let s = scenario(&["control", "trust", "trust, no support"]);
        write_folder(&a.0, &s);
        write_folder(&b.0, &s);
        write_folder(&b.0, &s);
        for name in ["runs.csv", "series.csv", "summary.csv", "manifest.json"] {
            assert_eq!(
                fs::read(a.0.join(name)).unwrap(),
                fs::read(b.0.join(name)).unwrap(),
                "{name}"
            );
        }
        // An arm name with a comma is quoted, not split.
        assert!(read(&a.0, "runs.csv").contains("\n\"trust, no support\",0,"));
    }

    #[test]
    fn errors_name_the_path() {
        let tmp = TempDir::new("errors");
        fs::create_dir_all(&tmp.0).unwrap();
        let file = tmp.0.join("not-a-dir");
        fs::write(&file, "x").unwrap();
        let s = scenario(&["control"]);
        let err = ResultsWriter::create(&file.join("results"), &s)
            .err()
            .unwrap()
            .to_string();
        assert!(err.starts_with("cannot create directory "), "{err}");
        assert!(err.contains("not-a-dir"), "{err}");

        let mut writer = ResultsWriter::create(&tmp.0.join("r"), &s).unwrap();
        let outcomes = OutcomeValues::default();
        let bad = RunRecord {
            arm: 5,
            replication: 0,
            seed: 1,
            outcomes: &outcomes,
            series: &[],
        };
        let err = writer.run_finished(&bad).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert!(err.to_string().contains("runs.csv"), "{err}");

        let two_arms = result(&scenario(&["a", "b"]), 1);
        let err = writer.finish(&two_arms, &info()).unwrap_err().to_string();
        assert!(
            err.contains("summary.csv") && err.contains("2 arms"),
            "{err}"
        );
    }
}
