#!/usr/bin/env node
// `npm run dev`: serve the demo app (wrangler.toml -> pages/worker.ts) with
// `wrangler dev` on http://127.0.0.1:8787, with telemetry and network
// look-ups turned off. Extra arguments are passed on to wrangler.
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
// wrangler's package "exports" hide bin/, so locate it via package.json.
const wranglerBin = path.join(
  path.dirname(require.resolve("wrangler/package.json")),
  "bin",
  "wrangler.js",
);

// A local signing secret, made once: wrangler dev reads .dev.vars (git-ignored), so sessions
// survive restarts of the dev server. Production secrets are set with `wrangler secret put`.
if (!existsSync(".dev.vars")) {
  writeFileSync(".dev.vars", `SESSION_SECRET=${randomBytes(36).toString("base64url")}\n`);
  console.log("formlit: wrote .dev.vars with a generated SESSION_SECRET for local development");
}

const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
};

const args = [
  wranglerBin,
  "dev",
  "--ip",
  "127.0.0.1",
  "--port",
  "8787",
  ...process.argv.slice(2),
];

const child = spawn(process.execPath, args, { stdio: "inherit", env });

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => child.kill(sig));
}
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
