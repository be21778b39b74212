//! Reading a scenario: TOML text in, a resolved [`Scenario`] or every problem
//! out.
//!
//! Two stages, like ripgrep's arguments. First [`Checker`] walks the parsed
//! TOML document by hand (keeping the byte position of every key and value)
//! against the schema and the parameter registry, turning each section into
//! a raw struct ([`Raw`], [`RawArm`], [`RawEvent`]) and collecting every
//! problem as a [`Diagnostic`] instead of stopping at the first. Then, only if
//! nothing was wrong, [`resolve`] builds the [`Scenario`]: defaults, the
//! scenario-wide tables, the preset, and the arm's own overrides, in that
//! order. Nothing here runs a simulation; only [`load`] touches the file
//! system.
//!
//! The format, key by key, is documented in `scenarios/template.toml`.

use std::collections::BTreeMap;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeFloat, DeInteger, DeString, DeTable, DeValue};

use super::diagnostic::{Diagnostic, ErrorKind, ScenarioError};
use super::{Arm, DAYS_PER_YEAR, Event, Language, LocalText, Scenario, Trigger};
use crate::model::params::{GROUPS, PARAMETERS, ParamKind, ParamSpec, Params, fmt_num};
use crate::model::presets::Preset;

use super::check::{Check, Value, quoted_list};
type Key<'i> = Spanned<DeString<'i>>;

/// A parameter value read from the file, already range-checked.
type Override = (&'static ParamSpec, f64);

/// Scenario name when the file gives none.
const DEFAULT_NAME: &str = "unnamed scenario";
/// Master seed when the file gives none: fixed, so that two runs of the same
/// file agree.
const DEFAULT_SEED: u64 = 1;
/// Replications per arm when the file gives none.
const DEFAULT_REPLICATIONS: u32 = 20;
/// Horizon, warm-up included, when the file gives none, in years.
const DEFAULT_YEARS: f64 = 10.0;
/// Warm-up when the file gives none, in years.
const DEFAULT_WARMUP_YEARS: f64 = 2.0;
/// Scandal window of an `after_scandals` event when none is given, in days.
const DEFAULT_WITHIN_DAYS: u32 = 365;
/// Most replications per arm.
const MAX_REPLICATIONS: i128 = 100_000;
/// Longest horizon, in years.
const MAX_YEARS: f64 = 100.0;
/// Most scandals an event may wait for.
const MAX_SCANDALS: i128 = 1000;
/// Longest scandal window, in days.
const MAX_WITHIN_DAYS: i128 = 3650;
/// Most arms in a scenario.
pub const MAX_ARMS: usize = 64;
/// Most `[[event]]` tables in a scenario.
pub const MAX_EVENTS: usize = 100;
/// Longest arm name, in characters.
pub const MAX_ARM_NAME: usize = 64;
/// Largest scenario file, in bytes.
pub const MAX_SCENARIO_BYTES: u64 = 4 << 20;

/// Reads the file at `path` if it is a regular file (not a folder, device
/// or pipe, which could block or never end) of at most `max` bytes, with a
/// reader that stops after `max`. The error says why in a short sentence.
pub fn read_bounded(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    use std::io::{Error, Read};
    let meta = std::fs::metadata(path)?;
    let not_regular = || {
        Error::other(if meta.is_dir() {
            "it is a folder, not a file"
        } else {
            "it is not a regular file (a device or a pipe?)"
        })
    };
    if !meta.is_file() {
        return Err(not_regular());
    }
    let too_big = || {
        Error::other(format!(
            "it is larger than {} MiB, the most allowed",
            max >> 20
        ))
    };
    if meta.len() > max {
        return Err(too_big());
    }
    let file = std::fs::File::open(path)?;
    // Checked again on the open file: the path may have changed since.
    if !file.metadata()?.is_file() {
        return Err(not_regular());
    }
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Whether `name` may name an arm: a letter first, then letters, digits,
/// `_` and `-`, at most [`MAX_ARM_NAME`] characters. Arm names become CSV
/// cells, file-name parts and terminal text, so they can start neither a
/// spreadsheet formula (`=`, `+`, `-`, `@`) nor a control sequence.
pub fn is_arm_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(char::is_alphabetic)
        && chars.all(|c| c.is_alphabetic() || c.is_ascii_digit() || c == '_' || c == '-')
        && name.chars().count() <= MAX_ARM_NAME
}

/// `name` made into an arm name, for a suggestion.
fn arm_name_like(name: &str) -> String {
    let mut out: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphabetic() || c.is_ascii_digit() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .skip_while(|c| !c.is_alphabetic())
        .take(MAX_ARM_NAME)
        .collect();
    while out.contains("__") {
        out = out.replace("__", "_");
    }
    let out = out.trim_end_matches('_').to_owned();
    if out.is_empty() {
        "arm_1".to_owned()
    } else {
        out
    }
}

/// The group whose keys are steering levers, set per arm and per event.
const STEERING: &str = "steering";

/// Keys of the top level other than the parameter tables.
const TOP_KEYS: &[&str] = &[
    "name",
    "title",
    "description",
    "seed",
    "replications",
    "years",
    "warmup_years",
    "baseline",
    "language",
    "arm",
    "event",
    "sweep",
    "sensitivity",
    "robustness",
    "uncertainty",
];
/// Keys of an `[[arm]]` other than levers and parameter tables.
const ARM_KEYS: &[&str] = &["name", "label", "preset", "description"];
/// Keys of an `[[event]]` other than levers.
const EVENT_KEYS: &[&str] = &[
    "label",
    "arms",
    "at_year",
    "at_day",
    "after_scandals",
    "within_days",
    "preset",
];
/// The keys that say when an event happens; an event has exactly one.
const TRIGGER_KEYS: &[&str] = &["at_year", "at_day", "after_scandals"];

/// Reads and resolves the scenario file at `path`.
///
/// A file that cannot be read is an [`ErrorKind::Io`] error; everything else
/// is as for [`from_str`], with the path as given used as the origin.
pub fn load(path: &Path) -> Result<Scenario, ScenarioError> {
    let origin = path.display().to_string();
    let bytes = read_bounded(path, MAX_SCENARIO_BYTES).map_err(|e| {
        ScenarioError::new(
            &origin,
            vec![Diagnostic::new(
                ErrorKind::Io,
                format!("cannot read scenario file `{origin}`: {e}"),
            )],
        )
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => from_str(&text, &origin),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(e.as_bytes().get(..valid).unwrap_or(&[]));
            Err(ScenarioError::new(
                &origin,
                vec![
                    Diagnostic::new(ErrorKind::Syntax, "the file is not UTF-8 text")
                        .at(&prefix, valid)
                        .with_help("save the file with UTF-8 encoding"),
                ],
            ))
        }
    }
}

/// Parses, checks and resolves a scenario from TOML text.
///
/// `origin` names the text in messages (a file path, or e.g. `default.toml`).
/// Every problem found is reported, each with its line, column and key.
pub fn from_str(text: &str, origin: &str) -> Result<Scenario, ScenarioError> {
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let mut diagnostics: Vec<Diagnostic> = Vec::new();
        for error in &errors {
            let d = syntax_diagnostic(text, error);
            if !diagnostics.contains(&d) {
                diagnostics.push(d);
            }
        }
        return Err(ScenarioError::new(origin, diagnostics));
    }
    let root = root.into_inner();
    if root.is_empty() {
        return Err(ScenarioError::new(
            origin,
            vec![Diagnostic::new(
                ErrorKind::Empty,
                format!(
                    "scenario file `{origin}` is empty: it has only blank lines or comments, \
                     and a scenario needs at least one `[[arm]]`; see `tillit init` for a template"
                ),
            )],
        ));
    }
    let mut checker = Checker {
        text,
        diagnostics: Vec::new(),
    };
    let raw = checker.scenario(&root);
    checker.cross_check(&raw);
    match resolve(&raw) {
        Some(scenario) if checker.diagnostics.is_empty() => Ok(scenario),
        _ => {
            let mut diagnostics = checker.diagnostics;
            if diagnostics.is_empty() {
                // Unreachable if the checks above are complete; never a panic.
                diagnostics.push(Diagnostic::new(
                    ErrorKind::Invalid,
                    "the scenario is incomplete",
                ));
            }
            Err(ScenarioError::new(origin, diagnostics))
        }
    }
}

/// One problem reported by the TOML parser, in our form.
pub(crate) fn syntax_diagnostic(text: &str, error: &toml::de::Error) -> Diagnostic {
    let message = error.message();
    let message = message
        .strip_suffix(", expected nothing")
        .unwrap_or(message);
    let message = message.trim_end_matches('\n').replace('\n', "; ");
    let d = Diagnostic::new(ErrorKind::Syntax, format!("invalid TOML: {message}"));
    match error.span() {
        Some(span) => d.at(text, span.start),
        // The parser gives no position for some errors (nesting beyond its
        // recursion limit): point at the most deeply nested line.
        None => d
            .at(text, deepest_line(text))
            .with_help("tables, arrays or dotted keys are nested too deeply here".to_owned()),
    }
}

