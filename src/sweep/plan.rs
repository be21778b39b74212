//! The plan of a sweep: points, the scenario of each point, parts, shards
//! and the hash that identifies it.
//!
//! The work is cut into parts of whole points, about
//! [`TARGET_RUNS_PER_PART`] runs each. The cut depends only on the plan,
//! never on threads or machines, so that a part finished by one process
//! (an interrupted run, another shard) is the same part for every other.

use std::ops::Range;

use serde::Serialize;

use super::design;
use super::spec::{Factor, Streams, SweepSpec};
use crate::engine::seeds::mix64;
use crate::scenario::Scenario;

/// Runs a part aims at: enough to keep a few threads busy, few enough that
/// an interruption loses little and memory stays small.
pub const TARGET_RUNS_PER_PART: usize = 64;

/// What produced a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// A `[sweep]`.
    Sweep,
    /// A Morris analysis of a `[sensitivity]` table.
    Morris,
    /// A Sobol analysis of a `[sensitivity]` table.
    Sobol,
    /// A stage of a robustness study (`crate::robustness`): worlds as
    /// points.
    Robustness,
}

impl PlanKind {
    /// `sweep`, `morris` or `sobol`.
    pub fn name(self) -> &'static str {
        match self {
            PlanKind::Sweep => "sweep",
            PlanKind::Morris => "morris",
            PlanKind::Sobol => "sobol",
            PlanKind::Robustness => "robustness",
        }
    }
}

/// Everything a sweep runs, resolved.
#[derive(Clone, Debug)]
pub struct Plan {
    /// What produced it.
    pub kind: PlanKind,
    /// The scenario at its own values.
    pub scenario: Scenario,
    /// The scenario file's text.
    pub source: String,
    /// The factors, in column order.
    pub factors: Vec<Factor>,
    /// One row per point, one value per factor.
    pub points: Vec<Vec<f64>>,
    /// Replications per point and arm.
    pub replications: u32,
    /// Common or independent random numbers across points.
    pub streams: Streams,
    /// The design in words, e.g. `factorial` or `latin_hypercube points=50
    /// seed=1`, for the manifest.
    pub design: String,
}

/// A point whose value does not fit its parameter.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PlanError {
    /// A value out of its parameter's range.
    #[error("point {point}, factor `{factor}`: {message}")]
    Value {
        /// Point index.
        point: usize,
        /// Factor label.
        factor: String,
        /// What is allowed.
        message: String,
    },
    /// No points, or a point without one value per factor.
    #[error("the design is empty or malformed: {0}")]
    Shape(String),
}

/// One of `count` disjoint parts of the work (`index` from 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Shard {
    /// Which shard, 1 ..= count.
    pub index: usize,
    /// How many shards.
    pub count: usize,
}

impl Shard {
    /// Reads `i/n` with 1 <= i <= n.
    pub fn parse(text: &str) -> Result<Shard, String> {
        let bad = || format!("`{text}` is not a shard: write `i/n`, e.g. `2/3`, with 1 <= i <= n");
        let (i, n) = text.split_once('/').ok_or_else(bad)?;
        let index: usize = i.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// Whether part `part` belongs to this shard (parts are dealt round
    /// robin: part k goes to shard k mod n + 1).
    pub fn contains(&self, part: usize) -> bool {
        part % self.count == self.index - 1
    }
}

impl Plan {
    /// The plan of a `[sweep]`: its design's points, checked.
    pub fn from_sweep(spec: &SweepSpec) -> Result<Plan, PlanError> {
        let design = match &spec.design {
            super::spec::Design::Factorial => "factorial".to_owned(),
            super::spec::Design::LatinHypercube { points, seed } => {
                format!("latin_hypercube points={points} seed={seed}")
            }
            super::spec::Design::Table { file, .. } => format!("table file={}", file.display()),
        };
        Plan::new(
            PlanKind::Sweep,
            spec.scenario.clone(),
            spec.source.clone(),
            spec.factors.iter().map(|(f, _)| f.clone()).collect(),
            design::points(spec),
            spec.replications,
            spec.streams,
            design,
        )
    }

    /// A plan from its parts, every value checked against its parameter.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        kind: PlanKind,
        scenario: Scenario,
        source: String,
        factors: Vec<Factor>,
        points: Vec<Vec<f64>>,
        replications: u32,
        streams: Streams,
        design: String,
    ) -> Result<Plan, PlanError> {
        if points.is_empty() || factors.is_empty() || replications == 0 {
            return Err(PlanError::Shape(
                "no points, factors or replications".into(),
            ));
        }
        for (p, row) in points.iter().enumerate() {
            if row.len() != factors.len() {
                return Err(PlanError::Shape(format!(
                    "point {p} has {} values for {} factors",
                    row.len(),
                    factors.len()
                )));
            }
            for (x, f) in row.iter().zip(&factors) {
                f.param.check(*x).map_err(|message| PlanError::Value {
                    point: p,
                    factor: f.label(),
                    message,
                })?;
            }
        }
        Ok(Plan {
            kind,
            scenario,
            source,
            factors,
            points,
            replications,
            streams,
            design,
        })
    }

