//! The Falun pathway (mechanism 11): children who need help from agencies
//! besides social services, moved between them in silos or helped by an
//! integrated team with a named person.
//!
//! Three agencies are modelled as pools of staff hours, each with its own
//! queues: school health (elevhälsa), counselling (samtalsmottagning) and
//! child and adolescent psychiatry (BUP). Social services is the department
//! the rest of the engine models; it takes part here through the reports of
//! concern (a share of which are cross-agency children) and through hours
//! its units owe (referrals written, team meetings attended), which its case
//! workers pay in [`super::world`].
//!
//! A child's path:
//!
//! - **Silo.** The child is first heard where the concern was raised: the
//!   initial assessment in social services, or an intake at school health.
//!   Then it is referred, one agency at a time, along the ladder school
//!   health → counselling → BUP, to each agency it needs. Every referral
//!   takes `referral_delay_days` and may bounce back and be sent again; every
//!   agency does its own intake (the story told again) and its own
//!   documentation, then puts the child in its queue for help.
//! - **Integrated.** If the parents consent, a joint team meets at the school
//!   on the next meeting day; the needs are mapped once, and every needed
//!   agency puts the child in its help queue at once, writing only its own
//!   short record. The meeting costs hours from every agency that takes
//!   part. Without consent the child goes the silo way.
//! - **Named person.** Keeps contact with the parents (a family gives up
//!   more slowly) and chases referrals (fewer bounce), at a cost of their
//!   own time per child and week.
//!
//! Each working day an agency spends its hours in this order: joint
//! meetings (and meeting hours still owed), documentation owed (referrals,
//! records), help already under way (continuing children first), intakes
//! in arrival order, then new help in arrival order (the last child started
//! may get less than a day's session). Waiting wears a family's patience
//! down; when it runs out, the help not yet started is abandoned.
//!
//! All draws of a child are taken from its own stream when it appears, in a
//! fixed order, except the bounce of each referral, which only silo paths
//! use. An integrated arm whose parents never consent therefore replays the
//! silo arm exactly (common random numbers).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use rand::Rng as _;
use rand_distr::{Distribution, Gamma, Poisson};

use super::observe::Tally;
use super::seeds::{Purpose, Rng, stream};
use crate::model::fastmath;
use crate::model::params::Params;
use crate::model::rules;
use crate::stats::DayHistogram;

/// The agencies of the pathway, in the silo's referral order (the ladder).
pub(crate) const AGENCIES: usize = 3;
const SCHOOL_HEALTH: usize = 0;
/// The sender of a referral from social services.
const SOCIAL_SERVICES: u8 = u8::MAX;

/// Where one of a child's needs stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Need {
    /// The child does not need this agency.
    No,
    /// Needed, not yet referred or mapped.
    Pending,
    /// A referral is under way.
    Referred,
    /// In the agency's intake queue.
    Intake,
    /// In the agency's queue for help.
    Queued,
    /// Getting help.
    Active,
    /// Help given.
    Done,
    /// The family gave up before this help started.
    Abandoned,
}

impl Need {
    /// Needed and not yet started.
    fn waiting(self) -> bool {
        matches!(
            self,
            Need::Pending | Need::Referred | Need::Intake | Need::Queued
        )
    }
}

/// A child who needs help from more than social services.
#[derive(Clone, Debug)]
struct Child {
    arrival: u32,
    /// The social-services unit that has a report on the child, if any.
    unit: Option<u32>,
    need: [Need; AGENCIES],
    intake_left: [f64; AGENCIES],
    help_left: [f64; AGENCIES],
    /// In school health's intake queue only to be heard (silo entry), not
    /// for help there.
    entry_intake: bool,
    /// Silo child reported to social services whose initial assessment is
    /// not done yet: referrals start when it is.
    awaiting_assessment: bool,
    meeting_pending: bool,
    /// Social services' assessment relies on the joint meeting's mapping
    /// instead of hearing the child itself.
    reuses_mapping: bool,
    named_person: bool,
    /// Closed: help given or given up (no longer open).
    closed: bool,
    first_help: Option<u32>,
    full_help: Option<u32>,
    tellings: u32,
    handoffs: u32,
    bounces: u32,
    dropped: bool,
    rng: Rng,
}

impl Child {
    fn any_waiting(&self) -> bool {
        self.need.iter().any(|n| n.waiting())
    }

    /// Nothing left to wait for or to receive.
    fn finished(&self) -> bool {
        !self.awaiting_assessment
            && !self.meeting_pending
            && !self.entry_intake
            && self
                .need
                .iter()
                .all(|n| matches!(n, Need::No | Need::Done | Need::Abandoned))
    }
}

