//! The engine: one run of one arm, day by day.
//!
//! [`simulate`] builds the world of a replication (see the `world` module for the
//! daily phase order), runs it to the horizon, and returns the outcomes
//! observed after warm-up and the monthly series. The engine never prints,
//! reads the clock or touches files; it is a pure function of the scenario,
//! the arm and the replication number.

mod calendar;
mod observe;
mod pathway;
pub mod seeds;
mod world;

pub use observe::Tally;
pub use pathway::PathwayLedger;
pub use world::Ledger;
pub use world::live::{
    DEMAND_SURGE, LiveError, LiveEvent, LiveRun, ManagerView, PositionState, PositionView,
    Snapshot, UnitView,
};

use crate::outcome::{OutcomeValues, SeriesValues};

/// The engine's revision: raised whenever a change makes some scenario and
/// seed give other results (a mechanism, a random stream, a rounding), and
/// only then. Results are a pure function of the scenario, the seed and
/// this number: it is part of every sweep plan's identity (so a results
/// folder is never finished, nor a robustness study's stage 1 reused, by a
/// build that gives other results) and of every manifest. The test
/// `revision::results_change_only_with_the_engine_revision` holds the bits
/// of the shipped scenarios' runs at this revision and fails when they
/// change without it.
pub const ENGINE_REVISION: u32 = 1;
use crate::scenario::{Arm, Scenario};

/// What one run produced.
#[derive(Clone, Debug)]
pub struct RunOutput {
    /// Outcomes measured after warm-up.
    pub outcomes: OutcomeValues,
    /// One entry per simulated month, warm-up included.
    pub series: Vec<SeriesValues>,
    /// The outcomes of each simulated year (twelve months; the last may be
    /// shorter), warm-up included, each measured over that year alone.
    pub yearly: Vec<OutcomeValues>,
}

/// Simulates replication `replication` of `arm`.
///
/// Every arm of replication `r` sees the same reports of concern, severities,
/// true needs and staff draws (common random numbers).
pub fn simulate(scenario: &Scenario, arm: &Arm, replication: u32) -> RunOutput {
    simulate_with_ledger(scenario, arm, replication).0
}

/// Like [`simulate`], also returning whole-run totals for conservation checks.
pub fn simulate_with_ledger(
    scenario: &Scenario,
    arm: &Arm,
    replication: u32,
) -> (RunOutput, Ledger) {
    world::World::new(scenario, arm, replication).run()
}