/// The byte offset of the start of the line where tables, arrays, inline
/// tables or dotted keys nest most deeply (a rough reading that skips
/// strings and comments; only used to place an error the parser could not).
fn deepest_line(text: &str) -> usize {
    let (mut best, mut best_depth) = (0, 0);
    let mut open = 0usize;
    let mut line_start = 0;
    let mut dots = 0usize;
    let mut in_string: Option<char> = None;
    for (i, c) in text.char_indices() {
        if let Some(q) = in_string {
            if c == q || c == '\n' {
                in_string = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => in_string = Some(c),
            '#' => in_string = Some('\n'),
            '[' | '{' => open += 1,
            ']' | '}' => open = open.saturating_sub(1),
            '.' => dots += 1,
            '\n' => {
                line_start = i + 1;
                dots = 0;
            }
            _ => {}
        }
        let depth = open + dots;
        if depth > best_depth {
            best_depth = depth;
            best = line_start;
        }
    }
    best
}

/// A value that may be left out (default), be wrong (already reported), or be
/// given.
#[derive(Clone, Copy, Debug, Default)]
enum Field<T> {
    #[default]
    Absent,
    Bad,
    Given(T, usize),
}

/// The top level of the file, checked value by value.
#[derive(Debug, Default)]
struct Raw {
    name: Option<String>,
    title: Option<LocalText>,
    description: Option<LocalText>,
    seed: Option<u64>,
    replications: Option<u32>,
    years: Field<f64>,
    warmup_years: Field<f64>,
    baseline: Option<(String, usize)>,
    language: Option<Language>,
    /// Values from the top-level parameter tables, in file order.
    globals: Vec<Override>,
    arms: Vec<RawArm>,
    events: Vec<RawEvent>,
}

/// One `[[arm]]`.
#[derive(Debug, Default)]
struct RawArm {
    /// The arm's key path, `arm[N]`.
    path: String,
    name: Option<(String, usize)>,
    label: Option<LocalText>,
    preset: Option<Preset>,
    description: Option<LocalText>,
    /// Values from the arm's parameter subtables.
    groups: Vec<Override>,
    /// Steering levers set directly in the arm.
    levers: Vec<Override>,
}

/// When an event happens, as written.
#[derive(Clone, Copy, Debug)]
enum RawTrigger {
    AtYear(f64, usize),
    AtDay(u32, usize),
    Scandals(u32),
}

/// One `[[event]]`.
#[derive(Debug, Default)]
struct RawEvent {
    /// The event's key path, `event[N]`.
    path: String,
    label: Option<LocalText>,
    /// The arm names given, with their positions; `None` means every arm.
    arms: Option<Vec<(String, usize)>>,
    trigger: Option<RawTrigger>,
    within_days: Option<(u32, usize)>,
    preset: Option<Preset>,
    levers: Vec<Override>,
}

/// Where an unknown key was found, for the message and the hint.
#[derive(Clone, Copy)]
enum Place<'a> {
    Top,
    Group(&'static str),
    Arm(Option<&'a str>),
    ArmGroup(Option<&'a str>, &'static str),
    Event,
}

/// Walks the document against the schema, collecting problems.
struct Checker<'t> {
    text: &'t str,
    diagnostics: Vec<Diagnostic>,
}

impl Check for Checker<'_> {
    fn text_and_problems(&mut self) -> (&str, &mut Vec<Diagnostic>) {
        (self.text, &mut self.diagnostics)
    }
}

