//! Reading the `[robustness]` and `[uncertainty]` tables of a scenario file.
//!
//! Both are optional: a scenario without them is studied over every
//! assumption's plausible range ([`crate::model::plausible`]) with the
//! defaults below. Like the sweep tables, they are read from the same text
//! after the scenario has resolved, walking the TOML by hand so that every
//! problem is a [`Diagnostic`] with line, column and key.

use std::path::Path;

use toml::de::{DeTable, DeValue};

use super::history::Measure;
use super::prim::{Objective, PrimOptions};
use crate::model::params::{PARAMETERS, ParamSpec, fmt_num};
use crate::model::plausible::Role;
use crate::outcome::{OUTCOMES, Outcome};
use crate::scenario::check::{Check, Value};
use crate::scenario::parse::{suggest, syntax_diagnostic};
use crate::scenario::{Diagnostic, ErrorKind, Scenario, ScenarioError};

/// Worlds drawn when neither the file nor `--worlds` says.
pub const DEFAULT_WORLDS: u32 = 100;
/// Replications per world and arm by default.
pub const DEFAULT_REPLICATIONS: u32 = 3;
/// The implausibility cut-off by default: Pukelsheim's (1994) three-sigma
/// rule, as in Vernon, Goldstein & Bower (2010).
pub const DEFAULT_CUTOFF: f64 = 3.0;
/// Most worlds a study may draw.
pub const MAX_WORLDS: u32 = 1_000_000;

/// The outcomes summarised on the terminal and searched by PRIM by default.
pub const DEFAULT_OUTCOMES: [Outcome; 8] = [
    Outcome::WorkerTurnover,
    Outcome::SickLeaveShare,
    Outcome::LongSickSpells,
    Outcome::MeanStress,
    Outcome::InvestigationsOverdue,
    Outcome::DecisionErrorRate,
    Outcome::SeriousEvents,
    Outcome::TimeDirect,
];

const ROBUSTNESS_KEYS: &[&str] = &[
    "worlds",
    "waves",
    "replications",
    "seed",
    "cutoff",
    "measure",
    "outcomes",
    "peel_alpha",
    "paste_alpha",
    "min_mass",
    "min_coverage",
    "objective",
];
const UNCERTAINTY_KEYS: &[&str] = &["parameters", "fix", "range"];
const MEASURES: &[&str] = &["max", "second_max"];
const OBJECTIVES: &[&str] = &["original", "lenient1"];

/// A parameter varied across worlds (in every arm), with its range.
#[derive(Clone, Copy, Debug)]
pub struct Uncertain {
    /// The registry row.
    pub param: &'static ParamSpec,
    /// Lower end (inclusive).
    pub low: f64,
    /// Upper end (inclusive).
    pub high: f64,
}

/// A robustness study, resolved.
#[derive(Clone, Debug)]
pub struct RobustnessSpec {
    /// The scenario at its own values.
    pub scenario: Scenario,
    /// The scenario file's text.
    pub source: String,
    /// The uncertain parameters, in registry order.
    pub uncertain: Vec<Uncertain>,
    /// Worlds to draw in each wave.
    pub worlds: u32,
    /// Waves of history matching: 1, or 2 (a second wave of `worlds`
    /// worlds drawn inside the box of the worlds the first kept).
    pub waves: u32,
    /// Replications per world and arm (stage 1 and stage 2).
    pub replications: u32,
    /// Seed of the design.
    pub seed: u64,
    /// Worlds whose implausibility exceeds it are ruled out.
    pub cutoff: f64,
    /// How the patterns' implausibilities combine.
    pub measure: Measure,
    /// Outcomes summarised on the terminal and searched by PRIM.
    pub outcomes: Vec<Outcome>,
    /// PRIM's settings.
    pub prim: PrimOptions,
    /// The PRIM box shown is the densest with at least this coverage.
    pub min_coverage: f64,
}

