//! PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999), as used
//! for scenario discovery (Bryant & Lempert 2010): peeling, then pasting.
//!
//! Given points `x` (one row per world, one column per uncertain parameter)
//! and a binary label `y` (1: a case of interest, e.g. "the arm does worse
//! than the baseline here"), PRIM starts from the box that holds every point
//! and repeatedly peels off a slice of `alpha` of the points in the box from
//! the low or high end of one dimension, choosing the slice whose removal
//! scores best, until the box would hold less than `min_mass` of the points.
//! Pasting then grows the last peeled box again: each step moves one limit
//! of a restricted dimension outwards by the `paste_alpha` quantile of the
//! points just beyond it, choosing the move that scores best, for as long
//! as that raises the share of cases in the box. The sequence of boxes
//! (peeled, then pasted) is the trajectory; each box has a *coverage* (the
//! share of all cases of interest that lie inside it) and a *density* (the
//! share of the points inside it that are cases of interest).
//!
//! The details follow the EMA Workbench (Kwakkel 2017, `ema_workbench` 2.5.3,
//! `analysis/prim.py`, `Prim.find_box`), so that its trajectories can serve
//! as a reference (tests/data/prim/ holds two): the cut point of a peel is
//! the sdtoolkit quantile ([`quantile`]); a candidate box's score is its
//! objective and then the number of dimensions it leaves unrestricted (fewer
//! restrictions win a tie; among equal scores the first candidate in column
//! order wins: high end before low end when peeling, low end before high
//! end when pasting); a peel is taken only if the new box keeps at least
//! `min_mass`, is smaller, and has an objective above 0; a paste only if
//! the new box is larger, has an objective above 0 and a higher share of
//! cases. Only the last peeled box is pasted, as in the EMA Workbench.

/// How a candidate box is scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Objective {
    /// Friedman & Fisher's: the mean of `y` in the new box.
    Original,
    /// The EMA Workbench's default: the gain in mean per point removed.
    Lenient1,
}

impl Objective {
    /// `original` or `lenient1`.
    pub fn name(self) -> &'static str {
        match self {
            Objective::Original => "original",
            Objective::Lenient1 => "lenient1",
        }
    }
}

/// Settings of the peeling and the pasting.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PrimOptions {
    /// Share of the box's points a peel removes (0.05 in Friedman & Fisher
    /// and the EMA Workbench).
    pub alpha: f64,
    /// How far a paste moves a limit: the quantile of the points beyond
    /// it, counted from the limit (the EMA Workbench's `paste_alpha`,
    /// 0.05 by default there and here).
    pub paste_alpha: f64,
    /// Smallest share of all points a box may keep.
    pub min_mass: f64,
    /// The score of a candidate box.
    pub objective: Objective,
}

impl Default for PrimOptions {
    fn default() -> Self {
        Self {
            alpha: 0.05,
            paste_alpha: 0.05,
            min_mass: 0.05,
            objective: Objective::Original,
        }
    }
}

/// One box of the trajectory.
#[derive(Clone, Debug, PartialEq)]
pub struct PrimBox {
    /// Lower and upper limit per dimension (inclusive).
    pub limits: Vec<(f64, f64)>,
    /// Points inside.
    pub n: usize,
    /// Cases of interest inside.
    pub k: usize,
    /// `k` / all cases of interest.
    pub coverage: f64,
    /// `k` / `n`.
    pub density: f64,
    /// `n` / all points.
    pub mass: f64,
    /// The dimensions whose limits differ from the first box's.
    pub restricted: Vec<usize>,
}

/// The whole trajectory of one search ([`find_box`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Trajectory {
    /// The peeled boxes, from the box of all points (step 0), then the
    /// pasted ones.
    pub boxes: Vec<PrimBox>,
    /// How many of `boxes` peeling made (step 0 included); the rest were
    /// pasted onto the last of them.
    pub peeled: usize,
}

/// Data PRIM cannot work on.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PrimError {
    /// No points, rows of different lengths, a label count that does not
    /// match, or a value that is not finite.
    #[error("PRIM needs a non-empty table of finite values with one label per row: {0}")]
    Shape(String),
    /// `alpha`, `paste_alpha` or `min_mass` outside (0, 1).
    #[error("PRIM's alpha, paste_alpha and min_mass must lie between 0 and 1 (exclusive)")]
    Options,
}

