//! indices.csv and the ranking table of a sensitivity analysis.
//!
//! One row per arm, outcome and factor, ranked within each (arm, outcome)
//! by importance: mu* for Morris, the total index for Sobol (rank 1 is the
//! most important; a NaN index ranks last).

use super::format::{csv_float, fixed};
use super::{MORRIS_INDEX_COLUMNS, SOBOL_INDEX_COLUMNS};
use crate::outcome::{OUTCOMES, Outcome};
use crate::sensitivity::morris::MorrisIndex;
use crate::sensitivity::sobol::SobolIndex;

/// The indices of one factor for one arm and outcome.
#[derive(Clone, Copy, Debug)]
pub enum IndexValues {
    /// Elementary effects.
    Morris(MorrisIndex),
    /// Variance-based indices.
    Sobol(SobolIndex),
}

/// One row of indices.csv.
#[derive(Clone, Debug)]
pub struct IndexRow {
    /// Arm name.
    pub arm: String,
    /// The outcome analysed.
    pub outcome: Outcome,
    /// Factor label (`group.name` or `group.name@arm`).
    pub factor: String,
    /// The indices.
    pub values: IndexValues,
}

impl IndexValues {
    fn importance(&self) -> f64 {
        match self {
            IndexValues::Morris(m) => m.mu_star,
            IndexValues::Sobol(s) => s.total,
        }
    }
}

/// Ranks within each consecutive (arm, outcome) group: 1 = most important.
fn ranks(rows: &[IndexRow]) -> Vec<usize> {
    let mut out = vec![0; rows.len()];
    let mut start = 0;
    while start < rows.len() {
        let end = (start..rows.len())
            .find(|&i| rows[i].arm != rows[start].arm || rows[i].outcome != rows[start].outcome)
            .unwrap_or(rows.len());
        let mut order: Vec<usize> = (start..end).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (rows[a].values.importance(), rows[b].values.importance());
            match (x.is_nan(), y.is_nan()) {
                (false, false) => y.total_cmp(&x),
                (a_nan, b_nan) => a_nan.cmp(&b_nan),
            }
            .then(a.cmp(&b))
        });
        for (r, i) in order.into_iter().enumerate() {
            out[i] = r + 1;
        }
        start = end;
    }
    out
}

/// indices.csv. Morris columns: `arm, outcome, factor, rank, mu, mu_star,
/// mu_star_ci_low, mu_star_ci_high, sigma`; Sobol columns: `arm, outcome,
/// factor, rank, s1, s1_ci_low, s1_ci_high, st, st_ci_low, st_ci_high`.
/// Rows in the given order (arm, then outcome, then factor).
pub fn indices_csv(rows: &[IndexRow]) -> String {
    let sobol = matches!(rows.first().map(|r| r.values), Some(IndexValues::Sobol(_)));
    let mut buf = Vec::new();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(&mut buf);
        let head: &[&str] = if sobol {
            &SOBOL_INDEX_COLUMNS
        } else {
            &MORRIS_INDEX_COLUMNS
        };
        let _ = w.write_record(head);
        for (row, rank) in rows.iter().zip(ranks(rows)) {
            let mut cells = vec![
                row.arm.clone(),
                OUTCOMES[row.outcome as usize].name.to_owned(),
                row.factor.clone(),
                rank.to_string(),
            ];
            match row.values {
                IndexValues::Morris(m) => cells.extend(
                    [m.mu, m.mu_star, m.mu_star_low, m.mu_star_high, m.sigma].map(csv_float),
                ),
                IndexValues::Sobol(s) => cells.extend(
                    [
                        s.first,
                        s.first_low,
                        s.first_high,
                        s.total,
                        s.total_low,
                        s.total_high,
                    ]
                    .map(csv_float),
                ),
            }
            let _ = w.write_record(&cells);
        }
        let _ = w.flush();
    }
    String::from_utf8_lossy(&buf).into_owned()
}

