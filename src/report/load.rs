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
use crate::output::commit::{BACKUP_DIR, STAGING_DIR};
use crate::output::{
    MANIFEST_FILE, MORRIS_INDEX_COLUMNS, PARTIAL_SUFFIX, PARTS_DIR, PLAN_FILE, RESULTS_FORMAT,
    RUNS_FILE, SERIES_FILE, SERIES_SUMMARY_COLUMNS, SERIES_SUMMARY_FILE, SHARD_FILE,
    SOBOL_INDEX_COLUMNS, SUMMARY_COLUMNS, SUMMARY_FILE, SWEEP_FORMAT,
};
use crate::scenario::{Language, LocalText};
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
    /// Morris only: mu, the mean elementary effect with its sign (the
    /// direction); NaN for Sobol.
    pub mu: f64,
    /// Sobol only: the first-order index and its interval (low, high);
    /// NaN for Morris.
    pub s1: [f64; 3],
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
    /// Paired differences to the baseline arm per point: (point, row).
    pub differences: Vec<(usize, SummaryRow)>,
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

    /// The paired difference of `outcome`, `arm` minus the baseline, at
    /// each point, in point order.
    pub fn differences_of(&self, arm: &str, outcome: &str) -> Vec<(usize, Summary)> {
        self.differences
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
    /// The seed of each replication, when recorded.
    #[serde(default)]
    pub replication_seeds: Vec<u64>,
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
    /// Title per language, if the scenario gave one.
    #[serde(default)]
    pub title: LocalText,
    /// Description (per language, or one text for every language).
    #[serde(default)]
    pub description: LocalText,
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
    /// The name shown in reports, per language, if the scenario gave one.
    #[serde(default)]
    pub label: LocalText,
    /// Description (per language, or one text for every language).
    #[serde(default)]
    pub description: LocalText,
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
    /// The scenario as a report in `lang` names it: its title in `lang`,
    /// else in the other language, else its name.
    pub fn title(&self, lang: Language) -> &str {
        self.title.get(lang).unwrap_or(&self.name)
    }

    /// Arm `name` as a report in `lang` shows it, in headings, tables,
    /// sentences and chart legends: its label in `lang`, else in the other
    /// language, else the name itself (also for a name that is no arm).
    ///
    /// An arm without a label that is named after its own preset
    /// (`control` with preset `control`) shows the preset's name in `lang`
    /// (`kontroll`), so that a Swedish report names no arm in English.
    pub fn arm_label<'a>(&'a self, lang: Language, name: &'a str) -> &'a str {
        let Some(arm) = self.arms.iter().find(|a| a.name == name) else {
            return name;
        };
        arm.label
            .get(lang)
            .or_else(|| {
                (arm.preset == arm.name)
                    .then(|| crate::report::text::known_preset_label(lang, &arm.preset))
                    .flatten()
            })
            .unwrap_or(name)
    }

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
    /// Its label (per language, or one text for every language).
    pub label: LocalText,
    /// When it fires: `{"at_day": 1095}` or `{"scandals": {...}}`.
    pub trigger: serde_json::Value,
    /// The steering levers in force after it, by lever name.
    #[serde(default)]
    pub steering: serde_json::Value,
}

impl ManifestEvent {
    /// The day it fires on, for an event at a fixed day.
    pub fn at_day(&self) -> Option<u32> {
        self.trigger
            .get("at_day")
            .and_then(serde_json::Value::as_u64)
            .and_then(|d| u32::try_from(d).ok())
    }

