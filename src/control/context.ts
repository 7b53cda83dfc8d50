/**
 * st.context: what the current request says of its sender (headers, cookies, address, language,
 * time zone, colour scheme, embedding), as Streamlit's `st.context`, plus the Worker's world: its
 * bindings (`env`) and `waitUntil`. Read-only. Each request has its own: formlit has no websocket
 * session whose first request could stand for all the others.
 */
import { currentRun } from "../engine/context.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { keepRunning } from "../engine/run-context.ts";
import { HIDDEN } from "./secrets.ts";

/**
 * The Worker's bindings as the app declares them, so `st.context.env` is typed. Add yours by
 * augmenting this interface once, anywhere in the app:
 *
 * @example
 * ```ts
 * declare module "formlit" {
 *   interface Env {
 *     DB: D1Database;
 *     AI?: Ai;
 *   }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface -- filled in by the app (declaration merging)
export interface Env {}

/** What `st.context` holds (Python's `st.context`, names in camelCase, and the Worker's `env`/`waitUntil`). */
export interface StreamlitContext<E = Env> {
  /** The request's headers, names in lower case (the Cookie header without the app's session cookies). */
  readonly headers: Readonly<Record<string, string>>;
  /** The request's cookies by name; formlit's own session cookies are left out. */
  readonly cookies: Readonly<Record<string, string>>;
  /** The address the browser asked for. */
  readonly url: string;
  /**
   * The sender's IP address: on Workers Cloudflare's `CF-Connecting-IP`; on Node the socket's
   * address (behind a proxy, the proxy's); null when unknown. `X-Forwarded-For` is never believed.
   */
  readonly ipAddress: string | null;
  /** The browser's preferred language from `Accept-Language` (e.g. "en-US"), or null. */
  readonly locale: string | null;
  /**
   * The sender's IANA time zone (e.g. "Europe/Berlin"): the browser's own, which the client script
   * posts; else on Workers Cloudflare's guess from the address (`request.cf`); else null.
   */
  readonly timezone: string | null;
  /** Minutes from local time to UTC now, as JavaScript's `getTimezoneOffset` (UTC+1: -60); null without a time zone. */
  readonly timezoneOffset: number | null;
  /**
   * The browser's colour scheme, from the `Sec-CH-Prefers-Color-Scheme` client hint the app asks
   * for (Chromium sends it from the second request on); `type` is null when the browser did not say.
   */
  readonly theme: { readonly type: "light" | "dark" | null };
  /** Whether this request is an embedded fragment's (`<formlit-app>` or the `/_embed/` route). */
  readonly isEmbedded: boolean;
  /**
   * The Worker's bindings and variables (D1, KV, R2, Workers AI, Durable Objects, services,
   * secrets, but formlit's own `SESSION_SECRET(S)`); on Node what the server gave the app. Typed by
   * augmenting {@link Env}.
   */
  readonly env: Readonly<E & Record<string, unknown>>;
  /**
   * Keeps `work` going after the page is sent (a Worker's `ctx.waitUntil`; on Node the work runs
   * on). A failure is logged, never unhandled. Pass a function to do the work exactly once: a
   * replay (a run done again to find callbacks) never calls it, since the run it repeats did.
   */
  waitUntil(work: Promise<unknown> | (() => Promise<unknown>)): void;
}

const readOnly = (): never => {
  throw new StreamlitAPIException("st.context is read-only.");
};

const frozen = <T extends object>(value: T): T => Object.freeze({ ...value });

function waitUntil(work: Promise<unknown> | (() => Promise<unknown>)): void {
  const run = currentRun("st.context.waitUntil");
  if (run.mode === "replay") {
    // the live run handed its work over already; a promise made again here is only kept from failing loudly
    if (typeof work !== "function") keepRunning(work);
    return;
  }
  // (a function that throws, or returns no promise, still becomes work that is awaited and logged)
  run.request.waitUntil(typeof work === "function" ? Promise.resolve().then(work) : Promise.resolve(work));
}

/**
 * The Worker's env without formlit's own session secrets (as st.secrets leaves them out): code
 * that shows or logs its bindings cannot hand out the key to every session.
 */
const envViews = new WeakMap<object, object>();
function appEnv(env: Record<string, unknown>): Record<string, unknown> {
  let view = envViews.get(env);
  if (!view) {
    const hidden = (prop: string | symbol) => typeof prop === "string" && HIDDEN.has(prop);
    // (a blank target: the runtime's env may hold properties a proxy of it could not hide)
    view = new Proxy(Object.create(null) as object, {
      get: (_t, prop) => (hidden(prop) ? undefined : Reflect.get(env, prop)),
      has: (_t, prop) => !hidden(prop) && Reflect.has(env, prop),
      ownKeys: () => Reflect.ownKeys(env).filter((k) => !hidden(k)),
      getOwnPropertyDescriptor: (_t, prop) => {
        const found = hidden(prop) ? undefined : Reflect.getOwnPropertyDescriptor(env, prop);
        return found && { ...found, configurable: true };
      },
      set: readOnly,
      defineProperty: readOnly,
      deleteProperty: readOnly,
    });
    envViews.set(env, view);
  }
  return view as Record<string, unknown>;
}

const fields: Record<keyof StreamlitContext, () => unknown> = {
  headers: () => frozen(currentRun("st.context").request.facts().headers),
  cookies: () => frozen(currentRun("st.context").request.facts().cookies),
  url: () => currentRun("st.context").request.facts().url,
  ipAddress: () => currentRun("st.context").request.facts().ipAddress,
  locale: () => currentRun("st.context").request.facts().locale,
  timezone: () => currentRun("st.context").request.facts().timezone,
  timezoneOffset: () => currentRun("st.context").request.facts().timezoneOffset,
  theme: () => frozen(currentRun("st.context").request.facts().theme),
  isEmbedded: () => currentRun("st.context").request.facts().isEmbedded,
  env: () => appEnv(currentRun("st.context").request.env),
  waitUntil: () => waitUntil,
};

const has = (prop: string | symbol): prop is keyof StreamlitContext => typeof prop === "string" && Object.hasOwn(fields, prop);

/** What `st.write(st.context)` or JSON shows: the request's facts, as Streamlit's; not the Worker's env. */
const listed = Object.keys(fields).filter((k) => k !== "env" && k !== "waitUntil");

/** st.context: every read looks at the current run's request. */
export const context: StreamlitContext = new Proxy({} as StreamlitContext, {
  get: (_t, prop) => (has(prop) ? fields[prop]() : undefined),
  has: (_t, prop) => has(prop),
  ownKeys: () => listed,
  getOwnPropertyDescriptor: (_t, prop) => (has(prop) && listed.includes(prop) ? { value: fields[prop](), enumerable: true, configurable: true, writable: false } : undefined),
  set: readOnly,
  defineProperty: readOnly,
  deleteProperty: readOnly,
});
