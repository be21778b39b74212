# Varje text i tillits rapporter, på svenska.
#
# Så redigerar du: ändra bara texten efter `=` (och efter `.difference =`,
# `.meaning =` och `.source =`). Låt id:t före `=` och platshållarna
# { $namn } vara som de är: rapporten fyller i dem med ett värde (ett tal,
# ett namn, en lista). Samma id och samma platshållare finns i
# locales/en/report.ftl, och testerna (cargo test --release) kontrollerar
# att båda filerna stämmer. Undantaget är parametrarnas .meaning och
# .source, som bara finns här: på engelska står de i parameterregistret.
# En text på flera rader: fortsätt på nästa rad med indrag; raderna
# förenas med radbrytning, vilket i HTML läses som ett mellanslag.

## Meningar, rubriker och etiketter

# Rubrik i rapporten från en robusthetsstudie.
robust-heading = Hur robust är svaret?

# Vad robusthetsstudien gjorde.
robust-intro = Varje jämförelse av ett enskilt scenario vilar på en uppsättning antagna värden. Här upprepades jämförelsen i { $worlds } rimliga världar, där var och en drar de { $params } osäkra antagandena ur deras rimliga intervall. Världar där { $baseline } inte återger de svenska mönstren (personalomsättning, långa sjukfall, tidsanvändning och försenade utredningar; implausibilitet över { $cutoff }) uteslöts; { $kept } världar återstod. I var och en av dem simulerades varje alternativ { $reps } gånger, med samma orosanmälningar och samma slump.

# Hur andelar av världar ska läsas.
robust-caution = En andel världar är ingen sannolikhet om verkligheten: världarna är jämnt spridda över intervall som är bedömningar. ”Bättre” och ”sämre” betyder att 95-procentsintervallet för skillnaden i den världen inte innehåller noll; ”ingen tydlig skillnad” omfattar också världar där några få simuleringar inte kan avgöra.

# När kalibreringen (history matching) inte behöll någon värld.
robust-no-worlds = Ingen värld återstod: i varje dragen värld missar utgångsläget ett svenskt mönster med bred marginal. De rimliga intervallen behöver ses över.

# Rubrik per alternativ.
robust-arm-heading = { $arm } jämfört med { $baseline }

# Diagramrubrik per alternativ.
robust-chart-title = { $arm } mot { $baseline }: andel världar

# Bildtext per alternativ.
robust-chart-caption = Andel av de { $kept } rimliga världarna där { $arm } är bättre än { $baseline }, inte tydligt annorlunda, eller sämre, per utfall.

# Diagrambeskrivning för skärmläsare, per alternativ.
robust-chart-desc = Stapeldiagram, en stapel per utfall, uppdelad efter andelen världar per bedömning. { $rows }

# Kategori: bättre.
robust-better = bättre

# Kategori: ingen tydlig skillnad.
robust-unclear = ingen tydlig skillnad

# Kategori: sämre.
robust-worse = sämre

# Tabellkolumn: utfall.
robust-table-outcome = Utfall

# Tabellkolumn: medianeffekt.
robust-table-median = Median av skillnaden över världarna

# Tabellkolumn: intervallet 5–95 %.
robust-table-range = 5–95 % av världarna

# En PRIM-låda i ord.
robust-box = { $arm } blir sämre på { $outcome } främst i världar där { $conditions }: { $k } av de { $worse } världar där det blir sämre ligger där (täckning { $coverage }), och det blir sämre i { $share } av de { $n } världarna där (täthet { $density }).

# Ingen låda sticker ut.
robust-no-box = { $arm } blir sämre på { $outcome } i { $worse } av { $kept } världar, utan något intervall av antaganden som sticker ut.

# Ingen blandad bedömning.
robust-never-worse = På de studerade utfallen blir { $arm } sämre än { $baseline } i antingen ingen värld eller alla: det finns ingen gräns att beskriva.

# Binder ihop villkor.
robust-and = { " " }och{ " " }

# Ett villkor: minst.
robust-at-least = { $param } är minst { $value }

# Ett villkor: högst.
robust-at-most = { $param } är högst { $value }

# Ett villkor: mellan.
robust-between = { $param } ligger mellan { $low } och { $high }

# Var siffrorna finns.
robust-files = Varje världs värden och implausibilitet finns i worlds.csv, varje världs skillnader i effects.csv, andelarna i robustness.csv och PRIM:s lådor i boxes.csv (docs/ROBUSTNESS.md beskriver varje kolumn).

# Sidans rubrik.
report-title = Rapport: { $name }

# Raden under rubriken.
subtitle = Simulering av kontrollbaserad och tillitsbaserad styrning i socialtjänsten, framtagen med tillit { $version }.

# Rubrik för sammanfattningen.
summary-heading = Sammanfattning

# Vad som jämfördes.
summary-intro = Rapporten jämför { $arms } i scenariot ”{ $name }”. Varje alternativ simulerades { $reps } gånger under { $years }, varav insvängningen i början ({ $warmup }) inte räknas. Alla alternativ fick samma orosanmälningar och samma slump, så skillnaderna kommer från styrningen. Jämförelsen görs mot { $baseline }. Varje utfall är ett medelvärde över åren efter insvängningen: där ett alternativ fortfarande förändras (regler som läggs till under kontrollstyrning byggs upp under många år) ger en längre eller kortare körning andra skillnader, så läs dem tillsammans med diagrammen över tid.

# Hur intervallen ska läsas.
summary-caution = Hur säkra är vi? Varje siffra har ett 95-procentigt intervall som visar hur mycket resultatet varierar mellan simulerade körningar. När intervallet för en skillnad innehåller noll kan simuleringen inte skilja alternativen åt, och rapporten skriver ”ingen tydlig skillnad”. Intervallen omfattar inte osäkerheten i modellens egna antaganden (se ”Antaganden och källor”): de säger hur säker simuleringen är, inte hur säkra vi kan vara om verkligheten.

# Rubrik för de viktigaste resultaten.
key-findings-heading = Viktigaste resultaten

# Hur de viktigaste resultaten valdes ut.
key-findings-intro = De största tydliga skillnaderna mot { $baseline }, den största först: varje 95 % intervall utesluter noll, och varje skillnad är minst { $threshold } av värdet med { $baseline }.

# Ett viktigt resultat: lägre med alternativet.
finding-lower = { $outcome }: { $pct } lägre med { $arm } än med { $baseline }, { $value } mot { $base } { $unit } (95 % intervall för skillnaden { $lo } till { $hi } { $dunit }).

# Ett viktigt resultat: högre med alternativet.
finding-higher = { $outcome }: { $pct } högre med { $arm } än med { $baseline }, { $value } mot { $base } { $unit } (95 % intervall för skillnaden { $lo } till { $hi } { $dunit }).

# När ingen skillnad är både tydlig och tillräckligt stor.
no-key-findings = Inget viktigt utfall skiljer sig tydligt från { $baseline } med { $threshold } av värdet eller mer.

# Rubrik för vad resultaten betyder.
meaning-heading = Vad det betyder

# Vad ett alternativ vinner, störst först.
meaning-gains = Jämfört med { $baseline } ger { $arm } bättre resultat för { $better } (störst skillnad först).

# Vad ett alternativ som också vinner något förlorar.
meaning-costs = Priset betalas på annat håll: { $arm } ger sämre resultat för { $worse }.

# Ett alternativ som vinner utan tydlig förlust.
meaning-no-cost = För inget viktigt utfall ger { $arm } tydligt sämre resultat.

# Ett alternativ som bara förlorar.
meaning-only-costs = { $arm } ger sämre resultat än { $baseline } för { $worse }, och tydligt bättre för inget viktigt utfall.

# Ett alternativ utan skillnad som spelar roll.
meaning-nothing = För de viktiga utfallen visar simuleringen ingen skillnad av betydelse mellan { $arm } och { $baseline }.

# Tydliga förändringar där ingen riktning är bättre.
meaning-different = Alternativet ändrar också { $list }, där ingen riktning är bättre i sig.

# En liten men tydlig skillnad.
meaning-small-one = Ytterligare en skillnad är tydlig men mindre än { $threshold } av värdet med { $baseline }: för liten för att spela roll.

# Små men tydliga skillnader, räknade.
meaning-small = Ytterligare { $k } skillnader är tydliga men mindre än { $threshold } av värdet med { $baseline }: för små för att spela roll.

# Ett fullständigt faktorförsök, i ord.
design-factorial = fullständigt faktorförsök: varje kombination av faktorernas värden, { $points } punkter

# En körning med latinsk hyperkub, i ord.
design-latin-hypercube = latinsk hyperkub med { $points } punkter (försöksplanens slumpfrö { $seed })

# En körning över punkterna i en tabell, i ord.
design-table = { $points } punkter ur tabellen { $file }

# En Morrisplan, i ord.
design-morris = Morrisscreening: { $trajectories } banor över { $levels } nivåer per faktor, { $points } punkter (försöksplanens slumpfrö { $seed })

# En Sobolplan, i ord.
design-sobol = Sobolindex från { $samples } grundurval, dragna som { $sampling }, { $points } punkter (försöksplanens slumpfrö { $seed })

# Sobolurval ur en lågdiskrepanssekvens.
design-sampling-sequence = en Sobolsekvens

# Sobolurval ur slumpmässiga dragningar.
design-sampling-random = slumpmässiga dragningar

# En händelse vid en bestämd tidpunkt.
event-at = { $label } (efter { $years })

# Namnet på en händelse med en grundinställning, när scenariot inte ger den något namn.
event-switch-to = byte till { $preset }

# Namnet på en händelse utan grundinställning eller namn, efter dess nummer.
event-numbered = händelse { $n }

# En händelse i en tidsserie, i diagrambeskrivningen för skärmläsare.
event-line = En streckad linje markerar { $label } efter { $years }.

# En händelse efter insvängningen.
event-window = { $arm } byter styrning efter { $years } (”{ $label }”), efter insvängningen: medelvärdena innehåller { $before } med den tidigare styrningen och underskattar därför förändringen; diagrammen över tid visar åren efter bytet.