/// A readable ranking: per arm and outcome, factors from most to least
/// important with their indices.
pub fn ranking_table(rows: &[IndexRow]) -> String {
    let ranks = ranks(rows);
    let mut order: Vec<usize> = (0..rows.len()).collect();
    // Stable: groups stay in order, factors by rank within them.
    order.sort_by_key(|&i| {
        let group = rows
            .iter()
            .position(|r| r.arm == rows[i].arm && r.outcome == rows[i].outcome)
            .unwrap_or(0);
        (group, ranks[i])
    });
    let width = rows
        .iter()
        .map(|r| r.factor.len())
        .max()
        .unwrap_or(6)
        .max(6);
    let mut out = String::new();
    let mut current: Option<(String, Outcome)> = None;
    for i in order {
        let row = &rows[i];
        if current.as_ref() != Some(&(row.arm.clone(), row.outcome)) {
            current = Some((row.arm.clone(), row.outcome));
            let spec = &OUTCOMES[row.outcome as usize];
            out.push_str(&format!(
                "\n{} [{}], arm {}\n",
                spec.name, spec.unit, row.arm
            ));
            match row.values {
                IndexValues::Morris(_) => out.push_str(&format!(
                    "  {:>4}  {:<width$}  {:>10}  {:>23}  {:>10}  {:>10}\n",
                    "rank", "factor", "mu*", "interval of mu*", "mu", "sigma"
                )),
                IndexValues::Sobol(_) => out.push_str(&format!(
                    "  {:>4}  {:<width$}  {:>7}  {:>17}  {:>7}  {:>17}\n",
                    "rank", "factor", "ST", "interval", "S1", "interval"
                )),
            }
        }
        match row.values {
            IndexValues::Morris(m) => {
                let scale = [m.mu_star, m.mu.abs(), m.sigma]
                    .into_iter()
                    .filter(|x| x.is_finite())
                    .fold(0.0f64, f64::max);
                let d = super::format::decimals_for(scale, 3);
                out.push_str(&format!(
                    "  {:>4}  {:<width$}  {:>10}  {:>23}  {:>10}  {:>10}\n",
                    ranks[i],
                    row.factor,
                    fixed(m.mu_star, d),
                    format!(
                        "[{}, {}]",
                        fixed(m.mu_star_low, d),
                        fixed(m.mu_star_high, d)
                    ),
                    fixed(m.mu, d),
                    fixed(m.sigma, d)
                ));
            }
            IndexValues::Sobol(s) => out.push_str(&format!(
                "  {:>4}  {:<width$}  {:>7}  {:>17}  {:>7}  {:>17}\n",
                ranks[i],
                row.factor,
                fixed(s.total, 3),
                format!("[{}, {}]", fixed(s.total_low, 3), fixed(s.total_high, 3)),
                fixed(s.first, 3),
                format!("[{}, {}]", fixed(s.first_low, 3), fixed(s.first_high, 3)),
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn morris(mu_star: f64) -> IndexValues {
        IndexValues::Morris(MorrisIndex {
            mu: mu_star,
            mu_star,
            sigma: 0.0,
            mu_star_low: mu_star,
            mu_star_high: mu_star,
        })
    }

    #[test]
    fn ranks_within_each_arm_and_outcome() {
        let row = |arm: &str, o, f: &str, v| IndexRow {
            arm: arm.into(),
            outcome: o,
            factor: f.into(),
            values: morris(v),
        };
        let rows = vec![
            row("a", Outcome::ALL[0], "x", 1.0),
            row("a", Outcome::ALL[0], "y", 3.0),
            row("a", Outcome::ALL[0], "z", f64::NAN),
            row("a", Outcome::ALL[1], "x", 5.0),
            row("a", Outcome::ALL[1], "y", 2.0),
        ];
        assert_eq!(ranks(&rows), vec![2, 1, 3, 1, 2]);
        let csv = indices_csv(&rows);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "arm,outcome,factor,rank,mu,mu_star,mu_star_ci_low,mu_star_ci_high,sigma"
        );
        assert_eq!(
            lines[3],
            format!("a,{},z,3,NA,NA,NA,NA,0", OUTCOMES[0].name)
        );
        let table = ranking_table(&rows);
        let y = table.find(" y ").unwrap();
        let x = table.find(" x ").unwrap();
        assert!(y < x, "{table}");
    }
}
