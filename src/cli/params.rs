//! `tillit params`: the parameter registry, as a table, CSV or Markdown.

use std::io::Write;

use clap::{Args, ValueEnum};

use tillit::model::params::{PARAMETERS, fmt_num};
use tillit::model::presets::Preset;

/// Arguments of `tillit params`.
#[derive(Debug, Args)]
pub struct ParamsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One block per parameter, for reading.
    Text,
    /// Comma-separated values, one row per parameter.
    Csv,
    /// A Markdown table.
    Markdown,
}

/// Prints the registry.
pub fn params(args: &ParamsArgs) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Text => {
            writeln!(
                out,
                "Every parameter of tillit. In a scenario, set `name = value` in the table [group];\n\
                 steering levers are set per [[arm]] (and [[event]]), starting from a preset.\n"
            )?;
            for p in PARAMETERS {
                writeln!(out, "{}  [{}]", p.key(), p.unit)?;
                writeln!(
                    out,
                    "    default {}, allowed {}",
                    p.format_value(p.default),
                    p.range_text()
                )?;
                writeln!(out, "    {}", p.meaning)?;
                writeln!(out, "    source: {}", p.source)?;
                if let Some(q) = p.plausible() {
                    writeln!(
                        out,
                        "    plausible: {} ({}): {}",
                        q.range_text(),
                        q.role.name(),
                        q.reason
                    )?;
                }
            }
            writeln!(out, "\nPresets (steering levers that differ from control):")?;
            for preset in Preset::ALL {
                writeln!(out, "  {}: {}", preset.name(), preset.meaning())?;
                let base = tillit::model::params::Params::default();
                let with = tillit::model::params::Params {
                    steering: preset.steering(),
                    ..base.clone()
                };
                for p in PARAMETERS.iter().filter(|p| p.group == "steering") {
                    if p.get(&with) != p.get(&base) {
                        writeln!(out, "      {} = {}", p.name, p.format_value(p.get(&with)))?;
                    }
                }
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "key",
                "unit",
                "default",
                "min",
                "max",
                "meaning",
                "source",
                "role",
                "plausible_low",
                "plausible_high",
                "plausible_reason",
            ])?;
            for p in PARAMETERS {
                let q = p.plausible();
                let (low, high) = match q.and_then(|q| q.range) {
                    Some((l, h)) => (fmt_num(l), fmt_num(h)),
                    // A fixed parameter has no range: `NA`, as every tillit CSV
                    // writes a missing value.
                    None => ("NA".to_owned(), "NA".to_owned()),
                };
                w.write_record([
                    p.key(),
                    p.unit.to_string(),
                    fmt_num(p.default),
                    fmt_num(p.min),
                    fmt_num(p.max),
                    p.meaning.to_string(),
                    p.source.to_string(),
                    q.map_or("", |q| q.role.name()).to_owned(),
                    low,
                    high,
                    q.map_or("", |q| q.reason).to_owned(),
                ])?;
            }
            w.flush()?;
            return Ok(());
        }
        Format::Markdown => {
            write!(out, "{}", tillit::model::reference::parameters_markdown())?;
        }
    }
    out.flush()?;
    Ok(())
}
