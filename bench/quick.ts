/**
 * A quick in-process figure while working on a hot spot: CPU per request of one case (see
 * bench/profile.ts for the cases), median of a few batches; no baseline, so only differences within
 * one machine state mean anything.
 *
 *   node_modules/.bin/node --experimental-transform-types bench/quick.ts [case...]
 */
import { createWorker } from "../pages/worker.ts";
import { demoSession, syntheticInteraction, type Interaction } from "./session.ts";
import { stateApp, widgetsApp } from "./apps.ts";
import { measureCpu } from "./cpu.ts";
import type { Hono } from "hono";

const SECRET = "formlit-bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
export async function benchCase(which: string): Promise<{ app: Hono<any>; i: Interaction }> {
  const synthetic = /^(widgets|state)-(\d+)$/.exec(which);
  const app = synthetic ? (synthetic[1] === "widgets" ? widgetsApp : stateApp)(Number(synthetic[2]), SECRET) : createWorker(SECRET);
  const i = synthetic ? await syntheticInteraction(app, which) : (await demoSession(() => createWorker(SECRET))).interaction;
  return { app, i };
}

if (import.meta.main && process.argv[1]?.endsWith("quick.ts")) {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : ["demo", "widgets-100", "widgets-1000"];
  const cases = [];
  for (const n of names) {
    const { app, i } = await benchCase(n);
    cases.push({ name: n, app, interaction: i });
  }
  const rs = await measureCpu(cases, { warmupMs: 500, batchMs: 200, batches: 5 });
  for (const [k, r] of rs.entries()) console.log(`${r.name}: ${r.cpuUs.toFixed(0)} us cpu, cookie ${cases[k]!.interaction.cookieBytes} bytes`);
}
