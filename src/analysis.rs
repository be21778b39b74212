//! Sensitivity analysis of a scenario: from a `[sensitivity]` table to a
//! [`Plan`] of design points, and from the points' mean outcomes to index
//! rows.
//!
//! The glue between [`crate::sweep`] (which runs points) and
//! [`crate::sensitivity`] (pure math on the unit hypercube). A design point
//! is run like a sweep point, with its replications; its response is the
//! mean of an outcome over those replications, per arm. Factor ranges map
//! onto `[0, 1]` linearly; whole-number parameters are rounded.

use crate::outcome::OUTCOME_COUNT;
use crate::output::{IndexRow, IndexValues};
use crate::sensitivity::morris::{MorrisDesign, MorrisError};
use crate::sensitivity::sobol::{SobolDesign, SobolError};
use crate::sweep::design::scale;
use crate::sweep::spec::SensitivitySpec;
use crate::sweep::{Plan, PlanError, PlanKind};

/// Which analysis to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Morris elementary effects.
    Morris,
    /// Sobol indices.
    Sobol,
}

/// A design that could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AnalysisError {
    /// Morris arguments.
    #[error(transparent)]
    Morris(#[from] MorrisError),
    /// Sobol arguments.
    #[error(transparent)]
    Sobol(#[from] SobolError),
    /// A point outside a parameter's range.
    #[error(transparent)]
    Plan(#[from] PlanError),
}

/// The design of the analysis, on the unit hypercube.
#[derive(Clone, Debug)]
pub enum AnalysisDesign {
    /// Trajectories.
    Morris(MorrisDesign),
    /// Saltelli matrices.
    Sobol(SobolDesign),
}

/// Builds the design and the plan that runs its points.
pub fn plan(
    spec: &SensitivitySpec,
    method: Method,
) -> Result<(AnalysisDesign, Plan), AnalysisError> {
    let k = spec.factors.len();
    let (design, unit, kind, text): (AnalysisDesign, Vec<Vec<f64>>, PlanKind, String) = match method
    {
        Method::Morris => {
            // Whole-number and on/off factors run at rounded values: the
            // design records where each point really is.
            let d = MorrisDesign::new(k, spec.trajectories as usize, spec.levels, spec.seed)?
                .snapped(|i, u| {
                    let f = &spec.factors[i];
                    (scale(f.factor.param, f.from, f.to, u) - f.from) / (f.to - f.from)
                });
            let unit = d.points().map(<[f64]>::to_vec).collect();
            let text = format!(
                "morris trajectories={} levels={} seed={}",
                spec.trajectories, spec.levels, spec.seed
            );
            (AnalysisDesign::Morris(d), unit, PlanKind::Morris, text)
        }
        Method::Sobol => {
            let d = SobolDesign::new(k, spec.samples as usize, spec.seed)?;
            let unit = d.points().collect();
            let text = format!(
                "sobol samples={} seed={} sampling={}",
                spec.samples,
                spec.seed,
                d.sampling.name()
            );
            (AnalysisDesign::Sobol(d), unit, PlanKind::Sobol, text)
        }
    };
    let points = unit
        .into_iter()
        .map(|row| {
            row.iter()
                .zip(&spec.factors)
                .map(|(&u, f)| scale(f.factor.param, f.from, f.to, u))
                .collect()
        })
        .collect();
    let plan = Plan::new(
        kind,
        spec.scenario.clone(),
        spec.source.clone(),
        spec.factors.iter().map(|f| f.factor.clone()).collect(),
        points,
        spec.replications,
        spec.streams,
        text,
    )?;
    Ok((design, plan))
}

/// Index rows for every arm and analysed outcome, from the mean outcomes
/// of every point (`means[point][arm][outcome]`), in arm, outcome, factor
/// order.
pub fn analyse(
    spec: &SensitivitySpec,
    design: &AnalysisDesign,
    means: &[Vec<[f64; OUTCOME_COUNT]>],
) -> Result<Vec<IndexRow>, AnalysisError> {
    let mut rows = Vec::new();
    for (a, arm) in spec.scenario.arms.iter().enumerate() {
        for &outcome in &spec.outcomes {
            let y: Vec<f64> = means
                .iter()
                .map(|p| p.get(a).map_or(f64::NAN, |m| m[outcome as usize]))
                .collect();
            let seed = spec.seed;
            let values: Vec<IndexValues> = match design {
                AnalysisDesign::Morris(d) => d
                    .analyse(&y, spec.bootstrap as usize, spec.confidence, seed)?
                    .into_iter()
                    .map(IndexValues::Morris)
                    .collect(),
                AnalysisDesign::Sobol(d) => d
                    .analyse(&y, spec.bootstrap as usize, spec.confidence, seed)?
                    .into_iter()
                    .map(IndexValues::Sobol)
                    .collect(),
            };
            for (f, v) in spec.factors.iter().zip(values) {
                rows.push(IndexRow {
                    arm: arm.name.clone(),
                    outcome,
                    factor: f.factor.label(),
                    values: v,
                });
            }
        }
    }
    Ok(rows)
}
