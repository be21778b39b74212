//! Pattern-oriented calibration (Grimm et al. 2005): the Swedish patterns
//! the default control preset should reproduce, and the check that runs it.
//!
//! The procedure: every parameter not taken from a source was set by hand,
//! one mechanism at a time, until the control preset with default values
//! landed inside every range below at once; none of the trust presets was
//! tuned (there are no data for them). [`check`] reruns that comparison.

use crate::experiment::{ExperimentError, Options, run_experiment};
use crate::model::params::Params;
use crate::model::presets::Preset;
use crate::outcome::Outcome;
use crate::scenario::{Arm, DAYS_PER_YEAR, Scenario};
use crate::stats::Summary;

/// A pattern: an outcome and the range observed in Sweden.
#[derive(Clone, Copy, Debug)]
pub struct Pattern {
    /// The outcome compared.
    pub outcome: Outcome,
    /// The parameters the pattern constrains (jointly with the others).
    pub constrains: &'static str,
    /// Lower end of the target range.
    pub low: f64,
    /// Upper end of the target range.
    pub high: f64,
    /// Where the range comes from: (author year) citations of works listed
    /// in docs/REFERENCES.md, and what is assumed.
    pub source: &'static str,
}

/// The Swedish patterns the default control preset should reproduce (the
/// table in docs/MODEL.md, section 1.3).
pub const PATTERNS: [Pattern; 8] = [
    Pattern {
        outcome: Outcome::WorkerTurnover,
        constrains: "turnover.quits_per_year and the stress and support relative risks of quitting; from above, the demand per position (overload raises stress and quits)",
        low: 0.20,
        high: 0.35,
        source: "Akademikerförbundet SSR 2018 (SCB figures): 30-34% left their position a year",
    },
    Pattern {
        outcome: Outcome::LongSickSpells,
        constrains: "sickness.long_spells_per_year and the stress and exhaustion relative risks; with turnover, the stress that the workload brings",
        low: 10.0,
        high: 14.0,
        source: "Försäkringskassan 2014: 136 sick cases over 14 days per 1,000 (2014)",
    },
    Pattern {
        outcome: Outcome::TimeDirect,
        constrains: "work.investigation_direct_hours, work.assessment_hours and, from below, demand.reports_per_position_year (with slack, idle time takes the share)",
        low: 0.13,
        high: 0.20,
        source: "Grefve 2017: direct time with clients 13%",
    },
    Pattern {
        outcome: Outcome::TimeDocumentation,
        constrains: "work.investigation_documentation_hours and steering.documentation_intensity with the rules stock; from below, the demand per position",
        low: 0.30,
        high: 0.40,
        source: "Grefve 2017: documentation and other indirect work 35%",
    },
    Pattern {
        outcome: Outcome::TimeAdmin,
        constrains: "steering.worker_admin_hours and work.other_hours_per_week",
        low: 0.10,
        high: 0.15,
        source: "Grefve 2017: pure administration 11%",
    },
    Pattern {
        outcome: Outcome::InvestigationsOverdue,
        constrains: "work.investigation_min_days and the complexity spread (demand.complexity_cv); from above only at overload (see the README on what this pattern cannot pin)",
        low: 0.10,
        high: 0.35,
        source: "IVO 2015: 13% over 4 months (Halland and Västra Götaland); 33% in Stockholm in 2018 (secondary, untraced)",
    },
    Pattern {
        outcome: Outcome::InvestigationShare,
        constrains: "decisions.screening_sensitivity, decisions.screening_false_positive, demand.need_at_low_severity, demand.need_at_high_severity, demand.severity_mean, and the error and threshold-spread parameters of decisions; from above, overload (errors raise needless investigations)",
        low: 0.30,
        high: 0.45,
        source: "Socialstyrelsen 2019: 128,000 of 331,000 reports of concern (38%) led to an investigation in 2018; the width is an assumption for municipal variation",
    },
    Pattern {
        outcome: Outcome::SeriousEvents,
        constrains: "consequences.serious_event_probability with everything that makes missed needs (decision errors, screening, the threshold spread); scales with demand",
        low: 3.0,
        high: 31.0,
        source: "IVO 2023: 1,165 lex Sarah reports from all of social services; scaled by this department's share of the nation's reports (8,800 of 331,000, Socialstyrelsen 2019) that is 31 a year; assumption: the lower end is a tenth of it (an order-of-magnitude check: not all harm is reported, and children's services are one of several areas)",
    },
];

/// One pattern's result.
#[derive(Clone, Copy, Debug)]
pub struct PatternResult {
    /// The pattern.
    pub pattern: Pattern,
    /// The outcome across replications.
    pub observed: Summary,
}

impl PatternResult {
    /// Whether the mean lies in the target range.
    pub fn met(&self) -> bool {
        (self.pattern.low..=self.pattern.high).contains(&self.observed.mean)
    }
}

/// The calibration scenario: the control preset with every default, 10
/// years of which 2 are warm-up.
pub fn scenario(replications: u32, seed: u64) -> Scenario {
    Scenario {
        name: "calibration".into(),
        title: Default::default(),
        description: "The control preset with default parameters, against the Swedish patterns"
            .into(),
        seed,
        replications,
        horizon_days: 10 * DAYS_PER_YEAR,
        warmup_days: 2 * DAYS_PER_YEAR,
        baseline: 0,
        language: None,
        arms: vec![Arm {
            name: "control".into(),
            label: Default::default(),
            description: Default::default(),
            preset: Preset::Control,
            params: Params::default(),
            events: Vec::new(),
        }],
    }
}

/// Runs the calibration scenario and compares it with every pattern.
pub fn check(
    replications: u32,
    seed: u64,
    options: &Options,
) -> Result<Vec<PatternResult>, ExperimentError> {
    check_with(Params::default(), replications, seed, options)
}

/// Runs the calibration scenario with other parameters (for instance another
/// demand, to see which patterns pin it down) and compares it with every
/// pattern.
pub fn check_with(
    params: Params,
    replications: u32,
    seed: u64,
    options: &Options,
) -> Result<Vec<PatternResult>, ExperimentError> {
    let mut s = scenario(replications, seed);
    s.arms[0].params = params;
    let result = run_experiment(&s, options, &mut ())?;
    Ok(PATTERNS
        .iter()
        .map(|&pattern| PatternResult {
            pattern,
            observed: result.arms[0].outcomes[pattern.outcome as usize],
        })
        .collect())
}
