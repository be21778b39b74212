//! Reading a finished results folder into typed values.
//!
//! What lives here: [`load_results`], which reads `manifest.json`,
//! `summary.csv`, `series_summary.csv` (`mean`, `ci_low`, `ci_high`) and
//! counts the rows of `runs.csv`, and [`ResultsKind`], which
//! tells an experiment from a parameter study by its manifest. Every error
//! names the file (and the line, for a CSV row).
//!
//! What does not: no statistics. Values are taken as written; `NA` becomes
//! NaN and `Inf` an infinity, exactly as `output` spells them.
//!
//! # Sweeps and sensitivity analyses
//!
//! A folder written by `tillit sweep` or `tillit sensitivity` (branch
//! `experiments`, format in its docs/SWEEPS.md: `manifest.json` with `kind`
//! = `sweep`, `morris` or `sobol`, `points.csv`, `summary.csv` with a
//! `point` column, and `indices.csv` for a sensitivity analysis) is read
//! into [`StudyData`]: the factors, the points, each point's levels, and
//! the sensitivity indices. [`super::html`] turns it into line charts, heat
//! maps and rankings. This is the adapter point: if that format changes,
//! only `load_study` needs to follow.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::ReportError;
use crate::output::{
    MANIFEST_FILE, MORRIS_INDEX_COLUMNS, PARTIAL_SUFFIX, RESULTS_FORMAT, RUNS_FILE,
    SERIES_SUMMARY_COLUMNS, SERIES_SUMMARY_FILE, SOBOL_INDEX_COLUMNS, SUMMARY_COLUMNS,
    SUMMARY_FILE, SWEEP_FORMAT,
};
use crate::scenario::Language;
use crate::stats::Summary;

/// What a results folder holds, told by its manifest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultsKind {
    /// The arms of one scenario compared (what `tillit run` writes).
    Experiment,
    /// A parameter sweep.
    Sweep,
    /// A sensitivity analysis.
    Sensitivity,
}

impl ResultsKind {
    /// The kind a manifest declares in its `kind` field (`sweep`; `morris`,
    /// `sobol` or `sensitivity`), or by a top-level `sweep` or
    /// `sensitivity` object; otherwise an experiment.
    pub fn of(manifest: &serde_json::Value) -> ResultsKind {
        let kind = manifest.get("kind").and_then(|k| k.as_str()).unwrap_or("");
        if kind == "sweep" || manifest.get("sweep").is_some() {
            ResultsKind::Sweep
        } else if matches!(kind, "morris" | "sobol" | "sensitivity")
            || manifest.get("sensitivity").is_some()
        {
            ResultsKind::Sensitivity
        } else {
            ResultsKind::Experiment
        }
    }
}

/// The manifest of a sweep or sensitivity folder, as far as a report needs it.
#[derive(Clone, Debug, Deserialize)]
struct StudyManifest {
    tillit_version: String,
    results_format: u32,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    design: String,
    replications: u32,
    #[serde(default)]
    points: usize,
    factors: Vec<Factor>,
    #[serde(default)]
    failures: Vec<serde_json::Value>,
    scenario: ManifestScenario,
}

/// A swept or varied factor.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Factor {
    /// Column name in points.csv: `group.name` or `group.name@arm`.
    pub label: String,
    /// The parameter key, `group.name`.
    pub key: String,
    /// The only arm it applies to, if not every arm.
    #[serde(default)]
    pub arm: Option<String>,
    /// The parameter's unit.
    #[serde(default)]
    pub unit: String,
}

/// One row of a sensitivity analysis's indices.csv.
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    /// Arm.
    pub arm: String,
    /// Outcome name.
    pub outcome: String,
    /// Factor label.
    pub factor: String,
    /// Rank within arm and outcome (1: matters most).
    pub rank: u32,
    /// The ranking measure: Morris mu* (outcome units) or the total Sobol
    /// index (share of variance).
    pub value: f64,
    /// Its interval, lower end.
    pub ci_low: f64,
    /// Its interval, upper end.
    pub ci_high: f64,
}

/// A parameter study, read.
#[derive(Clone, Debug, PartialEq)]
pub struct StudyData {
    /// `sweep`, `morris` or `sobol`.
    pub kind: String,
    /// The design in words, e.g. `factorial`.
    pub design: String,
    /// The factors, in points.csv column order.
    pub factors: Vec<Factor>,
    /// Per point (index = point number), the factor values.
    pub points: Vec<Vec<f64>>,
    /// Level rows per point: (point, row).
    pub levels: Vec<(usize, SummaryRow)>,
    /// indices.csv rows (sensitivity analyses only).
    pub indices: Vec<Index>,
}

