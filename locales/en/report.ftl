# Every text of tillit's reports, in English.
#
# Each message has the same id and the same { $placeholders } as in
# locales/sv/report.ftl; tests check both (cargo test --release). The text
# after `=` is what the report shows; a placeholder is filled with a value
# (a number, a name, a list) by the report.

## Sentences, headings and labels

# Heading of a robustness study's report.
robust-heading = How robust is the answer?

# What a robustness study did.
robust-intro = Every comparison of a single scenario rests on one set of assumed values. Here the comparison was repeated in { $worlds } plausible worlds, each drawing the { $params } uncertain assumptions from their plausible ranges. Worlds in which { $baseline } does not reproduce the Swedish patterns (staff turnover, long sick spells, time use and overdue investigations; implausibility above { $cutoff }) were ruled out; { $kept } worlds remained. In each of them every alternative was simulated { $reps } times, with the same reports of concern and the same luck.

# How to read shares of worlds.
robust-caution = A share of worlds is not a probability about reality: the worlds are spread evenly over ranges that are judgements. “Better” and “worse” mean that the 95% interval of the difference in that world excludes zero; “no clear difference” also covers worlds where a few simulations cannot tell.

# When history matching kept no world.
robust-no-worlds = No world was kept: in every world drawn, the baseline misses a Swedish pattern by far. The plausible ranges need another look.

# Heading per arm.
robust-arm-heading = { $arm } compared with { $baseline }

# Chart title per arm.
robust-chart-title = { $arm } against { $baseline }: share of worlds

# Chart caption per arm.
robust-chart-caption = Share of the { $kept } plausible worlds in which { $arm } is better than { $baseline }, not clearly different, or worse, per outcome.

# Chart description per arm.
robust-chart-desc = Stacked bars, one per outcome, of the share of worlds per verdict. { $rows }

# Category: better.
robust-better = better

# Category: no clear difference.
robust-unclear = no clear difference

# Category: worse.
robust-worse = worse

# Table column: outcome.
robust-table-outcome = Outcome

# Table column: median effect.
robust-table-median = Median difference across worlds

# Table column: 5-95 % range.
robust-table-range = 5–95% of worlds

# A PRIM box in words.
robust-box = { $arm } does worse on { $outcome } mostly in worlds where { $conditions }: { $k } of the { $worse } worlds where it does worse lie there (coverage { $coverage }), and it does worse in { $share } of the { $n } worlds there (density { $density }).

# No box stands out.
robust-no-box = { $arm } does worse on { $outcome } in { $worse } of { $kept } worlds, with no range of assumptions that stands out.

# No mixed verdict.
robust-never-worse = On the outcomes studied, { $arm } does worse than { $baseline } in either no world or every world: there is no boundary to describe.

# Joins conditions.
robust-and = { " " }and{ " " }

# A condition: at least.
robust-at-least = { $param } is at least { $value }

# A condition: at most.
robust-at-most = { $param } is at most { $value }

# A condition: between.
robust-between = { $param } lies between { $low } and { $high }

# Where the numbers are.
robust-files = Every world's values and implausibility are in worlds.csv, every world's differences in effects.csv, the shares in robustness.csv, and PRIM's boxes in boxes.csv (docs/ROBUSTNESS.md describes each column).

# Page title.
report-title = Report: { $name }

# Line under the title.
subtitle = Simulation of control-based and trust-based steering in social services, made with tillit { $version }.

# Heading of the summary.
summary-heading = Summary

# What was compared.
summary-intro = This report compares { $arms } in the scenario “{ $name }”. Each alternative was simulated { $reps } times over { $years }, of which the warm-up at the start ({ $warmup }) is left out. Every alternative met the same reports of concern and the same luck, so the differences come from the steering. The comparison is with { $baseline }. Every outcome is an average over the years after the warm-up: where an alternative is still changing (rules added under control build up for many years), a longer or shorter run gives other differences, so read them with the charts over time.

# How to read the intervals.
summary-caution = How sure are we? Each number comes with a 95% interval that shows how much the result varies from one simulated run to the next. Where the interval of a difference includes zero, the simulation cannot tell the alternatives apart, and the report says “no clear difference”. The intervals do not cover the uncertainty in the model's own assumptions (see “Assumptions and sources”): they say how sure the simulation is, not how sure we can be about reality.

# Heading of the key findings.
key-findings-heading = Key findings

# How the key findings were chosen.
key-findings-intro = The largest clear differences to { $baseline }, largest first: each 95% interval excludes zero, and each difference is at least { $threshold } of the value under { $baseline }.

# A key finding, lower under the arm.
finding-lower = { $outcome }: { $pct } lower with { $arm } than with { $baseline }, { $value } against { $base } { $unit } (95% interval of the difference { $lo } to { $hi } { $dunit }).

# A key finding, higher under the arm.
finding-higher = { $outcome }: { $pct } higher with { $arm } than with { $baseline }, { $value } against { $base } { $unit } (95% interval of the difference { $lo } to { $hi } { $dunit }).

# When no difference is clear and large enough.
no-key-findings = No key outcome differs clearly from { $baseline } by { $threshold } of its value or more.