# Rubrik för rutan om begränsningar.
limits-heading = Begränsningar

# Vad antagandena är.
limits-assumptions = De flesta parametervärden är antaganden, inte mätningar. Kalibreringen mot svenska mönster (personalomsättning, långa sjukfall, tidsanvändning och försenade utredningar) avgränsar en del av dem, tillsammans snarare än var för sig. ”Antaganden och källor” visar varje värde och varifrån det kommer.

# Vad modellen utelämnar.
limits-left-out = Modellen utelämnar bland annat: nämnd och förvaltningsledning som aktörer (deras krav finns bara med som timmar för rapportering); att tillitsbaserad styrning lär av granskade fel på annat sätt än genom färre nya regler; de andra verksamheternas egen stress, sjukfrånvaro och bemanning; chefernas korta sjukfall och deras tidsanvändning; kostnaden för att täcka upp för frånvarande personal; helgdagar. Avsnitt 8 i docs/MODEL.md i tillits källkod listar alla förenklingar.

# Rubrik för vad som jämfördes.
compared-heading = Vad som jämfördes

# Antal bedömningar av ett slag.
count-small = { $k } små (under { $threshold })

# Små men tydliga skillnader, i en mening.
small-list = Små skillnader mellan { $arm } och { $baseline }, var och en under { $threshold } av värdet med { $baseline } fast 95 % intervallet utesluter noll: { $list }.

# Etikett för bedömningen.
tag-small = liten

# Rubrik per jämfört alternativ.
comparison-heading = { $arm } jämfört med { $baseline }

# Antal bedömningar av varje slag för ett alternativ.
comparison-counts = Av { $n } viktiga utfall: { $list }.

# Antal bedömningar av ett slag.
count-better = { $k } bättre

# Antal bedömningar av ett slag.
count-worse = { $k } sämre

# Antal bedömningar av ett slag.
count-different = { $k } annorlunda utan att vara bättre eller sämre

# Antal bedömningar av ett slag.
count-no-clear = { $k } utan tydlig skillnad

# Antal bedömningar av ett slag.
count-unknown = { $k } som inte kan avgöras

# En skillnad åt det bättre hållet.
diff-better = { $arm } blev bättre än { $baseline } för { $outcome }: { $dir } med { $abs } { $unit }{ $rel }; 95 % intervall för skillnaden { $lo } till { $hi }.

# En skillnad åt det sämre hållet.
diff-worse = { $arm } blev sämre än { $baseline } för { $outcome }: { $dir } med { $abs } { $unit }{ $rel }; 95 % intervall för skillnaden { $lo } till { $hi }.

# En skillnad där ingen riktning är bättre.
diff-neutral = { $outcome } var { $dir } med { $arm } än med { $baseline }, med { $abs } { $unit }{ $rel }; 95 % intervall för skillnaden { $lo } till { $hi }.

# Ett intervall som innehåller noll.
diff-no-clear = Ingen tydlig skillnad mellan { $arm } och { $baseline } för { $outcome }: 95 % intervallet för skillnaden, { $lo } till { $hi } { $unit }, innehåller noll, så skillnaden kan vara slumpvariation i simuleringen.

# Inget intervall (en enda körning, eller ett värde som saknas).
diff-too-few = { $outcome }: resultaten räcker inte för att säga om { $arm } och { $baseline } skiljer sig åt (för få körningar eller inget värde).

# Flera utfall vars intervall innehåller noll, i en mening.
no-clear-list = Ingen tydlig skillnad mellan { $arm } och { $baseline } för { $list }: varje 95 % intervall för skillnaden innehåller noll, så skillnaden kan vara slumpvariation i simuleringen.

# Ett intervall i en uppräkning.
interval-range = { $lo } till { $hi } { $unit }

# Pluralform av enheten år.
years-plural = år

# Relativ förändring, inom parentes efter den absoluta.
relative = { " " }({ $pct } av värdet med { $baseline })

# Ord för riktning.
lower = lägre

# Ord för riktning.
higher = högre

# Etikett för bedömningen.
tag-better = bättre

# Etikett för bedömningen.
tag-worse = sämre

# Etikett för bedömningen.
tag-different = annorlunda

# Etikett för bedömningen.
tag-no-clear = ingen tydlig skillnad

# Etikett för bedömningen.
tag-unknown = kan inte avgöras

# Rubrik för diagrammen över utfall.
outcomes-heading = Viktiga utfall per alternativ

# Rubrik för diagrammet över skillnader.
difference-title = Skillnad mot { $baseline }, i procent av { $baseline }

# Bildtext till diagrammet över skillnader.
difference-caption = Parvisa skillnader med 95 % intervall, i procent av värdet med { $baseline }. Intervall som korsar nollinjen visar ingen tydlig skillnad.

# Bildtext till ett diagram över ett utfall.
outcome-caption = { $outcome } ({ $unit }): medelvärde och 95 % intervall per alternativ.

# Ett alternativ i en diagrambeskrivning för skärmläsare.
arm-value = { $arm }: { $mean } { $unit } (95 % intervall { $lo } till { $hi })

# Rubrik för tidsserierna.
series-heading = Över tid

# Hur tidsserierna ska läsas.
series-intro = Månadsvärden: linjen är medelvärdet över de simulerade körningarna och bandet dess 95 % intervall. Den grå början är insvängningen, som utfallen ovan inte räknar med.

# Bildtext till ett diagram över tid.
series-caption = { $metric } ({ $unit }) per månad, medelvärde och 95 % band per alternativ.

# Beskrivning för skärmläsare av ett diagram över tid.
series-desc = Linjediagram över { $metric } per månad under { $years } år för { $arms }. Sista månaden: { $ends }.

# Axeltext.
year = år

# Markerar insvängningen i ett diagram.
warmup = insvängning

# Rubrik för tidsanvändningen.
time-use-heading = Hur arbetstiden används

# Rubrik för diagrammet över tidsanvändning.
time-use-title = Handläggarnas tidsanvändning

# Bildtext till diagrammet över tidsanvändning.
time-use-caption = Andel av arbetade timmar per aktivitet, medel över körningarna efter insvängning.

# Beskrivning för skärmläsare av diagrammet över tidsanvändning.
time-use-desc = Stapeldiagram, en stapel per alternativ, uppdelad efter andelen arbetade timmar per aktivitet. { $rows }

# Rubrik för avsnittet om scenariot.
scenario-heading = Scenariot

# Kolumnrubrik.
alternative = Alternativ

# Kolumnrubrik.
preset = Grundinställning

# Kolumnrubrik.
description = Beskrivning

# Kolumnrubrik.
events = Förändringar under körningen

# Kolumnrubrik.
lever = Styrmedel

# Kolumnrubrik.
unit = Enhet

# Kolumnrubrik.
parameter = Parameter

# Kolumnrubrik.
meaning = Betydelse

# Kolumnrubrik.
source = Källa

# Kolumnrubrik.
value = Värde

# Kolumnrubrik.
outcome = Utfall

# När ett alternativ inte har några händelser.
no-events = inga

# Rubrik för tabellen över styrmedel.
levers-heading = Styrmedlen i varje alternativ

# Rubrik för antagandena.
assumptions-heading = Antaganden och källor

# Inledning till antagandena.
assumptions-intro = Alla modellens parametrar med namn (och nyckeln, som den skrivs i scenariofilen), värdet i varje alternativ, enheten och varifrån värdet kommer. En källa som börjar med ”antagande” är en bedömning, inte en mätning; ändra värdet i scenariofilen för att se hur mycket resultatet beror på det. Betydelser och källor är översatta från parameterregistret i tillit { $version }; verken som anges som (författare år) finns med fullständiga referenser i docs/REFERENCES.md i tillits källkod.

# Visas när alla alternativ har samma värde.
same-in-all = samma i alla

# Rubrik för alla utfall.
all-outcomes-heading = Alla utfall

# Inledning till alla utfall.
all-outcomes-intro = Medelvärde och 95 % intervall för alla utfall, efter insvängningen.

# Rubrik för återkopplingsslingorna.
loops-heading = Återkopplingar bakom resultatet

# Inledning till återkopplingsslingorna.
loops-intro = Svaret är inte inskrivet i modellen: resultatet uppstår ur mekanismer som förstärker sig själva. De här fyra återkopplingarna förklarar det mesta.

# En slinga: rubrik.
burnout-title = Utbrändhetsspiralen

# En slinga: förklaring.
burnout-text = Hög arbetsbelastning höjer stressen. Stressade handläggare blir sjukskrivna eller slutar, deras ärenden går till kollegorna, nyanställda behöver månader för att lära sig, och belastningen på dem som stannar ökar ytterligare.

# En slinga: rubrik.
control-title = Kontrollspiralen

# En slinga: förklaring.
control-text = Vid kontrollbaserad styrning leder missade mål och mediedrev till nya regler och mer dokumentation. Det tar tid från ärendena, fler utredningar blir försenade, och nästa missade mål ger ännu fler regler. Regler tas bort bara långsamt.

# En slinga: rubrik.
corners-title = Genvägar

# En slinga: förklaring.
corners-text = Under press lägger handläggarna mindre tid på varje ärende för att hinna med. Balansen minskar en tid, men förhastade beslut blir oftare fel, felen kommer tillbaka senare som klagomål och allvarliga händelser, och sänkta krav återhämtar sig bara långsamt.

# En slinga: rubrik.
silos-title = Stuprör

# En slinga: förklaring.
silos-text = När skola, socialtjänst och barnpsykiatri arbetar var för sig skickas barnet från myndighet till myndighet, berättar sin historia igen hos var och en och väntar hos var och en. De extra mottagningarna och dokumentationen tar tid som kunde ha gått till hjälp.

# Raden med mått under en slinga.
loop-indicator = I dessa resultat: { $values }.

# När en slinga inte har något mått i resultaten.
loop-not-measured = Dessa resultat innehåller inget mått på den här återkopplingen.

