//! What a run observes (phase 10): the month's tally that every phase
//! adds to, the tallies of the outcome window and of the year in progress,
//! the monthly series, the outcomes year by year, and the ledger of
//! whole-run totals for conservation checks.

use super::World;
use crate::engine::calendar::{month_of, month_start};
use crate::engine::observe::Tally;
use crate::engine::pathway::PathwayLedger;
use crate::outcome::{OutcomeValues, SeriesValues};
use crate::scenario::DAYS_PER_YEAR;
use crate::stats::DayHistogram;

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

/// What is observed, and the ledger.
pub(super) struct Record {
    /// The month in progress: every phase adds to it.
    pub(super) month: Tally,
    /// The months after warm-up, for the outcomes.
    pub(super) run: Tally,
    /// Investigation times after warm-up.
    pub(super) investigation_days: DayHistogram,
    pub(super) series: Vec<SeriesValues>,
    /// The calendar year in progress (warm-up included), and its
    /// investigation times and the regime switches before it, for the
    /// outcomes year by year.
    year: Tally,
    pub(super) year_investigation_days: DayHistogram,
    switches_before_year: u32,
    pub(super) yearly: Vec<OutcomeValues>,
    pub(super) ledger: Ledger,
}

impl Record {
    /// Nothing observed yet, with `employees` at the start.
    pub(super) fn new(employees: usize) -> Self {
        Record {
            month: Tally::default(),
            run: Tally::default(),
            investigation_days: DayHistogram::new(3 * DAYS_PER_YEAR as usize),
            series: Vec::new(),
            year: Tally::default(),
            year_investigation_days: DayHistogram::new(3 * DAYS_PER_YEAR as usize),
            switches_before_year: 0,
            yearly: Vec::new(),
            ledger: Ledger {
                employees_at_start: employees as u64,
                ..Ledger::default()
            },
        }
    }
}

impl World<'_> {
    // ---- 10. Observation ----------------------------------------------------

    /// Phase 10, observation: at a month's end, the month's series row, and
    /// at a year's end, the year's outcomes.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(super) fn end_of_day(&mut self) {
        let day = self.day;
        if month_of(day + 1) != month_of(day) || day + 1 == self.horizon {
            let month = std::mem::take(&mut self.record.month);
            self.record
                .series
                .push(month.series(self.documentation_intensity()));
            // A month counts towards outcomes when it starts after warm-up.
            if month_start(month_of(day)) >= self.outcome_start {
                self.record.run.merge(&month);
            }
            // Every twelfth month (and the last) closes a year of the
            // outcomes year by year, warm-up years included.
            self.record.year.merge(&month);
            if month_of(day) % 12 == 11 || day + 1 == self.horizon {
                let year = std::mem::take(&mut self.record.year);
                self.record.yearly.push(year.outcomes(
                    &self.record.year_investigation_days,
                    self.pathway.take_year_first_help_p90(),
                    self.documentation_intensity(),
                    self.oversight.regime_switches - self.record.switches_before_year,
                ));
                self.record.year_investigation_days.clear();
                self.record.switches_before_year = self.oversight.regime_switches;
            }
        }
    }
}
