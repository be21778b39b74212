//! The comparison table printed after a run: per outcome, every arm's mean
//! with its 95% interval and every arm's paired difference to the baseline.

use super::format::{decimals_for, fixed};
use crate::experiment::ExperimentResult;
use crate::outcome::Outcome;
use crate::scenario::Scenario;
use crate::stats::Summary;

/// Spaces between columns.
const GAP: &str = "  ";

/// The outcomes the terminal table shows by default: staff, time use,
/// service, quality, cost and steering, in that order.
pub fn default_table_outcomes() -> Vec<Outcome> {
    use Outcome::*;
    vec![
        WorkerTurnover,
        LongSickSpells,
        SickLeaveShare,
        MeanStress,
        HighStrainShare,
        TimeDirect,
        TimeDocumentation,
        TimeAdmin,
        AssessmentsOverdue,
        InvestigationsOverdue,
        InvestigationDaysMean,
        OpenCasesMean,
        DecisionErrorRate,
        DecisionInconsistency,
        SeriousEvents,
        Scandals,
        PersonnelCost,
        DocumentationIntensityEnd,
        RegimeSwitches,
    ]
}

/// The outcomes of the cross-agency pathway (the Falun model) that the
/// terminal table adds when the arms differ in it.
pub fn pathway_table_outcomes() -> Vec<Outcome> {
    use Outcome::*;
    vec![
        TimeToFirstHelp,
        TimeToFirstHelpP90,
        TimeToFullHelp,
        StoryTold,
        Handoffs,
        BouncedReferrals,
        PathwayDropout,
        PathwayHours,
        SchoolHealthHours,
        CounsellingHours,
        BupHours,
        SocialServicesPathwayHours,
        NamedPersonHours,
        PathwayDocumentation,
    ]
}

/// The outcomes the terminal table shows for `scenario`: the default ones,
/// and the pathway's when its arms differ in it
/// ([`Scenario::arms_differ_in_pathway`]).
pub fn table_outcomes(scenario: &Scenario) -> Vec<Outcome> {
    let mut outcomes = default_table_outcomes();
    if scenario.arms_differ_in_pathway() {
        outcomes.extend(pathway_table_outcomes());
    }
    outcomes
}

