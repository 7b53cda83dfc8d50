#!/usr/bin/env node
// `npm run dev`: serve the demo app (wrangler.toml -> pages/worker.ts) with
// `wrangler dev` on http://127.0.0.1:8787, with telemetry and network
// look-ups turned off, after creating and migrating the local D1 database of
// the Team page, and with a local OpenID Connect provider on 127.0.0.1:8790 for
// the demo's sign-in (st.login). Extra arguments are passed on to wrangler dev.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { ensureDevVars } from "./dev-vars.mjs";

const require = createRequire(import.meta.url);
// wrangler's package "exports" hide bin/, so locate it via package.json.
const wranglerBin = path.join(
  path.dirname(require.resolve("wrangler/package.json")),
  "bin",
  "wrangler.js",
);

// A local secret made once (sessions survive restarts of the dev server) and the development flag,
// in .dev.vars. Production secrets are set with `wrangler secret put`.
ensureDevVars();

const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
};

// The Team page's database: wrangler creates the local copy on first use and applies what
// migrations/ adds since (none on later starts). Its stdin is closed, so it does not ask first.
const migrated = spawnSync(process.execPath, [wranglerBin, "d1", "migrations", "apply", "DB", "--local"], { stdio: ["ignore", "inherit", "inherit"], env });
if (migrated.status !== 0) {
  console.error("formlit: the local D1 database could not be migrated (see above); the Team page will say so.");
}

const given = process.argv.indexOf("--port");
const port = given >= 0 ? process.argv[given + 1] : "8787";

// Sign-in to try st.login with: a development provider in this process (any name and password
// sign in; "ada" is Ada Lovelace), its address handed to the Worker as variables for this run
// only. It is skipped, with a word, when its port is taken: the demo then runs without sign-in.
const PROVIDER_PORT = 8790;
const signIn = [];
try {
  const { startProvider, CLIENT_ID, CLIENT_SECRET } = await import("./oidc-dev-provider.ts");
  const provider = await startProvider(PROVIDER_PORT, [`http://127.0.0.1:${port}/oauth2callback`]);
  const vars = { AUTH_SERVER_METADATA_URL: provider.metadataUrl, AUTH_CLIENT_ID: CLIENT_ID, AUTH_CLIENT_SECRET: CLIENT_SECRET, AUTH_REDIRECT_URI: `http://127.0.0.1:${port}/oauth2callback` };
  for (const [name, value] of Object.entries(vars)) signIn.push("--var", `${name}:${value}`);
  console.log(`formlit: a local sign-in provider runs on ${provider.issuer} (any name and password; try "ada")`);
} catch (e) {
  console.error(`formlit: no local sign-in provider (${e?.message ?? e}); the demo runs without sign-in.`);
}

const args = [
  wranglerBin,
  "dev",
  "--ip",
  "127.0.0.1",
  // a --port given on the command line (npm run dev -- --port 8790) replaces the default
  ...(given >= 0 ? [] : ["--port", "8787"]),
  ...signIn,
  ...process.argv.slice(2),
];

const child = spawn(process.execPath, args, { stdio: "inherit", env });

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => child.kill(sig));
}
// (the provider's server is in this process: leaving ends it)
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
