/**
 * A Worker's start-up on a fresh workerd: built first as `wrangler deploy` would ship it (a dry
 * run), then served as built (`wrangler dev --no-bundle`), so that wrangler's own bundling of the
 * sources, which grows with them and which no deployed Worker pays, is not counted as the Worker's.
 * The figure is the time from starting `wrangler dev` to the Worker's first answer to `GET /`:
 * wrangler's own start is in it too, alike for every Worker measured this way.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runWrangler, startWrangler } from "./load.ts";

export interface Startup {
  /** from starting wrangler dev to the first answer */
  readyMs: number;
}

/** Builds the Worker of `config` into a temporary directory; returns the directory and its main module. */
async function build(config: string): Promise<{ dir: string; main: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "formlit-startup-"));
  const { code, output } = await runWrangler(["deploy", "--dry-run", "--outdir", dir, "--config", config], 120_000);
  const modules = readdirSync(dir).filter((f) => f.endsWith(".js"));
  if (code !== 0 || modules.length !== 1) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`wrangler deploy --dry-run (${config}) did not write one main module (exit ${code}, ${modules.join(", ") || "none"}):\n${output}`);
  }
  return { dir, main: path.join(dir, modules[0]!) };
}

/**
 * Each Worker's start-up, `rounds` times in alternating order (each start alone on the machine),
 * the median of its rounds. Worker k is served on `port + k`.
 */
export async function startups(workers: { config: string; vars: Record<string, string> }[], port: number, rounds = 3): Promise<Startup[]> {
  const builds: { dir: string; main: string }[] = [];
  try {
    for (const w of workers) builds.push(await build(w.config));
    const seen: Startup[][] = workers.map(() => []);
    for (let r = 0; r < rounds; r++) {
      const order = workers.map((_, k) => k);
      if (r % 2 === 1) order.reverse();
      for (const k of order) {
        const server = await startWrangler(workers[k]!.config, port + k, workers[k]!.vars, builds[k]!.main);
        await server.stop();
        seen[k]!.push({ readyMs: server.readyMs });
      }
    }
    return seen.map((list) => [...list].sort((a, b) => a.readyMs - b.readyMs)[list.length >> 1]!);
  } finally {
    for (const b of builds) rmSync(b.dir, { recursive: true, force: true });
  }
}
