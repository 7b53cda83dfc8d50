/** Where the signing secret comes from: createApp's option, the Worker's env, Node's env, or (localhost only) a generated one. */
import type { Context } from "hono";
import type { AppOptions, Env } from "./options.ts";

export const isLocalHost = (url: URL) => ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

let devSecret: string | null = null;

/** A per-isolate development secret, used only on localhost when none is configured. */
function developmentSecret(): string {
  if (!devSecret) {
    devSecret = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, "0")).join("");
    console.warn(
      "formlit: no SESSION_SECRET configured; using a random development secret (sessions reset when the server restarts). Set one in .dev.vars.",
    );
  }
  return devSecret;
}

export function resolveSecret(c: Context<{ Bindings: Env }>, options: AppOptions, url: URL): string {
  const env = (c.env ?? {}) as Env;
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const configured = options.secret ?? env.SESSION_SECRETS ?? env.SESSION_SECRET ?? proc?.SESSION_SECRETS ?? proc?.SESSION_SECRET;
  return configured ?? (isLocalHost(url) ? developmentSecret() : "");
}