    /// Lever `name` after the event, as a number (a switch as 0 or 1).
    pub fn lever(&self, name: &str) -> Option<f64> {
        let v = self.steering.get(name)?;
        v.as_f64()
            .or_else(|| v.as_bool().map(|b| if b { 1.0 } else { 0.0 }))
    }
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
    /// Arm `name` as a report in `lang` shows it (see
    /// [`ManifestScenario::arm_label`]): the one lookup every heading,
    /// table, sentence and chart legend uses.
    pub fn arm_label<'a>(&'a self, lang: Language, name: &'a str) -> &'a str {
        self.manifest.scenario.arm_label(lang, name)
    }

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
        return Err(ReportError::NotResults {
            path: dir.to_owned(),
            reason: unfinished_reason(dir)?,
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
    // Which runs the files must hold: every arm of every replication,
    // replication by replication, but for the runs that failed.
    let arms: Vec<&str> = s.arms.iter().map(|a| a.name.as_str()).collect();
    let failed: Vec<(String, u64)> = manifest
        .failures
        .iter()
        .filter_map(|f| {
            Some((
                f.get("arm")?.as_str()?.to_owned(),
                f.get("replication")?.as_u64()?,
            ))
        })
        .collect();
    let mut expected_runs = Vec::new();
    for rep in 0..manifest.replications {
        for arm in &arms {
            if !failed.iter().any(|(a, r)| a == arm && *r == u64::from(rep)) {
                expected_runs.push((arm.to_string(), rep));
            }
        }
    }
    let (runs_per_arm, outcomes) = count_runs(
        &dir.join(RUNS_FILE),
        &expected_runs,
        &manifest.replication_seeds,
    )?;
    let summary = read_summary(&dir.join(SUMMARY_FILE))?;
    check_summary(
        &dir.join(SUMMARY_FILE),
        &summary,
        &arms,
        s.baseline,
        &outcomes,
    )?;
    let months = check_series(&dir.join(SERIES_FILE), &expected_runs)?;
    let series = read_series_summary(
        &dir.join(SERIES_SUMMARY_FILE),
        &expected_runs,
        &arms,
        &months,
    )?;
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

/// Why a folder without a manifest is not (yet) a results folder, and
/// what to do.
fn unfinished_reason(dir: &Path) -> Result<String, ReportError> {
    if let Ok(text) = fs::read_to_string(dir.join(SHARD_FILE)) {
        let shard = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|j| {
                let s = j.get("shard")?;
                Some(format!("{}/{}", s.get("index")?, s.get("count")?))
            })
            .unwrap_or_else(|| "one".to_owned());
        return Ok(format!(
            "it is shard {shard} of a sweep, not a finished results folder: merge the shard \
             folders with `tillit merge OUT SHARD_DIR...` and make the report of OUT"
        ));
    }
    if dir.join(PARTS_DIR).join(PLAN_FILE).is_file() {
        return Ok(format!(
            "the sweep or sensitivity analysis in it did not finish: run `tillit sweep` (or \
             `tillit sensitivity`) with `--out {}` again to finish it",
            dir.display()
        ));
    }
    let unfinished = dir.join(STAGING_DIR).exists()
        || dir.join(BACKUP_DIR).exists()
        || fs::read_dir(dir)
            .map_err(read_error(dir))?
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().ends_with(PARTIAL_SUFFIX));
    Ok(if unfinished {
        "it has no manifest.json: the run did not finish (run it again)".to_owned()
    } else {
        "it has no manifest.json (run `tillit run` to make one)".to_owned()
    })
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
    if m.points > 0 && points.len() != m.points {
        return Err(invalid(
            &dir.join("points.csv"),
            None,
            format!(
                "it has {} points but the manifest says {}; the folder is damaged: run the \
                 sweep again into a new folder",
                points.len(),
                m.points
            ),
        ));
    }
    let arms: Vec<&str> = s.arms.iter().map(|a| a.name.as_str()).collect();
    let (levels, differences): (Vec<_>, Vec<_>) =
        read_point_summary(&dir.join(SUMMARY_FILE), points.len(), &arms)?
            .into_iter()
            .partition(|(_, row)| row.comparison == "level");
    // The report does not read a sweep's runs.csv, but checks it when it
    // is there (the fixtures of older versions left it out).
    let runs = dir.join(RUNS_FILE);
    if runs.is_file() {
        check_study_runs(&runs, points.len(), &arms, m.replications)?;
    }
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
        // A study's manifest has no command line; its folder keeps the
        // spec, and the manifest the replications and seed that ran it.
        command: {
            let spec = dir.join("spec.toml");
            let verb = match m.kind.as_str() {
                "morris" | "sobol" => format!("sensitivity {} --method {}", spec.display(), m.kind),
                _ => format!("sweep {}", spec.display()),
            };
            format!(
                "tillit {verb} --reps {} --seed {}",
                m.replications, m.scenario.seed
            )
        },
        finished_utc: String::new(),
        master_seed: m.scenario.seed,
        replications: m.replications,
        replication_seeds: Vec::new(),
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
            differences,
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

fn read_point_summary(
    path: &Path,
    points: usize,
    arms: &[&str],
) -> Result<Vec<(usize, SummaryRow)>, ReportError> {
    let mut rdr = reader(path)?;
    let columns: Vec<&str> = std::iter::once("point").chain(SUMMARY_COLUMNS).collect();
    check_header(path, &mut rdr, &columns)?;
    let mut rows = Vec::new();
    // Every point has the same rows (arm, comparison, outcome), in the same
    // order as point 0, and the points come in order, each once.
    let mut template: Vec<(String, String, String)> = Vec::new();
    let (mut point, mut at) = (0usize, 0usize);
    for record in rdr.records() {
        let record = record.map_err(|e| invalid(path, None, format!("cannot read a row: {e}")))?;
        let line = line_of(&record);
        let p = record
            .get(0)
            .and_then(|c| c.parse::<usize>().ok())
            .ok_or_else(|| invalid(path, line, "point is not a whole number"))?;
        let key = (
            record.get(1).unwrap_or("").to_owned(),
            record.get(2).unwrap_or("").to_owned(),
            record.get(3).unwrap_or("").to_owned(),
        );
        if p == point + 1 && at == template.len() && !template.is_empty() {
            (point, at) = (p, 0);
        }
        if p != point {
            return Err(damaged_row(
                path,
                line,
                &format!("a row of point {point}"),
                &format!("point {p}"),
            ));
        }
        if point == 0 {
            if !arms.contains(&key.0.as_str()) {
                return Err(invalid(
                    path,
                    line,
                    format!("no arm `{}` in the manifest; the folder is damaged", key.0),
                ));
            }
            if template.contains(&key) {
                return Err(damaged_row(
                    path,
                    line,
                    "each arm, comparison and outcome once per point",
                    &format!("`{}, {}, {}` again", key.0, key.1, key.2),
                ));
            }
            template.push(key.clone());
        } else if template.get(at) != Some(&key) {
            let expected = template.get(at).map_or("the next point".to_owned(), |k| {
                format!("`{}, {}, {}`", k.0, k.1, k.2)
            });
            return Err(damaged_row(
                path,
                line,
                &expected,
                &format!("`{}, {}, {}`", key.0, key.1, key.2),
            ));
        }
        at += 1;
        if key.1 == "level" || key.1.starts_with("difference_to_") {
            rows.push((p, summary_row(path, &record, 1)?));
        }
    }
    let complete = points == 0 || (point + 1 == points && at == template.len());
    if !complete {
        return Err(invalid(
            path,
            None,
            format!(
                "it ends at point {point} (row {at} of {}); the sweep has {points} points: rows \
                 are missing, so the folder is damaged",
                template.len()
            ),
        ));
    }
    Ok(rows)
}

/// A sweep's runs.csv: per point, per replication, per arm, one row.
fn check_study_runs(
    path: &Path,
    points: usize,
    arms: &[&str],
    replications: u32,
) -> Result<(), ReportError> {
    let mut rdr = reader(path)?;
    check_header(path, &mut rdr, &["point", "arm", "replication", "seed"])?;
    let mut expected = (0..points)
        .flat_map(|p| (0..replications).flat_map(move |r| arms.iter().map(move |a| (p, *a, r))));
    let mut record = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(invalid(path, None, format!("cannot read a row: {e}"))),
        }
        let found = (
            record.get(0).unwrap_or(""),
            record.get(1).unwrap_or(""),
            record.get(2).unwrap_or(""),
        );
        let describe =
            |(p, a, r): (&str, &str, &str)| format!("point {p}, arm {a}, replication {r}");
        match expected.next() {
            Some((p, a, r)) if (p.to_string().as_str(), a, r.to_string().as_str()) == found => {}
            Some((p, a, r)) => {
                return Err(damaged_row(
                    path,
                    line_of(&record),
                    &describe((&p.to_string(), a, &r.to_string())),
                    &describe(found),
                ));
            }
            None => {
                return Err(damaged_row(
                    path,
                    line_of(&record),
                    "the end of the file",
                    &describe(found),
                ));
            }
        }
    }
    if let Some((p, a, r)) = expected.next() {
        return Err(invalid(
            path,
            None,
            format!(
                "it ends before point {p}, arm {a}, replication {r}: rows are missing, so the \
                 folder is damaged"
            ),
        ));
    }
    Ok(())
}

