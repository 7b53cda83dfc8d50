/**
 * Runs the demo Worker under `wrangler dev` (workerd, the real Workers runtime) on 127.0.0.1 for
 * browser tests, and headless Debian Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

const require = createRequire(import.meta.url);

export interface DevServer {
  url: string;
  stop(): Promise<void>;
}

/** More for wrangler dev: the inspector's port (default: port + 1000), extra arguments (--persist-to). */
export interface WranglerExtras {
  inspectorPort?: number;
  args?: string[];
}

export async function startWrangler(port: number, config?: string, extras: WranglerExtras = {}): Promise<DevServer> {
  const bin = path.join(path.dirname(require.resolve("wrangler/package.json")), "bin", "wrangler.js");
  const child: ChildProcess = spawn(
    process.execPath,
    [
      bin,
      "dev",
      ...(config ? ["--config", config] : []),
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(extras.inspectorPort ?? port + 1000),
      ...(extras.args ?? []),
      "--var",
      "SESSION_SECRET:browser-test-secret-0123456789-abcdefghij",
      // development mode, as .dev.vars gives `npm run dev`: the pages are served over plain http
      "--var",
      "FORMLIT_DEV:1",
    ],
    {
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_SEND_ERROR_REPORTS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_HIDE_BANNER: "true" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${log}`);
    try {
      const res = await fetch(url + "/");
      if (res.status === 200) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      process.kill(-child.pid!, "SIGKILL");
      throw new Error(`wrangler dev did not answer within 45 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
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
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
