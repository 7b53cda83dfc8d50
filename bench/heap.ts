/**
 * What one interaction allocates on Node, by the function that allocated it: V8's sampling heap
 * profiler over N requests (default 2,000, after as many to warm up), counting objects the
 * collector has freed since as well as those still alive, so short-lived garbage shows too.
 *
 *   node_modules/.bin/node --experimental-transform-types bench/heap.ts [widgets-N]
 */
import { Session } from "node:inspector/promises";
import { widgetsApp } from "./apps.ts";
import { syntheticInteraction } from "./session.ts";
import { formPost } from "./post.ts";
import { DEV_ENV, ORIGIN } from "../test/support/client.ts";
const SECRET = "formlit-bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
const which = process.argv[2] ?? "widgets-100";
const n = Number(process.env.N ?? 2000);

interface SampledNode {
  selfSize: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children: SampledNode[];
}

const app = widgetsApp(Number(which.split("-")[1]), SECRET);
const interaction = await syntheticInteraction(app, which);
const once = async () => {
  const res = await app.fetch(formPost(ORIGIN + interaction.path, { cookie: interaction.cookie, origin: ORIGIN, body: interaction.body }), DEV_ENV);
  await res.arrayBuffer();
};

/** Bytes allocated by each function (its file and line), over `n` requests after as many to warm up. */
async function allocationsBySite(): Promise<{ total: number; bySite: Map<string, number> }> {
  for (let k = 0; k < n; k++) await once();
  const session = new Session();
  session.connect();
  await session.post("HeapProfiler.startSampling", { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let k = 0; k < n; k++) await once();
  const { profile } = (await session.post("HeapProfiler.stopSampling")) as unknown as { profile: { head: SampledNode } };
  const bySite = new Map<string, number>();
  let total = 0;
  const walk = (node: SampledNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const site = `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber + 1}`;
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    total += node.selfSize;
    node.children.forEach(walk);
  };
  walk(profile.head);
  return { total, bySite };
}

const { total, bySite } = await allocationsBySite();
console.log(`# ${which}: ${(total / n / 1024).toFixed(1)} KB allocated per request (sampled over ${n} requests)`);
for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(bytes / n / 1024).toFixed(2).padStart(7)} KB  ${site}`);
