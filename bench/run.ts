/**
 * `npm run bench`: every figure of the speed budgets, each on its own line as
 * `name: value unit (baseline: value unit)` or `name: value unit (budget: ..., met|NOT met)`.
 *
 *   1. sizes: the Worker bundle (wrangler deploy --dry-run), the client script, the home page
 *   2. the demo's cookie after a typical session
 *   3. CPU per interaction: the busiest page beside the baseline in one process (interleaved
 *      batches), in 3 fresh processes, the medians reported; the Forms page and the data editor
 *      (the budgets) with each contender alone in fresh processes (bench/solo.ts), 3 rounds
 *   4. how that grows with widgets on a page and with session state (synthetic apps, as the
 *      Forms page is measured)
 *   5. each Worker's start-up on a fresh workerd (as built: bench/startup.ts), then requests/s and
 *      p99 under a bounded autocannon load on wrangler dev (workerd), demo vs baseline
 *   5b. CPU per interaction inside workerd (wrangler dev), the same posts, apps and baseline as 3-4
 *   6. what replaying the last run costs: a cold interaction (an isolate that did not serve the
 *      run that drew the page) beside a warm one, and the size of that run's start in the cookie
 *
 * Options: --only=static,cpu,scaling,load,workerd,replay (sections to run; default all), --seconds=N (load time per
 * server, in alternating rounds of 2 s, default 20). Exits 1 if a section failed or any load response was not 2xx.
 */
import { execFile } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createWorker } from "../pages/worker.ts";
import { createBaselineApp } from "./baseline-app.ts";
import { measureCpu, type CpuResult } from "./cpu.ts";
import { measureSolo, soloChild, type AppKind } from "./solo.ts";
import { dataEditorInteraction, demoSession, syntheticInteraction, type DemoSession, type Interaction } from "./session.ts";
import { dataEditorApp, widgetsApp, stateApp, SCALING_MAX_COOKIES } from "./apps.ts";
import { bundleSize, clientScript, externalRequests } from "./static.ts";
import { startups } from "./startup.ts";
import { replayCost } from "./replay.ts";
import { compatibilityOf, killAll, load, postOnce, startWrangler, type DevServer, type LoadResult } from "./load.ts";
import type { Job as WorkerdJob, JobResult as WorkerdJobResult } from "./workerd-cpu-worker.ts";
import { ORIGIN } from "../test/support/client.ts";

const SECRET = "formlit-bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const DEMO_PORT = Number(process.env.BENCH_PORT ?? 8931);
const BASELINE_PORT = DEMO_PORT + 1;

const argv: string[] = process.argv.slice(2);
const args = new Map<string, string>(argv.map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const only = new Set((args.get("only") ?? "static,cpu,scaling,load,workerd,replay").split(","));
const loadSeconds = Number(args.get("seconds") ?? 20);
const CPU_PROCESSES = 3;

// ---- output -------------------------------------------------------------------------------------
const KB = 1024;
const fmt = (x: number, digits = 1) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(digits));
let failures = 0;

function line(name: string, value: string, unit: string, extra: string) {
  console.log(`${name}: ${value}${unit ? " " + unit : ""} (${extra})`);
}
function vsBaseline(name: string, value: number, baseline: number, unit: string, digits = 1) {
  line(name, fmt(value, digits), unit, `baseline: ${fmt(baseline, digits)} ${unit}`);
}
function vsBudget(name: string, value: number | string, unit: string, budget: string, met: boolean | null, digits = 1) {
  const v = typeof value === "number" ? fmt(value, digits) : value;
  line(name, v, unit, `budget: ${budget}${met === null ? "" : met ? ", met" : ", NOT met"}`);
}
/** A line of context for the figures, as a comment: `# name: text`. */
function note(name: string, text: string) {
  console.log(`# ${name}: ${text}`);
}
function failed(section: string, err: unknown) {
  failures++;
  console.log(`${section}_error: ${String((err as Error)?.stack ?? err).split("\n").slice(0, 6).join(" | ")}`);
}

// A child of sections 3 and 4: one contender alone in this process (bench/solo.ts).
if (args.has("solo-child")) {
  await soloChild(args.get("solo-child")!);
  process.exit(0);
}

