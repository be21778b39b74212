//! The report page: one HTML file with inline CSS and inline SVG.
//!
//! What lives here: [`build`], which lays out a read results folder as a
//! page in one language: the plain-language summary first, then the charts,
//! the feedback loops, the scenario and its levers, the assumptions with
//! their sources, every outcome, and what is needed to reproduce it. The
//! page has no script, loads nothing (a Content-Security-Policy forbids
//! it), and prints cleanly.
//!
//! What does not: no file I/O (see [`super::write_report`]) and no
//! statistics: every number shown is read from the results folder, only
//! rescaled for display.

use std::fmt::Write as _;

use super::charts::{
    self, ArmInterval, Chart, DifferenceRow, HeatGrid, LeverEffect, SeriesBand, StackRow, SweepLine,
};
use super::findings;
use super::load::{Factor, ResultsFolder, StudyData};
use super::svg::escape;
use super::text::{
    self, Comparison, Key, Verdict, capitalise, decimals, display_unit, join_list, number,
    outcome_label, series_label, t, tf,
};
use crate::model::params::{PARAMETERS, ParamKind, is_pathway_key};
use crate::outcome::{Outcome, SeriesMetric};
use crate::scenario::{DAYS_PER_YEAR, Language};
use crate::stats::Summary;

/// The outcomes the summary and the outcome charts show, in this order.
pub const KEY_OUTCOMES: [Outcome; 12] = [
    Outcome::WorkerTurnover,
    Outcome::SickLeaveShare,
    Outcome::LongSickSpells,
    Outcome::MeanStress,
    // Managers carry part of a reform's cost: they belong on the first screen.
    Outcome::ManagerMeanStress,
    Outcome::InvestigationsOverdue,
    Outcome::OpenCasesMean,
    Outcome::DecisionErrorRate,
    Outcome::DecisionInconsistency,
    Outcome::SeriousEvents,
    Outcome::TimeDirect,
    Outcome::PersonnelCost,
];

/// The outcomes of the cross-agency pathway that the summary and the
/// outcome charts add when the arms differ in it.
pub const PATHWAY_OUTCOMES: [Outcome; 6] = [
    Outcome::TimeToFirstHelp,
    Outcome::TimeToFirstHelpP90,
    Outcome::StoryTold,
    Outcome::Handoffs,
    Outcome::PathwayDropout,
    Outcome::PathwayHours,
];

/// The monthly series the report charts.
pub const KEY_SERIES: [SeriesMetric; 7] = [
    SeriesMetric::Stress,
    SeriesMetric::SickLeave,
    SeriesMetric::Turnover,
    SeriesMetric::OpenCases,
    SeriesMetric::Overdue,
    SeriesMetric::ErrorRate,
    SeriesMetric::Documentation,
];

/// The time-use categories, in stacking order.
pub const TIME_USE: [Outcome; 8] = [
    Outcome::TimeDirect,
    Outcome::TimeDocumentation,
    Outcome::TimeAdmin,
    Outcome::TimeTravel,
    Outcome::TimeOther,
    Outcome::TimeCoaching,
    Outcome::TimeOversight,
    Outcome::TimeIdle,
];

/// The feedback loops: title, explanation, and the outcomes that show it
/// at work (empty: not measured by this build).
const LOOPS: [(Key, Key, &[Outcome]); 4] = [
    (
        Key::BurnoutTitle,
        Key::BurnoutText,
        &[
            Outcome::MeanStress,
            Outcome::LongSickSpells,
            Outcome::WorkerTurnover,
        ],
    ),
    (
        Key::ControlTitle,
        Key::ControlText,
        &[
            Outcome::DocumentationIntensityEnd,
            Outcome::Scandals,
            Outcome::InvestigationsOverdue,
        ],
    ),
    (
        Key::CornersTitle,
        Key::CornersText,
        &[
            Outcome::WorkPressure,
            Outcome::DecisionErrorRate,
            Outcome::SeriousEvents,
        ],
    ),
    (
        Key::SilosTitle,
        Key::SilosText,
        &[
            Outcome::TimeToFirstHelp,
            Outcome::StoryTold,
            Outcome::Handoffs,
        ],
    ),
];

/// One chart group of a parameter study, as plain typed values ready to
/// draw. [`build`] makes them from a sweep or sensitivity folder's
/// [`StudyData`]; tests can make them by hand.
#[derive(Clone, Debug, PartialEq)]
pub enum Study {
    /// A sweep: an outcome over the swept factors.
    Sweep {
        /// The outcome's name in the results files, for chart file names.
        name: String,
        /// Each factor's label in points.csv, for chart file names.
        factor_names: Vec<String>,
        /// The outcome's readable name.
        outcome: String,
        /// Its display unit.
        unit: String,
        /// Line charts: (factor, one line per arm).
        lines: Vec<(String, Vec<SweepLine>)>,
        /// Heat maps of the levels over two factors, on one colour scale:
        /// (arm, x factor, y factor, grid).
        heats: Vec<(String, String, String, HeatGrid)>,
        /// Maps of the paired difference to the baseline arm, one per other
        /// arm, on one diverging scale centred on zero: (arm, x factor,
        /// y factor, grid with its clear cells).
        diffs: Vec<(String, String, String, HeatGrid)>,
        /// The display unit of a difference (percentage points for a share).
        diff_unit: String,
        /// The baseline arm's name.
        baseline: String,
        /// Which side of a difference is better, for the captions.
        better: text::Better,
        /// Whether the level axis starts at zero (a rate or a share).
        from_zero: bool,
    },
    /// A sensitivity analysis: each lever's effect on one outcome.
    Sensitivity {
        /// The outcome's name in the results files (with the arm when there
        /// are several), for chart file names.
        name: String,
        /// The outcome's readable name (with the arm when there are several).
        outcome: String,
        /// Its display unit.
        unit: String,
        /// One effect per lever.
        effects: Vec<LeverEffect>,
        /// Whether the effects are total Sobol indices (else Morris mu*).
        sobol: bool,
        /// Per factor, in ranking order: its range, direction and indices
        /// with their intervals, for the table under the chart.
        factors: Vec<FactorRow>,
    },
}

/// One factor of a sensitivity analysis, for its table: what was varied
/// over which range, and what it did, with the intervals the analysis
/// wrote. Morris indices are in the outcome's display unit.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorRow {
    /// The factor's readable name.
    pub label: String,
    /// The smallest and largest value studied.
    pub range: (f64, f64),
    /// The factor's unit, in the report's language.
    pub unit: String,
    /// Morris mu (signed: the direction); NaN for Sobol.
    pub mu: f64,
    /// The ranking index (Morris mu* or total Sobol index) and its
    /// interval: (value, low, high).
    pub index: [f64; 3],
    /// Sobol's first-order index and its interval; NaN for Morris.
    pub s1: [f64; 3],
}

/// The shared ranks of factors in ranking order: a factor whose 95%
/// interval of the ranking index overlaps that of the first factor of the
/// current group joins the group, so factors within noise of each other
/// are grouped, not strictly ranked. Per factor, its group's first and
/// last rank (counted from 1).
pub fn rank_groups(factors: &[FactorRow]) -> Vec<(usize, usize)> {
    let mut starts = Vec::with_capacity(factors.len());
    let mut leader = 0;
    for (k, f) in factors.iter().enumerate() {
        let lead = &factors[leader].index;
        let overlaps = k > leader && f.index[2] >= lead[1] && f.index[1] <= lead[2];
        if !overlaps {
            leader = k;
        }
        starts.push(leader);
    }
    starts
        .iter()
        .map(|&s| {
            let end = starts.iter().rposition(|&t| t == s).unwrap_or(s);
            (s + 1, end + 1)
        })
        .collect()
}

/// How many factors a sensitivity summary names per outcome.
const SENSITIVITY_TOP: usize = 3;

/// The outcomes a sweep's charts show, when the folder has them.
pub const STUDY_OUTCOMES: [Outcome; 4] = [
    Outcome::WorkerTurnover,
    Outcome::MeanStress,
    Outcome::InvestigationsOverdue,
    Outcome::DecisionErrorRate,
];

/// The outcomes a sweep's charts show when it is about the cross-agency
/// pathway (a factor is a pathway parameter or switch).
pub const PATHWAY_STUDY_OUTCOMES: [Outcome; 4] = [
    Outcome::TimeToFirstHelp,
    Outcome::PathwayDropout,
    Outcome::PathwayHours,
    Outcome::MeanStress,
];

/// A factor's readable name: the lever's name for a steering lever, else
/// the parameter key; with the arm when it applies to one arm only.
pub fn factor_label(lang: Language, factor: &Factor) -> String {
    factor_label_with(lang, factor, &|arm: &str| arm.to_owned())
}

/// [`factor_label`] with the arm as `shown` gives it (its label).
fn factor_label_with(lang: Language, factor: &Factor, shown: &dyn Fn(&str) -> String) -> String {
    let base =
        text::param_label(lang, &factor.key).map_or_else(|| factor.key.clone(), str::to_owned);
    match &factor.arm {
        Some(arm) => format!("{base} ({})", shown(arm)),
        None => base,
    }
}

