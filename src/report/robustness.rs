//! The report of a robustness study (`tillit robustness`): "How robust is
//! the answer?", from the study's finished files (manifest.json,
//! robustness.csv, boxes.csv), in Swedish or English.
//!
//! Per arm other than the baseline: a stacked bar per studied outcome of
//! the share of kept worlds in which the arm is better, not clearly
//! different, or worse; a table of the median effect and its 5-95 % range
//! across worlds; and the PRIM boxes (the box shown) in words.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use super::ReportError;
use super::charts::{Chart, StackRow, stacked_shares_described};
use super::html::{CSP, CSS, Page};
use super::svg::{colour, escape};
use super::text::{Key, display_unit, number, outcome_label, t, tf};
use crate::outcome::{OUTCOMES, Outcome};
use crate::output::{BOXES_FILE, MANIFEST_FILE, ROBUSTNESS_FILE};
use crate::scenario::{Language, LocalText};

/// What the report needs of the study's manifest.
#[derive(Clone, Debug, Deserialize)]
pub struct RobustnessManifest {
    /// tillit's version.
    pub tillit_version: String,
    /// The scenario's name.
    pub name: String,
    /// The arms, in order.
    pub arms: Vec<String>,
    /// The baseline arm's index.
    pub baseline: usize,
    /// Worlds drawn per wave.
    pub worlds: u64,
    /// Worlds drawn in all waves (0 in a folder without the field).
    #[serde(default)]
    pub drawn: u64,
    /// Worlds kept.
    pub kept: u64,
    /// Replications per world and arm.
    pub replications: u64,
    /// The implausibility cut-off.
    pub cutoff: f64,
    /// The studied outcomes.
    pub outcomes: Vec<String>,
    /// The uncertain parameters (only their number is shown).
    pub uncertain: Vec<serde_json::Value>,
    /// The scenario's report language, if it names one.
    #[serde(default)]
    pub language: Option<Language>,
    /// The scenario's title per language (absent in older folders).
    #[serde(default)]
    pub title: LocalText,
    /// Each arm as reports name it, per language (absent in older folders).
    #[serde(default)]
    pub arm_labels: Vec<LocalText>,
}

impl RobustnessManifest {
    /// Arm `index` as a report in `lang` names it: its recorded label,
    /// else its name.
    pub fn arm_label(&self, lang: Language, index: usize) -> String {
        self.arm_labels
            .get(index)
            .and_then(|l| l.get(lang))
            .or_else(|| self.arms.get(index).map(String::as_str))
            .unwrap_or_default()
            .to_owned()
    }
}

/// Whether `dir` holds a robustness study (its manifest says so).
pub fn is_robustness(dir: &Path) -> bool {
    fs::read_to_string(dir.join(MANIFEST_FILE))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .is_some_and(|m| m.get("kind").and_then(|k| k.as_str()) == Some("robustness"))
}

/// One row of robustness.csv or boxes.csv, by column name.
type Row = std::collections::HashMap<String, String>;

fn read_csv(path: &Path) -> Result<Vec<Row>, ReportError> {
    let text = fs::read(path).map_err(|source| ReportError::Read {
        path: path.to_owned(),
        source,
    })?;
    let mut reader = csv::Reader::from_reader(text.as_slice());
    let header = reader
        .headers()
        .map_err(|e| ReportError::Invalid {
            path: path.to_owned(),
            message: e.to_string(),
        })?
        .clone();
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| ReportError::Invalid {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        rows.push(
            header
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect(),
        );
    }
    Ok(rows)
}

fn cell<'a>(row: &'a Row, key: &str) -> &'a str {
    row.get(key).map_or("", String::as_str)
}

fn float(row: &Row, key: &str) -> f64 {
    cell(row, key).parse().unwrap_or(f64::NAN)
}