# Rubrik för avsnittet om att återskapa resultaten.
repro-heading = Så återskapar du rapporten

# Inledning till hur resultaten återskapas.
repro-intro = Samma version av tillit, körd med samma scenario och samma slumpfrö, ger samma siffror på alla datorer. Resultatmappen innehåller hela det upplösta scenariot i manifest.json.

# Fältnamn.
version = tillit-version

# Fältnamn.
seed = Slumpfrö

# Fältnamn.
replications = Körningar per alternativ

# Fältnamn.
replications-per-point = Körningar per punkt och alternativ

# Fältnamn.
total-runs = Körningar totalt

# Fältnamn.
years = Simulerade år (insvängning)

# Fältnamn.
command = Kommando

# Fältnamn.
finished = Klar

# Fältnamn.
results-format = Resultatformat

# Fältnamn.
results-folder = Resultatmapp

# Misslyckade körningar.
failures = { $n } körningar misslyckades och ingår inte i statistiken (listas i manifest.json).

# Var SVG-filerna finns.
chart-files = Alla diagram finns också som SVG-filer i mappen charts/ bredvid rapporten.

# Figurnummer.
figure = Figur { $n }.

# Rubrik för en parameterstudie.
sweep-heading = Så förändras utfallen när parametrarna varierar

# Linjediagram över en varierad faktor.
sweep-title = { $outcome } när { $factor } varierar

# Bildtext till ett linjediagram i en parameterstudie.
sweep-caption = Medelvärde och 95 % intervall för { $outcome } ({ $unit }) vid varje värde av { $factor }, en linje per alternativ.

# Beskrivning för skärmläsare av ett linjediagram i en parameterstudie.
sweep-desc = Linjediagram över { $outcome } mot { $factor } från { $from } till { $to }. { $lines }

# Bildtext till en värmekarta.
heat-caption = Medelvärde av { $outcome } ({ $unit }) för varje kombination av { $x } och { $y }; mörkare är lägre, ljusare högre, och varje ruta visar sitt värde. Alla alternativs kartor över detta utfall har samma färgskala.

# Beskrivning för skärmläsare av en värmekarta.
heat-desc = Värmekarta över { $outcome }: { $cols } värden av { $x } gånger { $rows } värden av { $y }. Lägst { $min } vid { $minat }; högst { $max } vid { $maxat }. Färgskala från { $klo } till { $khi }.

# Hur många rutor i en karta över skillnader som är tydliga.
heat-clear-count = { $k } av { $n } rutor har ett 95 % intervall som utesluter noll (markerade med *).

# Markeringen för en tydlig ruta, i färgnyckeln.
heat-clear-mark = * 95 % intervall utesluter 0

# Bildtext till en karta över skillnader.
heat-diff-caption = Parvis skillnad i { $outcome } ({ $unit }), { $arm } minus { $baseline }, för varje kombination av { $x } och { $y }. Blått: lägre med { $arm }; orange: högre; { $better }. Alla kartor över detta utfall har samma färgskala, centrerad på noll; en ruta markerad med * har ett 95 % intervall som utesluter noll.

# Vilken sida som är bättre, för en bildtext.
lower-is-better = lägre är bättre

# Vilken sida som är bättre, för en bildtext.
higher-is-better = högre är bättre

# Vilken sida som är bättre, för en bildtext.
neither-is-better = ingen riktning är bättre i sig

# Rubrik för en känslighetsanalys.
sensitivity-heading = Vilka antaganden betyder mest

# Rubrik för rangordningsdiagrammet.
ranking-title = Parametrar rangordnade efter effekt på { $outcome }

# Bildtext till ett rangordningsdiagram.
ranking-caption = Genomsnittlig absolut förändring av { $outcome } ({ $unit }) när varje parameter rör sig över sitt studerade intervall (Morris μ*), störst först.

# Bildtext till ett rangordningsdiagram över totala Sobolindex.
ranking-caption-sobol = Andel av variansen i { $outcome } som varje parameter står för, samspel inräknade (totalt Sobolindex), störst först.

# Enhet för ett Sobolindex.
share-of-variance = andel av variansen

# Vad en parameterstudie jämförde.
sweep-intro = Rapporten visar hur utfallen för { $arms } förändras när { $factors } varierar, i scenariot ”{ $name }”. Försöksplanen, { $points } punkter (”Försöksplan” under ”Så återskapar du rapporten” anger den exakt), simulerades { $reps } gånger per punkt och alternativ.

# Vad en känslighetsanalys jämförde.
sensitivity-intro = Rapporten rangordnar { $factors } efter hur mycket de påverkar { $outcomes }, i scenariot ”{ $name }”. Den använder { $method }-metoden med { $points } försökspunkter, var och en simulerad { $reps } gånger.

# Rangordningen för ett utfall, i ord.
sensitivity-top = { $outcome } med { $arm }: påverkas mest av { $ranking }, störst effekt först.

# De två första faktorernas intervall överlappar.
sensitivity-overlap = De två förstas intervall överlappar, så deras ordning är osäker.

# En faktors riktning.
raises = höjer

# En faktors riktning.
lowers = sänker

# När ingen faktor påverkade ett utfall.
sensitivity-none = { $outcome } med { $arm }: ingen parameter påverkade utfallet i dessa körningar.

# Förbehållet för parameterstudier.
study-caution = Kurvorna och rangordningarna gäller för de studerade intervallen, inte utanför dem, och de kommer från modellen, inte från mätningar: en parameter som betyder mycket här är en vars antagna värde förtjänar granskning.

# En parameterstudies bedömningar för ett utfall och ett alternativ, räknade över punkterna.
sweep-counts = { $outcome }: { $arm } ger bättre resultat än { $baseline } i { $better } av de { $n } punkterna, sämre i { $worse }, och ingen tydlig skillnad i { $unclear }.

# Ett utfall där alternativet är bättre i varje punkt.
sweep-better-everywhere = { $outcome }: { $arm } ger bättre resultat än { $baseline } i alla { $n } punkter.

# Ett utfall där alternativet är sämre i varje punkt.
sweep-worse-everywhere = { $outcome }: { $arm } ger sämre resultat än { $baseline } i alla { $n } punkter.

# Ett utfall i en parameterstudie där ingen riktning är bättre.
sweep-differs = { $outcome }: { $arm } skiljer sig tydligt från { $baseline } i { $different } av de { $n } punkterna (ingen riktning är bättre i sig).

# En varierad faktors värde i scenariots tabeller.
swept-range = { $lo }–{ $hi } (varieras)

# Bildtext till en tabell i känslighetsanalysen.
factor-table-caption = { $outcome }: varje parameters studerade intervall, riktning och effekt, med 95 % intervall.

# Kolumnrubrik.
studied-range = Studerat intervall

# Kolumnrubrik: Morris μ.
mu-column = Riktning, μ ({ $unit }; + höjer, − sänker)

# Kolumnrubrik: Morris μ*.
mu-star-column = Storlek, μ* ({ $unit }) [95 % intervall]

# Kolumnrubrik: Sobol S1.
s1-column = Ensam, S1 [95 % intervall]

# Kolumnrubrik: Sobol ST.
st-column = Med samspel, ST [95 % intervall]

# Fältnamn.
design = Försöksplan

# Beskrivning för skärmläsare av ett rangordningsdiagram.
ranking-desc = Stapeldiagram som rangordnar { $n } parametrar efter effekt på { $outcome }. { $items }

# Ett val som är påslaget.
yes = ja

# Ett val som är avstängt.
no = nej

# Värde som saknas.
not-available = saknas

# Binder ihop de två sista leden i en uppräkning.
and = och

# Sidfot.
footer = tillit är en agentbaserad simulering. Den visar vad som följer av dess antaganden, inte vad som kommer att hända.

## Utfall (med liten bokstav: de står inne i meningar)
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

## Månadsserier
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

## Styrmedel: namn (kort), .meaning (betydelse) och .source (källa)
lever-documentation-intensity = dokumentation som krävs per ärende (1 = kontrollstandard)
    .meaning = Dokumentation som krävs per ärende i förhållande till standarden under kontrollstyrning
    .source = antagande: kontrollstyrningens grundinställning = 1
lever-worker-admin-hours = föreskriven rapportering och möten per handläggare (timmar/vecka)
    .meaning = Föreskriven rapportering och föreskrivna möten per handläggare och vecka
    .source = Grefve 2017: ren administration 11 % av tiden
lever-manager-reporting-hours = rapportering uppåt per enhetschef (timmar/vecka)
    .meaning = Rapportering uppåt och styrmöten per enhetschef och vecka
    .source = antagande: en och en halv dag i veckan med rapportering och styrmöten under kontrollstyrning
lever-approval-threshold = allvarlighetsgrad från vilken chefen måste godkänna beslut (1: aldrig)
    .meaning = Utredningsbeslut med minst denna allvarlighetsgrad väntar på chefens godkännande (1: inga)
    .source = antagande: under kontrollstyrning godkänns besluten i den allvarligare hälften av ärendena av chefen
lever-decision-latitude = handläggarnas beslutsutrymme (0-1)
    .meaning = Handläggarnas delegerade beslutsutrymme (kontrollen hos Karasek 1979)
    .source = antagande: litet beslutsutrymme under kontrollstyrning (beslutsutrymmet hos Karasek 1979)
lever-coaching-hours = coachning per handläggare (timmar/vecka)
    .meaning = Coachning och handledning som chefen strävar efter att ge varje handläggare per vecka (det första som stryks när tiden inte räcker)
    .source = antagande: det coachande ledarskapet i Borlänge (Tillitsdelegationen 2017)
lever-blame-culture = skuldbeläggande kultur (1 = kontrollstandard)
    .meaning = Skalar den skuld som ett upptäckt fel för med sig
    .source = antagande: den skuldbeläggande kulturen under kontrollstyrning är referensen, 1