/// A chart's id, which is also its file name in charts/: the parts joined
/// by `-`, each kept to letters, digits and `_` (a factor label such as
/// `steering.coaching_hours@trust` becomes `steering-coaching_hours-trust`).
fn chart_id(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|part| {
            part.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '_' {
                        c
                    } else {
                        '-'
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// The chart groups of a sweep or sensitivity analysis, in `lang`.
pub fn studies(data: &StudyData, arms: &[String], lang: Language) -> Vec<Study> {
    let baseline = arms.first().map_or("", String::as_str);
    studies_against(data, arms, baseline, lang, &|arm: &str| arm.to_owned())
}

/// [`studies`] with the baseline arm named: its difference maps compare
/// every other arm with `baseline`. `shown` gives an arm's name as the
/// report shows it (its label), for legends and titles; chart ids keep
/// the name.
pub fn studies_against(
    data: &StudyData,
    arms: &[String],
    baseline: &str,
    lang: Language,
    shown: &dyn Fn(&str) -> String,
) -> Vec<Study> {
    if data.is_sensitivity() {
        return sensitivity_studies(data, arms, lang, shown);
    }
    let labels: Vec<String> = data
        .factors
        .iter()
        .map(|f| factor_label_with(lang, f, shown))
        .collect();
    let outcomes = if data.factors.iter().any(|f| is_pathway_key(&f.key)) {
        PATHWAY_STUDY_OUTCOMES
    } else {
        STUDY_OUTCOMES
    };
    let mut out = Vec::new();
    for o in outcomes {
        let spec = o.spec();
        let unit = display_unit(lang, spec.unit);
        let per_arm: Vec<(String, Vec<(usize, Summary)>)> = arms
            .iter()
            .map(|a| (a.clone(), data.levels_of(a, spec.name)))
            .filter(|(_, levels)| !levels.is_empty())
            .collect();
        if per_arm.is_empty() {
            continue;
        }
        let value_at = |p: usize, k: usize| {
            data.points
                .get(p)
                .and_then(|v| v.get(k))
                .copied()
                .unwrap_or(f64::NAN)
        };
        let line = |k: usize| -> Vec<SweepLine> {
            per_arm
                .iter()
                .map(|(arm, levels)| {
                    let mut points: Vec<(f64, f64, f64, f64)> = levels
                        .iter()
                        .map(|(p, s)| {
                            (
                                value_at(*p, k),
                                s.mean * unit.scale,
                                s.ci_low * unit.scale,
                                s.ci_high * unit.scale,
                            )
                        })
                        .collect();
                    points.sort_by(|a, b| a.0.total_cmp(&b.0));
                    SweepLine {
                        label: shown(arm),
                        style: style_index(arms, baseline, arm),
                        points,
                    }
                })
                .collect()
        };
        let grid = full_grid(data);
        let cell_of = |p: usize, xs: &[f64], ys: &[f64]| {
            let (x, y) = (value_at(p, 0), value_at(p, 1));
            xs.iter()
                .position(|v| *v == x)
                .zip(ys.iter().position(|v| *v == y))
        };
        let (lines, heats, diffs) = match (data.factors.len(), grid) {
            (1, _) => (vec![(labels[0].clone(), line(0))], Vec::new(), Vec::new()),
            (_, Some((xs, ys))) => {
                let mut heats: Vec<(String, String, String, HeatGrid)> = per_arm
                    .iter()
                    .map(|(arm, levels)| {
                        let mut values = vec![vec![f64::NAN; xs.len()]; ys.len()];
                        for (p, s) in levels {
                            if let Some((i, j)) = cell_of(*p, &xs, &ys) {
                                values[j][i] = s.mean * unit.scale;
                            }
                        }
                        (
                            arm.clone(),
                            labels[0].clone(),
                            labels[1].clone(),
                            HeatGrid {
                                xs: xs.clone(),
                                ys: ys.clone(),
                                values,
                                ..HeatGrid::default()
                            },
                        )
                    })
                    .collect();
                // One colour is one value in every level map of the outcome.
                let range = shared_range(heats.iter().map(|h| &h.3));
                for h in &mut heats {
                    h.3.range = Some(range);
                }
                let mut diffs: Vec<(String, String, String, HeatGrid)> = arms
                    .iter()
                    .filter(|a| **a != baseline)
                    .filter_map(|arm| {
                        let points = data.differences_of(arm, spec.name);
                        if points.is_empty() {
                            return None;
                        }
                        let mut values = vec![vec![f64::NAN; xs.len()]; ys.len()];
                        let mut clear = vec![vec![false; xs.len()]; ys.len()];
                        for (p, s) in points {
                            if let Some((i, j)) = cell_of(p, &xs, &ys) {
                                values[j][i] = s.mean * unit.scale;
                                clear[j][i] = s.ci_low > 0.0 || s.ci_high < 0.0;
                            }
                        }
                        Some((
                            arm.clone(),
                            labels[0].clone(),
                            labels[1].clone(),
                            HeatGrid {
                                xs: xs.clone(),
                                ys: ys.clone(),
                                values,
                                range: None,
                                clear: Some(clear),
                            },
                        ))
                    })
                    .collect();
                // Every difference map of the outcome on one scale.
                let range = shared_range(diffs.iter().map(|h| &h.3));
                for h in &mut diffs {
                    h.3.range = Some(range);
                }
                (Vec::new(), heats, diffs)
            }
            // No grid (a Latin hypercube, a table, or more than two
            // factors): each factor on its own axis.
            (n, None) => (
                (0..n).map(|k| (labels[k].clone(), line(k))).collect(),
                Vec::new(),
                Vec::new(),
            ),
        };
        out.push(Study::Sweep {
            name: spec.name.to_owned(),
            factor_names: data.factors.iter().map(|f| f.label.clone()).collect(),
            outcome: outcome_label(lang, o).to_owned(),
            unit: unit.level.to_owned(),
            lines,
            heats,
            diffs,
            diff_unit: unit.difference.to_owned(),
            baseline: baseline.to_owned(),
            better: text::better(o),
            from_zero: charts::axis_from_zero(spec.unit),
        });
    }
    out
}

/// An arm's style index, the same in every figure of a report: the
/// baseline 0, every other arm 1, 2, ... in the order of the results' arm
/// list. It picks the arm's colour, dash and marker.
pub fn style_index(arms: &[String], baseline: &str, arm: &str) -> usize {
    if arm == baseline {
        return 0;
    }
    arms.iter()
        .filter(|a| a.as_str() != baseline)
        .position(|a| a == arm)
        .map_or(0, |k| k + 1)
}

/// Whether a monthly series swings enough from month to month to be drawn
/// as a rolling 12-month mean: flows and shares of a month's events.
pub fn smoothed(m: SeriesMetric) -> bool {
    matches!(
        m,
        SeriesMetric::Turnover
            | SeriesMetric::SickLeave
            | SeriesMetric::Overdue
            | SeriesMetric::ErrorRate
            | SeriesMetric::Inconsistency
            | SeriesMetric::HighStrain
    )
}

/// The window of a rolling mean [months].
const ROLLING_MONTHS: usize = 12;

/// First day of month `m` (counted from 1), months being twelfths of the
/// 365-day year as the engine counts them.
fn month_start_day(m: u32) -> u32 {
    (m.saturating_sub(1) * DAYS_PER_YEAR).div_ceil(12)
}

/// The smallest and largest finite value over `grids`.
fn shared_range<'g>(grids: impl Iterator<Item = &'g HeatGrid>) -> (f64, f64) {
    let (lo, hi) = grids
        .flat_map(|g| g.values.iter().flatten())
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(*v), b.max(*v))
        });
    if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) }
}

/// The distinct values of the first two factors when the points are
/// exactly their full grid (and every other factor is constant).
fn full_grid(data: &StudyData) -> Option<(Vec<f64>, Vec<f64>)> {
    if data.factors.len() < 2 || data.points.is_empty() {
        return None;
    }
    let distinct = |k: usize| {
        let mut v: Vec<f64> = data.points.iter().map(|p| p[k]).collect();
        v.sort_by(f64::total_cmp);
        v.dedup();
        v
    };
    let (xs, ys) = (distinct(0), distinct(1));
    let others_constant = (2..data.factors.len()).all(|k| distinct(k).len() == 1);
    let mut pairs: Vec<(u64, u64)> = data
        .points
        .iter()
        .map(|p| (p[0].to_bits(), p[1].to_bits()))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    (others_constant && pairs.len() == xs.len() * ys.len() && pairs.len() == data.points.len())
        .then_some((xs, ys))
}

fn sensitivity_studies(
    data: &StudyData,
    arms: &[String],
    lang: Language,
    shown: &dyn Fn(&str) -> String,
) -> Vec<Study> {
    let sobol = data.kind == "sobol";
    let mut groups: Vec<(String, String)> = Vec::new();
    for row in &data.indices {
        let key = (row.arm.clone(), row.outcome.clone());
        if !groups.contains(&key) {
            groups.push(key);
        }
    }
    let mut out = Vec::new();
    for (arm, outcome) in groups {
        let o = Outcome::from_name(&outcome);
        let (label, unit) = match o {
            Some(o) => {
                let u = display_unit(lang, o.spec().unit);
                (outcome_label(lang, o).to_owned(), u)
            }
            None => (outcome.clone(), display_unit(lang, "")),
        };
        let scale = if sobol { 1.0 } else { unit.scale };
        let mut rows: Vec<&super::load::Index> = data
            .indices
            .iter()
            .filter(|r| r.arm == arm && r.outcome == outcome)
            .collect();
        rows.sort_by_key(|r| r.rank);
        let factors: Vec<FactorRow> = rows
            .iter()
            .map(|r| {
                let k = data.factors.iter().position(|f| f.label == r.factor);
                let values = data
                    .points
                    .iter()
                    .filter_map(|p| k.and_then(|k| p.get(k)).copied());
                let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                    (a.min(v), b.max(v))
                });
                let factor = k.map(|k| &data.factors[k]);
                FactorRow {
                    label: factor
                        .map_or_else(|| r.factor.clone(), |f| factor_label_with(lang, f, shown)),
                    range: (lo, hi),
                    unit: factor
                        .map_or_else(String::new, |f| text::param_unit(lang, &f.unit).to_owned()),
                    mu: r.mu * scale,
                    index: [r.value, r.ci_low, r.ci_high].map(|x| x * scale),
                    s1: r.s1,
                }
            })
            .collect();
        let effects: Vec<LeverEffect> = data
            .indices
            .iter()
            .filter(|r| r.arm == arm && r.outcome == outcome && r.value.is_finite())
            .map(|r| LeverEffect {
                label: data
                    .factors
                    .iter()
                    .find(|f| f.label == r.factor)
                    .map_or_else(|| r.factor.clone(), |f| factor_label_with(lang, f, shown)),
                effect: r.value * scale,
            })
            .collect();
        // An outcome no factor moved gets a sentence in the summary, not a
        // chart of empty bars.
        if effects.iter().all(|e| e.effect == 0.0) {
            continue;
        }
        let (outcome, name) = if arms.len() > 1 {
            (
                format!("{label} ({})", shown(&arm)),
                format!("{outcome}-{arm}"),
            )
        } else {
            (label, outcome.clone())
        };
        out.push(Study::Sensitivity {
            name,
            outcome,
            unit: if sobol {
                t(lang, Key::ShareOfVariance).to_owned()
            } else {
                unit.difference.to_owned()
            },
            effects,
            sobol,
            factors,
        });
    }
    out
}

/// A built page: the HTML and the charts it contains (for the SVG files).
#[derive(Clone, Debug)]
pub struct Page {
    /// The whole HTML document.
    pub html: String,
    /// Every chart, in page order.
    pub charts: Vec<Chart>,
}

