//! Staff and hazards (phases 4 and 8): the case-worker positions and who
//! fills them; hires, departures, sick leave and quitting drawn from each
//! position's own counter-based draws; handovers of cases to colleagues;
//! and, after the work day, stress, exhaustion, responsibility, blame and
//! salaries.

use rand::Rng as _;

use super::cases::{Case, Stage};
use super::{NEVER, NOBODY, World};
use crate::engine::calendar::{VacationCalendar, is_workday, vacation_end};
use crate::engine::observe::Tally;
use crate::engine::seeds::{self, Purpose, stream};
use crate::model::params::{self, Params};
use crate::model::rules;
use crate::scenario::DAYS_PER_YEAR;

/// A sick spell longer than this counts as long (Försäkringskassan's
/// threshold for a sick case, as in Försäkringskassan 2014) and is followed
/// by a partial return.
pub(super) const LONG_SPELL_DAYS: u32 = 14;

/// A handover whose colleagues all have at least this many cases puts the
/// cases on the caseloads by merging (`World::insert_items`) rather than
/// one by one: below it, moving the few cases after each place costs less
/// than copying a caseload.
const MERGE_FROM: usize = 32;
/// Stress of a new hire: rested, below the stress of nominal work.
pub(super) const NEW_HIRE_STRESS: f64 = 0.8;

/// Who fills a case-worker position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Occupant {
    /// Nobody until the given day.
    Vacant { until: u32 },
    /// An agency consultant until the given day, then a new hire.
    Consultant { until: u32 },
    /// An employed case worker.
    Employee,
}

/// A case-worker position and whoever fills it.
#[derive(Clone, Debug)]
pub(super) struct Position {
    pub(super) unit: u32,
    pub(super) occupant: Occupant,
    /// Counts the people who have held the position, so blame finds the right one.
    pub(super) generation: u32,
    pub(super) hired_day: f64,
    pub(super) experience: f64,
    pub(super) stress: f64,
    pub(super) exhaustion: f64,
    pub(super) responsibility: f64,
    pub(super) blame: f64,
    /// Time per standard hour the worker regards as normal (erodes under pressure).
    pub(super) standard: f64,
    pub(super) sick_until: u32,
    pub(super) sick_start: u32,
    pub(super) partial_until: u32,
    pub(super) leaving_day: u32,
    /// Whether a consultant covers the vacancy when this worker leaves.
    pub(super) consultant_after: bool,
    /// The open cases on the caseload, in priority order (held here, so a
    /// worker's cases are contiguous).
    pub(super) items: Vec<Case>,
    /// Standard hours left and severities summed over `items`, kept as
    /// cases come, go and are worked.
    pub(super) items_hours: f64,
    pub(super) items_severity: f64,
    /// The days the follow-ups the worker owes end.
    pub(super) followup_ends: FollowUps,
    pub(super) followup_owed: f64,
    pub(super) oversight_owed: f64,
    pub(super) coaching_today: f64,
    pub(super) coaching_week: f64,
    pub(super) strain_today: Option<f64>,
    /// Personal tendency to intervene of the person in the position, in
    /// standard deviations (standard normal); how far it shows in a decision
    /// is `rules::threshold_spread`.
    pub(super) tendency: f64,
    /// Key of the position's counter-based draws (`seeds::counter_uniform`).
    key: u64,
}

impl Position {
    pub(super) fn employed(&self) -> bool {
        self.occupant == Occupant::Employee
    }

    pub(super) fn filled(&self) -> bool {
        !matches!(self.occupant, Occupant::Vacant { .. })
    }

    pub(super) fn sick(&self, day: u32) -> bool {
        day < self.sick_until
    }
}

/// The end days of the follow-ups a worker owes, and the earliest of them,
/// so that the daily pass looks into the list only on a day one ends.
#[derive(Clone, Debug)]
pub(super) struct FollowUps {
    ends: Vec<u32>,
    /// The smallest of `ends`; `NEVER` when there is none.
    earliest: u32,
}

impl Default for FollowUps {
    fn default() -> Self {
        FollowUps {
            ends: Vec::new(),
            earliest: NEVER,
        }
    }
}

impl FollowUps {
    /// A follow-up that lasts until `end`.
    pub(super) fn push(&mut self, end: u32) {
        self.ends.push(end);
        self.earliest = self.earliest.min(end);
    }

    /// Follow-ups owed.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Takes over `other`'s follow-ups (after its own).
    fn extend(&mut self, other: FollowUps) {
        self.ends.extend(other.ends);
        self.earliest = self.earliest.min(other.earliest);
    }

    /// Drops the follow-ups that ended by `day`, in place, keeping the
    /// order of the rest.
    fn expire(&mut self, day: u32) {
        if self.earliest <= day {
            self.ends.retain(|&end| end > day);
            self.earliest = self.ends.iter().copied().min().unwrap_or(NEVER);
        }
    }
}

/// Logarithms of the relative risks, taken once per run rather than per
/// person and day.
pub(super) struct LogRisks {
    pub(super) sick_stress: f64,
    pub(super) sick_exhaustion: f64,
    pub(super) quit_stress: f64,
    pub(super) quit_support: f64,
    pub(super) quit_newcomer: f64,
    /// What the day's draw decides for a present worker: thresholds set
    /// once per run.
    day: DayThresholds,
}

