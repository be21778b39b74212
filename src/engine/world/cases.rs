//! The case store: every report of concern from arrival to closure, in a
//! `Vec` whose slots are reused once a case is closed. Intake adds cases,
//! case work closes them; the others move their ids between queues.

use std::ops::{Index, IndexMut};

/// Where a case is in its flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stage {
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
pub(super) struct CaseDraws {
    pub(super) screen: f64,
    pub(super) decide: f64,
    pub(super) catch: f64,
    pub(super) consequence: f64,
    pub(super) delay: f64,
    pub(super) scandal: f64,
}

/// A report of concern about a child, from arrival to closure.
#[derive(Clone, Debug)]
pub(super) struct Case {
    pub(super) arrival: u32,
    pub(super) unit: u32,
    /// Severity 0 (mild) to 1 (acute).
    pub(super) severity: f64,
    /// Hidden truth: does the child need an intervention?
    pub(super) need: bool,
    /// Work multiplier (lognormal, mean 1).
    pub(super) complexity: f64,
    pub(super) draws: CaseDraws,
    pub(super) stage: Stage,
    pub(super) worker: u32,
    pub(super) stage_start: u32,
    pub(super) deadline: u32,
    /// Standard hours left in the current stage.
    pub(super) remaining: f64,
    /// Standard hours of the current stage.
    pub(super) standard_hours: f64,
    /// Productive hours put into the current stage.
    pub(super) effort: f64,
    /// Shares of the stage's hours that are direct work and travel.
    pub(super) direct_share: f64,
    pub(super) travel_share: f64,
    pub(super) documentation: f64,
    pub(super) wrong: bool,
    pub(super) approval_since: u32,
    /// Generation of the worker in `worker` who took the decision.
    pub(super) decider_generation: u32,
    /// The child's number in the cross-agency pathway, or `NOBODY`.
    pub(super) child: u32,
}

/// Every case, open or closed, by id.
#[derive(Debug, Default)]
pub(super) struct Cases {
    all: Vec<Case>,
    /// Ids of closed cases, whose slots a new case reuses.
    free: Vec<u32>,
    /// Cases open now.
    pub(super) open: u64,
}

impl Cases {
    /// Stores a new case, in a closed case's slot when there is one.
    pub(super) fn add(&mut self, case: Case) -> u32 {
        self.open += 1;
        match self.free.pop() {
            Some(id) => {
                self.all[id as usize] = case;
                id
            }
            None => {
                self.all.push(case);
                (self.all.len() - 1) as u32
            }
        }
    }

    /// Marks case `id` closed: its slot may be reused.
    pub(super) fn free(&mut self, id: u32) {
        self.open -= 1;
        self.free.push(id);
    }
}

impl Index<usize> for Cases {
    type Output = Case;
    fn index(&self, id: usize) -> &Case {
        &self.all[id]
    }
}

impl IndexMut<usize> for Cases {
    fn index_mut(&mut self, id: usize) -> &mut Case {
        &mut self.all[id]
    }
}