/// The quantile `q` of `data` as sdtoolkit and the EMA Workbench compute it:
/// the mean of the two order statistics around position `(n - 1) q`,
/// stepping outwards past ties (downwards for `q > 0.5`, upwards otherwise)
/// so that a peel always separates distinct values where it can.
pub fn quantile(data: &mut [f64], q: f64) -> f64 {
    data.sort_by(f64::total_cmp);
    let n = data.len();
    if n == 0 {
        return f64::NAN;
    }
    let i = (n - 1) as f64 * q;
    let mut lo = i.floor() as usize;
    let mut hi = (i.ceil() as usize).min(n - 1);
    if q > 0.5 {
        while data[lo] == data[hi] && lo > 0 {
            lo -= 1;
        }
    } else {
        while data[lo] == data[hi] && hi < n - 1 {
            hi += 1;
        }
    }
    (data[lo] + data[hi]) / 2.0
}

/// A candidate box: objective, unrestricted dimensions, limits, points inside.
type Candidate = (f64, usize, Vec<(f64, f64)>, Vec<usize>);

/// Keeps `candidate` if it scores above `best`: objective first, then
/// fewer restrictions; the first of equal scores stays (the EMA
/// Workbench sorts its candidates stably).
fn keep_best(best: &mut Option<Candidate>, candidate: Candidate) {
    if best
        .as_ref()
        .is_none_or(|(o, f, _, _)| (candidate.0, candidate.1) > (*o, *f))
    {
        *best = Some(candidate);
    }
}

/// Checked input and what both phases need from it.
struct Data<'a> {
    x: &'a [Vec<f64>],
    y: &'a [bool],
    dims: usize,
    /// All cases of interest.
    total_k: usize,
    /// The box of all points: each dimension's smallest and largest value.
    init: Vec<(f64, f64)>,
    options: PrimOptions,
}

