//! Output: the results folder and the terminal comparison table.
//!
//! What lives here: every file name and column layout tillit writes. Only
//! `output/` decides file names, column names, column order, row order and
//! how numbers are spelled; the names of outcomes and series metrics come
//! from the catalogues in [`crate::outcome`], unchanged.
//!
//! What does not live here: no simulation and no statistics (summaries
//! arrive computed in an [`ExperimentResult`](crate::experiment::ExperimentResult)),
//! no clock (timestamps arrive in a [`ManifestInfo`]), and no printing
//! ([`comparison_table`] returns a `String` for the caller to print).
//!
//! # The results folder
//!
//! [`ResultsWriter`] streams per-run rows while an experiment runs and
//! writes the aggregates when it ends. Every value is a plain CSV cell; a
//! number is written in Rust's shortest round-trip form (`0.1`, `12`,
//! `1.5e-7`), a missing value (NaN) as `NA` and an infinity as `Inf` or
//! `-Inf`, so the same inputs give byte-identical files and R, Python and
//! spreadsheets read them as they are.
//!
//! | file | columns | rows |
//! |------|---------|------|
//! | [`RUNS_FILE`] | `arm, replication, seed,` then every outcome name in [`OUTCOMES`](crate::outcome::OUTCOMES) order | one per arm and replication |
//! | [`SERIES_FILE`] | `arm, replication, month, metric, value` | one per run, month (from 1) and series metric |
//! | [`SERIES_SUMMARY_FILE`] | `arm, month, metric, mean, sd, ci_low, ci_high, n` | per arm, month and series metric: the aggregate over replications |
//! | [`YEARLY_SUMMARY_FILE`] | `arm, comparison, year, outcome, unit, mean, sd, ci_low, ci_high, n` | as summary.csv, per simulated year (from 1, warm-up included): per arm the levels year by year, then the paired differences; a run without a value that year is left out and `n` counts the rest |
//! | [`SUMMARY_FILE`] | `arm, comparison, outcome, unit, mean, sd, ci_low, ci_high, n` | per arm and outcome: `comparison` = `level`; for each non-baseline arm also `difference_to_<baseline>` (paired, arm minus baseline) |
//! | [`MANIFEST_FILE`] | pretty JSON | version, command, timestamps, seeds, threads, timings, failures, the resolved scenario |
//!
//! Every file is written into the staging folder `.tillit-new/` and put in
//! place only when the experiment has finished, `manifest.json` last: a
//! folder with a `manifest.json` is complete, one without it is not, and
//! a failure at any step leaves the earlier results as they were (see
//! [`commit`] and docs/RELIABILITY.md). A writer holds the folder's lock
//! ([`FolderLock`]) from its first file to its last, and overwrites or
//! removes only files tillit wrote ([`owned`]).

use std::fs;
use std::path::{Path, PathBuf};

pub mod commit;
mod error;
pub(crate) mod format;
pub(crate) mod fs_ops;
mod indices;
pub mod lock;
pub mod owned;
mod results_dir;
mod robustness_dir;
mod sweep_dir;
mod sweep_table;
mod table;
#[cfg(test)]
mod testing;

pub use error::OutputError;
pub use indices::{IndexRow, IndexValues, indices_csv, ranking_table};
pub use lock::{FolderLock, LOCK_FILE, set_holder_note};
pub use owned::{CHARTS_DIR, REPORT_FILE};
pub use results_dir::{Finished, ManifestInfo, RUN_FILES, ResultsWriter};
pub use robustness_dir::{
    BOXES_FILE, EFFECTS_FILE, ROBUSTNESS_FILE, ROBUSTNESS_FORMAT, SEPARATION_FILE, STAGE1_DIR,
    STAGE2_DIR, StudyRecord, WAVE2_DIR, WORLDS_FILE, box_words, boxes_csv, effects_csv,
    manifest_json, robustness_csv, robustness_table, separation_csv, separation_order,
    stage_levels, worlds_csv, write_study,
};
pub use sweep_dir::{
    Assembled, RecordedRun, SWEEP_FILES, SweepFailure, SweepWriter, merge, part_file_name,
    read_runs, replay_outcomes_csv, replay_series_csv,
};
pub use sweep_table::{sweep_table, sweep_table_outcomes};
pub use table::{comparison_table, default_table_outcomes, pathway_table_outcomes, table_outcomes};

/// The columns of `summary.csv` (a sweep's adds `point` in front).
pub const SUMMARY_COLUMNS: [&str; 9] = [
    "arm",
    "comparison",
    "outcome",
    "unit",
    "mean",
    "sd",
    "ci_low",
    "ci_high",
    "n",
];

/// The columns of `summary_by_year.csv`: summary.csv's, with the year.
pub const YEARLY_SUMMARY_COLUMNS: [&str; 10] = [
    "arm",
    "comparison",
    "year",
    "outcome",
    "unit",
    "mean",
    "sd",
    "ci_low",
    "ci_high",
    "n",
];

/// The columns of `series_summary.csv`.
pub const SERIES_SUMMARY_COLUMNS: [&str; 8] = [
    "arm", "month", "metric", "mean", "sd", "ci_low", "ci_high", "n",
];

/// The columns of a Morris analysis's `indices.csv`.
pub const MORRIS_INDEX_COLUMNS: [&str; 9] = [
    "arm",
    "outcome",
    "factor",
    "rank",
    "mu",
    "mu_star",
    "mu_star_ci_low",
    "mu_star_ci_high",
    "sigma",
];