impl StudyData {
    /// Whether this is a sensitivity analysis.
    pub fn is_sensitivity(&self) -> bool {
        matches!(self.kind.as_str(), "morris" | "sobol" | "sensitivity")
    }

    /// The level of `outcome` for `arm` at each point, in point order.
    pub fn levels_of(&self, arm: &str, outcome: &str) -> Vec<(usize, Summary)> {
        self.levels
            .iter()
            .filter(|(_, r)| r.arm == arm && r.outcome == outcome)
            .map(|(p, r)| (*p, r.summary))
            .collect()
    }
}

/// The parts of `manifest.json` a report shows.
#[derive(Clone, Debug, Deserialize)]
pub struct Manifest {
    /// Version of tillit that wrote the folder.
    pub tillit_version: String,
    /// Layout version of the folder.
    pub results_format: u32,
    /// The command line that produced it.
    #[serde(default)]
    pub command: String,
    /// When it finished (UTC, ISO 8601).
    #[serde(default)]
    pub finished_utc: String,
    /// Master seed.
    pub master_seed: u64,
    /// Replications per arm.
    pub replications: u32,
    /// Failed runs, as written.
    #[serde(default)]
    pub failures: Vec<serde_json::Value>,
    /// The resolved scenario.
    pub scenario: ManifestScenario,
}

/// The resolved scenario as the manifest records it.
#[derive(Clone, Debug, Deserialize)]
pub struct ManifestScenario {
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// Simulated days, warm-up included.
    pub horizon_days: u32,
    /// Warm-up days.
    pub warmup_days: u32,
    /// Index of the baseline arm.
    pub baseline: usize,
    /// The arms, in scenario order.
    pub arms: Vec<ManifestArm>,
    /// The scenario's report language, if it set one.
    #[serde(default)]
    pub language: Option<Language>,
    /// The scenario's master seed.
    #[serde(default)]
    pub seed: u64,
}

/// One arm as the manifest records it.
#[derive(Clone, Debug, Deserialize)]
pub struct ManifestArm {
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// The preset it started from (`control`, `trust`, ...).
    pub preset: String,
    /// Every parameter, by group and name (`params.steering.coaching_hours`).
    pub params: serde_json::Value,
    /// Regime changes during the run.
    #[serde(default)]
    pub events: Vec<ManifestEvent>,
}

impl ManifestArm {
    /// The value of parameter `group.name`, if recorded (a switch as 1 or 0).
    pub fn param(&self, group: &str, name: &str) -> Option<f64> {
        let value = self.params.get(group)?.get(name)?;
        value
            .as_bool()
            .map(|on| if on { 1.0 } else { 0.0 })
            .or_else(|| value.as_f64())
    }
}

impl ManifestScenario {
    /// Whether the arms differ in how children who need several agencies
    /// are helped (as [`crate::scenario::Scenario::arms_differ_in_pathway`],
    /// from the recorded parameters; events are not recorded with levers).
    pub fn arms_differ_in_pathway(&self) -> bool {
        let pathway_of = |a: &ManifestArm| {
            (
                a.params.get("pathway").cloned(),
                a.param("steering", "integrated_team"),
                a.param("steering", "named_person"),
            )
        };
        let first = self.arms.first().map(pathway_of);
        self.arms.iter().any(|a| Some(pathway_of(a)) != first)
    }
}

/// One event as the manifest records it.
#[derive(Clone, Debug, Deserialize)]
pub struct ManifestEvent {
    /// Its label.
    pub label: String,
    /// When it fires: `{"at_day": 1095}` or `{"scandals": {...}}`.
    pub trigger: serde_json::Value,
}

/// One row of `summary.csv`.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryRow {
    /// Arm name.
    pub arm: String,
    /// `level` or `difference_to_<baseline>`.
    pub comparison: String,
    /// Outcome name.
    pub outcome: String,
    /// The outcome's unit.
    pub unit: String,
    /// Mean, sd, interval and n.
    pub summary: Summary,
}

/// A monthly aggregate of one series metric for one arm.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SeriesPoint {
    /// Month, from 1.
    pub month: u32,
    /// Mean over replications.
    pub mean: f64,
    /// Lower end of the 95% interval of the mean.
    pub ci_low: f64,
    /// Upper end.
    pub ci_high: f64,
}

