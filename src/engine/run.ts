/**
 * One request's work, in Streamlit's order: decode the posted widget values of the last run's
 * widgets, apply them, fire callbacks in render order (those of the run that drew the widgets,
 * remembered by this isolate or found by replaying that run), run the script (again, for
 * st.rerun/st.switchPage), clean up, and hand back the element tree and the state to store with
 * where the last run started. Nothing here knows about HTTP: a submission is just named strings.
 */
import {
  RERUN_IN_CALLBACK_WARNING,
  RerunSignal,
  StopSignal,
  StreamlitError,
  notJsonValue,
  tooManyReruns,
} from "./errors.ts";
import { withRun } from "./context.ts";
import { RunContext, emptyRequest, type Callback, type PageConfig, type RequestInfo, type WidgetDefinition } from "./run-context.ts";
export { newSession, type Session, type Submission } from "./session.ts";
import { SessionState, type Json } from "./state.ts";
import type { Session, Submission } from "./session.ts";
import { decodeSubmission } from "./submission.ts";
import { findNonJson, visibleKey } from "./json-check.ts";
import type { AppSpec } from "./app-spec.ts";
import type { ElementNode } from "./tree.ts";
import { startDelta, startOf, stateAtStart, type RunStart } from "./replay-start.ts";
import { runScript } from "../pages/navigation.ts";
import type { NavInfo } from "../pages/page.ts";

export interface RunOutcome {
  session: Session;
  main: ElementNode[];
  sidebar: ElementNode[];
  navigation: NavInfo | null;
  pageNotFound: string | null;
  /** the page shown (URL path, "" for the default page) */
  path: string;
  /** an uncaught exception ended the run (the page still renders) */
  failed: boolean;
  /** the query parameters after the run (st.queryParams may have changed them) */
  query: URLSearchParams;
  /** st.setPageConfig of the last run */
  pageConfig: PageConfig;
  /**
   * The run ended with st.switchPage and, as asked, the new page was not run: `path` is that page
   * and the session is the state it starts from (a later request runs it).
   */
  switched?: true;
}

export interface ExceptionNode extends ElementNode {
  type: "exception";
  props: { errorType: string; message: string; stack?: string };
}

export function exceptionNode(err: unknown, showStack: boolean): ElementNode {
  if (err instanceof StreamlitError) return { type: "exception", props: { errorType: err.type, message: err.message } };
  const e = err instanceof Error ? err : new Error(describeThrown(err));
  return {
    type: "exception",
    props: { errorType: e.name || "Error", message: e.message, stack: showStack ? e.stack : undefined },
  };
}

/**
 * What a thrown value that is not an Error says (`throw "x"`, `throw { code: 1 }`, a control
 * signal thrown where it cannot work): never "[object Object]".
 */
function describeThrown(value: unknown): string {
  if (value instanceof StopSignal) return "st.stop() was called where no script run can stop.";
  if (value instanceof RerunSignal) return "st.rerun() or st.switchPage() was called where no script run can rerun.";
  if (typeof value !== "object" || value === null) return String(value);
  try {
    const text = JSON.stringify(value);
    const name = value.constructor?.name;
    return name && name !== "Object" ? `${name} ${text}` : text;
  } catch {
    return `${(value as object).constructor?.name ?? "Object"} (thrown; not printable as JSON)`;
  }
}

function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface RunOptions {
  /** show stack traces of uncaught exceptions (development only) */
  showStack: boolean;
  /** never reuse recent runs' widget definitions: always replay (tests of the stateless path) */
  noRecentRuns?: boolean;
}

/** How many recent runs' widget definitions an engine keeps (an optional, per-isolate shortcut). */
const RECENT_RUNS = 256;

/** What the run that drew a page registered: its widgets' parsers, callbacks, payloads, and its pages. */
interface Drawn {
  defs: Map<string, WidgetDefinition>;
  navigation: NavInfo | null;
}

export class Engine {
  /**
   * What recent runs drew, by session id and run number, with the whole session that run stored:
   * a request that follows a run this isolate served can skip the replay. A cache only: a miss (a
   * fresh isolate, another isolate, an evicted entry) costs a replay, which yields the same. An
   * entry answers only the very version it was made for (two versions may share a run number: a
   * replayed cookie, two requests racing with one), and only one request: a callback that changes
   * its own closure or arguments must not leave that change for another request.
   */
  private readonly recent = new Map<string, { version: string; drawn: Drawn }>();

