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
import { userKeyOf } from "./widget-id.ts";
import { withRun } from "./context.ts";
import { RunContext, type Callback, type RenderedWidget, type WidgetDefinition } from "./run-context.ts";
import { SessionState, emptyStoredState, type Json, type StoredState } from "./state.ts";
import type { AppSpec } from "./app-spec.ts";
import type { ElementNode } from "./tree.ts";
import { DiscoveryDone, rawDigest } from "./widgets.ts";
import { runScript } from "../pages/navigation.ts";
import type { NavInfo } from "../pages/page.ts";

/** The whole session as it travels between requests. */
export interface Session {
  /** format version */
  v: 1;
  /** random session id: CSRF tokens are bound to it */
  sid: string;
  /** number of the last run; every form carries it to detect stale submissions */
  run: number;
  /** URL path of the page the last run showed */
  pg: string;
  st: StoredState;
  /** the widgets the last run rendered, in order */
  l: RenderedWidget[];
  /** the default-value warning was already shown in this session */
  w?: 1;
  /** the last run had a navigation (st.navigation or pages-directory mode) */
  n?: 1;
}

export function newSession(sid: string): Session {
  return { v: 1, sid, run: 0, pg: "", st: emptyStoredState(), l: [] };
}

/** A form post, reduced to what the engine needs. */
export interface Submission {
  /** every posted field by name; a button that submitted the form is present with its value */
  fields: Map<string, string[]>;
  /** the run number the form was rendered from */
  run: number | null;
}

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

const NORMALISE_NEWLINES = /\r\n?/g;

interface Change {
  id: string;
  raw: string[];
  trigger: boolean;
}

/** Which of the last run's widgets the submission changed, and which st.form values are staged. */
function decodeSubmission(session: Session, sub: Submission): { changes: Change[]; staged: Map<string, string[]> } {
  const stale = sub.run !== session.run;
  // Browsers send only the button that submitted the form, so a trigger present was clicked.
  const clicked = session.l.find(([id, style]) => style === "trigger" && sub.fields.has(id))?.[0] ?? null;
  const committedForms = new Set<string>();
  for (const [id, style, formId] of session.l) {
    if (style === "trigger" && formId && id === clicked) committedForms.add(formId);
  }
  const changes: Change[] = [];
  const staged = new Map<string, string[]>();
  for (const [id, style, formId, , before] of session.l) {
    if (style === "trigger") {
      if (!stale && id === clicked) changes.push({ id, raw: ["1"], trigger: true });
      continue;
    }
    const posted = sub.fields.get(id);
    if (posted === undefined) continue; // not in the submitted form: keep the value
    let raw = posted.map((s) => s.replace(NORMALISE_NEWLINES, "\n"));
    if (style === "bool" || style === "many") raw = raw.filter((s) => s !== "");
    if (formId && !committedForms.has(formId)) {
      staged.set(id, raw);
      continue;
    }
    if (rawDigest(style, raw) !== before) changes.push({ id, raw, trigger: false });
  }
  return { changes, staged };
}

function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface RunOptions {
  /** show stack traces of uncaught exceptions (development only) */
  showStack: boolean;
}

export class Engine {
  constructor(
    readonly app: AppSpec,
    readonly options: RunOptions,
  ) {}

  /**
   * Re-runs the last run's script on a throw-away copy of the state, output discarded, until the
   * wanted widgets have registered: their parsers and callbacks are then known without any server
   * memory (SPEC 2, "Callbacks without server memory").
   */
  private async discover(session: Session, ids: Set<string>): Promise<{ defs: Map<string, WidgetDefinition>; navigation: NavInfo | null }> {
    const copy = SessionState.fromStored(structuredClone(session.st));
    const ctx = new RunContext("discovery", copy, this.app, session.pg, true);
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

  async handle(session: Session, requestedPath: string, sub: Submission | null): Promise<RunOutcome> {
    const state = SessionState.fromStored(structuredClone(session.st));
    state.resetTriggers();
    let warned = session.w === 1;
    const widgetErrors = new Map<string, string>();
    const lazyRaw = new Map<string, string[]>();
    let staged = new Map<string, string[]>();
    const callbackOutput: ElementNode[] = [];
    let callbackFailed = false;

    if (sub) {
      const decoded = decodeSubmission(session, sub);
      staged = decoded.staged;
      const { changes } = decoded;
      const withCallback = new Set(session.l.filter((w) => w[3] === 1).map((w) => w[0]));
      const wanted = new Set(changes.filter((c) => !c.trigger || withCallback.has(c.id)).map((c) => c.id));
      const found = wanted.size > 0 ? await this.discover(session, wanted) : null;
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
      });
    }

    const limit = this.app.maxRerunsPerRequest ?? 25;
    let path = requestedPath;
    for (let runs = 1; ; runs++) {
      const ctx = new RunContext("run", state, this.app, path, warned);
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
          if (outcome.page !== shownPath) state.onRunFinished(new Set());
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
      return this.finish(session, state, shownPath, ctx.rendered, this.output(ctx, outcome === "error", warned));
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
    };
  }
}

/** The user key a stored key stands for (a keyed widget's id ends with its key). */
function visibleKey(storedKey: string): string {
  return userKeyOf(storedKey) ?? storedKey;
}

/** The first value that JSON cannot carry faithfully, with the reason. */
export function findNonJson(values: Record<string, unknown>): { key: string; why: string } | null {
  const check = (v: unknown, seen: Set<unknown>): string | null => {
    if (v === null || typeof v === "string" || typeof v === "boolean") return null;
    if (typeof v === "number") return Number.isFinite(v) ? null : `${v} is not a JSON number`;
    if (typeof v === "undefined") return "undefined is not JSON";
    if (typeof v === "function") return "a function is not JSON";
    if (typeof v === "bigint") return "a bigint is not JSON";
    if (typeof v !== "object") return `a ${typeof v} is not JSON`;
    if (seen.has(v)) return "the value contains a cycle";
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) {
        const why = check(x, seen);
        if (why) return why;
      }
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return `a ${proto?.constructor?.name ?? "class"} instance is not plain JSON`;
      for (const x of Object.values(v)) {
        const why = check(x, seen);
        if (why) return why;
      }
    }
    seen.delete(v);
    return null;
  };
  for (const [key, v] of Object.entries(values)) {
    const why = check(v, new Set());
    if (why) return { key, why };
  }
  return null;
}
