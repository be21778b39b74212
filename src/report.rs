//! Reports for policymakers: one self-contained HTML file with charts, in
//! Swedish or English, made from a finished results folder.
//!
//! What lives here: reading a results folder ([`load`]), a small SVG writer
//! ([`svg`]), the chart kinds ([`charts`]), every label and sentence in both
//! languages with the rule that words a paired difference ([`text`]), and
//! the assembly of the page ([`html`]). [`write_report`] ties them together.
//!
//! What does not: no simulation and no statistics. The report reads the
//! means, intervals and paired differences the experiment wrote and never
//! recomputes a model result; it only rescales units for display (shares as
//! percent). It needs nothing at view time: no network, scripts or fonts,
//! and a Content-Security-Policy that forbids fetching anything.
//!
//! # Files
//!
//! [`write_report`] writes [`REPORT_FILE`] (or the path asked for) and one
//! SVG file per chart in [`CHARTS_DIR`] beside it, each first as
//! `<name>.partial` and then renamed into place, the HTML last.

pub mod charts;
pub mod html;
pub mod load;
pub mod robustness;
pub mod svg;
pub mod text;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::scenario::Language;

pub use load::{ResultsFolder, load_results};

/// Name of the report in a results folder.
pub const REPORT_FILE: &str = "report.html";

/// Folder beside the report that holds every chart as an SVG file.
pub const CHARTS_DIR: &str = "charts";

/// A results folder that cannot be read, or a report that cannot be
/// written. The Display names the path.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The results folder does not exist or is not a folder.
    #[error("{} is not a results folder: {reason}", path.display())]
    NotResults {
        /// The folder given.
        path: PathBuf,
        /// Why not, e.g. "it does not exist".
        reason: String,
    },
    /// A file of the results folder could not be read.
    #[error("cannot read {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
    /// A file of the results folder is not what tillit writes.
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The file, with a line number where one is known.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A report file could not be written or renamed into place.
    #[error("cannot write {}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
}

impl ReportError {
    /// Whether the error is in the input (a missing or malformed results
    /// folder) rather than in writing the report.
    pub fn is_input(&self) -> bool {
        !matches!(self, ReportError::Write { .. })
    }
}

/// What [`write_report`] should do.
#[derive(Clone, Debug, Default)]
pub struct ReportOptions {
    /// The language; `None`: the scenario's `language`, else English.
    pub language: Option<Language>,
    /// Where to write the HTML; `None`: [`REPORT_FILE`] in the results
    /// folder. The charts go to [`CHARTS_DIR`] beside it.
    pub out: Option<PathBuf>,
}

/// What [`write_report`] wrote.
#[derive(Clone, Debug)]
pub struct ReportFiles {
    /// The HTML file.
    pub html: PathBuf,
    /// The SVG files, one per chart, in page order.
    pub charts: Vec<PathBuf>,
    /// The language it is written in.
    pub language: Language,
}

/// Reads the finished results folder `dir` and writes its report.
pub fn write_report(dir: &Path, options: &ReportOptions) -> Result<ReportFiles, ReportError> {
    let (page, language) = if robustness::is_robustness(dir) {
        let language = options
            .language
            .or(robustness::load_manifest(dir)?.language)
            .unwrap_or_default();
        (robustness::build(dir, language)?, language)
    } else {
        let results = load_results(dir)?;
        let language = options
            .language
            .or(results.manifest.scenario.language)
            .unwrap_or_default();
        (html::build(&results, language), language)
    };
    let html_path = options.out.clone().unwrap_or_else(|| dir.join(REPORT_FILE));
    let charts_dir = html_path
        .parent()
        .map_or_else(|| PathBuf::from(CHARTS_DIR), |p| p.join(CHARTS_DIR));
    fs::create_dir_all(&charts_dir).map_err(|source| ReportError::Write {
        path: charts_dir.clone(),
        source,
    })?;
    let mut charts = Vec::with_capacity(page.charts.len());
    for chart in &page.charts {
        let path = charts_dir.join(format!("{}.svg", chart.id));
        write_atomically(&path, &chart.standalone_svg())?;
        charts.push(path);
    }
    write_atomically(&html_path, &page.html)?;
    remove_stale_charts(&charts_dir, &charts)?;
    Ok(ReportFiles {
        html: html_path,
        charts,
        language,
    })
}

/// Writes `text` to `<path>.partial`, syncs it and renames it to `path`.
/// Removes the SVG files in `charts_dir` that the report just written does
/// not have: charts of an earlier report of another shape, which would
/// otherwise sit beside it as if they belonged to it.
fn remove_stale_charts(charts_dir: &Path, current: &[PathBuf]) -> Result<(), ReportError> {
    let listing = |source| ReportError::Write {
        path: charts_dir.to_owned(),
        source,
    };
    for entry in fs::read_dir(charts_dir).map_err(listing)? {
        let path = entry.map_err(listing)?.path();
        let svg = path.extension().is_some_and(|e| e == "svg");
        if svg && !current.contains(&path) {
            fs::remove_file(&path).map_err(|source| ReportError::Write {
                path: path.clone(),
                source,
            })?;
        }
    }
    Ok(())
}

fn write_atomically(path: &Path, text: &str) -> Result<(), ReportError> {
    let partial = crate::output::partial_path(path);
    let write_error = |source| ReportError::Write {
        path: partial.clone(),
        source,
    };
    let file = fs::File::create(&partial).map_err(write_error)?;
    io::Write::write_all(&mut &file, text.as_bytes()).map_err(write_error)?;
    file.sync_all().map_err(write_error)?;
    fs::rename(&partial, path).map_err(|source| ReportError::Write {
        path: path.to_owned(),
        source,
    })
}
