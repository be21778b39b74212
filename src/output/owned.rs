//! Which files tillit wrote, so that it overwrites and removes only those.
//!
//! - The data files of a results folder are listed in its manifest's
//!   `files`; the manifest itself is tillit's when it reads as one.
//! - A report is tillit's when its head carries
//!   `<meta name="generator" content="tillit ...">`; it lists the chart
//!   files it wrote in `<meta name="tillit-charts" content="a.svg b.svg">`.
//! - A chart is tillit's when it starts with tillit's SVG prologue.
//!
//! Nothing here follows a symbolic link to delete: a link is never taken
//! for a file tillit wrote, and a `charts` folder that is a link is never
//! cleaned.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::commit::is_plain_name;
use super::fs_ops;
use super::{MANIFEST_FILE, OutputError, PARTS_DIR, PLAN_FILE, SHARD_FILE};

/// Name of the report in a results folder.
pub const REPORT_FILE: &str = "report.html";

/// Folder beside the report that holds every chart as an SVG file.
pub const CHARTS_DIR: &str = "charts";

/// The head of every report names its generator with this.
pub const REPORT_GENERATOR: &str = "<meta name=\"generator\" content=\"tillit ";

/// The name of the report's meta element that lists its chart files.
pub const REPORT_CHARTS_META: &str = "tillit-charts";

/// The second line of every standalone chart tillit writes.
pub const CHART_MARKER: &str = "<!-- tillit chart -->";

/// What a results folder holds, as far as replacing it is concerned.
#[derive(Clone, Debug, Default)]
pub(crate) struct Existing {
    /// Whether it has a `manifest.json`.
    pub manifest: bool,
    /// The manifest's `kind` (`sweep`, `morris`, `sobol`), if it reads as
    /// a tillit manifest; `Some("")` for a run's manifest.
    pub kind: Option<String>,
    /// The files its manifest lists (plain names only).
    pub files: Vec<String>,
    /// Whether it holds a sweep's `parts/plan.json` or a `shard.json`.
    pub sweep_parts: bool,
    /// Its `report.html`, when tillit wrote it: the charts it lists.
    pub report_charts: Option<Vec<String>>,
}

impl Existing {
    /// Reads what `dir` holds.
    pub(crate) fn of(dir: &Path) -> Existing {
        let mut out = Existing {
            sweep_parts: is_file(&dir.join(PARTS_DIR).join(PLAN_FILE))
                || is_file(&dir.join(SHARD_FILE)),
            report_charts: report_charts(&dir.join(REPORT_FILE)),
            ..Existing::default()
        };
        let manifest = dir.join(MANIFEST_FILE);
        out.manifest = fs::symlink_metadata(&manifest).is_ok();
        if let Some(text) = read_head(&manifest, 64 << 20)
            && let Ok(json) = serde_json::from_str::<serde_json::Value>(&text)
            && json.get("tillit_version").is_some()
            && json.get("scenario").is_some()
        {
            out.kind = Some(
                json.get("kind")
                    .and_then(|k| k.as_str())
                    .unwrap_or("")
                    .to_owned(),
            );
            out.files = json
                .get("files")
                .and_then(|f| f.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str())
                        .filter(|n| is_plain_name(n))
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
        }
        out
    }

    /// Whether tillit wrote `name` in this folder, as far as its manifest
    /// says.
    pub(crate) fn owns(&self, name: &str) -> bool {
        self.kind.is_some() && (name == MANIFEST_FILE || self.files.iter().any(|f| f == name))
    }

    /// A study manifest (`sweep`, `morris`, `sobol`).
    pub(crate) fn is_study(&self) -> bool {
        self.kind.as_deref().is_some_and(|k| !k.is_empty())
    }
}

/// What a replacement removes besides the files it replaces.
#[derive(Clone, Debug, Default)]
pub(crate) struct Obsolete {
    /// Plain names in the results folder, removed with the old results.
    pub files: Vec<String>,
    /// Charts of the old report, removed after the new results are in
    /// place.
    pub charts: Vec<String>,
}

/// What replacing the results in `dir` with `names` must also remove: files
/// the old manifest lists that the new results do not have, and the report
/// made from the old results.
pub(crate) fn obsolete(existing: &Existing, names: &[&str]) -> Obsolete {
    let mut out = Obsolete::default();
    for f in &existing.files {
        if !names.contains(&f.as_str()) {
            out.files.push(f.clone());
        }
    }
    if let Some(charts) = &existing.report_charts {
        out.files.push(REPORT_FILE.to_owned());
        out.charts = charts.clone();
    }
    out
}

