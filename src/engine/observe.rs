//! Observation: sums kept while a run goes, turned into outcomes and monthly
//! series at the end.
//!
//! The engine records into a [`Tally`] for the current month; at each month's
//! end the month is turned into [`SeriesValues`] and, once warm-up is over,
//! added to the run's tally. Only here are sums turned into rates and shares.

use crate::outcome::{Outcome, OutcomeValues, SeriesMetric, SeriesValues};
use crate::scenario::DAYS_PER_YEAR;
use crate::stats::DayHistogram;

macro_rules! tally {
    ($($field:ident),* $(,)?) => {
        /// Sums over a window of days (a month, or the run after warm-up).
        #[derive(Clone, Debug, Default)]
        pub struct Tally {
            $( #[doc = concat!("Sum of `", stringify!($field), "` over the window.")] pub $field: f64, )*
        }

        impl Tally {
            /// Adds another window's sums to this one.
            pub fn merge(&mut self, other: &Tally) {
                $( self.$field += other.$field; )*
            }
        }
    };
}

tally!(
    days,
    // case workers
    employed_days,
    contract_days,
    sick_days,
    worked_days,
    high_strain_days,
    pressure_sum,
    stress_sum,
    exhaustion_sum,
    tenure_sum,
    position_days,
    vacant_days,
    separations,
    long_spells,
    coaching_received,
    // hours
    hours_worked,
    hours_contract,
    hours_overtime,
    hours_direct,
    hours_documentation,
    hours_admin,
    hours_other,
    hours_travel,
    hours_coaching,
    hours_oversight,
    hours_idle,
    // managers
    manager_employed_days,
    manager_contract_days,
    manager_sick_days,
    manager_stress_sum,
    manager_separations,
    // cases
    reports,
    allocations,
    allocation_wait_sum,
    investigations_opened,
    assessments_done,
    assessments_overdue,
    investigations_done,
    investigations_overdue,
    investigation_days_sum,
    cases_closed,
    case_days_sum,
    open_cases_sum,
    approvals,
    approval_wait_sum,
    wrong_decisions,
    missed_needs,
    unneeded_interventions,
    errors_caught,
    complaints,
    serious_events,
    scandals,
    decisions_judged,
    inconsistency_sum,
    interventions,
    // cost [kSEK]
    cost_ksek,
    // the cross-agency pathway
    pathway_children,
    first_helps,
    first_help_days_sum,
    full_helps,
    full_help_days_sum,
    children_done,
    children_dropped,
    tellings_sum,
    handoffs_sum,
    bounces_sum,
    children_waiting_sum,
    agency_hours_available,
    agency_hours_used,
    pathway_hours_school_health,
    pathway_hours_counselling,
    pathway_hours_bup,
    pathway_hours_social,
    pathway_hours_named_person,
    pathway_hours_documentation,
);

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { f64::NAN }
}

impl Tally {
    /// The monthly series values of this window (one month).
    pub fn series(&self, documentation_intensity: f64) -> SeriesValues {
        let mut s = SeriesValues::default();
        let years = self.days / f64::from(DAYS_PER_YEAR);
        s[SeriesMetric::Stress] = ratio(self.stress_sum, self.employed_days);
        s[SeriesMetric::HighStrain] = ratio(self.high_strain_days, self.worked_days);
        s[SeriesMetric::SickLeave] = ratio(self.sick_days, self.contract_days);
        s[SeriesMetric::Turnover] = ratio(self.separations, self.employed_days / self.days) / years;
        s[SeriesMetric::Vacancy] = ratio(self.vacant_days, self.position_days);
        s[SeriesMetric::OpenCases] = ratio(self.open_cases_sum, self.days);
        s[SeriesMetric::Overdue] = ratio(self.investigations_overdue, self.investigations_done);
        s[SeriesMetric::Documentation] = documentation_intensity;
        s[SeriesMetric::Direct] = ratio(self.hours_direct, self.hours_worked);
        s[SeriesMetric::DocumentationTime] = ratio(self.hours_documentation, self.hours_worked);
        s[SeriesMetric::Admin] = ratio(self.hours_admin, self.hours_worked);
        s[SeriesMetric::Overtime] = ratio(self.hours_overtime, self.hours_contract);
        s[SeriesMetric::ManagerStress] = ratio(self.manager_stress_sum, self.manager_employed_days);
        s[SeriesMetric::ChildrenWaiting] = ratio(self.children_waiting_sum, self.days);
        s[SeriesMetric::ErrorRate] = ratio(self.wrong_decisions, self.cases_closed);
        s[SeriesMetric::Inconsistency] = ratio(self.inconsistency_sum, self.decisions_judged);
        s
    }

