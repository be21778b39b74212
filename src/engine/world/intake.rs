//! Intake and allocation (phase 2, and the allocation of phases 6 and 7):
//! today's reports of concern arrive at their unit's queue, each with the
//! draws that make it part of the exogenous world; the manager hands the
//! waiting reports to present workers, and a worker with time left takes
//! the next one.

use std::collections::VecDeque;
use std::sync::Arc;

use rand::Rng as _;
use rand_distr::{Distribution, Poisson};

use super::cases::{Case, CaseDraws, Stage};
use super::{NEVER, NOBODY, World};
use crate::engine::seeds::{Purpose, Rng, stream};
use crate::model::beta::BetaQuantiles;
use crate::model::gamma::GammaQuantiles;
use crate::model::params::Demand;
use crate::scenario::DAYS_PER_YEAR;

/// The state of intake: the demand stream and the queues.
pub(super) struct Intake {
    /// The `Demand` stream: arrivals, severities, needs, complexities and
    /// each case's decision uniforms.
    rng: Rng,
    /// By unit: the reports waiting for a worker, first come first.
    pub(super) waiting: Vec<VecDeque<Case>>,
    /// The workers who can take a report, each as one key `caseload << 32 |
    /// position`, a buffer kept across days.
    load_scratch: Vec<u64>,
    /// Quantiles of the severity distribution (Beta with the demand's mean
    /// and concentration, which no event changes), for one-uniform draws.
    severity: Option<Arc<BetaQuantiles>>,
    /// Quantiles of the work requirement (Gamma with mean 1 and the
    /// demand's coefficient of variation; `None` at 0, every case 1).
    complexity: Option<Arc<GammaQuantiles>>,
}

impl Intake {
    /// No report yet: empty queues for `units` units.
    pub(super) fn new(units: u32, seed: u64, demand: &Demand) -> Self {
        let k = demand.severity_concentration;
        Intake {
            rng: stream(seed, Purpose::Demand, 0),
            waiting: vec![VecDeque::new(); units as usize],
            load_scratch: Vec::new(),
            severity: BetaQuantiles::shared(
                demand.severity_mean * k,
                (1.0 - demand.severity_mean) * k,
            ),
            complexity: GammaQuantiles::shared(demand.complexity_cv),
        }
    }
}

