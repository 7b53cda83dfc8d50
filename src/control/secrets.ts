/**
 * st.secrets: the Worker's secrets and variables (`wrangler secret put`, `[vars]`, `.dev.vars`),
 * as Streamlit's `st.secrets`. Only string values are visible: bindings (KV, Durable Objects...)
 * are not secrets and stay out of it. On Node, the process environment.
 */
import { currentRun } from "../engine/context.ts";
import { StreamlitError } from "../engine/errors.ts";
import { processEnv } from "../shared/env.ts";

export class MissingSecret extends StreamlitError {
  constructor(key: string) {
    super(
      "KeyError",
      `st.secrets has no key "${key}". Set it with \`npx wrangler secret put ${key}\` (or in .dev.vars for local development).`,
    );
  }
}

/**
 * formlit's own session secrets are not the app's: with them, code that shows or logs st.secrets
 * could hand out the key that protects every user's session.
 */
export const HIDDEN = new Set(["SESSION_SECRET", "SESSION_SECRETS"]);

const strings = (source: Record<string, unknown>) => Object.entries(source).filter((e): e is [string, string] => typeof e[1] === "string" && !HIDDEN.has(e[0]));

/**
 * The string values of the request's env (a Worker's secrets and variables); where it has none,
 * the process environment (Node). (@hono/node-server's env is `{ incoming, outgoing }`: not empty,
 * but without a single string.)
 */
function all(): Record<string, string> {
  const env = strings(currentRun("st.secrets").request.env);
  const proc = processEnv();
  return Object.fromEntries(env.length === 0 && proc ? strings(proc) : env);
}

export const secrets = new Proxy({} as Record<string, string> & { get(key: string, fallback?: string): string | undefined }, {
  get(_t, prop) {
    if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
    if (prop === "get") return (key: string, fallback?: string) => all()[key] ?? fallback;
    const value = all()[prop];
    if (value === undefined) throw new MissingSecret(prop);
    return value;
  },
  has: (_t, prop) => typeof prop === "string" && prop in all(),
  ownKeys: () => Object.keys(all()),
  getOwnPropertyDescriptor(_t, prop) {
    const v = typeof prop === "string" ? all()[prop] : undefined;
    return v === undefined ? undefined : { value: v, enumerable: true, configurable: true, writable: false };
  },
  set: () => {
    throw new StreamlitError("StreamlitAPIException", "st.secrets is read-only.");
  },
});
