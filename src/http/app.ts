/**
 * createApp: the Hono app that serves a formlit app: security middleware, the client script, the
 * page routes and the embed routes. One request's work is in run-request.ts; the HTTP layer knows
 * nothing of widgets' internals.
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { csrf } from "hono/csrf";
import { secureHeaders } from "hono/secure-headers";
import { Engine } from "../engine/run.ts";
import { scriptRunner } from "../navigation/navigation.ts";
import { renderMessagePage } from "../render/document.ts";
import { serveClientScript, servedStyle, serveStylesheet } from "./assets.ts";
import { runRequest, shapeOf } from "./run-request.ts";
import { COLOR_SCHEME_HINT } from "./request-facts.ts";
import { serveDownload } from "./download.ts";
import type { Served } from "./prepare.ts";
import { serveCommit } from "./commit.ts";
import { authRoutes, SignInNotConfigured } from "./auth.ts";
import { appSpec, type AppOptions, type Bindings, type Env } from "./options.ts";
import { context } from "../control/context.ts";
import { scriptNonceSource } from "./script-nonce.ts";
import { EMBED_ROUTE, PATH_HEADER, SHAPE_HEADER, SWAP_HEADER, TITLE_HEADER } from "../protocol/form.ts";

export type { AppOptions } from "./options.ts";

const PAGE = "{[A-Za-z0-9_-]+}";

/**
 * Builds the Hono app that serves a formlit app: `export default` it as a Worker, mount it with
 * `app.route(basePath, ...)` (set `basePath` to match), or serve its `fetch` from Node with
 * `@hono/node-server`. Every request verifies the session cookie, applies the posted form, runs
 * the entrypoint (and the page) and answers with HTML and a freshly signed cookie.
 *
 * `E` types the Worker's bindings: the `env` of `st.context` handed to the entrypoint, of the
 * `store` and `uploads` options, and of the Hono app (`createApp<{ DB: D1Database }>({ ... })`).
 *
 * @param options the entrypoint, the pages (pages-directory mode) and how the app is served:
 *   secrets, limits, embedding, encryption, a store for large sessions ({@link AppOptions}).
 */
export function createApp<E extends object = any>(options: AppOptions<E>): Hono<{ Bindings: Bindings<E> }> {
  const app = appSpec(options as AppOptions, context);
  // pages-directory mode and st.navigation are built on the engine: it runs the script they give it
  const runScript = scriptRunner(app);
  const served: Served = {
    options: options as AppOptions,
    engines: { dev: new Engine(app, { showStack: true, runScript }), prod: new Engine(app, { showStack: false, runScript }) },
    token: { maxAge: options.maxAge ?? 7 * 24 * 3600, encrypt: options.encrypt ?? true },
    base: (options.basePath ?? "").replace(/\/+$/, ""),
    maxFields: options.maxFields ?? 2000,
    maxCookies: options.maxCookies ?? 3,
    style: servedStyle(options.theme),
  };
  const hono = new Hono<{ Bindings: Env }>();
  guard(hono, options as AppOptions);
  routes(hono, served);
  return hono as unknown as Hono<{ Bindings: Bindings<E> }>;
}

/** Security headers, CORS for embedding sites, the Origin check, the body limit. */
function guard(app: Hono<{ Bindings: Env }>, options: AppOptions): void {
  const embedders = options.embed?.origins ?? [];
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        // the page's stylesheet is the app's own file (no inline <style> is left to allow)
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        scriptSrc: [scriptNonceSource],
        connectSrc: ["'self'"],
        // st.image(url) may show images from other sites; scripts and connections stay same-origin
        imgSrc: ["'self'", "data:", "https:"],
        // st.audio and st.video: bytes as data: URLs, the app's own files, and https addresses
        mediaSrc: ["'self'", "data:", "https:"],
        // st.pdf and st.iframe: a PDF's bytes as a data: URL in the browser's viewer, the app's own
        // files and https pages. An HTML string is a srcdoc frame (it takes this policy with it).
        frameSrc: ["'self'", "data:", "https:"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'self'", ...embedders],
      },
      referrerPolicy: "same-origin",
      // frame-ancestors decides framing; X-Frame-Options cannot name other origins.
      xFrameOptions: embedders.length ? false : "SAMEORIGIN",
      crossOriginResourcePolicy: embedders.length ? "cross-origin" : "same-origin",
    }),
  );
  if (embedders.length) {
    app.use(
      cors({
        origin: (origin) => (embedders.includes(origin) ? origin : null),
        credentials: true,
        allowMethods: ["GET", "POST"],
        allowHeaders: [SHAPE_HEADER, "Content-Type"],
        exposeHeaders: [PATH_HEADER, TITLE_HEADER, SWAP_HEADER],
      }),
    );
  }
  // st.context.theme: pages ask the browser for its colour scheme, so the server knows it without
  // JavaScript (the client script and downloads do not vary with it)
  app.use(async (c, next) => {
    await next();
    if (!c.res.headers.get("Content-Type")?.startsWith("text/html")) return;
    c.res.headers.set("Accept-CH", COLOR_SCHEME_HINT);
    c.res.headers.append("Vary", COLOR_SCHEME_HINT);
  });
  app.use(csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || embedders.includes(origin) }));
  app.use(
    bodyLimit({
      maxSize: options.bodyLimit ?? 256 * 1024,
      onError: (c) => c.html(renderMessagePage("Request too large", "The submitted form is larger than this app accepts. Nothing was changed.", c.req.path), 413),
    }),
  );

}

/** The client script, downloads, commits, embedded and own pages; what is not found or fails. */
function routes(app: Hono<{ Bindings: Env }>, served: Served): void {
  serveClientScript(app);
  serveStylesheet(app, served.style);
  app.get("/_formlit/download", (c) => serveDownload(c, served));
  app.get("/_formlit/commit", (c) => serveCommit(c, served));
  authRoutes(app, served);
  app.on(["GET", "POST"], [`/${EMBED_ROUTE}/:page${PAGE}?`, `/${EMBED_ROUTE}/`], (c) => runRequest(c, served, "embed"));
  app.on(["GET", "POST"], `/:page${PAGE}?`, (c) => runRequest(c, served, shapeOf(c, false)));
  app.notFound((c) => c.html(renderMessagePage("Not found", "There is no page at this address."), 404));
  app.onError((err, c) => {
    // Refusals from Hono's middleware (the CSRF Origin check: 403) keep their status.
    if (err instanceof HTTPException && err.status < 500) {
      const reason = err.status === 403 ? "This form was not sent from this app's own pages (its Origin did not match), so it was not applied." : err.message;
      return c.html(renderMessagePage("Request refused", reason + " Nothing was changed.", c.req.path), err.status);
    }
    if (err instanceof SignInNotConfigured) return c.html(renderMessagePage("This app is not configured", err.message), 500);
    console.error(err);
    return c.html(renderMessagePage("Something went wrong", "formlit could not handle this request. Nothing was changed."), 500);
  });
}
