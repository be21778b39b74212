//! The chart kinds of a report, each built from plain typed values.
//!
//! What lives here: the interval dot plot (arms side by side per outcome),
//! the forest plot of paired differences, the time series with a band, the
//! stacked time-use shares, and for parameter studies the line chart over
//! one swept factor, the heat map over two, and the ranking of levers.
//! Every chart gets a title and a text alternative that states its numbers
//! in words, and draws each series with its own colour, dash and marker.
//!
//! What does not: no file reading and no statistics; callers pass values
//! already in display units (see [`super::text::DisplayUnit`]).

use super::svg::{
    Scale, Svg, TextStyle, colour, dash, diverging_colour, heat_colour, nice_ticks, shape,
    text_width, tick_decimals, wrap,
};
use super::text::{Key, join_list, number, t, tf};
use crate::scenario::Language;

/// A finished chart: its id (unique in the page, also its file name), the
/// caption for the page, and the image.
#[derive(Clone, Debug)]
pub struct Chart {
    /// Identifier, e.g. `outcome-worker_turnover`.
    pub id: String,
    /// The figure caption, a sentence.
    pub caption: String,
    /// The image.
    pub svg: Svg,
}

impl Chart {
    /// The `<svg>` element for the HTML page.
    pub fn inline_svg(&self) -> String {
        self.svg.inline()
    }

    /// The content of the chart's `.svg` file.
    pub fn standalone_svg(&self) -> String {
        self.svg.standalone()
    }
}

const GRID: &str = "#d9d9d9";
const AXIS: &str = "#555555";
const MUTED: &str = "#555555";

fn small() -> TextStyle {
    TextStyle {
        size: 11.0,
        fill: MUTED,
        ..TextStyle::default()
    }
}

fn title_style() -> TextStyle {
    TextStyle {
        size: 13.0,
        bold: true,
        ..TextStyle::default()
    }
}

/// Line height of a wrapped chart title [px].
const TITLE_LINE: f64 = 16.0;

/// How many lines `title` takes across a chart `width` px wide.
fn title_lines(title: &str, width: f64) -> usize {
    wrap(title, (width - 16.0) / 1.08, 13.0).len()
}

/// Draws the title at the top left, wrapped; returns how far below the
/// first line's baseline the rest of the chart must move [px].
fn draw_title(svg: &mut Svg, title: &str) -> f64 {
    let width = svg.width();
    let lines = svg.label(8.0, 18.0, title, title_style(), width - 16.0, TITLE_LINE);
    TITLE_LINE * (lines as f64 - 1.0)
}

/// How many lines a label takes in a column `max_px` wide.
fn line_count(s: &str, max_px: f64, size: f64) -> usize {
    wrap(s, max_px, size).len()
}

/// Whether a level chart's axis starts at zero: rates and shares (units
/// `share` or `x/y`), whose differences a cut axis would magnify.
pub fn axis_from_zero(unit: &str) -> bool {
    unit == "share" || unit.contains('/')
}

/// The trailing rolling mean over `window` points of each of a series'
/// mean, lower and upper values, from the `window`-th point on: each point
/// is the mean of the `window` points up to it. A point with a missing
/// value in its window is missing.
pub fn rolling_mean(points: &[(f64, f64, f64, f64)], window: usize) -> Vec<(f64, f64, f64, f64)> {
    if window == 0 {
        return points.to_vec();
    }
    points
        .windows(window)
        .map(|w| {
            let avg =
                |f: fn(&(f64, f64, f64, f64)) -> f64| w.iter().map(f).sum::<f64>() / window as f64;
            (w[window - 1].0, avg(|p| p.1), avg(|p| p.2), avg(|p| p.3))
        })
        .collect()
}

/// The finite extremes of `values`, or (0, 1) when there are none.
fn extent(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .into_iter()
        .filter(|x| x.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
            (a.min(x), b.max(x))
        });
    if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) }
}

/// The fewest decimals (at most 4) that write every value of a grid
/// exactly: 0.5 and 1 need 1, 0.25 needs 2.
fn exact_decimals(values: &[f64]) -> usize {
    (0..=4)
        .find(|&d| {
            let k = 10f64.powi(d as i32);
            values
                .iter()
                .filter(|v| v.is_finite())
                .all(|v| ((v * k).round() - v * k).abs() < 1e-6)
        })
        .unwrap_or(4)
}

/// Vertical grid lines and tick labels along the bottom of a plot area.
fn x_axis(svg: &mut Svg, lang: Language, ticks: &[f64], sx: &Scale, top: f64, bottom: f64) {
    let d = tick_decimals(ticks);
    for &v in ticks {
        let x = sx.map(v);
        svg.line(x, top, x, bottom, GRID, 1.0, "");
        svg.text(
            x,
            bottom + 14.0,
            &number(lang, v, d),
            TextStyle {
                anchor: "middle",
                ..small()
            },
        );
    }
    svg.line(sx.r0, bottom, sx.r1, bottom, AXIS, 1.0, "");
}

/// Horizontal grid lines and tick labels along the left of a plot area.
fn y_axis(svg: &mut Svg, lang: Language, ticks: &[f64], sy: &Scale, left: f64, right: f64) {
    let d = tick_decimals(ticks);
    for &v in ticks {
        let y = sy.map(v);
        svg.line(left, y, right, y, GRID, 1.0, "");
        svg.text(
            left - 5.0,
            y + 4.0,
            &number(lang, v, d),
            TextStyle {
                anchor: "end",
                ..small()
            },
        );
    }
    svg.line(left, sy.r0, left, sy.r1, AXIS, 1.0, "");
}

/// A legend in rows from (x, y): each entry a line sample in its arm's
/// colour and dash, its marker, and its label (wrapped when it is longer
/// than a row). Entries are (label, style index). Returns the baseline of
/// the last line.
fn legend(svg: &mut Svg, entries: &[(String, usize)], x0: f64, y0: f64, max_x: f64) -> f64 {
    let (mut x, mut y) = (x0, y0);
    let mut row_lines = 1usize;
    for (label, style) in entries {
        let lines = wrap(label, max_x - x0 - 34.0, 11.0);
        let text_w = lines
            .iter()
            .map(|l| text_width(l, 11.0))
            .fold(0.0, f64::max);
        let w = 34.0 + text_w + 14.0;
        if x + w > max_x && x > x0 {
            x = x0;
            y += 14.0 * row_lines as f64 + 2.0;
            row_lines = 1;
        }
        let i = *style;
        svg.begin_arm(label);
        svg.line(x, y - 4.0, x + 24.0, y - 4.0, colour(i), 2.5, dash(i));
        svg.marker(shape(i), x + 12.0, y - 4.0, 4.0, colour(i));
        svg.end_group();
        for (k, line) in lines.iter().enumerate() {
            svg.text(x + 30.0, y + 14.0 * k as f64, line, small());
        }
        row_lines = row_lines.max(lines.len());
        x += w;
    }
    y + 14.0 * (row_lines as f64 - 1.0)
}

/// One arm's mean and 95% interval, in display units.
#[derive(Clone, Debug, PartialEq)]
pub struct ArmInterval {
    /// The arm's name.
    pub label: String,
    /// The arm's style index: its colour, dash and marker in every figure.
    pub style: usize,
    /// Mean.
    pub mean: f64,
    /// Lower end of the 95% interval.
    pub lo: f64,
    /// Upper end of the 95% interval.
    pub hi: f64,
}

