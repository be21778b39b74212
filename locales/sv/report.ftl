# Varje text i tillits rapporter, på svenska.
#
# Så redigerar du: ändra bara texten efter `=` (och efter `.difference =`).
# Låt id:t före `=` och platshållarna { $namn } vara som de är: rapporten
# fyller i dem med ett värde (ett tal, ett namn, en lista). Samma id och
# samma platshållare finns i locales/en/report.ftl, och testerna
# (cargo test --release) kontrollerar att båda filerna stämmer.
# En text på flera rader: fortsätt på nästa rad med indrag; raderna
# förenas med radbrytning, vilket i HTML läses som ett mellanslag.

## Sentences, headings and labels

# Heading of a robustness study's report.
robust-heading = Hur robust är svaret?

# What a robustness study did.
robust-intro = Varje jämförelse av ett enskilt scenario vilar på en uppsättning antagna värden. Här upprepades jämförelsen i { $worlds } rimliga världar, där var och en drar de { $params } osäkra antagandena ur deras rimliga intervall. Världar där { $baseline } inte återger de svenska mönstren (personalomsättning, långa sjukfall, tidsanvändning och försenade utredningar; implausibilitet över { $cutoff }) uteslöts; { $kept } världar återstod. I var och en av dem simulerades varje alternativ { $reps } gånger, med samma orosanmälningar och samma slump.

# How to read shares of worlds.
robust-caution = En andel världar är ingen sannolikhet om verkligheten: världarna är jämnt spridda över intervall som är bedömningar. ”Bättre” och ”sämre” betyder att 95-procentsintervallet för skillnaden i den världen inte innehåller noll; ”ingen tydlig skillnad” omfattar också världar där några få simuleringar inte kan avgöra.

# When history matching kept no world.
robust-no-worlds = Ingen värld återstod: i varje dragen värld missar utgångsläget ett svenskt mönster med bred marginal. De rimliga intervallen behöver ses över.

# Heading per arm.
robust-arm-heading = { $arm } jämfört med { $baseline }

# Chart title per arm.
robust-chart-title = { $arm } mot { $baseline }: andel världar

# Chart caption per arm.
robust-chart-caption = Andel av de { $kept } rimliga världarna där { $arm } är bättre än { $baseline }, inte tydligt annorlunda, eller sämre, per utfall.

# Chart description per arm.
robust-chart-desc = Stapeldiagram, en stapel per utfall, uppdelad efter andelen världar per bedömning. { $rows }

# Category: better.
robust-better = bättre

# Category: no clear difference.
robust-unclear = ingen tydlig skillnad

# Category: worse.
robust-worse = sämre

# Table column: outcome.
robust-table-outcome = Utfall

# Table column: median effect.
robust-table-median = Median av skillnaden över världarna

# Table column: 5-95 % range.
robust-table-range = 5–95 % av världarna

# A PRIM box in words.
robust-box = { $arm } blir sämre på { $outcome } främst i världar där { $conditions }: { $k } av de { $worse } världar där det blir sämre ligger där (täckning { $coverage }), och det blir sämre i { $share } av de { $n } världarna där (täthet { $density }).

# No box stands out.
robust-no-box = { $arm } blir sämre på { $outcome } i { $worse } av { $kept } världar, utan något intervall av antaganden som sticker ut.

# No mixed verdict.
robust-never-worse = På de studerade utfallen blir { $arm } sämre än { $baseline } i antingen ingen värld eller alla: det finns ingen gräns att beskriva.

# Joins conditions.
robust-and = { " " }och{ " " }

# A condition: at least.
robust-at-least = { $param } är minst { $value }

# A condition: at most.
robust-at-most = { $param } är högst { $value }

# A condition: between.
robust-between = { $param } ligger mellan { $low } och { $high }

# Where the numbers are.
robust-files = Varje världs värden och implausibilitet finns i worlds.csv, varje världs skillnader i effects.csv, andelarna i robustness.csv och PRIM:s lådor i boxes.csv (docs/ROBUSTNESS.md beskriver varje kolumn).

# Page title.
report-title = Rapport: { $name }

# Line under the title.
subtitle = Simulering av kontrollbaserad och tillitsbaserad styrning i socialtjänsten, framtagen med tillit { $version }.

# Heading of the summary.
summary-heading = Sammanfattning

# What was compared.
summary-intro = Rapporten jämför { $arms } i scenariot ”{ $name }”. Varje alternativ simulerades { $reps } gånger under { $years }, varav insvängningen i början ({ $warmup }) inte räknas. Alla alternativ fick samma orosanmälningar och samma slump, så skillnaderna kommer från styrningen. Jämförelsen görs mot { $baseline }. Varje utfall är ett medelvärde över åren efter insvängningen: där ett alternativ fortfarande förändras (regler som läggs till under kontrollstyrning byggs upp under många år) ger en längre eller kortare körning andra skillnader, så läs dem tillsammans med diagrammen över tid.

