//! Does another memory layout make the engine's daily passes cheaper?
//!
//! The people's daily stocks (`Staff::after_day`: stress, exhaustion,
//! responsibility and blame, the month's sums) written four ways over a
//! synthetic department of 200 positions, each kept out of line so that
//! `benches/layout.sh` can count its instructions per position-day with
//! callgrind:
//!
//! - `by_position`: the engine's layout, one struct per position, a
//!   branch per kind of occupant;
//! - `by_field`: one array per field (structure of arrays), the same
//!   branches;
//! - `by_field_branch_free`: arrays by field, every position computed and
//!   masks choosing, in two lanes, written so that the compiler could
//!   vectorise it;
//! - `by_field_sse2`: the same in explicit SSE2 (two positions a step, the
//!   most the x86-64 baseline offers without run-time dispatch).
//!
//! The arithmetic is the engine's `rules::update_stress` and
//! `rules::update_exhaustion` (rewritten with masks in the last two) at
//! the default stress parameters, and the tallies of `Staff::after_day`; the
//! population is synthetic (5 % vacant, 3 % consultants, 85 % of
//! employees at work with a strain, 5 % falling sick). Run with `bash
//! benches/layout.sh`; `cargo bench --bench layout -- MODE DAYS` runs one
//! (`none`: the synthetic days without a pass).

use std::hint::black_box;

use tillit::model::params::{Params, Stress};
use tillit::model::rules;

const POSITIONS: usize = 200;

#[derive(Clone, Copy, PartialEq)]
enum Occupant {
    Vacant,
    Consultant,
    Employee,
}

/// One position, the fields the pass reads and writes among others it
/// does not (as in the engine's `Position`).
struct Position {
    occupant: Occupant,
    hired_day: f64,
    sick_start: u32,
    sick_until: u32,
    stress: f64,
    exhaustion: f64,
    responsibility: f64,
    blame: f64,
    coaching_week: f64,
    followup_owed: f64,
    followups: f64,
    strain_today: Option<f64>,
    _cold: [f64; 12],
}

/// The positions by field; a strain of NaN is none, the occupant kinds
/// are 0 / 1 masks.
#[derive(Default)]
struct Fields {
    employee: Vec<f64>,
    consultant: Vec<f64>,
    vacant: Vec<f64>,
    on_vacation: Vec<f64>,
    hired_day: Vec<f64>,
    sick_start: Vec<f64>,
    sick_until: Vec<f64>,
    stress: Vec<f64>,
    exhaustion: Vec<f64>,
    responsibility: Vec<f64>,
    blame: Vec<f64>,
    coaching_week: Vec<f64>,
    followup_owed: Vec<f64>,
    followups: Vec<f64>,
    strain: Vec<f64>,
}

/// The day's constants (as `StocksDay`) and the stress parameters.
struct Day {
    day: u32,
    s: Stress,
    responsibility_decay: f64,
    blame_decay: f64,
    daily_salary: f64,
    consultant_premium: f64,
    followup_daily: f64,
}

/// The month's sums: vacant, employed, contract, sick, worked and
/// high-strain days, stress, exhaustion, tenure, cost.
type Tally = [f64; 10];

/// Salary paid for an employee: none on a spell's first day, 80 % after.
fn salary(sick: bool, first_sick_day: bool, d: &Day) -> f64 {
    match (sick, first_sick_day) {
        (false, _) => d.daily_salary,
        (true, true) => 0.0,
        (true, false) => d.daily_salary * 0.8,
    }
}

#[inline(never)]
fn by_position(positions: &mut [Position], vacation: [bool; 5], d: &Day, t: &mut Tally) {
    let mut stagger = 4;
    for p in positions {
        stagger = if stagger == 4 { 0 } else { stagger + 1 };
        match p.occupant {
            Occupant::Vacant => {
                t[0] += 1.0;
                continue;
            }
            Occupant::Consultant => {
                t[0] += 1.0;
                t[9] += d.daily_salary * d.consultant_premium;
            }
            Occupant::Employee => {
                let sick = d.day < p.sick_until;
                t[1] += 1.0;
                if !vacation[stagger] {
                    t[2] += 1.0;
                    if sick {
                        t[3] += 1.0;
                    }
                }
                let strain = p.strain_today.take();
                if let Some(x) = strain {
                    t[4] += 1.0;
                    if x >= d.s.high_strain_threshold {
                        t[5] += 1.0;
                    }
                }
                p.stress = rules::update_stress(p.stress, strain, &d.s);
                p.exhaustion = rules::update_exhaustion(p.exhaustion, p.stress, &d.s);
                p.responsibility *= d.responsibility_decay;
                p.blame *= d.blame_decay;
                t[6] += p.stress;
                t[7] += p.exhaustion;
                t[8] += (f64::from(d.day) - p.hired_day) / 365.0;
                t[9] += salary(sick, d.day == p.sick_start, d);
            }
        }
        p.coaching_week *= 6.0 / 7.0;
        p.followup_owed += d.followup_daily * p.followups;
    }
}