/// What one draw decides for a worker on a working day (`day_outcome`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DayOutcome {
    ShortSpell,
    LongSpell,
    Resigns,
    Nothing,
}

/// The thresholds of `DayThresholds::day_outcome`, set once per run. While
/// the long spell's log relative risk is at most `K ln 2`, its hazard is
/// below `rate / 230 * 2^(K + 1)` (a factor 2 to spare for the `exp`'s
/// error and the rounding), `K` the largest that keeps that ceiling at most
/// 1/32; the same for quitting, on the stress term of its log relative risk
/// with the support and newcomer terms at their largest. A draw between
/// the long spell's ceiling and quitting's floor then decides nothing, with
/// neither hazard computed: about 94 % of days at the defaults.
#[derive(Clone, Copy, Debug)]
struct DayThresholds {
    /// `short_spells_per_year / 230`.
    short: f64,
    /// `seeds::bits_below(short)`.
    short_below: u64,
    long_rate: f64,
    quit_rate: f64,
    /// `K ln 2` of the long spell; NaN where no `K` fits (nothing settled).
    long_cap: f64,
    /// `bits_below(short + (1 - short) * ceiling)`: bits at or above it are
    /// no long spell while the log relative risk is within `long_cap`.
    long_ceiling: u64,
    /// `K ln 2 - quit_bound_rest` of quitting, for its stress term; NaN
    /// where no `K` fits or support may leave [0, 1].
    quit_cap: f64,
    /// `bits_below(1 - ceiling)`: bits below it are no resignation while
    /// the stress term is within `quit_cap`.
    quit_floor: u64,
}

/// The ceiling `rate / 230 * 2^(K + 1)` and `K ln 2` for the largest `K`
/// from 0 to 1000 that keeps the ceiling at most 1/32; `None` where there
/// is none (a rate of 0, or one above 230 / 64 a year).
fn hazard_ceiling(rate_per_year: f64) -> Option<(f64, f64)> {
    let base = rate_per_year / rules::WORKDAYS_PER_YEAR;
    let k = (-base.log2() - 5.0).floor() - 1.0;
    (base > 0.0 && (0.0..=1000.0).contains(&k)).then(|| {
        // Exact: a power of two times `base`.
        (base * 2f64.powi(k as i32 + 1), k * std::f64::consts::LN_2)
    })
}

impl DayThresholds {
    fn new(p: &Params, quit_bound_rest: f64, support_in_unit: bool) -> Self {
        let short = p.sickness.short_spells_per_year / rules::WORKDAYS_PER_YEAR;
        let (long_cap, long_ceiling) = match hazard_ceiling(p.sickness.long_spells_per_year) {
            Some((ceiling, cap)) => (cap, seeds::bits_below(short + (1.0 - short) * ceiling)),
            None => (f64::NAN, u64::MAX),
        };
        let (quit_cap, quit_floor) = match hazard_ceiling(p.turnover.quits_per_year) {
            Some((ceiling, cap)) if support_in_unit && quit_bound_rest.is_finite() => {
                (cap - quit_bound_rest, seeds::bits_below(1.0 - ceiling))
            }
            _ => (f64::NAN, 0),
        };
        DayThresholds {
            short,
            short_below: seeds::bits_below(short),
            long_rate: p.sickness.long_spells_per_year,
            quit_rate: p.turnover.quits_per_year,
            long_cap,
            long_ceiling,
            quit_cap,
            quit_floor,
        }
    }

    /// What the day's draw with bits `m` decides for a worker present on a
    /// working day, with the long spell's log relative risk `long_x`, the
    /// stress term of quitting's (`quit_stress_x`; `None` where support may
    /// lie outside [0, 1]), quitting's whole log relative risk `quit_x()`,
    /// and whether the worker may resign (has not resigned yet). One
    /// uniform `u` covers the three hazards (`a` short, `h_l` long, `h_q`
    /// quitting): a short spell for `u < a`, else a long one for
    /// `u < a + (1 - a) h_l`, a resignation for
    /// `u >= 1 - (1 - a) (1 - h_l) h_q`, so each happens with the
    /// probability of a short spell, of a long one if no short one, of a
    /// resignation if neither; the hazards are computed only where the
    /// ceilings cannot settle the draw.
    #[inline(always)]
    fn day_outcome(
        &self,
        m: u64,
        long_x: f64,
        quit_stress_x: Option<f64>,
        may_resign: bool,
        quit_x: impl FnOnce() -> f64,
    ) -> DayOutcome {
        if m < self.short_below {
            return DayOutcome::ShortSpell;
        }
        let long_settled = m >= self.long_ceiling && long_x <= self.long_cap;
        if long_settled && m < self.quit_floor && quit_stress_x.is_some_and(|x| x <= self.quit_cap)
        {
            return DayOutcome::Nothing;
        }
        let a = self.short;
        let long = || rules::daily_hazard(self.long_rate, long_x);
        if !long_settled && seeds::uniform_of_bits(m) < a + (1.0 - a) * long() {
            return DayOutcome::LongSpell;
        }
        if may_resign && self.resigns(m, quit_stress_x, || (1.0 - a) * (1.0 - long()), quit_x) {
            DayOutcome::Resigns
        } else {
            DayOutcome::Nothing
        }
    }