    /// The master seed of point `p`: the scenario's own under common random
    /// numbers, else one derived from it and the point.
    pub fn point_seed(&self, p: usize) -> u64 {
        match self.streams {
            Streams::Common => self.scenario.seed,
            Streams::Independent => {
                mix64(mix64(self.scenario.seed) ^ mix64(0x0070_6F69_6E74 ^ p as u64))
            }
        }
    }

    /// The scenario of point `p`: every factor's value set in its arm (or
    /// every arm) after the arm's own values, the point's seed, and the
    /// plan's replications.
    pub fn point_scenario(&self, p: usize) -> Scenario {
        let mut s = self.scenario.clone();
        s.seed = self.point_seed(p);
        s.replications = self.replications;
        for arm in &mut s.arms {
            for (f, &x) in self.factors.iter().zip(&self.points[p]) {
                if f.arm.as_ref().is_none_or(|a| *a == arm.name) {
                    f.param.set(&mut arm.params, x);
                }
            }
        }
        s
    }

    /// Runs per point: arms times replications.
    pub fn runs_per_point(&self) -> usize {
        self.scenario.arms.len() * self.replications as usize
    }

    /// Runs in all.
    pub fn run_count(&self) -> usize {
        self.points.len() * self.runs_per_point()
    }

    /// Points per part.
    pub fn points_per_part(&self) -> usize {
        (TARGET_RUNS_PER_PART / self.runs_per_point().max(1)).max(1)
    }

    /// Number of parts.
    pub fn parts(&self) -> usize {
        self.points.len().div_ceil(self.points_per_part())
    }

    /// The points of part `part`.
    pub fn part_points(&self, part: usize) -> Range<usize> {
        let per = self.points_per_part();
        let start = (part * per).min(self.points.len());
        start..(start + per).min(self.points.len())
    }

    /// A hash of everything that decides the results: the scenario text
    /// and its resolution, factors, points, replications, streams, design.
    /// Folders with the same hash hold parts of the same work.
    pub fn hash(&self) -> String {
        #[derive(Serialize)]
        struct Identity<'a> {
            kind: PlanKind,
            source: &'a str,
            scenario: &'a Scenario,
            factors: Vec<String>,
            points: &'a [Vec<f64>],
            replications: u32,
            streams: &'static str,
            design: &'a str,
            version: &'static str,
            engine_revision: u32,
        }
        let identity = Identity {
            kind: self.kind,
            source: &self.source,
            scenario: &self.scenario,
            factors: self.factors.iter().map(Factor::label).collect(),
            points: &self.points,
            replications: self.replications,
            streams: self.streams.name(),
            design: &self.design,
            version: env!("CARGO_PKG_VERSION"),
            engine_revision: crate::engine::ENGINE_REVISION,
        };
        let bytes = serde_json::to_vec(&identity).unwrap_or_default();
        format!("{:016x}", fnv1a64(&bytes))
    }
}

/// FNV-1a, 64 bits: a small, stable, documented hash (not cryptographic).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_split_parts_round_robin() {
        assert_eq!(Shard::parse("2/3"), Ok(Shard { index: 2, count: 3 }));
        for bad in ["0/3", "4/3", "x", "1/", "/2", "1/0"] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
        let shards: Vec<Shard> = (1..=3).map(|i| Shard { index: i, count: 3 }).collect();
        for part in 0..10 {
            assert_eq!(shards.iter().filter(|s| s.contains(part)).count(), 1);
        }
    }

    #[test]
    fn points_apply_factors_to_their_arm_and_pick_seeds_by_streams() {
        let text = "seed = 5\nreplications = 3\n[[arm]]\nname = \"c\"\npreset = \"control\"\n\
                    [[arm]]\nname = \"t\"\npreset = \"trust\"\n[sweep]\n[[sweep.factor]]\n\
                    key = \"steering.coaching_hours\"\narm = \"t\"\nvalues = [0.25, 3]\n\
                    [[sweep.factor]]\nkey = \"stress.rise_days\"\nvalues = [4, 6, 8]\n";
        let spec = super::super::spec::sweep_from_str(text, "x.toml", None).unwrap();
        let mut plan = Plan::from_sweep(&spec).unwrap();
        assert_eq!(plan.points.len(), 6);
        let s = plan.point_scenario(5);
        assert_eq!(s.arms[1].params.steering.coaching_hours, 3.0);
        assert_eq!(
            s.arms[0].params.steering,
            spec.scenario.arms[0].params.steering
        );
        assert_eq!(
            (
                s.arms[0].params.stress.rise_days,
                s.arms[1].params.stress.rise_days
            ),
            (8.0, 8.0)
        );
        assert_eq!((s.seed, s.replications), (5, 3));
        assert!((0..6).all(|p| plan.point_seed(p) == 5));
        let hash = plan.hash();
        plan.streams = Streams::Independent;
        assert_ne!(plan.point_seed(0), plan.point_seed(1));
        assert_ne!(plan.point_seed(0), 5);
        assert_ne!(plan.hash(), hash);
        // 2 arms x 3 replications = 6 runs a point: 10 points a part.
        assert_eq!((plan.points_per_part(), plan.parts()), (10, 1));
        assert_eq!(plan.part_points(0), 0..6);
    }

    #[test]
    fn fnv_matches_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