/// A finished results folder, read.
#[derive(Clone, Debug)]
pub struct ResultsFolder {
    /// The folder.
    pub dir: PathBuf,
    /// The manifest.
    pub manifest: Manifest,
    /// Every row of summary.csv, in file order.
    pub summary: Vec<SummaryRow>,
    /// Aggregated series per (arm, metric), in month order.
    pub series: BTreeMap<(String, String), Vec<SeriesPoint>>,
    /// Rows of runs.csv per arm.
    pub runs_per_arm: BTreeMap<String, usize>,
    /// A sweep or sensitivity analysis; `None` for `tillit run` results.
    pub study: Option<StudyData>,
}

impl ResultsFolder {
    /// The baseline arm's name.
    pub fn baseline(&self) -> &str {
        let s = &self.manifest.scenario;
        s.arms.get(s.baseline).map_or("", |a| a.name.as_str())
    }

    /// The level of `outcome` in `arm`.
    pub fn level(&self, arm: &str, outcome: &str) -> Option<&Summary> {
        self.find(arm, "level", outcome)
    }

    /// The paired difference of `outcome`, `arm` minus the baseline.
    pub fn difference(&self, arm: &str, outcome: &str) -> Option<&Summary> {
        let comparison = format!("difference_to_{}", self.baseline());
        self.find(arm, &comparison, outcome)
    }

    fn find(&self, arm: &str, comparison: &str, outcome: &str) -> Option<&Summary> {
        self.summary
            .iter()
            .find(|r| r.arm == arm && r.comparison == comparison && r.outcome == outcome)
            .map(|r| &r.summary)
    }

    /// The monthly aggregate of `metric` for `arm`.
    pub fn series(&self, arm: &str, metric: &str) -> &[SeriesPoint] {
        self.series
            .get(&(arm.to_owned(), metric.to_owned()))
            .map_or(&[], Vec::as_slice)
    }
}

fn read_error(path: &Path) -> impl Fn(io::Error) -> ReportError + '_ {
    move |source| ReportError::Read {
        path: path.to_owned(),
        source,
    }
}

fn invalid(path: &Path, line: Option<u64>, message: impl Into<String>) -> ReportError {
    let path = match line {
        Some(l) => PathBuf::from(format!("{}:{l}", path.display())),
        None => path.to_owned(),
    };
    ReportError::Invalid {
        path,
        message: message.into(),
    }
}

/// A number as `output` writes it: shortest form, `NA`, `Inf`, `-Inf`.
pub fn parse_number(cell: &str) -> Option<f64> {
    match cell {
        "NA" => Some(f64::NAN),
        "Inf" => Some(f64::INFINITY),
        "-Inf" => Some(f64::NEG_INFINITY),
        _ => cell.parse().ok(),
    }
}

/// Reads the finished results folder `dir`.
pub fn load_results(dir: &Path) -> Result<ResultsFolder, ReportError> {
    if !dir.is_dir() {
        let reason = if dir.exists() {
            "it is a file, not a folder"
        } else {
            "it does not exist"
        };
        return Err(ReportError::NotResults {
            path: dir.to_owned(),
            reason: reason.to_owned(),
        });
    }
    let manifest_path = dir.join(MANIFEST_FILE);
    if !manifest_path.is_file() {
        let partial = fs::read_dir(dir)
            .map_err(read_error(dir))?
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().ends_with(PARTIAL_SUFFIX));
        let reason = if partial {
            "it has no manifest.json, only .partial files: the run did not finish"
        } else {
            "it has no manifest.json (run `tillit run` to make one)"
        };
        return Err(ReportError::NotResults {
            path: dir.to_owned(),
            reason: reason.to_owned(),
        });
    }
    let text = fs::read_to_string(&manifest_path).map_err(read_error(&manifest_path))?;
    let json: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| invalid(&manifest_path, None, format!("not valid JSON: {e}")))?;
    if ResultsKind::of(&json) != ResultsKind::Experiment {
        return load_study(dir, &manifest_path, json);
    }
    let manifest: Manifest = serde_json::from_value(json)
        .map_err(|e| invalid(&manifest_path, None, format!("not a tillit manifest: {e}")))?;
    check_format(
        &manifest_path,
        &manifest.tillit_version,
        manifest.results_format,
        RESULTS_FORMAT,
    )?;
    let s = &manifest.scenario;
    if s.arms.is_empty() || s.baseline >= s.arms.len() {
        return Err(invalid(
            &manifest_path,
            None,
            "the scenario has no arms or no baseline arm",
        ));
    }
    let summary = read_summary(&dir.join(SUMMARY_FILE))?;
    let series = read_series(&dir.join(SERIES_SUMMARY_FILE))?;
    let runs_per_arm = count_runs(&dir.join(RUNS_FILE))?;
    Ok(ResultsFolder {
        dir: dir.to_owned(),
        manifest,
        summary,
        series,
        runs_per_arm,
        study: None,
    })
}