# Heading of what the findings mean.
meaning-heading = What this means

# The gains of an arm, largest first.
meaning-gains = Compared with { $baseline }, { $arm } does better on { $better } (largest difference first).

# The costs of an arm that also gains.
meaning-costs = The price is paid elsewhere: { $arm } does worse on { $worse }.

# An arm that gains at no clear cost.
meaning-no-cost = On no key outcome does { $arm } do clearly worse.

# An arm that only loses.
meaning-only-costs = { $arm } does worse than { $baseline } on { $worse }, and clearly better on no key outcome.

# An arm with no difference that matters.
meaning-nothing = On the key outcomes, the simulation shows no difference that matters between { $arm } and { $baseline }.

# Clear changes with no better direction.
meaning-different = It also changes { $list }, where neither direction is better in itself.

# One small clear difference.
meaning-small-one = One further difference is clear but smaller than { $threshold } of the value under { $baseline }: too small to matter.

# Small clear differences, counted.
meaning-small = { $k } further differences are clear but smaller than { $threshold } of the value under { $baseline }: too small to matter.

# A full factorial sweep, in words.
design-factorial = a full factorial design: every combination of the factors' values, { $points } points

# A Latin hypercube sweep, in words.
design-latin-hypercube = a Latin hypercube of { $points } points (design seed { $seed })

# A sweep over the points of a table, in words.
design-table = { $points } points from the table { $file }

# A Morris design, in words.
design-morris = Morris screening: { $trajectories } trajectories over { $levels } levels per factor, { $points } points (design seed { $seed })

# A Sobol design, in words.
design-sobol = Sobol indices from { $samples } base samples drawn as { $sampling }, { $points } points (design seed { $seed })

# Sobol sampling from a low-discrepancy sequence.
design-sampling-sequence = a Sobol sequence

# Sobol sampling from random draws.
design-sampling-random = random draws

# An event at a fixed time.
event-at = { $label } (after { $years })

# The label of an event with a preset that the scenario gives no label.
event-switch-to = switch to { $preset }

# The label of an event without preset or label, by its number.
event-numbered = event { $n }

# An event on a time series, for its text alternative.
event-line = A dashed line marks { $label } after { $years }.

# An event after the warm-up.
event-window = { $arm } changes its steering after { $years } (“{ $label }”), after the warm-up: its averages include { $before } under the earlier steering, so they understate the change; the charts over time show the years after it.

# Heading of the limitations box.
limits-heading = Limitations

# What the assumptions are.
limits-assumptions = Most parameter values are assumptions, not measurements. The calibration to Swedish patterns (staff turnover, long sick spells, time use and overdue investigations) constrains some of them, jointly rather than one by one. “Assumptions and sources” lists every value and where it comes from.

# What the model leaves out.
limits-left-out = The model leaves out, among other things: the board and the director as actors (their demands enter only as hours of reporting); any learning from reviewed errors under trust-based steering beyond fewer new rules; the other agencies' own stress, sick leave and staffing; managers' short sick spells and their time use; the cost of covering for absent staff; public holidays. Section 8 of docs/MODEL.md in tillit's source lists every simplification.

# Heading of what was compared.
compared-heading = What was compared

# A count of verdicts.
count-small = { $k } small (under { $threshold })

# Small clear differences, in one sentence.
small-list = Small differences between { $arm } and { $baseline }, each under { $threshold } of the value under { $baseline } although its 95% interval excludes zero: { $list }.

# Verdict tag.
tag-small = small

# Heading per compared arm.
comparison-heading = { $arm } compared with { $baseline }

# Counts of verdicts for one arm.
comparison-counts = Of { $n } key outcomes: { $list }.

# A count of verdicts.
count-better = { $k } better

# A count of verdicts.
count-worse = { $k } worse

# A count of verdicts.
count-different = { $k } different without being better or worse

# A count of verdicts.
count-no-clear = { $k } with no clear difference

# A count of verdicts.
count-unknown = { $k } that cannot be told

# A difference in the better direction.
diff-better = { $arm } did better than { $baseline } on { $outcome }: { $dir } by { $abs } { $unit }{ $rel }; 95% interval of the difference { $lo } to { $hi }.

# A difference in the worse direction.
diff-worse = { $arm } did worse than { $baseline } on { $outcome }: { $dir } by { $abs } { $unit }{ $rel }; 95% interval of the difference { $lo } to { $hi }.

# A difference where neither direction is better.
diff-neutral = { $outcome } was { $dir } under { $arm } than under { $baseline }, by { $abs } { $unit }{ $rel }; 95% interval of the difference { $lo } to { $hi }.

# An interval that includes zero.
diff-no-clear = No clear difference between { $arm } and { $baseline } on { $outcome }: the 95% interval of the difference, { $lo } to { $hi } { $unit }, includes zero, so what difference there is may be simulation noise.

# No interval (one replication, or a missing value).
diff-too-few = { $outcome }: the results cannot tell whether { $arm } and { $baseline } differ (too few runs or no value).

# Several outcomes whose intervals include zero, in one sentence.
no-clear-list = No clear difference between { $arm } and { $baseline } on { $list }: each 95% interval of the difference includes zero, so what difference there is may be simulation noise.

