/**
 * What replaying the previous run costs (section "replay"): the CPU of the demo's interaction on a
 * cold isolate (a new app, which must replay the run that drew the page) beside a warm one (the
 * app that served that run, which remembers its callbacks), measured in interleaved batches.
 */
import type { Hono } from "hono";
import { measureCpu, type CpuResult } from "./cpu.ts";
import { demoSession, type DemoSession } from "./session.ts";

export interface ReplayCost {
  demo: DemoSession;
  cold: CpuResult;
  warm: CpuResult;
}

export async function replayCost(makeApp: () => Hono<any>): Promise<ReplayCost> {
  let served: Hono<any> | null = null;
  // the app that served the typical session: its recent runs include the one the interaction posts to
  const demo = await demoSession(() => (served = makeApp()));
  const [cold, warm] = await measureCpu(
    [
      { name: "cold", app: makeApp(), interaction: demo.interaction },
      { name: "warm", app: served!, interaction: demo.interaction },
    ],
    { warmupMs: 1000, batchMs: 250, batches: 7 },
  );
  return { demo, cold: cold!, warm: warm! };
}