/// Reads a scenario file and its `[robustness]` and `[uncertainty]` tables.
pub fn load(path: &Path) -> Result<RobustnessSpec, ScenarioError> {
    let origin = path.display().to_string();
    // The scenario parser reports unreadable or non-UTF-8 files.
    let scenario = crate::scenario::load(path)?;
    let text = std::fs::read_to_string(path).map_err(|e| {
        ScenarioError::new(
            &origin,
            vec![Diagnostic::new(
                ErrorKind::Io,
                format!("cannot read scenario file `{origin}`: {e}"),
            )],
        )
    })?;
    parse(scenario, &text, &origin)
}

/// Parses the scenario and its robustness tables from text.
pub fn from_str(text: &str, origin: &str) -> Result<RobustnessSpec, ScenarioError> {
    let scenario = crate::scenario::from_str(text, origin)?;
    parse(scenario, text, origin)
}

fn parse(scenario: Scenario, text: &str, origin: &str) -> Result<RobustnessSpec, ScenarioError> {
    let (root, errors) = DeTable::parse_recoverable(text);
    if let Some(error) = errors.first() {
        return Err(ScenarioError::new(
            origin,
            vec![syntax_diagnostic(text, error)],
        ));
    }
    let root = root.into_inner();
    let mut c = Checker {
        text,
        diagnostics: Vec::new(),
    };
    let robustness = c.table(&root, "robustness");
    let uncertainty = c.table(&root, "uncertainty");
    let empty = DeTable::new();
    let spec = c.spec(
        scenario,
        text,
        robustness.unwrap_or(&empty),
        uncertainty.unwrap_or(&empty),
    );
    if c.diagnostics.is_empty() {
        Ok(spec)
    } else {
        Err(ScenarioError::new(origin, c.diagnostics))
    }
}

struct Checker<'t> {
    text: &'t str,
    diagnostics: Vec<Diagnostic>,
}

impl Check for Checker<'_> {
    fn text_and_problems(&mut self) -> (&str, &mut Vec<Diagnostic>) {
        (self.text, &mut self.diagnostics)
    }
}