/// One agency: its hours today and its queues.
#[derive(Clone, Debug, Default)]
struct Agency {
    /// Hours left today.
    hours: f64,
    intake: VecDeque<u32>,
    waiting: VecDeque<u32>,
    /// Children in help, in the order their help started.
    active: Vec<u32>,
    /// Documentation owed: referrals to write, records after meetings.
    owed_documentation: f64,
    /// Meeting hours beyond a day's hours, paid on the next working days.
    owed_meetings: f64,
}

/// A referral on its way from one agency (or social services) to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Referral {
    day: u32,
    seq: u64,
    child: u32,
    from: u8,
    to: u8,
}

/// An item due on a whole day, ordered with that day as its first key.
trait Due: Ord + Copy {
    /// The day the item is due.
    fn due(&self) -> u32;
}

impl Due for (u32, u32) {
    fn due(&self) -> u32 {
        self.0
    }
}

impl Due for Referral {
    fn due(&self) -> u32 {
        self.day
    }
}

/// Items due on whole days, taken out in exactly the order a min-heap of
/// the items would give them (their full keys ascending, among those due
/// by today), but without the heap's sifting: one bucket per day in a ring
/// covering the next days, a heap only for the few due beyond the ring
/// (a family's patience can be long), and the items due by today gathered
/// and sorted once (a bucket holds a handful). Memory is bounded by the
/// ring's days times the most items due on one day (each bucket keeps its
/// capacity for the day it serves next), plus one entry per item beyond.
struct DayQueue<T> {
    /// Items due before `start`, sorted; `due[next..]` not yet taken.
    due: Vec<T>,
    next: usize,
    /// The first day whose bucket has not been gathered.
    start: u32,
    /// The bucket of day `d` in `start..start + ring.len()` at
    /// `d % ring.len()` (a power of two).
    ring: Vec<Vec<T>>,
    /// Items due on or after `start + ring.len()`.
    later: BinaryHeap<Reverse<T>>,
}

impl<T: Due> DayQueue<T> {
    /// An empty queue whose ring covers at least `days` days.
    fn new(days: usize) -> Self {
        DayQueue {
            due: Vec::new(),
            next: 0,
            start: 0,
            ring: (0..days.next_power_of_two()).map(|_| Vec::new()).collect(),
            later: BinaryHeap::new(),
        }
    }

    fn push(&mut self, item: T) {
        let day = item.due();
        if day < self.start {
            // Due by a day already gathered (a referral sent on with no
            // delay): among today's, in key order.
            let at = self.next + self.due[self.next..].partition_point(|x| *x < item);
            self.due.insert(at, item);
        } else if ((day - self.start) as usize) < self.ring.len() {
            let mask = self.ring.len() - 1;
            self.ring[day as usize & mask].push(item);
        } else {
            self.later.push(Reverse(item));
        }
    }

    /// The next item due by `day` (the smallest key), if any.
    fn pop_due(&mut self, day: u32) -> Option<T> {
        if self.next == self.due.len() && self.start <= day {
            self.gather(day);
        }
        let item = self.due.get(self.next).copied();
        self.next += usize::from(item.is_some());
        item
    }

    /// Moves every item due by `day` into `due`, sorted.
    fn gather(&mut self, day: u32) {
        self.due.clear();
        self.next = 0;
        let len = self.ring.len() as u64;
        let mask = self.ring.len() - 1;
        let last = u64::from(day).min(u64::from(self.start) + len - 1);
        for d in u64::from(self.start)..=last {
            let bucket = &mut self.ring[d as usize & mask];
            if self.due.is_empty() {
                // Keeps both allocations in use.
                std::mem::swap(&mut self.due, bucket);
            } else {
                self.due.append(bucket);
            }
        }
        self.start = day.saturating_add(1);
        let end = u64::from(self.start) + len;
        while let Some(&Reverse(item)) = self.later.peek()
            && u64::from(item.due()) < end
        {
            self.later.pop();
            if item.due() <= day {
                self.due.push(item);
            } else {
                self.ring[item.due() as usize & mask].push(item);
            }
        }
        self.due.sort_unstable();
    }

    /// Every item not yet taken, in no particular order.
    fn iter(&self) -> impl Iterator<Item = &T> {
        self.due[self.next..]
            .iter()
            .chain(self.ring.iter().flatten())
            .chain(self.later.iter().map(|Reverse(item)| item))
    }
}

/// Per-agency values of the pathway parameters, looked up once.
struct AgencyParams {
    hours_per_day: [f64; AGENCIES],
    intake_hours: [f64; AGENCIES],
    help_hours: [f64; AGENCIES],
    need: [f64; AGENCIES],
}

