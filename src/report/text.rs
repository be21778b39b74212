//! Every word a report shows, in Swedish and in English, and the rule that
//! turns a paired difference into a sentence.
//!
//! The words themselves live in Project Fluent message files,
//! `locales/en/report.ftl` and `locales/sv/report.ftl`, embedded in the
//! binary at build time and parsed once ([`catalog`]): a reviewer edits the
//! Swedish there without touching Rust. What lives here is typed access to
//! them: the [`Key`] of every sentence and label (each maps to a message
//! id, so a typo is a compile error, and a test checks that every id exists
//! in both files), the readable names of outcomes, series metrics, levers,
//! presets and units, number formatting per language (decimal comma and a
//! true minus sign in Swedish), which direction is better for each outcome
//! ([`better`]), and [`verdict`] and [`difference_sentence`], which never
//! call a difference whose interval includes zero a difference.
//!
//! A message missing from one language falls back to the other language's,
//! and one missing from both shows its id: never a panic, never a blank.
//!
//! What does not: no layout, no HTML and no SVG. Nothing here reads files.

use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::model::params::ParamSpec;
use crate::outcome::{Outcome, SeriesMetric};
use crate::output::format::decimals_for;
use crate::scenario::Language;

macro_rules! texts {
    ($( $(#[$doc:meta])* $Key:ident => $id:literal; )*) => {
        /// A label or sentence of the report: one message of the Fluent
        /// files. Sentences have `{ $name }` placeholders that [`tf`] fills;
        /// both languages use the same ones (tested).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key { $( $(#[$doc])* $Key, )* }

        impl Key {
            /// Every key, in table order.
            pub const ALL: &[Key] = &[ $( Key::$Key, )* ];

            /// The id of the key's message in the Fluent files.
            pub fn id(self) -> &'static str {
                IDS[self as usize]
            }
        }

        /// Message id per key, in [`Key`] order.
        static IDS: &[&str] = &[ $( $id, )* ];
    };
}

texts! {
    /// Heading of a robustness study's report.
    RobustHeading => "robust-heading";
    /// What a robustness study did.
    RobustIntro => "robust-intro";
    /// How to read shares of worlds.
    RobustCaution => "robust-caution";
    /// When history matching kept no world.
    RobustNoWorlds => "robust-no-worlds";
    /// Heading per arm.
    RobustArmHeading => "robust-arm-heading";
    /// Chart title per arm.
    RobustChartTitle => "robust-chart-title";
    /// Chart caption per arm.
    RobustChartCaption => "robust-chart-caption";
    /// Chart description per arm.
    RobustChartDesc => "robust-chart-desc";
    /// Category: better.
    RobustBetter => "robust-better";
    /// Category: no clear difference.
    RobustUnclear => "robust-unclear";
    /// Category: worse.
    RobustWorse => "robust-worse";
    /// Table column: outcome.
    RobustTableOutcome => "robust-table-outcome";
    /// Table column: median effect.
    RobustTableMedian => "robust-table-median";
    /// Table column: 5-95 % range.
    RobustTableRange => "robust-table-range";
    /// A PRIM box in words.
    RobustBox => "robust-box";
    /// No box stands out.
    RobustNoBox => "robust-no-box";
    /// No mixed verdict.
    RobustNeverWorse => "robust-never-worse";
    /// Joins conditions.
    RobustAnd => "robust-and";
    /// A condition: at least.
    RobustAtLeast => "robust-at-least";
    /// A condition: at most.
    RobustAtMost => "robust-at-most";
    /// A condition: between.
    RobustBetween => "robust-between";
    /// Where the numbers are.
    RobustFiles => "robust-files";
    /// Page title.
    ReportTitle => "report-title";
    /// Line under the title.
    Subtitle => "subtitle";
    /// Heading of the summary.
    SummaryHeading => "summary-heading";
    /// What was compared.
    SummaryIntro => "summary-intro";
    /// How to read the intervals.
    SummaryCaution => "summary-caution";
    /// Heading of the key findings.
    KeyFindingsHeading => "key-findings-heading";
    /// How the key findings were chosen.
    KeyFindingsIntro => "key-findings-intro";
    /// A key finding, lower under the arm.
    FindingLower => "finding-lower";
    /// A key finding, higher under the arm.
    FindingHigher => "finding-higher";
    /// When no difference is clear and large enough.
    NoKeyFindings => "no-key-findings";
    /// Heading of what the findings mean.
    MeaningHeading => "meaning-heading";
    /// The gains of an arm, largest first.
    MeaningGains => "meaning-gains";
    /// The costs of an arm that also gains.
    MeaningCosts => "meaning-costs";
    /// An arm that gains at no clear cost.
    MeaningNoCost => "meaning-no-cost";
    /// An arm that only loses.
    MeaningOnlyCosts => "meaning-only-costs";
    /// An arm with no difference that matters.
    MeaningNothing => "meaning-nothing";
    /// Clear changes with no better direction.
    MeaningDifferent => "meaning-different";
    /// One small clear difference.
    MeaningSmallOne => "meaning-small-one";
    /// Small clear differences, counted.
    MeaningSmall => "meaning-small";
    /// A full factorial sweep, in words.
    DesignFactorial => "design-factorial";
    /// A Latin hypercube sweep, in words.
    DesignLatinHypercube => "design-latin-hypercube";
    /// A sweep over the points of a table, in words.
    DesignTable => "design-table";
    /// A Morris design, in words.
    DesignMorris => "design-morris";
    /// A Sobol design, in words.
    DesignSobol => "design-sobol";
    /// Sobol sampling from a low-discrepancy sequence.
    SamplingSequence => "design-sampling-sequence";
    /// Sobol sampling from random draws.
    SamplingRandom => "design-sampling-random";
    /// An event at a fixed time.
    EventAt => "event-at";
    /// The label of an event with a preset that the scenario gives no label.
    EventSwitchTo => "event-switch-to";
    /// The label of an event without preset or label, by its number.
    EventNumbered => "event-numbered";
    /// An event on a time series, for its text alternative.
    EventLine => "event-line";
    /// An event after the warm-up.
    EventWindow => "event-window";
    /// Heading of the limitations box.
    LimitsHeading => "limits-heading";
    /// What the assumptions are.
    LimitsAssumptions => "limits-assumptions";
    /// What the model leaves out.
    LimitsLeftOut => "limits-left-out";
    /// Heading of what was compared.
    ComparedHeading => "compared-heading";
    /// A count of verdicts.
    CountSmall => "count-small";
    /// Small clear differences, in one sentence.
    SmallList => "small-list";
    /// Verdict tag.
    TagSmall => "tag-small";
    /// Heading per compared arm.
    ComparisonHeading => "comparison-heading";
    /// Counts of verdicts for one arm.
    ComparisonCounts => "comparison-counts";
    /// A count of verdicts.
    CountBetter => "count-better";
    /// A count of verdicts.
    CountWorse => "count-worse";
    /// A count of verdicts.
    CountDifferent => "count-different";
    /// A count of verdicts.
    CountNoClear => "count-no-clear";
    /// A count of verdicts.
    CountUnknown => "count-unknown";
    /// A difference in the better direction.
    DiffBetter => "diff-better";
    /// A difference in the worse direction.
    DiffWorse => "diff-worse";
    /// A difference where neither direction is better.
    DiffNeutral => "diff-neutral";
    /// An interval that includes zero.
    DiffNoClear => "diff-no-clear";
    /// No interval (one replication, or a missing value).
    DiffTooFew => "diff-too-few";
    /// Several outcomes whose intervals include zero, in one sentence.
    NoClearList => "no-clear-list";
    /// An interval in a list.
    IntervalRange => "interval-range";
    /// Plural of the year unit.
    YearsPlural => "years-plural";
    /// Relative change, in brackets after the absolute one.
    Relative => "relative";
    /// Direction word.
    Lower => "lower";
    /// Direction word.
    Higher => "higher";
    /// Verdict tag.
    TagBetter => "tag-better";
    /// Verdict tag.
    TagWorse => "tag-worse";
    /// Verdict tag.
    TagDifferent => "tag-different";
    /// Verdict tag.
    TagNoClear => "tag-no-clear";
    /// Verdict tag.
    TagUnknown => "tag-unknown";
    /// Heading of the outcome charts.
    OutcomesHeading => "outcomes-heading";
    /// Title of the difference chart.
    DifferenceTitle => "difference-title";
    /// Caption of the difference chart.
    DifferenceCaption => "difference-caption";
    /// Caption of an outcome chart.
    OutcomeCaption => "outcome-caption";
    /// One arm in a chart's text alternative.
    ArmValue => "arm-value";
    /// Heading of the time series.
    SeriesHeading => "series-heading";
    /// How to read the time series.
    SeriesIntro => "series-intro";
    /// Caption of a time-series chart.
    SeriesCaption => "series-caption";
    /// Text alternative of a time-series chart.
    SeriesDesc => "series-desc";
    /// Axis label.
    Year => "year";
    /// Marks the warm-up in a chart.
    Warmup => "warmup";
    /// Heading of time use.
    TimeUseHeading => "time-use-heading";
    /// Title of the time-use chart.
    TimeUseTitle => "time-use-title";
    /// Caption of the time-use chart.
    TimeUseCaption => "time-use-caption";
    /// Text alternative of the time-use chart.
    TimeUseDesc => "time-use-desc";
    /// Heading of the scenario section.
    ScenarioHeading => "scenario-heading";
    /// Column heading.
    Alternative => "alternative";
    /// Column heading.
    Preset => "preset";
    /// Column heading.
    Description => "description";
    /// Column heading.
    Events => "events";
    /// Column heading.
    Lever => "lever";
    /// Column heading.
    Unit => "unit";
    /// Column heading.
    Parameter => "parameter";
    /// Column heading.
    Meaning => "meaning";
    /// Column heading.
    Source => "source";
    /// Column heading.
    Value => "value";
    /// Column heading.
    Outcome => "outcome";
    /// When an arm has no events.
    NoEvents => "no-events";
    /// Heading of the levers table.
    LeversHeading => "levers-heading";
    /// Heading of the assumptions.
    AssumptionsHeading => "assumptions-heading";
    /// Introduction to the assumptions.
    AssumptionsIntro => "assumptions-intro";
    /// Shown when every arm has the same value.
    SameInAll => "same-in-all";
    /// Heading of all outcomes.
    AllOutcomesHeading => "all-outcomes-heading";
    /// Introduction to all outcomes.
    AllOutcomesIntro => "all-outcomes-intro";
    /// Heading of the feedback loops.
    LoopsHeading => "loops-heading";
    /// Introduction to the feedback loops.
    LoopsIntro => "loops-intro";
    /// Loop title.
    BurnoutTitle => "burnout-title";
    /// Loop explanation.
    BurnoutText => "burnout-text";
    /// Loop title.
    ControlTitle => "control-title";
    /// Loop explanation.
    ControlText => "control-text";
    /// Loop title.
    CornersTitle => "corners-title";
    /// Loop explanation.
    CornersText => "corners-text";
    /// Loop title.
    SilosTitle => "silos-title";
    /// Loop explanation.
    SilosText => "silos-text";
    /// Indicator line under a loop.
    LoopIndicator => "loop-indicator";
    /// When a loop has no measure in the results.
    LoopNotMeasured => "loop-not-measured";
    /// Heading of the reproduction section.
    ReproHeading => "repro-heading";
    /// Introduction to reproduction.
    ReproIntro => "repro-intro";
    /// Field name.
    Version => "version";
    /// Field name.
    Seed => "seed";
    /// Field name.
    Replications => "replications";
    /// Field name.
    ReplicationsPerPoint => "replications-per-point";
    /// Field name.
    TotalRuns => "total-runs";
    /// Field name.
    Years => "years";
    /// Field name.
    Command => "command";
    /// Field name.
    Finished => "finished";
    /// Field name.
    ResultsFormat => "results-format";
    /// Field name.
    ResultsFolder => "results-folder";
    /// Failed runs.
    Failures => "failures";
    /// Where the SVG files are.
    ChartFiles => "chart-files";
    /// Figure number.
    Figure => "figure";
    /// Heading of a sweep.
    SweepHeading => "sweep-heading";
    /// Line chart over one swept factor.
    SweepTitle => "sweep-title";
    /// Caption of a sweep line chart.
    SweepCaption => "sweep-caption";
    /// Text alternative of a sweep line chart.
    SweepDesc => "sweep-desc";
    /// Caption of a heat map.
    HeatCaption => "heat-caption";
    /// Text alternative of a heat map.
    HeatDesc => "heat-desc";
    /// How many cells of a difference map are clear.
    HeatClearCount => "heat-clear-count";
    /// The mark of a clear cell, in the colour key.
    HeatClearMark => "heat-clear-mark";
    /// Caption of a difference map.
    HeatDiffCaption => "heat-diff-caption";
    /// Which side is better, for a caption.
    LowerIsBetter => "lower-is-better";
    /// Which side is better, for a caption.
    HigherIsBetter => "higher-is-better";
    /// Which side is better, for a caption.
    NeitherIsBetter => "neither-is-better";
    /// Heading of a sensitivity analysis.
    SensitivityHeading => "sensitivity-heading";
    /// Ranking chart title.
    RankingTitle => "ranking-title";
    /// Caption of a ranking chart.
    RankingCaption => "ranking-caption";
    /// Caption of a ranking chart of total Sobol indices.
    RankingCaptionSobol => "ranking-caption-sobol";
    /// Unit of a Sobol index.
    ShareOfVariance => "share-of-variance";
    /// What a sweep compared.
    SweepIntro => "sweep-intro";
    /// What a sensitivity analysis compared.
    SensitivityIntro => "sensitivity-intro";
    /// The ranking of one outcome, in words.
    SensitivityTop => "sensitivity-top";
    /// The first two factors' intervals overlap.
    SensitivityOverlap => "sensitivity-overlap";
    /// Direction of a factor.
    Raises => "raises";
    /// Direction of a factor.
    Lowers => "lowers";
    /// When no factor moved an outcome.
    SensitivityNone => "sensitivity-none";
    /// The caution for parameter studies.
    StudyCaution => "study-caution";
    /// A sweep's verdicts for one outcome and arm, counted over the points.
    SweepCounts => "sweep-counts";
    /// A sweep's outcome where the arm is better at every point.
    SweepBetterEverywhere => "sweep-better-everywhere";
    /// A sweep's outcome where the arm is worse at every point.
    SweepWorseEverywhere => "sweep-worse-everywhere";
    /// A sweep's outcome with no better direction.
    SweepDiffers => "sweep-differs";
    /// A swept factor's value in the scenario's tables.
    SweptRange => "swept-range";
    /// Caption of a sensitivity table.
    FactorTableCaption => "factor-table-caption";
    /// Column heading.
    StudiedRange => "studied-range";
    /// Column heading: Morris mu.
    MuColumn => "mu-column";
    /// Column heading: Morris mu*.
    MuStarColumn => "mu-star-column";
    /// Column heading: Sobol S1.
    S1Column => "s1-column";
    /// Column heading: Sobol ST.
    StColumn => "st-column";
    /// Field name.
    Design => "design";
    /// Text alternative of a ranking chart.
    RankingDesc => "ranking-desc";
    /// A switch that is on.
    Yes => "yes";
    /// A switch that is off.
    No => "no";
    /// Missing value.
    NotAvailable => "not-available";
    /// Joins the last two items of a list.
    And => "and";
    /// Footer.
    Footer => "footer";
    // issue-15-charts: keys added by the charts, events and print work.
    /// Introduction to the outcome charts, pointing to the figure of paired differences.
    OutcomesIntroFigure => "outcomes-intro-figure";
    /// Introduction to the outcome charts when there is no figure of differences.
    OutcomesIntroPlain => "outcomes-intro-plain";
    /// Which series are smoothed, under the series heading.
    SeriesSmoothedNote => "series-smoothed-note";
    /// Caption of a smoothed time series.
    SeriesCaptionSmoothed => "series-caption-smoothed";
    /// Caption of the table of post-switch means.
    PostSwitchCaption => "post-switch-caption";
    /// The post-switch means in the text.
    PostSwitchText => "post-switch-text";
    /// Column heading: the whole window.
    WindowColumn => "window-column";
    /// Column heading: after the switch.
    AfterSwitchColumn => "after-switch-column";
    /// Column heading: the series.
    SeriesColumn => "series-column";
    /// The assumptions: what the first table holds.
    ChangedIntro => "changed-intro";
    /// The assumptions when no parameter is changed.
    NoneChanged => "none-changed";
    /// Column heading: the registry default.
    DefaultColumn => "default-column";
    /// Marks a value changed from the default.
    ChangedMark => "changed-mark";
    /// Heading of the appendix of default parameters.
    AppendixHeading => "appendix-heading";
    /// Introduction to the appendix.
    AppendixIntro => "appendix-intro";
    /// Column heading: a factor's rank (shared within a group).
    RankColumn => "rank-column";
    /// What a shared rank means.
    RankNote => "rank-note";
    /// Under the levers table: what the mark means.
    LeversChangedNote => "levers-changed-note";
}

/// The English message file, as embedded at build time.
pub const ENGLISH_FTL: &str = include_str!("../../locales/en/report.ftl");
/// The Swedish message file, as embedded at build time.
pub const SWEDISH_FTL: &str = include_str!("../../locales/sv/report.ftl");

/// The messages of one language: the Fluent bundle (for messages with
/// placeholders) and every message value and attribute formatted once
/// without arguments, so that plain labels are `&str` borrowed from here.
struct Messages {
    bundle: FluentBundle<FluentResource>,
    /// `id` (a message's value) or `id.attribute`, formatted.
    plain: HashMap<String, String>,
    /// Syntax errors and duplicate ids, as `line N: what`.
    errors: Vec<String>,
}

impl Messages {
    fn new(tag: &str, source: &str) -> Messages {
        let mut errors = Vec::new();
        let line_of = |pos: usize| source[..pos.min(source.len())].lines().count().max(1);
        // A file with syntax errors still gives every message it could
        // read; the others fall back (see `Catalog::get`).
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(r) => r,
            Err((r, errs)) => {
                errors.extend(
                    errs.iter()
                        .map(|e| format!("line {}: {}", line_of(e.pos.start), e.kind)),
                );
                r
            }
        };
        let mut names = Vec::new();
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                names.push((m.id.name.to_owned(), None));
                for a in &m.attributes {
                    names.push((m.id.name.to_owned(), Some(a.id.name.to_owned())));
                }
            }
        }
        let langid = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Unicode isolation marks would end up in the HTML and SVG.
        bundle.set_use_isolating(false);
        if let Err(errs) = bundle.add_resource(resource) {
            errors.extend(errs.iter().map(|e| e.to_string()));
        }
        let mut plain = HashMap::new();
        for (id, attribute) in names {
            let Some(message) = bundle.get_message(&id) else {
                continue;
            };
            let pattern = match &attribute {
                None => message.value(),
                Some(a) => message.get_attribute(a).map(|a| a.value()),
            };
            if let Some(pattern) = pattern {
                let mut errs = Vec::new();
                let text = bundle.format_pattern(pattern, None, &mut errs).into_owned();
                let key = match attribute {
                    None => id,
                    Some(a) => format!("{id}.{a}"),
                };
                plain.insert(key, text);
            }
        }
        Messages {
            bundle,
            plain,
            errors,
        }
    }
}

