/**
 * createApp: the Hono app that serves a formlit app. One request = verify the cookie, decode the
 * form, let the engine run, render, sign. The HTTP layer knows nothing of widgets' internals.
 */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { CHUNK_SIZE, chunkName, joinToken, splitToken, staleChunks } from "../cookie/chunks.ts";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { Engine, newSession, type Session, type Submission } from "../engine/run.ts";
import type { AppSpec } from "../engine/app-spec.ts";
import { signingKeys, type SigningKey } from "../cookie/keys.ts";
import { signSession, verifySession, type TokenOptions } from "../cookie/token.ts";
import { checkCsrf, csrfToken, randomSessionId } from "../cookie/csrf.ts";
import { renderDocument, renderMessagePage } from "../render/document.ts";
import { BadBody, readFormBody } from "./form-body.ts";

export interface AppOptions extends AppSpec {
  /** signing secret(s), comma-separated, newest first; overrides SESSION_SECRET(S) from the environment */
  secret?: string;
  /** the app's name: the cookie's audience, so one app's cookie is refused by another */
  name?: string;
  /** the browser tab's title */
  title?: string;
  /** seconds a session lives without interaction (default 7 days) */
  maxAge?: number;
  /** largest accepted request body in bytes (default 256 KiB) */
  bodyLimit?: number;
  /** most form fields accepted in one post (default 2000) */
  maxFields?: number;
  /** where the app is mounted when it is not at the root, e.g. "/classic" (with `app.route`) */
  basePath?: string;
  /** the session cookie's name (default "formlit"; "__Host-" is prefixed over HTTPS) */
  cookieName?: string;
  /** how many cookies the session may span when it outgrows one (default 3) */
  maxCookies?: number;
}

type Env = { SESSION_SECRET?: string; SESSION_SECRETS?: string };


const NOTICES = {
  expired: "Your session had expired, so a fresh one was started.",
  invalid: "Your session cookie could not be verified (it was altered, or signed with a key this app no longer has), so a fresh session was started.",
  foreign: "Your session cookie belongs to another app, so a fresh session was started.",
} as const;

const isLocalHost = (url: URL) => ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

/** A per-isolate development secret, used only on localhost when none is configured. */
let devSecret: string | null = null;
function developmentSecret(): string {
  if (!devSecret) {
    devSecret = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, "0")).join("");
    console.warn(
      "formlit: no SESSION_SECRET configured; using a random development secret (sessions reset when the server restarts). Set one in .dev.vars.",
    );
  }
  return devSecret;
}

function configuredSecret(c: Context<{ Bindings: Env }>, options: AppOptions): string | undefined {
  const env = (c.env ?? {}) as Env;
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return options.secret ?? env.SESSION_SECRETS ?? env.SESSION_SECRET ?? proc?.SESSION_SECRETS ?? proc?.SESSION_SECRET;
}

