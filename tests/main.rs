//! The integration tests: one binary, one module per concern.

mod support;

mod calibration;
mod cli;
mod cluster;
mod consistency;
mod determinism;
mod docs;
mod equivalence;
mod invariants;
mod pathway;
mod references;
mod reliability;
mod report;
mod revision;
mod robustness;
mod serve;
mod steering;
mod structure;
mod sweep;
mod tidy;
mod validation;