/// The columns of a Sobol analysis's `indices.csv`.
pub const SOBOL_INDEX_COLUMNS: [&str; 10] = [
    "arm",
    "outcome",
    "factor",
    "rank",
    "s1",
    "s1_ci_low",
    "s1_ci_high",
    "st",
    "st_ci_low",
    "st_ci_high",
];

/// Per-run outcomes: one row per arm and replication.
pub const RUNS_FILE: &str = "runs.csv";

/// Monthly series in tidy long form, one row per run, month and metric.
pub const SERIES_FILE: &str = "series.csv";

/// Monthly series aggregated over replications, one row per arm, month
/// and metric.
pub const SERIES_SUMMARY_FILE: &str = "series_summary.csv";

/// Per arm, simulated year and outcome: summary.csv's statistics for that
/// year alone, warm-up years included.
pub const YEARLY_SUMMARY_FILE: &str = "summary_by_year.csv";

/// Per arm and outcome: mean, spread, interval and n, levels and paired
/// differences to the baseline.
pub const SUMMARY_FILE: &str = "summary.csv";

/// The manifest; written last, its presence marks a complete folder.
pub const MANIFEST_FILE: &str = "manifest.json";

/// Suffix of a file still being written.
pub const PARTIAL_SUFFIX: &str = ".partial";

/// Sweep and sensitivity folders: the resolved points, one row per point.
pub const POINTS_FILE: &str = "points.csv";

/// Sweep and sensitivity folders: the scenario file's text, for replays.
pub const SPEC_FILE: &str = "spec.toml";

/// Sensitivity folders: one row per arm, outcome and factor.
pub const INDICES_FILE: &str = "indices.csv";

/// Sweep folders: the finished parts, and the plan they belong to.
pub const PARTS_DIR: &str = "parts";

/// In `parts/`: the plan (the manifest without failures).
pub const PLAN_FILE: &str = "plan.json";

/// A shard's folder: which shard of which plan it holds.
pub const SHARD_FILE: &str = "shard.json";

/// Version of the sweep-folder layout, recorded in its manifest. 2: runs.csv
/// carries each point's factor values; the manifest names their columns.
pub const SWEEP_FORMAT: u32 = 2;

/// Version of the results-folder layout, recorded in the manifest; raised
/// whenever a file name, column or row convention changes. 2: the series
/// aggregates moved from `series.csv` to `series_summary.csv`, and
/// `summary_by_year.csv` was added.
pub const RESULTS_FORMAT: u32 = 2;

/// `path` with `.partial` added: where a file is written before it is
/// renamed into place.
pub(crate) fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(PARTIAL_SUFFIX);
    path.with_file_name(name)
}

/// Removes the `<name>.partial` files in `dir` that tillit leaves when it
/// is interrupted while writing a file atomically: those whose `<name>`
/// `ours` accepts. Other files, and links, are left alone.
pub(crate) fn remove_partials(dir: &Path, ours: impl Fn(&str) -> bool) -> Result<(), OutputError> {
    let listing = |source| OutputError::Remove {
        path: dir.to_owned(),
        source,
    };
    for entry in fs::read_dir(dir).map_err(listing)? {
        let entry = entry.map_err(listing)?;
        let name = entry.file_name();
        let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(PARTIAL_SUFFIX)) else {
            continue;
        };
        if ours(stem) && entry.file_type().map_err(listing)?.is_file() {
            fs_ops::remove_file(&entry.path()).map_err(|source| OutputError::Remove {
                path: entry.path(),
                source,
            })?;
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically: `<path>.partial`, synced, renamed
/// over `path`. On a failure the `.partial` file is removed and `path` is
/// as it was. The caller holds the folder's lock.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let partial = partial_path(path);
    let result = fs_ops::write_new(&partial, bytes)
        .map_err(|source| OutputError::Write {
            path: partial.clone(),
            source,
        })
        .and_then(|()| {
            fs_ops::rename(&partial, path).map_err(|source| OutputError::Rename {
                from: partial.clone(),
                to: path.to_owned(),
                source,
            })
        });
    if result.is_err() {
        let _ = fs_ops::remove_file(&partial);
    }
    result
}

/// Whether `name` in `dir` is a file of tillit's results that no other
/// output may replace: one its manifest lists, the manifest, a sweep's
/// file or part, or one of tillit's hidden files.
pub fn is_results_file(dir: &Path, name: &str) -> bool {
    let existing = owned::Existing::of(dir);
    let sweep_name =
        SWEEP_FILES.contains(&name) || [MANIFEST_FILE, INDICES_FILE, SHARD_FILE].contains(&name);
    let in_parts = dir.file_name().is_some_and(|n| n == PARTS_DIR) && dir.join(PLAN_FILE).exists();
    existing.owns(name)
        || !commit::is_plain_name(name)
        || (existing.sweep_parts && sweep_name)
        || in_parts
}

/// Whether the file at `path` is the monthly series of a replay that
/// tillit wrote (`tillit replay --series`): a regular file that starts the
/// way [`replay_series_csv`] starts. Such a file may be replaced.
pub fn is_replay_series_file(path: &Path) -> bool {
    let first = crate::outcome::SERIES_METRICS
        .first()
        .map_or("", |m| m.name);
    owned::read_head(path, 256)
        .is_some_and(|head| head.starts_with(&format!("month,metric,value\n1,{first},")))
}
