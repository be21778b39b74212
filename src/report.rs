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
//! `<name>.partial` and then renamed into place, the HTML last. The HTML
//! lists its chart files in a meta element; the next report at the same
//! path removes the charts of that list it no longer has, and nothing else.
//! A file at the report's path or a chart's that tillit did not write is
//! never overwritten without [`ReportOptions::force`], and the files of a
//! results folder never are. The folder the report goes into is locked
//! while it is written (see [`crate::output::FolderLock`]).

pub mod charts;
pub mod findings;
pub mod html;
pub mod load;
pub mod robustness;
pub mod svg;
pub mod text;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::output::owned::{self, Existing};
use crate::output::{FolderLock, OutputError, commit, fs_ops};
use crate::scenario::Language;

pub use crate::output::{CHARTS_DIR, REPORT_FILE};
pub use load::{ResultsFolder, load_results};

/// The file name of the chart with id `id` in [`CHARTS_DIR`].
pub fn chart_file_name(id: &str) -> String {
    format!("{id}.svg")
}

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
    /// The folder is in use, or the report would replace a file tillit did
    /// not write or a file of a results folder.
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl ReportError {
    /// Whether the error is in the input (a missing or malformed results
    /// folder, a folder in use, a path that would overwrite something)
    /// rather than in writing the report.
    pub fn is_input(&self) -> bool {
        match self {
            ReportError::Write { .. } => false,
            ReportError::Output(e) => e.is_input(),
            _ => true,
        }
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
    /// Replace an HTML or SVG file at the report's paths that tillit did not
    /// write. (The files of a results folder are never replaced.)
    pub force: bool,
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
    /// Old charts that could not be removed, and notes such as an
    /// interrupted earlier write that was undone; never a failure.
    pub warnings: Vec<String>,
}

/// Reads the finished results folder `dir` and writes its report.
pub fn write_report(dir: &Path, options: &ReportOptions) -> Result<ReportFiles, ReportError> {
    if !dir.is_dir() {
        // The reason in the reader's words.
        load_results(dir)?;
    }
    let html_path = options.out.clone().unwrap_or_else(|| dir.join(REPORT_FILE));
    let refuse = |path: &Path, message: String| {
        ReportError::Output(OutputError::Refused {
            path: path.to_owned(),
            message,
        })
    };
    if html_path.is_dir() {
        return Err(refuse(
            &html_path,
            format!(
                "it is a folder; give the path of the HTML file, e.g. {}",
                html_path.join(REPORT_FILE).display()
            ),
        ));
    }
    let Some(name) = html_path.file_name().and_then(|n| n.to_str()) else {
        return Err(refuse(&html_path, "it has no file name".to_owned()));
    };
    let parent = match html_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    fs_ops::create_dir_all(&parent).map_err(|source| ReportError::Write {
        path: parent.clone(),
        source,
    })?;
    let _out_lock = FolderLock::exclusive(&parent)?;
    let mut warnings = Vec::new();
    let same_folder = fs::canonicalize(&parent).ok() == fs::canonicalize(dir).ok();
    let _results_lock = if same_folder {
        warnings.extend(commit::recover(dir)?);
        None
    } else {
        Some(FolderLock::shared(dir)?)
    };
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

    // Never over results, never over what tillit did not write.
    let existing = Existing::of(&parent);
    if existing.owns(name) || name.starts_with(".tillit") || !commit::is_plain_name(name) {
        return Err(refuse(
            &html_path,
            "it is a file of the results in that folder, which a report never replaces; \
             choose another --out"
                .to_owned(),
        ));
    }
    let previous = owned::report_charts(&html_path);
    if fs::symlink_metadata(&html_path).is_ok() && previous.is_none() && !options.force {
        return Err(refuse(
            &html_path,
            "it exists and tillit did not write it; choose another --out, or pass --force to \
             replace it"
                .to_owned(),
        ));
    }

    let charts_dir = parent.join(CHARTS_DIR);
    if charts_dir.exists() && !charts_dir.is_dir() {
        return Err(refuse(
            &charts_dir,
            "the charts go into this folder, but it is a file".to_owned(),
        ));
    }
    let charts: Vec<PathBuf> = page
        .charts
        .iter()
        .map(|c| charts_dir.join(chart_file_name(&c.id)))
        .collect();
    if !options.force
        && let Some(foreign) = charts
            .iter()
            .find(|p| fs::symlink_metadata(p).is_ok() && !owned::is_tillit_chart(p))
    {
        return Err(refuse(
            foreign,
            "it exists and tillit did not write it; choose another --out, or pass --force \
                 to replace it"
                .to_owned(),
        ));
    }
    fs_ops::create_dir_all(&charts_dir).map_err(|source| ReportError::Write {
        path: charts_dir.clone(),
        source,
    })?;
    for (chart, path) in page.charts.iter().zip(&charts) {
        write_atomically(path, &chart.standalone_svg())?;
    }
    write_atomically(&html_path, &page.html)?;
    warnings.extend(owned::remove_charts(
        &charts_dir,
        &previous.unwrap_or_default(),
        &charts,
    ));
    Ok(ReportFiles {
        html: html_path,
        charts,
        language,
        warnings,
    })
}

/// Writes `text` to `<path>.partial`, syncs it and renames it to `path`;
/// on a failure removes the `.partial` file.
fn write_atomically(path: &Path, text: &str) -> Result<(), ReportError> {
    let partial = crate::output::partial_path(path);
    let result = fs_ops::write_new(&partial, text.as_bytes())
        .map_err(|source| ReportError::Write {
            path: partial.clone(),
            source,
        })
        .and_then(|()| {
            fs_ops::rename(&partial, path).map_err(|source| ReportError::Write {
                path: path.to_owned(),
                source,
            })
        });
    if result.is_err() {
        let _ = fs_ops::remove_file(&partial);
    }
    result
}
