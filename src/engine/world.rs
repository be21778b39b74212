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
//! All randomness comes from streams keyed by purpose (see [`super::seeds`]).

// Live stepping for `tillit serve`: a child module, so that it reads this
// module's state without widening its visibility.
pub(super) mod live;

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use rand::Rng as _;
use rand_distr::{Distribution, Poisson};

use super::observe::Tally;
use super::pathway::{Pathway, PathwayLedger};
use super::seeds::{Purpose, Rng, replication_seed, stream};
use crate::model::params::Params;
use crate::model::rules::{self, DecisionInputs, SpreadInputs, StrainInputs};
use crate::outcome::{OutcomeValues, SeriesValues};
use crate::scenario::{Arm, DAYS_PER_YEAR, Scenario, Trigger};
use crate::stats::DayHistogram;

/// A sick spell longer than this counts as long (Försäkringskassan's
/// threshold for a sick case, as in Försäkringskassan 2014) and is followed
/// by a partial return.
const LONG_SPELL_DAYS: u32 = 14;
/// How long scandals are remembered for political switches: the longest
/// window a scenario may set.
const SCANDAL_MEMORY_DAYS: u32 = 3650;
/// Department size [positions] at which `steering.control_ratchet` applies
/// as given; in other sizes each scandal adds proportionally less or more.
const RATCHET_REFERENCE_POSITIONS: f64 = 200.0;
/// Stress of a new hire: rested, below the stress of nominal work.
const NEW_HIRE_STRESS: f64 = 0.8;
/// Weekdays in a 365-day year, for hourly wages.
const WEEKDAYS_PER_YEAR: f64 = 261.0;
/// Marks "no worker" in a case's worker field.
const NOBODY: u32 = u32::MAX;
/// Marks "never" for day fields.
const NEVER: u32 = u32::MAX;

/// Where a case is in its flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    /// Waiting in the unit's queue for a worker.
    Unallocated,
    /// Initial assessment (förhandsbedömning).
    Assessment,
    /// Investigation (utredning).
    Investigation,
    /// Decided, waiting for the manager's approval.
    Approval,
}

/// The uniforms drawn for a case when it arrives: part of the exogenous
/// world, so every arm sees the same ones.
#[derive(Clone, Copy, Debug)]
struct CaseDraws {
    screen: f64,
    decide: f64,
    catch: f64,
    consequence: f64,
    delay: f64,
    scandal: f64,
}

/// A report of concern about a child, from arrival to closure.
#[derive(Clone, Debug)]
struct Case {
    arrival: u32,
    unit: u32,
    /// Severity 0 (mild) to 1 (acute).
    severity: f64,
    /// Hidden truth: does the child need an intervention?
    need: bool,
    /// Work multiplier (lognormal, mean 1).
    complexity: f64,
    draws: CaseDraws,
    stage: Stage,
    worker: u32,
    stage_start: u32,
    deadline: u32,
    /// Standard hours left in the current stage.
    remaining: f64,
    /// Standard hours of the current stage.
    standard_hours: f64,
    /// Productive hours put into the current stage.
    effort: f64,
    /// Shares of the stage's hours that are direct work and travel.
    direct_share: f64,
    travel_share: f64,
    documentation: f64,
    wrong: bool,
    approval_since: u32,
    /// Generation of the worker in `worker` who took the decision.
    decider_generation: u32,
    /// The child's number in the cross-agency pathway, or `NOBODY`.
    child: u32,
}

/// What surfaces later from a wrong decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum ConsequenceKind {
    Complaint,
    SeriousEvent { scandal: bool },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Consequence {
    day: u32,
    seq: u64,
    kind: ConsequenceKind,
    position: u32,
    generation: u32,
    unit: u32,
    manager_generation: u32,
    approved: bool,
}

/// Who fills a case-worker position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Occupant {
    /// Nobody until the given day.
    Vacant { until: u32 },
    /// An agency consultant until the given day, then a new hire.
    Consultant { until: u32 },
    /// An employed case worker.
    Employee,
}

/// A case-worker position and whoever fills it.
#[derive(Clone, Debug)]
struct Position {
    unit: u32,
    occupant: Occupant,
    /// Counts the people who have held the position, so blame finds the right one.
    generation: u32,
    hired_day: f64,
    experience: f64,
    stress: f64,
    exhaustion: f64,
    responsibility: f64,
    blame: f64,
    /// Time per standard hour the worker regards as normal (erodes under pressure).
    standard: f64,
    sick_until: u32,
    sick_start: u32,
    partial_until: u32,
    leaving_day: u32,
    /// Whether a consultant covers the vacancy when this worker leaves.
    consultant_after: bool,
    items: Vec<u32>,
    followup_ends: Vec<u32>,
    followup_owed: f64,
    oversight_owed: f64,
    coaching_today: f64,
    coaching_week: f64,
    strain_today: Option<f64>,
    /// Personal tendency to intervene of the person in the position, in
    /// standard deviations (standard normal); how far it shows in a decision
    /// is `rules::threshold_spread`.
    tendency: f64,
    rng: Rng,
}

impl Position {
    fn employed(&self) -> bool {
        self.occupant == Occupant::Employee
    }

    fn filled(&self) -> bool {
        !matches!(self.occupant, Occupant::Vacant { .. })
    }

    fn sick(&self, day: u32) -> bool {
        day < self.sick_until
    }
}

/// A unit manager post.
#[derive(Clone, Debug)]
struct Manager {
    employed: bool,
    vacant_until: u32,
    /// Counts the managers who have held the post, so blame finds the right one.
    generation: u32,
    stress: f64,
    exhaustion: f64,
    blame: f64,
    sick_start: u32,
    sick_until: u32,
    approvals: VecDeque<u32>,
    oversight_owed: f64,
    rehab_owed: f64,
    strain_today: Option<f64>,
    rng: Rng,
}

/// A unit: a manager, a team of positions and a queue of new reports.
#[derive(Clone, Debug)]
struct Unit {
    manager: Manager,
    first: usize,
    len: usize,
    unallocated: VecDeque<u32>,
    /// Separations in the last year or so, as a share of positions.
    separation_rate: f64,
}

/// Totals over the whole run, warm-up included, for conservation checks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ledger {
    /// Reports of concern received.
    pub reports: u64,
    /// Cases closed (screened out or decided).
    pub closed: u64,
    /// Cases open at the end, counted where they are.
    pub open_at_end: u64,
    /// Open cases found in more than one place at the end (always 0).
    pub found_twice: u64,
    /// Employees at the start.
    pub employees_at_start: u64,
    /// Employees at the end.
    pub employees_at_end: u64,
    /// Hires.
    pub hires: u64,
    /// Separations.
    pub separations: u64,
    /// Worker hours available (contract and overtime on worked days).
    pub hours_available: f64,
    /// Worker hours accounted for in some category (idle included).
    pub hours_accounted: f64,
    /// Worker-days on which some time category came out negative (a
    /// bookkeeping error; always 0).
    pub negative_hours: u64,
    /// The cross-agency pathway's totals.
    pub pathway: PathwayLedger,
}

/// Logarithms of the relative risks, taken once per run rather than per
/// person and day.
struct LogRisks {
    sick_stress: f64,
    sick_exhaustion: f64,
    quit_stress: f64,
    quit_support: f64,
    quit_newcomer: f64,
}

/// The personal tendency to intervene of the person who starts in position
/// `i`: the `generation`-th employee, or the consultant who covers after
/// them. One standard-normal value from a stream of its own, so that the
/// n-th person in a position has the same tendency in every arm.
fn draw_tendency(seed: u64, i: usize, generation: u32, consultant: bool) -> f64 {
    let index = (i as u64) << 33 | u64::from(generation) << 1 | u64::from(consultant);
    let u: f64 = stream(seed, Purpose::Tendency, index).r#gen();
    rules::normal_quantile(u.clamp(1e-12, 1.0 - 1e-12))
}

impl LogRisks {
    fn new(p: &Params) -> Self {
        LogRisks {
            sick_stress: p.sickness.stress_relative_risk.ln(),
            sick_exhaustion: p.sickness.exhaustion_relative_risk.ln(),
            quit_stress: p.turnover.stress_relative_risk.ln(),
            quit_support: p.turnover.support_relative_risk.ln(),
            quit_newcomer: p.turnover.newcomer_factor.ln(),
        }
    }
}