# An interval in a list.
interval-range = { $lo } to { $hi } { $unit }

# Plural of the year unit.
years-plural = years

# Relative change, in brackets after the absolute one.
relative = { " " }({ $pct } of the value under { $baseline })

# Direction word.
lower = lower

# Direction word.
higher = higher

# Verdict tag.
tag-better = better

# Verdict tag.
tag-worse = worse

# Verdict tag.
tag-different = different

# Verdict tag.
tag-no-clear = no clear difference

# Verdict tag.
tag-unknown = cannot tell

# Heading of the outcome charts.
outcomes-heading = Key outcomes by alternative

# Title of the difference chart.
difference-title = Difference to { $baseline }, in percent of { $baseline }

# Caption of the difference chart.
difference-caption = Paired differences with 95% intervals, in percent of the value under { $baseline }. Intervals that cross the zero line show no clear difference.

# Caption of an outcome chart.
outcome-caption = { $outcome } ({ $unit }): mean and 95% interval per alternative.

# One arm in a chart's text alternative.
arm-value = { $arm }: { $mean } { $unit } (95% interval { $lo } to { $hi })

# Heading of the time series.
series-heading = Over time

# How to read the time series.
series-intro = Monthly values: the line is the mean over the simulated runs and the band its 95% interval. The grey start is the warm-up, which the outcomes above leave out.

# Caption of a time-series chart.
series-caption = { $metric } ({ $unit }) per month, mean and 95% band per alternative.

# Text alternative of a time-series chart.
series-desc = Line chart of { $metric } per month over { $years } years for { $arms }. In the last month: { $ends }.

# Axis label.
year = year

# Marks the warm-up in a chart.
warmup = warm-up

# Heading of time use.
time-use-heading = How working time is spent

# Title of the time-use chart.
time-use-title = Case workers' time use

# Caption of the time-use chart.
time-use-caption = Share of worked hours per activity, mean over the runs after warm-up.

# Text alternative of the time-use chart.
time-use-desc = Stacked bars, one per alternative, of the share of worked hours per activity. { $rows }

# Heading of the scenario section.
scenario-heading = The scenario

# Column heading.
alternative = Alternative

# Column heading.
preset = Starting regime

# Column heading.
description = Description

# Column heading.
events = Changes during the run

# Column heading.
lever = Steering lever

# Column heading.
unit = Unit

# Column heading.
parameter = Parameter

# Column heading.
meaning = Meaning

# Column heading.
source = Source

# Column heading.
value = Value

# Column heading.
outcome = Outcome

# When an arm has no events.
no-events = none

# Heading of the levers table.
levers-heading = Steering levers of each alternative

# Heading of the assumptions.
assumptions-heading = Assumptions and sources

# Introduction to the assumptions.
assumptions-intro = Every parameter of the model with its name (and its key, as a scenario file writes it), the value used in each alternative, its unit and where the value comes from. A source that begins with “assumption” is a judgement, not a measurement; change the value in the scenario file to see how much the result depends on it. Meanings and sources are quoted from the parameter registry of tillit { $version }; the works cited as (author year) are listed with full references in docs/REFERENCES.md in tillit's source.

# Shown when every arm has the same value.
same-in-all = same in all

# Heading of all outcomes.
all-outcomes-heading = All outcomes

# Introduction to all outcomes.
all-outcomes-intro = Mean and 95% interval of every outcome, after warm-up.

# Heading of the feedback loops.
loops-heading = Feedback loops behind the result

# Introduction to the feedback loops.
loops-intro = The answer is not written into the model: the result emerges from mechanisms that feed back on themselves. These four loops explain most of it.

# Loop title.
burnout-title = The burnout spiral

# Loop explanation.
burnout-text = High workload raises stress. Stressed case workers go on sick leave or quit, their cases move to colleagues, newcomers need months to learn, and the workload of those who stay rises further.

# Loop title.
control-title = The control spiral

# Loop explanation.
control-text = Under control-based steering, missed targets and media scandals bring new rules and more documentation. That takes time from the cases, more investigations run late, and the next missed target brings still more rules. Rules are removed only slowly.

# Loop title.
corners-title = Cutting corners

# Loop explanation.
corners-text = Under pressure, case workers spend less time on each case to keep up. The backlog shrinks for a while, but hasty decisions are more often wrong, errors come back later as complaints and serious events, and lowered standards recover only slowly.

# Loop title.
silos-title = Silos

# Loop explanation.
silos-text = When school, social services and child psychiatry work apart, a child is referred from one agency to the next, tells the story again at each, and waits at each. The extra intakes and documentation take time that could have gone to help.

# Indicator line under a loop.
loop-indicator = In these results: { $values }.

# When a loop has no measure in the results.
loop-not-measured = These results contain no measure of this loop.

# Heading of the reproduction section.
repro-heading = How to reproduce this report

# Introduction to reproduction.
repro-intro = The same version of tillit, run on the same scenario with the same seed, gives the same numbers on any computer. The results folder holds the whole resolved scenario in manifest.json.

# Field name.
version = tillit version

# Field name.
seed = Master seed

# Field name.
replications = Runs per alternative