# How to read the intervals.
summary-caution = Hur säkra är vi? Varje siffra har ett 95-procentigt intervall som visar hur mycket resultatet varierar mellan simulerade körningar. När intervallet för en skillnad innehåller noll kan simuleringen inte skilja alternativen åt, och rapporten skriver ”ingen tydlig skillnad”. Intervallen omfattar inte osäkerheten i modellens egna antaganden (se ”Antaganden och källor”): de säger hur säker simuleringen är, inte hur säkra vi kan vara om verkligheten.

# Heading of the key findings.
key-findings-heading = Viktigaste resultaten

# How the key findings were chosen.
key-findings-intro = De största tydliga skillnaderna mot { $baseline }, den största först: varje 95 % intervall utesluter noll, och varje skillnad är minst { $threshold } av värdet med { $baseline }.

# A key finding, lower under the arm.
finding-lower = { $outcome }: { $pct } lägre med { $arm } än med { $baseline }, { $value } mot { $base } { $unit } (95 % intervall för skillnaden { $lo } till { $hi } { $dunit }).

# A key finding, higher under the arm.
finding-higher = { $outcome }: { $pct } högre med { $arm } än med { $baseline }, { $value } mot { $base } { $unit } (95 % intervall för skillnaden { $lo } till { $hi } { $dunit }).

# When no difference is clear and large enough.
no-key-findings = Inget viktigt utfall skiljer sig tydligt från { $baseline } med { $threshold } av värdet eller mer.

# Heading of what the findings mean.
meaning-heading = Vad det betyder

# The gains of an arm, largest first.
meaning-gains = Jämfört med { $baseline } ger { $arm } bättre resultat för { $better } (störst skillnad först).

# The costs of an arm that also gains.
meaning-costs = Priset betalas på annat håll: { $arm } ger sämre resultat för { $worse }.

# An arm that gains at no clear cost.
meaning-no-cost = För inget viktigt utfall ger { $arm } tydligt sämre resultat.

# An arm that only loses.
meaning-only-costs = { $arm } ger sämre resultat än { $baseline } för { $worse }, och tydligt bättre för inget viktigt utfall.

# An arm with no difference that matters.
meaning-nothing = För de viktiga utfallen visar simuleringen ingen skillnad av betydelse mellan { $arm } och { $baseline }.

# Clear changes with no better direction.
meaning-different = Alternativet ändrar också { $list }, där ingen riktning är bättre i sig.

# One small clear difference.
meaning-small-one = Ytterligare en skillnad är tydlig men mindre än { $threshold } av värdet med { $baseline }: för liten för att spela roll.

# Small clear differences, counted.
meaning-small = Ytterligare { $k } skillnader är tydliga men mindre än { $threshold } av värdet med { $baseline }: för små för att spela roll.

# A full factorial sweep, in words.
design-factorial = fullständigt faktorförsök: varje kombination av faktorernas värden, { $points } punkter

# A Latin hypercube sweep, in words.
design-latin-hypercube = latinsk hyperkub med { $points } punkter (försöksplanens slumpfrö { $seed })

# A sweep over the points of a table, in words.
design-table = { $points } punkter ur tabellen { $file }

# A Morris design, in words.
design-morris = Morrisscreening: { $trajectories } banor över { $levels } nivåer per faktor, { $points } punkter (försöksplanens slumpfrö { $seed })

# A Sobol design, in words.
design-sobol = Sobolindex från { $samples } grundurval, dragna som { $sampling }, { $points } punkter (försöksplanens slumpfrö { $seed })

# Sobol sampling from a low-discrepancy sequence.
design-sampling-sequence = en Sobolsekvens

# Sobol sampling from random draws.
design-sampling-random = slumpmässiga dragningar

# An event at a fixed time.
event-at = { $label } (efter { $years })

# The label of an event with a preset that the scenario gives no label.
event-switch-to = byte till { $preset }

# The label of an event without preset or label, by its number.
event-numbered = händelse { $n }

# An event on a time series, for its text alternative.
event-line = En streckad linje markerar { $label } efter { $years }.

# An event after the warm-up.
event-window = { $arm } byter styrning efter { $years } (”{ $label }”), efter insvängningen: medelvärdena innehåller { $before } med den tidigare styrningen och underskattar därför förändringen; diagrammen över tid visar åren efter bytet.

# Heading of the limitations box.
limits-heading = Begränsningar

# What the assumptions are.
limits-assumptions = De flesta parametervärden är antaganden, inte mätningar. Kalibreringen mot svenska mönster (personalomsättning, långa sjukfall, tidsanvändning och försenade utredningar) avgränsar en del av dem, tillsammans snarare än var för sig. ”Antaganden och källor” visar varje värde och varifrån det kommer.

