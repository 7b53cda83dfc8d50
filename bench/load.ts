/**
 * Throughput under a bounded load: `wrangler dev` (workerd) serving the demo (wrangler.toml) and
 * the baseline (bench/wrangler-baseline.toml) on 127.0.0.1, each driven by autocannon with the same
 * POST and the same cookie, one after the other, bounded in time and in requests. Only ever
 * 127.0.0.1.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import autocannon from "autocannon";
import type { Interaction } from "./session.ts";

const require = createRequire(import.meta.url);
const wranglerBin = path.join(path.dirname(require.resolve("wrangler/package.json")), "bin", "wrangler.js");

export const WRANGLER_ENV = {
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
};

export function runWrangler(args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin, ...args], {
      env: { ...process.env, ...WRANGLER_ENV },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`wrangler ${args[0]} did not finish within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export interface DevServer {
  url: string;
  stop(): Promise<void>;
  /** from starting wrangler to its first answer (what a fresh workerd takes to serve the Worker) */
  readyMs: number;
  /** whether the wrangler process is still running, and what it printed */
  alive(): boolean;
  log(): string;
}

const live = new Set<ChildProcess>();
/** Kills every wrangler dev this process started (its process group), e.g. on Ctrl-C. */
export function killAll() {
  for (const child of live) {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
  live.clear();
}

/**
 * `wrangler dev` for `config` on 127.0.0.1:port with the given vars; resolves once it answers.
 * With `script`, that module is served as it is (`--no-bundle`): a Worker already built.
 */
export async function startWrangler(config: string, port: number, vars: Record<string, string>, script?: string): Promise<DevServer> {
  const started = performance.now();
  const built = script ? [script, "--no-bundle"] : [];
  const args = [wranglerBin, "dev", ...built, "--config", config, "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(port + 1000), "--log-level", "warn"];
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...WRANGLER_ENV },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  live.add(child);
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    live.delete(child);
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 300));
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev (${config}) exited early:\n${log}`);
    try {
      const res = await fetch(url + "/", { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status < 500) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev (${config}) did not answer within 60 s:\n${log}`);
    }
    // (often: the time to the first answer is a figure of its own, and a refused connection is cheap)
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, stop, readyMs: performance.now() - started, alive: () => child.exitCode === null && child.signalCode === null, log: () => log };
}

/** compatibility_date and compatibility_flags lines of a wrangler.toml, for the like-for-like check. */
export function compatibilityOf(file: string): string {
  const text = readFileSync(file, "utf8");
  const pick = (key: string) => text.match(new RegExp(`^${key}\\s*=\\s*(.+)$`, "m"))?.[1]?.trim() ?? "(unset)";
  return `${pick("compatibility_date")} ${pick("compatibility_flags")}`;
}

/** One POST to a running server, as the load test sends it: status, body bytes and the body. */
export async function postOnce(url: string, i: Interaction) {
  const res = await fetch(url + i.path, {
    method: "POST",
    headers: { cookie: i.cookie, origin: url, "content-type": "application/x-www-form-urlencoded" },
    body: i.body,
  });
  const body = await res.text();
  return { status: res.status, bytes: Buffer.byteLength(body), body };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
}

export interface LoadOptions {
  seconds: number;
  connections: number;
  /** hard cap on requests, whatever the time */
  maxRequests: number;
}

export async function load(url: string, i: Interaction, opts: LoadOptions): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`load is only ever sent to 127.0.0.1, not ${url}`);
  const result = await autocannon({
    url: url + i.path,
    method: "POST",
    headers: { cookie: i.cookie, origin: url, "content-type": "application/x-www-form-urlencoded" },
    body: i.body,
    connections: opts.connections,
    duration: opts.seconds,
    maxOverallRequests: opts.maxRequests,
    timeout: 10,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: result.duration,
  };
}
