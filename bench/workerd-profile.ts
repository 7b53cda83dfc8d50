/**
 * Where an interaction spends its CPU inside workerd: the benchmark's POST answered in a loop by
 * bench/workerd-cpu-worker.ts under `wrangler dev`, with V8's sampling profiler started through
 * the inspector wrangler opens. Prints self time by source and by function, as bench/profile.ts
 * does for Node. workerd's own C++ shows as native entries named for the API called (Request,
 * Response, set, encrypt, setTimeout); the sources are wrangler's bundle, one file, so functions
 * are told apart by name (esbuild renames a few: `html2`, `link2`).
 *
 *   node_modules/.bin/node --experimental-transform-types bench/workerd-profile.ts [case] [seconds]
 *
 * case: "forms" (default), "demo" (the busiest page) or "widgets-N". Only 127.0.0.1 is used.
 * CALLERS=<function>[,<function>...] also prints who called each function, LINES=<function> its ticks by line,
 * INCLUSIVE=1 the time of each function with its callees (an async function's counts its parts
 * between awaits), to see which phase of a request a cost belongs to.
 */
import path from "node:path";
import { createWorker } from "../pages/worker.ts";
import { ORIGIN } from "../test/support/client.ts";
import { widgetsApp } from "./apps.ts";
import { killAll, startWrangler } from "./load.ts";
import { demoSession, syntheticInteraction, type Interaction } from "./session.ts";
import type { Job } from "./workerd-cpu-worker.ts";

const SECRET = "formlit-bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
const which = process.argv[2] ?? "forms";
const seconds = Number(process.argv[3] ?? 6);
const PORT = Number(process.env.BENCH_PORT ?? 8931) + 7;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

async function interactionFor(name: string): Promise<{ app: string; i: Interaction }> {
  const makeDemo = () => createWorker(SECRET);
  if (name === "forms") return { app: "demo", i: (await demoSession(makeDemo, "Forms")).interaction };
  if (name === "demo") return { app: "demo", i: (await demoSession(makeDemo)).interaction };
  return { app: name, i: await syntheticInteraction(widgetsApp(Number(name.split("-")[1]), SECRET), name) };
}

/** A Chrome DevTools Protocol session over the inspector's WebSocket. */
async function devtools(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as { webSocketDebuggerUrl: string }[];
  // (wrangler's inspector proxy refuses a connection that names no Origin)
  const ws = new WebSocket(targets[0]!.webSocketDebuggerUrl, { headers: { Origin: `http://127.0.0.1:${port}` } } as unknown as string[]);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let next = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  };
  return {
    send: (method: string, params: object = {}) =>
      new Promise<unknown>((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}

function report(profile: Profile, requests: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
  const where = (url: string) => {
    if (!url) return "(native)";
    const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    return m ? m[1]! : url.replace(/^.*?\/(src|pages|bench)\//, "$1/");
  };
  const files = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === "(idle)") continue;
    total += us;
    const special = f.functionName.startsWith("(");
    const file = special ? f.functionName : where(f.url);
    files.set(file, (files.get(file) ?? 0) + us);
    const fn = special ? f.functionName : `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
  }
  const row = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} % ${(us / requests).toFixed(1).padStart(7)} us`;
  console.log(`# ${requests} requests profiled; ${(total / requests).toFixed(0)} us of samples each (idle left out)`);
  console.log("# self time by source");
  for (const [k, us] of [...files].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${row(us)}  ${k}`);
  console.log("# self time by function");
  for (const [k, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOPN ?? 40))) console.log(`${row(us)}  ${k}`);
}

/** Who called `name`, with the self time of `name` under each caller, per request. */
function printCallers(profile: Profile, name: string, requests: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parentOf.set(c, node.id);
  const selfOf = new Map<number, number>();
  profile.samples.forEach((id, k) => selfOf.set(id, (selfOf.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
  const callers = new Map<string, number>();
  for (const node of profile.nodes) {
    if (node.callFrame.functionName !== name) continue;
    const caller = byId.get(parentOf.get(node.id) ?? -1);
    const key = caller ? `${caller.callFrame.functionName || "(anonymous)"} :${caller.callFrame.lineNumber + 1}` : "?";
    callers.set(key, (callers.get(key) ?? 0) + (selfOf.get(node.id) ?? 0) / requests);
  }
  console.log(`# callers of ${name}`);
  for (const [k, us] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${us.toFixed(2).padStart(7)} us  ${k}`);
}

/** Each function's time with everything it called, per request (a recursive function's counted once). */
function printInclusive(profile: Profile, requests: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parentOf.set(c, node.id);
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, k) => {
    if (byId.get(id)!.callFrame.functionName === "(idle)") return;
    const us = profile.timeDeltas[k] ?? 0;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const f = byId.get(at)!.callFrame;
      if (!f.url || f.functionName.startsWith("(")) continue;
      const key = `${f.functionName || "(anonymous)"} :${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  });
  console.log("# time with callees by function");
  for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOPN ?? 40))) console.log(`${(us / requests).toFixed(1).padStart(7)} us  ${k}`);
}

/** The ticks of `name` by line of the bundle (where in the function its time goes). */
function printLines(profile: Profile, name: string): void {
  const ticks = new Map<string, number>();
  for (const node of profile.nodes) {
    if (node.callFrame.functionName !== name) continue;
    for (const t of node.positionTicks ?? []) ticks.set(`${node.callFrame.url}:${t.line}`, (ticks.get(`${node.callFrame.url}:${t.line}`) ?? 0) + t.ticks);
  }
  console.log(`# ticks of ${name} by line`);
  for (const [k, n] of [...ticks].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${String(n).padStart(7)}  ${k}`);
}

/** The app's requests for `seconds`, under the profiler, after a first job that warms the isolate up. */
async function profileOf(url: string, job: Job): Promise<{ profile: Profile; appUs: number }> {
  await fetch(url, { method: "POST", body: JSON.stringify(job) });
  const inspector = await devtools(PORT + 1000);
  await inspector.send("Profiler.enable");
  await inspector.send("Profiler.setSamplingInterval", { interval: 100 });
  await inspector.send("Profiler.start");
  const res = await fetch(url, { method: "POST", body: JSON.stringify({ ...job, batchMs: seconds * 1000 }) });
  if (!res.ok) throw new Error(await res.text());
  const { appUs } = (await res.json()) as { appUs: number };
  const { profile } = (await inspector.send("Profiler.stop")) as { profile: Profile };
  inspector.close();
  return { profile, appUs };
}

const server = await startWrangler(path.join(import.meta.dirname, "wrangler-workerd-cpu.toml"), PORT, {});
try {
  const { app, i } = await interactionFor(which);
  const job: Job = { app, secret: SECRET, post: { url: ORIGIN + i.path, origin: ORIGIN, cookie: i.cookie, body: i.body }, htmlBytes: i.responseBytes, batches: 1, batchMs: 3000, appOnly: true };
  const { profile, appUs } = await profileOf(server.url, job);
  console.log(`# ${which}: ${appUs.toFixed(0)} us per request inside workerd (profiler on)`);
  // one request after another the whole time: the profile's length over the time of one is their number
  const requests = Math.round((profile.endTime - profile.startTime) / appUs);
  report(profile, requests);
  for (const name of process.env.CALLERS?.split(",") ?? []) printCallers(profile, name, requests);
  if (process.env.LINES) printLines(profile, process.env.LINES);
  if (process.env.INCLUSIVE) printInclusive(profile, requests);
} finally {
  await server.stop();
  killAll();
}