/// The report's messages in both languages.
pub struct Catalog {
    en: Messages,
    sv: Messages,
}

impl Catalog {
    /// Parses the two message files. Never fails: errors are kept for
    /// [`Catalog::errors`] (a test checks there are none in the shipped
    /// files) and what could be read is used.
    pub fn new(english: &str, swedish: &str) -> Catalog {
        Catalog {
            en: Messages::new("en", english),
            sv: Messages::new("sv", swedish),
        }
    }

    fn messages(&self, lang: Language) -> [&Messages; 2] {
        match lang {
            Language::En => [&self.en, &self.sv],
            Language::Sv => [&self.sv, &self.en],
        }
    }

    /// The syntax errors and duplicate ids of one language's file.
    pub fn errors(&self, lang: Language) -> &[String] {
        &self.messages(lang)[0].errors
    }

    /// Every message id of one language's file, with `id.attribute` for
    /// each attribute.
    pub fn ids(&self, lang: Language) -> impl Iterator<Item = &str> {
        self.messages(lang)[0].plain.keys().map(String::as_str)
    }

    /// Whether `id` (or `id.attribute`) is in `lang`'s own file.
    pub fn has(&self, lang: Language, id: &str) -> bool {
        self.messages(lang)[0].plain.contains_key(id)
    }