export function createApp(options: AppOptions): Hono<{ Bindings: Env }> {
  const engineFor = (showStack: boolean) => new Engine(options, { showStack });
  const engines = { dev: engineFor(true), prod: engineFor(false) };
  const tokenOptions: TokenOptions = { audience: options.name ?? "formlit-app", maxAge: options.maxAge ?? 7 * 24 * 3600 };
  const maxFields = options.maxFields ?? 2000;
  const maxCookies = options.maxCookies ?? 3;
  const base = (options.basePath ?? "").replace(/\/+$/, "");

  const app = new Hono<{ Bindings: Env }>();
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: [NONCE],
        styleSrcAttr: ["'unsafe-inline'"],
        scriptSrc: [NONCE],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'self'"],
      },
      referrerPolicy: "same-origin",
      xFrameOptions: "SAMEORIGIN",
    }),
  );
  app.use(csrf());
  app.use(
    bodyLimit({
      maxSize: options.bodyLimit ?? 256 * 1024,
      onError: (c) => c.html(renderMessagePage("Request too large", "The submitted form is larger than this app accepts. Nothing was changed.", c.req.path), 413),
    }),
  );

  const handler = async (c: Context<{ Bindings: Env }>) => {
    const url = new URL(c.req.url);
    const local = isLocalHost(url);
    const secret = configuredSecret(c, options) ?? (local ? developmentSecret() : undefined);
    let keys: SigningKey[];
    try {
      keys = await signingKeys(secret ?? "");
    } catch (err) {
      console.error(String(err));
      return c.html(renderMessagePage("This app is not configured", (err as Error).message), 500);
    }

    const secure = url.protocol === "https:" || !local;
    const cookieName = (secure ? "__Host-" : "") + (options.cookieName ?? "formlit");
    const path = c.req.param("page") ?? "";
    const notices: string[] = [];

    let session: Session | null = null;
    const cookies = getCookie(c);
    const token = joinToken(cookies, cookieName, maxCookies);
    if (token !== undefined) {
      const verified = await verifySession(token, keys, tokenOptions);
      if (verified.ok) session = verified.session;
      else notices.push(NOTICES[verified.reason]);
    }

    let submission: Submission | null = null;
    if (c.req.method === "POST") {
      let fields: Map<string, string[]>;
      try {
        fields = await readFormBody(c.req.raw, maxFields);
      } catch (err) {
        if (err instanceof BadBody) return c.html(renderMessagePage("Bad request", err.message + " Nothing was changed.", `${base}/${path}`), err.status);
        throw err;
      }
      if (session) {
        if (!(await checkCsrf(keys, session.sid, fields.get("_csrf")?.[0]))) {
          return c.html(
            renderMessagePage("Form expired", "This form was not issued for your current session, so it was not applied. Reload the page and try again.", `${base}/${path}`),
            403,
          );
        }
        const runText = fields.get("_run")?.[0];
        const run = runText !== undefined && /^\d{1,12}$/.test(runText) ? Number(runText) : null;
        submission = { fields, run };
      } else if (token) {
        notices.push("The values you submitted were not applied.");
      }
    }
    session ??= newSession(randomSessionId());

    const engine = local ? engines.dev : engines.prod;
    const outcome = await engine.handle(session, path, submission);
    if (outcome.pageNotFound !== null) {
      notices.push(`You have requested page /${outcome.pageNotFound}, but no corresponding page was found in this app. Showing the app's main page.`);
    }

    let next = outcome.session;
    let chunks = splitToken(await signSession(next, keys, tokenOptions));
    if (chunks.length > maxCookies) {
      const size = chunks.reduce((n, part) => n + part.length, 0);
      notices.push(
        `This run's session state is too large to keep: ${size} bytes signed, over the limit of ${maxCookies * CHUNK_SIZE} bytes (${maxCookies} cookies). The previous state was kept; store less in st.sessionState.`,
      );
      next = { ...session, run: outcome.session.run };
      chunks = splitToken(await signSession(next, keys, tokenOptions));
    }
    const attributes = { httpOnly: true, secure, sameSite: "Lax", path: "/", maxAge: tokenOptions.maxAge } as const;
    chunks.forEach((part, i) => setCookie(c, chunkName(cookieName, i), part, attributes));
    for (const stale of staleChunks(cookies, cookieName, chunks.length)) deleteCookie(c, stale, { path: "/", secure });
    const page = outcome.navigation?.selected;
    const appTitle = options.title ?? "formlit";
    const html = renderDocument({
      title: page ? `${page.title} · ${appTitle}` : appTitle,
      base,
      path: outcome.path,
      run: next.run,
      csrf: await csrfToken(keys[0]!, next.sid),
      main: outcome.main,
      sidebar: outcome.sidebar,
      navigation: outcome.navigation,
      notices,
      nonce: c.get("secureHeadersNonce" as never) as string | undefined,
    });
    c.header("Cache-Control", "no-store");
    return c.html(html, outcome.pageNotFound !== null ? 404 : 200);
  };

  app.on(["GET", "POST"], "/:page{[A-Za-z0-9_-]+}?", handler);
  app.notFound((c) => c.html(renderMessagePage("Not found", "There is no page at this address."), 404));
  app.onError((err, c) => {
    // Refusals from Hono's middleware (the CSRF Origin check: 403) keep their status.
    if (err instanceof HTTPException && err.status < 500) {
      const reason = err.status === 403 ? "This form was not sent from this app's own pages (its Origin did not match), so it was not applied." : err.message;
      return c.html(renderMessagePage("Request refused", reason + " Nothing was changed.", c.req.path), err.status);
    }
    console.error(err);
    return c.html(renderMessagePage("Something went wrong", "formlit could not handle this request. Nothing was changed."), 500);
  });
  return app;
}
