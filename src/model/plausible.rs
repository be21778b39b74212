//! Plausible ranges: how far each parameter may be from its default in a
//! world that could be ours.
//!
//! The allowed range of a parameter ([`ParamSpec::min`] ..= [`ParamSpec::max`])
//! says what the model can run; the plausible range says what we believe.
//! A robustness study (`tillit robustness`, [`crate::robustness`]) samples
//! worlds inside the plausible ranges, rules out those that miss the Swedish
//! patterns, and compares the arms in every world that is left.
//!
//! Every registry parameter has one row in [`PLAUSIBLE`], in one of three
//! roles ([`Role`]):
//!
//! - [`Role::Assumed`]: the value is an assumption. It has a plausible range
//!   with its reason and is **uncertain by default**: a robustness study
//!   varies it unless the scenario's `[uncertainty]` table fixes it or names
//!   another list.
//! - [`Role::Measured`]: the value comes from a source. It has a range (the
//!   source's precision and the doubt about transferring it to this setting)
//!   but is **fixed by default**: a scenario can make it uncertain by naming
//!   it in `[uncertainty] parameters`.
//! - [`Role::Fixed`]: a choice of the scenario, not a fact about the world:
//!   the size of the department, the working week and day, legal deadlines,
//!   the definition of an outcome, and every steering lever and switch
//!   (the arms are defined by them, so varying them would blur what is being
//!   compared). It has no range; a scenario can still vary it by giving a
//!   range explicitly in `[uncertainty.range]`.
//!
//! Where no source narrows an assumption, the rule is ±50 % around the
//! default, cut to the allowed range and rounded inwards to whole numbers
//! for whole-number parameters; a different range says why in its reason.

use crate::model::params::{PARAMETERS, ParamSpec};

/// Whether a parameter is uncertain by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// An assumption: uncertain by default.
    Assumed,
    /// From a source: has a range, fixed by default.
    Measured,
    /// A scenario choice: no range, fixed by default.
    Fixed,
}

impl Role {
    /// `assumed`, `measured` or `fixed`, as in `tillit params`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Assumed => "assumed",
            Role::Measured => "measured",
            Role::Fixed => "fixed",
        }
    }
}

/// One parameter's plausible range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plausible {
    /// The parameter key, `group.name`.
    pub key: &'static str,
    /// Uncertain by default, or not.
    pub role: Role,
    /// Lower and upper end (inclusive); `None` for [`Role::Fixed`].
    pub range: Option<(f64, f64)>,
    /// Why this range (or why fixed).
    pub reason: &'static str,
}

impl Plausible {
    /// Whether a robustness study varies it unless told otherwise.
    pub fn uncertain_by_default(&self) -> bool {
        self.role == Role::Assumed
    }

    /// The range as text, e.g. `0.1 ..= 0.3`, or `fixed`.
    pub fn range_text(&self) -> String {
        match self.range {
            Some((low, high)) => format!(
                "{} ..= {}",
                crate::model::params::fmt_num(low),
                crate::model::params::fmt_num(high)
            ),
            None => "fixed".to_owned(),
        }
    }
}

impl ParamSpec {
    /// This parameter's row of [`PLAUSIBLE`] (every registry parameter has
    /// one; a test keeps it so).
    pub fn plausible(&self) -> Option<&'static Plausible> {
        let key = self.key();
        PLAUSIBLE.iter().find(|p| p.key == key)
    }
}

/// The parameters uncertain by default, in registry order.
pub fn uncertain_by_default() -> impl Iterator<Item = (&'static ParamSpec, &'static Plausible)> {
    PARAMETERS.iter().filter_map(|spec| {
        spec.plausible()
            .filter(|p| p.uncertain_by_default())
            .map(|p| (spec, p))
    })
}

const fn assumed(key: &'static str, low: f64, high: f64, reason: &'static str) -> Plausible {
    Plausible {
        key,
        role: Role::Assumed,
        range: Some((low, high)),
        reason,
    }
}

const fn measured(key: &'static str, low: f64, high: f64, reason: &'static str) -> Plausible {
    Plausible {
        key,
        role: Role::Measured,
        range: Some((low, high)),
        reason,
    }
}