    /// Message `id` (or `id.attribute`) without arguments in `lang`,
    /// else in the other language; `None` where neither file has it.
    pub fn get(&self, lang: Language, id: &str) -> Option<&str> {
        self.messages(lang)
            .into_iter()
            .find_map(|m| m.plain.get(id))
            .map(String::as_str)
    }

    /// Message `id` in `lang` with its placeholders filled from `values`,
    /// in one pass (a value is never filled in again). Falls back to the
    /// other language, then to `[id]`; a placeholder without a value shows
    /// as `{$name}`.
    pub fn format(&self, lang: Language, id: &str, values: &[(&str, &str)]) -> String {
        let mut args = FluentArgs::with_capacity(values.len());
        for &(name, value) in values {
            args.set(name, FluentValue::from(value));
        }
        for m in self.messages(lang) {
            if let Some(pattern) = m.bundle.get_message(id).and_then(|msg| msg.value()) {
                let mut errors = Vec::new();
                return m
                    .bundle
                    .format_pattern(pattern, Some(&args), &mut errors)
                    .into_owned();
            }
        }
        format!("[{id}]")
    }
}

/// The shipped messages, parsed on first use.
static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog::new(ENGLISH_FTL, SWEDISH_FTL));

/// The shipped messages (`locales/*/report.ftl`).
pub fn catalog() -> &'static Catalog {
    &CATALOG
}

/// A message id from a registry name: `prefix-name` with `_` as `-`.
fn name_id(prefix: &str, name: &str) -> String {
    format!("{prefix}-{}", name.replace('_', "-"))
}

/// A message id from a unit as the registries write it (`hours/week`):
/// `prefix-hours-week`, lower case letters and digits joined by `-`.
pub fn unit_id(prefix: &str, unit: &str) -> String {
    let mut id = format!("{prefix}-");
    let mut dash = true;
    for c in unit.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            id.push(c);
            dash = false;
        } else if !dash {
            id.push('-');
            dash = true;
        }
    }
    let id = id.trim_end_matches('-').to_owned();
    if id.len() == prefix.len() {
        format!("{prefix}-none")
    } else {
        id
    }
}

/// The text of `key` in `lang` (see [`Catalog::get`] for the fallbacks).
pub fn t(lang: Language, key: Key) -> &'static str {
    catalog().get(lang, key.id()).unwrap_or(key.id())
}