impl Checker<'_> {
    // ---- scalar values -------------------------------------------------

    fn integer(&mut self, value: &Value, key: &str, help: Option<String>) -> Option<i128> {
        match value.get_ref() {
            DeValue::Integer(i) => {
                let n = parse_integer(i);
                if n.is_none() {
                    let message = format!("`{}` is too large", i.as_str());
                    self.push(
                        ErrorKind::OutOfRange,
                        value.span().start,
                        key,
                        message,
                        help,
                    );
                }
                n
            }
            DeValue::Float(f) => {
                let whole = parse_float(f).filter(|x| x.is_finite() && x.fract() == 0.0);
                let help = match whole {
                    Some(x) => Some(format!(
                        "write it without a decimal point: `{}`",
                        fmt_num(x)
                    )),
                    None => help,
                };
                self.wrong_type_with(value, key, "a whole number", help);
                None
            }
            _ => {
                self.wrong_type_with(value, key, "a whole number", help);
                None
            }
        }
    }

    /// A whole number in `min ..= max` (or `min` and up when `max` is `None`).
    fn integer_in(
        &mut self,
        value: &Value,
        key: &str,
        min: i128,
        max: Option<i128>,
        unit: &str,
    ) -> Option<i128> {
        let allowed = match max {
            Some(max) => format!("allowed {min} ..= {max} ({unit})"),
            None => format!("allowed {min} or more ({unit})"),
        };
        let n = self.integer(value, key, Some(allowed.clone()))?;
        if n < min || max.is_some_and(|max| n > max) {
            let message = format!("{n} is out of range: {allowed}");
            self.push(
                ErrorKind::OutOfRange,
                value.span().start,
                key,
                message,
                None,
            );
            return None;
        }
        Some(n)
    }

    /// A number of years, at least 0 (or above 0 when `positive`) and at most
    /// [`MAX_YEARS`].
    fn years_in(&mut self, value: &Value, key: &str, positive: bool) -> Field<f64> {
        let allowed = if positive {
            format!(
                "allowed more than 0, at most {} (years)",
                fmt_num(MAX_YEARS)
            )
        } else {
            format!("allowed 0 ..= {} (years)", fmt_num(MAX_YEARS))
        };
        let Some(x) = self.number(value, key, Some(allowed.clone())) else {
            return Field::Bad;
        };
        let low_ok = if positive { x > 0.0 } else { x >= 0.0 };
        if !x.is_finite() || !low_ok || x > MAX_YEARS {
            let message = format!("{} is out of range: {allowed}", fmt_num(x));
            self.push(
                ErrorKind::OutOfRange,
                value.span().start,
                key,
                message,
                None,
            );
            return Field::Bad;
        }
        Field::Given(x, value.span().start)
    }

    /// A registry parameter: right kind, then [`ParamSpec::check`].
    fn param(&mut self, spec: &'static ParamSpec, value: &Value, key: &str) -> Option<f64> {
        let allowed = format!("allowed {} ({})", spec.range_text(), spec.unit);
        let x = match spec.kind {
            ParamKind::Integer => self.integer(value, key, Some(allowed))? as f64,
            ParamKind::Real => self.number(value, key, Some(allowed))?,
            ParamKind::Switch => match value.get_ref() {
                DeValue::Boolean(on) => f64::from(u8::from(*on)),
                _ => {
                    self.wrong_type(value, key, "`true` or `false`");
                    return None;
                }
            },
        };
        match spec.check(x) {
            Ok(()) => Some(x),
            Err(message) => {
                self.push(
                    ErrorKind::OutOfRange,
                    value.span().start,
                    key,
                    message,
                    None,
                );
                None
            }
        }
    }

    fn language(&mut self, value: &Value, key: &str) -> Option<Language> {
        let codes = "`sv` (Swedish) or `en` (English)";
        let DeValue::String(code) = value.get_ref() else {
            let expected = format!("a text naming a language, {codes}");
            self.wrong_type(value, key, &expected);
            return None;
        };
        let language = Language::from_code(code);
        if language.is_none() {
            self.push(
                ErrorKind::Invalid,
                value.span().start,
                key,
                format!("unknown language `{code}`"),
                Some(format!("reports can be written in {codes}")),
            );
        }
        language
    }

    /// A text for readers: a plain string (every language) or a table of
    /// texts per language, `{ sv = "…", en = "…" }`, none of them empty.
    fn local_text(&mut self, value: &Value, key: &str) -> Option<LocalText> {
        const FORMS: &str = "a text in quotes, or one per language such as \
                             `{ sv = \"Delegering\", en = \"Delegation\" }`";
        match value.get_ref() {
            DeValue::String(s) => Some(LocalText::Every(s.to_string())),
            DeValue::Table(table) => {
                let (mut sv, mut en, mut ok) = (None, None, true);
                for (lang_key, text) in table.iter() {
                    let code: &str = lang_key.get_ref();
                    let full = format!("{key}.{code}");
                    let slot = match Language::from_code(code) {
                        Some(Language::Sv) => &mut sv,
                        Some(Language::En) => &mut en,
                        None => {
                            // Two-letter codes are too short for string
                            // similarity: `se`, `sw`, `svenska` mean `sv`.
                            let close = match code.to_lowercase().chars().next() {
                                Some('s') => Some("sv"),
                                Some('e') => Some("en"),
                                _ => None,
                            };
                            let help = match close {
                                Some(s) => format!("did you mean `{s}`?"),
                                None => "texts can be given for `sv` (Swedish) and `en` (English)"
                                    .to_owned(),
                            };
                            self.push(
                                ErrorKind::UnknownKey,
                                lang_key.span().start,
                                &full,
                                format!("unknown language `{code}`"),
                                Some(help),
                            );
                            ok = false;
                            continue;
                        }
                    };
                    match text.get_ref() {
                        DeValue::String(t) if t.trim().is_empty() => {
                            self.push(
                                ErrorKind::Invalid,
                                text.span().start,
                                &full,
                                "the text is empty",
                                Some("leave the language out to use the other one".to_owned()),
                            );
                            ok = false;
                        }
                        DeValue::String(t) => *slot = Some(t.to_string()),
                        _ => {
                            self.wrong_type(text, &full, "a text in quotes");
                            ok = false;
                        }
                    }
                }
                if ok && sv.is_none() && en.is_none() {
                    self.push(
                        ErrorKind::Invalid,
                        value.span().start,
                        key,
                        "no text in any language",
                        Some(format!("write {FORMS}")),
                    );
                    ok = false;
                }
                ok.then_some(LocalText::PerLanguage { sv, en })
            }
            _ => {
                self.wrong_type(value, key, FORMS);
                None
            }
        }
    }

    fn preset(&mut self, value: &Value, key: &str) -> Option<Preset> {
        let names = preset_names();
        let DeValue::String(name) = value.get_ref() else {
            let expected = format!("a text naming a preset ({names})");
            self.wrong_type(value, key, &expected);
            return None;
        };
        let preset = Preset::from_name(name);
        if preset.is_none() {
            let help = match suggest(name, Preset::ALL.iter().map(|p| p.name())) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the presets are {names}; `tillit params` describes them"),
            };
            let message = format!("unknown preset `{name}`");
            self.push(
                ErrorKind::Invalid,
                value.span().start,
                key,
                message,
                Some(help),
            );
        }
        preset
    }

    // ---- tables --------------------------------------------------------

    fn unknown_key(&mut self, key: &Key, path: &str, place: Place, candidates: &[&str]) {
        let name: &str = key.get_ref();
        let (message, fallback) = match place {
            Place::Top => (
                "unknown top-level key".to_owned(),
                format!(
                    "the top level takes {}, `[[arm]]`, `[[event]]`, `[sweep]`, `[sensitivity]`, \
                     `[robustness]`, `[uncertainty]` and the tables {}",
                    TOP_KEYS
                        .iter()
                        .filter(|k| {
                            !matches!(
                                **k,
                                "arm"
                                    | "event"
                                    | "sweep"
                                    | "sensitivity"
                                    | "robustness"
                                    | "uncertainty"
                            )
                        })
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    parameter_tables("")
                ),
            ),
            Place::Group(group) => (
                format!("unknown key in the `[{group}]` table"),
                format!("`tillit params` lists every key of `[{group}]`"),
            ),
            Place::Arm(arm) => (
                format!("unknown key in {}", arm_label(arm)),
                format!(
                    "an arm takes `name`, `preset`, `description`, the steering levers \
                     (see `tillit params`) and the tables {}",
                    parameter_tables("arm.")
                ),
            ),
            Place::ArmGroup(arm, group) => (
                format!(
                    "unknown key in the `[arm.{group}]` table of {}",
                    arm_label(arm)
                ),
                format!("`tillit params` lists every key of `[{group}]`"),
            ),
            Place::Event => (
                "unknown key in an event".to_owned(),
                "an event takes `label`, `arms`, `at_year`, `at_day`, `after_scandals`, \
                 `within_days`, `preset` and the steering levers (see `tillit params`)"
                    .to_owned(),
            ),
        };
        // A parameter of another group is a misplaced key, not a typo.
        let help = elsewhere(name, place)
            .or_else(|| {
                suggest(name, candidates.iter().copied()).map(|s| format!("did you mean `{s}`?"))
            })
            .unwrap_or(fallback);
        self.push(
            ErrorKind::UnknownKey,
            key.span().start,
            path,
            message,
            Some(help),
        );
    }

    /// The whole document.
    fn scenario(&mut self, root: &DeTable) -> Raw {
        let mut raw = Raw::default();
        let mut candidates: Vec<&str> = TOP_KEYS.to_vec();
        candidates.extend(GROUPS.iter().filter(|g| **g != STEERING));
        for (key, value) in root.iter() {
            let name: &str = key.get_ref();
            match name {
                "name" => raw.name = self.string(value, name),
                "title" => raw.title = self.local_text(value, name),
                "description" => raw.description = self.local_text(value, name),
                "seed" => {
                    raw.seed = self
                        .integer_in(value, name, 0, Some(i128::from(u64::MAX)), "whole number")
                        .and_then(|n| u64::try_from(n).ok());
                }
                "replications" => {
                    raw.replications = self
                        .integer_in(value, name, 1, Some(MAX_REPLICATIONS), "runs per arm")
                        .and_then(|n| u32::try_from(n).ok());
                }
                "years" => raw.years = self.years_in(value, name, true),
                "warmup_years" => raw.warmup_years = self.years_in(value, name, false),
                "baseline" => {
                    raw.baseline = self.string(value, name).map(|s| (s, value.span().start));
                }
                "language" => raw.language = self.language(value, name),
                "arm" => raw.arms = self.arms(value),
                "event" => raw.events = self.events(value),
                // Read by `crate::sweep::spec` and `crate::robustness::spec`,
                // which check them themselves.
                "sweep" | "sensitivity" | "robustness" | "uncertainty" => {}
                STEERING => self.push(
                    ErrorKind::Invalid,
                    key.span().start,
                    name,
                    "steering levers cannot be set for the whole scenario",
                    Some(
                        "steering levers belong in an arm (`[[arm]]`) or an event, \
                         so that each arm's regime is explicit"
                            .to_owned(),
                    ),
                ),
                _ => match group_named(name) {
                    Some(group) => match value.get_ref() {
                        DeValue::Table(table) => {
                            self.group(group, table, name, Place::Group(group), &mut raw.globals);
                        }
                        _ => {
                            let expected = format!("a table (a `[{group}]` section)");
                            self.wrong_type(value, name, &expected);
                        }
                    },
                    None => self.unknown_key(key, name, Place::Top, &candidates),
                },
            }
        }
        raw
    }

    /// A table of one parameter group, at the top level or in an arm.
    fn group(
        &mut self,
        group: &'static str,
        table: &DeTable,
        path: &str,
        place: Place,
        out: &mut Vec<Override>,
    ) {
        let candidates: Vec<&str> = PARAMETERS
            .iter()
            .filter(|p| p.group == group)
            .map(|p| p.name)
            .collect();
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            let full = format!("{path}.{name}");
            match Params::spec(group, name) {
                Some(spec) => {
                    if let Some(x) = self.param(spec, value, &full) {
                        out.push((spec, x));
                    }
                }
                None => self.unknown_key(key, &full, place, &candidates),
            }
        }
    }

    /// The `arm` array.
    fn arms(&mut self, value: &Value) -> Vec<RawArm> {
        let DeValue::Array(items) = value.get_ref() else {
            let help = "write each arm as a `[[arm]]` section (with double brackets)".to_owned();
            self.wrong_type_with(value, "arm", "a list of arms", Some(help));
            return Vec::new();
        };
        let mut arms = Vec::new();
        if let Some(extra) = items.get(MAX_ARMS) {
            self.push(
                ErrorKind::OutOfRange,
                extra.span().start,
                &format!("arm[{}]", MAX_ARMS + 1),
                format!(
                    "the scenario has {} arms; at most {MAX_ARMS} are allowed",
                    items.len()
                ),
                Some(
                    "compare fewer arms at a time, or vary a parameter with a `[sweep]`".to_owned(),
                ),
            );
        }
        for (i, item) in items.iter().enumerate().take(MAX_ARMS) {
            let path = format!("arm[{}]", i + 1);
            match item.get_ref() {
                DeValue::Table(table) => arms.push(self.arm(table, item.span().start, path)),
                _ => self.wrong_type(item, &path, "an arm table (`[[arm]]`)"),
            }
        }
        arms
    }

    /// One `[[arm]]`.
    fn arm(&mut self, table: &DeTable, start: usize, path: String) -> RawArm {
        let mut arm = RawArm {
            path,
            ..RawArm::default()
        };
        let arm_name = table.get("name").and_then(|v| v.get_ref().as_str());
        let mut candidates: Vec<&str> = ARM_KEYS.to_vec();
        candidates.extend(steering_levers());
        candidates.extend(GROUPS.iter().filter(|g| **g != STEERING));
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            let full = format!("{}.{name}", arm.path);
            match name {
                "name" => arm.name = self.string(value, &full).map(|s| (s, value.span().start)),
                "preset" => arm.preset = self.preset(value, &full),
                "label" => arm.label = self.local_text(value, &full),
                "description" => arm.description = self.local_text(value, &full),
                STEERING => self.push(
                    ErrorKind::Invalid,
                    key.span().start,
                    &full,
                    "an arm has no `steering` table",
                    Some(
                        "write steering levers directly in the arm, below its `preset`, \
                         e.g. `coaching_hours = 2.0`"
                            .to_owned(),
                    ),
                ),
                _ => {
                    if let Some(spec) = Params::spec(STEERING, name) {
                        if let Some(x) = self.param(spec, value, &full) {
                            arm.levers.push((spec, x));
                        }
                    } else if let Some(group) = group_named(name) {
                        match value.get_ref() {
                            DeValue::Table(sub) => {
                                let place = Place::ArmGroup(arm_name, group);
                                self.group(group, sub, &full, place, &mut arm.groups);
                            }
                            _ => {
                                let expected = format!("a table (an `[arm.{group}]` section)");
                                self.wrong_type(value, &full, &expected);
                            }
                        }
                    } else {
                        self.unknown_key(key, &full, Place::Arm(arm_name), &candidates);
                    }
                }
            }
        }
        if !table.contains_key("name") {
            self.push(
                ErrorKind::Invalid,
                start,
                &format!("{}.name", arm.path),
                "this arm has no `name`",
                Some("every arm needs a unique name, e.g. `name = \"trust\"`".to_owned()),
            );
        } else if let Some((name, at)) = &arm.name {
            let key = format!("{}.name", arm.path);
            if name.trim().is_empty() {
                self.push(ErrorKind::Invalid, *at, &key, "the arm name is empty", None);
                arm.name = None;
            } else if !is_arm_name(name) {
                let shown: String = name.chars().take(MAX_ARM_NAME).collect();
                let more = if shown.len() < name.len() { "..." } else { "" };
                self.push(
                    ErrorKind::Invalid,
                    *at,
                    &key,
                    format!(
                        "the arm name `{}{more}` is not an identifier",
                        shown.escape_default()
                    ),
                    Some(format!(
                        "an arm name starts with a letter and has only letters, digits, `_` and \
                         `-`, at most {MAX_ARM_NAME} characters; e.g. `{}`",
                        arm_name_like(name)
                    )),
                );
                arm.name = None;
            }
        }
        if !table.contains_key("preset") {
            let help = format!("every arm starts from a preset: {}", preset_names());
            self.push(
                ErrorKind::Invalid,
                start,
                &format!("{}.preset", arm.path),
                format!("{} has no `preset`", arm_label(arm_name)),
                Some(help),
            );
        }
        arm
    }

    /// The `event` array.
    fn events(&mut self, value: &Value) -> Vec<RawEvent> {
        let DeValue::Array(items) = value.get_ref() else {
            let help =
                "write each event as an `[[event]]` section (with double brackets)".to_owned();
            self.wrong_type_with(value, "event", "a list of events", Some(help));
            return Vec::new();
        };
        let mut events = Vec::new();
        if let Some(extra) = items.get(MAX_EVENTS) {
            self.push(
                ErrorKind::OutOfRange,
                extra.span().start,
                &format!("event[{}]", MAX_EVENTS + 1),
                format!(
                    "the scenario has {} events; at most {MAX_EVENTS} are allowed",
                    items.len()
                ),
                None,
            );
        }
        for (i, item) in items.iter().enumerate().take(MAX_EVENTS) {
            let path = format!("event[{}]", i + 1);
            match item.get_ref() {
                DeValue::Table(table) => {
                    events.push(self.event(table, item.span().start, path));
                }
                _ => self.wrong_type(item, &path, "an event table (`[[event]]`)"),
            }
        }
        events
    }

    /// One `[[event]]`.
    fn event(&mut self, table: &DeTable, start: usize, path: String) -> RawEvent {
        let mut event = RawEvent {
            path,
            ..RawEvent::default()
        };
        let mut candidates: Vec<&str> = EVENT_KEYS.to_vec();
        candidates.extend(steering_levers());
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            let full = format!("{}.{name}", event.path);
            let at = value.span().start;
            match name {
                "label" => event.label = self.local_text(value, &full),
                "arms" => event.arms = self.arm_list(value, &full),
                "at_year" => {
                    if let Field::Given(x, at) = self.years_in(value, &full, false) {
                        event.trigger = Some(RawTrigger::AtYear(x, at));
                    }
                }
                "at_day" => {
                    let max = Some(i128::from(DAYS_PER_YEAR) * MAX_YEARS as i128);
                    if let Some(n) = self.integer_in(value, &full, 0, max, "days") {
                        let day = u32::try_from(n).unwrap_or(u32::MAX);
                        event.trigger = Some(RawTrigger::AtDay(day, at));
                    }
                }
                "after_scandals" => {
                    if let Some(n) = self.integer_in(value, &full, 1, Some(MAX_SCANDALS), "count") {
                        let count = u32::try_from(n).unwrap_or(u32::MAX);
                        event.trigger = Some(RawTrigger::Scandals(count));
                    }
                }
                "within_days" => {
                    if let Some(n) = self.integer_in(value, &full, 1, Some(MAX_WITHIN_DAYS), "days")
                    {
                        event.within_days = Some((u32::try_from(n).unwrap_or(u32::MAX), at));
                    }
                }
                "preset" => event.preset = self.preset(value, &full),
                _ => match Params::spec(STEERING, name) {
                    Some(spec) => {
                        if let Some(x) = self.param(spec, value, &full) {
                            event.levers.push((spec, x));
                        }
                    }
                    None => self.unknown_key(key, &full, Place::Event, &candidates),
                },
            }
        }
        // Exactly one trigger; `within_days` only with `after_scandals`.
        let mut triggers: Vec<(usize, &str)> = table
            .iter()
            .filter(|(k, _)| TRIGGER_KEYS.contains(&k.get_ref().as_ref()))
            .map(|(k, _)| (k.span().start, k.get_ref().as_ref()))
            .collect();
        triggers.sort_unstable();
        match triggers.as_slice() {
            [] => self.push(
                ErrorKind::Invalid,
                start,
                &event.path,
                "this event has no trigger",
                Some("say when it happens with `at_year`, `at_day` or `after_scandals`".to_owned()),
            ),
            [_] => {}
            [(_, first), rest @ ..] => {
                for (at, second) in rest {
                    self.push(
                        ErrorKind::Invalid,
                        *at,
                        &format!("{}.{second}", event.path),
                        format!("an event has one trigger, and this one already has `{first}`"),
                        Some("write a second `[[event]]` for a second trigger".to_owned()),
                    );
                }
            }
        }
        if let Some((_, at)) = event.within_days
            && !table.contains_key("after_scandals")
        {
            self.push(
                ErrorKind::Invalid,
                at,
                &format!("{}.within_days", event.path),
                "`within_days` only goes with `after_scandals`",
                None,
            );
        }
        event
    }

    /// An event's `arms`: a non-empty list of names.
    fn arm_list(&mut self, value: &Value, key: &str) -> Option<Vec<(String, usize)>> {
        let DeValue::Array(items) = value.get_ref() else {
            let help = "e.g. `arms = [\"reform\"]`; leave it out for every arm".to_owned();
            self.wrong_type_with(value, key, "a list of arm names", Some(help));
            return None;
        };
        if items.is_empty() {
            self.push(
                ErrorKind::Invalid,
                value.span().start,
                key,
                "the list of arms is empty",
                Some("leave `arms` out to apply the event to every arm".to_owned()),
            );
            return None;
        }
        let mut names = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = format!("{key}[{}]", i + 1);
            match self.string(item, &path) {
                Some(name) => names.push((name, item.span().start)),
                None => ok = false,
            }
        }
        ok.then_some(names)
    }

    /// Checks across values, once each value is known to be fine alone.
    fn cross_check(&mut self, raw: &Raw) {
        if raw.arms.is_empty() {
            let d = Diagnostic::new(ErrorKind::Invalid, "the scenario has no arms").with_help(
                "add at least one `[[arm]]` with a `name` and a `preset`; see `tillit init`",
            );
            self.diagnostics.push(d);
        }

        // Arm names: unique.
        let mut first_at: BTreeMap<&str, usize> = BTreeMap::new();
        for arm in &raw.arms {
            let Some((name, at)) = &arm.name else {
                continue;
            };
            match first_at.get(name.as_str()) {
                Some(first) => {
                    let (line, _) = super::diagnostic::line_col(self.text, *first);
                    self.push(
                        ErrorKind::Invalid,
                        *at,
                        &format!("{}.name", arm.path),
                        format!("the arm name `{name}` is used twice"),
                        Some(format!(
                            "it is first used on line {line}; every arm needs its own name"
                        )),
                    );
                }
                None => {
                    first_at.insert(name, *at);
                }
            }
        }
        // References to arms are checked only when every arm has its name,
        // so that one mistake does not cascade.
        let all_named = raw.arms.iter().all(|a| a.name.is_some());
        let arm_names: Vec<&str> = first_at.keys().copied().collect();
        let check_ref = |checker: &mut Self, name: &str, at: usize, key: &str, what: &str| {
            if all_named && !first_at.contains_key(name) {
                let help = match suggest(name, arm_names.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("the arms are {}", quoted_list(&arm_names)),
                };
                let message = format!("{what} `{name}` is not the name of an arm");
                checker.push(ErrorKind::Invalid, at, key, message, Some(help));
            }
        };
        if let Some((name, at)) = &raw.baseline {
            check_ref(self, name, *at, "baseline", "the baseline");
        }
        for event in &raw.events {
            for (i, (name, at)) in event.arms.iter().flatten().enumerate() {
                let key = format!("{}.arms[{}]", event.path, i + 1);
                check_ref(self, name, *at, &key, "the event's arm");
            }
        }

        // Warm-up shorter than the horizon, events within it.
        let years = match raw.years {
            Field::Absent => Some((DEFAULT_YEARS, None)),
            Field::Given(x, at) => Some((x, Some(at))),
            Field::Bad => None,
        };
        let Some((years, years_at)) = years else {
            return;
        };
        let horizon_days = days(years);
        if horizon_days == 0 {
            if let Some(at) = years_at {
                self.push(
                    ErrorKind::OutOfRange,
                    at,
                    "years",
                    format!("{} years is less than a day", fmt_num(years)),
                    None,
                );
            }
            return;
        }
        let warmup = match raw.warmup_years {
            Field::Absent => Some((DEFAULT_WARMUP_YEARS, None)),
            Field::Given(x, at) => Some((x, Some(at))),
            Field::Bad => None,
        };
        if let Some((warmup, warmup_at)) = warmup
            && (warmup >= years || days(warmup) >= horizon_days)
        {
            let (at, key, message) = match warmup_at {
                Some(at) => (
                    at,
                    "warmup_years",
                    format!(
                        "the warm-up ({} years) must be shorter than the run (`years` = {})",
                        fmt_num(warmup),
                        fmt_num(years)
                    ),
                ),
                None => (
                    years_at.unwrap_or(0),
                    "years",
                    format!(
                        "the run ({} years) must be longer than the default warm-up of {} years",
                        fmt_num(years),
                        fmt_num(DEFAULT_WARMUP_YEARS)
                    ),
                ),
            };
            let help = "the warm-up is the first part of the run, left out of the outcomes; \
                            set `warmup_years` below `years`"
                .to_owned();
            self.push(ErrorKind::Invalid, at, key, message, Some(help));
        }
        for event in &raw.events {
            let (day, at, key) = match event.trigger {
                Some(RawTrigger::AtYear(x, at)) => (days(x), at, "at_year"),
                Some(RawTrigger::AtDay(day, at)) => (day, at, "at_day"),
                Some(RawTrigger::Scandals(_)) | None => continue,
            };
            if day >= horizon_days {
                self.push(
                    ErrorKind::Invalid,
                    at,
                    &format!("{}.{key}", event.path),
                    format!(
                        "the event would fall on day {day}, but the run's last day is {} \
                         (`years` = {})",
                        horizon_days - 1,
                        fmt_num(years)
                    ),
                    None,
                );
            }
        }
    }
}

