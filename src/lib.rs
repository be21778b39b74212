//! tillit: an agent-based simulation of a municipal steering chain in
//! Swedish social services, for comparing control-based and trust-based
//! steering (tillitsbaserad styrning).
//!
//! A scenario (TOML) names the organisation, the demand, and the arms to
//! compare; each arm is a steering regime. tillit runs every arm many times
//! with common random numbers and reports staff, service, quality and cost
//! outcomes with honest intervals.
//!
//! # Where to start
//!
//! - [`scenario`]: read and validate a scenario ([`scenario::load`],
//!   [`scenario::from_str`]) into a [`scenario::Scenario`].
//! - [`experiment::run_experiment`]: run all replications of all arms in
//!   parallel and aggregate them.
//! - [`engine::simulate`]: one run of one arm, for tests and replays.
//! - [`model::params`]: the parameter registry, every number with its unit,
//!   range and source.
//! - [`outcome`]: the names and units of what is measured.
//! - [`report`]: a self-contained HTML report, in Swedish or English, from a
//!   finished results folder.
//! - [`sweep`]: a scenario at many points of its parameter space
//!   ([`sweep::Plan`], [`sweep::run_parts`]), resumable and shardable, with
//!   [`output::SweepWriter`] for its results folder.
//! - [`sensitivity`]: Morris and Sobol designs and indices (pure math), and
//!   [`analysis`] to apply them to a scenario.
//! - [`cluster`]: the Slurm scripts that run a study's shards as a job array.
//! - [`serve`]: the teaching view, a local web server that steps the engine
//!   day by day ([`engine::LiveRun`]) and shows the department live.
//!
//! # Example
//!
//! ```
//! let mut scenario = tillit::scenario::from_str(tillit::scenario::DEFAULT_SCENARIO, "default.toml")?;
//! scenario.replications = 2;
//! scenario.horizon_days = 2 * 365;
//! scenario.warmup_days = 365;
//! let result = tillit::experiment::run_experiment(&scenario, &tillit::experiment::Options::default(), &mut ())?;
//! let control = &result.arms[0];
//! assert_eq!(control.outcomes[0].n, 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

pub mod analysis;
pub mod calibration;
pub mod cluster;
pub mod engine;
pub mod experiment;
pub mod model;
pub mod outcome;
pub mod output;
pub mod report;
pub mod robustness;
pub mod scenario;
pub mod sensitivity;
pub mod serve;
pub mod stats;
pub mod sweep;
