//! Cases: a report of concern from arrival to closure. A case is a value
//! that lives where it is: in its unit's queue, on a worker's caseload (kept
//! contiguous, in priority order), or in a manager's approval queue; it
//! moves between them and is dropped when closed. [`Cases`] only counts
//! them and numbers them.

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
#[repr(C)]
pub(super) struct Case {
    // The fields the daily pass over a caseload reads (`work_items`) come
    // first, in 72 bytes: `repr(C)` keeps the order.
    /// Standard hours left in the current stage.
    pub(super) remaining: f64,
    /// Standard hours of the current stage.
    pub(super) standard_hours: f64,
    /// Productive hours put into the current stage.
    pub(super) effort: f64,
    /// Shares of the stage's hours that are direct work, travel and
    /// documentation (`1 - direct - travel`, kept so that the caseload pass
    /// does not work it out at every case it works).
    pub(super) direct_share: f64,
    pub(super) travel_share: f64,
    pub(super) documentation_share: f64,
    /// Work multiplier (lognormal, mean 1).
    pub(super) complexity: f64,
    /// Severity 0 (mild) to 1 (acute).
    pub(super) severity: f64,
    pub(super) stage_start: u32,
    pub(super) stage: Stage,
    /// Hidden truth: does the child need an intervention?
    pub(super) need: bool,
    pub(super) wrong: bool,
    pub(super) deadline: u32,
    pub(super) arrival: u32,
    /// The case's number (identity only: it decides nothing).
    pub(super) id: u32,
    pub(super) unit: u32,
    pub(super) worker: u32,
    pub(super) approval_since: u32,
    /// Generation of the worker in `worker` who took the decision.
    pub(super) decider_generation: u32,
    /// The child's number in the cross-agency pathway, or `NOBODY`.
    pub(super) child: u32,
    pub(super) documentation: f64,
    pub(super) draws: CaseDraws,
}

/// The count of open cases and the next case number.
#[derive(Debug, Default)]
pub(super) struct Cases {
    /// Cases open now.
    pub(super) open: u64,
    next: u32,
}

impl Cases {
    /// Counts a new case open and gives its number.
    pub(super) fn add(&mut self) -> u32 {
        self.open += 1;
        self.next = self.next.wrapping_add(1);
        self.next
    }

    /// Counts a case closed.
    pub(super) fn close(&mut self) {
        self.open -= 1;
    }
}
