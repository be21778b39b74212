//! The simulated world of one run and its daily tick.
//!
//! One call of [`World::step`] is one calendar day, in this phase order:
//!
//! 1. events: steering events due today (reforms);
//! 2. demand: today's reports of concern arrive at their unit;
//! 3. consequences: errors decided earlier surface (complaints, serious
//!    events, scandals), bringing blame, inspection work and, under control,
//!    more rules; a political switch may follow;
//! 4. staff: hires, departures, returns from and onsets of sick leave, quit
//!    decisions (draws on every weekday, whatever the state, so that the
//!    streams stay aligned across arms);
//! 5. agencies (see [`super::pathway`]): referrals arrive; on weekdays,
//!    joint meetings, then each agency's documentation, help under way,
//!    intakes and new help; families lose patience;
//! 6. managers (weekdays): allocation, reporting, approvals, recruitment,
//!    rehabilitation, and coaching with what is left;
//! 7. case work (weekdays): administration, coaching, oversight work,
//!    follow-ups, the unit's pathway hours, then cases by deadline, cutting
//!    corners under pressure; decisions, shifted by each worker's own
//!    tendency to intervene;
//! 8. people, after the work day: stress, exhaustion, responsibility and
//!    blame of everyone, salaries, follow-up accrual, the day's counts;
//! 9. steering chain: rules decay; at month end, the KPI check;
//! 10. observation: at a month's end, the month's series row.
//!
//! The mechanisms live in child modules, each with the state it owns and
//! its day function: [`intake`] (demand and report allocation),
//! [`casework`] (a worker's day, decisions, closing), [`staff`] (positions,
//! hazards, handovers, people after the day), [`managers`] (the manager's
//! day and approvals), [`oversight`] (events, consequences, the steering
//! chain) and [`record`] (tallies and the month's series); [`cases`] holds
//! the case store they share, and [`super::calendar`] the days. `World`
//! only holds those parts and runs the day in [`World::step`].
//!
//! All randomness comes from streams keyed by purpose (see [`super::seeds`]).

mod cases;
mod casework;
mod intake;
// Live stepping for `tillit serve`: a child module, so that it reads the
// world's state without widening its visibility.
pub(super) mod live;
mod managers;
mod oversight;
mod record;
mod staff;

use super::calendar::{VacationCalendar, first_month_start_from, is_workday};
use super::pathway::Pathway;
use super::seeds::replication_seed;
use crate::model::params::Params;
use crate::scenario::{Arm, Scenario};

use cases::Cases;
use casework::Casework;
use intake::Intake;
use managers::Managers;
use oversight::Oversight;
pub use record::Ledger;
use record::Record;
use staff::Staff;

/// Marks "no worker" in a case's worker field.
const NOBODY: u32 = u32::MAX;
/// Marks "never" for day fields.
const NEVER: u32 = u32::MAX;

/// One run's world: the parts each mechanism owns, and the day.
pub(crate) struct World<'a> {
    params: Params,
    /// The replication's seed, for streams started during the run.
    seed: u64,
    arm: &'a Arm,
    horizon: u32,
    /// First day of the first month after warm-up: outcomes count from here.
    outcome_start: u32,
    day: u32,
    vacations: VacationCalendar,
    /// Counts and numbers the cases (each case is held where it is: a
    /// unit's queue, a caseload, an approval queue).
    cases: Cases,
    /// Demand and the units' queues of reports waiting for a worker.
    intake: Intake,
    /// The case-worker positions and their teams.
    staff: Staff,
    /// The unit managers.
    managers: Managers,
    /// The case workers' day: memos and buffers.
    casework: Casework,
    /// Events, consequences waiting to surface, and the rules they add.
    oversight: Oversight,
    /// What is observed: tallies, series, the ledger.
    record: Record,
    /// The other agencies of the cross-agency pathway.
    pathway: Pathway,
}

