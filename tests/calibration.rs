//! Pattern-oriented calibration (Grimm et al. 2005): with its defaults, the
//! control preset lands in the Swedish pattern ranges of docs/MODEL.md.

use tillit::calibration::check;

#[test]
fn control_preset_defaults_reproduce_the_swedish_patterns() {
    let results = check(8, 20261123, &Default::default()).expect("run");
    let misses: Vec<String> = results
        .iter()
        .filter(|r| !r.met())
        .map(|r| {
            format!(
                "{}: {:.3} not in [{}, {}]",
                r.pattern.outcome.spec().name,
                r.observed.mean,
                r.pattern.low,
                r.pattern.high
            )
        })
        .collect();
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}