# What the model leaves out.
limits-left-out = Modellen utelämnar bland annat: nämnd och förvaltningsledning som aktörer (deras krav finns bara med som timmar för rapportering); att tillitsbaserad styrning lär av granskade fel på annat sätt än genom färre nya regler; de andra verksamheternas egen stress, sjukfrånvaro och bemanning; chefernas korta sjukfall och deras tidsanvändning; kostnaden för att täcka upp för frånvarande personal; helgdagar. Avsnitt 8 i docs/MODEL.md i tillits källkod listar alla förenklingar.

# Heading of what was compared.
compared-heading = Vad som jämfördes

# A count of verdicts.
count-small = { $k } små (under { $threshold })

# Small clear differences, in one sentence.
small-list = Små skillnader mellan { $arm } och { $baseline }, var och en under { $threshold } av värdet med { $baseline } fast 95 % intervallet utesluter noll: { $list }.

# Verdict tag.
tag-small = liten

# Heading per compared arm.
comparison-heading = { $arm } jämfört med { $baseline }

# Counts of verdicts for one arm.
comparison-counts = Av { $n } viktiga utfall: { $list }.

# A count of verdicts.
count-better = { $k } bättre

# A count of verdicts.
count-worse = { $k } sämre

# A count of verdicts.
count-different = { $k } annorlunda utan att vara bättre eller sämre

# A count of verdicts.
count-no-clear = { $k } utan tydlig skillnad

# A count of verdicts.
count-unknown = { $k } som inte kan avgöras

# A difference in the better direction.
diff-better = { $arm } blev bättre än { $baseline } för { $outcome }: { $dir } med { $abs } { $unit }{ $rel }; 95 % intervall för skillnaden { $lo } till { $hi }.

# A difference in the worse direction.
diff-worse = { $arm } blev sämre än { $baseline } för { $outcome }: { $dir } med { $abs } { $unit }{ $rel }; 95 % intervall för skillnaden { $lo } till { $hi }.

# A difference where neither direction is better.
diff-neutral = { $outcome } var { $dir } med { $arm } än med { $baseline }, med { $abs } { $unit }{ $rel }; 95 % intervall för skillnaden { $lo } till { $hi }.

# An interval that includes zero.
diff-no-clear = Ingen tydlig skillnad mellan { $arm } och { $baseline } för { $outcome }: 95 % intervallet för skillnaden, { $lo } till { $hi } { $unit }, innehåller noll, så skillnaden kan vara slumpvariation i simuleringen.

# No interval (one replication, or a missing value).
diff-too-few = { $outcome }: resultaten räcker inte för att säga om { $arm } och { $baseline } skiljer sig åt (för få körningar eller inget värde).

# Several outcomes whose intervals include zero, in one sentence.
no-clear-list = Ingen tydlig skillnad mellan { $arm } och { $baseline } för { $list }: varje 95 % intervall för skillnaden innehåller noll, så skillnaden kan vara slumpvariation i simuleringen.

# An interval in a list.
interval-range = { $lo } till { $hi } { $unit }

# Plural of the year unit.
years-plural = år

# Relative change, in brackets after the absolute one.
relative = { " " }({ $pct } av värdet med { $baseline })

# Direction word.
lower = lägre

# Direction word.
higher = högre

# Verdict tag.
tag-better = bättre

# Verdict tag.
tag-worse = sämre

# Verdict tag.
tag-different = annorlunda

# Verdict tag.
tag-no-clear = ingen tydlig skillnad

# Verdict tag.
tag-unknown = kan inte avgöras

# Heading of the outcome charts.
outcomes-heading = Viktiga utfall per alternativ

# How to read the outcome charts.
outcomes-intro = Varje punkt är medelvärdet över de simulerade körningarna och strecket runt den 95 % intervallet för medelvärdet. Där två alternativs streck överlappar mycket, titta på den parvisa skillnaden i nästa diagram innan du drar slutsatser.

# Title of the difference chart.
difference-title = Skillnad mot { $baseline }, i procent av { $baseline }

# Caption of the difference chart.
difference-caption = Parvisa skillnader med 95 % intervall, i procent av värdet med { $baseline }. Intervall som korsar nollinjen visar ingen tydlig skillnad.

# Caption of an outcome chart.
outcome-caption = { $outcome } ({ $unit }): medelvärde och 95 % intervall per alternativ.

# One arm in a chart's text alternative.
arm-value = { $arm }: { $mean } { $unit } (95 % intervall { $lo } till { $hi })

# Heading of the time series.
series-heading = Över tid

# How to read the time series.
series-intro = Månadsvärden: linjen är medelvärdet över de simulerade körningarna och bandet dess 95 % intervall. Den grå början är insvängningen, som utfallen ovan inte räknar med.

# Caption of a time-series chart.
series-caption = { $metric } ({ $unit }) per månad, medelvärde och 95 % band per alternativ.

# Text alternative of a time-series chart.
series-desc = Linjediagram över { $metric } per månad under { $years } år för { $arms }. Sista månaden: { $ends }.

# Axis label.
year = år

# Marks the warm-up in a chart.
warmup = insvängning

# Heading of time use.
time-use-heading = Hur arbetstiden används

