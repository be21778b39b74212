//! Steering presets: whole regimes of levers that an arm starts from.
//!
//! The numbers are assumptions that describe each regime's intent
//! (docs/MODEL.md, section 2.7); none of them encodes an outcome. Whether a
//! regime does better comes out of the mechanisms they feed.

use serde::Serialize;

use crate::model::params::Steering;

/// A named steering regime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// New Public Management: documentation, KPIs, approvals, a control ratchet
    /// after scandals. These are the parameter defaults.
    Control,
    /// Trust-based steering with support: less administration, delegation,
    /// coaching, a milder blame culture, rules pruned.
    Trust,
    /// Delegation and less administration, but no coaching and the old blame
    /// culture: the responsibility moves down without the support.
    TrustWithoutSupport,
    /// Halfway between control and trust.
    Hybrid,
}

impl Preset {
    /// Every preset, in the order `tillit params` lists them.
    pub const ALL: [Preset; 4] = [
        Preset::Control,
        Preset::Trust,
        Preset::TrustWithoutSupport,
        Preset::Hybrid,
    ];

    /// The name used in scenario files.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Control => "control",
            Preset::Trust => "trust",
            Preset::TrustWithoutSupport => "trust_without_support",
            Preset::Hybrid => "hybrid",
        }
    }

    /// Parses a scenario-file name.
    pub fn from_name(name: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name() == name)
    }

    /// One line on what the preset stands for.
    pub fn meaning(self) -> &'static str {
        match self {
            Preset::Control => {
                "control-based steering: detailed documentation, KPIs, manager approval, ratchet after scandals"
            }
            Preset::Trust => {
                "trust-based steering: delegation, less administration, coaching leadership, rules pruned"
            }
            Preset::TrustWithoutSupport => {
                "delegation and less administration without coaching, blame culture unchanged"
            }
            Preset::Hybrid => "halfway between control and trust",
        }
    }

    /// The levers of this regime.
    pub fn steering(self) -> Steering {
        let control = Steering::default();
        let trust = Steering {
            documentation_intensity: 0.75,
            worker_admin_hours: 3.0,
            manager_reporting_hours: 6.0,
            approval_threshold: 1.0,
            decision_latitude: 0.8,
            coaching_hours: 1.5,
            blame_culture: 0.5,
            kpi_pressure: 0.0,
            control_ratchet: 0.0,
            rule_decay_days: 180.0,
            ..control.clone()
        };
        match self {
            Preset::Control => control,
            Preset::Trust => trust,
            Preset::TrustWithoutSupport => Steering {
                coaching_hours: 0.0,
                blame_culture: control.blame_culture,
                ..trust
            },
            Preset::Hybrid => Steering {
                documentation_intensity: 0.9,
                worker_admin_hours: 3.75,
                manager_reporting_hours: 9.0,
                approval_threshold: 0.75,
                decision_latitude: 0.55,
                coaching_hours: 1.0,
                blame_culture: 0.75,
                kpi_pressure: 0.025,
                control_ratchet: 0.015,
                rule_decay_days: 500.0,
                ..control
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::params::{PARAMETERS, Params};

    #[test]
    fn names_round_trip() {
        for p in Preset::ALL {
            assert_eq!(Preset::from_name(p.name()), Some(p));
        }
        assert_eq!(Preset::from_name("anarchy"), None);
    }

    #[test]
    fn every_preset_lever_is_in_range() {
        for preset in Preset::ALL {
            let params = Params {
                steering: preset.steering(),
                ..Params::default()
            };
            for spec in PARAMETERS.iter().filter(|s| s.group == "steering") {
                assert!(
                    spec.check(spec.get(&params)).is_ok(),
                    "{preset:?} {}",
                    spec.key()
                );
            }
        }
    }
}
