//! Every word a report shows, in Swedish and in English, and the rule that
//! turns a paired difference into a sentence.
//!
//! What lives here: the label table ([`Key`] and [`t`]), the readable names of
//! outcomes and series metrics, units as a reader sees them (shares as
//! percent), number formatting per language (decimal comma and a true minus
//! sign in Swedish), which direction is better for each outcome
//! ([`better`]), and [`verdict`] and [`difference_sentence`], which never
//! call a difference whose interval includes zero a difference.
//!
//! What does not: no layout, no HTML and no SVG. Nothing here reads files.

use crate::outcome::{Outcome, SeriesMetric};
use crate::output::format::decimals_for;
use crate::scenario::Language;

macro_rules! texts {
    ($( $(#[$doc:meta])* $Key:ident => $en:literal, $sv:literal; )*) => {
        /// A label or sentence of the report. Sentences have `{name}`
        /// placeholders that [`fill`] replaces; both languages use the same
        /// ones.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key { $( $(#[$doc])* $Key, )* }

        impl Key {
            /// Every key, in table order.
            pub const ALL: &[Key] = &[ $( Key::$Key, )* ];
        }

        /// (English, Swedish) per key, in [`Key`] order.
        static TEXTS: &[(&str, &str)] = &[ $( ($en, $sv), )* ];
    };
}

texts! {
    /// Heading of a robustness study's report.
    RobustHeading => "How robust is the answer?", "Hur robust är svaret?";
    /// What a robustness study did.
    RobustIntro => "Every comparison of a single scenario rests on one set of assumed values. Here the comparison was repeated in {worlds} plausible worlds, each drawing the {params} uncertain assumptions from their plausible ranges. Worlds in which {baseline} does not reproduce the Swedish patterns (staff turnover, long sick spells, time use and overdue investigations; implausibility above {cutoff}) were ruled out; {kept} worlds remained. In each of them every alternative was simulated {reps} times, with the same reports of concern and the same luck.",
        "Varje jämförelse av ett enskilt scenario vilar på en uppsättning antagna värden. Här upprepades jämförelsen i {worlds} rimliga världar, där var och en drar de {params} osäkra antagandena ur deras rimliga intervall. Världar där {baseline} inte återger de svenska mönstren (personalomsättning, långa sjukfall, tidsanvändning och försenade utredningar; implausibilitet över {cutoff}) uteslöts; {kept} världar återstod. I var och en av dem simulerades varje alternativ {reps} gånger, med samma orosanmälningar och samma slump.";
    /// How to read shares of worlds.
    RobustCaution => "A share of worlds is not a probability about reality: the worlds are spread evenly over ranges that are judgements. “Better” and “worse” mean that the 95% interval of the difference in that world excludes zero; “no clear difference” also covers worlds where a few simulations cannot tell.",
        "En andel världar är ingen sannolikhet om verkligheten: världarna är jämnt spridda över intervall som är bedömningar. ”Bättre” och ”sämre” betyder att 95-procentsintervallet för skillnaden i den världen inte innehåller noll; ”ingen tydlig skillnad” omfattar också världar där några få simuleringar inte kan avgöra.";
    /// When history matching kept no world.
    RobustNoWorlds => "No world was kept: in every world drawn, the baseline misses a Swedish pattern by far. The plausible ranges need another look.",
        "Ingen värld återstod: i varje dragen värld missar utgångsläget ett svenskt mönster med bred marginal. De rimliga intervallen behöver ses över.";
    /// Heading per arm.
    RobustArmHeading => "{arm} compared with {baseline}", "{arm} jämfört med {baseline}";
    /// Chart title per arm.
    RobustChartTitle => "{arm} against {baseline}: share of worlds", "{arm} mot {baseline}: andel världar";
    /// Chart caption per arm.
    RobustChartCaption => "Share of the {kept} plausible worlds in which {arm} is better than {baseline}, not clearly different, or worse, per outcome.",
        "Andel av de {kept} rimliga världarna där {arm} är bättre än {baseline}, inte tydligt annorlunda, eller sämre, per utfall.";
    /// Chart description per arm.
    RobustChartDesc => "Stacked bars, one per outcome, of the share of worlds per verdict. {rows}",
        "Stapeldiagram, en stapel per utfall, uppdelad efter andelen världar per bedömning. {rows}";
    /// Category: better.
    RobustBetter => "better", "bättre";
    /// Category: no clear difference.
    RobustUnclear => "no clear difference", "ingen tydlig skillnad";
    /// Category: worse.
    RobustWorse => "worse", "sämre";
    /// Table column: outcome.
    RobustTableOutcome => "Outcome", "Utfall";
    /// Table column: median effect.
    RobustTableMedian => "Median difference across worlds", "Median av skillnaden över världarna";
    /// Table column: 5-95 % range.
    RobustTableRange => "5–95% of worlds", "5–95 % av världarna";
    /// A PRIM box in words.
    RobustBox => "{arm} does worse on {outcome} mostly in worlds where {conditions}: {k} of the {worse} worlds where it does worse lie there (coverage {coverage}), and it does worse in {share} of the {n} worlds there (density {density}).",
        "{arm} blir sämre på {outcome} främst i världar där {conditions}: {k} av de {worse} världar där det blir sämre ligger där (täckning {coverage}), och det blir sämre i {share} av de {n} världarna där (täthet {density}).";
    /// No box stands out.
    RobustNoBox => "{arm} does worse on {outcome} in {worse} of {kept} worlds, with no range of assumptions that stands out.",
        "{arm} blir sämre på {outcome} i {worse} av {kept} världar, utan något intervall av antaganden som sticker ut.";
    /// No mixed verdict.
    RobustNeverWorse => "On the outcomes studied, {arm} does worse than {baseline} in either no world or every world: there is no boundary to describe.",
        "På de studerade utfallen blir {arm} sämre än {baseline} i antingen ingen värld eller alla: det finns ingen gräns att beskriva.";
    /// Joins conditions.
    RobustAnd => " and ", " och ";
    /// A condition: at least.
    RobustAtLeast => "{param} is at least {value}", "{param} är minst {value}";
    /// A condition: at most.
    RobustAtMost => "{param} is at most {value}", "{param} är högst {value}";
    /// A condition: between.
    RobustBetween => "{param} lies between {low} and {high}", "{param} ligger mellan {low} och {high}";
    /// Where the numbers are.
    RobustFiles => "Every world's values and implausibility are in worlds.csv, every world's differences in effects.csv, the shares in robustness.csv, and PRIM's boxes in boxes.csv (docs/ROBUSTNESS.md describes each column).",
        "Varje världs värden och implausibilitet finns i worlds.csv, varje världs skillnader i effects.csv, andelarna i robustness.csv och PRIM:s lådor i boxes.csv (docs/ROBUSTNESS.md beskriver varje kolumn).";
    /// Page title.
    ReportTitle => "Report: {name}", "Rapport: {name}";
    /// Line under the title.
    Subtitle => "Simulation of control-based and trust-based steering in social services, made with tillit {version}.",
        "Simulering av kontrollbaserad och tillitsbaserad styrning i socialtjänsten, framtagen med tillit {version}.";
    /// Heading of the summary.
    SummaryHeading => "Summary", "Sammanfattning";
    /// What was compared.
    SummaryIntro => "This report compares {arms} in the scenario “{name}”. Each alternative was simulated {reps} times over {years}, of which the warm-up at the start ({warmup}) is left out. Every alternative met the same reports of concern and the same luck, so the differences come from the steering. The comparison is with {baseline}. Every outcome is an average over the years after the warm-up: where an alternative is still changing (rules added under control build up for many years), a longer or shorter run gives other differences, so read them with the charts over time.",
        "Rapporten jämför {arms} i scenariot ”{name}”. Varje alternativ simulerades {reps} gånger under {years}, varav insvängningen i början ({warmup}) inte räknas. Alla alternativ fick samma orosanmälningar och samma slump, så skillnaderna kommer från styrningen. Jämförelsen görs mot {baseline}. Varje utfall är ett medelvärde över åren efter insvängningen: där ett alternativ fortfarande förändras (regler som läggs till under kontrollstyrning byggs upp under många år) ger en längre eller kortare körning andra skillnader, så läs dem tillsammans med diagrammen över tid.";
    /// How to read the intervals.
    SummaryCaution => "How sure are we? Each number comes with a 95% interval that shows how much the result varies from one simulated run to the next. Where the interval of a difference includes zero, the simulation cannot tell the alternatives apart, and the report says “no clear difference”. The intervals do not cover the uncertainty in the model's own assumptions (see “Assumptions and sources”): they say how sure the simulation is, not how sure we can be about reality.",
        "Hur säkra är vi? Varje siffra har ett 95-procentigt intervall som visar hur mycket resultatet varierar mellan simulerade körningar. När intervallet för en skillnad innehåller noll kan simuleringen inte skilja alternativen åt, och rapporten skriver ”ingen tydlig skillnad”. Intervallen omfattar inte osäkerheten i modellens egna antaganden (se ”Antaganden och källor”): de säger hur säker simuleringen är, inte hur säkra vi kan vara om verkligheten.";
    /// Heading of the key findings.
    KeyFindingsHeading => "Key findings", "Viktigaste resultaten";
    /// How the key findings were chosen.
    KeyFindingsIntro => "The largest clear differences to {baseline}, largest first: each 95% interval excludes zero, and each difference is at least {threshold} of the value under {baseline}.",
        "De största tydliga skillnaderna mot {baseline}, den största först: varje 95 % intervall utesluter noll, och varje skillnad är minst {threshold} av värdet med {baseline}.";
    /// A key finding, lower under the arm.
    FindingLower => "{outcome}: {pct} lower with {arm} than with {baseline}, {value} against {base} {unit} (95% interval of the difference {lo} to {hi} {dunit}).",
        "{outcome}: {pct} lägre med {arm} än med {baseline}, {value} mot {base} {unit} (95 % intervall för skillnaden {lo} till {hi} {dunit}).";
    /// A key finding, higher under the arm.
    FindingHigher => "{outcome}: {pct} higher with {arm} than with {baseline}, {value} against {base} {unit} (95% interval of the difference {lo} to {hi} {dunit}).",
        "{outcome}: {pct} högre med {arm} än med {baseline}, {value} mot {base} {unit} (95 % intervall för skillnaden {lo} till {hi} {dunit}).";
    /// When no difference is clear and large enough.
    NoKeyFindings => "No key outcome differs clearly from {baseline} by {threshold} of its value or more.",
        "Inget viktigt utfall skiljer sig tydligt från {baseline} med {threshold} av värdet eller mer.";
    /// Heading of what the findings mean.
    MeaningHeading => "What this means", "Vad det betyder";
    /// The gains of an arm, largest first.
    MeaningGains => "Compared with {baseline}, {arm} does better on {better} (largest difference first).",
        "Jämfört med {baseline} ger {arm} bättre resultat för {better} (störst skillnad först).";
    /// The costs of an arm that also gains.
    MeaningCosts => "The price is paid elsewhere: {arm} does worse on {worse}.",
        "Priset betalas på annat håll: {arm} ger sämre resultat för {worse}.";
    /// An arm that gains at no clear cost.
    MeaningNoCost => "On no key outcome does {arm} do clearly worse.",
        "För inget viktigt utfall ger {arm} tydligt sämre resultat.";
    /// An arm that only loses.
    MeaningOnlyCosts => "{arm} does worse than {baseline} on {worse}, and clearly better on no key outcome.",
        "{arm} ger sämre resultat än {baseline} för {worse}, och tydligt bättre för inget viktigt utfall.";
    /// An arm with no difference that matters.
    MeaningNothing => "On the key outcomes, the simulation shows no difference that matters between {arm} and {baseline}.",
        "För de viktiga utfallen visar simuleringen ingen skillnad av betydelse mellan {arm} och {baseline}.";
    /// Clear changes with no better direction.
    MeaningDifferent => "It also changes {list}, where neither direction is better in itself.",
        "Alternativet ändrar också {list}, där ingen riktning är bättre i sig.";
    /// One small clear difference.
    MeaningSmallOne => "One further difference is clear but smaller than {threshold} of the value under {baseline}: too small to matter.",
        "Ytterligare en skillnad är tydlig men mindre än {threshold} av värdet med {baseline}: för liten för att spela roll.";
    /// Small clear differences, counted.
    MeaningSmall => "{k} further differences are clear but smaller than {threshold} of the value under {baseline}: too small to matter.",
        "Ytterligare {k} skillnader är tydliga men mindre än {threshold} av värdet med {baseline}: för små för att spela roll.";
    /// An event at a fixed time.
    EventAt => "{label} (after {years})", "{label} (efter {years})";
    /// An event on a time series, for its text alternative.
    EventLine => "A dashed line marks {label} after {years}.", "En streckad linje markerar {label} efter {years}.";
    /// An event after the warm-up.
    EventWindow => "{arm} changes its steering after {years} (“{label}”), after the warm-up: its averages include {before} under the earlier steering, so they understate the change; the charts over time show the years after it.",
        "{arm} byter styrning efter {years} (”{label}”), efter insvängningen: medelvärdena innehåller {before} med den tidigare styrningen och underskattar därför förändringen; diagrammen över tid visar åren efter bytet.";
    /// Heading of the limitations box.
    LimitsHeading => "Limitations", "Begränsningar";
    /// What the assumptions are.
    LimitsAssumptions => "Most parameter values are assumptions, not measurements. The calibration to Swedish patterns (staff turnover, long sick spells, time use and overdue investigations) constrains some of them, jointly rather than one by one. “Assumptions and sources” lists every value and where it comes from.",
        "De flesta parametervärden är antaganden, inte mätningar. Kalibreringen mot svenska mönster (personalomsättning, långa sjukfall, tidsanvändning och försenade utredningar) avgränsar en del av dem, tillsammans snarare än var för sig. ”Antaganden och källor” visar varje värde och varifrån det kommer.";
    /// What the model leaves out.
    LimitsLeftOut => "The model leaves out, among other things: the board and the director as actors (their demands enter only as hours of reporting); any learning from reviewed errors under trust-based steering beyond fewer new rules; the other agencies' own stress, sick leave and staffing; managers' short sick spells and their time use; the cost of covering for absent staff; public holidays. Section 8 of docs/MODEL.md in tillit's source lists every simplification.",
        "Modellen utelämnar bland annat: nämnd och förvaltningsledning som aktörer (deras krav finns bara med som timmar för rapportering); att tillitsbaserad styrning lär av granskade fel på annat sätt än genom färre nya regler; de andra verksamheternas egen stress, sjukfrånvaro och bemanning; chefernas korta sjukfall och deras tidsanvändning; kostnaden för att täcka upp för frånvarande personal; helgdagar. Avsnitt 8 i docs/MODEL.md i tillits källkod listar alla förenklingar.";
    /// Heading of what was compared.
    ComparedHeading => "What was compared", "Vad som jämfördes";
    /// A count of verdicts.
    CountSmall => "{k} small (under {threshold})", "{k} små (under {threshold})";
    /// Small clear differences, in one sentence.
    SmallList => "Small differences between {arm} and {baseline}, each under {threshold} of the value under {baseline} although its 95% interval excludes zero: {list}.",
        "Små skillnader mellan {arm} och {baseline}, var och en under {threshold} av värdet med {baseline} fast 95 % intervallet utesluter noll: {list}.";
    /// Verdict tag.
    TagSmall => "small", "liten";
    /// Heading per compared arm.
    ComparisonHeading => "{arm} compared with {baseline}", "{arm} jämfört med {baseline}";
    /// Counts of verdicts for one arm.
    ComparisonCounts => "Of {n} key outcomes: {list}.", "Av {n} viktiga utfall: {list}.";
    /// A count of verdicts.
    CountBetter => "{k} better", "{k} bättre";
    /// A count of verdicts.
    CountWorse => "{k} worse", "{k} sämre";
    /// A count of verdicts.
    CountDifferent => "{k} different without being better or worse", "{k} annorlunda utan att vara bättre eller sämre";
    /// A count of verdicts.
    CountNoClear => "{k} with no clear difference", "{k} utan tydlig skillnad";
    /// A count of verdicts.
    CountUnknown => "{k} that cannot be told", "{k} som inte kan avgöras";
    /// A difference in the better direction.
    DiffBetter => "{arm} did better than {baseline} on {outcome}: {dir} by {abs} {unit}{rel}; 95% interval of the difference {lo} to {hi}.",
        "{arm} blev bättre än {baseline} för {outcome}: {dir} med {abs} {unit}{rel}; 95 % intervall för skillnaden {lo} till {hi}.";
    /// A difference in the worse direction.
    DiffWorse => "{arm} did worse than {baseline} on {outcome}: {dir} by {abs} {unit}{rel}; 95% interval of the difference {lo} to {hi}.",
        "{arm} blev sämre än {baseline} för {outcome}: {dir} med {abs} {unit}{rel}; 95 % intervall för skillnaden {lo} till {hi}.";
    /// A difference where neither direction is better.
    DiffNeutral => "{outcome} was {dir} under {arm} than under {baseline}, by {abs} {unit}{rel}; 95% interval of the difference {lo} to {hi}.",
        "{outcome} var {dir} med {arm} än med {baseline}, med {abs} {unit}{rel}; 95 % intervall för skillnaden {lo} till {hi}.";
    /// An interval that includes zero.
    DiffNoClear => "No clear difference between {arm} and {baseline} on {outcome}: the 95% interval of the difference, {lo} to {hi} {unit}, includes zero, so what difference there is may be simulation noise.",
        "Ingen tydlig skillnad mellan {arm} och {baseline} för {outcome}: 95 % intervallet för skillnaden, {lo} till {hi} {unit}, innehåller noll, så skillnaden kan vara slumpvariation i simuleringen.";
    /// No interval (one replication, or a missing value).
    DiffTooFew => "{outcome}: the results cannot tell whether {arm} and {baseline} differ (too few runs or no value).",
        "{outcome}: resultaten räcker inte för att säga om {arm} och {baseline} skiljer sig åt (för få körningar eller inget värde).";
    /// Several outcomes whose intervals include zero, in one sentence.
    NoClearList => "No clear difference between {arm} and {baseline} on {list}: each 95% interval of the difference includes zero, so what difference there is may be simulation noise.",
        "Ingen tydlig skillnad mellan {arm} och {baseline} för {list}: varje 95 % intervall för skillnaden innehåller noll, så skillnaden kan vara slumpvariation i simuleringen.";
    /// An interval in a list.
    IntervalRange => "{lo} to {hi} {unit}", "{lo} till {hi} {unit}";
    /// Plural of the year unit.
    YearsPlural => "years", "år";
    /// Relative change, in brackets after the absolute one.
    Relative => " ({pct} of the value under {baseline})", " ({pct} av värdet med {baseline})";
    /// Direction word.
    Lower => "lower", "lägre";
    /// Direction word.
    Higher => "higher", "högre";
    /// Verdict tag.
    TagBetter => "better", "bättre";
    /// Verdict tag.
    TagWorse => "worse", "sämre";
    /// Verdict tag.
    TagDifferent => "different", "annorlunda";
    /// Verdict tag.
    TagNoClear => "no clear difference", "ingen tydlig skillnad";
    /// Verdict tag.
    TagUnknown => "cannot tell", "kan inte avgöras";
    /// Heading of the outcome charts.
    OutcomesHeading => "Key outcomes by alternative", "Viktiga utfall per alternativ";
    /// How to read the outcome charts.
    OutcomesIntro => "Each dot is the mean over the simulated runs and the bar around it the 95% interval of that mean. Where the bars of two alternatives overlap a lot, look at the paired difference in the next chart before concluding anything.",
        "Varje punkt är medelvärdet över de simulerade körningarna och strecket runt den 95 % intervallet för medelvärdet. Där två alternativs streck överlappar mycket, titta på den parvisa skillnaden i nästa diagram innan du drar slutsatser.";
    /// Title of the difference chart.
    DifferenceTitle => "Difference to {baseline}, in percent of {baseline}", "Skillnad mot {baseline}, i procent av {baseline}";
    /// Caption of the difference chart.
    DifferenceCaption => "Paired differences with 95% intervals, in percent of the value under {baseline}. Intervals that cross the zero line show no clear difference.",
        "Parvisa skillnader med 95 % intervall, i procent av värdet med {baseline}. Intervall som korsar nollinjen visar ingen tydlig skillnad.";
    /// Caption of an outcome chart.
    OutcomeCaption => "{outcome} ({unit}): mean and 95% interval per alternative.", "{outcome} ({unit}): medelvärde och 95 % intervall per alternativ.";
    /// One arm in a chart's text alternative.
    ArmValue => "{arm}: {mean} {unit} (95% interval {lo} to {hi})", "{arm}: {mean} {unit} (95 % intervall {lo} till {hi})";
    /// Heading of the time series.
    SeriesHeading => "Over time", "Över tid";
    /// How to read the time series.
    SeriesIntro => "Monthly values: the line is the mean over the simulated runs and the band its 95% interval. The grey start is the warm-up, which the outcomes above leave out.",
        "Månadsvärden: linjen är medelvärdet över de simulerade körningarna och bandet dess 95 % intervall. Den grå början är insvängningen, som utfallen ovan inte räknar med.";
    /// Caption of a time-series chart.
    SeriesCaption => "{metric} ({unit}) per month, mean and 95% band per alternative.", "{metric} ({unit}) per månad, medelvärde och 95 % band per alternativ.";
    /// Text alternative of a time-series chart.
    SeriesDesc => "Line chart of {metric} per month over {years} years for {arms}. In the last month: {ends}.",
        "Linjediagram över {metric} per månad under {years} år för {arms}. Sista månaden: {ends}.";
    /// Axis label.
    Year => "year", "år";
    /// Marks the warm-up in a chart.
    Warmup => "warm-up", "insvängning";
    /// Heading of time use.
    TimeUseHeading => "How working time is spent", "Hur arbetstiden används";
    /// Title of the time-use chart.
    TimeUseTitle => "Case workers' time use", "Handläggarnas tidsanvändning";
    /// Caption of the time-use chart.
    TimeUseCaption => "Share of worked hours per activity, mean over the runs after warm-up.", "Andel av arbetade timmar per aktivitet, medel över körningarna efter insvängning.";
    /// Text alternative of the time-use chart.
    TimeUseDesc => "Stacked bars, one per alternative, of the share of worked hours per activity. {rows}",
        "Stapeldiagram, en stapel per alternativ, uppdelad efter andelen arbetade timmar per aktivitet. {rows}";
    /// Heading of the scenario section.
    ScenarioHeading => "The scenario", "Scenariot";
    /// Column heading.
    Alternative => "Alternative", "Alternativ";
    /// Column heading.
    Preset => "Starting regime", "Grundinställning";
    /// Column heading.
    Description => "Description", "Beskrivning";
    /// Column heading.
    Events => "Changes during the run", "Förändringar under körningen";
    /// Column heading.
    Lever => "Steering lever", "Styrmedel";
    /// Column heading.
    Unit => "Unit", "Enhet";
    /// Column heading.
    Parameter => "Parameter", "Parameter";
    /// Column heading.
    Meaning => "Meaning", "Betydelse";
    /// Column heading.
    Source => "Source", "Källa";
    /// Column heading.
    Value => "Value", "Värde";
    /// Column heading.
    Outcome => "Outcome", "Utfall";
    /// When an arm has no events.
    NoEvents => "none", "inga";
    /// Heading of the levers table.
    LeversHeading => "Steering levers of each alternative", "Styrmedlen i varje alternativ";
    /// Heading of the assumptions.
    AssumptionsHeading => "Assumptions and sources", "Antaganden och källor";
    /// Introduction to the assumptions.
    AssumptionsIntro => "Every parameter of the model with the value used in each alternative, its unit and where the value comes from. A source that begins with “assumption” is a judgement, not a measurement; change it in the scenario file to see how much the result depends on it. Meanings and sources are quoted in English from the parameter registry of tillit {version}; the works cited as (author year) are listed with full references in docs/REFERENCES.md in tillit's source.",
        "Alla modellens parametrar med värdet i varje alternativ, enheten och varifrån värdet kommer. En källa som börjar med ”assumption” (antagande) är en bedömning, inte en mätning; ändra den i scenariofilen för att se hur mycket resultatet beror på den. Betydelser och källor citeras på engelska ur parameterregistret i tillit {version}; verken som citeras som (författare år) finns med fullständiga referenser i docs/REFERENCES.md i tillits källkod.";
    /// Shown when every arm has the same value.
    SameInAll => "same in all", "samma i alla";
    /// Heading of all outcomes.
    AllOutcomesHeading => "All outcomes", "Alla utfall";
    /// Introduction to all outcomes.
    AllOutcomesIntro => "Mean and 95% interval of every outcome, after warm-up.", "Medelvärde och 95 % intervall för alla utfall, efter insvängningen.";
    /// Heading of the feedback loops.
    LoopsHeading => "Feedback loops behind the result", "Återkopplingar bakom resultatet";
    /// Introduction to the feedback loops.
    LoopsIntro => "The answer is not written into the model: the result emerges from mechanisms that feed back on themselves. These four loops explain most of it.",
        "Svaret är inte inskrivet i modellen: resultatet uppstår ur mekanismer som förstärker sig själva. De här fyra återkopplingarna förklarar det mesta.";
    /// Loop title.
    BurnoutTitle => "The burnout spiral", "Utbrändhetsspiralen";
    /// Loop explanation.
    BurnoutText => "High workload raises stress. Stressed case workers go on sick leave or quit, their cases move to colleagues, newcomers need months to learn, and the workload of those who stay rises further.",
        "Hög arbetsbelastning höjer stressen. Stressade handläggare blir sjukskrivna eller slutar, deras ärenden går till kollegorna, nyanställda behöver månader för att lära sig, och belastningen på dem som stannar ökar ytterligare.";
    /// Loop title.
    ControlTitle => "The control spiral", "Kontrollspiralen";
    /// Loop explanation.
    ControlText => "Under control-based steering, missed targets and media scandals bring new rules and more documentation. That takes time from the cases, more investigations run late, and the next missed target brings still more rules. Rules are removed only slowly.",
        "Vid kontrollbaserad styrning leder missade mål och mediedrev till nya regler och mer dokumentation. Det tar tid från ärendena, fler utredningar blir försenade, och nästa missade mål ger ännu fler regler. Regler tas bort bara långsamt.";
    /// Loop title.
    CornersTitle => "Cutting corners", "Genvägar";
    /// Loop explanation.
    CornersText => "Under pressure, case workers spend less time on each case to keep up. The backlog shrinks for a while, but hasty decisions are more often wrong, errors come back later as complaints and serious events, and lowered standards recover only slowly.",
        "Under press lägger handläggarna mindre tid på varje ärende för att hinna med. Balansen minskar en tid, men förhastade beslut blir oftare fel, felen kommer tillbaka senare som klagomål och allvarliga händelser, och sänkta krav återhämtar sig bara långsamt.";
    /// Loop title.
    SilosTitle => "Silos", "Stuprör";
    /// Loop explanation.
    SilosText => "When school, social services and child psychiatry work apart, a child is referred from one agency to the next, tells the story again at each, and waits at each. The extra intakes and documentation take time that could have gone to help.",
        "När skola, socialtjänst och barnpsykiatri arbetar var för sig skickas barnet från myndighet till myndighet, berättar sin historia igen hos var och en och väntar hos var och en. De extra mottagningarna och dokumentationen tar tid som kunde ha gått till hjälp.";
    /// Indicator line under a loop.
    LoopIndicator => "In these results: {values}.", "I dessa resultat: {values}.";
    /// When a loop has no measure in the results.
    LoopNotMeasured => "These results contain no measure of this loop.", "Dessa resultat innehåller inget mått på den här återkopplingen.";
    /// Heading of the reproduction section.
    ReproHeading => "How to reproduce this report", "Så återskapar du rapporten";
    /// Introduction to reproduction.
    ReproIntro => "The same version of tillit, run on the same scenario with the same seed, gives the same numbers on any computer. The results folder holds the whole resolved scenario in manifest.json.",
        "Samma version av tillit, körd med samma scenario och samma slumpfrö, ger samma siffror på alla datorer. Resultatmappen innehåller hela det upplösta scenariot i manifest.json.";
    /// Field name.
    Version => "tillit version", "tillit-version";
    /// Field name.
    Seed => "Master seed", "Slumpfrö";
    /// Field name.
    Replications => "Runs per alternative", "Körningar per alternativ";
    /// Field name.
    ReplicationsPerPoint => "Runs per point and alternative", "Körningar per punkt och alternativ";
    /// Field name.
    TotalRuns => "Runs in all", "Körningar totalt";
    /// Field name.
    Years => "Simulated years (warm-up)", "Simulerade år (insvängning)";
    /// Field name.
    Command => "Command", "Kommando";
    /// Field name.
    Finished => "Finished", "Klar";
    /// Field name.
    ResultsFormat => "Results format", "Resultatformat";
    /// Field name.
    ResultsFolder => "Results folder", "Resultatmapp";
    /// Failed runs.
    Failures => "{n} runs failed and are left out of the statistics (listed in manifest.json).",
        "{n} körningar misslyckades och ingår inte i statistiken (listas i manifest.json).";
    /// Where the SVG files are.
    ChartFiles => "Every chart is also saved as an SVG file in the folder charts/ beside this report.",
        "Alla diagram finns också som SVG-filer i mappen charts/ bredvid rapporten.";
    /// Figure number.
    Figure => "Figure {n}.", "Figur {n}.";
    /// Heading of a sweep.
    SweepHeading => "How the outcomes change as the parameters vary", "Så förändras utfallen när parametrarna varierar";
    /// Line chart over one swept factor.
    SweepTitle => "{outcome} as {factor} varies", "{outcome} när {factor} varierar";
    /// Caption of a sweep line chart.
    SweepCaption => "Mean and 95% interval of {outcome} ({unit}) at each value of {factor}, one line per alternative.",
        "Medelvärde och 95 % intervall för {outcome} ({unit}) vid varje värde av {factor}, en linje per alternativ.";
    /// Text alternative of a sweep line chart.
    SweepDesc => "Line chart of {outcome} over {factor} from {from} to {to}. {lines}", "Linjediagram över {outcome} mot {factor} från {from} till {to}. {lines}";
    /// Caption of a heat map.
    HeatCaption => "Mean of {outcome} ({unit}) at each combination of {x} and {y}; darker is lower, lighter higher, and each cell shows its value. Every alternative's map of this outcome uses one colour scale.",
        "Medelvärde av {outcome} ({unit}) för varje kombination av {x} och {y}; mörkare är lägre, ljusare högre, och varje ruta visar sitt värde. Alla alternativs kartor över detta utfall har samma färgskala.";
    /// Text alternative of a heat map.
    HeatDesc => "Heat map of {outcome}: {cols} values of {x} by {rows} values of {y}. Lowest {min} at {minat}; highest {max} at {maxat}. Colour key from {klo} to {khi}.",
        "Värmekarta över {outcome}: {cols} värden av {x} gånger {rows} värden av {y}. Lägst {min} vid {minat}; högst {max} vid {maxat}. Färgskala från {klo} till {khi}.";
    /// How many cells of a difference map are clear.
    HeatClearCount => "{k} of {n} cells have a 95% interval that excludes zero (marked *).",
        "{k} av {n} rutor har ett 95 % intervall som utesluter noll (markerade med *).";
    /// The mark of a clear cell, in the colour key.
    HeatClearMark => "* 95% interval excludes 0", "* 95 % intervall utesluter 0";
    /// Caption of a difference map.
    HeatDiffCaption => "Paired difference in {outcome} ({unit}), {arm} minus {baseline}, at each combination of {x} and {y}. Blue: lower under {arm}; orange: higher; {better}. Every map of this outcome uses one colour scale, centred on zero; a cell marked * has a 95% interval that excludes zero.",
        "Parvis skillnad i {outcome} ({unit}), {arm} minus {baseline}, för varje kombination av {x} och {y}. Blått: lägre med {arm}; orange: högre; {better}. Alla kartor över detta utfall har samma färgskala, centrerad på noll; en ruta markerad med * har ett 95 % intervall som utesluter noll.";
    /// Which side is better, for a caption.
    LowerIsBetter => "lower is better", "lägre är bättre";
    /// Which side is better, for a caption.
    HigherIsBetter => "higher is better", "högre är bättre";
    /// Which side is better, for a caption.
    NeitherIsBetter => "neither is better in itself", "ingen riktning är bättre i sig";
    /// Heading of a sensitivity analysis.
    SensitivityHeading => "Which assumptions matter most", "Vilka antaganden betyder mest";
    /// Ranking chart title.
    RankingTitle => "Parameters ranked by their effect on {outcome}", "Parametrar rangordnade efter effekt på {outcome}";
    /// Caption of a ranking chart.
    RankingCaption => "Mean absolute change in {outcome} ({unit}) when each parameter moves across its studied range (Morris μ*), largest first.",
        "Genomsnittlig absolut förändring av {outcome} ({unit}) när varje parameter rör sig över sitt studerade intervall (Morris μ*), störst först.";
    /// Caption of a ranking chart of total Sobol indices.
    RankingCaptionSobol => "Share of the variance of {outcome} that each parameter accounts for, interactions included (total Sobol index), largest first.",
        "Andel av variansen i {outcome} som varje parameter står för, samspel inräknade (totalt Sobolindex), störst först.";
    /// Unit of a Sobol index.
    ShareOfVariance => "share of variance", "andel av variansen";
    /// What a sweep compared.
    SweepIntro => "This report shows how the outcomes of {arms} change as {factors} vary, in the scenario “{name}”. The design, {points} points (“Design” under “How to reproduce this report” gives it exactly), was simulated {reps} times per point and alternative.",
        "Rapporten visar hur utfallen för {arms} förändras när {factors} varierar, i scenariot ”{name}”. Försöksplanen, {points} punkter (”Försöksplan” under ”Så återskapar du rapporten” anger den exakt), simulerades {reps} gånger per punkt och alternativ.";
    /// What a sensitivity analysis compared.
    SensitivityIntro => "This report ranks {factors} by how much they move {outcomes}, in the scenario “{name}”. It uses the {method} method with {points} design points, each simulated {reps} times.",
        "Rapporten rangordnar {factors} efter hur mycket de påverkar {outcomes}, i scenariot ”{name}”. Den använder {method}-metoden med {points} försökspunkter, var och en simulerad {reps} gånger.";
    /// The ranking of one outcome, in words.
    SensitivityTop => "{outcome} under {arm}: most moved by {ranking}, largest effect first.", "{outcome} med {arm}: påverkas mest av {ranking}, störst effekt först.";
    /// The first two factors' intervals overlap.
    SensitivityOverlap => "The intervals of the first two overlap, so their order is not certain.", "De två förstas intervall överlappar, så deras ordning är osäker.";
    /// Direction of a factor.
    Raises => "raises it", "höjer";
    /// Direction of a factor.
    Lowers => "lowers it", "sänker";
    /// When no factor moved an outcome.
    SensitivityNone => "{outcome} under {arm}: no parameter moved it in these runs.", "{outcome} med {arm}: ingen parameter påverkade utfallet i dessa körningar.";
    /// The caution for parameter studies.
    StudyCaution => "These curves and rankings hold for the ranges studied, not beyond them, and they come from the model, not from measurements: a parameter that matters much here is one whose assumed value deserves scrutiny.",
        "Kurvorna och rangordningarna gäller för de studerade intervallen, inte utanför dem, och de kommer från modellen, inte från mätningar: en parameter som betyder mycket här är en vars antagna värde förtjänar granskning.";
    /// A sweep's verdicts for one outcome and arm, counted over the points.
    SweepCounts => "{outcome}: {arm} does better than {baseline} at {better} of the {n} points, worse at {worse}, and shows no clear difference at {unclear}.",
        "{outcome}: {arm} ger bättre resultat än {baseline} i {better} av de {n} punkterna, sämre i {worse}, och ingen tydlig skillnad i {unclear}.";
    /// A sweep's outcome where the arm is better at every point.
    SweepBetterEverywhere => "{outcome}: {arm} does better than {baseline} at every one of the {n} points.",
        "{outcome}: {arm} ger bättre resultat än {baseline} i alla {n} punkter.";
    /// A sweep's outcome where the arm is worse at every point.
    SweepWorseEverywhere => "{outcome}: {arm} does worse than {baseline} at every one of the {n} points.",
        "{outcome}: {arm} ger sämre resultat än {baseline} i alla {n} punkter.";
    /// A sweep's outcome with no better direction.
    SweepDiffers => "{outcome}: {arm} differs clearly from {baseline} at {different} of the {n} points (neither direction is better in itself).",
        "{outcome}: {arm} skiljer sig tydligt från {baseline} i {different} av de {n} punkterna (ingen riktning är bättre i sig).";
    /// A swept factor's value in the scenario's tables.
    SweptRange => "{lo}–{hi} (varied)", "{lo}–{hi} (varieras)";
    /// Caption of a sensitivity table.
    FactorTableCaption => "{outcome}: each parameter's studied range, direction and effect, with 95% intervals.",
        "{outcome}: varje parameters studerade intervall, riktning och effekt, med 95 % intervall.";
    /// Column heading.
    StudiedRange => "Studied range", "Studerat intervall";
    /// Column heading: Morris mu.
    MuColumn => "Direction, μ ({unit}; + raises, − lowers)", "Riktning, μ ({unit}; + höjer, − sänker)";
    /// Column heading: Morris mu*.
    MuStarColumn => "Size, μ* ({unit}) [95% interval]", "Storlek, μ* ({unit}) [95 % intervall]";
    /// Column heading: Sobol S1.
    S1Column => "Alone, S1 [95% interval]", "Ensam, S1 [95 % intervall]";
    /// Column heading: Sobol ST.
    StColumn => "With interactions, ST [95% interval]", "Med samspel, ST [95 % intervall]";
    /// Field name.
    Design => "Design", "Försöksplan";
    /// Text alternative of a ranking chart.
    RankingDesc => "Bar chart ranking {n} parameters by their effect on {outcome}. {items}", "Stapeldiagram som rangordnar {n} parametrar efter effekt på {outcome}. {items}";
    /// A switch that is on.
    Yes => "yes", "ja";
    /// A switch that is off.
    No => "no", "nej";
    /// Missing value.
    NotAvailable => "n/a", "saknas";
    /// Joins the last two items of a list.
    And => "and", "och";
    /// Footer.
    Footer => "tillit is an agent-based simulation. It shows what follows from its assumptions, not what will happen.",
        "tillit är en agentbaserad simulering. Den visar vad som följer av dess antaganden, inte vad som kommer att hända.";
    // issue-15-charts
    /// Introduction to the outcome charts, pointing to the figure of paired differences.
    OutcomesIntroFigure => "Each dot is the mean over the simulated runs and the bar around it the 95% interval of that mean. Where the bars of two alternatives overlap a lot, look at the paired difference in Figure {n} before concluding anything. Rates and shares are drawn on an axis from zero.",
        "Varje punkt är medelvärdet över de simulerade körningarna och strecket runt den 95 % intervallet för medelvärdet. Där två alternativs streck överlappar mycket, titta på den parvisa skillnaden i figur {n} innan du drar slutsatser. Takter och andelar ritas på en axel från noll.";
    /// Introduction to the outcome charts when there is no figure of differences.
    OutcomesIntroPlain => "Each dot is the mean over the simulated runs and the bar around it the 95% interval of that mean. Rates and shares are drawn on an axis from zero.",
        "Varje punkt är medelvärdet över de simulerade körningarna och strecket runt den 95 % intervallet för medelvärdet. Takter och andelar ritas på en axel från noll.";
    /// Which series are smoothed, under the series heading.
    SeriesSmoothedNote => "{list} swing from month to month, so they are drawn as rolling 12-month means: each point is the mean of the 12 months up to it, and its band the mean of those months' 95% intervals. These lines start after the first 12 months.",
        "{list} svänger från månad till månad och ritas därför som rullande 12-månadersmedelvärden: varje punkt är medelvärdet av de 12 månaderna fram till den, och bandet medelvärdet av de månadernas 95 % intervall. Linjerna börjar efter de första 12 månaderna.";
    /// Caption of a smoothed time series.
    SeriesCaptionSmoothed => "{metric} ({unit}), rolling 12-month mean with its band per alternative.", "{metric} ({unit}), rullande 12-månadersmedelvärde med band per alternativ.";
    /// Caption of the table of post-switch means.
    PostSwitchCaption => "{arm} after “{label}”: averages of the monthly means over the whole outcome window (after {from}) and over the months after the switch only (after {switch}), for every alternative.",
        "{arm} efter ”{label}”: medelvärden av månadsvärdena över hela utfallsperioden (efter {from}) och över månaderna efter bytet (efter {switch}), för varje alternativ.";
    /// The post-switch means in the text.
    PostSwitchText => "The table below shows, from the monthly series, what the averages are when only the months after the switch are counted. They have no interval of their own: read them beside the 95% bands in the charts over time.",
        "Tabellen nedan visar, ur månadsserierna, vad medelvärdena blir när bara månaderna efter bytet räknas. De har inget eget intervall: läs dem tillsammans med 95 %-banden i diagrammen över tid.";
    /// Column heading: the whole window.
    WindowColumn => "{arm}, whole window", "{arm}, hela perioden";
    /// Column heading: after the switch.
    AfterSwitchColumn => "{arm}, after the switch", "{arm}, efter bytet";
    /// Column heading: the series.
    SeriesColumn => "Monthly series", "Månadsserie";
    /// The assumptions: what the first table holds.
    ChangedIntro => "This table holds the parameters that this scenario sets to other values than tillit's defaults, each marked ● and with its default beside it. Every other parameter is at its default and listed in the appendix at the end.",
        "Tabellen visar de parametrar som scenariot ger andra värden än tillits standardvärden, var och en markerad ● och med standardvärdet bredvid. Alla andra parametrar har sina standardvärden och listas i bilagan i slutet.";
    /// The assumptions when no parameter is changed.
    NoneChanged => "This scenario keeps every parameter other than the steering levers at tillit's default; they are listed in the appendix at the end.",
        "Scenariot behåller tillits standardvärden för alla parametrar utom styrmedlen; de listas i bilagan i slutet.";
    /// Column heading: the registry default.
    DefaultColumn => "Default", "Standardvärde";
    /// Marks a value changed from the default.
    ChangedMark => "changed from the default", "ändrat från standardvärdet";
    /// Heading of the appendix of default parameters.
    AppendixHeading => "Appendix: parameters at their defaults", "Bilaga: parametrar med standardvärden";
    /// Introduction to the appendix.
    AppendixIntro => "The {n} parameters that this scenario leaves at the defaults of tillit {version}, with their units, meanings and sources (on paper without meanings and sources, which the report on screen and the command tillit params show).",
        "De {n} parametrar som scenariot lämnar vid standardvärdena i tillit {version}, med enheter, betydelser och källor (på papper utan betydelser och källor, som rapporten på skärmen och kommandot tillit params visar).";
    /// Column heading: a factor's rank (shared within a group).
    RankColumn => "Rank", "Rang";
    /// What a shared rank means.
    RankNote => "Parameters whose 95% intervals overlap that of the first in their group share a rank (such as 1–3): their order within the group is not certain.",
        "Parametrar vars 95 %-intervall överlappar det första i gruppens intervall delar rang (till exempel 1–3): deras inbördes ordning är osäker.";
    /// Under the levers table: what the mark means.
    LeversChangedNote => "Values marked ● differ from tillit's defaults (the control steering).", "Värden markerade ● skiljer sig från tillits standardvärden (kontrollstyrningen).";
}

/// The text of `key` in `lang`.
pub fn t(lang: Language, key: Key) -> &'static str {
    let (en, sv) = TEXTS[key as usize];
    match lang {
        Language::En => en,
        Language::Sv => sv,
    }
}

/// `template` with every `{name}` replaced by its value, in one pass from
/// left to right, so that a value (an arm named `{baseline}`, say) is never
/// filled in again. Placeholders without a value stay as they are (a test
/// checks none are left).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// [`t`] then [`fill`].
pub fn tf(lang: Language, key: Key, values: &[(&str, &str)]) -> String {
    fill(t(lang, key), values)
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

/// The readable name of an outcome, lower case: `(English, Swedish)`.
///
/// The match has no wildcard, so a new outcome does not compile until it
/// has a name in both languages.
fn outcome_labels(o: Outcome) -> (&'static str, &'static str) {
    use Outcome::*;
    match o {
        WorkerTurnover => (
            "case-worker turnover",
            "personalomsättning bland handläggare",
        ),
        ManagerTurnover => ("manager turnover", "personalomsättning bland chefer"),
        SickLeaveShare => ("sick leave", "sjukfrånvaro"),
        LongSickSpells => ("new long sick spells", "nya långa sjukfall"),
        MeanStress => ("mean stress", "genomsnittlig stress"),
        HighStrainShare => ("days in high strain", "dagar med hög anspänning"),
        WorkPressure => ("work pressure", "arbetstryck"),
        MeanExhaustion => ("mean exhaustion", "genomsnittlig utmattning"),
        MeanTenure => ("tenure in the unit", "anställningstid i enheten"),
        VacancyShare => ("vacant positions", "vakanta tjänster"),
        OvertimeShare => ("overtime", "övertid"),
        ManagerMeanStress => ("managers' stress", "chefernas stress"),
        ManagerSickLeaveShare => ("managers' sick leave", "chefernas sjukfrånvaro"),
        CoachingReceived => ("coaching received", "mottagen coachning"),
        TimeDirect => ("time on direct client work", "tid för direkt klientarbete"),
        TimeDocumentation => ("time on documentation", "tid för dokumentation"),
        TimeAdmin => ("time on administration", "tid för administration"),
        TimeTravel => ("travel time", "restid"),
        TimeOther => ("other indirect work", "annat indirekt arbete"),
        TimeCoaching => ("time in coaching", "tid för coachning och handledning"),
        TimeOversight => (
            "time on complaints and inspections",
            "tid för klagomål och tillsyn",
        ),
        TimeIdle => ("time without case work", "tid utan ärendearbete"),
        Reports => ("reports of concern", "orosanmälningar"),
        Investigations => ("investigations opened", "inledda utredningar"),
        AllocationWait => ("wait for a case worker", "väntan på handläggare"),
        AssessmentsOverdue => ("late initial assessments", "försenade förhandsbedömningar"),
        InvestigationsOverdue => (
            "investigations over four months",
            "utredningar över fyra månader",
        ),
        InvestigationDaysMean => ("investigation time", "utredningstid"),
        InvestigationDaysP90 => (
            "investigation time, slowest tenth",
            "utredningstid, långsammaste tiondelen",
        ),
        CaseDaysMean => (
            "time from report to closure",
            "tid från anmälan till avslut",
        ),
        OpenCasesMean => ("open cases (backlog)", "öppna ärenden (balans)"),
        ApprovalWaitDays => (
            "wait for the manager's approval",
            "väntan på chefens godkännande",
        ),
        DecisionErrorRate => ("wrong decisions", "felaktiga beslut"),
        MissedNeeds => ("missed needs", "missade behov"),
        UnneededInterventions => ("unneeded interventions", "onödiga insatser"),
        ErrorsCaught => (
            "errors caught at approval",
            "fel som upptäcks vid chefens granskning",
        ),
        Complaints => ("complaints and appeals", "klagomål och överklaganden"),
        SeriousEvents => ("serious events", "allvarliga händelser"),
        Scandals => ("media scandals", "mediedrev"),
        PersonnelCost => ("personnel cost", "personalkostnad"),
        CostPerCase => ("cost per report", "kostnad per anmälan"),
        DocumentationIntensityEnd => (
            "documentation demands at the end",
            "dokumentationskrav vid slutet",
        ),
        RegimeSwitches => ("changes of steering regime", "byten av styrning"),
        PathwayChildren => (
            "children who need several agencies",
            "barn som behöver flera verksamheter",
        ),
        TimeToFirstHelp => ("time to first help", "tid till första insats"),
        TimeToFirstHelpP90 => (
            "time to first help, slowest tenth",
            "tid till första insats, långsammaste tiondelen",
        ),
        TimeToFullHelp => (
            "time until all help has started",
            "tid tills alla insatser har börjat",
        ),
        StoryTold => (
            "times the story was told",
            "gånger berättelsen återberättades",
        ),
        Handoffs => (
            "hand-offs between agencies",
            "överlämningar mellan verksamheter",
        ),
        BouncedReferrals => ("referrals that bounced", "returnerade remisser"),
        PathwayDropout => ("families who gave up", "familjer som gav upp"),
        ChildrenWaiting => ("children waiting for help", "barn som väntar på hjälp"),
        PathwayHours => (
            "professional hours per child",
            "professionella timmar per barn",
        ),
        SchoolHealthHours => (
            "school-health hours per child",
            "elevhälsans timmar per barn",
        ),
        CounsellingHours => (
            "counselling hours per child",
            "samtalsmottagningens timmar per barn",
        ),
        BupHours => ("child-psychiatry hours per child", "BUP:s timmar per barn"),
        SocialServicesPathwayHours => (
            "social-services hours per child on the pathway",
            "socialtjänstens timmar per barn i samverkan",
        ),
        NamedPersonHours => (
            "named person's hours per child",
            "trygghetspersonens timmar per barn",
        ),
        PathwayDocumentation => (
            "documentation share of the pathway's hours",
            "dokumentationens andel av samverkanstimmarna",
        ),
        AgencyUtilisation => ("agencies' utilisation", "verksamheternas beläggning"),
        DecisionInconsistency => (
            "decisions that depend on who decides",
            "beslut som beror på vem som beslutar",
        ),
        InvestigationShare => (
            "share of reports investigated",
            "andel anmälningar som utreds",
        ),
        InterventionShare => (
            "share of investigations ending in an intervention",
            "andel utredningar som leder till insats",
        ),
        OpenCasesPerPosition => ("open cases per position", "öppna ärenden per tjänst"),
    }
}

/// The readable name of an outcome in `lang`, lower case.
pub fn outcome_label(lang: Language, o: Outcome) -> &'static str {
    let (en, sv) = outcome_labels(o);
    match lang {
        Language::En => en,
        Language::Sv => sv,
    }
}

/// The readable name of a series metric, lower case: `(English, Swedish)`.
fn series_labels(m: SeriesMetric) -> (&'static str, &'static str) {
    use SeriesMetric::*;
    match m {
        Stress => ("mean stress", "genomsnittlig stress"),
        HighStrain => ("days in high strain", "dagar med hög anspänning"),
        SickLeave => ("sick leave", "sjukfrånvaro"),
        Turnover => (
            "case-worker turnover",
            "personalomsättning bland handläggare",
        ),
        Vacancy => ("vacant positions", "vakanta tjänster"),
        OpenCases => ("open cases (backlog)", "öppna ärenden (balans)"),
        Overdue => (
            "investigations over four months",
            "utredningar över fyra månader",
        ),
        Documentation => ("documentation demands", "dokumentationskrav"),
        Direct => ("time on direct client work", "tid för direkt klientarbete"),
        DocumentationTime => ("time on documentation", "tid för dokumentation"),
        Admin => ("time on administration", "tid för administration"),
        Overtime => ("overtime", "övertid"),
        ManagerStress => ("managers' stress", "chefernas stress"),
        ChildrenWaiting => ("children waiting for help", "barn som väntar på hjälp"),
        ErrorRate => ("wrong decisions", "felaktiga beslut"),
        Inconsistency => (
            "decisions that depend on who decides",
            "beslut som beror på vem som beslutar",
        ),
    }
}

/// The readable name of a series metric in `lang`, lower case.
pub fn series_label(lang: Language, m: SeriesMetric) -> &'static str {
    let (en, sv) = series_labels(m);
    match lang {
        Language::En => en,
        Language::Sv => sv,
    }
}