/// The text "arm: mean unit (95% interval lo to hi)" for each row.
fn interval_words(lang: Language, unit: &str, rows: &[ArmInterval]) -> Vec<String> {
    let d = super::text::decimals(
        &rows
            .iter()
            .flat_map(|r| [r.mean, r.lo, r.hi])
            .collect::<Vec<_>>(),
    );
    rows.iter()
        .map(|r| {
            tf(
                lang,
                Key::ArmValue,
                &[
                    ("arm", &r.label),
                    ("mean", &number(lang, r.mean, d)),
                    ("unit", unit),
                    ("lo", &number(lang, r.lo, d)),
                    ("hi", &number(lang, r.hi, d)),
                ],
            )
        })
        .collect()
}

/// Dot plot of one outcome: a row per arm with its mean and interval, on
/// an axis from zero when `from_zero` (a rate or a share).
#[allow(clippy::too_many_arguments)]
pub fn interval_chart(
    id: &str,
    lang: Language,
    title: &str,
    unit: &str,
    caption: &str,
    rows: &[ArmInterval],
    from_zero: bool,
) -> Chart {
    let (width, left, right) = (380.0, 150.0, 16.0);
    let top = 40.0 + TITLE_LINE * (title_lines(title, width) as f64 - 1.0);
    // A row grows with its wrapped arm name.
    let heights: Vec<f64> = rows
        .iter()
        .map(|r| (14.0 * line_count(&r.label, left - 12.0, 12.0) as f64 + 8.0).max(26.0))
        .collect();
    let bottom = top + heights.iter().sum::<f64>();
    let height = bottom + 34.0;
    let desc = format!(
        "{}: {}.",
        title,
        interval_words(lang, unit, rows).join("; ")
    );
    let mut svg = Svg::new(id, width, height, title, &desc);
    let shift = draw_title(&mut svg, title);
    svg.label(8.0, 32.0 + shift, unit, small(), width - 16.0, 13.0);
    let (lo, hi) = extent(rows.iter().flat_map(|r| [r.lo, r.hi, r.mean]));
    let ticks = nice_ticks(if from_zero { lo.min(0.0) } else { lo }, hi, 4);
    let sx = Scale::over(&ticks, left, width - right);
    x_axis(&mut svg, lang, &ticks, &sx, top - 4.0, bottom);
    let mut row_top = top;
    for (r, h) in rows.iter().zip(&heights) {
        let y = row_top + h / 2.0;
        let i = r.style;
        let lines = line_count(&r.label, left - 12.0, 12.0) as f64;
        svg.label(
            left - 8.0,
            y + 4.0 - 7.0 * (lines - 1.0),
            &r.label,
            TextStyle::anchored("end"),
            left - 12.0,
            14.0,
        );
        svg.begin_arm(&r.label);
        if r.lo.is_finite() && r.hi.is_finite() {
            svg.line(sx.map(r.lo), y, sx.map(r.hi), y, colour(i), 2.5, "");
            for end in [r.lo, r.hi] {
                svg.line(
                    sx.map(end),
                    y - 5.0,
                    sx.map(end),
                    y + 5.0,
                    colour(i),
                    2.0,
                    "",
                );
            }
        }
        if r.mean.is_finite() {
            svg.marker(shape(i), sx.map(r.mean), y, 5.5, colour(i));
        }
        svg.end_group();
        row_top += h;
    }
    Chart {
        id: id.to_owned(),
        caption: caption.to_owned(),
        svg,
    }
}

/// One row of the forest plot: an outcome's paired difference for one arm,
/// in percent of the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct DifferenceRow {
    /// The outcome's readable name.
    pub outcome: String,
    /// The arm's style index (its colour and marker in every figure).
    pub arm_index: usize,
    /// The arm's name.
    pub arm: String,
    /// Mean difference [% of the baseline].
    pub mean: f64,
    /// Lower end of the 95% interval [% of the baseline].
    pub lo: f64,
    /// Upper end [% of the baseline].
    pub hi: f64,
    /// The verdict tag shown at the right (`better`, `no clear difference`).
    pub tag: String,
}

/// Forest plot of paired differences in percent of the baseline, with a
/// zero line; one row per outcome and compared arm. `arms` are the compared
/// arms' (name, style index), for the legend.
pub fn difference_chart(
    id: &str,
    lang: Language,
    title: &str,
    caption: &str,
    arms: &[(String, usize)],
    rows: &[DifferenceRow],
) -> Chart {
    let (width, left, tag_w) = (760.0, 270.0, 150.0);
    let words: Vec<String> = rows
        .iter()
        .map(|r| {
            let pct = |x: f64| super::text::percent(lang, x);
            format!(
                "{} ({}): {} [{}; {}], {}",
                r.outcome,
                r.arm,
                pct(r.mean),
                pct(r.lo),
                pct(r.hi),
                r.tag
            )
        })
        .collect();
    let desc = format!("{title}. {}.", words.join("; "));
    let mut svg = Svg::new(id, width, 100.0, title, &desc);
    let shift = draw_title(&mut svg, title);
    let mut top = 34.0 + shift;
    if arms.len() > 1 {
        top = legend(&mut svg, arms, left, 40.0 + shift, width - tag_w) + 14.0;
    }
    // A row grows with its wrapped outcome name or tag.
    let first_of = |i: usize| i == 0 || rows[i - 1].outcome != rows[i].outcome;
    let heights: Vec<f64> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let name = if first_of(i) {
                line_count(&r.outcome, left - 16.0, 12.0)
            } else {
                1
            };
            let lines = name.max(line_count(&r.tag, tag_w - 14.0, 11.0));
            (14.0 * lines as f64 + 6.0).max(19.0)
        })
        .collect();
    let bottom = top + heights.iter().sum::<f64>();
    svg.set_height(bottom + 34.0);
    let (lo, hi) = extent(rows.iter().flat_map(|r| [r.lo, r.hi]).chain([0.0]));
    let ticks = nice_ticks(lo, hi, 6);
    let sx = Scale::over(&ticks, left, width - tag_w);
    x_axis(&mut svg, lang, &ticks, &sx, top - 4.0, bottom);
    svg.text(
        width - tag_w - 2.0,
        bottom + 28.0,
        "%",
        TextStyle {
            anchor: "end",
            ..small()
        },
    );
    let zero = sx.map(0.0);
    svg.line(zero, top - 6.0, zero, bottom, "#222222", 1.5, "");
    let mut row_top = top;
    for (i, (r, h)) in rows.iter().zip(&heights).enumerate() {
        let y = row_top + h / 2.0;
        if i % 2 == 1 {
            svg.rect(0.0, row_top, width, *h, "#f2f2f2", 0.6);
        }
        if first_of(i) {
            svg.label(
                left - 10.0,
                row_top + 14.0,
                &r.outcome,
                TextStyle::anchored("end"),
                left - 16.0,
                14.0,
            );
        }
        let c = colour(r.arm_index);
        svg.begin_arm(&r.arm);
        if r.lo.is_finite() && r.hi.is_finite() {
            svg.line(sx.map(r.lo), y, sx.map(r.hi), y, c, 2.5, "");
        }
        if r.mean.is_finite() {
            svg.marker(shape(r.arm_index), sx.map(r.mean), y, 5.0, c);
        }
        svg.end_group();
        svg.label(
            width - tag_w + 10.0,
            row_top + 14.0,
            &r.tag,
            small(),
            tag_w - 14.0,
            14.0,
        );
        row_top += h;
    }
    Chart {
        id: id.to_owned(),
        caption: caption.to_owned(),
        svg,
    }
}

