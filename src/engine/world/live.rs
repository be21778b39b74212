//! Live stepping for the teaching view (`tillit serve`): one run of one arm,
//! advanced a few days at a time, with levers and events changed between
//! days, and a plain snapshot of the department after each step.
//!
//! This is a child module of `world` so that it can read the world's state
//! without widening the world's visibility; it only adds ways to step, to
//! change the levers and to look. With no lever change and no event, a
//! [`LiveRun`] stepped to the horizon is the same run as
//! [`crate::engine::simulate`]: the same days, the same draws, the same
//! monthly series.

use serde::Serialize;

use super::World;
use super::cases::Stage;
use super::staff::Occupant;
use crate::engine::calendar::manager_on_vacation;
use crate::model::params::{Params, Steering};
use crate::model::presets::Preset;
use crate::outcome::{SeriesMetric, SeriesValues};
use crate::scenario::{Arm, Scenario};

/// Relative rise in reports of concern that one demand-surge event brings.
pub const DEMAND_SURGE: f64 = 0.25;

/// A mistake in a live change (an unknown lever or a value out of range).
#[derive(Debug, thiserror::Error, PartialEq)]
#[non_exhaustive]
pub enum LiveError {
    /// No steering lever of this name.
    #[error("unknown lever `{0}`: the levers are the `steering` parameters of `tillit params`")]
    UnknownLever(String),
    /// The value does not fit the lever's range or kind.
    #[error("lever `{lever}`: {message}")]
    BadValue {
        /// The lever.
        lever: String,
        /// What is allowed.
        message: String,
    },
    /// The demand cannot rise further within the registry's range.
    #[error("demand is already at its highest ({0} reports per position and year)")]
    DemandAtMaximum(f64),
}

/// Something that happens to the running department, from the next day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LiveEvent {
    /// A scandal in the media: counted as a scandal; under a control ratchet
    /// it adds rules as a surfaced scandal does, it may trigger the arm's
    /// political switch, and it brings blame to every unit manager.
    Scandal,
    /// Reports of concern rise by [`DEMAND_SURGE`] from the next day on.
    DemandSurge,
    /// A reform to the trust preset's levers (the pathway switches kept).
    ReformTrust,
    /// A return to the control preset's levers (the pathway switches kept).
    ReformControl,
}

/// What a case-worker position shows today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PositionState {
    /// An employee at work (or off for the weekend).
    Working,
    /// An employee on sick leave.
    Sick,
    /// An employee on vacation.
    Vacation,
    /// Nobody fills the position.
    Vacant,
    /// An agency consultant covers the vacancy.
    Consultant,
}

/// One case-worker position in a [`Snapshot`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PositionView {
    /// What the position shows today.
    pub state: PositionState,
    /// Stress of the employee (stress units, 1 = nominal work); 0 when the
    /// position has no employee.
    pub stress: f64,
    /// Cases on the position's caseload.
    pub cases: u32,
}

/// A unit manager in a [`Snapshot`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ManagerView {
    /// What the post shows today (`working`, `sick`, `vacation` or `vacant`).
    pub state: PositionState,
    /// Stress of the manager; 0 when the post is vacant.
    pub stress: f64,
    /// Decisions waiting for the manager's approval.
    pub approvals_waiting: u32,
}

/// One unit in a [`Snapshot`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitView {
    /// The unit manager.
    pub manager: ManagerView,
    /// The unit's case-worker positions.
    pub positions: Vec<PositionView>,
    /// Reports waiting for a worker.
    pub unallocated: u32,
    /// Open cases of the unit: waiting, on caseloads, waiting for approval.
    pub open_cases: u32,
    /// Open investigations (or decisions waiting for approval) already past
    /// the investigation deadline.
    pub overdue_investigations: u32,
}

/// The department on one day, plain values for a view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    /// Days simulated so far (the next day to run).
    pub day: u32,
    /// Months completed so far (entries of the monthly series).
    pub months: usize,
    /// Days in the run.
    pub horizon_days: u32,
    /// Whether the run has reached its horizon.
    pub finished: bool,
    /// The units, in order.
    pub units: Vec<UnitView>,
    /// Cross-agency children waiting for their first help at the end of the
    /// last day simulated.
    pub children_waiting: u32,
    /// Documentation intensity in force: the lever times the rules added.
    pub documentation_intensity: f64,
    /// Scandals so far.
    pub scandals: u32,
    /// Changes of steering regime so far (events and reforms).
    pub regime_switches: u32,
    /// The levers in force.
    pub steering: Steering,
    /// Reports of concern per position and year in force.
    pub reports_per_position_year: f64,
}

/// One run of one arm, stepped by the caller.
pub struct LiveRun<'a> {
    world: World<'a>,
    scandals: u32,
    /// Scandal events applied before the next day, already counted.
    scandal_events_pending: u32,
    children_waiting: u32,
}