# Title of the time-use chart.
time-use-title = Handläggarnas tidsanvändning

# Caption of the time-use chart.
time-use-caption = Andel av arbetade timmar per aktivitet, medel över körningarna efter insvängning.

# Text alternative of the time-use chart.
time-use-desc = Stapeldiagram, en stapel per alternativ, uppdelad efter andelen arbetade timmar per aktivitet. { $rows }

# Heading of the scenario section.
scenario-heading = Scenariot

# Column heading.
alternative = Alternativ

# Column heading.
preset = Grundinställning

# Column heading.
description = Beskrivning

# Column heading.
events = Förändringar under körningen

# Column heading.
lever = Styrmedel

# Column heading.
unit = Enhet

# Column heading.
parameter = Parameter

# Column heading.
meaning = Betydelse

# Column heading.
source = Källa

# Column heading.
value = Värde

# Column heading.
outcome = Utfall

# When an arm has no events.
no-events = inga

# Heading of the levers table.
levers-heading = Styrmedlen i varje alternativ

# Heading of the assumptions.
assumptions-heading = Antaganden och källor

# Introduction to the assumptions.
assumptions-intro = Alla modellens parametrar med värdet i varje alternativ, enheten och varifrån värdet kommer. En källa som börjar med ”assumption” (antagande) är en bedömning, inte en mätning; ändra den i scenariofilen för att se hur mycket resultatet beror på den. Betydelser och källor citeras på engelska ur parameterregistret i tillit { $version }; verken som citeras som (författare år) finns med fullständiga referenser i docs/REFERENCES.md i tillits källkod.

# Shown when every arm has the same value.
same-in-all = samma i alla

# Heading of all outcomes.
all-outcomes-heading = Alla utfall

# Introduction to all outcomes.
all-outcomes-intro = Medelvärde och 95 % intervall för alla utfall, efter insvängningen.

# Heading of the feedback loops.
loops-heading = Återkopplingar bakom resultatet

# Introduction to the feedback loops.
loops-intro = Svaret är inte inskrivet i modellen: resultatet uppstår ur mekanismer som förstärker sig själva. De här fyra återkopplingarna förklarar det mesta.

# Loop title.
burnout-title = Utbrändhetsspiralen

# Loop explanation.
burnout-text = Hög arbetsbelastning höjer stressen. Stressade handläggare blir sjukskrivna eller slutar, deras ärenden går till kollegorna, nyanställda behöver månader för att lära sig, och belastningen på dem som stannar ökar ytterligare.

# Loop title.
control-title = Kontrollspiralen

# Loop explanation.
control-text = Vid kontrollbaserad styrning leder missade mål och mediedrev till nya regler och mer dokumentation. Det tar tid från ärendena, fler utredningar blir försenade, och nästa missade mål ger ännu fler regler. Regler tas bort bara långsamt.

# Loop title.
corners-title = Genvägar

# Loop explanation.
corners-text = Under press lägger handläggarna mindre tid på varje ärende för att hinna med. Balansen minskar en tid, men förhastade beslut blir oftare fel, felen kommer tillbaka senare som klagomål och allvarliga händelser, och sänkta krav återhämtar sig bara långsamt.

# Loop title.
silos-title = Stuprör

# Loop explanation.
silos-text = När skola, socialtjänst och barnpsykiatri arbetar var för sig skickas barnet från myndighet till myndighet, berättar sin historia igen hos var och en och väntar hos var och en. De extra mottagningarna och dokumentationen tar tid som kunde ha gått till hjälp.

# Indicator line under a loop.
loop-indicator = I dessa resultat: { $values }.

# When a loop has no measure in the results.
loop-not-measured = Dessa resultat innehåller inget mått på den här återkopplingen.

# Heading of the reproduction section.
repro-heading = Så återskapar du rapporten

# Introduction to reproduction.
repro-intro = Samma version av tillit, körd med samma scenario och samma slumpfrö, ger samma siffror på alla datorer. Resultatmappen innehåller hela det upplösta scenariot i manifest.json.

# Field name.
version = tillit-version

# Field name.
seed = Slumpfrö

# Field name.
replications = Körningar per alternativ

# Field name.
replications-per-point = Körningar per punkt och alternativ

# Field name.
total-runs = Körningar totalt

# Field name.
years = Simulerade år (insvängning)

# Field name.
command = Kommando

# Field name.
finished = Klar

# Field name.
results-format = Resultatformat

# Field name.
results-folder = Resultatmapp

# Failed runs.
failures = { $n } körningar misslyckades och ingår inte i statistiken (listas i manifest.json).

# Where the SVG files are.
chart-files = Alla diagram finns också som SVG-filer i mappen charts/ bredvid rapporten.

# Figure number.
figure = Figur { $n }.

# Heading of a sweep.
sweep-heading = Så förändras utfallen när parametrarna varierar

# Line chart over one swept factor.
sweep-title = { $outcome } när { $factor } varierar

