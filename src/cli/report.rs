//! `tillit report`: write the HTML report of a finished results folder.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;

use tillit::report::{ReportOptions, write_report};
use tillit::scenario::Language;

/// Parses `--lang`: `sv` or `en`.
pub fn parse_language(code: &str) -> Result<Language, String> {
    Language::from_code(code).ok_or_else(|| format!("unknown language `{code}`: use `sv` or `en`"))
}

/// Arguments of `tillit report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The results folder of a finished `tillit run`.
    results: PathBuf,
    /// Language of the report: `sv` or `en` [default: the scenario's
    /// `language`, else en].
    #[arg(long, value_parser = parse_language)]
    lang: Option<Language>,
    /// Where to write the HTML file [default: RESULTS/report.html]; the
    /// charts go to charts/ beside it.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Replace an HTML or SVG file at the report's paths that tillit did not
    /// write (the files of a results folder are never replaced).
    #[arg(long)]
    force: bool,
}

/// Writes the report.
pub fn report(args: &ReportArgs) -> anyhow::Result<()> {
    let html = write(&args.results, args.lang, args.out.clone(), args.force)?;
    note!("Report: {}", html.display());
    Ok(())
}

/// Writes the report of `results`; returns the HTML file. Shared with
/// `tillit run --report`.
pub fn write(
    results: &Path,
    lang: Option<Language>,
    out: Option<PathBuf>,
    force: bool,
) -> anyhow::Result<PathBuf> {
    let options = ReportOptions {
        language: lang,
        out,
        force,
    };
    let files = write_report(results, &options)
        .with_context(|| format!("cannot make a report of {}", results.display()))?;
    for warning in &files.warnings {
        super::warn(warning);
    }
    Ok(files.html)
}