/// Refuses a folder in another layout than this build writes: a newer one
/// it cannot know, an older one whose files moved. Results are a function
/// of the scenario and seed, so an older folder is made again exactly.
fn check_format(
    manifest: &Path,
    version: &str,
    found: u32,
    expected: u32,
) -> Result<(), ReportError> {
    if found == expected {
        return Ok(());
    }
    let (which, what) = if found > expected {
        ("a newer", "")
    } else {
        (
            "an older",
            ": run it again with this tillit (manifest.json holds the resolved scenario)",
        )
    };
    Err(invalid(
        manifest,
        None,
        format!(
            "written by {which} tillit ({version}, results format {found}); this build reads \
             format {expected}{what}"
        ),
    ))
}

/// Reads a sweep or sensitivity folder (see the module doc).
fn load_study(
    dir: &Path,
    manifest_path: &Path,
    json: serde_json::Value,
) -> Result<ResultsFolder, ReportError> {
    let m: StudyManifest = serde_json::from_value(json).map_err(|e| {
        invalid(
            manifest_path,
            None,
            format!("not a tillit sweep manifest: {e}"),
        )
    })?;
    check_format(
        manifest_path,
        &m.tillit_version,
        m.results_format,
        SWEEP_FORMAT,
    )?;
    let s = &m.scenario;
    if s.arms.is_empty() || s.baseline >= s.arms.len() {
        return Err(invalid(
            manifest_path,
            None,
            "the scenario has no arms or no baseline arm",
        ));
    }
    let points = read_points(&dir.join("points.csv"), &m.factors)?;
    let levels = read_point_summary(&dir.join(SUMMARY_FILE))?;
    let indices = if matches!(m.kind.as_str(), "morris" | "sobol") {
        let path = dir.join("indices.csv");
        if !path.exists() {
            // Merged shards of an analysis: the parts are there, the
            // indices not yet.
            return Err(ReportError::NotResults {
                path: dir.to_owned(),
                reason: format!(
                    "this {} analysis has no indices.csv yet; run `tillit sensitivity SPEC \
                     --method {} --out {}` to compute it from the finished parts",
                    m.kind,
                    m.kind,
                    dir.display()
                ),
            });
        }
        read_indices(&path, &m.kind)?
    } else {
        Vec::new()
    };
    let manifest = Manifest {
        tillit_version: m.tillit_version,
        results_format: m.results_format,
        command: String::new(),
        finished_utc: String::new(),
        master_seed: m.scenario.seed,
        replications: m.replications,
        failures: m.failures,
        scenario: m.scenario,
    };
    let design = if m.points > 0 && !m.design.contains("points") {
        format!("{}, {} points", m.design, m.points)
    } else {
        m.design
    };
    Ok(ResultsFolder {
        dir: dir.to_owned(),
        manifest,
        summary: Vec::new(),
        series: BTreeMap::new(),
        runs_per_arm: BTreeMap::new(),
        study: Some(StudyData {
            kind: m.kind,
            design,
            factors: m.factors,
            points,
            levels,
            indices,
        }),
    })
}

fn read_points(path: &Path, factors: &[Factor]) -> Result<Vec<Vec<f64>>, ReportError> {
    let mut rdr = reader(path)?;
    let mut expected = vec!["point", "seed"];
    expected.extend(factors.iter().map(|f| f.label.as_str()));
    check_header(path, &mut rdr, &expected)?;
    let mut points = Vec::new();
    for record in rdr.records() {
        let record = record.map_err(|e| invalid(path, None, format!("cannot read a row: {e}")))?;
        let line = line_of(&record);
        if record.get(0).and_then(|p| p.parse::<usize>().ok()) != Some(points.len()) {
            return Err(invalid(
                path,
                line,
                format!("expected point {}", points.len()),
            ));
        }
        let values = (0..factors.len())
            .map(|i| {
                record
                    .get(2 + i)
                    .and_then(parse_number)
                    .ok_or_else(|| invalid(path, line, format!("column {} is not a number", 3 + i)))
            })
            .collect::<Result<Vec<f64>, _>>()?;
        points.push(values);
    }
    Ok(points)
}