# Caption of a sweep line chart.
sweep-caption = Medelvärde och 95 % intervall för { $outcome } ({ $unit }) vid varje värde av { $factor }, en linje per alternativ.

# Text alternative of a sweep line chart.
sweep-desc = Linjediagram över { $outcome } mot { $factor } från { $from } till { $to }. { $lines }

# Caption of a heat map.
heat-caption = Medelvärde av { $outcome } ({ $unit }) för varje kombination av { $x } och { $y }; mörkare är lägre, ljusare högre, och varje ruta visar sitt värde. Alla alternativs kartor över detta utfall har samma färgskala.

# Text alternative of a heat map.
heat-desc = Värmekarta över { $outcome }: { $cols } värden av { $x } gånger { $rows } värden av { $y }. Lägst { $min } vid { $minat }; högst { $max } vid { $maxat }. Färgskala från { $klo } till { $khi }.

# How many cells of a difference map are clear.
heat-clear-count = { $k } av { $n } rutor har ett 95 % intervall som utesluter noll (markerade med *).

# The mark of a clear cell, in the colour key.
heat-clear-mark = * 95 % intervall utesluter 0

# Caption of a difference map.
heat-diff-caption = Parvis skillnad i { $outcome } ({ $unit }), { $arm } minus { $baseline }, för varje kombination av { $x } och { $y }. Blått: lägre med { $arm }; orange: högre; { $better }. Alla kartor över detta utfall har samma färgskala, centrerad på noll; en ruta markerad med * har ett 95 % intervall som utesluter noll.

# Which side is better, for a caption.
lower-is-better = lägre är bättre

# Which side is better, for a caption.
higher-is-better = högre är bättre

# Which side is better, for a caption.
neither-is-better = ingen riktning är bättre i sig

# Heading of a sensitivity analysis.
sensitivity-heading = Vilka antaganden betyder mest

# Ranking chart title.
ranking-title = Parametrar rangordnade efter effekt på { $outcome }

# Caption of a ranking chart.
ranking-caption = Genomsnittlig absolut förändring av { $outcome } ({ $unit }) när varje parameter rör sig över sitt studerade intervall (Morris μ*), störst först.

# Caption of a ranking chart of total Sobol indices.
ranking-caption-sobol = Andel av variansen i { $outcome } som varje parameter står för, samspel inräknade (totalt Sobolindex), störst först.

# Unit of a Sobol index.
share-of-variance = andel av variansen

# What a sweep compared.
sweep-intro = Rapporten visar hur utfallen för { $arms } förändras när { $factors } varierar, i scenariot ”{ $name }”. Försöksplanen, { $points } punkter (”Försöksplan” under ”Så återskapar du rapporten” anger den exakt), simulerades { $reps } gånger per punkt och alternativ.

# What a sensitivity analysis compared.
sensitivity-intro = Rapporten rangordnar { $factors } efter hur mycket de påverkar { $outcomes }, i scenariot ”{ $name }”. Den använder { $method }-metoden med { $points } försökspunkter, var och en simulerad { $reps } gånger.

# The ranking of one outcome, in words.
sensitivity-top = { $outcome } med { $arm }: påverkas mest av { $ranking }, störst effekt först.

# The first two factors' intervals overlap.
sensitivity-overlap = De två förstas intervall överlappar, så deras ordning är osäker.

# Direction of a factor.
raises = höjer

# Direction of a factor.
lowers = sänker

# When no factor moved an outcome.
sensitivity-none = { $outcome } med { $arm }: ingen parameter påverkade utfallet i dessa körningar.

# The caution for parameter studies.
study-caution = Kurvorna och rangordningarna gäller för de studerade intervallen, inte utanför dem, och de kommer från modellen, inte från mätningar: en parameter som betyder mycket här är en vars antagna värde förtjänar granskning.

# A sweep's verdicts for one outcome and arm, counted over the points.
sweep-counts = { $outcome }: { $arm } ger bättre resultat än { $baseline } i { $better } av de { $n } punkterna, sämre i { $worse }, och ingen tydlig skillnad i { $unclear }.

# A sweep's outcome where the arm is better at every point.
sweep-better-everywhere = { $outcome }: { $arm } ger bättre resultat än { $baseline } i alla { $n } punkter.

# A sweep's outcome where the arm is worse at every point.
sweep-worse-everywhere = { $outcome }: { $arm } ger sämre resultat än { $baseline } i alla { $n } punkter.

# A sweep's outcome with no better direction.
sweep-differs = { $outcome }: { $arm } skiljer sig tydligt från { $baseline } i { $different } av de { $n } punkterna (ingen riktning är bättre i sig).

# A swept factor's value in the scenario's tables.
swept-range = { $lo }–{ $hi } (varieras)

# Caption of a sensitivity table.
factor-table-caption = { $outcome }: varje parameters studerade intervall, riktning och effekt, med 95 % intervall.

# Column heading.
studied-range = Studerat intervall

# Column heading: Morris mu.
mu-column = Riktning, μ ({ $unit }; + höjer, − sänker)