lever-kpi-pressure = regler som läggs till per månad när förseningsmålet missas
    .meaning = Regler som läggs till varje månad per enhet av andelen försenade utredningar över målet (nyckeltalssidan av kontrollspiralen)
    .source = antagande: Levine et al. 1985, chefer inför mer struktur när kvaliteten sjunker
lever-kpi-target-overdue = mål för andel utredningar över fyra månader
    .meaning = Mål för andelen utredningar över tidsfristen; över målet lägger nyckeltalstrycket till regler
    .source = antagande: 13 % över fyra månader i Halland och Västra Götaland (IVO 2015)
lever-control-ratchet = regler som läggs till efter varje mediedrev
    .meaning = Dokumentation och rapportering som läggs till (relativt) efter varje mediedrev i en förvaltning med 200 tjänster (skalas med 200 / antalet tjänster, så att den årliga skärpningen följer antalet mediedrev, inte storleken)
    .source = antagande: regelspiralen hos Munro 2011; omkring två mediedrev om året under kontrollstyrning ger 6 % fler regler om året
lever-rule-decay-days = tid tills tillagda regler rensas bort (dagar)
    .meaning = Tidskonstant för hur tillagda regler rensas bort
    .source = antagande: under kontrollstyrning rensas tillagda regler bort bara långsamt
lever-caseload-cap = högsta antal öppna ärenden per handläggare (0: inget tak)
    .meaning = Högsta antal öppna ärenden per handläggare innan nya anmälningar får vänta på att fördelas (0: inget tak)
    .source = Hernings ”Sverigesmodellen” satte tak för antalet ärenden vid 20–25 (KORA 2017)
lever-integrated-team = ett gemensamt team på skolan i stället för stuprör
    .meaning = Hur barn som behöver flera verksamheter får hjälp: av = stuprör (remitteras från verksamhet till verksamhet), på = ett gemensamt team på skolan efter föräldrarnas samtycke (mekanism 11)
    .source = Faluns ”Tillsammans för varje barn” (Falu kommun 2018; Loman 2018) och GIRFEC (Stradling et al. 2009); avstängt i varje grundinställning, så att det kan kombineras med vilken styrning som helst
lever-named-person = en trygghetsperson håller kontakten med föräldrarna
    .meaning = Om varje barn som behöver flera verksamheter får en trygghetsperson som håller kontakten med föräldrarna och följer upp remisserna
    .source = Faluns trygghetsperson (Loman 2018) och GIRFEC:s utsedda kontaktperson för barnet (Stradling et al. 2009); avstängt i varje grundinställning

## Modellens parametrar: namn (kort), .meaning (betydelse) och .source (källa)
#
# Varje parameter i tillits parameterregister har här ett kort namn, en
# betydelse och en källa på svenska. Id:t är param-<grupp>-<namn>, där
# understreck i nyckeln blivit bindestreck (nyckeln organisation.units har
# id:t param-organisation-units). Rapporten visar namnet med nyckeln bredvid
# i liten kodstil, eftersom forskare skriver nyckeln i scenariofiler.
# Källornas verk (författare, år) står som i referenslistan, docs/REFERENCES.md;
# ”antagande:” inleder en motivering där inget verk anger värdet. Den engelska
# betydelsen och källan står i själva registret (src/model/params.rs), och
# testerna kräver att varje parameter där har namn, betydelse och källa här.

# Organisation och arbetstid
param-organisation-units = enheter i förvaltningen
    .meaning = Antal enheter i förvaltningen, var och en med en enhetschef och en grupp handläggare
    .source = antagande: en medelstor kommun, projektets referensscenario
param-organisation-workers-per-unit = handläggartjänster per enhet
    .meaning = Handläggartjänster per enhet (enhetschefens kontrollspann)
    .source = antagande: under de 60 medarbetare som enhetschefer inom äldreomsorgen i genomsnitt hade 2015 (SCB:s siffror återgivna av fackförbundet Vision; publikationen har inte spårats) och nära de föreslagna taken på 25–30
param-organisation-workdays-per-week = arbetsdagar per vecka
    .meaning = Arbetsdagar per vecka (7 bara för kontroller mot köteori, där inflöde och arbete går på samma klocka)
    .source = antagande: måndag till fredag
param-organisation-contract-hours-per-day = avtalad arbetstid per dag
    .meaning = Avtalad arbetstid en arbetsdag
    .source = antagande: svensk heltid på 40 timmar i veckan
param-organisation-vacation-days = semesterdagar per år
    .meaning = Semester per handläggare: fyra veckor på sommaren (förskjutna mellan medarbetarna) och resten kring nyår
    .source = antagande: fem veckors semester, de 25 dagarna i semesterlagen (SFS 1977:480)
param-organisation-initial-mean-tenure-years = genomsnittlig anställningstid vid start
    .meaning = Genomsnittlig anställningstid för personalen vid simuleringens start (exponentialfördelad), som ger deras erfarenhet från början
    .source = Tham 2007: 54 % hade arbetat på arbetsplatsen i högst två år, vilket ger ett exponentiellt medelvärde på 2,6 år

# Orosanmälningar: hur många, när och hur allvarliga
param-demand-reports-per-position-year = orosanmälningar per handläggartjänst och år
    .meaning = Orosanmälningar per år och handläggartjänst (bestämmer inflödet)
    .source = antagande: kalibrerat så att kontrollstyrningen återger mönstren för försenade utredningar och tidsanvändning; i hela landet 331 000 anmälningar 2018 (Socialstyrelsen 2019)
param-demand-seasonality = säsongsvariation i anmälningarna
    .meaning = Årsvariationens amplitud i antalet anmälningar (färst i juli, när skolorna är stängda)
    .source = antagande: de flesta anmälningar kommer från skolan
param-demand-trend-per-year = årlig ökning av anmälningarna
    .meaning = Relativ ökning av antalet anmälningar per år
    .source = antagande (i hela landet omkring +8 % per år 2018–2021: från 331 000 till 422 000; Socialstyrelsen 2019, Socialstyrelsen 2022)
param-demand-severity-mean = orosanmälningarnas genomsnittliga allvarlighetsgrad (0 lindrig, 1 akut)
    .meaning = Genomsnittlig allvarlighetsgrad i en anmälan (betafördelad; 0 lindrig, 1 akut)
    .source = antagande: de flesta anmälningar gäller lindrigare oro; när behovet ökar med allvarlighetsgraden leder omkring 40 % av anmälningarna till utredning, nära de 38 % som gäller i hela landet (Socialstyrelsen 2019)
param-demand-severity-concentration = allvarlighetsgradens koncentration
    .meaning = Hur samlad fördelningen av allvarlighetsgrad är (högre: närmare medelvärdet)
    .source = antagande: en bred spridning, så att varje enhet får både lindriga och akuta anmälningar
param-demand-need-at-low-severity = behov vid lägsta allvarlighetsgrad
    .meaning = Sannolikheten att ett barn med allvarlighetsgrad 0 verkligen behöver en insats
    .source = antagande: bakom en lindrig anmälan finns sällan ett barn som behöver en insats
param-demand-need-at-high-severity = behov vid högsta allvarlighetsgrad
    .meaning = Sannolikheten att ett barn med allvarlighetsgrad 1 verkligen behöver en insats (linjärt däremellan)
    .source = antagande: bakom en akut anmälan finns nästan alltid ett behov, men inte alltid
param-demand-complexity-cv = variation i ärendenas arbetsmängd
    .meaning = Variationskoefficient för arbetet ett ärende kräver (gammafördelad faktor med medelvärde 1; 1 ger exponentialfördelning, 0 lika mycket i varje ärende)
    .source = antagande: ärenden skiljer sig ungefär med en faktor två i arbetsmängd; 1 vore köteorins exponentialfördelning

# Handläggning: förhandsbedömning, utredning, uppföljning, genvägar
param-work-assessment-hours = arbetstid för en förhandsbedömning
    .meaning = Arbetstid i en förhandsbedömning av genomsnittlig komplexitet, vid dokumentationskrav 1
    .source = antagande: en förhandsbedömning är några timmars samtal och anteckningar
param-work-assessment-deadline-days = tidsfrist för förhandsbedömningen
    .meaning = Tidsfrist för förhandsbedömningen
    .source = Socialtjänstlagen (SFS 2001:453) 11 kap. 1 a §
param-work-investigation-direct-hours = direkt klientarbete i en utredning
    .meaning = Direkt klientarbete i en utredning av genomsnittlig allvarlighetsgrad och komplexitet
    .source = antagande: kalibrerat så att det direkta arbetet blir 13–20 % av tiden (Grefve 2017)
param-work-investigation-documentation-hours = dokumentation i en utredning
    .meaning = Dokumentation och annat indirekt arbete i en utredning, vid dokumentationskrav 1
    .source = antagande: kalibrerat så att det indirekta arbetet blir 30–40 % av tiden (Grefve 2017: 35 %)
param-work-severity-work-weight = allvarlighetsgradens vikt för arbetsmängden
    .meaning = Hur mycket mer arbete ett allvarligt ärende kräver: timmarna skalas med (1 + vikt × (allvarlighetsgrad − 0,5))
    .source = antagande: ett allvarligt ärende kräver ungefär dubbelt så mycket arbete som ett lindrigt
param-work-investigation-min-days = kortaste tid en utredning tar (dagar)
    .meaning = Kortaste kalendertid en utredning av genomsnittlig komplexitet tar (möten med barnet och föräldrarna, yttranden från skola och hälso- och sjukvård); skalas med komplexiteten, och arbetet sprids över tiden
    .source = antagande: de flesta utredningar tar 2–4 månaders kalendertid för yttranden och möten; kalibrerat så att 10–35 % tar mer än fyra månader (IVO 2015: 13 %; en andrahandsuppgift anger 33 % för Stockholm)
param-work-investigation-deadline-days = tidsfrist för utredningen
    .meaning = Tidsfrist för en utredning (fyra månader)
    .source = Socialtjänstlagen (SFS 2001:453) 11 kap. 2 §
