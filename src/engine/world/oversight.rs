//! Oversight and the steering chain (phases 1, 3 and 9): steering events,
//! the consequences of wrong decisions (complaints, serious events,
//! scandals) and the blame and inspection work they bring, political
//! switches, and the rules the control spiral adds and lets decay.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use super::World;
use super::cases::Case;
use super::managers::Manager;
use super::staff::Position;
use crate::engine::calendar::month_of;
use crate::engine::observe::Tally;
use crate::model::params::Params;
use crate::scenario::{Arm, Trigger};

/// How long scandals are remembered for political switches: the longest
/// window a scenario may set.
const SCANDAL_MEMORY_DAYS: u32 = 3650;
/// Department size [positions] at which `steering.control_ratchet` applies
/// as given; in other sizes each scandal adds proportionally less or more.
const RATCHET_REFERENCE_POSITIONS: f64 = 200.0;

/// What surfaces later from a wrong decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum ConsequenceKind {
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

/// The state of oversight and the steering chain.
pub(super) struct Oversight {
    /// Rules added by the control spiral: documentation and reporting are
    /// multiplied by `1 + rules_extra`.
    pub(super) rules_extra: f64,
    /// Consequences waiting to surface, earliest first.
    consequences: BinaryHeap<Reverse<Consequence>>,
    consequence_seq: u64,
    /// The days scandals broke, for political switches.
    pub(super) scandal_days: VecDeque<u32>,
    /// Which of the arm's events have fired.
    event_fired: Vec<bool>,
    /// Changes of steering regime so far (events and reforms).
    pub(super) regime_switches: u32,
}

impl Oversight {
    /// No rule added, no consequence waiting, no event fired.
    pub(super) fn new(arm: &Arm) -> Self {
        Oversight {
            rules_extra: 0.0,
            consequences: BinaryHeap::new(),
            consequence_seq: 0,
            scandal_days: VecDeque::new(),
            event_fired: vec![false; arm.events.len()],
            regime_switches: 0,
        }
    }

    /// The factor documentation and reporting are multiplied by.
    pub(super) fn rules_factor(&self) -> f64 {
        1.0 + self.rules_extra
    }

    /// Documentation intensity in force: the lever times the rules added.
    pub(super) fn documentation_intensity(&self, params: &Params) -> f64 {
        (params.steering.documentation_intensity * self.rules_factor()).min(5.0)
    }

    // ---- 1. Steering events -------------------------------------------------

    /// Puts event `i`'s levers in force, once.
    fn fire(&mut self, i: usize, arm: &Arm, params: &mut Params) {
        if !self.event_fired[i] {
            self.event_fired[i] = true;
            params.steering = arm.events[i].steering.clone();
            self.regime_switches += 1;
        }
    }

    /// Phase 1: the events scheduled for `day`.
    pub(super) fn fire_scheduled_events(&mut self, day: u32, arm: &Arm, params: &mut Params) {
        for i in 0..arm.events.len() {
            if arm.events[i].trigger == Trigger::AtDay(day) {
                self.fire(i, arm, params);
            }
        }
    }

    /// The political switches that enough recent scandals trigger.
    pub(super) fn check_political_events(&mut self, day: u32, arm: &Arm, params: &mut Params) {
        for i in 0..arm.events.len() {
            if let Trigger::Scandals { count, window_days } = arm.events[i].trigger {
                let recent = self
                    .scandal_days
                    .iter()
                    .filter(|&&d| d + window_days > day)
                    .count();
                if recent >= count as usize {
                    self.fire(i, arm, params);
                }
            }
        }
    }

    // ---- 3. Consequences ----------------------------------------------------

    /// A scandal breaks on `day`: remembered, and under a control ratchet it
    /// adds rules.
    pub(super) fn scandal(&mut self, day: u32, params: &Params) {
        self.scandal_days.push_back(day);
        // Per scandal, scaled to a department of the reference size: the
        // yearly ratchet follows the scandal rate per position, not the size
        // of the department.
        self.rules_extra += params.steering.control_ratchet * RATCHET_REFERENCE_POSITIONS
            / params.positions() as f64;
    }