/// Readable names of the steering levers: (parameter name, English, Swedish).
/// A test checks that every lever of the registry has one.
const LEVERS: &[(&str, &str, &str)] = &[
    (
        "documentation_intensity",
        "documentation required per case (1 = control standard)",
        "dokumentation som krävs per ärende (1 = kontrollstandard)",
    ),
    (
        "worker_admin_hours",
        "prescribed reporting and meetings per case worker (hours/week)",
        "föreskriven rapportering och möten per handläggare (timmar/vecka)",
    ),
    (
        "manager_reporting_hours",
        "reporting upward per unit manager (hours/week)",
        "rapportering uppåt per enhetschef (timmar/vecka)",
    ),
    (
        "approval_threshold",
        "severity from which the manager approves decisions (1: never)",
        "allvarlighetsgrad från vilken chefen måste godkänna beslut (1: aldrig)",
    ),
    (
        "decision_latitude",
        "case workers' decision latitude (0-1)",
        "handläggarnas beslutsutrymme (0-1)",
    ),
    (
        "coaching_hours",
        "coaching per case worker (hours/week)",
        "coachning per handläggare (timmar/vecka)",
    ),
    (
        "blame_culture",
        "blame culture (1 = control standard)",
        "skuldbeläggande kultur (1 = kontrollstandard)",
    ),
    (
        "kpi_pressure",
        "rules added per month when the delay target is missed",
        "regler som läggs till per månad när förseningsmålet missas",
    ),
    (
        "kpi_target_overdue",
        "target share of investigations over four months",
        "mål för andel utredningar över fyra månader",
    ),
    (
        "control_ratchet",
        "rules added after each media scandal",
        "regler som läggs till efter varje mediedrev",
    ),
    (
        "rule_decay_days",
        "time for added rules to be pruned (days)",
        "tid tills tillagda regler rensas bort (dagar)",
    ),
    (
        "caseload_cap",
        "most open cases per case worker (0: no cap)",
        "högsta antal öppna ärenden per handläggare (0: inget tak)",
    ),
    (
        "integrated_team",
        "a joint team at the school instead of silos",
        "ett gemensamt team på skolan i stället för stuprör",
    ),
    (
        "named_person",
        "a named person keeps contact with the parents",
        "en trygghetsperson håller kontakten med föräldrarna",
    ),
];

