//! Reading the `[sweep]` and `[sensitivity]` tables of a scenario file.
//!
//! The scenario parser skips these two tables; this module reads them from
//! the same text, after the scenario itself has resolved (factors name its
//! arms), in the same style: the TOML is walked by hand with the position of
//! every value, every problem becomes a [`Diagnostic`] with line, column and
//! key, and a misspelt key or parameter gets a "did you mean". Only
//! [`load_sweep`] and [`load_sensitivity`] touch the file system (the
//! scenario, and a table design's CSV file).

use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::model::params::{PARAMETERS, ParamKind, ParamSpec, fmt_num};
use crate::outcome::{OUTCOMES, Outcome};
use crate::scenario::check::{Check, Value, quoted_list};
use crate::scenario::parse::{suggest, syntax_diagnostic};
use crate::scenario::{Diagnostic, ErrorKind, Scenario, ScenarioError};

/// Most points a sweep or an analysis may have.
pub const MAX_POINTS: usize = 1_000_000;
/// Most factors of a sweep or an analysis.
pub const MAX_FACTORS: usize = 50;
/// Largest table design file, in bytes (about 100,000 points of ten
/// factors).
pub const MAX_TABLE_BYTES: u64 = 16 << 20;
/// Longest piece of a table design file shown in a message, in characters.
const SNIPPET_CHARS: usize = 40;
/// Most steps of a factorial range.
const MAX_STEPS: i128 = 10_000;
/// Default Morris trajectories.
const DEFAULT_TRAJECTORIES: u32 = 10;
/// Default Morris grid levels.
const DEFAULT_LEVELS: u32 = 4;
/// Default Sobol base samples.
const DEFAULT_SAMPLES: u32 = 64;
/// Default bootstrap resamples.
const DEFAULT_BOOTSTRAP: u32 = 500;
/// Default confidence of the intervals.
const DEFAULT_CONFIDENCE: f64 = 0.95;

const SWEEP_KEYS: &[&str] = &[
    "design",
    "points",
    "seed",
    "file",
    "replications",
    "streams",
    "factor",
];
const SWEEP_FACTOR_KEYS: &[&str] = &["key", "arm", "values", "from", "to", "steps"];
const SENSITIVITY_KEYS: &[&str] = &[
    "outcomes",
    "replications",
    "streams",
    "seed",
    "trajectories",
    "levels",
    "samples",
    "bootstrap",
    "confidence",
    "factor",
];
const SENSITIVITY_FACTOR_KEYS: &[&str] = &["key", "arm", "from", "to"];
const DESIGNS: &[&str] = &["factorial", "latin_hypercube", "table"];
const STREAMS: &[&str] = &["common", "independent"];

/// A parameter varied by a sweep, in every arm or in one.
#[derive(Clone, Debug)]
pub struct Factor {
    /// The registry row of the parameter.
    pub param: &'static ParamSpec,
    /// The arm it applies to; `None` for every arm.
    pub arm: Option<String>,
}

impl PartialEq for Factor {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.param, other.param) && self.arm == other.arm
    }
}

impl Factor {
    /// The factor's column name: `group.name`, or `group.name@arm` when it
    /// applies to one arm only.
    pub fn label(&self) -> String {
        match &self.arm {
            None => self.param.key(),
            Some(arm) => format!("{}@{arm}", self.param.key()),
        }
    }

    /// Reads a label back (the inverse of [`Factor::label`]); `None` when the
    /// key is not in the registry.
    pub fn from_label(label: &str) -> Option<Factor> {
        let (key, arm) = match label.split_once('@') {
            Some((key, arm)) => (key, Some(arm.to_owned())),
            None => (label, None),
        };
        let param = PARAMETERS.iter().find(|p| p.key() == key)?;
        Some(Factor { param, arm })
    }
}

/// How random streams relate across points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Streams {
    /// Replication r of every point sees the same exogenous draws (common
    /// random numbers): the scenario's own seed at every point.
    Common,
    /// Every point has its own seed, derived from the scenario's seed and
    /// the point index.
    Independent,
}

impl Streams {
    /// The name used in files: `common` or `independent`.
    pub fn name(self) -> &'static str {
        match self {
            Streams::Common => "common",
            Streams::Independent => "independent",
        }
    }
}

/// The values a factor takes in a full factorial or Latin hypercube design.
#[derive(Clone, Debug, PartialEq)]
pub enum Levels {
    /// Listed values (a factorial's `values`, or `from`/`to`/`steps`
    /// expanded).
    List(Vec<f64>),
    /// A continuous range, for a Latin hypercube.
    Range {
        /// Lower end.
        from: f64,
        /// Upper end.
        to: f64,
    },
    /// Values come from the table file.
    Table,
}

/// How the points of a sweep are chosen.
#[derive(Clone, Debug, PartialEq)]
pub enum Design {
    /// Every combination of every factor's values; the first factor varies
    /// slowest.
    Factorial,
    /// `points` points, each factor's range cut into `points` equal strata
    /// with one point in each, strata paired at random.
    LatinHypercube {
        /// Number of points.
        points: u32,
        /// Seed of the design's own generator.
        seed: u64,
    },
    /// The rows of a CSV file, one point per row.
    Table {
        /// The file, as written in the scenario (relative to it).
        file: PathBuf,
        /// The values, one row per point, one column per factor.
        rows: Vec<Vec<f64>>,
    },
}

