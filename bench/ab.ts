/**
 * Before and after in one process: the same cases from another checkout of formlit (its
 * bench/quick.ts) and from this one, measured in interleaved batches, so a busy machine skews both
 * alike. Only the ratios mean much.
 *
 * The harness (bench/cpu.ts) loads none of formlit's modules: when it loaded this checkout's (for
 * two constants), two copies of the same code measured 5-12 % apart on the 1,000-widget page, this
 * checkout's the cheaper, in every run; with nothing shared, 0.99-1.02.
 *
 * The two checkouts still share one heap: a change in what the collector has to do (what is
 * allocated, what outlives a request) shows on both sides alike, so it measures level here. For
 * such a change compare one app per process with bench/threads.ts, alternating the checkouts.
 *
 *   node_modules/.bin/node --experimental-transform-types bench/ab.ts <other checkout> [case...]
 */
import path from "node:path";
import { measureCpu, type Contender } from "./cpu.ts";
import { benchCase } from "./quick.ts";

const other = path.resolve(process.argv[2]!);
const names = process.argv.slice(3).length ? process.argv.slice(3) : ["demo", "widgets-100", "widgets-1000"];
const before = (await import(path.join(other, "bench/quick.ts"))) as { benchCase: typeof benchCase };
const contenders: Contender[] = [];
for (const n of names) {
  const a = await before.benchCase(n);
  const b = await benchCase(n);
  contenders.push({ name: `${n} before`, app: a.app, interaction: a.i }, { name: `${n} after`, app: b.app, interaction: b.i });
}
const rs = await measureCpu(contenders, { warmupMs: 500, batchMs: 200, batches: Number(process.env.AB_BATCHES ?? 7) });
for (let k = 0; k < rs.length; k += 2) {
  const [a, b] = [rs[k]!, rs[k + 1]!];
  console.log(`${names[k / 2]}: ${a.cpuUs.toFixed(0)} -> ${b.cpuUs.toFixed(0)} us (x${(b.cpuUs / a.cpuUs).toFixed(2)}); cookie ${contenders[k]!.interaction.cookieBytes} -> ${contenders[k + 1]!.interaction.cookieBytes} bytes`);
}
