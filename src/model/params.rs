//! The parameter registry: every number the model uses, in one table.
//!
//! Each parameter is declared once, in the `parameters!` invocation below,
//! with its key, unit, default, allowed range, meaning and source. From that
//! one declaration come the typed [`Params`] struct the engine reads, its
//! defaults, and the [`PARAMETERS`] table that scenario validation, `tillit
//! params` and the documentation use. A parameter cannot exist without a unit,
//! a range and a source.
//!
//! Steering levers (the `steering` group) are ordinary parameters; the
//! presets in [`crate::model::presets`] set them as a whole regime.

use serde::Serialize;

/// How a parameter's value is written in a scenario file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ParamKind {
    /// A real number.
    Real,
    /// A whole number.
    Integer,
    /// On or off: `true` or `false` in a scenario, 1 or 0 in the registry
    /// (so that sweeps can vary it like any number).
    Switch,
}

/// One row of the registry.
#[derive(Clone, Copy, Debug)]
pub struct ParamSpec {
    /// Group in the scenario file, e.g. `stress` (a TOML table).
    pub group: &'static str,
    /// Name within the group, e.g. `rise_days`.
    pub name: &'static str,
    /// Unit, e.g. `days`, `hours/week`, `share`.
    pub unit: &'static str,
    /// Whether the value is real or whole.
    pub kind: ParamKind,
    /// Default value.
    pub default: f64,
    /// Smallest allowed value (inclusive).
    pub min: f64,
    /// Largest allowed value (inclusive).
    pub max: f64,
    /// What the parameter means, in one sentence.
    pub meaning: &'static str,
    /// An (author year) citation of a work listed in docs/REFERENCES.md, or
    /// "assumption: " with the reason.
    pub source: &'static str,
    get: fn(&Params) -> f64,
    set: fn(&mut Params, f64),
}

impl ParamSpec {
    /// The full key, `group.name`, as used by `tillit params` and sweeps.
    pub fn key(&self) -> String {
        format!("{}.{}", self.group, self.name)
    }

    /// Reads this parameter from a parameter set.
    pub fn get(&self, params: &Params) -> f64 {
        (self.get)(params)
    }

    /// Writes this parameter into a parameter set. The caller has checked the
    /// range with [`ParamSpec::check`].
    pub fn set(&self, params: &mut Params, value: f64) {
        (self.set)(params, value)
    }

    /// Checks a value against the kind and range, returning a sentence that
    /// says what is allowed when it does not fit.
    pub fn check(&self, value: f64) -> Result<(), String> {
        if !value.is_finite() {
            return Err(format!("must be a finite number in {}", self.range_text()));
        }
        if self.kind == ParamKind::Switch && value != 0.0 && value != 1.0 {
            return Err(format!(
                "must be true or false (1 or 0), not {}",
                fmt_num(value)
            ));
        }
        if self.kind == ParamKind::Integer && value.fract() != 0.0 {
            return Err(format!("must be a whole number in {}", self.range_text()));
        }
        if value < self.min || value > self.max {
            return Err(format!(
                "{} is out of range: allowed {} ({})",
                fmt_num(value),
                self.range_text(),
                self.unit
            ));
        }
        Ok(())
    }

    /// The allowed range as text, e.g. `0 ..= 1`.
    pub fn range_text(&self) -> String {
        if self.kind == ParamKind::Switch {
            return "true or false".to_owned();
        }
        format!("{} ..= {}", fmt_num(self.min), fmt_num(self.max))
    }

    /// A value as a scenario file writes it: `true`/`false` for a switch,
    /// a number otherwise.
    pub fn format_value(&self, value: f64) -> String {
        match self.kind {
            ParamKind::Switch => (value != 0.0).to_string(),
            ParamKind::Real | ParamKind::Integer => fmt_num(value),
        }
    }
}