/// One arm's monthly series: (time in years, mean, lower, upper).
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesBand {
    /// The arm's name.
    pub label: String,
    /// The arm's style index: its colour, dash and marker in every figure.
    pub style: usize,
    /// Points in time order, in display units.
    pub points: Vec<(f64, f64, f64, f64)>,
}

/// The stroke width of the `k`-th of `n` lines drawn over each other: the
/// first widest, so that where two arms have the same values both stay
/// visible (the later, narrower line inside the earlier one).
fn stacked_width(k: usize, n: usize) -> f64 {
    if n <= 1 {
        2.0
    } else {
        1.8 + 1.4 * (n - 1 - k) as f64 / (n - 1) as f64
    }
}

/// Line chart of a monthly series per arm with its band, the warm-up
/// shaded and each event marked by a dashed line. Each arm's markers sit
/// at points of their own (staggered), so arms with equal values are both
/// seen.
#[allow(clippy::too_many_arguments)]
pub fn series_chart(
    id: &str,
    lang: Language,
    title: &str,
    unit: &str,
    caption: &str,
    desc: &str,
    series: &[SeriesBand],
    warmup_years: f64,
    events: &[(f64, String)],
) -> Chart {
    let width = 370.0;
    let (left, right, bottom_margin) = (46.0, 12.0, 34.0);
    let entries: Vec<(String, usize)> = series.iter().map(|s| (s.label.clone(), s.style)).collect();
    let mut svg = Svg::new(id, width, 250.0, title, desc);
    let shift = draw_title(&mut svg, title);
    let legend_end = legend(&mut svg, &entries, 8.0, 36.0 + shift, width - 8.0);
    let unit_lines = svg.label(8.0, legend_end + 18.0, unit, small(), width - 16.0, 13.0);
    let top = legend_end + 26.0 + 13.0 * (unit_lines as f64 - 1.0);
    // The plot keeps its height whatever the legend takes.
    let height = top + 160.0 + bottom_margin;
    svg.set_height(height);
    let bottom = height - bottom_margin;
    let (x_lo, x_hi) = extent(
        series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.0))
            .chain([0.0]),
    );
    let (y_lo, y_hi) = extent(
        series
            .iter()
            .flat_map(|s| s.points.iter().flat_map(|p| [p.1, p.2, p.3])),
    );
    let y_ticks = nice_ticks(y_lo.min(0.0), y_hi, 4);
    let x_ticks = nice_ticks(x_lo, x_hi, 5);
    let sx = Scale::over(&x_ticks, left, width - right);
    let sy = Scale::over(&y_ticks, bottom, top);
    if warmup_years > 0.0 {
        svg.rect(
            sx.map(sx.d0),
            top,
            sx.map(warmup_years) - sx.map(sx.d0),
            bottom - top,
            "#e6e6e6",
            0.7,
        );
        svg.text(
            sx.map(sx.d0) + 3.0,
            top + 11.0,
            t(lang, Key::Warmup),
            small(),
        );
    }
    // An event (a reform) as a dashed line at its time, named at the top:
    // right of the line in the left half, left of it in the right half.
    for (year, label) in events {
        if !(year.is_finite() && *year > sx.d0 && *year < sx.d1) {
            continue;
        }
        let x = sx.map(*year);
        svg.line(x, top, x, bottom, "#333333", 1.2, "5 3");
        let (tx, anchor, room) = if x < (left + width - right) / 2.0 {
            (x + 3.0, "start", width - right - x - 6.0)
        } else {
            (x - 3.0, "end", x - left - 6.0)
        };
        svg.label(
            tx,
            top + 22.0,
            label,
            TextStyle { anchor, ..small() },
            room,
            13.0,
        );
    }
    y_axis(&mut svg, lang, &y_ticks, &sy, left, width - right);
    x_axis(&mut svg, lang, &x_ticks, &sx, bottom, bottom);
    svg.text(
        (left + width - right) / 2.0,
        height - 4.0,
        t(lang, Key::Year),
        TextStyle {
            anchor: "middle",
            ..small()
        },
    );
    for s in series {
        let mut band: Vec<(f64, f64)> = s
            .points
            .iter()
            .map(|p| (sx.map(p.0), sy.map(p.3)))
            .collect();
        band.extend(s.points.iter().rev().map(|p| (sx.map(p.0), sy.map(p.2))));
        // Light bands: where several overlap, the lines stay readable.
        svg.begin_arm(&s.label);
        svg.polygon(&band, colour(s.style), 0.12);
        svg.end_group();
    }
    let n = series.len();
    for (k, s) in series.iter().enumerate() {
        let line: Vec<(f64, f64)> = s
            .points
            .iter()
            .map(|p| (sx.map(p.0), sy.map(p.1)))
            .collect();
        svg.begin_arm(&s.label);
        svg.polyline(&line, colour(s.style), stacked_width(k, n), dash(s.style));
        // About five markers per line, each arm's shifted along the line.
        let step = (line.len() / 5).max(1);
        let offset = step * k / n.max(1);
        for (m, &(x, y)) in line.iter().enumerate() {
            if m % step == offset && x.is_finite() && y.is_finite() {
                svg.marker(shape(s.style), x, y, 4.0, colour(s.style));
            }
        }
        svg.end_group();
    }
    Chart {
        id: id.to_owned(),
        caption: caption.to_owned(),
        svg,
    }
}

/// One arm's time use: a share per category, summing to about 1.
#[derive(Clone, Debug, PartialEq)]
pub struct StackRow {
    /// The arm's name.
    pub label: String,
    /// Share of each category, in category order [0-1].
    pub shares: Vec<f64>,
}

/// Horizontal stacked bars of shares, one per arm, with a legend; the
/// categories in [`CATEGORY_COLOURS`], never an arm's colour.
pub fn stacked_shares(
    id: &str,
    lang: Language,
    title: &str,
    caption: &str,
    categories: &[String],
    rows: &[StackRow],
) -> Chart {
    stacked_shares_described(
        id,
        lang,
        title,
        caption,
        |rows| tf(lang, Key::TimeUseDesc, &[("rows", rows)]),
        &CATEGORY_COLOURS,
        categories,
        rows,
    )
}