    /// Whether the draw with bits `m` is a resignation: `u >= 1 - f h_q`
    /// with `f = present()` the chance that no spell started (1 for a
    /// worker on sick leave), settled without `h_q` below the floor.
    #[inline(always)]
    fn resigns(
        &self,
        m: u64,
        quit_stress_x: Option<f64>,
        present: impl FnOnce() -> f64,
        quit_x: impl FnOnce() -> f64,
    ) -> bool {
        if m < self.quit_floor && quit_stress_x.is_some_and(|x| x <= self.quit_cap) {
            return false;
        }
        seeds::uniform_of_bits(m) >= 1.0 - present() * rules::daily_hazard(self.quit_rate, quit_x())
    }
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
        // Support stays in [0, 1] for any team stability and any coaching
        // received that is not negative where the team-support share is in
        // [0, 1] and the coaching reference positive (as the registry's
        // ranges have them; tested): then the support and newcomer terms of
        // the quit hazard's log relative risk are at most
        // `|ln rr_support| / 2 + max(0, ln newcomer_factor)`.
        let support_in_unit =
            (0.0..=1.0).contains(&p.stress.team_support) && p.stress.coaching_reference_hours > 0.0;
        let quit_bound_rest = 0.5 * p.turnover.support_relative_risk.ln().abs()
            + p.turnover.newcomer_factor.ln().max(0.0);
        LogRisks {
            sick_stress: p.sickness.stress_relative_risk.ln(),
            sick_exhaustion: p.sickness.exhaustion_relative_risk.ln(),
            quit_stress: p.turnover.stress_relative_risk.ln(),
            quit_support: p.turnover.support_relative_risk.ln(),
            quit_newcomer: p.turnover.newcomer_factor.ln(),
            day: DayThresholds::new(p, quit_bound_rest, support_in_unit),
        }
    }
}

/// A unit's team: its positions `first..first + len`.
#[derive(Clone, Debug)]
pub(super) struct Team {
    pub(super) first: usize,
    pub(super) len: usize,
    /// Separations in the last year or so, as a share of positions.
    pub(super) separation_rate: f64,
    /// The team's part of its members' support,
    /// `rules::team_support(1 - separation_rate)`, set whenever the
    /// separation rate changes.
    support: f64,
}

impl Team {
    /// Sets the separation rate, and the team's part of support with it.
    fn set_separation_rate(&mut self, rate: f64, s: &params::Stress) {
        self.separation_rate = rate;
        self.support = rules::team_support(1.0 - rate, s);
    }
}

/// The case-worker positions, their teams, and the buffers of their day.
pub(super) struct Staff {
    /// Every position, unit by unit.
    pub(super) positions: Vec<Position>,
    /// By unit.
    pub(super) teams: Vec<Team>,
    pub(super) log_risk: LogRisks,
    /// Who can take cases today (`available`), set once per workday in
    /// `staff_transitions` as each position's day settles; it cannot change
    /// during the managers' and workers' days.
    pub(super) available_today: Vec<bool>,
    handover_scratch: Vec<Case>,
    /// The colleagues who can take a handover's cases (a buffer kept
    /// across days).
    taker_scratch: Vec<usize>,
    /// The cases each of them takes in a handover (buffers kept across
    /// days).
    given_scratch: Vec<Vec<Case>>,
}

impl Staff {
    /// The positions at day 0, every one filled, with tenures drawn from the
    /// `Initial` stream.
    pub(super) fn new(params: &Params, seed: u64) -> Self {
        let org = &params.organisation;
        let mut initial = stream(seed, Purpose::Initial, 0);
        let mut positions = Vec::with_capacity(params.positions());
        let mut teams = Vec::with_capacity(org.units as usize);
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
                    items_hours: 0.0,
                    items_severity: 0.0,
                    followup_ends: FollowUps::default(),
                    followup_owed: 0.0,
                    oversight_owed: 0.0,
                    coaching_today: 0.0,
                    coaching_week: params.steering.coaching_hours,
                    strain_today: None,
                    tendency: draw_tendency(seed, index as usize, 0, false),
                    key: seeds::key(seed, Purpose::Position, index),
                });
            }
            teams.push(Team {
                first,
                len: positions.len() - first,
                separation_rate: 0.0,
                support: rules::team_support(1.0, &params.stress),
            });
        }
        Staff {
            positions,
            teams,
            log_risk: LogRisks::new(params),
            available_today: Vec::new(),
            handover_scratch: Vec::new(),
            taker_scratch: Vec::new(),
            given_scratch: Vec::new(),
        }
    }

    /// The colleague of `i` who takes over follow-ups: the one with the
    /// fewest who is at work today, else anyone filled; `None` if the unit
    /// has nobody else.
    pub(super) fn followup_colleague(
        &self,
        i: usize,
        day: u32,
        vacations: &VacationCalendar,
    ) -> Option<usize> {
        let unit = &self.teams[self.positions[i].unit as usize];
        let colleagues = (unit.first..unit.first + unit.len).filter(|&j| j != i);
        colleagues
            .clone()
            .filter(|&j| self.available(j, day, vacations))
            .min_by_key(|&j| (self.positions[j].followup_ends.len(), j))
            .or_else(|| colleagues.clone().find(|&j| self.positions[j].filled()))
    }

    /// Can position `j` take cases today?
    pub(super) fn available(&self, j: usize, day: u32, vacations: &VacationCalendar) -> bool {
        let p = &self.positions[j];
        match p.occupant {
            Occupant::Vacant { .. } => false,
            Occupant::Consultant { .. } => true,
            Occupant::Employee => !p.sick(day) && !vacations.on(j, day) && p.leaving_day > day,
        }
    }

    /// The support worker `i` feels: the team's stability and coaching.
    pub(super) fn support_of(&self, i: usize, stress: &params::Stress) -> f64 {
        let pos = &self.positions[i];
        rules::support_with_team(
            self.teams[pos.unit as usize].support,
            pos.coaching_week,
            stress,
        )
    }

    /// Phase 8 for the positions: stress, exhaustion, responsibility and
    /// blame, salaries, coaching and follow-up accrual; then the teams'
    /// separation rates decay.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(super) fn after_day(
        &mut self,
        day: u32,
        params: &Params,
        vacations: &VacationCalendar,
        t: &mut Tally,
    ) {
        let s = &params.stress;
        let weekday = is_workday(day, params.organisation.workdays_per_week);
        let responsibility_decay = (-1.0 / s.responsibility_days).exp();
        let blame_decay = (-1.0 / params.consequences.blame_decay_days).exp();
        let costs = &params.costs;
        let daily_salary =
            costs.worker_salary_ksek_month * 12.0 / 365.0 * (1.0 + costs.payroll_overhead);
        let followup_daily =
            params.work.followup_hours_per_week / f64::from(params.organisation.workdays_per_week);
        let today = StocksDay {
            day,
            on_vacation_today: vacations.day(day),
            responsibility_decay,
            blame_decay,
            daily_salary,
            followup_daily,
        };
        // One pass compiled for weekdays and one for days off, so that the
        // weekday's tests leave the loop.
        if weekday {
            stocks_pass::<true>(&mut self.positions, &today, s, costs, t);
        } else {
            stocks_pass::<false>(&mut self.positions, &today, s, costs, t);
        }
        for team in &mut self.teams {
            team.set_separation_rate(team.separation_rate * (-1.0 / 365.0f64).exp(), s);
        }
    }
}

