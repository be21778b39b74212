//! Robustness across plausible worlds: exploratory modelling under deep
//! uncertainty (Bryant & Lempert 2010; Kwakkel 2017) for tillit's arms.
//!
//! A *world* is one set of values of the uncertain parameters, drawn from
//! their plausible ranges ([`crate::model::plausible`], narrowed, widened or
//! chosen by the scenario's `[uncertainty]` table). A study:
//!
//! 1. draws the worlds from a seeded Latin hypercube ([`study::worlds`]);
//! 2. stage 1: runs the baseline arm in every world, and rules out by
//!    history matching the worlds whose baseline misses the Swedish
//!    calibration patterns ([`history`], [`study::history_match`]);
//! 3. stage 2: runs every arm in every kept world under common random
//!    numbers, and records each world's paired effect of each arm on each
//!    outcome with its interval ([`study::analyse`]); the baseline's runs
//!    are stage 1's (the same runs), taken from its folder rather than made
//!    again (`tillit robustness` reads them with
//!    [`crate::output::read_runs`]);
//! 4. scenario discovery: for each arm and outcome whose verdict is mixed
//!    across the kept worlds, PRIM ([`prim`]) finds the box of parameter
//!    values where the arm does worse than the baseline, and every uncertain
//!    parameter is ranked by how well it separates those worlds from the
//!    others.
//!
//! Both stages are ordinary sweep plans ([`crate::sweep::Plan`]), run by
//! [`crate::sweep::run_parts`] into sweep folders, so they resume, shard and
//! merge like any sweep. Nothing here writes files.

pub mod history;
pub mod prim;
pub mod spec;
pub mod study;

pub use spec::{RobustnessSpec, Uncertain};
