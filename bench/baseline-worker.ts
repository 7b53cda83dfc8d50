/**
 * The baseline as a Worker, for the load test under `wrangler dev` (bench/wrangler-baseline.toml).
 * `npm run bench` passes SESSION_SECRET (the demo's) and BASELINE_HTML_BYTES (the size of the
 * demo's answer to the same POST) with `--var`.
 */
import type { Hono } from "hono";
import { createBaselineApp } from "./baseline-app.ts";

interface Env {
  SESSION_SECRET: string;
  BASELINE_HTML_BYTES: string;
}

let app: Hono | null = null;

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    app ??= createBaselineApp({ secret: env.SESSION_SECRET, htmlBytes: Number(env.BASELINE_HTML_BYTES) });
    return app.fetch(request, env, ctx);
  },
};
