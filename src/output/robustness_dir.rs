//! The results folder of a robustness study (docs/ROBUSTNESS.md): the two
//! stage folders, which are sweep folders ([`super::SweepWriter`]), and the
//! study's own files, written from the analysis.
//!
//! The study's files are written as `.partial` and renamed into place,
//! `manifest.json` last, like every other results folder; they depend only
//! on the stage folders' parts, so they are byte-identical whatever the
//! thread count, after a resume, and after merging shards.

use std::fs;
use std::path::Path;

use serde::Serialize;

use super::format::{csv_float, parse_csv_float};
use super::{MANIFEST_FILE, OutputError, SPEC_FILE, SUMMARY_FILE};
use crate::calibration::PATTERNS;
use crate::outcome::{OUTCOME_COUNT, OUTCOMES};
use crate::report::text::{Better, better};
use crate::robustness::RobustnessSpec;
use crate::robustness::study::{Analysis, Level, WorldMatch};

/// Stage 1's sweep folder inside a robustness folder.
pub const STAGE1_DIR: &str = "stage1";
/// The second wave's stage-1 sweep folder inside a robustness folder.
pub const WAVE2_DIR: &str = "stage1-wave2";
/// Stage 2's sweep folder inside a robustness folder.
pub const STAGE2_DIR: &str = "stage2";
/// Every world: values, implausibility, kept or not.
pub const WORLDS_FILE: &str = "worlds.csv";
/// Every kept world's paired effect per arm and outcome.
pub const EFFECTS_FILE: &str = "effects.csv";
/// Per arm and outcome, across the kept worlds.
pub const ROBUSTNESS_FILE: &str = "robustness.csv";
/// PRIM's trajectories (peeled and pasted boxes).
pub const BOXES_FILE: &str = "boxes.csv";
/// How well each parameter separates worse worlds from the others.
pub const SEPARATION_FILE: &str = "separation.csv";
/// Version of the robustness folder's layout, in its manifest.
pub const ROBUSTNESS_FORMAT: u32 = 1;

fn csv_writer(buf: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(buf)
}

/// Writing CSV into memory cannot fail short of running out of it.
fn record<I, T>(w: &mut csv::Writer<&mut Vec<u8>>, fields: I)
where
    I: IntoIterator<Item = T>,
    T: AsRef<[u8]>,
{
    let _ = w.write_record(fields);
}

fn to_text(buf: Vec<u8>) -> String {
    String::from_utf8_lossy(&buf).into_owned()
}

/// Each baseline's levels (`[world][outcome]`) from a finished stage-1
/// folder's summary.csv (its `level` rows).
pub fn stage_levels(dir: &Path, worlds: usize) -> Result<Vec<[Level; OUTCOME_COUNT]>, OutputError> {
    let path = dir.join(SUMMARY_FILE);
    let text = fs::read(&path).map_err(|source| OutputError::Read {
        path: path.clone(),
        source,
    })?;
    let bad = |message: String| OutputError::Inconsistent {
        path: path.clone(),
        message,
    };
    let missing = Level {
        mean: f64::NAN,
        sd: f64::NAN,
        n: 0,
    };
    let mut levels = vec![[missing; OUTCOME_COUNT]; worlds];
    let mut reader = csv::Reader::from_reader(text.as_slice());
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| bad(e.to_string()))?;
        // point,arm,comparison,outcome,unit,mean,sd,ci_low,ci_high,n
        if rec.len() != 10 {
            return Err(bad(format!("row {} has {} fields", i + 2, rec.len())));
        }
        if &rec[2] != "level" {
            continue;
        }
        let point: usize = rec[0]
            .parse()
            .map_err(|_| bad(format!("row {}: bad point", i + 2)))?;
        let Some(o) = OUTCOMES.iter().position(|o| o.name == &rec[3]) else {
            continue;
        };
        let slot = levels
            .get_mut(point)
            .ok_or_else(|| bad(format!("row {}: point {point} is not a world", i + 2)))?;
        slot[o] = Level {
            mean: parse_csv_float(&rec[5]).unwrap_or(f64::NAN),
            sd: parse_csv_float(&rec[6]).unwrap_or(f64::NAN),
            n: rec[9].parse().unwrap_or(0),
        };
    }
    Ok(levels)
}

/// Column names made unique by a suffix (`_2`, `_3`) where two patterns
/// share an outcome.
fn unique(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let mut candidate = name.clone();
        let mut k = 2;
        while out.contains(&candidate) {
            candidate = format!("{name}_{k}");
            k += 1;
        }
        out.push(candidate);
    }
    out
}