#[inline(never)]
fn by_field(f: &mut Fields, vacation: [bool; 5], d: &Day, t: &mut Tally) {
    let n = f.stress.len();
    let (consultant, vacant) = (&f.consultant[..n], &f.vacant[..n]);
    let (hired_day, sick_start, sick_until) =
        (&f.hired_day[..n], &f.sick_start[..n], &f.sick_until[..n]);
    let (stress, exhaustion) = (&mut f.stress[..n], &mut f.exhaustion[..n]);
    let (responsibility, blame) = (&mut f.responsibility[..n], &mut f.blame[..n]);
    let (coaching_week, strain) = (&mut f.coaching_week[..n], &mut f.strain[..n]);
    let (followup_owed, followups) = (&mut f.followup_owed[..n], &f.followups[..n]);
    let day = f64::from(d.day);
    let mut stagger = 4;
    for i in 0..n {
        stagger = if stagger == 4 { 0 } else { stagger + 1 };
        if vacant[i] == 1.0 {
            t[0] += 1.0;
            continue;
        }
        if consultant[i] == 1.0 {
            t[0] += 1.0;
            t[9] += d.daily_salary * d.consultant_premium;
        } else {
            let sick = day < sick_until[i];
            t[1] += 1.0;
            if !vacation[stagger] {
                t[2] += 1.0;
                if sick {
                    t[3] += 1.0;
                }
            }
            let x = std::mem::replace(&mut strain[i], f64::NAN);
            let today = (!x.is_nan()).then_some(x);
            if today.is_some() {
                t[4] += 1.0;
                if x >= d.s.high_strain_threshold {
                    t[5] += 1.0;
                }
            }
            stress[i] = rules::update_stress(stress[i], today, &d.s);
            exhaustion[i] = rules::update_exhaustion(exhaustion[i], stress[i], &d.s);
            responsibility[i] *= d.responsibility_decay;
            blame[i] *= d.blame_decay;
            t[6] += stress[i];
            t[7] += exhaustion[i];
            t[8] += (day - hired_day[i]) / 365.0;
            t[9] += salary(sick, day == sick_start[i], d);
        }
        coaching_week[i] *= 6.0 / 7.0;
        followup_owed[i] += d.followup_daily * followups[i];
    }
}

/// 1 where `c`, else 0.
fn mask(c: bool) -> f64 {
    if c { 1.0 } else { 0.0 }
}

#[inline(never)]
fn by_field_branch_free(f: &mut Fields, d: &Day, t: &mut Tally) {
    let n = f.stress.len() / 2 * 2;
    let day = f64::from(d.day);
    // Two lanes of sums (even and odd positions), so the sums need not be
    // taken in position order.
    let mut lanes = [[0.0; 10]; 2];
    for i in 0..n {
        let s = &mut lanes[i % 2];
        let e = f.employee[i];
        let sick = mask(day < f.sick_until[i]);
        let paid = 1.0 - sick + sick * mask(day != f.sick_start[i]) * 0.8;
        let at_work = e * (1.0 - f.on_vacation[i]);
        let x = f.strain[i];
        let worked = mask(!x.is_nan());
        let old = f.stress[i];
        let tau = if x > old {
            d.s.rise_days
        } else {
            d.s.recovery_days
        };
        let moved = if worked == 1.0 {
            old + (x - old) / tau
        } else {
            old * (1.0 - d.s.offday_recovery)
        };
        let stress = if e == 1.0 { moved } else { old };
        let exhausted = rules::update_exhaustion(f.exhaustion[i], stress, &d.s);
        let exhaustion = if e == 1.0 { exhausted } else { f.exhaustion[i] };
        f.stress[i] = stress;
        f.exhaustion[i] = exhaustion;
        f.responsibility[i] *= d.responsibility_decay;
        f.blame[i] *= d.blame_decay;
        f.strain[i] = f64::NAN;
        s[0] += f.vacant[i] + f.consultant[i];
        s[1] += e;
        s[2] += at_work;
        s[3] += at_work * sick;
        s[4] += e * worked;
        s[5] += e * mask(x >= d.s.high_strain_threshold);
        s[6] += e * stress;
        s[7] += e * exhaustion;
        s[8] += e * (day - f.hired_day[i]) / 365.0;
        s[9] += e * d.daily_salary * paid + f.consultant[i] * d.daily_salary * d.consultant_premium;
        f.coaching_week[i] *= 6.0 / 7.0;
        f.followup_owed[i] += d.followup_daily * f.followups[i] * (1.0 - f.vacant[i]);
    }
    for k in 0..10 {
        t[k] += lanes[0][k] + lanes[1][k];
    }
}