/// A `[sweep]`: which points, how many replications, which streams.
#[derive(Clone, Debug)]
pub struct SweepSpec {
    /// The scenario the sweep varies.
    pub scenario: Scenario,
    /// The scenario file's text, kept so that a results folder can replay it.
    pub source: String,
    /// The factors, in file order, with their levels.
    pub factors: Vec<(Factor, Levels)>,
    /// The design.
    pub design: Design,
    /// Replications per point.
    pub replications: u32,
    /// Common or independent random numbers across points.
    pub streams: Streams,
}

/// A factor of a sensitivity analysis: its range.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeFactor {
    /// The parameter and arm.
    pub factor: Factor,
    /// Lower end.
    pub from: f64,
    /// Upper end.
    pub to: f64,
}

/// A `[sensitivity]` table.
#[derive(Clone, Debug)]
pub struct SensitivitySpec {
    /// The scenario analysed.
    pub scenario: Scenario,
    /// The scenario file's text.
    pub source: String,
    /// The factors with their ranges.
    pub factors: Vec<RangeFactor>,
    /// The outcomes analysed.
    pub outcomes: Vec<Outcome>,
    /// Replications per design point (the response is their mean).
    pub replications: u32,
    /// Common or independent random numbers across points.
    pub streams: Streams,
    /// Seed of the design and of the bootstrap.
    pub seed: u64,
    /// Morris: trajectories.
    pub trajectories: u32,
    /// Morris: grid levels.
    pub levels: u32,
    /// Sobol: base samples `n` (the design has `n (k + 2)` points).
    pub samples: u32,
    /// Bootstrap resamples for the intervals.
    pub bootstrap: u32,
    /// Confidence of the intervals.
    pub confidence: f64,
}

/// Reads a scenario file with a `[sweep]` table.
pub fn load_sweep(path: &Path) -> Result<SweepSpec, ScenarioError> {
    load_sweep_with(path, &Overrides::default())
}

/// Reads a scenario file with a `[sweep]` table, with values from the
/// command line in place of the file's.
pub fn load_sweep_with(path: &Path, overrides: &Overrides) -> Result<SweepSpec, ScenarioError> {
    let (text, origin) = read(path)?;
    let base = path.parent().unwrap_or(Path::new("."));
    parse_sweep(&text, &origin, Some(base), overrides)
}

/// Reads a scenario file with a `[sensitivity]` table.
pub fn load_sensitivity(path: &Path) -> Result<SensitivitySpec, ScenarioError> {
    load_sensitivity_with(path, &Overrides::default())
}

/// Reads a scenario file with a `[sensitivity]` table, with values from the
/// command line in place of the file's.
pub fn load_sensitivity_with(
    path: &Path,
    overrides: &Overrides,
) -> Result<SensitivitySpec, ScenarioError> {
    let (text, origin) = read(path)?;
    parse_sensitivity(&text, &origin, overrides)
}

/// Values given on the command line (`--seed`, `--reps`) that replace the
/// file's. The seed replaces the scenario's `seed`, as if written at the top
/// of the file, so a design seed that the file leaves out follows it; the
/// replications replace those of the `[sweep]` or `[sensitivity]` table.
/// Both enter the plan's hash, so a resumed folder must be given the same.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    /// The master seed.
    pub seed: Option<u64>,
    /// Replications per point.
    pub replications: Option<u32>,
}

impl Overrides {
    fn scenario(&self, text: &str, origin: &str) -> Result<Scenario, ScenarioError> {
        let mut scenario = crate::scenario::from_str(text, origin)?;
        if let Some(seed) = self.seed {
            scenario.seed = seed;
        }
        Ok(scenario)
    }
}

/// Whether the scenario text has a top-level table `name` (`sweep` or
/// `sensitivity`); false for text that is not valid TOML.
pub fn has_table(text: &str, name: &str) -> bool {
    let (root, errors) = DeTable::parse_recoverable(text);
    errors.is_empty() && root.get_ref().contains_key(name)
}

fn read(path: &Path) -> Result<(String, String), ScenarioError> {
    let origin = path.display().to_string();
    let bytes =
        crate::scenario::read_bounded(path, crate::scenario::MAX_SCENARIO_BYTES).map_err(|e| {
            ScenarioError::new(
                &origin,
                vec![Diagnostic::new(
                    ErrorKind::Io,
                    format!("cannot read scenario file `{origin}`: {e}"),
                )],
            )
        })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, origin)),
        // The scenario parser reports it with its position.
        Err(_) => crate::scenario::load(path).map(|_| (String::new(), origin.clone())),
    }
}

/// Parses the scenario and its `[sweep]` table from text. A table design's
/// file is read relative to `base` (no file may be read when it is `None`).
pub fn sweep_from_str(
    text: &str,
    origin: &str,
    base: Option<&Path>,
) -> Result<SweepSpec, ScenarioError> {
    parse_sweep(text, origin, base, &Overrides::default())
}

