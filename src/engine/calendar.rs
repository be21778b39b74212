//! The calendar: days, working days, months of the 365-day year, and the
//! staggered vacations of case workers and managers. Day 0 is a Monday.
//! Shared by the world and the cross-agency pathway.

use crate::scenario::DAYS_PER_YEAR;

/// Months are twelfths of the 365-day year.
pub(crate) fn month_of(day: u32) -> u32 {
    day * 12 / DAYS_PER_YEAR
}

/// First day of month `m`.
pub(crate) fn month_start(m: u32) -> u32 {
    (m * DAYS_PER_YEAR).div_ceil(12)
}

/// First day of the first month that starts on or after `day`.
pub(crate) fn first_month_start_from(day: u32) -> u32 {
    month_start(month_of(day) + u32::from(month_start(month_of(day)) < day))
}

/// A working day of the organisation: Monday to Friday (day 0 is a Monday),
/// or more days when `organisation.workdays_per_week` says so.
pub(crate) fn is_workday(day: u32, workdays_per_week: u32) -> bool {
    day % 7 < workdays_per_week
}

/// Vacation calendar of a person: up to four weeks in summer, starting in
/// one of five staggered weeks (from week 26), and the rest at year end.
pub(crate) fn on_vacation(stagger: usize, day: u32, vacation_days: u32) -> bool {
    let doy = day % DAYS_PER_YEAR;
    let summer_days = vacation_days.min(20);
    let summer_start = (26 + (stagger % 5) as u32) * 7;
    let summer_len = summer_days / 5 * 7 + summer_days % 5;
    let rest = vacation_days - summer_days;
    let winter_len = rest / 5 * 7 + rest % 5;
    (doy >= summer_start && doy < summer_start + summer_len) || doy >= DAYS_PER_YEAR - winter_len
}

/// The vacation calendar of case workers, tabulated once per run: a
/// person's vacation depends only on their stagger (one of five) and the day
/// of the year, and it is asked for several times per person and day.
pub(crate) struct VacationCalendar {
    /// By day of the year, then by stagger: a day's row is read once for a
    /// pass over every position.
    by_day: Vec<[bool; 5]>,
}

impl VacationCalendar {
    pub(crate) fn new(vacation_days: u32) -> Self {
        let by_day = (0..DAYS_PER_YEAR)
            .map(|d| std::array::from_fn(|stagger| on_vacation(stagger, d, vacation_days)))
            .collect();
        VacationCalendar { by_day }
    }

    /// Who is on vacation on `day`, by stagger (`i % 5` for position `i`).
    pub(crate) fn day(&self, day: u32) -> [bool; 5] {
        self.by_day[(day % DAYS_PER_YEAR) as usize]
    }

    /// Whether position `i` is on vacation on `day`.
    pub(crate) fn on(&self, i: usize, day: u32) -> bool {
        self.day(day)[i % 5]
    }
}

/// A unit manager's vacation: four summer weeks, staggered by unit (acting
/// cover at the new year is not modelled).
pub(crate) fn manager_on_vacation(unit: usize, day: u32, vacation_days: u32) -> bool {
    on_vacation(unit + 2, day, vacation_days.min(20))
}

/// First day at or after `day` that a person with this stagger is back from vacation.
pub(crate) fn vacation_end(stagger: usize, day: u32, vacation_days: u32) -> u32 {
    let mut d = day;
    while on_vacation(stagger, d, vacation_days) && d < day + 60 {
        d += 1;
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vacation_is_the_configured_number_of_weekdays_give_or_take_a_weekend() {
        for stagger in 0..5 {
            let days = (0..365)
                .filter(|&d| is_workday(d, 5) && on_vacation(stagger, d, 25))
                .count();
            assert!((23..=27).contains(&days), "stagger {stagger}: {days}");
        }
        assert_eq!((0..365).filter(|&d| on_vacation(0, d, 0)).count(), 0);
    }

    #[test]
    fn months_are_twelve_a_year() {
        assert_eq!(month_of(0), 0);
        assert_eq!(month_of(364), 11);
        assert_eq!(month_of(365), 12);
        for m in 0..30 {
            assert_eq!(month_of(month_start(m)), m);
            assert_eq!(first_month_start_from(month_start(m)), month_start(m));
            assert_eq!(
                first_month_start_from(month_start(m) + 1),
                month_start(m + 1)
            );
        }
    }
}