impl World<'_> {
    // ---- 4. Staff -----------------------------------------------------------

    /// Phase 4 for the positions, in index order: hires, departures,
    /// returns from long spells, vacation handovers, sickness and quitting
    /// (the position's draws of the day, `Draws`, taken only where they
    /// decide something); then who can take cases today.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(super) fn staff_transitions(&mut self) {
        let day = self.day;
        let weekday = is_workday(day, self.params.organisation.workdays_per_week);
        let vacation_days = self.params.organisation.vacation_days;
        let on_vacation_today = self.vacations.day(day);
        let on_vacation_yesterday = self.vacations.day(day.wrapping_sub(1));
        let mut available = std::mem::take(&mut self.staff.available_today);
        available.clear();
        // `i % 5` (the vacation stagger) as a running count.
        let mut stagger = 4;
        for i in 0..self.staff.positions.len() {
            stagger = if stagger == 4 { 0 } else { stagger + 1 };
            let vacation = on_vacation_today[stagger];
            let pos = &self.staff.positions[i];
            // Whether the position can take cases today (as `available`
            // says), where nothing that changes it happened today; else
            // `None`, and it is looked up once the day is settled.
            let can_take: Option<bool> = match pos.occupant {
                Occupant::Vacant { until } | Occupant::Consultant { until } if day >= until => {
                    self.hire(i);
                    None
                }
                Occupant::Vacant { .. } => Some(false),
                Occupant::Consultant { .. } => Some(true),
                Occupant::Employee if pos.leaving_day <= day => {
                    self.separate(i);
                    None
                }
                Occupant::Employee => {
                    let sick = pos.sick(day);
                    let leaving_day = pos.leaving_day;
                    let u = Draws { key: pos.key, day };
                    // Back from a long spell: reduced hours, and rehabilitation work
                    // for the manager.
                    if pos.sick_until == day
                        && pos.sick_until > 0
                        && day - pos.sick_start > LONG_SPELL_DAYS
                    {
                        let unit = pos.unit as usize;
                        self.staff.positions[i].partial_until =
                            day + self.params.work.partial_return_days;
                        self.managers.posts[unit].rehab_owed +=
                            self.params.managers.rehabilitation_hours;
                    }
                    if vacation && (day == 0 || !on_vacation_yesterday[stagger]) {
                        let back = vacation_end(i, day, vacation_days);
                        self.reassign(i, back);
                    }
                    // A return or a handover changes neither sick leave nor
                    // the leaving day; a spell or a resignation may.
                    let changed = weekday
                        && !vacation
                        && if sick {
                            // A worker on sick leave may resign too (many
                            // long spells end in a move to another job).
                            self.quit_decision(i, u)
                        } else {
                            self.sickness_and_quits(i, u)
                        };
                    (!changed).then_some(!sick && !vacation && leaving_day > day)
                }
            };
            // Position `i`'s day is settled: whether it can take cases today.
            if weekday {
                available.push(
                    can_take.unwrap_or_else(|| self.staff.available(i, day, &self.vacations)),
                );
            }
        }
        self.staff.available_today = available;
    }

    /// Whether worker `i` falls sick today or resigns: the day's draw 0
    /// decides which, if any (`DayThresholds::day_outcome`); draw 3 gives a
    /// spell's length, or whether a consultant will cover. True if either
    /// happened.
    fn sickness_and_quits(&mut self, i: usize, u: Draws) -> bool {
        let day = self.day;
        let s = &self.params.sickness;
        let pos = &self.staff.positions[i];
        let r = &self.staff.log_risk;
        let long_x = r.sick_stress * (pos.stress - 1.0) + r.sick_exhaustion * pos.exhaustion;
        let outcome = r.day.day_outcome(
            u.bits(0),
            long_x,
            self.quit_stress_x(i),
            pos.leaving_day == NEVER,
            || self.quit_log_risk(i),
        );
        let len = match outcome {
            DayOutcome::Nothing => return false,
            DayOutcome::Resigns => {
                self.resign(i, u);
                return true;
            }
            DayOutcome::ShortSpell => {
                let p = 1.0 / s.short_spell_mean_days;
                ((1.0 - u.get(3)).max(1e-300).ln() / (1.0 - p).max(1e-12).ln())
                    .ceil()
                    .clamp(1.0, 14.0) as u32
            }
            DayOutcome::LongSpell => {
                let mean = if pos.exhaustion > 1.0 {
                    s.exhaustion_spell_days
                } else {
                    s.long_spell_mean_days
                };
                long_spell_days(u.get(3), mean, s)
            }
        };
        let reassign_after = self.params.sickness.reassign_after_days;
        let pos = &mut self.staff.positions[i];
        pos.sick_start = day;
        pos.sick_until = day + len;
        if len > LONG_SPELL_DAYS {
            self.record.month.long_spells += 1.0;
        }
        if len >= reassign_after {
            let back = if len > self.params.sickness.reassign_all_after_days {
                NEVER
            } else {
                day + len
            };
            self.reassign(i, back);
        }
        true
    }

    /// Whether worker `i`, on sick leave on a working day, resigns today
    /// (the day's draw 0, `DayThresholds::resigns`); true if so.
    fn quit_decision(&mut self, i: usize, u: Draws) -> bool {
        let resigns = self.staff.positions[i].leaving_day == NEVER
            && self.staff.log_risk.day.resigns(
                u.bits(0),
                self.quit_stress_x(i),
                || 1.0,
                || self.quit_log_risk(i),
            );
        if resigns {
            self.resign(i, u);
        }
        resigns
    }

    /// The stress term of worker `i`'s quit hazard, for the thresholds'
    /// first test; `None` where the coaching received is negative (support
    /// could leave [0, 1], `LogRisks::new`).
    fn quit_stress_x(&self, i: usize) -> Option<f64> {
        let pos = &self.staff.positions[i];
        let r = &self.staff.log_risk;
        (pos.coaching_week >= 0.0).then_some(r.quit_stress * (pos.stress - 1.0))
    }

    /// The log relative risk of worker `i`'s quit hazard: stress, support
    /// and whether a newcomer (tenure under two years).
    fn quit_log_risk(&self, i: usize) -> f64 {
        let pos = &self.staff.positions[i];
        let r = &self.staff.log_risk;
        let tenure_years = (f64::from(self.day) - pos.hired_day) / f64::from(DAYS_PER_YEAR);
        let newcomer = if tenure_years < 2.0 {
            r.quit_newcomer
        } else {
            0.0
        };
        let support = self.staff.support_of(i, &self.params.stress);
        r.quit_stress * (pos.stress - 1.0) + r.quit_support * (support - 0.5) + newcomer
    }

    /// Worker `i` resigns today and leaves after the notice; whether a
    /// consultant will cover the vacancy is settled now (draw 3).
    fn resign(&mut self, i: usize, u: Draws) {
        let t = &self.params.turnover;
        let pos = &mut self.staff.positions[i];
        pos.leaving_day = self.day + t.notice_days;
        pos.consultant_after = u.get(3) < t.consultant_cover;
    }

    /// Worker `i` leaves: their cases and follow-ups go to colleagues, and
    /// the position stays vacant or a consultant covers it until a hire.
    #[cfg_attr(feature = "profile", inline(never))]
    fn separate(&mut self, i: usize) {
        let day = self.day;
        self.reassign(i, NEVER);
        let unit = self.staff.positions[i].unit as usize;
        let len = self.staff.teams[unit].len as f64;
        let team = &mut self.staff.teams[unit];
        team.set_separation_rate(team.separation_rate + 1.0 / len, &self.params.stress);
        let t = &self.params.turnover;
        let until = day + t.recruitment_days;
        let pos = &mut self.staff.positions[i];
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
        self.record.ledger.separations += 1;
        self.record.month.separations += 1.0;
    }

    /// A new employee starts in position `i`.
    #[cfg_attr(feature = "profile", inline(never))]
    fn hire(&mut self, i: usize) {
        let day = self.day;
        let pos = &mut self.staff.positions[i];
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
        self.record.ledger.hires += 1;
        // A hire who starts inside their vacation weeks hands on what is urgent.
        let vacation_days = self.params.organisation.vacation_days;
        if self.vacations.on(i, day) {
            let back = vacation_end(i, day, vacation_days);
            self.reassign(i, back);
        }
        self.record.month.cost_ksek += self.params.costs.recruitment_ksek;
    }

    /// Hands a worker's cases with a deadline before `back` to present
    /// colleagues in the unit (all cases, and follow-ups, when `back` is
    /// `NEVER`); cases no colleague can take go back to the unit's queue.
    #[cfg_attr(feature = "profile", inline(never))]
    fn reassign(&mut self, i: usize, back: u32) {
        let day = self.day;
        let unit = self.staff.positions[i].unit as usize;
        // The cases to hand over, in a buffer kept across days.
        let mut handover = std::mem::take(&mut self.staff.handover_scratch);
        handover.clear();
        let kept = |c: &Case| back != NEVER && c.deadline >= back;
        let pos = &mut self.staff.positions[i];
        handover.extend(pos.items.extract_if(.., |c| !kept(c)));
        for c in &handover {
            pos.items_hours -= c.remaining;
            pos.items_severity -= c.severity;
        }
        if pos.items.is_empty() {
            (pos.items_hours, pos.items_severity) = (0.0, 0.0);
        }
        // The colleagues who can take cases, found once: taking a case
        // changes nobody's availability, only caseload sizes.
        let mut takers = std::mem::take(&mut self.staff.taker_scratch);
        takers.clear();
        if !handover.is_empty() {
            let (first, len) = (self.staff.teams[unit].first, self.staff.teams[unit].len);
            takers.extend(
                (first..first + len)
                    .filter(|&j| j != i && self.staff.available(j, day, &self.vacations)),
            );
        }
        // Latest deadline first, so that cases pushed back to the front of the
        // unit's queue end up there in deadline order; each to the colleague
        // with the fewest cases. When even that caseload has run away
        // (hundreds of cases, in a department whose backlog grows without
        // end), inserting the cases one by one moved a long caseload's tail
        // for each, most of such a run's time: `hand_over_merged` gives the
        // same result in one merge per colleague.
        while let Some(mut case) = handover.pop() {
            let taker = takers
                .iter()
                .copied()
                .min_by_key(|&j| (self.staff.positions[j].items.len(), j));
            match taker {
                // Even the shortest caseload is long: the rest in one merge.
                Some(j) if self.staff.positions[j].items.len() >= MERGE_FROM => {
                    handover.push(case);
                    self.hand_over_merged(unit, &mut handover, &takers);
                }
                Some(j) => {
                    case.worker = j as u32;
                    self.insert_item(j, case);
                }
                None => self.back_to_queue(unit, case),
            }
        }
        self.staff.handover_scratch = handover;
        self.staff.taker_scratch = takers;
        if back == NEVER {
            let ends = std::mem::take(&mut self.staff.positions[i].followup_ends);
            let owed = std::mem::replace(&mut self.staff.positions[i].followup_owed, 0.0);
            let oversight = std::mem::replace(&mut self.staff.positions[i].oversight_owed, 0.0);
            match self.staff.followup_colleague(i, day, &self.vacations) {
                Some(j) => {
                    self.staff.positions[j].followup_ends.extend(ends);
                    self.staff.positions[j].followup_owed += owed;
                }
                // Nobody else in the unit: the follow-ups wait for a successor.
                None => {
                    self.staff.positions[i].followup_ends = ends;
                    self.staff.positions[i].followup_owed = owed;
                }
            }
            self.managers.posts[unit].oversight_owed += oversight;
        }
    }

    /// A handed-over case nobody in the unit can take goes back to the front
    /// of its queue (an assessment not begun as a report not allocated).
    fn back_to_queue(&mut self, unit: usize, mut case: Case) {
        case.worker = NOBODY;
        if case.stage == Stage::Assessment && case.effort == 0.0 {
            case.stage = Stage::Unallocated;
        }
        self.intake.waiting[unit].push_front(case);
    }

    /// `reassign`'s handover to `takers` (all of them with long caseloads):
    /// each case, latest deadline first, to the colleague with
    /// the fewest cases counting those given so far, as `reassign` does
    /// one by one, but each colleague's cases put on the caseload together
    /// (`insert_items`: the same places and sums) instead of moving the long
    /// caseload's tail for every case. Leaves `handover` empty.
    #[cold]
    fn hand_over_merged(&mut self, unit: usize, handover: &mut Vec<Case>, takers: &[usize]) {
        // One buffer per colleague, kept (empty) across handovers.
        let mut given = std::mem::take(&mut self.staff.given_scratch);
        if given.len() < takers.len() {
            given.resize_with(takers.len(), Vec::new);
        }
        while let Some(mut case) = handover.pop() {
            let taker = (0..takers.len()).min_by_key(|&t| {
                let j = takers[t];
                (self.staff.positions[j].items.len() + given[t].len(), j)
            });
            match taker {
                Some(t) => {
                    case.worker = takers[t] as u32;
                    given[t].push(case);
                }
                // Not reached: `takers` holds the long caseload.
                None => self.back_to_queue(unit, case),
            }
        }
        for (t, cases) in given.iter_mut().take(takers.len()).enumerate() {
            self.insert_items(takers[t], cases);
        }
        self.staff.given_scratch = given;
    }

    // ---- 8. People (after the work day) -------------------------------------

    /// Phase 8, people: the day's counts, then every position in index
    /// order, then the managers in unit order.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(super) fn update_people(&mut self) {
        let t = &mut self.record.month;
        t.days += 1.0;
        t.open_cases_sum += self.cases.open as f64;
        t.position_days += self.staff.positions.len() as f64;
        let (day, params) = (self.day, &self.params);
        self.staff
            .after_day(day, params, &self.vacations, &mut self.record.month);
        self.managers.after_day(day, params, &mut self.record.month);
    }
}