param-work-other-hours-per-week = övrigt indirekt arbete per vecka
    .meaning = Indirekt arbete som inte hör till något enskilt ärende: konsultation med kolleger, utbildning, intern samordning
    .source = antagande: den del av tidsanvändningen i Grefve 2017 som ligger utanför direkt och indirekt ärendearbete, administration och resor
param-work-followup-days = uppföljningstid för en insats
    .meaning = Hur länge en beslutad insats behöver följas upp av handläggaren
    .source = antagande: en insats följs upp i ungefär ett halvår
param-work-followup-hours-per-week = uppföljning per insats och vecka
    .meaning = Uppföljningsarbete per insats och vecka så länge insatsen pågår
    .source = antagande: under en timme i veckan per insats
param-work-travel-per-direct-hour = restid per timme klientarbete
    .meaning = Restid per timme direkt klientarbete
    .source = Grefve 2017: resor 9 % mot direkt arbete 13 %; antagandet avrundar nedåt
param-work-target-backlog-days = ärendebalans som en handläggare ser som rimlig (arbetsdagar)
    .meaning = Den ärendebalans en handläggare ser som rimlig, i dagar av ärendearbete (arbetstrycket är 1 vid denna balans)
    .source = antagande: motsvarar den önskade leveranstiden hos Oliva & Sterman 2001, satt så att trycket ligger nära 1 vid vanlig belastning
param-work-corner-cutting-elasticity = elasticitet för genvägar under press
    .meaning = Elasticitet för tiden per ärende med avseende på arbetstrycket (0 stänger av genvägarna)
    .source = Oliva & Sterman 2001: −0,64; Dogan 2007: −0,60
param-work-min-time-factor = minsta tid per ärende under press, andel av normaltiden
    .meaning = Lägsta tid per ärende i förhållande till standarden
    .source = antagande: även under hårt tryck får ett ärende minst halva standardtiden
param-work-max-time-factor = största tid per ärende, andel av normaltiden
    .meaning = Högsta tid per ärende i förhållande till den fulla standarden när det finns utrymme (grundligare arbete)
    .source = antagande: hos Oliva & Sterman 2001 kan tiden per order stiga över standarden vid lågt tryck
param-work-standard-erosion-days = tid för standarden att sjunka
    .meaning = Tidskonstant för hur standarden sjunker mot den tid som faktiskt läggs
    .source = Oliva & Sterman 2001: 18,8 veckor
param-work-standard-recovery-days = tid för standarden att återhämta sig
    .meaning = Tidskonstant för hur en urholkad standard återhämtar sig
    .source = antagande: Oliva & Sterman 2001 finner att den i praktiken aldrig återhämtar sig (8,1e6 veckor); här begränsad
param-work-overtime-max-share = största övertid per dag
    .meaning = Mest övertid en handläggare gör en dag, som andel av den avtalade arbetstiden
    .source = antagande: högst drygt en timmes övertid om dagen
param-work-overtime-per-pressure = övertid per enhet arbetstryck
    .meaning = Övertid per enhet arbetstryck över 1, som andel av den avtalade arbetstiden
    .source = antagande: övertiden växer gradvis med ärendebalansen innan den når sitt tak
param-work-learning-days = inlärningstid för nyanställda
    .meaning = Tidskonstant för hur en nyanställds erfarenhet närmar sig full
    .source = antagande: det tar månader att lära sig arbetet
param-work-novice-productivity = en nyanställds produktivitet
    .meaning = Produktivitet för en nyanställd utan erfarenhet, i förhållande till en erfaren handläggare
    .source = antagande: en nyanställd hinner ungefär hälften av vad en erfaren handläggare gör
param-work-partial-return-days = tid med deltid efter långt sjukfall
    .meaning = Dagar med nedsatt arbetstid efter återgång från ett långt sjukfall
    .source = antagande: omkring två månaders deltid efter ett långt sjukfall
param-work-partial-return-share = arbetstid vid återgång efter långt sjukfall
    .meaning = Andel av den avtalade arbetstiden som arbetas vid återgång från ett långt sjukfall
    .source = antagande: halvtid under återgången, vanligt i svensk rehabilitering

# Beslut: bedömning av anmälan, utredningsbeslut och chefens godkännande
param-decisions-screening-sensitivity = sannolikhet att ett barn som behöver hjälp blir utrett
    .meaning = Sannolikheten att en anmälan om ett barn som behöver hjälp leder till utredning, vid grundkvalitet
    .source = antagande: tillsammans med andelen felaktigt inledda utredningar leder omkring 38 % av anmälningarna till utredning (Socialstyrelsen 2019)
param-decisions-screening-false-positive = sannolikhet att ett barn utan behov blir utrett
    .meaning = Sannolikheten att en anmälan om ett barn som inte behöver hjälp leder till utredning, vid grundkvalitet
    .source = antagande: kalibrerat till att 38 % utreds (Socialstyrelsen 2019)
param-decisions-base-error-rate = grundrisk för felaktigt beslut
    .meaning = Sannolikheten för ett felaktigt utredningsbeslut hos en erfaren och utvilad handläggare som har tid att göra arbetet väl
    .source = antagande: en liten andel beslut blir fel även under goda förhållanden; ger sammanlagt omkring 5–8 % felaktiga beslut
param-decisions-inexperience-error-factor = ökad felrisk utan erfarenhet
    .meaning = Ökad felrisk för en handläggare utan erfarenhet (faktor 1 + värdet)
    .source = antagande: en nyanställd gör ungefär dubbelt så många fel som en erfaren handläggare
param-decisions-rushed-error-elasticity = felrisk vid brådska
    .meaning = Felrisken växer som (standardtid / faktisk tid) upphöjt till detta värde
    .source = antagande: kvaliteten urholkas (Oliva & Sterman 2001)
param-decisions-stress-error-factor = ökad felrisk per stressenhet
    .meaning = Ökad felrisk per stressenhet över 0
    .source = antagande: stress försämrar omdömet måttligt
param-decisions-support-error-reduction = minskad felrisk med fullt stöd
    .meaning = Relativ minskning av felrisken vid fullt stöd (coachning, stabil arbetsgrupp)
    .source = antagande: handledning fångar en del av felen innan de görs
param-decisions-documentation-benefit = dokumentationens nytta för besluten
    .meaning = Felrisken skalas med dokumentationskravet upphöjt till −värdet (strukturerad dokumentation hjälper besluten något)
    .source = antagande: dokumentationen har ett värde för rättssäkerheten, så det kostar något att minska den
param-decisions-approval-catch-rate = fel som chefens granskning fångar
    .meaning = Sannolikheten att chefen upptäcker ett felaktigt beslut innan hon eller han godkänner det
    .source = antagande: den som granskar med bara akten framför sig upptäcker en minoritet av felen
param-decisions-approval-hours = chefens tid per godkänt beslut
    .meaning = Chefens tid för att granska och godkänna ett beslut
    .source = antagande: omkring en timme för att läsa en akt och godkänna ett beslut
param-decisions-high-stakes-severity = allvarlighetsgrad för tunga beslut
    .meaning = Allvarlighetsgrad från vilken ett beslut räknas som tungt för beslutsfattarens ansvarsbörda
    .source = antagande: den övre delen av skalan, där ett felaktigt beslut kan skada ett barn
param-decisions-threshold-spread-floor = grundspridning i benägenheten att ingripa
    .meaning = Spridning (standardavvikelse mellan handläggare) i den personliga benägenheten att ingripa som finns kvar utan delegerat beslutsutrymme och med chefens godkännande: regler och granskning gör inte bedömningarna lika
    .source = antagande: vinjettstudier finner liten samstämmighet mellan yrkesverksamma i samma ärende, med eller utan strukturerat beslutsstöd (Bartelink et al. 2014; Keddell 2014); storleken är inte uppmätt, och 0,3 lägger till mindre än en tiondel till felrisken vid grundkvalitet
param-decisions-threshold-spread-latitude = spridning i benägenheten att ingripa vid fullt beslutsutrymme
    .meaning = Ytterligare spridning i benägenheten att ingripa vid fullt beslutsutrymme (skalas med handläggarnas beslutsutrymme): ju mer var och en beslutar ensam, desto mer syns den egna tröskeln
    .source = antagande: delegering låter den enskildes bedömning variera (Keddell 2014: den enskilde beslutsfattaren är en källa till variation); satt så att spridningen under tillitsstyrning blir ungefär dubbelt så stor som under kontrollstyrning
param-decisions-approval-alignment = chefsgodkännandets samordnande effekt
    .meaning = Andel av den del av spridningen som beror på beslutsutrymmet som chefens godkännande tar bort i beslut som kräver godkännande (den som granskar drar mot enhetens praxis)
    .source = antagande: den som granskar med bara akten framför sig samordnar en del av beslutet, liksom granskningen bara fångar en del av felen (fel som chefens granskning fångar)
param-decisions-documentation-alignment = dokumentationens samordnande effekt
    .meaning = Den del av spridningen som beror på beslutsutrymmet skalas med dokumentationskravet upphöjt till −värdet (strukturerade mallar gör bedömningarna något mer lika)
    .source = antagande: litet, eftersom strukturerat beslutsstöd gav liten eller ingen ökad samstämmighet (Bartelink et al. 2014)
param-decisions-inexperience-spread-factor = ökad spridning utan erfarenhet
    .meaning = Ytterligare spridning hos en handläggare utan erfarenhet (den del som beror på beslutsutrymmet multipliceras med 1 + värdet × (1 − erfarenheten))
    .source = antagande: en nyanställds tröskel har ännu inte satt sig genom erfarna ärenden och återkoppling (Keddell 2014: tumregler utvecklas genom återkoppling)
param-decisions-coaching-alignment = coachningens samordnande effekt
    .meaning = Andel av den del av spridningen som beror på beslutsutrymmet som försvinner vid full coachning (ärenden som gås igenom i handledning gör trösklarna lika)
    .source = antagande: Keddell 2014 föreslår kommenterade ärendeexempel och lärande system med tydlig återkoppling för att öka samstämmigheten; handledningen är där en enhet delar sina exempel