# Field name.
replications-per-point = Runs per point and alternative

# Field name.
total-runs = Runs in all

# Field name.
years = Simulated years (warm-up)

# Field name.
command = Command

# Field name.
finished = Finished

# Field name.
results-format = Results format

# Field name.
results-folder = Results folder

# Failed runs.
failures = { $n } runs failed and are left out of the statistics (listed in manifest.json).

# Where the SVG files are.
chart-files = Every chart is also saved as an SVG file in the folder charts/ beside this report.

# Figure number.
figure = Figure { $n }.

# Heading of a sweep.
sweep-heading = How the outcomes change as the parameters vary

# Line chart over one swept factor.
sweep-title = { $outcome } as { $factor } varies

# Caption of a sweep line chart.
sweep-caption = Mean and 95% interval of { $outcome } ({ $unit }) at each value of { $factor }, one line per alternative.

# Text alternative of a sweep line chart.
sweep-desc = Line chart of { $outcome } over { $factor } from { $from } to { $to }. { $lines }

# Caption of a heat map.
heat-caption = Mean of { $outcome } ({ $unit }) at each combination of { $x } and { $y }; darker is lower, lighter higher, and each cell shows its value. Every alternative's map of this outcome uses one colour scale.

# Text alternative of a heat map.
heat-desc = Heat map of { $outcome }: { $cols } values of { $x } by { $rows } values of { $y }. Lowest { $min } at { $minat }; highest { $max } at { $maxat }. Colour key from { $klo } to { $khi }.

# How many cells of a difference map are clear.
heat-clear-count = { $k } of { $n } cells have a 95% interval that excludes zero (marked *).

# The mark of a clear cell, in the colour key.
heat-clear-mark = * 95% interval excludes 0

# Caption of a difference map.
heat-diff-caption = Paired difference in { $outcome } ({ $unit }), { $arm } minus { $baseline }, at each combination of { $x } and { $y }. Blue: lower under { $arm }; orange: higher; { $better }. Every map of this outcome uses one colour scale, centred on zero; a cell marked * has a 95% interval that excludes zero.

# Which side is better, for a caption.
lower-is-better = lower is better

# Which side is better, for a caption.
higher-is-better = higher is better

# Which side is better, for a caption.
neither-is-better = neither is better in itself

# Heading of a sensitivity analysis.
sensitivity-heading = Which assumptions matter most

# Ranking chart title.
ranking-title = Parameters ranked by their effect on { $outcome }

# Caption of a ranking chart.
ranking-caption = Mean absolute change in { $outcome } ({ $unit }) when each parameter moves across its studied range (Morris μ*), largest first.

# Caption of a ranking chart of total Sobol indices.
ranking-caption-sobol = Share of the variance of { $outcome } that each parameter accounts for, interactions included (total Sobol index), largest first.

# Unit of a Sobol index.
share-of-variance = share of variance

# What a sweep compared.
sweep-intro = This report shows how the outcomes of { $arms } change as { $factors } vary, in the scenario “{ $name }”. The design, { $points } points (“Design” under “How to reproduce this report” gives it exactly), was simulated { $reps } times per point and alternative.

# What a sensitivity analysis compared.
sensitivity-intro = This report ranks { $factors } by how much they move { $outcomes }, in the scenario “{ $name }”. It uses the { $method } method with { $points } design points, each simulated { $reps } times.

# The ranking of one outcome, in words.
sensitivity-top = { $outcome } under { $arm }: most moved by { $ranking }, largest effect first.

# The first two factors' intervals overlap.
sensitivity-overlap = The intervals of the first two overlap, so their order is not certain.

# Direction of a factor.
raises = raises it

# Direction of a factor.
lowers = lowers it

# When no factor moved an outcome.
sensitivity-none = { $outcome } under { $arm }: no parameter moved it in these runs.

# The caution for parameter studies.
study-caution = These curves and rankings hold for the ranges studied, not beyond them, and they come from the model, not from measurements: a parameter that matters much here is one whose assumed value deserves scrutiny.

# A sweep's verdicts for one outcome and arm, counted over the points.
sweep-counts = { $outcome }: { $arm } does better than { $baseline } at { $better } of the { $n } points, worse at { $worse }, and shows no clear difference at { $unclear }.

# A sweep's outcome where the arm is better at every point.
sweep-better-everywhere = { $outcome }: { $arm } does better than { $baseline } at every one of the { $n } points.

# A sweep's outcome where the arm is worse at every point.
sweep-worse-everywhere = { $outcome }: { $arm } does worse than { $baseline } at every one of the { $n } points.

# A sweep's outcome with no better direction.
sweep-differs = { $outcome }: { $arm } differs clearly from { $baseline } at { $different } of the { $n } points (neither direction is better in itself).

# A swept factor's value in the scenario's tables.
swept-range = { $lo }–{ $hi } (varied)

# Caption of a sensitivity table.
factor-table-caption = { $outcome }: each parameter's studied range, direction and effect, with 95% intervals.

# Column heading.
studied-range = Studied range

# Column heading: Morris mu.
mu-column = Direction, μ ({ $unit }; + raises, − lowers)

