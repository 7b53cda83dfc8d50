/**
 * The demo, assembled: the seed's options app at /, the pages-directory app at /classic.
 * Runtime-neutral (Node and Workers); pages/cloudflare.ts is the Workers entry.
 */
import { Hono } from "hono";
import type { AppOptions } from "../src/index.ts";
import { createDemoApp } from "./demo.ts";
import { createClassicApp } from "./classic.ts";

export function createWorker(secret?: string, extra: Partial<AppOptions> = {}) {
  const options = { ...(secret ? { secret } : {}), ...extra };
  const worker = new Hono();
  worker.route("/classic", createClassicApp(options));
  worker.route("/", createDemoApp(options));
  return worker;
}

export default createWorker();