/// [`stacked_shares`] with a text alternative and colours of the caller's:
/// `desc` turns the sentence listing every bar's shares into the
/// description, and category `k` is drawn in colour `colours[k]` (cycled).
#[allow(clippy::too_many_arguments)]
pub fn stacked_shares_described(
    id: &str,
    lang: Language,
    title: &str,
    caption: &str,
    desc: impl Fn(&str) -> String,
    colours: &[&str],
    categories: &[String],
    rows: &[StackRow],
) -> Chart {
    let colour = |k: usize| {
        colours
            .get(k % colours.len().max(1))
            .copied()
            .unwrap_or("#888888")
    };
    let (width, left, right, gap) = (760.0, 118.0, 20.0, 12.0);
    let top = 34.0 + TITLE_LINE * (title_lines(title, width) as f64 - 1.0);
    // A bar grows with its wrapped row name.
    let bar_heights: Vec<f64> = rows
        .iter()
        .map(|r| (13.0 * line_count(&r.label, left - 12.0, 12.0) as f64 + 4.0).max(26.0))
        .collect();
    let bars_end = top + bar_heights.iter().map(|h| h + gap).sum::<f64>();
    let col_w = (width - 16.0) / 3.0;
    // The legend, three to a row; a row as high as its longest name.
    let legend_rows: Vec<f64> = categories
        .chunks(3)
        .map(|chunk| {
            let lines = chunk
                .iter()
                .map(|c| line_count(c, col_w - 26.0, 11.0))
                .max()
                .unwrap_or(1);
            4.0 + 14.0 * lines as f64
        })
        .collect();
    let height = bars_end + 24.0 + legend_rows.iter().sum::<f64>() + 10.0;
    let pct = |x: f64| match lang {
        Language::En => format!("{}%", number(lang, 100.0 * x, 0)),
        Language::Sv => format!("{} %", number(lang, 100.0 * x, 0)),
    };
    let rows_text: Vec<String> = rows
        .iter()
        .map(|r| {
            let parts: Vec<String> = categories
                .iter()
                .zip(&r.shares)
                .map(|(c, &s)| format!("{c} {}", pct(s)))
                .collect();
            format!("{}: {}.", r.label, parts.join(", "))
        })
        .collect();
    let desc = desc(&rows_text.join(" "));
    let mut svg = Svg::new(id, width, height, title, &desc);
    draw_title(&mut svg, title);
    let sx = Scale {
        d0: 0.0,
        d1: 1.0,
        r0: left,
        r1: width - right,
    };
    let mut y = top;
    for (r, &bar_h) in rows.iter().zip(&bar_heights) {
        let lines = line_count(&r.label, left - 12.0, 12.0) as f64;
        svg.label(
            left - 8.0,
            y + bar_h / 2.0 + 4.0 - 6.5 * (lines - 1.0),
            &r.label,
            TextStyle::anchored("end"),
            left - 12.0,
            13.0,
        );
        let total: f64 = r.shares.iter().filter(|s| s.is_finite()).sum();
        let scale = if total > 1.0 { 1.0 / total } else { 1.0 };
        let mut acc = 0.0;
        for (k, &s) in r.shares.iter().enumerate() {
            if !(s.is_finite() && s > 0.0) {
                continue;
            }
            let (x0, x1) = (sx.map(acc), sx.map(acc + s * scale));
            svg.rect(x0, y, x1 - x0, bar_h, colour(k), 1.0);
            let label = pct(s);
            if x1 - x0 > text_width(&label, 11.0) + 6.0 {
                let fill = text_on(colour(k));
                svg.text(
                    (x0 + x1) / 2.0,
                    y + bar_h / 2.0 + 4.0,
                    &label,
                    TextStyle {
                        anchor: "middle",
                        size: 11.0,
                        fill,
                        ..TextStyle::default()
                    },
                );
            }
            acc += s * scale;
        }
        y += bar_h + gap;
    }
    let axis_ticks = [0.0, 0.25, 0.5, 0.75, 1.0];
    for v in axis_ticks {
        svg.text(
            sx.map(v),
            bars_end + 8.0,
            &pct(v),
            TextStyle {
                anchor: "middle",
                ..small()
            },
        );
    }
    let mut row_y = bars_end + 30.0;
    for (k, c) in categories.iter().enumerate() {
        let x = 8.0 + col_w * (k % 3) as f64;
        if k > 0 && k % 3 == 0 {
            row_y += legend_rows[k / 3 - 1];
        }
        svg.rect(x, row_y - 10.0, 14.0, 12.0, colour(k), 1.0);
        svg.label(x + 20.0, row_y, c, small(), col_w - 26.0, 14.0);
    }
    Chart {
        id: id.to_owned(),
        caption: caption.to_owned(),
        svg,
    }
}

/// The colours of categories that are not arms (the activities of the
/// time-use chart): Paul Tol's colour-blind-safe "muted" scheme without its
/// cyan, which is close to the arms' sky blue, and with its pale grey last
/// (time without case work). None is an arm colour ([`ARM_COLOURS`]), so
/// blue means the baseline arm in every figure and nothing else.
///
/// [`ARM_COLOURS`]: super::svg::ARM_COLOURS
pub const CATEGORY_COLOURS: [&str; 8] = [
    "#44AA99", "#332288", "#DDCC77", "#CC6677", "#999933", "#117733", "#882255", "#DDDDDD",
];

/// Black or white, whichever reads better on `background` (`#rrggbb`): by
/// the background's relative luminance (WCAG), white below 0.2.
fn text_on(background: &str) -> &'static str {
    let channel = |i: usize| {
        let v = background
            .get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .map_or(0.0, |v| f64::from(v) / 255.0);
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    if luminance < 0.2 {
        "#ffffff"
    } else {
        "#000000"
    }
}

/// One line of a sweep: an arm's outcome at each value of the swept factor.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepLine {
    /// The arm's name.
    pub label: String,
    /// The arm's style index: its colour, dash and marker in every figure.
    pub style: usize,
    /// (factor value, mean, lower, upper), in factor order, display units.
    pub points: Vec<(f64, f64, f64, f64)>,
}