impl AgencyParams {
    fn new(p: &Params) -> Self {
        let w = &p.pathway;
        let fte_hours = p.organisation.contract_hours_per_day * w.agency_availability / 100.0
            * p.positions() as f64;
        AgencyParams {
            hours_per_day: [
                w.school_health_fte_per_100_positions * fte_hours,
                w.counselling_fte_per_100_positions * fte_hours,
                w.bup_fte_per_100_positions * fte_hours,
            ],
            intake_hours: [
                w.school_health_intake_hours,
                w.counselling_intake_hours,
                w.bup_intake_hours,
            ],
            help_hours: [
                w.school_health_help_hours,
                w.counselling_help_hours,
                w.bup_help_hours,
            ],
            need: [w.need_school_health, w.need_counselling, w.need_bup],
        }
    }
}

/// Totals over the whole run, for conservation checks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PathwayLedger {
    /// Cross-agency children who appeared.
    pub children: u64,
    /// Children whose pathway ended (help given or given up).
    pub done: u64,
    /// Children not done at the end, found waiting or in help somewhere.
    pub located_at_end: u64,
    /// Children not done at the end and found nowhere (always 0).
    pub lost_at_end: u64,
}

/// The pathway of one run.
pub(crate) struct Pathway {
    agencies: [Agency; AGENCIES],
    children: Vec<Child>,
    /// Days on which a family runs out of patience, if it is still waiting
    /// then: `(day, child)`.
    expiries: DayQueue<(u32, u32)>,
    /// Children whose state changed today in a way that may close them.
    touched: Vec<u32>,
    /// Open children with a named person.
    open_named: u64,
    /// Children neither helped yet nor given up (none of them is closed).
    unhelped: u64,
    referrals: DayQueue<Referral>,
    referral_seq: u64,
    /// Joint meetings to hold: `(day, child)`.
    meetings: DayQueue<(u32, u32)>,
    /// Hours owed by each social-services unit: `[direct, documentation]`.
    social_owed: Vec<[f64; 2]>,
    rng: Rng,
    seed: u64,
    agency: AgencyParams,
    heard_scratch: Vec<u32>,
    first_help_days: DayHistogram,
    /// Days to first help in the calendar year in progress (warm-up too).
    year_first_help_days: DayHistogram,
    ledger: PathwayLedger,
}

impl Pathway {
    pub(crate) fn new(params: &Params, seed: u64) -> Self {
        let w = &params.pathway;
        Pathway {
            agencies: Default::default(),
            children: Vec::new(),
            // Patience is exponential (150 days by default, doubled by a
            // named person): a year and more is common, longer is rare.
            expiries: DayQueue::new(1024),
            touched: Vec::new(),
            open_named: 0,
            unhelped: 0,
            // Referrals and meetings are due within their delays.
            referrals: DayQueue::new(w.referral_delay_days as usize + 1),
            referral_seq: 0,
            meetings: DayQueue::new(
                (w.team_meeting_notice_days + w.team_meeting_interval_days) as usize + 1,
            ),
            social_owed: vec![[0.0; 2]; params.organisation.units as usize],
            rng: stream(seed, Purpose::Pathway, 0),
            seed,
            agency: AgencyParams::new(params),
            heard_scratch: Vec::new(),
            first_help_days: DayHistogram::new(1000),
            year_first_help_days: DayHistogram::new(1000),
            ledger: PathwayLedger::default(),
        }
    }

    /// A report of concern arrived at `unit`: is the child also one for
    /// other agencies? Draws the same number of values whatever the answer.
    pub(crate) fn on_report(
        &mut self,
        day: u32,
        unit: u32,
        p: &Params,
        tally: &mut Tally,
    ) -> Option<u32> {
        let u: f64 = self.rng.r#gen();
        (u < p.pathway.cross_agency_share).then(|| self.add_child(day, Some(unit), p, tally))
    }

    /// Concerns raised at school today (`season` scales the yearly rate as it
    /// does reports).
    pub(crate) fn school_concerns(&mut self, day: u32, season: f64, p: &Params, tally: &mut Tally) {
        let rate = p.pathway.school_concerns_per_position_year * p.positions() as f64 / 365.0
            * season.max(0.0);
        let n = if rate > 0.0 {
            Poisson::new(rate).map_or(0, |d| d.sample(&mut self.rng) as u64)
        } else {
            0
        };
        for _ in 0..n {
            self.add_child(day, None, p, tally);
        }
    }