/// A row that is not the one the manifest says comes next.
fn damaged_row(path: &Path, line: Option<u64>, expected: &str, found: &str) -> ReportError {
    invalid(
        path,
        line,
        format!(
            "expected {expected}, found {found}: a row is missing, duplicated or out of order, \
             so the folder is damaged; make it again with the command in its manifest"
        ),
    )
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
            mu: if kind == "morris" { num(4)? } else { f64::NAN },
            s1: if kind == "morris" {
                [f64::NAN; 3]
            } else {
                [num(4)?, num(5)?, num(6)?]
            },
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

/// The rows of a run's summary.csv, against the manifest: per arm, every
/// outcome's level, then (for an arm other than the baseline) every
/// outcome's paired difference to the baseline.
fn check_summary(
    path: &Path,
    rows: &[SummaryRow],
    arms: &[&str],
    baseline: usize,
    outcomes: &[String],
) -> Result<(), ReportError> {
    let difference = format!("difference_to_{}", arms[baseline]);
    let mut expected = Vec::new();
    for (a, arm) in arms.iter().enumerate() {
        for o in outcomes {
            expected.push((*arm, "level", o.as_str()));
        }
        if a != baseline {
            for o in outcomes {
                expected.push((*arm, difference.as_str(), o.as_str()));
            }
        }
    }
    for (i, (row, want)) in rows.iter().zip(&expected).enumerate() {
        let found = (
            row.arm.as_str(),
            row.comparison.as_str(),
            row.outcome.as_str(),
        );
        if found != *want {
            return Err(damaged_row(
                path,
                Some(i as u64 + 2),
                &format!("`{}, {}, {}`", want.0, want.1, want.2),
                &format!("`{}, {}, {}`", found.0, found.1, found.2),
            ));
        }
    }
    if rows.len() != expected.len() {
        return Err(invalid(
            path,
            None,
            format!(
                "it has {} rows; {} arms and {} outcomes make {}: rows are missing or \
                 duplicated, so the folder is damaged",
                rows.len(),
                arms.len(),
                outcomes.len(),
                expected.len()
            ),
        ));
    }
    Ok(())
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

/// Checks the keys of series.csv against the manifest: per run (in the
/// order of runs.csv), months 1 to M and the metrics in each. Returns the
/// (month, metric) keys of one run. The metrics and M are learnt from the
/// first run's rows (so a folder of a version with other metrics reads
/// too), and every other run must have the same.
fn check_series(path: &Path, runs: &[(String, u32)]) -> Result<Vec<(u32, String)>, ReportError> {
    let mut rdr = reader(path)?;
    check_header(
        path,
        &mut rdr,
        &["arm", "replication", "month", "metric", "value"],
    )?;
    let mut record = csv::StringRecord::new();
    let mut keys = SeriesKeys::new(path, runs);
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(invalid(path, None, format!("cannot read a row: {e}"))),
        }
        keys.row(&record)?;
    }
    keys.finish()
}

