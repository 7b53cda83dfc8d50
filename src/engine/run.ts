/**
 * One request's work, in Streamlit's order (SPEC 2): decode the posted widget values of the last
 * run's widgets, apply them, fire callbacks in render order, run the script (again, for
 * st.rerun/st.switchPage), clean up, and hand back the element tree and the state to store.
 * Nothing here knows about HTTP: a submission is just named strings.
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
import { RunContext, emptyRequest, type Callback, type PageConfig, type RenderedWidget, type RequestInfo, type WidgetDefinition } from "./run-context.ts";
export { newSession, type Session, type Submission } from "./session.ts";
import { SessionState, type Json } from "./state.ts";
import type { Session, Submission } from "./session.ts";
import { decodeSubmission } from "./submission.ts";
import { findNonJson, visibleKey } from "./json-check.ts";
import type { AppSpec } from "./app-spec.ts";
import type { ElementNode } from "./tree.ts";
import { DiscoveryDone } from "./widgets.ts";
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
  const e = err instanceof Error ? err : new Error(String(err));
  return {
    type: "exception",
    props: { errorType: e.name || "Error", message: e.message, stack: showStack ? e.stack : undefined },
  };
}

function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface RunOptions {
  /** show stack traces of uncaught exceptions (development only) */
  showStack: boolean;
  /** never reuse recent runs' widget definitions: always discover (tests of the stateless path) */
  noRecentRuns?: boolean;
}

/** How many recent runs' widget definitions an engine keeps (an optional, per-isolate shortcut). */
const RECENT_RUNS = 256;

export class Engine {
  /**
   * The widget definitions (parsers, callbacks) of recent runs, by session id and run number: a
   * request that follows a run this isolate served can skip discovery. A cache only: a miss (a
   * fresh isolate, another isolate, an evicted entry) costs a discovery run, never correctness.
   */
  private readonly recent = new Map<string, { defs: Map<string, WidgetDefinition>; navigation: NavInfo | null }>();

  constructor(
    readonly app: AppSpec,
    readonly options: RunOptions,
  ) {}

  private remember(session: Session, defs: Map<string, WidgetDefinition>, navigation: NavInfo | null): void {
    if (this.options.noRecentRuns) return;
    this.recent.set(`${session.sid}:${session.run}`, { defs, navigation });
    if (this.recent.size > RECENT_RUNS) this.recent.delete(this.recent.keys().next().value!);
  }

  /** Definitions of the last run's widgets: from this isolate's recent runs, else by discovery. */
  private async definitionsFor(session: Session, wanted: Set<string>, request: RequestInfo) {
    const known = this.recent.get(`${session.sid}:${session.run}`);
    if (known && [...wanted].every((id) => known.defs.has(id)) && (session.n !== 1 || known.navigation)) return known;
    return this.discover(session, wanted, request);
  }

  /**
   * Re-runs the last run's script on a throw-away copy of the state, output discarded, until the
   * wanted widgets have registered: their parsers and callbacks are then known without any server
   * memory (SPEC 2, "Callbacks without server memory").
   */
  private async discover(session: Session, ids: Set<string>, request: RequestInfo = emptyRequest()): Promise<{ defs: Map<string, WidgetDefinition>; navigation: NavInfo | null }> {
    const copy = SessionState.fromStored(structuredClone(session.st));
    const ctx = new RunContext("discovery", copy, this.app, session.pg, true);
    // discovery reruns the last run: its own copy of the query, no posted files
    ctx.request = { env: request.env, query: new URLSearchParams(request.query), files: new Map(), base: request.base };
    // Streamlit's callbacks run with the pages of the last run known (its pages manager), so a
    // callback's st.switchPage can tell a page that exists (a no-op) from one that does not.
    ctx.discovery = { needed: new Set(ids), found: new Map(), wantNavigation: session.n === 1 };
    try {
      await withRun(ctx, () => runScript(ctx));
    } catch {
      // DiscoveryDone, st.stop, st.rerun, or the script's own exception: we keep what was found.
    }
    return { defs: ctx.discovery.found, navigation: ctx.navigation };
  }