  constructor(
    readonly app: AppSpec,
    readonly options: RunOptions,
  ) {}

  private remember(session: Session, drawn: Drawn): void {
    if (this.options.noRecentRuns) return;
    const slot = `${session.sid}:${session.run}`;
    this.recent.delete(slot); // re-inserted last: the map's order is the eviction order
    this.recent.set(slot, { version: JSON.stringify(session), drawn });
    if (this.recent.size > RECENT_RUNS) this.recent.delete(this.recent.keys().next().value!);
  }

  /** What the last run drew: from this isolate's recent runs (used up), else by replaying it. */
  private async drawnBy(session: Session, request: RequestInfo, once: boolean): Promise<Drawn> {
    const slot = `${session.sid}:${session.run}`;
    const known = this.recent.get(slot);
    if (known && known.version === JSON.stringify(session)) {
      if (once) this.recent.delete(slot);
      return known.drawn;
    }
    return this.replay(session, request);
  }

  /**
   * The pages callbacks know: the last run's. When it failed before st.navigation, Streamlit's
   * pages manager still knows an earlier run's pages; here, those of a run from the end state.
   */
  private async pagesFor(session: Session, drawn: Drawn, request: RequestInfo): Promise<NavInfo | null> {
    if (drawn.navigation || session.n !== 1) return drawn.navigation;
    return (await this.replay({ ...session, r: undefined }, request)).navigation;
  }

  /**
   * Runs the last run again, in a sandbox: from the state it started with (the end state and the
   * recorded difference, on a throw-away copy), its page, its query parameters (a copy), with no
   * posted files (an upload store has their bytes) and its output discarded, to the end of the
   * script. Deterministic scripts register exactly the widgets, callbacks, arguments and closures
   * that run had. A run that read uploaded bytes no store keeps is run from its end state instead,
   * on every isolate alike (none remembers it): no replay could read those bytes again.
   */
  private async replay(session: Session, request: RequestInfo): Promise<Drawn> {
    const fromEnd = session.r?.e === 1;
    const r = fromEnd ? {} : (session.r ?? {});
    const ctx = new RunContext("replay", stateAtStart(session.st, r), this.app, r.p ?? session.pg, true);
    const query = fromEnd || r.y ? request.query : (r.q ?? "");
    ctx.request = { env: request.env, query: new URLSearchParams(query), files: new Map(), base: request.base };
    ctx.lazyRaw = new Map(Object.entries(r.z ?? {}));
    ctx.state.guard = { widgetIdsThisRun: ctx.widgetIds, formIdsThisRun: ctx.formIds };
    try {
      await withRun(ctx, () => runScript(ctx));
    } catch {
      // st.stop, st.rerun, or the script's own exception ended that run too: what registered stands.
    }
    return { defs: ctx.definitions, navigation: ctx.navigation };
  }

  /**
   * What a widget of the last run serves besides its value (st.downloadButton's data): that run's,
   * from the recent runs or a replay, since the server keeps nothing.
   */
  async payloadOf(session: Session, id: string, request: RequestInfo = emptyRequest()): Promise<unknown> {
    const drawn = await this.drawnBy(session, request, false);
    return drawn.defs.get(id)?.payload;
  }