    #[cfg_attr(feature = "profile", inline(never))]
    fn add_child(&mut self, day: u32, unit: Option<u32>, p: &Params, tally: &mut Tally) -> u32 {
        let id = self.children.len() as u32;
        let w = &p.pathway;
        let mut rng = stream(self.seed, Purpose::Child, u64::from(id));
        // Every draw of a child, in a fixed order, whatever the mode.
        let consent = rng.r#gen::<f64>() < w.consent_probability;
        let patience = rules::exponential_from_uniform(rng.r#gen(), w.patience_days);
        let u_need: [f64; AGENCIES] = [rng.r#gen(), rng.r#gen(), rng.r#gen()];
        let cv2 = w.help_hours_cv * w.help_hours_cv;
        let gamma = (cv2 > 0.0)
            .then(|| Gamma::new(1.0 / cv2, cv2).ok())
            .flatten();
        let mut help_factor = [1.0; AGENCIES];
        for f in &mut help_factor {
            if let Some(g) = &gamma {
                *f = g.sample(&mut rng);
            }
        }
        let mut needed: [bool; AGENCIES] = std::array::from_fn(|a| u_need[a] < self.agency.need[a]);
        if !needed.iter().any(|&n| n) {
            // Every child here needs some agency: first-line counselling.
            needed[1] = true;
        }
        let integrated = p.steering.integrated_team && consent;
        // A reported child in the joint team whose social-services
        // assessment reuses the team's mapping tells its story once, at the
        // meeting. Drawn from a stream of its own, so that the child's other
        // draws (and the silo arm) stay as they were.
        let reused = integrated && unit.is_some() && {
            let u: f64 = stream(self.seed, Purpose::Mapping, u64::from(id)).r#gen();
            u < w.mapping_reuse_share
        };
        let mut child = Child {
            arrival: day,
            unit,
            need: needed.map(|n| if n { Need::Pending } else { Need::No }),
            intake_left: [0.0; AGENCIES],
            help_left: std::array::from_fn(|a| self.agency.help_hours[a] * help_factor[a]),
            entry_intake: false,
            awaiting_assessment: false,
            meeting_pending: false,
            reuses_mapping: reused,
            named_person: p.steering.named_person,
            closed: false,
            first_help: None,
            full_help: None,
            // A report is heard in social services' initial assessment,
            // unless the assessment reuses the joint team's mapping.
            tellings: u32::from(unit.is_some() && !reused),
            handoffs: 0,
            bounces: 0,
            dropped: false,
            rng,
        };
        if integrated {
            child.meeting_pending = true;
            let meeting = next_meeting_day(day + w.team_meeting_notice_days, p);
            self.meetings.push((meeting, id));
        } else if unit.is_some() {
            child.awaiting_assessment = true;
        } else {
            // Heard first at school health, whether or not it helps.
            child.entry_intake = child.need[SCHOOL_HEALTH] == Need::No;
            child.need[SCHOOL_HEALTH] = match child.need[SCHOOL_HEALTH] {
                Need::No => Need::No,
                _ => Need::Intake,
            };
            child.intake_left[SCHOOL_HEALTH] = self.agency.intake_hours[SCHOOL_HEALTH];
            self.agencies[SCHOOL_HEALTH].intake.push_back(id);
        }
        // Waiting is one stretch from today (no need goes back to waiting
        // once help has started or ended), so the day patience runs out is
        // known now.
        let expiry = patience_expiry(day, patience, dropout_factor(&child, p));
        if let Some(expiry) = expiry {
            self.expiries.push((expiry, id));
        }
        self.open_named += u64::from(child.named_person);
        self.unhelped += 1;
        self.children.push(child);
        self.ledger.children += 1;
        tally.pathway_children += 1.0;
        id
    }

    /// Social services finished the initial assessment of `child`'s report:
    /// in silo mode, the referrals start now.
    pub(crate) fn assessment_done(&mut self, child: u32, day: u32, p: &Params, tally: &mut Tally) {
        let c = &mut self.children[child as usize];
        if c.awaiting_assessment {
            c.awaiting_assessment = false;
            self.refer_next(child, SOCIAL_SERVICES, day, p, tally);
        }
    }

    /// Hours social-services unit `unit` owes the pathway, up to `left`,
    /// taken by one of its workers: `(direct, documentation)`.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(crate) fn social_work(&mut self, unit: usize, left: f64) -> (f64, f64) {
        let owed = &mut self.social_owed[unit];
        let direct = fastmath::min_hours(owed[0], left);
        owed[0] -= direct;
        let documentation = fastmath::min_hours(owed[1], left - direct);
        owed[1] -= documentation;
        (direct, documentation)
    }

    /// One calendar day of the pathway, after today's concerns arrived.
    #[cfg_attr(feature = "profile", inline(never))]
    pub(crate) fn day(
        &mut self,
        day: u32,
        workday: bool,
        counted: bool,
        p: &Params,
        tally: &mut Tally,
    ) {
        self.deliver_referrals(day, p, tally);
        if workday {
            for a in 0..AGENCIES {
                self.agencies[a].hours = self.agency.hours_per_day[a];
                tally.agency_hours_available += self.agency.hours_per_day[a];
            }
            self.hold_meetings(day, p, tally);
            self.named_person_contact(p, tally);
            for a in 0..AGENCIES {
                self.work_agency(a, day, counted, p, tally);
            }
        }
        // Families out of patience today give up, then the children whose
        // state changed today are closed if nothing is left for them. Only
        // those can have finished, so the open children are not visited one
        // by one (the sums are of whole numbers: their order is immaterial).
        while let Some((_, id)) = self.expiries.pop_due(day) {
            self.give_up(id);
        }
        let mut touched = std::mem::take(&mut self.touched);
        for &id in &touched {
            let c = &mut self.children[id as usize];
            if !c.closed && c.finished() {
                c.closed = true;
                self.open_named -= u64::from(c.named_person);
                self.ledger.done += 1;
                tally.children_done += 1.0;
                tally.children_dropped += f64::from(u8::from(c.dropped));
                tally.tellings_sum += f64::from(c.tellings);
                tally.handoffs_sum += f64::from(c.handoffs);
                tally.bounces_sum += f64::from(c.bounces);
            }
        }
        touched.clear();
        self.touched = touched;
        tally.children_waiting_sum += self.unhelped as f64;
    }

    fn deliver_referrals(&mut self, day: u32, p: &Params, tally: &mut Tally) {
        while let Some(r) = self.referrals.pop_due(day) {
            let to = r.to as usize;
            let c = &mut self.children[r.child as usize];
            if c.need[to] != Need::Referred {
                continue; // given up while the referral was under way
            }
            let bounce = p.pathway.bounce_probability
                * if c.named_person {
                    p.pathway.named_person_bounce_factor
                } else {
                    1.0
                };
            if c.rng.r#gen::<f64>() < bounce {
                c.bounces += 1;
                c.need[to] = Need::Pending;
                self.refer(r.child, r.from, to, day, p, tally);
            } else {
                c.need[to] = Need::Intake;
                c.intake_left[to] = self.agency.intake_hours[to];
                self.agencies[to].intake.push_back(r.child);
            }
        }
    }