/// The readable name of steering lever `name` in `lang`, if it has one.
pub fn lever_label(lang: Language, name: &str) -> Option<&'static str> {
    LEVERS
        .iter()
        .find(|row| row.0 == name)
        .map(|&(_, en, sv)| match lang {
            Language::En => en,
            Language::Sv => sv,
        })
}

/// The readable name of a preset in `lang` (`trust` is `tillit`); the
/// name as written for one this build does not know.
pub fn preset_label(lang: Language, preset: &str) -> String {
    let (en, sv) = match preset {
        "control" => ("control", "kontroll"),
        "trust" => ("trust", "tillit"),
        "trust_without_support" => ("trust without support", "tillit utan stöd"),
        "hybrid" => ("hybrid", "hybrid"),
        other => (other, other),
    };
    match lang {
        Language::En => en.to_owned(),
        Language::Sv => sv.to_owned(),
    }
}

/// Parameter units of the registry in Swedish: (unit, Swedish). English
/// reports show the unit as the registry writes it. A test checks that every
/// unit of the registry has a row.
const PARAM_UNITS_SV: &[(&str, &str)] = &[
    ("days", "dagar"),
    ("share", "andel"),
    ("hours", "timmar"),
    ("probability", "sannolikhet"),
    ("-", "\u{2013}"),
    ("ratio", "kvot"),
    ("hours/week", "timmar/vecka"),
    ("share/year", "andel/år"),
    ("hours/day", "timmar/dag"),
    ("FTE/100 positions", "årsarbetare/100 tjänster"),
    ("working days", "arbetsdagar"),
    ("switch", "av/på"),
    ("stress units", "stressenheter"),
    ("spells/year", "sjukfall/år"),
    ("share of contract", "andel av tjänstgöringsgraden"),
    ("ratio/stress unit", "kvot/stressenhet"),
    ("log-odds", "logit"),
    ("kSEK/month", "tkr/månad"),
    ("index 0-1", "index 0\u{2013}1"),
    ("hours/agency", "timmar/verksamhet"),
    ("years", "år"),
    ("working days/year", "arbetsdagar/år"),
    ("strain units", "anspänningsenheter"),
    ("share/pressure", "andel/arbetstryck"),
    ("share/day", "andel/dag"),
    ("severity 0-1", "allvarlighetsgrad 0\u{2013}1"),
    ("reports/position/year", "anmälningar/tjänst/år"),
    ("ratio/scandal", "kvot/mediedrev"),
    ("ratio/month", "kvot/månad"),
    ("ratio/exhaustion unit", "kvot/utmattningsenhet"),
    ("positions", "tjänster"),
    ("log-sd", "log-standardavvikelse"),
    ("kSEK/hire", "tkr/rekrytering"),
    ("hours/worker/week", "timmar/handläggare/vecka"),
    ("hours/hour", "timmar/timme"),
    ("hours/case", "timmar/ärende"),
    ("days/week", "dagar/vecka"),
    ("count", "antal"),
    ("children/position/year", "barn/tjänst/år"),
    ("cases", "ärenden"),
    ("1/stress", "1/stressenhet"),
    ("1/day", "1/dag"),
];