/// Builds the scenario from checked raw values; `None` if anything required
/// is missing (which the checker has then reported).
fn resolve(raw: &Raw) -> Option<Scenario> {
    let mut base = Params::default();
    for (spec, x) in &raw.globals {
        spec.set(&mut base, *x);
    }
    let mut arms = Vec::with_capacity(raw.arms.len());
    for raw_arm in &raw.arms {
        let (name, _) = raw_arm.name.clone()?;
        let preset = raw_arm.preset?;
        let mut params = base.clone();
        params.steering = preset.steering();
        for (spec, x) in raw_arm.groups.iter().chain(&raw_arm.levers) {
            spec.set(&mut params, *x);
        }
        arms.push(Arm {
            name,
            label: raw_arm.label.clone().unwrap_or_default(),
            description: raw_arm.description.clone().unwrap_or_default(),
            preset,
            params,
            events: Vec::new(),
        });
    }
    if arms.is_empty() {
        return None;
    }
    for (i, raw_event) in raw.events.iter().enumerate() {
        let trigger = match raw_event.trigger? {
            RawTrigger::AtYear(x, _) => Trigger::AtDay(days(x)),
            RawTrigger::AtDay(day, _) => Trigger::AtDay(day),
            RawTrigger::Scandals(count) => Trigger::Scandals {
                count,
                window_days: raw_event
                    .within_days
                    .map_or(DEFAULT_WITHIN_DAYS, |(d, _)| d),
            },
        };
        let label = match (&raw_event.label, raw_event.preset) {
            (Some(label), _) => label.clone(),
            (None, preset) => default_event_label(preset, i + 1),
        };
        for arm in &mut arms {
            let applies = match &raw_event.arms {
                None => true,
                Some(names) => names.iter().any(|(n, _)| *n == arm.name),
            };
            if !applies {
                continue;
            }
            let mut params = arm.params.clone();
            if let Some(preset) = raw_event.preset {
                params.steering = preset.steering();
            }
            for (spec, x) in &raw_event.levers {
                spec.set(&mut params, *x);
            }
            arm.events.push(Event {
                label: label.clone(),
                trigger,
                steering: params.steering,
            });
        }
    }
    let baseline = match &raw.baseline {
        None => 0,
        Some((name, _)) => arms.iter().position(|a| a.name == *name)?,
    };
    let years = match raw.years {
        Field::Given(x, _) => x,
        Field::Absent => DEFAULT_YEARS,
        Field::Bad => return None,
    };
    let warmup = match raw.warmup_years {
        Field::Given(x, _) => x,
        Field::Absent => DEFAULT_WARMUP_YEARS,
        Field::Bad => return None,
    };
    Some(Scenario {
        name: raw.name.clone().unwrap_or_else(|| DEFAULT_NAME.to_owned()),
        title: raw.title.clone().unwrap_or_default(),
        description: raw.description.clone().unwrap_or_default(),
        seed: raw.seed.unwrap_or(DEFAULT_SEED),
        replications: raw.replications.unwrap_or(DEFAULT_REPLICATIONS),
        horizon_days: days(years),
        warmup_days: days(warmup),
        baseline,
        arms,
        language: raw.language,
    })
}