    /// Refers `child` from `from` to the next agency up the ladder it needs.
    fn refer_next(&mut self, child: u32, from: u8, day: u32, p: &Params, tally: &mut Tally) {
        let next = self.children[child as usize]
            .need
            .iter()
            .position(|&n| n == Need::Pending);
        if let Some(to) = next {
            self.refer(child, from, to, day, p, tally);
        }
    }

    /// Writes and sends one referral (a hand-off).
    fn refer(&mut self, child: u32, from: u8, to: usize, day: u32, p: &Params, tally: &mut Tally) {
        let hours = p.pathway.referral_hours;
        let c = &mut self.children[child as usize];
        c.need[to] = Need::Referred;
        c.handoffs += 1;
        if from == SOCIAL_SERVICES {
            if let Some(unit) = c.unit {
                self.social_owed[unit as usize][1] += hours;
                tally.pathway_hours_social += hours;
                tally.pathway_hours_documentation += hours;
            }
        } else {
            // Counted as the agency's hours when it writes it.
            self.agencies[from as usize].owed_documentation += hours;
        }
        self.referral_seq += 1;
        self.referrals.push(Referral {
            day: day + p.pathway.referral_delay_days,
            seq: self.referral_seq,
            child,
            from,
            to: to as u8,
        });
    }

    /// Joint team meetings due today: held if every agency taking part still
    /// has the hours (or, for an agency with fewer hours a day than a
    /// meeting takes, its whole day, the rest owed), otherwise moved to the
    /// next meeting day.
    fn hold_meetings(&mut self, day: u32, p: &Params, tally: &mut Tally) {
        let hours = p.pathway.team_meeting_hours;
        let mut postponed = Vec::new();
        while let Some((_, id)) = self.meetings.pop_due(day) {
            let c = &self.children[id as usize];
            if !c.any_waiting() {
                // The family gave up before the meeting: there is no joint
                // mapping, so social services heard the child itself.
                let c = &mut self.children[id as usize];
                c.meeting_pending = false;
                c.tellings += u32::from(c.reuses_mapping);
                self.touched.push(id);
                continue;
            }
            let takes_part: [bool; AGENCIES] =
                std::array::from_fn(|a| a == SCHOOL_HEALTH || c.need[a] == Need::Pending);
            let needed = |a: usize| hours.min(self.agency.hours_per_day[a]);
            let short =
                (0..AGENCIES).any(|a| takes_part[a] && self.agencies[a].hours + 1e-9 < needed(a));
            if short {
                postponed.push((next_meeting_day(day + 1, p), id));
                continue;
            }
            for a in (0..AGENCIES).filter(|&a| takes_part[a]) {
                let agency = &mut self.agencies[a];
                let now = hours.min(agency.hours);
                agency.hours -= now;
                agency.owed_meetings += hours - now;
                tally.agency_hours_used += now;
                *agency_hours(tally, a) += now;
            }
            let c = &mut self.children[id as usize];
            if let Some(unit) = c.unit {
                self.social_owed[unit as usize][0] += hours;
                tally.pathway_hours_social += hours;
            }
            c.meeting_pending = false;
            c.tellings += 1;
            self.touched.push(id);
            for a in 0..AGENCIES {
                if c.need[a] == Need::Pending {
                    c.need[a] = Need::Queued;
                    self.agencies[a].owed_documentation += p.pathway.record_hours;
                    self.agencies[a].waiting.push_back(id);
                }
            }
        }
        for m in postponed {
            self.meetings.push(m);
        }
    }

