//! Case work (phase 7): a case worker's day (administration, coaching,
//! oversight work, follow-ups, the unit's pathway hours, then the caseload
//! by deadline, cutting corners under pressure), the assessment and the
//! investigation of a case, the decisions, each shifted by the worker's own
//! tendency to intervene, and closing a case.

use super::NOBODY;
use super::World;
use super::cases::{Case, Stage};
use super::oversight::ConsequenceKind;
use super::staff::Occupant;
use crate::model::fastmath;
use crate::model::params::{self, Params};
use crate::model::rules::{self, DecisionInputs, SpreadInputs, StrainInputs};

/// Slots of the memo of decisions' documentation factors: more than the
/// days a case usually stays open.
const DOCUMENTATION_MEMO: usize = 256;

/// The state of the case workers' day: a memo and buffers.
pub(super) struct Casework {
    standard_rates: rules::StandardRates,
    /// `pressure^elasticity` of corner cutting, tabulated once per run.
    corner_cutting: fastmath::Power,
    /// The documentation factors of decisions by documentation level, a
    /// small direct-mapped memo: (level, benefit, alignment as bits; error
    /// factor, spread factor). Cases started on the same day share a level
    /// (it changes daily under control), so most decisions reuse the two
    /// powers; a collision only costs them again.
    documentation_factors: Vec<([u64; 3], f64, f64)>,
    /// Cases whose stage a worker finished in one pass (a buffer kept
    /// across days: no allocation per worker and day).
    finished_scratch: Vec<u32>,
}

impl Casework {
    /// The memo empty, the buffers too.
    pub(super) fn new(params: &Params) -> Self {
        Casework {
            standard_rates: rules::StandardRates::new(&params.work),
            corner_cutting: fastmath::Power::new(params.work.corner_cutting_elasticity),
            documentation_factors: vec![([u64::MAX; 3], 0.0, 0.0); DOCUMENTATION_MEMO],
            finished_scratch: Vec::new(),
        }
    }

