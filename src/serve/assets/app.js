// tillit serve: the teaching view. Plain JavaScript, no library, nothing
// fetched from outside this server.
"use strict";

const TEXT = {
  en: {
    title: "tillit: the steering chain, live",
    large: "Large type", lessons: "Lessons", setup: "Scenario", scenario: "Scenario",
    arm_a: "Regime A", arm_b: "Regime B", side: "Side by side", seed: "Seed", reset: "Reset",
    controls: "Controls", play: "Play", pause: "Pause", step_day: "+1 day", step_week: "+1 week",
    step_month: "+1 month", speed: "Speed", days_per_second: "days/second", month: "Month",
    year: "year", day: "day",
    keys: "Keys: Space play/pause · W week · M month · R reset · L language · + and − speed",
    levers: "Levers (from the next day)", apply_to: "Apply to", both: "both", events: "Events",
    ev_scandal: "Scandal in the media", ev_surge: "Demand surge (+25%)", ev_trust: "Reform: trust",
    ev_control: "Back to control", department: "The department", charts: "Month by month",
    loops: "The feedback loops",
    footer: "Every number comes from the same engine as tillit run: the same scenario and seed give the same months.",
    unit: "Unit", manager: "manager", open_cases: "open cases", overdue: "overdue investigations",
    waiting: "children waiting (other agencies)", unallocated: "waiting for a worker",
    doc: "documentation", scandals: "scandals", approvals: "awaiting approval",
    working: "at work (colour: stress)", sick: "sick leave", vacation: "vacation",
    vacant: "vacant", consultant: "consultant", low: "low stress", high: "high stress",
    difference: "difference B − A", finished: "The run has reached its end: reset to start again.",
    lever_set: "Set {lever} = {value} from the next day.", event_done: "Event: {event}.",
    lever_documentation_intensity: "Documentation intensity",
    lever_decision_latitude: "Decision latitude",
    lever_coaching_hours: "Coaching hours a week",
    lever_approval_threshold: "Approval threshold (1: none)",
    lever_caseload_cap: "Caseload cap (0: none)",
    lever_blame_culture: "Blame culture",
    lever_integrated_team: "One team around the child",
    lever_named_person: "Named person",
    m_stress: "Stress of case workers", m_sick: "Sick leave (share of days)",
    m_turnover: "Turnover (share a year)", m_open: "Open cases",
    m_overdue: "Investigations over 4 months (share)", m_doc: "Documentation intensity",
    m_time: "Time use: direct (solid), documentation (dashed), administration (dotted)",
    m_waiting: "Children waiting for first help",
    loop_burnout: "Burnout spiral",
    loop_burnout_text: "Too many cases raise stress; stressed staff fall sick or quit; the cases of those who are away go to those who remain, whose stress rises further.",
    loop_burnout_where: "Watch: red tiles, crosses and empty tiles in one unit; the stress and sick-leave charts.",
    loop_control: "Control spiral",
    loop_control_text: "A scandal or missed targets add rules and documentation; documentation takes time from children; rushed work makes more errors, which make more scandals and more rules.",
    loop_control_where: "Watch: documentation intensity climbs in steps after each scandal; direct time falls.",
    loop_corners: "Cutting corners",
    loop_corners_text: "Under pressure, case workers cut the time each case gets; the standard of what is normal erodes; errors surface months later as complaints and serious events.",
    loop_corners_where: "Watch: overdue investigations and open cases; scandals months later.",
    loop_silos: "Silos",
    loop_silos_text: "A child who needs several agencies is sent from one to the next, tells the story again at each, and waits at each; some families give up. One team around the child maps the needs once.",
    loop_silos_where: "Watch: children waiting; switch on \u201cone team around the child\u201d and the named person.",
    active: "active now",
  },
  sv: {
    title: "tillit: styrkedjan, levande",
    large: "Stor text", lessons: "Lektioner", setup: "Scenario", scenario: "Scenario",
    arm_a: "Styrning A", arm_b: "Styrning B", side: "Sida vid sida", seed: "Frö", reset: "Börja om",
    controls: "Reglage", play: "Spela", pause: "Pausa", step_day: "+1 dag", step_week: "+1 vecka",
    step_month: "+1 månad", speed: "Fart", days_per_second: "dagar/sekund", month: "Månad",
    year: "år", day: "dag",
    keys: "Tangenter: mellanslag spela/pausa · W vecka · M månad · R börja om · L språk · + och − fart",
    levers: "Spakar (från nästa dag)", apply_to: "Gäller", both: "båda", events: "Händelser",
    ev_scandal: "Skandal i medierna", ev_surge: "Fler anmälningar (+25 %)", ev_trust: "Reform: tillit",
    ev_control: "Tillbaka till kontroll", department: "Förvaltningen", charts: "Månad för månad",
    loops: "Återkopplingarna",
    footer: "Varje siffra kommer från samma motor som tillit run: samma scenario och frö ger samma månader.",
    unit: "Enhet", manager: "chef", open_cases: "öppna ärenden", overdue: "försenade utredningar",
    waiting: "barn som väntar (andra huvudmän)", unallocated: "väntar på handläggare",
    doc: "dokumentation", scandals: "skandaler", approvals: "väntar på beslut",
    working: "i arbete (färg: stress)", sick: "sjukskriven", vacation: "semester",
    vacant: "vakant", consultant: "konsult", low: "låg stress", high: "hög stress",
    difference: "skillnad B − A", finished: "Körningen är slut: börja om för att köra igen.",
    lever_set: "{lever} = {value} från nästa dag.", event_done: "Händelse: {event}.",
    lever_documentation_intensity: "Dokumentationskrav",
    lever_decision_latitude: "Beslutsutrymme",
    lever_coaching_hours: "Handledning, timmar i veckan",
    lever_approval_threshold: "Beslutströskel för chef (1: ingen)",
    lever_caseload_cap: "Tak för antal ärenden (0: inget)",
    lever_blame_culture: "Skuldkultur",
    lever_integrated_team: "Ett team runt barnet",
    lever_named_person: "Trygghetsperson",
    m_stress: "Handläggarnas stress", m_sick: "Sjukfrånvaro (andel dagar)",
    m_turnover: "Personalomsättning (andel per år)", m_open: "Öppna ärenden",
    m_overdue: "Utredningar över 4 månader (andel)", m_doc: "Dokumentationskrav",
    m_time: "Tid: direkt (heldragen), dokumentation (streckad), administration (prickad)",
    m_waiting: "Barn som väntar på första insats",
    loop_burnout: "Utbrändhetsspiralen",
    loop_burnout_text: "För många ärenden höjer stressen; stressade handläggare blir sjuka eller slutar; de frånvarandes ärenden går till dem som är kvar, vars stress stiger ännu mer.",
    loop_burnout_where: "Se: röda rutor, kryss och tomma rutor i en enhet; diagrammen för stress och sjukfrånvaro.",
    loop_control: "Kontrollspiralen",
    loop_control_text: "En skandal eller missade mål ger fler regler och mer dokumentation; dokumentationen tar tid från barnen; stressat arbete ger fler fel, som ger fler skandaler och fler regler.",
    loop_control_where: "Se: dokumentationskravet stiger i trappsteg efter varje skandal; den direkta tiden sjunker.",
    loop_corners: "Att gena",
    loop_corners_text: "Under tryck ger handläggarna varje ärende mindre tid; normen för vad som är normalt nöts ner; felen syns månader senare som klagomål och allvarliga händelser.",
    loop_corners_where: "Se: försenade utredningar och öppna ärenden; skandaler månader senare.",
    loop_silos: "Stuprör",
    loop_silos_text: "Ett barn som behöver flera huvudmän skickas från den ena till den andra, berättar sin historia igen hos var och en och väntar hos var och en; en del familjer ger upp. Ett team runt barnet kartlägger behoven en gång.",
    loop_silos_where: "Se: barn som väntar; slå på \u201cett team runt barnet\u201d och trygghetspersonen.",
    active: "verksam nu",
  },
};