impl<'a> World<'a> {
    /// Builds the world at day 0 of replication `rep`.
    pub(crate) fn new(scenario: &Scenario, arm: &'a Arm, rep: u32) -> World<'a> {
        let params = arm.params.clone();
        let seed = replication_seed(scenario.seed, rep);
        let staff = Staff::new(&params, seed);
        let units = params.organisation.units;
        World {
            seed,
            arm,
            horizon: scenario.horizon_days,
            outcome_start: first_month_start_from(scenario.warmup_days),
            day: 0,
            vacations: VacationCalendar::new(params.organisation.vacation_days),
            cases: Cases::default(),
            intake: Intake::new(units, seed, &params.demand),
            managers: Managers::new(units, seed),
            casework: Casework::new(&params),
            oversight: Oversight::new(arm),
            record: Record::new(staff.positions.len()),
            staff,
            pathway: Pathway::new(&params, seed),
            params,
        }
    }

    /// Runs every day of the horizon and returns what was observed.
    pub(crate) fn run(mut self) -> (crate::engine::RunOutput, Ledger) {
        while self.day < self.horizon {
            self.step();
        }
        self.locate_open_cases();
        self.record.ledger.employees_at_end =
            self.staff.positions.iter().filter(|p| p.employed()).count() as u64;
        let outcomes = self.record.run.outcomes(
            &self.record.investigation_days,
            self.pathway.first_help_p90(),
            self.documentation_intensity(),
            self.oversight.regime_switches,
        );
        self.record.ledger.pathway = self.pathway.finish();
        (
            crate::engine::RunOutput {
                outcomes,
                series: self.record.series,
                yearly: self.record.yearly,
            },
            self.record.ledger,
        )
    }

    /// One calendar day: the phases of docs/MODEL.md section 3, in order.
    fn step(&mut self) {
        let day = self.day;
        let workday = is_workday(day, self.params.organisation.workdays_per_week);
        self.fire_scheduled_events(); // 1. events
        self.arrivals(); // 2. demand
        self.surface_consequences(); // 3. consequences
        self.staff_transitions(); // 4. staff: positions,
        self.manager_transitions(); // then managers
        let counted = day >= self.outcome_start;
        let (params, month) = (&self.params, &mut self.record.month);
        self.pathway.day(day, workday, counted, params, month); // 5. agencies
        if workday {
            self.managers_day(); // 6. managers
            self.casework_day(); // 7. case work
        }
        self.update_people(); // 8. people
        self.steering_chain(); // 9. steering chain
        self.end_of_day(); // 10. observation
        self.day += 1;
    }

    /// Counts the open cases where they actually are (unit queues, workers'
    /// caseloads, managers' approval queues), and any found in two places, so
    /// that conservation is checked against where cases are, not against a
    /// counter.
    fn locate_open_cases(&mut self) {
        let mut located: Vec<u32> = self.open_cases().map(|c| c.id).collect();
        let found = located.len();
        located.sort_unstable();
        located.dedup();
        self.record.ledger.open_at_end = located.len() as u64;
        self.record.ledger.found_twice = (found - located.len()) as u64;
    }

    /// Every open case where it is: each unit's queue and its manager's
    /// approvals, then every caseload.
    fn open_cases(&self) -> impl Iterator<Item = &cases::Case> + '_ {
        self.intake
            .waiting
            .iter()
            .zip(&self.managers.posts)
            .flat_map(|(waiting, m)| waiting.iter().chain(&m.approvals))
            .chain(self.staff.positions.iter().flat_map(|p| &p.items))
    }

    fn rules_factor(&self) -> f64 {
        self.oversight.rules_factor()
    }

    /// Documentation intensity in force: the lever times the rules added.
    fn documentation_intensity(&self) -> f64 {
        self.oversight.documentation_intensity(&self.params)
    }
}

/// The built-in default scenario on a small department (`units` of
/// `workers_per_unit`) over `horizon_days`, the first `warmup_days` warm-up,
/// for the engine's unit tests.
#[cfg(test)]
fn small_scenario(
    units: u32,
    workers_per_unit: u32,
    horizon_days: u32,
    warmup_days: u32,
) -> Scenario {
    let mut s = crate::scenario::from_str(crate::scenario::DEFAULT_SCENARIO, "default.toml")
        .expect("the default scenario loads");
    s.horizon_days = horizon_days;
    s.warmup_days = warmup_days;
    for arm in &mut s.arms {
        arm.params.organisation.units = units;
        arm.params.organisation.workers_per_unit = workers_per_unit;
    }
    s
}