/// Length of a long sick spell [days] from one uniform draw: longer than
/// `LONG_SPELL_DAYS`, lognormal beyond that with the given mean.
pub(super) fn long_spell_days(u: f64, mean: f64, s: &params::Sickness) -> u32 {
    let beyond = (mean - f64::from(LONG_SPELL_DAYS + 1)).max(1.0);
    // At most three years: the far tail of a lognormal is not a sick spell.
    let drawn = rules::lognormal_from_uniform(u, beyond, s.long_spell_log_sd).min(3.0 * 365.0);
    LONG_SPELL_DAYS + 1 + drawn.round() as u32
}

/// What `Staff::after_day` works out once for the day's pass.
struct StocksDay {
    day: u32,
    on_vacation_today: [bool; 5],
    responsibility_decay: f64,
    blame_decay: f64,
    daily_salary: f64,
    followup_daily: f64,
}

/// `Staff::after_day`'s pass over the positions, for a weekday
/// (`WEEKDAY`) or a day off.
fn stocks_pass<const WEEKDAY: bool>(
    positions: &mut [Position],
    today: &StocksDay,
    s: &params::Stress,
    costs: &params::Costs,
    t: &mut Tally,
) {
    let StocksDay {
        day,
        on_vacation_today,
        responsibility_decay,
        blame_decay,
        daily_salary,
        followup_daily,
    } = *today;
    // `i % 5` (the vacation stagger) as a running count.
    let mut stagger = 4;
    for pos in positions {
        stagger = if stagger == 4 { 0 } else { stagger + 1 };
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
                let vacation = on_vacation_today[stagger];
                t.employed_days += 1.0;
                if WEEKDAY && !vacation {
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
                pos.stress = rules::update_stress(pos.stress, strain, s);
                pos.exhaustion = rules::update_exhaustion(pos.exhaustion, pos.stress, s);
                pos.responsibility *= responsibility_decay;
                pos.blame *= blame_decay;
                t.stress_sum += pos.stress;
                t.exhaustion_sum += pos.exhaustion;
                t.tenure_sum += (f64::from(day) - pos.hired_day) / f64::from(DAYS_PER_YEAR);
                // The full salary without multiplying by 1 (the same number).
                t.cost_ksek += if sick {
                    daily_salary * sick_pay(day - pos.sick_start, costs)
                } else {
                    daily_salary
                };
            }
        }
        // Coaching received (added in `work_day`), as a running weekly sum.
        pos.coaching_week *= 6.0 / 7.0;
        // Follow-up work accrues on weekdays while interventions last.
        if WEEKDAY {
            pos.followup_ends.expire(day);
            pos.followup_owed += followup_daily * pos.followup_ends.len() as f64;
        }
    }
}