    fn named_person_contact(&mut self, p: &Params, tally: &mut Tally) {
        let daily =
            p.pathway.named_person_hours_per_week / f64::from(p.organisation.workdays_per_week);
        tally.pathway_hours_named_person += daily * self.open_named as f64;
    }

    /// One working day of agency `a`.
    #[cfg_attr(feature = "profile", inline(never))]
    fn work_agency(&mut self, a: usize, day: u32, counted: bool, p: &Params, tally: &mut Tally) {
        let w = &p.pathway;
        let pace = w.session_hours_per_week / f64::from(p.organisation.workdays_per_week);
        let agency = &mut self.agencies[a];
        let mut spent = 0.0;
        let mut documentation = 0.0;
        // Meetings that did not fit into an earlier day.
        let meetings = agency.owed_meetings.min(agency.hours);
        agency.owed_meetings -= meetings;
        agency.hours -= meetings;
        spent += meetings;
        // Documentation owed.
        let owed = agency.owed_documentation.min(agency.hours);
        agency.owed_documentation -= owed;
        agency.hours -= owed;
        spent += owed;
        documentation += owed;
        // Help under way, in a function of its own (see there).
        let share = w.help_documentation_share;
        let sums = serve_active(
            &mut agency.active,
            &mut self.children,
            &mut self.touched,
            a,
            pace,
            share,
            [agency.hours, spent, documentation],
        );
        [agency.hours, spent, documentation] = sums;
        // Intakes, first come first served; referrals onward go out after.
        let mut heard = std::mem::take(&mut self.heard_scratch);
        while let Some(&id) = agency.intake.front() {
            if agency.hours <= 1e-9 {
                break;
            }
            let c = &mut self.children[id as usize];
            let h = fastmath::min_hours(c.intake_left[a], agency.hours);
            c.intake_left[a] -= h;
            agency.hours -= h;
            spent += h;
            documentation += h * w.intake_documentation_share;
            if c.intake_left[a] > 1e-9 {
                break;
            }
            agency.intake.pop_front();
            c.tellings += 1;
            if c.need[a] == Need::Intake {
                c.need[a] = Need::Queued;
                agency.waiting.push_back(id);
            }
            c.entry_intake = false;
            self.touched.push(id);
            heard.push(id);
        }
        for &id in &heard {
            self.refer_next(id, a as u8, day, p, tally);
        }
        heard.clear();
        self.heard_scratch = heard;
        // New help, first come first served, while hours are left (the
        // last child started may get less than a day's session).
        let agency = &mut self.agencies[a];
        while let Some(&id) = agency.waiting.front() {
            if agency.hours <= 1e-9 {
                break;
            }
            let c = &mut self.children[id as usize];
            let h = fastmath::min_hours(fastmath::min_hours(pace, c.help_left[a]), agency.hours);
            agency.waiting.pop_front();
            c.help_left[a] -= h;
            agency.hours -= h;
            spent += h;
            documentation += h * w.help_documentation_share;
            if c.first_help.is_none() {
                c.first_help = Some(day);
                self.unhelped -= 1;
                let wait = day - c.arrival;
                tally.first_helps += 1.0;
                tally.first_help_days_sum += f64::from(wait);
                if counted {
                    self.first_help_days.add(wait);
                }
                self.year_first_help_days.add(wait);
            }
            if c.help_left[a] <= 1e-9 {
                c.need[a] = Need::Done;
                self.touched.push(id);
            } else {
                c.need[a] = Need::Active;
                agency.active.push(id);
            }
            if c.full_help.is_none() && !c.any_waiting() && !c.meeting_pending {
                c.full_help = Some(day);
                tally.full_helps += 1.0;
                tally.full_help_days_sum += f64::from(day - c.arrival);
            }
        }
        tally.agency_hours_used += spent;
        *agency_hours(tally, a) += spent;
        tally.pathway_hours_documentation += documentation;
    }

