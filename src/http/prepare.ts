/**
 * What every route does first: the app's settings for this request (development or not, the keys,
 * the cookie's name and attributes) and the session the request's cookies carry.
 */
import type { Context } from "hono";
import type { Engine } from "../engine/run.ts";
import { keepRunning, type AuthInfo, type RequestInfo } from "../engine/run-context.ts";
import { Slots } from "../engine/slots.ts";
import { withTimeout } from "../store/types.ts";
import { signingKeys, type SigningKey } from "../cookie/keys.ts";
import type { TokenOptions } from "../cookie/token.ts";
import { renderMessagePage } from "../render/document.ts";
import { readSession, signInCookieNames, type CookieConfig } from "./session-cookie.ts";
import { isDevelopment, resolveSecret } from "./settings.ts";
import type { AppOptions, Env } from "./options.ts";
import { SHAPE_HEADER } from "../protocol/form.ts";
import { requestFacts } from "./request-facts.ts";
import type { ServedStyle } from "./assets.ts";

export type Shape = "page" | "partial" | "embed";

export interface Served {
  options: AppOptions;
  engines: { dev: Engine; prod: Engine };
  /** the token settings but the audience, which may depend on where the app is served */
  token: Omit<TokenOptions, "audience">;
  base: string;
  maxFields: number;
  maxCookies: number;
  /** the app's stylesheet (formlit's, with the app's theme) */
  style: ServedStyle;
}

/** What a run is told of its request besides its files and base (see {@link requestInfo}). */
export interface RequestExtras {
  /** the request came through the embed route */
  embedded?: boolean;
  /** the time zone the client script reported */
  reportedZone?: string;
  /** who is signed in, as the HTTP layer verified it */
  auth?: AuthInfo;
  /** the colour scheme the app's theme shows every visitor, if it imposes one */
  fixedScheme?: "light" | "dark" | null;
}

/**
 * What the run may know of the request: bindings, query parameters, uploaded files, what the
 * request says of its sender (st.context), who is signed in, and how work outlives the response.
 * formlit's own cookies (the session's, and sign-in's, named after it) are left out of the facts.
 */
export function requestInfo(c: Context<{ Bindings: Env }>, p: Pick<Prepared, "url" | "cookie">, files: Map<string, File[]>, base: string, extras: RequestExtras = {}): RequestInfo {
  return {
    env: (c.env ?? {}) as Record<string, unknown>,
    query: new URLSearchParams(p.url.search),
    files,
    base,
    slots: new Slots(),
    facts: once(() => {
      const own = [p.cookie.name, ...Object.values(signInCookieNames(p.cookie.name))];
      return requestFacts(c, own, extras.embedded ?? false, extras.reportedZone, extras.fixedScheme);
    }),
    waitUntil: waitUntilOf(c),
    auth: extras.auth,
  };
}

/** `make`, called the first time it is asked for and never again. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** The Worker's waitUntil; where there is none (Node), the work runs on and a failure is logged. */
function waitUntilOf(c: Context): (work: Promise<unknown>) => void {
  // looked up when work is handed over (most requests hand none): Hono throws, building an
  // Error with its stack, when the runtime gave no execution context
  return (work) => {
    let ctx: { waitUntil(work: Promise<unknown>): void } | undefined;
    try {
      ctx = c.executionCtx;
    } catch {
      // no execution context: the work runs on by itself
    }
    // a failure is logged as on Node: waitUntil itself would only report it as unhandled
    keepRunning(work);
    ctx?.waitUntil(work.catch(() => {}));
  };
}

export function shapeOf(c: Context, embedRoute: boolean): Shape {
  const asked = c.req.header(SHAPE_HEADER);
  if (embedRoute || asked === "embed") return "embed";
  return asked === "partial" ? "partial" : "page";
}

export interface Prepared {
  url: URL;
  keys: SigningKey[];
  cookie: CookieConfig;
  engine: Engine;
  verified: Awaited<ReturnType<typeof readSession>>;
}

/** The keys, the cookie settings and the session the cookies carry; or the response that refuses. */
export async function prepare(c: Context<{ Bindings: Env }>, s: Served, back: string): Promise<Prepared | Response> {
  const url = new URL(c.req.url);
  const development = isDevelopment(c);
  let keys: SigningKey[];
  try {
    keys = await signingKeys(resolveSecret(c, s.options, development));
  } catch (err) {
    console.error(String(err));
    return c.html(renderMessagePage("This app is not configured", (err as Error).message), 500);
  }
  // Plain http is for a development server only; anywhere else the app is behind HTTPS (a proxy
  // in front of Node may hand it http URLs), so the cookie is Secure.
  const secure = url.protocol === "https:" || !development;
  const store = s.options.store?.(c.env ?? {});
  const always = s.options.sessionsInStore?.olderCookie ?? null;
  if (always && !store) {
    return c.html(renderMessagePage("This app is not configured", "formlit: sessionsInStore needs a store: createApp({ store: (env) => ... })."), 500);
  }
  const cookie: CookieConfig = {
    name: (secure ? "__Host-" : "") + (s.options.cookieName ?? "formlit"),
    secure,
    crossSite: (s.options.embed?.origins.length ?? 0) > 0,
    maxCookies: s.maxCookies,
    // Without a `name`, the app's own address is its audience: a cookie one app issued is
    // refused by every other app, even one sharing its secret.
    token: { ...s.token, audience: s.options.name ?? url.origin + s.base },
    store: store ? withTimeout(store, s.options.storeTimeoutMs ?? 3000) : null,
    always,
  };
  let verified: Awaited<ReturnType<typeof readSession>>;
  try {
    verified = await readSession(c, cookie, keys);
  } catch (err) {
    // The state is in the store and the store does not answer: change nothing, say so.
    console.error(String(err));
    return c.html(renderMessagePage("Session storage unavailable", "This app keeps your session in a store that did not answer just now. Nothing was changed; please try again in a moment.", back), 503);
  }
  return { url, keys, cookie, engine: development ? s.engines.dev : s.engines.prod, verified };
}

