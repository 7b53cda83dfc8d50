/**
 * One page request: read the session, decode a form post, let the engine run, write the session,
 * render. The same path serves every client: without JavaScript (the whole page), with the client
 * script (asking for `partial`: only the app's form) and embedded (`embed`: a scoped fragment).
 */
import type { Context } from "hono";
import { exceptionNode, type Session, type Submission } from "../engine/run.ts";
import { bareShownPage, type RunOutcome } from "../engine/outcome.ts";
import type { AuthInfo, RequestInfo } from "../engine/run-context.ts";
import { newSession } from "../engine/session.ts";
import { checkCsrf, csrfToken, randomSessionId } from "../cookie/csrf.ts";
import { renderMessagePage, renderMovingOnPage } from "../render/document.ts";
import { COMMIT_FIELD, CSRF_FIELD, DOWNLOAD_FIELD, EMBED_ROUTE, RUN_FIELD, TIMEZONE_FIELD } from "../protocol/form.ts";
import { drawnDownload, fileResponse } from "./download.ts";
import { openedLink } from "./open-link.ts";
import { PageStream } from "./page-stream.ts";
import { committedState } from "./commit.ts";
import { BadBody, readFormBody } from "./form-body.ts";
import { NOTICES, writeSession } from "./session-cookie.ts";
import { prepare, requestInfo, type Prepared, type Served, type Shape } from "./prepare.ts";
import { respond, SAVE_FAILED, streamHooks, type PageView } from "./page-view.ts";
import { streamPage } from "./stream-response.ts";
import type { Env } from "./options.ts";
import { answerAsked, requestAuth } from "./auth.ts";

export { shapeOf } from "./prepare.ts";

type HonoContext = Context<{ Bindings: Env }>;

/**
 * How many turns of the microtask queue a run is given to finish before its time limit is set. A
 * script that awaits nothing outside the isolate (most do) is done within twenty, and then no timer
 * is set or cleared: in workerd that pair costs some 18 µs, 2–3 % of a small page's request. A run
 * still going after these turns waits on something outside (a fetch, a binding, a timer), and that
 * is all a timer could ever stop: while microtasks keep running no timer fires anyway.
 */
const SETTLE_TURNS = 64;

/**
 * A run that has not finished within `ms` (an async script waiting on something) is reported and
 * changes nothing: the previous session is kept, whatever the script does afterwards.
 */