# Column heading: Morris mu*.
mu-star-column = Size, μ* ({ $unit }) [95% interval]

# Column heading: Sobol S1.
s1-column = Alone, S1 [95% interval]

# Column heading: Sobol ST.
st-column = With interactions, ST [95% interval]

# Field name.
design = Design

# Text alternative of a ranking chart.
ranking-desc = Bar chart ranking { $n } parameters by their effect on { $outcome }. { $items }

# A switch that is on.
yes = yes

# A switch that is off.
no = no

# Missing value.
not-available = n/a

# Joins the last two items of a list.
and = and

# Footer.
footer = tillit is an agent-based simulation. It shows what follows from its assumptions, not what will happen.

## Outcomes (lower case: they sit inside sentences)
outcome-worker-turnover = case-worker turnover
outcome-manager-turnover = manager turnover
outcome-sick-leave-share = sick leave
outcome-long-sick-spells-per-100 = new long sick spells
outcome-mean-stress = mean stress
outcome-high-strain-share = days in high strain
outcome-work-pressure-mean = work pressure
outcome-mean-exhaustion = mean exhaustion
outcome-mean-tenure-years = tenure in the unit
outcome-vacancy-share = vacant positions
outcome-overtime-share = overtime
outcome-manager-mean-stress = managers' stress
outcome-manager-sick-leave-share = managers' sick leave
outcome-coaching-hours-per-worker-week = coaching received
outcome-time-direct-share = time on direct client work
outcome-time-documentation-share = time on documentation
outcome-time-admin-share = time on administration
outcome-time-travel-share = travel time
outcome-time-other-share = other indirect work
outcome-time-coaching-share = time in coaching
outcome-time-oversight-share = time on complaints and inspections
outcome-time-idle-share = time without case work
outcome-reports-per-year = reports of concern
outcome-investigations-per-year = investigations opened
outcome-allocation-wait-days-mean = wait for a case worker
outcome-assessments-overdue-share = late initial assessments
outcome-investigations-overdue-share = investigations over four months
outcome-investigation-days-mean = investigation time
outcome-investigation-days-p90 = investigation time, slowest tenth
outcome-case-days-mean = time from report to closure
outcome-open-cases-mean = open cases (backlog)
outcome-approval-wait-days-mean = wait for the manager's approval
outcome-decision-error-rate = wrong decisions
outcome-missed-needs-per-year = missed needs
outcome-unneeded-interventions-per-year = unneeded interventions
outcome-errors-caught-per-year = errors caught at approval
outcome-complaints-per-year = complaints and appeals
outcome-serious-events-per-year = serious events
outcome-scandals-per-year = media scandals
outcome-personnel-cost-msek-per-year = personnel cost
outcome-cost-per-case-ksek = cost per report
outcome-documentation-intensity-end = documentation demands at the end
outcome-regime-switches = changes of steering regime
outcome-pathway-children-per-year = children who need several agencies
outcome-time-to-first-help-days-mean = time to first help
outcome-time-to-first-help-days-p90 = time to first help, slowest tenth
outcome-time-to-full-help-days-mean = time until all help has started
outcome-story-told-per-child = times the story was told
outcome-handoffs-per-child = hand-offs between agencies
outcome-bounced-referrals-per-child = referrals that bounced
outcome-pathway-dropout-share = families who gave up
outcome-children-waiting-mean = children waiting for help
outcome-pathway-hours-per-child = professional hours per child
outcome-school-health-hours-per-child = school-health hours per child
outcome-counselling-hours-per-child = counselling hours per child
outcome-bup-hours-per-child = child-psychiatry hours per child
outcome-social-services-pathway-hours-per-child = social-services hours per child on the pathway
outcome-named-person-hours-per-child = named person's hours per child
outcome-pathway-documentation-share = documentation share of the pathway's hours
outcome-agency-utilisation = agencies' utilisation
outcome-decision-inconsistency = decisions that depend on who decides
outcome-investigation-share = share of reports investigated
outcome-intervention-share = share of investigations ending in an intervention
outcome-open-cases-per-position = open cases per position

## Monthly series
series-mean-stress = mean stress
series-high-strain-share = days in high strain
series-sick-leave-share = sick leave
series-worker-turnover = case-worker turnover
series-vacancy-share = vacant positions
series-open-cases = open cases (backlog)
series-investigations-overdue-share = investigations over four months
series-documentation-intensity = documentation demands
series-time-direct-share = time on direct client work
series-time-documentation-share = time on documentation
series-time-admin-share = time on administration
series-overtime-share = overtime
series-manager-mean-stress = managers' stress
series-children-waiting = children waiting for help
series-decision-error-rate = wrong decisions
series-decision-inconsistency = decisions that depend on who decides

## Steering levers
lever-documentation-intensity = documentation required per case (1 = control standard)
lever-worker-admin-hours = prescribed reporting and meetings per case worker (hours/week)
lever-manager-reporting-hours = reporting upward per unit manager (hours/week)
lever-approval-threshold = severity from which the manager approves decisions (1: never)
lever-decision-latitude = case workers' decision latitude (0-1)
lever-coaching-hours = coaching per case worker (hours/week)
lever-blame-culture = blame culture (1 = control standard)
lever-kpi-pressure = rules added per month when the delay target is missed
lever-kpi-target-overdue = target share of investigations over four months
lever-control-ratchet = rules added after each media scandal
lever-rule-decay-days = time for added rules to be pruned (days)
lever-caseload-cap = most open cases per case worker (0: no cap)
lever-integrated-team = a joint team at the school instead of silos
lever-named-person = a named person keeps contact with the parents