/// A parameter's unit in `lang`: the registry's in English, its Swedish
/// form in Swedish (as written for a unit this build does not know).
pub fn param_unit(lang: Language, unit: &str) -> &str {
    match lang {
        Language::En => unit,
        Language::Sv => PARAM_UNITS_SV
            .iter()
            .find(|row| row.0 == unit)
            .map_or(unit, |row| row.1),
    }
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

/// The catalogue units tillit writes, with their display forms:
/// (unit, scale, English level, English difference, Swedish level, Swedish difference).
type UnitRow = (
    &'static str,
    f64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);
const UNITS: &[UnitRow] = &[
    (
        "share",
        100.0,
        "%",
        "percentage points",
        "%",
        "procentenheter",
    ),
    (
        "share/year",
        100.0,
        "% per year",
        "percentage points per year",
        "% per år",
        "procentenheter per år",
    ),
    (
        "spells/100 employees/year",
        1.0,
        "per 100 employees and year",
        "per 100 employees and year",
        "per 100 anställda och år",
        "per 100 anställda och år",
    ),
    (
        "stress units",
        1.0,
        "stress units",
        "stress units",
        "stressenheter",
        "stressenheter",
    ),
    (
        "exhaustion units",
        1.0,
        "exhaustion units",
        "exhaustion units",
        "utmattningsenheter",
        "utmattningsenheter",
    ),
    (
        "ratio",
        1.0,
        "× normal",
        "× normal",
        "× normalt",
        "× normalt",
    ),
    ("years", 1.0, "years", "years", "år", "år"),
    (
        "hours/week",
        1.0,
        "hours per week",
        "hours per week",
        "timmar per vecka",
        "timmar per vecka",
    ),
    (
        "reports/year",
        1.0,
        "per year",
        "per year",
        "per år",
        "per år",
    ),
    (
        "investigations/year",
        1.0,
        "per year",
        "per year",
        "per år",
        "per år",
    ),
    ("days", 1.0, "days", "days", "dagar", "dagar"),
    ("cases", 1.0, "cases", "cases", "ärenden", "ärenden"),
    (
        "cases/position",
        1.0,
        "cases per position",
        "cases per position",
        "ärenden per tjänst",
        "ärenden per tjänst",
    ),
    (
        "cases/year",
        1.0,
        "cases per year",
        "cases per year",
        "ärenden per år",
        "ärenden per år",
    ),
    (
        "events/year",
        1.0,
        "per year",
        "per year",
        "per år",
        "per år",
    ),
    (
        "MSEK/year",
        1.0,
        "MSEK per year",
        "MSEK per year",
        "mnkr per år",
        "mnkr per år",
    ),
    (
        "kSEK/report",
        1.0,
        "kSEK per report",
        "kSEK per report",
        "tkr per anmälan",
        "tkr per anmälan",
    ),
    ("count", 1.0, "times", "times", "gånger", "gånger"),
    // Units of the cross-agency pathway's outcomes (being added on main).
    (
        "children/year",
        1.0,
        "children per year",
        "children per year",
        "barn per år",
        "barn per år",
    ),
    (
        "times/child",
        1.0,
        "times per child",
        "times per child",
        "gånger per barn",
        "gånger per barn",
    ),
    (
        "referrals/child",
        1.0,
        "referrals per child",
        "referrals per child",
        "remisser per barn",
        "remisser per barn",
    ),
    ("children", 1.0, "children", "children", "barn", "barn"),
    (
        "hours/child",
        1.0,
        "hours per child",
        "hours per child",
        "timmar per barn",
        "timmar per barn",
    ),
];

/// The display form of a catalogue unit; `None` for a unit this build does
/// not know (a results folder from a newer tillit).
pub fn known_unit(lang: Language, unit: &str) -> Option<DisplayUnit> {
    UNITS
        .iter()
        .find(|row| row.0 == unit)
        .map(|&(_, scale, en, en_diff, sv, sv_diff)| match lang {
            Language::En => DisplayUnit {
                scale,
                level: en,
                difference: en_diff,
            },
            Language::Sv => DisplayUnit {
                scale,
                level: sv,
                difference: sv_diff,
            },
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
    use crate::outcome::{OUTCOMES, SERIES_METRICS};

    #[test]
    fn fill_never_fills_a_value_in_again() {
        let values = [("arm", "{baseline}"), ("baseline", "control")];
        assert_eq!(
            fill("{arm} against {baseline}, {missing} {", &values),
            "{baseline} against control, {missing} {"
        );
    }

    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }

    /// Words that are spelled the same in both languages on purpose.
    const SAME_IN_BOTH: &[&str] = &["Parameter"];

    #[test]
    fn every_key_has_both_languages_with_the_same_placeholders() {
        assert_eq!(Key::ALL.len(), TEXTS.len());
        for &key in Key::ALL {
            let (en, sv) = (t(Language::En, key), t(Language::Sv, key));
            assert!(!en.trim().is_empty() && !sv.trim().is_empty(), "{key:?}");
            assert!(
                en != sv || SAME_IN_BOTH.contains(&en),
                "{key:?} is not translated: {en}"
            );
            assert_eq!(placeholders(en), placeholders(sv), "{key:?}");
        }
    }

    #[test]
    fn every_outcome_metric_and_unit_has_both_languages() {
        for o in Outcome::ALL {
            let (en, sv) = outcome_labels(o);
            assert!(!en.is_empty() && en != sv, "{o:?}");
            known_unit(Language::Sv, o.spec().unit)
                .unwrap_or_else(|| panic!("unit of {o:?} has no display form"));
        }
        for m in SeriesMetric::ALL {
            let (en, sv) = series_labels(m);
            assert!(!en.is_empty() && en != sv, "{m:?}");
            known_unit(Language::En, m.spec().unit)
                .unwrap_or_else(|| panic!("unit of {m:?} has no display form"));
        }
        assert_eq!(OUTCOMES.len(), Outcome::ALL.len());
        assert_eq!(SERIES_METRICS.len(), SeriesMetric::ALL.len());
    }

    #[test]
    fn every_steering_lever_and_preset_has_both_languages() {
        use crate::model::params::PARAMETERS;
        use crate::model::presets::Preset;
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
        for p in Preset::ALL {
            let name = p.name();
            assert!(!preset_label(Language::Sv, name).is_empty());
        }
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

    #[test]
    fn list_joining() {
        let items = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(join_list(Language::Sv, &items), "a, b och c");
        assert_eq!(join_list(Language::En, &items[..1]), "a");
        assert_eq!(capitalise("åtta"), "Åtta");
    }
}