const EVENT_KEYS = { scandal: "ev_scandal", demand_surge: "ev_surge", reform_trust: "ev_trust", reform_control: "ev_control" };
const CHARTS = [
  { key: "m_stress", metrics: ["mean_stress"], loop: "burnout" },
  { key: "m_sick", metrics: ["sick_leave_share"], loop: "burnout" },
  { key: "m_turnover", metrics: ["worker_turnover"], loop: "burnout" },
  { key: "m_open", metrics: ["open_cases"], loop: "corners" },
  { key: "m_overdue", metrics: ["investigations_overdue_share"], loop: "corners" },
  { key: "m_doc", metrics: ["documentation_intensity"], loop: "control" },
  { key: "m_time", metrics: ["time_direct_share", "time_documentation_share", "time_admin_share"], loop: "control" },
  { key: "m_waiting", metrics: ["children_waiting"], loop: "silos" },
];
const LOOPS = ["burnout", "control", "corners", "silos"];
const DASHES = ["", "6 4", "2 3"];
const SVGNS = "http://www.w3.org/2000/svg";

const app = {
  lang: "en",
  catalogue: null,
  session: null,
  state: null,
  source: null,
  metricIndex: {},
  openLoops: new Set(),
};

function t(key) {
  const table = TEXT[app.lang];
  return table[key] !== undefined ? table[key] : key;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, k) => (values[k] !== undefined ? String(values[k]) : ""));
}