fn read_point_summary(path: &Path) -> Result<Vec<(usize, SummaryRow)>, ReportError> {
    let mut rdr = reader(path)?;
    let columns: Vec<&str> = std::iter::once("point").chain(SUMMARY_COLUMNS).collect();
    check_header(path, &mut rdr, &columns)?;
    let mut rows = Vec::new();
    for record in rdr.records() {
        let record = record.map_err(|e| invalid(path, None, format!("cannot read a row: {e}")))?;
        if record.get(2) != Some("level") {
            continue;
        }
        let point = record
            .get(0)
            .and_then(|c| c.parse::<usize>().ok())
            .ok_or_else(|| invalid(path, line_of(&record), "point is not a whole number"))?;
        rows.push((point, summary_row(path, &record, 1)?));
    }
    Ok(rows)
}

fn read_indices(path: &Path, kind: &str) -> Result<Vec<Index>, ReportError> {
    let mut rdr = reader(path)?;
    // Morris ranks by mu*, Sobol by the total index.
    let (columns, value, low, high): (&[&str], usize, usize, usize) = if kind == "morris" {
        (&MORRIS_INDEX_COLUMNS[..8], 5, 6, 7)
    } else {
        (&SOBOL_INDEX_COLUMNS, 7, 8, 9)
    };
    check_header(path, &mut rdr, columns)?;
    let mut rows = Vec::new();
    for record in rdr.records() {
        let record = record.map_err(|e| invalid(path, None, format!("cannot read a row: {e}")))?;
        let line = line_of(&record);
        let num = |i: usize| number_at(path, &record, i);
        let rank = record
            .get(3)
            .and_then(|c| c.parse::<u32>().ok())
            .ok_or_else(|| invalid(path, line, "rank is not a whole number"))?;
        rows.push(Index {
            arm: record[0].to_owned(),
            outcome: record[1].to_owned(),
            factor: record[2].to_owned(),
            rank,
            value: num(value)?,
            ci_low: num(low)?,
            ci_high: num(high)?,
        });
    }
    Ok(rows)
}

fn reader(path: &Path) -> Result<csv::Reader<fs::File>, ReportError> {
    let file = fs::File::open(path).map_err(read_error(path))?;
    Ok(csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(file))
}

fn check_header(
    path: &Path,
    rdr: &mut csv::Reader<fs::File>,
    expected: &[&str],
) -> Result<(), ReportError> {
    let header = rdr
        .headers()
        .map_err(|e| invalid(path, Some(1), format!("cannot read the header: {e}")))?;
    let starts =
        header.len() >= expected.len() && expected.iter().zip(header.iter()).all(|(a, b)| *a == b);
    if !starts {
        return Err(invalid(
            path,
            Some(1),
            format!("the header should start with `{}`", expected.join(",")),
        ));
    }
    Ok(())
}

fn line_of(record: &csv::StringRecord) -> Option<u64> {
    record.position().map(|p| p.line())
}

/// The number in column `i` (from 0) of `record`, or an error naming the
/// file, line and column.
fn number_at(path: &Path, record: &csv::StringRecord, i: usize) -> Result<f64, ReportError> {
    record.get(i).and_then(parse_number).ok_or_else(|| {
        invalid(
            path,
            line_of(record),
            format!("column {} is not a number", i + 1),
        )
    })
}

fn read_summary(path: &Path) -> Result<Vec<SummaryRow>, ReportError> {
    let mut rdr = reader(path)?;
    check_header(path, &mut rdr, &SUMMARY_COLUMNS)?;
    let mut rows = Vec::new();
    for record in rdr.records() {
        let record = record.map_err(|e| invalid(path, None, format!("cannot read a row: {e}")))?;
        rows.push(summary_row(path, &record, 0)?);
    }
    Ok(rows)
}

