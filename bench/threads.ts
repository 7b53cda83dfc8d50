/**
 * Whose CPU an interaction costs, by thread: the main thread (the request itself), V8's worker
 * threads (the optimizing compiler and the collector's helpers) and libuv's pool (WebCrypto's jobs
 * on Node). Replays the benchmark's POST (bench/session.ts) one request at a time, after a warm-up
 * of `WARM` requests (default 2,000), then reads each thread's CPU from /proc over `N` requests
 * (default 6,000). One app per process: the baseline run alone does not share the JIT's state
 * (and its feedback) with formlit's code. Linux only.
 *
 *   WARM=25000 node_modules/.bin/node --experimental-transform-types bench/threads.ts [case] [baseline]
 *
 * case: "demo" (BENCH_PAGE picks the page, as for bench/profile.ts) or "widgets-N".
 */
import { readdirSync, readFileSync } from "node:fs";
import { createWorker } from "../pages/worker.ts";
import { DEV_ENV, ORIGIN } from "../test/support/client.ts";
import { demoSession, syntheticInteraction } from "./session.ts";
import { widgetsApp } from "./apps.ts";
import { formPost } from "./post.ts";
import { createBaselineApp } from "./baseline-app.ts";

const SECRET = "formlit-bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
const which = process.argv[2] ?? "demo";
const formlit = which === "demo" ? createWorker(SECRET) : widgetsApp(Number(which.split("-")[1]), SECRET);
const i = which === "demo" ? (await demoSession(() => createWorker(SECRET))).interaction : await syntheticInteraction(formlit, which);
const app = process.argv[3] === "baseline" ? createBaselineApp({ secret: SECRET, htmlBytes: i.responseBytes }) : formlit;
const once = async () => {
  const res = await app.fetch(formPost(ORIGIN + i.path, { cookie: i.cookie, origin: ORIGIN, body: i.body }), DEV_ENV);
  await res.text();
};

/** CPU ticks (user + system) of each thread, by the thread's name without its number. */
function ticksByThread(): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const id of readdirSync("/proc/self/task")) {
    try {
      const stat = readFileSync(`/proc/self/task/${id}/stat`, "utf8");
      const name = readFileSync(`/proc/self/task/${id}/comm`, "utf8").trim().replace(/\d+$/, "");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks.set(`${name}#${id}`, Number(fields[11]) + Number(fields[12]));
    } catch {
      // the thread ended while it was read
    }
  }
  return ticks;
}

const warm = Number(process.env.WARM ?? 2000);
const n = Number(process.env.N ?? 6000);
for (let k = 0; k < warm; k++) await once();
const before = ticksByThread();
const cpu0 = process.cpuUsage();
for (let k = 0; k < n; k++) await once();
const cpu = process.cpuUsage(cpu0);
const byName = new Map<string, number>();
for (const [thread, t] of ticksByThread()) {
  const name = thread.split("#")[0]!;
  byName.set(name, (byName.get(name) ?? 0) + t - (before.get(thread) ?? 0));
}
const tickUs = 1e6 / 100; // USER_HZ
console.log(`${process.argv[3] === "baseline" ? "baseline" : "formlit"} ${which} after ${warm} requests: ${((cpu.user + cpu.system) / n).toFixed(0)} us CPU per request`);
for (const [name, t] of [...byName].sort((a, b) => b[1] - a[1])) if (t) console.log(`  ${name.padEnd(14)} ${((t * tickUs) / n).toFixed(0)} us`);