  /**
   * One request: apply `sub` (if any), fire callbacks, run the script on `requestedPath`. With
   * `stopAtSwitch`, a st.switchPage to another page ends the request there (`switched`), so the
   * caller can send the browser to the new page's address and run it from there.
   */
  async handle(session: Session, requestedPath: string, sub: Submission | null, request: RequestInfo = emptyRequest(), stopAtSwitch = false): Promise<RunOutcome> {
    const state = SessionState.fromStored(structuredClone(session.st));
    state.resetTriggers();
    let warned = session.w === 1;
    const widgetErrors = new Map<string, string>();
    const lazyRaw = new Map<string, string[]>();
    let staged = new Map<string, string[]>();
    let submittedForms: ReadonlySet<string> = new Set();
    const callbackOutput: ElementNode[] = [];
    let callbackEnded: "stop" | "error" | null = null;

    if (sub) {
      const decoded = decodeSubmission(session, sub, request.files);
      staged = decoded.staged;
      submittedForms = decoded.submitted;
      const { changes } = decoded;
      const withCallback = new Set(session.l.filter((w) => w[3] === 1).map((w) => w[0]));
      // A chat message with no callback is parsed when its input registers: replaying the last run
      // to learn its parser would also replay that run's st.writeStream, asking the model again.
      const lateParsed = new Set(session.l.filter((w) => w[1] === "chat" && w[3] === 0).map((w) => w[0]));
      const wanted = new Set(changes.filter((c) => (!c.trigger && !lateParsed.has(c.id)) || withCallback.has(c.id)).map((c) => c.id));
      const drawn = wanted.size > 0 ? await this.drawnBy(session, request, true) : null;
      const defs = drawn?.defs ?? new Map<string, WidgetDefinition>();

      const before = new Map<string, Json | undefined>();
      for (const c of changes) {
        before.set(c.id, state.previousValue(c.id));
        if (c.trigger) {
          state.newWidget.set(c.id, true);
          continue;
        }
        const def = defs.get(c.id);
        if (!def) {
          lazyRaw.set(c.id, c.raw);
          continue;
        }
        const parsed = def.parse(c.raw);
        if ("value" in parsed) state.newWidget.set(c.id, parsed.value);
        else widgetErrors.set(c.id, parsed.error);
      }

      // Callbacks of changed widgets, in the order the last run rendered them.
      const ctx = new RunContext("callback", state, this.app, session.pg, warned);
      ctx.request = request;
      ctx.main = callbackOutput;
      ctx.navigation = drawn ? await this.pagesFor(session, drawn, request) : null;
      for (const [id] of session.l) {
        if (!before.has(id) || !state.newWidget.has(id)) continue;
        if (deepEqual(state.newWidget.get(id), before.get(id))) continue;
        const cb: Callback | null | undefined = defs.get(id)?.callback;
        if (!cb) continue;
        try {
          await withRun(ctx, () => cb.fn(...cb.args));
        } catch (err) {
          if (err instanceof RerunSignal) {
            callbackOutput.push({ type: "alert", props: { kind: "warning", body: RERUN_IN_CALLBACK_WARNING } });
            continue;
          }
          // st.stop() in a callback ends the request there, quietly (no error shown), as in Streamlit
          if (!(err instanceof StopSignal)) callbackOutput.push(exceptionNode(err, this.options.showStack));
          callbackEnded = err instanceof StopSignal ? "stop" : "error";
          break;
        }
      }
      warned = ctx.defaultWarningShown;
    }

    if (callbackEnded) {
      // Streamlit: a callback that raises (or calls st.stop) ends the request's run; only the
      // callbacks' output shows, and there is no clean-up.
      return this.finish(session, state, requestedPath, null, null, {
        main: callbackOutput,
        sidebar: [],
        navigation: null,
        pageNotFound: null,
        failed: callbackEnded === "error",
        warned,
        query: request.query,
        pageConfig: {},
      });
    }

    const limit = this.app.maxRerunsPerRequest ?? 25;
    let path = requestedPath;
    for (let runs = 1; ; runs++) {
      // Every run's start is kept: the last run of the request, the one that draws the page, is
      // what the next request replays.
      const start = startOf(state, path, request.query, lazyRaw);
      const ctx = new RunContext("run", state, this.app, path, warned);
      ctx.request = request;
      ctx.main = [...callbackOutput];
      ctx.widgetErrors = widgetErrors;
      ctx.pendingRaw = staged;
      ctx.submittedForms = submittedForms;
      ctx.lazyRaw = lazyRaw;
      state.guard = { widgetIdsThisRun: ctx.widgetIds, formIdsThisRun: ctx.formIds };
      state.reads = start.reads;
      let outcome: "done" | "stop" | "error" | RerunSignal = "done";
      try {
        await withRun(ctx, () => runScript(ctx));
      } catch (err) {
        if (err instanceof StopSignal) outcome = "stop";
        else if (err instanceof RerunSignal) outcome = err;
        else {
          ctx.main.push(exceptionNode(err, this.options.showStack));
          outcome = "error";
        }
      }
      if (ctx.pending.length) await Promise.allSettled(ctx.pending);
      state.guard = null;
      state.reads = null;
      warned = ctx.defaultWarningShown;
      const shownPath = ctx.selectedPage() ? ctx.navigation!.pathOf(ctx.selectedPage()!) : path;
      if (outcome instanceof RerunSignal) {
        // st.rerun() and st.switchPage() both end the run with a rerun request, which Streamlit
        // counts as a finished run (clean-up, triggers reset). Before a run on a *different* page
        // Streamlit also drops the state of every widget (a switch carries no widget states from
        // the browser), so only user keys and re-saved widget keys reach the new page.
        state.onRunFinished(ctx.widgetIds);
        if (outcome.page !== undefined) {
          if (outcome.page !== shownPath) {
            state.onRunFinished(new Set());
            // a page switch starts the new page with no query parameters, as in Streamlit
            for (const k of [...request.query.keys()]) request.query.delete(k);
            if (stopAtSwitch) {
              // no run drew anything yet: the request that runs the new page is not a replay
              const handedOn = await this.finish(session, state, outcome.page, null, null, this.output(ctx, false, warned));
              // (a state that cannot be kept is not handed on: the run goes on here, and says so)
              if (handedOn.session.st !== session.st) return { ...handedOn, switched: true };
            }
          }
          path = outcome.page;
        }
        if (runs >= limit) {
          ctx.main.push(exceptionNode(tooManyReruns(limit), false));
          return this.finish(session, state, shownPath, start, ctx, this.output(ctx, true, warned));
        }
        staged = new Map();
        callbackOutput.length = 0;
        continue;
      }
      if (outcome === "done") state.onRunFinished(ctx.widgetIds);
      return this.finish(session, state, shownPath, start, ctx, this.output(ctx, outcome === "error", warned));
    }
  }

