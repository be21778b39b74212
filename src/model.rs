//! The model: parameters, steering presets, the agents and the pure rules
//! that move them (stress, hazards, decisions, cutting corners).
//!
//! Nothing here draws from a global generator, reads the clock, opens files
//! or prints: rules receive the values (and the generator) they need.

pub mod beta;
pub mod fastmath;
pub mod gamma;
pub mod params;
pub mod plausible;
pub mod presets;
pub mod quantiles;
pub mod reference;
pub mod rules;
