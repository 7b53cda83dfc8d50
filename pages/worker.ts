/**
 * The demo Worker: the seed's options app at /, the pages-directory app at /classic.
 * `export default` of a Hono app is a Worker (wrangler.toml: main = "pages/worker.ts").
 */
import { Hono } from "hono";
import { createDemoApp } from "./demo.ts";
import { createClassicApp } from "./classic.ts";

export function createWorker(secret?: string) {
  const worker = new Hono();
  worker.route("/classic", createClassicApp(secret ? { secret } : {}));
  worker.route("/", createDemoApp(secret ? { secret } : {}));
  return worker;
}

export default createWorker();