fn parse_sweep(
    text: &str,
    origin: &str,
    base: Option<&Path>,
    overrides: &Overrides,
) -> Result<SweepSpec, ScenarioError> {
    let scenario = overrides.scenario(text, origin)?;
    let root = root(text, origin)?;
    let mut c = Checker::new(text, &scenario);
    let Some(table) = c.section(&root, "sweep") else {
        return Err(c.fail(origin));
    };
    let spec = c.sweep(table, &scenario, base);
    match spec {
        Some(mut spec) if c.diagnostics.is_empty() => {
            if let Some(reps) = overrides.replications {
                spec.replications = reps;
            }
            Ok(spec)
        }
        _ => Err(c.fail(origin)),
    }
}

/// Parses the scenario and its `[sensitivity]` table from text.
pub fn sensitivity_from_str(text: &str, origin: &str) -> Result<SensitivitySpec, ScenarioError> {
    parse_sensitivity(text, origin, &Overrides::default())
}

fn parse_sensitivity(
    text: &str,
    origin: &str,
    overrides: &Overrides,
) -> Result<SensitivitySpec, ScenarioError> {
    let scenario = overrides.scenario(text, origin)?;
    let root = root(text, origin)?;
    let mut c = Checker::new(text, &scenario);
    let Some(table) = c.section(&root, "sensitivity") else {
        return Err(c.fail(origin));
    };
    let spec = c.sensitivity(table, &scenario);
    match spec {
        Some(mut spec) if c.diagnostics.is_empty() => {
            if let Some(reps) = overrides.replications {
                spec.replications = reps;
            }
            Ok(spec)
        }
        _ => Err(c.fail(origin)),
    }
}

fn root<'t>(text: &'t str, origin: &str) -> Result<DeTable<'t>, ScenarioError> {
    let (root, errors) = DeTable::parse_recoverable(text);
    if let Some(error) = errors.first() {
        return Err(ScenarioError::new(
            origin,
            vec![syntax_diagnostic(text, error)],
        ));
    }
    Ok(root.into_inner())
}

/// Walks the tables, collecting problems.
struct Checker<'t> {
    text: &'t str,
    arms: Vec<String>,
    diagnostics: Vec<Diagnostic>,
}

impl Check for Checker<'_> {
    fn text_and_problems(&mut self) -> (&str, &mut Vec<Diagnostic>) {
        (self.text, &mut self.diagnostics)
    }
}

impl<'t> Checker<'t> {
    fn new(text: &'t str, scenario: &Scenario) -> Self {
        Self {
            text,
            arms: scenario.arms.iter().map(|a| a.name.clone()).collect(),
            diagnostics: Vec::new(),
        }
    }

    fn fail(self, origin: &str) -> ScenarioError {
        let mut diagnostics = self.diagnostics;
        if diagnostics.is_empty() {
            diagnostics.push(Diagnostic::new(
                ErrorKind::Invalid,
                "the table is incomplete",
            ));
        }
        ScenarioError::new(origin, diagnostics)
    }