/// worlds.csv; `waves[w]` is world `w`'s wave (1 or 2).
pub fn worlds_csv(
    spec: &RobustnessSpec,
    worlds: &[Vec<f64>],
    matches: &[WorldMatch],
    waves: &[u32],
) -> String {
    let mut buf = Vec::new();
    {
        let mut w = csv_writer(&mut buf);
        let names = || PATTERNS.iter().map(|p| OUTCOMES[p.outcome as usize].name);
        let header: Vec<String> = ["world", "wave", "kept", "implausibility"]
            .into_iter()
            .map(str::to_owned)
            .chain(unique(names().map(|n| format!("implausibility_{n}"))))
            .chain(unique(names().map(|n| format!("baseline_{n}"))))
            .chain(spec.uncertain.iter().map(|u| u.param.key()))
            .collect();
        record(&mut w, &header);
        for (i, ((values, m), wave)) in worlds.iter().zip(matches).zip(waves).enumerate() {
            let row: Vec<String> = [
                i.to_string(),
                wave.to_string(),
                m.kept.to_string(),
                csv_float(m.implausibility),
            ]
            .into_iter()
            .chain(m.per_pattern.iter().map(|&x| csv_float(x)))
            .chain(m.means.iter().map(|&x| csv_float(x)))
            .chain(values.iter().map(|&x| csv_float(x)))
            .collect();
            record(&mut w, &row);
        }
        let _ = w.flush();
    }
    to_text(buf)
}

/// effects.csv.
pub fn effects_csv(spec: &RobustnessSpec, a: &Analysis) -> String {
    let mut buf = Vec::new();
    {
        let mut w = csv_writer(&mut buf);
        record(
            &mut w,
            [
                "world", "arm", "outcome", "unit", "mean", "sd", "ci_low", "ci_high", "n",
                "verdict",
            ],
        );
        for e in &a.effects {
            let o = &OUTCOMES[e.outcome as usize];
            let s = e.summary;
            record(
                &mut w,
                [
                    e.world.to_string(),
                    spec.scenario.arms[e.arm].name.clone(),
                    o.name.to_owned(),
                    o.unit.to_owned(),
                    csv_float(s.mean),
                    csv_float(s.sd),
                    csv_float(s.ci_low),
                    csv_float(s.ci_high),
                    s.n.to_string(),
                    e.verdict.word(e.outcome).to_owned(),
                ],
            );
        }
        let _ = w.flush();
    }
    to_text(buf)
}

fn direction_name(b: Better) -> &'static str {
    match b {
        Better::Lower => "lower_is_better",
        Better::Higher => "higher_is_better",
        Better::Neither => "neither",
    }
}

/// robustness.csv.
pub fn robustness_csv(spec: &RobustnessSpec, a: &Analysis) -> String {
    let mut buf = Vec::new();
    {
        let mut w = csv_writer(&mut buf);
        record(
            &mut w,
            [
                "arm",
                "outcome",
                "unit",
                "direction",
                "worlds",
                "better",
                "no_clear_difference",
                "worse",
                "lower",
                "higher",
                "share_better",
                "share_no_clear_difference",
                "share_worse",
                "p05",
                "median",
                "p95",
            ],
        );
        for r in &a.robustness {
            let o = &OUTCOMES[r.outcome as usize];
            let share = |k: usize| csv_float(k as f64 / r.worlds as f64);
            let (better_n, worse_n, better_s, worse_s) = match r.better_worse() {
                Some((b, w)) => (b.to_string(), w.to_string(), share(b), share(w)),
                None => ("NA".into(), "NA".into(), "NA".into(), "NA".into()),
            };
            record(
                &mut w,
                [
                    spec.scenario.arms[r.arm].name.clone(),
                    o.name.to_owned(),
                    o.unit.to_owned(),
                    direction_name(better(r.outcome)).to_owned(),
                    r.worlds.to_string(),
                    better_n,
                    r.unclear.to_string(),
                    worse_n,
                    r.lower.to_string(),
                    r.higher.to_string(),
                    better_s,
                    share(r.unclear),
                    worse_s,
                    csv_float(r.p05),
                    csv_float(r.median),
                    csv_float(r.p95),
                ],
            );
        }
        let _ = w.flush();
    }
    to_text(buf)
}