/// A row of summary.csv whose `arm` column is column `at` (0 in a run's
/// folder, 1 after a sweep's `point`).
fn summary_row(
    path: &Path,
    record: &csv::StringRecord,
    at: usize,
) -> Result<SummaryRow, ReportError> {
    let num = |i: usize| number_at(path, record, at + i);
    let n = record
        .get(at + 8)
        .and_then(|c| c.parse::<u64>().ok())
        .ok_or_else(|| invalid(path, line_of(record), "column n is not a whole number"))?;
    Ok(SummaryRow {
        arm: record[at].to_owned(),
        comparison: record[at + 1].to_owned(),
        outcome: record[at + 2].to_owned(),
        unit: record[at + 3].to_owned(),
        summary: Summary {
            n,
            mean: num(4)?,
            sd: num(5)?,
            ci_low: num(6)?,
            ci_high: num(7)?,
        },
    })
}

fn read_series(path: &Path) -> Result<BTreeMap<(String, String), Vec<SeriesPoint>>, ReportError> {
    let mut rdr = reader(path)?;
    check_header(path, &mut rdr, &SERIES_SUMMARY_COLUMNS)?;
    let mut out: BTreeMap<(String, String), Vec<SeriesPoint>> = BTreeMap::new();
    let mut record = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(invalid(path, None, format!("cannot read a row: {e}"))),
        }
        let line = line_of(&record);
        let month = record
            .get(1)
            .and_then(|m| m.parse::<u32>().ok())
            .ok_or_else(|| invalid(path, line, "month is not a whole number"))?;
        let num = |i: usize, name: &str| {
            record
                .get(i)
                .and_then(parse_number)
                .ok_or_else(|| invalid(path, line, format!("{name} is not a number")))
        };
        let point = SeriesPoint {
            month,
            mean: num(3, "mean")?,
            ci_low: num(5, "ci_low")?,
            ci_high: num(6, "ci_high")?,
        };
        out.entry((record[0].to_owned(), record[2].to_owned()))
            .or_default()
            .push(point);
    }
    for points in out.values_mut() {
        points.sort_by_key(|p| p.month);
    }
    Ok(out)
}

fn count_runs(path: &Path) -> Result<BTreeMap<String, usize>, ReportError> {
    let mut rdr = reader(path)?;
    check_header(path, &mut rdr, &["arm", "replication", "seed"])?;
    let mut counts = BTreeMap::new();
    for record in rdr.records() {
        let record = record.map_err(|e| invalid(path, None, format!("cannot read a row: {e}")))?;
        *counts.entry(record[0].to_owned()).or_insert(0) += 1;
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_output_writes_them() {
        assert_eq!(parse_number("0.1"), Some(0.1));
        assert_eq!(parse_number("1.5e-7"), Some(1.5e-7));
        assert!(parse_number("NA").is_some_and(f64::is_nan));
        assert_eq!(parse_number("-Inf"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_number("x"), None);
    }

    #[test]
    fn the_kind_comes_from_the_manifest() {
        let of = |s: &str| ResultsKind::of(&serde_json::from_str(s).unwrap());
        assert_eq!(of(r#"{"scenario": {}}"#), ResultsKind::Experiment);
        assert_eq!(of(r#"{"kind": "sweep"}"#), ResultsKind::Sweep);
        assert_eq!(of(r#"{"sensitivity": {}}"#), ResultsKind::Sensitivity);
        assert_eq!(of(r#"{"kind": "morris"}"#), ResultsKind::Sensitivity);
        assert_eq!(of(r#"{"kind": "sobol"}"#), ResultsKind::Sensitivity);
    }

    #[test]
    fn a_missing_or_unfinished_folder_is_named() {
        let dir = std::env::temp_dir().join(format!("tillit-report-load-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let err = load_results(&dir).unwrap_err();
        assert!(err.is_input());
        assert!(err.to_string().contains("does not exist"), "{err}");
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("runs.csv.partial"), "arm\n").unwrap();
        let err = load_results(&dir).unwrap_err().to_string();
        assert!(
            err.contains(&dir.display().to_string()) && err.contains("did not finish"),
            "{err}"
        );
        fs::write(dir.join("manifest.json"), "{").unwrap();
        let err = load_results(&dir).unwrap_err().to_string();
        assert!(
            err.contains("manifest.json") && err.contains("not valid JSON"),
            "{err}"
        );
        fs::write(dir.join("manifest.json"), r#"{"kind": "sweep"}"#).unwrap();
        let err = load_results(&dir).unwrap_err().to_string();
        assert!(err.contains("not a tillit sweep manifest"), "{err}");
        let _ = fs::remove_dir_all(&dir);
    }
}