/// Share of salary the employer pays on day `n` (from 0) of a sick spell:
/// nothing on the first day, the sick-pay share up to day 14, a tenth after.
pub(super) fn sick_pay(n: u32, costs: &params::Costs) -> f64 {
    match n {
        0 => 0.0,
        1..=13 => costs.sick_pay_share,
        _ => 0.1,
    }
}

/// The draws of one position on one day: draw `k` (0: what happens today,
/// a spell or a resignation; 3: a spell's length or consultant cover; 1
/// and 2 unused) is number `4 day + k` of the position's counter-based
/// stream. Each is a pure
/// function of (replication, position, day, k), so a draw not needed (a
/// weekend, an absent worker, a length when nobody falls sick) is simply
/// not taken and shifts no other, and both arms see the same draw for the
/// same position, day and purpose (common random numbers).
#[derive(Clone, Copy, Debug)]
struct Draws {
    key: u64,
    day: u32,
}

impl Draws {
    /// Draw `k` as a uniform in [0, 1).
    fn get(self, k: u64) -> f64 {
        seeds::uniform_of_bits(self.bits(k))
    }

    /// The 53 bits of draw `k` (`seeds::counter_bits`), for a comparison
    /// with a threshold made once per run.
    fn bits(self, k: u64) -> u64 {
        seeds::counter_bits(self.key, u64::from(self.day) * 4 + k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The day's outcome computed plainly: every hazard, one uniform.
    fn plain_outcome(
        d: &DayThresholds,
        m: u64,
        long_x: f64,
        quit_x: f64,
        may_resign: bool,
    ) -> DayOutcome {
        let u = seeds::uniform_of_bits(m);
        let a = d.short;
        let long = rules::daily_hazard(d.long_rate, long_x);
        let quit = rules::daily_hazard(d.quit_rate, quit_x);
        if u < a {
            DayOutcome::ShortSpell
        } else if u < a + (1.0 - a) * long {
            DayOutcome::LongSpell
        } else if may_resign && u >= 1.0 - (1.0 - a) * (1.0 - long) * quit {
            DayOutcome::Resigns
        } else {
            DayOutcome::Nothing
        }
    }

    #[test]
    fn the_day_outcome_is_the_plain_one_and_the_ceilings_settle_most_days() {
        // Rates from 0 to beyond the registry's ranges, log relative risks
        // from far below to far above the caps, support at its ends and
        // middle, newcomer or not; draws at and around every threshold and
        // ceiling, and a spread of others.
        let mut n = 0u64;
        let (mut checked, mut settled) = (0u64, 0u64);
        for &(short, long, quit) in &[
            (3.0, 0.12, 0.22),
            (0.0, 0.0, 0.0),
            (30.0, 2.0, 2.0),
            (1.0, 1e-9, 0.05),
            (3.0, 8.0, 0.22),
            (3.0, 0.12, 8.0),
        ] {
            let mut p = Params::default();
            p.sickness.short_spells_per_year = short;
            p.sickness.long_spells_per_year = long;
            p.turnover.quits_per_year = quit;
            let r = LogRisks::new(&p);
            let d = &r.day;
            let mut x = -30.0;
            while x < 30.0 {
                for &(support, newcomer) in &[(0.0, 0.0), (0.5, r.quit_newcomer), (1.0, 0.0)] {
                    let y = 0.7 * x;
                    let quit_x = y + r.quit_support * (support - 0.5) + newcomer;
                    let a = d.short;
                    let hl = rules::daily_hazard(d.long_rate, x);
                    let hq = rules::daily_hazard(d.quit_rate, quit_x);
                    let mut ms: Vec<u64> = [
                        d.short_below,
                        d.long_ceiling,
                        d.quit_floor,
                        seeds::bits_below(a + (1.0 - a) * hl),
                        seeds::bits_below(1.0 - (1.0 - a) * (1.0 - hl) * hq),
                        seeds::bits_below(1.0 - hq),
                    ]
                    .iter()
                    .flat_map(|&t| [t.saturating_sub(1), t, t.saturating_add(1)])
                    .collect();
                    for _ in 0..4 {
                        n += 1;
                        ms.push(seeds::counter_bits(11, n));
                    }
                    for m in ms.into_iter().filter(|&m| m < 1 << 53) {
                        for may_resign in [true, false] {
                            let got = d.day_outcome(m, x, Some(y), may_resign, || quit_x);
                            let want = plain_outcome(d, m, x, quit_x, may_resign);
                            assert_eq!(got, want, "{short} {long} {quit} x {x} m {m}");
                            // Without the stress term's test, the same.
                            let got = d.day_outcome(m, x, None, may_resign, || quit_x);
                            assert_eq!(got, want);
                            checked += 1;
                        }
                        // On sick leave: a resignation with the quit hazard alone.
                        let sick = d.resigns(m, Some(y), || 1.0, || quit_x);
                        assert_eq!(sick, seeds::uniform_of_bits(m) >= 1.0 - hq);
                        if m >= d.long_ceiling && m < d.quit_floor {
                            settled += 1;
                        }
                    }
                }
                x += if x.abs() < 4.0 { 0.0173 } else { 1.73 };
            }
        }
        assert!(checked > 50_000 && settled > 10_000, "{checked} {settled}");
        // At the defaults the ceilings leave about 94 % of draws settled:
        // the short spell's 1.3 %, the long spell's ceiling about 1/60 and
        // quitting's about 1/33 above the rest.
        let d = LogRisks::new(&Params::default()).day;
        let share = seeds::uniform_of_bits(d.quit_floor) - seeds::uniform_of_bits(d.long_ceiling);
        assert!((0.93..0.95).contains(&share), "{share}");
        assert!(
            d.long_cap > 2.0 && d.quit_cap > 1.5,
            "{} {}",
            d.long_cap,
            d.quit_cap
        );
    }

    #[test]
    fn support_from_the_teams_part_is_support_bit_for_bit() {
        // `Staff::support_of` adds the coaching part to the team's part kept
        // with the unit: the same number as `rules::support` of the
        // separation rate, as it changes by separations and decay.
        let p = Params::default();
        let mut staff = Staff::new(&p, 3);
        let coaching = [0.0, 0.3, 1.5, 4.0];
        for step in 0..400 {
            let team = &mut staff.teams[step % 3];
            let rate = if step % 7 == 0 {
                team.separation_rate + 1.0 / team.len as f64
            } else {
                team.separation_rate * (-1.0 / 365.0f64).exp()
            };
            team.set_separation_rate(rate, &p.stress);
            for i in [0, 25, 45] {
                staff.positions[i].coaching_week = coaching[step % 4];
                let unit = staff.positions[i].unit as usize;
                let want = rules::support(
                    1.0 - staff.teams[unit].separation_rate,
                    coaching[step % 4],
                    &p.stress,
                );
                assert_eq!(staff.support_of(i, &p.stress).to_bits(), want.to_bits());
            }
        }
        assert!(staff.teams[0].separation_rate > 0.0);
    }

    #[test]
    fn support_stays_in_the_unit_interval_where_the_bound_assumes_it() {
        // The quit threshold's first test bounds the support term by
        // `support` in [0, 1] when the team-support share is in [0, 1], the
        // coaching reference positive and the coaching received not
        // negative (`LogRisks::new`): check `rules::support` over the
        // registry's range.
        let mut p = Params::default();
        for &team in &[0.0, 0.3, 1.0] {
            for &reference in &[0.1, 1.5, 10.0] {
                p.stress.team_support = team;
                p.stress.coaching_reference_hours = reference;
                // The quit threshold's first test is used.
                assert!(!LogRisks::new(&p).day.quit_cap.is_nan());
                for &stability in &[-3.0, 0.0, 0.4, 1.0, 2.0] {
                    for &coaching in &[0.0, 0.2, 1.5, 40.0] {
                        let s = rules::support(stability, coaching, &p.stress);
                        assert!((0.0..=1.0).contains(&s), "{s}");
                    }
                }
            }
        }
    }
}