/// Refuses to replace files in `dir` that tillit did not write: each of
/// `names` that exists must be listed by the folder's manifest, unless
/// `force`.
pub(crate) fn check_foreign(
    dir: &Path,
    existing: &Existing,
    names: &[&str],
    force: bool,
) -> Result<(), OutputError> {
    if force {
        return Ok(());
    }
    for name in names {
        let path = dir.join(name);
        if fs::symlink_metadata(&path).is_ok() && !existing.owns(name) {
            return Err(OutputError::Refused {
                path,
                message: "it exists and tillit did not write it (no tillit manifest lists it); \
                          choose another folder, or pass --force to replace it"
                    .to_owned(),
            });
        }
    }
    Ok(())
}

/// Whether `path` is a regular file (not a link, folder or device).
pub(crate) fn is_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

/// The first `max` bytes of the regular file at `path` (never a link,
/// device or pipe), as text.
pub(crate) fn read_head(path: &Path, max: u64) -> Option<String> {
    if !is_file(path) {
        return None;
    }
    let mut bytes = Vec::new();
    File::open(path)
        .ok()?
        .take(max)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// The charts a report at `path` lists, if tillit wrote it (an empty list
/// for a report of an older tillit, which did not list them).
pub(crate) fn report_charts(path: &Path) -> Option<Vec<String>> {
    let head = read_head(path, 64 << 10)?;
    let head = &head[..head.find("</head>").unwrap_or(head.len())];
    if !head.contains(REPORT_GENERATOR) {
        return None;
    }
    let start = format!("<meta name=\"{REPORT_CHARTS_META}\" content=\"");
    let Some(at) = head.find(&start) else {
        return Some(Vec::new());
    };
    let rest = &head[at + start.len()..];
    let list = &rest[..rest.find('"').unwrap_or(0)];
    Some(
        list.split_whitespace()
            .filter(|n| is_plain_name(n) && n.ends_with(".svg"))
            .map(str::to_owned)
            .collect(),
    )
}

/// Whether the file at `path` is a chart tillit wrote.
pub(crate) fn is_tillit_chart(path: &Path) -> bool {
    let Some(head) = read_head(path, 1024) else {
        return false;
    };
    let Some(rest) = head.strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") else {
        return false;
    };
    // Charts of older versions have no marker, but the same opening.
    rest.starts_with(CHART_MARKER)
        || (rest.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"")
            && rest.contains(" role=\"img\" aria-labelledby=\""))
}

/// Removes the charts `names` from `charts_dir` that are not in `keep`:
/// only regular files that are tillit's charts, and never through a
/// `charts_dir` that is a link. Then removes `charts_dir` if that left it
/// empty. Returns warnings for what could not be removed.
pub(crate) fn remove_charts(charts_dir: &Path, names: &[String], keep: &[PathBuf]) -> Vec<String> {
    let mut warnings = Vec::new();
    let real_dir = fs::symlink_metadata(charts_dir).is_ok_and(|m| m.is_dir());
    if !real_dir {
        return warnings;
    }
    let mut removed = false;
    for name in names {
        let path = charts_dir.join(name);
        if !is_plain_name(name) || keep.contains(&path) || !is_tillit_chart(&path) {
            continue;
        }
        match fs_ops::remove_file(&path) {
            Ok(()) => removed = true,
            Err(e) => warnings.push(format!(
                "cannot remove the old chart {}: {e}",
                path.display()
            )),
        }
    }
    let empty = fs::read_dir(charts_dir).is_ok_and(|mut d| d.next().is_none());
    if removed && empty {
        let _ = fs_ops::remove_dir(charts_dir);
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_lists_its_charts_and_only_tillit_charts_are_removed() {
        let dir = std::env::temp_dir().join(format!("tillit-owned-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let charts = dir.join(CHARTS_DIR);
        fs::create_dir_all(&charts).unwrap();
        let html = dir.join(REPORT_FILE);
        fs::write(
            &html,
            "<!DOCTYPE html>\n<html><head>\n<meta name=\"generator\" content=\"tillit 0.1.0\">\n\
             <meta name=\"tillit-charts\" content=\"a.svg b.svg ../x.svg\">\n</head></html>\n",
        )
        .unwrap();
        assert_eq!(
            report_charts(&html).unwrap(),
            ["a.svg".to_owned(), "b.svg".to_owned()]
        );
        fs::write(dir.join("mine.html"), "<html><head></head></html>").unwrap();
        assert!(report_charts(&dir.join("mine.html")).is_none());

        let chart = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{CHART_MARKER}\n<svg xmlns=\"x\"></svg>\n"
        );
        fs::write(charts.join("a.svg"), &chart).unwrap();
        fs::write(charts.join("b.svg"), "<svg>the user's own</svg>").unwrap();
        fs::write(charts.join("mine.svg"), &chart).unwrap();
        let names = vec!["a.svg".to_owned(), "b.svg".to_owned()];
        assert!(remove_charts(&charts, &names, &[]).is_empty());
        assert!(!charts.join("a.svg").exists());
        assert!(charts.join("b.svg").exists(), "not tillit's: kept");
        assert!(charts.join("mine.svg").exists(), "not listed: kept");
        let _ = fs::remove_dir_all(&dir);
    }
}