    /// Child `id`'s family runs out of patience today: if it is still
    /// waiting, the help not yet started is given up.
    fn give_up(&mut self, id: u32) {
        let c = &mut self.children[id as usize];
        if c.closed || !c.any_waiting() {
            return;
        }
        c.dropped = true;
        if c.first_help.is_none() {
            self.unhelped -= 1;
        }
        c.awaiting_assessment = false;
        for a in 0..AGENCIES {
            if c.need[a].waiting() {
                c.need[a] = Need::Abandoned;
            }
        }
        for agency in &mut self.agencies {
            agency.intake.retain(|&x| x != id);
            agency.waiting.retain(|&x| x != id);
        }
        c.entry_intake = false;
        self.touched.push(id);
    }

    /// The 90th percentile of days to first help after warm-up.
    pub(crate) fn first_help_p90(&self) -> f64 {
        self.first_help_days.quantile(0.9)
    }

    /// The 90th percentile of days to first help in the year now ending;
    /// starts the next year's count.
    pub(crate) fn take_year_first_help_p90(&mut self) -> f64 {
        let p90 = self.year_first_help_days.quantile(0.9);
        self.year_first_help_days.clear();
        p90
    }

    /// Counts the children not done where they actually are.
    pub(crate) fn finish(&self) -> PathwayLedger {
        let mut ledger = self.ledger.clone();
        let mut located = vec![false; self.children.len()];
        for agency in &self.agencies {
            for &id in agency
                .intake
                .iter()
                .chain(&agency.waiting)
                .chain(&agency.active)
            {
                located[id as usize] = true;
            }
        }
        for r in self.referrals.iter() {
            located[r.child as usize] = true;
        }
        for &(_, id) in self.meetings.iter() {
            located[id as usize] = true;
        }
        for (id, c) in self.children.iter().enumerate().filter(|(_, c)| !c.closed) {
            if located[id] || c.awaiting_assessment {
                ledger.located_at_end += 1;
            } else {
                ledger.lost_at_end += 1;
            }
        }
        ledger
    }
}

/// Agency `a`'s day of help under way: each child in help, in the order
/// their help started, gets up to `pace` hours while the agency has hours
/// (`sums`: the agency's hours left, the hours spent and those documented,
/// returned updated); a child whose help is done leaves the list and is
/// `touched`. Out of line, where its arguments are known not to alias, so
/// the sums stay in registers: the same operations in the same order.
#[inline(never)]
fn serve_active(
    active: &mut Vec<u32>,
    children: &mut [Child],
    touched: &mut Vec<u32>,
    a: usize,
    pace: f64,
    share: f64,
    sums: [f64; 3],
) -> [f64; 3] {
    let [mut hours, mut spent, mut documentation] = sums;
    let mut k = 0;
    while k < active.len() && hours > 1e-9 {
        let id = active[k];
        let c = &mut children[id as usize];
        let left = &mut c.help_left[a];
        let h = fastmath::min_hours(fastmath::min_hours(pace, *left), hours);
        *left -= h;
        hours -= h;
        spent += h;
        documentation += h * share;
        if *left <= 1e-9 {
            c.need[a] = Need::Done;
            active.remove(k);
            touched.push(id);
        } else {
            k += 1;
        }
    }
    [hours, spent, documentation]
}

/// The tally field for hours of agency `a`.
fn agency_hours(tally: &mut Tally, a: usize) -> &mut f64 {
    match a {
        0 => &mut tally.pathway_hours_school_health,
        1 => &mut tally.pathway_hours_counselling,
        _ => &mut tally.pathway_hours_bup,
    }
}

/// The first meeting day of the joint team on or after `day`: the team
/// meets every `team_meeting_interval_days`, on working days.
fn next_meeting_day(day: u32, p: &Params) -> u32 {
    let interval = p.pathway.team_meeting_interval_days.max(1);
    let workdays = p.organisation.workdays_per_week;
    // Meetings fall on days 2, 2 + interval, ... (a Wednesday when weekly).
    let offset = 2 % interval;
    let mut d = day + (interval + offset - day % interval) % interval;
    // An interval that is no multiple of a week can land on a weekend.
    for _ in 0..400 {
        if super::calendar::is_workday(d, workdays) {
            return d;
        }
        d += interval;
    }
    d
}

/// How much of a waiting day a family of `child` bears: a named person
/// makes it give up more slowly.
fn dropout_factor(child: &Child, p: &Params) -> f64 {
    if child.named_person {
        p.pathway.named_person_dropout_factor
    } else {
        1.0
    }
}

