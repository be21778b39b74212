//! The terminal table of a sweep: per point, the paired difference of each
//! arm to the baseline on a few outcomes, with its interval.

use super::format::{csv_float, decimals_for, fixed};
use crate::outcome::{OUTCOME_COUNT, OUTCOMES, Outcome};
use crate::stats::Summary;

/// The outcomes a sweep's table shows: turnover, sick leave, stress and
/// overdue investigations; or, when the sweep is about the cross-agency
/// `pathway` (its arms or factors differ in it), time to first help, its
/// 90th percentile, families who gave up, and case workers' stress.
pub fn sweep_table_outcomes(pathway: bool) -> Vec<Outcome> {
    if pathway {
        return vec![
            Outcome::TimeToFirstHelp,
            Outcome::TimeToFirstHelpP90,
            Outcome::PathwayDropout,
            Outcome::MeanStress,
        ];
    }
    vec![
        Outcome::WorkerTurnover,
        Outcome::SickLeaveShare,
        Outcome::MeanStress,
        Outcome::InvestigationsOverdue,
    ]
}

/// One block per arm other than the baseline: a row per point with its
/// factor values and, per outcome, `mean [low, high]` of the paired
/// difference (arm minus baseline), marked `*` when the interval excludes
/// zero. `differences[point][arm]` as in
/// [`Assembled::differences`](super::Assembled::differences).
pub fn sweep_table(
    labels: &[String],
    points: &[Vec<f64>],
    arms: &[String],
    baseline: usize,
    differences: &[Vec<Option<[Summary; OUTCOME_COUNT]>>],
    outcomes: &[Outcome],
) -> String {
    let mut out = String::new();
    for (a, arm) in arms.iter().enumerate() {
        if a == baseline {
            continue;
        }
        let base = arms.get(baseline).map_or("baseline", String::as_str);
        out.push_str(&format!(
            "\n{arm} minus {base} (paired; mean [95% interval], * = excludes 0)\n"
        ));
        let cells: Vec<Vec<String>> = points
            .iter()
            .zip(differences)
            .enumerate()
            .map(|(p, (values, diff))| {
                let mut row = vec![p.to_string()];
                row.extend(values.iter().map(|&x| csv_float(x)));
                for &o in outcomes {
                    let s = diff.get(a).and_then(|d| d.as_ref()).map(|d| d[o as usize]);
                    let column: Vec<f64> = differences
                        .iter()
                        .filter_map(|d| d.get(a).and_then(|d| d.as_ref()))
                        .flat_map(|d| [d[o as usize].ci_low.abs(), d[o as usize].ci_high.abs()])
                        .filter(|x| x.is_finite())
                        .collect();
                    let d = decimals_for(column.iter().copied().fold(0.0, f64::max), 3);
                    row.push(match s {
                        Some(s) => format!(
                            "{} [{}, {}]{}",
                            fixed(s.mean, d),
                            fixed(s.ci_low, d),
                            fixed(s.ci_high, d),
                            if s.excludes_zero() { "*" } else { " " }
                        ),
                        None => "NA".to_owned(),
                    });
                }
                row
            })
            .collect();
        let mut head = vec!["point".to_owned()];
        head.extend(labels.iter().cloned());
        head.extend(
            outcomes
                .iter()
                .map(|&o| OUTCOMES[o as usize].name.to_owned()),
        );
        let widths: Vec<usize> = (0..head.len())
            .map(|c| {
                cells
                    .iter()
                    .map(|r| r[c].len())
                    .chain([head[c].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |row: &[String]| {
            let padded: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c:>w$}"))
                .collect();
            format!("  {}\n", padded.join("  "))
        };
        out.push_str(&line(&head));
        for row in &cells {
            out.push_str(&line(row));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_intervals_that_exclude_zero() {
        let s = |mean: f64, half: f64| Summary {
            n: 5,
            mean,
            sd: 1.0,
            ci_low: mean - half,
            ci_high: mean + half,
        };
        let row = |m| vec![None, Some([s(m, 0.05); OUTCOME_COUNT])];
        let table = sweep_table(
            &["k".to_owned()],
            &[vec![0.0], vec![1.5]],
            &["control".to_owned(), "trust".to_owned()],
            0,
            &[row(-0.2), row(0.01)],
            &[Outcome::WorkerTurnover],
        );
        assert!(table.contains("trust minus control"), "{table}");
        assert!(table.contains("-0.200 [-0.250, -0.150]*"), "{table}");
        assert!(table.contains("0.010 [-0.040, 0.060] "), "{table}");
        assert!(table.contains("  1.5  "), "{table}");
    }
}