/// One run's world.
pub(crate) struct World<'a> {
    params: Params,
    /// The replication's seed, for streams started during the run.
    seed: u64,
    arm: &'a Arm,
    horizon: u32,
    /// First day of the first month after warm-up: outcomes count from here.
    outcome_start: u32,
    day: u32,
    /// Rules added by the control spiral: documentation and reporting are
    /// multiplied by `1 + rules_extra`.
    rules_extra: f64,
    log_risk: LogRisks,
    vacations: VacationCalendar,
    standard_rates: rules::StandardRates,
    finished_scratch: Vec<u32>,
    present_scratch: Vec<usize>,
    load_scratch: Vec<(usize, usize)>,
    /// Who can take cases today (`available`), set once per workday in
    /// `staff_transitions` as each position's day settles; it cannot change
    /// during the managers' and workers' days.
    available_today: Vec<bool>,
    /// The documentation factors of decisions by documentation level, a
    /// small direct-mapped memo: (level, benefit, alignment as bits; error
    /// factor, spread factor). Cases started on the same day share a level
    /// (it changes daily under control), so most decisions reuse the two
    /// powers; a collision only costs them again.
    documentation_factors: Vec<([u64; 3], f64, f64)>,
    handover_scratch: Vec<u32>,
    cases: Vec<Case>,
    free_cases: Vec<u32>,
    open_cases: u64,
    positions: Vec<Position>,
    units: Vec<Unit>,
    demand_rng: Rng,
    consequences: BinaryHeap<Reverse<Consequence>>,
    consequence_seq: u64,
    scandal_days: VecDeque<u32>,
    event_fired: Vec<bool>,
    regime_switches: u32,
    month: Tally,
    run: Tally,
    investigation_days: DayHistogram,
    series: Vec<SeriesValues>,
    /// The calendar year in progress (warm-up included), and its
    /// investigation times and the regime switches before it, for the
    /// outcomes year by year.
    year: Tally,
    year_investigation_days: DayHistogram,
    switches_before_year: u32,
    yearly: Vec<OutcomeValues>,
    ledger: Ledger,
    pathway: Pathway,
}

/// Months are twelfths of the 365-day year.
fn month_of(day: u32) -> u32 {
    day * 12 / DAYS_PER_YEAR
}

/// First day of month `m`.
fn month_start(m: u32) -> u32 {
    (m * DAYS_PER_YEAR).div_ceil(12)
}

/// First day of the first month that starts on or after `day`.
fn first_month_start_from(day: u32) -> u32 {
    month_start(month_of(day) + u32::from(month_start(month_of(day)) < day))
}

/// A working day of the organisation: Monday to Friday (day 0 is a Monday),
/// or more days when `organisation.workdays_per_week` says so.
pub(super) fn is_workday(day: u32, workdays_per_week: u32) -> bool {
    day % 7 < workdays_per_week
}

/// Vacation calendar of a person: up to four weeks in summer, starting in
/// one of five staggered weeks (from week 26), and the rest at year end.
fn on_vacation(stagger: usize, day: u32, vacation_days: u32) -> bool {
    let doy = day % DAYS_PER_YEAR;
    let summer_days = vacation_days.min(20);
    let summer_start = (26 + (stagger % 5) as u32) * 7;
    let summer_len = summer_days / 5 * 7 + summer_days % 5;
    let rest = vacation_days - summer_days;
    let winter_len = rest / 5 * 7 + rest % 5;
    (doy >= summer_start && doy < summer_start + summer_len) || doy >= DAYS_PER_YEAR - winter_len
}

/// Slots of the memo of decisions' documentation factors: more than the
/// days a case usually stays open.
const DOCUMENTATION_MEMO: usize = 256;

/// The vacation calendar of case workers, tabulated once per run: a
/// person's vacation depends only on their stagger (one of five) and the day
/// of the year, and it is asked for several times per person and day.
struct VacationCalendar {
    /// By day of the year, then by stagger: a day's row is read once for a
    /// pass over every position.
    by_day: Vec<[bool; 5]>,
}

impl VacationCalendar {
    fn new(vacation_days: u32) -> Self {
        let by_day = (0..DAYS_PER_YEAR)
            .map(|d| std::array::from_fn(|stagger| on_vacation(stagger, d, vacation_days)))
            .collect();
        VacationCalendar { by_day }
    }

    /// Who is on vacation on `day`, by stagger (`i % 5` for position `i`).
    fn day(&self, day: u32) -> [bool; 5] {
        self.by_day[(day % DAYS_PER_YEAR) as usize]
    }

    /// Whether position `i` is on vacation on `day`.
    fn on(&self, i: usize, day: u32) -> bool {
        self.day(day)[i % 5]
    }
}

/// A unit manager's vacation: four summer weeks, staggered by unit (acting
/// cover at the new year is not modelled).
fn manager_on_vacation(unit: usize, day: u32, vacation_days: u32) -> bool {
    on_vacation(unit + 2, day, vacation_days.min(20))
}

/// First day at or after `day` that a person with this stagger is back from vacation.
fn vacation_end(stagger: usize, day: u32, vacation_days: u32) -> u32 {
    let mut d = day;
    while on_vacation(stagger, d, vacation_days) && d < day + 60 {
        d += 1;
    }
    d
}