impl World<'_> {
    // ---- 2. Demand ----------------------------------------------------------

    /// Phase 2, demand: a Poisson count of reports, then case by case, then
    /// the school's concerns.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(super) fn arrivals(&mut self) {
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
            Poisson::new(rate).map_or(0, |p| p.sample(&mut self.intake.rng) as u64)
        } else {
            0
        };
        for _ in 0..n {
            let unit = self.intake.rng.gen_range(0..self.intake.waiting.len()) as u32;
            // One uniform by inverse transform (`model::beta`), whatever
            // the shapes, so the draws after it stay aligned across arms.
            let u: f64 = self.intake.rng.r#gen();
            let severity = self
                .intake
                .severity
                .as_ref()
                .map_or(d.severity_mean, |b| b.sample(u));
            let need_p = d.need_at_low_severity
                + (d.need_at_high_severity - d.need_at_low_severity) * severity;
            let need = self.intake.rng.r#gen::<f64>() < need_p;
            // Work requirement: Gamma with mean 1 and the given coefficient
            // of variation (cv 1 is exponential, as queueing theory
            // assumes), from one uniform by inverse transform
            // (`model::gamma`); none drawn at cv 0.
            let complexity = self
                .intake
                .complexity
                .as_ref()
                .map_or(1.0, |g| g.sample(self.intake.rng.r#gen()));
            let draws = CaseDraws {
                screen: self.intake.rng.r#gen(),
                decide: self.intake.rng.r#gen(),
                catch: self.intake.rng.r#gen(),
                consequence: self.intake.rng.r#gen(),
                delay: self.intake.rng.r#gen(),
                scandal: self.intake.rng.r#gen(),
            };
            let child = self
                .pathway
                .on_report(self.day, unit, &self.params, &mut self.record.month)
                .unwrap_or(NOBODY);
            let case = Case {
                id: self.cases.add(),
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
                documentation_share: 1.0,
                documentation: 1.0,
                wrong: false,
                approval_since: NEVER,
                decider_generation: 0,
                child,
            };
            self.intake.waiting[unit as usize].push_back(case);
            self.record.ledger.reports += 1;
            self.record.month.reports += 1.0;
        }
        self.pathway
            .school_concerns(self.day, season, &self.params, &mut self.record.month);
    }

    /// The manager of unit `u` hands the reports waiting there to the workers
    /// `present` today, first come first; returns the manager's hours, each
    /// report costing `allocation_hours`.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(super) fn allocate_waiting(
        &mut self,
        u: usize,
        present: &[usize],
        allocation_hours: f64,
    ) -> f64 {
        let mut allocated = 0.0;
        let cap = self.params.steering.caseload_cap as usize;
        if !self.intake.waiting[u].is_empty() {
            // Each report goes to the present worker with the fewest cases
            // (then the lowest index) under the cap. Their caseload sizes are
            // read once into a short list kept up to date, not looked up in
            // every position for every report; caseload and index are packed
            // into one integer key, so that the order of two workers is one
            // comparison.
            let mut loads = std::mem::take(&mut self.intake.load_scratch);
            loads.clear();
            loads.extend(
                present
                    .iter()
                    .map(|&j| (self.staff.positions[j].items.len(), j))
                    .filter(|&(n, _)| cap == 0 || n < cap)
                    .map(|(n, j)| load_key(n, j)),
            );
            while !loads.is_empty() {
                let Some(case) = self.intake.waiting[u].pop_front() else {
                    break;
                };
                // Keys are unique (the index breaks ties): the order of
                // `loads` does not matter.
                let k = position_of_least(&loads);
                let j = (loads[k] & 0xFFFF_FFFF) as usize;
                self.allocate(case, j, 0.0);
                allocated += allocation_hours;
                loads[k] += 1 << 32;
                if cap != 0 && (loads[k] >> 32) as usize >= cap {
                    loads.swap_remove(k);
                }
            }
            self.intake.load_scratch = loads;
        }

        allocated
    }

    /// Worker `i` takes the next report waiting in the unit's queue, if the
    /// caseload cap leaves room; returns whether one was taken.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(super) fn take_waiting_report(&mut self, i: usize, day_fraction: f64) -> bool {
        let cap = self.params.steering.caseload_cap as usize;
        if cap != 0 && self.staff.positions[i].items.len() >= cap {
            return false;
        }
        let unit = self.staff.positions[i].unit as usize;
        let Some(case) = self.intake.waiting[unit].pop_front() else {
            return false;
        };
        self.allocate(case, i, day_fraction);
        true
    }

    /// Gives `case` to worker `j`, `day_fraction` into the working day,
    /// starting its assessment if it is new.
    #[cfg_attr(feature = "profile", inline(never))]
    fn allocate(&mut self, mut case: Case, j: usize, day_fraction: f64) {
        let day = self.day;
        case.worker = j as u32;
        if case.stage == Stage::Unallocated {
            self.record.month.allocations += 1.0;
            self.record.month.allocation_wait_sum += f64::from(day - case.arrival) + day_fraction;
            self.start_assessment(&mut case);
        }
        self.insert_item(j, case);
    }
}

/// The allocation key of a worker with caseload `n` at position `j`: the
/// fewest cases first, then the lowest index.
fn load_key(n: usize, j: usize) -> u64 {
    debug_assert!(n < 1 << 32 && j < 1 << 32);
    (n as u64) << 32 | j as u64
}

/// Where the least of `keys` (not empty) is.
fn position_of_least(keys: &[u64]) -> usize {
    let (mut k, mut least) = (0, u64::MAX);
    for (i, &x) in keys.iter().enumerate() {
        if x < least {
            (k, least) = (i, x);
        }
    }
    k
}