/// The text of `key` in `lang` with its `{ $name }` placeholders filled
/// from `values` (see [`Catalog::format`]).
pub fn tf(lang: Language, key: Key, values: &[(&str, &str)]) -> String {
    catalog().format(lang, key.id(), values)
}

/// Capitalises the first letter (labels are lower case to sit inside
/// sentences).
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Joins items as a list: `a, b and c` / `a, b och c`.
pub fn join_list(lang: Language, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), t(lang, Key::And)),
    }
}

/// The readable name of an outcome in `lang`, lower case (the outcome's
/// name where no message file has it).
pub fn outcome_label(lang: Language, o: Outcome) -> &'static str {
    let name = o.spec().name;
    catalog()
        .get(lang, &name_id("outcome", name))
        .unwrap_or(name)
}

/// The readable name of a series metric in `lang`, lower case.
pub fn series_label(lang: Language, m: SeriesMetric) -> &'static str {
    let name = m.spec().name;
    catalog()
        .get(lang, &name_id("series", name))
        .unwrap_or(name)
}

/// The readable name of steering lever `name` in `lang`, if it has one.
/// A test checks that every lever of the registry has one.
pub fn lever_label(lang: Language, name: &str) -> Option<&'static str> {
    catalog().get(lang, &name_id("lever", name))
}

/// The readable name of a preset in `lang` (`trust` is `tillit`); the
/// name as written for one this build does not know.
pub fn preset_label(lang: Language, preset: &str) -> String {
    catalog()
        .get(lang, &name_id("preset", preset))
        .unwrap_or(preset)
        .to_owned()
}

/// The message id of parameter `group.name`'s name: `lever-<name>` for a
/// steering lever, `param-<group>-<name>` for any other (`_` as `-`).
pub fn param_id(key: &str) -> Option<String> {
    let (group, name) = key.split_once('.')?;
    Some(if group == "steering" {
        name_id("lever", name)
    } else {
        name_id("param", &format!("{group}-{name}"))
    })
}

/// The readable name of parameter `group.name` in `lang`, if it has one:
/// a steering lever's label, or a message `param-<group>-<name>`. A test
/// checks that every registry parameter has one in both files; a key this
/// build does not know has none, and a report shows the key.
pub fn param_label(lang: Language, key: &str) -> Option<&'static str> {
    let (group, name) = key.split_once('.')?;
    if group == "steering" {
        return lever_label(lang, name);
    }
    catalog().get(lang, &param_id(key)?)
}

/// A registry text (a parameter's meaning or source) as a report shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParamText {
    /// The text.
    pub text: &'static str,
    /// Whether it is the registry's English in a report of another
    /// language: the page then marks it `lang="en"`.
    pub english: bool,
}

/// A parameter's registry text in `lang`: the registry's own English, or
/// in Swedish the attribute `attribute` (`meaning`, `source`) of the
/// parameter's message; the English, marked as such, where the Swedish file
/// lacks it (a test checks that it never does for a registry parameter).
fn param_text(lang: Language, p: &ParamSpec, attribute: &str, english: &'static str) -> ParamText {
    if lang == Language::En {
        return ParamText {
            text: english,
            english: false,
        };
    }
    let own = param_id(&p.key())
        .map(|id| format!("{id}.{attribute}"))
        .filter(|id| catalog().has(lang, id))
        .and_then(|id| catalog().get(lang, &id));
    match own {
        Some(text) => ParamText {
            text,
            english: false,
        },
        None => ParamText {
            text: english,
            english: true,
        },
    }
}

/// What parameter `p` means, in `lang` (the registry's English in English,
/// the message attribute `.meaning` in Swedish).
pub fn param_meaning(lang: Language, p: &ParamSpec) -> ParamText {
    param_text(lang, p, "meaning", p.meaning)
}

/// Where parameter `p`'s value comes from, in `lang` (the registry's
/// English in English, the message attribute `.source` in Swedish: the same
/// works cited, the reasons translated).
pub fn param_source(lang: Language, p: &ParamSpec) -> ParamText {
    param_text(lang, p, "source", p.source)
}

/// The readable name of a preset in `lang`, if this build knows it.
pub fn known_preset_label(lang: Language, preset: &str) -> Option<&'static str> {
    catalog().get(lang, &name_id("preset", preset))
}

/// A study's design as its manifest records it (`morris trajectories=6
/// levels=4 seed=1`, `factorial`, ...) in words in `lang`, with its number
/// of points. A design this build does not know stays as written.
pub fn design_text(lang: Language, design: &str, points: usize) -> String {
    // `load` may have added ", N points"; the count is given here.
    let design = design.split(", ").next().unwrap_or(design);
    let points = points.to_string();
    if let Some(file) = design.strip_prefix("table file=") {
        return tf(
            lang,
            Key::DesignTable,
            &[("points", &points), ("file", file)],
        );
    }
    let mut words = design.split_whitespace();
    let method = words.next().unwrap_or("");
    let pairs: Vec<(&str, &str)> = words.filter_map(|w| w.split_once('=')).collect();
    let get = |k: &str| pairs.iter().find(|p| p.0 == k).map_or("?", |p| p.1);
    let key = match method {
        "factorial" => Key::DesignFactorial,
        "latin_hypercube" => Key::DesignLatinHypercube,
        "morris" => Key::DesignMorris,
        "sobol" => Key::DesignSobol,
        _ => return design.to_owned(),
    };
    let sampling = match get("sampling") {
        "sequence" => t(lang, Key::SamplingSequence),
        "random" => t(lang, Key::SamplingRandom),
        other => other,
    };
    tf(
        lang,
        key,
        &[
            ("points", &points),
            ("seed", get("seed")),
            ("trajectories", get("trajectories")),
            ("levels", get("levels")),
            ("samples", get("samples")),
            ("sampling", sampling),
        ],
    )
}

/// A parameter's unit in `lang` (message `param-unit-…`); the unit as
/// written for one this build does not know. A test checks that every unit
/// of the registry has a message.
pub fn param_unit(lang: Language, unit: &str) -> &str {
    catalog()
        .get(lang, &unit_id("param-unit", unit))
        .unwrap_or(unit)
}

/// A unit as a reader sees it: values are multiplied by `scale` (shares
/// become percent), levels are in `level` and differences in `difference`
/// (percent and percentage points differ).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DisplayUnit {
    /// Factor from the file's unit to the shown one.
    pub scale: f64,
    /// Unit of a level, e.g. `%`.
    pub level: &'static str,
    /// Unit of a difference, e.g. `percentage points`.
    pub difference: &'static str,
}

/// The catalogue units tillit writes, with the factor to their display
/// form. The words are messages `unit-…` (the level) with attribute
/// `.difference`.
const UNITS: &[(&str, f64)] = &[
    ("share", 100.0),
    ("share/year", 100.0),
    ("spells/100 employees/year", 1.0),
    ("stress units", 1.0),
    ("exhaustion units", 1.0),
    ("ratio", 1.0),
    ("years", 1.0),
    ("hours/week", 1.0),
    ("reports/year", 1.0),
    ("investigations/year", 1.0),
    ("days", 1.0),
    ("cases", 1.0),
    ("cases/position", 1.0),
    ("cases/year", 1.0),
    ("events/year", 1.0),
    ("MSEK/year", 1.0),
    ("kSEK/report", 1.0),
    ("count", 1.0),
    ("children/year", 1.0),
    ("times/child", 1.0),
    ("referrals/child", 1.0),
    ("children", 1.0),
    ("hours/child", 1.0),
];

