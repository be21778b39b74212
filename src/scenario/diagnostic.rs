//! Problems found in a scenario file, with where they are and what to do.
//!
//! A [`Diagnostic`] is one problem: its [`ErrorKind`], its position (line and
//! column, 1-based, counted in characters), the dotted key it concerns, a
//! message and an optional hint. A [`ScenarioError`] carries every problem
//! found in one file, sorted by position, and renders them one paragraph per
//! problem in the `file:line:column: ...` form editors and terminals
//! understand. Nothing here reads files or parses TOML.

use std::fmt;

/// What kind of problem a [`Diagnostic`] describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The scenario file is missing or could not be read.
    Io,
    /// The file holds nothing but blank lines and comments.
    Empty,
    /// The file is not valid TOML (or not valid UTF-8 text).
    Syntax,
    /// A key that the scenario format does not know (often a typo).
    UnknownKey,
    /// A value of the wrong type, e.g. text where a number belongs.
    WrongType,
    /// A number outside the range the parameter allows.
    OutOfRange,
    /// A problem of meaning: a missing required key, an unknown preset, a
    /// duplicate arm name, a baseline or event that names no arm, a warm-up
    /// at least as long as the horizon, and the like.
    Invalid,
}

/// One problem in a scenario file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// What kind of problem it is.
    pub kind: ErrorKind,
    /// Line of the problem (1-based), where one is known.
    pub line: Option<usize>,
    /// Column of the problem (1-based, in characters), where one is known.
    pub column: Option<usize>,
    /// The dotted key concerned, e.g. `stress.rise_days` or
    /// `arm[2].coaching_hours` (`arm[1]` is the first `[[arm]]`).
    pub key: Option<String>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it: `did you mean `x`?` or a sentence of advice.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with no position, key or help yet.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Diagnostic {
            kind,
            line: None,
            column: None,
            key: None,
            message: message.into(),
            help: None,
        }
    }

    /// Sets the position from a byte offset into `text`.
    pub fn at(mut self, text: &str, offset: usize) -> Self {
        let (line, column) = line_col(text, offset);
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Sets the dotted key.
    pub fn with_key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// Sets the hint.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Renders the diagnostic as one paragraph, prefixed with `origin` and
    /// the position: `x.toml:12:5: key `stress.rise_days`: message`. A
    /// suggestion (`did you mean ...?`) follows in parentheses; other advice
    /// goes on an indented `help:` line.
    pub fn render(&self, origin: &str) -> String {
        let mut out = String::new();
        // Io and Empty messages name the file themselves and have no position.
        if !matches!(self.kind, ErrorKind::Io | ErrorKind::Empty) {
            out.push_str(origin);
            if let Some(line) = self.line {
                out.push_str(&format!(":{line}"));
                if let Some(column) = self.column {
                    out.push_str(&format!(":{column}"));
                }
            }
            out.push_str(": ");
        }
        if let Some(key) = &self.key {
            out.push_str(&format!("key `{key}`: "));
        }
        out.push_str(&self.message);
        if let Some(help) = &self.help {
            if help.starts_with("did you mean") {
                out.push_str(&format!(" ({help})"));
            } else {
                out.push_str("\n    help: ");
                out.push_str(help);
            }
        }
        out
    }

    /// Sort key: position first, problems without one last.
    fn position(&self) -> (bool, usize, usize) {
        (
            self.line.is_none(),
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
        )
    }
}

/// Line and column (both 1-based; the column counts characters) of a byte
/// offset into `text`. Offsets past the end or inside a character are moved
/// back to the nearest character boundary.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// Everything wrong with one scenario file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct ScenarioError {
    /// The file as the user named it, or a name such as `default.toml` for a
    /// built-in scenario.
    pub origin: String,
    /// The problems, sorted by position (those without one last).
    pub diagnostics: Vec<Diagnostic>,
}

impl ScenarioError {
    /// An error with the given problems, which it sorts by position.
    pub fn new(origin: impl Into<String>, mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by_key(Diagnostic::position);
        ScenarioError {
            origin: origin.into(),
            diagnostics,
        }
    }

    /// The kind of the first problem (by position).
    pub fn kind(&self) -> ErrorKind {
        self.diagnostics
            .first()
            .map_or(ErrorKind::Invalid, |d| d.kind)
    }

    /// Every problem, one paragraph each, separated by newlines.
    fn render(&self) -> String {
        if self.diagnostics.is_empty() {
            return format!("{}: invalid scenario", self.origin);
        }
        let paragraphs: Vec<String> = self
            .diagnostics
            .iter()
            .map(|d| d.render(&self.origin))
            .collect();
        paragraphs.join("\n")
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::Io => "cannot read file",
            ErrorKind::Empty => "empty file",
            ErrorKind::Syntax => "invalid TOML",
            ErrorKind::UnknownKey => "unknown key",
            ErrorKind::WrongType => "wrong type",
            ErrorKind::OutOfRange => "out of range",
            ErrorKind::Invalid => "invalid scenario",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one_in_characters() {
        let text = "a = 1\nnamn = \"Borlänge\"\nb";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 4), (1, 5));
        assert_eq!(line_col(text, 6), (2, 1));
        let b = text.rfind('b').unwrap();
        assert_eq!(line_col(text, b), (3, 1));
        // Past the end and inside a character: clamped, never a panic.
        assert_eq!(line_col(text, 1000), (3, 2));
        let a_umlaut = text.find('ä').unwrap();
        assert_eq!(line_col(text, a_umlaut + 1), line_col(text, a_umlaut));
        assert_eq!(line_col("", 3), (1, 1));
    }

    #[test]
    fn render_puts_position_key_message_and_help() {
        let text = "\n\n\n\n\n\n\n\n\n\n\n    rise_days = -2\n";
        let d = Diagnostic::new(
            ErrorKind::OutOfRange,
            "-2 is out of range: allowed 1 ..= 365 (days)",
        )
        .at(text, text.find("rise").unwrap())
        .with_key("stress.rise_days");
        assert_eq!(
            d.render("scenarios/x.toml"),
            "scenarios/x.toml:12:5: key `stress.rise_days`: -2 is out of range: allowed 1 ..= 365 (days)"
        );
        let d = d.with_help("did you mean `rise_days`?");
        assert!(d.render("x.toml").ends_with(" (did you mean `rise_days`?)"));
        let d = d.with_help("steering levers belong in an arm");
        assert!(
            d.render("x.toml")
                .ends_with("\n    help: steering levers belong in an arm")
        );
    }

    #[test]
    fn error_sorts_by_position_and_reports_first_kind() {
        let text = "a\nb\nc\n";
        let err = ScenarioError::new(
            "x.toml",
            vec![
                Diagnostic::new(ErrorKind::Invalid, "no position"),
                Diagnostic::new(ErrorKind::OutOfRange, "third line").at(text, 4),
                Diagnostic::new(ErrorKind::UnknownKey, "first line").at(text, 0),
            ],
        );
        assert_eq!(err.kind(), ErrorKind::UnknownKey);
        let shown = err.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(
            lines,
            [
                "x.toml:1:1: first line",
                "x.toml:3:1: third line",
                "x.toml: no position"
            ]
        );
        assert!(!shown.contains("panicked"));
    }
}