    fn section<'a>(&mut self, root: &'a DeTable<'t>, name: &str) -> Option<&'a DeTable<'t>> {
        match root.get(name).map(|v| (v, v.get_ref())) {
            Some((_, DeValue::Table(t))) => Some(t),
            Some((v, _)) => {
                self.wrong_type(v, name, &format!("a table (a `[{name}]` section)"));
                None
            }
            None => {
                let d = Diagnostic::new(
                    ErrorKind::Invalid,
                    format!("the scenario has no `[{name}]` table"),
                )
                .with_help(format!(
                    "add a `[{name}]` table with at least one `[[{name}.factor]]`; \
                     README.md has an example"
                ));
                self.diagnostics.push(d);
                None
            }
        }
    }

    /// A parameter value, checked against the registry (integers rounded
    /// only when `round` is set: a range's ends).
    fn param_value(&mut self, param: &ParamSpec, value: &Value, key: &str) -> Option<f64> {
        // A switch may be written `true`/`false` as in a scenario, or 1/0.
        let x = match (param.kind, value.get_ref()) {
            (ParamKind::Switch, DeValue::Boolean(on)) => f64::from(u8::from(*on)),
            _ => self.number(value, key, None)?,
        };
        match param.check(x) {
            Ok(()) => Some(x),
            Err(message) => {
                let help = format!(
                    "`{}` allows {} ({})",
                    param.key(),
                    param.range_text(),
                    param.unit
                );
                self.push(
                    ErrorKind::OutOfRange,
                    value.span().start,
                    key,
                    message,
                    Some(help),
                );
                None
            }
        }
    }

    /// The `key` and `arm` of a factor.
    fn factor_head(&mut self, table: &DeTable, path: &str, at: usize) -> Option<Factor> {
        let param = match table.get("key") {
            None => {
                self.push(
                    ErrorKind::Invalid,
                    at,
                    path,
                    "this factor has no `key`".to_owned(),
                    Some(
                        "name a parameter, e.g. `key = \"steering.coaching_hours\"`; \
                          `tillit params` lists them"
                            .to_owned(),
                    ),
                );
                None
            }
            Some(value) => {
                let key = format!("{path}.key");
                let name = self.string(value, &key)?;
                self.parameter(&name, value.span().start, &key)
            }
        };
        let arm = match table.get("arm") {
            None => None,
            Some(value) => {
                let key = format!("{path}.arm");
                let name = self.string(value, &key)?;
                if !self.arms.contains(&name) {
                    let arms: Vec<&str> = self.arms.iter().map(String::as_str).collect();
                    let help = match suggest(&name, arms.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!(
                            "the arms are {}; leave `arm` out to vary every arm",
                            quoted_list(&arms)
                        ),
                    };
                    self.push(
                        ErrorKind::Invalid,
                        value.span().start,
                        &key,
                        format!("`{name}` is not the name of an arm"),
                        Some(help),
                    );
                    return None;
                }
                Some(name)
            }
        };
        Some(Factor { param: param?, arm })
    }

    /// The `factor` array of a table, as (path, start, table) items.
    fn factor_tables<'a>(
        &mut self,
        table: &'a DeTable<'t>,
        section: &str,
    ) -> Vec<(String, usize, &'a DeTable<'t>)> {
        let mut out = Vec::new();
        match table.get("factor") {
            None => {
                self.diagnostics.push(
                    Diagnostic::new(ErrorKind::Invalid, format!("`[{section}]` has no factors"))
                        .with_help(format!(
                            "add a `[[{section}.factor]]` with a `key` for each parameter to vary"
                        )),
                );
            }
            Some(value) => match value.get_ref() {
                DeValue::Array(items) => {
                    if let Some(extra) = items.get(MAX_FACTORS) {
                        self.push(
                            ErrorKind::OutOfRange,
                            extra.span().start,
                            &format!("{section}.factor[{}]", MAX_FACTORS + 1),
                            format!(
                                "`[{section}]` has {} factors; at most {MAX_FACTORS} are allowed",
                                items.len()
                            ),
                            None,
                        );
                    }
                    for (i, item) in items.iter().enumerate().take(MAX_FACTORS) {
                        let path = format!("{section}.factor[{}]", i + 1);
                        match item.get_ref() {
                            DeValue::Table(t) => out.push((path, item.span().start, t)),
                            _ => self.wrong_type(item, &path, "a factor table"),
                        }
                    }
                }
                _ => {
                    let path = format!("{section}.factor");
                    self.wrong_type(value, &path, &format!("a list of `[[{section}.factor]]`"));
                }
            },
        }
        out
    }

    /// Two factors on the same parameter and arm (or one on every arm and
    /// one on an arm) would overwrite each other.
    fn no_duplicates<'f>(&mut self, factors: impl Iterator<Item = (&'f Factor, usize, &'f str)>) {
        let mut seen: Vec<&Factor> = Vec::new();
        for (f, at, path) in factors {
            let clash = seen.iter().any(|g| {
                g.param.key() == f.param.key()
                    && (g.arm.is_none() || f.arm.is_none() || g.arm == f.arm)
            });
            if clash {
                self.push(
                    ErrorKind::Invalid,
                    at,
                    path,
                    format!("`{}` is varied twice in the same arm", f.param.key()),
                    Some("give each parameter and arm one factor".to_owned()),
                );
            }
            seen.push(f);
        }
    }

    fn streams(&mut self, table: &DeTable) -> Streams {
        match table.get("streams") {
            Some(v) if self.choice(v, "streams", STREAMS) == Some("independent") => {
                Streams::Independent
            }
            _ => Streams::Common,
        }
    }

    fn replications(&mut self, table: &DeTable, section: &str, scenario: &Scenario) -> u32 {
        match table.get("replications") {
            Some(v) => self
                .whole_in(v, &format!("{section}.replications"), 1, 100_000)
                .map_or(1, |n| n as u32),
            None => scenario.replications,
        }
    }

    fn seed(&mut self, table: &DeTable, section: &str, scenario: &Scenario) -> u64 {
        match table.get("seed") {
            Some(v) => self
                .whole_in(v, &format!("{section}.seed"), 0, i128::from(u64::MAX))
                .map_or(0, |n| n as u64),
            None => scenario.seed,
        }
    }

    // ---- [sweep] ------------------------------------------------------

    fn sweep(
        &mut self,
        table: &DeTable<'t>,
        scenario: &Scenario,
        base: Option<&Path>,
    ) -> Option<SweepSpec> {
        for (key, _) in table.iter() {
            let name: &str = key.get_ref();
            if !SWEEP_KEYS.contains(&name) {
                let path = format!("sweep.{name}");
                self.unknown_key(key.span().start, &path, name, "[sweep]", SWEEP_KEYS);
            }
        }
        let design_name = match table.get("design") {
            Some(v) => self.choice(v, "sweep.design", DESIGNS),
            None => Some("factorial"),
        };
        let replications = self.replications(table, "sweep", scenario);
        let streams = self.streams(table);
        let lhs = design_name == Some("latin_hypercube");
        let is_table = design_name == Some("table");
        // Keys that belong to one design only.
        for (key, only, design) in [
            ("points", lhs, "latin_hypercube"),
            ("file", is_table, "table"),
            ("seed", lhs, "latin_hypercube"),
        ] {
            if let (Some(v), false) = (table.get(key), only)
                && design_name.is_some()
            {
                self.push(
                    ErrorKind::Invalid,
                    v.span().start,
                    &format!("sweep.{key}"),
                    format!("`{key}` goes only with `design = \"{design}\"`"),
                    None,
                );
            }
        }

        let mut factors = Vec::new();
        let mut heads = Vec::new();
        for (path, at, t) in self.factor_tables(table, "sweep") {
            let allowed: &[&str] = if is_table {
                &["key", "arm"]
            } else {
                SWEEP_FACTOR_KEYS
            };
            for (key, _) in t.iter() {
                let name: &str = key.get_ref();
                if !allowed.contains(&name) {
                    let full = format!("{path}.{name}");
                    let help_table = if is_table {
                        "[[sweep.factor]] of a table design"
                    } else {
                        "[[sweep.factor]]"
                    };
                    self.unknown_key(key.span().start, &full, name, help_table, allowed);
                }
            }
            let Some(factor) = self.factor_head(t, &path, at) else {
                continue;
            };
            let levels = match design_name {
                Some("factorial") => self.factorial_levels(t, &path, at, factor.param),
                Some("latin_hypercube") => self
                    .range(t, &path, at, factor.param)
                    .map(|(from, to)| Levels::Range { from, to }),
                Some(_) => Some(Levels::Table),
                None => None,
            };
            heads.push((factor.clone(), at, path));
            if let Some(levels) = levels {
                factors.push((factor, levels));
            }
        }
        self.no_duplicates(heads.iter().map(|(f, at, p)| (f, *at, p.as_str())));

        let design = match design_name? {
            "factorial" => {
                let count = factors.iter().try_fold(1usize, |n, (_, l)| match l {
                    Levels::List(v) => n.checked_mul(v.len()),
                    _ => Some(n),
                });
                if count.is_none_or(|n| n > MAX_POINTS) {
                    let d = Diagnostic::new(
                        ErrorKind::Invalid,
                        format!("the factorial design has more than {MAX_POINTS} points"),
                    )
                    .with_key("sweep");
                    self.diagnostics.push(d);
                }
                Design::Factorial
            }
            "latin_hypercube" => {
                let points = match table.get("points") {
                    Some(v) => self
                        .whole_in(v, "sweep.points", 1, MAX_POINTS as i128)
                        .map(|n| n as u32),
                    None => {
                        self.diagnostics.push(
                            Diagnostic::new(ErrorKind::Invalid, "a Latin hypercube needs `points`")
                                .with_key("sweep.points")
                                .with_help("e.g. `points = 50`".to_owned()),
                        );
                        None
                    }
                };
                let seed = self.seed(table, "sweep", scenario);
                Design::LatinHypercube {
                    points: points?,
                    seed,
                }
            }
            _ => {
                let Some(v) = table.get("file") else {
                    self.diagnostics.push(
                        Diagnostic::new(ErrorKind::Invalid, "a table design needs `file`")
                            .with_key("sweep.file")
                            .with_help("e.g. `file = \"points.csv\"`, relative to this scenario"),
                    );
                    return None;
                };
                let file = PathBuf::from(self.string(v, "sweep.file")?);
                let at = v.span().start;
                let rows = self.table_rows(&file, base, &factors, at)?;
                Design::Table { file, rows }
            }
        };
        Some(SweepSpec {
            scenario: scenario.clone(),
            source: self.text.to_owned(),
            factors,
            design,
            replications,
            streams,
        })
    }

    fn factorial_levels(
        &mut self,
        t: &DeTable,
        path: &str,
        at: usize,
        param: &'static ParamSpec,
    ) -> Option<Levels> {
        if let Some(v) = t.get("values") {
            for k in ["from", "to", "steps"] {
                if let Some(other) = t.get(k) {
                    self.push(
                        ErrorKind::Invalid,
                        other.span().start,
                        &format!("{path}.{k}"),
                        "a factor has either `values` or a range, not both".to_owned(),
                        None,
                    );
                }
            }
            let key = format!("{path}.values");
            let DeValue::Array(items) = v.get_ref() else {
                self.wrong_type(v, &key, "a list of numbers");
                return None;
            };
            if items.is_empty() {
                self.push(
                    ErrorKind::Invalid,
                    v.span().start,
                    &key,
                    "the list of values is empty".to_owned(),
                    None,
                );
                return None;
            }
            let mut values = Vec::new();
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                match self.param_value(param, item, &format!("{key}[{}]", i + 1)) {
                    Some(x) => values.push(x),
                    None => ok = false,
                }
            }
            return ok.then_some(Levels::List(values));
        }
        let (from, to) = self.range(t, path, at, param)?;
        let steps = match t.get("steps") {
            Some(v) => self.whole_in(v, &format!("{path}.steps"), 1, MAX_STEPS)? as usize,
            None => {
                self.push(
                    ErrorKind::Invalid,
                    at,
                    &format!("{path}.steps"),
                    "a factorial range needs `steps` (the number of values)".to_owned(),
                    Some("e.g. `from = 0, to = 2, steps = 5`, or list `values`".to_owned()),
                );
                return None;
            }
        };
        let values: Vec<f64> = (0..steps)
            .map(|i| {
                if steps == 1 {
                    from
                } else {
                    let x = from + (to - from) * i as f64 / (steps - 1) as f64;
                    if param.kind != ParamKind::Real {
                        x.round()
                    } else {
                        // 12 significant digits: 0.35, not 0.35000000000000003.
                        format!("{x:.11e}")
                            .parse::<f64>()
                            .unwrap_or(x)
                            .clamp(from, to)
                    }
                }
            })
            .collect();
        Some(Levels::List(values))
    }

    /// `from` and `to`, both in the parameter's range, `from < to`.
    fn range(
        &mut self,
        t: &DeTable,
        path: &str,
        at: usize,
        param: &'static ParamSpec,
    ) -> Option<(f64, f64)> {
        let mut ends = [None, None];
        for (i, k) in ["from", "to"].into_iter().enumerate() {
            match t.get(k) {
                Some(v) => ends[i] = self.param_value(param, v, &format!("{path}.{k}")),
                None => {
                    self.push(
                        ErrorKind::Invalid,
                        at,
                        &format!("{path}.{k}"),
                        format!("this factor has no `{k}`"),
                        Some(format!(
                            "give the range with `from` and `to`; `{}` allows {}",
                            param.key(),
                            param.range_text()
                        )),
                    );
                }
            }
        }
        let (from, to) = (ends[0]?, ends[1]?);
        if from >= to {
            let at = t.get("to").map_or(at, |v| v.span().start);
            self.push(
                ErrorKind::Invalid,
                at,
                &format!("{path}.to"),
                format!(
                    "`to` ({}) must be above `from` ({})",
                    fmt_num(to),
                    fmt_num(from)
                ),
                None,
            );
            return None;
        }
        Some((from, to))
    }

    /// The rows of a table design's CSV: a header naming the factors
    /// (labels, in factor order), then one row of numbers per point.
    fn table_rows(
        &mut self,
        file: &Path,
        base: Option<&Path>,
        factors: &[(Factor, Levels)],
        at: usize,
    ) -> Option<Vec<Vec<f64>>> {
        let shown = file.display().to_string();
        let fail = |c: &mut Self, message: String| {
            c.push(ErrorKind::Invalid, at, "sweep.file", message, None);
            None
        };
        let Some(base) = base else {
            return fail(self, format!("cannot read `{shown}` here"));
        };
        let path = base.join(file);
        let text = match read_table_file(&path) {
            Ok(t) => t,
            Err(message) => {
                return fail(self, format!("cannot read `{}`: {message}", path.display()));
            }
        };
        let origin = path.display().to_string();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let labels: Vec<String> = factors.iter().map(|(f, _)| f.label()).collect();
        let mut rows = Vec::new();
        let mut problems = Vec::new();
        for (n, record) in reader.records().enumerate() {
            let line = n + 1;
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    problems.push(format!("{origin}:{line}: {e}"));
                    break;
                }
            };
            if n == 0 {
                let header: Vec<&str> = record.iter().collect();
                if header != labels {
                    problems.push(format!(
                        "{origin}:1: the header must name the factors in order: `{}`, found `{}`",
                        labels.join(","),
                        snippet(&header.join(","))
                    ));
                    break;
                }
                continue;
            }
            let mut row = Vec::with_capacity(labels.len());
            for (col, (cell, (factor, _))) in record.iter().zip(factors).enumerate() {
                match cell.parse::<f64>() {
                    Ok(x) => match factor.param.check(x) {
                        Ok(()) => row.push(x),
                        Err(m) => problems.push(format!(
                            "{origin}:{line}:{}: column `{}`: {m}",
                            col + 1,
                            labels[col]
                        )),
                    },
                    Err(_) => problems.push(format!(
                        "{origin}:{line}:{}: column `{}`: `{}` is not a number",
                        col + 1,
                        labels[col],
                        snippet(cell)
                    )),
                }
            }
            if record.len() != labels.len() {
                problems.push(format!(
                    "{origin}:{line}: expected {} values, found {}",
                    labels.len(),
                    record.len()
                ));
            }
            rows.push(row);
            if rows.len() > MAX_POINTS {
                problems.push(format!("{origin}: more than {MAX_POINTS} points"));
            }
            if problems.len() >= 10 || rows.len() > MAX_POINTS {
                break;
            }
        }
        if problems.is_empty() && rows.is_empty() {
            problems.push(format!(
                "{origin}: the table has no points (one row per point after the header)"
            ));
        }
        if !problems.is_empty() {
            return fail(
                self,
                format!("bad table design:\n    {}", problems.join("\n    ")),
            );
        }
        Some(rows)
    }

    // ---- [sensitivity] ------------------------------------------------

    fn sensitivity(&mut self, table: &DeTable<'t>, scenario: &Scenario) -> Option<SensitivitySpec> {
        for (key, _) in table.iter() {
            let name: &str = key.get_ref();
            if !SENSITIVITY_KEYS.contains(&name) {
                let path = format!("sensitivity.{name}");
                self.unknown_key(
                    key.span().start,
                    &path,
                    name,
                    "[sensitivity]",
                    SENSITIVITY_KEYS,
                );
            }
        }
        let replications = self.replications(table, "sensitivity", scenario);
        let streams = self.streams(table);
        let seed = self.seed(table, "sensitivity", scenario);
        let whole = |c: &mut Self, key: &str, min: i128, max: i128, default: u32| -> u32 {
            match table.get(key) {
                Some(v) => c
                    .whole_in(v, &format!("sensitivity.{key}"), min, max)
                    .map_or(default, |n| n as u32),
                None => default,
            }
        };
        let trajectories = whole(self, "trajectories", 1, 100_000, DEFAULT_TRAJECTORIES);
        let levels = whole(self, "levels", 2, 100, DEFAULT_LEVELS);
        let samples = whole(self, "samples", 2, 1_000_000, DEFAULT_SAMPLES);
        let bootstrap = whole(self, "bootstrap", 0, 100_000, DEFAULT_BOOTSTRAP);
        if let Some(v) = table.get("levels")
            && levels % 2 != 0
        {
            self.push(
                ErrorKind::Invalid,
                v.span().start,
                "sensitivity.levels",
                format!("Morris levels must be even, not {levels}"),
                Some("4 is the usual choice".to_owned()),
            );
        }
        let confidence = match table.get("confidence") {
            Some(v) => {
                let x = self.number(v, "sensitivity.confidence", None)?;
                if !(x > 0.0 && x < 1.0) {
                    self.push(
                        ErrorKind::OutOfRange,
                        v.span().start,
                        "sensitivity.confidence",
                        format!(
                            "{} is out of range: allowed above 0 and below 1",
                            fmt_num(x)
                        ),
                        None,
                    );
                }
                x
            }
            None => DEFAULT_CONFIDENCE,
        };
        let outcomes = match table.get("outcomes") {
            None => {
                self.diagnostics.push(
                    Diagnostic::new(ErrorKind::Invalid, "`[sensitivity]` has no `outcomes`")
                        .with_key("sensitivity.outcomes")
                        .with_help("e.g. `outcomes = [\"worker_turnover\"]`; `tillit params` does not list them, README.md does"),
                );
                None
            }
            Some(v) => self.outcomes(v),
        };
        let mut factors = Vec::new();
        let mut heads = Vec::new();
        for (path, at, t) in self.factor_tables(table, "sensitivity") {
            for (key, _) in t.iter() {
                let name: &str = key.get_ref();
                if !SENSITIVITY_FACTOR_KEYS.contains(&name) {
                    let full = format!("{path}.{name}");
                    self.unknown_key(
                        key.span().start,
                        &full,
                        name,
                        "[[sensitivity.factor]]",
                        SENSITIVITY_FACTOR_KEYS,
                    );
                }
            }
            let Some(factor) = self.factor_head(t, &path, at) else {
                continue;
            };
            heads.push((factor.clone(), at, path.clone()));
            if let Some((from, to)) = self.range(t, &path, at, factor.param) {
                factors.push(RangeFactor { factor, from, to });
            }
        }
        self.no_duplicates(heads.iter().map(|(f, at, p)| (f, *at, p.as_str())));
        // Both designs must stay within the points a sweep may have:
        // Morris r (k + 1), Sobol n (k + 2).
        let k = factors.len();
        let morris = (trajectories as usize).checked_mul(k + 1);
        let sobol = (samples as usize).checked_mul(k + 2);
        for (key, points) in [("trajectories", morris), ("samples", sobol)] {
            if let Some(v) = table.get(key)
                && points.is_none_or(|n| n > MAX_POINTS)
            {
                self.push(
                    ErrorKind::OutOfRange,
                    v.span().start,
                    &format!("sensitivity.{key}"),
                    format!("with {k} factors, `{key}` gives more than {MAX_POINTS} design points"),
                    Some("use fewer, or fewer factors".to_owned()),
                );
            }
        }
        Some(SensitivitySpec {
            scenario: scenario.clone(),
            source: self.text.to_owned(),
            factors,
            outcomes: outcomes?,
            replications,
            streams,
            seed,
            trajectories,
            levels,
            samples,
            bootstrap,
            confidence,
        })
    }

    fn outcomes(&mut self, value: &Value) -> Option<Vec<Outcome>> {
        let key = "sensitivity.outcomes";
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(value, key, "a list of outcome names");
            return None;
        };
        if items.is_empty() {
            self.push(
                ErrorKind::Invalid,
                value.span().start,
                key,
                "the list of outcomes is empty".to_owned(),
                None,
            );
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = format!("{key}[{}]", i + 1);
            let Some(name) = self.string(item, &path) else {
                ok = false;
                continue;
            };
            match Outcome::from_name(&name) {
                Some(o) if !out.contains(&o) => out.push(o),
                Some(_) => {}
                None => {
                    ok = false;
                    let help = match suggest(&name, OUTCOMES.iter().map(|o| o.name)) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => "README.md lists the outcomes".to_owned(),
                    };
                    self.push(
                        ErrorKind::UnknownKey,
                        item.span().start,
                        &path,
                        format!("unknown outcome `{name}`"),
                        Some(help),
                    );
                }
            }
        }
        ok.then_some(out)
    }
}