# Följder av felaktiga beslut: allvarliga händelser, klagomål, mediedrev
param-consequences-serious-event-probability = risk för allvarlig händelse efter missat behov
    .meaning = Sannolikheten att ett missat behov senare leder till en allvarlig händelse
    .source = antagande: några missade behov leder till skada som kommer fram; ger omkring 24 allvarliga händelser per år i en förvaltning med 200 handläggare under kontrollstyrning, inom mönstret för lex Sarah (IVO 2023)
param-consequences-serious-event-delay-days = tid till allvarlig händelse
    .meaning = Genomsnittlig tid (exponentialfördelad) från ett missat behov till den allvarliga händelsen
    .source = antagande: skada kommer oftast fram inom några månader
param-consequences-complaint-probability = risk för klagomål efter onödig insats
    .meaning = Sannolikheten att en onödig insats leder till ett klagomål eller ett överklagande
    .source = antagande: föräldrar överklagar eller klagar på en minoritet av de onödiga insatserna
param-consequences-complaint-delay-days = tid till klagomål
    .meaning = Genomsnittlig tid (exponentialfördelad) från en onödig insats till klagomålet
    .source = antagande: klagomål kommer inom några veckor till några månader
param-consequences-scandal-probability = risk att en allvarlig händelse blir ett mediedrev
    .meaning = Sannolikheten att en allvarlig händelse blir ett mediedrev
    .source = antagande: en minoritet av de allvarliga händelserna når medierna; ger omkring 2,3–2,5 mediedrev per år under kontrollstyrning
param-consequences-blame-shock = skuld efter en allvarlig händelse
    .meaning = Skuld som läggs på beslutsfattaren när en allvarlig händelse kommer fram, vid skuldbeläggande kultur 1 (ett klagomål ger den andel som anges för klagomål)
    .source = antagande: en allvarlig händelse väger under en tid ungefär lika tungt som en vanlig dags krav
param-consequences-blame-decay-days = tid för skulden att klinga av
    .meaning = Tidskonstant för hur skulden klingar av
    .source = antagande: skulden klingar av under ett par månader
param-consequences-approval-blame-share = godkännande chefs andel av skulden
    .meaning = Andel av skulden som bärs av den chef som godkände beslutet
    .source = antagande: en chef som godkänt beslutet delar skulden lika
param-consequences-inspection-hours-worker = handläggarens tid vid granskning
    .meaning = Handläggarens timmar för granskning och utredning efter en allvarlig händelse (IVO, domstol)
    .source = antagande: ett par dagar med yttranden och möten efter en allvarlig händelse
param-consequences-inspection-hours-manager = chefens tid vid granskning
    .meaning = Chefens timmar för granskning och utredning efter en allvarlig händelse
    .source = antagande: omkring tre dagar av chefens tid per granskning
param-consequences-complaint-blame-share = skuld efter ett klagomål
    .meaning = Skulden ett klagomål ger, som andel av skulden efter en allvarlig händelse
    .source = antagande: ett klagomål väger mycket lättare än en allvarlig händelse
param-consequences-complaint-hours = tid för att besvara ett klagomål
    .meaning = Handläggarens timmar för att besvara ett klagomål eller överklagande
    .source = antagande: en halv dag för att besvara ett klagomål

# Stress, utmattning och anspänning
param-stress-pressure-weight = arbetstryckets vikt i arbetskraven
    .meaning = Arbetstryckets vikt i arbetets krav
    .source = antagande: kravtermen hos Karasek 1979
param-stress-pressure-ceiling = arbetstryck där kraven inte längre känns tyngre
    .meaning = Arbetstryck över vilket kraven inte känns tyngre (en balans tio gånger den normala väger som tre gånger)
    .source = antagande: de upplevda kraven planar ut
param-stress-severity-weight = de allvarliga ärendenas vikt i arbetskraven
    .meaning = Vikten av den känslomässiga belastningen från öppna allvarliga ärenden i arbetets krav
    .source = antagande: den känslomässiga belastningen från allvarliga ärenden spelar roll, men mindre än arbetsmängden
param-stress-responsibility-weight = ansvarets vikt i arbetskraven
    .meaning = Vikten av att bära ansvaret för tunga beslut ensam
    .source = antagande: stress kring besluten pekades ut som en risk i Borlänge (Tillitsdelegationen 2017; Alexius & Sardiello 2018, i SOU 2018:38)
param-stress-responsibility-days = tid för ansvarsbördan att klinga av
    .meaning = Tidskonstant för hur ansvaret för tidigare beslut klingar av
    .source = antagande: ett svårt beslut tynger i ungefär en månad
param-stress-coaching-shares-responsibility = ansvar som delas i coachning
    .meaning = Andel av ansvarsbördan som handläggaren inte längre bär ensam vid full coachning (beslut som gås igenom i handledning)
    .source = antagande: delegerat ansvar måste följas av stöd (Tillitsdelegationen 2018, SOU 2018:47 avsnitt 5.4)
param-stress-control-buffer = hur mycket litet beslutsutrymme ökar anspänningen
    .meaning = Hur mycket litet beslutsutrymme förstärker anspänningen: faktor (1 + värdet × (1 − beslutsutrymmet))
    .source = antagande: krav–kontrollmodellen hos Karasek 1979
param-stress-support-buffer = hur mycket lite stöd ökar anspänningen
    .meaning = Hur mycket lite stöd förstärker anspänningen: faktor (1 + värdet × (1 − stödet)); tillsammans med faktorn för beslutsutrymme mer än additivt
    .source = Johnson & Hall 1988 (krav, kontroll och socialt stöd: hög anspänning med lite stöd); storleken är ett antagande
param-stress-admin-constraint = administrationens inskränkning av beslutsutrymmet
    .meaning = Hur mycket föreskriven administration (som andel av dagen) minskar beslutsutrymmet
    .source = antagande: regler minskar handlingsutrymmet (Munro 2011)
param-stress-team-support = stöd från arbetsgruppen
    .meaning = Stöd som en handläggare får från en stabil arbetsgrupp (minskar med den senaste personalomsättningen i enheten)
    .source = antagande: kollegerna står för ungefär hälften av det stöd en handläggare får
param-stress-coaching-reference-hours = coachning per vecka som ger fullt stöd (timmar)
    .meaning = Coachning per vecka som ger coachningens hela andel av stödet
    .source = antagande: en och en halv timme i veckan är generös handledning i svenskt socialt arbete
param-stress-rise-days = tid för stressen att byggas upp
    .meaning = Tidskonstant för hur stressen stiger mot anspänningen
    .source = antagande: stress byggs upp under ett par veckor
param-stress-recovery-days = tid för stressen att gå ned
    .meaning = Tidskonstant för hur stressen sjunker mot anspänningen under arbetsdagar
    .source = antagande: den sjunker långsammare än den stiger
param-stress-offday-recovery = återhämtning en ledig dag
    .meaning = Andel av stressen som går tillbaka en ledig dag
    .source = antagande: en helg tar bort en sjättedel av den samlade stressen
param-stress-exhaustion-threshold = stressnivå där utmattning byggs upp
    .meaning = Stressnivå över vilken utmattning byggs upp
    .source = antagande: Homer 1985, Maslach et al. 2001
param-stress-exhaustion-rate = hur snabbt utmattning byggs upp
    .meaning = Utmattning som tillkommer per dag och stressenhet över tröskeln
    .source = antagande: utmattning byggs upp under månader av hög stress, inte veckor
param-stress-exhaustion-recovery-days = tid för utmattningen att gå tillbaka
    .meaning = Tidskonstant för hur utmattningen går tillbaka
    .source = antagande: utmattningssyndrom varar i månader
param-stress-high-strain-threshold = gräns för hög anspänning
    .meaning = Anspänning från vilken en arbetsdag räknas som en dag med hög anspänning
    .source = antagande: 30 % över anspänningen vid normalt arbete under en neutral styrning

# Sjukfrånvaro
param-sickness-short-spells-per-year = korta sjukfall per år
    .meaning = Antal korta vardagliga sjukfall (förkylningar och liknande) per år
    .source = antagande: några korta sjukfall om året är vanligt
param-sickness-short-spell-mean-days = längd på ett kort sjukfall
    .meaning = Genomsnittlig längd på ett kort sjukfall (geometriskt fördelad)
    .source = antagande: förkylningar och liknande varar några dagar
param-sickness-long-spells-per-year = långa sjukfall per år vid vanlig stressnivå
    .meaning = Antal långa sjukfall per år vid stress 1 och ingen utmattning
    .source = antagande: kalibrerat till 10–14 nya långa sjukfall per 100 anställda och år (Försäkringskassan 2014)
param-sickness-stress-relative-risk = ökad risk för långt sjukfall per stressenhet
    .meaning = Faktor på risken för långt sjukfall per stressenhet
    .source = relativ risk 1,49–1,77 för hög anspänning och obalans mellan ansträngning och belöning (Rugulies et al. 2017; Duchaine et al. 2020)
param-sickness-exhaustion-relative-risk = ökad risk för långt sjukfall per utmattningsenhet
    .meaning = Faktor på risken för långt sjukfall per utmattningsenhet
    .source = antagande: utmattning höjer risken för sjukfrånvaro mer än stress ensam (hälsoförsämringsvägen hos Demerouti et al. 2001)
param-sickness-long-spell-mean-days = längd på ett långt sjukfall
    .meaning = Genomsnittlig längd på ett långt stressrelaterat sjukfall (över 14 dagar; lognormalfördelat därutöver, med den spridning som anges för långa sjukfall)
    .source = antagande: akuta stressreaktioner omkring en månad, utmattningssyndrom ofta över sex månader (en uppgift ur svensk sjukfrånvarostatistik vars publikation inte har spårats)
param-sickness-long-spell-log-sd = spridning i långa sjukfalls längd
    .meaning = Spridning i de långa sjukfallens längd (lognormalfördelad, på logaritmisk skala)
    .source = antagande: sjukfallens längd varierar från veckor till många månader