const fn fixed(key: &'static str, reason: &'static str) -> Plausible {
    Plausible {
        key,
        role: Role::Fixed,
        range: None,
        reason,
    }
}

/// Every parameter's plausible range, in registry order.
pub static PLAUSIBLE: &[Plausible] = &[
    fixed(
        "organisation.units",
        "the size of the department is a choice of the scenario",
    ),
    fixed(
        "organisation.workers_per_unit",
        "the size of the units is a choice of the scenario",
    ),
    fixed(
        "organisation.workdays_per_week",
        "the working week is a choice of the scenario",
    ),
    fixed(
        "organisation.contract_hours_per_day",
        "the working day is set by the employment contract",
    ),
    fixed(
        "organisation.vacation_days",
        "vacation is set by law and agreement",
    ),
    measured(
        "organisation.initial_mean_tenure_years",
        1.3,
        3.9,
        "one estimate; ±50 % for its precision and its transfer to this setting",
    ),
    assumed(
        "demand.reports_per_position_year",
        33.0,
        55.0,
        "±25 %: calibrated to the overdue pattern, so history matching decides within it",
    ),
    assumed(
        "demand.seasonality",
        0.075,
        0.225,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "demand.trend_per_year",
        -0.05,
        0.1,
        "from a small decline to a little above the national rise of about 8 % a year in 2018-2021",
    ),
    assumed(
        "demand.severity_mean",
        0.175,
        0.525,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "demand.severity_concentration",
        2.0,
        6.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "demand.need_at_low_severity",
        0.025,
        0.075,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "demand.need_at_high_severity",
        0.7,
        1.0,
        "an acute report nearly always hides a need",
    ),
    assumed(
        "demand.complexity_cv",
        0.2,
        0.6,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "work.assessment_hours",
        2.0,
        6.0,
        "±50 % around the default: no source narrows it",
    ),
    fixed(
        "work.assessment_deadline_days",
        "a legal deadline (SoL 11 kap. 1 a §), not an uncertain quantity",
    ),
    assumed(
        "work.investigation_direct_hours",
        5.0,
        15.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "work.investigation_documentation_hours",
        10.5,
        31.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "work.severity_work_weight",
        0.5,
        1.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "work.investigation_min_days",
        40.0,
        120.0,
        "±50 % around the default: no source narrows it",
    ),
    fixed(
        "work.investigation_deadline_days",
        "a legal deadline (SoL 11 kap. 2 §), not an uncertain quantity",
    ),
    assumed(
        "work.other_hours_per_week",
        3.0,
        9.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "work.followup_days",
        90.0,
        270.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "work.followup_hours_per_week",
        0.35,
        1.05,
        "±50 % around the default: no source narrows it",
    ),
    measured(
        "work.travel_per_direct_hour",
        0.3,
        0.9,
        "one estimate; ±50 % for its precision and its transfer to this setting",
    ),
    assumed(
        "work.target_backlog_days",
        10.0,
        30.0,
        "±50 % around the default: no source narrows it",
    ),
    measured(
        "work.corner_cutting_elasticity",
        -0.9,
        -0.3,
        "-0.64 and -0.60 were estimated in other services (Oliva & Sterman 2001; Dogan 2007); ±50 % for the transfer to social work",
    ),
    assumed(
        "work.min_time_factor",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "work.max_time_factor",
        1.0,
        1.5,
        "from no extra time to half as much again",
    ),
    measured(
        "work.standard_erosion_days",
        65.0,
        195.0,
        "one estimate; ±50 % for its precision and its transfer to this setting",
    ),
    assumed(
        "work.standard_recovery_days",
        1500.0,
        4500.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "work.overtime_max_share",
        0.075,
        0.225,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "work.overtime_per_pressure",
        0.15,
        0.45,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "work.learning_days",
        90.0,
        270.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "work.novice_productivity",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "work.partial_return_days",
        30.0,
        90.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "work.partial_return_share",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "decisions.screening_sensitivity",
        0.8,
        0.99,
        "most reports behind which a child needs help are investigated",
    ),
    assumed(
        "decisions.screening_false_positive",
        0.04,
        0.12,
        "±50 % around the default: no source narrows it (the share of reports investigated, a calibration pattern, rules out much of it)",
    ),
    assumed(
        "decisions.base_error_rate",
        0.04,
        0.12,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "decisions.inexperience_error_factor",
        0.5,
        1.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "decisions.rushed_error_elasticity",
        0.5,
        1.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "decisions.stress_error_factor",
        0.15,
        0.45,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "decisions.support_error_reduction",
        0.15,
        0.45,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "decisions.documentation_benefit",
        0.1,
        0.3,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "decisions.approval_catch_rate",
        0.2,
        0.6,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "decisions.approval_hours",
        0.5,
        1.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "decisions.high_stakes_severity",
        0.3,
        0.9,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "decisions.threshold_spread_floor",
        0.15,
        0.45,
        "±50 % around the default: vignette studies show disagreement even under structure (Bartelink et al. 2014) but give no size in log-odds",
    ),
    assumed(
        "decisions.threshold_spread_latitude",
        0.3,
        0.9,
        "±50 % around the default: no source gives the size (Keddell 2014 reviews the variability, not its scale)",
    ),
    assumed(
        "decisions.approval_alignment",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "decisions.documentation_alignment",
        0.0,
        0.3,
        "from none to three times the default: structured tools gave little gain in agreement (Bartelink et al. 2014)",
    ),
    assumed(
        "decisions.inexperience_spread_factor",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "decisions.coaching_alignment",
        0.15,
        0.45,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "consequences.serious_event_probability",
        0.02,
        0.06,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "consequences.serious_event_delay_days",
        90.0,
        270.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "consequences.complaint_probability",
        0.15,
        0.45,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "consequences.complaint_delay_days",
        30.0,
        90.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "consequences.scandal_probability",
        0.05,
        0.15,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "consequences.blame_shock",
        0.5,
        1.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "consequences.blame_decay_days",
        30.0,
        90.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "consequences.approval_blame_share",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "consequences.inspection_hours_worker",
        6.0,
        18.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "consequences.inspection_hours_manager",
        12.0,
        36.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "consequences.complaint_blame_share",
        0.1,
        0.3,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "consequences.complaint_hours",
        2.0,
        6.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.pressure_weight",
        0.5,
        1.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.pressure_ceiling",
        1.5,
        4.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.severity_weight",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.responsibility_weight",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.responsibility_days",
        15.0,
        45.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.coaching_shares_responsibility",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.control_buffer",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.support_buffer",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.admin_constraint",
        0.75,
        2.25,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.team_support",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.coaching_reference_hours",
        0.75,
        2.25,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.rise_days",
        5.0,
        15.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.recovery_days",
        10.0,
        30.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.offday_recovery",
        0.04,
        0.12,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.exhaustion_threshold",
        0.6,
        1.8,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.exhaustion_rate",
        0.001,
        0.003,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "stress.exhaustion_recovery_days",
        182.5,
        547.5,
        "±50 % around the default: no source narrows it",
    ),
    fixed(
        "stress.high_strain_threshold",
        "defines what the outcome high_strain_share counts, not how the world behaves",
    ),
    assumed(
        "sickness.short_spells_per_year",
        1.5,
        4.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "sickness.short_spell_mean_days",
        1.5,
        4.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "sickness.long_spells_per_year",
        0.06,
        0.18,
        "±50 % around the default: no source narrows it",
    ),
    measured(
        "sickness.stress_relative_risk",
        1.3,
        2.1,
        "around the 1.49-1.77 of the meta-analyses (Rugulies et al. 2017; Duchaine et al. 2020), widened for the transfer to one occupation",
    ),
    assumed(
        "sickness.exhaustion_relative_risk",
        1.5,
        4.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "sickness.long_spell_mean_days",
        30.0,
        90.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "sickness.long_spell_log_sd",
        0.35,
        1.05,
        "±50 % around the default: no source narrows it",
    ),
    measured(
        "sickness.exhaustion_spell_days",
        120.0,
        300.0,
        "exhaustion-disorder spells often last over six months",
    ),
    assumed(
        "sickness.reassign_after_days",
        5.0,
        15.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "sickness.reassign_all_after_days",
        15.0,
        45.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "turnover.quits_per_year",
        0.11,
        0.33,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "turnover.stress_relative_risk",
        1.0,
        2.25,
        "±50 % around the default, cut to the allowed range: no source narrows it",
    ),
    measured(
        "turnover.support_relative_risk",
        0.25,
        0.75,
        "one estimate; ±50 % for its precision and its transfer to this setting",
    ),
    assumed(
        "turnover.newcomer_factor",
        1.0,
        2.4,
        "±50 % around the default, cut to the allowed range: no source narrows it",
    ),
    assumed(
        "turnover.notice_days",
        15.0,
        45.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "turnover.recruitment_days",
        38.0,
        112.0,
        "±50 % around the default, cut to the allowed range: no source narrows it",
    ),
    fixed(
        "turnover.consultant_cover",
        "whether the department hires consultants is a choice of the scenario",
    ),
    fixed(
        "managers.hours_per_day",
        "the working day is set by the employment contract",
    ),
    assumed(
        "managers.overtime_max_share",
        0.125,
        0.375,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "managers.allocation_hours",
        0.125,
        0.375,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "managers.recruitment_hours_per_week",
        1.5,
        4.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "managers.rehabilitation_hours",
        4.0,
        12.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "managers.rehabilitation_hours_per_day",
        1.0,
        3.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "managers.quits_per_year",
        0.05,
        0.15,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "managers.recruitment_days",
        60.0,
        180.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "managers.acting_cover",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "costs.worker_salary_ksek_month",
        19.0,
        57.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "costs.manager_salary_ksek_month",
        26.0,
        78.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "costs.payroll_overhead",
        0.225,
        0.675,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "costs.overtime_premium",
        1.0,
        2.25,
        "±50 % around the default, cut to the allowed range: no source narrows it",
    ),
    assumed(
        "costs.consultant_premium",
        1.0,
        3.0,
        "±50 % around the default: no source narrows it",
    ),
    measured(
        "costs.recruitment_ksek",
        175.0,
        525.0,
        "one estimate; ±50 % for its precision and its transfer to this setting",
    ),
    assumed(
        "costs.sick_pay_share",
        0.6,
        1.0,
        "sick pay replaces most of a salary",
    ),
    fixed(
        "steering.documentation_intensity",
        "a steering lever: the arms are defined by it",
    ),
    fixed(
        "steering.worker_admin_hours",
        "a steering lever: the arms are defined by it",
    ),
    fixed(
        "steering.manager_reporting_hours",
        "a steering lever: the arms are defined by it",
    ),
    fixed(
        "steering.approval_threshold",
        "a steering lever: the arms are defined by it",
    ),
    fixed(
        "steering.decision_latitude",
        "a steering lever: the arms are defined by it",
    ),
    fixed(
        "steering.coaching_hours",
        "a steering lever: the arms are defined by it",
    ),
    fixed(
        "steering.blame_culture",
        "a steering lever: the arms are defined by it",
    ),
    fixed(
        "steering.kpi_pressure",
        "a steering lever: the arms are defined by it",
    ),
    fixed(
        "steering.kpi_target_overdue",
        "a steering lever: the arms are defined by it",
    ),
    fixed(
        "steering.control_ratchet",
        "a steering lever: the arms are defined by it",
    ),
    fixed(
        "steering.rule_decay_days",
        "a steering lever: the arms are defined by it",
    ),
    fixed(
        "steering.caseload_cap",
        "a steering lever: the arms are defined by it",
    ),
    fixed(
        "steering.integrated_team",
        "a steering lever: the arms are defined by it",
    ),
    fixed(
        "steering.named_person",
        "a steering lever: the arms are defined by it",
    ),
    assumed(
        "pathway.cross_agency_share",
        0.05,
        0.15,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.school_concerns_per_position_year",
        1.0,
        3.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.need_school_health",
        0.3,
        0.9,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.need_counselling",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.need_bup",
        0.15,
        0.45,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.school_health_fte_per_100_positions",
        1.5,
        4.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.counselling_fte_per_100_positions",
        1.6,
        4.8,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.bup_fte_per_100_positions",
        2.25,
        6.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.agency_availability",
        0.6,
        0.95,
        "vacation and sick leave take a tenth to a third of the year",
    ),
    assumed(
        "pathway.school_health_intake_hours",
        1.0,
        3.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.counselling_intake_hours",
        1.5,
        4.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.bup_intake_hours",
        4.0,
        12.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.school_health_help_hours",
        2.5,
        7.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.counselling_help_hours",
        4.0,
        12.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.bup_help_hours",
        10.0,
        30.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.help_hours_cv",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.session_hours_per_week",
        0.75,
        2.25,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.intake_documentation_share",
        0.2,
        0.6,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.help_documentation_share",
        0.125,
        0.375,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.referral_hours",
        0.5,
        1.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.referral_delay_days",
        5.0,
        15.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.bounce_probability",
        0.125,
        0.375,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.consent_probability",
        0.5,
        1.0,
        "from half to every family consenting",
    ),
    assumed(
        "pathway.team_meeting_hours",
        0.75,
        2.25,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.team_meeting_interval_days",
        4.0,
        10.0,
        "±50 % around the default, cut to the allowed range: no source narrows it",
    ),
    assumed(
        "pathway.team_meeting_notice_days",
        1.0,
        3.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.record_hours",
        0.5,
        1.5,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.named_person_hours_per_week",
        0.125,
        0.375,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.patience_days",
        75.0,
        225.0,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.named_person_dropout_factor",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.named_person_bounce_factor",
        0.25,
        0.75,
        "±50 % around the default: no source narrows it",
    ),
    assumed(
        "pathway.mapping_reuse_share",
        0.25,
        0.75,
        "±50 % around the default: Falun reports no share of assessments that reuse the joint mapping",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::params::ParamKind;

    #[test]
    fn every_parameter_has_exactly_one_row_and_every_row_a_parameter() {
        for spec in PARAMETERS {
            let rows = PLAUSIBLE.iter().filter(|p| p.key == spec.key()).count();
            assert_eq!(
                rows,
                1,
                "`{}` needs one row in PLAUSIBLE (a range with its reason, or fixed with why)",
                spec.key()
            );
        }
        for p in PLAUSIBLE {
            assert!(
                PARAMETERS.iter().any(|s| s.key() == p.key),
                "`{}` is not a registry parameter",
                p.key
            );
        }
    }

    #[test]
    fn ranges_lie_in_the_allowed_range_hold_the_default_and_have_reasons() {
        for spec in PARAMETERS {
            let Some(p) = spec.plausible() else { continue };
            assert!(!p.reason.is_empty(), "{}", p.key);
            match (p.role, p.range) {
                (Role::Fixed, None) => {}
                (Role::Assumed | Role::Measured, Some((low, high))) => {
                    assert!(low < high, "{}: {low} ..= {high}", p.key);
                    assert!(
                        spec.check(low).is_ok() && spec.check(high).is_ok(),
                        "{}",
                        p.key
                    );
                    assert!(
                        (low..=high).contains(&spec.default),
                        "{}: the default {} is outside {low} ..= {high}",
                        p.key,
                        spec.default
                    );
                    assert!(
                        low > spec.min || high < spec.max,
                        "{}: the plausible range should be narrower than the allowed one",
                        p.key
                    );
                    assert_ne!(
                        spec.kind,
                        ParamKind::Switch,
                        "{}: switches are fixed",
                        p.key
                    );
                }
                (role, range) => panic!("{}: role {role:?} with range {range:?}", p.key),
            }
        }
    }

    #[test]
    fn steering_levers_and_the_organisation_size_are_fixed_and_assumptions_uncertain() {
        for spec in PARAMETERS.iter().filter(|s| s.group == "steering") {
            assert_eq!(spec.plausible().map(|p| p.role), Some(Role::Fixed));
        }
        let units = crate::model::params::Params::spec("organisation", "units");
        assert_eq!(
            units.and_then(|s| s.plausible()).map(|p| p.role),
            Some(Role::Fixed)
        );
        let n = uncertain_by_default().count();
        assert!(n > 100, "{n} assumptions uncertain by default");
        // An assumption, or a source whose magnitude is assumed.
        assert!(uncertain_by_default().all(|(s, _)| s.source.contains("assumption")));
    }
}