/// The label of an event the file gives none, in both languages: "switch
/// to control" for an event with a preset, else "event 3".
fn default_event_label(preset: Option<Preset>, number: usize) -> LocalText {
    use crate::report::text::{Key, preset_label, tf};
    let label = |lang| match preset {
        Some(p) => tf(
            lang,
            Key::EventSwitchTo,
            &[("preset", &preset_label(lang, p.name()))],
        ),
        None => tf(lang, Key::EventNumbered, &[("n", &number.to_string())]),
    };
    LocalText::PerLanguage {
        sv: Some(label(Language::Sv)),
        en: Some(label(Language::En)),
    }
}

/// Whole days in a number of years (checked to lie in `0 ..= 100`).
fn days(years: f64) -> u32 {
    (years * f64::from(DAYS_PER_YEAR)).round() as u32
}

/// The integer a TOML integer token stands for (underscores already gone).
pub(crate) fn parse_integer(i: &DeInteger) -> Option<i128> {
    let text = i.as_str().replace('_', "");
    i128::from_str_radix(&text, i.radix()).ok()
}

/// The number a TOML float token stands for.
pub(crate) fn parse_float(f: &DeFloat) -> Option<f64> {
    let text = f.as_str().replace('_', "");
    text.parse().ok()
}

#[cfg(test)]
mod number_tests {
    use super::*;

    fn value(text: &str) -> DeValue<'_> {
        DeValue::parse(text).unwrap().into_inner()
    }

    #[test]
    fn numbers_parse_in_every_toml_form() {
        let int = |t| parse_integer(value(t).as_integer().unwrap());
        assert_eq!(int("1_000"), Some(1000));
        assert_eq!(int("-7"), Some(-7));
        assert_eq!(int("0xff"), Some(255));
        assert_eq!(int("0o17"), Some(15));
        assert_eq!(int("0b101"), Some(5));
        assert_eq!(int("9223372036854775807"), Some(i128::from(i64::MAX)));
        let float = |t| parse_float(value(t).as_float().unwrap());
        assert_eq!(float("2.5"), Some(2.5));
        assert_eq!(float("-1_0.5e1"), Some(-105.0));
        assert!(float("nan").is_some_and(f64::is_nan));
        assert_eq!(float("-inf"), Some(f64::NEG_INFINITY));
    }

    #[test]
    fn days_round_to_the_nearest_day() {
        assert_eq!(days(10.0), 3650);
        assert_eq!(days(0.5), 183);
        assert_eq!(days(0.0), 0);
    }
}

/// Describes a value's type (and the value, if short) for "found ..." text.
pub(crate) fn describe(value: &DeValue) -> String {
    match value {
        DeValue::String(s) => {
            let short: String = s.chars().take(40).collect();
            let dots = if short.len() < s.len() { "..." } else { "" };
            format!("the text \"{short}{dots}\"")
        }
        DeValue::Integer(i) => format!("the whole number `{}`", i.as_str()),
        DeValue::Float(f) => format!("the number `{}`", f.as_str()),
        DeValue::Boolean(b) => format!("`{b}`"),
        DeValue::Datetime(_) => "a date".to_owned(),
        DeValue::Array(_) => "a list".to_owned(),
        DeValue::Table(_) => "a table".to_owned(),
    }
}