# Column heading: Morris mu*.
mu-star-column = Storlek, μ* ({ $unit }) [95 % intervall]

# Column heading: Sobol S1.
s1-column = Ensam, S1 [95 % intervall]

# Column heading: Sobol ST.
st-column = Med samspel, ST [95 % intervall]

# Field name.
design = Försöksplan

# Text alternative of a ranking chart.
ranking-desc = Stapeldiagram som rangordnar { $n } parametrar efter effekt på { $outcome }. { $items }

# A switch that is on.
yes = ja

# A switch that is off.
no = nej

# Missing value.
not-available = saknas

# Joins the last two items of a list.
and = och

# Footer.
footer = tillit är en agentbaserad simulering. Den visar vad som följer av dess antaganden, inte vad som kommer att hända.

## Outcomes (lower case: they sit inside sentences)
outcome-worker-turnover = personalomsättning bland handläggare
outcome-manager-turnover = personalomsättning bland chefer
outcome-sick-leave-share = sjukfrånvaro
outcome-long-sick-spells-per-100 = nya långa sjukfall
outcome-mean-stress = genomsnittlig stress
outcome-high-strain-share = dagar med hög anspänning
outcome-work-pressure-mean = arbetstryck
outcome-mean-exhaustion = genomsnittlig utmattning
outcome-mean-tenure-years = anställningstid i enheten
outcome-vacancy-share = vakanta tjänster
outcome-overtime-share = övertid
outcome-manager-mean-stress = chefernas stress
outcome-manager-sick-leave-share = chefernas sjukfrånvaro
outcome-coaching-hours-per-worker-week = mottagen coachning
outcome-time-direct-share = tid för direkt klientarbete
outcome-time-documentation-share = tid för dokumentation
outcome-time-admin-share = tid för administration
outcome-time-travel-share = restid
outcome-time-other-share = annat indirekt arbete
outcome-time-coaching-share = tid för coachning och handledning
outcome-time-oversight-share = tid för klagomål och tillsyn
outcome-time-idle-share = tid utan ärendearbete
outcome-reports-per-year = orosanmälningar
outcome-investigations-per-year = inledda utredningar
outcome-allocation-wait-days-mean = väntan på handläggare
outcome-assessments-overdue-share = försenade förhandsbedömningar
outcome-investigations-overdue-share = utredningar över fyra månader
outcome-investigation-days-mean = utredningstid
outcome-investigation-days-p90 = utredningstid, långsammaste tiondelen
outcome-case-days-mean = tid från anmälan till avslut
outcome-open-cases-mean = öppna ärenden (balans)
outcome-approval-wait-days-mean = väntan på chefens godkännande
outcome-decision-error-rate = felaktiga beslut
outcome-missed-needs-per-year = missade behov
outcome-unneeded-interventions-per-year = onödiga insatser
outcome-errors-caught-per-year = fel som upptäcks vid chefens granskning
outcome-complaints-per-year = klagomål och överklaganden
outcome-serious-events-per-year = allvarliga händelser
outcome-scandals-per-year = mediedrev
outcome-personnel-cost-msek-per-year = personalkostnad
outcome-cost-per-case-ksek = kostnad per anmälan
outcome-documentation-intensity-end = dokumentationskrav vid slutet
outcome-regime-switches = byten av styrning
outcome-pathway-children-per-year = barn som behöver flera verksamheter
outcome-time-to-first-help-days-mean = tid till första insats
outcome-time-to-first-help-days-p90 = tid till första insats, långsammaste tiondelen
outcome-time-to-full-help-days-mean = tid tills alla insatser har börjat
outcome-story-told-per-child = gånger berättelsen återberättades
outcome-handoffs-per-child = överlämningar mellan verksamheter
outcome-bounced-referrals-per-child = returnerade remisser
outcome-pathway-dropout-share = familjer som gav upp
outcome-children-waiting-mean = barn som väntar på hjälp
outcome-pathway-hours-per-child = professionella timmar per barn
outcome-school-health-hours-per-child = elevhälsans timmar per barn
outcome-counselling-hours-per-child = samtalsmottagningens timmar per barn
outcome-bup-hours-per-child = BUP:s timmar per barn
outcome-social-services-pathway-hours-per-child = socialtjänstens timmar per barn i samverkan
outcome-named-person-hours-per-child = trygghetspersonens timmar per barn
outcome-pathway-documentation-share = dokumentationens andel av samverkanstimmarna
outcome-agency-utilisation = verksamheternas beläggning
outcome-decision-inconsistency = beslut som beror på vem som beslutar
outcome-investigation-share = andel anmälningar som utreds
outcome-intervention-share = andel utredningar som leder till insats
outcome-open-cases-per-position = öppna ärenden per tjänst