/// Line chart of an outcome over one swept factor, one line per arm, with
/// interval whiskers at each swept value, the arms side by side (dodged) so
/// that equal values stay visible; on an axis from zero when `from_zero`.
#[allow(clippy::too_many_arguments)]
pub fn sweep_line_chart(
    id: &str,
    lang: Language,
    outcome: &str,
    factor: &str,
    unit: &str,
    caption: &str,
    lines: &[SweepLine],
    from_zero: bool,
) -> Chart {
    let (width, left, right) = (560.0, 56.0, 16.0);
    let title = super::text::capitalise(&tf(
        lang,
        Key::SweepTitle,
        &[("outcome", outcome), ("factor", factor)],
    ));
    let (x_lo, x_hi) = extent(lines.iter().flat_map(|l| l.points.iter().map(|p| p.0)));
    let (y_lo, y_hi) = extent(
        lines
            .iter()
            .flat_map(|l| l.points.iter().flat_map(|p| [p.1, p.2, p.3])),
    );
    let d = super::text::decimals(&[y_lo, y_hi]);
    let xd = exact_decimals(
        &lines
            .iter()
            .flat_map(|l| l.points.iter().map(|p| p.0))
            .collect::<Vec<_>>(),
    );
    let line_words: Vec<String> = lines
        .iter()
        .map(|l| {
            let pts: Vec<String> = l
                .points
                .iter()
                .map(|p| format!("{} → {}", number(lang, p.0, xd), number(lang, p.1, d)))
                .collect();
            format!("{}: {}.", l.label, pts.join(", "))
        })
        .collect();
    let desc = tf(
        lang,
        Key::SweepDesc,
        &[
            ("outcome", outcome),
            ("factor", factor),
            ("from", &number(lang, x_lo, xd)),
            ("to", &number(lang, x_hi, xd)),
            ("lines", &line_words.join(" ")),
        ],
    );
    let mut svg = Svg::new(id, width, 300.0, &title, &desc);
    let shift = draw_title(&mut svg, &title);
    let entries: Vec<(String, usize)> = lines.iter().map(|l| (l.label.clone(), l.style)).collect();
    let legend_end = legend(&mut svg, &entries, 8.0, 36.0 + shift, width - 8.0);
    let unit_lines = svg.label(8.0, legend_end + 18.0, unit, small(), width - 16.0, 13.0);
    let top = legend_end + 28.0 + 13.0 * (unit_lines as f64 - 1.0);
    let bottom = top + 200.0;
    let factor_lines = line_count(factor, width - 16.0, 11.0) as f64;
    let height = bottom + 34.0 + 13.0 * factor_lines;
    svg.set_height(height);
    let x_ticks = nice_ticks(x_lo, x_hi, 6);
    let y_ticks = nice_ticks(if from_zero { y_lo.min(0.0) } else { y_lo }, y_hi, 5);
    let sx = Scale::over(&x_ticks, left, width - right);
    let sy = Scale::over(&y_ticks, bottom, top);
    y_axis(&mut svg, lang, &y_ticks, &sy, left, width - right);
    x_axis(&mut svg, lang, &x_ticks, &sx, bottom, bottom);
    svg.label(
        (left + width - right) / 2.0,
        bottom + 32.0,
        factor,
        TextStyle {
            anchor: "middle",
            ..small()
        },
        width - 16.0,
        13.0,
    );
    let n = lines.len();
    for (k, l) in lines.iter().enumerate() {
        let i = l.style;
        // Each arm a few pixels beside the others at the same value.
        let dodge = 5.0 * (k as f64 - (n as f64 - 1.0) / 2.0);
        let pts: Vec<(f64, f64)> = l
            .points
            .iter()
            .map(|p| (sx.map(p.0) + dodge, sy.map(p.1)))
            .collect();
        svg.begin_arm(&l.label);
        svg.polyline(&pts, colour(i), stacked_width(k, n), dash(i));
        for p in &l.points {
            let x = sx.map(p.0) + dodge;
            if p.2.is_finite() && p.3.is_finite() {
                svg.line(x, sy.map(p.2), x, sy.map(p.3), colour(i), 1.5, "");
            }
            if p.1.is_finite() {
                svg.marker(shape(i), x, sy.map(p.1), 4.5, colour(i));
            }
        }
        svg.end_group();
    }
    Chart {
        id: id.to_owned(),
        caption: caption.to_owned(),
        svg,
    }
}

/// Values of an outcome over a grid of two swept factors.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeatGrid {
    /// Values of the factor along the x axis, in order.
    pub xs: Vec<f64>,
    /// Values of the factor along the y axis, in order.
    pub ys: Vec<f64>,
    /// `values[j][i]`: the mean at `ys[j]`, `xs[i]`, in display units.
    pub values: Vec<Vec<f64>>,
    /// The ends of the colour scale, shared by every map of an outcome so
    /// that one colour is one value; `None`: this grid's own extent.
    pub range: Option<(f64, f64)>,
    /// A map of paired differences: drawn on a diverging scale centred on
    /// zero, and `clear[j][i]` marks (with `*`) a cell whose 95% interval
    /// excludes zero. `None`: a map of levels.
    pub clear: Option<Vec<Vec<bool>>>,
}

/// Heat map of an outcome over two swept factors, each cell labelled with
/// its value (so the colour scale is never needed to read it).
#[allow(clippy::too_many_arguments)]
pub fn heat_map(
    id: &str,
    lang: Language,
    outcome: &str,
    x_label: &str,
    y_label: &str,
    caption: &str,
    grid: &HeatGrid,
) -> Chart {
    let (left, cell_w, cell_h) = (60.0, 72.0, 32.0);
    let (cols, rows) = (grid.xs.len(), grid.ys.len());
    let width = (left + cell_w * cols as f64 + 20.0).max(460.0);
    // The axes name the factors, so the title names only the outcome.
    let title = super::text::capitalise(outcome);
    let shift = TITLE_LINE * (title_lines(&title, width) as f64 - 1.0);
    let y_lines = line_count(y_label, width - left - 8.0, 11.0) as f64;
    let top = 44.0 + shift + 13.0 * (y_lines - 1.0);
    let x_lines = line_count(x_label, width - 16.0, 11.0) as f64;
    let height = top + cell_h * rows as f64 + 50.0 + 13.0 * (x_lines - 1.0);
    let cell = |i: usize, j: usize| {
        grid.values
            .get(j)
            .and_then(|r| r.get(i))
            .copied()
            .unwrap_or(f64::NAN)
    };
    let (lo, hi) = extent(
        (0..rows)
            .flat_map(|j| (0..cols).map(move |i| (i, j)))
            .map(|(i, j)| cell(i, j)),
    );
    let diverging = grid.clear.is_some();
    let is_clear = |i: usize, j: usize| {
        grid.clear
            .as_ref()
            .and_then(|c| c.get(j))
            .and_then(|r| r.get(i))
            .copied()
            .unwrap_or(false)
    };
    // The colour scale: shared when given; centred on zero for differences.
    let (key_lo, key_hi) = {
        let (a, b) = grid.range.unwrap_or((lo, hi));
        if diverging {
            let m = a.abs().max(b.abs());
            (-m, m)
        } else {
            (a, b)
        }
    };
    let fill_of = |v: f64| {
        if diverging {
            diverging_colour(if key_hi > 0.0 { v / key_hi } else { 0.0 })
        } else {
            heat_colour(if key_hi > key_lo {
                (v - key_lo) / (key_hi - key_lo)
            } else {
                0.5
            })
        }
    };
    let d = super::text::decimals(&[lo, hi, key_lo, key_hi]);
    let show = |v: f64| {
        if diverging {
            super::text::signed(lang, v, d)
        } else {
            number(lang, v, d)
        }
    };
    let xd = exact_decimals(&grid.xs);
    let yd = exact_decimals(&grid.ys);
    let mut min_at = String::new();
    let mut max_at = String::new();
    let mut marked = 0;
    for j in 0..rows {
        for i in 0..cols {
            let v = cell(i, j);
            let at = format!(
                "{x_label} {}, {y_label} {}",
                number(lang, grid.xs[i], xd),
                number(lang, grid.ys[j], yd)
            );
            if v == lo && min_at.is_empty() {
                min_at = at.clone();
            }
            if v == hi && max_at.is_empty() {
                max_at = at;
            }
            if is_clear(i, j) {
                marked += 1;
            }
        }
    }
    let mut desc = tf(
        lang,
        Key::HeatDesc,
        &[
            ("outcome", outcome),
            ("cols", &cols.to_string()),
            ("rows", &rows.to_string()),
            ("x", x_label),
            ("y", y_label),
            ("min", &show(lo)),
            ("minat", &min_at),
            ("max", &show(hi)),
            ("maxat", &max_at),
            ("klo", &show(key_lo)),
            ("khi", &show(key_hi)),
        ],
    );
    if diverging {
        desc.push(' ');
        desc.push_str(&tf(
            lang,
            Key::HeatClearCount,
            &[
                ("k", &marked.to_string()),
                ("n", &(cols * rows).to_string()),
            ],
        ));
    }
    let key_h = if diverging { 62.0 } else { 44.0 };
    let mut svg = Svg::new(id, width, height + key_h, &title, &desc);
    draw_title(&mut svg, &title);
    svg.label(
        left,
        36.0 + shift,
        y_label,
        small(),
        width - left - 8.0,
        13.0,
    );
    for j in 0..rows {
        // The first y value at the bottom, like an axis.
        let y = top + cell_h * (rows - 1 - j) as f64;
        svg.text(
            left - 6.0,
            y + cell_h / 2.0 + 4.0,
            &number(lang, grid.ys[j], yd),
            TextStyle {
                anchor: "end",
                ..small()
            },
        );
        for i in 0..cols {
            let x = left + cell_w * i as f64;
            let v = cell(i, j);
            let (fill, white_text) = fill_of(v);
            svg.rect(x, y, cell_w - 1.0, cell_h - 1.0, &fill, 1.0);
            let clear = is_clear(i, j);
            let label = if clear {
                format!("{}*", show(v))
            } else {
                show(v)
            };
            svg.text(
                x + cell_w / 2.0,
                y + cell_h / 2.0 + 4.0,
                &label,
                TextStyle {
                    anchor: "middle",
                    size: 11.0,
                    bold: clear,
                    fill: if white_text { "#ffffff" } else { "#000000" },
                    ..TextStyle::default()
                },
            );
        }
    }
    let bottom = top + cell_h * rows as f64;
    for i in 0..cols {
        svg.text(
            left + cell_w * (i as f64 + 0.5),
            bottom + 14.0,
            &number(lang, grid.xs[i], xd),
            TextStyle {
                anchor: "middle",
                ..small()
            },
        );
    }
    // The factor's name, centred under the cells where it fits there.
    let x_label_w = text_width(x_label, 11.0);
    let centre = (left + cell_w * cols as f64 / 2.0)
        .max(8.0 + x_label_w / 2.0)
        .min(width / 2.0);
    svg.label(
        centre,
        bottom + 32.0,
        x_label,
        TextStyle {
            anchor: "middle",
            ..small()
        },
        width - 16.0,
        13.0,
    );
    // The colour key: the scale's ends (and zero for differences).
    let (key_x, key_y, steps, step_w) = (left, bottom + 46.0 + 13.0 * (x_lines - 1.0), 11, 20.0);
    for k in 0..steps {
        let v = key_lo + (key_hi - key_lo) * k as f64 / (steps - 1) as f64;
        svg.rect(
            key_x + step_w * k as f64,
            key_y,
            step_w,
            10.0,
            &fill_of(v).0,
            1.0,
        );
    }
    let key_w = step_w * steps as f64;
    let end_label = |anchor| TextStyle { anchor, ..small() };
    svg.text(key_x, key_y + 24.0, &show(key_lo), end_label("start"));
    svg.text(key_x + key_w, key_y + 24.0, &show(key_hi), end_label("end"));
    if diverging {
        svg.text(key_x + key_w / 2.0, key_y + 24.0, "0", end_label("middle"));
        svg.text(
            key_x,
            key_y + 38.0,
            &format!(
                "{} \u{2190} \u{2192} {}",
                super::text::t(lang, Key::Lower),
                super::text::t(lang, Key::Higher)
            ),
            small(),
        );
        svg.label(
            key_x + key_w + 10.0,
            key_y + 9.0,
            super::text::t(lang, Key::HeatClearMark),
            small(),
            width - key_x - key_w - 12.0,
            13.0,
        );
    }
    Chart {
        id: id.to_owned(),
        caption: caption.to_owned(),
        svg,
    }
}