impl<'a> LiveRun<'a> {
    /// Replication `replication` of `arm` at day 0: the same world that
    /// [`crate::engine::simulate`] starts from.
    pub fn new(scenario: &Scenario, arm: &'a Arm, replication: u32) -> Self {
        LiveRun {
            world: World::new(scenario, arm, replication),
            scandals: 0,
            scandal_events_pending: 0,
            children_waiting: 0,
        }
    }

    /// Days simulated so far.
    pub fn day(&self) -> u32 {
        self.world.day
    }

    /// Days in the run.
    pub fn horizon(&self) -> u32 {
        self.world.horizon
    }

    /// Whether the run has reached its horizon.
    pub fn finished(&self) -> bool {
        self.world.day >= self.world.horizon
    }

    /// Runs up to `days` more days, never past the horizon; returns the
    /// number of days run.
    pub fn step_days(&mut self, days: u32) -> u32 {
        let mut done = 0;
        while done < days && !self.finished() {
            self.step_one();
            done += 1;
        }
        done
    }

    /// One day, keeping today's count of waiting children and scandals.
    fn step_one(&mut self) {
        let day = self.world.day;
        let before_sum = self.world.record.month.children_waiting_sum;
        let before_days = self.world.record.month.days;
        let months = self.world.record.series.len();
        self.world.step();
        let sum = match self.world.record.series.last() {
            // The month closed today: its tally is now in the series, as a
            // mean over its days.
            Some(last) if self.world.record.series.len() > months => {
                let mean = last[SeriesMetric::ChildrenWaiting];
                if mean.is_finite() {
                    mean * (before_days + 1.0)
                } else {
                    before_sum
                }
            }
            _ => self.world.record.month.children_waiting_sum,
        };
        self.children_waiting = (sum - before_sum).round().max(0.0) as u32;
        // Scandals are remembered by the day they broke; those of the
        // scandal event were counted when it was applied.
        let today = self
            .world
            .oversight
            .scandal_days
            .iter()
            .rev()
            .take_while(|&&d| d == day)
            .count();
        let today = today as u32;
        self.scandals += today.saturating_sub(self.scandal_events_pending);
        self.scandal_events_pending = 0;
    }

    /// The monthly series so far, warm-up included: entry `m` is month `m`
    /// as `series.csv` has it.
    pub fn series(&self) -> &[SeriesValues] {
        &self.world.record.series
    }

    /// The parameters in force (the arm's, with every change since).
    pub fn params(&self) -> &Params {
        &self.world.params
    }

    /// Sets steering lever `name` (a `steering` parameter of the registry)
    /// to `value`, in force from the next day. A switch takes 0 or 1.
    pub fn set_lever(&mut self, name: &str, value: f64) -> Result<(), LiveError> {
        let spec = Params::spec("steering", name)
            .ok_or_else(|| LiveError::UnknownLever(name.to_owned()))?;
        spec.check(value).map_err(|message| LiveError::BadValue {
            lever: name.to_owned(),
            message,
        })?;
        spec.set(&mut self.world.params, value);
        Ok(())
    }

    /// Makes `event` happen, in force from the next day.
    pub fn apply(&mut self, event: LiveEvent) -> Result<(), LiveError> {
        let w = &mut self.world;
        match event {
            LiveEvent::Scandal => {
                let day = w.day;
                w.record.month.scandals += 1.0;
                self.scandals += 1;
                self.scandal_events_pending += 1;
                w.oversight.scandal(day, &w.params);
                let blame = w.params.consequences.blame_shock * w.params.steering.blame_culture;
                for manager in &mut w.managers.posts {
                    if manager.employed {
                        manager.blame += blame;
                    }
                }
                w.check_political_events();
            }
            LiveEvent::DemandSurge => {
                let spec = Params::spec("demand", "reports_per_position_year")
                    .ok_or_else(|| LiveError::UnknownLever("reports_per_position_year".into()))?;
                let now = w.params.demand.reports_per_position_year;
                if now >= spec.max {
                    return Err(LiveError::DemandAtMaximum(now));
                }
                w.params.demand.reports_per_position_year =
                    (now * (1.0 + DEMAND_SURGE)).min(spec.max);
            }
            LiveEvent::ReformTrust | LiveEvent::ReformControl => {
                let preset = if event == LiveEvent::ReformTrust {
                    Preset::Trust
                } else {
                    Preset::Control
                };
                let old = &w.params.steering;
                w.params.steering = Steering {
                    integrated_team: old.integrated_team,
                    named_person: old.named_person,
                    caseload_cap: old.caseload_cap,
                    ..preset.steering()
                };
                w.oversight.regime_switches += 1;
            }
        }
        Ok(())
    }