/// Reads series_summary.csv: per arm that has a run (in scenario order),
/// the (month, metric) rows of one run in series.csv's order.
fn read_series_summary(
    path: &Path,
    runs: &[(String, u32)],
    arms: &[&str],
    months: &[(u32, String)],
) -> Result<BTreeMap<(String, String), Vec<SeriesPoint>>, ReportError> {
    let mut rdr = reader(path)?;
    check_header(path, &mut rdr, &SERIES_SUMMARY_COLUMNS)?;
    let mut expected = arms
        .iter()
        .filter(|arm| runs.iter().any(|(a, _)| a == *arm))
        .flat_map(|arm| months.iter().map(move |(m, k)| (*arm, *m, k.as_str())));
    let mut out: BTreeMap<(String, String), Vec<SeriesPoint>> = BTreeMap::new();
    let mut record = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(invalid(path, None, format!("cannot read a row: {e}"))),
        }
        let line = line_of(&record);
        let found = (
            record.get(0).unwrap_or(""),
            record.get(1).unwrap_or(""),
            record.get(2).unwrap_or(""),
        );
        let show = |a: &str, m: &str, k: &str| format!("`{a}, month {m}, {k}`");
        let Some((arm, month, metric)) = expected.next() else {
            return Err(damaged_row(
                path,
                line,
                "the end of the file",
                &show(found.0, found.1, found.2),
            ));
        };
        if (arm, month.to_string().as_str(), metric) != found {
            return Err(damaged_row(
                path,
                line,
                &show(arm, &month.to_string(), metric),
                &show(found.0, found.1, found.2),
            ));
        }
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
        out.entry((arm.to_owned(), metric.to_owned()))
            .or_default()
            .push(point);
    }
    if let Some((arm, month, metric)) = expected.next() {
        return Err(invalid(
            path,
            None,
            format!(
                "it ends before the row of arm {arm}, month {month}, {metric}: rows are missing, \
                 so the folder is damaged"
            ),
        ));
    }
    Ok(out)
}

