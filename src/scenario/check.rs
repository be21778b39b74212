//! The checks every input file shares (scenarios, sweeps, sensitivity and
//! robustness studies): each problem placed at its line and column, a value
//! of the wrong type, a whole number out of range, a choice or a key that is
//! not known (with a did-you-mean). Each file kind's checker implements
//! [`Check`] and adds the checks of its own schema.

use toml::Spanned;
use toml::de::DeValue;

use super::parse::{describe, parse_float, parse_integer, suggest};
use super::{Diagnostic, ErrorKind};
use crate::model::params::{PARAMETERS, ParamSpec};

/// A value in the document, with its place.
pub(crate) type Value<'t> = Spanned<DeValue<'t>>;

/// A walker over one document that collects problems instead of stopping
/// at the first.
pub(crate) trait Check {
    /// The document's text (to turn offsets into lines and columns) and the
    /// problems found so far.
    fn text_and_problems(&mut self) -> (&str, &mut Vec<Diagnostic>);

    /// Records a problem at byte offset `at`, for `key`.
    fn push(
        &mut self,
        kind: ErrorKind,
        at: usize,
        key: &str,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        let (text, problems) = self.text_and_problems();
        let mut d = Diagnostic::new(kind, message).at(text, at).with_key(key);
        d.help = help;
        problems.push(d);
    }

    /// `value` is not of the `expected` kind.
    fn wrong_type(&mut self, value: &Value, key: &str, expected: &str) {
        self.wrong_type_with(value, key, expected, None);
    }

    /// `value` is not of the `expected` kind; `help` says what would be.
    fn wrong_type_with(&mut self, value: &Value, key: &str, expected: &str, help: Option<String>) {
        let message = format!("expected {expected}, found {}", describe(value.get_ref()));
        self.push(ErrorKind::WrongType, value.span().start, key, message, help);
    }

    /// A text in quotes.
    fn string(&mut self, value: &Value, key: &str) -> Option<String> {
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(value, key, "a text in quotes");
                None
            }
        }
    }

    /// A number, whole or not; `help` goes with a value of another kind.
    fn number(&mut self, value: &Value, key: &str, help: Option<String>) -> Option<f64> {
        let x = match value.get_ref() {
            DeValue::Integer(i) => parse_integer(i).map(|n| n as f64),
            DeValue::Float(f) => parse_float(f),
            _ => None,
        };
        if x.is_none() {
            self.wrong_type_with(value, key, "a number", help);
        }
        x
    }

    /// A whole number in `min ..= max`.
    fn whole_in(&mut self, value: &Value, key: &str, min: i128, max: i128) -> Option<i128> {
        let n = match value.get_ref() {
            DeValue::Integer(i) => parse_integer(i),
            _ => None,
        };
        let Some(n) = n else {
            self.wrong_type(value, key, "a whole number");
            return None;
        };
        if n < min || n > max {
            self.push(
                ErrorKind::OutOfRange,
                value.span().start,
                key,
                format!("{n} is out of range: allowed {min} ..= {max}"),
                None,
            );
            return None;
        }
        Some(n)
    }

    /// One of `choices`, in quotes.
    fn choice(
        &mut self,
        value: &Value,
        key: &str,
        choices: &[&'static str],
    ) -> Option<&'static str> {
        let name = self.string(value, key)?;
        if let Some(c) = choices.iter().find(|c| **c == name) {
            return Some(c);
        }
        let help = match suggest(&name, choices.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("choose one of {}", quoted_list(choices)),
        };
        self.push(
            ErrorKind::Invalid,
            value.span().start,
            key,
            format!("unknown value `{name}`"),
            Some(help),
        );
        None
    }

    /// Key `name` (at `at`, written out as `key`) is not one that `table`
    /// takes.
    fn unknown_key(&mut self, at: usize, key: &str, name: &str, table: &str, candidates: &[&str]) {
        let help = match suggest(name, candidates.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("`{table}` takes {}", quoted_list(candidates)),
        };
        self.push(
            ErrorKind::UnknownKey,
            at,
            key,
            format!("unknown key in `{table}`"),
            Some(help),
        );
    }

    /// The registry parameter `name` (`group.name`), or a problem at `at`.
    fn parameter(&mut self, name: &str, at: usize, key: &str) -> Option<&'static ParamSpec> {
        let found = PARAMETERS.iter().find(|p| p.key() == name);
        if found.is_none() {
            let keys: Vec<String> = PARAMETERS.iter().map(|p| p.key()).collect();
            let help = match suggest(name, keys.iter().map(String::as_str)) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "`tillit params` lists every parameter key (`group.name`)".to_owned(),
            };
            self.push(
                ErrorKind::UnknownKey,
                at,
                key,
                format!("unknown parameter `{name}`"),
                Some(help),
            );
        }
        found
    }
}

/// `a`, `b`, `c`: names in code type, for a help line.
pub(crate) fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