/// The display form of a catalogue unit; `None` for a unit this build does
/// not know (a results folder from a newer tillit).
pub fn known_unit(lang: Language, unit: &str) -> Option<DisplayUnit> {
    let &(name, scale) = UNITS.iter().find(|row| row.0 == unit)?;
    let id = unit_id("unit", name);
    let level = catalog().get(lang, &id).unwrap_or(name);
    let difference = catalog()
        .get(lang, &format!("{id}.difference"))
        .unwrap_or(level);
    Some(DisplayUnit {
        scale,
        level,
        difference,
    })
}
/// [`known_unit`], falling back to the unit as written (scale 1).
pub fn display_unit(lang: Language, unit: &'static str) -> DisplayUnit {
    known_unit(lang, unit).unwrap_or(DisplayUnit {
        scale: 1.0,
        level: unit,
        difference: unit,
    })
}

/// `x` with `decimals` places in `lang`: decimal comma and a minus sign
/// (U+2212) in Swedish, a hyphen-minus in English; never `-0`; `n/a` /
/// `saknas` for a missing value.
pub fn number(lang: Language, x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return t(lang, Key::NotAvailable).to_owned();
    }
    let mut s = format!("{x:.decimals$}");
    if s.starts_with('-') && s[1..].bytes().all(|b| b == b'0' || b == b'.') {
        s.remove(0);
    }
    match lang {
        Language::En => s,
        Language::Sv => s.replace('.', ",").replace('-', "\u{2212}"),
    }
}

/// Decimals that show the largest of `values` with three significant
/// digits.
pub fn decimals(values: &[f64]) -> usize {
    let max_abs = values
        .iter()
        .filter(|x| x.is_finite())
        .fold(0.0_f64, |m, x| m.max(x.abs()));
    decimals_for(max_abs, 3)
}

/// `x` with a sign always shown (`+1.2`, `−1,2`).
pub fn signed(lang: Language, x: f64, decimals: usize) -> String {
    let s = number(lang, x, decimals);
    if x.is_finite() && x > 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        format!("+{s}")
    } else {
        s
    }
}

/// A percentage: `−32 %` in Swedish, `-32%` in English.
pub fn percent(lang: Language, x: f64) -> String {
    let d = if x.abs() >= 10.0 {
        0
    } else if x.abs() >= 1.0 {
        1
    } else {
        2
    };
    match lang {
        Language::En => format!("{}%", signed(lang, x, d)),
        Language::Sv => format!("{} %", signed(lang, x, d)),
    }
}

/// Which way an outcome is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    /// Less is better (turnover, stress, errors, cost, waiting).
    Lower,
    /// More is better (direct client work, tenure).
    Higher,
    /// Neither direction is better in itself (demand, descriptive shares,
    /// regime switches): the report says higher or lower, not better or worse.
    Neither,
}

/// Which way `o` is better. The match has no wildcard: a new outcome does
/// not compile until someone decides its direction.
pub fn better(o: Outcome) -> Better {
    use Better::*;
    use Outcome::*;
    match o {
        WorkerTurnover
        | ManagerTurnover
        | SickLeaveShare
        | LongSickSpells
        | MeanStress
        | HighStrainShare
        | WorkPressure
        | MeanExhaustion
        | VacancyShare
        | OvertimeShare
        | ManagerMeanStress
        | ManagerSickLeaveShare => Lower,
        MeanTenure => Higher,
        // Coaching is a lever's result, not a goal: more of it costs manager time.
        CoachingReceived => Neither,
        TimeDirect => Higher,
        TimeDocumentation | TimeAdmin | TimeTravel | TimeOther | TimeCoaching | TimeOversight
        | TimeIdle => Neither,
        Reports | Investigations => Neither,
        AllocationWait
        | AssessmentsOverdue
        | InvestigationsOverdue
        | InvestigationDaysMean
        | InvestigationDaysP90
        | CaseDaysMean
        | OpenCasesMean
        | ApprovalWaitDays => Lower,
        DecisionErrorRate
        | MissedNeeds
        | UnneededInterventions
        | Complaints
        | SeriousEvents
        | Scandals => Lower,
        // More caught means more made as well as fewer slipping through.
        ErrorsCaught => Neither,
        PersonnelCost | CostPerCase => Lower,
        DocumentationIntensityEnd | RegimeSwitches => Neither,
        TimeToFirstHelp | TimeToFirstHelpP90 | TimeToFullHelp | StoryTold | Handoffs
        | BouncedReferrals | PathwayDropout | ChildrenWaiting => Lower,
        // Hours are a cost and a service at once: more help is more hours.
        PathwayChildren
        | PathwayHours
        | SchoolHealthHours
        | CounsellingHours
        | BupHours
        | SocialServicesPathwayHours
        | NamedPersonHours
        | PathwayDocumentation
        | AgencyUtilisation => Neither,
        // Like cases decided alike is part of legal certainty.
        DecisionInconsistency => Lower,
        // Flow shares and caseloads describe the work, not its quality.
        InvestigationShare | InterventionShare => Neither,
        OpenCasesPerPosition => Lower,
    }
}

/// What a paired difference lets the report say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The interval is missing (one replication, or no value): say nothing.
    Unknown,
    /// The interval includes zero: no clear difference.
    NoClearDifference,
    /// The interval excludes zero on the better side.
    Better,
    /// The interval excludes zero on the worse side.
    Worse,
    /// The interval excludes zero, and neither side is better.
    Different,
}

/// The verdict on a paired difference (arm minus baseline) with 95%
/// interval `[lo, hi]`. An interval that includes zero, touching it
/// included, is never a difference.
pub fn verdict(direction: Better, lo: f64, hi: f64) -> Verdict {
    if !(lo.is_finite() && hi.is_finite()) || lo > hi {
        return Verdict::Unknown;
    }
    if lo <= 0.0 && hi >= 0.0 {
        return Verdict::NoClearDifference;
    }
    let arm_higher = lo > 0.0;
    match (direction, arm_higher) {
        (Better::Neither, _) => Verdict::Different,
        (Better::Lower, false) | (Better::Higher, true) => Verdict::Better,
        (Better::Lower, true) | (Better::Higher, false) => Verdict::Worse,
    }
}

/// The short tag of a verdict (`better`, `no clear difference`).
pub fn verdict_tag(lang: Language, v: Verdict) -> &'static str {
    t(
        lang,
        match v {
            Verdict::Unknown => Key::TagUnknown,
            Verdict::NoClearDifference => Key::TagNoClear,
            Verdict::Better => Key::TagBetter,
            Verdict::Worse => Key::TagWorse,
            Verdict::Different => Key::TagDifferent,
        },
    )
}

/// One paired comparison for the summary, in the file's units.
#[derive(Clone, Debug)]
pub struct Comparison<'a> {
    /// The outcome.
    pub outcome: Outcome,
    /// The catalogue unit of the outcome (e.g. `share`).
    pub unit: &'static str,
    /// The compared arm.
    pub arm: &'a str,
    /// The baseline arm.
    pub baseline: &'a str,
    /// Mean of the baseline arm (for the relative change).
    pub baseline_mean: f64,
    /// Mean of the compared arm (for the levels a key finding states).
    pub arm_mean: f64,
    /// Mean paired difference, arm minus baseline.
    pub mean: f64,
    /// Lower end of its 95% interval.
    pub lo: f64,
    /// Upper end of its 95% interval.
    pub hi: f64,
}

/// "case-worker turnover (−12,0 till +2,0 procentenheter per år)": an
/// outcome with the interval of its difference, for [`Key::NoClearList`].
pub fn outcome_with_interval(lang: Language, c: &Comparison<'_>) -> String {
    let unit = display_unit(lang, c.unit);
    let [mean, lo, hi] = [c.mean, c.lo, c.hi].map(|x| x * unit.scale);
    let d = decimals(&[mean, lo, hi]);
    let range = tf(
        lang,
        Key::IntervalRange,
        &[
            ("lo", &signed(lang, lo, d)),
            ("hi", &signed(lang, hi, d)),
            ("unit", unit.difference),
        ],
    );
    format!("{} ({range})", outcome_label(lang, c.outcome))
}