impl<'a> Data<'a> {
    fn new(x: &'a [Vec<f64>], y: &'a [bool], options: &PrimOptions) -> Result<Self, PrimError> {
        let n = x.len();
        let dims = x.first().map_or(0, Vec::len);
        if n == 0 || dims == 0 || y.len() != n {
            return Err(PrimError::Shape(format!(
                "{n} rows, {dims} columns, {} labels",
                y.len()
            )));
        }
        if x.iter()
            .any(|r| r.len() != dims || r.iter().any(|v| !v.is_finite()))
        {
            return Err(PrimError::Shape(
                "a row of another length or a value that is not finite".into(),
            ));
        }
        let in_unit = |v: f64| v > 0.0 && v < 1.0;
        if !in_unit(options.alpha) || !in_unit(options.paste_alpha) || !in_unit(options.min_mass) {
            return Err(PrimError::Options);
        }
        let init = (0..dims)
            .map(|d| {
                x.iter()
                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), r| {
                        (lo.min(r[d]), hi.max(r[d]))
                    })
            })
            .collect();
        Ok(Self {
            x,
            y,
            dims,
            total_k: y.iter().filter(|&&v| v).count(),
            init,
            options: *options,
        })
    }

    /// The points inside `limits` (limits inclusive).
    fn inside(&self, limits: &[(f64, f64)]) -> Vec<usize> {
        (0..self.x.len())
            .filter(|&i| {
                self.x[i]
                    .iter()
                    .zip(limits)
                    .all(|(v, (lo, hi))| *v >= *lo && *v <= *hi)
            })
            .collect()
    }

    /// The share of cases among `inside`; NaN when empty.
    fn mean(&self, inside: &[usize]) -> f64 {
        if inside.is_empty() {
            f64::NAN
        } else {
            inside.iter().filter(|&&i| self.y[i]).count() as f64 / inside.len() as f64
        }
    }

    /// The dimensions `limits` leaves as the box of all points has them.
    fn free(&self, limits: &[(f64, f64)]) -> usize {
        (0..self.dims)
            .filter(|&d| limits[d] == self.init[d])
            .count()
    }

    /// The score of moving from a box of `n_old` points with share
    /// `mean_old` to the points `new` (the EMA Workbench's objective
    /// functions, for a peel and a paste alike).
    fn objective(&self, mean_old: f64, n_old: usize, new: &[usize]) -> f64 {
        match self.options.objective {
            Objective::Original => {
                if new.is_empty() {
                    -1.0
                } else {
                    self.mean(new)
                }
            }
            Objective::Lenient1 => {
                let mean_new = if new.is_empty() { 0.0 } else { self.mean(new) };
                if mean_new == mean_old || new.len() == n_old {
                    0.0
                } else {
                    (mean_new - mean_old) / new.len().abs_diff(n_old) as f64
                }
            }
        }
    }

    fn make(&self, limits: Vec<(f64, f64)>, inside: &[usize]) -> PrimBox {
        let k = inside.iter().filter(|&&i| self.y[i]).count();
        let restricted = (0..self.dims)
            .filter(|&d| limits[d] != self.init[d])
            .collect();
        let n = self.x.len();
        PrimBox {
            limits,
            n: inside.len(),
            k,
            coverage: k as f64 / self.total_k as f64,
            density: k as f64 / inside.len() as f64,
            mass: inside.len() as f64 / n as f64,
            restricted,
        }
    }

    /// The peeling trajectory, from the box of all points.
    fn peel(&self) -> Vec<PrimBox> {
        let (x, n, alpha) = (self.x, self.x.len(), self.options.alpha);
        let mut inside: Vec<usize> = (0..n).collect();
        let mut limits = self.init.clone();
        let mut trajectory = vec![self.make(limits.clone(), &inside)];
        let mut column = Vec::with_capacity(n);
        loop {
            let mean_old = self.mean(&inside);
            let mut best: Option<Candidate> = None;
            for d in 0..self.dims {
                for upper in [true, false] {
                    column.clear();
                    column.extend(inside.iter().map(|&i| x[i][d]));
                    let cut = quantile(&mut column, if upper { 1.0 - alpha } else { alpha });
                    let kept: Vec<usize> = inside
                        .iter()
                        .copied()
                        .filter(|&i| {
                            if upper {
                                x[i][d] <= cut
                            } else {
                                x[i][d] >= cut
                            }
                        })
                        .collect();
                    let mut lims = limits.clone();
                    if upper {
                        lims[d].1 = cut;
                    } else {
                        lims[d].0 = cut;
                    }
                    let objective = self.objective(mean_old, inside.len(), &kept);
                    let free = self.free(&lims);
                    keep_best(&mut best, (objective, free, lims, kept));
                }
            }
            let Some((objective, _, lims, kept)) = best else {
                break;
            };
            let mass_new = kept.len() as f64 / n as f64;
            let mass_old = inside.len() as f64 / n as f64;
            if mass_new >= self.options.min_mass && mass_new < mass_old && objective > 0.0 {
                limits = lims;
                inside = kept;
                trajectory.push(self.make(limits.clone(), &inside));
            } else {
                break;
            }
        }
        trajectory
    }

    /// The candidate pastes of the box `limits` holding `inside`: for each
    /// restricted dimension (in column order), its low limit moved down
    /// and then its high limit moved up. A limit moves to the
    /// `1 - paste_alpha` (low) or `paste_alpha` (high) quantile of the
    /// points in the slab between it and the edge of the box of all
    /// points (the limit included, the other limits kept), so a paste
    /// adds about `paste_alpha` of that slab; with the slab empty the
    /// limit moves to the edge. An end that is not restricted gives back
    /// the box itself, which never passes the test in [`Data::paste`].
    fn pastes(&self, limits: &[(f64, f64)], inside: &[usize]) -> Vec<Candidate> {
        let mean_old = self.mean(inside);
        let q = self.options.paste_alpha;
        let mut out = Vec::new();
        for d in (0..self.dims).filter(|&d| limits[d] != self.init[d]) {
            let (min, max) = self.init[d];
            for lower in [true, false] {
                let mut slab_limits = limits.to_vec();
                slab_limits[d] = if lower {
                    (min, limits[d].0)
                } else {
                    (limits[d].1, max)
                };
                let mut slab: Vec<f64> = self
                    .inside(&slab_limits)
                    .iter()
                    .map(|&i| self.x[i][d])
                    .collect();
                let mut lims = limits.to_vec();
                if lower {
                    lims[d].0 = if slab.is_empty() {
                        min
                    } else {
                        quantile(&mut slab, 1.0 - q)
                    };
                } else {
                    lims[d].1 = if slab.is_empty() {
                        max
                    } else {
                        quantile(&mut slab, q)
                    };
                }
                let kept = self.inside(&lims);
                let objective = self.objective(mean_old, inside.len(), &kept);
                let free = self.free(&lims);
                out.push((objective, free, lims, kept));
            }
        }
        out
    }

    /// The pasted boxes grown from `from`, in order (none when no paste
    /// helps): the best candidate of [`Data::pastes`] is taken while it
    /// holds more points, keeps at least `min_mass`, scores above 0 and
    /// raises the share of cases.
    fn paste(&self, from: &[(f64, f64)]) -> Vec<PrimBox> {
        let n = self.x.len() as f64;
        let mut limits = from.to_vec();
        let mut inside = self.inside(&limits);
        let mut pasted = Vec::new();
        loop {
            let mut best: Option<Candidate> = None;
            for c in self.pastes(&limits, &inside) {
                keep_best(&mut best, c);
            }
            let Some((objective, _, lims, kept)) = best else {
                break;
            };
            let mass_new = kept.len() as f64 / n;
            let mass_old = inside.len() as f64 / n;
            if mass_new >= self.options.min_mass
                && mass_new > mass_old
                && objective > 0.0
                && self.mean(&kept) > self.mean(&inside)
            {
                limits = lims;
                inside = kept;
                pasted.push(self.make(limits.clone(), &inside));
            } else {
                break;
            }
        }
        pasted
    }
}