    /// Phase 3: the consequences due by `day` surface, bringing blame and
    /// inspection work to the decider (or, if they have left, the manager)
    /// and the manager.
    fn surface(
        &mut self,
        day: u32,
        params: &Params,
        positions: &mut [Position],
        managers: &mut [Manager],
        month: &mut Tally,
    ) {
        let cq = &params.consequences;
        while let Some(Reverse(c)) = self.consequences.peek().copied() {
            if c.day > day {
                break;
            }
            self.consequences.pop();
            let blame_base = cq.blame_shock * params.steering.blame_culture;
            let (blame, worker_hours, manager_hours) = match c.kind {
                ConsequenceKind::Complaint => {
                    month.complaints += 1.0;
                    (
                        cq.complaint_blame_share * blame_base,
                        cq.complaint_hours,
                        0.0,
                    )
                }
                ConsequenceKind::SeriousEvent { scandal } => {
                    month.serious_events += 1.0;
                    if scandal {
                        month.scandals += 1.0;
                        self.scandal(day, params);
                    }
                    (
                        blame_base,
                        cq.inspection_hours_worker,
                        cq.inspection_hours_manager,
                    )
                }
            };
            let manager_share = if c.approved {
                cq.approval_blame_share
            } else {
                0.0
            };
            let pos = &mut positions[c.position as usize];
            if pos.employed() && pos.generation == c.generation {
                pos.blame += blame * (1.0 - manager_share);
                pos.oversight_owed += worker_hours;
            } else {
                // The decision maker has left: their blame goes with them, and
                // the unit's manager answers the inspection.
                managers[c.unit as usize].oversight_owed += worker_hours;
            }
            let manager = &mut managers[c.unit as usize];
            manager.oversight_owed += manager_hours;
            if manager.employed && manager.generation == c.manager_generation {
                manager.blame += blame * manager_share;
            }
        }
        while self
            .scandal_days
            .front()
            .is_some_and(|&d| d + SCANDAL_MEMORY_DAYS < day)
        {
            self.scandal_days.pop_front();
        }
    }

    /// Schedules what a wrong decision on `case` brings, `delay` days after
    /// `day`; `manager_generation` is the unit manager's now.
    pub(super) fn schedule(
        &mut self,
        day: u32,
        delay: f64,
        kind: ConsequenceKind,
        case: &Case,
        manager_generation: u32,
        approved: bool,
    ) {
        self.consequence_seq += 1;
        self.consequences.push(Reverse(Consequence {
            day: day + delay.ceil().min(f64::from(u32::MAX / 2)) as u32,
            seq: self.consequence_seq,
            kind,
            position: case.worker,
            generation: case.decider_generation,
            unit: case.unit,
            manager_generation,
            approved,
        }));
    }

    // ---- 9. Steering chain --------------------------------------------------

    /// Phase 9: rules decay; at month end, the KPI check adds rules when
    /// too many investigations ran late.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(super) fn steering_chain(&mut self, day: u32, params: &Params, month: &Tally) {
        let st = &params.steering;
        self.rules_extra *= (-1.0 / st.rule_decay_days).exp();
        if month_of(day + 1) != month_of(day) && month.investigations_done > 0.0 {
            let overdue = month.investigations_overdue / month.investigations_done;
            self.rules_extra += st.kpi_pressure * (overdue - st.kpi_target_overdue).max(0.0);
        }
        // Rules cannot push documentation past the registry's ceiling.
        let ceiling = 5.0 / st.documentation_intensity.max(1e-9) - 1.0;
        self.rules_extra = self.rules_extra.min(ceiling.max(0.0));
    }
}

impl World<'_> {
    /// Phase 1, events.
    pub(super) fn fire_scheduled_events(&mut self) {
        let o = &mut self.oversight;
        o.fire_scheduled_events(self.day, self.arm, &mut self.params);
    }

    /// Phase 3, consequences, then the political switches they may bring.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(super) fn surface_consequences(&mut self) {
        self.oversight.surface(
            self.day,
            &self.params,
            &mut self.staff.positions,
            &mut self.managers.posts,
            &mut self.record.month,
        );
        self.check_political_events();
    }

    /// The political switches that enough recent scandals trigger.
    pub(super) fn check_political_events(&mut self) {
        let o = &mut self.oversight;
        o.check_political_events(self.day, self.arm, &mut self.params);
    }

    /// Phase 9, the steering chain.
    pub(super) fn steering_chain(&mut self) {
        let o = &mut self.oversight;
        o.steering_chain(self.day, &self.params, &self.record.month);
    }
}
