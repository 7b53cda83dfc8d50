/**
 * CPU per interaction inside workerd, the runtime formlit is deployed on (`npm run bench`,
 * section "workerd", under `wrangler dev` with bench/wrangler-workerd-cpu.toml). The in-process
 * figures of bench/cpu.ts run on Node, whose WebCrypto and compression go through a thread pool;
 * here the same apps and the same baseline answer the same posts where Workers would run them.
 *
 * POST / with a {@link Job}: the app named by `app` and the baseline answer `post` in interleaved
 * batches; the answer is the median time per request of each. One request at a time and no I/O
 * in between, so the time is the isolate's CPU (workerd's clock moves in whole milliseconds
 * here: each batch is made to last about `batchMs`).
 */
import type { Hono } from "hono";
import { createWorker } from "../pages/worker.ts";
import { enableGraphviz } from "../src/graphviz.ts";
// Graphviz from the binary wrangler compiles ahead of time, as the deployed demo has it
// (pages/cloudflare.ts; the build step of bench/wrangler-workerd-cpu.toml writes the file)
import graphvizWasm from "../src/generated/graphviz.wasm";
import { createBaselineApp } from "./baseline-app.ts";
import { dataEditorApp, widgetsApp } from "./apps.ts";
import { formPost } from "./post.ts";

export interface Job {
  /** "demo", "widgets-N" or "data-editor" */
  app: string;
  secret: string;
  post: { url: string; origin: string; cookie: string; body: string };
  /** bytes of the app's answer: the baseline answers as many */
  htmlBytes: number;
  batches: number;
  batchMs: number;
  /** answer with the app alone, no baseline (bench/workerd-profile.ts profiles the app's requests) */
  appOnly?: boolean;
}

export interface JobResult {
  appUs: number;
  baselineUs: number;
  perBatch: number;
  batches: number;
}

enableGraphviz({ wasm: graphvizWasm });

/** Development mode, as the FormClient that made the cookie (plain http on localhost). */
const ENV = { FORMLIT_DEV: "1" };

/** Apps made once per isolate, as a warm isolate keeps them (the in-process figures do the same). */
const apps = new Map<string, Hono<any>>();

function appFor(job: Job): Hono<any> {
  const name = `${job.app} ${job.secret}`;
  let app = apps.get(name);
  if (app) return app;
  const widgets = /^widgets-(\d+)$/.exec(job.app);
  if (job.app === "demo") app = createWorker(job.secret);
  else if (job.app === "data-editor") app = dataEditorApp(job.secret);
  else if (widgets) app = widgetsApp(Number(widgets[1]), job.secret);
  else throw new Error(`no app ${job.app}`);
  apps.set(name, app);
  return app;
}

async function answer(app: Hono<any>, post: Job["post"]): Promise<void> {
  const res = await app.fetch(formPost(post.url, post), ENV);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`answered ${res.status}`);
}

/** Milliseconds per request over `n` requests. */
async function batch(app: Hono<any>, post: Job["post"], n: number): Promise<number> {
  const t0 = performance.now();
  for (let k = 0; k < n; k++) await answer(app, post);
  return (performance.now() - t0) / n;
}

/** How many requests make a batch of about `ms` milliseconds: counted after a warm-up of as long (the first requests compile the code). */
async function calibrate(app: Hono<any>, post: Job["post"], ms: number): Promise<number> {
  let n = 0;
  for (let pass = 0; pass < 2; pass++) {
    n = 0;
    const t0 = performance.now();
    while (n < 20 || performance.now() - t0 < ms) {
      await answer(app, post);
      n++;
    }
    n = Math.round((n * ms) / (performance.now() - t0));
  }
  return Math.max(5, n);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function measure(job: Job): Promise<JobResult> {
  const app = appFor(job);
  const baseline = createBaselineApp({ secret: job.secret, htmlBytes: job.htmlBytes });
  const n = await calibrate(app, job.post, job.batchMs);
  const nb = job.appOnly ? 0 : await calibrate(baseline, job.post, job.batchMs);
  const mine: number[] = [];
  const theirs: number[] = [];
  for (let b = 0; b < job.batches; b++) {
    mine.push(await batch(app, job.post, n));
    if (!job.appOnly) theirs.push(await batch(baseline, job.post, nb));
  }
  return { appUs: median(mine) * 1000, baselineUs: job.appOnly ? NaN : median(theirs) * 1000, perBatch: n, batches: job.batches };
}

export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method !== "POST") return new Response("POST a job (bench/workerd-cpu-worker.ts)\n");
    try {
      return Response.json(await measure((await request.json()) as Job));
    } catch (err) {
      return new Response(String((err as Error)?.stack ?? err), { status: 500 });
    }
  },
};