/// boxes.csv: one row per step of each trajectory and restricted parameter
/// (a step that restricts nothing has one row with an empty parameter).
pub fn boxes_csv(spec: &RobustnessSpec, a: &Analysis) -> String {
    let mut buf = Vec::new();
    {
        let mut w = csv_writer(&mut buf);
        record(
            &mut w,
            [
                "arm",
                "outcome",
                "worse_worlds",
                "box",
                "step",
                "chosen",
                "n",
                "k",
                "coverage",
                "density",
                "mass",
                "restricted",
                "parameter",
                "restricts",
                "low",
                "high",
            ],
        );
        for d in &a.discoveries {
            let first = &d.trajectory[0];
            let shown = d.chosen.zip(d.shown.as_ref());
            let boxes = d
                .trajectory
                .iter()
                .enumerate()
                .map(|(step, b)| (if step < d.peeled { "peel" } else { "paste" }, step, b))
                .chain(shown.map(|(step, b)| ("shown", step, b)));
            for (kind, step, b) in boxes {
                let head = [
                    spec.scenario.arms[d.arm].name.clone(),
                    OUTCOMES[d.outcome as usize].name.to_owned(),
                    d.worse.to_string(),
                    kind.to_owned(),
                    step.to_string(),
                    (d.chosen == Some(step)).to_string(),
                    b.n.to_string(),
                    b.k.to_string(),
                    csv_float(b.coverage),
                    csv_float(b.density),
                    csv_float(b.mass),
                    b.restricted.len().to_string(),
                ];
                if b.restricted.is_empty() {
                    record(
                        &mut w,
                        head.iter().cloned().chain([
                            String::new(),
                            String::new(),
                            String::new(),
                            String::new(),
                        ]),
                    );
                }
                for &p in &b.restricted {
                    let (low, high) = b.limits[p];
                    let restricts = match (low != first.limits[p].0, high != first.limits[p].1) {
                        (true, true) => "both",
                        (true, false) => "low",
                        _ => "high",
                    };
                    record(
                        &mut w,
                        head.iter().cloned().chain([
                            spec.uncertain[p].param.key(),
                            restricts.to_owned(),
                            csv_float(low),
                            csv_float(high),
                        ]),
                    );
                }
            }
        }
        let _ = w.flush();
    }
    to_text(buf)
}

/// The order of parameters by separation: largest first, ties (and NaN)
/// in spec order.
pub fn separation_order(separation: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..separation.len()).collect();
    let key = |i: usize| {
        if separation[i].is_nan() {
            -1.0
        } else {
            separation[i]
        }
    };
    order.sort_by(|&i, &j| key(j).total_cmp(&key(i)).then(i.cmp(&j)));
    order
}

/// separation.csv.
pub fn separation_csv(spec: &RobustnessSpec, a: &Analysis) -> String {
    let mut buf = Vec::new();
    {
        let mut w = csv_writer(&mut buf);
        record(
            &mut w,
            [
                "arm",
                "outcome",
                "rank",
                "parameter",
                "separation",
                "separation_better_worse",
            ],
        );
        for d in &a.discoveries {
            for (rank, p) in separation_order(&d.separation).into_iter().enumerate() {
                record(
                    &mut w,
                    [
                        spec.scenario.arms[d.arm].name.clone(),
                        OUTCOMES[d.outcome as usize].name.to_owned(),
                        (rank + 1).to_string(),
                        spec.uncertain[p].param.key(),
                        csv_float(d.separation[p]),
                        csv_float(d.separation_better[p]),
                    ],
                );
            }
        }
        let _ = w.flush();
    }
    to_text(buf)
}

/// What the manifest records besides the spec.
#[derive(Clone, Debug, Default)]
pub struct StudyRecord {
    /// Worlds drawn in all waves.
    pub drawn: usize,
    /// Worlds kept by history matching.
    pub kept: usize,
    /// Stage 1's plan hash.
    pub stage1_hash: String,
    /// The second wave's stage-1 plan hash (empty with one wave).
    pub wave2_hash: String,
    /// Stage 2's plan hash (empty when no world was kept).
    pub stage2_hash: String,
    /// Runs that failed in stage 1 (both waves) and stage 2.
    pub failures: [usize; 2],
}

#[derive(Serialize)]
struct UncertainInfo {
    key: String,
    unit: &'static str,
    role: &'static str,
    low: f64,
    high: f64,
}

#[derive(Serialize)]
struct PatternInfo {
    outcome: &'static str,
    low: f64,
    high: f64,
    source: &'static str,
}

