//! What the teaching view can run: the shipped scenarios, embedded in the
//! binary, and the scenario given at start, each parsed once.

use serde::Serialize;

use super::ServeError;
use super::api::LIMITS;
use crate::model::params::Steering;
use crate::model::presets::Preset;
use crate::scenario::{self, Arm, DAYS_PER_YEAR, Scenario};

/// The shipped scenarios the page offers: (id, file name, text).
pub const SHIPPED: [(&str, &str, &str); 5] = [
    ("default", "default.toml", scenario::DEFAULT_SCENARIO),
    (
        "control-spiral",
        "control-spiral.toml",
        include_str!("../../scenarios/control-spiral.toml"),
    ),
    (
        "borlange",
        "borlange.toml",
        include_str!("../../scenarios/borlange.toml"),
    ),
    (
        "falun",
        "falun.toml",
        include_str!("../../scenarios/falun.toml"),
    ),
    (
        "reform",
        "reform.toml",
        include_str!("../../scenarios/reform.toml"),
    ),
];

/// One scenario on offer.
#[derive(Clone, Debug)]
pub struct CatalogueScenario {
    /// Short id used by the API (`default`, `falun`, or the start file's stem).
    pub id: String,
    /// The resolved scenario.
    pub scenario: Scenario,
    /// The scenario's own arms, then one arm per preset built from the
    /// baseline arm (`preset:trust`), so that any regime can be picked.
    pub arms: Vec<Arm>,
}

/// Every scenario the server can run.
#[derive(Clone, Debug)]
pub struct Catalogue {
    /// The scenarios, the one given at start first.
    pub scenarios: Vec<CatalogueScenario>,
}

impl Catalogue {
    /// The shipped scenarios, after `start` (id and scenario) when given.
    /// A start scenario larger than [`LIMITS`] allows is refused.
    pub fn new(start: Option<(String, Scenario)>) -> Result<Catalogue, ServeError> {
        let mut scenarios = Vec::new();
        if let Some((id, scenario)) = start {
            check_size(&scenario)?;
            scenarios.push(entry(id, scenario));
        }
        for (id, file, text) in SHIPPED {
            let scenario = scenario::from_str(text, file).map_err(|e| ServeError::Shipped {
                name: file,
                message: e.to_string(),
            })?;
            if scenarios.iter().any(|s: &CatalogueScenario| s.id == id) {
                continue;
            }
            scenarios.push(entry(id.to_owned(), scenario));
        }
        Ok(Catalogue { scenarios })
    }

    /// The scenario with this id.
    pub fn get(&self, id: &str) -> Option<&CatalogueScenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }
}

fn check_size(s: &Scenario) -> Result<(), ServeError> {
    let too_large = |reason: String| ServeError::TooLarge {
        name: s.name.clone(),
        reason,
    };
    for arm in &s.arms {
        let positions = arm.params.positions();
        if positions > LIMITS.max_positions {
            return Err(too_large(format!(
                "arm `{}` has {positions} case-worker positions; at most {} run live",
                arm.name, LIMITS.max_positions
            )));
        }
    }
    if s.horizon_days > LIMITS.max_years * DAYS_PER_YEAR {
        return Err(too_large(format!(
            "{} years; at most {} run live",
            s.horizon_days / DAYS_PER_YEAR,
            LIMITS.max_years
        )));
    }
    Ok(())
}

fn entry(id: String, scenario: Scenario) -> CatalogueScenario {
    let mut arms = scenario.arms.clone();
    let base = scenario.baseline_arm();
    for preset in Preset::ALL {
        let mut params = base.params.clone();
        params.steering = Steering {
            integrated_team: base.params.steering.integrated_team,
            named_person: base.params.steering.named_person,
            ..preset.steering()
        };
        arms.push(Arm {
            name: format!("preset:{}", preset.name()),
            label: Default::default(),
            description: preset.meaning().into(),
            preset,
            params,
            events: Vec::new(),
        });
    }
    CatalogueScenario { id, scenario, arms }
}

/// The catalogue as the API shows it.
#[derive(Serialize)]
pub(super) struct CatalogueView {
    pub scenarios: Vec<ScenarioView>,
}

#[derive(Serialize)]
pub(super) struct ScenarioView {
    pub id: String,
    pub name: String,
    pub description: String,
    /// As text: JavaScript numbers hold only 53 bits.
    pub seed: String,
    pub years: u32,
    pub baseline: usize,
    pub arms: Vec<ArmView>,
}

#[derive(Serialize)]
pub(super) struct ArmView {
    pub name: String,
    pub description: String,
    pub preset: Preset,
    pub units: u32,
    pub positions: usize,
    pub events: Vec<String>,
}

impl Catalogue {
    pub(super) fn view(&self) -> CatalogueView {
        CatalogueView {
            scenarios: self
                .scenarios
                .iter()
                .map(|s| (s, s.scenario.language.unwrap_or_default()))
                .map(|(s, lang)| ScenarioView {
                    id: s.id.clone(),
                    name: s.scenario.name.clone(),
                    description: s.scenario.description.text(lang).to_owned(),
                    seed: s.scenario.seed.to_string(),
                    years: s.scenario.horizon_days.div_ceil(DAYS_PER_YEAR),
                    baseline: s.scenario.baseline,
                    arms: s
                        .arms
                        .iter()
                        .map(|a| ArmView {
                            name: a.name.clone(),
                            description: a.description.text(lang).to_owned(),
                            preset: a.preset,
                            units: a.params.organisation.units,
                            positions: a.params.positions(),
                            events: a
                                .events
                                .iter()
                                .map(|e| e.label.text(lang).to_owned())
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
