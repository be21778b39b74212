//! A small hand-written SVG writer: shapes, escaped text, scales and axis
//! ticks, and the colour-blind-safe palette every chart uses.
//!
//! What lives here: [`Svg`], which collects elements and writes an
//! accessible `<svg>` (`role="img"`, a `<title>` and a `<desc>` that
//! `aria-labelledby` points to); [`Scale`]; [`nice_ticks`]; the Okabe-Ito
//! palette ([`ARM_COLOURS`]) with a dash pattern and marker shape per
//! series, so that no chart relies on colour alone; and [`heat_colour`]
//! (viridis). What does not: no chart layout (that is [`super::charts`]) and
//! no words.

use std::fmt::Write as _;

/// The Okabe-Ito palette, ordered so that neighbouring series differ most:
/// blue, orange, bluish green, vermillion, reddish purple, sky blue,
/// yellow, black.
pub const ARM_COLOURS: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
];

/// Dash patterns, one per series index (cycled), so lines differ in print.
pub const DASHES: [&str; 4] = ["", "7 4", "2 3", "9 3 2 3"];

/// Colour of series `i`. A report passes an arm's style index (its
/// position in the results' arm list, the baseline always 0), so that an
/// arm has one colour, dash and marker in every figure.
pub fn colour(i: usize) -> &'static str {
    ARM_COLOURS[i % ARM_COLOURS.len()]
}

/// Dash pattern of series `i` (empty: solid).
pub fn dash(i: usize) -> &'static str {
    DASHES[i % DASHES.len()]
}

/// Marker shapes, one per series index (cycled).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A circle.
    Circle,
    /// A square.
    Square,
    /// A diamond.
    Diamond,
    /// A triangle pointing up.
    Triangle,
}

/// Marker shape of series `i`.
pub fn shape(i: usize) -> Shape {
    [
        Shape::Circle,
        Shape::Square,
        Shape::Diamond,
        Shape::Triangle,
    ][i % 4]
}

/// Estimated width of `s` in a sans-serif font at `size` px: a width per
/// character class (narrow, digit, capital, wide), on the generous side so
/// that a label laid out to fit does fit in common system fonts.
pub fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '!' | '\'' | '|' | ' ' => 0.34,
            'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' => 0.42,
            'm' | 'w' | 'M' | 'W' | '%' | '@' | '\u{2014}' => 0.9,
            c if c.is_ascii_digit() => 0.58,
            c if c.is_uppercase() => 0.7,
            _ => 0.58,
        })
        .sum::<f64>()
        * size
}

