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
    /// Whether `rules::support` stays in [0, 1] for any team stability and
    /// any coaching received that is not negative (a team-support share in
    /// [0, 1] and a positive coaching reference, as the registry's ranges
    /// have them).
    pub(super) support_in_unit: bool,
    /// The largest the support and newcomer terms of the quit hazard's log
    /// relative risk can be with support in [0, 1]:
    /// `|ln rr_support| / 2 + max(0, ln newcomer_factor)`.
    pub(super) quit_bound_rest: f64,
    /// A short spell starts when the day's draw's bits are below this
    /// (`seeds::bits_below` of `short_spells_per_year / 230`).
    short_below: u64,
    /// The first test of the long-spell hazard, on its whole log relative
    /// risk.
    long_test: HazardTest,
    /// The first test of the quit hazard, on its stress term alone (the
    /// support and newcomer terms at their largest, `quit_bound_rest`,
    /// taken off the cap).
    quit_test: HazardTest,
}

/// A daily hazard's first test, set once per run: while the log relative
/// risk `x` is at most `K ln 2`, the hazard `rate / 230 * exp(x)` is below
/// `ceiling = rate / 230 * 2^(K + 1)` (a factor 2 to spare for the `exp`'s
/// error and the rounding), so a draw at or above the ceiling is not below
/// the hazard. One integer comparison of the draw's bits and one of the
/// log relative risk settle a day that way; `K` is the largest that keeps
/// the ceiling at most 1/32, so about 97 % of days are settled by it and
/// the rest go to `below_daily_hazard`, with the same answer.
#[derive(Clone, Copy, Debug)]
struct HazardTest {
    /// `K ln 2` less what the caller leaves out of the log relative risk it
    /// passes; NaN where the test is not used (no day is settled by it).
    log_risk_cap: f64,
    /// `seeds::bits_below(ceiling)`: a draw's bits at or above it are a
    /// uniform at or above the ceiling.
    ceiling: u64,
}

impl HazardTest {
    /// The test of the hazard with `rate_per_year`, for a caller that
    /// leaves `left_out` (at most that much) out of the log relative risk
    /// it passes; not used where `usable` is false.
    fn new(rate_per_year: f64, left_out: f64, usable: bool) -> Self {
        let base = rate_per_year / rules::WORKDAYS_PER_YEAR;
        // The largest K with base 2^(K + 1) <= 2^-5.
        let k = (-base.log2() - 5.0).floor() - 1.0;
        if usable && base > 0.0 && (0.0..=1000.0).contains(&k) && left_out.is_finite() {
            // Exact: a power of two times `base`, at most 1/32.
            let ceiling = base * 2f64.powi(k as i32 + 1);
            HazardTest {
                log_risk_cap: k * std::f64::consts::LN_2 - left_out,
                ceiling: seeds::bits_below(ceiling),
            }
        } else {
            HazardTest {
                log_risk_cap: f64::NAN,
                ceiling: u64::MAX,
            }
        }
    }

    /// Whether the draw with bits `m` is surely not below the hazard, its
    /// log relative risk (less what was left out) being `x`.
    #[inline(always)]
    fn settles_not_below(self, m: u64, x: f64) -> bool {
        m >= self.ceiling && x <= self.log_risk_cap
    }

    /// Whether the draw with bits `m` is below the hazard with
    /// `rate_per_year` and log relative risk `x` (nothing left out): the
    /// answer of `below_daily_hazard`, settled by the first test where it
    /// can be.
    #[inline(always)]
    fn below(self, m: u64, x: f64, rate_per_year: f64) -> bool {
        !self.settles_not_below(m, x)
            && below_daily_hazard(seeds::uniform_of_bits(m), rate_per_year, x, || x)
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
            support_in_unit,
            quit_bound_rest,
            short_below: seeds::bits_below(
                p.sickness.short_spells_per_year / rules::WORKDAYS_PER_YEAR,
            ),
            long_test: HazardTest::new(p.sickness.long_spells_per_year, 0.0, true),
            quit_test: HazardTest::new(p.turnover.quits_per_year, quit_bound_rest, support_in_unit),
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
            });
        }
        Staff {
            positions,
            teams,
            log_risk: LogRisks::new(params),
            available_today: Vec::new(),
            handover_scratch: Vec::new(),
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
        let stability = 1.0 - self.teams[pos.unit as usize].separation_rate;
        rules::support(stability, pos.coaching_week, stress)
    }

    /// Phase 8 for the positions: stress, exhaustion, responsibility and
    /// blame, salaries, coaching and follow-up accrual; then the teams'
    /// separation rates decay.
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
        let on_vacation_today = vacations.day(day);
        // `i % 5` (the vacation stagger) as a running count.
        let mut stagger = 4;
        for pos in &mut self.positions {
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
                    pos.stress = rules::update_stress(pos.stress, strain, s);
                    pos.exhaustion = rules::update_exhaustion(pos.exhaustion, pos.stress, s);
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
                pos.followup_ends.expire(day);
                pos.followup_owed += followup_daily * pos.followup_ends.len() as f64;
            }
        }
        for team in &mut self.teams {
            team.separation_rate *= (-1.0 / 365.0f64).exp();
        }
    }
}