/// A whole number of years with its unit: `1 year`, `2 years`, `1,5 år`.
pub fn years_text(lang: Language, years: f64) -> String {
    let whole = years.fract() == 0.0;
    let value = number(lang, years, if whole { 0 } else { 1 });
    let unit = if whole && years == 1.0 {
        t(lang, Key::Year)
    } else {
        t(lang, Key::YearsPlural)
    };
    format!("{value} {unit}")
}

/// The summary sentence for one comparison, and its verdict.
///
/// With an interval that includes zero it says "no clear difference" and
/// gives the interval, never which arm did better. Otherwise it names the
/// better arm (or, for an outcome with no better direction, which was
/// higher), the absolute difference in display units, the change relative
/// to the baseline, and the interval.
pub fn difference_sentence(lang: Language, c: &Comparison<'_>) -> (Verdict, String) {
    let v = verdict(better(c.outcome), c.lo, c.hi);
    let unit = display_unit(lang, c.unit);
    let [mean, lo, hi] = [c.mean, c.lo, c.hi].map(|x| x * unit.scale);
    let d = decimals(&[mean, lo, hi]);
    let label = outcome_label(lang, c.outcome);
    let (lo_text, hi_text) = (signed(lang, lo, d), signed(lang, hi, d));
    let base = [
        ("arm", c.arm),
        ("baseline", c.baseline),
        ("outcome", label),
        ("unit", unit.difference),
        ("lo", lo_text.as_str()),
        ("hi", hi_text.as_str()),
    ];
    let sentence = match v {
        Verdict::Unknown => capitalise(&tf(lang, Key::DiffTooFew, &base)),
        Verdict::NoClearDifference => tf(lang, Key::DiffNoClear, &base),
        Verdict::Better | Verdict::Worse | Verdict::Different => {
            let dir = t(lang, if mean < 0.0 { Key::Lower } else { Key::Higher });
            let abs = number(lang, mean.abs(), d);
            let rel = if c.baseline_mean.is_finite() && c.baseline_mean != 0.0 {
                let pct = percent(lang, 100.0 * c.mean / c.baseline_mean.abs());
                tf(
                    lang,
                    Key::Relative,
                    &[("pct", &pct), ("baseline", c.baseline)],
                )
            } else {
                String::new()
            };
            let key = match v {
                Verdict::Better => Key::DiffBetter,
                Verdict::Worse => Key::DiffWorse,
                _ => Key::DiffNeutral,
            };
            let mut values = base.to_vec();
            values.extend([("dir", dir), ("abs", abs.as_str()), ("rel", rel.as_str())]);
            // An arm's name starts the better/worse sentences and stays as
            // the scenario spells it; an outcome label is capitalised.
            let sentence = tf(lang, key, &values);
            if key == Key::DiffNeutral {
                capitalise(&sentence)
            } else {
                sentence
            }
        }
    };
    (v, sentence)
}

/// A share as an unsigned percentage for a sentence: `37 %`, `2%`.
pub fn percent_size(lang: Language, share: f64) -> String {
    let x = (100.0 * share).abs();
    let d = if x >= 10.0 || x.fract() == 0.0 {
        0
    } else if x >= 1.0 {
        1
    } else {
        2
    };
    match lang {
        Language::En => format!("{}%", number(lang, x, d)),
        Language::Sv => format!("{} %", number(lang, x, d)),
    }
}

