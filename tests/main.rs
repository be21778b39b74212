//! The integration tests: one binary, one module per concern.

mod support;

mod calibration;
mod cli;
mod determinism;
mod docs;
mod invariants;
mod pathway;
mod reliability;
mod report;
mod steering;
mod sweep;
mod validation;
