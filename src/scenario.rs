//! Scenarios: what a user asks for, read from TOML and resolved into the
//! fully specified [`Scenario`] the experiment runs.
//!
//! Input goes through two stages, like ripgrep's arguments: `parse` walks
//! the TOML document (with the position of every key and value) and checks it
//! against the parameter registry, collecting every problem as a
//! [`Diagnostic`]; only a document without problems becomes a [`Scenario`],
//! whose arms hold complete [`Params`] and whose events are resolved to
//! concrete levers. Nothing in this module runs a simulation or writes files.

pub(crate) mod check;
mod diagnostic;
pub(crate) mod parse;

pub use diagnostic::{Diagnostic, ErrorKind, ScenarioError};
pub use parse::{
    MAX_ARM_NAME, MAX_ARMS, MAX_EVENTS, MAX_SCENARIO_BYTES, from_str, is_arm_name, load,
    read_bounded,
};

use serde::Serialize;

use crate::model::params::{Params, Steering};
use crate::model::presets::Preset;

/// The built-in default scenario (control versus trust), embedded in the
/// binary so that `tillit run` works with no file.
pub const DEFAULT_SCENARIO: &str = include_str!("../scenarios/default.toml");

/// The commented template `tillit init` writes.
pub const TEMPLATE: &str = include_str!("../scenarios/template.toml");

/// Days in a simulated year (the calendar has no leap days).
pub const DAYS_PER_YEAR: u32 = 365;

/// A fully resolved scenario: every value known, every reference checked.
#[derive(Clone, Debug, Serialize)]
pub struct Scenario {
    /// Short name, shown in tables and reports.
    pub name: String,
    /// The title reports show instead of the name, per language (`title`
    /// in the file); left out of the manifest when not given.
    #[serde(skip_serializing_if = "LocalText::is_empty")]
    pub title: LocalText,
    /// What the scenario asks, in a sentence or two, per language or one
    /// text for every language.
    pub description: LocalText,
    /// Master seed; every random stream derives from it.
    pub seed: u64,
    /// Replications per arm.
    pub replications: u32,
    /// Simulated days in total, warm-up included.
    pub horizon_days: u32,
    /// Days at the start left out of outcome statistics.
    pub warmup_days: u32,
    /// Index into `arms` of the arm others are compared with.
    pub baseline: usize,
    /// The arms compared, in file order.
    pub arms: Vec<Arm>,
    /// The language reports are written in unless the reader asks for
    /// another (`language = "sv"` or `"en"` in the file); `None` when the
    /// file does not say. Left out of the manifest when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

/// A language a report can be written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Swedish (`sv`).
    Sv,
    /// English (`en`), used when neither the scenario nor the reader says.
    #[default]
    En,
}

impl Language {
    /// Both languages, Swedish first.
    pub const ALL: [Language; 2] = [Language::Sv, Language::En];

    /// The ISO 639-1 code, as written in a scenario file and in HTML's `lang`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Sv => "sv",
            Language::En => "en",
        }
    }

    /// The language with this code (`sv` or `en`), if any.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// A text a scenario shows to readers: one text for every language (a
/// plain string in the file) or one per language
/// (`{ sv = "Delegering med coachning", en = "Delegation with coaching" }`).
///
/// The manifest writes it the same way, so a folder written before texts
/// per language existed (a plain string) still loads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum LocalText {
    /// The same text in every language.
    Every(String),
    /// A text per language; at least one is given.
    PerLanguage {
        /// The Swedish text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sv: Option<String>,
        /// The English text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        en: Option<String>,
    },
}

impl Default for LocalText {
    fn default() -> Self {
        LocalText::Every(String::new())
    }
}

impl From<&str> for LocalText {
    fn from(text: &str) -> Self {
        LocalText::Every(text.to_owned())
    }
}

impl LocalText {
    /// Whether there is no text in any language.
    pub fn is_empty(&self) -> bool {
        self.get(Language::En).is_none()
    }

