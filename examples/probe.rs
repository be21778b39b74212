//! Prints every outcome of a few presets, for calibration work.
use tillit::model::params::Params;
use tillit::model::presets::Preset;
use tillit::outcome::OUTCOMES;
use tillit::scenario::{Arm, Scenario};

fn main() {
    let reps: u32 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(4);
    let severity: f64 = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.35);
    let arms = [Preset::Control, Preset::Trust, Preset::TrustWithoutSupport]
        .into_iter()
        .map(|p| {
            let mut params = Params {
                steering: p.steering(),
                ..Params::default()
            };
            params.demand.severity_mean = severity;
            // PROBE_SET="group.name=value,..." overrides any parameter in every arm.
            for kv in std::env::var("PROBE_SET")
                .unwrap_or_default()
                .split(',')
                .filter(|s| !s.is_empty())
            {
                let (k, v) = kv.split_once('=').expect("key=value");
                let (g, n) = k.split_once('.').expect("group.name");
                Params::spec(g, n)
                    .expect("known key")
                    .set(&mut params, v.parse().expect("number"));
            }
            Arm {
                name: p.name().into(),
                label: Default::default(),
                description: Default::default(),
                preset: p,
                params,
                events: vec![],
            }
        })
        .collect();
    let scenario = Scenario {
        name: "probe".into(),
        title: Default::default(),
        description: Default::default(),
        seed: 1,
        replications: reps,
        horizon_days: 3650,
        warmup_days: 730,
        baseline: 0,
        language: None,
        arms,
    };
    let t = std::time::Instant::now();
    let r = tillit::experiment::run_experiment(&scenario, &Default::default(), &mut ()).unwrap();
    eprintln!("{:.2}s", t.elapsed().as_secs_f64());
    print!("{:32}", "outcome");
    for a in &scenario.arms {
        print!("{:>22}", a.name);
    }
    println!();
    for (k, o) in OUTCOMES.iter().enumerate() {
        print!("{:32}", o.name);
        for a in &r.arms {
            print!("{:>22.4}", a.outcomes[k].mean);
        }
        println!();
    }
}