impl World<'_> {
    // ---- 4. Staff -----------------------------------------------------------

    /// Phase 4 for the positions, in index order: hires, departures,
    /// returns from long spells, vacation handovers, sickness and quitting
    /// (the position's draws of the day, `Draws`, taken only where they
    /// decide something); then who can take cases today.
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
            'position: {
                let u = Draws {
                    key: self.staff.positions[i].key,
                    day,
                };
                match self.staff.positions[i].occupant {
                    Occupant::Vacant { until } | Occupant::Consultant { until } if day >= until => {
                        self.hire(i);
                    }
                    Occupant::Vacant { .. } | Occupant::Consultant { .. } => {}
                    Occupant::Employee => {
                        if self.staff.positions[i].leaving_day <= day {
                            self.separate(i);
                            break 'position;
                        }
                        let pos = &mut self.staff.positions[i];
                        // Back from a long spell: reduced hours, and rehabilitation work
                        // for the manager.
                        if pos.sick_until == day
                            && pos.sick_until > 0
                            && day - pos.sick_start > LONG_SPELL_DAYS
                        {
                            pos.partial_until = day + self.params.work.partial_return_days;
                            let unit = pos.unit as usize;
                            self.managers.posts[unit].rehab_owed +=
                                self.params.managers.rehabilitation_hours;
                        }
                        let vacation = on_vacation_today[stagger];
                        if vacation && (day == 0 || !on_vacation_yesterday[stagger]) {
                            let back = vacation_end(i, day, vacation_days);
                            self.reassign(i, back);
                        }
                        if weekday && !vacation {
                            if self.staff.positions[i].sick(day) {
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
                let p = &self.staff.positions[i];
                available.push(match p.occupant {
                    Occupant::Vacant { .. } => false,
                    Occupant::Consultant { .. } => true,
                    Occupant::Employee => {
                        !p.sick(day) && !on_vacation_today[stagger] && p.leaving_day > day
                    }
                });
            }
        }
        self.staff.available_today = available;
    }

    /// Whether worker `i` falls sick today (`u[0]` short, `u[1]` long spell,
    /// `u[3]` its length), and if not, whether they resign.
    fn sickness_and_quits(&mut self, i: usize, u: Draws) {
        let day = self.day;
        let s = &self.params.sickness;
        let pos = &self.staff.positions[i];
        let r = &self.staff.log_risk;
        let long_log_risk = r.sick_stress * (pos.stress - 1.0) + r.sick_exhaustion * pos.exhaustion;
        // The short spell's draw compared as bits with the run's threshold;
        // the long spell's first through the run's test, then the bound.
        let spell = if u.bits(0) < r.short_below {
            let p = 1.0 / s.short_spell_mean_days;
            Some(
                ((1.0 - u.get(3)).max(1e-300).ln() / (1.0 - p).max(1e-12).ln())
                    .ceil()
                    .clamp(1.0, 14.0) as u32,
            )
        } else if r
            .long_test
            .below(u.bits(1), long_log_risk, s.long_spells_per_year)
        {
            let mean = if pos.exhaustion > 1.0 {
                s.exhaustion_spell_days
            } else {
                s.long_spell_mean_days
            };
            Some(long_spell_days(u.get(3), mean, s))
        } else {
            None
        };
        if let Some(len) = spell {
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
            return;
        }
        self.quit_decision(i, u);
    }

    /// Whether worker `i` resigns today (`u[2]`), and if so whether a
    /// consultant will cover the vacancy (`u[3]`).
    fn quit_decision(&mut self, i: usize, u: Draws) {
        let day = self.day;
        let t = &self.params.turnover;
        let pos = &self.staff.positions[i];
        if pos.leaving_day == NEVER {
            let r = &self.staff.log_risk;
            let m = u.bits(2);
            // The run's first test settles almost every day, on the stress
            // term alone (valid where support lies in [0, 1], as below).
            if pos.coaching_week >= 0.0
                && r.quit_test
                    .settles_not_below(m, r.quit_stress * (pos.stress - 1.0))
            {
                return;
            }
            // Support lies in [0, 1] where the coaching received is not
            // negative (`LogRisks::support_in_unit`): then the support and
            // newcomer terms are at most `quit_bound_rest`, and tenure and
            // support are needed only when the bound cannot settle it.
            let at_most = if r.support_in_unit && pos.coaching_week >= 0.0 {
                r.quit_stress * (pos.stress - 1.0) + r.quit_bound_rest
            } else {
                f64::INFINITY
            };
            let log_risk = || {
                let tenure_years = (f64::from(day) - pos.hired_day) / f64::from(DAYS_PER_YEAR);
                let newcomer = if tenure_years < 2.0 {
                    r.quit_newcomer
                } else {
                    0.0
                };
                let support = self.staff.support_of(i, &self.params.stress);
                r.quit_stress * (pos.stress - 1.0) + r.quit_support * (support - 0.5) + newcomer
            };
            if below_daily_hazard(
                seeds::uniform_of_bits(m),
                t.quits_per_year,
                at_most,
                log_risk,
            ) {
                let pos = &mut self.staff.positions[i];
                pos.leaving_day = day + t.notice_days;
                // Whether a consultant will cover the vacancy is settled now,
                // on a weekday draw, whatever day the worker leaves.
                pos.consultant_after = u.get(3) < t.consultant_cover;
            }
        }
    }

    /// Worker `i` leaves: their cases and follow-ups go to colleagues, and
    /// the position stays vacant or a consultant covers it until a hire.
    fn separate(&mut self, i: usize) {
        let day = self.day;
        self.reassign(i, NEVER);
        let unit = self.staff.positions[i].unit as usize;
        let len = self.staff.teams[unit].len as f64;
        self.staff.teams[unit].separation_rate += 1.0 / len;
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
        // Latest deadline first, so that cases pushed back to the front of the
        // unit's queue end up there in deadline order.
        while let Some(mut case) = handover.pop() {
            let (first, len) = (self.staff.teams[unit].first, self.staff.teams[unit].len);
            let taker = (first..first + len)
                .filter(|&j| j != i && self.staff.available(j, day, &self.vacations))
                .min_by_key(|&j| (self.staff.positions[j].items.len(), j));
            match taker {
                Some(j) => {
                    case.worker = j as u32;
                    self.insert_item(j, case);
                }
                None => {
                    case.worker = NOBODY;
                    if case.stage == Stage::Assessment && case.effort == 0.0 {
                        case.stage = Stage::Unallocated;
                    }
                    self.intake.waiting[unit].push_front(case);
                }
            }
        }
        self.staff.handover_scratch = handover;
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

    // ---- 8. People (after the work day) -------------------------------------

    /// Phase 8, people: the day's counts, then every position in index
    /// order, then the managers in unit order.
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

/// Whether the uniform `u` falls below the daily hazard
/// `rules::daily_hazard(rate_per_year, log_relative_risk())`, given an upper
/// bound `at_most` of the log relative risk: the same answer as comparing
/// with the hazard itself, but without the hazard's `exp` (nor what goes
/// into the log relative risk) when a cheap upper bound already settles it,
/// as it does on almost every day (a daily hazard is of the order of 1e-3).
/// With `t = at_most log2(e)`, `2^(trunc(t) + 2)` exceeds `2 e^at_most`, so
/// `rate / 230 * 2^(trunc(t) + 2)` (exact: a power of two times the same
/// `rate / 230`) is more than twice the hazard for any `exp` within 50 % of
/// e^x, rounding included; only below the bound is the hazard computed.
#[inline(always)]
fn below_daily_hazard(
    u: f64,
    rate_per_year: f64,
    at_most: f64,
    log_relative_risk: impl FnOnce() -> f64,
) -> bool {
    let t = at_most * std::f64::consts::LOG2_E;
    if t > -900.0 && t < 900.0 {
        let k = t as i64 + 2;
        let bound =
            rate_per_year / rules::WORKDAYS_PER_YEAR * f64::from_bits(((k + 1023) as u64) << 52);
        if bound.is_normal() && u >= bound {
            return false;
        }
    }
    u < rules::daily_hazard(rate_per_year, log_relative_risk())
}

/// Length of a long sick spell [days] from one uniform draw: longer than
/// `LONG_SPELL_DAYS`, lognormal beyond that with the given mean.
pub(super) fn long_spell_days(u: f64, mean: f64, s: &params::Sickness) -> u32 {
    let beyond = (mean - f64::from(LONG_SPELL_DAYS + 1)).max(1.0);
    // At most three years: the far tail of a lognormal is not a sick spell.
    let drawn = rules::lognormal_from_uniform(u, beyond, s.long_spell_log_sd).min(3.0 * 365.0);
    LONG_SPELL_DAYS + 1 + drawn.round() as u32
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

/// The draws of one position on one day: draw `k` (0: short spell, 1: long
/// spell, 2: resigning, 3: a spell's length or consultant cover) is number
/// `4 day + k` of the position's counter-based stream. Each is a pure
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

    #[test]
    fn the_bounded_hazard_test_decides_as_the_hazard_does() {
        // Uniforms around the hazard itself (where the bound cannot settle
        // it), around the bound, and spread over [0, 1), for log relative
        // risks from far below to far above 0 and rates from 0 up.
        let mut n = 0u64;
        let mut checked = 0;
        for &rate in &[0.0, 1e-9, 0.02, 0.1, 0.5, 3.0, 50.0] {
            let mut x = -800.0;
            while x < 800.0 {
                let h = rules::daily_hazard(rate, x);
                let mut us = vec![h, h * (1.0 - 1e-15), h * (1.0 + 1e-15), 2.0 * h, 4.0 * h];
                us.extend((0..8).map(|k| k as f64 / 8.0));
                n += 1;
                us.push(seeds::counter_uniform(7, n));
                for u in us.into_iter().filter(|u| (0.0..1.0).contains(u)) {
                    assert_eq!(
                        below_daily_hazard(u, rate, x, || x),
                        u < h,
                        "u {u} rate {rate} x {x}"
                    );
                    // With a looser bound, the same answer.
                    assert_eq!(below_daily_hazard(u, rate, x + 0.7, || x), u < h);
                    checked += 1;
                }
                x += if x.abs() < 10.0 { 0.0137 } else { 1.37 };
            }
        }
        assert!(checked > 10_000);
        let nan = rules::daily_hazard(0.1, f64::NAN);
        assert_eq!(
            below_daily_hazard(0.0, 0.1, f64::NAN, || f64::NAN),
            0.0 < nan
        );
        assert_eq!(
            below_daily_hazard(0.0, 0.1, f64::INFINITY, || 0.0),
            0.0 < rules::daily_hazard(0.1, 0.0)
        );
    }

    #[test]
    fn the_first_hazard_test_decides_as_the_hazard_does() {
        // For rates from 0 to the registry's largest and beyond, and log
        // relative risks around and far from the cap: where the test
        // settles a draw, the hazard agrees; `below` always agrees.
        let mut n = 0u64;
        let mut settled = 0;
        for &rate in &[0.0, 1e-12, 0.02, 0.12, 0.22, 0.5, 2.0, 3.0, 8.0, 30.0] {
            for &left_out in &[0.0, 0.817, 3.0] {
                let test = HazardTest::new(rate, left_out, true);
                let mut x = -50.0;
                while x < 50.0 {
                    let h = rules::daily_hazard(rate, x + left_out);
                    let mut ms: Vec<u64> = [h, 2.0 * h, 4.0 * h, 1.0 / 32.0, 1.0 / 16.0]
                        .iter()
                        .map(|&p| seeds::bits_below(p))
                        .flat_map(|t| [t.saturating_sub(1), t, t + 1])
                        .collect();
                    ms.extend([test.ceiling.saturating_sub(1), test.ceiling]);
                    n += 1;
                    ms.push(seeds::counter_bits(3, n));
                    for m in ms.into_iter().filter(|&m| m < 1 << 53) {
                        let below = seeds::uniform_of_bits(m) < h;
                        if test.settles_not_below(m, x) {
                            assert!(!below, "rate {rate} x {x} m {m}");
                            settled += 1;
                        }
                        if left_out == 0.0 {
                            assert_eq!(test.below(m, x, rate), below, "rate {rate} x {x}");
                        }
                    }
                    x += if x.abs() < 5.0 { 0.00731 } else { 0.731 };
                }
            }
        }
        assert!(settled > 10_000, "{settled}");
        // Not used: settles nothing.
        let off = HazardTest::new(0.22, 0.8, false);
        assert!(!off.settles_not_below(u64::MAX >> 11, -100.0));
        // At the defaults, the ceilings are about 1/60 and 1/33.
        let r = LogRisks::new(&Params::default());
        let p = |t: u64| seeds::uniform_of_bits(t);
        assert!((0.01..=1.0 / 32.0).contains(&p(r.long_test.ceiling)));
        assert!((0.01..=1.0 / 32.0).contains(&p(r.quit_test.ceiling)));
        assert!(r.long_test.log_risk_cap > 2.0 && r.quit_test.log_risk_cap > 1.5);
    }

    #[test]
    fn support_stays_in_the_unit_interval_where_the_bound_assumes_it() {
        // `quit_decision` bounds the support term by `support` in [0, 1]
        // when `LogRisks::support_in_unit` holds and the coaching received
        // is not negative: check `rules::support` over the registry's range.
        let mut p = Params::default();
        for &team in &[0.0, 0.3, 1.0] {
            for &reference in &[0.1, 1.5, 10.0] {
                p.stress.team_support = team;
                p.stress.coaching_reference_hours = reference;
                assert!(LogRisks::new(&p).support_in_unit);
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