    /// The text in `lang`, else in the other language; `None` when there
    /// is none (or only empty ones).
    pub fn get(&self, lang: Language) -> Option<&str> {
        let text = match self {
            LocalText::Every(text) => Some(text.as_str()),
            LocalText::PerLanguage { sv, en } => {
                let (own, other) = match lang {
                    Language::Sv => (sv, en),
                    Language::En => (en, sv),
                };
                own.as_deref()
                    .filter(|t| !t.is_empty())
                    .or(other.as_deref())
            }
        };
        text.filter(|t| !t.is_empty())
    }

    /// The text in `lang` (see [`LocalText::get`]), or `""`.
    pub fn text(&self, lang: Language) -> &str {
        self.get(lang).unwrap_or("")
    }
}

/// One arm: a steering regime (and any other parameter changes) to simulate.
#[derive(Clone, Debug, Serialize)]
pub struct Arm {
    /// Unique name within the scenario.
    pub name: String,
    /// The name reports show, per language (`label` in the file); left out
    /// of the manifest when not given.
    #[serde(skip_serializing_if = "LocalText::is_empty")]
    pub label: LocalText,
    /// Optional description, per language or one text for every language.
    pub description: LocalText,
    /// The preset the arm started from.
    pub preset: Preset,
    /// Every parameter, after defaults, scenario-wide sections, the preset and
    /// the arm's own overrides.
    pub params: Params,
    /// Regime changes during the run, in the order they were written.
    pub events: Vec<Event>,
}

/// A change of steering regime during a run.
#[derive(Clone, Debug, Serialize)]
pub struct Event {
    /// A label for tables, logs and reports, e.g. "trust reform", per
    /// language or one text for every language.
    pub label: LocalText,
    /// When it happens.
    pub trigger: Trigger,
    /// The levers in force from then on (resolved when the scenario is read:
    /// the event's preset, or else the arm's own starting levers, with the
    /// event's overrides).
    pub steering: Steering,
}

/// What sets an event off. Each event fires at most once per run.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// On a given day (0-based, counted from the start of the run, warm-up
    /// included): a planned reform.
    AtDay(u32),
    /// When at least `count` scandals have happened within the last
    /// `window_days`: a political switch.
    Scandals {
        /// Scandals needed.
        count: u32,
        /// Length of the rolling window \[days\].
        window_days: u32,
    },
}

impl Arm {
    /// The arm as a report in `lang` names it: its label in `lang`, else in
    /// the other language, else, for an arm named after its own preset
    /// (`control` with preset `control`), the preset's name in `lang`, else
    /// its name (the rule of `report::load::ManifestScenario::arm_label`).
    pub fn display_name(&self, lang: Language) -> &str {
        self.label
            .get(lang)
            .or_else(|| {
                (self.preset.name() == self.name)
                    .then(|| crate::report::text::known_preset_label(lang, &self.name))
                    .flatten()
            })
            .unwrap_or(&self.name)
    }
}

impl Scenario {
    /// The baseline arm.
    pub fn baseline_arm(&self) -> &Arm {
        &self.arms[self.baseline]
    }

    /// Number of (arm, replication) runs.
    pub fn run_count(&self) -> usize {
        self.arms.len() * self.replications as usize
    }

    /// Whether the arms differ in how children who need several agencies are
    /// helped: the `integrated_team` and `named_person` levers (events
    /// included) or any `[pathway]` parameter. Tables and reports show the
    /// pathway's outcomes when they do.
    pub fn arms_differ_in_pathway(&self) -> bool {
        let pathway_of = |p: &crate::model::params::Params| {
            (
                p.steering.integrated_team,
                p.steering.named_person,
                p.pathway.clone(),
            )
        };
        let first = self.arms.first().map(|a| pathway_of(&a.params));
        self.arms.iter().any(|a| {
            Some(pathway_of(&a.params)) != first
                || a.events.iter().any(|e| {
                    e.steering.integrated_team != a.params.steering.integrated_team
                        || e.steering.named_person != a.params.steering.named_person
                })
        })
    }
}