/// The registry group of that name, as a `'static` string.
fn group_named(name: &str) -> Option<&'static str> {
    GROUPS.iter().copied().find(|g| *g == name)
}

/// Names of the steering levers.
fn steering_levers() -> impl Iterator<Item = &'static str> {
    PARAMETERS
        .iter()
        .filter(|p| p.group == STEERING)
        .map(|p| p.name)
}

/// `control, trust, trust_without_support or hybrid`.
fn preset_names() -> String {
    let names: Vec<&str> = Preset::ALL.iter().map(|p| p.name()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(", "),
    }
}

/// The parameter tables other than `steering`, as `[prefix group]` text.
fn parameter_tables(prefix: &str) -> String {
    GROUPS
        .iter()
        .filter(|g| **g != STEERING)
        .map(|g| format!("`[{prefix}{g}]`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `arm `trust`` or `this arm`.
fn arm_label(name: Option<&str>) -> String {
    match name {
        Some(name) => format!("arm `{name}`"),
        None => "this arm".to_owned(),
    }
}

/// The closest candidate to a misspelt `name`, if one is close enough.
pub(crate) fn suggest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let name = name.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(&name, candidate);
        if score >= 0.8 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod suggest_tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["coaching_hours", "decision_latitude", "blame_culture"];
        assert_eq!(suggest("coaching_hour", keys), Some("coaching_hours"));
        assert_eq!(suggest("Coaching_Hours", keys), Some("coaching_hours"));
        assert_eq!(
            suggest("decision_lattitude", keys),
            Some("decision_latitude")
        );
        assert_eq!(suggest("colour", keys), None);
        assert_eq!(suggest("x", keys), None);
        assert_eq!(suggest("stres", GROUPS.iter().copied()), Some("stress"));
        assert_eq!(
            suggest("replication", TOP_KEYS.iter().copied()),
            Some("replications")
        );
        assert_eq!(suggest("arms", TOP_KEYS.iter().copied()), Some("arm"));
        assert_eq!(suggest("", TOP_KEYS.iter().copied()), None);
    }

    #[test]
    fn preset_names_read_as_a_list() {
        assert_eq!(
            preset_names(),
            "control, trust, trust_without_support or hybrid"
        );
    }
}

/// Where a key that is unknown here does belong, if it is a parameter of
/// another group.
fn elsewhere(name: &str, place: Place) -> Option<String> {
    let groups: Vec<&str> = PARAMETERS
        .iter()
        .filter(|p| p.name == name)
        .map(|p| p.group)
        .collect();
    if groups.is_empty() {
        return None;
    }
    let in_arm_or_event = matches!(place, Place::Arm(_) | Place::Event);
    if groups.contains(&STEERING) && !in_arm_or_event {
        return Some(format!(
            "`{name}` is a steering lever: set it in an `[[arm]]` (below its `preset`) \
             or in an `[[event]]`"
        ));
    }
    let tables = |prefix: &str| {
        groups
            .iter()
            .filter(|g| **g != STEERING)
            .map(|g| format!("`[{prefix}{g}]`"))
            .collect::<Vec<_>>()
            .join(" or ")
    };
    Some(match place {
        Place::Top => format!("`{name}` belongs in the {} table", tables("")),
        Place::Group(here) => format!("`{name}` belongs in {}, not `[{here}]`", tables("")),
        Place::Arm(_) => format!(
            "`{name}` belongs in a {} table below this arm",
            tables("arm.")
        ),
        Place::ArmGroup(_, here) => {
            format!("`{name}` belongs in {}, not `[arm.{here}]`", tables("arm."))
        }
        Place::Event => {
            format!("an event changes steering levers only; `{name}` cannot change during a run")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Scenario {
        match from_str(text, "test.toml") {
            Ok(s) => s,
            Err(e) => panic!("expected a valid scenario, got:\n{e}"),
        }
    }

    fn err(text: &str) -> ScenarioError {
        match from_str(text, "test.toml") {
            Ok(_) => panic!("expected an error for:\n{text}"),
            Err(e) => e,
        }
    }

    const MINIMAL: &str = "[[arm]]\nname = \"a\"\npreset = \"control\"\n";

    #[test]
    fn minimal_scenario_resolves_with_defaults() {
        let s = ok(MINIMAL);
        assert_eq!(s.name, DEFAULT_NAME);
        assert!(s.description.is_empty() && s.title.is_empty());
        assert_eq!(s.seed, DEFAULT_SEED);
        assert_eq!(s.replications, DEFAULT_REPLICATIONS);
        assert_eq!(s.horizon_days, 3650);
        assert_eq!(s.warmup_days, 730);
        assert_eq!(s.baseline, 0);
        assert_eq!(s.arms.len(), 1);
        assert_eq!(s.arms[0].name, "a");
        assert_eq!(s.arms[0].preset, Preset::Control);
        assert_eq!(s.arms[0].params, Params::default());
        assert!(s.arms[0].events.is_empty());
    }

    #[test]
    fn language_is_optional_and_checked() {
        assert_eq!(ok(MINIMAL).language, None);
        let sv = ok(&format!("language = \"sv\"\n{MINIMAL}"));
        assert_eq!(sv.language, Some(Language::Sv));
        let en = ok(&format!("language = \"en\"\n{MINIMAL}"));
        assert_eq!(en.language, Some(Language::En));
        let shown = err(&format!("language = \"de\"\n{MINIMAL}")).to_string();
        assert!(
            shown.contains("test.toml:1:12: key `language`: unknown language `de`")
                && shown.contains("`sv` (Swedish) or `en` (English)"),
            "{shown}"
        );
        let shown = err(&format!("language = 1\n{MINIMAL}")).to_string();
        assert!(shown.contains("key `language`"), "{shown}");
    }

    #[test]
    fn titles_descriptions_and_labels_may_be_given_per_language() {
        let s = ok(r#"
title = { sv = "Tillit i Borlänge", en = "Trust in Borlänge" }
description = "One text for every language"
[[arm]]
name = "trust_coaching"
label = { sv = "Delegering med coachning", en = "Delegation with coaching" }
description = { sv = "Med coachning" }
preset = "trust"
[[event]]
label = { en = "reform" }
at_year = 2
preset = "control"
"#);
        assert_eq!(s.title.text(Language::Sv), "Tillit i Borlänge");
        assert_eq!(s.title.text(Language::En), "Trust in Borlänge");
        assert_eq!(
            s.description.text(Language::Sv),
            "One text for every language"
        );
        let arm = &s.arms[0];
        assert_eq!(arm.label.text(Language::En), "Delegation with coaching");
        // A language left out falls back to the other one.
        assert_eq!(arm.description.text(Language::En), "Med coachning");
        assert_eq!(arm.events[0].label.text(Language::Sv), "reform");
        // An event without a label is named in both languages.
        let s = ok(&format!(
            "{MINIMAL}[[event]]\nat_year = 2\npreset = \"trust\"\n"
        ));
        assert_eq!(
            s.arms[0].events[0].label.text(Language::Sv),
            "byte till tillit"
        );
        assert_eq!(
            s.arms[0].events[0].label.text(Language::En),
            "switch to trust"
        );
        // The manifest writes a plain text as before and a table per language.
        let json = serde_json::to_value(&s.arms[0]).unwrap_or_default();
        assert!(json.get("label").is_none(), "{json}");
        let json = serde_json::to_value(ok(MINIMAL)).unwrap_or_default();
        assert_eq!(json["description"], "");
    }

    #[test]
    fn texts_per_language_are_checked() {
        let arm =
            |label: &str| format!("[[arm]]\nname = \"a\"\npreset = \"trust\"\nlabel = {label}\n");
        let shown = err(&arm(r#"{ sw = "Delegering" }"#)).to_string();
        assert!(
            shown.contains("test.toml:4:11: key `arm[1].label.sw`: unknown language `sw`")
                && shown.contains("did you mean `sv`?"),
            "{shown}"
        );
        let shown = err(&arm(r#"{ sv = "" }"#)).to_string();
        assert!(
            shown.contains("key `arm[1].label.sv`: the text is empty"),
            "{shown}"
        );
        let shown = err(&arm(r#"{ sv = 3 }"#)).to_string();
        assert!(
            shown.contains("key `arm[1].label.sv`: expected a text in quotes"),
            "{shown}"
        );
        let shown = err(&arm("{}")).to_string();
        assert!(shown.contains("no text in any language"), "{shown}");
        let shown = err(&format!("title = 3\n{MINIMAL}")).to_string();
        assert!(
            shown.contains("key `title`: expected a text in quotes, or one per language"),
            "{shown}"
        );
    }

    #[test]
    fn overrides_land_in_the_right_arm_in_order() {
        let s = ok(r#"
            name = "t"
            seed = 7
            replications = 3
            years = 5
            warmup_years = 0.5
            baseline = "b"
            stress.rise_days = 12
            [organisation]
            units = 4
            [[arm]]
            name = "a"
            preset = "trust"
            coaching_hours = 2.0
            [arm.stress]
            rise_days = 30
            [[arm]]
            name = "b"
            preset = "control"
            approval_threshold = 1
        "#);
        assert_eq!((s.seed, s.replications), (7, 3));
        assert_eq!((s.horizon_days, s.warmup_days), (1825, 183));
        assert_eq!(s.baseline, 1);
        let (a, b) = (&s.arms[0], &s.arms[1]);
        assert_eq!(a.params.organisation.units, 4);
        assert_eq!(b.params.organisation.units, 4);
        // The arm's own table wins over the scenario-wide one.
        assert_eq!(a.params.stress.rise_days, 30.0);
        assert_eq!(b.params.stress.rise_days, 12.0);
        // Preset first, then the arm's levers.
        let trust = Preset::Trust.steering();
        assert_eq!(a.params.steering.coaching_hours, 2.0);
        assert_eq!(a.params.steering.decision_latitude, trust.decision_latitude);
        assert_eq!(b.params.steering.approval_threshold, 1.0);
        assert_eq!(
            b.params.steering.coaching_hours,
            Preset::Control.steering().coaching_hours
        );
    }

    #[test]
    fn unknown_keys_get_suggestions() {
        let e = err(&format!(
            "{MINIMAL}coaching_hour = 2.0\n[stres]\nrise_days = 2\n"
        ));
        assert_eq!(e.kind(), ErrorKind::UnknownKey);
        let [lever, table] = e.diagnostics.as_slice() else {
            panic!("expected two problems:\n{e}");
        };
        assert_eq!(lever.key.as_deref(), Some("arm[1].coaching_hour"));
        assert_eq!(
            lever.help.as_deref(),
            Some("did you mean `coaching_hours`?")
        );
        assert_eq!((lever.line, lever.column), (Some(4), Some(1)));
        assert_eq!(table.key.as_deref(), Some("stres"));
        assert_eq!(table.help.as_deref(), Some("did you mean `stress`?"));
        assert_eq!((table.line, table.column), (Some(5), Some(2)));
        let shown = e.to_string();
        assert!(shown.contains("test.toml:4:1: key `arm[1].coaching_hour`: unknown key in arm `a` (did you mean `coaching_hours`?)"), "{shown}");
    }

    #[test]
    fn misplaced_keys_say_where_they_belong() {
        let e = err(&format!("units = 3\n{MINIMAL}rise_days = 3\n"));
        let helps: Vec<&str> = e
            .diagnostics
            .iter()
            .filter_map(|d| d.help.as_deref())
            .collect();
        assert_eq!(
            helps,
            [
                "`units` belongs in the `[organisation]` table",
                "`rise_days` belongs in a `[arm.stress]` table below this arm"
            ]
        );
        let e = err(&format!("[stress]\ncoaching_hours = 1\n{MINIMAL}"));
        assert!(e.to_string().contains("is a steering lever"), "{e}");
    }

    #[test]
    fn steering_table_at_top_level_is_refused() {
        let e = err(&format!("[steering]\ncoaching_hours = 2\n{MINIMAL}"));
        assert_eq!(e.kind(), ErrorKind::Invalid);
        assert_eq!(e.diagnostics.len(), 1);
        assert!(
            e.to_string()
                .contains("steering levers belong in an arm (`[[arm]]`) or an event")
        );
    }

    #[test]
    fn switches_are_true_or_false() {
        let on = ok(&format!(
            "{MINIMAL}[[arm]]\nname = \"team\"\npreset = \"trust\"\nintegrated_team = true\n"
        ));
        assert!(on.arms[1].params.steering.integrated_team);
        assert!(!on.arms[1].params.steering.named_person);
        let e = err(&format!(
            "{MINIMAL}[[arm]]\nname = \"team\"\npreset = \"trust\"\nnamed_person = 1\n"
        ));
        assert_eq!(e.kind(), ErrorKind::WrongType);
        let shown = e.to_string();
        assert!(shown.contains("named_person"), "{shown}");
        assert!(shown.contains("`true` or `false`"), "{shown}");
    }

    #[test]
    fn wrong_types_say_what_was_expected() {
        let e = err(&format!(
            "[organisation]\nunits = \"ten\"\nworkers_per_unit = 12.0\n{MINIMAL}[[arm]]\nname = \"b\"\npreset = 3\n"
        ));
        assert!(
            e.diagnostics.iter().all(|d| d.kind == ErrorKind::WrongType),
            "{e}"
        );
        let shown = e.to_string();
        assert!(shown.contains("test.toml:2:9: key `organisation.units`: expected a whole number, found the text \"ten\""), "{shown}");
        assert!(
            shown.contains("write it without a decimal point: `12`"),
            "{shown}"
        );
        assert!(shown.contains("key `arm[2].preset`: expected a text naming a preset (control, trust, trust_without_support or hybrid), found the whole number `3`"), "{shown}");
    }

    #[test]
    fn out_of_range_values_give_the_allowed_range() {
        let e = err(&format!("{MINIMAL}[arm.stress]\nrise_days = -2\n"));
        assert_eq!(e.kind(), ErrorKind::OutOfRange);
        assert_eq!(
            e.to_string(),
            "test.toml:5:13: key `arm[1].stress.rise_days`: -2 is out of range: allowed 1 ..= 365 (days)"
        );
        let e = err(&format!(
            "replications = 0\nyears = 0\nseed = -1\n{MINIMAL}"
        ));
        let messages: Vec<&str> = e.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "0 is out of range: allowed 1 ..= 100000 (runs per arm)",
                "0 is out of range: allowed more than 0, at most 100 (years)",
                "-1 is out of range: allowed 0 ..= 18446744073709551615 (whole number)",
            ]
        );
    }

    #[test]
    fn malformed_toml_gives_the_line() {
        let e = err("name = \"x\"\nseed = 1\nyears = \n");
        assert_eq!(e.kind(), ErrorKind::Syntax);
        let d = &e.diagnostics[0];
        assert_eq!(d.line, Some(3));
        let shown = e.to_string();
        assert!(shown.starts_with("test.toml:3:"), "{shown}");
        assert!(shown.contains("invalid TOML"), "{shown}");
        // One paragraph per problem, not the parser's multi-line rendering.
        assert_eq!(shown.lines().count(), e.diagnostics.len(), "{shown}");
        let e = err("years = \nseed = 1\n[[arm]\n");
        assert!(e.diagnostics.iter().all(|d| d.kind == ErrorKind::Syntax));
        assert!(e.diagnostics.len() >= 2, "{e}");
    }

    #[test]
    fn empty_files_are_their_own_kind() {
        for text in ["", "   \n\n", "# only a comment\n  # and another\n"] {
            let e = err(text);
            assert_eq!(e.kind(), ErrorKind::Empty);
            assert!(
                e.to_string()
                    .starts_with("scenario file `test.toml` is empty")
            );
            assert!(e.to_string().contains("tillit init"));
        }
    }

    #[test]
    fn arms_need_a_name_and_a_preset() {
        let e = err("[[arm]]\nname = \"a\"\n[[arm]]\npreset = \"trust\"\n");
        let keys: Vec<&str> = e
            .diagnostics
            .iter()
            .filter_map(|d| d.key.as_deref())
            .collect();
        assert_eq!(keys, ["arm[1].preset", "arm[2].name"]);
        assert!(e.diagnostics.iter().all(|d| d.kind == ErrorKind::Invalid));
        assert!(
            e.to_string()
                .contains("test.toml:1:1: key `arm[1].preset`: arm `a` has no `preset`")
        );
        let e = err(&MINIMAL.replace("control", "contrl"));
        assert_eq!(e.kind(), ErrorKind::Invalid);
        assert!(
            e.to_string()
                .contains("unknown preset `contrl` (did you mean `control`?)")
        );
        let e = err("name = \"no arms\"\n");
        assert_eq!(
            e.to_string(),
            "test.toml: the scenario has no arms\n    help: add at least one `[[arm]]` with a `name` and a `preset`; see `tillit init`"
        );
    }

    #[test]
    fn arm_names_are_unique_and_references_exist() {
        let e = err(&format!("baseline = \"c\"\n{MINIMAL}{MINIMAL}"));
        let shown = e.to_string();
        assert!(
            shown.contains(
                "test.toml:1:12: key `baseline`: the baseline `c` is not the name of an arm"
            ),
            "{shown}"
        );
        assert!(shown.contains("test.toml:6:8: key `arm[2].name`: the arm name `a` is used twice\n    help: it is first used on line 3"), "{shown}");
        let e = err(&format!(
            "{MINIMAL}[[event]]\nat_day = 10\narms = [\"b\"]\n"
        ));
        assert!(
            e.to_string()
                .contains("key `event[1].arms[1]`: the event's arm `b` is not the name of an arm"),
            "{e}"
        );
    }

    #[test]
    fn warmup_must_be_shorter_than_the_run() {
        let e = err(&format!("years = 3\nwarmup_years = 3\n{MINIMAL}"));
        assert_eq!(e.kind(), ErrorKind::Invalid);
        assert_eq!(e.diagnostics[0].key.as_deref(), Some("warmup_years"));
        let e = err(&format!("years = 1\n{MINIMAL}"));
        assert!(e.to_string().contains("default warm-up of 2 years"), "{e}");
        let s = ok(&format!("years = 1\nwarmup_years = 0\n{MINIMAL}"));
        assert_eq!((s.horizon_days, s.warmup_days), (365, 0));
    }

    #[test]
    fn events_resolve_to_both_trigger_kinds() {
        let s = ok(r#"
            [[arm]]
            name = "control"
            preset = "control"
            [[arm]]
            name = "reform"
            preset = "control"
            coaching_hours = 3.0
            [[event]]
            label = "trust reform"
            arms = ["reform"]
            at_year = 3
            preset = "trust"
            decision_latitude = 0.9
            [[event]]
            after_scandals = 2
            preset = "control"
            [[event]]
            at_day = 100
        "#);
        let (control, reform) = (&s.arms[0], &s.arms[1]);
        assert_eq!(control.events.len(), 2);
        assert_eq!(reform.events.len(), 3);
        let e = &reform.events[0];
        assert_eq!(e.label.text(Language::En), "trust reform");
        assert_eq!(e.trigger, Trigger::AtDay(1095));
        assert_eq!(e.steering.decision_latitude, 0.9);
        assert_eq!(
            e.steering.coaching_hours,
            Preset::Trust.steering().coaching_hours
        );
        let e = &reform.events[1];
        assert_eq!(e.label.text(Language::En), "switch to control");
        assert_eq!(
            e.trigger,
            Trigger::Scandals {
                count: 2,
                window_days: 365
            }
        );
        assert_eq!(e.steering, Preset::Control.steering());
        // Without a preset, the arm's own levers are the base.
        let e = &reform.events[2];
        assert_eq!(e.label.text(Language::En), "event 3");
        assert_eq!(e.trigger, Trigger::AtDay(100));
        assert_eq!(e.steering, reform.params.steering);
        assert_eq!(e.steering.coaching_hours, 3.0);
        assert_eq!(
            control.events[0].label.text(Language::En),
            "switch to control"
        );
    }

    #[test]
    fn events_need_exactly_one_trigger_in_the_run() {
        let e = err(&format!(
            "{MINIMAL}[[event]]\npreset = \"trust\"\n[[event]]\nat_year = 1\nafter_scandals = 2\n[[event]]\nat_year = 10\n[[event]]\nat_day = 1\nwithin_days = 30\n"
        ));
        let keys: Vec<&str> = e
            .diagnostics
            .iter()
            .filter_map(|d| d.key.as_deref())
            .collect();
        assert_eq!(
            keys,
            [
                "event[1]",
                "event[2].after_scandals",
                "event[3].at_year",
                "event[4].within_days"
            ],
            "{e}"
        );
    }

    #[test]
    fn many_problems_are_reported_together_in_file_order() {
        let e = err(r#"
            replications = "many"
            [demand]
            severity_mean = 2
            [[arm]]
            name = "a"
            preset = "trust"
            blame_cultur = 1
            [[arm]]
            name = "a"
            preset = "nope"
        "#);
        let kinds: Vec<ErrorKind> = e.diagnostics.iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            [
                ErrorKind::WrongType,
                ErrorKind::OutOfRange,
                ErrorKind::UnknownKey,
                ErrorKind::Invalid,
                ErrorKind::Invalid
            ],
            "{e}"
        );
        let lines: Vec<usize> = e.diagnostics.iter().filter_map(|d| d.line).collect();
        assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
        // One paragraph each: a first line, perhaps an indented help line.
        let paragraphs = e
            .to_string()
            .lines()
            .filter(|l| !l.starts_with(' '))
            .count();
        assert_eq!(paragraphs, 5, "{e}");
    }

    #[test]
    fn no_input_panics() {
        // Every prefix of the template, and a few hostile texts.
        let template = crate::scenario::TEMPLATE;
        for end in (0..=template.len()).filter(|i| template.is_char_boundary(*i)) {
            let _ = from_str(&template[..end], "t.toml");
        }
        for text in [
            "arm = 1",
            "arm = [1, \"x\", []]",
            "event = {}",
            "[[event]]\narms = [1]\nat_day = 99999999999999999999999",
            "seed = 0xffffffffffffffffffff",
            "years = nan\n[[arm]]\nname=\"a\"\npreset=\"trust\"",
            "years = inf",
            "years = 1e308",
            "[arm]\nname = \"a\"",
            "\u{feff}name = \"bom\"",
            "[organisation]\nunits = 1979-05-27",
            "[[arm]]\nname = \"\"\npreset = \"trust\"\n[[arm.stress]]\nrise_days = 1",
        ] {
            let shown = match from_str(text, "t.toml") {
                Ok(_) => String::new(),
                Err(e) => e.to_string(),
            };
            assert!(!shown.contains("panicked"));
        }
    }

    /// Every file in `scenarios/`, and the embedded ones, parse.
    #[test]
    fn every_shipped_scenario_parses() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let mut count = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                if let Err(e) = load(&path) {
                    panic!("{e}");
                }
                count += 1;
            }
        }
        assert!(
            count >= 5,
            "found only {count} scenarios in {}",
            dir.display()
        );
        let default = ok(crate::scenario::DEFAULT_SCENARIO);
        assert_eq!(default.name, "Control versus trust");
        let names: Vec<&str> = default.arms.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["control", "trust"]);
        assert_eq!(default.baseline, 0);
        assert_eq!(
            (
                default.replications,
                default.horizon_days,
                default.warmup_days
            ),
            (20, 3650, 730)
        );
        ok(crate::scenario::TEMPLATE);
    }

    #[test]
    fn shipped_scenarios_say_what_their_names_promise() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let borlange = load(&dir.join("borlange.toml")).unwrap();
        let presets: Vec<Preset> = borlange.arms.iter().map(|a| a.preset).collect();
        assert_eq!(
            presets,
            [Preset::Control, Preset::Trust, Preset::TrustWithoutSupport]
        );
        assert!(
            borlange
                .arms
                .iter()
                .all(|a| a.params.demand.severity_mean > 0.35)
        );
        let reform = load(&dir.join("reform.toml")).unwrap();
        assert!(reform.arms[0].events.is_empty());
        assert_eq!(reform.arms[1].events[0].trigger, Trigger::AtDay(3 * 365));
        assert_eq!(reform.arms[1].events[0].steering, Preset::Trust.steering());
        let spiral = load(&dir.join("control-spiral.toml")).unwrap();
        let backlash = &spiral.arms[2];
        assert_eq!(
            backlash.events[0].trigger,
            Trigger::Scandals {
                count: 2,
                window_days: 365
            }
        );
        assert_eq!(backlash.events[0].steering, Preset::Control.steering());
        let falun = load(&dir.join("falun.toml")).unwrap();
        let pathway: Vec<(bool, bool)> = falun
            .arms
            .iter()
            .map(|a| {
                (
                    a.params.steering.integrated_team,
                    a.params.steering.named_person,
                )
            })
            .collect();
        assert_eq!(pathway, [(false, false), (true, true), (true, false)]);
    }

    fn bad(name: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/bad")
            .join(name);
        match load(&path) {
            Ok(_) => panic!("{name} should not parse"),
            Err(e) => {
                assert!(!e.to_string().contains("panicked"));
                e.to_string()
            }
        }
    }

    #[test]
    fn bad_fixtures_render_clear_messages() {
        let shown = bad("malformed.toml");
        assert!(shown.contains("malformed.toml:5:"), "{shown}");
        assert!(shown.contains("invalid TOML"), "{shown}");

        let shown = bad("unknown_key.toml");
        assert!(
            shown.contains("unknown_key.toml:8:1: key `arm[1].coaching_hour`"),
            "{shown}"
        );
        assert!(
            shown.contains("(did you mean `coaching_hours`?)"),
            "{shown}"
        );

        let shown = bad("wrong_type.toml");
        assert!(shown.contains("wrong_type.toml:4:9: key `organisation.units`: expected a whole number, found the text \"ten\""), "{shown}");

        let shown = bad("out_of_range.toml");
        assert!(shown.contains("out_of_range.toml:9:13: key `arm[1].stress.rise_days`: -2 is out of range: allowed 1 ..= 365 (days)"), "{shown}");

        let shown = bad("empty.toml");
        assert!(shown.starts_with("scenario file `"), "{shown}");
        assert!(shown.contains("empty.toml` is empty"), "{shown}");

        let shown = bad("no_arms.toml");
        assert!(
            shown.contains("no_arms.toml: the scenario has no arms"),
            "{shown}"
        );

        let shown = bad("unknown_preset.toml");
        assert!(shown.contains("unknown_preset.toml:6:10: key `arm[1].preset`: unknown preset `trusted` (did you mean `trust`?)"), "{shown}");

        let shown = bad("does_not_exist.toml");
        assert!(shown.starts_with("cannot read scenario file `"), "{shown}");
        assert!(shown.contains("does_not_exist.toml`: "), "{shown}");
    }
}