impl<'a> World<'a> {
    /// Builds the world at day 0 of replication `rep`.
    pub(crate) fn new(scenario: &Scenario, arm: &'a Arm, rep: u32) -> World<'a> {
        let params = arm.params.clone();
        let seed = replication_seed(scenario.seed, rep);
        let org = &params.organisation;
        let mut initial = stream(seed, Purpose::Initial, 0);
        let mut positions = Vec::with_capacity(params.positions());
        let mut units = Vec::with_capacity(org.units as usize);
        for u in 0..org.units {
            let first = positions.len();
            for _ in 0..org.workers_per_unit {
                let index = positions.len() as u64;
                let tenure_years = rules::exponential_from_uniform(
                    initial.r#gen::<f64>(),
                    org.initial_mean_tenure_years.max(1e-6),
                );
                let worked = tenure_years * rules::WORKDAYS_PER_YEAR;
                positions.push(Position {
                    unit: u,
                    occupant: Occupant::Employee,
                    generation: 0,
                    hired_day: -tenure_years * f64::from(DAYS_PER_YEAR),
                    experience: 1.0 - (-worked / params.work.learning_days).exp(),
                    stress: 1.0,
                    exhaustion: 0.0,
                    responsibility: 0.0,
                    blame: 0.0,
                    standard: 1.0,
                    sick_until: 0,
                    sick_start: 0,
                    partial_until: 0,
                    leaving_day: NEVER,
                    consultant_after: false,
                    items: Vec::new(),
                    followup_ends: Vec::new(),
                    followup_owed: 0.0,
                    oversight_owed: 0.0,
                    coaching_today: 0.0,
                    coaching_week: params.steering.coaching_hours,
                    strain_today: None,
                    tendency: draw_tendency(seed, index as usize, 0, false),
                    rng: stream(seed, Purpose::Position, index),
                });
            }
            units.push(Unit {
                manager: Manager {
                    employed: true,
                    vacant_until: 0,
                    generation: 0,
                    stress: 1.0,
                    exhaustion: 0.0,
                    blame: 0.0,
                    sick_start: 0,
                    sick_until: 0,
                    approvals: VecDeque::new(),
                    oversight_owed: 0.0,
                    rehab_owed: 0.0,
                    strain_today: None,
                    rng: stream(seed, Purpose::Manager, u64::from(u)),
                },
                first,
                len: positions.len() - first,
                unallocated: VecDeque::new(),
                separation_rate: 0.0,
            });
        }
        let ledger = Ledger {
            employees_at_start: positions.len() as u64,
            ..Ledger::default()
        };
        World {
            seed,
            arm,
            horizon: scenario.horizon_days,
            outcome_start: first_month_start_from(scenario.warmup_days),
            day: 0,
            rules_extra: 0.0,
            log_risk: LogRisks::new(&params),
            vacations: VacationCalendar::new(params.organisation.vacation_days),
            standard_rates: rules::StandardRates::new(&params.work),
            finished_scratch: Vec::new(),
            present_scratch: Vec::new(),
            load_scratch: Vec::new(),
            available_today: Vec::new(),
            documentation_factors: vec![([u64::MAX; 3], 0.0, 0.0); DOCUMENTATION_MEMO],
            handover_scratch: Vec::new(),
            cases: Vec::new(),
            free_cases: Vec::new(),
            open_cases: 0,
            positions,
            units,
            demand_rng: stream(seed, Purpose::Demand, 0),
            consequences: BinaryHeap::new(),
            consequence_seq: 0,
            scandal_days: VecDeque::new(),
            event_fired: vec![false; arm.events.len()],
            regime_switches: 0,
            month: Tally::default(),
            run: Tally::default(),
            investigation_days: DayHistogram::new(3 * DAYS_PER_YEAR as usize),
            year: Tally::default(),
            year_investigation_days: DayHistogram::new(3 * DAYS_PER_YEAR as usize),
            switches_before_year: 0,
            yearly: Vec::new(),
            series: Vec::new(),
            ledger,
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
        self.ledger.employees_at_end =
            self.positions.iter().filter(|p| p.employed()).count() as u64;
        let outcomes = self.run.outcomes(
            &self.investigation_days,
            self.pathway.first_help_p90(),
            self.documentation_intensity(),
            self.regime_switches,
        );
        self.ledger.pathway = self.pathway.finish();
        (
            crate::engine::RunOutput {
                outcomes,
                series: self.series,
                yearly: self.yearly,
            },
            self.ledger,
        )
    }

    /// Counts the open cases where they actually are (unit queues, workers'
    /// caseloads, managers' approval queues), and any found in two places, so
    /// that conservation is checked against where cases are, not against a
    /// counter.
    fn locate_open_cases(&mut self) {
        let mut located: Vec<u32> = self
            .units
            .iter()
            .flat_map(|u| u.unallocated.iter().chain(&u.manager.approvals))
            .chain(self.positions.iter().flat_map(|p| &p.items))
            .copied()
            .collect();
        let found = located.len();
        located.sort_unstable();
        located.dedup();
        self.ledger.open_at_end = located.len() as u64;
        self.ledger.found_twice = (found - located.len()) as u64;
    }

    fn rules_factor(&self) -> f64 {
        1.0 + self.rules_extra
    }

    /// Documentation intensity in force: the lever times the rules added.
    fn documentation_intensity(&self) -> f64 {
        (self.params.steering.documentation_intensity * self.rules_factor()).min(5.0)
    }

    /// One calendar day.
    fn step(&mut self) {
        let day = self.day;
        self.fire_scheduled_events();
        self.arrivals();
        self.surface_consequences();
        self.staff_transitions();
        let workday = is_workday(day, self.params.organisation.workdays_per_week);
        self.pathway.day(
            day,
            workday,
            day >= self.outcome_start,
            &self.params,
            &mut self.month,
        );
        if workday {
            for u in 0..self.units.len() {
                self.manager_day(u);
            }
            for i in 0..self.positions.len() {
                self.work_day(i);
            }
        }
        self.update_people();
        self.steering_chain();
        self.end_of_day();
        self.day += 1;
    }

    // ---- 1. Steering events -------------------------------------------------

    /// Puts event `i`'s levers in force, once.
    fn fire(&mut self, i: usize) {
        if !self.event_fired[i] {
            self.event_fired[i] = true;
            self.params.steering = self.arm.events[i].steering.clone();
            self.regime_switches += 1;
        }
    }

    fn fire_scheduled_events(&mut self) {
        for i in 0..self.arm.events.len() {
            if self.arm.events[i].trigger == Trigger::AtDay(self.day) {
                self.fire(i);
            }
        }
    }

    fn check_political_events(&mut self) {
        for i in 0..self.arm.events.len() {
            if let Trigger::Scandals { count, window_days } = self.arm.events[i].trigger {
                let recent = self
                    .scandal_days
                    .iter()
                    .filter(|&&d| d + window_days > self.day)
                    .count();
                if recent >= count as usize {
                    self.fire(i);
                }
            }
        }
    }

    // ---- 2. Demand ----------------------------------------------------------

    fn arrivals(&mut self) {
        let d = &self.params.demand;
        let years = f64::from(self.day) / f64::from(DAYS_PER_YEAR);
        let phase = 2.0 * std::f64::consts::PI * (f64::from(self.day % DAYS_PER_YEAR) / 365.0);
        // Fewest reports in July (day ~196), most in January.
        let july = 2.0 * std::f64::consts::PI * 196.0 / 365.0;
        let season = 1.0 - d.seasonality * (phase - july).cos();
        let rate = d.reports_per_position_year * self.params.positions() as f64
            / f64::from(DAYS_PER_YEAR)
            * (1.0 + d.trend_per_year).max(0.0).powf(years)
            * season.max(0.0);
        let n = if rate > 0.0 {
            Poisson::new(rate).map_or(0, |p| p.sample(&mut self.demand_rng) as u64)
        } else {
            0
        };
        let k = d.severity_concentration;
        let beta = rand_distr::Beta::new(d.severity_mean * k, (1.0 - d.severity_mean) * k).ok();
        // Work requirement: Gamma with mean 1 and the given coefficient of
        // variation (cv 1 is exponential, as queueing theory assumes).
        let cv2 = d.complexity_cv * d.complexity_cv;
        let complexity = (cv2 > 0.0)
            .then(|| rand_distr::Gamma::new(1.0 / cv2, cv2).ok())
            .flatten();
        for _ in 0..n {
            let unit = self.demand_rng.gen_range(0..self.units.len()) as u32;
            let severity = beta
                .as_ref()
                .map_or(d.severity_mean, |b| b.sample(&mut self.demand_rng));
            let need_p = d.need_at_low_severity
                + (d.need_at_high_severity - d.need_at_low_severity) * severity;
            let need = self.demand_rng.r#gen::<f64>() < need_p;
            let complexity = complexity
                .as_ref()
                .map_or(1.0, |g| g.sample(&mut self.demand_rng));
            let draws = CaseDraws {
                screen: self.demand_rng.r#gen(),
                decide: self.demand_rng.r#gen(),
                catch: self.demand_rng.r#gen(),
                consequence: self.demand_rng.r#gen(),
                delay: self.demand_rng.r#gen(),
                scandal: self.demand_rng.r#gen(),
            };
            let child = self
                .pathway
                .on_report(self.day, unit, &self.params, &mut self.month)
                .unwrap_or(NOBODY);
            let case = Case {
                arrival: self.day,
                unit,
                severity,
                need,
                complexity,
                draws,
                stage: Stage::Unallocated,
                worker: NOBODY,
                stage_start: self.day,
                deadline: self.day + self.params.work.assessment_deadline_days,
                remaining: 0.0,
                standard_hours: 0.0,
                effort: 0.0,
                direct_share: 0.0,
                travel_share: 0.0,
                documentation: 1.0,
                wrong: false,
                approval_since: NEVER,
                decider_generation: 0,
                child,
            };
            let id = match self.free_cases.pop() {
                Some(id) => {
                    self.cases[id as usize] = case;
                    id
                }
                None => {
                    self.cases.push(case);
                    (self.cases.len() - 1) as u32
                }
            };
            self.units[unit as usize].unallocated.push_back(id);
            self.open_cases += 1;
            self.ledger.reports += 1;
            self.month.reports += 1.0;
        }
        self.pathway
            .school_concerns(self.day, season, &self.params, &mut self.month);
    }

    // ---- 3. Consequences ----------------------------------------------------

    fn surface_consequences(&mut self) {
        while let Some(Reverse(c)) = self.consequences.peek().copied() {
            if c.day > self.day {
                break;
            }
            self.consequences.pop();
            let blame_base =
                self.params.consequences.blame_shock * self.params.steering.blame_culture;
            let (blame, worker_hours, manager_hours) = match c.kind {
                ConsequenceKind::Complaint => {
                    self.month.complaints += 1.0;
                    (
                        self.params.consequences.complaint_blame_share * blame_base,
                        self.params.consequences.complaint_hours,
                        0.0,
                    )
                }
                ConsequenceKind::SeriousEvent { scandal } => {
                    self.month.serious_events += 1.0;
                    if scandal {
                        self.month.scandals += 1.0;
                        self.scandal_days.push_back(self.day);
                        // Per scandal, scaled to a department of the reference
                        // size: the yearly ratchet follows the scandal rate per
                        // position, not the size of the department.
                        self.rules_extra += self.params.steering.control_ratchet
                            * RATCHET_REFERENCE_POSITIONS
                            / self.params.positions() as f64;
                    }
                    (
                        blame_base,
                        self.params.consequences.inspection_hours_worker,
                        self.params.consequences.inspection_hours_manager,
                    )
                }
            };
            let manager_share = if c.approved {
                self.params.consequences.approval_blame_share
            } else {
                0.0
            };
            let pos = &mut self.positions[c.position as usize];
            if pos.employed() && pos.generation == c.generation {
                pos.blame += blame * (1.0 - manager_share);
                pos.oversight_owed += worker_hours;
            } else {
                // The decision maker has left: their blame goes with them, and
                // the unit's manager answers the inspection.
                self.units[c.unit as usize].manager.oversight_owed += worker_hours;
            }
            let manager = &mut self.units[c.unit as usize].manager;
            manager.oversight_owed += manager_hours;
            if manager.employed && manager.generation == c.manager_generation {
                manager.blame += blame * manager_share;
            }
        }
        while self
            .scandal_days
            .front()
            .is_some_and(|&d| d + SCANDAL_MEMORY_DAYS < self.day)
        {
            self.scandal_days.pop_front();
        }
        self.check_political_events();
    }

    fn schedule(&mut self, delay: f64, kind: ConsequenceKind, case: &Case, approved: bool) {
        self.consequence_seq += 1;
        self.consequences.push(Reverse(Consequence {
            day: self.day + delay.ceil().min(f64::from(u32::MAX / 2)) as u32,
            seq: self.consequence_seq,
            kind,
            position: case.worker,
            generation: case.decider_generation,
            unit: case.unit,
            manager_generation: self.units[case.unit as usize].manager.generation,
            approved,
        }));
    }

    // ---- 4. Staff -----------------------------------------------------------

    fn staff_transitions(&mut self) {
        let day = self.day;
        let weekday = is_workday(day, self.params.organisation.workdays_per_week);
        let vacation_days = self.params.organisation.vacation_days;
        let on_vacation_today = self.vacations.day(day);
        let on_vacation_yesterday = self.vacations.day(day.wrapping_sub(1));
        let mut available = std::mem::take(&mut self.available_today);
        available.clear();
        for i in 0..self.positions.len() {
            'position: {
                // Draws first, the same number every weekday whatever the state.
                let u: [f64; 4] = if weekday {
                    let rng = &mut self.positions[i].rng;
                    [rng.r#gen(), rng.r#gen(), rng.r#gen(), rng.r#gen()]
                } else {
                    [1.0; 4]
                };
                match self.positions[i].occupant {
                    Occupant::Vacant { until } | Occupant::Consultant { until } if day >= until => {
                        self.hire(i);
                    }
                    Occupant::Vacant { .. } | Occupant::Consultant { .. } => {}
                    Occupant::Employee => {
                        if self.positions[i].leaving_day <= day {
                            self.separate(i);
                            break 'position;
                        }
                        let pos = &mut self.positions[i];
                        // Back from a long spell: reduced hours, and rehabilitation work
                        // for the manager.
                        if pos.sick_until == day
                            && pos.sick_until > 0
                            && day - pos.sick_start > LONG_SPELL_DAYS
                        {
                            pos.partial_until = day + self.params.work.partial_return_days;
                            let unit = pos.unit as usize;
                            self.units[unit].manager.rehab_owed +=
                                self.params.managers.rehabilitation_hours;
                        }
                        let vacation = on_vacation_today[i % 5];
                        if vacation && (day == 0 || !on_vacation_yesterday[i % 5]) {
                            let back = vacation_end(i, day, vacation_days);
                            self.reassign(i, back);
                        }
                        if weekday && !vacation {
                            if self.positions[i].sick(day) {
                                // A worker on sick leave may resign too (many
                                // long spells end in a move to another job).
                                self.quit_decision(i, u);
                            } else {
                                self.sickness_and_quits(i, u);
                            }
                        }
                    }
                }
            }
            // Position `i`'s day is settled: whether it can take cases today,
            // as `available` says, with the day's vacation row read once.
            if weekday {
                let p = &self.positions[i];
                available.push(match p.occupant {
                    Occupant::Vacant { .. } => false,
                    Occupant::Consultant { .. } => true,
                    Occupant::Employee => {
                        !p.sick(day) && !on_vacation_today[i % 5] && p.leaving_day > day
                    }
                });
            }
        }
        self.available_today = available;
        for u in 0..self.units.len() {
            self.manager_transitions(u);
        }
    }

    fn sickness_and_quits(&mut self, i: usize, u: [f64; 4]) {
        let day = self.day;
        let s = &self.params.sickness;
        let pos = &self.positions[i];
        let short = s.short_spells_per_year / rules::WORKDAYS_PER_YEAR;
        let r = &self.log_risk;
        let long = rules::daily_hazard(
            s.long_spells_per_year,
            r.sick_stress * (pos.stress - 1.0) + r.sick_exhaustion * pos.exhaustion,
        );
        let spell = if u[0] < short {
            let p = 1.0 / s.short_spell_mean_days;
            Some(
                ((1.0 - u[3]).max(1e-300).ln() / (1.0 - p).max(1e-12).ln())
                    .ceil()
                    .clamp(1.0, 14.0) as u32,
            )
        } else if u[1] < long {
            let mean = if pos.exhaustion > 1.0 {
                s.exhaustion_spell_days
            } else {
                s.long_spell_mean_days
            };
            Some(long_spell_days(u[3], mean, s))
        } else {
            None
        };
        if let Some(len) = spell {
            let reassign_after = self.params.sickness.reassign_after_days;
            let pos = &mut self.positions[i];
            pos.sick_start = day;
            pos.sick_until = day + len;
            if len > LONG_SPELL_DAYS {
                self.month.long_spells += 1.0;
            }
            if len >= reassign_after {
                let back = if len > self.params.sickness.reassign_all_after_days {
                    NEVER
                } else {
                    day + len
                };
                self.reassign(i, back);
            }
            return;
        }
        self.quit_decision(i, u);
    }

    /// Whether worker `i` resigns today (`u[2]`), and if so whether a
    /// consultant will cover the vacancy (`u[3]`).
    fn quit_decision(&mut self, i: usize, u: [f64; 4]) {
        let day = self.day;
        let t = &self.params.turnover;
        let pos = &self.positions[i];
        if pos.leaving_day == NEVER {
            let tenure_years = (f64::from(day) - pos.hired_day) / f64::from(DAYS_PER_YEAR);
            let support = self.support_of(i);
            let r = &self.log_risk;
            let newcomer = if tenure_years < 2.0 {
                r.quit_newcomer
            } else {
                0.0
            };
            let hazard = rules::daily_hazard(
                t.quits_per_year,
                r.quit_stress * (pos.stress - 1.0) + r.quit_support * (support - 0.5) + newcomer,
            );
            if u[2] < hazard {
                let pos = &mut self.positions[i];
                pos.leaving_day = day + t.notice_days;
                // Whether a consultant will cover the vacancy is settled now,
                // on a weekday draw, whatever day the worker leaves.
                pos.consultant_after = u[3] < t.consultant_cover;
            }
        }
    }

    fn separate(&mut self, i: usize) {
        let day = self.day;
        self.reassign(i, NEVER);
        let unit = self.positions[i].unit as usize;
        let len = self.units[unit].len as f64;
        self.units[unit].separation_rate += 1.0 / len;
        let t = &self.params.turnover;
        let until = day + t.recruitment_days;
        let pos = &mut self.positions[i];
        pos.occupant = if pos.consultant_after {
            Occupant::Consultant { until }
        } else {
            Occupant::Vacant { until }
        };
        if pos.consultant_after {
            pos.tendency = draw_tendency(self.seed, i, pos.generation, true);
        }
        // The leaver's eroded standard goes with them: a consultant works to
        // the full standard (and never adjusts it), a new hire starts at it.
        pos.standard = 1.0;
        pos.leaving_day = NEVER;
        pos.sick_until = 0;
        pos.partial_until = 0;
        pos.blame = 0.0;
        pos.responsibility = 0.0;
        self.ledger.separations += 1;
        self.month.separations += 1.0;
    }

    fn hire(&mut self, i: usize) {
        let day = self.day;
        let pos = &mut self.positions[i];
        // A consultant's cases stay with the position and pass to the new hire.
        pos.occupant = Occupant::Employee;
        pos.generation += 1;
        pos.hired_day = f64::from(day);
        pos.experience = 0.0;
        pos.stress = NEW_HIRE_STRESS;
        pos.exhaustion = 0.0;
        pos.responsibility = 0.0;
        pos.blame = 0.0;
        pos.standard = 1.0;
        pos.coaching_week = 0.0;
        pos.tendency = draw_tendency(self.seed, i, pos.generation, false);
        self.ledger.hires += 1;
        // A hire who starts inside their vacation weeks hands on what is urgent.
        let vacation_days = self.params.organisation.vacation_days;
        if self.vacations.on(i, day) {
            let back = vacation_end(i, day, vacation_days);
            self.reassign(i, back);
        }
        self.month.cost_ksek += self.params.costs.recruitment_ksek;
    }

    fn manager_transitions(&mut self, u: usize) {
        let day = self.day;
        let weekday = is_workday(day, self.params.organisation.workdays_per_week);
        let s = &self.params.sickness;
        let m = &self.params.managers;
        let manager = &mut self.units[u].manager;
        let draws: [f64; 3] = if weekday {
            [
                manager.rng.r#gen(),
                manager.rng.r#gen(),
                manager.rng.r#gen(),
            ]
        } else {
            [1.0; 3]
        };
        if !manager.employed {
            if day >= manager.vacant_until {
                manager.employed = true;
                manager.generation += 1;
                manager.stress = NEW_HIRE_STRESS;
                manager.exhaustion = 0.0;
                manager.blame = 0.0;
                self.month.cost_ksek += self.params.costs.recruitment_ksek;
            }
            return;
        }
        if !weekday || day < manager.sick_until {
            return;
        }
        let r = &self.log_risk;
        let long = rules::daily_hazard(
            s.long_spells_per_year,
            r.sick_stress * (manager.stress - 1.0) + r.sick_exhaustion * manager.exhaustion,
        );
        let quit = rules::daily_hazard(m.quits_per_year, r.quit_stress * (manager.stress - 1.0));
        if draws[0] < long {
            let len = long_spell_days(draws[2], s.long_spell_mean_days, s);
            manager.sick_start = day;
            manager.sick_until = day + len;
        } else if draws[1] < quit {
            manager.employed = false;
            manager.vacant_until = day + m.recruitment_days;
            self.month.manager_separations += 1.0;
        }
    }

    /// Hands a worker's cases with a deadline before `back` to present
    /// colleagues in the unit (all cases, and follow-ups, when `back` is
    /// `NEVER`); cases no colleague can take go back to the unit's queue.
    fn reassign(&mut self, i: usize, back: u32) {
        let day = self.day;
        let unit = self.positions[i].unit as usize;
        // The cases to hand over, in a buffer kept across days.
        let mut handover = std::mem::take(&mut self.handover_scratch);
        handover.clear();
        let cases = &self.cases;
        self.positions[i].items.retain(|&id| {
            let keep = back != NEVER && cases[id as usize].deadline >= back;
            if !keep {
                handover.push(id);
            }
            keep
        });
        // Latest deadline first, so that cases pushed back to the front of the
        // unit's queue end up there in deadline order.
        for &id in handover.iter().rev() {
            let (first, len) = (self.units[unit].first, self.units[unit].len);
            let taker = (first..first + len)
                .filter(|&j| j != i && self.available(j, day))
                .min_by_key(|&j| (self.positions[j].items.len(), j));
            match taker {
                Some(j) => {
                    self.cases[id as usize].worker = j as u32;
                    self.insert_item(j, id);
                }
                None => {
                    let case = &mut self.cases[id as usize];
                    case.worker = NOBODY;
                    if case.stage == Stage::Assessment && case.effort == 0.0 {
                        case.stage = Stage::Unallocated;
                    }
                    self.units[unit].unallocated.push_front(id);
                }
            }
        }
        self.handover_scratch = handover;
        if back == NEVER {
            let ends = std::mem::take(&mut self.positions[i].followup_ends);
            let owed = std::mem::replace(&mut self.positions[i].followup_owed, 0.0);
            let oversight = std::mem::replace(&mut self.positions[i].oversight_owed, 0.0);
            match self.followup_colleague(i) {
                Some(j) => {
                    self.positions[j].followup_ends.extend(ends);
                    self.positions[j].followup_owed += owed;
                }
                // Nobody else in the unit: the follow-ups wait for a successor.
                None => {
                    self.positions[i].followup_ends = ends;
                    self.positions[i].followup_owed = owed;
                }
            }
            self.units[unit].manager.oversight_owed += oversight;
        }
    }

    /// The colleague of `i` who takes over follow-ups: the one with the
    /// fewest who is at work today, else anyone filled; `None` if the unit
    /// has nobody else.
    fn followup_colleague(&self, i: usize) -> Option<usize> {
        let unit = &self.units[self.positions[i].unit as usize];
        let colleagues = (unit.first..unit.first + unit.len).filter(|&j| j != i);
        colleagues
            .clone()
            .filter(|&j| self.available(j, self.day))
            .min_by_key(|&j| (self.positions[j].followup_ends.len(), j))
            .or_else(|| colleagues.clone().find(|&j| self.positions[j].filled()))
    }

    /// Can position `j` take cases today?
    fn available(&self, j: usize, day: u32) -> bool {
        let p = &self.positions[j];
        match p.occupant {
            Occupant::Vacant { .. } => false,
            Occupant::Consultant { .. } => true,
            Occupant::Employee => !p.sick(day) && !self.vacations.on(j, day) && p.leaving_day > day,
        }
    }

    fn insert_item(&mut self, j: usize, id: u32) {
        // Priority: earliest deadline, then most severe, then first come.
        let key = |c: &Case| {
            (
                c.deadline,
                std::cmp::Reverse(c.severity.to_bits()),
                c.arrival,
            )
        };
        let k = key(&self.cases[id as usize]);
        let cases = &self.cases;
        let items = &mut self.positions[j].items;
        let at = items.partition_point(|&x| key(&cases[x as usize]) <= k);
        items.insert(at, id);
    }

    // ---- 6. Managers --------------------------------------------------------

    fn manager_day(&mut self, u: usize) {
        let day = self.day;
        let vacation_days = self.params.organisation.vacation_days;
        let m = self.params.managers.clone();
        let st = self.params.steering.clone();
        let rules_factor = self.rules_factor();
        let (first, len) = (self.units[u].first, self.units[u].len);
        // A buffer kept across days: no allocation per unit and day.
        let mut present = std::mem::take(&mut self.present_scratch);
        present.clear();
        present.extend((first..first + len).filter(|&j| self.available_today[j]));
        let manager = &self.units[u].manager;
        let manager_present = manager.employed
            && day >= manager.sick_until
            && !manager_on_vacation(u, day, vacation_days);
        let contract = m.hours_per_day;
        let own_hours = if manager_present {
            contract
        } else {
            m.acting_cover * contract
        };

        // Allocation comes first: reports must reach a worker.
        let mut allocated = 0.0;
        let cap = self.params.steering.caseload_cap as usize;
        if !self.units[u].unallocated.is_empty() {
            // Each report goes to the present worker with the fewest cases
            // (then the lowest index) under the cap. Their caseload sizes are
            // read once into a short list kept up to date, not looked up in
            // every position for every report.
            let mut loads = std::mem::take(&mut self.load_scratch);
            loads.clear();
            loads.extend(
                present
                    .iter()
                    .map(|&j| (self.positions[j].items.len(), j))
                    .filter(|&(n, _)| cap == 0 || n < cap),
            );
            while let Some(&id) = self.units[u].unallocated.front() {
                // Keys are unique (the index breaks ties): the order of
                // `loads` does not matter.
                let Some(k) = (0..loads.len()).min_by_key(|&k| loads[k]) else {
                    break;
                };
                let j = loads[k].1;
                self.units[u].unallocated.pop_front();
                self.allocate(id, j, 0.0);
                allocated += m.allocation_hours;
                loads[k].0 += 1;
                if cap != 0 && loads[k].0 >= cap {
                    loads.swap_remove(k);
                }
            }
            self.load_scratch = loads;
        }

        let vacancies = (first..first + len)
            .filter(|&j| !self.positions[j].employed())
            .count() as f64;
        let manager = &mut self.units[u].manager;
        let workdays = f64::from(self.params.organisation.workdays_per_week);
        let reporting = st.manager_reporting_hours / workdays * rules_factor;
        let oversight = manager.oversight_owed.min(contract);
        let approvals_needed =
            manager.approvals.len() as f64 * self.params.decisions.approval_hours;
        let recruitment = vacancies * m.recruitment_hours_per_week / workdays;
        let rehab = manager.rehab_owed.min(m.rehabilitation_hours_per_day);
        let coaching_target = st.coaching_hours / workdays * present.len() as f64;
        let mandatory = allocated + reporting + oversight + approvals_needed + recruitment + rehab;
        let required = mandatory + coaching_target;
        let overtime = if manager_present {
            (mandatory - own_hours).clamp(0.0, m.overtime_max_share * contract)
        } else {
            0.0
        };
        // Allocation and reporting are done whatever it takes; inspections
        // as far as the hours go, the rest waits.
        let mut budget = own_hours + overtime - allocated - reporting;
        let oversight_done = oversight.min(budget.max(0.0));
        manager.oversight_owed -= oversight_done;
        budget -= oversight_done;
        // Approvals, first come first served, as far as the hours go.
        let approval_hours = self.params.decisions.approval_hours;
        let mut approvals = 0;
        while approvals < manager.approvals.len()
            && (budget >= approval_hours || approval_hours <= 0.0)
        {
            budget -= approval_hours;
            approvals += 1;
        }
        budget -= recruitment;
        let rehab_done = rehab.min(budget.max(0.0));
        manager.rehab_owed -= rehab_done;
        budget -= rehab_done;
        // Coaching is what gets cut when the manager is short of time.
        let coaching = coaching_target.min(budget.max(0.0));
        let strain = rules::strain(
            &StrainInputs {
                pressure: required / contract,
                blame: manager.blame,
                control: 0.5,
                support: 0.5,
                ..Default::default()
            },
            &self.params.stress,
        );
        manager.strain_today = manager_present.then_some(strain);
        let per_worker = if present.is_empty() {
            0.0
        } else {
            coaching / present.len() as f64
        };
        for &j in &present {
            self.positions[j].coaching_today = per_worker;
        }
        if manager_present {
            self.month.cost_ksek += overtime
                * self.overtime_hour_ksek(self.params.costs.manager_salary_ksek_month, contract);
        }
        self.present_scratch = present;
        for _ in 0..approvals {
            if let Some(id) = self.units[u].manager.approvals.pop_front() {
                self.approve(id);
            }
        }
    }

    /// Cost of one overtime hour [kSEK] for a monthly salary and daily hours.
    fn overtime_hour_ksek(&self, monthly: f64, hours_per_day: f64) -> f64 {
        let c = &self.params.costs;
        monthly * 12.0 / (WEEKDAYS_PER_YEAR * hours_per_day)
            * c.overtime_premium
            * (1.0 + c.payroll_overhead)
    }

    // ---- 7. Case work -------------------------------------------------------

    fn start_assessment(&mut self, id: u32) {
        let doc = self.documentation_intensity();
        let w = &self.params.work;
        let case = &mut self.cases[id as usize];
        case.stage = Stage::Assessment;
        // A third of an assessment is direct work, the rest documentation
        // scaled by the intensity.
        let direct = w.assessment_hours * case.complexity / 3.0;
        let documentation = 2.0 * w.assessment_hours * case.complexity / 3.0 * doc;
        set_stage_hours(case, direct, documentation, doc, w.travel_per_direct_hour);
    }

    fn start_investigation(&mut self, id: u32) {
        let doc = self.documentation_intensity();
        let w = &self.params.work;
        let day = self.day;
        let case = &mut self.cases[id as usize];
        let size =
            case.complexity * (1.0 + w.severity_work_weight * (case.severity - 0.5)).max(0.1);
        case.stage = Stage::Investigation;
        case.stage_start = day;
        case.deadline = day + w.investigation_deadline_days;
        set_stage_hours(
            case,
            w.investigation_direct_hours * size,
            w.investigation_documentation_hours * size * doc,
            doc,
            w.travel_per_direct_hour,
        );
        self.month.investigations_opened += 1.0;
    }

    fn work_day(&mut self, i: usize) {
        let day = self.day;
        if !self.available_today[i] {
            return;
        }
        // Borrowed, not cloned: `work_day` runs for every worker and day.
        let w = &self.params.work;
        let consultant = matches!(self.positions[i].occupant, Occupant::Consultant { .. });
        let rules_factor = self.rules_factor();
        let contract = self.params.organisation.contract_hours_per_day
            * if day < self.positions[i].partial_until {
                w.partial_return_share
            } else {
                1.0
            };
        let pos = &mut self.positions[i];
        let productivity = if consultant {
            1.0
        } else {
            rules::productivity(pos.experience, w)
        };
        let workdays = f64::from(self.params.organisation.workdays_per_week);
        let admin =
            (self.params.steering.worker_admin_hours / workdays * rules_factor).min(contract);
        let other = (w.other_hours_per_week / workdays).min(contract - admin);
        let admin_and_other = admin + other;
        let coaching = pos.coaching_today.min(contract - admin_and_other);
        pos.coaching_today = 0.0;
        pos.coaching_week += coaching;
        let case_capacity = contract - admin_and_other - coaching;
        let mut backlog = pos.followup_owed + pos.oversight_owed;
        let mut severity_sum = 0.0;
        for &id in &pos.items {
            let c = &self.cases[id as usize];
            backlog += c.remaining * pos.standard / productivity;
            severity_sum += c.severity;
        }
        let severity_load = if pos.items.is_empty() {
            0.0
        } else {
            severity_sum / pos.items.len() as f64
        };
        let pressure = rules::work_pressure(backlog, case_capacity, w);
        let time_factor = rules::time_factor(pressure, pos.standard, w);
        let mut overtime = rules::overtime_hours(pressure, contract, w);
        let mut total = contract + overtime;
        let mut left = total - admin_and_other - coaching;
        let oversight = pos.oversight_owed.min(left);
        pos.oversight_owed -= oversight;
        left -= oversight;
        let followup = pos.followup_owed.min(left);
        pos.followup_owed -= followup;
        left -= followup;
        // The unit's share of the cross-agency pathway: team meetings
        // (direct) and referrals (documentation).
        let (team, referrals) = self.pathway.social_work(pos.unit as usize, left);
        left -= team + referrals;
        let mut split = CaseHours {
            direct: followup * 0.5 + team,
            documentation: followup * 0.5 + referrals,
            travel: 0.0,
        };
        // A buffer kept across days: no allocation per worker and day.
        let mut finished = std::mem::take(&mut self.finished_scratch);
        let pace = Pace {
            hours_per_standard: time_factor / productivity,
            productivity,
            min_days: f64::from(w.investigation_min_days),
        };
        // Work through the caseload; a finished assessment becomes an
        // investigation at once, and a worker with hours left and room under
        // the cap takes the next report waiting in the unit.
        loop {
            finished.clear();
            self.work_items(i, &pace, &mut left, &mut split, &mut finished);
            for &id in &finished {
                self.finish_stage(i, id);
            }
            // Time of day, as a share of today's hours, for the wait measured.
            let pulled = left > 1e-9 && self.take_waiting_report(i, 1.0 - left / total);
            if left <= 1e-9 || (finished.is_empty() && !pulled) {
                break;
            }
        }
        self.finished_scratch = finished;
        let CaseHours {
            direct,
            documentation,
            travel,
        } = split;
        let pos = &mut self.positions[i];
        // Overtime nobody could use (paced investigations) is not worked.
        let unused = overtime.min(left);
        overtime -= unused;
        total -= unused;
        left -= unused;
        if !consultant {
            pos.standard = rules::adjust_standard(pos.standard, time_factor, &self.standard_rates);
            pos.experience = rules::learn(pos.experience, &self.params.work);
        }
        let control = rules::effective_control(
            self.params.steering.decision_latitude,
            admin / contract,
            &self.params.stress,
        );
        let support = self.support_of(i);
        let pos = &mut self.positions[i];
        if !consultant {
            self.month.pressure_sum += pressure;
        }
        pos.strain_today = (!consultant).then(|| {
            rules::strain(
                &StrainInputs {
                    pressure,
                    severity_load,
                    responsibility: rules::carried_responsibility(
                        pos.responsibility,
                        pos.coaching_week,
                        &self.params.stress,
                    ),
                    blame: pos.blame,
                    control,
                    support,
                },
                &self.params.stress,
            )
        });
        let t = &mut self.month;
        t.hours_worked += total;
        t.hours_contract += contract;
        t.hours_overtime += overtime;
        t.hours_admin += admin;
        t.hours_other += other;
        t.hours_coaching += coaching;
        if !consultant {
            t.coaching_received += coaching;
        }
        t.hours_oversight += oversight;
        t.hours_direct += direct;
        t.hours_documentation += documentation;
        t.hours_travel += travel;
        t.hours_idle += left;
        self.ledger.hours_available += total;
        let categories = [
            admin,
            other,
            coaching,
            oversight,
            direct,
            documentation,
            travel,
            left,
        ];
        if categories.iter().any(|&h| h < -1e-9) {
            self.ledger.negative_hours += 1;
        }
        self.ledger.hours_accounted +=
            admin + other + coaching + oversight + direct + documentation + travel + left;
        self.month.cost_ksek += overtime
            * self.overtime_hour_ksek(
                self.params.costs.worker_salary_ksek_month,
                self.params.organisation.contract_hours_per_day,
            );
    }

    /// One pass over worker `i`'s caseload in priority order, spending the
    /// hours `left`; cases whose stage is done are pushed to `finished`.
    fn work_items(
        &mut self,
        i: usize,
        pace: &Pace,
        left: &mut f64,
        split: &mut CaseHours,
        finished: &mut Vec<u32>,
    ) {
        let day = self.day;
        for &id in &self.positions[i].items {
            if *left <= 1e-9 {
                break;
            }
            let c = &mut self.cases[id as usize];
            if c.remaining <= 0.0 {
                continue;
            }
            // Investigations are paced over their shortest calendar time.
            let elapsed = f64::from(day - c.stage_start + 1);
            let case_min_days = pace.min_days * c.complexity;
            let workable = if c.stage == Stage::Investigation && elapsed < case_min_days {
                let allowed = c.standard_hours * elapsed / case_min_days;
                (allowed - (c.standard_hours - c.remaining)).clamp(0.0, c.remaining)
            } else {
                c.remaining
            };
            if workable <= 0.0 {
                continue;
            }
            let need = workable * pace.hours_per_standard;
            let spent = need.min(*left);
            *left -= spent;
            c.remaining -= if spent >= need {
                workable
            } else {
                spent / pace.hours_per_standard
            };
            // Guard against a crumb of a second left by rounding.
            if c.remaining < 1e-9 * c.standard_hours {
                c.remaining = 0.0;
            }
            c.effort += spent * pace.productivity;
            split.direct += spent * c.direct_share;
            split.travel += spent * c.travel_share;
            split.documentation += spent * (1.0 - c.direct_share - c.travel_share);
            if c.remaining <= 0.0 {
                finished.push(id);
            }
        }
    }

    /// Worker `i` takes the next report waiting in the unit's queue, if the
    /// caseload cap leaves room; returns whether one was taken.
    fn take_waiting_report(&mut self, i: usize, day_fraction: f64) -> bool {
        let cap = self.params.steering.caseload_cap as usize;
        if cap != 0 && self.positions[i].items.len() >= cap {
            return false;
        }
        let unit = self.positions[i].unit as usize;
        let Some(id) = self.units[unit].unallocated.pop_front() else {
            return false;
        };
        self.allocate(id, i, day_fraction);
        true
    }

    /// Gives case `id` to worker `j`, `day_fraction` into the working day,
    /// starting its assessment if it is new.
    fn allocate(&mut self, id: u32, j: usize, day_fraction: f64) {
        let day = self.day;
        let case = &mut self.cases[id as usize];
        case.worker = j as u32;
        if case.stage == Stage::Unallocated {
            self.month.allocations += 1.0;
            self.month.allocation_wait_sum += f64::from(day - case.arrival) + day_fraction;
            self.start_assessment(id);
        }
        self.insert_item(j, id);
    }

    fn support_of(&self, i: usize) -> f64 {
        let pos = &self.positions[i];
        let stability = 1.0 - self.units[pos.unit as usize].separation_rate;
        rules::support(stability, pos.coaching_week, &self.params.stress)
    }

    fn remove_item(&mut self, i: usize, id: u32) {
        let items = &mut self.positions[i].items;
        if let Some(at) = items.iter().position(|&x| x == id) {
            items.remove(at);
        }
    }

    /// How far worker `i`'s own tendency to intervene shifts a decision on
    /// case `id` [log-odds]: their tendency times the spread that latitude,
    /// approval, documentation, experience and coaching allow.
    fn tilt(&self, i: usize, id: u32, approved: bool, documentation_factor: f64) -> f64 {
        let pos = &self.positions[i];
        let coached = (pos.coaching_week / self.params.stress.coaching_reference_hours.max(1e-9))
            .clamp(0.0, 1.0);
        let spread = rules::threshold_spread_with(
            &SpreadInputs {
                latitude: self.params.steering.decision_latitude,
                approved,
                documentation: self.cases[id as usize].documentation,
                experience: if pos.employed() { pos.experience } else { 1.0 },
                coached,
            },
            &self.params.decisions,
            documentation_factor,
        );
        spread * pos.tendency
    }

    /// Relative error risk of a decision by worker `i` on case `id`.
    fn error_probability(&self, i: usize, id: u32, documentation_factor: f64) -> f64 {
        let pos = &self.positions[i];
        let case = &self.cases[id as usize];
        let consultant = !pos.employed();
        rules::error_probability_with(
            &DecisionInputs {
                experience: if consultant { 1.0 } else { pos.experience },
                rushed: case.standard_hours / case.effort.max(1e-9),
                stress: if consultant { 1.0 } else { pos.stress },
                support: self.support_of(i),
                documentation: case.documentation,
            },
            &self.params.decisions,
            documentation_factor,
        )
    }

    /// The documentation factors (error, spread) of a decision on a case
    /// documented at `level`: two `powf` only when the level changes.
    fn documentation_factors(&mut self, level: f64) -> (f64, f64) {
        let d = &self.params.decisions;
        let key = [
            level.to_bits(),
            d.documentation_benefit.to_bits(),
            d.documentation_alignment.to_bits(),
        ];
        let bits = key[0];
        let slot = ((bits ^ bits >> 29) as usize) % DOCUMENTATION_MEMO;
        let entry = &mut self.documentation_factors[slot];
        if entry.0 != key {
            *entry = (
                key,
                rules::documentation_error_factor(level, d),
                rules::documentation_spread_factor(level, d),
            );
        }
        (entry.1, entry.2)
    }

    fn finish_stage(&mut self, i: usize, id: u32) {
        let day = self.day;
        let (error_factor, spread_factor) =
            self.documentation_factors(self.cases[id as usize].documentation);
        let p_error = self.error_probability(i, id, error_factor);
        self.cases[id as usize].decider_generation = self.positions[i].generation;
        let case = &self.cases[id as usize];
        let (need, draws, severity) = (case.need, case.draws, case.severity);
        match case.stage {
            Stage::Assessment => {
                self.month.assessments_done += 1.0;
                if day - case.arrival > self.params.work.assessment_deadline_days {
                    self.month.assessments_overdue += 1.0;
                }
                let base = self.params.decisions.base_error_rate;
                let multiplier = if base > 0.0 { p_error / base } else { 1.0 };
                let p_norm = rules::screen_in_probability(need, multiplier, &self.params.decisions);
                // The worker's own threshold shifts the norm's probability.
                let p_in =
                    rules::tilted_probability(p_norm, self.tilt(i, id, false, spread_factor));
                self.month.decisions_judged += 1.0;
                self.month.inconsistency_sum += (p_in - p_norm).abs();
                let case = &self.cases[id as usize];
                if case.child != NOBODY {
                    self.pathway
                        .assessment_done(case.child, day, &self.params, &mut self.month);
                }
                if draws.screen < p_in {
                    self.remove_item(i, id);
                    self.start_investigation(id);
                    self.insert_item(i, id);
                } else {
                    self.remove_item(i, id);
                    self.cases[id as usize].wrong = need;
                    self.close(id, false);
                }
            }
            Stage::Investigation => {
                let needs_approval = severity >= self.params.steering.approval_threshold
                    && self.params.steering.approval_threshold < 1.0;
                // A worker who tends to intervene (tilt > 0) misses fewer
                // needs and intervenes more often without one:
                // P(miss) = sigmoid(logit(p) - tilt), P(unneeded) = sigmoid(logit(p) + tilt).
                let tilt = self.tilt(i, id, needs_approval, spread_factor);
                let p_wrong = rules::tilted_probability(p_error, if need { -tilt } else { tilt });
                self.month.decisions_judged += 1.0;
                self.month.inconsistency_sum += (p_wrong - p_error).abs();
                let wrong = draws.decide < p_wrong;
                self.remove_item(i, id);
                let case = &mut self.cases[id as usize];
                case.wrong = wrong;
                if needs_approval {
                    case.stage = Stage::Approval;
                    case.approval_since = day;
                    let unit = case.unit as usize;
                    self.units[unit].manager.approvals.push_back(id);
                } else {
                    self.decide(id, false);
                }
            }
            Stage::Unallocated | Stage::Approval => {}
        }
    }

    fn approve(&mut self, id: u32) {
        let catch_rate = self.params.decisions.approval_catch_rate;
        let case = &mut self.cases[id as usize];
        self.month.approvals += 1.0;
        self.month.approval_wait_sum += f64::from(self.day - case.approval_since);
        if case.wrong && case.draws.catch < catch_rate {
            case.wrong = false;
            self.month.errors_caught += 1.0;
        }
        self.decide(id, true);
    }

    /// The investigation's decision takes effect: intervention or not, the
    /// responsibility it brings, and the consequences of a wrong one.
    fn decide(&mut self, id: u32, approved: bool) {
        let day = self.day;
        let case = self.cases[id as usize].clone();
        let duration = day - case.stage_start;
        self.month.investigations_done += 1.0;
        self.month.investigation_days_sum += f64::from(duration);
        if duration > self.params.work.investigation_deadline_days {
            self.month.investigations_overdue += 1.0;
        }
        if day >= self.outcome_start {
            self.investigation_days.add(duration);
        }
        self.year_investigation_days.add(duration);
        let intervention = case.need != case.wrong;
        if intervention {
            self.month.interventions += 1.0;
        }
        let worker = case.worker as usize;
        // The responsibility stays with the employee who decided, if still here.
        let decider = &mut self.positions[worker];
        if decider.employed()
            && decider.generation == case.decider_generation
            && case.severity >= self.params.decisions.high_stakes_severity
        {
            let share = if approved {
                1.0 - self.params.consequences.approval_blame_share
            } else {
                1.0
            };
            decider.responsibility += case.severity * share;
        }
        // Follow-up goes with the position (a successor takes over the
        // caseload), or to a colleague when the position is empty.
        if intervention && self.params.work.followup_days > 0 {
            let end = day + self.params.work.followup_days;
            let taker = if self.positions[worker].filled() {
                Some(worker)
            } else {
                self.followup_colleague(worker)
            };
            // With nobody at all in the unit, the follow-up is not done.
            if let Some(j) = taker {
                self.positions[j].followup_ends.push(end);
            }
        }
        self.close(id, approved);
    }

    /// Closes a case: counts it and schedules what a wrong decision brings.
    fn close(&mut self, id: u32, approved: bool) {
        let day = self.day;
        let case = self.cases[id as usize].clone();
        self.month.cases_closed += 1.0;
        self.month.case_days_sum += f64::from(day - case.arrival);
        self.open_cases -= 1;
        self.ledger.closed += 1;
        if case.wrong {
            self.month.wrong_decisions += 1.0;
            let c = &self.params.consequences;
            if case.need {
                self.month.missed_needs += 1.0;
                if case.draws.consequence < c.serious_event_probability && case.worker != NOBODY {
                    let delay = rules::exponential_from_uniform(
                        case.draws.delay,
                        c.serious_event_delay_days,
                    );
                    let scandal = case.draws.scandal < c.scandal_probability;
                    self.schedule(
                        delay,
                        ConsequenceKind::SeriousEvent { scandal },
                        &case,
                        approved,
                    );
                }
            } else {
                self.month.unneeded_interventions += 1.0;
                if case.draws.consequence < c.complaint_probability && case.worker != NOBODY {
                    let delay =
                        rules::exponential_from_uniform(case.draws.delay, c.complaint_delay_days);
                    self.schedule(delay, ConsequenceKind::Complaint, &case, approved);
                }
            }
        }
        self.free_cases.push(id);
    }

    // ---- 8. People (after the work day) -------------------------------------

    fn update_people(&mut self) {
        let day = self.day;
        let s = self.params.stress.clone();
        let c = &self.params.consequences;
        let weekday = is_workday(day, self.params.organisation.workdays_per_week);
        let responsibility_decay = (-1.0 / s.responsibility_days).exp();
        let blame_decay = (-1.0 / c.blame_decay_days).exp();
        let costs = &self.params.costs;
        let daily_salary =
            costs.worker_salary_ksek_month * 12.0 / 365.0 * (1.0 + costs.payroll_overhead);
        let followup_daily = self.params.work.followup_hours_per_week
            / f64::from(self.params.organisation.workdays_per_week);
        let vacation_days = self.params.organisation.vacation_days;
        let t = &mut self.month;
        t.days += 1.0;
        t.open_cases_sum += self.open_cases as f64;
        t.position_days += self.positions.len() as f64;
        let on_vacation_today = self.vacations.day(day);
        for (i, pos) in self.positions.iter_mut().enumerate() {
            match pos.occupant {
                Occupant::Vacant { .. } => {
                    t.vacant_days += 1.0;
                    continue;
                }
                Occupant::Consultant { .. } => {
                    t.vacant_days += 1.0;
                    t.cost_ksek += daily_salary * costs.consultant_premium;
                }
                Occupant::Employee => {
                    let sick = pos.sick(day);
                    let vacation = on_vacation_today[i % 5];
                    t.employed_days += 1.0;
                    if weekday && !vacation {
                        t.contract_days += 1.0;
                        if sick {
                            t.sick_days += 1.0;
                        }
                    }
                    let strain = pos.strain_today.take();
                    if let Some(strain) = strain {
                        t.worked_days += 1.0;
                        if strain >= s.high_strain_threshold {
                            t.high_strain_days += 1.0;
                        }
                    }
                    pos.stress = rules::update_stress(pos.stress, strain, &s);
                    pos.exhaustion = rules::update_exhaustion(pos.exhaustion, pos.stress, &s);
                    pos.responsibility *= responsibility_decay;
                    pos.blame *= blame_decay;
                    t.stress_sum += pos.stress;
                    t.exhaustion_sum += pos.exhaustion;
                    t.tenure_sum += (f64::from(day) - pos.hired_day) / f64::from(DAYS_PER_YEAR);
                    t.cost_ksek += daily_salary
                        * if sick {
                            sick_pay(day - pos.sick_start, costs)
                        } else {
                            1.0
                        };
                }
            }
            // Coaching received (added in `work_day`), as a running weekly sum.
            pos.coaching_week *= 6.0 / 7.0;
            // Follow-up work accrues on weekdays while interventions last.
            if weekday {
                pos.followup_ends.retain(|&end| end > day);
                pos.followup_owed += followup_daily * pos.followup_ends.len() as f64;
            }
        }
        let manager_salary =
            costs.manager_salary_ksek_month * 12.0 / 365.0 * (1.0 + costs.payroll_overhead);
        for (u, unit) in self.units.iter_mut().enumerate() {
            unit.separation_rate *= (-1.0 / 365.0f64).exp();
            let m = &mut unit.manager;
            if !m.employed {
                continue;
            }
            let sick = day < m.sick_until;
            t.manager_employed_days += 1.0;
            if weekday && !manager_on_vacation(u, day, vacation_days) {
                t.manager_contract_days += 1.0;
                if sick {
                    t.manager_sick_days += 1.0;
                }
            }
            t.cost_ksek += manager_salary
                * if sick {
                    sick_pay(day - m.sick_start, costs)
                } else {
                    1.0
                };
            m.stress = rules::update_stress(m.stress, m.strain_today.take(), &s);
            m.exhaustion = rules::update_exhaustion(m.exhaustion, m.stress, &s);
            m.blame *= blame_decay;
            t.manager_stress_sum += m.stress;
        }
    }

    // ---- 9. Steering chain --------------------------------------------------

    fn steering_chain(&mut self) {
        let st = &self.params.steering;
        self.rules_extra *= (-1.0 / st.rule_decay_days).exp();
        if month_of(self.day + 1) != month_of(self.day) && self.month.investigations_done > 0.0 {
            let overdue = self.month.investigations_overdue / self.month.investigations_done;
            self.rules_extra += st.kpi_pressure * (overdue - st.kpi_target_overdue).max(0.0);
        }
        // Rules cannot push documentation past the registry's ceiling.
        let ceiling = 5.0 / st.documentation_intensity.max(1e-9) - 1.0;
        self.rules_extra = self.rules_extra.min(ceiling.max(0.0));
    }

    // ---- 10. Observation ----------------------------------------------------

    fn end_of_day(&mut self) {
        let day = self.day;
        if month_of(day + 1) != month_of(day) || day + 1 == self.horizon {
            let month = std::mem::take(&mut self.month);
            self.series
                .push(month.series(self.documentation_intensity()));
            // A month counts towards outcomes when it starts after warm-up.
            if month_start(month_of(day)) >= self.outcome_start {
                self.run.merge(&month);
            }
            // Every twelfth month (and the last) closes a year of the
            // outcomes year by year, warm-up years included.
            self.year.merge(&month);
            if month_of(day) % 12 == 11 || day + 1 == self.horizon {
                let year = std::mem::take(&mut self.year);
                self.yearly.push(year.outcomes(
                    &self.year_investigation_days,
                    self.pathway.take_year_first_help_p90(),
                    self.documentation_intensity(),
                    self.regime_switches - self.switches_before_year,
                ));
                self.year_investigation_days.clear();
                self.switches_before_year = self.regime_switches;
            }
        }
    }
}

/// Length of a long sick spell [days] from one uniform draw: longer than
/// `LONG_SPELL_DAYS`, lognormal beyond that with the given mean.
fn long_spell_days(u: f64, mean: f64, s: &crate::model::params::Sickness) -> u32 {
    let beyond = (mean - f64::from(LONG_SPELL_DAYS + 1)).max(1.0);
    // At most three years: the far tail of a lognormal is not a sick spell.
    let drawn = rules::lognormal_from_uniform(u, beyond, s.long_spell_log_sd).min(3.0 * 365.0);
    LONG_SPELL_DAYS + 1 + drawn.round() as u32
}

/// Share of salary the employer pays on day `n` (from 0) of a sick spell:
/// nothing on the first day, the sick-pay share up to day 14, a tenth after.
fn sick_pay(n: u32, costs: &crate::model::params::Costs) -> f64 {
    match n {
        0 => 0.0,
        1..=13 => costs.sick_pay_share,
        _ => 0.1,
    }
}

/// Hours of case work split by kind, summed over a worker's day.
struct CaseHours {
    direct: f64,
    documentation: f64,
    travel: f64,
}

/// How fast a worker gets through standard hours today.
struct Pace {
    /// Hours spent per standard hour (corner cutting over productivity).
    hours_per_standard: f64,
    productivity: f64,
    /// Shortest calendar time of an investigation of complexity 1 [days].
    min_days: f64,
}

/// Sets a case's stage hours: direct work (with travel) and documentation.
fn set_stage_hours(
    case: &mut Case,
    direct: f64,
    documentation: f64,
    doc: f64,
    travel_per_direct: f64,
) {
    let travel = direct * travel_per_direct;
    let total = (direct + travel + documentation).max(1e-6);
    case.standard_hours = total;
    case.remaining = total;
    case.effort = 0.0;
    case.direct_share = direct / total;
    case.travel_share = travel / total;
    case.documentation = doc;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vacation_is_the_configured_number_of_weekdays_give_or_take_a_weekend() {
        for stagger in 0..5 {
            let days = (0..365)
                .filter(|&d| is_workday(d, 5) && on_vacation(stagger, d, 25))
                .count();
            assert!((23..=27).contains(&days), "stagger {stagger}: {days}");
        }
        assert_eq!((0..365).filter(|&d| on_vacation(0, d, 0)).count(), 0);
    }

    #[test]
    fn months_are_twelve_a_year() {
        assert_eq!(month_of(0), 0);
        assert_eq!(month_of(364), 11);
        assert_eq!(month_of(365), 12);
        for m in 0..30 {
            assert_eq!(month_of(month_start(m)), m);
            assert_eq!(first_month_start_from(month_start(m)), month_start(m));
            assert_eq!(
                first_month_start_from(month_start(m) + 1),
                month_start(m + 1)
            );
        }
    }
}
