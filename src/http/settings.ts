/**
 * Configuration read from the Worker's bindings (or Node's environment): the signing secret, and
 * whether this is a development server. Neither is ever taken from the request: a Host header is
 * the client's to choose, and a proxy may forward "localhost" for every visitor.
 */
import type { Context } from "hono";
import type { AppOptions, Env } from "./options.ts";
import { hex } from "../shared/hash.ts";
import { processEnv } from "../shared/env.ts";

let devSecret: string | null = null;

/** A per-isolate development secret, used only in development mode when none is configured. */
function developmentSecret(): string {
  if (!devSecret) {
    devSecret = hex(crypto.getRandomValues(new Uint8Array(32)));
    console.warn(
      "formlit: no SESSION_SECRET configured; using a random development secret (sessions reset when the server restarts). Set one in .dev.vars.",
    );
  }
  return devSecret;
}

/** A binding by name: the Worker's env first, then Node's process environment. */
function setting(c: Context<{ Bindings: Env }>, name: keyof Env): string | undefined {
  const env = (c.env ?? {}) as Env;
  const value = env[name] ?? processEnv()?.[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * Development mode (stack traces on the page, cookies without `Secure` over plain http, a
 * generated secret when none is set) is on only when FORMLIT_DEV is "1" or "true". It belongs in
 * `.dev.vars`, which only `wrangler dev` reads, so `wrangler deploy` never ships it.
 */
export function isDevelopment(c: Context<{ Bindings: Env }>): boolean {
  const flag = setting(c, "FORMLIT_DEV")?.trim().toLowerCase();
  return flag === "1" || flag === "true";
}

export function resolveSecret(c: Context<{ Bindings: Env }>, options: AppOptions, development: boolean): string {
  const configured = options.secret ?? setting(c, "SESSION_SECRETS") ?? setting(c, "SESSION_SECRET");
  return configured ?? (development ? developmentSecret() : "");
}