/// Wraps `s` into lines no wider than `max_px` at `size`: at spaces, and
/// after `_`, `-`, `/` or `.` inside long names (`team_without_named_person`
/// becomes `team_without_` / `named_person`); a word still too wide is split
/// between characters. Nothing is dropped: the lines joined (with the spaces
/// put back) are `s`.
pub fn wrap(s: &str, max_px: f64, size: f64) -> Vec<String> {
    // Pieces that may end a line: words with their trailing space, and
    // parts of a word after a break character.
    let mut pieces: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        cur.push(c);
        if matches!(c, ' ' | '_' | '-' | '/' | '.') {
            pieces.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        pieces.push(cur);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        let joined = format!("{line}{piece}");
        if line.is_empty() || text_width(joined.trim_end(), size) <= max_px {
            line = joined;
        } else {
            lines.push(line.trim_end().to_owned());
            line = piece;
        }
        // A piece wider than a whole line is split between characters.
        while text_width(line.trim_end(), size) > max_px && line.chars().count() > 1 {
            let mut head = String::new();
            for c in line.chars() {
                if !head.is_empty() && text_width(&format!("{head}{c}"), size) > max_px {
                    break;
                }
                head.push(c);
            }
            let rest: String = line.chars().skip(head.chars().count()).collect();
            lines.push(head);
            line = rest;
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Escapes text for an XML text node or a quoted attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A number for an SVG attribute: two decimals at most, no `-0`, and 0 for
/// a non-finite value (which the charts never pass on purpose).
fn n(x: f64) -> String {
    if !x.is_finite() {
        return "0".to_owned();
    }
    let s = format!("{:.2}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
    if s == "-0" { "0".to_owned() } else { s }
}

/// How a text element is placed and drawn.
#[derive(Clone, Copy, Debug)]
pub struct TextStyle {
    /// `start`, `middle` or `end`.
    pub anchor: &'static str,
    /// Font size [px].
    pub size: f64,
    /// Bold.
    pub bold: bool,
    /// Fill colour.
    pub fill: &'static str,
    /// Rotation around the anchor point [degrees].
    pub rotate: f64,
}

impl Default for TextStyle {
    fn default() -> Self {
        Self {
            anchor: "start",
            size: 12.0,
            bold: false,
            fill: "#222222",
            rotate: 0.0,
        }
    }
}

impl TextStyle {
    /// Default style with the given anchor.
    pub fn anchored(anchor: &'static str) -> Self {
        Self {
            anchor,
            ..Self::default()
        }
    }
}

/// An SVG image being built. Every chart has an id (unique in the page), a
/// title and a description: the text alternative a screen reader reads.
#[derive(Clone, Debug)]
pub struct Svg {
    id: String,
    width: f64,
    height: f64,
    title: String,
    desc: String,
    body: String,
}

impl Svg {
    /// An empty image of `width` x `height` px.
    pub fn new(id: &str, width: f64, height: f64, title: &str, desc: &str) -> Self {
        Self {
            id: id.to_owned(),
            width,
            height,
            title: title.to_owned(),
            desc: desc.to_owned(),
            body: String::new(),
        }
    }

    /// Width [px].
    pub fn width(&self) -> f64 {
        self.width
    }

    /// Height [px].
    pub fn height(&self) -> f64 {
        self.height
    }

    /// Sets the height [px], for a chart whose layout (wrapped labels, a
    /// legend in several rows) is known only once drawn.
    pub fn set_height(&mut self, height: f64) {
        self.height = height;
    }

    /// Starts a group of the marks that draw one arm (`data-arm`), closed
    /// by [`Svg::end_group`], so that what belongs to which arm can be
    /// read from the image (the tests check that an arm keeps its colour).
    pub fn begin_arm(&mut self, arm: &str) {
        let _ = writeln!(self.body, r#"<g data-arm="{}">"#, escape(arm));
    }

    /// Ends the group that [`Svg::begin_arm`] started.
    pub fn end_group(&mut self) {
        self.body.push_str("</g>\n");
    }

    /// A filled rectangle; `opacity` 1 is opaque.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, opacity: f64) {
        let _ = write!(
            self.body,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}""#,
            n(x),
            n(y),
            n(w.max(0.0)),
            n(h.max(0.0)),
            escape(fill)
        );
        if opacity < 1.0 {
            let _ = write!(self.body, r#" fill-opacity="{}""#, n(opacity));
        }
        self.body.push_str("/>\n");
    }

    /// A straight line; `dash` empty for solid.
    #[allow(clippy::too_many_arguments)]
    pub fn line(
        &mut self,
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: &str,
        width: f64,
        dash: &str,
    ) {
        let _ = write!(
            self.body,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}""#,
            n(x1),
            n(y1),
            n(x2),
            n(y2),
            escape(stroke),
            n(width)
        );
        if !dash.is_empty() {
            let _ = write!(self.body, r#" stroke-dasharray="{}""#, escape(dash));
        }
        self.body.push_str("/>\n");
    }

    /// A polyline through `points`; non-finite points break the line.
    pub fn polyline(&mut self, points: &[(f64, f64)], stroke: &str, width: f64, dash: &str) {
        for run in points
            .split(|(x, y)| !(x.is_finite() && y.is_finite()))
            .filter(|run| run.len() > 1)
        {
            let coords: Vec<String> = run
                .iter()
                .map(|&(x, y)| format!("{},{}", n(x), n(y)))
                .collect();
            let _ = write!(
                self.body,
                r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round""#,
                coords.join(" "),
                escape(stroke),
                n(width)
            );
            if !dash.is_empty() {
                let _ = write!(self.body, r#" stroke-dasharray="{}""#, escape(dash));
            }
            self.body.push_str("/>\n");
        }
    }

    /// A filled polygon (a band); skipped when a point is not finite.
    pub fn polygon(&mut self, points: &[(f64, f64)], fill: &str, opacity: f64) {
        if points.len() < 3
            || points
                .iter()
                .any(|(x, y)| !(x.is_finite() && y.is_finite()))
        {
            return;
        }
        let coords: Vec<String> = points
            .iter()
            .map(|&(x, y)| format!("{},{}", n(x), n(y)))
            .collect();
        let _ = writeln!(
            self.body,
            r#"<polygon points="{}" fill="{}" fill-opacity="{}" stroke="none"/>"#,
            coords.join(" "),
            escape(fill),
            n(opacity)
        );
    }

    /// A marker of `shape` centred on (x, y), with a white outline.
    pub fn marker(&mut self, shape: Shape, x: f64, y: f64, r: f64, fill: &str) {
        let fill = escape(fill);
        let outline = r##"stroke="#ffffff" stroke-width="1""##;
        let _ = match shape {
            Shape::Circle => writeln!(
                self.body,
                r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}" {outline}/>"#,
                n(x),
                n(y),
                n(r)
            ),
            Shape::Square => writeln!(
                self.body,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}" {outline}/>"#,
                n(x - r * 0.9),
                n(y - r * 0.9),
                n(r * 1.8),
                n(r * 1.8)
            ),
            Shape::Diamond => writeln!(
                self.body,
                r#"<polygon points="{},{} {},{} {},{} {},{}" fill="{fill}" {outline}/>"#,
                n(x),
                n(y - r * 1.2),
                n(x + r * 1.2),
                n(y),
                n(x),
                n(y + r * 1.2),
                n(x - r * 1.2),
                n(y)
            ),
            Shape::Triangle => writeln!(
                self.body,
                r#"<polygon points="{},{} {},{} {},{}" fill="{fill}" {outline}/>"#,
                n(x),
                n(y - r * 1.2),
                n(x + r * 1.1),
                n(y + r * 0.8),
                n(x - r * 1.1),
                n(y + r * 0.8)
            ),
        };
    }

    /// A text at (x, y) (the baseline of its first line).
    pub fn text(&mut self, x: f64, y: f64, content: &str, style: TextStyle) {
        let _ = write!(
            self.body,
            r#"<text x="{}" y="{}" font-size="{}" fill="{}""#,
            n(x),
            n(y),
            n(style.size),
            escape(style.fill)
        );
        if style.anchor != "start" {
            let _ = write!(self.body, r#" text-anchor="{}""#, escape(style.anchor));
        }
        if style.bold {
            self.body.push_str(r#" font-weight="bold""#);
        }
        if style.rotate != 0.0 {
            let _ = write!(
                self.body,
                r#" transform="rotate({} {} {})""#,
                n(style.rotate),
                n(x),
                n(y)
            );
        }
        let _ = writeln!(self.body, ">{}</text>", escape(content));
    }

    /// A text wrapped to at most `max_w` px and to the image's own edges
    /// (from `x`, by its anchor), one `<text>` per line from the baseline
    /// `y` down, `line_h` apart; returns the number of lines. A label is
    /// never cut: what does not fit goes on the next line.
    pub fn label(
        &mut self,
        x: f64,
        y: f64,
        content: &str,
        style: TextStyle,
        max_w: f64,
        line_h: f64,
    ) -> usize {
        const EDGE: f64 = 2.0;
        let room = match style.anchor {
            "end" => x - EDGE,
            "middle" => 2.0 * (x - EDGE).min(self.width - EDGE - x),
            _ => self.width - EDGE - x,
        };
        let bold = if style.bold { 1.08 } else { 1.0 };
        let lines = wrap(content, max_w.min(room).max(1.0) / bold, style.size);
        for (k, line) in lines.iter().enumerate() {
            self.text(x, y + line_h * k as f64, line, style);
        }
        lines.len()
    }

    /// The image as an element to put inside an HTML page.
    pub fn inline(&self) -> String {
        self.render(false)
    }

    /// The image as a standalone `.svg` file (with the XML namespace).
    pub fn standalone(&self) -> String {
        self.render(true)
    }

    fn render(&self, standalone: bool) -> String {
        let id = escape(&self.id);
        let mut out = String::with_capacity(self.body.len() + 512);
        if standalone {
            out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            out.push_str(crate::output::owned::CHART_MARKER);
            out.push('\n');
        }
        let _ = write!(
            out,
            r#"<svg{} viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">"#,
            if standalone {
                r#" xmlns="http://www.w3.org/2000/svg""#
            } else {
                ""
            },
            w = n(self.width),
            h = n(self.height),
        );
        let _ = write!(
            out,
            "\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
            escape(&self.title),
            escape(&self.desc)
        );
        out.push_str(&self.body);
        out.push_str("</svg>\n");
        out
    }
}

/// A linear map from a data interval onto a pixel interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// Data start.
    pub d0: f64,
    /// Data end.
    pub d1: f64,
    /// Pixel position of `d0`.
    pub r0: f64,
    /// Pixel position of `d1`.
    pub r1: f64,
}

impl Scale {
    /// A scale from the first to the last of `ticks` onto `r0 ..= r1`
    /// (0 to 1 when there are no ticks).
    pub fn over(ticks: &[f64], r0: f64, r1: f64) -> Self {
        Scale {
            d0: ticks.first().copied().unwrap_or(0.0),
            d1: ticks.last().copied().unwrap_or(1.0),
            r0,
            r1,
        }
    }

    /// The pixel position of `x` (the middle when the data interval is empty).
    pub fn map(&self, x: f64) -> f64 {
        if self.d1 == self.d0 {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (x - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// The step of "nice" ticks (1, 2 or 5 times a power of ten) that cuts
/// `span` into about `target` pieces.
pub fn nice_step(span: f64, target: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / target.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// Nice ticks covering `[lo, hi]`: the returned domain runs from the first
/// to the last tick, which enclose the data. An empty or point interval
/// is widened first.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    let (mut lo, mut hi) = if lo.is_finite() && hi.is_finite() {
        (lo.min(hi), lo.max(hi))
    } else {
        (0.0, 1.0)
    };
    if hi - lo < 1e-12 * lo.abs().max(1.0) {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        lo -= pad;
        hi += pad;
    }
    let step = nice_step(hi - lo, target);
    let first = (lo / step).floor();
    let last = (hi / step).ceil();
    let count = (last - first) as usize;
    // Dividing by a power of ten snaps away float noise such as
    // 0.30000000000000004 (3 * 0.1).
    let power = 10f64.powi((-step.log10().floor()).max(0.0) as i32);
    (0..=count)
        .map(|i| ((first + i as f64) * step * power).round() / power)
        .collect()
}

/// Decimals that tell ticks `step` apart.
pub fn tick_decimals(ticks: &[f64]) -> usize {
    match ticks {
        [a, b, ..] => {
            let step = (b - a).abs();
            if step >= 1.0 || step == 0.0 {
                0
            } else {
                (-step.log10().floor()) as usize
            }
        }
        _ => 0,
    }
}

/// A diverging colour for `t` in [-1, 1], centred on zero: Okabe-Ito blue
/// below, near-white at zero, Okabe-Ito vermilion above (both colour-blind
/// safe); and whether text on it should be white.
pub fn diverging_colour(t: f64) -> (String, bool) {
    let t = if t.is_finite() {
        t.clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let (mid, end) = if t < 0.0 {
        ((247.0, 247.0, 247.0), (0.0, 114.0, 178.0))
    } else {
        ((247.0, 247.0, 247.0), (213.0, 94.0, 0.0))
    };
    let f = t.abs();
    let mix = |x: f64, y: f64| (x + (y - x) * f).round() as u8;
    (
        format!(
            "#{:02x}{:02x}{:02x}",
            mix(mid.0, end.0),
            mix(mid.1, end.1),
            mix(mid.2, end.2)
        ),
        f > 0.6,
    )
}

/// The viridis colour at `t` in `[0, 1]` (dark blue to yellow), and whether
/// text on it should be white.
pub fn heat_colour(t: f64) -> (String, bool) {
    const STOPS: [(f64, f64, f64); 5] = [
        (68.0, 1.0, 84.0),
        (59.0, 82.0, 139.0),
        (33.0, 145.0, 140.0),
        (94.0, 201.0, 98.0),
        (253.0, 231.0, 37.0),
    ];
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let pos = t * (STOPS.len() - 1) as f64;
    let i = (pos.floor() as usize).min(STOPS.len() - 2);
    let f = pos - i as f64;
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    let mix = |x: f64, y: f64| (x + (y - x) * f).round() as u8;
    (
        format!(
            "#{:02x}{:02x}{:02x}",
            mix(a.0, b.0),
            mix(a.1, b.1),
            mix(a.2, b.2)
        ),
        t < 0.55,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_the_image_is_accessible() {
        let mut svg = Svg::new("c1", 100.0, 50.0, "A <b> & \"c\"", "desc");
        svg.text(1.0, 2.0, "x < y & z", TextStyle::default());
        let out = svg.inline();
        assert!(out.contains("x &lt; y &amp; z"), "{out}");
        assert!(out.contains(r#"<title id="c1-title">A &lt;b&gt; &amp; &quot;c&quot;</title>"#));
        assert!(out.contains(r#"role="img" aria-labelledby="c1-title c1-desc""#));
        assert!(out.contains(r#"<desc id="c1-desc">desc</desc>"#));
        assert!(!out.contains("xmlns"));
        assert!(
            svg.standalone()
                .contains(r#"xmlns="http://www.w3.org/2000/svg""#)
        );
    }

    #[test]
    fn wrapping_keeps_every_character_and_fits_the_width() {
        let name = "team_without_named_person";
        let lines = wrap(name, 90.0, 12.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.concat(), name);
        assert!(
            lines.iter().all(|l| text_width(l, 12.0) <= 90.0),
            "{lines:?}"
        );
        assert_eq!(lines[0], "team_without_", "broken after an underscore");
        let words = "coaching per case worker (hours/week) (trust)";
        let lines = wrap(words, 120.0, 11.0);
        assert_eq!(lines.join(" ").replace("/ ", "/"), words, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 11.0) <= 120.0));
        // One word wider than the line is split, never dropped.
        let long = "x".repeat(40);
        let lines = wrap(&long, 50.0, 12.0);
        assert_eq!(lines.concat(), long);
        assert_eq!(wrap("", 50.0, 12.0), vec![String::new()]);
        // Near the right edge a start-anchored label wraps to the image.
        let mut svg = Svg::new("w", 200.0, 100.0, "t", "d");
        let n = svg.label(150.0, 20.0, name, TextStyle::default(), 500.0, 13.0);
        assert!(n >= 3, "{n}");
    }

    #[test]
    fn ticks_are_nice_and_enclose_the_data() {
        assert_eq!(nice_ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        let t = nice_ticks(0.13, 0.87, 4);
        assert_eq!(t, vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        let t = nice_ticks(-8.5, -7.7, 4);
        assert!(t[0] <= -8.5 && *t.last().unwrap() >= -7.7, "{t:?}");
        assert!(nice_ticks(3.0, 3.0, 4).len() > 1);
        assert_eq!(nice_ticks(f64::NAN, 1.0, 4), vec![0.0, 0.5, 1.0]);
        assert_eq!(tick_decimals(&[0.0, 0.05]), 2);
        assert_eq!(tick_decimals(&[0.0, 5.0]), 0);
    }

    #[test]
    fn shapes_numbers_and_colours() {
        assert_eq!(n(-0.001), "0");
        assert_eq!(n(1.5), "1.5");
        assert_eq!(n(f64::NAN), "0");
        let s = Scale {
            d0: 0.0,
            d1: 10.0,
            r0: 100.0,
            r1: 0.0,
        };
        assert_eq!(s.map(5.0), 50.0);
        assert_eq!(heat_colour(0.0).0, "#440154");
        assert_eq!(diverging_colour(0.0).0, "#f7f7f7");
        assert_eq!(diverging_colour(-1.0).0, "#0072b2");
        assert_eq!(diverging_colour(2.0).0, "#d55e00");
        assert_eq!(heat_colour(1.0).0, "#fde725");
        let mut svg = Svg::new("p", 10.0, 10.0, "t", "d");
        svg.polyline(
            &[(0.0, 0.0), (1.0, f64::NAN), (2.0, 2.0), (3.0, 3.0)],
            "#000",
            1.0,
            "",
        );
        assert_eq!(svg.inline().matches("<polyline").count(), 1);
    }
}