/// The keys of series.csv, checked row by row (see [`check_series`]).
struct SeriesKeys<'a> {
    path: &'a Path,
    /// The runs in file order: (arm, replication).
    blocks: &'a [(String, u32)],
    /// (month, metric) of one run, in order, learnt from the first block.
    template: Vec<(u32, String)>,
    learnt: bool,
    block: usize,
    pos: usize,
}

impl<'a> SeriesKeys<'a> {
    fn new(path: &'a Path, runs: &'a [(String, u32)]) -> Self {
        SeriesKeys {
            path,
            blocks: runs,
            template: Vec::new(),
            learnt: false,
            block: 0,
            pos: 0,
        }
    }

    fn row(&mut self, record: &csv::StringRecord) -> Result<(), ReportError> {
        let line = line_of(record);
        let found = (
            record.get(0).unwrap_or(""),
            record.get(1).unwrap_or(""),
            record.get(2).unwrap_or(""),
            record.get(3).unwrap_or(""),
        );
        let show = |a: &str, r: &str, m: &str, k: &str| format!("`{a}, {r}, month {m}, {k}`");
        if !self.learnt {
            let Some((arm, rep)) = self.blocks.first() else {
                return Err(damaged_row(
                    self.path,
                    line,
                    "no rows (no run worked)",
                    &show(found.0, found.1, found.2, found.3),
                ));
            };
            if found.0 == arm && found.1 == rep.to_string() {
                let month = found
                    .2
                    .parse::<u32>()
                    .map_err(|_| invalid(self.path, line, "month is not a whole number"))?;
                self.template.push((month, found.3.to_owned()));
                return Ok(());
            }
            self.learn()?;
        }
        let Some((arm, rep)) = self.blocks.get(self.block) else {
            return Err(damaged_row(
                self.path,
                line,
                "the end of the file",
                &show(found.0, found.1, found.2, found.3),
            ));
        };
        let (month, metric) = &self.template[self.pos];
        let (rep, month) = (rep.to_string(), month.to_string());
        if (arm.as_str(), rep.as_str(), month.as_str(), metric.as_str()) != found {
            return Err(damaged_row(
                self.path,
                line,
                &show(arm, &rep, &month, metric),
                &show(found.0, found.1, found.2, found.3),
            ));
        }
        self.pos += 1;
        if self.pos == self.template.len() {
            self.pos = 0;
            self.block += 1;
        }
        Ok(())
    }