async function withinTime(run: Promise<RunOutcome>, ms: number, previous: Session, path: string): Promise<RunOutcome> {
  let settled = false;
  const mark = () => {
    settled = true;
  };
  run.then(mark, mark);
  for (let turn = 0; turn < SETTLE_TURNS && !settled; turn++) await undefined;
  if (settled) return run;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<RunOutcome>((resolve) => {
    timer = setTimeout(() => {
      const message = `The app's script ran longer than ${ms} ms and was stopped. Nothing was changed.`;
      resolve({ session: previous, page: bareShownPage(path, new URLSearchParams(), [exceptionNode(new Error(message), false)]), failed: true });
    }, ms);
  });
  try {
    return await Promise.race([run, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Page switches in a row answered with a redirect (browsers give up after 20). */
const MAX_SWITCH_REDIRECTS = 5;

/** 303 to the page a run switched to, on the route the request came by (a page or an embed). */
function switchedTo(c: Context, s: Served, url: URL, outcome: RunOutcome): Response {
  const { path } = outcome.page;
  const embedRoute = url.pathname.startsWith(`${s.base}/${EMBED_ROUTE}/`);
  const page = embedRoute ? `${s.base}/${EMBED_ROUTE}/${path}` : path ? `${s.base}/${path}` : s.base || "/";
  const query = outcome.page.query.toString();
  c.header("Cache-Control", "no-store");
  return c.redirect(page + (query ? `?${query}` : ""), 303);
}

/** What a request brings to the engine: the session to start from and the post, if any. */
interface Incoming {
  /** the session the cookies (or a commit token) carry; null: a fresh one starts */
  session: Session | null;
  submission: Submission | null;
  files: Map<string, File[]>;
  /** the CSRF token of this session under the newest key, when the post already carried it */
  csrf: string | null;
}

export async function runRequest(c: HonoContext, s: Served, shape: Shape): Promise<Response> {
  const path = c.req.param("page") ?? "";
  const back = `${s.base}/${path}`;
  const prepared = await prepare(c, s, back);
  if (prepared instanceof Response) return prepared;
  const notices: string[] = [];
  const verified = prepared.verified;
  const session = verified?.ok ? verified.session : null;
  if (verified && !verified.ok) notices.push(NOTICES[verified.reason]);
  const auth = await requestAuth(c, s, prepared);
  const incoming = c.req.method === "POST" ? await readPost(c, s, prepared, session, path, back, notices, auth) : { session, submission: null, files: new Map(), csrf: null };
  if (incoming instanceof Response) return incoming;
  return runAndAnswer({ c, s, shape, url: prepared.url, notices }, prepared, path, incoming, auth);
}

/** The post: its body, checked against the session (CSRF), or the response that refuses it. */
async function readPost(c: HonoContext, s: Served, p: Prepared, session: Session | null, path: string, back: string, notices: string[], auth: AuthInfo | undefined): Promise<Incoming | Response> {
  let body: Awaited<ReturnType<typeof readFormBody>>;
  try {
    body = await readFormBody(c.req.raw, s.maxFields);
  } catch (err) {
    if (err instanceof BadBody) return c.html(renderMessagePage("Bad request", err.message + " Nothing was changed.", back), err.status);
    throw err;
  }
  const { fields, files } = body;
  const runText = fields.get(RUN_FIELD)?.[0];
  const run = runText !== undefined && /^\d{1,12}$/.test(runText) ? Number(runText) : null;
  if (session) {
    const token = fields.get(CSRF_FIELD)?.[0];
    const issuedBy = await checkCsrf(p.keys, session.sid, token);
    if (issuedBy < 0) {
      return c.html(renderMessagePage("Form expired", "This form was not issued for your current session, so it was not applied. Reload the page and try again.", back), 403);
    }
    // the state a streamed page left, if its commit has not reached the cookie yet
    const committed = await committedState(p.keys, p.cookie.token, fields.get(COMMIT_FIELD)?.[0], session);
    return { session: committed ?? session, submission: { fields, run }, files, csrf: issuedBy === 0 ? token! : null };
  }
  if (p.verified) {
    notices.push("The values you submitted were not applied.");
    return { session, submission: null, files, csrf: null };
  }
  // No cookie at all: a form served to someone without a session yet (an included fragment,
  // cookies cleared). There is no state to protect, so the first run of a fresh session
  // stands in for the run that rendered the form, and the values apply to it.
  // (what st.login or st.logout may ask for in this run is not asked: nobody pressed anything yet)
  const primed = await p.engine.handle(newSession(randomSessionId()), path, null, requestInfo(c, p, new Map(), s.base, { auth: auth && { ...auth }, fixedScheme: s.style.scheme }));
  return { session: primed.session, submission: { fields, run: run === null ? null : primed.session.run }, files, csrf: null };
}

/** Runs the engine on the request and answers: a redirect to a page switched to, a stream, or the page. */
async function runAndAnswer(view: PageView, p: Prepared, path: string, incoming: Incoming, auth: AuthInfo | undefined): Promise<Response> {
  const { c, s, shape, url, notices } = view;
  const { engine, keys, cookie, verified } = p;
  const start = incoming.session ?? newSession(randomSessionId());
  const stored = verified?.ok === true && verified.stored;
  const zone = incoming.submission?.fields.get(TIMEZONE_FIELD)?.[0];
  const info: RequestInfo = requestInfo(c, p, incoming.files, (shape === "embed" ? url.origin : "") + s.base, { embedded: shape === "embed", reportedZone: zone, auth, fixedScheme: s.style.scheme });
  // A download button pressed without JavaScript: the page stays, so the answer is the file the
  // button showed (from the run that drew it, before this press changes anything), not a page.
  const pressed = shape === "page" ? incoming.submission?.fields.get(DOWNLOAD_FIELD)?.[0] : undefined;
  const download = pressed === undefined ? undefined : await drawnDownload(engine, start, pressed, async () => requestInfo(c, p, new Map(), s.base, { auth, fixedScheme: s.style.scheme }));
  // An embedded fragment is included whole by its host: only the app's own pages stream.
  const sink = shape === "embed" || download ? undefined : new PageStream(streamHooks(view, start));
  info.stream = sink;
  const execute = (from: Session, at: string, sub: Submission | null, stopAtSwitch: boolean) =>
    withinTime(engine.handle(from, at, sub, info, stopAtSwitch), s.options.maxRunMs ?? 20_000, from, at);
  const save = (next: Session) => saveSession(c, p, start, next, stored, notices);

  // A page switch is handed to the browser as a 303 to the new page's address, so the address bar
  // follows it without JavaScript. Not when this answer has something to say (it would be lost),
  // and not endlessly: a few switches in a row, then the engine runs them within the request.
  const hops = typeof start.h === "number" ? start.h : 0;
  const first = execute(start, path, incoming.submission, notices.length === 0 && hops < MAX_SWITCH_REDIRECTS);
  if (sink) {
    await Promise.race([first.catch(() => {}), sink.started]);
    if (sink.isStarted) {
      // Once the page streams, a later switch cannot be a redirect: the new page runs in this request.
      const finished = first.then((o) => (o.switched ? execute(o.session, o.page.path, null, false) : o));
      return streamPage(view, sink, finished, { session: start, keys, cookie, stored });
    }
  }
  // answered whole: a run after this one (a switch run here, a run past its time) writes nowhere
  info.stream = undefined;
  let outcome = await first;
  const asked = info.auth?.asked;
  if (asked) {
    // st.login keeps the state reached (a sign-in that is given up returns to it); st.logout ends the session
    if ("login" in asked) await save(outcome.session);
    const query = outcome.page.query.toString();
    return answerAsked(c, s, p, asked, `${s.base}/${outcome.page.path}${query ? `?${query}` : ""}`, shape);
  }
  let written = await save(outcome.switched ? { ...outcome.session, h: hops + 1 } : outcome.session);
  if (outcome.switched) {
    if (notices.length === 0) return switchedTo(c, s, url, outcome);
    // the state reached could not be kept: run the new page within this request, from that state
    outcome = await execute(outcome.session, outcome.page.path, null, false);
    written = await save(outcome.session);
  }
  if (download) return fileResponse(c, download);
  const opened = shape === "page" && incoming.submission ? openedLink(outcome.page, incoming.submission.fields) : null;
  if (opened !== null) return c.html(renderMovingOnPage("Opening the link", `Going on to ${opened}.`, opened));
  const token = incoming.csrf !== null && written.sid === start.sid ? incoming.csrf : await csrfToken(keys[0]!, written.sid);
  return respond(view, outcome, written, token);
}

/** Writes `next` into the response's cookies (or the store); the session written, or `start` if none could be. */
async function saveSession(c: HonoContext, p: Prepared, start: Session, next: Session, stored: boolean, notices: string[]): Promise<Session> {
  if (next === start) return start;
  try {
    const result = await writeSession(c, p.cookie, p.keys, next, { ...start, run: next.run }, stored);
    if (result.problem) notices.push(result.problem);
    return result.written;
  } catch (err) {
    console.error(String(err));
    notices.push(SAVE_FAILED);
    return start;
  }
}