  private output(ctx: RunContext, failed: boolean, warned: boolean) {
    return {
      main: ctx.main,
      sidebar: ctx.sidebar,
      navigation: ctx.navigation,
      pageNotFound: ctx.pageNotFound,
      failed,
      warned,
      query: ctx.request.query,
      pageConfig: ctx.pageConfig,
    };
  }

  /**
   * The session to store after the request's last run (`run`, absent when a callback failed and
   * no run drew anything): its end state and where it started. The isolate remembers what it drew.
   */
  private async finish(
    session: Session,
    state: SessionState,
    path: string,
    start: RunStart | null,
    run: RunContext | null,
    out: Omit<RunOutcome, "session" | "path"> & { warned: boolean },
  ): Promise<RunOutcome> {
    const stored = state.toStored();
    const bad = findNonJson(stored.o) ?? start?.bad;
    if (bad) {
      // The value cannot travel in the cookie: say which key, and keep the last good state.
      out.main.push(exceptionNode(notJsonValue(visibleKey(bad.key), bad.why), false));
      return { ...this.outcomeOf(out, path), session: { ...session, run: session.run + 1 } };
    }
    const next: Session = { v: 1, sid: session.sid, run: session.run + 1, pg: path, st: stored, l: run?.rendered ?? [] };
    const r = run?.readUnkeptUpload ? { e: 1 as const } : start && startDelta(start, stored, path);
    if (r) next.r = r;
    if (out.warned) next.w = 1;
    // (a run that failed may not have reached st.navigation: keep what the last run knew)
    if (out.navigation || (out.failed && session.n === 1)) next.n = 1;
    if (run && !r?.e) this.remember(next, { defs: run.definitions, navigation: run.navigation });
    return { ...this.outcomeOf(out, path), session: next };
  }

  private outcomeOf(out: Omit<RunOutcome, "session" | "path">, path: string): Omit<RunOutcome, "session"> {
    return {
      main: out.main,
      sidebar: out.sidebar,
      navigation: out.navigation,
      pageNotFound: out.pageNotFound,
      path,
      failed: out.failed,
      query: out.query,
      pageConfig: out.pageConfig,
    };
  }
}