/// A key finding in one plain sentence: which arm, how much higher or
/// lower in percent of the baseline, both levels, and the interval of the
/// difference. For clear differences with a relative size only (see
/// [`super::findings::key_findings`]); `rel` is the relative change.
pub fn finding_sentence(lang: Language, c: &Comparison<'_>, rel: f64) -> String {
    let unit = display_unit(lang, c.unit);
    let [value, base] = [c.arm_mean, c.baseline_mean].map(|x| x * unit.scale);
    let [lo, hi] = [c.lo, c.hi].map(|x| x * unit.scale);
    let d_level = decimals(&[value, base]);
    let d_diff = decimals(&[lo, hi, c.mean * unit.scale]);
    let key = if c.mean < 0.0 {
        Key::FindingLower
    } else {
        Key::FindingHigher
    };
    let sentence = tf(
        lang,
        key,
        &[
            ("arm", c.arm),
            ("baseline", c.baseline),
            ("pct", &percent_size(lang, rel)),
            ("outcome", outcome_label(lang, c.outcome)),
            ("value", &number(lang, value, d_level)),
            ("base", &number(lang, base, d_level)),
            ("unit", unit.level),
            ("lo", &signed(lang, lo, d_diff)),
            ("hi", &signed(lang, hi, d_diff)),
            ("dunit", unit.difference),
        ],
    );
    capitalise(&sentence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::params::{PARAMETERS, Params};
    use crate::model::presets::Preset;
    use crate::outcome::{OUTCOMES, SERIES_METRICS};
    use fluent_syntax::ast;
    use std::collections::BTreeSet;

    const BOTH: [Language; 2] = [Language::En, Language::Sv];

    /// Every message id (and `id.attribute`) the code looks up.
    /// The attributes only the Swedish file has: a parameter's meaning and
    /// source, whose English is the registry's own (`ParamSpec::meaning`,
    /// `ParamSpec::source`), so that the English is written once.
    const SWEDISH_ONLY: [&str; 2] = ["meaning", "source"];

    /// Every id (and `id.attribute`) the code reads in `lang`.
    fn used_ids_in(lang: Language) -> BTreeSet<String> {
        let mut ids = used_ids();
        if lang == Language::Sv {
            for p in PARAMETERS {
                let id = param_id(&p.key()).expect("a registry key has a dot");
                ids.extend(SWEDISH_ONLY.map(|a| format!("{id}.{a}")));
            }
        }
        ids
    }

    fn used_ids() -> BTreeSet<String> {
        let mut ids: BTreeSet<String> = Key::ALL.iter().map(|k| k.id().to_owned()).collect();
        ids.extend(Outcome::ALL.map(|o| name_id("outcome", o.spec().name)));
        ids.extend(SeriesMetric::ALL.map(|m| name_id("series", m.spec().name)));
        ids.extend(
            PARAMETERS
                .iter()
                .filter(|p| p.group == "steering")
                .map(|p| name_id("lever", p.name)),
        );
        ids.extend(Preset::ALL.map(|p| name_id("preset", p.name())));
        ids.extend(
            PARAMETERS
                .iter()
                .filter(|p| !p.unit.is_empty())
                .map(|p| unit_id("param-unit", p.unit)),
        );
        // Every registry parameter has a name (a lever's is `lever-…`).
        ids.extend(PARAMETERS.iter().filter_map(|p| param_id(&p.key())));
        for (unit, _) in UNITS {
            let id = unit_id("unit", unit);
            ids.insert(format!("{id}.difference"));
            ids.insert(id);
        }
        ids
    }

    #[test]
    fn both_message_files_parse_without_error() {
        for lang in BOTH {
            assert_eq!(catalog().errors(lang), &[] as &[String], "{lang:?}");
        }
        // And a broken file is reported with its line, not a panic.
        let broken = Catalog::new("a = A\nb = { $x\n", "a = A\n");
        assert!(
            broken.errors(Language::En)[0].starts_with("line 2:"),
            "{:?}",
            broken.errors(Language::En)
        );
        assert_eq!(broken.get(Language::En, "a"), Some("A"));
    }

    #[test]
    fn every_message_the_code_uses_is_in_both_files_and_every_message_is_used() {
        for lang in BOTH {
            let used = used_ids_in(lang);
            let missing: Vec<_> = used.iter().filter(|id| !catalog().has(lang, id)).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
            let unused: Vec<_> = catalog()
                .ids(lang)
                .filter(|id| !used.contains(*id))
                .collect();
            assert!(unused.is_empty(), "{lang:?} has unused messages {unused:?}");
        }
        let keys: BTreeSet<_> = Key::ALL.iter().map(|k| k.id()).collect();
        assert_eq!(keys.len(), Key::ALL.len(), "two keys share an id");
    }

    /// The variables of a pattern, sorted.
    fn variables(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
        fn inline(e: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
            match e {
                ast::InlineExpression::VariableReference { id } => out.push(id.name.to_owned()),
                ast::InlineExpression::Placeable { expression } => expr(expression, out),
                _ => {}
            }
        }
        fn expr(e: &ast::Expression<&str>, out: &mut Vec<String>) {
            match e {
                ast::Expression::Inline(i) => inline(i, out),
                ast::Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for v in variants {
                        variables(&v.value, out);
                    }
                }
            }
        }
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expr(expression, out);
            }
        }
    }

    /// `id` (and `id.attribute`) -> its variables, from a file's text.
    fn placeholders(source: &str) -> HashMap<String, BTreeSet<String>> {
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
        let mut out = HashMap::new();
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                let mut vars = Vec::new();
                if let Some(v) = &m.value {
                    variables(v, &mut vars);
                }
                out.insert(m.id.name.to_owned(), vars.into_iter().collect());
                for a in &m.attributes {
                    let mut vars = Vec::new();
                    variables(&a.value, &mut vars);
                    out.insert(
                        format!("{}.{}", m.id.name, a.id.name),
                        vars.into_iter().collect(),
                    );
                }
            }
        }
        out
    }

    #[test]
    fn each_message_has_the_same_placeholders_in_both_languages() {
        let (en, mut sv) = (placeholders(ENGLISH_FTL), placeholders(SWEDISH_FTL));
        for (id, vars) in &en {
            assert_eq!(Some(vars), sv.get(id), "placeholders of {id}");
        }
        // A parameter's meaning and source are Swedish only (the English is
        // the registry's), and they are plain text: no placeholders.
        sv.retain(|id, vars| {
            let swedish_only = SWEDISH_ONLY.iter().any(|a| id.ends_with(&format!(".{a}")))
                && (id.starts_with("param-") || id.starts_with("lever-"));
            assert!(
                !swedish_only || vars.is_empty(),
                "{id} has placeholders {vars:?}"
            );
            !swedish_only
        });
        assert_eq!(en.len(), sv.len());
        // The parser does see them.
        assert_eq!(
            en["report-title"],
            BTreeSet::from(["name".to_owned()]),
            "report-title"
        );
    }

    /// Words that are spelled the same in both languages on purpose.
    const SAME_IN_BOTH: &[&str] = &["Parameter"];

    #[test]
    fn every_key_is_translated_and_filled_without_isolation_marks() {
        for &key in Key::ALL {
            let (en, sv) = (t(Language::En, key), t(Language::Sv, key));
            assert!(!en.trim().is_empty() && !sv.trim().is_empty(), "{key:?}");
            assert!(
                en != sv || SAME_IN_BOTH.contains(&en),
                "{key:?} is not translated: {en}"
            );
        }
        let title = tf(Language::Sv, Key::ReportTitle, &[("name", "Borlänge")]);
        assert_eq!(title, "Rapport: Borlänge");
        // Leading and trailing spaces survive the file format.
        assert_eq!(t(Language::En, Key::RobustAnd), " and ");
        for s in [title.as_str(), t(Language::Sv, Key::Relative)] {
            assert!(!s.contains(['\u{2068}', '\u{2069}']), "{s:?}");
        }
    }

    #[test]
    fn a_value_is_never_filled_in_again() {
        let s = tf(
            Language::En,
            Key::RobustArmHeading,
            &[("arm", "{ $baseline }"), ("baseline", "control")],
        );
        assert_eq!(s, "{ $baseline } compared with control");
    }

    #[test]
    fn a_missing_message_falls_back_visibly_and_never_panics() {
        let c = Catalog::new("a = A { $x }\nb = B\n", "b = Be\n");
        // Missing in Swedish: the English text.
        assert_eq!(c.format(Language::Sv, "a", &[("x", "1")]), "A 1");
        assert_eq!(c.get(Language::Sv, "b"), Some("Be"));
        // Missing in both: the id, in brackets.
        assert_eq!(c.format(Language::Sv, "zz", &[]), "[zz]");
        assert_eq!(c.get(Language::En, "zz"), None);
        // A placeholder without a value shows its name.
        assert_eq!(c.format(Language::En, "a", &[]), "A {$x}");
        // An empty file (or one that is not Fluent at all) panics nowhere.
        let empty = Catalog::new("", "}}} not fluent {{{");
        assert_eq!(
            empty.format(Language::Sv, "report-title", &[]),
            "[report-title]"
        );
    }

    #[test]
    fn every_outcome_metric_and_unit_has_both_languages() {
        for o in Outcome::ALL {
            let (en, sv) = (
                outcome_label(Language::En, o),
                outcome_label(Language::Sv, o),
            );
            assert!(!en.is_empty() && en != sv && en != o.spec().name, "{o:?}");
            known_unit(Language::Sv, o.spec().unit)
                .unwrap_or_else(|| panic!("unit of {o:?} has no display form"));
        }
        for m in SeriesMetric::ALL {
            let (en, sv) = (series_label(Language::En, m), series_label(Language::Sv, m));
            assert!(!en.is_empty() && en != sv, "{m:?}");
            known_unit(Language::En, m.spec().unit)
                .unwrap_or_else(|| panic!("unit of {m:?} has no display form"));
        }
        assert_eq!(OUTCOMES.len(), Outcome::ALL.len());
        assert_eq!(SERIES_METRICS.len(), SeriesMetric::ALL.len());
        let share = known_unit(Language::Sv, "share").unwrap();
        assert_eq!((share.level, share.difference), ("%", "procentenheter"));
    }

    #[test]
    fn every_steering_lever_and_preset_has_both_languages() {
        for p in PARAMETERS.iter().filter(|p| p.group == "steering") {
            let (en, sv) = (
                lever_label(Language::En, p.name),
                lever_label(Language::Sv, p.name),
            );
            assert!(
                en.is_some() && sv.is_some() && en != sv,
                "lever {} has no label",
                p.name
            );
        }
        for p in PARAMETERS {
            assert!(
                p.unit.is_empty() || param_unit(Language::Sv, p.unit) != p.unit,
                "unit `{}` of {} has no Swedish form",
                p.unit,
                p.key()
            );
        }
        // Parameter names: every registry parameter, in both languages.
        for p in PARAMETERS {
            let key = p.key();
            let (en, sv) = (
                param_label(Language::En, &key),
                param_label(Language::Sv, &key),
            );
            assert!(
                en.is_some() && sv.is_some() && en != sv,
                "{key} has no name in both languages"
            );
        }
        assert_eq!(
            param_label(Language::Sv, "steering.coaching_hours"),
            lever_label(Language::Sv, "coaching_hours")
        );
        assert_eq!(param_label(Language::Sv, "work.no_such"), None);
        assert_eq!(preset_label(Language::Sv, "trust"), "tillit");
        assert_eq!(
            preset_label(Language::Sv, "unknown_preset"),
            "unknown_preset"
        );
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number(Language::En, -0.0812, 3), "-0.081");
        assert_eq!(number(Language::Sv, -0.0812, 3), "\u{2212}0,081");
        assert_eq!(number(Language::Sv, -0.0001, 2), "0,00");
        assert_eq!(signed(Language::En, 2.5, 1), "+2.5");
        assert_eq!(signed(Language::En, 0.0, 1), "0.0");
        assert_eq!(number(Language::Sv, f64::NAN, 1), "saknas");
        assert_eq!(percent(Language::Sv, -32.4), "\u{2212}32 %");
        assert_eq!(percent(Language::En, 4.56), "+4.6%");
        assert_eq!(decimals(&[-8.5, 0.3]), 2);
        assert_eq!(decimals(&[152.0]), 0);
    }

    #[test]
    fn verdict_follows_the_interval_and_the_direction() {
        use Verdict::{Different, NoClearDifference, Unknown, Worse};
        assert_eq!(verdict(Better::Lower, -0.3, 0.1), NoClearDifference);
        assert_eq!(verdict(Better::Lower, 0.0, 0.1), NoClearDifference);
        assert_eq!(verdict(Better::Lower, -0.3, 0.0), NoClearDifference);
        assert_eq!(verdict(Better::Lower, -0.3, -0.1), Verdict::Better);
        assert_eq!(verdict(Better::Lower, 0.1, 0.3), Worse);
        assert_eq!(verdict(Better::Higher, 0.1, 0.3), Verdict::Better);
        assert_eq!(verdict(Better::Higher, -0.3, -0.1), Worse);
        assert_eq!(verdict(Better::Neither, 0.1, 0.3), Different);
        assert_eq!(verdict(Better::Lower, f64::NAN, f64::NAN), Unknown);
        assert_eq!(better(Outcome::WorkerTurnover), Better::Lower);
        assert_eq!(better(Outcome::TimeDirect), Better::Higher);
    }

    fn comparison(outcome: Outcome, mean: f64, lo: f64, hi: f64) -> Comparison<'static> {
        Comparison {
            outcome,
            unit: outcome.spec().unit,
            arm: "trust",
            baseline: "control",
            baseline_mean: 0.25,
            arm_mean: 0.25 + mean,
            mean,
            lo,
            hi,
        }
    }

    #[test]
    fn an_interval_including_zero_is_never_called_a_difference() {
        // A large mean difference whose interval still includes zero.
        let c = comparison(Outcome::WorkerTurnover, -0.05, -0.12, 0.02);
        let (v, en) = difference_sentence(Language::En, &c);
        assert_eq!(v, Verdict::NoClearDifference);
        assert!(
            en.starts_with("No clear difference between trust and control on case-worker turnover"),
            "{en}"
        );
        assert!(
            en.contains("-12.0 to +2.0 percentage points per year"),
            "{en}"
        );
        for word in ["better", "worse", "lower", "higher", "did "] {
            assert!(!en.contains(word), "`{word}` in: {en}");
        }
        let (v, sv) = difference_sentence(Language::Sv, &c);
        assert_eq!(v, Verdict::NoClearDifference);
        assert!(sv.starts_with("Ingen tydlig skillnad mellan trust och control för personalomsättning bland handläggare"), "{sv}");
        assert!(
            sv.contains("\u{2212}12,0 till +2,0 procentenheter per år"),
            "{sv}"
        );
        for word in ["bättre", "sämre", "lägre", "högre"] {
            assert!(!sv.contains(word), "`{word}` in: {sv}");
        }
    }

    #[test]
    fn a_clear_difference_names_the_better_arm_by_how_much_and_how_sure() {
        let c = comparison(Outcome::WorkerTurnover, -0.081, -0.085, -0.077);
        let (v, en) = difference_sentence(Language::En, &c);
        assert_eq!(v, Verdict::Better);
        assert_eq!(
            en,
            "trust did better than control on case-worker turnover: lower by 8.10 \
             percentage points per year (-32% of the value under control); 95% interval \
             of the difference -8.50 to -7.70."
        );
        let (_, sv) = difference_sentence(Language::Sv, &c);
        assert_eq!(
            sv,
            "trust blev bättre än control för personalomsättning bland handläggare: lägre \
             med 8,10 procentenheter per år (\u{2212}32 % av värdet med control); 95 % \
             intervall för skillnaden \u{2212}8,50 till \u{2212}7,70."
        );
        let worse = comparison(Outcome::DecisionErrorRate, 0.01, 0.005, 0.015);
        assert_eq!(difference_sentence(Language::En, &worse).0, Verdict::Worse);
        let neutral = comparison(Outcome::RegimeSwitches, 1.0, 0.5, 1.5);
        let (v, en) = difference_sentence(Language::En, &neutral);
        assert_eq!(v, Verdict::Different);
        assert!(
            en.starts_with("Changes of steering regime was higher under trust"),
            "{en}"
        );
        let unknown = comparison(Outcome::MeanStress, 0.1, f64::NAN, f64::NAN);
        let (v, sv) = difference_sentence(Language::Sv, &unknown);
        assert_eq!(v, Verdict::Unknown);
        assert!(!sv.contains('{'), "{sv}");
    }

    #[test]
    fn grouped_no_clear_differences_give_their_intervals() {
        let c = comparison(Outcome::WorkerTurnover, -0.05, -0.12, 0.02);
        assert_eq!(
            outcome_with_interval(Language::En, &c),
            "case-worker turnover (-12.0 to +2.0 percentage points per year)"
        );
        assert_eq!(years_text(Language::En, 1.0), "1 year");
        assert_eq!(years_text(Language::En, 10.0), "10 years");
        assert_eq!(years_text(Language::Sv, 1.5), "1,5 år");
    }

    /// The numbers of a text with two digits or more: years, sections,
    /// percentages (digits only, so `2.55` and `2,55` are the same; a
    /// single digit may be written as a word in Swedish: `4 months`, `fyra
    /// månader`).
    fn digit_runs(text: &str) -> BTreeSet<String> {
        text.split(|c: char| !c.is_ascii_digit())
            .filter(|d| d.len() >= 2)
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn every_registry_parameter_has_a_swedish_name_meaning_and_source() {
        let mut missing = Vec::new();
        for p in PARAMETERS {
            let key = p.key();
            let id = param_id(&key).expect("a registry key has a dot");
            for attribute in ["", ".meaning", ".source"] {
                if !catalog().has(Language::Sv, &format!("{id}{attribute}")) {
                    missing.push(format!("{id}{attribute} ({key})"));
                }
            }
            let (meaning, source) = (
                param_meaning(Language::Sv, p),
                param_source(Language::Sv, p),
            );
            if missing.is_empty() {
                assert!(!meaning.english && !source.english, "{key}");
                assert_ne!(meaning.text, p.meaning, "{key}: meaning not translated");
                // Only a bare citation of a law reads the same in both.
                assert!(
                    source.text != p.source || p.source.starts_with("Socialtjänstlagen"),
                    "{key}: source not translated"
                );
                // The works cited (author year), the laws and the numbers
                // stay: every run of digits of the English is in the Swedish.
                let swedish = digit_runs(source.text);
                for d in digit_runs(p.source) {
                    assert!(
                        swedish.contains(&d),
                        "{key}: source lost `{d}`: {}",
                        source.text
                    );
                }
                // A reason is marked as one in Swedish too.
                assert_eq!(
                    p.source.starts_with("assumption"),
                    source.text.starts_with("antagande"),
                    "{key}: {}",
                    source.text
                );
            }
            // English: the registry's own words.
            assert_eq!(param_meaning(Language::En, p).text, p.meaning);
            assert_eq!(param_source(Language::En, p).text, p.source);
        }
        assert!(missing.is_empty(), "the Swedish file lacks {missing:?}");
        // A parameter this build does not know falls back visibly: the
        // English, marked as such.
        let p = Params::spec("work", "assessment_hours").expect("a registry parameter");
        let mut unknown = *p;
        unknown.name = "no_such";
        let m = param_meaning(Language::Sv, &unknown);
        assert!(m.english && m.text == p.meaning);
    }

    #[test]
    fn list_joining() {
        let items = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(join_list(Language::Sv, &items), "a, b och c");
        assert_eq!(join_list(Language::En, &items[..1]), "a");
        assert_eq!(capitalise("åtta"), "Åtta");
    }
}