param-sickness-exhaustion-spell-days = längd på sjukfall vid utmattningssyndrom
    .meaning = Genomsnittlig längd på ett sjukfall som börjar med utmattning över 1 (utmattningssyndrom)
    .source = antagande: sjukfall vid utmattningssyndrom varar ofta över sex månader (en uppgift ur svensk sjukfrånvarostatistik vars publikation inte har spårats)
param-sickness-reassign-after-days = sjukfallslängd då brådskande ärenden lämnas över
    .meaning = Sjukfall minst så här långa lämnar över de ärenden som förfaller före återkomsten till kolleger (semester gör det alltid)
    .source = antagande: brådskande ärenden lämnas över när frånvaron passerar två veckors arbetsdagar
param-sickness-reassign-all-after-days = sjukfallslängd då alla ärenden lämnas över
    .meaning = Sjukfall längre än så här lämnar över alla handläggarens ärenden till kolleger
    .source = antagande: efter en månads frånvaro lämnas hela ärendemängden över

# Personalomsättning
param-turnover-quits-per-year = handläggarnas avgångsbenägenhet vid vanlig stressnivå (per år)
    .meaning = Risk att sluta vid stress 1, genomsnittligt stöd och full erfarenhet
    .source = antagande: kalibrerat till 20–35 % personalomsättning per år (SCB:s siffror i Akademikerförbundet SSR 2018)
param-turnover-stress-relative-risk = ökning av risken att sluta per stressenhet
    .meaning = Faktor på risken att sluta per stressenhet
    .source = antagande: stress höjer risken att sluta något mindre än risken för sjukfrånvaro
param-turnover-support-relative-risk = risk att sluta vid fullt stöd
    .meaning = Risken att sluta vid fullt stöd i förhållande till inget stöd
    .source = Tham 2007: stöd och uppskattning från ledningen förutsäger starkast avsikten att sluta; storleken är ett antagande
param-turnover-newcomer-factor = ökad risk att sluta de första åren
    .meaning = Faktor på risken att sluta under de första två åren
    .source = antagande: 48 % avser att sluta, de flesta nyanställda (Tham 2007)
param-turnover-notice-days = uppsägningstid
    .meaning = Uppsägningstid mellan beslutet att sluta och sista arbetsdagen
    .source = antagande: en månad (vanligt i kommunala avtal)
param-turnover-recruitment-days = tid en vakant tjänst står obesatt (dagar)
    .meaning = Tid en tjänst står vakant efter att handläggaren slutat
    .source = antagande: två till tre månader att tillsätta en tjänst
param-turnover-consultant-cover = vakanser som täcks av inhyrda konsulter
    .meaning = Andel av de vakanta tjänsterna som täcks av inhyrda konsulter så länge de står obesatta
    .source = antagande: ett valfritt styrmedel, avstängt som standard

# Enhetschefer
param-managers-hours-per-day = enhetschefens arbetstid per dag
    .meaning = Enhetschefens avtalade arbetstid en arbetsdag
    .source = antagande: heltid på 40 timmar i veckan
param-managers-overtime-max-share = chefens största övertid per dag
    .meaning = Mest övertid en chef gör en dag
    .source = antagande: chefer arbetar upp till två timmar extra om dagen
param-managers-allocation-hours = chefens tid för att fördela en anmälan
    .meaning = Chefens tid för att fördela en ny anmälan till en handläggare
    .source = antagande: en kvart för att läsa och fördela en anmälan
param-managers-recruitment-hours-per-week = chefens rekryteringstid per vakans och vecka
    .meaning = Chefens timmar per vakant tjänst och vecka
    .source = antagande: intervjuer och administration för varje vakant tjänst
param-managers-rehabilitation-hours = chefens tid per långt sjukfall
    .meaning = Chefens timmar per långt sjukfall (rehabilitering och återgång)
    .source = antagande: en dags möten och planering per långt sjukfall
param-managers-rehabilitation-hours-per-day = chefens största rehabiliteringsarbete per dag
    .meaning = Mest rehabiliteringsarbete en chef gör en dag (resten får vänta)
    .source = antagande: rehabiliteringsarbetet sprids ut över flera dagar
param-managers-quits-per-year = chefernas avgångsbenägenhet vid vanlig stressnivå
    .meaning = Chefens risk att sluta vid stress 1
    .source = antagande: chefer slutar något mer sällan än handläggare
param-managers-recruitment-days = tid en chefstjänst står obesatt
    .meaning = Tid en chefstjänst står vakant
    .source = antagande: fyra månader att tillsätta en chefstjänst
param-managers-acting-cover = tillförordnad chefs täckning
    .meaning = Andel av chefens timmar som en tillförordnad chef ger när chefen är frånvarande eller tjänsten vakant
    .source = antagande: en chef från en grannenhet täcker ungefär hälften av arbetet

# Kostnader
param-costs-worker-salary-ksek-month = handläggarens månadslön
    .meaning = Månadslön för en handläggare
    .source = antagande: nära medianen för socialsekreterare på 2020-talet
param-costs-manager-salary-ksek-month = enhetschefens månadslön
    .meaning = Månadslön för en enhetschef
    .source = antagande: enhetschefer tjänar ungefär en tredjedel mer än handläggare
param-costs-payroll-overhead = personalomkostnadspålägg (PO-pålägg)
    .meaning = Arbetsgivaravgifter och pension utöver lönen
    .source = antagande: svenska arbetsgivaravgifter (omkring 31 %) plus tjänstepension
param-costs-overtime-premium = övertidsersättning
    .meaning = Lön per övertidstimme i förhållande till en vanlig timme
    .source = antagande: vanlig övertidsersättning i kommunala avtal
param-costs-consultant-premium = konsultkostnad
    .meaning = Kostnaden för en konsult i förhållande till en anställd handläggare
    .source = antagande: inhyrda konsulter kostar ungefär dubbelt så mycket som en anställd
param-costs-recruitment-ksek = kostnad per rekrytering
    .meaning = Kostnaden för en rekrytering (rekrytering, introduktion, förlorad produktion)
    .source = Akademikerförbundet SSR 2017: omkring 7 000 rekryteringar på två år kostade minst 2,5 miljarder kronor
param-costs-sick-pay-share = sjuklönens andel av lönen
    .meaning = Andel av lönen som arbetsgivaren betalar sjukdag 2–14 (därefter en tiondel)
    .source = antagande: de svenska reglerna om sjuklön, förenklade

# Barn som behöver flera verksamheter (Faluns samverkan, mekanism 11)
param-pathway-cross-agency-share = anmälda barn som behöver flera verksamheter
    .meaning = Andel av orosanmälningarna som gäller barn som också behöver hjälp från elevhälsan, samtalsmottagningen eller barn- och ungdomspsykiatrin
    .source = antagande: en minoritet av de anmälda barnen, de som har behov kring hälsa eller skola utöver familjesituationen
param-pathway-school-concerns-per-position-year = barn vars oro väcks i skolan, per tjänst och år
    .meaning = Barn vars oro väcks i skolan och som behöver en annan verksamhet men ingen orosanmälan till socialtjänsten, per handläggartjänst i socialtjänsten och år
    .source = antagande: skalar samverkan med förvaltningens storlek; skolan väcker den mesta oron kring barn
param-pathway-need-school-health = behov av elevhälsan
    .meaning = Sannolikheten att ett barn som behöver flera verksamheter behöver hjälp från elevhälsan
    .source = antagande: elevhälsan är första linjen för de flesta barn vars oro syns i skolan
param-pathway-need-counselling = behov av samtalsmottagningen
    .meaning = Sannolikheten att ett barn som behöver flera verksamheter behöver hjälp från samtalsmottagningen (första linjens psykiatri)
    .source = antagande: omkring hälften behöver samtalsbehandling i första linjen
param-pathway-need-bup = behov av BUP
    .meaning = Sannolikheten att ett barn som behöver flera verksamheter behöver hjälp från barn- och ungdomspsykiatrin (BUP); ett barn som lottas utan något behov alls behöver samtalsmottagningen
    .source = antagande: en mindre andel behöver specialistpsykiatri
param-pathway-school-health-fte-per-100-positions = elevhälsans bemanning för barnen
    .meaning = Elevhälsans personaltid för dessa barn, i årsarbetare per 100 handläggartjänster i socialtjänsten
    .source = antagande: dimensionerat så att elevhälsan är belagd till ungefär två tredjedelar när verksamheterna arbetar var för sig
param-pathway-counselling-fte-per-100-positions = samtalsmottagningens bemanning för barnen
    .meaning = Samtalsmottagningens personaltid för dessa barn, i årsarbetare per 100 handläggartjänster i socialtjänsten
    .source = antagande: dimensionerat så att samtalsmottagningen är belagd till ungefär två tredjedelar när verksamheterna arbetar var för sig
param-pathway-bup-fte-per-100-positions = BUP:s bemanning för barnen
    .meaning = Barn- och ungdomspsykiatrins personaltid för dessa barn, i årsarbetare per 100 handläggartjänster i socialtjänsten
    .source = antagande: dimensionerat så att BUP är belagd till ungefär två tredjedelar när verksamheterna arbetar var för sig
param-pathway-agency-availability = verksamheternas tillgängliga tid
    .meaning = Andel av en årsarbetares avtalade vardagstimmar som finns för dessa barn (resten är semester, sjukfrånvaro och andra uppgifter)
    .source = antagande: fem veckors semester och en del sjukfrånvaro och möten
param-pathway-school-health-intake-hours = elevhälsans eget mottagande
    .meaning = Elevhälsans eget mottagande av ett barn: höra berättelsen, kartlägga behoven och dokumentera det
    .source = antagande: ett möte med skolsköterska eller kurator, och anteckningar
param-pathway-counselling-intake-hours = samtalsmottagningens mottagande
    .meaning = Samtalsmottagningens eget mottagande av ett remitterat barn
    .source = antagande: ett bedömningsbesök och anteckningar