#[derive(Serialize)]
struct Manifest<'a> {
    results_format: u32,
    kind: &'static str,
    tillit_version: &'static str,
    engine_revision: u32,
    name: &'a str,
    /// The scenario's title per language; left out when it has none.
    #[serde(skip_serializing_if = "crate::scenario::LocalText::is_empty")]
    title: &'a crate::scenario::LocalText,
    language: Option<crate::scenario::Language>,
    arms: Vec<&'a str>,
    /// Each arm as reports name it, per language (`Arm::display_name`).
    arm_labels: Vec<crate::scenario::LocalText>,
    baseline: usize,
    worlds: u32,
    waves: u32,
    drawn: usize,
    kept: usize,
    replications: u32,
    seed: u64,
    design: &'static str,
    cutoff: f64,
    measure: &'static str,
    uncertain: Vec<UncertainInfo>,
    patterns: Vec<PatternInfo>,
    outcomes: Vec<&'static str>,
    prim: serde_json::Value,
    stage1_hash: &'a str,
    wave2_hash: &'a str,
    stage2_hash: &'a str,
    failures: serde_json::Value,
    files: Vec<&'static str>,
}

/// The study's manifest.json: what was studied and how.
pub fn manifest_json(spec: &RobustnessSpec, study: &StudyRecord) -> String {
    let m = Manifest {
        results_format: ROBUSTNESS_FORMAT,
        kind: "robustness",
        tillit_version: env!("CARGO_PKG_VERSION"),
        engine_revision: crate::engine::ENGINE_REVISION,
        name: &spec.scenario.name,
        title: &spec.scenario.title,
        language: spec.scenario.language,
        arms: spec.scenario.arms.iter().map(|a| a.name.as_str()).collect(),
        arm_labels: spec
            .scenario
            .arms
            .iter()
            .map(|a| crate::scenario::LocalText::PerLanguage {
                sv: Some(a.display_name(crate::scenario::Language::Sv).to_owned()),
                en: Some(a.display_name(crate::scenario::Language::En).to_owned()),
            })
            .collect(),
        baseline: spec.scenario.baseline,
        worlds: spec.worlds,
        waves: spec.waves,
        drawn: study.drawn,
        kept: study.kept,
        replications: spec.replications,
        seed: spec.seed,
        design: "latin_hypercube",
        cutoff: spec.cutoff,
        measure: spec.measure.name(),
        uncertain: spec
            .uncertain
            .iter()
            .map(|u| UncertainInfo {
                key: u.param.key(),
                unit: u.param.unit,
                role: u.param.plausible().map_or("", |p| p.role.name()),
                low: u.low,
                high: u.high,
            })
            .collect(),
        patterns: PATTERNS
            .iter()
            .map(|p| PatternInfo {
                outcome: OUTCOMES[p.outcome as usize].name,
                low: p.low,
                high: p.high,
                source: p.source,
            })
            .collect(),
        outcomes: spec
            .outcomes
            .iter()
            .map(|&o| OUTCOMES[o as usize].name)
            .collect(),
        prim: serde_json::json!({
            "peel_alpha": spec.prim.alpha,
            "paste_alpha": spec.prim.paste_alpha,
            "min_mass": spec.prim.min_mass,
            "objective": spec.prim.objective.name(),
            "min_coverage": spec.min_coverage,
        }),
        stage1_hash: &study.stage1_hash,
        wave2_hash: &study.wave2_hash,
        stage2_hash: &study.stage2_hash,
        failures: serde_json::json!({ "stage1": study.failures[0], "stage2": study.failures[1] }),
        files: vec![
            WORLDS_FILE,
            EFFECTS_FILE,
            ROBUSTNESS_FILE,
            BOXES_FILE,
            SEPARATION_FILE,
            SPEC_FILE,
        ],
    };
    let mut text = serde_json::to_string_pretty(&m).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes `files` (name, contents) and the manifest into `dir`, holding
/// the folder's lock: staged first, then put in place with the manifest
/// last ([`super::commit`]), so that the folder always holds either the
/// complete old study or the complete new one. Returns warnings about
/// cleanup that failed after the new files were complete.
pub fn write_study(
    dir: &Path,
    files: &[(&str, String)],
    manifest: &str,
) -> Result<Vec<String>, OutputError> {
    super::fs_ops::create_dir_all(dir).map_err(|source| OutputError::CreateDir {
        path: dir.to_owned(),
        source,
    })?;
    let _lock = super::FolderLock::exclusive(dir)?;
    let mut warnings = super::commit::recover(dir)?;
    let staging = super::commit::Staging::begin(dir)?;
    for (name, contents) in files {
        staging.write(name, contents.as_bytes())?;
    }
    staging.write(MANIFEST_FILE, manifest.as_bytes())?;
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    warnings.extend(staging.commit(&names, MANIFEST_FILE, &[])?);
    Ok(warnings)
}

/// A PRIM box in words, e.g. `stress.rise_days <= 7.2 and
/// decisions.approval_catch_rate in [0.5, 0.6]`: only the restricted
/// parameters, each by the ends that moved from the first box's.
pub fn box_words(
    spec: &RobustnessSpec,
    first: &crate::robustness::prim::PrimBox,
    b: &crate::robustness::prim::PrimBox,
) -> String {
    let num = |x: f64| crate::model::params::fmt_num((x * 1000.0).round() / 1000.0);
    let parts: Vec<String> = b
        .restricted
        .iter()
        .map(|&d| {
            let key = spec.uncertain[d].param.key();
            let (lo, hi) = b.limits[d];
            let (lo0, hi0) = first.limits[d];
            match (lo != lo0, hi != hi0) {
                (true, true) => format!("{key} in [{}, {}]", num(lo), num(hi)),
                (true, false) => format!("{key} >= {}", num(lo)),
                _ => format!("{key} <= {}", num(hi)),
            }
        })
        .collect();
    if parts.is_empty() {
        "anywhere".to_owned()
    } else {
        parts.join(" and ")
    }
}

/// The terminal summary: per arm other than the baseline, the share of
/// kept worlds in which it is better, unclear and worse on each studied
/// outcome, the spread of the effect, and the PRIM box of the worlds where
/// it does worse.
pub fn robustness_table(spec: &RobustnessSpec, a: &Analysis, drawn: usize, kept: usize) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let base = &spec.scenario.arms[spec.scenario.baseline].name;
    let ruled_out = drawn - kept;
    for (arm_index, arm) in spec.scenario.arms.iter().enumerate() {
        if arm_index == spec.scenario.baseline {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{} vs {base} across {kept} plausible worlds ({} drawn, {ruled_out} ruled out by history matching):",
            arm.name, drawn
        );
        let _ = writeln!(
            out,
            "  {:<32} {:>7} {:>9} {:>7}   median effect [5%, 95% of worlds]",
            "outcome", "better", "no clear", "worse"
        );
        for &outcome in &spec.outcomes {
            let Some(r) = a
                .robustness
                .iter()
                .find(|r| r.arm == arm_index && r.outcome == outcome)
            else {
                continue;
            };
            let pct = |k: usize| {
                if r.worlds == 0 {
                    "NA".to_owned()
                } else {
                    format!("{:.0} %", 100.0 * k as f64 / r.worlds as f64)
                }
            };
            let (b, w) = match r.better_worse() {
                Some((b, w)) => (pct(b), pct(w)),
                None => (
                    format!("{} up", pct(r.higher)),
                    format!("{} down", pct(r.lower)),
                ),
            };
            let spec_o = &OUTCOMES[outcome as usize];
            let g = |x: f64| {
                if x.is_finite() {
                    format!("{x:.3}")
                } else {
                    "NA".to_owned()
                }
            };
            let _ = writeln!(
                out,
                "  {:<32} {:>7} {:>9} {:>7}   {} [{}, {}] {}",
                spec_o.name,
                b,
                pct(r.unclear),
                w,
                g(r.median),
                g(r.p05),
                g(r.p95),
                spec_o.unit
            );
        }
        for d in a.discoveries.iter().filter(|d| d.arm == arm_index) {
            let name = OUTCOMES[d.outcome as usize].name;
            match &d.shown {
                Some(b) if b.restricted.is_empty() => {
                    let _ = writeln!(
                        out,
                        "  {} does worse on {name} in {} worlds, with no parameter range that stands out \
                         (every restriction of PRIM's box fails the 5 % test)",
                        arm.name, d.worse
                    );
                }
                Some(b) => {
                    let _ = writeln!(
                        out,
                        "  {} does worse on {name} mostly where {} (coverage {:.2}, density {:.2}; {} of {} worse worlds inside)",
                        arm.name,
                        box_words(spec, &d.trajectory[0], b),
                        b.coverage,
                        b.density,
                        b.k,
                        d.worse
                    );
                }
                None => {
                    let _ = writeln!(
                        out,
                        "  {} does worse on {name} in {} worlds, with no box of enough coverage",
                        arm.name, d.worse
                    );
                }
            }
            let top: Vec<String> = separation_order(&d.separation)
                .into_iter()
                .take(3)
                .filter(|&p| d.separation[p].is_finite())
                .map(|p| format!("{} {:.2}", spec.uncertain[p].param.key(), d.separation[p]))
                .collect();
            if !top.is_empty() {
                let _ = writeln!(
                    out,
                    "    assumptions that best separate those worlds (Kolmogorov-Smirnov): {}",
                    top.join(", ")
                );
            }
        }
    }
    out
}
