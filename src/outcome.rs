//! The catalogue of what a run measures: outcome names, units and meanings.
//!
//! Names here are the stable column and metric names of every output file;
//! changing one is a breaking change. The engine fills an [`OutcomeValues`]
//! per run and a [`SeriesValues`] per month; nothing else decides names.

use std::ops::{Index, IndexMut};

/// A named, documented quantity.
#[derive(Clone, Copy, Debug)]
pub struct MetricSpec {
    /// Stable machine name, e.g. `worker_turnover`.
    pub name: &'static str,
    /// Unit, e.g. `share/year`.
    pub unit: &'static str,
    /// What it measures, in one sentence.
    pub meaning: &'static str,
}

macro_rules! catalogue {
    ($(#[$meta:meta])* $Enum:ident, $TABLE:ident, $COUNT:ident, $Values:ident {
        $( $Variant:ident => $name:literal, $unit:literal, $meaning:literal; )*
    }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $Enum { $( #[doc = $meaning] $Variant, )* }

        /// The catalogue, in output column order.
        pub static $TABLE: &[MetricSpec] = &[
            $( MetricSpec { name: $name, unit: $unit, meaning: $meaning }, )*
        ];

        /// Number of entries in the catalogue.
        pub const $COUNT: usize = [$($name),*].len();

        impl $Enum {
            /// Every entry, in catalogue order.
            pub const ALL: [$Enum; $COUNT] = [$($Enum::$Variant),*];

            /// The catalogue row of this entry.
            pub fn spec(self) -> &'static MetricSpec {
                &$TABLE[self as usize]
            }
        }

        /// One value per catalogue entry.
        #[derive(Clone, Debug, PartialEq)]
        pub struct $Values(pub [f64; $COUNT]);

        impl Default for $Values {
            fn default() -> Self {
                Self([0.0; $COUNT])
            }
        }

        impl Index<$Enum> for $Values {
            type Output = f64;
            fn index(&self, i: $Enum) -> &f64 {
                &self.0[i as usize]
            }
        }

        impl IndexMut<$Enum> for $Values {
            fn index_mut(&mut self, i: $Enum) -> &mut f64 {
                &mut self.0[i as usize]
            }
        }
    };
}

catalogue! {
    /// An outcome of one run, measured after warm-up.
    Outcome, OUTCOMES, OUTCOME_COUNT, OutcomeValues {
        // Staff
        WorkerTurnover => "worker_turnover", "share/year",
            "Case workers leaving per year, as a share of the mean number employed";
        ManagerTurnover => "manager_turnover", "share/year",
            "Unit managers leaving per year, as a share of the mean number employed";
        SickLeaveShare => "sick_leave_share", "share",
            "Share of contracted worker-days lost to sick leave";
        LongSickSpells => "long_sick_spells_per_100", "spells/100 employees/year",
            "New sick spells longer than 14 days per 100 case workers and year";
        MeanStress => "mean_stress", "stress units",
            "Mean stress of employed case workers (1 is the strain of nominal work under a neutral regime)";
        HighStrainShare => "high_strain_share", "share",
            "Share of worked days on which a worker's strain was above the high-strain threshold";
        WorkPressure => "work_pressure_mean", "ratio",
            "Mean work pressure on worked days: backlog over the backlog regarded as normal (1 = normal)";
        MeanExhaustion => "mean_exhaustion", "exhaustion units",
            "Mean exhaustion (slow burnout stock) of employed case workers";
        MeanTenure => "mean_tenure_years", "years",
            "Mean tenure in the unit of employed case workers";
        VacancyShare => "vacancy_share", "share",
            "Share of position-days with no employed worker";
        OvertimeShare => "overtime_share", "share",
            "Overtime hours as a share of contracted hours worked";
        ManagerMeanStress => "manager_mean_stress", "stress units",
            "Mean stress of employed unit managers";
        ManagerSickLeaveShare => "manager_sick_leave_share", "share",
            "Share of contracted manager-days lost to sick leave";
        CoachingReceived => "coaching_hours_per_worker_week", "hours/week",
            "Coaching actually received per employed worker and week";
        // Time use
        TimeDirect => "time_direct_share", "share",
            "Share of worked hours on direct client work";
        TimeDocumentation => "time_documentation_share", "share",
            "Share of worked hours on documentation and other indirect case work";
        TimeAdmin => "time_admin_share", "share",
            "Share of worked hours on prescribed reporting and meetings";
        TimeTravel => "time_travel_share", "share",
            "Share of worked hours travelling to clients";
        TimeOther => "time_other_share", "share",
            "Share of worked hours on indirect work tied to no case (consultation, training, coordination)";
        TimeCoaching => "time_coaching_share", "share",
            "Share of worked hours in coaching and supervision";
        TimeOversight => "time_oversight_share", "share",
            "Share of worked hours answering complaints and inspections";
        TimeIdle => "time_idle_share", "share",
            "Share of worked hours with no case work to do";
        // Service
        Reports => "reports_per_year", "reports/year",
            "Reports of concern received per year";
        Investigations => "investigations_per_year", "investigations/year",
            "Investigations opened per year";
        AllocationWait => "allocation_wait_days_mean", "days",
            "Mean time from a report until a worker starts its assessment (long only when everyone is away or at the caseload cap)";
        AssessmentsOverdue => "assessments_overdue_share", "share",
            "Share of initial assessments finished after their deadline (14 days after the report by default)";
        InvestigationsOverdue => "investigations_overdue_share", "share",
            "Share of investigations decided after their deadline (4 months after opening by default)";
        InvestigationDaysMean => "investigation_days_mean", "days",
            "Mean time from opening an investigation to its decision";
        InvestigationDaysP90 => "investigation_days_p90", "days",
            "90th percentile of the time from opening an investigation to its decision";
        CaseDaysMean => "case_days_mean", "days",
            "Mean time from report to closure (screened out or decided), for cases closed after warm-up";
        OpenCasesMean => "open_cases_mean", "cases",
            "Time-averaged number of open cases (unallocated, in assessment, in investigation, awaiting approval)";
        ApprovalWaitDays => "approval_wait_days_mean", "days",
            "Mean wait for a manager's approval, over decisions that needed one (0 when none did)";
        // Quality and legal certainty
        DecisionErrorRate => "decision_error_rate", "share",
            "Share of closed cases with a wrong final decision (missed need or unneeded intervention)";
        MissedNeeds => "missed_needs_per_year", "cases/year",
            "Children who needed an intervention and did not get one, per year";
        UnneededInterventions => "unneeded_interventions_per_year", "cases/year",
            "Interventions decided for children who did not need them, per year";
        ErrorsCaught => "errors_caught_per_year", "cases/year",
            "Wrong decisions corrected at manager approval, per year";
        Complaints => "complaints_per_year", "events/year",
            "Complaints and appeals that surfaced, per year";
        SeriousEvents => "serious_events_per_year", "events/year",
            "Serious events after missed needs that surfaced, per year";
        Scandals => "scandals_per_year", "events/year",
            "Serious events that became media scandals, per year";
        // Cost
        PersonnelCost => "personnel_cost_msek_per_year", "MSEK/year",
            "Personnel cost per year: salaries with overhead, overtime, sick pay, recruitment and consultants";
        CostPerCase => "cost_per_case_ksek", "kSEK/report",
            "Personnel cost per report of concern received";
        // Steering dynamics
        DocumentationIntensityEnd => "documentation_intensity_end", "ratio",
            "Effective documentation intensity at the end of the run, after ratchets and pruning";
        RegimeSwitches => "regime_switches", "count",
            "Changes of steering regime during the run (reforms and political switches)";
        // Children who need several agencies (the Falun pathway)
        PathwayChildren => "pathway_children_per_year", "children/year",
            "Children who need help from school health, counselling or child psychiatry besides or instead of social services, per year";
        TimeToFirstHelp => "time_to_first_help_days_mean", "days",
            "Mean days from the first concern to the first help from any agency, over children whose first help started";
        TimeToFirstHelpP90 => "time_to_first_help_days_p90", "days",
            "90th percentile of days from the first concern to the first help";
        TimeToFullHelp => "time_to_full_help_days_mean", "days",
            "Mean days from the first concern until help from every agency the child needs has started (children who did not give up)";
        StoryTold => "story_told_per_child", "times/child",
            "Times the child and family told their story (intakes, the initial assessment, a joint meeting), per child whose pathway ended";
        Handoffs => "handoffs_per_child", "referrals/child",
            "Referrals sent between agencies (bounced ones sent again included), per child whose pathway ended";
        BouncedReferrals => "bounced_referrals_per_child", "referrals/child",
            "Referrals that bounced back, per child whose pathway ended";
        PathwayDropout => "pathway_dropout_share", "share",
            "Share of children whose family gave up waiting before all the help they needed had started";
        ChildrenWaiting => "children_waiting_mean", "children",
            "Mean number of children waiting for their first help (time average)";
        PathwayHours => "pathway_hours_per_child", "hours/child",
            "Professional hours per cross-agency child, all agencies and the named person together";
        SchoolHealthHours => "school_health_hours_per_child", "hours/child",
            "School-health hours per cross-agency child (intakes, help, meetings, documentation)";
        CounsellingHours => "counselling_hours_per_child", "hours/child",
            "Counselling hours per cross-agency child";
        BupHours => "bup_hours_per_child", "hours/child",
            "Child-psychiatry hours per cross-agency child";
        SocialServicesPathwayHours => "social_services_pathway_hours_per_child", "hours/child",
            "Social-services hours per cross-agency child spent on the pathway (referrals, joint meetings), besides the assessment and investigation";
        NamedPersonHours => "named_person_hours_per_child", "hours/child",
            "Named person's hours per cross-agency child";
        PathwayDocumentation => "pathway_documentation_share", "share",
            "Share of the pathway's professional hours spent on documentation (intakes, referrals, records, notes)";
        AgencyUtilisation => "agency_utilisation", "share",
            "Share of the three agencies' available hours that was used";
        // Legal certainty: like cases decided alike; and the flow of cases
        DecisionInconsistency => "decision_inconsistency", "share",
            "Expected share of decisions (screening and investigation) that would have gone the other way had a worker with the department's norm threshold decided the same case on the same day: how much a decision depends on who decides";
        InvestigationShare => "investigation_share", "share",
            "Investigations opened as a share of reports of concern received";
        InterventionShare => "intervention_share", "share",
            "Investigations decided with an intervention, as a share of investigations decided";
        OpenCasesPerPosition => "open_cases_per_position", "cases/position",
            "Time-averaged open cases per case-worker position (the caseload, unallocated reports included)";
    }
}

catalogue! {
    /// A monthly time-series metric.
    SeriesMetric, SERIES_METRICS, SERIES_COUNT, SeriesValues {
        Stress => "mean_stress", "stress units", "Mean stress of employed case workers";
        HighStrain => "high_strain_share", "share", "Share of worked days in high strain";
        SickLeave => "sick_leave_share", "share", "Share of contracted worker-days on sick leave";
        Turnover => "worker_turnover", "share/year", "Case workers leaving, annualised";
        Vacancy => "vacancy_share", "share", "Share of positions vacant";
        OpenCases => "open_cases", "cases", "Mean open cases";
        Overdue => "investigations_overdue_share", "share", "Share of investigations decided this month that were over 4 months";
        Documentation => "documentation_intensity", "ratio", "Effective documentation intensity";
        Direct => "time_direct_share", "share", "Share of worked hours on direct client work";
        DocumentationTime => "time_documentation_share", "share", "Share of worked hours on documentation";
        Admin => "time_admin_share", "share", "Share of worked hours on prescribed administration";
        Overtime => "overtime_share", "share", "Overtime as a share of contracted hours worked";
        ManagerStress => "manager_mean_stress", "stress units", "Mean stress of employed unit managers";
        ChildrenWaiting => "children_waiting", "children", "Mean number of cross-agency children waiting for their first help";
        ErrorRate => "decision_error_rate", "share", "Share of cases closed this month with a wrong final decision";
        Inconsistency => "decision_inconsistency", "share", "Expected share of this month's decisions that depended on who decided";
    }
}

impl Outcome {
    /// Looks an outcome up by its stable name.
    pub fn from_name(name: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.spec().name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_snake_case() {
        for table in [OUTCOMES, SERIES_METRICS] {
            let mut seen = std::collections::BTreeSet::new();
            for m in table {
                assert!(seen.insert(m.name), "duplicate {}", m.name);
                assert!(
                    m.name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                );
            }
        }
        assert_eq!(
            Outcome::from_name("worker_turnover"),
            Some(Outcome::WorkerTurnover)
        );
    }
}