// A child of section 3: one in-process measurement of demo and baseline, as one JSON line.
if (args.has("cpu-child")) {
  const { interaction: i } = await demoSession(() => createWorker(SECRET));
  // the same session with the signed-only opt-out (encrypt: false), for the cost of encryption
  const signed = () => createWorker(SECRET, { encrypt: false });
  const { interaction: si } = await demoSession(signed);
  const results = await measureCpu(
    [
      { name: "demo", app: createWorker(SECRET), interaction: i },
      { name: "baseline", app: createBaselineApp({ secret: SECRET, htmlBytes: i.responseBytes }), interaction: i },
      { name: "demo_signed", app: signed(), interaction: si },
    ],
    { warmupMs: 1000, batchMs: 250, batches: 7 },
  );
  console.log(JSON.stringify({ results, cookieBytes: i.cookieBytes, responseBytes: i.responseBytes, signedCookieBytes: si.cookieBytes }));
  process.exit(0);
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
console.log(
  `# formlit bench: node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} (other work on the machine skews every figure), ${new Date().toISOString()}`,
);

// ---- the demo session (needed by every section but the bundle) ------------------------------------
const makeDemo = () => createWorker(SECRET);
let demo: DemoSession | null = null;
try {
  demo = await demoSession(makeDemo);
  note("demo_interaction", `POST ${demo.interaction.path} on ${demo.interaction.page}: ${demo.interaction.widget}, "Apply"`);
} catch (err) {
  failed("demo_session", err);
}

// ---- 1-2. sizes ---------------------------------------------------------------------------------
if (only.has("static")) {
  try {
    // The core library on its own (a one-widget app, no optional entry), and the demo beside it,
    // which carries Vega, Graphviz and the rest of the optional entries.
    const core = await bundleSize(path.join(ROOT, "bench", "wrangler-core.toml"));
    vsBudget("bundle_gzip_kb", core.gzip / KB, "KB", "at most 120 KB, the core entry alone", core.gzip / KB <= 120);
    note("bundle_raw_kb", `${fmt(core.raw / KB)} KB in ${core.modules} module(s) (wrangler's own gzip figure: ${core.wranglerGzipKiB ?? "n/a"} KiB)`);
    const b = await bundleSize();
    line("bundle_gzip_kb_demo", fmt(b.gzip / KB), "KB", `the demo Worker with every optional entry, ${fmt(b.raw / KB)} KB raw in ${b.modules} module(s)`);
  } catch (err) {
    failed("bundle", err);
  }
  if (demo) {
    try {
      const c = await clientScript(makeDemo(), demo.homeHtml);
      if (c.sources.length === 0 && c.inline === 0) console.log("client_gzip_kb: n/a (no client script yet) (budget: at most 4 KB)");
      else {
        vsBudget("client_gzip_kb", c.gzip / KB, "KB", "at most 4 KB", c.gzip / KB <= 4, 2);
        note("client_raw_kb", `${fmt(c.raw / KB, 2)} KB (${[...c.sources, ...(c.inline ? [`${c.inline} inline`] : [])].join(", ")})`);
      }
    } catch (err) {
      failed("client", err);
    }
    const cookieMet = demo.cookieBytes <= 1.5 * KB;
    vsBudget("cookie_bytes", demo.cookieBytes, "bytes", "at most 1.5 KB = 1536 bytes", cookieMet, 0);
    note("cookie_detail", `${demo.cookieCount} cookie(s), token ${demo.tokenBytes} bytes, after visiting ${demo.pages.length} pages and changing every number and text input`);
    const homeBytes = Buffer.byteLength(demo.homeHtml);
    vsBudget("home_html_kb", homeBytes / KB, "KB", "at most 30 KB", homeBytes / KB <= 30);
    const ext = externalRequests(demo.homeHtml);
    vsBudget("home_external_requests", ext.length, "", "0", ext.length === 0, 0);
    if (ext.length) note("home_external_list", ext.join(" "));
  }
}

// ---- 3. CPU per interaction ------------------------------------------------------------------------
function cpuChild(): Promise<{ results: [CpuResult, CpuResult, CpuResult]; cookieBytes: number; responseBytes: number; signedCookieBytes: number }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [process.argv[1]!, "--cpu-child"], { timeout: 120_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`CPU measurement process failed: ${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split("\n").pop()!));
    });
  });
}
if (only.has("cpu") && demo) {
  try {
    // Node's WebCrypto and CompressionStream hand work to libuv's thread pool; what that costs
    // differs from process to process (thread placement), so measure in a few fresh processes.
    const runs = [];
    for (let k = 0; k < CPU_PROCESSES; k++) runs.push(await cpuChild());
    const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
    const d = med(runs.map((r) => r.results[0].cpuUs));
    const b = med(runs.map((r) => r.results[1].cpuUs));
    const ratios = runs.map((r) => r.results[0].cpuUs / r.results[1].cpuUs);
    vsBaseline("interaction_cpu_us", d, b, "us", 0);
    const ratio = med(ratios);
    // The busiest page is the Gallery, which grows with the catalogue: its ratio is reported, its
    // budget is the Forms page's below.
    line("interaction_cpu_ratio", fmt(ratio, 2), "x", `${demo.interaction.page}: no budget, it grows with the catalogue`);
    vsBaseline("interaction_wall_us", med(runs.map((r) => r.results[0].wallUs)), med(runs.map((r) => r.results[1].wallUs)), "us", 0);
    // Encryption (the default) beside signing only (encrypt: false), the same session and post.
    const signedUs = med(runs.map((r) => r.results[2].cpuUs));
    line("interaction_cpu_us_encrypted", fmt(d, 0), "us", `signed only: ${fmt(signedUs, 0)} us, ${fmt(d - signedUs, 0)} us for encryption`);
    line("cookie_bytes_encrypted", String(runs[0]!.cookieBytes), "bytes", `signed only: ${runs[0]!.signedCookieBytes} bytes`);
    const r0 = runs[0]!;
    note(
      "interaction_detail",
      `median of ${CPU_PROCESSES} processes, each ${r0.results[0].iterations} + ${r0.results[1].iterations} requests in ${r0.results[0].batches} interleaved batches (median); ` +
        `by process: ${runs.map((r) => `${r.results[0].cpuUs.toFixed(0)}/${r.results[1].cpuUs.toFixed(0)} us`).join(", ")} (ratios ${ratios.map((x) => x.toFixed(2)).join(", ")}); ` +
        `cookie ${r0.cookieBytes} bytes in, HTML ${r0.responseBytes} bytes out`,
    );
  } catch (err) {
    failed("cpu", err);
  }
}

// The seed demo's Forms page (budget: at most 2x) and a 50 x 5 data editor with one cell changed
// (budget: under 10 ms), each beside a baseline with its cookie and HTML size, each contender in
// processes of its own (bench/solo.ts).
const SCRIPT = process.argv[1]!;
if (only.has("cpu") && demo) {
  try {
    const forms = (await demoSession(makeDemo, "Forms")).interaction;
    const editor = await dataEditorInteraction(dataEditorApp(SECRET));
    const [f, e] = await measureSolo(SCRIPT, SECRET, [
      { name: "forms", app: { kind: "demo" }, interaction: forms },
      { name: "data editor", app: { kind: "editor" }, interaction: editor },
    ]);
    vsBaseline("interaction_cpu_us_forms", f!.us, f!.baselineUs, "us", 0);
    vsBudget("interaction_cpu_ratio_forms", f!.us / f!.baselineUs, "x", "at most 2 x", f!.us / f!.baselineUs <= 2, 2);
    vsBaseline("interaction_cpu_us_data_editor", e!.us, e!.baselineUs, "us", 0);
    vsBudget("interaction_cpu_ms_data_editor", e!.us / 1000, "ms", `under 10 ms (${(e!.us / e!.baselineUs).toFixed(2)} x its baseline)`, e!.us < 10_000, 2);
    note("pages_detail", `Forms: ${forms.widget}, HTML ${forms.responseBytes} bytes; data editor: ${editor.widget}, cookie ${editor.cookieBytes} bytes, HTML ${editor.responseBytes} bytes`);
  } catch (err) {
    failed("cpu_pages", err);
  }
}

// ---- 4. scaling ------------------------------------------------------------------------------------
type Point = { name: string; n: number; demo: number; base: number; cookie: number; cookies: number; html: number };
const overThree: string[] = [];
function growth(name: string, unit: string, pts: Point[]) {
  const [a, b, c] = pts as [Point, Point, Point];
  const s1 = (b.demo - a.demo) / (b.n - a.n);
  const s2 = (c.demo - b.demo) / (c.n - b.n);
  const r = s2 / s1;
  const verdict = r <= 0.8 ? "better than linear" : r <= 1.25 ? "linear" : "WORSE than linear";
  console.log(
    `${name}: ${verdict} (marginal cost ${fmt(s1, 2)} us/${unit} from ${a.n} to ${b.n}, ${fmt(s2, 2)} us/${unit} from ${b.n} to ${c.n}: x${r.toFixed(2)}; ` +
      `${c.n / b.n}x the ${unit}s costs ${(c.demo / b.demo).toFixed(1)}x the CPU)`,
  );
}
/**
 * One family of synthetic apps (e.g. 10, 100, 1000 widgets), each beside its own baseline (same
 * cookie, same HTML size), each contender in processes of its own (bench/solo.ts). Every round
 * measures every point, so the points of a curve see the same machine conditions.
 */
async function scalingFamily(prefix: string, suffix: string, unit: string, sizes: number[], kindOf: (n: number) => AppKind, makeApp: (n: number) => ReturnType<typeof widgetsApp>) {
  const cases = [];
  for (const n of sizes) {
    const name = `${prefix}${n}${suffix}`;
    cases.push({ name, n, app: kindOf(n), interaction: await syntheticInteraction(makeApp(n), name) });
  }
  const results = await measureSolo(SCRIPT, SECRET, cases);
  const pts: Point[] = cases.map((c, k) => {
    const { us, baselineUs } = results[k]!;
    const i = c.interaction;
    vsBaseline(c.name, us, baselineUs, "us", 0);
    note(`${c.name}_detail`, `ratio ${(us / baselineUs).toFixed(2)} x; cookie ${i.cookieBytes} bytes in ${i.cookieCount} cookie(s), HTML ${i.responseBytes} bytes`);
    if (i.cookieCount > 3) overThree.push(`${c.name} (${i.cookieCount} cookies)`);
    return { name: c.name, n: c.n, demo: us, base: baselineUs, cookie: i.cookieBytes, cookies: i.cookieCount, html: i.responseBytes };
  });
  growth(`interaction_cpu_growth_${unit === "KB" ? "state" : "widgets"}`, unit, pts);
  return pts;
}
if (only.has("scaling")) {
  try {
    const pts = await scalingFamily("interaction_cpu_us_widgets_", "", "widget", [10, 100, 1000], (n) => ({ kind: "widgets", n }), (n) => widgetsApp(n, SECRET));
    const [p10, p100, p1000] = pts as [Point, Point, Point];
    const r10 = p10.demo / p10.base;
    const r100 = p100.demo / p100.base;
    vsBudget("interaction_cpu_ratio_widgets_10", r10, "x", "at most 1.5 x its baseline", r10 <= 1.5, 2);
    vsBudget("interaction_cpu_ratio_widgets_100", r100, "x", "at most 2 x its baseline", r100 <= 2, 2);
    const ms = p1000.demo / 1000;
    const r1000 = p1000.demo / p1000.base;
    vsBudget("interaction_cpu_ms_widgets_1000", ms, "ms", `under 10 ms per interaction and at most 4 x its baseline (${r1000.toFixed(2)} x)`, ms < 10 && r1000 <= 4, 2);
    const marginal = (p1000.demo - p100.demo) / (p1000.n - p100.n);
    vsBudget("interaction_cpu_marginal_us_per_widget", marginal, "us", "at most 8 us per widget, from 100 to 1000 widgets", marginal <= 8, 2);
    // Bytes each keyed widget adds to the cookie(s) at rest (the page as the GET drew it), and
    // whether a 200-widget page fits the default three cookies.
    // What a 10-widget page sends per interaction now that the stylesheet is fetched once.
    vsBudget("html_kb_widgets_10", p10.html / KB, "KB", "at most 8 KB per interaction, the stylesheet fetched once", p10.html / KB <= 8, 1);
    const perWidget = (p1000.cookie - p10.cookie) / (p1000.n - p10.n);
    vsBudget("session_bytes_per_keyed_widget", perWidget, "bytes", "at most 16, from 10 to 1000 keyed number inputs", perWidget <= 16, 1);
    const two = await syntheticInteraction(widgetsApp(200, SECRET), "200 widgets");
    vsBudget("session_cookies_200_widgets", two.cookieCount, "cookies", `at most 3, the default (${two.cookieBytes} bytes)`, two.cookieCount <= 3, 0);
  } catch (err) {
    failed("scaling_widgets", err);
  }
  try {
    const pts = await scalingFamily("interaction_cpu_us_state_", "kb", "KB", [1, 10, 100], (kb) => ({ kind: "state", kb }), (kb) => stateApp(kb, SECRET));
    const p100 = pts[2]!;
    vsBudget("interaction_cpu_ratio_state_100kb", p100.demo / p100.base, "x", "at most 3 x its baseline", p100.demo / p100.base <= 3, 2);
  } catch (err) {
    failed("scaling_state", err);
  }
  note(
    "scaling_note",
    `the synthetic apps use createApp({ maxCookies: ${SCALING_MAX_COOKIES} }): with the default 3 cookies (about 11 KB signed) ` +
      `${overThree.length ? overThree.join(" and ") + " would be refused (the previous state kept)" : "every case fits as well"}`,
  );
}

// ---- 5. load on wrangler dev ------------------------------------------------------------------------
// The budget is set on the seed demo's Forms page, as the CPU budget is: the Gallery grows with the
// catalogue, so its figure is reported beside it with no budget.

/** Alternating rounds of load on formlit's server and the baseline's, after a warm-up of each. */
async function alternateLoad(mine: DevServer, theirs: DevServer, i: Interaction, rounds: number, opts: { connections: number; maxRequests: number }) {
  await load(mine.url, i, { ...opts, seconds: 2 });
  await load(theirs.url, i, { ...opts, seconds: 2 });
  const m: LoadResult[] = [];
  const t: LoadResult[] = [];
  for (let r = 0; r < rounds; r++) {
    // each goes first in every other round, so a burst of other work hits both alike
    if (r % 2 === 0) m.push(await load(mine.url, i, { ...opts, seconds: LOAD_ROUND_S }));
    t.push(await load(theirs.url, i, { ...opts, seconds: LOAD_ROUND_S }));
    if (r % 2 === 1) m.push(await load(mine.url, i, { ...opts, seconds: LOAD_ROUND_S }));
  }
  return { mine: loadSummary(m), theirs: loadSummary(t), rounds: m.map((x, k) => [x, t[k]!] as const) };
}
const LOAD_ROUND_S = 2;

function loadSummary(rs: LoadResult[]) {
  const sum = (k: "requests" | "non2xx" | "errors" | "timeouts" | "durationS") => rs.reduce((n, x) => n + x[k], 0);
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
  return { rps: sum("requests") / sum("durationS"), p99: med(rs.map((x) => x.p99)), p50: med(rs.map((x) => x.p50)), requests: sum("requests"), failed: sum("non2xx") + sum("errors") + sum("timeouts"), non2xx: sum("non2xx"), errors: sum("errors"), timeouts: sum("timeouts") };
}

/** The same POST must be a normal interaction on workerd too, and both answers equally large. */
async function checkLoadAnswers(mine: DevServer, theirs: DevServer, i: Interaction) {
  const d = await postOnce(mine.url, i);
  if (d.status !== 200 || /class="fl-notice"|class="fl-field-error"/.test(d.body)) {
    throw new Error(`the demo on wrangler dev answered the POST to ${i.path} with ${d.status}${d.status === 200 ? " and a notice" : ""}`);
  }
  const b = await postOnce(theirs.url, i);
  if (b.status !== 200) throw new Error(`the baseline on wrangler dev answered ${b.status}`);
  return { mine: d.bytes, theirs: b.bytes };
}

if (only.has("load") && demo) {
  const servers: DevServer[] = [];
  const onSignal = () => {
    killAll();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const forms = (await demoSession(makeDemo, "Forms")).interaction;
    const gallery = demo.interaction;
    const demoToml = path.join(ROOT, "wrangler.toml");
    const baseToml = path.join(ROOT, "bench", "wrangler-baseline.toml");
    if (compatibilityOf(demoToml) !== compatibilityOf(baseToml)) {
      throw new Error(`bench/wrangler-baseline.toml must use the demo's compatibility settings: ${compatibilityOf(demoToml)} vs ${compatibilityOf(baseToml)}`);
    }
    // Development mode, as the in-process client that made the cookie (plain http, 127.0.0.1).
    const dev = { SESSION_SECRET: SECRET, FORMLIT_DEV: "1" };
    const baseVars = { SESSION_SECRET: SECRET, BASELINE_HTML_BYTES: String(forms.responseBytes) };
    // Start-up first, while no other server runs: the demo (every optional entry), the core entry's
    // one-widget Worker (the bundle figure's) and the baseline, each as built.
    const coreToml = path.join(ROOT, "bench", "wrangler-core.toml");
    const [demoUp, coreUp, baseUp] = await startups([{ config: demoToml, vars: dev }, { config: coreToml, vars: dev }, { config: baseToml, vars: baseVars }], BASELINE_PORT + 3);
    vsBaseline("startup_first_request_ms", demoUp!.readyMs, baseUp!.readyMs, "ms", 0);
    vsBaseline("startup_first_request_ms_core", coreUp!.readyMs, baseUp!.readyMs, "ms", 0);
    note(
      "startup_detail",
      "each Worker built first (wrangler deploy --dry-run) and served as built (wrangler dev --no-bundle), so wrangler's bundling of the sources is not counted; " +
        `from starting wrangler dev to the first answer to GET /, median of 3 alternating starts (wrangler's own start is in each); ` +
        `beyond the baseline's: demo ${fmt(demoUp!.readyMs - baseUp!.readyMs, 0)} ms, core ${fmt(coreUp!.readyMs - baseUp!.readyMs, 0)} ms`,
    );
    const demoServer = await startWrangler(demoToml, DEMO_PORT, dev);
    servers.push(demoServer);
    const formsBase = await startWrangler(baseToml, BASELINE_PORT, baseVars);
    servers.push(formsBase);
    const opts = { connections: 10, maxRequests: 100_000 };

    const formsBytes = await checkLoadAnswers(demoServer, formsBase, forms);
    const rounds = Math.max(2, Math.round(loadSeconds / LOAD_ROUND_S));
    const f = await alternateLoad(demoServer, formsBase, forms, rounds, opts);
    vsBaseline("throughput_rps", f.mine.rps, f.theirs.rps, "req/s", 0);
    const ratio = f.mine.rps / f.theirs.rps;
    vsBudget("throughput_ratio", ratio * 100, "%", "at least 75 % of the baseline, the Forms page", ratio >= 0.75, 0);
    vsBaseline("p99_ms", f.mine.p99, f.theirs.p99, "ms", 1);
    vsBaseline("p50_ms", f.mine.p50, f.theirs.p50, "ms", 1);
    vsBaseline("load_non2xx", f.mine.failed, f.theirs.failed, "responses", 0);
    const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
    note(
      "load_detail",
      `POST ${forms.path} (the Forms page); autocannon, ${opts.connections} connections, ${rounds} alternating rounds of ${LOAD_ROUND_S} s per server (after 2 s warm-up), at most ${opts.maxRequests} requests a round; ` +
        `demo ${f.mine.requests} requests (${f.mine.non2xx} non-2xx, ${f.mine.errors} errors, ${f.mine.timeouts} timeouts), ` +
        `baseline ${f.theirs.requests} requests (${f.theirs.non2xx} non-2xx, ${f.theirs.errors} errors, ${f.theirs.timeouts} timeouts); ` +
        `median of the rounds' ratios ${(100 * med(f.rounds.map(([m, t]) => m.rps / t.rps))).toFixed(0)} %; ` +
        `req/s by round ${f.rounds.map(([m]) => m.rps.toFixed(0)).join(" ")} vs ${f.rounds.map(([, t]) => t.rps.toFixed(0)).join(" ")}; ` +
        `p99 by round ${f.rounds.map(([m]) => m.p99).join(" ")} vs ${f.rounds.map(([, t]) => t.p99).join(" ")} ms; HTML ${formsBytes.mine} vs ${formsBytes.theirs} bytes`,
    );
    if (f.mine.failed + f.theirs.failed > 0) failures++;

    const galleryBase = await startWrangler(baseToml, BASELINE_PORT + 2, { SESSION_SECRET: SECRET, BASELINE_HTML_BYTES: String(gallery.responseBytes) });
    servers.push(galleryBase);
    const galleryBytes = await checkLoadAnswers(demoServer, galleryBase, gallery);
    const g = await alternateLoad(demoServer, galleryBase, gallery, Math.max(2, rounds >> 1), opts);
    vsBaseline("throughput_rps_gallery", g.mine.rps, g.theirs.rps, "req/s", 0);
    line("throughput_ratio_gallery", fmt((g.mine.rps / g.theirs.rps) * 100, 0), "%", `${gallery.page}: no budget, it grows with the catalogue; ${g.rounds.length} rounds of ${LOAD_ROUND_S} s, HTML ${galleryBytes.mine} vs ${galleryBytes.theirs} bytes, ${g.mine.failed} failed responses`);
    if (g.mine.failed + g.theirs.failed > 0) failures++;
  } catch (err) {
    failed("load", err);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    killAll();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

// ---- 5b. CPU per interaction inside workerd ----------------------------------------------------------
// The figures of sections 3 and 4 are Node's; here the same apps and baseline answer the same posts
// inside workerd (bench/workerd-cpu-worker.ts under wrangler dev). No budget: the budgets are set
// on the in-process figures; these say what the same code costs where it is deployed.
if (only.has("workerd") && demo) {
  const onSignal = () => {
    killAll();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let server: DevServer | null = null;
  try {
    const toml = path.join(ROOT, "bench", "wrangler-workerd-cpu.toml");
    if (compatibilityOf(path.join(ROOT, "wrangler.toml")) !== compatibilityOf(toml)) throw new Error("bench/wrangler-workerd-cpu.toml must use the demo's compatibility settings");
    server = await startWrangler(toml, DEMO_PORT + 4, {});
    const forms = (await demoSession(makeDemo, "Forms")).interaction;
    const editor = await dataEditorInteraction(dataEditorApp(SECRET));
    const cases: [string, string, Interaction][] = [["forms", "demo", forms], ["busiest_page", "demo", demo.interaction], ["data_editor", "data-editor", editor]];
    for (const n of [10, 100, 1000]) cases.push([`widgets_${n}`, `widgets-${n}`, await syntheticInteraction(widgetsApp(n, SECRET), `widgets-${n}`)]);
    const perRequest = new Map<string, number>();
    for (const [name, app, i] of cases) {
      const job: WorkerdJob = { app, secret: SECRET, post: { url: ORIGIN + i.path, origin: ORIGIN, cookie: i.cookie, body: i.body }, htmlBytes: i.responseBytes, batches: 7, batchMs: 150 };
      const res = await fetch(server.url, { method: "POST", body: JSON.stringify(job), signal: AbortSignal.timeout(120_000) });
      if (!res.ok) throw new Error(`${name}: ${await res.text()}`);
      const r = (await res.json()) as WorkerdJobResult;
      perRequest.set(name, r.appUs);
      vsBaseline(`interaction_cpu_us_workerd_${name}`, r.appUs, r.baselineUs, "us", 0);
      note(`interaction_cpu_us_workerd_${name}_detail`, `ratio ${(r.appUs / r.baselineUs).toFixed(2)} x${name === "busiest_page" ? ` (${demo.interaction.page})` : ""}; ${r.batches} interleaved batches of ${r.perBatch} requests (median); no budget`);
    }
    const marginal = (perRequest.get("widgets_1000")! - perRequest.get("widgets_100")!) / 900;
    line("interaction_cpu_marginal_us_per_widget_workerd", fmt(marginal, 2), "us", "from 100 to 1000 widgets, inside workerd; no budget");
  } catch (err) {
    failed("workerd", err);
  } finally {
    await server?.stop();
    killAll();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

// ---- 6. replay --------------------------------------------------------------------------------------
if (only.has("replay")) {
  try {
    const r = await replayCost(makeDemo, SECRET, "Gallery", "Express");
    vsBaseline("replay_cold_interaction_cpu_us", r.coldUs, r.warmUs, "us", 0);
    const coldRatio = r.coldUs / r.warmUs;
    vsBudget("replay_cold_ratio", coldRatio, "x", "a cold interaction at most 1.6 x a warm one", coldRatio <= 1.6, 2);
    note(
      "replay_detail",
      `toggling Express on the gallery as a chain of ${r.requests} posts per mode: cold ${r.coldUs.toFixed(0)} us, warm ${r.warmUs.toFixed(0)} us; the baseline is the warm isolate (it remembers the run that drew the page), ` +
        `cold means the answering app never served that run and replays it: +${(r.coldUs - r.warmUs).toFixed(0)} us; ` +
        `the run's start takes ${r.startBytes} bytes of session JSON on that page`,
    );
  } catch (err) {
    failed("replay", err);
  }
}

console.log(`# done in ${elapsed()}${failures ? `, ${failures} problem(s) above` : ""}`);
process.exit(failures ? 1 : 0);