/// Formats a number without a trailing `.0` when it is whole.
pub fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else if x.is_finite() && x != 0.0 && !(1e-6..1e15).contains(&x.abs()) {
        // Shortest round-trip digits with an exponent: `1e308`, not 309
        // digits; `2.5e-9`, not nine zeros.
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// Conversion between a field's Rust type and the registry's `f64`.
trait ParamValue: Copy {
    const KIND: ParamKind;
    fn to_f64(self) -> f64;
    fn from_f64(x: f64) -> Self;
}

impl ParamValue for f64 {
    const KIND: ParamKind = ParamKind::Real;
    fn to_f64(self) -> f64 {
        self
    }
    fn from_f64(x: f64) -> Self {
        x
    }
}

impl ParamValue for u32 {
    const KIND: ParamKind = ParamKind::Integer;
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
    fn from_f64(x: f64) -> Self {
        // Range-checked before it gets here; `as` saturates otherwise.
        x as u32
    }
}

impl ParamValue for bool {
    const KIND: ParamKind = ParamKind::Switch;
    fn to_f64(self) -> f64 {
        if self { 1.0 } else { 0.0 }
    }
    fn from_f64(x: f64) -> Self {
        x != 0.0
    }
}

macro_rules! parameters {
    ($(
        $(#[doc = $gdoc:literal])*
        $group:ident : $Group:ident {
            $( $field:ident : $ty:ty = $default:expr, $unit:literal, $min:literal ..= $max:literal,
               $meaning:literal, $source:literal; )*
        }
    )*) => {
        $(
            $(#[doc = $gdoc])*
            #[derive(Clone, Debug, PartialEq, Serialize)]
            pub struct $Group {
                $( #[doc = concat!($meaning, " \\[", $unit, "\\]")] pub $field: $ty, )*
            }

            impl Default for $Group {
                fn default() -> Self {
                    Self { $( $field: <$ty as ParamValue>::from_f64($default as f64), )* }
                }
            }
        )*

        /// Every parameter of one simulated arm, grouped by mechanism.
        #[derive(Clone, Debug, Default, PartialEq, Serialize)]
        pub struct Params {
            $( $(#[doc = $gdoc])* pub $group: $Group, )*
        }

        /// The registry: one row per parameter, in declaration order.
        pub static PARAMETERS: &[ParamSpec] = &[
            $( $(
                ParamSpec {
                    group: stringify!($group),
                    name: stringify!($field),
                    unit: $unit,
                    kind: <$ty as ParamValue>::KIND,
                    default: $default as f64,
                    min: $min as f64,
                    max: $max as f64,
                    meaning: $meaning,
                    source: $source,
                    get: |p| ParamValue::to_f64(p.$group.$field),
                    set: |p, x| p.$group.$field = <$ty as ParamValue>::from_f64(x),
                },
            )* )*
        ];

        /// The parameter groups, i.e. the tables a scenario may contain.
        pub static GROUPS: &[&str] = &[ $( stringify!($group), )* ];

        /// Each group with its one-line description.
        pub static GROUP_DOCS: &[(&str, &str)] = &[ $( (stringify!($group), concat!($($gdoc),*)), )* ];
    };
}

parameters! {
    /// Size and working time of the organisation.
    organisation: Organisation {
        units: u32 = 10, "count", 1 ..= 200,
            "Units in the department, each with one unit manager and a team of case workers",
            "assumption: a mid-sized municipality, the project's reference scenario";
        workers_per_unit: u32 = 20, "positions", 1 ..= 100,
            "Case-worker positions per unit (the manager's span of control)",
            "assumption: below the 60 subordinates elder-care unit managers averaged in 2015 (SCB figures reported by the union Vision; publication not traced) and near the proposed caps of 25-30";
        workdays_per_week: u32 = 5, "days/week", 5 ..= 7,
            "Working days per week (7 only for checks against queueing theory, where arrivals and work share one clock)",
            "assumption: Monday to Friday";
        contract_hours_per_day: f64 = 8.0, "hours/day", 4.0 ..= 10.0,
            "Contracted working hours on a working day",
            "assumption: Swedish 40-hour full-time week";
        vacation_days: u32 = 25, "working days/year", 0 ..= 40,
            "Vacation per worker: four weeks in summer (staggered) and the rest around new year",
            "assumption: five weeks of vacation, the 25 days of the Swedish Annual Leave Act (Semesterlagen, SFS 1977:480)";
        initial_mean_tenure_years: f64 = 2.6, "years", 0.0 ..= 20.0,
            "Mean tenure of the staff present at the start (exponential), which sets their starting experience",
            "Tham 2007: 54% at the workplace 2 years or less, so an exponential mean of 2.6 years";
    }

    /// Reports of concern: how many, when, how severe.
    demand: Demand {
        reports_per_position_year: f64 = 44.0, "reports/position/year", 1.0 ..= 300.0,
            "Reports of concern per year per case-worker position (sets the arrival rate)",
            "assumption: calibrated so the control preset reproduces the overdue and time-use patterns; nationally 331,000 reports in 2018 (Socialstyrelsen 2019)";
        seasonality: f64 = 0.15, "share", 0.0 ..= 0.9,
            "Amplitude of the yearly cycle in reports (fewest in July, when schools are closed)",
            "assumption: most reports come from schools";
        trend_per_year: f64 = 0.0, "share/year", -0.5 ..= 1.0,
            "Relative growth of the report rate per year",
            "assumption (nationally about +8%/year 2018-2021: 331,000 to 422,000; Socialstyrelsen 2019, Socialstyrelsen 2022)";
        severity_mean: f64 = 0.35, "index 0-1", 0.05 ..= 0.95,
            "Mean severity of a report (Beta distributed; 0 mild, 1 acute)",
            "assumption: most reports concern milder worries; with need rising with severity about 40% of reports are screened in, near the 38% found nationally (Socialstyrelsen 2019)";
        severity_concentration: f64 = 4.0, "-", 0.5 ..= 100.0,
            "Concentration of the severity distribution (higher: severities closer to the mean)",
            "assumption: a broad spread, so that every unit sees both mild and acute reports";
        need_at_low_severity: f64 = 0.05, "probability", 0.0 ..= 1.0,
            "Probability that a child with severity 0 truly needs an intervention",
            "assumption: a mild report rarely hides a child who needs intervention";
        need_at_high_severity: f64 = 0.90, "probability", 0.0 ..= 1.0,
            "Probability that a child with severity 1 truly needs an intervention (linear in between)",
            "assumption: an acute report nearly always does, but not always";
        complexity_cv: f64 = 0.4, "ratio", 0.0 ..= 3.0,
            "Coefficient of variation of a case's work requirement (Gamma multiplier with mean 1; 1 is exponential, 0 fixed)",
            "assumption: cases differ by a factor of two or so in work; 1 would be the exponential of queueing theory";
    }

    /// Case work: assessment, investigation, follow-up, cutting corners.
    work: Work {
        assessment_hours: f64 = 4.0, "hours", 0.5 ..= 40.0,
            "Work in an initial assessment (förhandsbedömning) at mean complexity, at documentation intensity 1",
            "assumption: an initial assessment is a few hours of calls and notes";
        assessment_deadline_days: u32 = 14, "days", 1 ..= 90,
            "Deadline for the initial assessment",
            "Socialtjänstlagen (SFS 2001:453) 11 kap. 1 a §";
        investigation_direct_hours: f64 = 10.0, "hours", 1.0 ..= 200.0,
            "Direct client work in an investigation of mean severity and complexity",
            "assumption: calibrated so that direct work is 13-20% of time (Grefve 2017)";
        investigation_documentation_hours: f64 = 21.0, "hours", 0.0 ..= 300.0,
            "Documentation and other indirect work in an investigation at documentation intensity 1",
            "assumption: calibrated to indirect work 30-40% of time (Grefve 2017: 35%)";
        severity_work_weight: f64 = 1.0, "-", 0.0 ..= 5.0,
            "How much more work a severe case needs: hours scale with (1 + weight * (severity - 0.5))",
            "assumption: a severe case takes about twice the work of a mild one";
        investigation_min_days: u32 = 80, "days", 0 ..= 365,
            "Shortest calendar time an investigation of mean complexity takes (meetings with the child and parents, statements from school and health care); scales with complexity, and work is spread over it",
            "assumption: most investigations take 2-4 months of calendar time for statements and meetings; calibrated so 10-35% exceed 4 months (IVO 2015: 13%; a secondary 33% for Stockholm)";
        investigation_deadline_days: u32 = 120, "days", 7 ..= 365,
            "Deadline for an investigation (4 months)",
            "Socialtjänstlagen (SFS 2001:453) 11 kap. 2 §";
        other_hours_per_week: f64 = 6.0, "hours/week", 0.0 ..= 30.0,
            "Indirect work tied to no single case: consultation with colleagues, training, internal coordination",
            "assumption: the part of Grefve 2017's time use outside direct, indirect case work, administration and travel";
        followup_days: u32 = 180, "days", 0 ..= 1095,
            "How long a decided intervention needs follow-up by the case worker",
            "assumption: an intervention is followed up for about half a year";
        followup_hours_per_week: f64 = 0.7, "hours/week", 0.0 ..= 10.0,
            "Follow-up work per intervention and week while it lasts",
            "assumption: under an hour a week per intervention";
        travel_per_direct_hour: f64 = 0.6, "hours/hour", 0.0 ..= 3.0,
            "Travel time per hour of direct client work",
            "Grefve 2017: travel 9% against direct work 13%; assumption rounds down";
        target_backlog_days: f64 = 20.0, "working days", 1.0 ..= 250.0,
            "Backlog a worker regards as normal, in days of case work (work pressure 1 at this backlog)",
            "assumption: Oliva & Sterman 2001's desired delivery time, set so pressure is near 1 at nominal load";
        corner_cutting_elasticity: f64 = -0.6, "-", -2.0 ..= 0.0,
            "Elasticity of time spent per case with respect to work pressure (0 turns corner cutting off)",
            "Oliva & Sterman 2001: -0.64; Dogan 2007: -0.60";
        min_time_factor: f64 = 0.5, "share", 0.1 ..= 1.0,
            "Floor on the time spent per case relative to the standard",
            "assumption: even under heavy pressure a case gets at least half the standard time";
        max_time_factor: f64 = 1.2, "share", 1.0 ..= 3.0,
            "Ceiling on the time spent per case relative to the full standard when there is slack (more thorough work)",
            "assumption: Oliva & Sterman 2001 let time per order rise above the standard at low pressure";
        standard_erosion_days: f64 = 130.0, "days", 1.0 ..= 5000.0,
            "Time constant for the standard to fall towards the time actually spent",
            "Oliva & Sterman 2001: 18.8 weeks";
        standard_recovery_days: f64 = 3000.0, "days", 1.0 ..= 100000.0,
            "Time constant for an eroded standard to recover",
            "assumption: Oliva & Sterman 2001 find it practically never recovers (8.1e6 weeks); bounded here";
        overtime_max_share: f64 = 0.15, "share of contract", 0.0 ..= 0.5,
            "Most overtime a worker takes on a day, as a share of contract hours",
            "assumption: at most a little over an hour of overtime a day";
        overtime_per_pressure: f64 = 0.3, "share/pressure", 0.0 ..= 2.0,
            "Overtime taken per unit of work pressure above 1, as a share of contract hours",
            "assumption: overtime grows gradually with backlog before reaching its ceiling";
        learning_days: f64 = 180.0, "working days", 1.0 ..= 2000.0,
            "Time constant for a new hire's experience to approach full",
            "assumption: months to learn the job";
        novice_productivity: f64 = 0.5, "share", 0.1 ..= 1.0,
            "Productivity of a hire with no experience, relative to an experienced worker",
            "assumption: a new hire does about half of what an experienced worker does";
        partial_return_days: u32 = 60, "days", 0 ..= 365,
            "Days of reduced hours after returning from a long sick spell",
            "assumption: about two months of part-time return after a long spell";
        partial_return_share: f64 = 0.5, "share", 0.1 ..= 1.0,
            "Share of contract hours worked while returning from a long sick spell",
            "assumption: half time during the return, common in Swedish rehabilitation";
    }

    /// Screening and investigation decisions, and approval by the manager.
    decisions: Decisions {
        screening_sensitivity: f64 = 0.93, "probability", 0.0 ..= 1.0,
            "Probability that a child who needs help is screened in for investigation, at base quality",
            "assumption: with the false-positive rate, about 38% of reports lead to investigation (Socialstyrelsen 2019)";
        screening_false_positive: f64 = 0.08, "probability", 0.0 ..= 1.0,
            "Probability that a child who does not need help is screened in, at base quality",
            "assumption: calibrated to 38% investigated (Socialstyrelsen 2019)";
        base_error_rate: f64 = 0.08, "probability", 0.0 ..= 0.5,
            "Probability of a wrong investigation decision for an experienced, rested worker with time to do it well",
            "assumption: a small share of decisions are wrong even in good conditions; sets total error rates near 5-8%";
        inexperience_error_factor: f64 = 1.0, "-", 0.0 ..= 10.0,
            "Extra error risk of a worker with no experience (multiplier 1 + factor)",
            "assumption: a newcomer makes about twice the errors of an experienced worker";
        rushed_error_elasticity: f64 = 1.0, "-", 0.0 ..= 5.0,
            "Error risk grows as (standard hours / hours spent) to this power",
            "assumption: quality erosion (Oliva & Sterman 2001)";
        stress_error_factor: f64 = 0.3, "1/stress", 0.0 ..= 5.0,
            "Extra error risk per unit of stress above 0",
            "assumption: stress impairs judgement moderately";
        support_error_reduction: f64 = 0.3, "share", 0.0 ..= 1.0,
            "Relative reduction of error risk at full support (coaching, stable team)",
            "assumption: supervision catches part of the errors before they are made";
        documentation_benefit: f64 = 0.2, "-", 0.0 ..= 2.0,
            "Error risk scales with documentation intensity to the power -benefit (structured documentation helps decisions somewhat)",
            "assumption: documentation has value for legal certainty, so cutting it is not free";
        approval_catch_rate: f64 = 0.4, "probability", 0.0 ..= 1.0,
            "Probability that a manager's approval catches a wrong decision",
            "assumption: a second reader catches a minority of errors, having only the file";
        approval_hours: f64 = 1.0, "hours", 0.0 ..= 20.0,
            "Manager hours per decision approved",
            "assumption: about an hour to read a file and approve a decision";
        high_stakes_severity: f64 = 0.6, "index 0-1", 0.0 ..= 1.0,
            "Severity from which a decision counts as high-stakes for the decision maker's responsibility load",
            "assumption: the upper part of the severity scale, where a wrong decision can harm a child";
        threshold_spread_floor: f64 = 0.3, "log-odds", 0.0 ..= 3.0,
            "Spread (standard deviation across case workers) of the personal tendency to intervene that remains with no delegated latitude and with approval: rules and review do not make judgements alike",
            "assumption: vignette studies find little agreement between practitioners on the same case, with or without structured decision-making (Bartelink et al. 2014; Keddell 2014); the size is not measured, and 0.3 adds under a tenth to the error rate at base quality";
        threshold_spread_latitude: f64 = 0.6, "log-odds", 0.0 ..= 5.0,
            "Extra spread of the tendency to intervene at full decision latitude (scaled by steering.decision_latitude): the more each worker decides alone, the more their own threshold shows",
            "assumption: delegation lets individual judgement vary (Keddell 2014: individual decision-makers are one driver of variability); set so that the trust preset's spread is about twice the control preset's";
        approval_alignment: f64 = 0.5, "share", 0.0 ..= 1.0,
            "Share of the latitude part of the spread that a manager's approval removes from decisions that need approval (the second reader pulls towards the unit's norm)",
            "assumption: a second reader with only the file aligns part of the decision, as approval catches only part of the errors (decisions.approval_catch_rate)";
        documentation_alignment: f64 = 0.1, "-", 0.0 ..= 2.0,
            "The latitude part of the spread scales with documentation intensity to the power -alignment (structured templates make judgements a little more alike)",
            "assumption: small, because structured decision-making gave little or no gain in agreement (Bartelink et al. 2014)";
        inexperience_spread_factor: f64 = 0.5, "-", 0.0 ..= 5.0,
            "Extra spread of a worker with no experience (the latitude part is multiplied by 1 + factor * (1 - experience))",
            "assumption: a newcomer's threshold is not yet settled by cases seen and feedback (Keddell 2014: heuristics develop via feedback)";
        coaching_alignment: f64 = 0.3, "share", 0.0 ..= 1.0,
            "Share of the latitude part of the spread removed at full coaching (cases talked through in supervision align thresholds)",
            "assumption: Keddell 2014 proposes annotated case examples and kind learning systems to improve consistency; supervision is where a unit shares its examples";
    }

    /// What happens when a wrong decision surfaces.
    consequences: Consequences {
        serious_event_probability: f64 = 0.04, "probability", 0.0 ..= 1.0,
            "Probability that a missed need later leads to a serious event",
            "assumption: a few missed needs lead to harm that surfaces; gives about 24 serious events a year in a 200-worker department under control, inside the lex Sarah pattern (IVO 2023)";
        serious_event_delay_days: f64 = 180.0, "days", 1.0 ..= 3650.0,
            "Mean delay (exponential) from a missed need to its serious event",
            "assumption: harm tends to surface within months";
        complaint_probability: f64 = 0.30, "probability", 0.0 ..= 1.0,
            "Probability that an unneeded intervention leads to a complaint or appeal",
            "assumption: parents appeal or complain about a minority of unneeded interventions";
        complaint_delay_days: f64 = 60.0, "days", 1.0 ..= 3650.0,
            "Mean delay (exponential) from an unneeded intervention to its complaint",
            "assumption: complaints come within weeks to months";
        scandal_probability: f64 = 0.10, "probability", 0.0 ..= 1.0,
            "Probability that a serious event becomes a media scandal",
            "assumption: a minority of serious events reach the media; gives about 2.3 to 2.5 scandals a year under control";
        blame_shock: f64 = 1.0, "stress units", 0.0 ..= 10.0,
            "Blame added to the decision maker when a serious event surfaces, at blame culture 1 (a complaint brings complaint_blame_share of it)",
            "assumption: a serious event weighs about as much as a normal day's demands for a while";
        blame_decay_days: f64 = 60.0, "days", 1.0 ..= 1000.0,
            "Time constant for blame to fade",
            "assumption: blame fades over a couple of months";
        approval_blame_share: f64 = 0.5, "share", 0.0 ..= 1.0,
            "Share of the blame carried by the manager who approved the decision",
            "assumption: an approving manager shares the blame equally";
        inspection_hours_worker: f64 = 12.0, "hours", 0.0 ..= 200.0,
            "Worker hours of inspection and review after a serious event (IVO, court)",
            "assumption: a couple of days of statements and meetings after a serious event";
        inspection_hours_manager: f64 = 24.0, "hours", 0.0 ..= 400.0,
            "Manager hours of inspection and review after a serious event",
            "assumption: about three days of a manager's time per inspection";
        complaint_blame_share: f64 = 0.2, "share", 0.0 ..= 1.0,
            "Blame a complaint brings, as a share of a serious event's blame shock",
            "assumption: a complaint weighs much less than a serious event";
        complaint_hours: f64 = 4.0, "hours", 0.0 ..= 100.0,
            "Worker hours to answer a complaint or appeal",
            "assumption: half a day to answer a complaint";
    }

    /// Strain and the stress and exhaustion stocks (demand-control-support).
    stress: Stress {
        pressure_weight: f64 = 1.0, "-", 0.0 ..= 5.0,
            "Weight of work pressure in job demands",
            "assumption: Karasek 1979 demand term";
        pressure_ceiling: f64 = 3.0, "ratio", 1.0 ..= 100.0,
            "Work pressure beyond which demands feel no heavier (a backlog ten times normal weighs like three times)",
            "assumption: perceived demands saturate";
        severity_weight: f64 = 0.5, "-", 0.0 ..= 5.0,
            "Weight of the emotional load of severe open cases in job demands",
            "assumption: the emotional load of severe cases matters, but less than the volume of work";
        responsibility_weight: f64 = 0.5, "-", 0.0 ..= 5.0,
            "Weight of the responsibility for high-stakes decisions carried alone",
            "assumption: decision stress flagged as a risk in Borlänge (Tillitsdelegationen 2017; Alexius & Sardiello 2018, in SOU 2018:38)";
        responsibility_days: f64 = 30.0, "days", 1.0 ..= 365.0,
            "Time constant for the responsibility of past decisions to fade",
            "assumption: a hard decision weighs for about a month";
        coaching_shares_responsibility: f64 = 0.5, "share", 0.0 ..= 1.0,
            "Share of the responsibility load a worker no longer carries alone at full coaching (decisions talked through in supervision)",
            "assumption: delegated responsibility must come with support (Tillitsdelegationen 2018, SOU 2018:47 section 5.4)";
        control_buffer: f64 = 0.5, "-", 0.0 ..= 5.0,
            "How much low decision latitude amplifies strain: factor (1 + buffer * (1 - latitude))",
            "assumption: Karasek 1979 demand-control";
        support_buffer: f64 = 0.5, "-", 0.0 ..= 5.0,
            "How much low support amplifies strain: factor (1 + buffer * (1 - support)); with the control factor, more than additive",
            "Johnson & Hall 1988 iso-strain; magnitude assumption";
        admin_constraint: f64 = 1.5, "-", 0.0 ..= 10.0,
            "How much prescribed administration (as a share of the day) reduces decision latitude",
            "assumption: rules reduce discretion (Munro 2011)";
        team_support: f64 = 0.5, "share", 0.0 ..= 1.0,
            "Support a worker gets from a stable team (scaled down by recent turnover in the unit)",
            "assumption: colleagues give about half of the support a worker gets";
        coaching_reference_hours: f64 = 1.5, "hours/week", 0.1 ..= 10.0,
            "Coaching per week that gives the full coaching share of support",
            "assumption: an hour and a half a week is generous supervision in Swedish social work";
        rise_days: f64 = 10.0, "days", 1.0 ..= 365.0,
            "Time constant for stress to rise towards strain",
            "assumption: stress builds over a couple of weeks";
        recovery_days: f64 = 20.0, "days", 1.0 ..= 365.0,
            "Time constant for stress to fall towards strain on working days",
            "assumption: it falls more slowly than it rises";
        offday_recovery: f64 = 0.08, "share/day", 0.0 ..= 1.0,
            "Share of stress that recovers on a day off",
            "assumption: a weekend takes off a sixth of accumulated stress";
        exhaustion_threshold: f64 = 1.2, "stress units", 0.0 ..= 10.0,
            "Stress above which exhaustion accumulates",
            "assumption: Homer 1985, Maslach et al. 2001";
        exhaustion_rate: f64 = 0.002, "1/day", 0.0 ..= 1.0,
            "Exhaustion gained per day per unit of stress above the threshold",
            "assumption: exhaustion builds over months of high stress, not weeks";
        exhaustion_recovery_days: f64 = 365.0, "days", 1.0 ..= 5000.0,
            "Time constant for exhaustion to fade",
            "assumption: exhaustion disorder lasts months";
        high_strain_threshold: f64 = 1.3, "strain units", 0.1 ..= 10.0,
            "Strain from which a worker-day counts as high strain",
            "assumption: 30% above the strain of nominal work under a neutral regime";
    }

    /// Sick leave: short everyday spells and long stress-related ones.
    sickness: Sickness {
        short_spells_per_year: f64 = 3.0, "spells/year", 0.0 ..= 30.0,
            "Rate of short everyday sick spells (colds and the like)",
            "assumption: a few short spells a year is common";
        short_spell_mean_days: f64 = 3.0, "days", 1.0 ..= 14.0,
            "Mean length of a short spell (geometric)",
            "assumption: colds and the like last a few days";
        long_spells_per_year: f64 = 0.12, "spells/year", 0.0 ..= 2.0,
            "Rate of long sick spells at stress 1 and no exhaustion",
            "assumption: calibrated to 10-14 new long spells per 100 a year (Försäkringskassan 2014)";
        stress_relative_risk: f64 = 1.7, "ratio/stress unit", 1.0 ..= 10.0,
            "Multiplier of the long-spell hazard per unit of stress",
            "RR 1.49-1.77 for job strain and ERI (Rugulies et al. 2017; Duchaine et al. 2020)";
        exhaustion_relative_risk: f64 = 3.0, "ratio/exhaustion unit", 1.0 ..= 50.0,
            "Multiplier of the long-spell hazard per unit of exhaustion",
            "assumption: exhaustion raises sick-leave risk more than stress alone (the health-impairment path of Demerouti et al. 2001)";
        long_spell_mean_days: f64 = 60.0, "days", 15.0 ..= 730.0,
            "Mean length of a long stress-related spell (over 14 days; lognormal beyond that, spread long_spell_log_sd)",
            "assumption: acute stress reactions about a month, exhaustion disorder often over six months (a figure from Swedish sick-leave statistics whose publication was not traced)";
        long_spell_log_sd: f64 = 0.7, "log-sd", 0.0 ..= 3.0,
            "Spread of long spell lengths (lognormal, on the log scale)",
            "assumption: spell lengths vary from weeks to many months";
        exhaustion_spell_days: f64 = 200.0, "days", 15.0 ..= 1000.0,
            "Mean length of a spell that starts with exhaustion above 1 (exhaustion disorder)",
            "assumption: exhaustion-disorder spells often last over six months (a figure from Swedish sick-leave statistics whose publication was not traced)";
        reassign_after_days: u32 = 10, "days", 0 ..= 90,
            "Sick spells at least this long hand the worker's cases due before the return to colleagues (vacations always do)",
            "assumption: urgent cases are handed over when an absence passes two weeks of working days";
        reassign_all_after_days: u32 = 30, "days", 0 ..= 365,
            "Sick spells longer than this hand all the worker's cases to colleagues",
            "assumption: after a month away the whole caseload is handed over";
    }

    /// Quitting, recruitment and consultants.
    turnover: Turnover {
        quits_per_year: f64 = 0.22, "share/year", 0.0 ..= 2.0,
            "Quit hazard at stress 1, average support and experienced tenure",
            "assumption: calibrated to 20-35% turnover a year (SCB figures in Akademikerförbundet SSR 2018)";
        stress_relative_risk: f64 = 1.5, "ratio/stress unit", 1.0 ..= 10.0,
            "Multiplier of the quit hazard per unit of stress",
            "assumption: stress raises the quit hazard somewhat less than the sick-leave hazard";
        support_relative_risk: f64 = 0.5, "ratio", 0.05 ..= 1.0,
            "Quit hazard at full support relative to none",
            "Tham 2007: support and recognition from management is the strongest predictor of intention to leave; magnitude assumption";
        newcomer_factor: f64 = 1.6, "ratio", 1.0 ..= 10.0,
            "Quit hazard multiplier in the first two years",
            "assumption: 48% intend to leave, most are new (Tham 2007)";
        notice_days: u32 = 30, "days", 0 ..= 180,
            "Notice period between deciding to leave and leaving",
            "assumption: one month (common in municipal agreements)";
        recruitment_days: u32 = 75, "days", 0 ..= 730,
            "Time a vacancy stays open after the worker leaves",
            "assumption: two to three months to fill a post";
        consultant_cover: f64 = 0.0, "share", 0.0 ..= 1.0,
            "Share of vacancies covered by agency consultants while open",
            "assumption: an optional lever, off by default";
    }

    /// Unit managers: their own hours, stress and turnover.
    managers: Managers {
        hours_per_day: f64 = 8.0, "hours/day", 4.0 ..= 12.0,
            "Contracted hours of a unit manager on a working day",
            "assumption: a full-time 40-hour week";
        overtime_max_share: f64 = 0.25, "share of contract", 0.0 ..= 1.0,
            "Most overtime a manager takes on a day",
            "assumption: managers work up to two hours extra a day";
        allocation_hours: f64 = 0.25, "hours/case", 0.0 ..= 5.0,
            "Manager hours to allocate one new report to a worker",
            "assumption: a quarter of an hour to read and allocate a report";
        recruitment_hours_per_week: f64 = 3.0, "hours/week", 0.0 ..= 40.0,
            "Manager hours per open vacancy and week",
            "assumption: interviews and paperwork for each open post";
        rehabilitation_hours: f64 = 8.0, "hours", 0.0 ..= 100.0,
            "Manager hours per long sick spell (rehabilitation and return)",
            "assumption: a day of meetings and planning per long spell";
        rehabilitation_hours_per_day: f64 = 2.0, "hours/day", 0.1 ..= 12.0,
            "Most rehabilitation work a manager does on one day (the rest waits)",
            "assumption: rehabilitation work is spread over days";
        quits_per_year: f64 = 0.10, "share/year", 0.0 ..= 2.0,
            "Manager quit hazard at stress 1",
            "assumption: managers leave somewhat less often than case workers";
        recruitment_days: u32 = 120, "days", 0 ..= 730,
            "Time a manager post stays open",
            "assumption: four months to fill a manager post";
        acting_cover: f64 = 0.5, "share", 0.0 ..= 1.0,
            "Share of a manager's hours an acting manager gives while the post is absent or open",
            "assumption: a neighbouring manager covers about half the work";
    }

    /// Costs, in thousands of kronor (kSEK).
    costs: Costs {
        worker_salary_ksek_month: f64 = 38.0, "kSEK/month", 10.0 ..= 200.0,
            "Monthly salary of a case worker",
            "assumption: near the 2020s median for socialsekreterare";
        manager_salary_ksek_month: f64 = 52.0, "kSEK/month", 10.0 ..= 300.0,
            "Monthly salary of a unit manager",
            "assumption: unit managers earn about a third more than case workers";
        payroll_overhead: f64 = 0.45, "share", 0.0 ..= 2.0,
            "Employer contributions and pension on top of salary",
            "assumption: Swedish employer contributions (about 31%) plus occupational pension";
        overtime_premium: f64 = 1.5, "ratio", 1.0 ..= 3.0,
            "Pay per overtime hour relative to an ordinary hour",
            "assumption: common overtime compensation in municipal agreements";
        consultant_premium: f64 = 2.0, "ratio", 1.0 ..= 5.0,
            "Cost of a consultant relative to an employed worker",
            "assumption: agency consultants cost about twice an employee";
        recruitment_ksek: f64 = 350.0, "kSEK/hire", 0.0 ..= 5000.0,
            "Cost of one hire (recruitment, introduction, lost production)",
            "Akademikerförbundet SSR 2017: about 7,000 hires over two years cost at least SEK 2.5 bn";
        sick_pay_share: f64 = 0.8, "share", 0.0 ..= 1.0,
            "Share of salary the employer pays on sick days 2 to 14 (after that, a tenth)",
            "assumption: Swedish sjuklön rules, simplified";
    }

    /// The steering regime: the levers a preset sets and an arm overrides.
    steering: Steering {
        documentation_intensity: f64 = 1.0, "ratio", 0.1 ..= 5.0,
            "Documentation required per case relative to the control standard",
            "assumption: control preset = 1";
        worker_admin_hours: f64 = 4.5, "hours/week", 0.0 ..= 30.0,
            "Prescribed reporting and meetings per case worker and week",
            "Grefve 2017: pure administration 11% of time";
        manager_reporting_hours: f64 = 12.0, "hours/week", 0.0 ..= 40.0,
            "Reporting upward and steering meetings per unit manager and week",
            "assumption: a day and a half a week of reporting and steering meetings under control";
        approval_threshold: f64 = 0.5, "severity 0-1", 0.0 ..= 1.0,
            "Investigation decisions at or above this severity wait for the manager's approval (1: none do)",
            "assumption: under control, decisions on the more severe half of cases are approved";
        decision_latitude: f64 = 0.3, "share", 0.0 ..= 1.0,
            "Delegated decision latitude of case workers (the control of Karasek 1979)",
            "assumption: low latitude under control (the decision latitude of Karasek 1979)";
        coaching_hours: f64 = 0.5, "hours/worker/week", 0.0 ..= 10.0,
            "Coaching and supervision the manager aims to give each worker a week (cut first when short of time)",
            "assumption: Borlänge coaching leadership (Tillitsdelegationen 2017)";
        blame_culture: f64 = 1.0, "ratio", 0.0 ..= 3.0,
            "Scales the blame a surfaced error brings",
            "assumption: the control preset's blame culture is the reference, 1";
        kpi_pressure: f64 = 0.05, "ratio/month", 0.0 ..= 5.0,
            "Rules added each month per unit of overdue share above the target (the KPI side of the control spiral)",
            "assumption: Levine et al. 1985, supervisors impose structure when quality falls";
        kpi_target_overdue: f64 = 0.15, "share", 0.0 ..= 1.0,
            "Target share of investigations over the deadline; above it, KPI pressure adds rules",
            "assumption: 13% over 4 months in Halland and Västra Götaland (IVO 2015)";
        control_ratchet: f64 = 0.03, "ratio/scandal", 0.0 ..= 2.0,
            "Documentation and reporting added (relative) after each scandal in a department of 200 positions (scaled by 200 / positions, so the yearly ratchet follows the scandal rate, not the size)",
            "assumption: Munro 2011 compliance spiral; about 2 scandals a year under control give +6% rules a year";
        rule_decay_days: f64 = 1500.0, "days", 10.0 ..= 100000.0,
            "Time constant for added rules to be pruned",
            "assumption: rules added are pruned only slowly under control";
        caseload_cap: u32 = 0, "cases", 0 ..= 200,
            "Most open cases per worker before new reports wait unallocated (0: no cap)",
            "Herning's 'Sverigesmodellen' capped caseloads at 20-25 (KORA 2017)";
        integrated_team: bool = 0, "switch", 0 ..= 1,
            "How children who need several agencies are helped: false = silos (referred from agency to agency), true = a joint team at the school after the parents consent (mechanism 11)",
            "Falun's 'Tillsammans för varje barn' (Falu kommun 2018; Loman 2018) and GIRFEC (Stradling et al. 2009); off in every preset, so that it combines with any regime";
        named_person: bool = 0, "switch", 0 ..= 1,
            "Whether each child who needs several agencies gets a named person (trygghetsperson) who keeps contact with the parents and chases referrals",
            "Falun's trygghetsperson (Loman 2018) and GIRFEC's named person (Stradling et al. 2009); off in every preset";
    }

    /// Children who need help from other agencies besides social services
    /// (the Falun pathway, mechanism 11): school health (elevhälsa),
    /// counselling (samtalsmottagning) and child and adolescent psychiatry
    /// (BUP), each with its own staff hours, queues and documentation. No
    /// source gives Swedish figures for these flows (neither the Falun pilot,
    /// Loman 2018, nor the Highland pathfinder, Stradling et al. 2009, reports
    /// a time to help), so every value here
    /// is an assumption, chosen so that each agency has some spare capacity.
    pathway: Pathway {
        cross_agency_share: f64 = 0.10, "share", 0.0 ..= 1.0,
            "Share of reports of concern about children who also need help from school health, counselling or child psychiatry",
            "assumption: a minority of reported children, those with health or school needs besides the family situation";
        school_concerns_per_position_year: f64 = 2.0, "children/position/year", 0.0 ..= 100.0,
            "Children whose concern is raised at school and who need another agency but no report to social services, per social-services position and year",
            "assumption: scales the pathway with the department; schools raise most concerns about children";
        need_school_health: f64 = 0.6, "probability", 0.0 ..= 1.0,
            "Probability that a cross-agency child needs help from school health",
            "assumption: school health is the first line for most children whose concern shows at school";
        need_counselling: f64 = 0.5, "probability", 0.0 ..= 1.0,
            "Probability that a cross-agency child needs help from counselling (first-line mental health care)",
            "assumption: about half need talking treatment at first line";
        need_bup: f64 = 0.3, "probability", 0.0 ..= 1.0,
            "Probability that a cross-agency child needs help from child and adolescent psychiatry (BUP); a child drawn with no need at all needs counselling",
            "assumption: a smaller share needs specialist psychiatry";
        school_health_fte_per_100_positions: f64 = 3.0, "FTE/100 positions", 0.0 ..= 100.0,
            "School-health staff time for these children, in full-time equivalents per 100 social-services positions",
            "assumption: sized so that school health is about two-thirds busy in silo mode";
        counselling_fte_per_100_positions: f64 = 3.2, "FTE/100 positions", 0.0 ..= 100.0,
            "Counselling staff time for these children, in full-time equivalents per 100 social-services positions",
            "assumption: sized so that counselling is about two-thirds busy in silo mode";
        bup_fte_per_100_positions: f64 = 4.5, "FTE/100 positions", 0.0 ..= 100.0,
            "Child-psychiatry staff time for these children, in full-time equivalents per 100 social-services positions",
            "assumption: sized so that BUP is about two-thirds busy in silo mode";
        agency_availability: f64 = 0.8, "share", 0.05 ..= 1.0,
            "Share of an agency FTE's contracted weekday hours available for these children (the rest is vacation, sick leave and other duties)",
            "assumption: five weeks of vacation and some sick leave and meetings";
        school_health_intake_hours: f64 = 2.0, "hours", 0.0 ..= 40.0,
            "School health's own intake of a child: hearing the story, mapping needs and recording it",
            "assumption: a school-nurse or counsellor meeting and notes";
        counselling_intake_hours: f64 = 3.0, "hours", 0.0 ..= 40.0,
            "Counselling's own intake of a referred child",
            "assumption: an assessment visit and notes";
        bup_intake_hours: f64 = 8.0, "hours", 0.0 ..= 80.0,
            "Child psychiatry's own intake of a referred child (a specialist assessment)",
            "assumption: specialist assessments take several visits";
        school_health_help_hours: f64 = 5.0, "hours", 0.1 ..= 200.0,
            "Mean staff hours of help a child gets from school health",
            "assumption: a handful of supportive talks";
        counselling_help_hours: f64 = 8.0, "hours", 0.1 ..= 200.0,
            "Mean staff hours of help a child gets from counselling",
            "assumption: a short course of talking treatment";
        bup_help_hours: f64 = 20.0, "hours", 0.1 ..= 400.0,
            "Mean staff hours of help a child gets from child psychiatry",
            "assumption: a longer specialist treatment";
        help_hours_cv: f64 = 0.5, "ratio", 0.0 ..= 3.0,
            "Coefficient of variation of a child's help hours at each agency (Gamma, mean as above)",
            "assumption: children differ in how much help they need, as cases do (demand.complexity_cv)";
        session_hours_per_week: f64 = 1.5, "hours/week", 0.1 ..= 40.0,
            "Staff hours of help a child gets per week while in help at one agency (sets how long help lasts)",
            "assumption: about one session a week with its preparation";
        intake_documentation_share: f64 = 0.4, "share", 0.0 ..= 1.0,
            "Share of intake hours spent documenting",
            "assumption: intakes are documentation-heavy (each agency keeps its own journal)";
        help_documentation_share: f64 = 0.25, "share", 0.0 ..= 1.0,
            "Share of help hours spent documenting",
            "assumption: notes after each session";
        referral_hours: f64 = 1.0, "hours", 0.0 ..= 20.0,
            "Hours of documentation to write one referral (remiss), paid by the sending agency each time it is sent",
            "assumption: a written referral with a summary of the case";
        referral_delay_days: u32 = 10, "days", 0 ..= 180,
            "Calendar days from a referral being sent until the receiving agency has accepted or returned it",
            "assumption: referrals are read and triaged about weekly, plus post and registration";
        bounce_probability: f64 = 0.25, "probability", 0.0 ..= 0.95,
            "Probability that a referral bounces back (wrong agency, too little information) and must be sent again",
            "assumption: in Falun, children were sent back and forth between agencies (Loman 2018)";
        consent_probability: f64 = 0.8, "probability", 0.0 ..= 1.0,
            "Probability that the parents consent to sharing information with a joint team; without consent the child goes the silo way",
            "assumption: most parents consent when offered one team; no Falun figure";
        team_meeting_hours: f64 = 1.5, "hours/agency", 0.0 ..= 20.0,
            "Hours each participating agency spends on one child's joint team meeting (school health hosts every meeting; social services joins for children it has a report on)",
            "assumption: a meeting of an hour with preparation";
        team_meeting_interval_days: u32 = 7, "days", 1 ..= 60,
            "The joint team meets every this many days",
            "assumption: a weekly team at the school";
        team_meeting_notice_days: u32 = 2, "days", 0 ..= 60,
            "Least calendar days from a concern to the joint meeting (to invite parents and agencies)",
            "assumption: a meeting within days; in Falun the team is called to the school where a child needs help (Loman 2018), but no delay is reported";
        record_hours: f64 = 1.0, "hours/agency", 0.0 ..= 20.0,
            "Documentation hours each agency still spends on its own record of a child after a joint meeting (it is spared its own intake)",
            "assumption: each agency keeps its own journal by law, but from one shared mapping";
        mapping_reuse_share: f64 = 0.5, "share", 0.0 ..= 1.0,
            "Share of reported children in the joint team whose social-services assessment reuses the team's joint mapping, so that the child does not tell its story to social services again (the rest are heard again, e.g. when the concern calls for social services' own hearing)",
            "assumption: no Falun figure; half way between never (social services always hears the child itself) and always (the promise that a child tells its story once)";
        named_person_hours_per_week: f64 = 0.25, "hours/week", 0.0 ..= 10.0,
            "Time the named person spends per child and week while the child is in the pathway (the named person's own time, outside the three agencies' pools)",
            "assumption: a short weekly contact with the parents";
        patience_days: f64 = 150.0, "days", 1.0 ..= 100000.0,
            "Mean days a family waits for help before it gives up on the help not yet started (exponential)",
            "assumption: families disengage after months of waiting and being sent on";
        named_person_dropout_factor: f64 = 0.5, "ratio", 0.0 ..= 1.0,
            "How much a named person slows a family's giving up (multiplies the rate at which waiting wears patience down)",
            "assumption: a known contact keeps families engaged (the GIRFEC named person, Stradling et al. 2009)";
        named_person_bounce_factor: f64 = 0.5, "ratio", 0.0 ..= 1.0,
            "How much a named person lowers the chance that a referral bounces (they chase it and supply what is missing)",
            "assumption: a coordinator who knows the agencies sends fewer referrals to the wrong door";
    }
}

/// Whether parameter `key` (`group.name`) belongs to the cross-agency
/// pathway: the `[pathway]` group or its two steering switches. Tables and
/// reports show the pathway's outcomes when such a parameter varies.
pub fn is_pathway_key(key: &str) -> bool {
    key.starts_with("pathway.")
        || key == "steering.integrated_team"
        || key == "steering.named_person"
}

impl Params {
    /// Looks up a registry row by group and name.
    pub fn spec(group: &str, name: &str) -> Option<&'static ParamSpec> {
        PARAMETERS
            .iter()
            .find(|p| p.group == group && p.name == name)
    }

    /// Case-worker positions in the whole department.
    pub fn positions(&self) -> usize {
        self.organisation.units as usize * self.organisation.workers_per_unit as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pathway_keys_are_the_pathway_group_and_its_switches() {
        let pathway: Vec<String> = PARAMETERS
            .iter()
            .map(ParamSpec::key)
            .filter(|k| is_pathway_key(k))
            .collect();
        assert_eq!(pathway.len(), 32 + 2);
        assert!(pathway.contains(&"steering.named_person".to_owned()));
        assert!(!is_pathway_key("steering.coaching_hours"));
    }

    #[test]
    fn defaults_lie_in_their_ranges_and_keys_are_unique() {
        let p = Params::default();
        let mut keys = std::collections::BTreeSet::new();
        for spec in PARAMETERS {
            assert!(keys.insert(spec.key()), "duplicate key {}", spec.key());
            assert_eq!(spec.get(&p), spec.default, "{}", spec.key());
            assert!(spec.check(spec.default).is_ok(), "{}", spec.key());
            assert!(!spec.source.is_empty() && !spec.meaning.is_empty());
            // An assumption must say why the value was chosen.
            if spec.source.starts_with("assumption") {
                let reason = spec
                    .source
                    .trim_start_matches("assumption")
                    .trim_start_matches([':', ' ']);
                assert!(
                    reason.len() > 10,
                    "{}: assumption without a reason",
                    spec.key()
                );
            }
        }
    }

    #[test]
    fn set_then_get_round_trips() {
        let mut p = Params::default();
        let spec = Params::spec("organisation", "units").unwrap();
        spec.set(&mut p, 7.0);
        assert_eq!(p.organisation.units, 7);
        assert_eq!(spec.get(&p), 7.0);
    }

    #[test]
    fn check_rejects_fractions_for_integers_and_out_of_range() {
        let spec = Params::spec("organisation", "units").unwrap();
        assert!(spec.check(2.5).is_err());
        assert!(spec.check(0.0).is_err());
        assert!(spec.check(f64::NAN).is_err());
    }
}