/// A lever's effect on an outcome in a sensitivity analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct LeverEffect {
    /// The lever or parameter (e.g. `steering.coaching_hours`).
    pub label: String,
    /// Change of the outcome when the lever moves from low to high, in
    /// display units.
    pub effect: f64,
}

/// Bar chart ranking levers by the size of their effect, largest first,
/// bars to the left for a decrease and to the right for an increase.
pub fn ranking_chart(
    id: &str,
    lang: Language,
    outcome: &str,
    unit: &str,
    caption: &str,
    effects: &[LeverEffect],
) -> Chart {
    let mut sorted: Vec<&LeverEffect> = effects.iter().collect();
    sorted.sort_by(|a, b| {
        b.effect
            .abs()
            .total_cmp(&a.effect.abs())
            .then_with(|| a.label.cmp(&b.label))
    });
    let (width, left, right) = (800.0, 380.0, 60.0);
    let title = super::text::capitalise(&tf(lang, Key::RankingTitle, &[("outcome", outcome)]));
    let shift = TITLE_LINE * (title_lines(&title, width) as f64 - 1.0);
    let top = 44.0 + shift;
    // A row grows with its wrapped factor name.
    let heights: Vec<f64> = sorted
        .iter()
        .map(|e| (14.0 * line_count(&e.label, left - 12.0, 12.0) as f64 + 8.0).max(24.0))
        .collect();
    let height = top + heights.iter().sum::<f64>() + 36.0;
    let d = super::text::decimals(&sorted.iter().map(|e| e.effect).collect::<Vec<_>>());
    let items: Vec<String> = sorted
        .iter()
        .enumerate()
        .map(|(k, e)| {
            format!(
                "{}. {}: {} {unit}",
                k + 1,
                e.label,
                super::text::signed(lang, e.effect, d)
            )
        })
        .collect();
    let desc = tf(
        lang,
        Key::RankingDesc,
        &[
            ("n", &sorted.len().to_string()),
            ("outcome", outcome),
            ("items", &join_list(lang, &items)),
        ],
    );
    let mut svg = Svg::new(id, width, height, &title, &desc);
    draw_title(&mut svg, &title);
    svg.label(8.0, 34.0 + shift, unit, small(), width - 16.0, 13.0);
    let (lo, hi) = extent(sorted.iter().map(|e| e.effect).chain([0.0]));
    // Room beyond the longest bars for their value labels.
    let pad = 0.25 * (hi - lo);
    let ticks = nice_ticks(
        if lo < 0.0 { lo - pad } else { lo },
        if hi > 0.0 { hi + pad } else { hi },
        5,
    );
    let sx = Scale::over(&ticks, left, width - right);
    let bottom = top + heights.iter().sum::<f64>();
    x_axis(&mut svg, lang, &ticks, &sx, top - 4.0, bottom);
    let zero = sx.map(0.0);
    let mut y = top;
    for (e, &row_h) in sorted.iter().zip(&heights) {
        let lines = line_count(&e.label, left - 12.0, 12.0) as f64;
        svg.label(
            left - 8.0,
            y + row_h / 2.0 + 4.0 - 7.0 * (lines - 1.0),
            &e.label,
            TextStyle::anchored("end"),
            left - 12.0,
            14.0,
        );
        if e.effect.is_finite() {
            let x = sx.map(e.effect);
            let c = if e.effect < 0.0 { colour(0) } else { colour(3) };
            svg.rect(x.min(zero), y + 4.0, (x - zero).abs(), row_h - 8.0, c, 1.0);
            let anchor = if e.effect < 0.0 { "end" } else { "start" };
            let tx = if e.effect < 0.0 {
                x.min(zero) - 4.0
            } else {
                x.max(zero) + 4.0
            };
            svg.text(
                tx,
                y + row_h / 2.0 + 4.0,
                &super::text::signed(lang, e.effect, d),
                TextStyle { anchor, ..small() },
            );
        }
        y += row_h;
    }
    svg.line(zero, top - 6.0, zero, bottom, "#222222", 1.5, "");
    Chart {
        id: id.to_owned(),
        caption: caption.to_owned(),
        svg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_accessible(chart: &Chart) {
        let svg = chart.inline_svg();
        assert!(svg.contains(r#"role="img""#), "{svg}");
        assert!(svg.contains(&format!(
            r#"aria-labelledby="{0}-title {0}-desc""#,
            chart.id
        )));
        let desc = svg.split("<desc").nth(1).unwrap_or_default();
        assert!(desc.len() > 40, "text alternative too short: {desc}");
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        assert!(!chart.caption.is_empty());
    }

    fn arms() -> Vec<ArmInterval> {
        vec![
            ArmInterval {
                label: "control".into(),
                style: 0,
                mean: 25.1,
                lo: 24.4,
                hi: 25.8,
            },
            ArmInterval {
                label: "trust".into(),
                style: 1,
                mean: 17.0,
                lo: 16.5,
                hi: 17.6,
            },
        ]
    }

    #[test]
    fn grid_values_get_the_decimals_they_need() {
        assert_eq!(exact_decimals(&[0.5, 1.0, 3.0]), 1);
        assert_eq!(exact_decimals(&[1.0, 2.0]), 0);
        assert_eq!(exact_decimals(&[0.25, f64::NAN]), 2);
    }

    #[test]
    fn interval_chart_states_its_numbers() {
        let c = interval_chart(
            "o1",
            Language::En,
            "Turnover",
            "% per year",
            "cap",
            &arms(),
            true,
        );
        assert_accessible(&c);
        assert!(
            c.inline_svg()
                .contains("control: 25.1 % per year (95% interval 24.4 to 25.8)"),
            "{}",
            c.inline_svg()
        );
        let sv = interval_chart(
            "o1",
            Language::Sv,
            "Omsättning",
            "% per år",
            "cap",
            &arms(),
            true,
        );
        assert!(sv.inline_svg().contains("25,1"));
    }

    #[test]
    fn every_chart_kind_renders_accessibly_with_missing_values() {
        let lang = Language::Sv;
        let diff = vec![DifferenceRow {
            outcome: "stress".into(),
            arm_index: 0,
            arm: "trust".into(),
            mean: -30.0,
            lo: -32.0,
            hi: f64::NAN,
            tag: "bättre".into(),
        }];
        assert_accessible(&difference_chart(
            "d",
            lang,
            "Skillnad",
            "cap",
            &[("trust".into(), 1)],
            &diff,
        ));
        let band = SeriesBand {
            label: "trust".into(),
            style: 1,
            points: (0..24)
                .map(|m| {
                    (
                        m as f64 / 12.0,
                        1.0,
                        0.9,
                        if m == 5 { f64::NAN } else { 1.1 },
                    )
                })
                .collect(),
        };
        assert_accessible(&series_chart(
            "s",
            lang,
            "Stress",
            "enheter",
            "cap",
            "beskrivning av diagrammet med siffror",
            &[band],
            1.0,
            &[(1.5, "reform".to_owned())],
        ));
        let rows = vec![StackRow {
            label: "control".into(),
            shares: vec![0.2, 0.4, 0.1, f64::NAN],
        }];
        let cats: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        assert_accessible(&stacked_shares("t", lang, "Tid", "cap", &cats, &rows));
        let line = SweepLine {
            label: "trust".into(),
            style: 1,
            points: vec![
                (0.5, 1.0, 0.9, 1.1),
                (1.0, 1.2, 1.1, 1.3),
                (2.0, 1.5, 1.4, 1.6),
            ],
        };
        assert_accessible(&sweep_line_chart(
            "w",
            lang,
            "stress",
            "coachning",
            "enheter",
            "cap",
            &[line],
            false,
        ));
        let grid = HeatGrid {
            xs: vec![0.5, 1.0],
            ys: vec![1.0, 2.0, 3.0],
            values: vec![vec![1.0, 2.0], vec![3.0, 4.0], vec![5.0]],
            ..HeatGrid::default()
        };
        let heat = heat_map("h", lang, "stress", "x", "y", "cap", &grid);
        assert_accessible(&heat);
        assert!(
            heat.inline_svg().contains("Lägst 1,00"),
            "{}",
            heat.inline_svg()
        );
        // A difference map: centred on zero over the shared range, the
        // clear cells marked.
        let diff = HeatGrid {
            xs: vec![0.5, 1.0],
            ys: vec![1.0],
            values: vec![vec![-0.2, 0.1]],
            range: Some((-0.2, 0.5)),
            clear: Some(vec![vec![true, false]]),
        };
        let svg = heat_map("d", lang, "stress", "x", "y", "cap", &diff).inline_svg();
        assert!(
            svg.contains("Färgskala från \u{2212}0,500 till +0,500."),
            "{svg}"
        );
        assert!(svg.contains("1 av 2 rutor"), "{svg}");
        assert_eq!(svg.matches("*</text>").count(), 1, "{svg}");
        assert!(svg.contains(">\u{2212}0,200*</text>"), "{svg}");
        let effects = vec![
            LeverEffect {
                label: "a".into(),
                effect: 0.1,
            },
            LeverEffect {
                label: "b".into(),
                effect: -0.5,
            },
            LeverEffect {
                label: "c".into(),
                effect: 0.3,
            },
        ];
        let ranking = ranking_chart("r", lang, "stress", "enheter", "cap", &effects);
        assert_accessible(&ranking);
        let desc = ranking.inline_svg();
        let (b, c, a) = (
            desc.find("1. b").unwrap(),
            desc.find("2. c").unwrap(),
            desc.find("3. a").unwrap(),
        );
        assert!(b < c && c < a);
    }

    /// Every `<text>` of an SVG: (x, font size, anchor, content).
    fn texts(svg: &str) -> Vec<(f64, f64, String, String)> {
        svg.split("<text ")
            .skip(1)
            .map(|t| {
                let attr = |name: &str| {
                    t.split(&format!("{name}=\""))
                        .nth(1)
                        .and_then(|v| v.split('"').next())
                        .map(str::to_owned)
                };
                let content = t.split('>').nth(1).unwrap_or("").split("</text").next();
                (
                    attr("x").and_then(|v| v.parse().ok()).unwrap_or(f64::NAN),
                    attr("font-size")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(f64::NAN),
                    attr("text-anchor").unwrap_or_else(|| "start".to_owned()),
                    content.unwrap_or("").replace("&amp;", "&"),
                )
            })
            .collect()
    }

    /// Whether every text of `chart` lies inside its width.
    fn assert_texts_inside(chart: &Chart) {
        let width = chart.svg.width();
        for (x, size, anchor, content) in texts(&chart.inline_svg()) {
            let w = text_width(&content, size);
            let (a, b) = match anchor.as_str() {
                "end" => (x - w, x),
                "middle" => (x - w / 2.0, x + w / 2.0),
                _ => (x, x + w),
            };
            assert!(
                a >= 0.0 && b <= width,
                "{}: `{content}` spans {a:.0}..{b:.0} of {width}",
                chart.id
            );
            assert!(!content.contains('…'), "{}: `{content}` cut", chart.id);
        }
    }

    #[test]
    fn long_names_wrap_inside_every_chart_kind() {
        let lang = Language::En;
        let long = "team_without_named_person_and_without_coaching";
        let rows: Vec<ArmInterval> = [("silos", 0), (long, 1)]
            .iter()
            .map(|&(label, style)| ArmInterval {
                label: label.into(),
                style,
                mean: 1.0,
                lo: 0.9,
                hi: 1.1,
            })
            .collect();
        let c = interval_chart(
            "i",
            lang,
            "A title long enough to need two lines in a chart of three hundred and eighty pixels",
            "unit",
            "cap",
            &rows,
            true,
        );
        assert_texts_inside(&c);
        let svg = c.inline_svg();
        assert!(svg.contains(">team_without_named_</text>"), "{svg}");
        // The axis of a rate starts at zero.
        assert!(
            svg.contains(">0</text>") || svg.contains(">0.0</text>"),
            "{svg}"
        );
        let band = |label: &str, style| SeriesBand {
            label: label.into(),
            style,
            points: (0..36).map(|m| (m as f64 / 12.0, 2.0, 1.0, 3.0)).collect(),
        };
        let s = series_chart(
            "s",
            lang,
            "Turnover",
            "% per year",
            "cap",
            "desc of the chart with numbers in it",
            &[band("silos", 0), band(long, 1)],
            1.0,
            &[(2.9, format!("{long}: a reform with a long name"))],
        );
        assert_texts_inside(&s);
        let diff = difference_chart(
            "d",
            lang,
            "Difference",
            "cap",
            &[("trust".into(), 1), (long.into(), 2)],
            &[DifferenceRow {
                outcome: "Decisions that depend on who decides, in a very long wording".into(),
                arm_index: 2,
                arm: long.into(),
                mean: 1.0,
                lo: 0.5,
                hi: 1.5,
                tag: "no clear difference at all".into(),
            }],
        );
        assert_texts_inside(&diff);
        let stack = stacked_shares(
            "t",
            lang,
            "Time use",
            "cap",
            &["direct client work with a very long name indeed".to_owned()],
            &[StackRow {
                label: long.into(),
                shares: vec![0.5],
            }],
        );
        assert_texts_inside(&stack);
        let grid = HeatGrid {
            xs: vec![0.5, 1.0],
            ys: vec![1.0],
            values: vec![vec![0.1, 0.2]],
            ..HeatGrid::default()
        };
        let factor = "coaching per case worker (hours/week) (team_without_named_person)";
        assert_texts_inside(&heat_map("h", lang, long, factor, factor, "cap", &grid));
        let ranking = ranking_chart(
            "r",
            lang,
            "stress",
            "units",
            "cap",
            &[LeverEffect {
                label: format!("{factor} {factor}"),
                effect: 0.3,
            }],
        );
        assert_texts_inside(&ranking);
    }

    #[test]
    fn two_arms_with_equal_values_are_both_visible() {
        let band = |style| SeriesBand {
            label: format!("arm{style}"),
            style,
            points: (0..48).map(|m| (m as f64 / 12.0, 2.0, 1.0, 3.0)).collect(),
        };
        let svg = series_chart(
            "s",
            Language::En,
            "t",
            "u",
            "c",
            "a description long enough",
            &[band(0), band(1)],
            0.0,
            &[],
        )
        .inline_svg();
        // Both lines, the first wider, so the second shows inside it.
        let widths: Vec<&str> = svg
            .split("<polyline")
            .skip(1)
            .filter_map(|p| p.split("stroke-width=\"").nth(1)?.split('"').next())
            .collect();
        assert_eq!(widths.len(), 2, "{svg}");
        assert!(widths[0].parse::<f64>().unwrap() > widths[1].parse::<f64>().unwrap());
        // Their markers at different points: a circle and a square apart.
        let circles: Vec<&str> = svg
            .split("<circle cx=\"")
            .skip(1)
            .filter_map(|c| c.split('"').next())
            .collect();
        let squares: Vec<f64> = svg
            .split("<rect x=\"")
            .skip(1)
            .filter(|r| r.contains("stroke=\"#ffffff\""))
            .filter_map(|r| r.split('"').next()?.parse().ok())
            .collect();
        assert!(!circles.is_empty() && !squares.is_empty(), "{svg}");
        for c in &circles {
            let cx: f64 = c.parse().unwrap();
            assert!(squares.iter().all(|x| (x + 3.6 - cx).abs() > 3.0), "{svg}");
        }
        // A sweep's lines side by side at each value.
        let line = |style| SweepLine {
            label: format!("arm{style}"),
            style,
            points: vec![(0.0, 1.0, 0.9, 1.1), (1.0, 1.0, 0.9, 1.1)],
        };
        let svg = sweep_line_chart(
            "w",
            Language::En,
            "stress",
            "coaching",
            "u",
            "c",
            &[line(0), line(1)],
            false,
        )
        .inline_svg();
        let cx: Vec<f64> = svg
            .split("<circle cx=\"")
            .skip(1)
            .filter_map(|c| c.split('"').next()?.parse().ok())
            .collect();
        let squares: Vec<f64> = svg
            .split("<rect x=\"")
            .skip(1)
            .filter(|r| r.contains("stroke=\"#ffffff\""))
            .filter_map(|r| r.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(
            (cx.len(), squares.len()),
            (3, 3),
            "legend and two points: {svg}"
        );
        for c in &cx {
            assert!(squares.iter().all(|x| (x + 4.05 - c).abs() > 3.0), "{svg}");
        }
    }

    #[test]
    fn a_rolling_mean_averages_twelve_months_from_the_twelfth() {
        let points: Vec<(f64, f64, f64, f64)> = (1..=24)
            .map(|m| (m as f64 / 12.0, m as f64, m as f64 - 1.0, m as f64 + 1.0))
            .collect();
        let r = rolling_mean(&points, 12);
        assert_eq!(r.len(), 13);
        assert_eq!(r[0], (1.0, 6.5, 5.5, 7.5));
        assert_eq!(r[12].1, 18.5);
        assert!(rolling_mean(&points[..5], 12).is_empty());
        assert!(axis_from_zero("share") && axis_from_zero("events/year"));
        assert!(!axis_from_zero("stress units") && !axis_from_zero("days"));
    }

    #[test]
    fn time_use_categories_have_their_own_colours_never_an_arms() {
        use crate::report::svg::ARM_COLOURS;
        for c in CATEGORY_COLOURS {
            assert!(!ARM_COLOURS.contains(&c), "{c} is an arm colour");
        }
        let mut distinct = CATEGORY_COLOURS.to_vec();
        distinct.dedup();
        assert_eq!(distinct.len(), CATEGORY_COLOURS.len());
        let rows = [StackRow {
            label: "control".into(),
            shares: vec![0.125; 8],
        }];
        let cats: Vec<String> = (0..8).map(|k| format!("activity {k}")).collect();
        let chart = stacked_shares("t", Language::En, "Time use", "cap", &cats, &rows);
        let svg = chart.svg.inline();
        for c in CATEGORY_COLOURS {
            assert!(svg.contains(c), "{c} not drawn");
        }
        // Black is also the text's colour.
        for c in ARM_COLOURS.iter().filter(|c| **c != "#000000") {
            assert!(!svg.contains(c), "arm colour {c} in the time-use chart");
        }
        // Labels stay readable on dark and light fills.
        assert_eq!(text_on("#332288"), "#ffffff");
        assert_eq!(text_on("#DDCC77"), "#000000");
        assert_eq!(text_on("#0072B2"), "#ffffff");
    }
}
