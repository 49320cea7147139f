// Loads TimelineJS3 documents in headless Chromium, the way a reader's browser would, and
// checks each one: no console error, no page error, no TimelineJS error message, every slide
// shown, and a story panel (.tl-storyslider) taller than MIN_PANEL px at 1280x720.
// A screenshot of each is saved.
//
//   node check.mjs NAME=TIMELINE.json=SCREENSHOT.png [...]
//
// TimelineJS's JS and CSS come from this folder's node_modules through a tiny HTTP server on
// 127.0.0.1; every other request (web fonts, links) is aborted, as the machine is offline, and
// reported apart: a failed external load is not a TimelineJS error.
// Exit status: 0 when every document passes, 1 when one fails, 2 on bad usage.

import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TL_DIST = path.join(HERE, "node_modules", "@knight-lab", "timelinejs", "dist");
const WIDTH = 1280;
const HEIGHT = 720;
const MIN_PANEL = 300;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const jobs = process.argv.slice(2).map((arg) => {
  const [name, json, png] = arg.split("=");
  if (!name || !json || !png) {
    console.error(`usage: node check.mjs NAME=TIMELINE.json=SCREENSHOT.png ...  (got ${arg})`);
    process.exit(2);
  }
  return { name, json: path.resolve(json), png: path.resolve(png) };
});
if (jobs.length === 0) {
  console.error("usage: node check.mjs NAME=TIMELINE.json=SCREENSHOT.png ...");
  process.exit(2);
}
if (!fs.existsSync(path.join(TL_DIST, "js", "timeline.js"))) {
  console.error(`no TimelineJS at ${TL_DIST}: run npm ci in ${HERE}`);
  process.exit(2);
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>storyline TimelineJS check</title>
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js"></script>
<style>html,body{margin:0;padding:0;height:100%;width:100%}#timeline-embed{width:100%;height:100%}</style>
</head><body><div id="timeline-embed"></div>
<script>
window.__tl = { ready: false, errors: [], traces: [] };
fetch("/data.json").then((r) => r.json()).then((data) => {
  const tl = new TL.Timeline("timeline-embed", data, {
    script_path: location.origin + "/tl/js/",
    debug: true
  });
  window.__tl.timeline = tl;
  tl.on("ready", () => { window.__tl.ready = true; });
}).catch((e) => { window.__tl.errors.push("cannot load data: " + e); });
</script></body></html>`;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".eot": "application/vnd.ms-fontobject",
};

// The document being checked; the server serves it as /data.json.
let current = null;

const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  let file = null;
  if (url.pathname === "/" || url.pathname === "/index.html") {
    res.writeHead(200, { "content-type": TYPES[".html"] });
    return res.end(PAGE);
  }
  if (url.pathname === "/data.json") {
    file = current;
  } else if (url.pathname.startsWith("/tl/")) {
    const rel = path.normalize(decodeURIComponent(url.pathname.slice(4)));
    if (!rel.startsWith("..")) file = path.join(TL_DIST, rel);
  }
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "storyline-chromium-"));
// A fresh profile each run (Playwright passes it to Chromium as --user-data-dir).
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: WIDTH, height: HEIGHT },
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

let failed = 0;
try {
  for (const job of jobs) {
    const problems = await check(job);
    if (problems.length) failed++;
  }
} finally {
  await browser.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(failed ? `timelinejs check: ${failed} of ${jobs.length} FAILED` : `timelinejs check: ${jobs.length} passed`);
process.exit(failed ? 1 : 0);

async function check(job) {
  current = job.json;
  const doc = JSON.parse(fs.readFileSync(job.json, "utf8"));
  const events = doc.events || [];
  const problems = [];
  const blocked = [];
  const page = await browser.newPage();
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(origin + "/")) return route.continue();
    blocked.push(u);
    return route.abort("internetdisconnected");
  });
  const isBlocked = (u) => u && blocked.some((b) => u === b);
  page.on("console", (msg) => {
    const text = msg.text();
    if (msg.type() === "error") {
      // A web font or link the offline machine cannot fetch is not the export's fault.
      if (isBlocked(msg.location().url) && /Failed to load resource/.test(text)) return;
      problems.push(`console error: ${text}`);
    } else if (/^logError:|Missing start date|Error loading/.test(text)) {
      problems.push(`TimelineJS: ${text}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    if (!isBlocked(r.url())) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });

  await page.goto(origin + "/", { waitUntil: "load" });
  try {
    await page.waitForFunction(() => window.__tl && (window.__tl.ready || window.__tl.errors.length), null, {
      timeout: 20000,
    });
  } catch {
    problems.push("TimelineJS never fired 'ready' within 20 s");
  }
  // Let the opening animation settle before measuring and taking the picture.
  await page.waitForTimeout(2500);

  const m = await page.evaluate(() => {
    const box = (sel) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { height: Math.round(r.height), width: Math.round(r.width) };
    };
    const visible = (el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return s.display !== "none" && s.visibility !== "hidden" && r.width > 0 && r.height > 0;
    };
    const tl = window.__tl.timeline;
    const messages = [...document.querySelectorAll(".tl-message-container, .tl-message")]
      .filter(visible)
      .map((el) => el.textContent.trim())
      .filter(Boolean);
    return {
      own: window.__tl.errors,
      config: tl && tl.config ? tl.config.messages.errors.map(String) : ["no TimelineJS config"],
      messages,
      storyslider: box(".tl-storyslider"),
      timenav: box(".tl-timenav"),
      groups: document.querySelectorAll(".tl-timegroup").length,
      markers: document.querySelectorAll(".tl-timemarker").length,
      slides: document.querySelectorAll(".tl-slide").length,
    };
  });

  problems.push(...m.own);
  for (const e of m.config) problems.push(`TimelineJS error: ${e}`);
  for (const t of m.messages) problems.push(`TimelineJS message shown: ${t}`);
  if (!m.storyslider) problems.push("no .tl-storyslider element");
  else if (m.storyslider.height <= MIN_PANEL)
    problems.push(`story panel ${m.storyslider.height} px, want > ${MIN_PANEL} px`);
  if (m.markers !== events.length) problems.push(`${m.markers} markers shown for ${events.length} events`);
  // TimelineJS shows the slide text on a marker whose headline is empty: not an error to it,
  // but the export promises a headline on every slide.
  const bare = events.filter((e) => !String(e.text?.headline ?? "").replace(/<[^>]*>/g, "").trim());
  if (bare.length) problems.push(`${bare.length} slide(s) with an empty headline, e.g. ${bare[0].unique_id}`);

  fs.mkdirSync(path.dirname(job.png), { recursive: true });
  await page.screenshot({ path: job.png });
  await page.close();

  const hosts = [...new Set(blocked.map((u) => new URL(u).host))];
  console.log(
    `${job.name}: ${events.length} events, ${m.groups} groups, story panel ${m.storyslider?.height ?? "-"} px, ` +
      `time navigator ${m.timenav?.height ?? "-"} px at ${WIDTH}x${HEIGHT}; ` +
      `${problems.length ? problems.length + " problem(s)" : "no errors"}` +
      (hosts.length ? `; offline, not loaded: ${blocked.length} request(s) to ${hosts.join(", ")}` : "") +
      `; screenshot ${path.relative(process.cwd(), job.png)}`
  );
  for (const p of problems) console.log(`  FAIL ${job.name}: ${p}`);
  return problems;
}