/// The Content-Security-Policy of every report: nothing may be fetched,
/// only the inline style applies.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The report's style sheet (shared with the robustness report).
pub(crate) const CSS: &str = r#"
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; background: #ffffff; margin: 0; line-height: 1.5; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; border-bottom: 3px solid #0072B2; }
h1 { font-size: 1.8rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid #cccccc; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.25rem; }
.sub { color: #444444; margin-top: 0; }
.caution { background: #f3f3f3; border-left: 4px solid #555555; padding: 0.5rem 0.75rem; }
aside.limits { background: #f3f3f3; border-left: 4px solid #555555; padding: 0.25rem 0.75rem; margin: 1rem 0; }
aside.limits h3 { margin-top: 0.5rem; }
aside.limits ul { padding-left: 1.2rem; }
ul.findings.key li { font-size: 1.05rem; }
ul.findings { list-style: none; padding: 0; }
ul.findings li { margin: 0.4rem 0; padding-left: 0.5rem; border-left: 4px solid #999999; }
ul.findings li.better { border-left-color: #0072B2; }
ul.findings li.worse { border-left-color: #D55E00; }
.tag { display: inline-block; font-size: 0.8rem; font-weight: bold; text-transform: uppercase; letter-spacing: 0.03em; padding: 0 0.35rem; margin-right: 0.4rem; border: 1px solid currentColor; border-radius: 3px; }
li.better .tag { color: #005a8c; }
li.worse .tag { color: #a33f00; }
li.none .tag, li.unknown .tag, li.different .tag, li.small .tag { color: #444444; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.9rem; color: #333333; margin-top: 0.25rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(21rem, 1fr)); gap: 0 1.5rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
tbody th { font-weight: normal; }
th, td { text-align: left; vertical-align: top; padding: 0.2rem 0.6rem 0.2rem 0; border-bottom: 1px solid #e0e0e0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; }
table.params { font-size: 0.8rem; }
.mark { color: #a33f00; }
table.post-switch caption, table.factors caption { text-align: left; font-size: 0.9rem; }
code { font-size: 0.85em; }
code.key { display: block; font-size: 0.75em; color: #555555; }
dl.repro { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.repro dt { font-weight: bold; }
dl.repro dd { margin: 0; overflow-wrap: anywhere; }
footer { color: #555555; font-size: 0.85rem; border-top: 1px solid #cccccc; margin-top: 2rem; padding-bottom: 2rem; }
@media print {
  @page { size: A4; margin: 12mm 12mm 14mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; } }
  /* Compact type on paper: the page budget (docs/REPORTS.md). */
  body { font-size: 9pt; line-height: 1.35; }
  h1 { font-size: 16pt; }
  h2 { font-size: 12.5pt; margin: 1rem 0 0.3rem; }
  h3 { font-size: 10.5pt; margin: 0.7rem 0 0.2rem; }
  p { margin: 0.35rem 0; }
  ul.findings li { margin: 0.15rem 0; }
  figure { margin: 0.4rem 0; }
  figcaption { font-size: 8pt; margin-top: 0; }
  th, td { padding-top: 0.1rem; padding-bottom: 0.1rem; }
  header, main, footer { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, tr, ul.findings li { break-inside: avoid; }
  .grid { grid-template-columns: 1fr 1fr; }
  .scroll { overflow: visible; }
  table { width: 100%; }
  th, td { overflow-wrap: break-word; }
  /* The appendix of defaults: compact, in two columns, without the
     meanings and sources that the screen shows. */
  .screen-only { display: none; }
  table.params, table.all-outcomes { font-size: 7.5pt; }
  table.all-outcomes th, table.all-outcomes td { padding-top: 0; padding-bottom: 0; }
  .appendix { columns: 2; column-gap: 6mm; }
  table.defaults code.key { display: none; }
  table.defaults th, table.defaults td { padding: 0 0.3rem 0 0; }
}
"#;

/// The report for `results` in `lang`.
pub fn build(results: &ResultsFolder, lang: Language) -> Page {
    build_with_study(results, lang, None)
}

/// The report for `results` in `lang`, with a parameter study's charts.
pub fn build_with_study(results: &ResultsFolder, lang: Language, study: Option<&Study>) -> Page {
    let mut key_outcomes = KEY_OUTCOMES.to_vec();
    let mut key_series = KEY_SERIES.to_vec();
    if results.manifest.scenario.arms_differ_in_pathway() {
        key_outcomes.extend(PATHWAY_OUTCOMES);
        key_series.push(SeriesMetric::ChildrenWaiting);
    }
    let mut page = Builder {
        results,
        lang,
        key_outcomes,
        key_series,
        body: String::new(),
        charts: Vec::new(),
        diff_figure: None,
    };
    if let Some(data) = &results.study {
        page.study_summary(data);
        let shown = |arm: &str| results.arm_label(lang, arm).to_owned();
        let derived = studies_against(data, &arm_names(results), results.baseline(), lang, &shown);
        page.study_section(&derived);
    } else {
        page.summary();
        page.outcomes();
        page.series();
        page.time_use();
    }
    if let Some(study) = study {
        page.study_section(std::slice::from_ref(study));
    }
    page.loops();
    page.scenario();
    page.assumptions();
    if results.study.is_none() {
        page.all_outcomes();
    }
    page.reproduce();
    page.appendix();
    page.finish()
}

struct Builder<'a> {
    results: &'a ResultsFolder,
    lang: Language,
    /// The outcomes of the summary and the outcome charts.
    key_outcomes: Vec<Outcome>,
    /// The monthly series charted.
    key_series: Vec<SeriesMetric>,
    body: String,
    charts: Vec<Chart>,
    /// The number of the figure of paired differences, once drawn.
    diff_figure: Option<usize>,
}

/// Arm names in scenario order, for looking up their results.
fn arm_names(results: &ResultsFolder) -> Vec<String> {
    results
        .manifest
        .scenario
        .arms
        .iter()
        .map(|a| a.name.clone())
        .collect()
}

fn years(days: u32) -> f64 {
    f64::from(days) / f64::from(DAYS_PER_YEAR)
}

impl Builder<'_> {
    fn t(&self, key: Key) -> &'static str {
        t(self.lang, key)
    }

    fn tf(&self, key: Key, values: &[(&str, &str)]) -> String {
        tf(self.lang, key, values)
    }

    /// Arm `name` as the report shows it ([`ResultsFolder::arm_label`]).
    fn arm(&self, name: &str) -> String {
        self.results.arm_label(self.lang, name).to_owned()
    }

    /// Every arm as the report shows it, in scenario order.
    fn arm_labels(&self) -> Vec<String> {
        arm_names(self.results)
            .iter()
            .map(|a| self.arm(a))
            .collect()
    }

    fn h2(&mut self, id: &str, key: Key) {
        let _ = writeln!(self.body, "<h2 id=\"{id}\">{}</h2>", escape(self.t(key)));
    }

    fn p(&mut self, text: &str) {
        let _ = writeln!(self.body, "<p>{}</p>", escape(text));
    }

    fn figure(&mut self, chart: Chart) {
        let n = self.charts.len() + 1;
        let _ = writeln!(
            self.body,
            "<figure id=\"fig-{}\">\n{}<figcaption><strong>{}</strong> {}</figcaption>\n</figure>",
            escape(&chart.id),
            chart.inline_svg(),
            escape(&self.tf(Key::Figure, &[("n", &n.to_string())])),
            escape(&chart.caption)
        );
        self.charts.push(chart);
    }

    /// An arm's style index (see [`style_index`]).
    fn style(&self, arm: &str) -> usize {
        style_index(&arm_names(self.results), self.results.baseline(), arm)
    }

    /// Non-baseline arm names, in scenario order.
    fn compared(&self) -> Vec<String> {
        let s = &self.results.manifest.scenario;
        s.arms
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != s.baseline)
            .map(|(_, a)| a.name.clone())
            .collect()
    }

    fn summary(&mut self) {
        let r = self.results;
        let s = &r.manifest.scenario;
        let lang = self.lang;
        // Names look results up; `compared` and `baseline` are as shown.
        let baseline_name = r.baseline().to_owned();
        let baseline = self.arm(&baseline_name);
        let threshold = text::percent_size(lang, findings::SMALL_SHARE);
        self.h2("summary", Key::SummaryHeading);
        let names = self.compared();
        let compared: Vec<String> = names.iter().map(|a| self.arm(a)).collect();
        // Every paired comparison of a key outcome, per arm in scenario order.
        let per_arm: Vec<Vec<Comparison<'_>>> = names
            .iter()
            .zip(&compared)
            .map(|(name_of_arm, arm)| {
                self.key_outcomes
                    .iter()
                    .filter_map(|&o| {
                        let name = o.spec().name;
                        let diff = r.difference(name_of_arm, name)?;
                        let base = r.level(&baseline_name, name)?;
                        Some(Comparison {
                            outcome: o,
                            unit: o.spec().unit,
                            arm,
                            baseline: &baseline,
                            baseline_mean: base.mean,
                            arm_mean: r.level(name_of_arm, name).map_or(f64::NAN, |l| l.mean),
                            mean: diff.mean,
                            lo: diff.ci_low,
                            hi: diff.ci_high,
                        })
                    })
                    .collect()
            })
            .collect();

        // The answer first: the largest clear differences of every arm.
        let all: Vec<Comparison<'_>> = per_arm.iter().flatten().cloned().collect();
        let key = findings::key_findings(&all);
        let _ = writeln!(
            self.body,
            "<h3 id=\"key-findings\">{}</h3>",
            escape(self.t(Key::KeyFindingsHeading))
        );
        if key.is_empty() {
            let text = self.tf(
                Key::NoKeyFindings,
                &[("baseline", &baseline), ("threshold", &threshold)],
            );
            self.p(&text);
        } else {
            let intro = self.tf(
                Key::KeyFindingsIntro,
                &[("baseline", &baseline), ("threshold", &threshold)],
            );
            self.p(&intro);
            let items: Vec<String> = key
                .iter()
                .map(|c| {
                    let v = findings::verdict_of(c);
                    let rel = findings::relative(c).unwrap_or(f64::NAN);
                    format!(
                        "<li class=\"{}\" data-relative=\"{}\"><span class=\"tag\">{}</span>{}</li>",
                        verdict_class(v),
                        rel,
                        escape(text::verdict_tag(lang, v)),
                        escape(&text::finding_sentence(lang, c, rel))
                    )
                })
                .collect();
            let _ = writeln!(
                self.body,
                "<ul class=\"findings key\">\n{}\n</ul>",
                items.join("\n")
            );
        }
        let _ = writeln!(
            self.body,
            "<h3 id=\"meaning\">{}</h3>",
            escape(self.t(Key::MeaningHeading))
        );
        for (arm, comparisons) in compared.iter().zip(&per_arm) {
            let meaning = self.meaning(arm, &baseline, &threshold, comparisons);
            self.p(&meaning);
        }
        let _ = writeln!(
            self.body,
            "<aside class=\"limits\" aria-labelledby=\"limits\">\n<h3 id=\"limits\">{}</h3>\n<ul>\n<li>{}</li>\n<li>{}</li>\n<li>{}</li>\n</ul>\n</aside>",
            escape(self.t(Key::LimitsHeading)),
            escape(self.t(Key::SummaryCaution)),
            escape(self.t(Key::LimitsAssumptions)),
            escape(self.t(Key::LimitsLeftOut))
        );

        let _ = writeln!(
            self.body,
            "<h3 id=\"compared\">{}</h3>",
            escape(self.t(Key::ComparedHeading))
        );
        let intro = self.tf(
            Key::SummaryIntro,
            &[
                ("arms", &join_list(lang, &self.arm_labels())),
                ("name", s.title(lang)),
                ("reps", &r.manifest.replications.to_string()),
                ("years", &text::years_text(lang, years(s.horizon_days))),
                ("warmup", &text::years_text(lang, years(s.warmup_days))),
                ("baseline", &baseline),
            ],
        );
        self.p(&intro);
        if !r.manifest.failures.is_empty() {
            let text = self.tf(
                Key::Failures,
                &[("n", &r.manifest.failures.len().to_string())],
            );
            let _ = writeln!(self.body, "<p class=\"caution\">{}</p>", escape(&text));
        }

        // An event after the warm-up: the averages mix both regimes.
        for arm in &s.arms {
            for e in &arm.events {
                let Some(day) = e.at_day().filter(|d| *d > s.warmup_days) else {
                    continue;
                };
                let text = self.tf(
                    Key::EventWindow,
                    &[
                        ("arm", &self.arm(&arm.name)),
                        ("label", e.label.text(lang)),
                        ("years", &text::years_text(lang, years(day))),
                        (
                            "before",
                            &text::years_text(lang, years(day.min(s.horizon_days) - s.warmup_days)),
                        ),
                    ],
                );
                let _ = writeln!(self.body, "<p class=\"caution\">{}</p>", escape(&text));
                self.post_switch(&arm.name, e.label.text(lang), day);
            }
        }

        // The full list, per arm, in the fixed order of the key outcomes.
        let mut rows = Vec::new();
        for ((name_of_arm, arm), comparisons) in names.iter().zip(&compared).zip(&per_arm) {
            let arm_index = self.style(name_of_arm);
            let mut items = Vec::new();
            let mut no_clear = Vec::new();
            let mut small = Vec::new();
            let mut counts = [0usize; 6];
            for c in comparisons {
                let (v, sentence) = text::difference_sentence(lang, c);
                let is_small = findings::is_small(c);
                let k = match v {
                    _ if is_small => 3,
                    Verdict::Better => 0,
                    Verdict::Worse => 1,
                    Verdict::Different => 2,
                    Verdict::NoClearDifference => 4,
                    Verdict::Unknown => 5,
                };
                counts[k] += 1;
                if is_small {
                    let pct = text::percent(lang, 100.0 * findings::relative(c).unwrap_or(0.0));
                    small.push(format!("{} ({pct})", outcome_label(lang, c.outcome)));
                } else if v == Verdict::NoClearDifference {
                    no_clear.push(text::outcome_with_interval(lang, c));
                } else {
                    items.push(format!(
                        "<li class=\"{}\"><span class=\"tag\">{}</span>{}</li>",
                        verdict_class(v),
                        escape(text::verdict_tag(lang, v)),
                        escape(&sentence)
                    ));
                }
                let pct = |x: f64| {
                    if c.baseline_mean.is_finite() && c.baseline_mean != 0.0 {
                        100.0 * x / c.baseline_mean.abs()
                    } else {
                        f64::NAN
                    }
                };
                rows.push(DifferenceRow {
                    outcome: capitalise(outcome_label(lang, c.outcome)),
                    arm_index,
                    arm: arm.clone(),
                    mean: pct(c.mean),
                    lo: pct(c.lo),
                    hi: pct(c.hi),
                    tag: if is_small {
                        self.t(Key::TagSmall).to_owned()
                    } else {
                        text::verdict_tag(lang, v).to_owned()
                    },
                });
            }
            // Small and unclear differences each share one item, so the
            // clear ones stand out; each keeps its size or interval.
            if !small.is_empty() {
                let sentence = self.tf(
                    Key::SmallList,
                    &[
                        ("arm", arm),
                        ("baseline", &baseline),
                        ("threshold", &threshold),
                        ("list", &join_list(lang, &small)),
                    ],
                );
                items.push(format!(
                    "<li class=\"small\"><span class=\"tag\">{}</span>{}</li>",
                    escape(self.t(Key::TagSmall)),
                    escape(&sentence)
                ));
            }
            if !no_clear.is_empty() {
                let sentence = self.tf(
                    Key::NoClearList,
                    &[
                        ("arm", arm),
                        ("baseline", &baseline),
                        ("list", &join_list(lang, &no_clear)),
                    ],
                );
                items.push(format!(
                    "<li class=\"none\"><span class=\"tag\">{}</span>{}</li>",
                    escape(text::verdict_tag(lang, Verdict::NoClearDifference)),
                    escape(&sentence)
                ));
            }
            let heading = self.tf(
                Key::ComparisonHeading,
                &[("arm", arm), ("baseline", &baseline)],
            );
            let _ = writeln!(self.body, "<h3>{}</h3>", escape(&heading));
            let n = counts.iter().sum::<usize>();
            let parts: Vec<String> = [
                Key::CountBetter,
                Key::CountWorse,
                Key::CountDifferent,
                Key::CountSmall,
                Key::CountNoClear,
                Key::CountUnknown,
            ]
            .into_iter()
            .zip(counts)
            .filter(|(_, k)| *k > 0)
            .map(|(key, k)| self.tf(key, &[("k", &k.to_string()), ("threshold", &threshold)]))
            .collect();
            let counts_text = self.tf(
                Key::ComparisonCounts,
                &[("n", &n.to_string()), ("list", &join_list(lang, &parts))],
            );
            self.p(&counts_text);
            let _ = writeln!(
                self.body,
                "<ul class=\"findings\">\n{}\n</ul>",
                items.join("\n")
            );
        }
        if !rows.is_empty() {
            // Group rows by outcome, arms together.
            rows.sort_by_key(|row| {
                (
                    self.key_outcomes
                        .iter()
                        .position(|o| capitalise(outcome_label(lang, *o)) == row.outcome),
                    row.arm_index,
                )
            });
            let title = self.tf(Key::DifferenceTitle, &[("baseline", &baseline)]);
            let caption = self.tf(Key::DifferenceCaption, &[("baseline", &baseline)]);
            let legend: Vec<(String, usize)> = names
                .iter()
                .zip(&compared)
                .map(|(name, label)| (label.clone(), self.style(name)))
                .collect();
            let chart =
                charts::difference_chart("differences", lang, &title, &caption, &legend, &rows);
            self.figure(chart);
            self.diff_figure = Some(self.charts.len());
        }
    }

    /// "What this means" for one arm, from its comparisons: where it does
    /// better (largest first), what it costs elsewhere, what else changes,
    /// and how many clear differences are too small to matter.
    fn meaning(
        &self,
        arm: &str,
        baseline: &str,
        threshold: &str,
        comparisons: &[Comparison<'_>],
    ) -> String {
        let lang = self.lang;
        let mut ranked: Vec<&Comparison<'_>> = comparisons
            .iter()
            .filter(|c| !findings::is_small(c))
            .collect();
        // Largest relative change first; one without a relative size last.
        let size = |c: &Comparison<'_>| findings::relative(c).map_or(-1.0, f64::abs);
        ranked.sort_by(|a, b| size(b).total_cmp(&size(a)));
        let labels = |v: Verdict| -> Vec<String> {
            ranked
                .iter()
                .filter(|c| findings::verdict_of(c) == v)
                .map(|c| outcome_label(lang, c.outcome).to_owned())
                .collect()
        };
        let (better, worse, different) = (
            labels(Verdict::Better),
            labels(Verdict::Worse),
            labels(Verdict::Different),
        );
        let small = comparisons.iter().filter(|c| findings::is_small(c)).count();
        let base = [("arm", arm), ("baseline", baseline)];
        let with = |key: Key, name: &str, list: &[String]| {
            let joined = join_list(lang, list);
            let mut values = base.to_vec();
            values.push((name, joined.as_str()));
            tf(lang, key, &values)
        };
        let mut sentences = Vec::new();
        match (better.is_empty(), worse.is_empty()) {
            (false, false) => {
                sentences.push(with(Key::MeaningGains, "better", &better));
                sentences.push(with(Key::MeaningCosts, "worse", &worse));
            }
            (false, true) => {
                sentences.push(with(Key::MeaningGains, "better", &better));
                sentences.push(tf(lang, Key::MeaningNoCost, &base));
            }
            (true, false) => sentences.push(with(Key::MeaningOnlyCosts, "worse", &worse)),
            (true, true) => sentences.push(tf(lang, Key::MeaningNothing, &base)),
        }
        if !different.is_empty() {
            sentences.push(with(Key::MeaningDifferent, "list", &different));
        }
        if small > 0 {
            let k = small.to_string();
            let mut values = base.to_vec();
            values.extend([("k", k.as_str()), ("threshold", threshold)]);
            let key = if small == 1 {
                Key::MeaningSmallOne
            } else {
                Key::MeaningSmall
            };
            sentences.push(tf(lang, key, &values));
        }
        sentences.join(" ")
    }

    fn outcomes(&mut self) {
        self.h2("outcomes", Key::OutcomesHeading);
        let intro = match self.diff_figure {
            Some(n) => self.tf(Key::OutcomesIntroFigure, &[("n", &n.to_string())]),
            None => self.t(Key::OutcomesIntroPlain).to_owned(),
        };
        self.p(&intro);
        self.body.push_str("<div class=\"grid\">\n");
        let arms = arm_names(self.results);
        for &o in &self.key_outcomes.clone() {
            let spec = o.spec();
            let unit = display_unit(self.lang, spec.unit);
            let rows: Vec<ArmInterval> = arms
                .iter()
                .filter_map(|arm| {
                    self.results.level(arm, spec.name).map(|s| ArmInterval {
                        label: self.arm(arm),
                        style: self.style(arm),
                        mean: s.mean * unit.scale,
                        lo: s.ci_low * unit.scale,
                        hi: s.ci_high * unit.scale,
                    })
                })
                .collect();
            if rows.is_empty() {
                continue;
            }
            let label = outcome_label(self.lang, o);
            let caption = capitalise(&self.tf(
                Key::OutcomeCaption,
                &[("outcome", label), ("unit", unit.level)],
            ));
            let chart = charts::interval_chart(
                &format!("outcome-{}", spec.name),
                self.lang,
                &capitalise(label),
                unit.level,
                &caption,
                &rows,
                charts::axis_from_zero(spec.unit),
            );
            self.figure(chart);
        }
        self.body.push_str("</div>\n");
    }

    fn series(&mut self) {
        let r = self.results;
        let arms = arm_names(r);
        let has_any = self
            .key_series
            .iter()
            .any(|m| arms.iter().any(|a| !r.series(a, m.spec().name).is_empty()));
        if !has_any {
            return;
        }
        self.h2("series", Key::SeriesHeading);
        self.p(self.t(Key::SeriesIntro));
        let months = self
            .key_series
            .iter()
            .flat_map(|m| arms.iter().map(move |a| r.series(a, m.spec().name).len()))
            .max()
            .unwrap_or(0);
        // A rolling mean needs two windows to show a course over time.
        let smooth = |m: SeriesMetric| smoothed(m) && months >= 2 * ROLLING_MONTHS;
        let smoothed_names: Vec<String> = self
            .key_series
            .iter()
            .filter(|m| smooth(**m))
            .map(|m| series_label(self.lang, *m).to_owned())
            .collect();
        if !smoothed_names.is_empty() {
            let note = capitalise(&self.tf(
                Key::SeriesSmoothedNote,
                &[("list", &join_list(self.lang, &smoothed_names))],
            ));
            self.p(&note);
        }
        self.body.push_str("<div class=\"grid\">\n");
        let s = &r.manifest.scenario;
        let total_years = years(s.horizon_days);
        // Events at a fixed day, marked on every series.
        let events: Vec<(f64, String)> = s
            .arms
            .iter()
            .flat_map(|a| {
                let (arm, lang) = (r.arm_label(self.lang, &a.name), self.lang);
                a.events.iter().filter_map(move |e| {
                    e.at_day()
                        .map(|d| (years(d), format!("{arm}: {}", e.label.text(lang))))
                })
            })
            .collect();
        for m in self.key_series.clone() {
            let spec = m.spec();
            let unit = display_unit(self.lang, spec.unit);
            // Every series metric is a non-negative quantity, and a share
            // cannot pass 100%: a t interval over few runs can cross those
            // lines, so the band is drawn clipped to them.
            let upper = if spec.unit == "share" {
                unit.scale
            } else {
                f64::INFINITY
            };
            let clip = |x: f64| x.clamp(0.0, upper);
            let raw: Vec<SeriesBand> = arms
                .iter()
                .map(|arm| SeriesBand {
                    label: self.arm(arm),
                    style: self.style(arm),
                    points: r
                        .series(arm, spec.name)
                        .iter()
                        .map(|p| {
                            (
                                f64::from(p.month) / 12.0,
                                p.mean * unit.scale,
                                clip(p.ci_low * unit.scale),
                                clip(p.ci_high * unit.scale),
                            )
                        })
                        .collect(),
                })
                .collect();
            let label = series_label(self.lang, m);
            // The text alternative gives the last month as measured.
            let ends: Vec<String> = raw
                .iter()
                .map(|b| {
                    let last = b.points.last().map_or(f64::NAN, |p| p.1);
                    format!(
                        "{} {} {}",
                        b.label,
                        number(self.lang, last, decimals(&[last])),
                        unit.level
                    )
                })
                .collect();
            let smooth = smooth(m);
            let bands: Vec<SeriesBand> = if smooth {
                raw.into_iter()
                    .map(|b| SeriesBand {
                        points: charts::rolling_mean(&b.points, ROLLING_MONTHS),
                        ..b
                    })
                    .collect()
            } else {
                raw
            };
            let mut desc = self.tf(
                Key::SeriesDesc,
                &[
                    ("metric", label),
                    ("years", &number(self.lang, total_years, 0)),
                    ("arms", &join_list(self.lang, &self.arm_labels())),
                    ("ends", &join_list(self.lang, &ends)),
                ],
            );
            for (year, label) in &events {
                desc.push(' ');
                desc.push_str(&self.tf(
                    Key::EventLine,
                    &[
                        ("label", label),
                        ("years", &text::years_text(self.lang, *year)),
                    ],
                ));
            }
            let caption_key = if smooth {
                Key::SeriesCaptionSmoothed
            } else {
                Key::SeriesCaption
            };
            let caption =
                capitalise(&self.tf(caption_key, &[("metric", label), ("unit", unit.level)]));
            let chart = charts::series_chart(
                &format!("series-{}", spec.name),
                self.lang,
                &capitalise(label),
                unit.level,
                &caption,
                &capitalise(&desc),
                &bands,
                years(s.warmup_days),
                &events,
            );
            self.figure(chart);
        }
        self.body.push_str("</div>\n");
    }

    /// After an event inside the outcome window: the averages of the
    /// monthly series over the whole window and over the months after the
    /// switch only, per alternative, so that the reform's effect is not
    /// diluted by the years before it. Plain means of the monthly means in
    /// series_summary.csv, without intervals (the text says so).
    fn post_switch(&mut self, arm: &str, label: &str, day: u32) {
        let r = self.results;
        let s = &r.manifest.scenario;
        let lang = self.lang;
        let arms = arm_names(r);
        let average = |points: &[super::load::SeriesPoint], from: u32| {
            let values: Vec<f64> = points
                .iter()
                .filter(|p| month_start_day(p.month) >= from && p.mean.is_finite())
                .map(|p| p.mean)
                .collect();
            if values.is_empty() {
                f64::NAN
            } else {
                values.iter().sum::<f64>() / values.len() as f64
            }
        };
        let mut rows = Vec::new();
        for m in &self.key_series {
            let spec = m.spec();
            let unit = display_unit(lang, spec.unit);
            let cells: Vec<[f64; 2]> = arms
                .iter()
                .map(|a| {
                    let points = r.series(a, spec.name);
                    [
                        average(points, s.warmup_days) * unit.scale,
                        average(points, day) * unit.scale,
                    ]
                })
                .collect();
            if cells.iter().flatten().all(|v| !v.is_finite()) {
                continue;
            }
            let d = decimals(&cells.iter().flatten().copied().collect::<Vec<_>>());
            let shown: Vec<String> = cells
                .iter()
                .flatten()
                .map(|v| {
                    if v.is_finite() {
                        number(lang, *v, d)
                    } else {
                        t(lang, Key::NotAvailable).to_owned()
                    }
                })
                .collect();
            rows.push((
                format!("{} ({})", capitalise(series_label(lang, *m)), unit.level),
                shown,
            ));
        }
        if rows.is_empty() {
            return;
        }
        self.p(self.t(Key::PostSwitchText));
        let caption = self.tf(
            Key::PostSwitchCaption,
            &[
                ("arm", &self.arm(arm)),
                ("label", label),
                ("from", &text::years_text(lang, years(s.warmup_days))),
                ("switch", &text::years_text(lang, years(day))),
            ],
        );
        let _ = write!(
            self.body,
            "<div class=\"scroll\"><table class=\"post-switch\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
            escape(&caption),
            escape(self.t(Key::SeriesColumn))
        );
        for a in &arms {
            for key in [Key::WindowColumn, Key::AfterSwitchColumn] {
                let _ = write!(
                    self.body,
                    "<th scope=\"col\" class=\"num\">{}</th>",
                    escape(&self.tf(key, &[("arm", &self.arm(a))]))
                );
            }
        }
        self.body.push_str("</tr></thead>\n<tbody>\n");
        for (name, cells) in rows {
            let _ = write!(self.body, "<tr><th scope=\"row\">{}</th>", escape(&name));
            for c in cells {
                let _ = write!(self.body, "<td class=\"num\">{}</td>", escape(&c));
            }
            self.body.push_str("</tr>\n");
        }
        self.body.push_str("</tbody></table></div>\n");
    }

    fn time_use(&mut self) {
        let r = self.results;
        let rows: Vec<StackRow> = arm_names(r)
            .into_iter()
            .map(|arm| StackRow {
                shares: TIME_USE
                    .iter()
                    .map(|o| r.level(&arm, o.spec().name).map_or(f64::NAN, |s| s.mean))
                    .collect(),
                label: self.arm(&arm),
            })
            .filter(|row| row.shares.iter().any(|s| s.is_finite()))
            .collect();
        if rows.is_empty() {
            return;
        }
        self.h2("time-use", Key::TimeUseHeading);
        let categories: Vec<String> = TIME_USE
            .iter()
            .map(|o| capitalise(outcome_label(self.lang, *o)))
            .collect();
        let chart = charts::stacked_shares(
            "time-use",
            self.lang,
            self.t(Key::TimeUseTitle),
            self.t(Key::TimeUseCaption),
            &categories,
            &rows,
        );
        self.figure(chart);
    }

    fn study_summary(&mut self, data: &StudyData) {
        let r = self.results;
        let s = &r.manifest.scenario;
        let lang = self.lang;
        self.h2("summary", Key::SummaryHeading);
        let shown = |arm: &str| r.arm_label(lang, arm).to_owned();
        let factors: Vec<String> = data
            .factors
            .iter()
            .map(|f| factor_label_with(lang, f, &shown))
            .collect();
        let reps = r.manifest.replications.to_string();
        let intro = if data.is_sensitivity() {
            let mut outcomes: Vec<String> = Vec::new();
            for row in &data.indices {
                let label = Outcome::from_name(&row.outcome).map_or_else(
                    || row.outcome.clone(),
                    |o| outcome_label(lang, o).to_owned(),
                );
                if !outcomes.contains(&label) {
                    outcomes.push(label);
                }
            }
            let method = if data.kind == "sobol" {
                "Sobol"
            } else {
                "Morris"
            };
            self.tf(
                Key::SensitivityIntro,
                &[
                    ("factors", &join_list(lang, &factors)),
                    ("outcomes", &join_list(lang, &outcomes)),
                    ("name", s.title(lang)),
                    ("method", method),
                    ("points", &data.points.len().to_string()),
                    ("reps", &reps),
                ],
            )
        } else {
            self.tf(
                Key::SweepIntro,
                &[
                    ("arms", &join_list(lang, &self.arm_labels())),
                    ("factors", &join_list(lang, &factors)),
                    ("name", s.title(lang)),
                    ("points", &data.points.len().to_string()),
                    ("reps", &reps),
                ],
            )
        };
        self.p(&intro);
        let _ = writeln!(
            self.body,
            "<p class=\"caution\">{}</p>",
            escape(self.t(Key::StudyCaution))
        );
        if !r.manifest.failures.is_empty() {
            let text = self.tf(
                Key::Failures,
                &[("n", &r.manifest.failures.len().to_string())],
            );
            let _ = writeln!(self.body, "<p class=\"caution\">{}</p>", escape(&text));
        }
        if !data.is_sensitivity() {
            self.sweep_verdicts(data);
            return;
        }
        // The ranking of each outcome in words, as indices.csv ranks it.
        let mut items = Vec::new();
        let mut groups: Vec<(String, String)> = Vec::new();
        for row in &data.indices {
            let key = (row.arm.clone(), row.outcome.clone());
            if !groups.contains(&key) {
                groups.push(key);
            }
        }
        for (arm, outcome) in groups {
            let mut rows: Vec<_> = data
                .indices
                .iter()
                .filter(|r| r.arm == arm && r.outcome == outcome)
                .collect();
            rows.sort_by_key(|r| r.rank);
            let label = Outcome::from_name(&outcome)
                .map_or_else(|| outcome.clone(), |o| outcome_label(lang, o).to_owned());
            let arm = self.arm(&arm);
            let moved = rows.iter().any(|r| r.value.is_finite() && r.value != 0.0);
            let sentence = if moved {
                // The top factors only, each with its direction (Morris mu's
                // sign); the table under the chart has them all.
                let top: Vec<_> = rows
                    .iter()
                    .filter(|r| r.value.is_finite() && r.value != 0.0)
                    .take(SENSITIVITY_TOP)
                    .collect();
                let ranking: Vec<String> = top
                    .iter()
                    .map(|r| {
                        let name = data
                            .factors
                            .iter()
                            .find(|f| f.label == r.factor)
                            .map_or_else(
                                || r.factor.clone(),
                                |f| factor_label_with(lang, f, &shown),
                            );
                        if r.mu.is_finite() && r.mu != 0.0 {
                            let dir = if r.mu > 0.0 { Key::Raises } else { Key::Lowers };
                            format!("{name} ({})", self.t(dir))
                        } else {
                            name
                        }
                    })
                    .collect();
                let mut sentence = self.tf(
                    Key::SensitivityTop,
                    &[
                        ("outcome", &label),
                        ("arm", &arm),
                        ("ranking", &join_list(lang, &ranking)),
                    ],
                );
                // Two intervals that overlap cannot be ranked.
                if let [a, b, ..] = top.as_slice()
                    && b.ci_high >= a.ci_low
                {
                    sentence.push(' ');
                    sentence.push_str(self.t(Key::SensitivityOverlap));
                }
                sentence
            } else {
                self.tf(Key::SensitivityNone, &[("outcome", &label), ("arm", &arm)])
            };
            items.push(format!("<li>{}</li>", escape(&capitalise(&sentence))));
        }
        let _ = writeln!(self.body, "<ul>\n{}\n</ul>", items.join("\n"));
    }

    /// A sweep's answer in words: for each charted outcome and each arm,
    /// at how many points it does better than the baseline, worse, or not
    /// clearly different, from the paired differences the sweep wrote.
    fn sweep_verdicts(&mut self, data: &StudyData) {
        let lang = self.lang;
        let baseline = self.arm(self.results.baseline());
        let outcomes = if data.factors.iter().any(|f| is_pathway_key(&f.key)) {
            PATHWAY_STUDY_OUTCOMES
        } else {
            STUDY_OUTCOMES
        };
        let mut items = Vec::new();
        for arm in self.compared() {
            for o in outcomes {
                let diffs = data.differences_of(&arm, o.spec().name);
                if diffs.is_empty() {
                    continue;
                }
                let direction = text::better(o);
                let mut counts = [0usize; 3];
                for (_, d) in &diffs {
                    match text::verdict(direction, d.ci_low, d.ci_high) {
                        Verdict::Better => counts[0] += 1,
                        Verdict::Worse => counts[1] += 1,
                        Verdict::Different => counts[2] += 1,
                        Verdict::NoClearDifference | Verdict::Unknown => {}
                    }
                }
                let n = diffs.len();
                let unclear = n - counts.iter().sum::<usize>();
                let values = [
                    ("outcome", capitalise(outcome_label(lang, o))),
                    ("arm", self.arm(&arm)),
                    ("baseline", baseline.clone()),
                    ("n", n.to_string()),
                    ("better", counts[0].to_string()),
                    ("worse", counts[1].to_string()),
                    ("different", counts[2].to_string()),
                    ("unclear", unclear.to_string()),
                ];
                let values: Vec<(&str, &str)> =
                    values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let key = if direction == text::Better::Neither {
                    Key::SweepDiffers
                } else if counts[0] == n {
                    Key::SweepBetterEverywhere
                } else if counts[1] == n {
                    Key::SweepWorseEverywhere
                } else {
                    Key::SweepCounts
                };
                items.push(format!("<li>{}</li>", escape(&tf(lang, key, &values))));
            }
        }
        if !items.is_empty() {
            let _ = writeln!(
                self.body,
                "<ul class=\"sweep-verdicts\">\n{}\n</ul>",
                items.join("\n")
            );
        }
    }

    fn study_section(&mut self, studies: &[Study]) {
        let Some(first) = studies.first() else {
            return;
        };
        match first {
            Study::Sweep { .. } => self.h2("sweep", Key::SweepHeading),
            Study::Sensitivity { .. } => self.h2("sensitivity", Key::SensitivityHeading),
        }
        // Heat maps and sweep lines are small enough for two columns;
        // rankings need the width for their labels.
        let grid = matches!(first, Study::Sweep { .. });
        if grid {
            self.body.push_str("<div class=\"grid\">\n");
        }
        for study in studies {
            self.study(study);
        }
        if grid {
            self.body.push_str("</div>\n");
        }
    }

    fn study(&mut self, study: &Study) {
        match study {
            Study::Sweep {
                name,
                factor_names,
                outcome,
                unit,
                lines,
                heats,
                diffs,
                diff_unit,
                baseline,
                better,
                from_zero,
            } => {
                // The answer first: how each arm differs from the baseline.
                let better_text = self.t(match better {
                    text::Better::Lower => Key::LowerIsBetter,
                    text::Better::Higher => Key::HigherIsBetter,
                    text::Better::Neither => Key::NeitherIsBetter,
                });
                let baseline = &self.arm(baseline);
                for (name_of_arm, x, y, grid) in diffs {
                    let arm = &self.arm(name_of_arm);
                    let label = format!("{outcome} ({arm} \u{2212} {baseline})");
                    let caption = capitalise(&self.tf(
                        Key::HeatDiffCaption,
                        &[
                            ("outcome", outcome),
                            ("unit", diff_unit),
                            ("arm", arm),
                            ("baseline", baseline),
                            ("x", x),
                            ("y", y),
                            ("better", better_text),
                        ],
                    ));
                    let chart = charts::heat_map(
                        &chart_id(&["sweep-diff", name, name_of_arm]),
                        self.lang,
                        &label,
                        x,
                        y,
                        &caption,
                        grid,
                    );
                    self.figure(chart);
                }
                for (k, (factor, lines)) in lines.iter().enumerate() {
                    let caption = capitalise(&self.tf(
                        Key::SweepCaption,
                        &[("outcome", outcome), ("unit", unit), ("factor", factor)],
                    ));
                    let chart = charts::sweep_line_chart(
                        &chart_id(&[
                            "sweep",
                            name,
                            "by",
                            factor_names.get(k).map_or("factor", String::as_str),
                        ]),
                        self.lang,
                        outcome,
                        factor,
                        unit,
                        &caption,
                        lines,
                        *from_zero,
                    );
                    self.figure(chart);
                }
                for (name_of_arm, x, y, grid) in heats {
                    let label = format!("{outcome} ({})", self.arm(name_of_arm));
                    let caption = capitalise(&self.tf(
                        Key::HeatCaption,
                        &[("outcome", &label), ("unit", unit), ("x", x), ("y", y)],
                    ));
                    let chart = charts::heat_map(
                        &chart_id(&["sweep-heat", name, name_of_arm]),
                        self.lang,
                        &label,
                        x,
                        y,
                        &caption,
                        grid,
                    );
                    self.figure(chart);
                }
            }
            Study::Sensitivity {
                name,
                outcome,
                unit,
                effects,
                sobol,
                factors,
            } => {
                let key = if *sobol {
                    Key::RankingCaptionSobol
                } else {
                    Key::RankingCaption
                };
                let caption = capitalise(&self.tf(key, &[("outcome", outcome), ("unit", unit)]));
                let chart = charts::ranking_chart(
                    &chart_id(&["sensitivity", name]),
                    self.lang,
                    outcome,
                    unit,
                    &caption,
                    effects,
                );
                self.figure(chart);
                self.factor_table(outcome, unit, *sobol, factors);
            }
        }
    }

    /// The table under a sensitivity chart: each factor's studied range,
    /// its direction (Morris mu, signed) and its indices with intervals.
    fn factor_table(&mut self, outcome: &str, unit: &str, sobol: bool, factors: &[FactorRow]) {
        if factors.is_empty() {
            return;
        }
        let lang = self.lang;
        let caption = capitalise(&self.tf(Key::FactorTableCaption, &[("outcome", outcome)]));
        let (third, fourth) = if sobol {
            (
                self.t(Key::S1Column).to_owned(),
                self.t(Key::StColumn).to_owned(),
            )
        } else {
            (
                self.tf(Key::MuColumn, &[("unit", unit)]),
                self.tf(Key::MuStarColumn, &[("unit", unit)]),
            )
        };
        let _ = writeln!(
            self.body,
            "<div class=\"scroll\"><table class=\"factors\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>",
            escape(&caption),
            escape(self.t(Key::Parameter)),
            escape(self.t(Key::StudiedRange)),
            escape(&third),
            escape(&fourth),
            escape(self.t(Key::RankColumn))
        );
        let groups = rank_groups(factors);
        let all: Vec<f64> = factors
            .iter()
            .flat_map(|f| [f.mu, f.index[0], f.index[2]])
            .collect();
        let d = decimals(&all);
        let interval = |v: [f64; 3], d: usize| {
            format!(
                "{} [{}; {}]",
                number(lang, v[0], d),
                number(lang, v[1], d),
                number(lang, v[2], d)
            )
        };
        for (f, (first, last)) in factors.iter().zip(&groups) {
            let rank = if first == last {
                first.to_string()
            } else {
                format!("{first}\u{2013}{last}")
            };
            let range = if f.range.0.is_finite() {
                let rd = exact_decimals(&[f.range.0, f.range.1]);
                self.tf(
                    Key::IntervalRange,
                    &[
                        ("lo", &number(lang, f.range.0, rd)),
                        ("hi", &number(lang, f.range.1, rd)),
                        ("unit", &f.unit),
                    ],
                )
            } else {
                self.t(Key::NotAvailable).to_owned()
            };
            let (third, fourth) = if sobol {
                (interval(f.s1, 2), interval(f.index, 2))
            } else {
                (text::signed(lang, f.mu, d), interval(f.index, d))
            };
            let _ = writeln!(
                self.body,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num rank\">{}</td></tr>",
                // A parameter key stays as written; a lever's name starts a row.
                escape(&if f.label.contains('.') {
                    f.label.clone()
                } else {
                    capitalise(&f.label)
                }),
                escape(range.trim_end()),
                escape(&third),
                escape(&fourth),
                escape(&rank)
            );
        }
        self.body.push_str("</tbody></table></div>\n");
        if groups.iter().any(|(a, b)| a != b) {
            let _ = writeln!(
                self.body,
                "<p class=\"sub\">{}</p>",
                escape(self.t(Key::RankNote))
            );
        }
    }

    fn loops(&mut self) {
        self.h2("loops", Key::LoopsHeading);
        self.p(self.t(Key::LoopsIntro));
        let arms = arm_names(self.results);
        for (title, explanation, indicators) in LOOPS {
            let _ = writeln!(self.body, "<h3>{}</h3>", escape(self.t(title)));
            self.p(self.t(explanation));
            // A study's levels are per point, shown in its charts: no
            // indicator line, rather than a false "not measured".
            if self.results.study.is_some() {
                continue;
            }
            let mut parts = Vec::new();
            for o in indicators {
                let spec = o.spec();
                let unit = display_unit(self.lang, spec.unit);
                let values: Vec<(String, f64)> = arms
                    .iter()
                    .filter_map(|a| {
                        self.results
                            .level(a, spec.name)
                            .map(|s| (self.arm(a), s.mean * unit.scale))
                    })
                    .collect();
                if values.is_empty() {
                    continue;
                }
                let d = decimals(&values.iter().map(|v| v.1).collect::<Vec<_>>());
                let list: Vec<String> = values
                    .iter()
                    .map(|(a, v)| format!("{a} {}", number(self.lang, *v, d)))
                    .collect();
                parts.push(format!(
                    "{} ({}): {}",
                    outcome_label(self.lang, *o),
                    unit.level,
                    list.join(", ")
                ));
            }
            let line = if parts.is_empty() {
                self.t(Key::LoopNotMeasured).to_owned()
            } else {
                self.tf(Key::LoopIndicator, &[("values", &parts.join("; "))])
            };
            let _ = writeln!(self.body, "<p class=\"sub\">{}</p>", escape(&line));
        }
    }

    /// An event's name with its time when it fires on a fixed day:
    /// "trust reform (from year 3)".
    fn event_name(&self, e: &super::load::ManifestEvent) -> String {
        match e.at_day() {
            Some(day) => self.tf(
                Key::EventAt,
                &[
                    ("label", e.label.text(self.lang)),
                    ("years", &text::years_text(self.lang, years(day))),
                ],
            ),
            None => e.label.text(self.lang).to_owned(),
        }
    }

    fn scenario(&mut self) {
        let s = &self.results.manifest.scenario;
        let lang = self.lang;
        self.h2("scenario", Key::ScenarioHeading);
        let _ = writeln!(
            self.body,
            "<p><strong>{}</strong></p>",
            escape(s.title(lang))
        );
        if let Some(description) = s.description.get(lang) {
            self.p(description);
        }
        self.open_table(
            "scroll",
            "",
            &[
                (Key::Alternative, ""),
                (Key::Preset, ""),
                (Key::Description, ""),
                (Key::Events, ""),
            ],
        );
        for arm in &s.arms {
            let events: Vec<String> = arm.events.iter().map(|e| self.event_name(e)).collect();
            let events = if events.is_empty() {
                self.t(Key::NoEvents).to_owned()
            } else {
                events.join(", ")
            };
            let _ = writeln!(
                self.body,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&self.arm(&arm.name)),
                escape(&text::preset_label(lang, &arm.preset)),
                escape(arm.description.text(lang)),
                escape(&events)
            );
        }
        self.body.push_str("</tbody></table></div>\n");
        let _ = writeln!(self.body, "<h3>{}</h3>", escape(self.t(Key::LeversHeading)));
        let _ = write!(
            self.body,
            "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">{}</th>",
            escape(self.t(Key::Lever))
        );
        for arm in &s.arms {
            let _ = write!(
                self.body,
                "<th scope=\"col\" class=\"num\">{}</th>",
                escape(&self.arm(&arm.name))
            );
            // The levers after each event, beside the arm's starting ones.
            for e in &arm.events {
                let _ = write!(
                    self.body,
                    "<th scope=\"col\" class=\"num\">{}</th>",
                    escape(&format!("{}: {}", self.arm(&arm.name), self.event_name(e)))
                );
            }
        }
        self.body.push_str("</tr></thead>\n<tbody>\n");
        for p in PARAMETERS.iter().filter(|p| p.group == "steering") {
            let label = text::lever_label(lang, p.name).unwrap_or(p.name);
            let _ = write!(
                self.body,
                "<tr><th scope=\"row\">{} <code>{}</code></th>",
                escape(&capitalise(label)),
                breakable(p.name)
            );
            for arm in &s.arms {
                let v = arm.param(p.group, p.name).unwrap_or(f64::NAN);
                let shown = self
                    .swept(&p.key(), &arm.name)
                    .unwrap_or_else(|| marked(lang, p, v));
                let _ = write!(self.body, "<td class=\"num\">{}</td>", escape(&shown));
                for e in &arm.events {
                    let after = e.lever(p.name).map_or_else(
                        || t(lang, Key::NotAvailable).to_owned(),
                        |v| marked(lang, p, v),
                    );
                    let _ = write!(self.body, "<td class=\"num\">{}</td>", escape(&after));
                }
            }
            self.body.push_str("</tr>\n");
        }
        self.body.push_str("</tbody></table></div>\n");
        let _ = writeln!(
            self.body,
            "<p class=\"sub\">{}</p>",
            escape(self.t(Key::LeversChangedNote))
        );
    }

    /// The range a study varied parameter `key` over for `arm`, as shown
    /// in the scenario's tables ("0–2 (varied)"); `None` when it is not a
    /// factor for that arm (or this is not a study).
    fn swept(&self, key: &str, arm: &str) -> Option<String> {
        let data = self.results.study.as_ref()?;
        let k = data
            .factors
            .iter()
            .position(|f| f.key == key && f.arm.as_deref().is_none_or(|a| a == arm))?;
        let (lo, hi) = data
            .points
            .iter()
            .filter_map(|p| p.get(k).copied())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
        if !lo.is_finite() {
            return None;
        }
        let d = exact_decimals(&[lo, hi]);
        Some(self.tf(
            Key::SweptRange,
            &[
                ("lo", &number(self.lang, lo, d)),
                ("hi", &number(self.lang, hi, d)),
            ],
        ))
    }

    /// Each arm's value of parameter `p` as shown (a swept factor as its
    /// range), joined into one cell when the arms differ; and whether the
    /// scenario changed it from the registry default (a swept factor is
    /// changed).
    fn param_cell(&self, p: &crate::model::params::ParamSpec) -> (String, bool) {
        let s = &self.results.manifest.scenario;
        let lang = self.lang;
        let mut changed = false;
        let values: Vec<String> = s
            .arms
            .iter()
            .map(|a| match self.swept(&p.key(), &a.name) {
                Some(range) => {
                    changed = true;
                    range
                }
                None => {
                    let v = a.param(p.group, p.name).unwrap_or(f64::NAN);
                    changed |= !same_value(v, p.default);
                    shown_value(lang, p, v)
                }
            })
            .collect();
        let same = values.windows(2).all(|w| w[0] == w[1]);
        let value = if same {
            values.first().cloned().unwrap_or_default()
        } else {
            s.arms
                .iter()
                .zip(&values)
                .map(|(a, v)| format!("{}: {v}", self.arm(&a.name)))
                .collect::<Vec<_>>()
                .join("; ")
        };
        (value, changed)
    }

    /// The parameters the scenario changed from the registry defaults, with
    /// their defaults beside them; the rest go to the appendix.
    fn assumptions(&mut self) {
        let lang = self.lang;
        self.h2("assumptions", Key::AssumptionsHeading);
        let intro = self.tf(
            Key::AssumptionsIntro,
            &[("version", env!("CARGO_PKG_VERSION"))],
        );
        self.p(&intro);
        let changed: Vec<_> = PARAMETERS
            .iter()
            .filter(|p| p.group != "steering")
            .filter_map(|p| {
                let (value, changed) = self.param_cell(p);
                changed.then_some((p, value))
            })
            .collect();
        if changed.is_empty() {
            self.p(self.t(Key::NoneChanged));
            return;
        }
        self.p(self.t(Key::ChangedIntro));
        self.open_table(
            "scroll",
            "params changed",
            &[
                (Key::Parameter, ""),
                (Key::Value, ""),
                (Key::DefaultColumn, ""),
                (Key::Unit, ""),
                (Key::Meaning, ""),
                (Key::Source, ""),
            ],
        );
        for (p, value) in changed {
            let _ = writeln!(
                self.body,
                "<tr class=\"changed\"><td><span class=\"mark\" title=\"{}\">\u{25cf}</span> {}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td>{}{}</tr>",
                escape(self.t(Key::ChangedMark)),
                param_name_cell(lang, p),
                escape(&value),
                escape(&shown_value(lang, p, p.default)),
                escape(text::param_unit(lang, p.unit)),
                text_cell(text::param_meaning(lang, p), ""),
                text_cell(text::param_source(lang, p), "")
            );
        }
        self.body.push_str("</tbody></table></div>\n");
    }

    /// Opens a table (of class `table_class`, empty for none) in a box of
    /// class `box_class`: its header row from `columns` (the heading's key
    /// and the cell's class, empty for none), up to the opening `<tbody>`.
    fn open_table(&mut self, box_class: &str, table_class: &str, columns: &[(Key, &str)]) {
        let table_class = if table_class.is_empty() {
            String::new()
        } else {
            format!(" class=\"{table_class}\"")
        };
        let _ = write!(
            self.body,
            "<div class=\"{box_class}\"><table{table_class}>\n<thead><tr>"
        );
        for &(key, class) in columns {
            let class = if class.is_empty() {
                String::new()
            } else {
                format!(" class=\"{class}\"")
            };
            let _ = write!(
                self.body,
                "<th scope=\"col\"{class}>{}</th>",
                escape(self.t(key))
            );
        }
        self.body.push_str("</tr></thead>\n<tbody>\n");
    }

    /// The appendix: every parameter (other than the levers) at its
    /// default, compact; meanings and sources on screen only.
    fn appendix(&mut self) {
        let lang = self.lang;
        let rest: Vec<_> = PARAMETERS
            .iter()
            .filter(|p| p.group != "steering")
            .filter_map(|p| {
                let (value, changed) = self.param_cell(p);
                (!changed).then_some((p, value))
            })
            .collect();
        if rest.is_empty() {
            return;
        }
        self.h2("appendix", Key::AppendixHeading);
        let intro = self.tf(
            Key::AppendixIntro,
            &[
                ("n", &rest.len().to_string()),
                ("version", env!("CARGO_PKG_VERSION")),
            ],
        );
        self.p(&intro);
        self.open_table(
            "scroll appendix",
            "params defaults",
            &[
                (Key::Parameter, ""),
                (Key::Value, ""),
                (Key::Unit, ""),
                (Key::Meaning, "screen-only"),
                (Key::Source, "screen-only"),
            ],
        );
        for (p, value) in rest {
            let _ = writeln!(
                self.body,
                "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td>{}{}</tr>",
                param_name_cell(lang, p),
                escape(&value),
                escape(text::param_unit(lang, p.unit)),
                text_cell(text::param_meaning(lang, p), "screen-only"),
                text_cell(text::param_source(lang, p), "screen-only")
            );
        }
        self.body.push_str("</tbody></table></div>\n");
    }

    fn all_outcomes(&mut self) {
        let r = self.results;
        let lang = self.lang;
        let arms = arm_names(r);
        self.h2("all-outcomes", Key::AllOutcomesHeading);
        self.p(self.t(Key::AllOutcomesIntro));
        let _ = write!(
            self.body,
            "<div class=\"scroll\"><table class=\"all-outcomes\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
            escape(self.t(Key::Outcome)),
            escape(self.t(Key::Unit))
        );
        for arm in &arms {
            let _ = write!(
                self.body,
                "<th scope=\"col\" class=\"num\">{}</th>",
                escape(&self.arm(arm))
            );
        }
        self.body.push_str("</tr></thead>\n<tbody>\n");
        for o in Outcome::ALL {
            let spec = o.spec();
            let unit = display_unit(lang, spec.unit);
            let levels: Vec<Option<&crate::stats::Summary>> =
                arms.iter().map(|a| r.level(a, spec.name)).collect();
            if levels.iter().all(Option::is_none) {
                continue;
            }
            let d = decimals(
                &levels
                    .iter()
                    .flatten()
                    .flat_map(|s| [s.mean * unit.scale, s.ci_high * unit.scale])
                    .collect::<Vec<_>>(),
            );
            let _ = write!(
                self.body,
                "<tr><th scope=\"row\">{}</th><td>{}</td>",
                escape(&capitalise(outcome_label(lang, o))),
                escape(unit.level)
            );
            for s in &levels {
                let cell = match s {
                    Some(s) => format!(
                        "{} [{}; {}]",
                        number(lang, s.mean * unit.scale, d),
                        number(lang, s.ci_low * unit.scale, d),
                        number(lang, s.ci_high * unit.scale, d)
                    ),
                    None => t(lang, Key::NotAvailable).to_owned(),
                };
                let _ = write!(self.body, "<td class=\"num\">{}</td>", escape(&cell));
            }
            self.body.push_str("</tr>\n");
        }
        self.body.push_str("</tbody></table></div>\n");
    }

    fn reproduce(&mut self) {
        let r = self.results;
        let m = &r.manifest;
        let s = &m.scenario;
        self.h2("reproduce", Key::ReproHeading);
        self.p(self.t(Key::ReproIntro));
        let years_text = format!(
            "{} ({})",
            number(self.lang, years(s.horizon_days), 1),
            number(self.lang, years(s.warmup_days), 1)
        );
        let fields = [
            (Key::Version, m.tillit_version.clone()),
            (Key::Seed, m.master_seed.to_string()),
            // A study runs its replications at every point: say so, and
            // how many runs that made.
            match &r.study {
                Some(_) => (Key::ReplicationsPerPoint, m.replications.to_string()),
                None => (Key::Replications, m.replications.to_string()),
            },
            (
                Key::TotalRuns,
                r.study.as_ref().map_or_else(String::new, |d| {
                    (d.points.len() * s.arms.len() * m.replications as usize).to_string()
                }),
            ),
            (Key::Years, years_text),
            (Key::Command, m.command.clone()),
            (Key::Finished, m.finished_utc.clone()),
            (Key::ResultsFormat, m.results_format.to_string()),
            (Key::ResultsFolder, r.dir.display().to_string()),
            (
                Key::Design,
                r.study.as_ref().map_or_else(String::new, |d| {
                    text::design_text(self.lang, &d.design, d.points.len())
                }),
            ),
        ];
        self.body.push_str("<dl class=\"repro\">\n");
        for (key, value) in fields.into_iter().filter(|(_, v)| !v.is_empty()) {
            // The design is in words; the rest is exact, as code.
            let (open, close) = if key == Key::Design {
                ("", "")
            } else {
                ("<code>", "</code>")
            };
            let _ = writeln!(
                self.body,
                "<dt>{}</dt><dd>{open}{}{close}</dd>",
                escape(self.t(key)),
                escape(&value)
            );
        }
        self.body.push_str("</dl>\n");
        self.p(self.t(Key::ChartFiles));
    }

    fn finish(self) -> Page {
        let s = &self.results.manifest.scenario;
        let lang = self.lang;
        let title = tf(lang, Key::ReportTitle, &[("name", s.title(lang))]);
        let subtitle = tf(
            lang,
            Key::Subtitle,
            &[("version", &self.results.manifest.tillit_version)],
        );
        // The chart files this report writes beside it: a later report or
        // run removes these and nothing else.
        let chart_files: Vec<String> = self
            .charts
            .iter()
            .map(|c| super::chart_file_name(&c.id))
            .collect();
        let chart_files = chart_files.join(" ");
        let mut html = String::with_capacity(self.body.len() + CSS.len() + 2048);
        let _ = write!(
            html,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"tillit {}\">\n\
             <meta name=\"{}\" content=\"{}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n\
             <header>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n",
            lang.code(),
            CSP,
            env!("CARGO_PKG_VERSION"),
            crate::output::owned::REPORT_CHARTS_META,
            escape(&chart_files),
            escape(&title),
            CSS,
            escape(&title),
            escape(&subtitle)
        );
        if let Some(description) = s.description.get(lang) {
            let _ = writeln!(html, "<p>{}</p>", escape(description));
        }
        html.push_str("</header>\n<main>\n");
        html.push_str(&self.body);
        let _ = write!(
            html,
            "</main>\n<footer>\n<p>{}</p>\n</footer>\n</body>\n</html>\n",
            escape(t(lang, Key::Footer))
        );
        Page {
            html,
            charts: self.charts,
        }
    }
}

/// The fewest decimals (at most 3) that write every one of `values`.
fn exact_decimals(values: &[f64]) -> usize {
    (0..=3)
        .find(|&d| {
            let k = 10f64.powi(d);
            values
                .iter()
                .all(|v| ((v * k).round() - v * k).abs() < 1e-6)
        })
        .unwrap_or(3) as usize
}

/// The CSS class of a finding's verdict.
fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Better => "better",
        Verdict::Worse => "worse",
        Verdict::Different => "different",
        Verdict::NoClearDifference => "none",
        Verdict::Unknown => "unknown",
    }
}

/// `text` escaped, with a line-break opportunity after each `.` and `_`, so
/// long parameter keys wrap in narrow columns and on paper.
fn breakable(text: &str) -> String {
    escape(text).replace('.', ".<wbr>").replace('_', "_<wbr>")
}

/// A parameter's name for a reader: its readable name in `lang`, with the
/// key beside it in small code type (researchers write the key in scenario
/// files; on paper the appendix leaves it out); the key alone for a
/// parameter without a name.
fn param_name_cell(lang: Language, p: &crate::model::params::ParamSpec) -> String {
    let key = p.key();
    match text::param_label(lang, &key) {
        Some(name) => format!(
            "<span class=\"pname\">{}</span> <code class=\"key\">{}</code>",
            escape(&text::capitalise(name)),
            breakable(&key)
        ),
        None => format!("<code>{}</code>", breakable(&key)),
    }
}

/// A table cell of a parameter's meaning or source, marked `lang="en"` when
/// it is the registry's English in a page of another language.
fn text_cell(text: text::ParamText, class: &str) -> String {
    let lang = if text.english { " lang=\"en\"" } else { "" };
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    };
    format!("<td{lang}{class}>{}</td>", escape(text.text))
}

/// A parameter's value for a reader: a switch as yes or no (never `true`
/// or `false`), a number as [`param_value`] writes it.
fn shown_value(lang: Language, p: &crate::model::params::ParamSpec, v: f64) -> String {
    if p.kind == ParamKind::Switch && v.is_finite() {
        t(lang, if v != 0.0 { Key::Yes } else { Key::No }).to_owned()
    } else {
        param_value(lang, v)
    }
}

/// Whether two parameter values are the same (to the precision a scenario
/// writes them).
fn same_value(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// [`shown_value`], marked ● when it differs from the registry default.
fn marked(lang: Language, p: &crate::model::params::ParamSpec, v: f64) -> String {
    let shown = shown_value(lang, p, v);
    if v.is_finite() && !same_value(v, p.default) {
        format!("\u{25cf} {shown}")
    } else {
        shown
    }
}

/// A parameter value as the scenario would write it, with the language's
/// decimal sign.
fn param_value(lang: Language, v: f64) -> String {
    if !v.is_finite() {
        return t(lang, Key::NotAvailable).to_owned();
    }
    let s = crate::model::params::fmt_num(v);
    match lang {
        Language::En => s,
        Language::Sv => s.replace('.', ",").replace('-', "\u{2212}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::load::SummaryRow;

    fn data(points: Vec<Vec<f64>>, factors: usize) -> StudyData {
        let factor = |k: usize| Factor {
            label: format!("g.f{k}"),
            key: format!("g.f{k}"),
            arm: None,
            unit: String::new(),
        };
        let levels = (0..points.len())
            .map(|p| {
                (
                    p,
                    SummaryRow {
                        arm: "a".to_owned(),
                        comparison: "level".to_owned(),
                        outcome: "mean_stress".to_owned(),
                        unit: "stress units".to_owned(),
                        summary: Summary {
                            n: 2,
                            mean: p as f64,
                            sd: 0.1,
                            ci_low: p as f64 - 0.1,
                            ci_high: p as f64 + 0.1,
                        },
                    },
                )
            })
            .collect();
        StudyData {
            kind: "sweep".to_owned(),
            design: "factorial".to_owned(),
            factors: (0..factors).map(factor).collect(),
            points,
            levels,
            differences: Vec::new(),
            indices: Vec::new(),
        }
    }

    #[test]
    fn a_full_grid_of_two_factors_becomes_heat_maps_and_anything_else_lines() {
        let grid = data(
            vec![
                vec![0.0, 1.0],
                vec![0.0, 2.0],
                vec![1.0, 1.0],
                vec![1.0, 2.0],
            ],
            2,
        );
        assert_eq!(full_grid(&grid), Some((vec![0.0, 1.0], vec![1.0, 2.0])));
        let arms = ["a".to_owned()];
        let made = studies(&grid, &arms, Language::En);
        assert_eq!(made.len(), 1, "only mean_stress has levels");
        let Study::Sweep { lines, heats, .. } = &made[0] else {
            panic!("a sweep");
        };
        assert!(lines.is_empty());
        // Point 1 is (x 0, y 2): row 1, column 0.
        assert_eq!(heats[0].3.values, vec![vec![0.0, 2.0], vec![1.0, 3.0]]);

        let scattered = data(vec![vec![0.3, 1.0], vec![0.1, 2.0], vec![0.2, 1.5]], 2);
        assert_eq!(full_grid(&scattered), None);
        let Study::Sweep { lines, heats, .. } = &studies(&scattered, &arms, Language::En)[0] else {
            panic!("a sweep");
        };
        assert!(heats.is_empty());
        assert_eq!(lines.len(), 2, "one chart per factor");
        let xs: Vec<f64> = lines[0].1[0].points.iter().map(|p| p.0).collect();
        assert_eq!(xs, vec![0.1, 0.2, 0.3], "sorted along the factor");
    }

    #[test]
    fn factors_within_noise_of_each_other_share_a_rank() {
        let row = |v: f64, lo: f64, hi: f64| FactorRow {
            label: "f".to_owned(),
            range: (0.0, 1.0),
            unit: String::new(),
            mu: f64::NAN,
            index: [v, lo, hi],
            s1: [f64::NAN; 3],
        };
        // 1.3 [1.0; 1.6] overlaps 1.1 [0.9; 1.3] and 1.0 [0.8; 1.2]; 0.3 stands alone.
        let rows = [
            row(1.3, 1.0, 1.6),
            row(1.1, 0.9, 1.3),
            row(1.0, 0.8, 1.2),
            row(0.3, 0.2, 0.4),
            row(0.1, 0.0, 0.25),
        ];
        assert_eq!(
            rank_groups(&rows),
            vec![(1, 3), (1, 3), (1, 3), (4, 5), (4, 5)]
        );
        assert_eq!(rank_groups(&rows[3..4]), vec![(1, 1)]);
        assert_eq!(
            style_index(&["a".into(), "b".into(), "c".into()], "b", "b"),
            0
        );
        assert_eq!(
            style_index(&["a".into(), "b".into(), "c".into()], "b", "c"),
            2
        );
        assert_eq!(month_start_day(1), 0);
        assert_eq!(month_start_day(13), 365);
    }

    #[test]
    fn factors_are_named_by_their_lever() {
        let f = Factor {
            label: "steering.coaching_hours@trust".to_owned(),
            key: "steering.coaching_hours".to_owned(),
            arm: Some("trust".to_owned()),
            unit: String::new(),
        };
        assert_eq!(
            factor_label(Language::Sv, &f),
            "coachning per handläggare (timmar/vecka) (trust)"
        );
        let g = Factor {
            arm: None,
            key: "demand.severity_mean".to_owned(),
            ..f
        };
        assert_eq!(
            factor_label(Language::Sv, &g),
            "orosanmälningarnas genomsnittliga allvarlighetsgrad (0 lindrig, 1 akut)"
        );
        let h = Factor {
            key: "work.no_such_parameter".to_owned(),
            ..g
        };
        assert_eq!(factor_label(Language::En, &h), "work.no_such_parameter");
    }
}