## Model parameters: a short name per registry parameter. The meaning and
## source in English are the registry's own (src/model/params.rs); the
## Swedish file adds .meaning and .source attributes (tested).

param-organisation-units = units in the department
param-organisation-workers-per-unit = case-worker positions per unit
param-organisation-workdays-per-week = working days per week
param-organisation-contract-hours-per-day = contracted hours per day
param-organisation-vacation-days = vacation days per year
param-organisation-initial-mean-tenure-years = mean tenure at the start
param-demand-reports-per-position-year = reports of concern per case-worker position and year
param-demand-seasonality = seasonal swing in reports
param-demand-trend-per-year = yearly growth of reports
param-demand-severity-mean = mean severity of a report (0 mild, 1 acute)
param-demand-severity-concentration = concentration of severity
param-demand-need-at-low-severity = need at the lowest severity
param-demand-need-at-high-severity = need at the highest severity
param-demand-complexity-cv = variation in the work a case needs
param-work-assessment-hours = work in an initial assessment
param-work-assessment-deadline-days = deadline of the initial assessment
param-work-investigation-direct-hours = direct client work in an investigation
param-work-investigation-documentation-hours = documentation in an investigation
param-work-severity-work-weight = weight of severity in the work a case needs
param-work-investigation-min-days = shortest time an investigation takes (days)
param-work-investigation-deadline-days = deadline of an investigation
param-work-other-hours-per-week = other indirect work per week
param-work-followup-days = follow-up time of an intervention
param-work-followup-hours-per-week = follow-up per intervention and week
param-work-travel-per-direct-hour = travel per hour of client work
param-work-target-backlog-days = backlog a case worker regards as normal (working days)
param-work-corner-cutting-elasticity = elasticity of corner cutting under pressure
param-work-min-time-factor = least time per case under pressure, share of the standard
param-work-max-time-factor = most time per case, share of the standard
param-work-standard-erosion-days = time for the standard to erode
param-work-standard-recovery-days = time for the standard to recover
param-work-overtime-max-share = most overtime per day
param-work-overtime-per-pressure = overtime per unit of work pressure
param-work-learning-days = learning time of a new hire
param-work-novice-productivity = productivity of a new hire
param-work-partial-return-days = part-time days after a long sick spell
param-work-partial-return-share = hours worked while returning from a long sick spell
param-decisions-screening-sensitivity = probability that a child who needs help is investigated
param-decisions-screening-false-positive = probability that a child without need is investigated
param-decisions-base-error-rate = base risk of a wrong decision
param-decisions-inexperience-error-factor = extra error risk without experience
param-decisions-rushed-error-elasticity = error risk when rushed
param-decisions-stress-error-factor = extra error risk per unit of stress
param-decisions-support-error-reduction = lower error risk at full support
param-decisions-documentation-benefit = benefit of documentation to decisions
param-decisions-approval-catch-rate = errors the manager's review catches
param-decisions-approval-hours = manager's time per approved decision
param-decisions-high-stakes-severity = severity of high-stakes decisions
param-decisions-threshold-spread-floor = base spread of the tendency to intervene
param-decisions-threshold-spread-latitude = spread of the tendency to intervene at full latitude
param-decisions-approval-alignment = aligning effect of approval
param-decisions-documentation-alignment = aligning effect of documentation
param-decisions-inexperience-spread-factor = extra spread without experience
param-decisions-coaching-alignment = aligning effect of coaching
param-consequences-serious-event-probability = risk of a serious event after a missed need
param-consequences-serious-event-delay-days = delay to a serious event
param-consequences-complaint-probability = risk of a complaint after an unneeded intervention
param-consequences-complaint-delay-days = delay to a complaint
param-consequences-scandal-probability = risk that a serious event becomes a scandal
param-consequences-blame-shock = blame after a serious event
param-consequences-blame-decay-days = time for blame to fade
param-consequences-approval-blame-share = approving manager's share of the blame
param-consequences-inspection-hours-worker = case worker's hours of inspection
param-consequences-inspection-hours-manager = manager's hours of inspection
param-consequences-complaint-blame-share = blame after a complaint
param-consequences-complaint-hours = hours to answer a complaint
param-stress-pressure-weight = weight of work pressure in job demands
param-stress-pressure-ceiling = work pressure beyond which demands feel no heavier
param-stress-severity-weight = weight of severe cases in job demands
param-stress-responsibility-weight = weight of responsibility in job demands
param-stress-responsibility-days = time for responsibility to fade
param-stress-coaching-shares-responsibility = responsibility shared in coaching
param-stress-control-buffer = how much low decision latitude adds to strain
param-stress-support-buffer = how much low support adds to strain
param-stress-admin-constraint = how much administration narrows latitude
param-stress-team-support = support from the team
param-stress-coaching-reference-hours = coaching per week that gives full support (hours)
param-stress-rise-days = time for stress to build up
param-stress-recovery-days = time for stress to fall
param-stress-offday-recovery = recovery on a day off
param-stress-exhaustion-threshold = stress at which exhaustion builds up
param-stress-exhaustion-rate = how fast exhaustion builds up
param-stress-exhaustion-recovery-days = time for exhaustion to fade
param-stress-high-strain-threshold = threshold of high strain
param-sickness-short-spells-per-year = short sick spells per year
param-sickness-short-spell-mean-days = length of a short sick spell
param-sickness-long-spells-per-year = long sick spells per year at ordinary stress
param-sickness-stress-relative-risk = rise in the risk of a long spell per unit of stress
param-sickness-exhaustion-relative-risk = rise in the risk of a long spell per unit of exhaustion
param-sickness-long-spell-mean-days = length of a long sick spell
param-sickness-long-spell-log-sd = spread of long spells' lengths
param-sickness-exhaustion-spell-days = length of a spell of exhaustion disorder
param-sickness-reassign-after-days = spell length at which urgent cases are handed over
param-sickness-reassign-all-after-days = spell length at which all cases are handed over
param-turnover-quits-per-year = case workers' quit rate at ordinary stress (per year)
param-turnover-stress-relative-risk = rise in the quit risk per unit of stress
param-turnover-support-relative-risk = quit risk at full support
param-turnover-newcomer-factor = extra quit risk in the first years
param-turnover-notice-days = notice period
param-turnover-recruitment-days = time a vacant post stays open (days)
param-turnover-consultant-cover = vacancies covered by agency consultants
param-managers-hours-per-day = unit manager's hours per day
param-managers-overtime-max-share = manager's most overtime per day
param-managers-allocation-hours = manager's time to allocate a report
param-managers-recruitment-hours-per-week = manager's recruitment hours per vacancy and week
param-managers-rehabilitation-hours = manager's hours per long sick spell
param-managers-rehabilitation-hours-per-day = manager's most rehabilitation work per day
param-managers-quits-per-year = managers' quit rate at ordinary stress
param-managers-recruitment-days = time a manager post stays open
param-managers-acting-cover = acting manager's cover
param-costs-worker-salary-ksek-month = case worker's monthly salary
param-costs-manager-salary-ksek-month = unit manager's monthly salary
param-costs-payroll-overhead = payroll overhead
param-costs-overtime-premium = overtime pay
param-costs-consultant-premium = cost of a consultant
param-costs-recruitment-ksek = cost per hire
param-costs-sick-pay-share = sick pay as a share of salary
param-pathway-cross-agency-share = reported children who need several agencies
param-pathway-school-concerns-per-position-year = children whose concern is raised at school, per position and year
param-pathway-need-school-health = need of school health
param-pathway-need-counselling = need of counselling
param-pathway-need-bup = need of child psychiatry (BUP)
param-pathway-school-health-fte-per-100-positions = school-health staffing for these children
param-pathway-counselling-fte-per-100-positions = counselling staffing for these children
param-pathway-bup-fte-per-100-positions = child-psychiatry staffing for these children
param-pathway-agency-availability = agencies' available time
param-pathway-school-health-intake-hours = school health's own intake
param-pathway-counselling-intake-hours = counselling's intake
param-pathway-bup-intake-hours = child psychiatry's intake
param-pathway-school-health-help-hours = school health's help per child
param-pathway-counselling-help-hours = counselling's help per child
param-pathway-bup-help-hours = child psychiatry's help per child
param-pathway-help-hours-cv = variation in the help a child needs
param-pathway-session-hours-per-week = help per child and week
param-pathway-intake-documentation-share = documentation's share of intake
param-pathway-help-documentation-share = documentation's share of help
param-pathway-referral-hours = hours to write a referral
param-pathway-referral-delay-days = time to handle a referral
param-pathway-bounce-probability = risk that a referral bounces
param-pathway-consent-probability = probability that the parents consent
param-pathway-team-meeting-hours = hours per team meeting and agency
param-pathway-team-meeting-interval-days = days between team meetings
param-pathway-team-meeting-notice-days = least time to the team meeting
param-pathway-record-hours = own record after a team meeting
param-pathway-mapping-reuse-share = reused joint mapping
param-pathway-named-person-hours-per-week = named person's time per child and week
param-pathway-patience-days = families' patience
param-pathway-named-person-dropout-factor = named person's effect on dropout
param-pathway-named-person-bounce-factor = named person's effect on bounced referrals

