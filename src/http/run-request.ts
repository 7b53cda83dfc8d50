/**
 * One page request: read the session, decode a form post, let the engine run, write the session,
 * render. The same path serves every client: without JavaScript (the whole page), with the client
 * script (`X-Formlit: partial`: only the app's form) and embedded (`embed`: a scoped fragment).
 */
import type { Context } from "hono";
import { exceptionNode, type Engine, type RunOutcome, type Session, type Submission } from "../engine/run.ts";
import { withTimeout } from "../store/types.ts";
import type { RequestInfo } from "../engine/run-context.ts";
import { newSession } from "../engine/session.ts";
import { renderedDigests } from "../engine/submission.ts";
import { signingKeys, type SigningKey } from "../cookie/keys.ts";
import { checkCsrf, csrfToken, randomSessionId } from "../cookie/csrf.ts";
import { ELEMENTS } from "../elements/index.ts";
import { Slots } from "../engine/slots.ts";
import { COMMIT_FIELD, renderAppForm,
 renderDocument, renderDocumentHead, renderEmbed, renderMessagePage, renderSwap, type DocumentParts } from "../render/document.ts";
import { PageStream, type PageStreamHooks } from "./page-stream.ts";
import { dialogDomId, fragmentDomId } from "../elements/fragment.ts";
import { commitToken, committedState, MAX_COMMIT_URL_TOKEN } from "./commit.ts";
import type { ElementNode } from "../engine/tree.ts";
import type { NavInfo } from "../pages/page.ts";
import type { PageConfig, RunContext } from "../engine/run-context.ts";
import { BadBody, readFormBody } from "./form-body.ts";
import { NOTICES, readSession, sizeProblem, writeSession, type CookieConfig } from "./session-cookie.ts";
import { isDevelopment, resolveSecret } from "./secrets.ts";
import type { AppOptions, Env } from "./options.ts";
import type { TokenOptions } from "../cookie/token.ts";
import { CLIENT_FILE } from "../client/asset.ts";
import { contentDisposition } from "./content-disposition.ts";

export type Shape = "page" | "partial" | "embed";

export interface Served {
  options: AppOptions;
  engines: { dev: Engine; prod: Engine };
  /** the token settings but the audience, which may depend on where the app is served */
  token: Omit<TokenOptions, "audience">;
  base: string;
  maxFields: number;
  maxCookies: number;
}

/**
 * A run that has not finished within `ms` (an async script waiting on something) is reported and
 * changes nothing: the previous session is kept, whatever the script does afterwards.
 */