function $(id) {
  return document.getElementById(id);
}

function el(tag, attrs, text) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVGNS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function say(message) {
  $("message").textContent = message;
}

async function api(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 204) return null;
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

function applyTexts() {
  document.documentElement.lang = app.lang;
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  $("lang").textContent = app.lang === "en" ? "Svenska" : "English";
  $("play").textContent = app.state && app.state.playing ? t("pause") : t("play");
  renderLevers();
  renderLoops();
  if (app.state) render(app.state);
}

// ---- Setup -----------------------------------------------------------------

function currentScenario() {
  return app.catalogue.scenarios.find((s) => s.id === $("scenario").value) || app.catalogue.scenarios[0];
}

function fillArms() {
  const s = currentScenario();
  for (const id of ["arm-a", "arm-b"]) {
    const select = $(id);
    select.replaceChildren();
    s.arms.forEach((arm, i) => select.append(el("option", { value: String(i) }, arm.name)));
  }
  $("arm-a").value = "0";
  $("arm-b").value = s.arms.length > 1 && !s.arms[1].name.startsWith("preset:") ? "1" : String(Math.min(1, s.arms.length - 1));
  $("seed").value = s.seed;
  $("scenario-desc").textContent = s.description;
}

function sideBySide() {
  return $("side").checked;
}

async function reset() {
  const arms = [Number($("arm-a").value)];
  if (sideBySide()) arms.push(Number($("arm-b").value));
  const body = { scenario: $("scenario").value, arms };
  const seed = $("seed").value.trim();
  if (seed !== "") body.seed = seed;
  try {
    if (app.source) app.source.close();
    if (app.session) await api("DELETE", "/api/sessions/" + app.session).catch(() => null);
    const state = await api("POST", "/api/sessions", body);
    app.session = state.id;
    say("");
    render(state);
    listen();
  } catch (e) {
    say(e.message);
  }
}

function listen() {
  const source = new EventSource("/api/sessions/" + app.session + "/stream");
  source.addEventListener("state", (ev) => {
    const state = JSON.parse(ev.data);
    if (state.id === app.session) render(state);
  });
  source.onerror = () => {
    // The server closes the stream when it stops; do not retry forever.
    source.close();
  };
  app.source = source;
}

async function act(path, body) {
  if (!app.session) return null;
  try {
    const state = await api("POST", "/api/sessions/" + app.session + path, body);
    render(state);
    return state;
  } catch (e) {
    say(e.message);
    return null;
  }
}