/// The peeling trajectory of `x` (rows of equal length) labelled by `y`,
/// from the box of all points (step 0) to the last peel.
pub fn peel(x: &[Vec<f64>], y: &[bool], options: &PrimOptions) -> Result<Vec<PrimBox>, PrimError> {
    Ok(Data::new(x, y, options)?.peel())
}

/// The boxes pasting grows from the box with `limits` (a box of the
/// peeling trajectory of `x` and `y`), in order; empty when no paste
/// raises the share of cases.
pub fn paste(
    x: &[Vec<f64>],
    y: &[bool],
    limits: &[(f64, f64)],
    options: &PrimOptions,
) -> Result<Vec<PrimBox>, PrimError> {
    let data = Data::new(x, y, options)?;
    if limits.len() != data.dims {
        return Err(PrimError::Shape(format!(
            "a box of {} limits for {} columns",
            limits.len(),
            data.dims
        )));
    }
    Ok(data.paste(limits))
}

/// One box search as the EMA Workbench's `Prim.find_box` does it: the
/// peeling trajectory, then the pastes of its last box. Unlike
/// `find_box`, which gives the box of all points instead when the last
/// box's share of cases is below its `threshold`, the trajectory is kept
/// whatever that share: the box to show is chosen from it ([`choose`]).
pub fn find_box(
    x: &[Vec<f64>],
    y: &[bool],
    options: &PrimOptions,
) -> Result<Trajectory, PrimError> {
    let data = Data::new(x, y, options)?;
    let mut boxes = data.peel();
    // Peeling always gives at least the box of all points.
    let peeled = boxes.len();
    let last = boxes[peeled - 1].limits.clone();
    boxes.extend(data.paste(&last));
    Ok(Trajectory { boxes, peeled })
}

/// The box of the trajectory to show: the densest box, peeled or pasted,
/// whose coverage is at least `min_coverage` (the earliest of equally
/// dense boxes); `None` when no box covers that much.
pub fn choose(trajectory: &[PrimBox], min_coverage: f64) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, b) in trajectory.iter().enumerate() {
        if b.coverage >= min_coverage && best.is_none_or(|j| b.density > trajectory[j].density) {
            best = Some(i);
        }
    }
    best
}