impl<'t> Checker<'t> {
    fn table<'a>(&mut self, root: &'a DeTable<'t>, name: &str) -> Option<&'a DeTable<'t>> {
        match root.get(name).map(|v| (v, v.get_ref())) {
            Some((_, DeValue::Table(t))) => Some(t),
            Some((v, _)) => {
                self.wrong_type(v, name, &format!("a table (a `[{name}]` section)"));
                None
            }
            None => None,
        }
    }

    fn unknown_keys(&mut self, table: &DeTable, section: &str, allowed: &[&str]) {
        for (key, _) in table.iter() {
            let name: &str = key.get_ref();
            if !allowed.contains(&name) {
                let (at, path) = (key.span().start, format!("{section}.{name}"));
                self.unknown_key(at, &path, name, &format!("[{section}]"), allowed);
            }
        }
    }

    /// A number in `low ..= high`.
    fn real(&mut self, value: &Value, key: &str, low: f64, high: f64) -> Option<f64> {
        let x = self.number(value, key, None)?;
        if !(low..=high).contains(&x) {
            let message = format!(
                "{} is out of range: allowed {} ..= {}",
                fmt_num(x),
                fmt_num(low),
                fmt_num(high)
            );
            self.push(
                ErrorKind::OutOfRange,
                value.span().start,
                key,
                message,
                None,
            );
            return None;
        }
        Some(x)
    }

    /// A list of texts, each with its position.
    fn strings(&mut self, value: &Value, key: &str) -> Vec<(String, usize)> {
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(value, key, "a list of texts in quotes");
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::String(s) => out.push((s.to_string(), item.span().start)),
                _ => self.wrong_type(item, &format!("{key}[{}]", i + 1), "a text in quotes"),
            }
        }
        out
    }

    fn spec(
        &mut self,
        scenario: Scenario,
        text: &str,
        robustness: &DeTable,
        uncertainty: &DeTable,
    ) -> RobustnessSpec {
        self.unknown_keys(robustness, "robustness", ROBUSTNESS_KEYS);
        self.unknown_keys(uncertainty, "uncertainty", UNCERTAINTY_KEYS);
        let get = |k: &str| robustness.get(k);
        let worlds = get("worlds")
            .and_then(|v| self.whole_in(v, "robustness.worlds", 1, i128::from(MAX_WORLDS)))
            .map_or(DEFAULT_WORLDS, |n| n as u32);
        let waves = get("waves")
            .and_then(|v| self.whole_in(v, "robustness.waves", 1, 2))
            .map_or(1, |n| n as u32);
        let replications = get("replications")
            .and_then(|v| self.whole_in(v, "robustness.replications", 1, 100_000))
            .map_or(DEFAULT_REPLICATIONS, |n| n as u32);
        let seed = get("seed")
            .and_then(|v| self.whole_in(v, "robustness.seed", 0, i128::from(u64::MAX)))
            .map_or(scenario.seed, |n| n as u64);
        let cutoff = get("cutoff")
            .and_then(|v| self.real(v, "robustness.cutoff", 0.0, 1e6))
            .unwrap_or(DEFAULT_CUTOFF);
        let measure =
            match get("measure").and_then(|v| self.choice(v, "robustness.measure", MEASURES)) {
                Some("second_max") => Measure::SecondMax,
                _ => Measure::Max,
            };
        let objective = match get("objective")
            .and_then(|v| self.choice(v, "robustness.objective", OBJECTIVES))
        {
            Some("lenient1") => Objective::Lenient1,
            _ => Objective::Original,
        };
        let alpha = get("peel_alpha")
            .and_then(|v| self.real(v, "robustness.peel_alpha", 0.001, 0.5))
            .unwrap_or(0.05);
        let paste_alpha = get("paste_alpha")
            .and_then(|v| self.real(v, "robustness.paste_alpha", 0.001, 0.5))
            .unwrap_or(0.05);
        let min_mass = get("min_mass")
            .and_then(|v| self.real(v, "robustness.min_mass", 0.001, 0.999))
            .unwrap_or(0.05);
        let min_coverage = get("min_coverage")
            .and_then(|v| self.real(v, "robustness.min_coverage", 0.0, 1.0))
            .unwrap_or(0.5);
        let outcomes = match get("outcomes") {
            None => DEFAULT_OUTCOMES.to_vec(),
            Some(v) => {
                let mut out = Vec::new();
                for (name, at) in self.strings(v, "robustness.outcomes") {
                    match OUTCOMES.iter().position(|o| o.name == name) {
                        Some(i) => out.push(crate::outcome::Outcome::ALL[i]),
                        None => {
                            let help = suggest(&name, OUTCOMES.iter().map(|o| o.name))
                                .map(|s| format!("did you mean `{s}`?"));
                            self.push(
                                ErrorKind::Invalid,
                                at,
                                "robustness.outcomes",
                                format!("unknown outcome `{name}`"),
                                help,
                            );
                        }
                    }
                }
                out
            }
        };
        let uncertain = self.uncertain(uncertainty);
        RobustnessSpec {
            scenario,
            source: text.to_owned(),
            uncertain,
            worlds,
            waves,
            replications,
            seed,
            cutoff,
            measure,
            outcomes,
            prim: PrimOptions {
                alpha,
                paste_alpha,
                min_mass,
                objective,
            },
            min_coverage,
        }
    }

    /// The uncertain parameters: `parameters` (every assumption by default),
    /// plus the parameters given a range, less those fixed.
    fn uncertain(&mut self, table: &DeTable) -> Vec<Uncertain> {
        let mut chosen: Vec<&'static ParamSpec> = match table.get("parameters") {
            None => PARAMETERS
                .iter()
                .filter(|p| p.plausible().is_some_and(|q| q.role == Role::Assumed))
                .collect(),
            Some(v) if matches!(v.get_ref(), DeValue::String(_)) => {
                self.choice(v, "uncertainty.parameters", &["assumptions"]);
                PARAMETERS
                    .iter()
                    .filter(|p| p.plausible().is_some_and(|q| q.role == Role::Assumed))
                    .collect()
            }
            Some(v) => {
                let mut out: Vec<&'static ParamSpec> = Vec::new();
                for (name, at) in self.strings(v, "uncertainty.parameters") {
                    if let Some(p) = self.parameter(&name, at, "uncertainty.parameters") {
                        if out.iter().any(|q| std::ptr::eq(*q, p)) {
                            self.push(
                                ErrorKind::Invalid,
                                at,
                                "uncertainty.parameters",
                                format!("`{name}` is listed twice"),
                                None,
                            );
                        }
                        out.push(p);
                    }
                }
                out
            }
        };
        // Explicit ranges: narrow, widen, or make a fixed parameter uncertain.
        let mut ranges: Vec<(&'static ParamSpec, f64, f64)> = Vec::new();
        match table.get("range").map(|v| (v, v.get_ref())) {
            None => {}
            Some((_, DeValue::Table(t))) => {
                for (k, v) in t.iter() {
                    let name: &str = k.get_ref();
                    let key = format!("uncertainty.range.{name}");
                    let Some(p) = self.parameter(name, k.span().start, &key) else {
                        continue;
                    };
                    if let Some((low, high)) = self.pair(p, v, &key) {
                        ranges.push((p, low, high));
                    }
                }
            }
            Some((v, _)) => self.wrong_type(
                v,
                "uncertainty.range",
                "a table of `\"group.name\" = [low, high]`",
            ),
        }
        for (p, _, _) in &ranges {
            if !chosen.iter().any(|q| std::ptr::eq(*q, *p)) {
                chosen.push(p);
            }
        }
        if let Some(v) = table.get("fix") {
            for (name, at) in self.strings(v, "uncertainty.fix") {
                let Some(p) = self.parameter(&name, at, "uncertainty.fix") else {
                    continue;
                };
                if ranges.iter().any(|(q, _, _)| std::ptr::eq(*q, p)) {
                    self.push(
                        ErrorKind::Invalid,
                        at,
                        "uncertainty.fix",
                        format!("`{name}` is both fixed and given a range"),
                        Some("keep one of the two".to_owned()),
                    );
                } else if !chosen.iter().any(|q| std::ptr::eq(*q, p)) {
                    self.push(
                        ErrorKind::Invalid,
                        at,
                        "uncertainty.fix",
                        format!("`{name}` is not uncertain here, so there is nothing to fix"),
                        None,
                    );
                }
                chosen.retain(|q| !std::ptr::eq(*q, p));
            }
        }
        // Registry order, whatever the order in the file.
        let mut out = Vec::new();
        for p in PARAMETERS {
            if !chosen.iter().any(|q| std::ptr::eq(*q, p)) {
                continue;
            }
            let range = ranges
                .iter()
                .find(|(q, _, _)| std::ptr::eq(*q, p))
                .map(|&(_, l, h)| (l, h))
                .or_else(|| p.plausible().and_then(|q| q.range));
            match range {
                Some((low, high)) => out.push(Uncertain {
                    param: p,
                    low,
                    high,
                }),
                None => {
                    let at = table.get("parameters").map_or(0, |v| v.span().start);
                    self.push(
                        ErrorKind::Invalid,
                        at,
                        "uncertainty.parameters",
                        format!("`{}` is a scenario choice with no plausible range", p.key()),
                        Some(format!(
                            "give it one in `[uncertainty.range]`, e.g. `\"{}\" = [low, high]`",
                            p.key()
                        )),
                    );
                }
            }
        }
        if out.is_empty() && self.diagnostics.is_empty() {
            self.diagnostics.push(
                Diagnostic::new(ErrorKind::Invalid, "no parameter is uncertain")
                    .with_key("uncertainty")
                    .with_help("name at least one parameter in `[uncertainty] parameters` or `[uncertainty.range]`"),
            );
        }
        out
    }

    /// `[low, high]` within the parameter's allowed range, low <= high.
    fn pair(&mut self, p: &ParamSpec, value: &Value, key: &str) -> Option<(f64, f64)> {
        let items = match value.get_ref() {
            DeValue::Array(items) if items.len() == 2 => items,
            _ => {
                self.wrong_type(value, key, "two numbers, `[low, high]`");
                return None;
            }
        };
        let mut ends = [0.0; 2];
        for (end, item) in ends.iter_mut().zip(items.iter()) {
            let x = self.real(item, key, f64::MIN, f64::MAX)?;
            if let Err(message) = p.check(x) {
                self.push(
                    ErrorKind::OutOfRange,
                    item.span().start,
                    key,
                    message,
                    Some(format!(
                        "`{}` allows {} ({})",
                        p.key(),
                        p.range_text(),
                        p.unit
                    )),
                );
                return None;
            }
            *end = x;
        }
        if ends[0] > ends[1] {
            self.push(
                ErrorKind::Invalid,
                value.span().start,
                key,
                format!(
                    "the range {} ..= {} is empty",
                    fmt_num(ends[0]),
                    fmt_num(ends[1])
                ),
                Some("write the lower end first".to_owned()),
            );
            return None;
        }
        Some((ends[0], ends[1]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "name = \"x\"\n[[arm]]\nname = \"control\"\npreset = \"control\"\n";

    #[test]
    fn every_assumption_is_uncertain_by_default_with_its_plausible_range() {
        let spec = from_str(BASE, "x.toml").unwrap();
        let expected: Vec<String> = crate::model::plausible::uncertain_by_default()
            .map(|(p, _)| p.key())
            .collect();
        let got: Vec<String> = spec.uncertain.iter().map(|u| u.param.key()).collect();
        assert_eq!(got, expected);
        for u in &spec.uncertain {
            assert_eq!(
                u.param.plausible().and_then(|p| p.range),
                Some((u.low, u.high))
            );
        }
        assert_eq!(
            (spec.worlds, spec.waves, spec.replications, spec.cutoff),
            (DEFAULT_WORLDS, 1, DEFAULT_REPLICATIONS, DEFAULT_CUTOFF)
        );
        assert_eq!(spec.measure, Measure::Max);
        assert_eq!(spec.outcomes, DEFAULT_OUTCOMES.to_vec());
        let named = from_str(
            &format!("{BASE}[uncertainty]\nparameters = \"assumptions\"\n"),
            "x.toml",
        )
        .unwrap();
        assert_eq!(named.uncertain.len(), expected.len());
    }

    #[test]
    fn ranges_narrow_widen_and_add_and_fix_removes_in_registry_order() {
        let text = format!(
            "{BASE}[uncertainty]\nparameters = [\"stress.rise_days\", \"demand.severity_mean\", \"stress.recovery_days\"]\n\
             fix = [\"stress.recovery_days\"]\n[uncertainty.range]\n\"stress.rise_days\" = [2, 40]\n\
             \"steering.coaching_hours\" = [0.5, 0.5]\n"
        );
        let spec = from_str(&text, "x.toml").unwrap();
        let got: Vec<(String, f64, f64)> = spec
            .uncertain
            .iter()
            .map(|u| (u.param.key(), u.low, u.high))
            .collect();
        let severity = Params::spec("demand", "severity_mean")
            .and_then(|p| p.plausible())
            .and_then(|p| p.range)
            .unwrap();
        assert_eq!(
            got,
            vec![
                ("demand.severity_mean".to_owned(), severity.0, severity.1),
                ("stress.rise_days".to_owned(), 2.0, 40.0),
                ("steering.coaching_hours".to_owned(), 0.5, 0.5),
            ]
        );
    }

    use crate::model::params::Params;
}