async function togglePlay() {
  const playing = !(app.state && app.state.playing);
  if (playing && app.state && app.state.arms.every((a) => a.snapshot.finished)) {
    say(t("finished"));
    return;
  }
  await act("/play", { playing, speed: Number($("speed").value) });
}

async function step(days) {
  if (app.state && app.state.arms.every((a) => a.snapshot.finished)) {
    say(t("finished"));
    return;
  }
  await act("/step", { days });
}

// First day of month m: months are twelfths of the 365-day year, as in the engine.
function monthStart(m) {
  return Math.ceil((m * 365) / 12);
}

// Runs to the end of the current month.
function stepMonth() {
  const snap = app.state && app.state.arms[0].snapshot;
  if (!snap) return Promise.resolve();
  return step(Math.max(1, monthStart(snap.months + 1) - snap.day));
}

function target() {
  const v = $("target").value;
  return v === "all" || !sideBySide() ? undefined : Number(v);
}

// ---- Levers ------------------------------------------------------------------

function leverSpec(name) {
  return app.catalogue.levers.find((l) => l.name === name);
}

function renderLevers() {
  if (!app.catalogue) return;
  const box = $("levers");
  const focused = document.activeElement && document.activeElement.id;
  box.replaceChildren();
  for (const spec of app.catalogue.levers.filter((l) => l.on_page)) {
    const div = el("div", { class: "lever" });
    const id = "lever-" + spec.name;
    const label = el("label", { for: id });
    label.append(el("span", {}, t("lever_" + spec.name) + ": "), el("span", { class: "val", id: id + "-val" }));
    let input;
    if (spec.kind === "switch") {
      input = el("input", { type: "checkbox", id, "data-lever": spec.name });
      input.addEventListener("change", () => setLever(spec.name, input.checked));
      div.append(input, label);
    } else {
      const max = spec.name === "caseload_cap" ? 60 : spec.name === "documentation_intensity" ? 3 : spec.name === "coaching_hours" ? 4 : spec.max;
      const stepSize = spec.kind === "integer" ? 1 : (max - spec.min) / 40;
      input = el("input", { type: "range", id, min: String(spec.min), max: String(max), step: String(stepSize), "data-lever": spec.name });
      input.addEventListener("input", () => showLeverValue(spec.name, Number(input.value)));
      input.addEventListener("change", () => setLever(spec.name, roundLever(spec, Number(input.value))));
      div.append(label, input);
    }
    if (spec.kind !== "switch") div.append(el("small", {}, spec.unit));
    box.append(div);
  }
  if (focused && $(focused)) $(focused).focus();
  if (app.state) syncLevers(app.state);
}

function roundLever(spec, v) {
  return spec.kind === "integer" ? Math.round(v) : Math.round(v * 1000) / 1000;
}

function showLeverValue(name, v) {
  const out = $("lever-" + name + "-val");
  if (out) out.textContent = typeof v === "boolean" ? "" : formatNumber(v);
}

function syncLevers(state) {
  const a = target() === 1 && state.arms[1] ? state.arms[1] : state.arms[0];
  for (const spec of app.catalogue.levers.filter((l) => l.on_page)) {
    const input = $("lever-" + spec.name);
    if (!input || document.activeElement === input) continue;
    const v = a.snapshot.steering[spec.name];
    if (spec.kind === "switch") input.checked = Boolean(v);
    else {
      input.value = String(v);
      showLeverValue(spec.name, Number(v));
    }
  }
}

async function setLever(name, value) {
  const body = { levers: { [name]: value } };
  const arm = target();
  if (arm !== undefined) body.arm = arm;
  const state = await act("/levers", body);
  if (state) say(fill(t("lever_set"), { lever: t("lever_" + name), value: typeof value === "boolean" ? String(value) : formatNumber(value) }));
}