/// The probability that a binomial variable with `n` trials and success
/// probability `p` is at least `k`.
pub fn binomial_at_least(k: usize, n: usize, p: f64) -> f64 {
    if k == 0 {
        return 1.0;
    }
    if k > n || p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return 1.0;
    }
    // ln C(n, i) built up term by term; the sum in linear space from the
    // largest term is accurate enough for a test at the 5 % level.
    let mut ln_c = 0.0;
    let mut terms = Vec::with_capacity(n + 1);
    for i in 0..=n {
        if i > 0 {
            ln_c += ((n - i + 1) as f64).ln() - (i as f64).ln();
        }
        if i >= k {
            terms.push(ln_c + i as f64 * p.ln() + (n - i) as f64 * (1.0 - p).ln());
        }
    }
    let max = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (terms.iter().map(|t| (t - max).exp()).sum::<f64>().ln() + max)
        .exp()
        .min(1.0)
}

/// Drops the restrictions of `chosen` (a box of the trajectory of `x`, `y`,
/// whose first box is `first`) that do not matter, in the spirit of the
/// EMA Workbench's quasi-p-values: for each restricted dimension, the box
/// without that restriction holds `n'` points of which `k'` are cases; the
/// restriction's quasi-p-value is the chance that `n` points drawn with
/// density `k' / n'` hold at least the box's `k` cases. The restriction
/// with the largest value above `significance` is dropped, and the test
/// repeated, until every restriction left is significant.
pub fn prune(
    x: &[Vec<f64>],
    y: &[bool],
    first: &PrimBox,
    chosen: &PrimBox,
    significance: f64,
) -> PrimBox {
    let total_k = y.iter().filter(|&&v| v).count();
    let count = |limits: &[(f64, f64)]| {
        let inside = |r: &Vec<f64>| {
            r.iter()
                .zip(limits)
                .all(|(v, (lo, hi))| *v >= *lo && *v <= *hi)
        };
        let n = x.iter().filter(|r| inside(r)).count();
        let k = x.iter().zip(y).filter(|(r, c)| **c && inside(r)).count();
        (n, k)
    };
    let mut b = chosen.clone();
    loop {
        let mut worst: Option<(f64, usize)> = None;
        for (i, &d) in b.restricted.iter().enumerate() {
            let mut without = b.limits.clone();
            without[d] = first.limits[d];
            let (n, k) = count(&without);
            let p = binomial_at_least(b.k, b.n, k as f64 / n as f64);
            if p > significance && worst.is_none_or(|(q, _)| p > q) {
                worst = Some((p, i));
            }
        }
        let Some((_, i)) = worst else { break };
        let d = b.restricted.remove(i);
        b.limits[d] = first.limits[d];
        let (n, k) = count(&b.limits);
        b.n = n;
        b.k = k;
        b.coverage = k as f64 / total_k as f64;
        b.density = k as f64 / n as f64;
        b.mass = n as f64 / x.len() as f64;
    }
    b
}

