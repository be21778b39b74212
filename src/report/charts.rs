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
    tick_decimals,
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

/// Approximate width of `s` at font size `size` [px].
fn text_width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.55
}

/// Shortens `s` to about `max_px` at `size`, with an ellipsis.
fn fit(s: &str, max_px: f64, size: f64) -> String {
    let max_chars = (max_px / (size * 0.55)).floor().max(4.0) as usize;
    if s.chars().count() <= max_chars {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max_chars - 1).collect();
        out.push('…');
        out
    }
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

/// A legend in one row (wrapping) from (x, y): marker, line sample, label.
fn legend(svg: &mut Svg, labels: &[String], x0: f64, y0: f64, max_x: f64) -> f64 {
    let (mut x, mut y) = (x0, y0);
    for (i, label) in labels.iter().enumerate() {
        let w = 34.0 + text_width(label, 11.0) + 14.0;
        if x + w > max_x && x > x0 {
            x = x0;
            y += 16.0;
        }
        svg.line(x, y - 4.0, x + 24.0, y - 4.0, colour(i), 2.5, dash(i));
        svg.marker(shape(i), x + 12.0, y - 4.0, 4.0, colour(i));
        svg.text(x + 30.0, y, label, small());
        x += w;
    }
    y
}

/// One arm's mean and 95% interval, in display units.
#[derive(Clone, Debug, PartialEq)]
pub struct ArmInterval {
    /// The arm's name.
    pub label: String,
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

/// Dot plot of one outcome: a row per arm with its mean and interval.
pub fn interval_chart(
    id: &str,
    lang: Language,
    title: &str,
    unit: &str,
    caption: &str,
    rows: &[ArmInterval],
) -> Chart {
    let (width, row_h, top, left, right) = (380.0, 26.0, 40.0, 150.0, 16.0);
    let height = top + row_h * rows.len() as f64 + 34.0;
    let desc = format!(
        "{}: {}.",
        title,
        interval_words(lang, unit, rows).join("; ")
    );
    let mut svg = Svg::new(id, width, height, title, &desc);
    svg.text(8.0, 18.0, &fit(title, width - 16.0, 13.0), title_style());
    svg.text(8.0, 32.0, unit, small());
    let (lo, hi) = extent(rows.iter().flat_map(|r| [r.lo, r.hi, r.mean]));
    let ticks = nice_ticks(lo, hi, 4);
    let sx = Scale::over(&ticks, left, width - right);
    let bottom = top + row_h * rows.len() as f64;
    x_axis(&mut svg, lang, &ticks, &sx, top - 4.0, bottom);
    for (i, r) in rows.iter().enumerate() {
        let y = top + row_h * (i as f64 + 0.5);
        svg.text(
            left - 8.0,
            y + 4.0,
            &fit(&r.label, left - 12.0, 12.0),
            TextStyle::anchored("end"),
        );
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
    /// Index of the arm among the compared (non-baseline) arms, for its
    /// colour and marker.
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
/// zero line; one row per outcome and compared arm.
pub fn difference_chart(
    id: &str,
    lang: Language,
    title: &str,
    caption: &str,
    arms: &[String],
    rows: &[DifferenceRow],
) -> Chart {
    let (width, row_h, left, tag_w) = (760.0, 22.0, 270.0, 150.0);
    let legend_rows = if arms.len() > 1 { 20.0 } else { 0.0 };
    let top = 34.0 + legend_rows;
    let height = top + row_h * rows.len() as f64 + 34.0;
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
    let mut svg = Svg::new(id, width, height, title, &desc);
    svg.text(8.0, 18.0, &fit(title, width - 16.0, 13.0), title_style());
    if arms.len() > 1 {
        legend(&mut svg, arms, left, 40.0, width - tag_w);
    }
    let (lo, hi) = extent(rows.iter().flat_map(|r| [r.lo, r.hi]).chain([0.0]));
    let ticks = nice_ticks(lo, hi, 6);
    let sx = Scale::over(&ticks, left, width - tag_w);
    let bottom = top + row_h * rows.len() as f64;
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
    for (i, r) in rows.iter().enumerate() {
        let y = top + row_h * (i as f64 + 0.5);
        if i % 2 == 1 {
            svg.rect(0.0, y - row_h / 2.0, width, row_h, "#f2f2f2", 0.6);
        }
        let first_of_outcome = i == 0 || rows[i - 1].outcome != r.outcome;
        if first_of_outcome {
            svg.text(
                left - 10.0,
                y + 4.0,
                &fit(&r.outcome, left - 16.0, 12.0),
                TextStyle::anchored("end"),
            );
        }
        let c = colour(r.arm_index);
        if r.lo.is_finite() && r.hi.is_finite() {
            svg.line(sx.map(r.lo), y, sx.map(r.hi), y, c, 2.5, "");
        }
        if r.mean.is_finite() {
            svg.marker(shape(r.arm_index), sx.map(r.mean), y, 5.0, c);
        }
        svg.text(
            width - tag_w + 10.0,
            y + 4.0,
            &fit(&r.tag, tag_w - 14.0, 11.0),
            small(),
        );
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
    /// Points in time order, in display units.
    pub points: Vec<(f64, f64, f64, f64)>,
}

/// Line chart of a monthly series per arm with its band, the warm-up
/// shaded.
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
    let (width, height) = (370.0, 250.0);
    let (left, right, bottom_margin) = (46.0, 12.0, 34.0);
    let labels: Vec<String> = series.iter().map(|s| s.label.clone()).collect();
    let mut svg = Svg::new(id, width, height, title, desc);
    svg.text(8.0, 18.0, &fit(title, width - 16.0, 13.0), title_style());
    let legend_end = legend(&mut svg, &labels, 8.0, 36.0, width - 8.0);
    svg.text(8.0, legend_end + 18.0, unit, small());
    let top = legend_end + 26.0;
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
    // An event (a reform) as a dashed line at its time, named at the top.
    for (year, label) in events {
        if !(year.is_finite() && *year > sx.d0 && *year < sx.d1) {
            continue;
        }
        let x = sx.map(*year);
        svg.line(x, top, x, bottom, "#333333", 1.2, "5 3");
        svg.text(
            x + 3.0,
            top + 22.0,
            &fit(label, width - right - x - 6.0, 11.0),
            small(),
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
    for (i, s) in series.iter().enumerate() {
        let mut band: Vec<(f64, f64)> = s
            .points
            .iter()
            .map(|p| (sx.map(p.0), sy.map(p.3)))
            .collect();
        band.extend(s.points.iter().rev().map(|p| (sx.map(p.0), sy.map(p.2))));
        svg.polygon(&band, colour(i), 0.2);
    }
    for (i, s) in series.iter().enumerate() {
        let line: Vec<(f64, f64)> = s
            .points
            .iter()
            .map(|p| (sx.map(p.0), sy.map(p.1)))
            .collect();
        svg.polyline(&line, colour(i), 2.0, dash(i));
        if let Some(&(x, y)) = line
            .iter()
            .rev()
            .find(|(x, y)| x.is_finite() && y.is_finite())
        {
            svg.marker(shape(i), x, y, 4.0, colour(i));
        }
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

/// Horizontal stacked bars of shares, one per arm, with a legend.
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
        &(0..categories.len()).collect::<Vec<_>>(),
        categories,
        rows,
    )
}

/// [`stacked_shares`] with a text alternative and colours of the caller's:
/// `desc` turns the sentence listing every bar's shares into the
/// description, and category `k` is drawn in palette colour `palette[k]`.
#[allow(clippy::too_many_arguments)]
pub fn stacked_shares_described(
    id: &str,
    lang: Language,
    title: &str,
    caption: &str,
    desc: impl Fn(&str) -> String,
    palette: &[usize],
    categories: &[String],
    rows: &[StackRow],
) -> Chart {
    let (width, left, right, bar_h, gap) = (760.0, 118.0, 20.0, 26.0, 12.0);
    let top = 34.0;
    let bars_end = top + (bar_h + gap) * rows.len() as f64;
    let legend_lines = (categories.len() as f64 / 3.0).ceil();
    let height = bars_end + 24.0 + legend_lines * 18.0 + 10.0;
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
    svg.text(8.0, 18.0, title, title_style());
    let sx = Scale {
        d0: 0.0,
        d1: 1.0,
        r0: left,
        r1: width - right,
    };
    for (i, r) in rows.iter().enumerate() {
        let y = top + (bar_h + gap) * i as f64;
        svg.text(
            left - 8.0,
            y + bar_h / 2.0 + 4.0,
            &fit(&r.label, left - 12.0, 12.0),
            TextStyle::anchored("end"),
        );
        let total: f64 = r.shares.iter().filter(|s| s.is_finite()).sum();
        let scale = if total > 1.0 { 1.0 / total } else { 1.0 };
        let mut acc = 0.0;
        for (k, &s) in r.shares.iter().enumerate() {
            if !(s.is_finite() && s > 0.0) {
                continue;
            }
            let (x0, x1) = (sx.map(acc), sx.map(acc + s * scale));
            let c = palette.get(k).copied().unwrap_or(k);
            svg.rect(x0, y, x1 - x0, bar_h, colour(c), 1.0);
            let label = pct(s);
            if x1 - x0 > text_width(&label, 11.0) + 6.0 {
                let fill = if matches!(c % 8, 0 | 3 | 7) {
                    "#ffffff"
                } else {
                    "#000000"
                };
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
    let col_w = (width - 16.0) / 3.0;
    for (k, c) in categories.iter().enumerate() {
        let x = 8.0 + col_w * (k % 3) as f64;
        let y = bars_end + 30.0 + 18.0 * (k / 3) as f64;
        let colour_index = palette.get(k).copied().unwrap_or(k);
        svg.rect(x, y - 10.0, 14.0, 12.0, colour(colour_index), 1.0);
        svg.text(x + 20.0, y, &fit(c, col_w - 26.0, 11.0), small());
    }
    Chart {
        id: id.to_owned(),
        caption: caption.to_owned(),
        svg,
    }
}

/// One line of a sweep: an arm's outcome at each value of the swept factor.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepLine {
    /// The arm's name.
    pub label: String,
    /// (factor value, mean, lower, upper), in factor order, display units.
    pub points: Vec<(f64, f64, f64, f64)>,
}

/// Line chart of an outcome over one swept factor, one line per arm, with
/// interval whiskers at each swept value.
#[allow(clippy::too_many_arguments)]
pub fn sweep_line_chart(
    id: &str,
    lang: Language,
    outcome: &str,
    factor: &str,
    unit: &str,
    caption: &str,
    lines: &[SweepLine],
) -> Chart {
    let (width, height, left, right, bottom_margin) = (560.0, 300.0, 56.0, 16.0, 40.0);
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
    let mut svg = Svg::new(id, width, height, &title, &desc);
    svg.text(8.0, 18.0, &fit(&title, width - 16.0, 13.0), title_style());
    let labels: Vec<String> = lines.iter().map(|l| l.label.clone()).collect();
    let legend_end = legend(&mut svg, &labels, 8.0, 36.0, width - 8.0);
    svg.text(8.0, legend_end + 18.0, unit, small());
    let top = legend_end + 28.0;
    let bottom = height - bottom_margin;
    let x_ticks = nice_ticks(x_lo, x_hi, 6);
    let y_ticks = nice_ticks(y_lo, y_hi, 5);
    let sx = Scale::over(&x_ticks, left, width - right);
    let sy = Scale::over(&y_ticks, bottom, top);
    y_axis(&mut svg, lang, &y_ticks, &sy, left, width - right);
    x_axis(&mut svg, lang, &x_ticks, &sx, bottom, bottom);
    svg.text(
        (left + width - right) / 2.0,
        height - 6.0,
        factor,
        TextStyle {
            anchor: "middle",
            ..small()
        },
    );
    for (i, l) in lines.iter().enumerate() {
        let pts: Vec<(f64, f64)> = l
            .points
            .iter()
            .map(|p| (sx.map(p.0), sy.map(p.1)))
            .collect();
        svg.polyline(&pts, colour(i), 2.0, dash(i));
        for p in &l.points {
            if p.2.is_finite() && p.3.is_finite() {
                svg.line(
                    sx.map(p.0),
                    sy.map(p.2),
                    sx.map(p.0),
                    sy.map(p.3),
                    colour(i),
                    1.5,
                    "",
                );
            }
            if p.1.is_finite() {
                svg.marker(shape(i), sx.map(p.0), sy.map(p.1), 4.5, colour(i));
            }
        }
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
    let (left, top, cell_w, cell_h) = (60.0, 44.0, 72.0, 32.0);
    let (cols, rows) = (grid.xs.len(), grid.ys.len());
    let width = (left + cell_w * cols as f64 + 20.0).max(460.0);
    let height = top + cell_h * rows as f64 + 50.0;
    // The axes name the factors, so the title names only the outcome.
    let title = super::text::capitalise(outcome);
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
    svg.text(8.0, 18.0, &fit(&title, width - 16.0, 13.0), title_style());
    svg.text(left, 36.0, y_label, small());
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
    svg.text(
        left + cell_w * cols as f64 / 2.0,
        bottom + 32.0,
        x_label,
        TextStyle {
            anchor: "middle",
            ..small()
        },
    );
    // The colour key: the scale's ends (and zero for differences).
    let (key_x, key_y, steps, step_w) = (left, bottom + 46.0, 11, 20.0);
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
        svg.text(
            key_x + key_w + 10.0,
            key_y + 9.0,
            super::text::t(lang, Key::HeatClearMark),
            small(),
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
    let (width, left, right, row_h, top) = (800.0, 380.0, 60.0, 24.0, 44.0);
    let height = top + row_h * sorted.len() as f64 + 36.0;
    let title = super::text::capitalise(&tf(lang, Key::RankingTitle, &[("outcome", outcome)]));
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
    svg.text(8.0, 18.0, &fit(&title, width - 16.0, 13.0), title_style());
    svg.text(8.0, 34.0, unit, small());
    let (lo, hi) = extent(sorted.iter().map(|e| e.effect).chain([0.0]));
    // Room beyond the longest bars for their value labels.
    let pad = 0.25 * (hi - lo);
    let ticks = nice_ticks(
        if lo < 0.0 { lo - pad } else { lo },
        if hi > 0.0 { hi + pad } else { hi },
        5,
    );
    let sx = Scale::over(&ticks, left, width - right);
    let bottom = top + row_h * sorted.len() as f64;
    x_axis(&mut svg, lang, &ticks, &sx, top - 4.0, bottom);
    let zero = sx.map(0.0);
    for (k, e) in sorted.iter().enumerate() {
        let y = top + row_h * k as f64;
        svg.text(
            left - 8.0,
            y + row_h / 2.0 + 4.0,
            &fit(&e.label, left - 12.0, 12.0),
            TextStyle::anchored("end"),
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
                mean: 25.1,
                lo: 24.4,
                hi: 25.8,
            },
            ArmInterval {
                label: "trust".into(),
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
        let c = interval_chart("o1", Language::En, "Turnover", "% per year", "cap", &arms());
        assert_accessible(&c);
        assert!(
            c.inline_svg()
                .contains("control: 25.1 % per year (95% interval 24.4 to 25.8)"),
            "{}",
            c.inline_svg()
        );
        let sv = interval_chart("o1", Language::Sv, "Omsättning", "% per år", "cap", &arms());
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
            &["trust".into()],
            &diff,
        ));
        let band = SeriesBand {
            label: "trust".into(),
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
}