async function withinTime(run: Promise<RunOutcome>, ms: number, previous: Session, path: string): Promise<RunOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<RunOutcome>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          session: previous,
          main: [exceptionNode(new Error(`The app's script ran longer than ${ms} ms and was stopped. Nothing was changed.`), false)],
          sidebar: [],
          dialogs: [],
          navigation: null,
          pageNotFound: null,
          path,
          failed: true,
          query: new URLSearchParams(),
          pageConfig: {},
        }),
      ms,
    );
  });
  try {
    return await Promise.race([run, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the run may know of the request: bindings, query parameters, uploaded files. */
function requestInfo(c: Context<{ Bindings: Env }>, url: URL, files: Map<string, File[]>, base: string): RequestInfo {
  return { env: (c.env ?? {}) as Record<string, unknown>, query: new URLSearchParams(url.search), files, base, slots: new Slots() };
}

export function shapeOf(c: Context, embedRoute: boolean): Shape {
  const asked = c.req.header("X-Formlit");
  if (embedRoute || asked === "embed") return "embed";
  return asked === "partial" ? "partial" : "page";
}

interface Prepared {
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

/** Bytes a widget of the last run serves (st.downloadButton), as that run registered them. */
export async function serveDownload(c: Context<{ Bindings: Env }>, s: Served): Promise<Response> {
  const prepared = await prepare(c, s, s.base || "/");
  if (prepared instanceof Response) return prepared;
  const { url, engine, verified } = prepared;
  const id = c.req.query("w") ?? "";
  const payload = verified?.ok ? ((await engine.payloadOf(verified.session, id, requestInfo(c, url, new Map(), s.base))) as DownloadPayload | undefined) : undefined;
  if (!payload) {
    return c.html(renderMessagePage("Download not available", "This download belongs to a page that has changed since. Go back, reload the page and try again.", s.base || "/"), 404);
  }
  return new Response(payload.data as BodyInit, {
    headers: {
      // a type that is not printable ASCII could not be a header: serve plain bytes instead
      "Content-Type": /^[\x20-\x7e]+$/.test(payload.mime) ? payload.mime : "application/octet-stream",
      "Content-Disposition": contentDisposition(payload.fileName),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** What st.downloadButton registers as its payload. */
export interface DownloadPayload {
  data: string | Uint8Array | ArrayBuffer;
  fileName: string;
  mime: string;
}

/** Page switches in a row answered with a redirect (browsers give up after 20). */
const MAX_SWITCH_REDIRECTS = 5;

/** 303 to the page a run switched to, on the route the request came by (a page or an embed). */
function switchedTo(c: Context, s: Served, url: URL, outcome: RunOutcome): Response {
  const embedRoute = url.pathname.startsWith(`${s.base}/_embed/`);
  const page = embedRoute ? `${s.base}/_embed/${outcome.path}` : outcome.path ? `${s.base}/${outcome.path}` : s.base || "/";
  const query = outcome.query.toString();
  c.header("Cache-Control", "no-store");
  return c.redirect(page + (query ? `?${query}` : ""), 303);
}

export async function runRequest(c: Context<{ Bindings: Env }>, s: Served, shape: Shape): Promise<Response> {
  const path = c.req.param("page") ?? "";
  const back = `${s.base}/${path}`;
  const prepared = await prepare(c, s, back);
  if (prepared instanceof Response) return prepared;
  const { url, keys, cookie, engine, verified } = prepared;
  const notices: string[] = [];

  let session: Session | null = null;
  if (verified?.ok) session = verified.session;
  else if (verified) notices.push(NOTICES[verified.reason]);

  let submission: Submission | null = null;
  let files = new Map<string, File[]>();
  /** the CSRF token of this session under the newest key, when the post already carried it */
  let csrf: string | null = null;
  if (c.req.method === "POST") {
    let fields: Map<string, string[]>;
    try {
      const body = await readFormBody(c.req.raw, s.maxFields);
      fields = body.fields;
      files = body.files;
    } catch (err) {
      if (err instanceof BadBody) return c.html(renderMessagePage("Bad request", err.message + " Nothing was changed.", back), err.status);
      throw err;
    }
    const runText = fields.get("_run")?.[0];
    const run = runText !== undefined && /^\d{1,12}$/.test(runText) ? Number(runText) : null;
    if (session) {
      const issuedBy = await checkCsrf(keys, session.sid, fields.get("_csrf")?.[0]);
      if (issuedBy === 0) csrf = fields.get("_csrf")![0]!;
      if (issuedBy < 0) {
        return c.html(renderMessagePage("Form expired", "This form was not issued for your current session, so it was not applied. Reload the page and try again.", back), 403);
      }
      submission = { fields, run };
      // the state a streamed page left, if its commit has not reached the cookie yet
      session = (await committedState(keys, cookie.token, fields.get(COMMIT_FIELD)?.[0], session)) ?? session;
    } else if (verified) {
      notices.push("The values you submitted were not applied.");
    } else {
      // No cookie at all: a form served to someone without a session yet (an included fragment,
      // cookies cleared). There is no state to protect, so the first run of a fresh session
      // stands in for the run that rendered the form, and the values apply to it.
      const primed = await engine.handle(newSession(randomSessionId()), path, null, requestInfo(c, url, new Map(), s.base));
      session = primed.session;
      submission = { fields, run: run === null ? null : session.run };
    }
  }
  const start = session ?? newSession(randomSessionId());

  const info = requestInfo(c, url, files, (shape === "embed" ? url.origin : "") + s.base);
  const view: PageView = { c, s, shape, url, notices };
  // An embedded fragment is included whole by its host: only the app's own pages stream.
  const sink = shape === "embed" ? undefined : new PageStream(streamHooks(view, start));
  info.stream = sink;
  const execute = (from: Session, at: string, sub: Submission | null, stopAtSwitch: boolean) =>
    withinTime(engine.handle(from, at, sub, info, stopAtSwitch), s.options.maxRunMs ?? 20_000, from, at);
  const save = async (next: Session): Promise<Session> => {
    if (next === start) return start;
    try {
      const result = await writeSession(c, cookie, keys, next, { ...start, run: next.run }, verified?.ok === true && verified.stored);
      if (result.problem) notices.push(result.problem);
      return result.written;
    } catch (err) {
      console.error(String(err));
      notices.push(SAVE_FAILED);
      return start;
    }
  };

  // A page switch is handed to the browser as a 303 to the new page's address, so the address bar
  // follows it without JavaScript. Not when this answer has something to say (it would be lost),
  // and not endlessly: a few switches in a row, then the engine runs them within the request.
  const hops = typeof start.h === "number" ? start.h : 0;
  const first = execute(start, path, submission, notices.length === 0 && hops < MAX_SWITCH_REDIRECTS);
  if (sink) {
    await Promise.race([first.catch(() => {}), sink.started]);
    if (sink.isStarted) {
      // Once the page streams, a later switch cannot be a redirect: the new page runs in this request.
      const finished = first.then((o) => (o.switched ? execute(o.session, o.path, null, false) : o));
      return streamPage(view, sink, finished, { session: start, keys, cookie, stored: verified?.ok === true && verified.stored });
    }
  }
  // answered whole: a run after this one (a switch run here, a run past its time) writes nowhere
  info.stream = undefined;
  let outcome = await first;
  let written = await save(outcome.switched ? { ...outcome.session, h: hops + 1 } : outcome.session);
  if (outcome.switched) {
    if (notices.length === 0) return switchedTo(c, s, url, outcome);
    // the state reached could not be kept: run the new page within this request, from that state
    outcome = await execute(outcome.session, outcome.path, null, false);
    written = await save(outcome.session);
  }
  const token = csrf !== null && written.sid === start.sid ? csrf : await csrfToken(keys[0]!, written.sid);
  return respond(view, outcome, written, token);
}

/** The page a run produced, in the shape the client asked for (a page, the form, a fragment). */
function respond(v: PageView, outcome: RunOutcome, written: Session, csrf: string): Response {
  const parts = pageParts(v, outcomeView(outcome), written, csrf);
  setPageHeaders(v, parts);
  // To the client script (it says so in X-Formlit), a fragment's rerun answers with that fragment
  // alone (and the form's new hidden fields); a notice to show needs the whole form.
  const swap = outcome.swap;
  if (v.shape !== "page" && v.c.req.header("X-Formlit") && swap && v.notices.length === 0) {
    v.c.header("X-Formlit-Swap", swap.closed ? dialogDomId(swap.id) : fragmentDomId(swap.id));
    return v.c.html(renderSwap(parts, swap.node));
  }
  const html = v.shape === "page" ? renderDocument(parts) : v.shape === "partial" ? renderAppForm(parts) : renderEmbed(parts);
  return v.c.html(html, outcome.pageNotFound !== null ? 404 : 200);
}

const SAVE_FAILED = "Your changes could not be saved: the session store did not answer. The previous state was kept; please try again.";

/** What a page shows: a finished run's outcome, or a run in progress (its context). */
interface RunView {
  main: ElementNode[];
  sidebar: ElementNode[];
  dialogs: ElementNode[];
  navigation: NavInfo | null;
  pageConfig: PageConfig;
  path: string;
  query: URLSearchParams;
  /** the address asked for when it matched no page */
  pageNotFound: string | null;
}

/** The request a page answers, and the notices gathered for it. */
interface PageView {
  c: Context<{ Bindings: Env }>;
  s: Served;
  shape: Shape;
  url: URL;
  notices: string[];
}

const outcomeView = (o: RunOutcome): RunView => ({ main: o.main, sidebar: o.sidebar, dialogs: o.dialogs, navigation: o.navigation, pageConfig: o.pageConfig, path: o.path, query: o.query, pageNotFound: o.pageNotFound });

function contextView(ctx: RunContext): RunView {
  const page = ctx.selectedPage();
  return {
    main: ctx.main,
    sidebar: ctx.sidebar,
    dialogs: ctx.dialogs,
    navigation: ctx.navigation,
    pageConfig: ctx.pageConfig,
    path: page ? ctx.navigation!.pathOf(page) : ctx.requestedPath,
    query: ctx.request.query,
    pageNotFound: ctx.pageNotFound,
  };
}

function pageParts(v: PageView, run: RunView, written: Session, csrf: string, commit?: DocumentParts["commit"]): DocumentParts {
  const { s, shape, url } = v;
  const page = run.navigation?.selected;
  const appTitle = run.pageConfig.pageTitle ?? s.options.title ?? "formlit";
  const query = run.query.toString();
  return {
    elements: ELEMENTS,
    title: page && !run.pageConfig.pageTitle ? `${page.title} · ${appTitle}` : appTitle,
    base: s.base,
    origin: shape === "embed" ? url.origin : "",
    scriptUrl: `${s.base}/_formlit/${CLIENT_FILE}`,
    path: run.path,
    query,
    pageConfig: run.pageConfig,
    run: written.run,
    csrf,
    digests: renderedDigests(written),
    main: run.main,
    sidebar: run.sidebar,
    dialogs: run.dialogs,
    navigation: run.navigation,
    notices: v.notices,
    pageNotFound: run.pageNotFound === null ? null : `${s.base}/${run.pageNotFound}`,
    nonce: v.c.get("secureHeadersNonce" as never) as string | undefined,
    commit,
  };
}

function setPageHeaders(v: PageView, parts: DocumentParts): void {
  const { c, s } = v;
  const shownPath = (parts.path ? `${s.base}/${parts.path}` : s.base || "/") + (parts.query ? `?${parts.query}` : "");
  c.header("Cache-Control", "no-store");
  c.header("X-Formlit-Path", shownPath);
  c.header("X-Formlit-Title", encodeURIComponent(parts.title));
}

/** How a streamed page starts (its head, with the nonce) and the preview of the run so far. */
function streamHooks(v: PageView, session: Session): PageStreamHooks {
  // a preview is not a form: the run number, token and digests a form carries do not matter there
  const preview = (ctx: RunContext) => pageParts(v, contextView(ctx), session, "");
  return {
    head: (ctx) => {
      const parts = preview(ctx);
      setPageHeaders(v, parts);
      return v.shape === "page" ? renderDocumentHead(parts) : "";
    },
    preview,
  };
}

/** The session a streamed page starts from, and how its cookies are written. */
interface StreamSession {
  session: Session;
  keys: SigningKey[];
  cookie: CookieConfig;
  stored: boolean;
}

/**
 * Answers with the stream: the headers now, the body as the run writes it. The cookie in the
 * headers carries the state from before this run (by reference when there is a store), so a
 * browser that leaves mid-stream keeps nothing of it; the end of the page commits the rest.
 */
async function streamPage(v: PageView, sink: PageStream, running: Promise<RunOutcome>, from: StreamSession): Promise<Response> {
  try {
    await writeSession(v.c, from.cookie, from.keys, from.session, from.session, from.stored, true);
  } catch (err) {
    console.error(String(err)); // the store did not answer: the browser keeps the cookie it has
  }
  const done = running
    .then((outcome) => finishStream(v, sink, outcome, from))
    .catch(async (err) => {
      console.error(err);
      await sink.end(`<p role="alert">formlit could not finish this page. Nothing was changed.</p>${v.shape === "page" ? "</body></html>" : ""}`);
    });
  try {
    v.c.executionCtx.waitUntil(done);
  } catch {
    // not on Workers (Node): the open response keeps the work going
  }
  // Not compressed: a compressing proxy (Cloudflare's edge; wrangler dev does the same) holds the
  // text back until its compressor's buffer fills, and the page would no longer stream. The
  // runtime leaves a body alone whose encoding is named, and no-transform asks proxies to.
  return v.c.body(sink.readable, 200, { "Content-Type": "text/html; charset=UTF-8", "Content-Encoding": "identity", "Cache-Control": "no-store, no-transform" });
}

async function finishStream(v: PageView, sink: PageStream, outcome: RunOutcome, from: StreamSession): Promise<void> {
  const { written, commit } = await commitOf(v, outcome, from);
  const parts = pageParts(v, outcomeView(outcome), written, await csrfToken(from.keys[0]!, written.sid), commit);
  await sink.end(renderAppForm(parts) + (v.shape === "page" ? "</body></html>" : ""));
}

/**
 * The state a streamed run leaves: committed in the store now when there is one (exact: the
 * cookie's reference is older than the stored version, and the newer one is read), and in any case
 * handed to the page as a commit token. A run that failed (an exception, the time limit) keeps
 * nothing, so a page cut short never leaves half a turn.
 */
async function commitOf(v: PageView, outcome: RunOutcome, from: StreamSession): Promise<{ written: Session; commit?: DocumentParts["commit"] }> {
  const next = outcome.session;
  if (outcome.failed || next === from.session) return { written: from.session };
  const problem = await sizeProblem(from.cookie, from.keys, next);
  if (problem) {
    v.notices.push(problem);
    return { written: from.session };
  }
  try {
    await from.cookie.store?.put(next.sid, { v: next.run, data: JSON.stringify(next) });
    const token = await commitToken(from.keys, from.cookie.token, from.session, next);
    const url = token.length <= MAX_COMMIT_URL_TOKEN ? `${v.s.base}/_formlit/commit?t=${token}` : null;
    return { written: next, commit: { token, url } };
  } catch (err) {
    console.error(String(err));
    v.notices.push(SAVE_FAILED);
    return { written: from.session };
  }
}
