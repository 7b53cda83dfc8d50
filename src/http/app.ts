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
import { NONCE, secureHeaders } from "hono/secure-headers";
import { Engine } from "../engine/run.ts";
import { scriptRunner } from "../navigation/navigation.ts";
import { renderMessagePage } from "../render/document.ts";
import { serveClientScript } from "./assets.ts";
import { runRequest, shapeOf } from "./run-request.ts";
import { serveDownload } from "./download.ts";
import type { Served } from "./prepare.ts";
import { serveCommit } from "./commit.ts";
import { authRoutes, SignInNotConfigured } from "./auth.ts";
import { appSpec, type AppOptions, type Env } from "./options.ts";
import { EMBED_ROUTE, PATH_HEADER, SHAPE_HEADER, SWAP_HEADER, TITLE_HEADER } from "../protocol/form.ts";

export type { AppOptions } from "./options.ts";

const PAGE = "{[A-Za-z0-9_-]+}";

/**
 * Builds the Hono app that serves a formlit app: `export default` it as a Worker, mount it with
 * `app.route(basePath, ...)` (set `basePath` to match), or serve its `fetch` from Node with
 * `@hono/node-server`. Every request verifies the session cookie, applies the posted form, runs
 * the entrypoint (and the page) and answers with HTML and a freshly signed cookie.
 *
 * @param options the entrypoint, the pages (pages-directory mode) and how the app is served:
 *   secrets, limits, embedding, encryption, a store for large sessions ({@link AppOptions}).
 */
export function createApp(options: AppOptions): Hono<{ Bindings: Env }> {
  // pages-directory mode and st.navigation are built on the engine: it runs the script they give it
  const runScript = scriptRunner(options);
  const served: Served = {
    options,
    engines: { dev: new Engine(appSpec(options), { showStack: true, runScript }), prod: new Engine(appSpec(options), { showStack: false, runScript }) },
    token: { maxAge: options.maxAge ?? 7 * 24 * 3600, encrypt: options.encrypt ?? true },
    base: (options.basePath ?? "").replace(/\/+$/, ""),
    maxFields: options.maxFields ?? 2000,
    maxCookies: options.maxCookies ?? 3,
  };
  const app = new Hono<{ Bindings: Env }>();
  guard(app, options);
  routes(app, served);
  return app;
}

/** Security headers, CORS for embedding sites, the Origin check, the body limit. */
function guard(app: Hono<{ Bindings: Env }>, options: AppOptions): void {
  const embedders = options.embed?.origins ?? [];
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: [NONCE],
        styleSrcAttr: ["'unsafe-inline'"],
        scriptSrc: [NONCE],
        connectSrc: ["'self'"],
        // st.image(url) may show images from other sites; scripts and connections stay same-origin
        imgSrc: ["'self'", "data:", "https:"],
        // st.audio and st.video: bytes as data: URLs, the app's own files, and https addresses
        mediaSrc: ["'self'", "data:", "https:"],
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
