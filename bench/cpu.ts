/**
 * CPU per request, in one Node process: the same POST (same cookie, same body) replayed against
 * an app's `fetch`, one request at a time. Contenders are measured in interleaved batches after a
 * warm-up, so drift (frequency, GC, JIT) hits both alike; each figure is the median over batches
 * of the process's CPU time (user + system, all threads: crypto and GC included) per request.
 */
import type { Hono } from "hono";
// (not client.ts, which loads formlit's modules: the harness must load none of the code it measures)
import { DEV_ENV, ORIGIN } from "../test/support/dev-env.ts";
import type { Interaction } from "./session.ts";
import { formPost } from "./post.ts";

export interface Contender {
  name: string;
  app: Hono<any>;
  interaction: Interaction;
}

export interface CpuResult {
  name: string;
  /** median CPU microseconds per request */
  cpuUs: number;
  /** median wall-clock microseconds per request */
  wallUs: number;
  iterations: number;
  batches: number;
}

function requestFor(i: Interaction): Request {
  return formPost(ORIGIN + i.path, { cookie: i.cookie, origin: ORIGIN, body: i.body });
}

async function once(c: Contender): Promise<void> {
  // development mode, as the FormClient that made the cookie (plain http on localhost)
  const res = await c.app.fetch(requestFor(c.interaction), DEV_ENV);
  await res.text();
  if (res.status !== 200) throw new Error(`${c.name}: answered ${res.status}`);
}

async function batch(c: Contender, n: number): Promise<{ cpu: number; wall: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await once(c);
  const wall = (performance.now() - t0) * 1000;
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (cpu.user + cpu.system) / n, wall: wall / n };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface CpuOptions {
  /** warm-up per contender, in ms (at least 20 requests) */
  warmupMs?: number;
  /** target length of one batch, in ms */
  batchMs?: number;
  batches?: number;
}

/** Measures the contenders in interleaved batches; returns one result per contender, in order. */
export async function measureCpu(contenders: Contender[], opts: CpuOptions = {}): Promise<CpuResult[]> {
  const warmupMs = opts.warmupMs ?? 1000;
  const batchMs = opts.batchMs ?? 250;
  const batches = opts.batches ?? 7;
  const sizes: number[] = [];
  for (const c of contenders) {
    // Warm up (JIT, key caches) and calibrate the batch size from the warm-up's last requests.
    const t0 = performance.now();
    let n = 0;
    while (n < 20 || performance.now() - t0 < warmupMs) {
      await once(c);
      n++;
      if (n > 200_000) break;
    }
    const probe = await batch(c, 10);
    sizes.push(Math.max(5, Math.min(100_000, Math.round((batchMs * 1000) / probe.wall))));
  }
  const cpu: number[][] = contenders.map(() => []);
  const wall: number[][] = contenders.map(() => []);
  for (let b = 0; b < batches; b++) {
    for (let k = 0; k < contenders.length; k++) {
      const r = await batch(contenders[k]!, sizes[k]!);
      cpu[k]!.push(r.cpu);
      wall[k]!.push(r.wall);
    }
  }
  return contenders.map((c, k) => ({
    name: c.name,
    cpuUs: median(cpu[k]!),
    wallUs: median(wall[k]!),
    iterations: sizes[k]! * batches,
    batches,
  }));
}