/// The day a family that starts waiting on `arrival` runs out of patience
/// if it is still waiting: the n-th day (the arrival day the first) on
/// which the waited days, `factor` added once a day, are no longer below
/// `patience`. The sum is the one a daily count would reach, bit for bit:
/// exact in closed form when `factor` is a small binary fraction (1 or 1/2,
/// the default), otherwise added up day by day. `None`: never within
/// `u32` days (a factor of 0, or patience beyond any run).
fn patience_expiry(arrival: u32, patience: f64, factor: f64) -> Option<u32> {
    const HORIZON: u64 = 10_000_000;
    let n = if patience <= factor || patience.is_nan() {
        1 // the first day's wait already exhausts it (or patience is NaN)
    } else if factor <= 0.0 {
        return None;
    } else if (factor * 1_048_576.0).fract() == 0.0 && patience / factor < 1e9 {
        // n * factor is exact here, so the sum of n factors is n * factor.
        let mut n = ((patience / factor).ceil() as u64).max(1);
        while n > 1 && (n - 1) as f64 * factor >= patience {
            n -= 1;
        }
        while (n as f64) * factor < patience {
            n += 1;
        }
        n
    } else {
        let (mut waited, mut n) = (0.0, 0u64);
        loop {
            waited += factor;
            n += 1;
            if waited >= patience {
                break n;
            }
            if n >= HORIZON {
                return None;
            }
        }
    };
    u32::try_from(u64::from(arrival) + n - 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The day a daily count reaches patience, as the pathway counted it
    /// before: `waited += factor` on each day of waiting, giving up on the
    /// first day it is no longer below patience.
    fn counted(arrival: u32, patience: f64, factor: f64) -> Option<u32> {
        let mut waited = 0.0;
        for day in arrival..arrival + 10_000_000 {
            waited += factor;
            if waited >= patience {
                return Some(day);
            }
        }
        None
    }

    /// The day queue gives the items in the order a min-heap does: over
    /// random pushes (near, far beyond the ring, and due today or earlier
    /// while the day's items are being taken), days with no pops, and
    /// repeated keys.
    #[test]
    fn day_queue_pops_in_heap_order() {
        let mut x = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for ring in [1, 4, 16] {
            let mut queue = DayQueue::new(ring);
            let mut heap = BinaryHeap::new();
            let mut taken = 0;
            for day in 0..3000_u32 {
                for _ in 0..next(4) {
                    let ahead = match next(10) {
                        0 => next(200) as u32,
                        1 => u32::MAX - day - next(3) as u32,
                        _ => next(12) as u32,
                    };
                    let item = (day + ahead, next(20) as u32);
                    queue.push(item);
                    heap.push(Reverse(item));
                }
                if next(5) == 0 {
                    continue; // a day without pops: gathered the next time
                }
                loop {
                    let want = match heap.peek() {
                        Some(&Reverse(item)) if item.0 <= day => heap.pop().map(|r| r.0),
                        _ => None,
                    };
                    assert_eq!(queue.pop_due(day), want, "ring {ring}, day {day}");
                    let Some(item) = want else { break };
                    taken += 1;
                    if next(3) == 0 {
                        // Sent on while today's are taken, due now or later.
                        let again = (day + next(2) as u32 * next(3) as u32, item.1);
                        queue.push(again);
                        heap.push(Reverse(again));
                    }
                }
                if day % 500 == 0 {
                    let mut left: Vec<_> = queue.iter().copied().collect();
                    let mut want: Vec<_> = heap.iter().map(|r| r.0).collect();
                    left.sort_unstable();
                    want.sort_unstable();
                    assert_eq!(left, want);
                }
            }
            assert!(taken > 3000);
        }
    }

    #[test]
    fn patience_runs_out_on_the_day_a_daily_count_says() {
        let mut u = 0.123_f64;
        for factor in [1.0, 0.5, 0.25, 0.3, 0.1, 0.7, 0.01] {
            for k in 0..400 {
                // Whole and half days exactly, and spread-out values.
                u = (u * 9_301.0 + 49_297.0) % 233_280.0 / 233_280.0;
                let patience = match k % 4 {
                    0 => f64::from(k),
                    1 => f64::from(k) / 2.0,
                    _ => -150.0 * (1.0 - u).ln(),
                };
                assert_eq!(
                    patience_expiry(17, patience, factor),
                    counted(17, patience, factor),
                    "patience {patience}, factor {factor}"
                );
            }
        }
        assert_eq!(patience_expiry(5, 0.0, 1.0), Some(5));
        assert_eq!(patience_expiry(5, 10.0, 0.0), None);
        assert_eq!(patience_expiry(5, 0.0, 0.0), Some(5));
    }
}