/// The manifest of a robustness folder.
pub fn load_manifest(dir: &Path) -> Result<RobustnessManifest, ReportError> {
    let path = dir.join(MANIFEST_FILE);
    let text = fs::read_to_string(&path).map_err(|source| ReportError::Read {
        path: path.clone(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|e| ReportError::Invalid {
        path,
        message: format!("not a robustness manifest: {e}"),
    })
}

/// The page for the robustness folder `dir` in `lang`.
pub fn build(dir: &Path, lang: Language) -> Result<Page, ReportError> {
    let m = load_manifest(dir)?;
    let rows = read_csv(&dir.join(ROBUSTNESS_FILE))?;
    let boxes = read_csv(&dir.join(BOXES_FILE))?;
    let baseline = m.arm_label(lang, m.baseline);
    let outcomes: Vec<Outcome> = m
        .outcomes
        .iter()
        .filter_map(|name| OUTCOMES.iter().position(|o| o.name == name))
        .map(|i| Outcome::ALL[i])
        .collect();
    let mut body = String::new();
    let mut charts: Vec<Chart> = Vec::new();
    let p = |body: &mut String, text: &str| {
        let _ = writeln!(body, "<p>{}</p>", escape(text));
    };
    let _ = writeln!(body, "<h2>{}</h2>", escape(t(lang, Key::RobustHeading)));
    p(
        &mut body,
        &tf(
            lang,
            Key::RobustIntro,
            &[
                ("worlds", &m.drawn.max(m.worlds).to_string()),
                ("params", &m.uncertain.len().to_string()),
                ("kept", &m.kept.to_string()),
                ("baseline", &baseline),
                ("cutoff", &number(lang, m.cutoff, 1)),
                ("reps", &m.replications.to_string()),
            ],
        ),
    );
    let _ = writeln!(
        body,
        "<p class=\"caution\">{}</p>",
        escape(t(lang, Key::RobustCaution))
    );
    if m.kept == 0 {
        p(&mut body, t(lang, Key::RobustNoWorlds));
    }
    let categories = vec![
        t(lang, Key::RobustBetter).to_owned(),
        t(lang, Key::RobustUnclear).to_owned(),
        t(lang, Key::RobustWorse).to_owned(),
    ];
    for (a, name_of_arm) in m.arms.iter().enumerate() {
        if a == m.baseline || m.kept == 0 {
            continue;
        }
        // Rows are found by the name; the text shows the label.
        let arm = &m.arm_label(lang, a);
        let _ = writeln!(
            body,
            "<h3>{}</h3>",
            escape(&tf(
                lang,
                Key::RobustArmHeading,
                &[("arm", arm), ("baseline", &baseline)]
            ))
        );
        let mine: Vec<(Outcome, &Row)> = outcomes
            .iter()
            .filter_map(|&o| {
                rows.iter()
                    .find(|r| {
                        cell(r, "arm") == name_of_arm
                            && cell(r, "outcome") == OUTCOMES[o as usize].name
                    })
                    .map(|r| (o, r))
            })
            .collect();
        let stack: Vec<StackRow> = mine
            .iter()
            .map(|(o, r)| StackRow {
                label: outcome_label(lang, *o).to_owned(),
                shares: ["share_better", "share_no_clear_difference", "share_worse"]
                    .iter()
                    .map(|k| float(r, k))
                    .collect(),
            })
            .collect();
        let n = charts.len() + 1;
        let chart = stacked_shares_described(
            &format!("robustness-arm{a}"),
            lang,
            &tf(
                lang,
                Key::RobustChartTitle,
                &[("arm", arm), ("baseline", &baseline)],
            ),
            &tf(
                lang,
                Key::RobustChartCaption,
                &[
                    ("arm", arm),
                    ("baseline", &baseline),
                    ("kept", &m.kept.to_string()),
                ],
            ),
            |rows| tf(lang, Key::RobustChartDesc, &[("rows", rows)]),
            // Better blue, unclear yellow, worse vermillion (Okabe-Ito), as
            // the report's findings mark better and worse.
            &[colour(0), colour(6), colour(3)],
            &categories,
            &stack,
        );
        let _ = writeln!(
            body,
            "<figure id=\"fig-{}\">\n{}<figcaption><strong>{}</strong> {}</figcaption>\n</figure>",
            escape(&chart.id),
            chart.inline_svg(),
            escape(&tf(lang, Key::Figure, &[("n", &n.to_string())])),
            escape(&chart.caption)
        );
        charts.push(chart);
        // The spread of the effect across worlds.
        let _ = writeln!(
            body,
            "<div class=\"scroll\"><table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            escape(t(lang, Key::RobustTableOutcome)),
            escape(t(lang, Key::RobustTableMedian)),
            escape(t(lang, Key::RobustTableRange))
        );
        for (o, r) in &mine {
            let unit = display_unit(lang, OUTCOMES[*o as usize].unit);
            let v = |k: &str| float(r, k) * unit.scale;
            let d = super::text::decimals(&[v("p05"), v("median"), v("p95")]);
            let _ = writeln!(
                body,
                "<tr><th>{}</th><td class=\"num\">{} {}</td><td class=\"num\">{} – {}</td></tr>",
                escape(outcome_label(lang, *o)),
                escape(&number(lang, v("median"), d)),
                escape(unit.difference),
                escape(&number(lang, v("p05"), d)),
                escape(&number(lang, v("p95"), d))
            );
        }
        body.push_str("</tbody></table></div>\n");
        // Where the arm does worse, in words.
        let mut sentences = Vec::new();
        for &o in &outcomes {
            let name = OUTCOMES[o as usize].name;
            let shown: Vec<&Row> = boxes
                .iter()
                .filter(|r| {
                    cell(r, "arm") == name_of_arm
                        && cell(r, "outcome") == name
                        && cell(r, "box") == "shown"
                })
                .collect();
            let Some(first) = shown.first() else { continue };
            let worse = cell(first, "worse_worlds");
            let conditions: Vec<String> = shown
                .iter()
                .filter(|r| !cell(r, "parameter").is_empty())
                .map(|r| condition(lang, r))
                .collect();
            let label = outcome_label(lang, o);
            if conditions.is_empty() {
                sentences.push(tf(
                    lang,
                    Key::RobustNoBox,
                    &[
                        ("arm", arm),
                        ("outcome", label),
                        ("worse", worse),
                        ("kept", &m.kept.to_string()),
                    ],
                ));
            } else {
                sentences.push(tf(
                    lang,
                    Key::RobustBox,
                    &[
                        ("arm", arm),
                        ("outcome", label),
                        ("conditions", &conditions.join(t(lang, Key::RobustAnd))),
                        ("coverage", &number(lang, float(first, "coverage"), 2)),
                        ("density", &number(lang, float(first, "density"), 2)),
                        ("share", &percent(lang, float(first, "density"))),
                        ("k", cell(first, "k")),
                        ("worse", worse),
                        ("n", cell(first, "n")),
                    ],
                ));
            }
        }
        if sentences.is_empty() {
            p(
                &mut body,
                &tf(
                    lang,
                    Key::RobustNeverWorse,
                    &[("arm", arm), ("baseline", &baseline)],
                ),
            );
        } else {
            body.push_str("<ul>\n");
            for s in sentences {
                let _ = writeln!(body, "<li>{}</li>", escape(&s));
            }
            body.push_str("</ul>\n");
        }
    }
    p(&mut body, t(lang, Key::RobustFiles));
    let title = tf(
        lang,
        Key::ReportTitle,
        &[("name", m.title.get(lang).unwrap_or(&m.name))],
    );
    let subtitle = tf(lang, Key::Subtitle, &[("version", &m.tillit_version)]);
    let mut html = String::with_capacity(body.len() + CSS.len() + 2048);
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"tillit {}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n\
         <header>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n</header>\n<main>\n{}</main>\n\
         <footer>\n<p>{}</p>\n</footer>\n</body>\n</html>\n",
        lang.code(),
        CSP,
        env!("CARGO_PKG_VERSION"),
        escape(&title),
        CSS,
        escape(&title),
        escape(&subtitle),
        body,
        escape(t(lang, Key::Footer))
    );
    Ok(Page { html, charts })
}

/// A share as a whole percentage, `32%` or `32 %`.
fn percent(lang: Language, x: f64) -> String {
    let n = number(lang, 100.0 * x, 0);
    match lang {
        Language::En => format!("{n}%"),
        Language::Sv => format!("{n} %"),
    }
}

/// One restriction of a box in words: at least, at most, or between.
fn condition(lang: Language, r: &Row) -> String {
    let key = cell(r, "parameter");
    let key = super::text::param_label(lang, key).unwrap_or(key);
    let (lo, hi) = (float(r, "low"), float(r, "high"));
    let num = |x: f64| number(lang, x, super::text::decimals(&[x]));
    match cell(r, "restricts") {
        "both" => tf(
            lang,
            Key::RobustBetween,
            &[("param", key), ("low", &num(lo)), ("high", &num(hi))],
        ),
        "low" => tf(
            lang,
            Key::RobustAtLeast,
            &[("param", key), ("value", &num(lo))],
        ),
        _ => tf(
            lang,
            Key::RobustAtMost,
            &[("param", key), ("value", &num(hi))],
        ),
    }
}