    /// Checks the first run's rows (months 1 to M, the same metrics in each
    /// month) and makes them the template of every other block.
    fn learn(&mut self) -> Result<(), ReportError> {
        let metrics: Vec<&str> = self
            .template
            .iter()
            .take_while(|(m, _)| *m == 1)
            .map(|(_, k)| k.as_str())
            .collect();
        let k = metrics.len();
        let repeated = metrics
            .iter()
            .enumerate()
            .any(|(i, m)| metrics[..i].contains(m));
        let regular = k > 0
            && !repeated
            && self.template.len().is_multiple_of(k)
            && self
                .template
                .iter()
                .enumerate()
                .all(|(i, (m, name))| *m as usize == i / k + 1 && name == metrics[i % k]);
        if !regular {
            let (arm, rep) = self
                .blocks
                .first()
                .map_or(("", 0), |(a, r)| (a.as_str(), *r));
            return Err(invalid(
                self.path,
                None,
                format!(
                    "the rows of arm {arm}, replication {rep} are not months 1, 2, ... with the same \
                     metrics in each: rows are missing or duplicated, so the folder is damaged"
                ),
            ));
        }
        self.learnt = true;
        self.block = 1;
        self.pos = 0;
        Ok(())
    }

    /// Checks that every run had its rows; returns one run's keys.
    fn finish(mut self) -> Result<Vec<(u32, String)>, ReportError> {
        if !self.learnt && !self.template.is_empty() {
            self.learn()?;
        }
        if let Some((arm, rep)) = self.blocks.get(self.block) {
            return Err(invalid(
                self.path,
                None,
                format!(
                    "it ends before the rows of arm {arm}, replication {rep}: rows are missing, \
                     so the folder is damaged"
                ),
            ));
        }
        Ok(self.template)
    }
}

/// Counts the rows of runs.csv per arm, checking that they are the runs
/// `expected` (arm, replication) in that order, with the seeds `seeds`
/// (when recorded); returns the counts and the outcome columns.
fn count_runs(
    path: &Path,
    expected: &[(String, u32)],
    seeds: &[u64],
) -> Result<(BTreeMap<String, usize>, Vec<String>), ReportError> {
    let mut rdr = reader(path)?;
    check_header(path, &mut rdr, &["arm", "replication", "seed"])?;
    let outcomes: Vec<String> = rdr
        .headers()
        .map_err(|e| invalid(path, Some(1), format!("cannot read the header: {e}")))?
        .iter()
        .skip(3)
        .map(str::to_owned)
        .collect();
    let mut counts = BTreeMap::new();
    let mut i = 0;
    for record in rdr.records() {
        let record = record.map_err(|e| invalid(path, None, format!("cannot read a row: {e}")))?;
        let line = line_of(&record);
        let found = (record.get(0).unwrap_or(""), record.get(1).unwrap_or(""));
        let show = |a: &str, r: &str| format!("arm {a}, replication {r}");
        let Some((arm, rep)) = expected.get(i) else {
            return Err(damaged_row(
                path,
                line,
                "the end of the file",
                &show(found.0, found.1),
            ));
        };
        if (arm.as_str(), rep.to_string().as_str()) != found {
            return Err(damaged_row(
                path,
                line,
                &show(arm, &rep.to_string()),
                &show(found.0, found.1),
            ));
        }
        if let Some(seed) = seeds.get(*rep as usize)
            && record.get(2) != Some(seed.to_string().as_str())
        {
            return Err(invalid(
                path,
                line,
                format!(
                    "replication {rep} has seed {}, but the manifest says {seed}: these rows \
                         are from another run, so the folder is damaged",
                    record.get(2).unwrap_or("")
                ),
            ));
        }
        *counts.entry(found.0.to_owned()).or_insert(0) += 1;
        i += 1;
    }
    if let Some((arm, rep)) = expected.get(i) {
        return Err(invalid(
            path,
            None,
            format!(
                "it has {i} runs; the manifest says {} (arm {arm}, replication {rep} is the \
                 first missing): the folder is damaged",
                expected.len()
            ),
        ));
    }
    Ok((counts, outcomes))
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