async function fireEvent(event) {
  const body = { event };
  const arm = target();
  if (arm !== undefined) body.arm = arm;
  const state = await act("/events", body);
  if (state) say(fill(t("event_done"), { event: t(EVENT_KEYS[event]) }));
}

// ---- Drawing -----------------------------------------------------------------

function formatNumber(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return "–";
  const abs = Math.abs(v);
  const s = abs >= 100 ? v.toFixed(0) : abs >= 10 ? v.toFixed(1) : v.toFixed(2);
  return app.lang === "sv" ? s.replace(".", ",").replace("-", "\u2212") : s;
}

// Stress 0.5 (rested) to 2.5 (far past nominal) from green through yellow to red.
function stressColour(stress) {
  const x = Math.max(0, Math.min(1, (stress - 0.6) / 1.6));
  const hue = 120 - 120 * x;
  return `hsl(${hue.toFixed(0)}, 70%, ${(78 - 28 * x).toFixed(0)}%)`;
}

// A loop's explanation where it shows; stays open across redraws.
function explain(loop) {
  const details = el("details", { class: "explain", "data-loop": loop });
  if (app.openLoops.has(loop)) details.open = true;
  details.addEventListener("toggle", () => {
    if (details.open) app.openLoops.add(loop);
    else app.openLoops.delete(loop);
  });
  details.append(el("summary", {}, "\u21bb " + t("loop_" + loop)), el("p", {}, t("loop_" + loop + "_text")));
  return details;
}