## Monthly series
series-mean-stress = genomsnittlig stress
series-high-strain-share = dagar med hög anspänning
series-sick-leave-share = sjukfrånvaro
series-worker-turnover = personalomsättning bland handläggare
series-vacancy-share = vakanta tjänster
series-open-cases = öppna ärenden (balans)
series-investigations-overdue-share = utredningar över fyra månader
series-documentation-intensity = dokumentationskrav
series-time-direct-share = tid för direkt klientarbete
series-time-documentation-share = tid för dokumentation
series-time-admin-share = tid för administration
series-overtime-share = övertid
series-manager-mean-stress = chefernas stress
series-children-waiting = barn som väntar på hjälp
series-decision-error-rate = felaktiga beslut
series-decision-inconsistency = beslut som beror på vem som beslutar

## Steering levers
lever-documentation-intensity = dokumentation som krävs per ärende (1 = kontrollstandard)
lever-worker-admin-hours = föreskriven rapportering och möten per handläggare (timmar/vecka)
lever-manager-reporting-hours = rapportering uppåt per enhetschef (timmar/vecka)
lever-approval-threshold = allvarlighetsgrad från vilken chefen måste godkänna beslut (1: aldrig)
lever-decision-latitude = handläggarnas beslutsutrymme (0-1)
lever-coaching-hours = coachning per handläggare (timmar/vecka)
lever-blame-culture = skuldbeläggande kultur (1 = kontrollstandard)
lever-kpi-pressure = regler som läggs till per månad när förseningsmålet missas
lever-kpi-target-overdue = mål för andel utredningar över fyra månader
lever-control-ratchet = regler som läggs till efter varje mediedrev
lever-rule-decay-days = tid tills tillagda regler rensas bort (dagar)
lever-caseload-cap = högsta antal öppna ärenden per handläggare (0: inget tak)
lever-integrated-team = ett gemensamt team på skolan i stället för stuprör
lever-named-person = en trygghetsperson håller kontakten med föräldrarna

## Model parameters that studies vary (optional: a parameter without a name here shows its key)

param-demand-reports-per-position-year = orosanmälningar per handläggartjänst och år
param-demand-severity-mean = orosanmälningarnas genomsnittliga allvarlighetsgrad (0 lindrig, 1 akut)
param-pathway-school-concerns-per-position-year = barn vars oro väcks i skolan, per tjänst och år
param-turnover-recruitment-days = tid en vakant tjänst står obesatt (dagar)
param-turnover-stress-relative-risk = ökning av risken att sluta per stressenhet
param-turnover-quits-per-year = handläggarnas avgångsbenägenhet vid normal stress (per år)
param-stress-pressure-ceiling = arbetstryck där kraven inte längre känns tyngre
param-stress-pressure-weight = arbetstryckets vikt i arbetskraven
param-stress-coaching-reference-hours = coachning per vecka som ger fullt stöd (timmar)
param-stress-control-buffer = hur mycket litet beslutsutrymme ökar anspänningen
param-work-min-time-factor = minsta tid per ärende under press, andel av normaltiden
param-work-target-backlog-days = ärendebalans som en handläggare ser som normal (arbetsdagar)
param-work-investigation-min-days = kortaste tid en utredning tar (dagar)
param-decisions-screening-sensitivity = sannolikhet att ett barn som behöver hjälp blir utrett

## Presets (steering packages)
preset-control = kontroll
preset-trust = tillit
preset-trust-without-support = tillit utan stöd
preset-hybrid = hybrid

## Units of model parameters
param-unit-days = dagar
param-unit-share = andel
param-unit-hours = timmar
param-unit-probability = sannolikhet
param-unit-none = –
param-unit-ratio = kvot
param-unit-hours-week = timmar/vecka
param-unit-share-year = andel/år
param-unit-hours-day = timmar/dag
param-unit-fte-100-positions = årsarbetare/100 tjänster
param-unit-working-days = arbetsdagar
param-unit-switch = av/på
param-unit-stress-units = stressenheter
param-unit-spells-year = sjukfall/år
param-unit-share-of-contract = andel av tjänstgöringsgraden
param-unit-ratio-stress-unit = kvot/stressenhet
param-unit-log-odds = logit
param-unit-ksek-month = tkr/månad
param-unit-index-0-1 = index 0–1
param-unit-hours-agency = timmar/verksamhet
param-unit-years = år
param-unit-working-days-year = arbetsdagar/år
param-unit-strain-units = anspänningsenheter
param-unit-share-pressure = andel/arbetstryck
param-unit-share-day = andel/dag
param-unit-severity-0-1 = allvarlighetsgrad 0–1
param-unit-reports-position-year = anmälningar/tjänst/år
param-unit-ratio-scandal = kvot/mediedrev
param-unit-ratio-month = kvot/månad
param-unit-ratio-exhaustion-unit = kvot/utmattningsenhet
param-unit-positions = tjänster
param-unit-log-sd = log-standardavvikelse
param-unit-ksek-hire = tkr/rekrytering
param-unit-hours-worker-week = timmar/handläggare/vecka
param-unit-hours-hour = timmar/timme
param-unit-hours-case = timmar/ärende
param-unit-days-week = dagar/vecka
param-unit-count = antal
param-unit-children-position-year = barn/tjänst/år
param-unit-cases = ärenden
param-unit-1-stress = 1/stressenhet
param-unit-1-day = 1/dag