    /// The run's outcomes from the post-warm-up window.
    pub fn outcomes(
        &self,
        investigation_days: &DayHistogram,
        first_help_p90: f64,
        documentation_intensity_end: f64,
        regime_switches: u32,
    ) -> OutcomeValues {
        use Outcome::*;
        let mut o = OutcomeValues::default();
        let years = self.days / f64::from(DAYS_PER_YEAR);
        let per_year = |x: f64| ratio(x, years);
        let mean_employed = ratio(self.employed_days, self.days);
        let mean_managers = ratio(self.manager_employed_days, self.days);
        o[WorkerTurnover] = per_year(ratio(self.separations, mean_employed));
        o[ManagerTurnover] = per_year(ratio(self.manager_separations, mean_managers));
        o[SickLeaveShare] = ratio(self.sick_days, self.contract_days);
        o[LongSickSpells] = per_year(ratio(100.0 * self.long_spells, mean_employed));
        o[MeanStress] = ratio(self.stress_sum, self.employed_days);
        o[HighStrainShare] = ratio(self.high_strain_days, self.worked_days);
        o[WorkPressure] = ratio(self.pressure_sum, self.worked_days);
        o[MeanExhaustion] = ratio(self.exhaustion_sum, self.employed_days);
        o[MeanTenure] = ratio(self.tenure_sum, self.employed_days);
        o[VacancyShare] = ratio(self.vacant_days, self.position_days);
        o[OvertimeShare] = ratio(self.hours_overtime, self.hours_contract);
        o[ManagerMeanStress] = ratio(self.manager_stress_sum, self.manager_employed_days);
        o[ManagerSickLeaveShare] = ratio(self.manager_sick_days, self.manager_contract_days);
        o[CoachingReceived] = ratio(self.coaching_received, self.employed_days / 7.0);
        o[TimeDirect] = ratio(self.hours_direct, self.hours_worked);
        o[TimeDocumentation] = ratio(self.hours_documentation, self.hours_worked);
        o[TimeAdmin] = ratio(self.hours_admin, self.hours_worked);
        o[TimeTravel] = ratio(self.hours_travel, self.hours_worked);
        o[TimeOther] = ratio(self.hours_other, self.hours_worked);
        o[TimeCoaching] = ratio(self.hours_coaching, self.hours_worked);
        o[TimeOversight] = ratio(self.hours_oversight, self.hours_worked);
        o[TimeIdle] = ratio(self.hours_idle, self.hours_worked);
        o[Reports] = per_year(self.reports);
        o[Investigations] = per_year(self.investigations_opened);
        o[AllocationWait] = ratio(self.allocation_wait_sum, self.allocations);
        o[AssessmentsOverdue] = ratio(self.assessments_overdue, self.assessments_done);
        o[InvestigationsOverdue] = ratio(self.investigations_overdue, self.investigations_done);
        o[InvestigationDaysMean] = ratio(self.investigation_days_sum, self.investigations_done);
        o[InvestigationDaysP90] = investigation_days.quantile(0.9);
        o[CaseDaysMean] = ratio(self.case_days_sum, self.cases_closed);
        o[OpenCasesMean] = ratio(self.open_cases_sum, self.days);
        o[ApprovalWaitDays] = if self.approvals > 0.0 {
            self.approval_wait_sum / self.approvals
        } else {
            0.0
        };
        o[DecisionErrorRate] = ratio(self.wrong_decisions, self.cases_closed);
        o[MissedNeeds] = per_year(self.missed_needs);
        o[UnneededInterventions] = per_year(self.unneeded_interventions);
        o[ErrorsCaught] = per_year(self.errors_caught);
        o[Complaints] = per_year(self.complaints);
        o[SeriousEvents] = per_year(self.serious_events);
        o[Scandals] = per_year(self.scandals);
        o[PersonnelCost] = per_year(self.cost_ksek / 1000.0);
        o[CostPerCase] = ratio(self.cost_ksek, self.reports);
        o[DocumentationIntensityEnd] = documentation_intensity_end;
        o[RegimeSwitches] = f64::from(regime_switches);
        let children = self.pathway_children;
        let pathway_hours = self.pathway_hours_school_health
            + self.pathway_hours_counselling
            + self.pathway_hours_bup
            + self.pathway_hours_social
            + self.pathway_hours_named_person;
        o[PathwayChildren] = per_year(children);
        o[TimeToFirstHelp] = ratio(self.first_help_days_sum, self.first_helps);
        o[TimeToFirstHelpP90] = first_help_p90;
        o[TimeToFullHelp] = ratio(self.full_help_days_sum, self.full_helps);
        o[StoryTold] = ratio(self.tellings_sum, self.children_done);
        o[Handoffs] = ratio(self.handoffs_sum, self.children_done);
        o[BouncedReferrals] = ratio(self.bounces_sum, self.children_done);
        o[PathwayDropout] = ratio(self.children_dropped, self.children_done);
        o[ChildrenWaiting] = ratio(self.children_waiting_sum, self.days);
        o[PathwayHours] = ratio(pathway_hours, children);
        o[SchoolHealthHours] = ratio(self.pathway_hours_school_health, children);
        o[CounsellingHours] = ratio(self.pathway_hours_counselling, children);
        o[BupHours] = ratio(self.pathway_hours_bup, children);
        o[SocialServicesPathwayHours] = ratio(self.pathway_hours_social, children);
        o[NamedPersonHours] = ratio(self.pathway_hours_named_person, children);
        o[PathwayDocumentation] = ratio(self.pathway_hours_documentation, pathway_hours);
        o[AgencyUtilisation] = ratio(self.agency_hours_used, self.agency_hours_available);
        o[DecisionInconsistency] = ratio(self.inconsistency_sum, self.decisions_judged);
        o[InvestigationShare] = ratio(self.investigations_opened, self.reports);
        o[InterventionShare] = ratio(self.interventions, self.investigations_done);
        o[OpenCasesPerPosition] = ratio(self.open_cases_sum, self.position_days);
        o
    }
}