## Presets (steering packages)
preset-control = control
preset-trust = trust
preset-trust-without-support = trust without support
preset-hybrid = hybrid

## Units of model parameters
param-unit-days = days
param-unit-share = share
param-unit-hours = hours
param-unit-probability = probability
param-unit-none = -
param-unit-ratio = ratio
param-unit-hours-week = hours/week
param-unit-share-year = share/year
param-unit-hours-day = hours/day
param-unit-fte-100-positions = FTE/100 positions
param-unit-working-days = working days
param-unit-switch = switch
param-unit-stress-units = stress units
param-unit-spells-year = spells/year
param-unit-share-of-contract = share of contract
param-unit-ratio-stress-unit = ratio/stress unit
param-unit-log-odds = log-odds
param-unit-ksek-month = kSEK/month
param-unit-index-0-1 = index 0-1
param-unit-hours-agency = hours/agency
param-unit-years = years
param-unit-working-days-year = working days/year
param-unit-strain-units = strain units
param-unit-share-pressure = share/pressure
param-unit-share-day = share/day
param-unit-severity-0-1 = severity 0-1
param-unit-reports-position-year = reports/position/year
param-unit-ratio-scandal = ratio/scandal
param-unit-ratio-month = ratio/month
param-unit-ratio-exhaustion-unit = ratio/exhaustion unit
param-unit-positions = positions
param-unit-log-sd = log-sd
param-unit-ksek-hire = kSEK/hire
param-unit-hours-worker-week = hours/worker/week
param-unit-hours-hour = hours/hour
param-unit-hours-case = hours/case
param-unit-days-week = days/week
param-unit-count = count
param-unit-children-position-year = children/position/year
param-unit-cases = cases
param-unit-1-stress = 1/stress
param-unit-1-day = 1/day

