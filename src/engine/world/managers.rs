//! Managers and approval (phase 6, and the managers' part of phase 4): a
//! unit manager's day (allocation first, then reporting, inspections,
//! approvals, recruitment, rehabilitation, and coaching with what is left),
//! the approval of high-stakes decisions, and the managers' own sickness,
//! departures and recruitment.

use std::collections::VecDeque;

use rand::Rng as _;

use super::World;
use super::cases::Case;
use super::staff::{LogRisks, NEW_HIRE_STRESS, long_spell_days, sick_pay};
use crate::engine::calendar::{is_workday, manager_on_vacation};
use crate::engine::observe::Tally;
use crate::engine::seeds::{Purpose, Rng, stream};
use crate::model::params::Params;
use crate::model::rules::{self, StrainInputs};

/// Weekdays in a 365-day year, for hourly wages.
const WEEKDAYS_PER_YEAR: f64 = 261.0;

/// A unit manager post.
#[derive(Clone, Debug)]
pub(super) struct Manager {
    pub(super) employed: bool,
    vacant_until: u32,
    /// Counts the managers who have held the post, so blame finds the right one.
    pub(super) generation: u32,
    pub(super) stress: f64,
    pub(super) exhaustion: f64,
    pub(super) blame: f64,
    pub(super) sick_start: u32,
    pub(super) sick_until: u32,
    /// Decisions waiting for approval, first come first.
    pub(super) approvals: VecDeque<Case>,
    pub(super) oversight_owed: f64,
    pub(super) rehab_owed: f64,
    pub(super) strain_today: Option<f64>,
    rng: Rng,
}

impl Manager {
    /// The post of unit `u` at day 0, filled.
    fn new(u: u32, seed: u64) -> Self {
        Manager {
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
        }
    }

    /// The post's day in phase 4: recruitment ends, or a long sick spell or a
    /// resignation starts (three draws every weekday whatever the state).
    fn transitions(
        &mut self,
        day: u32,
        weekday: bool,
        params: &Params,
        r: &LogRisks,
        month: &mut Tally,
    ) {
        let s = &params.sickness;
        let m = &params.managers;
        let manager = self;
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
                month.cost_ksek += params.costs.recruitment_ksek;
            }
            return;
        }
        if !weekday || day < manager.sick_until {
            return;
        }
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
            month.manager_separations += 1.0;
        }
    }
}

/// The unit managers and the buffers of their day.
pub(super) struct Managers {
    /// By unit.
    pub(super) posts: Vec<Manager>,
    /// The workers present today in the unit being managed (a buffer kept
    /// across days: no allocation per unit and day).
    present_scratch: Vec<usize>,
}

impl Managers {
    /// Every post of `units` units filled at day 0.
    pub(super) fn new(units: u32, seed: u64) -> Self {
        Managers {
            posts: (0..units).map(|u| Manager::new(u, seed)).collect(),
            present_scratch: Vec::new(),
        }
    }

    /// Phase 8 for the managers, in unit order: salaries, stress,
    /// exhaustion and blame.
    pub(super) fn after_day(&mut self, day: u32, params: &Params, t: &mut Tally) {
        let s = &params.stress;
        let weekday = is_workday(day, params.organisation.workdays_per_week);
        let blame_decay = (-1.0 / params.consequences.blame_decay_days).exp();
        let costs = &params.costs;
        let vacation_days = params.organisation.vacation_days;
        let manager_salary =
            costs.manager_salary_ksek_month * 12.0 / 365.0 * (1.0 + costs.payroll_overhead);
        for (u, m) in self.posts.iter_mut().enumerate() {
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
            m.stress = rules::update_stress(m.stress, m.strain_today.take(), s);
            m.exhaustion = rules::update_exhaustion(m.exhaustion, m.stress, s);
            m.blame *= blame_decay;
            t.manager_stress_sum += m.stress;
        }
    }
}

impl World<'_> {
    // ---- 6. Managers --------------------------------------------------------

    /// Phase 6, managers (working days): each unit in order.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(super) fn managers_day(&mut self) {
        for u in 0..self.managers.posts.len() {
            self.manager_day(u);
        }
    }

    /// Phase 4, after the positions: each manager post in unit order.
    pub(super) fn manager_transitions(&mut self) {
        let day = self.day;
        let weekday = is_workday(day, self.params.organisation.workdays_per_week);
        for manager in &mut self.managers.posts {
            let log_risk = &self.staff.log_risk;
            manager.transitions(day, weekday, &self.params, log_risk, &mut self.record.month);
        }
    }

    /// Phase 6 for unit `u`: allocation, reporting, inspections, approvals,
    /// recruitment, rehabilitation, and coaching with what is left.
    #[cfg_attr(feature = "profile", inline(never))]
    fn manager_day(&mut self, u: usize) {
        let day = self.day;
        let vacation_days = self.params.organisation.vacation_days;
        let m = self.params.managers.clone();
        let st = self.params.steering.clone();
        let rules_factor = self.rules_factor();
        let (first, len) = (self.staff.teams[u].first, self.staff.teams[u].len);
        // A buffer kept across days: no allocation per unit and day.
        let mut present = std::mem::take(&mut self.managers.present_scratch);
        present.clear();
        // One pass over the team: who is present today, and the open posts
        // (allocation changes neither).
        let mut vacancies = 0usize;
        let team = &self.staff.positions[first..first + len];
        let available = &self.staff.available_today[first..first + len];
        for (k, (position, &here)) in team.iter().zip(available).enumerate() {
            if here {
                present.push(first + k);
            }
            vacancies += usize::from(!position.employed());
        }
        let vacancies = vacancies as f64;
        let manager = &self.managers.posts[u];
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
        let allocated = self.allocate_waiting(u, &present, m.allocation_hours);

        let manager = &mut self.managers.posts[u];
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
                support: 0.5,
                ..Default::default()
            },
            0.5,
            &self.params.stress,
        );
        manager.strain_today = manager_present.then_some(strain);
        let per_worker = if present.is_empty() {
            0.0
        } else {
            coaching / present.len() as f64
        };
        for &j in &present {
            self.staff.positions[j].coaching_today = per_worker;
        }
        if manager_present {
            self.record.month.cost_ksek += overtime
                * self.overtime_hour_ksek(self.params.costs.manager_salary_ksek_month, contract);
        }
        self.managers.present_scratch = present;
        for _ in 0..approvals {
            if let Some(case) = self.managers.posts[u].approvals.pop_front() {
                self.approve(case);
            }
        }
    }

    /// Cost of one overtime hour [kSEK] for a monthly salary and daily hours.
    pub(super) fn overtime_hour_ksek(&self, monthly: f64, hours_per_day: f64) -> f64 {
        let c = &self.params.costs;
        monthly * 12.0 / (WEEKDAYS_PER_YEAR * hours_per_day)
            * c.overtime_premium
            * (1.0 + c.payroll_overhead)
    }

    /// The manager approves the decision on case `id`, and may catch a
    /// wrong one.
    #[cfg_attr(feature = "profile", inline(never))]
    fn approve(&mut self, mut case: Case) {
        let catch_rate = self.params.decisions.approval_catch_rate;
        self.record.month.approvals += 1.0;
        self.record.month.approval_wait_sum += f64::from(self.day - case.approval_since);
        if case.wrong && case.draws.catch < catch_rate {
            case.wrong = false;
            self.record.month.errors_caught += 1.0;
        }
        self.decide(&case, true);
    }
}
