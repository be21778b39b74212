//! Replays: the scenario of one point of a finished sweep, rebuilt from the
//! results folder's `spec.toml` and `points.csv` alone.

use super::spec::Factor;
use crate::scenario::{Scenario, ScenarioError};

/// Why a point could not be rebuilt.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReplayError {
    /// The stored scenario no longer reads (e.g. another tillit version).
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
    /// points.csv is damaged or lacks the point.
    #[error("points.csv: {0}")]
    Points(String),
}

/// The scenario of point `point`: the stored scenario text, the point's
/// seed, and its factor values, from `points.csv` (columns `point, seed`,
/// then one per factor label).
pub fn point_scenario(
    spec_text: &str,
    origin: &str,
    points_csv: &str,
    point: usize,
) -> Result<Scenario, ReplayError> {
    let mut scenario = crate::scenario::from_str(spec_text, origin)?;
    let mut reader = csv::ReaderBuilder::new().from_reader(points_csv.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| ReplayError::Points(e.to_string()))?
        .clone();
    if header.len() < 2 || &header[0] != "point" || &header[1] != "seed" {
        return Err(ReplayError::Points(
            "the header must start with `point,seed`".into(),
        ));
    }
    let factors: Vec<Factor> = header
        .iter()
        .skip(2)
        .map(|label| {
            Factor::from_label(label)
                .ok_or_else(|| ReplayError::Points(format!("unknown factor `{label}`")))
        })
        .collect::<Result<_, _>>()?;
    for f in &factors {
        if let Some(arm) = &f.arm
            && !scenario.arms.iter().any(|a| a.name == *arm)
        {
            return Err(ReplayError::Points(format!(
                "no arm `{arm}` in the scenario"
            )));
        }
    }
    let mut count = 0;
    for record in reader.records() {
        let record = record.map_err(|e| ReplayError::Points(e.to_string()))?;
        count += 1;
        if record.get(0) != Some(point.to_string().as_str()) {
            continue;
        }
        let bad = |what: &str| ReplayError::Points(format!("point {point}: {what}"));
        scenario.seed = record
            .get(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("the seed is not a whole number"))?;
        for (f, cell) in factors.iter().zip(record.iter().skip(2)) {
            let x: f64 = cell.parse().map_err(|_| bad("a value is not a number"))?;
            f.param.check(x).map_err(|m| bad(&m))?;
            for arm in &mut scenario.arms {
                if f.arm.as_ref().is_none_or(|a| *a == arm.name) {
                    f.param.set(&mut arm.params, x);
                }
            }
        }
        return Ok(scenario);
    }
    Err(ReplayError::Points(format!(
        "there is no point {point}; the sweep has points 0 to {}",
        count.max(1) - 1
    )))
}