  /**
   * What a widget of the last run serves besides its value (st.downloadButton's data): found by
   * rerunning the last run in discovery mode, since the server keeps nothing.
   */
  async payloadOf(session: Session, id: string, request: RequestInfo = emptyRequest()): Promise<unknown> {
    const found = await this.discover(session, new Set([id]), request);
    return found.defs.get(id)?.payload;
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
    const callbackOutput: ElementNode[] = [];
    let callbackFailed = false;

    if (sub) {
      const decoded = decodeSubmission(session, sub, request.files);
      staged = decoded.staged;
      const { changes } = decoded;
      const withCallback = new Set(session.l.filter((w) => w[3] === 1).map((w) => w[0]));
      const wanted = new Set(changes.filter((c) => !c.trigger || withCallback.has(c.id)).map((c) => c.id));
      const found = wanted.size > 0 ? await this.definitionsFor(session, wanted, request) : null;
      const defs = found?.defs ?? new Map<string, WidgetDefinition>();

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
      ctx.navigation = found?.navigation ?? null;
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
          callbackOutput.push(exceptionNode(err, this.options.showStack));
          callbackFailed = true;
          break;
        }
      }
      warned = ctx.defaultWarningShown;
    }

    if (callbackFailed) {
      // Streamlit: a callback that raises ends the request's run; only the error shows, no clean-up.
      return this.finish(session, state, requestedPath, [], {
        main: callbackOutput,
        sidebar: [],
        navigation: null,
        pageNotFound: null,
        failed: true,
        warned,
        query: request.query,
        pageConfig: {},
      });
    }

    const limit = this.app.maxRerunsPerRequest ?? 25;
    let path = requestedPath;
    for (let runs = 1; ; runs++) {
      const ctx = new RunContext("run", state, this.app, path, warned);
      ctx.request = request;
      ctx.main = [...callbackOutput];
      ctx.widgetErrors = widgetErrors;
      ctx.pendingRaw = staged;
      ctx.lazyRaw = lazyRaw;
      state.guard = { widgetIdsThisRun: ctx.widgetIds, formIdsThisRun: ctx.formIds };
      let outcome: "done" | "stop" | "error" | RerunSignal = "done";
      try {
        await withRun(ctx, () => runScript(ctx));
      } catch (err) {
        if (err instanceof StopSignal) outcome = "stop";
        else if (err instanceof RerunSignal) outcome = err;
        else if (err instanceof DiscoveryDone) outcome = "done";
        else {
          ctx.main.push(exceptionNode(err, this.options.showStack));
          outcome = "error";
        }
      }
      if (ctx.pending.length) await Promise.allSettled(ctx.pending);
      state.guard = null;
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
              const handedOn = this.finish(session, state, outcome.page, [], this.output(ctx, false, warned));
              // (a state that cannot be kept is not handed on: the run goes on here, and says so)
              if (handedOn.session.st !== session.st) return { ...handedOn, switched: true };
            }
          }
          path = outcome.page;
        }
        if (runs >= limit) {
          ctx.main.push(exceptionNode(tooManyReruns(limit), false));
          return this.finish(session, state, shownPath, ctx.rendered, this.output(ctx, true, warned));
        }
        staged = new Map();
        callbackOutput.length = 0;
        continue;
      }
      if (outcome === "done") state.onRunFinished(ctx.widgetIds);
      const result = this.finish(session, state, shownPath, ctx.rendered, this.output(ctx, outcome === "error", warned));
      this.remember(result.session, ctx.definitions, ctx.navigation);
      return result;
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

  private finish(
    session: Session,
    state: SessionState,
    path: string,
    rendered: RenderedWidget[],
    out: Omit<RunOutcome, "session" | "path"> & { warned: boolean },
  ): RunOutcome {
    const stored = state.toStored();
    const bad = findNonJson(stored.o);
    if (bad) {
      // The value cannot travel in the cookie: say which key, and keep the last good state.
      out.main.push(exceptionNode(notJsonValue(visibleKey(bad.key), bad.why), false));
      return { ...this.outcomeOf(out, path), session: { ...session, run: session.run + 1 } };
    }
    const next: Session = { v: 1, sid: session.sid, run: session.run + 1, pg: path, st: stored, l: rendered };
    if (out.warned) next.w = 1;
    // (a run that failed may not have reached st.navigation: keep what the last run knew)
    if (out.navigation || (out.failed && session.n === 1)) next.n = 1;
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