    /// The department as it is after the last day simulated.
    pub fn snapshot(&self) -> Snapshot {
        let w = &self.world;
        // The last day simulated (day 0 before any step).
        let day = w.day.saturating_sub(1);
        let deadline = w.params.work.investigation_deadline_days;
        let vacation_days = w.params.organisation.vacation_days;
        let mut units: Vec<UnitView> = w
            .managers
            .posts
            .iter()
            .zip(&w.staff.teams)
            .zip(&w.intake.waiting)
            .enumerate()
            .map(|(u, ((m, team), waiting))| {
                let manager_state = if !m.employed {
                    PositionState::Vacant
                } else if day < m.sick_until {
                    PositionState::Sick
                } else if manager_on_vacation(u, day, vacation_days) {
                    PositionState::Vacation
                } else {
                    PositionState::Working
                };
                let positions = (team.first..team.first + team.len)
                    .map(|i| {
                        let p = &w.staff.positions[i];
                        let state = match p.occupant {
                            Occupant::Vacant { .. } => PositionState::Vacant,
                            Occupant::Consultant { .. } => PositionState::Consultant,
                            Occupant::Employee if p.sick(day) => PositionState::Sick,
                            Occupant::Employee if w.vacations.on(i, day) => PositionState::Vacation,
                            Occupant::Employee => PositionState::Working,
                        };
                        PositionView {
                            state,
                            stress: if p.employed() { p.stress } else { 0.0 },
                            cases: p.items.len() as u32,
                        }
                    })
                    .collect();
                UnitView {
                    manager: ManagerView {
                        state: manager_state,
                        stress: if m.employed { m.stress } else { 0.0 },
                        approvals_waiting: m.approvals.len() as u32,
                    },
                    positions,
                    unallocated: waiting.len() as u32,
                    open_cases: 0,
                    overdue_investigations: 0,
                }
            })
            .collect();
        // Cases are counted where they are (a unit's queue, a caseload, an
        // approval queue) under the unit they belong to.
        for case in w.open_cases() {
            let Some(view) = units.get_mut(case.unit as usize) else {
                continue;
            };
            view.open_cases += 1;
            let investigating = matches!(case.stage, Stage::Investigation | Stage::Approval);
            if investigating && w.day.saturating_sub(case.stage_start) > deadline {
                view.overdue_investigations += 1;
            }
        }
        Snapshot {
            day: w.day,
            months: w.record.series.len(),
            horizon_days: w.horizon,
            finished: self.finished(),
            units,
            children_waiting: self.children_waiting,
            documentation_intensity: w.documentation_intensity(),
            scandals: self.scandals,
            regime_switches: w.oversight.regime_switches,
            steering: w.params.steering.clone(),
            reports_per_position_year: w.params.demand.reports_per_position_year,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Scenario {
        super::super::small_scenario(2, 5, 400, 100)
    }

    fn bits(series: &[SeriesValues]) -> Vec<u64> {
        series.iter().flat_map(|m| m.0.map(f64::to_bits)).collect()
    }

    #[test]
    fn stepped_in_pieces_it_is_the_run_simulate_makes() {
        let s = small();
        for arm in &s.arms {
            let whole = crate::engine::simulate(&s, arm, 3);
            let mut live = LiveRun::new(&s, arm, 3);
            for days in [1, 6, 30, 100].into_iter().cycle() {
                if live.step_days(days) == 0 {
                    break;
                }
            }
            assert!(live.finished());
            assert_eq!(live.day(), 400);
            assert_eq!(bits(live.series()), bits(&whole.series));
        }
    }

    #[test]
    fn a_lever_takes_effect_from_the_next_day_only() {
        let s = small();
        let arm = &s.arms[0];
        let mut a = LiveRun::new(&s, arm, 0);
        let mut b = LiveRun::new(&s, arm, 0);
        a.step_days(40);
        b.step_days(40);
        b.set_lever("documentation_intensity", 3.0)
            .expect("in range");
        assert_eq!(bits(a.series()), bits(b.series()));
        a.step_days(60);
        b.step_days(60);
        assert_ne!(bits(a.series()), bits(b.series()));
        assert_eq!(
            b.set_lever("documentation_intensity", 9.0),
            Err(LiveError::BadValue {
                lever: "documentation_intensity".into(),
                message: "9 is out of range: allowed 0.1 ..= 5 (ratio)".into(),
            })
        );
        assert!(matches!(
            b.set_lever("nonsense", 1.0),
            Err(LiveError::UnknownLever(_))
        ));
    }

    #[test]
    fn the_snapshot_finds_every_position_and_open_case() {
        let s = small();
        let mut live = LiveRun::new(&s, &s.arms[0], 1);
        live.step_days(90);
        let snap = live.snapshot();
        assert_eq!(snap.units.len(), 2);
        assert!(snap.units.iter().all(|u| u.positions.len() == 5));
        let on_caseloads: u32 = snap
            .units
            .iter()
            .flat_map(|u| &u.positions)
            .map(|p| p.cases)
            .sum();
        let open: u32 = snap.units.iter().map(|u| u.open_cases).sum();
        let waiting: u32 = snap
            .units
            .iter()
            .map(|u| u.unallocated + u.manager.approvals_waiting)
            .sum();
        assert!(open > 0);
        assert_eq!(open, on_caseloads + waiting);
        assert_eq!(u64::from(open), live.world.cases.open);
    }
}