## Units of outcomes: the level, and .difference for a difference
unit-share = %
    .difference = procentenheter
unit-share-year = % per år
    .difference = procentenheter per år
unit-spells-100-employees-year = per 100 anställda och år
    .difference = per 100 anställda och år
unit-stress-units = stressenheter
    .difference = stressenheter
unit-exhaustion-units = utmattningsenheter
    .difference = utmattningsenheter
unit-ratio = × normalt
    .difference = × normalt
unit-years = år
    .difference = år
unit-hours-week = timmar per vecka
    .difference = timmar per vecka
unit-reports-year = per år
    .difference = per år
unit-investigations-year = per år
    .difference = per år
unit-days = dagar
    .difference = dagar
unit-cases = ärenden
    .difference = ärenden
unit-cases-position = ärenden per tjänst
    .difference = ärenden per tjänst
unit-cases-year = ärenden per år
    .difference = ärenden per år
unit-events-year = per år
    .difference = per år
unit-msek-year = mnkr per år
    .difference = mnkr per år
unit-ksek-report = tkr per anmälan
    .difference = tkr per anmälan
unit-count = gånger
    .difference = gånger
unit-children-year = barn per år
    .difference = barn per år
unit-times-child = gånger per barn
    .difference = gånger per barn
unit-referrals-child = remisser per barn
    .difference = remisser per barn
unit-children = barn
    .difference = barn
unit-hours-child = timmar per barn
    .difference = timmar per barn

## issue-15-charts: diagram, händelser och utskrift

# Introduction to the outcome charts, pointing to the figure of paired differences.
outcomes-intro-figure = Varje punkt är medelvärdet över de simulerade körningarna och strecket runt den 95 % intervallet för medelvärdet. Där två alternativs streck överlappar mycket, titta på den parvisa skillnaden i figur { $n } innan du drar slutsatser. Andelar och frekvenser ritas på en axel som börjar på noll.

# Introduction to the outcome charts when there is no figure of differences.
outcomes-intro-plain = Varje punkt är medelvärdet över de simulerade körningarna och strecket runt den 95 % intervallet för medelvärdet. Andelar och frekvenser ritas på en axel som börjar på noll.

# Which series are smoothed, under the series heading.
series-smoothed-note = { $list } svänger från månad till månad och ritas därför som rullande 12-månadersmedelvärden: varje punkt är medelvärdet av de 12 månaderna fram till den, och bandet medelvärdet av de månadernas 95 % intervall. Linjerna börjar efter de första 12 månaderna.

# Caption of a smoothed time series.
series-caption-smoothed = { $metric } ({ $unit }), rullande 12-månadersmedelvärde med band per alternativ.

# Caption of the table of post-switch means.
post-switch-caption = { $arm } efter ”{ $label }”: medelvärden av månadsvärdena över hela utfallsperioden (efter { $from }) och över månaderna efter bytet (efter { $switch }), för varje alternativ.

# The post-switch means in the text.
post-switch-text = Tabellen nedan visar, ur månadsserierna, vad medelvärdena blir när bara månaderna efter bytet räknas. De har inget eget intervall: läs dem tillsammans med 95 %-banden i diagrammen över tid.

# Column heading: the whole window.
window-column = { $arm }, hela perioden

# Column heading: after the switch.
after-switch-column = { $arm }, efter bytet

# Column heading: the series.
series-column = Månadsserie

# The assumptions: what the first table holds.
changed-intro = Tabellen visar de parametrar som scenariot ger andra värden än tillits standardvärden, var och en markerad ● och med standardvärdet bredvid. Alla andra parametrar har sina standardvärden och listas i bilagan i slutet.

# The assumptions when no parameter is changed.
none-changed = Scenariot behåller tillits standardvärden för alla parametrar utom styrmedlen; de listas i bilagan i slutet.

# Column heading: the registry default.
default-column = Standardvärde

# Marks a value changed from the default.
changed-mark = ändrat från standardvärdet

# Heading of the appendix of default parameters.
appendix-heading = Bilaga: parametrar med standardvärden

# Introduction to the appendix.
appendix-intro = De { $n } parametrar som scenariot lämnar vid standardvärdena i tillit { $version }, med enheter, betydelser och källor (på papper utan betydelser och källor, som rapporten på skärmen och kommandot tillit params visar).

# Column heading: a factor's rank (shared within a group).
rank-column = Rang

# What a shared rank means.
rank-note = Parametrar vars 95 %-intervall överlappar det första i gruppens intervall delar rang (till exempel 1–3): deras inbördes ordning är osäker.

# Under the levers table: what the mark means.
levers-changed-note = Värden markerade ● skiljer sig från tillits standardvärden (kontrollstyrningen).
