/**
 * CPU per request with each contender alone in a fresh Node process, as a Worker's isolate holds
 * one app. The budgets' figures come from here.
 *
 * Why not one process for all (bench/cpu.ts's interleaved batches): contenders in one process share
 * one heap, one collector and the JIT's feedback on the code they share, and a figure then depends
 * on who else is in the process. Beside the other apps of its family, the 100-widget page measured
 * 1,345–1,761 µs a request over five runs, alone 1,210–1,212; the 1,000-widget page's baseline
 * 1,038–2,390 µs (so its ratio 3.67x–6.93x), alone 2,049–2,361 (BENCHMARKS.md). Drift still hits
 * both sides alike here: every round runs each case's two contenders back to back, in alternating
 * order, and each figure is the median over rounds.
 *
 * The parent hands a child its job in a file (a session of 100 KB spans 40 cookies, too long for
 * an argument); the child builds its app, measures it with bench/cpu.ts and prints one JSON line.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Hono } from "hono";
import { createWorker } from "../pages/worker.ts";
import { createBaselineApp } from "./baseline-app.ts";
import { measureCpu, type CpuResult } from "./cpu.ts";
import { dataEditorApp, stateApp, widgetsApp } from "./apps.ts";
import type { Interaction } from "./session.ts";

/** Which app answers: the demo, a synthetic app of the scaling figures, or the baseline. */
export type AppKind = { kind: "demo" } | { kind: "editor" } | { kind: "widgets"; n: number } | { kind: "state"; kb: number } | { kind: "baseline" };

/** One case: a formlit app and the post it answers; its baseline answers the same post. */
export interface SoloCase {
  name: string;
  app: AppKind;
  interaction: Interaction;
}

interface Job {
  app: AppKind;
  interaction: Interaction;
  secret: string;
}

/**
 * Requests before measuring, in ms: V8 compiles a long-lived isolate's code for thousands of
 * requests, formlit's (more of it) longer than the baseline's; two seconds is 2,000 requests of a
 * small page and a few hundred of the largest.
 */
const WARMUP_MS = 2000;

function appFor(job: Job): Hono<any> {
  const { app, secret } = job;
  if (app.kind === "demo") return createWorker(secret);
  if (app.kind === "editor") return dataEditorApp(secret);
  if (app.kind === "widgets") return widgetsApp(app.n, secret);
  if (app.kind === "state") return stateApp(app.kb, secret);
  return createBaselineApp({ secret, htmlBytes: job.interaction.responseBytes });
}

/** In a child process: measures the job in `file` and prints its result as one JSON line. */
export async function soloChild(file: string): Promise<void> {
  const job = JSON.parse(readFileSync(file, "utf8")) as Job;
  const [result] = await measureCpu([{ name: job.app.kind, app: appFor(job), interaction: job.interaction }], { warmupMs: WARMUP_MS, batchMs: 200, batches: 7 });
  console.log(JSON.stringify(result));
}

function runChild(script: string, file: string): Promise<CpuResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, `--solo-child=${file}`], { timeout: 120_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`CPU measurement process failed: ${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split("\n").pop()!) as CpuResult);
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * Each case and its baseline, each in a process of its own, `rounds` times (the order within a
 * case alternating from round to round). `script` is the one to start with `--solo-child=<file>`.
 * Returns per case the median CPU per request of formlit and of its baseline, in µs.
 */
export async function measureSolo(script: string, secret: string, cases: SoloCase[], rounds = 3): Promise<{ name: string; us: number; baselineUs: number }[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "formlit-solo-"));
  try {
    const files = cases.map((c, k) => {
      const mine = path.join(dir, `${k}.json`);
      const theirs = path.join(dir, `${k}-baseline.json`);
      writeFileSync(mine, JSON.stringify({ app: c.app, interaction: c.interaction, secret } satisfies Job));
      writeFileSync(theirs, JSON.stringify({ app: { kind: "baseline" }, interaction: c.interaction, secret } satisfies Job));
      return [mine, theirs] as const;
    });
    const us = cases.map(() => [[], []] as [number[], number[]]);
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < cases.length; k++) {
        for (const side of r % 2 ? [1, 0] : [0, 1]) us[k]![side]!.push((await runChild(script, files[k]![side]!)).cpuUs);
      }
    }
    return cases.map((c, k) => ({ name: c.name, us: median(us[k]![0]), baselineUs: median(us[k]![1]) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