param-pathway-bup-intake-hours = BUP:s mottagande
    .meaning = Barn- och ungdomspsykiatrins eget mottagande av ett remitterat barn (en specialistbedömning)
    .source = antagande: specialistbedömningar tar flera besök
param-pathway-school-health-help-hours = elevhälsans hjälp per barn
    .meaning = Genomsnittliga personaltimmar av hjälp som ett barn får från elevhälsan
    .source = antagande: en handfull stödsamtal
param-pathway-counselling-help-hours = samtalsmottagningens hjälp per barn
    .meaning = Genomsnittliga personaltimmar av hjälp som ett barn får från samtalsmottagningen
    .source = antagande: en kort samtalsbehandling
param-pathway-bup-help-hours = BUP:s hjälp per barn
    .meaning = Genomsnittliga personaltimmar av hjälp som ett barn får från barn- och ungdomspsykiatrin
    .source = antagande: en längre specialistbehandling
param-pathway-help-hours-cv = variation i hjälpens omfattning
    .meaning = Variationskoefficient för ett barns hjälptimmar i varje verksamhet (gammafördelad, medelvärden enligt ovan)
    .source = antagande: barn skiljer sig i hur mycket hjälp de behöver, liksom ärenden gör (variation i ärendenas arbetsmängd)
param-pathway-session-hours-per-week = hjälp per barn och vecka
    .meaning = Personaltimmar av hjälp som ett barn får per vecka under hjälpen i en verksamhet (bestämmer hur länge hjälpen varar)
    .source = antagande: ungefär ett samtal i veckan med förberedelser
param-pathway-intake-documentation-share = dokumentationens andel av mottagandet
    .meaning = Andel av mottagandets timmar som går till dokumentation
    .source = antagande: mottagandet kräver mycket dokumentation (varje verksamhet för sin egen journal)
param-pathway-help-documentation-share = dokumentationens andel av hjälpen
    .meaning = Andel av hjälpens timmar som går till dokumentation
    .source = antagande: anteckningar efter varje samtal
param-pathway-referral-hours = tid för att skriva en remiss
    .meaning = Dokumentationstimmar för att skriva en remiss, som den skickande verksamheten lägger varje gång remissen skickas
    .source = antagande: en skriftlig remiss med en sammanfattning av ärendet
param-pathway-referral-delay-days = handläggningstid för en remiss
    .meaning = Kalenderdagar från att en remiss skickas tills den mottagande verksamheten har tagit emot den eller skickat tillbaka den
    .source = antagande: remisser läses och prioriteras ungefär en gång i veckan, plus post och registrering
param-pathway-bounce-probability = risk att en remiss returneras
    .meaning = Sannolikheten att en remiss skickas tillbaka (fel verksamhet, för lite information) och måste skickas igen
    .source = antagande: i Falun skickades barn fram och tillbaka mellan verksamheterna (Loman 2018)
param-pathway-consent-probability = sannolikhet att föräldrarna samtycker
    .meaning = Sannolikheten att föräldrarna samtycker till att information delas med ett gemensamt team; utan samtycke går barnet vägen mellan verksamheterna var för sig
    .source = antagande: de flesta föräldrar samtycker när de erbjuds ett team; ingen siffra från Falun
param-pathway-team-meeting-hours = tid per teammöte och verksamhet
    .meaning = Timmar som varje deltagande verksamhet lägger på ett barns gemensamma teammöte (elevhälsan håller i varje möte; socialtjänsten deltar för barn som den har en anmälan om)
    .source = antagande: ett möte på en timme med förberedelser
param-pathway-team-meeting-interval-days = tid mellan teammötena
    .meaning = Det gemensamma teamet träffas med så här många dagars mellanrum
    .source = antagande: ett team på skolan som träffas varje vecka
param-pathway-team-meeting-notice-days = kortaste tid till teammötet
    .meaning = Kortaste antal kalenderdagar från oron till det gemensamma mötet (för att bjuda in föräldrar och verksamheter)
    .source = antagande: ett möte inom några dagar; i Falun kallas teamet till skolan där ett barn behöver hjälp (Loman 2018), men ingen tid anges
param-pathway-record-hours = egen journalföring efter teammöte
    .meaning = Dokumentationstimmar som varje verksamhet ändå lägger på sin egen journal om ett barn efter ett gemensamt möte (den slipper sitt eget mottagande)
    .source = antagande: varje verksamhet för sin egen journal enligt lag, men utifrån en gemensam kartläggning
param-pathway-mapping-reuse-share = återanvänd gemensam kartläggning
    .meaning = Andel av de anmälda barnen i det gemensamma teamet vars förhandsbedömning i socialtjänsten bygger på teamets gemensamma kartläggning, så att barnet inte behöver berätta sin historia för socialtjänsten igen (de övriga hörs på nytt, till exempel när oron kräver att socialtjänsten själv hör barnet)
    .source = antagande: ingen siffra från Falun; mitt emellan aldrig (socialtjänsten hör alltid barnet själv) och alltid (löftet att ett barn berättar sin historia en gång)
param-pathway-named-person-hours-per-week = trygghetspersonens tid per barn och vecka
    .meaning = Tid som trygghetspersonen lägger per barn och vecka så länge barnet är i samverkan (trygghetspersonens egen tid, utanför de tre verksamheternas personal)
    .source = antagande: en kort kontakt med föräldrarna varje vecka
param-pathway-patience-days = familjernas tålamod
    .meaning = Genomsnittligt antal dagar en familj väntar på hjälp innan den ger upp den hjälp som ännu inte har börjat (exponentialfördelat)
    .source = antagande: familjer drar sig ur efter månader av väntan och hänvisningar vidare
param-pathway-named-person-dropout-factor = trygghetspersonens effekt på avhopp
    .meaning = Hur mycket en trygghetsperson bromsar att en familj ger upp (multiplicerar den takt i vilken väntan nöter ned tålamodet)
    .source = antagande: en känd kontaktperson håller kvar familjerna (GIRFEC:s utsedda kontaktperson för barnet, Stradling et al. 2009)
param-pathway-named-person-bounce-factor = trygghetspersonens effekt på returnerade remisser
    .meaning = Hur mycket en trygghetsperson minskar risken att en remiss returneras (hon eller han följer upp remissen och kompletterar det som saknas)
    .source = antagande: en samordnare som känner verksamheterna skickar färre remisser till fel mottagare

## Grundinställningar (styrpaket)
preset-control = kontroll
preset-trust = tillit
preset-trust-without-support = tillit utan stöd
preset-hybrid = hybrid

## Enheter för modellens parametrar
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

## Enheter för utfall: nivån, och .difference för en skillnad
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

## Diagram, händelser och utskrift

# Inledning till diagrammen över utfall, med hänvisning till figuren över parvisa skillnader.
outcomes-intro-figure = Varje punkt är medelvärdet över de simulerade körningarna och strecket runt den 95 % intervallet för medelvärdet. Där två alternativs streck överlappar mycket, titta på den parvisa skillnaden i figur { $n } innan du drar slutsatser. Andelar och frekvenser ritas på en axel som börjar på noll.

# Inledning till diagrammen över utfall när det inte finns någon figur över skillnader.
outcomes-intro-plain = Varje punkt är medelvärdet över de simulerade körningarna och strecket runt den 95 % intervallet för medelvärdet. Andelar och frekvenser ritas på en axel som börjar på noll.

# Vilka serier som utjämnas, under rubriken för tidsserierna.
series-smoothed-note = { $list } svänger från månad till månad och ritas därför som rullande 12-månadersmedelvärden: varje punkt är medelvärdet av de 12 månaderna fram till den, och bandet medelvärdet av de månadernas 95 % intervall. Linjerna börjar efter de första 12 månaderna.

# Bildtext till en utjämnad tidsserie.
series-caption-smoothed = { $metric } ({ $unit }), rullande 12-månadersmedelvärde med band per alternativ.

# Bildtext till tabellen över medelvärden efter bytet.
post-switch-caption = { $arm } efter ”{ $label }”: medelvärden av månadsvärdena över hela utfallsperioden (efter { $from }) och över månaderna efter bytet (efter { $switch }), för varje alternativ.

# Medelvärdena efter bytet, i texten.
post-switch-text = Tabellen nedan visar, ur månadsserierna, vad medelvärdena blir när bara månaderna efter bytet räknas. De har inget eget intervall: läs dem tillsammans med 95 %-banden i diagrammen över tid.

# Kolumnrubrik: hela perioden.
window-column = { $arm }, hela perioden

# Kolumnrubrik: efter bytet.
after-switch-column = { $arm }, efter bytet

# Kolumnrubrik: serien.
series-column = Månadsserie

# Antagandena: vad den första tabellen innehåller.
changed-intro = Tabellen visar de parametrar som scenariot ger andra värden än tillits standardvärden, var och en markerad ● och med standardvärdet bredvid. Alla andra parametrar har sina standardvärden och listas i bilagan i slutet.

# Antagandena när ingen parameter är ändrad.
none-changed = Scenariot behåller tillits standardvärden för alla parametrar utom styrmedlen; de listas i bilagan i slutet.

# Kolumnrubrik: registrets standardvärde.
default-column = Standardvärde

# Markerar ett värde som ändrats från standardvärdet.
changed-mark = ändrat från standardvärdet

# Rubrik för bilagan med parametrar som har standardvärden.
appendix-heading = Bilaga: parametrar med standardvärden

# Inledning till bilagan.
appendix-intro = De { $n } parametrar som scenariot lämnar vid standardvärdena i tillit { $version }. På papper visas bara namn, värde och enhet; rapporten på skärmen visar också nyckeln, betydelsen och källan.

# Kolumnrubrik: en faktors rang (delad inom en grupp).
rank-column = Rang

# Vad en delad rang betyder.
rank-note = Parametrar vars 95 %-intervall överlappar det första i gruppens intervall delar rang (till exempel 1–3): deras inbördes ordning är osäker.

# Under tabellen över styrmedel: vad markeringen betyder.
levers-changed-note = Värden markerade ● skiljer sig från tillits standardvärden (kontrollstyrningen).