/// Reads a table design's file: a regular file (not a device, pipe or
/// folder) of at most [`MAX_TABLE_BYTES`], as UTF-8 text, with a bounded
/// reader. The error is a short sentence.
fn read_table_file(path: &Path) -> Result<String, String> {
    let bytes = crate::scenario::read_bounded(path, MAX_TABLE_BYTES).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "it is not UTF-8 text (the first bad byte is at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// At most [`SNIPPET_CHARS`] characters of `text`, control characters
/// escaped, for a message.
fn snippet(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(SNIPPET_CHARS)
        .flat_map(char::escape_default)
        .collect();
    if text.chars().count() > SNIPPET_CHARS {
        out.push_str("...");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = r#"
name = "t"
seed = 3
replications = 2
[[arm]]
name = "control"
preset = "control"
[[arm]]
name = "trust"
preset = "trust"
"#;

    fn sweep(extra: &str) -> Result<SweepSpec, ScenarioError> {
        sweep_from_str(&format!("{BASE}{extra}"), "t.toml", None)
    }

    #[test]
    fn reads_a_latin_hypercube_with_its_defaults() {
        let s = sweep(
            "[sweep]\ndesign = \"latin_hypercube\"\npoints = 7\nstreams = \"independent\"\n\
             [[sweep.factor]]\nkey = \"stress.recovery_days\"\nfrom = 10\nto = 30\n\
             [[sweep.factor]]\nkey = \"organisation.workers_per_unit\"\narm = \"trust\"\nfrom = 5\nto = 9\n",
        )
        .unwrap();
        assert_eq!(s.design, Design::LatinHypercube { points: 7, seed: 3 });
        assert_eq!(s.replications, 2);
        assert_eq!(s.streams, Streams::Independent);
        assert_eq!(
            s.factors[1].0.label(),
            "organisation.workers_per_unit@trust"
        );
        let points = super::super::design::points(&s);
        assert_eq!(points.len(), 7);
        for p in &points {
            assert!((10.0..=30.0).contains(&p[0]));
            assert!((5.0..=9.0).contains(&p[1]) && p[1].fract() == 0.0, "{p:?}");
        }
    }

    #[test]
    fn reads_a_sensitivity_table() {
        let text = format!(
            "{BASE}[sensitivity]\noutcomes = [\"worker_turnover\", \"mean_stress\"]\nlevels = 6\n\
             [[sensitivity.factor]]\nkey = \"steering.coaching_hours\"\nfrom = 0\nto = 2\n"
        );
        let s = sensitivity_from_str(&text, "t.toml").unwrap();
        assert_eq!(s.outcomes.len(), 2);
        assert_eq!(
            (s.levels, s.trajectories, s.seed),
            (6, DEFAULT_TRAJECTORIES, 3)
        );
        let bad = text
            .replace("levels = 6", "levels = 5")
            .replace("mean_stress", "mean_stres");
        let err = sensitivity_from_str(&bad, "t.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("levels must be even"), "{err}");
        assert!(err.contains("did you mean `mean_stress`?"), "{err}");
        let huge = text.replace("levels = 6", "samples = 1000000");
        let err = sensitivity_from_str(&huge, "t.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("t.toml:"), "{err}");
        assert!(
            err.contains("`samples` gives more than 1000000 design points"),
            "{err}"
        );
    }

    #[test]
    fn range_and_design_mistakes_are_reported_together() {
        let err = sweep(
            "[sweep]\npoints = 3\n[[sweep.factor]]\nkey = \"stress.recovery_days\"\nfrom = 30\nto = 10\nsteps = 2\n\
             [[sweep.factor]]\nkey = \"stress.recovery_days\"\nvalues = [1]\n",
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("`points` goes only with"), "{text}");
        assert!(
            text.contains("`to` (10) must be above `from` (30)"),
            "{text}"
        );
        assert!(text.contains("varied twice"), "{text}");
        assert_eq!(err.diagnostics.len(), 3, "{text}");
    }

    #[test]
    fn a_table_design_reads_its_csv_and_reports_bad_cells_with_their_place() {
        let dir = std::env::temp_dir().join(format!("tillit-table-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let extra = "[sweep]\ndesign = \"table\"\nfile = \"pts.csv\"\n\
                     [[sweep.factor]]\nkey = \"stress.recovery_days\"\n\
                     [[sweep.factor]]\nkey = \"steering.coaching_hours\"\narm = \"trust\"\n";
        let text = format!("{BASE}{extra}");
        let header = "stress.recovery_days,steering.coaching_hours@trust\n";
        std::fs::write(dir.join("pts.csv"), format!("{header}10,0\n20, 1.5\n")).unwrap();
        let s = sweep_from_str(&text, "t.toml", Some(&dir)).unwrap();
        let Design::Table { rows, .. } = &s.design else {
            panic!("{:?}", s.design)
        };
        assert_eq!(rows, &vec![vec![10.0, 0.0], vec![20.0, 1.5]]);

        std::fs::write(dir.join("pts.csv"), format!("{header}10,0\n20,99\n")).unwrap();
        let err = sweep_from_str(&text, "t.toml", Some(&dir))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("pts.csv:3:2: column `steering.coaching_hours@trust`"),
            "{err}"
        );
        assert!(err.contains("t.toml:13:8: key `sweep.file`"), "{err}");
        std::fs::write(dir.join("pts.csv"), "coaching\n1\n").unwrap();
        let err = sweep_from_str(&text, "t.toml", Some(&dir))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("the header must name the factors in order"),
            "{err}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn every_prefix_of_a_spec_gives_a_result_or_an_error_never_a_panic() {
        let extra = "[sweep]\ndesign = \"factorial\"\nreplications = 2\n[[sweep.factor]]\n\
                     key = \"steering.coaching_hours\"\narm = \"trust\"\nfrom = 0\nto = 2\nsteps = 3\n";
        let text = format!("{BASE}{extra}");
        for end in (BASE.len()..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let _ = sweep_from_str(&text[..end], "t.toml", None);
            let _ = sensitivity_from_str(&text[..end], "t.toml");
        }
        assert!(sweep_from_str(&text, "t.toml", None).is_ok());
    }
}
