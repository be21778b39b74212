// End-to-end tests of `tillit serve` in headless Chromium (Debian's
// /usr/bin/chromium, no browser download), driven by playwright-core.
//
// Run: (cd e2e && npm ci && TILLIT_BIN=../target/release/tillit node --test)
// or through the ignored Rust test `serve::the_page_works_in_headless_chromium`
// (bash .ci/run). The screenshot is written to e2e/out/teaching-view.png.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const bin = process.env.TILLIT_BIN || join(here, "..", "target", "release", "tillit");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

let server;
let base;
let browser;

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["serve", "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
    let text = "";
    const timer = setTimeout(() => reject(new Error(`no address from tillit serve: ${text}`)), 30000);
    child.stderr.on("data", (chunk) => {
      text += chunk;
      const m = text.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[0] });
      }
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`tillit serve exited with ${code}: ${text}`)));
  });
}

before(async () => {
  const started = await startServer();
  server = started.child;
  base = started.url;
  // A fresh profile each run (Playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "tillit-e2e-")), {
    executablePath: CHROMIUM,
    viewport: { width: 1400, height: 1000 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill("SIGINT");
});

// A page with every console message, page error and outside request recorded.
async function open(query = "") {
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (m) => problems.push(`console ${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("data:")) problems.push(`outside request: ${r.url()}`);
  });
  page.on("requestfailed", (r) => {
    // The page closes the old stream itself when it starts a new simulation.
    const closed = r.url().endsWith("/stream") && r.failure() && r.failure().errorText === "net::ERR_ABORTED";
    if (!closed) problems.push(`failed request: ${r.url()} ${r.failure() && r.failure().errorText}`);
  });
  await page.goto(base + query);
  await page.waitForSelector(".arm svg rect.tile");
  return { page, problems };
}

async function month(page) {
  return Number(await page.textContent("#month"));
}

async function session(page) {
  return page.evaluate("app.session");
}

async function apiState(page) {
  const id = await session(page);
  const response = await fetch(`${base}api/sessions/${id}`);
  assert.equal(response.status, 200);
  return response.json();
}

test("the page loads with no console message and no outside request", async () => {
  const { page, problems } = await open();
  assert.equal(await page.title(), "tillit: the steering chain, live");
  assert.equal(await page.locator(".arm").count(), 2);
  assert.ok((await page.locator("rect.tile").count()) >= 2 * 200, "every position drawn");
  assert.equal(await page.locator("figure.chart").count(), 8);
  assert.equal(await page.locator(".loop").count(), 4);
  await page.waitForTimeout(500);
  assert.deepEqual(problems, []);
  await page.close();
});

test("play advances the month counter and the charts", async () => {
  const { page, problems } = await open();
  assert.equal(await month(page), 0);
  const pathsBefore = await page.locator("figure.chart path.line").count();
  await page.selectOption("#speed", "365");
  await page.click("#play");
  await page.waitForFunction(() => Number(document.getElementById("month").textContent) >= 3, null, { timeout: 20000 });
  assert.equal(await page.getAttribute("#play", "aria-pressed"), "true");
  await page.click("#play");
  await page.waitForFunction(() => document.getElementById("play").getAttribute("aria-pressed") === "false");
  const m = await month(page);
  assert.ok(m >= 3, `month ${m}`);
  const pathsAfter = await page.locator("figure.chart path.line").count();
  assert.ok(pathsAfter > pathsBefore, `chart lines ${pathsBefore} -> ${pathsAfter}`);
  // The stress chart's line has a point per month.
  const d = await page.locator('figure.chart[data-chart="mean_stress"] path.line').first().getAttribute("d");
  assert.equal((d.match(/[ML]/g) || []).length, (await apiState(page)).arms[0].series.length);
  // Stepping a week by keyboard moves the day on by 7.
  const day = Number(await page.textContent("#day"));
  await page.locator("body").focus();
  await page.keyboard.press("w");
  await page.waitForFunction((d0) => Number(document.getElementById("day").textContent) === d0 + 7, day);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a slider changes the lever in the running model", async () => {
  const { page, problems } = await open();
  const before = await apiState(page);
  assert.equal(before.arms[0].snapshot.steering.coaching_hours, 0.5);
  // Keyboard on the range input, as a teacher without a mouse would.
  const slider = page.locator("#lever-coaching_hours");
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
  await slider.dispatchEvent("change");
  await page.waitForFunction(() => document.getElementById("message").textContent.length > 0);
  const after = await apiState(page);
  const value = after.arms[0].snapshot.steering.coaching_hours;
  assert.ok(value > 0.5, `coaching_hours ${value}`);
  assert.equal(after.arms[1].snapshot.steering.coaching_hours, value, "both arms by default");
  // A switch, for arm B only.
  await page.selectOption("#target", "1");
  await page.check("#lever-integrated_team");
  await page.waitForFunction(() => document.getElementById("message").textContent.includes("One team"));
  const switched = await apiState(page);
  assert.equal(switched.arms[1].snapshot.steering.integrated_team, true);
  assert.equal(switched.arms[0].snapshot.steering.integrated_team, false);
  // An event button.
  await page.selectOption("#target", "all");
  await page.click("#ev-scandal");
  await page.waitForFunction(() => document.getElementById("message").textContent.includes("Scandal"));
  const scandal = await apiState(page);
  assert.equal(scandal.arms[0].snapshot.scandals, 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test("side by side shows two arms, and one when it is off", async () => {
  const { page, problems } = await open();
  const names = await page.locator(".arm h3").allTextContents();
  assert.deepEqual(names, ["A: control", "B: trust"]);
  await page.click("#step-month");
  await page.waitForFunction(() => Number(document.getElementById("month").textContent) >= 1);
  // The difference is drawn.
  assert.ok((await page.locator("figure.chart path.diff").count()) >= 1);
  await page.uncheck("#side");
  await page.waitForFunction(() => document.querySelectorAll(".arm").length === 1);
  assert.equal(await page.locator("figure.chart path.diff").count(), 0);
  assert.equal((await apiState(page)).arms.length, 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the language switch changes every text", async () => {
  const { page, problems } = await open();
  assert.equal(await page.textContent("h1"), "tillit: the steering chain, live");
  await page.click("#lang");
  assert.equal(await page.textContent("h1"), "tillit: styrkedjan, levande");
  assert.equal(await page.getAttribute("html", "lang"), "sv");
  assert.equal(await page.textContent("#play"), "Spela");
  assert.match(await page.textContent("#loop-control h3"), /Kontrollspiralen/);
  await page.keyboard.press("l");
  assert.equal(await page.textContent("#play"), "Play");
  assert.deepEqual(problems, []);
  await page.close();
});

test("keyboard alone: Tab reaches the controls, Space plays and pauses; large type", async () => {
  const { page, problems } = await open();
  // Tab from the top reaches the play button.
  await page.locator("body").focus();
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement && document.activeElement.id === "play");
  }
  assert.ok(reached, "Tab never reached the play button");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("play").getAttribute("aria-pressed") === "true");
  await page.locator("body").focus();
  await page.keyboard.press(" ");
  await page.waitForFunction(() => document.getElementById("play").getAttribute("aria-pressed") === "false");
  assert.equal((await apiState(page)).playing, false);
  const small = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  await page.click("#large");
  const large = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(large >= small * 1.3, `font ${small}px -> ${large}px`);
  assert.equal(await page.getAttribute("#large", "aria-pressed"), "true");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a screenshot after a few years is not blank", async () => {
  const { page, problems } = await open("?lang=en");
  await page.selectOption("#scenario", "control-spiral");
  await page.waitForFunction(() => app.state && app.state.scenario === "control-spiral");
  const id = await session(page);
  // Three years and four months (past the winter vacation), then the page
  // catches up through its stream.
  for (const days of [365, 365, 365, 122]) {
    const r = await fetch(`${base}api/sessions/${id}/step`, { method: "POST", body: JSON.stringify({ days }) });
    assert.equal(r.status, 200);
  }
  await page.waitForFunction(() => Number(document.getElementById("month").textContent) >= 40);
  const png = await page.screenshot({ fullPage: true });
  const out = join(here, "out");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "teaching-view.png"), png);
  const { colours, share } = pixelStats(png);
  assert.ok(colours > 50, `only ${colours} colours`);
  assert.ok(share > 0.05, `only ${(share * 100).toFixed(1)}% of pixels differ from the background`);
  assert.deepEqual(problems, []);
  await page.close();
});

// Distinct colours and the share of pixels unlike the commonest one, from a
// PNG (8-bit RGB or RGBA, not interlaced, as Chromium writes them).
function pixelStats(png) {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString("ascii", pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.equal(data[8], 8, "8-bit PNG");
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      assert.ok(channels, `colour type ${data[9]}`);
    } else if (type === "IDAT") idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? pixels[y * stride + i - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + i] = v & 0xff;
    }
  }
  const counts = new Map();
  for (let i = 0; i < pixels.length; i += channels) {
    const rgb = pixels.readUIntBE(i, 3);
    counts.set(rgb, (counts.get(rgb) || 0) + 1);
  }
  // The background is the commonest colour.
  const background = Math.max(...counts.values());
  return { colours: counts.size, share: 1 - background / (width * height) };
}