#[cfg(target_arch = "x86_64")]
#[inline(never)]
fn by_field_sse2(f: &mut Fields, d: &Day, t: &mut Tally) {
    use std::arch::x86_64::*;
    let n = f.stress.len() / 2 * 2;
    // SAFETY: SSE2 is part of the x86-64 baseline; every array was built
    // with the same length, so loads and stores at `i` and `i + 1 < n`
    // stay inside them.
    unsafe {
        let set = |x: f64| _mm_set1_pd(x);
        let choose =
            |m: __m128d, a: __m128d, b: __m128d| _mm_or_pd(_mm_and_pd(m, a), _mm_andnot_pd(m, b));
        let (one, zero, day) = (set(1.0), _mm_setzero_pd(), set(f64::from(d.day)));
        let mut sums = [zero; 10];
        let mut i = 0;
        while i < n {
            let get = |v: &Vec<f64>| _mm_loadu_pd(v.as_ptr().add(i));
            let put = |v: &mut Vec<f64>, x: __m128d| _mm_storeu_pd(v.as_mut_ptr().add(i), x);
            let e = get(&f.employee);
            let employee = _mm_cmpeq_pd(e, one);
            let sick = _mm_and_pd(_mm_cmplt_pd(day, get(&f.sick_until)), one);
            let later_day = _mm_and_pd(_mm_cmpneq_pd(day, get(&f.sick_start)), set(0.8));
            let at_work = _mm_mul_pd(e, _mm_sub_pd(one, get(&f.on_vacation)));
            let consultant = get(&f.consultant);
            let x = get(&f.strain);
            let worked = _mm_cmpord_pd(x, x);
            let old = get(&f.stress);
            let tau = choose(
                _mm_cmpgt_pd(x, old),
                set(d.s.rise_days),
                set(d.s.recovery_days),
            );
            let moved = _mm_add_pd(old, _mm_div_pd(_mm_sub_pd(x, old), tau));
            let rested = _mm_mul_pd(old, set(1.0 - d.s.offday_recovery));
            let stress = choose(employee, choose(worked, moved, rested), old);
            let ex = get(&f.exhaustion);
            let gain = _mm_mul_pd(
                set(d.s.exhaustion_rate),
                _mm_max_pd(_mm_sub_pd(stress, set(d.s.exhaustion_threshold)), zero),
            );
            let faded = _mm_div_pd(ex, set(d.s.exhaustion_recovery_days));
            let grown = _mm_max_pd(_mm_sub_pd(_mm_add_pd(ex, gain), faded), zero);
            let exhaustion = choose(employee, grown, ex);
            let responsibility = _mm_mul_pd(get(&f.responsibility), set(d.responsibility_decay));
            let blame = _mm_mul_pd(get(&f.blame), set(d.blame_decay));
            let coaching_week = _mm_mul_pd(get(&f.coaching_week), set(6.0 / 7.0));
            let owed = _mm_mul_pd(get(&f.followups), _mm_sub_pd(one, get(&f.vacant)));
            let followup_owed = _mm_add_pd(
                get(&f.followup_owed),
                _mm_mul_pd(set(d.followup_daily), owed),
            );
            let paid = _mm_add_pd(_mm_sub_pd(one, sick), _mm_mul_pd(sick, later_day));
            let terms = [
                _mm_add_pd(get(&f.vacant), consultant),
                e,
                at_work,
                _mm_mul_pd(at_work, sick),
                _mm_and_pd(worked, e),
                _mm_and_pd(_mm_cmpge_pd(x, set(d.s.high_strain_threshold)), e),
                _mm_mul_pd(e, stress),
                _mm_mul_pd(e, exhaustion),
                _mm_mul_pd(
                    e,
                    _mm_div_pd(_mm_sub_pd(day, get(&f.hired_day)), set(365.0)),
                ),
                _mm_add_pd(
                    _mm_mul_pd(_mm_mul_pd(e, set(d.daily_salary)), paid),
                    _mm_mul_pd(consultant, set(d.daily_salary * d.consultant_premium)),
                ),
            ];
            put(&mut f.stress, stress);
            put(&mut f.exhaustion, exhaustion);
            put(&mut f.responsibility, responsibility);
            put(&mut f.blame, blame);
            put(&mut f.strain, set(f64::NAN));
            put(&mut f.coaching_week, coaching_week);
            put(&mut f.followup_owed, followup_owed);
            for (s, term) in sums.iter_mut().zip(terms) {
                *s = _mm_add_pd(*s, term);
            }
            i += 2;
        }
        for (k, s) in sums.iter().enumerate() {
            let mut lanes = [0.0; 2];
            _mm_storeu_pd(lanes.as_mut_ptr(), *s);
            t[k] += lanes[0] + lanes[1];
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let mode = args.next().unwrap_or_else(|| "by_position".into());
    let days: u32 = args.next().and_then(|d| d.parse().ok()).unwrap_or(1000);
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut uniform = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let occupant = |i: usize| match i {
        _ if i % 20 == 3 => Occupant::Vacant,
        _ if i % 33 == 5 => Occupant::Consultant,
        _ => Occupant::Employee,
    };
    let mut positions: Vec<Position> = (0..POSITIONS)
        .map(|i| Position {
            occupant: occupant(i),
            hired_day: 0.0,
            sick_start: 0,
            sick_until: 0,
            stress: 1.0,
            exhaustion: 0.2,
            responsibility: 1.0,
            blame: 0.5,
            coaching_week: 1.0,
            followup_owed: 0.0,
            followups: 2.0,
            strain_today: None,
            _cold: [0.0; 12],
        })
        .collect();
    let kind = |k: Occupant| (0..POSITIONS).map(|i| mask(occupant(i) == k)).collect();
    let mut fields = Fields {
        employee: kind(Occupant::Employee),
        consultant: kind(Occupant::Consultant),
        vacant: kind(Occupant::Vacant),
        ..Default::default()
    };
    for (v, x) in [
        (&mut fields.on_vacation, 0.0),
        (&mut fields.hired_day, 0.0),
        (&mut fields.sick_start, 0.0),
        (&mut fields.sick_until, 0.0),
        (&mut fields.stress, 1.0),
        (&mut fields.exhaustion, 0.2),
        (&mut fields.responsibility, 1.0),
        (&mut fields.blame, 0.5),
        (&mut fields.coaching_week, 1.0),
        (&mut fields.followup_owed, 0.0),
        (&mut fields.followups, 2.0),
        (&mut fields.strain, f64::NAN),
    ] {
        *v = vec![x; POSITIONS];
    }
    let stress = Params::default().stress;
    let mut tally = [0.0; 10];
    for day in 0..days {
        // The work day's results: a strain for most, a few spells.
        for (i, position) in positions.iter_mut().enumerate() {
            let strain = (uniform() < 0.85).then(|| 0.5 + 1.5 * uniform());
            let falls_sick = uniform() < 0.05;
            position.strain_today = strain;
            fields.strain[i] = strain.unwrap_or(f64::NAN);
            if falls_sick {
                position.sick_start = day;
                position.sick_until = day + 3;
                fields.sick_start[i] = f64::from(day);
                fields.sick_until[i] = f64::from(day + 3);
            }
        }
        let vacation = [day % 50 == 0, false, false, false, false];
        for (i, v) in fields.on_vacation.iter_mut().enumerate() {
            *v = mask(vacation[i % 5]);
        }
        let d = Day {
            day,
            s: stress.clone(),
            responsibility_decay: 0.99,
            blame_decay: 0.98,
            daily_salary: 1.5,
            consultant_premium: 1.3,
            followup_daily: 0.1,
        };
        match mode.as_str() {
            "by_position" => by_position(black_box(&mut positions), vacation, &d, &mut tally),
            "by_field" => by_field(black_box(&mut fields), vacation, &d, &mut tally),
            "by_field_branch_free" => by_field_branch_free(black_box(&mut fields), &d, &mut tally),
            #[cfg(target_arch = "x86_64")]
            "by_field_sse2" => by_field_sse2(black_box(&mut fields), &d, &mut tally),
            // The synthetic day alone, to subtract from a layout's time.
            "none" => {}
            other => {
                eprintln!("unknown layout {other}");
                std::process::exit(2);
            }
        }
    }
    println!("{mode}: sums {:?}", tally.map(|x| (x * 1e3).round() / 1e3));
}