    /// The documentation factors (error, spread) of a decision on a case
    /// documented at `level`: two `powf` only when the level changes.
    fn documentation_factors(&mut self, level: f64, d: &params::Decisions) -> (f64, f64) {
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
}

impl World<'_> {
    /// Phase 7, case work (working days): each available position in index
    /// order.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(super) fn casework_day(&mut self) {
        let shared = self.shared_hours();
        for i in 0..self.staff.positions.len() {
            if self.staff.available_today[i] {
                self.work_day(i, &shared);
            }
        }
    }

    /// Today's hours before case work, the same for every worker with the
    /// same contract: the parameters and the rules in force do not change
    /// during phase 7, so they are worked out once per day, with the same
    /// arithmetic as per worker.
    fn shared_hours(&self) -> SharedHours {
        let w = &self.params.work;
        let organisation = &self.params.organisation;
        let workdays = f64::from(organisation.workdays_per_week);
        let admin_hours = self.params.steering.worker_admin_hours / workdays * self.rules_factor();
        let other_hours = w.other_hours_per_week / workdays;
        let contract = |share: f64| {
            let contract = organisation.contract_hours_per_day * share;
            let admin = admin_hours.min(contract);
            let other = other_hours.min(contract - admin);
            let control = rules::effective_control(
                self.params.steering.decision_latitude,
                admin / contract,
                &self.params.stress,
            );
            ContractHours {
                contract,
                admin,
                other,
                admin_and_other: admin + other,
                control_factor: rules::control_buffer_factor(control, &self.params.stress),
            }
        };
        SharedHours {
            contract: [contract(1.0), contract(w.partial_return_share)],
            overtime_hour_ksek: self.overtime_hour_ksek(
                self.params.costs.worker_salary_ksek_month,
                organisation.contract_hours_per_day,
            ),
            min_days: f64::from(w.investigation_min_days),
            time_table: self
                .casework
                .corner_cutting
                .applies(w.corner_cutting_elasticity),
        }
    }

    /// Puts `case` on worker `j`'s caseload in priority order.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(super) fn insert_item(&mut self, j: usize, case: Case) {
        let key = priority;
        let k = key(&case);
        let pos = &mut self.staff.positions[j];
        pos.items_hours += case.remaining;
        pos.items_severity += case.severity;
        // The first case with a later key, found from the front: the place
        // `partition_point` would find (the keys are in order), but cases
        // go in near the front (a new assessment's deadline is early) of
        // short caseloads, where a scan takes fewer comparisons than a
        // binary search; with the move of the cases after the place that
        // `insert` makes anyway, an insert stays one pass over the caseload.
        let at = pos
            .items
            .iter()
            .position(|x| key(x) > k)
            .unwrap_or(pos.items.len());
        pos.items.insert(at, case);
    }

    /// Puts `cases` on worker `j`'s caseload, each where [`Self::insert_item`]
    /// would put it if they came one by one in the order given, with the same
    /// sums, in one merge: a caseload of hundreds (a department whose
    /// backlog has run away) is then copied once, not once per case.
    #[cold]
    pub(super) fn insert_items(&mut self, j: usize, cases: &mut Vec<Case>) {
        let pos = &mut self.staff.positions[j];
        for case in cases.iter() {
            pos.items_hours += case.remaining;
            pos.items_severity += case.severity;
        }
        // Stable: cases of equal priority keep the order they came in, and
        // go after those already there, as one-by-one insertion puts them.
        cases.sort_by_key(priority);
        let mut merged = Vec::with_capacity(pos.items.len() + cases.len());
        let mut present = std::mem::take(&mut pos.items).into_iter().peekable();
        for case in cases.drain(..) {
            let k = priority(&case);
            while let Some(x) = present.next_if(|x| priority(x) <= k) {
                merged.push(x);
            }
            merged.push(case);
        }
        merged.extend(present);
        pos.items = merged;
    }

    // ---- 7. Case work -------------------------------------------------------

    /// `case` reaches a worker: its assessment starts.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(super) fn start_assessment(&self, case: &mut Case) {
        let doc = self.documentation_intensity();
        let w = &self.params.work;
        case.stage = Stage::Assessment;
        // A third of an assessment is direct work, the rest documentation
        // scaled by the intensity.
        let direct = w.assessment_hours * case.complexity / 3.0;
        let documentation = 2.0 * w.assessment_hours * case.complexity / 3.0 * doc;
        set_stage_hours(case, direct, documentation, doc, w.travel_per_direct_hour);
    }

    /// `case` is screened in: its investigation starts today.
    #[cfg_attr(feature = "profile", inline(never))]
    fn start_investigation(&mut self, case: &mut Case) {
        let doc = self.documentation_intensity();
        let w = &self.params.work;
        let day = self.day;
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
        self.record.month.investigations_opened += 1.0;
    }

    /// Worker `i`'s working day (`i` available today): administration,
    /// coaching, oversight work, follow-ups, the unit's pathway hours, then
    /// cases by deadline.
    // Out of line, with the caseload pass inlined into it: a function of
    // its own keeps the worker's running values in registers.
    #[inline(never)]
    fn work_day(&mut self, i: usize, shared: &SharedHours) {
        let day = self.day;
        // Borrowed, not cloned: `work_day` runs for every worker and day.
        let w = &self.params.work;
        let pos = &mut self.staff.positions[i];
        let consultant = matches!(pos.occupant, Occupant::Consultant { .. });
        let hours = &shared.contract[usize::from(day < pos.partial_until)];
        let (contract, admin, other, admin_and_other) = (
            hours.contract,
            hours.admin,
            hours.other,
            hours.admin_and_other,
        );
        let productivity = if consultant {
            1.0
        } else {
            rules::productivity(pos.experience, w)
        };
        let coaching = fastmath::min_hours(pos.coaching_today, contract - admin_and_other);
        pos.coaching_today = 0.0;
        pos.coaching_week += coaching;
        let case_capacity = contract - admin_and_other - coaching;
        let backlog =
            pos.followup_owed + pos.oversight_owed + pos.items_hours * pos.standard / productivity;
        let severity_load = if pos.items.is_empty() {
            0.0
        } else {
            pos.items_severity / pos.items.len() as f64
        };
        let pressure = rules::work_pressure(backlog, case_capacity, w);
        let time_factor = if shared.time_table {
            rules::time_factor_tabulated(pressure, pos.standard, w, &self.casework.corner_cutting)
        } else {
            rules::time_factor_with(pressure, pos.standard, w, &self.casework.corner_cutting)
        };
        let mut overtime = rules::overtime_hours(pressure, contract, w);
        let mut total = contract + overtime;
        let mut left = total - admin_and_other - coaching;
        let oversight = fastmath::min_hours(pos.oversight_owed, left);
        pos.oversight_owed -= oversight;
        left -= oversight;
        let followup = fastmath::min_hours(pos.followup_owed, left);
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
        let pace = Pace {
            hours_per_standard: time_factor / productivity,
            productivity,
            min_days: shared.min_days,
        };
        // The worker's support, for the day's decisions and strain: its
        // inputs (coaching this week, the team's turnover) do not change
        // during the worker's day.
        let support = self.staff.support_of(i, &self.params.stress);
        // Work through the caseload; a finished assessment becomes an
        // investigation at once, and a worker with hours left and room under
        // the cap takes the next report waiting in the unit.
        loop {
            self.work_items(i, &pace, &mut left, &mut split);
            let finished = self.casework.finished_scratch.len();
            for k in 0..finished {
                let id = self.casework.finished_scratch[k];
                self.finish_stage(i, id, support);
            }
            // Time of day, as a share of today's hours, for the wait measured.
            let pulled = left > 1e-9 && self.take_waiting_report(i, 1.0 - left / total);
            if left <= 1e-9 || (finished == 0 && !pulled) {
                break;
            }
        }
        let CaseHours {
            direct,
            documentation,
            travel,
        } = split;
        let pos = &mut self.staff.positions[i];
        // Overtime nobody could use (paced investigations) is not worked.
        let unused = fastmath::min_hours(overtime, left);
        overtime -= unused;
        total -= unused;
        left -= unused;
        if !consultant {
            pos.standard =
                rules::adjust_standard(pos.standard, time_factor, &self.casework.standard_rates);
            pos.experience = rules::learn(pos.experience, &self.params.work);
            self.record.month.pressure_sum += pressure;
            pos.strain_today = Some(rules::strain_with(
                &StrainInputs {
                    pressure,
                    severity_load,
                    responsibility: rules::carried_responsibility(
                        pos.responsibility,
                        pos.coaching_week,
                        &self.params.stress,
                    ),
                    blame: pos.blame,
                    support,
                },
                &self.params.stress,
                hours.control_factor,
            ));
        } else {
            pos.strain_today = None;
        }
        let t = &mut self.record.month;
        t.hours_worked += total;
        t.hours_contract += contract;
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
        self.record.ledger.hours_available += total;
        // Any category negative: the comparisons or-ed without branches.
        let negative = |h: f64| h < -1e-9;
        if negative(admin)
            | negative(other)
            | negative(coaching)
            | negative(oversight)
            | negative(direct)
            | negative(documentation)
            | negative(travel)
            | negative(left)
        {
            self.record.ledger.negative_hours += 1;
        }
        self.record.ledger.hours_accounted +=
            admin + other + coaching + oversight + direct + documentation + travel + left;
        // Most days have no overtime: adding 0 (or -0) to these sums, which
        // are never -0, changes nothing.
        if overtime != 0.0 {
            let t = &mut self.record.month;
            t.hours_overtime += overtime;
            t.cost_ksek += overtime * shared.overtime_hour_ksek;
        }
    }

    /// One pass over worker `i`'s caseload in priority order, spending the
    /// hours `left`; the ids of the cases whose stage is done are left in
    /// `finished_scratch`.
    // Inlined into `work_day`, which is kept out of line: inlined into the
    // day's schedule the pass's running values were kept on the stack.
    #[inline(always)]
    fn work_items(&mut self, i: usize, pace: &Pace, left: &mut f64, split: &mut CaseHours) {
        let day = self.day;
        let pos = &mut self.staff.positions[i];
        // A buffer kept across days: no allocation per worker and day.
        let finished = &mut self.casework.finished_scratch;
        finished.clear();
        // The running sums in locals for the pass (the same additions in
        // the same order), not read and written back through memory per case.
        let mut hours_left = *left;
        let mut items_hours = pos.items_hours;
        let (mut direct, mut travel, mut documentation) =
            (split.direct, split.travel, split.documentation);
        for c in &mut pos.items {
            if hours_left <= 1e-9 {
                break;
            }
            let remaining = c.remaining;
            if remaining <= 0.0 {
                continue;
            }
            // Investigations are paced over their shortest calendar time.
            // (Comparisons rather than `clamp` and `min`: the same numbers,
            // without their checks; a negative `workable` is skipped below
            // as a clamped 0 was.)
            let workable = if c.stage == Stage::Investigation {
                let elapsed = f64::from(day - c.stage_start + 1);
                let case_min_days = pace.min_days * c.complexity;
                if elapsed < case_min_days {
                    let allowed = c.standard_hours * elapsed / case_min_days;
                    let x = allowed - (c.standard_hours - remaining);
                    if x > remaining { remaining } else { x }
                } else {
                    remaining
                }
            } else {
                remaining
            };
            if workable <= 0.0 {
                continue;
            }
            let need = workable * pace.hours_per_standard;
            // `spent = min(need, hours_left)`; all of `workable` is done
            // when `spent >= need`.
            let (spent, done) = if need <= hours_left {
                (need, workable)
            } else {
                (hours_left, hours_left / pace.hours_per_standard)
            };
            hours_left -= spent;
            let mut after = remaining - done;
            // Guard against a crumb of a second left by rounding.
            if after < 1e-9 * c.standard_hours {
                after = 0.0;
            }
            c.remaining = after;
            items_hours -= remaining - after;
            c.effort += spent * pace.productivity;
            direct += spent * c.direct_share;
            travel += spent * c.travel_share;
            documentation += spent * c.documentation_share;
            if after <= 0.0 {
                finished.push(c.id);
            }
        }
        *left = hours_left;
        pos.items_hours = items_hours;
        (split.direct, split.travel, split.documentation) = (direct, travel, documentation);
    }

    /// How far worker `i`'s own tendency to intervene shifts a decision on
    /// `case` [log-odds]: their tendency times the spread that latitude,
    /// approval, documentation, experience and coaching allow.
    fn tilt(&self, i: usize, case: &Case, approved: bool, documentation_factor: f64) -> f64 {
        let pos = &self.staff.positions[i];
        let coached = (pos.coaching_week / self.params.stress.coaching_reference_hours.max(1e-9))
            .clamp(0.0, 1.0);
        let spread = rules::threshold_spread_with(
            &SpreadInputs {
                latitude: self.params.steering.decision_latitude,
                approved,
                documentation: case.documentation,
                experience: if pos.employed() { pos.experience } else { 1.0 },
                coached,
            },
            &self.params.decisions,
            documentation_factor,
        );
        spread * pos.tendency
    }

    /// Relative error risk of a decision by worker `i`, with `support`, on
    /// `case`.
    fn error_probability(
        &self,
        i: usize,
        case: &Case,
        support: f64,
        documentation_factor: f64,
    ) -> f64 {
        let pos = &self.staff.positions[i];
        let consultant = !pos.employed();
        rules::error_probability_with(
            &DecisionInputs {
                experience: if consultant { 1.0 } else { pos.experience },
                rushed: case.standard_hours / case.effort.max(1e-9),
                stress: if consultant { 1.0 } else { pos.stress },
                support,
                documentation: case.documentation,
            },
            &self.params.decisions,
            documentation_factor,
        )
    }

    /// Worker `i`, with today's `support`, finishes the current stage of
    /// case `id`: an assessment screens the case in or out, an
    /// investigation ends in a decision (through the manager when it needs
    /// approval).
    #[cfg_attr(feature = "profile", inline(never))]
    fn finish_stage(&mut self, i: usize, id: u32, support: f64) {
        let day = self.day;
        // Off the caseload while it is decided; back on if its
        // investigation starts.
        let pos = &mut self.staff.positions[i];
        let Some(at) = pos.items.iter().position(|c| c.id == id) else {
            return;
        };
        let mut case = pos.items.remove(at);
        if pos.items.is_empty() {
            (pos.items_hours, pos.items_severity) = (0.0, 0.0);
        } else {
            pos.items_hours -= case.remaining;
            pos.items_severity -= case.severity;
        }
        let (error_factor, spread_factor) = self
            .casework
            .documentation_factors(case.documentation, &self.params.decisions);
        let p_error = self.error_probability(i, &case, support, error_factor);
        case.decider_generation = self.staff.positions[i].generation;
        let (need, draws, severity) = (case.need, case.draws, case.severity);
        match case.stage {
            Stage::Assessment => {
                self.record.month.assessments_done += 1.0;
                if day - case.arrival > self.params.work.assessment_deadline_days {
                    self.record.month.assessments_overdue += 1.0;
                }
                let base = self.params.decisions.base_error_rate;
                let multiplier = if base > 0.0 { p_error / base } else { 1.0 };
                let p_norm = rules::screen_in_probability(need, multiplier, &self.params.decisions);
                // The worker's own threshold shifts the norm's probability.
                let p_in =
                    rules::tilted_probability(p_norm, self.tilt(i, &case, false, spread_factor));
                self.record.month.decisions_judged += 1.0;
                self.record.month.inconsistency_sum += (p_in - p_norm).abs();
                if case.child != NOBODY {
                    self.pathway.assessment_done(
                        case.child,
                        day,
                        &self.params,
                        &mut self.record.month,
                    );
                }
                if draws.screen < p_in {
                    self.start_investigation(&mut case);
                    self.insert_item(i, case);
                } else {
                    case.wrong = need;
                    self.close(&case, false);
                }
            }
            Stage::Investigation => {
                let needs_approval = severity >= self.params.steering.approval_threshold
                    && self.params.steering.approval_threshold < 1.0;
                // A worker who tends to intervene (tilt > 0) misses fewer
                // needs and intervenes more often without one:
                // P(miss) = sigmoid(logit(p) - tilt), P(unneeded) = sigmoid(logit(p) + tilt).
                let tilt = self.tilt(i, &case, needs_approval, spread_factor);
                let p_wrong = rules::tilted_probability(p_error, if need { -tilt } else { tilt });
                self.record.month.decisions_judged += 1.0;
                self.record.month.inconsistency_sum += (p_wrong - p_error).abs();
                case.wrong = draws.decide < p_wrong;
                if needs_approval {
                    case.stage = Stage::Approval;
                    case.approval_since = day;
                    let unit = case.unit as usize;
                    self.managers.posts[unit].approvals.push_back(case);
                } else {
                    self.decide(&case, false);
                }
            }
            // Not on a caseload with its work done (never reached).
            Stage::Unallocated | Stage::Approval => self.insert_item(i, case),
        }
    }

    /// The investigation's decision takes effect: intervention or not, the
    /// responsibility it brings, and the consequences of a wrong one.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(super) fn decide(&mut self, case: &Case, approved: bool) {
        let day = self.day;
        let duration = day - case.stage_start;
        self.record.month.investigations_done += 1.0;
        self.record.month.investigation_days_sum += f64::from(duration);
        if duration > self.params.work.investigation_deadline_days {
            self.record.month.investigations_overdue += 1.0;
        }
        if day >= self.outcome_start {
            self.record.investigation_days.add(duration);
        }
        self.record.year_investigation_days.add(duration);
        let intervention = case.need != case.wrong;
        if intervention {
            self.record.month.interventions += 1.0;
        }
        let worker = case.worker as usize;
        // The responsibility stays with the employee who decided, if still here.
        let decider = &mut self.staff.positions[worker];
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
            let taker = if self.staff.positions[worker].filled() {
                Some(worker)
            } else {
                self.staff.followup_colleague(worker, day, &self.vacations)
            };
            // With nobody at all in the unit, the follow-up is not done.
            if let Some(j) = taker {
                self.staff.positions[j].followup_ends.push(end);
            }
        }
        self.close(case, approved);
    }

    /// Closes a case: counts it and schedules what a wrong decision brings.
    #[cfg_attr(feature = "profile", inline(never))]
    fn close(&mut self, case: &Case, approved: bool) {
        let day = self.day;
        self.record.month.cases_closed += 1.0;
        self.record.month.case_days_sum += f64::from(day - case.arrival);
        self.record.ledger.closed += 1;
        if case.wrong {
            self.record.month.wrong_decisions += 1.0;
            let c = &self.params.consequences;
            if case.need {
                self.record.month.missed_needs += 1.0;
                if case.draws.consequence < c.serious_event_probability && case.worker != NOBODY {
                    let delay = rules::exponential_from_uniform(
                        case.draws.delay,
                        c.serious_event_delay_days,
                    );
                    let scandal = case.draws.scandal < c.scandal_probability;
                    let kind = ConsequenceKind::SeriousEvent { scandal };
                    self.schedule(delay, kind, case, approved);
                }
            } else {
                self.record.month.unneeded_interventions += 1.0;
                if case.draws.consequence < c.complaint_probability && case.worker != NOBODY {
                    let delay =
                        rules::exponential_from_uniform(case.draws.delay, c.complaint_delay_days);
                    self.schedule(delay, ConsequenceKind::Complaint, case, approved);
                }
            }
        }
        self.cases.close();
    }

    /// Schedules what a wrong decision on `case` brings.
    fn schedule(&mut self, delay: f64, kind: ConsequenceKind, case: &Case, approved: bool) {
        let manager_generation = self.managers.posts[case.unit as usize].generation;
        let o = &mut self.oversight;
        o.schedule(self.day, delay, kind, case, manager_generation, approved);
    }
}