function drawDepartment(arm, cls) {
  const snap = arm.snapshot;
  const box = el("div", { class: "arm " + cls, "data-arm": cls });
  box.append(el("h3", {}, (cls === "a" ? "A: " : "B: ") + arm.name));
  const facts = el("div", { class: "facts" });
  const open = snap.units.reduce((n, u) => n + u.open_cases, 0);
  const overdue = snap.units.reduce((n, u) => n + u.overdue_investigations, 0);
  facts.append(
    el("span", {}, `${t("open_cases")}: ${open}`),
    el("span", {}, `${t("overdue")}: ${overdue}`),
    el("span", {}, `${t("doc")}: ${formatNumber(snap.documentation_intensity)}`),
    el("span", {}, `${t("scandals")}: ${snap.scandals}`),
    el("span", { class: "waiting" }, `${t("waiting")}: ${snap.children_waiting}`),
  );
  box.append(facts);
  const perRow = Math.max(...snap.units.map((u) => u.positions.length), 1);
  const tile = 16;
  const left = 70;
  const width = left + perRow * (tile + 2) + 150;
  const rowH = tile + 10;
  const height = snap.units.length * rowH + 6;
  const svg = el("svg:svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `${t("department")} ${arm.name}` });
  snap.units.forEach((unit, u) => {
    const y = 3 + u * rowH;
    const m = unit.manager;
    const g = el("svg:g", { class: "unit" });
    g.append(el("svg:text", { x: 0, y: y + tile - 3, "font-size": 11 }, `${t("unit")} ${u + 1}`));
    const mc = el("svg:circle", { cx: left - 12, cy: y + tile / 2, r: tile / 2 - 1, fill: m.state === "vacant" ? "#fff" : stressColour(m.stress), stroke: "#333", "stroke-dasharray": m.state === "vacant" ? "2 2" : "" });
    mc.append(el("svg:title", {}, `${t("manager")}: ${t(m.state)}, ${formatNumber(m.stress)}; ${t("approvals")}: ${m.approvals_waiting}`));
    g.append(mc);
    if (m.state === "sick") g.append(el("svg:text", { x: left - 16, y: y + tile - 4, "font-size": 11 }, "✕"));
    unit.positions.forEach((p, i) => {
      const x = left + i * (tile + 2);
      const r = el("svg:rect", { x, y, width: tile, height: tile, rx: 2, class: "tile " + p.state, "data-state": p.state });
      let fill = "#fff";
      let stroke = "#666";
      let dash = "";
      if (p.state === "working" || p.state === "sick" || p.state === "vacation") fill = stressColour(p.stress);
      if (p.state === "vacant") dash = "2 2";
      if (p.state === "consultant") fill = "#d9d2e9";
      r.setAttribute("fill", fill);
      r.setAttribute("stroke", stroke);
      if (dash) r.setAttribute("stroke-dasharray", dash);
      r.append(el("svg:title", {}, `${t(p.state)}; stress ${formatNumber(p.stress)}; ${p.cases} ${t("open_cases")}`));
      g.append(r);
      const mark = { sick: "✕", vacation: "S", consultant: "K" }[p.state];
      if (mark) g.append(el("svg:text", { x: x + 4, y: y + tile - 4, "font-size": 11, "pointer-events": "none" }, mark === "S" && app.lang === "en" ? "V" : mark === "K" && app.lang === "en" ? "C" : mark));
    });
    const bx = left + perRow * (tile + 2) + 8;
    g.append(el("svg:text", { x: bx, y: y + tile - 3, "font-size": 11 }, `${unit.open_cases} / ${unit.overdue_investigations}`));
    const barW = Math.min(90, unit.unallocated);
    g.append(el("svg:rect", { x: bx + 50, y: y + 3, width: barW, height: tile - 6, fill: "#999" }));
    svg.append(g);
  });
  box.append(svg);
  const legend = el("div", { class: "legend" });
  legend.append(
    el("span", { class: "sw-low" }, t("low")),
    el("span", { class: "sw-high" }, t("high")),
    el("span", {}, "✕ " + t("sick")),
    el("span", {}, (app.lang === "en" ? "V " : "S ") + t("vacation")),
    el("span", { class: "sw-vacant" }, t("vacant")),
    el("span", { class: "sw-consultant" }, (app.lang === "en" ? "C " : "K ") + t("consultant")),
    el("span", { class: "sw-queue" }, t("unallocated")),
    el("span", {}, `n / m: ${t("open_cases")} / ${t("overdue")}`),
  );
  box.append(legend);
  box.append(explain("burnout"));
  if (snap.children_waiting > 0) box.append(explain("silos"));
  return box;
}

function seriesOf(arm, metric) {
  const i = app.metricIndex[metric];
  return arm.series.map((row) => (row[i] === null ? NaN : row[i]));
}

function drawChart(spec, arms) {
  const box = el("figure", { class: "chart", "data-chart": spec.metrics[0] });
  box.append(el("h3", {}, t(spec.key)));
  const W = 360;
  const H = 150;
  const pad = { l: 42, r: 8, t: 8, b: 20 };
  const diffH = arms.length > 1 ? 46 : 0;
  const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H + diffH}`, role: "img", "aria-label": t(spec.key) });
  const series = [];
  arms.forEach((arm, a) => spec.metrics.forEach((m, k) => series.push({ a, k, values: seriesOf(arm, m) })));
  const months = Math.max(12, ...series.map((s) => s.values.length));
  const finite = series.flatMap((s) => s.values.filter(Number.isFinite));
  let lo = Math.min(0, ...finite);
  let hi = Math.max(...finite, lo + 1e-9);
  if (!finite.length) hi = 1;
  hi = hi + (hi - lo) * 0.05;
  const x = (i) => pad.l + (i / Math.max(1, months - 1)) * (W - pad.l - pad.r);
  const y = (v) => pad.t + (1 - (v - lo) / (hi - lo)) * (H - pad.t - pad.b);
  svg.append(el("svg:line", { x1: pad.l, y1: y(lo), x2: W - pad.r, y2: y(lo), stroke: "#999" }));
  for (const v of [lo, (lo + hi) / 2, hi]) {
    svg.append(el("svg:text", { x: pad.l - 4, y: y(v) + 4, "font-size": 10, "text-anchor": "end" }, formatNumber(v)));
  }
  for (let yr = 12; yr < months; yr += 12) {
    svg.append(el("svg:line", { x1: x(yr), y1: pad.t, x2: x(yr), y2: H - pad.b, stroke: "#eee" }));
    svg.append(el("svg:text", { x: x(yr), y: H - 6, "font-size": 9, "text-anchor": "middle" }, String(yr / 12)));
  }
  const path = (values, yf) => {
    let d = "";
    let pen = false;
    values.forEach((v, i) => {
      if (!Number.isFinite(v)) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${yf(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  for (const s of series) {
    const d = path(s.values, y);
    if (d) svg.append(el("svg:path", { d, fill: "none", stroke: s.a === 0 ? "var(--a)" : "var(--b)", "stroke-width": 2, "stroke-dasharray": DASHES[s.k], class: "line" }));
  }
  const last = (vals) => {
    for (let i = vals.length - 1; i >= 0; i--) if (Number.isFinite(vals[i])) return vals[i];
    return NaN;
  };
  let note = arms.map((arm, a) => `${a === 0 ? "A" : "B"} ${formatNumber(last(seriesOf(arm, spec.metrics[0])))}`).join(" · ");
  if (arms.length > 1) {
    const va = seriesOf(arms[0], spec.metrics[0]);
    const vb = seriesOf(arms[1], spec.metrics[0]);
    const diff = va.map((v, i) => vb[i] - v);
    const fd = diff.filter(Number.isFinite);
    const m = Math.max(1e-9, ...fd.map(Math.abs));
    const top = H + 4;
    const mid = top + (diffH - 8) / 2;
    const yd = (v) => mid - (v / m) * ((diffH - 8) / 2);
    svg.append(el("svg:line", { x1: pad.l, y1: mid, x2: W - pad.r, y2: mid, stroke: "#bbb" }));
    svg.append(el("svg:text", { x: pad.l - 4, y: mid + 4, "font-size": 9, "text-anchor": "end" }, "B−A"));
    const d = path(diff, yd);
    if (d) svg.append(el("svg:path", { d, fill: "none", stroke: "var(--diff)", "stroke-width": 1.5, class: "diff" }));
    note += ` · ${t("difference")}: ${formatNumber(last(diff))}`;
  }
  box.append(svg);
  box.append(el("figcaption", { class: "note" }, note));
  box.append(explain(spec.loop));
  return box;
}

function renderLoops(state) {
  const list = $("loop-list");
  list.replaceChildren();
  const active = loopActivity(state || app.state);
  for (const loop of LOOPS) {
    const div = el("div", { class: "loop" + (active[loop] ? " active" : ""), id: "loop-" + loop });
    div.append(el("h3", {}, t("loop_" + loop) + (active[loop] ? ` (${t("active")})` : "")));
    div.append(el("p", {}, t("loop_" + loop + "_text")));
    div.append(el("p", { class: "where" }, t("loop_" + loop + "_where")));
    list.append(div);
  }
}

// Which loops show in the last months of any arm (a simple reading for the
// class, not a measurement).
function loopActivity(state) {
  const out = { burnout: false, control: false, corners: false, silos: false };
  if (!state) return out;
  for (const arm of state.arms) {
    const s = arm.snapshot;
    const stressed = s.units.flatMap((u) => u.positions).filter((p) => p.state === "working" && p.stress > 1.8).length;
    const positions = s.units.reduce((n, u) => n + u.positions.length, 0);
    if (positions && stressed / positions > 0.25) out.burnout = true;
    if (s.documentation_intensity > s.steering.documentation_intensity * 1.05) out.control = true;
    const overdue = s.units.reduce((n, u) => n + u.overdue_investigations, 0);
    const open = s.units.reduce((n, u) => n + u.open_cases, 0);
    if (open && overdue / open > 0.1) out.corners = true;
    if (s.children_waiting > 0 && !s.steering.integrated_team) out.silos = true;
  }
  return out;
}

// Puts back the months a stream event left out (it sends only new ones).
function merge(state) {
  const previous = app.state && app.state.id === state.id ? app.state.arms : [];
  for (let a = 0; a < state.arms.length; a++) {
    const arm = state.arms[a];
    if (arm.series_from === 0) continue;
    const old = previous[a] ? previous[a].series : [];
    if (old.length < arm.series_from) return false;
    arm.series = old.slice(0, arm.series_from).concat(arm.series);
    arm.series_from = 0;
  }
  return true;
}

function render(state) {
  if (!merge(state)) {
    // Months missing here: ask for the whole state.
    api("GET", "/api/sessions/" + state.id).then(render, (e) => say(e.message));
    return;
  }
  app.state = state;
  const snap = state.arms[0].snapshot;
  $("month").textContent = String(snap.months);
  $("year").textContent = String(Math.floor(snap.day / 365) + 1);
  $("day").textContent = String(snap.day);
  const play = $("play");
  play.textContent = state.playing ? t("pause") : t("play");
  play.classList.toggle("playing", state.playing);
  play.setAttribute("aria-pressed", String(state.playing));
  const views = $("arm-views");
  views.replaceChildren(...state.arms.map((arm, a) => drawDepartment(arm, a === 0 ? "a" : "b")));
  const charts = $("charts");
  charts.replaceChildren(...CHARTS.map((spec) => drawChart(spec, state.arms)));
  syncLevers(state);
  renderLoops(state);
}

// ---- Start -------------------------------------------------------------------

function keys(ev) {
  const tag = ev.target && ev.target.tagName;
  if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const speed = $("speed");
  switch (ev.key) {
    case " ":
      if (tag === "BUTTON") return;
      ev.preventDefault();
      togglePlay();
      break;
    case "w": case "W": step(7); break;
    case "m": case "M": stepMonth(); break;
    case "r": case "R": reset(); break;
    case "l": case "L": switchLanguage(); break;
    case "+":
      speed.selectedIndex = Math.min(speed.options.length - 1, speed.selectedIndex + 1);
      speed.dispatchEvent(new Event("change"));
      break;
    case "-": case "\u2212":
      speed.selectedIndex = Math.max(0, speed.selectedIndex - 1);
      speed.dispatchEvent(new Event("change"));
      break;
    default:
  }
}

function switchLanguage() {
  app.lang = app.lang === "en" ? "sv" : "en";
  applyTexts();
}

async function start() {
  try {
    app.catalogue = await api("GET", "/api/catalogue");
  } catch (e) {
    say(e.message);
    return;
  }
  app.catalogue.metrics.forEach((m, i) => { app.metricIndex[m.name] = i; });
  const select = $("scenario");
  for (const s of app.catalogue.scenarios) select.append(el("option", { value: s.id }, s.name));
  fillArms();
  $("side").checked = true;
  select.addEventListener("change", () => { fillArms(); reset(); });
  $("arm-a").addEventListener("change", reset);
  $("arm-b").addEventListener("change", reset);
  $("side").addEventListener("change", () => {
    $("arm-b-label").hidden = !sideBySide();
    $("target-label").hidden = !sideBySide();
    reset();
  });
  $("reset").addEventListener("click", reset);
  $("play").addEventListener("click", togglePlay);
  $("step-day").addEventListener("click", () => step(1));
  $("step-week").addEventListener("click", () => step(7));
  $("step-month").addEventListener("click", stepMonth);
  $("speed").addEventListener("change", () => {
    if (app.state && app.state.playing) act("/play", { playing: true, speed: Number($("speed").value) });
  });
  $("target").addEventListener("change", () => app.state && syncLevers(app.state));
  for (const b of document.querySelectorAll("[data-event]")) b.addEventListener("click", () => fireEvent(b.dataset.event));
  $("lang").addEventListener("click", switchLanguage);
  $("large").addEventListener("click", () => {
    const on = document.body.classList.toggle("large");
    $("large").setAttribute("aria-pressed", String(on));
  });
  document.addEventListener("keydown", keys);
  const wanted = new URLSearchParams(window.location.search).get("lang");
  if (wanted === "sv" || wanted === "en") app.lang = wanted;
  applyTexts();
  await reset();
}

window.addEventListener("DOMContentLoaded", start);
