//! The parameter reference, docs/PARAMETERS.md, generated from the registry
//! and the presets so that it cannot drift from the code (a test compares
//! the file with [`parameters_markdown`]).

use std::fmt::Write;

use crate::model::params::ParamSpec;
use crate::model::params::{GROUP_DOCS, PARAMETERS, Params};
use crate::model::presets::Preset;

/// What the plausible column means (docs/PARAMETERS.md).
const PLAUSIBLE_INTRO: &str = "The *plausible* column is the range a robustness study \
(`tillit robustness`, docs/ROBUSTNESS.md) draws worlds from, with its role and reason: \
*assumed* values are uncertain by default; *measured* values have a range but stay at their \
default unless a scenario's `[uncertainty]` table names them; *fixed* values are choices of \
the scenario (size, working time, legal deadlines, outcome definitions, steering levers) and \
are never varied unless a scenario gives them a range. Without a source, an assumption's \
range is ±50 % around its default, cut to the allowed range.";

/// A parameter's plausible range, role and reason, for the table.
fn plausible_cell(p: &ParamSpec) -> String {
    match p.plausible() {
        Some(q) => format!("{} ({}): {}", q.range_text(), q.role.name(), q.reason),
        None => "not yet classified".to_owned(),
    }
}

/// The whole of docs/PARAMETERS.md.
pub fn parameters_markdown() -> String {
    let mut md = String::new();
    // Writing to a String cannot fail.
    let _ = write_reference(&mut md);
    md
}

fn write_reference(md: &mut String) -> std::fmt::Result {
    writeln!(md, "# Parameters")?;
    writeln!(md)?;
    writeln!(
        md,
        "Every parameter of tillit, generated from the registry in `src/model/params.rs` \
         by `tillit params --format markdown`; do not edit by hand. In a scenario, a \
         parameter is set as `name = value` in the table `[group]` (steering levers in an \
         `[[arm]]` or `[[event]]`). Sources cite works as (author year), listed with their \
         full references in `docs/REFERENCES.md`; \"assumption\" marks a value with no \
         source, with the reason."
    )?;
    writeln!(md)?;
    writeln!(md, "{PLAUSIBLE_INTRO}")?;
    for (group, doc) in GROUP_DOCS {
        writeln!(md)?;
        writeln!(md, "## `[{group}]`")?;
        writeln!(md)?;
        writeln!(md, "{}", doc.trim())?;
        writeln!(md)?;
        writeln!(
            md,
            "| key | unit | default | range | plausible | meaning | source |"
        )?;
        writeln!(md, "|---|---|---|---|---|---|---|")?;
        for p in PARAMETERS.iter().filter(|p| p.group == *group) {
            writeln!(
                md,
                "| `{}` | {} | {} | {} | {} | {} | {} |",
                p.key(),
                p.unit,
                p.format_value(p.default),
                p.range_text(),
                plausible_cell(p),
                p.meaning,
                p.source
            )?;
        }
    }
    writeln!(md)?;
    writeln!(md, "## Presets")?;
    writeln!(md)?;
    writeln!(
        md,
        "Each arm starts from a preset: its steering levers (the defaults above are the \
         control preset), which the arm may then override one by one."
    )?;
    writeln!(md)?;
    write!(md, "| lever |")?;
    for preset in Preset::ALL {
        write!(md, " `{}` |", preset.name())?;
    }
    writeln!(md)?;
    writeln!(md, "|---|{}", "---|".repeat(Preset::ALL.len()))?;
    let with: Vec<Params> = Preset::ALL
        .iter()
        .map(|preset| Params {
            steering: preset.steering(),
            ..Params::default()
        })
        .collect();
    for p in PARAMETERS.iter().filter(|p| p.group == "steering") {
        write!(md, "| `{}` |", p.name)?;
        for params in &with {
            write!(md, " {} |", p.format_value(p.get(params)))?;
        }
        writeln!(md)?;
    }
    writeln!(md)?;
    for preset in Preset::ALL {
        writeln!(md, "- `{}`: {}.", preset.name(), preset.meaning())?;
    }
    Ok(())
}
