/**
 * Where the demo's interaction spends its CPU: replays the benchmark's POST (bench/session.ts) for
 * a few seconds under the V8 sampling profiler and prints self time by source file and by
 * function. Runs the TypeScript sources directly, so positions are the real files:
 *
 *   node_modules/.bin/node --experimental-transform-types bench/profile.ts [seconds] [case]
 *
 * case: "demo" (default, the busiest demo page), "widgets-N" (N keyed number inputs) or "state-N"
 * (N KB of session state), the synthetic apps of the scaling figures.
 */
import { Session } from "node:inspector/promises";
import path from "node:path";
import { createWorker } from "../pages/worker.ts";
import { DEV_ENV, ORIGIN } from "../test/support/client.ts";
import { demoSession, syntheticInteraction } from "./session.ts";
import { stateApp, widgetsApp } from "./apps.ts";
import { formPost } from "./post.ts";

const SECRET = "formlit-bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
const seconds = Number(process.argv[2] ?? 4);

const which = process.argv[3] ?? "demo";
const synthetic = /^(widgets|state)-(\d+)$/.exec(which);
const app = synthetic ? (synthetic[1] === "widgets" ? widgetsApp : stateApp)(Number(synthetic[2]), SECRET) : createWorker(SECRET);
const i = synthetic ? await syntheticInteraction(app, which) : (await demoSession(() => createWorker(SECRET))).interaction;
const once = async () => {
  const res = await app.fetch(
    formPost(ORIGIN + i.path, { cookie: i.cookie, origin: ORIGIN, body: i.body }),
    DEV_ENV,
  );
  await res.text();
  if (res.status !== 200) throw new Error(`answered ${res.status}`);
};
for (let t = performance.now(); performance.now() - t < 1000; ) await once(); // warm up

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 100 });
await session.post("Profiler.start");
let n = 0;
for (let t = performance.now(); performance.now() - t < seconds * 1000; n++) await once();
const { profile } = (await session.post("Profiler.stop")) as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
session.disconnect();

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const root = process.cwd();
function where(url: string): string {
  if (!url) return "(V8/native)";
  const file = url.replace(/^file:\/\//, "");
  const m = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1]!;
  if (file.startsWith("node:")) return file.replace(/^node:(internal\/)?/, "node:");
  return path.relative(root, file);
}
const files = new Map<string, number>();
const fns = new Map<string, number>();
for (const [id, us] of self) {
  const f = byId.get(id)!.callFrame;
  const file = where(f.url);
  const special = ["(garbage collector)", "(program)", "(idle)"].includes(f.functionName);
  const key = special ? f.functionName : file;
  files.set(key, (files.get(key) ?? 0) + us);
  const fn = special ? f.functionName : `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}`;
  fns.set(fn, (fns.get(fn) ?? 0) + us);
}
// Time including callees, by function (a function on the stack twice counts once per sample).
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const f = byId.get(at)!.callFrame;
    if (!f.url) continue;
    const fn = `${f.functionName || "(anonymous)"} ${where(f.url)}:${f.lineNumber + 1}`;
    if (seen.has(fn)) continue;
    seen.add(fn);
    inclusive.set(fn, (inclusive.get(fn) ?? 0) + us);
  }
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(`# ${n} interactions in ${seconds} s: ${((seconds * 1e6) / n).toFixed(0)} us each (wall, profiler on)`);
console.log("# self time by file or package");
for (const [k, us] of [...files].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${pct(us)}  ${k}`);
console.log("# self time by function");
for (const [k, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(us)}  ${k}`);
console.log("# total time (with callees) by function, formlit's own");
const own = [...inclusive].filter(([k]) => / (src|pages)\//.test(k));
for (const [k, us] of own.sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${pct(us)}  ${k}`);
// CALLERS=<function>[,<function>...]: who called each, with its self time under each caller.
for (const name of process.env.CALLERS?.split(",") ?? []) {
  const callers = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName !== name) continue;
    const p = byId.get(parent.get(id) ?? -1)?.callFrame;
    const key = p ? `${p.functionName || "(anonymous)"} ${where(p.url)}:${p.lineNumber + 1}` : "?";
    callers.set(key, (callers.get(key) ?? 0) + us);
  }
  console.log(`# callers of ${name}`);
  for (const [k, us] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${pct(us)}  ${k}`);
}