/// How well a parameter separates two groups of worlds: the two-sample
/// Kolmogorov–Smirnov statistic, the largest distance between the two
/// empirical distribution functions (0: the same distribution, 1: no
/// overlap). NaN when a group is empty.
pub fn separation(a: &[f64], b: &[f64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return f64::NAN;
    }
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort_by(f64::total_cmp);
    b.sort_by(f64::total_cmp);
    let (mut i, mut j, mut d) = (0, 0, 0.0_f64);
    while i < a.len() && j < b.len() {
        let v = a[i].min(b[j]);
        while i < a.len() && a[i] <= v {
            i += 1;
        }
        while j < b.len() && b[j] <= v {
            j += 1;
        }
        d = d.max((i as f64 / a.len() as f64 - j as f64 / b.len() as f64).abs());
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_steps_past_ties_like_sdtoolkit() {
        // Each value checked against ema_workbench 2.5.3's
        // `prim_util.get_quantile`. An exact position counts as a tie of
        // the two order statistics around it: the median steps up.
        assert_eq!(quantile(&mut [3.0, 1.0, 2.0, 4.0, 5.0], 0.5), 3.5);
        // (n - 1) q = 0.2: between 1 and 2.
        assert_eq!(quantile(&mut [1.0, 2.0, 3.0, 4.0, 5.0], 0.05), 1.5);
        // Ties at the low end: step up to the next distinct value.
        assert_eq!(quantile(&mut [1.0, 1.0, 1.0, 2.0], 0.05), 1.5);
        // Ties at the high end: step down.
        assert_eq!(quantile(&mut [1.0, 3.0, 3.0, 3.0], 0.95), 2.0);
    }

    #[test]
    fn separation_is_zero_for_equal_and_one_for_disjoint_samples() {
        assert_eq!(separation(&[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0]), 0.0);
        assert_eq!(separation(&[1.0, 2.0], &[3.0, 4.0]), 1.0);
        assert!((separation(&[1.0, 2.0, 3.0, 4.0], &[3.0, 4.0, 5.0, 6.0]) - 0.5).abs() < 1e-12);
        assert!(separation(&[], &[1.0]).is_nan());
    }

    #[test]
    fn binomial_tail_matches_hand_values() {
        // P(X >= 2 | n = 3, p = 0.5) = 4 / 8.
        assert!((binomial_at_least(2, 3, 0.5) - 0.5).abs() < 1e-12);
        // P(X >= 5 | n = 5, p = 0.2) = 0.2^5.
        assert!((binomial_at_least(5, 5, 0.2) - 0.00032).abs() < 1e-15);
        assert_eq!(binomial_at_least(0, 5, 0.2), 1.0);
        assert_eq!(binomial_at_least(6, 5, 0.2), 0.0);
        assert!((binomial_at_least(1, 1000, 0.01) - (1.0 - 0.99_f64.powi(1000))).abs() < 1e-9);
    }

    #[test]
    fn pruning_drops_a_restriction_that_does_not_matter() {
        // Cases where x0 > 0.5; a box that also restricts x1 to its upper
        // half only because the peeling went there.
        let x: Vec<Vec<f64>> = (0..400)
            .map(|i| vec![(i % 20) as f64 / 20.0, (i / 20) as f64 / 20.0])
            .collect();
        let y: Vec<bool> = x.iter().map(|r| r[0] > 0.5).collect();
        let first = peel(&x, &y, &PrimOptions::default()).unwrap()[0].clone();
        let inside = |lim: &[(f64, f64)]| {
            x.iter()
                .zip(&y)
                .filter(|(r, _)| r[0] >= lim[0].0 && r[1] >= lim[1].0)
                .fold((0, 0), |(n, k), (_, c)| (n + 1, k + usize::from(*c)))
        };
        let limits = vec![(0.55, first.limits[0].1), (0.5, first.limits[1].1)];
        let (n, k) = inside(&limits);
        let chosen = PrimBox {
            limits,
            n,
            k,
            coverage: k as f64 / 180.0,
            density: k as f64 / n as f64,
            mass: n as f64 / 400.0,
            restricted: vec![0, 1],
        };
        let pruned = prune(&x, &y, &first, &chosen, 0.05);
        assert_eq!(pruned.restricted, vec![0]);
        assert_eq!(pruned.density, 1.0);
        assert_eq!(pruned.coverage, 1.0);
    }

    #[test]
    fn bad_shapes_and_options_are_errors() {
        let o = PrimOptions::default();
        assert!(peel(&[], &[], &o).is_err());
        assert!(peel(&[vec![1.0], vec![1.0, 2.0]], &[true, false], &o).is_err());
        assert!(peel(&[vec![f64::NAN]], &[true], &o).is_err());
        let bad = PrimOptions { alpha: 0.0, ..o };
        assert_eq!(peel(&[vec![1.0]], &[true], &bad), Err(PrimError::Options));
        let bad = PrimOptions {
            paste_alpha: 1.0,
            ..o
        };
        assert_eq!(
            find_box(&[vec![1.0]], &[true], &bad),
            Err(PrimError::Options)
        );
        assert!(paste(&[vec![1.0]], &[true], &[(1.0, 1.0), (0.0, 1.0)], &o).is_err());
    }

    #[test]
    fn pasting_raises_the_share_of_cases_and_stops_when_no_paste_helps() {
        use rand::{Rng, SeedableRng};
        let mut pastes = [0, 0];
        for seed in 0..20 {
            let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(seed);
            let x: Vec<Vec<f64>> = (0..150)
                .map(|_| (0..3).map(|_| rng.r#gen::<f64>()).collect())
                .collect();
            // A box with 15 % of the labels flipped, so that peeling
            // overshoots now and then.
            let y: Vec<bool> = x
                .iter()
                .map(|r| (r[0] > 0.5 && r[1] < 0.6) != (rng.r#gen::<f64>() < 0.15))
                .collect();
            for (o, objective) in [Objective::Original, Objective::Lenient1]
                .into_iter()
                .enumerate()
            {
                let options = PrimOptions {
                    objective,
                    ..PrimOptions::default()
                };
                let t = find_box(&x, &y, &options).unwrap();
                assert_eq!(peel(&x, &y, &options).unwrap(), t.boxes[..t.peeled]);
                pastes[o] += t.boxes.len() - t.peeled;
                // From the last peeled box on, each paste grows the box
                // and raises its share of cases.
                for w in t.boxes[t.peeled - 1..].windows(2) {
                    assert!(w[1].density > w[0].density, "seed {seed}: {w:?}");
                    assert!(w[1].n > w[0].n, "seed {seed}");
                    assert!(
                        w[0].limits
                            .iter()
                            .zip(&w[1].limits)
                            .all(|(a, b)| b.0 <= a.0 && b.1 >= a.1),
                        "seed {seed}: {w:?}"
                    );
                }
                // It stopped because no candidate paste of the last box
                // raises its share of cases.
                let data = Data::new(&x, &y, &options).unwrap();
                let last = t.boxes.last().unwrap();
                let inside = data.inside(&last.limits);
                assert_eq!(inside.len(), last.n);
                let candidates = data.pastes(&last.limits, &inside);
                assert_eq!(candidates.len(), 2 * last.restricted.len());
                for (_, _, limits, kept) in candidates {
                    assert!(data.mean(&kept) <= last.density, "seed {seed}: {limits:?}");
                }
            }
        }
        // Pasting did something under both objectives.
        assert!(pastes[0] > 0 && pastes[1] > 0, "{pastes:?}");
    }

    #[test]
    fn a_box_of_cases_only_is_not_pasted_and_a_box_cut_too_far_is() {
        // Cases where x0 > 0.5: peeling ends in a box of cases only,
        // which no paste can make denser.
        let x: Vec<Vec<f64>> = (0..400)
            .map(|i| vec![(i % 20) as f64 / 20.0, (i / 20) as f64 / 20.0])
            .collect();
        let y: Vec<bool> = x.iter().map(|r| r[0] > 0.5).collect();
        let t = find_box(&x, &y, &PrimOptions::default()).unwrap();
        assert_eq!(t.boxes[t.peeled - 1].density, 1.0);
        assert_eq!(t.boxes.len(), t.peeled);
        let last = &t.boxes[t.peeled - 1];
        let none = paste(&x, &y, &last.limits, &PrimOptions::default()).unwrap();
        assert!(none.is_empty());
        // (Checked against ema_workbench 2.5.3's `Prim._paste`.) From the
        // box 0.425 <= x0 <= 0.625 (x0 = 0.45 to 0.6: 80 points,
        // 40 cases), each paste of the high limit takes in the next 20
        // cases (the slab's 5 % quantile steps past the ties at 0.65 to
        // 0.675), while pasting the low limit would take in non-cases;
        // after x0 = 0.95, the edge, nothing raises the share.
        let mut limits = last.limits.clone();
        limits[0] = (0.425, 0.625);
        let pasted = paste(&x, &y, &limits, &PrimOptions::default()).unwrap();
        assert_eq!(pasted.len(), 7, "{pasted:?}");
        assert_eq!(pasted[0].limits[0], (0.425, 0.675));
        assert_eq!((pasted[0].n, pasted[0].k), (100, 60));
        let end = &pasted[6];
        assert_eq!(end.limits[0], (0.425, 0.95));
        assert_eq!((end.n, end.k, end.restricted.clone()), (220, 180, vec![0]));
    }

    #[test]
    fn choose_takes_the_densest_box_with_enough_coverage() {
        let b = |coverage: f64, density: f64| PrimBox {
            limits: vec![],
            n: 1,
            k: 1,
            coverage,
            density,
            mass: 1.0,
            restricted: vec![],
        };
        let t = [b(1.0, 0.2), b(0.8, 0.6), b(0.6, 0.9), b(0.4, 1.0)];
        assert_eq!(choose(&t, 0.5), Some(2));
        assert_eq!(choose(&t, 0.95), Some(0));
        assert_eq!(choose(&t[1..], 0.9), None);
    }
}
