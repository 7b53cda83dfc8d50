#!/usr/bin/env node
// Makes sure ./.dev.vars (git-ignored) holds a local SESSION_SECRET and FORMLIT_DEV=1. `wrangler
// dev` reads that file and `wrangler deploy` never does, so development mode (plain-http cookies,
// stack traces, see SECURITY.md) cannot reach a deployment by accident. `npm run start:node`
// passes the same file to Node with --env-file. Run directly, it ensures the file named by its
// argument (default ./.dev.vars).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";

export function ensureDevVars(file = ".dev.vars") {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  let add = "";
  if (!/^SESSION_SECRETS?=/m.test(text)) add += `SESSION_SECRET=${randomBytes(36).toString("base64url")}\n`;
  if (!/^FORMLIT_DEV=/m.test(text)) add += "FORMLIT_DEV=1\n";
  if (!add) return;
  writeFileSync(file, text + (text && !text.endsWith("\n") ? "\n" : "") + add);
  console.log(`formlit: wrote ${add.trim().split("\n").map((l) => l.split("=")[0]).join(" and ")} to ${file} for local development`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDevVars(process.argv[2]);