/// A plain-text table comparing the arms of `result` on `outcomes`, with a
/// legend below it; lines end in `\n`, columns are aligned with spaces.
///
/// One row per outcome: its name and unit, then per arm the mean and its
/// 95% interval, e.g. `0.284 [0.271, 0.297]`, then for each arm other than
/// the baseline the paired difference (arm minus baseline), marked `*` when
/// its interval excludes zero. Numbers in a row share their decimals, chosen
/// to show the largest arm value (mean or interval end) with three
/// significant digits, and the largest difference with at least two.
/// Missing values show as `NA`.
pub fn comparison_table(
    scenario: &Scenario,
    result: &ExperimentResult,
    outcomes: &[Outcome],
) -> String {
    let arms = scenario.arms.len().min(result.arms.len());
    let baseline_name = scenario
        .arms
        .get(scenario.baseline)
        .map_or("baseline", |a| a.name.as_str());

    // Which columns: every arm's level, then every available difference.
    let mut columns: Vec<Column> = (0..arms)
        .map(|a| Column::new(scenario.arms[a].name.clone(), false))
        .collect();
    let diff_arms: Vec<usize> = (0..arms)
        .filter(|&a| a != scenario.baseline && result.arms[a].paired_difference.is_some())
        .collect();
    columns.extend(
        diff_arms
            .iter()
            .map(|&a| Column::new(format!("{} - {baseline_name}", scenario.arms[a].name), true)),
    );

    let mut n_range: Option<(u64, u64)> = None;
    for &outcome in outcomes {
        let o = outcome as usize;
        let levels: Vec<&Summary> = (0..arms).map(|a| &result.arms[a].outcomes[o]).collect();
        let diffs: Vec<&Summary> = diff_arms
            .iter()
            .filter_map(|&a| result.arms[a].paired_difference.as_ref().map(|d| &d[o]))
            .collect();
        for s in &levels {
            n_range = Some(n_range.map_or((s.n, s.n), |(lo, hi)| (lo.min(s.n), hi.max(s.n))));
        }
        let level_decimals = decimals_for(max_abs(&levels), 3);
        let diff_decimals = level_decimals.max(decimals_for(max_abs(&diffs), 2));
        for (column, s) in columns.iter_mut().zip(levels.iter().chain(&diffs)) {
            let decimals = if column.difference {
                diff_decimals
            } else {
                level_decimals
            };
            column.cells.push(Cell::new(s, decimals, column.difference));
        }
    }

    // Render: name and unit left-aligned, numbers right-aligned.
    let names: Vec<&str> = outcomes.iter().map(|o| o.spec().name).collect();
    let units: Vec<&str> = outcomes.iter().map(|o| o.spec().unit).collect();
    let name_width = width_of("outcome", &names);
    let unit_width = width_of("unit", &units);
    let rendered: Vec<(String, Vec<String>)> = columns
        .iter()
        .map(|c| (c.header.clone(), c.render()))
        .collect();

    let mut lines = Vec::with_capacity(outcomes.len() + 6);
    let mut header = vec![pad("outcome", name_width), pad("unit", unit_width)];
    let mut widths = Vec::with_capacity(rendered.len());
    for (h, cells) in &rendered {
        let w = width_of(h, cells);
        widths.push(w);
        header.push(pad_left(h, w));
    }
    let header = header.join(GAP);
    let rule = "-".repeat(header.trim_end().chars().count());
    lines.push(header);
    lines.push(rule);
    for (row, (name, unit)) in names.iter().zip(&units).enumerate() {
        let mut parts = vec![pad(name, name_width), pad(unit, unit_width)];
        for ((_, cells), &w) in rendered.iter().zip(&widths) {
            parts.push(pad_left(&cells[row], w));
        }
        lines.push(parts.join(GAP));
    }

    // Legend.
    lines.push(String::new());
    let replications = match n_range {
        Some((lo, hi)) if lo == hi => format!("{lo}"),
        Some((lo, hi)) => format!("{lo} to {hi}"),
        None => scenario.replications.to_string(),
    };
    lines.push(format!(
        "Mean [95% interval] over {replications} replications per arm."
    ));
    if !diff_arms.is_empty() {
        lines.push(format!(
            "\"<arm> - {baseline_name}\": paired difference to the baseline arm, replication by replication (same random numbers)."
        ));
        lines.push("* the 95% interval of the difference excludes zero.".to_owned());
    }
    if columns.iter().any(|c| c.cells.iter().any(Cell::has_na)) {
        lines.push("NA: not available (an interval needs at least two replications).".to_owned());
    }
    match result.failures.len() {
        0 => {}
        1 => lines.push("1 failed run is left out of every summary.".to_owned()),
        n => lines.push(format!("{n} failed runs are left out of every summary.")),
    }

    let mut out = String::new();
    for line in lines {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// One numeric column of the table.
struct Column {
    header: String,
    difference: bool,
    cells: Vec<Cell>,
}

impl Column {
    fn new(header: String, difference: bool) -> Self {
        Self {
            header,
            difference,
            cells: Vec::new(),
        }
    }

    /// The cells as strings, e.g. `0.284 [0.271, 0.297]`, with the marker
    /// (or two spaces) after a difference so that closing brackets line up.
    fn render(&self) -> Vec<String> {
        self.cells
            .iter()
            .map(|c| format!("{} [{}, {}]{}", c.mean, c.low, c.high, c.marker))
            .collect()
    }
}

/// One mean with its interval, formatted.
struct Cell {
    mean: String,
    low: String,
    high: String,
    marker: &'static str,
}

impl Cell {
    fn new(s: &Summary, decimals: usize, difference: bool) -> Self {
        let marker = match (difference, s.excludes_zero()) {
            (false, _) => "",
            (true, true) => " *",
            (true, false) => "  ",
        };
        Self {
            mean: fixed(s.mean, decimals),
            low: fixed(s.ci_low, decimals),
            high: fixed(s.ci_high, decimals),
            marker,
        }
    }

    fn has_na(&self) -> bool {
        [&self.mean, &self.low, &self.high]
            .iter()
            .any(|p| p.as_str() == "NA")
    }
}

/// The largest finite magnitude among the means and interval ends.
fn max_abs(summaries: &[&Summary]) -> f64 {
    summaries
        .iter()
        .flat_map(|s| [s.mean, s.ci_low, s.ci_high])
        .map(f64::abs)
        .filter(|x| x.is_finite())
        .fold(0.0, f64::max)
}

fn width_of<S: AsRef<str>>(header: &str, cells: &[S]) -> usize {
    cells
        .iter()
        .map(|c| c.as_ref().chars().count())
        .chain([header.chars().count()])
        .max()
        .unwrap_or(0)
}

/// `s` left-aligned in `width` characters (not bytes: arm names may be
/// Swedish).
fn pad(s: &str, width: usize) -> String {
    format!("{s:<width$}")
}

/// `s` right-aligned in `width` characters.
fn pad_left(s: &str, width: usize) -> String {
    format!("{s:>width$}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::ArmSummary;
    use crate::model::params::Params;
    use crate::model::presets::Preset;
    use crate::scenario::Arm;

    fn scenario(arms: &[&str]) -> Scenario {
        Scenario {
            name: "test".to_owned(),
            title: Default::default(),
            description: Default::default(),
            seed: 1,
            replications: 10,
            horizon_days: 730,
            warmup_days: 365,
            baseline: 0,
            language: None,
            arms: arms
                .iter()
                .map(|&name| Arm {
                    name: name.to_owned(),
                    label: Default::default(),
                    description: Default::default(),
                    preset: Preset::Control,
                    params: Params::default(),
                    events: Vec::new(),
                })
                .collect(),
        }
    }

    fn s(mean: f64, low: f64, high: f64) -> Summary {
        Summary {
            n: 10,
            mean,
            sd: 0.1,
            ci_low: low,
            ci_high: high,
        }
    }

    /// Control, trust (a clear difference on turnover, none on stress) and
    /// a third arm, "tillit utan stöd".
    fn result() -> ExperimentResult {
        let mut control = [s(0.0, 0.0, 0.0); crate::outcome::OUTCOME_COUNT];
        control[Outcome::WorkerTurnover as usize] = s(0.284, 0.271, 0.297);
        control[Outcome::InvestigationDaysMean as usize] = s(121.4, 118.2, 124.9);
        control[Outcome::MeanStress as usize] = s(1.05, 1.01, 1.09);
        let mut trust = control;
        trust[Outcome::WorkerTurnover as usize] = s(0.243, 0.231, 0.255);
        let mut diff = [s(0.0, 0.0, 0.0); crate::outcome::OUTCOME_COUNT];
        diff[Outcome::WorkerTurnover as usize] = s(-0.041, -0.052, -0.030);
        diff[Outcome::InvestigationDaysMean as usize] = s(-0.4, -0.9, 0.1);
        diff[Outcome::MeanStress as usize] = s(0.01, -0.02, 0.04);
        diff[Outcome::SickLeaveShare as usize] = s(0.0, -0.004, 0.004);
        let arm = |outcomes, paired_difference| ArmSummary {
            outcomes,
            paired_difference,
            series: Vec::new(),
            yearly: Vec::new(),
            yearly_difference: None,
        };
        ExperimentResult {
            arms: vec![
                arm(control, None),
                arm(trust, Some(diff)),
                arm(trust, Some(diff)),
            ],
            failures: Vec::new(),
            threads: 1,
            elapsed_seconds: 0.0,
            agent_days: 0.0,
        }
    }

    fn row<'a>(table: &'a str, outcome: &str) -> &'a str {
        table
            .lines()
            .find(|l| l.starts_with(&format!("{outcome} ")))
            .unwrap()
    }

    #[test]
    fn default_outcomes_are_the_key_ones() {
        let names: Vec<&str> = default_table_outcomes()
            .iter()
            .map(|o| o.spec().name)
            .collect();
        assert_eq!(names.len(), 19);
        assert_eq!(names[0], "worker_turnover");
        assert_eq!(names[18], "regime_switches");
    }

    #[test]
    fn pathway_rows_appear_only_when_arms_differ_in_the_pathway() {
        let mut sc = scenario(&["silos", "team"]);
        assert_eq!(table_outcomes(&sc), default_table_outcomes());
        sc.arms[1].params.steering.integrated_team = true;
        let outcomes = table_outcomes(&sc);
        assert!(outcomes.starts_with(&default_table_outcomes()));
        assert!(outcomes.ends_with(&pathway_table_outcomes()));
        sc.arms[1].params.steering.integrated_team = false;
        sc.arms[1].params.pathway.bounce_probability = 0.5;
        assert_eq!(table_outcomes(&sc).len(), outcomes.len());
    }

    #[test]
    fn star_marks_only_intervals_that_exclude_zero() {
        let sc = scenario(&["control", "trust", "tillit utan stöd"]);
        let outcomes = [
            Outcome::WorkerTurnover,
            Outcome::MeanStress,
            Outcome::InvestigationDaysMean,
        ];
        let table = comparison_table(&sc, &result(), &outcomes);
        let turnover = row(&table, "worker_turnover");
        assert!(turnover.contains("0.284 [0.271, 0.297]"), "{table}");
        assert!(turnover.contains("-0.041 [-0.052, -0.030] *"), "{table}");
        assert!(turnover.contains("share/year"), "{table}");
        let stress = row(&table, "mean_stress");
        assert!(stress.contains("0.010 [-0.020, 0.040]"), "{table}");
        assert!(!stress.contains('*'), "{table}");
        // Days shown without decimals, the small difference with two.
        let days = row(&table, "investigation_days_mean");
        assert!(days.contains("121 [118, 125]"), "{table}");
        assert!(days.contains("-0.40 [-0.90, 0.10]"), "{table}");
        assert!(!days.contains('*'), "{table}");
        // A zero mean difference still shows its interval.
        let sick = comparison_table(&sc, &result(), &[Outcome::SickLeaveShare]);
        assert!(sick.contains("0.0000 [-0.0040, 0.0040]"), "{sick}");
        assert!(table.contains("* the 95% interval of the difference excludes zero."));
        assert!(table.contains("trust - control"), "{table}");
        assert!(table.contains("over 10 replications"), "{table}");
    }

    #[test]
    fn columns_are_aligned() {
        let sc = scenario(&["control", "trust", "tillit utan stöd"]);
        let table = comparison_table(&sc, &result(), &default_table_outcomes());
        let lines: Vec<Vec<char>> = table
            .lines()
            .take(2 + 18)
            .map(|l| l.chars().collect())
            .collect();
        // Each arm's header ends where its intervals end.
        let header: String = lines[0].iter().collect();
        for arm in ["control", "trust", "tillit utan stöd"] {
            let end = header[..header.find(arm).unwrap()].chars().count() + arm.chars().count();
            for line in &lines[2..] {
                assert_eq!(line[end - 1], ']', "{arm}:\n{table}");
                assert_eq!(line[end], ' ', "{arm}:\n{table}");
            }
        }
        // The difference column: brackets end at one column, star or not.
        let diff = "tillit utan stöd - control";
        let end = header[..header.find(diff).unwrap()].chars().count() + diff.chars().count();
        for line in &lines[2..] {
            assert_eq!(line[end - 3], ']', "{table}");
            assert_ne!(line.last(), Some(&' '));
        }
    }

    #[test]
    fn single_replication_shows_na_and_no_star() {
        let sc = scenario(&["control", "trust"]);
        let mut r = result();
        r.arms.truncate(2);
        let nan = Summary {
            n: 1,
            mean: 0.2,
            sd: f64::NAN,
            ci_low: f64::NAN,
            ci_high: f64::NAN,
        };
        r.arms[1].paired_difference.as_mut().unwrap()[0] = nan;
        let table = comparison_table(&sc, &r, &[Outcome::WorkerTurnover]);
        let turnover = row(&table, "worker_turnover");
        assert!(turnover.contains("0.200 [NA, NA]"), "{table}");
        assert!(!turnover.contains('*'), "{table}");
        assert!(table.contains("NA: not available"), "{table}");
    }
}