/// A case's place on a caseload: earliest deadline, then most severe, then
/// first come.
fn priority(c: &Case) -> (u32, std::cmp::Reverse<u64>, u32) {
    (
        c.deadline,
        std::cmp::Reverse(c.severity.to_bits()),
        c.arrival,
    )
}

/// A working day's hours before case work for one kind of contract.
struct ContractHours {
    contract: f64,
    admin: f64,
    other: f64,
    admin_and_other: f64,
    /// The control term of strain (`rules::control_buffer_factor`), from
    /// the decision latitude after prescribed administration.
    control_factor: f64,
}

/// What every worker's day shares on a working day.
struct SharedHours {
    /// A full contract, and one on partial return from sick leave.
    contract: [ContractHours; 2],
    /// Cost of an overtime hour [kSEK].
    overtime_hour_ksek: f64,
    /// Shortest calendar time of an investigation of complexity 1 [days].
    min_days: f64,
    /// Whether the time factor's table is made for today's corner-cutting
    /// elasticity (`fastmath::Power::applies`), checked once per day.
    time_table: bool,
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
    case.documentation_share = 1.0 - case.direct_share - case.travel_share;
    case.documentation = doc;
}

#[cfg(test)]
mod tests {
    use super::super::{World, small_scenario};

    /// `insert_items` puts a batch of cases where `insert_item` puts them
    /// one by one, ties of priority included, with the same sums.
    #[test]
    fn a_merge_puts_cases_where_insertion_one_by_one_does() {
        let s = small_scenario(1, 4, 200, 0);
        let arm = &s.arms[0];
        let (mut one_by_one, mut merged) = (World::new(&s, arm, 0), World::new(&s, arm, 0));
        for w in [&mut one_by_one, &mut merged] {
            while w.day < 120 {
                w.step();
            }
        }
        // Every case of the other positions and copies (another id, the same
        // priority) of the caseload's own and of every other one of those,
        // in an order that is not theirs.
        let mut batch: Vec<_> = (1..4)
            .flat_map(|i| merged.staff.positions[i].items.clone())
            .collect();
        batch.extend(merged.staff.positions[0].items.iter().map(|c| {
            let mut c = c.clone();
            c.id += 2_000_000;
            c
        }));
        let copies: Vec<_> = batch
            .iter()
            .step_by(2)
            .map(|c| {
                let mut c = c.clone();
                c.id += 1_000_000;
                c
            })
            .collect();
        batch.extend(copies);
        batch.reverse();
        assert!(batch.len() >= 6, "{} cases", batch.len());
        assert!(!merged.staff.positions[0].items.is_empty());

        for case in batch.clone() {
            one_by_one.insert_item(0, case);
        }
        merged.insert_items(0, &mut batch);
        assert!(batch.is_empty());
        let (a, b) = (&one_by_one.staff.positions[0], &merged.staff.positions[0]);
        let ids =
            |p: &super::super::staff::Position| p.items.iter().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(ids(a), ids(b));
        assert_eq!(a.items_hours.to_bits(), b.items_hours.to_bits());
        assert_eq!(a.items_severity.to_bits(), b.items_severity.to_bits());
    }
}
