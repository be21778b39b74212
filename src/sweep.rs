//! Sweeps: a scenario run at many points of its parameter space.
//!
//! A `[sweep]` (or `[sensitivity]`) table in a scenario file names factors
//! (registry parameters, in every arm or one) and a design. This module turns
//! them into a [`Plan`]: the list of points, the concrete scenario of each
//! point, and the fixed division of the work into parts that resuming,
//! sharding and merging rely on. [`run_parts`] runs parts in parallel and
//! hands each finished part, in point order, to the caller.
//!
//! - `spec`: reading the tables ([`spec::load_sweep`],
//!   [`spec::load_sensitivity`]);
//! - `design`: factorial, Latin hypercube and table designs;
//! - `plan`: [`Plan`], seeds per point, parts and shards, the spec hash;
//! - `run`: [`run_parts`], and [`run_parts_with`], which takes runs already
//!   made ([`KnownRuns`]) instead of running them again;
//! - `replay`: one point's scenario rebuilt from a results folder.
//!
//! Nothing here writes files: [`crate::output::SweepWriter`] does.

pub mod design;
mod plan;
pub mod replay;
mod run;
pub mod spec;

pub use plan::{Plan, PlanError, PlanKind, Shard, fnv1a64};
pub use run::{KnownRuns, RunPartsError, UnitResult, run_parts, run_parts_with};
pub use spec::{Factor, Streams};