## Units of outcomes: the level, and .difference for a difference
unit-share = %
    .difference = percentage points
unit-share-year = % per year
    .difference = percentage points per year
unit-spells-100-employees-year = per 100 employees and year
    .difference = per 100 employees and year
unit-stress-units = stress units
    .difference = stress units
unit-exhaustion-units = exhaustion units
    .difference = exhaustion units
unit-ratio = × normal
    .difference = × normal
unit-years = years
    .difference = years
unit-hours-week = hours per week
    .difference = hours per week
unit-reports-year = per year
    .difference = per year
unit-investigations-year = per year
    .difference = per year
unit-days = days
    .difference = days
unit-cases = cases
    .difference = cases
unit-cases-position = cases per position
    .difference = cases per position
unit-cases-year = cases per year
    .difference = cases per year
unit-events-year = per year
    .difference = per year
unit-msek-year = MSEK per year
    .difference = MSEK per year
unit-ksek-report = kSEK per report
    .difference = kSEK per report
unit-count = times
    .difference = times
unit-children-year = children per year
    .difference = children per year
unit-times-child = times per child
    .difference = times per child
unit-referrals-child = referrals per child
    .difference = referrals per child
unit-children = children
    .difference = children
unit-hours-child = hours per child
    .difference = hours per child

## issue-15-charts: charts, events and print

# Introduction to the outcome charts, pointing to the figure of paired differences.
outcomes-intro-figure = Each dot is the mean over the simulated runs and the bar around it the 95% interval of that mean. Where the bars of two alternatives overlap a lot, look at the paired difference in Figure { $n } before concluding anything. Rates and shares are drawn on an axis from zero.

# Introduction to the outcome charts when there is no figure of differences.
outcomes-intro-plain = Each dot is the mean over the simulated runs and the bar around it the 95% interval of that mean. Rates and shares are drawn on an axis from zero.

# Which series are smoothed, under the series heading.
series-smoothed-note = { $list } swing from month to month, so they are drawn as rolling 12-month means: each point is the mean of the 12 months up to it, and its band the mean of those months' 95% intervals. These lines start after the first 12 months.

# Caption of a smoothed time series.
series-caption-smoothed = { $metric } ({ $unit }), rolling 12-month mean with its band per alternative.

# Caption of the table of post-switch means.
post-switch-caption = { $arm } after “{ $label }”: averages of the monthly means over the whole outcome window (after { $from }) and over the months after the switch only (after { $switch }), for every alternative.

# The post-switch means in the text.
post-switch-text = The table below shows, from the monthly series, what the averages are when only the months after the switch are counted. They have no interval of their own: read them beside the 95% bands in the charts over time.

# Column heading: the whole window.
window-column = { $arm }, whole window

# Column heading: after the switch.
after-switch-column = { $arm }, after the switch

# Column heading: the series.
series-column = Monthly series

# The assumptions: what the first table holds.
changed-intro = This table holds the parameters that this scenario sets to other values than tillit's defaults, each marked ● and with its default beside it. Every other parameter is at its default and listed in the appendix at the end.

# The assumptions when no parameter is changed.
none-changed = This scenario keeps every parameter other than the steering levers at tillit's default; they are listed in the appendix at the end.

# Column heading: the registry default.
default-column = Default

# Marks a value changed from the default.
changed-mark = changed from the default

# Heading of the appendix of default parameters.
appendix-heading = Appendix: parameters at their defaults

# Introduction to the appendix.
appendix-intro = The { $n } parameters that this scenario leaves at the defaults of tillit { $version }. On paper only the name, value and unit are shown; the report on screen also shows the key, the meaning and the source.

# Column heading: a factor's rank (shared within a group).
rank-column = Rank

# What a shared rank means.
rank-note = Parameters whose 95% intervals overlap that of the first in their group share a rank (such as 1–3): their order within the group is not certain.

# Under the levers table: what the mark means.
levers-changed-note = Values marked ● differ from tillit's defaults (the control steering).
