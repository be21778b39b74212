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
//! | [`SERIES_FILE`] | `arm, replication, month, metric, value` | one per run, month (from 1) and series metric; then per arm, month and metric the aggregates, with `replication` = `mean`, `sd`, `ci_low`, `ci_high` |
//! | [`SUMMARY_FILE`] | `arm, comparison, outcome, unit, mean, sd, ci_low, ci_high, n` | per arm and outcome: `comparison` = `level`; for each non-baseline arm also `difference_to_<baseline>` (paired, arm minus baseline) |
//! | [`MANIFEST_FILE`] | pretty JSON | version, command, timestamps, seeds, threads, timings, failures, the resolved scenario |
//!
//! Every file is written as `<name>.partial` and renamed into place only
//! when the experiment has finished, `manifest.json` last: a folder with a
//! `manifest.json` is complete, one without it is not.

use std::fs;
use std::path::{Path, PathBuf};

mod error;
pub(crate) mod format;
mod indices;
mod results_dir;
mod robustness_dir;
mod sweep_dir;
mod sweep_table;
mod table;

pub use error::OutputError;
pub use indices::{IndexRow, IndexValues, indices_csv, ranking_table};
pub use results_dir::{ManifestInfo, ResultsWriter};
pub use robustness_dir::{
    BOXES_FILE, EFFECTS_FILE, ROBUSTNESS_FILE, ROBUSTNESS_FORMAT, SEPARATION_FILE, STAGE1_DIR,
    STAGE2_DIR, StudyRecord, WAVE2_DIR, WORLDS_FILE, box_words, boxes_csv, effects_csv,
    manifest_json, robustness_csv, robustness_table, separation_csv, separation_order,
    stage_levels, worlds_csv, write_study,
};
pub use sweep_dir::{
    Assembled, SweepFailure, SweepWriter, merge, part_file_name, replay_outcomes_csv,
    replay_series_csv,
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

/// Monthly series in tidy long form, per run and aggregated.
pub const SERIES_FILE: &str = "series.csv";

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

/// Version of the sweep-folder layout, recorded in its manifest.
pub const SWEEP_FORMAT: u32 = 1;

/// Version of the results-folder layout, recorded in the manifest; raised
/// whenever a file name, column or row convention changes.
pub const RESULTS_FORMAT: u32 = 1;

/// `path` with `.partial` added: where a file is written before it is
/// renamed into place.
pub(crate) fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(PARTIAL_SUFFIX);
    path.with_file_name(name)
}

/// Removes every `*.partial` file in `dir`, left by an interrupted run.
pub(crate) fn remove_partials(dir: &Path) -> Result<(), OutputError> {
    let listing = |source| OutputError::Remove {
        path: dir.to_owned(),
        source,
    };
    for entry in fs::read_dir(dir).map_err(listing)? {
        let entry = entry.map_err(listing)?;
        let partial = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.ends_with(PARTIAL_SUFFIX));
        if partial && entry.file_type().map_err(listing)?.is_file() {
            fs::remove_file(entry.path()).map_err(|source| OutputError::Remove {
                path: entry.path(),
                source,
            })?;
        }
    }
    Ok(())
}
