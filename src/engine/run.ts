/**
 * One request's work, in Streamlit's order: decode the posted widget values of the last run's
 * widgets, apply them, fire callbacks in render order (those of the run that drew the widgets,
 * remembered by this isolate or found by replaying that run), run the script (again, for
 * st.rerun/st.switchPage) or only the fragment the post was about, clean up, and hand back the
 * element tree and the state to store with where the last run started. Nothing here knows about
 * HTTP: a submission is just named strings.
 */
import {
  FragmentFailed,
  RERUN_IN_CALLBACK_WARNING,
  RerunSignal,
  StopSignal,
  endingOf,
  exceptionNode,
  notJsonValue,
  tooManyReruns,
} from "./errors.ts";
import { withRun } from "./context.ts";
import {
  RunContext,
  emptyRequest,
  nothingPosted,
  type Callback,
  type PageChoice,
  type PostedValues,
  type RequestInfo,
  type RunSetup,
  type ScriptRunner,
  type WidgetDefinition,
} from "./run-context.ts";
export { newSession, type Session, type Submission } from "./session.ts";
import { SessionState, type Json } from "./state.ts";
import type { Session, Submission } from "./session.ts";
import { decodeSubmission, type Change } from "./submission.ts";
import { findNonJson, visibleKey } from "./json-check.ts";
import type { AppSpec } from "./app-spec.ts";
import type { ElementNode } from "./tree.ts";
import { startDelta, startOf, withWritten, type RunStart } from "./replay-start.ts";
import { fragmentTarget, type FragmentTarget } from "./fragments.ts";
import { drawnOf, replay, type Drawn } from "./replay.ts";
import { sameSession } from "./same-session.ts";
import { Deferred, DeferredRead, guardedRequest } from "./deferred.ts";
import { closeDialog, rerunFragment, type FragmentRunOptions } from "./fragment-run.ts";
import { bareShownPage, shownPageOf, type RunOutcome, type ShownPage } from "./outcome.ts";
import { droppedOnPageChange, leftBehind } from "./page-change.ts";
import { WidgetList } from "./widget-list.ts";

export type { RunOutcome, ShownPage };

export { exceptionNode };

function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface RunOptions {
  /** show stack traces of uncaught exceptions (development only) */
  showStack: boolean;
  /** never reuse recent runs' widget definitions: always replay (tests of the stateless path) */
  noRecentRuns?: boolean;
  /** how a run runs the app's script (default: the entrypoint); the navigation layer gives its own */
  runScript?: ScriptRunner;
}

/** What a request has applied before any run: the state, and what the runs must show or know. */
export interface Applied {
  state: SessionState;
  warned: boolean;
  posted: PostedValues;
  callbackOutput: ElementNode[];
  /** a callback raised (or called st.stop): the request's run ends there */
  callbackEnded: "stop" | "error" | null;
  /** what the last request drew (replayed when this isolate did not keep it), when needed */
  drawn: Drawn | null;
  /** posted values parsed when their widget registers, instead of replaying for their parsers */
  deferred: Deferred | null;
}

/** How a finished run ended, for the session to store. */
interface Ending {
  page: ShownPage;
  failed: boolean;
  warned: boolean;
}

/** How many recent runs' widget definitions an engine keeps (an optional, per-isolate shortcut). */
const RECENT_RUNS = 256;
/**
 * And how many widgets those runs may have drawn in all: what a run keeps grows with its page (each
 * widget's parser, and the page's nodes when it has fragments: 0.65 to 0.93 KB a widget on Node),
 * and a Worker's isolate has 128 MB. By count alone, 256 pages of a thousand widgets would have
 * kept about 240 MB; within this bound, 16 to 23 MB: 25 such pages, or 256 ordinary ones.
 */
const RECENT_WIDGETS = 25_000;

export class Engine {
  /**
   * What recent runs drew, by session id and run number, with the whole session that run stored:
   * a request that follows a run this isolate served can skip the replay. A cache only: a miss (a
   * fresh isolate, another isolate, an evicted entry) costs a replay, which yields the same. An
   * entry answers only the very version it was made for (two versions may share a run number: a
   * replayed cookie, two requests racing with one), and only one request: a callback that changes
   * its own closure or arguments must not leave that change for another request.
   */
  private readonly recent = new Map<string, { session: Session; drawn: Drawn }>();
  /** the widgets the kept runs drew, in all */
  private recentWidgets = 0;
  private readonly setup: RunSetup;
  private readonly fragmentRuns: FragmentRunOptions;

  constructor(
    readonly app: AppSpec,
    readonly options: RunOptions,
  ) {
    const runScript = options.runScript ?? (async () => void (await app.entrypoint()));
    this.setup = { app, runScript, showStack: options.showStack };
    this.fragmentRuns = { ...this.setup, remember: (s, d) => this.remember(s, d) };
  }

  private remember(session: Session, drawn: Drawn): void {
    if (this.options.noRecentRuns) return;
    const slot = `${session.sid}:${session.run}`;
    this.forget(slot); // re-inserted last: the map's order is the eviction order
    // What the run drew is read back only to rerun one of its fragments or close one of its
    // dialogs (both fragments): a run without any keeps its parsers and callbacks, not its page,
    // which would otherwise stay alive until the next request of this session, or longer.
    if (drawn.fragments.size === 0) drawn = { ...drawn, main: [], sidebar: [], dialogs: [] };
    // (compared when a request for the same slot comes: most never come to this isolate)
    this.recent.set(slot, { session, drawn });
    this.recentWidgets += session.l.length;
    while (this.recent.size > RECENT_RUNS || (this.recentWidgets > RECENT_WIDGETS && this.recent.size > 1)) this.forget(this.recent.keys().next().value!);
  }

  private forget(slot: string): void {
    const known = this.recent.get(slot);
    if (!known) return;
    this.recent.delete(slot);
    this.recentWidgets -= known.session.l.length;
  }

  /** What the last request drew, if this isolate remembers it (used up with `once`). */
  private recalled(session: Session, once: boolean): Drawn | null {
    const slot = `${session.sid}:${session.run}`;
    const known = this.recent.get(slot);
    if (!known || !sameSession(known.session, session)) return null;
    if (once) this.forget(slot);
    return known.drawn;
  }

  /** What the last request drew: from this isolate's recent runs (used up), else by replaying it. */
  private async drawnBy(session: Session, request: RequestInfo, once: boolean): Promise<Drawn> {
    return this.recalled(session, once) ?? replay(this.setup, session, request);
  }

  /**
   * The pages callbacks know: the last run's. When it failed before st.navigation, Streamlit's
   * pages manager still knows an earlier run's pages; here, those of a run from the end state.
   */
  private async pagesFor(session: Session, drawn: Drawn, request: RequestInfo): Promise<PageChoice | null> {
    if (drawn.navigation || session.n !== 1) return drawn.navigation;
    return (await replay(this.setup, { ...session, r: undefined, fr: undefined }, request)).navigation;
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
   * One request: apply `sub` (if any), fire callbacks, run the script on `requestedPath` (or only
   * the fragment the post was about). With `stopAtSwitch`, a st.switchPage to another page ends
   * the request there (`switched`), so the caller can send the browser to the new page's address
   * and run it from there.
   */
  async handle(session: Session, requestedPath: string, sub: Submission | null, request: RequestInfo = emptyRequest(), stopAtSwitch = false): Promise<RunOutcome> {
    const query = request.query.toString();
    try {
      return await this.handleOnce(session, requestedPath, sub, request, stopAtSwitch, !this.options.noRecentRuns);
    } catch (err) {
      if (!(err instanceof DeferredRead)) throw err;
      // The script looked at a posted value before its widget parsed it: start over (with the
      // query parameters the request came with) and parse every posted value first.
      for (const k of [...request.query.keys()]) request.query.delete(k);
      for (const [k, v] of new URLSearchParams(query)) request.query.append(k, v);
      return this.handleOnce(session, requestedPath, sub, request, stopAtSwitch, false);
    }
  }

  private async handleOnce(session: Session, requestedPath: string, sub: Submission | null, request: RequestInfo, stopAtSwitch: boolean, mayDefer: boolean): Promise<RunOutcome> {
    const state = SessionState.fromStored(session.st, true);
    state.resetTriggers();
    // a visit to another page: the page left behind takes its widgets' state with it, first
    if (!sub && requestedPath !== session.pg) state.forgetWidgets(leftBehind(session));
    const a: Applied = { state, warned: session.w === 1, posted: nothingPosted(), callbackOutput: [], callbackEnded: null, drawn: null, deferred: null };
    let target: FragmentTarget | null = null;
    if (sub) {
      const post = await this.readPost(session, requestedPath, sub, a, request, mayDefer);
      target = post.target;
      if (target?.close) return closeDialog(this.fragmentRuns, session, a.drawn!, target.id, request);
      await this.applyChanges(session, post.changes, a, request);
    }
    if (a.callbackEnded) {
      // Streamlit: a callback that raises (or calls st.stop) ends the request's run; only the
      // callbacks' output shows, and there is no clean-up.
      const page = bareShownPage(requestedPath, request.query, a.callbackOutput);
      return this.finish(session, state, null, null, { page, failed: a.callbackEnded === "error", warned: a.warned });
    }
    let path = requestedPath;
    if (target) {
      const ended = await rerunFragment(this.fragmentRuns, session, target.id, a, request);
      if (!(ended instanceof RerunSignal)) return ended;
      // st.rerun() or st.switchPage() in the fragment: the whole script runs
      if (stopAtSwitch && ended.page !== undefined && ended.page !== path) {
        const page = { ...bareShownPage(path, request.query), navigation: a.drawn!.navigation };
        const handedOn = await this.handOn(session, state, request, ended.page, { page, failed: false, warned: a.warned });
        if (handedOn) return handedOn;
      }
      path = this.nextPath(state, request, ended, path);
      a.posted.staged = new Map();
      a.callbackOutput = [];
    }
    return this.runScript(session, path, a, request, stopAtSwitch);
  }

  /**
   * Reads the post against the last run: which values are staged, which forms were submitted, and
   * whether it reruns one fragment (or closes a dialog). Gets what the last request drew when the
   * post needs it: a changed value to parse or a callback to fire, or a fragment to rerun.
   */
  private async readPost(session: Session, path: string, sub: Submission, a: Applied, request: RequestInfo, mayDefer: boolean): Promise<{ changes: Change[]; target: FragmentTarget | null }> {
    const decoded = decodeSubmission(session, sub, request.files);
    a.posted.staged = decoded.staged;
    a.posted.submittedForms = decoded.submitted;
    const { changes } = decoded;
    a.posted.touched = new Set([...changes.map((c) => c.id), ...decoded.staged.keys()]);
    const target = fragmentTarget(session, path, sub, changes, decoded.staged);
    const l = session.l;
    const withCallback = new Set(l.ids.filter((_, at) => l.hasCallback(at)));
    // A chat message with no callback is parsed when its input registers: replaying the last run
    // to learn its parser would also replay that run's st.writeStream, asking the model again.
    const lateParsed = new Set(l.ids.filter((_, at) => l.style(at) === "chat" && !l.hasCallback(at)));
    const parsed = changes.filter((c) => !c.trigger && !lateParsed.has(c.id)).map((c) => c.id);
    const called = changes.some((c) => withCallback.has(c.id));
    const wanted = parsed.length > 0 || called || target !== null;
    a.drawn = wanted ? this.recalled(session, true) : null;
    // Without callbacks to fire, a value can wait for its widget to register (deferred.ts).
    if (!a.drawn && parsed.length && !called && !target && mayDefer) a.deferred = new Deferred(new Set(parsed));
    else if (!a.drawn && wanted) a.drawn = await replay(this.setup, session, request);
    // a fragment the replay did not draw (or a dialog already closed) cannot rerun alone
    const rec = target && a.drawn!.fragments.get(target.id);
    if (!rec || target!.id === session.dc || (target!.close && !rec.dialog)) return { changes, target: null };
    return { changes, target };
  }

  /** Parses the changed values, applies them, and fires the callbacks of the widgets they changed. */
  private async applyChanges(session: Session, changes: Change[], a: Applied, request: RequestInfo): Promise<void> {
    const { state } = a;
    const defs = a.drawn?.defs ?? new Map<string, WidgetDefinition>();
    const before = new Map<string, Json | undefined>();
    for (const c of changes) {
      before.set(c.id, state.previousValue(c.id));
      if (c.trigger) {
        // a choice its widget refuses (an option no longer offered) is no press: no callback fires
        const refused = c.choice === undefined ? undefined : defs.get(c.id)?.parse(c.raw);
        if (refused && "error" in refused) {
          a.posted.errors.set(c.id, refused.error);
          continue;
        }
        // a choice is a string, as a chat input's press is: released to null (state.ts)
        state.newWidget.set(c.id, c.choice ?? true);
        continue;
      }
      const def = defs.get(c.id);
      if (!def) {
        a.posted.lazyRaw.set(c.id, c.raw);
        continue;
      }
      const parsed = def.parse(c.raw);
      if ("value" in parsed) state.newWidget.set(c.id, parsed.value);
      else a.posted.errors.set(c.id, parsed.error);
    }
    await this.fireCallbacks(session, before, defs, a, request);
  }

  /**
   * Callbacks of changed widgets, in the order the last run rendered them. Whether a widget changed
   * is asked as its turn comes: an earlier callback may have deleted its value.
   */
  private async fireCallbacks(session: Session, before: Map<string, Json | undefined>, defs: Map<string, WidgetDefinition>, a: Applied, request: RequestInfo): Promise<void> {
    const { state } = a;
    // (most posts change no widget that has a callback: then there is no callback run to set up)
    if (![...before.keys()].some((id) => defs.get(id)?.callback)) return;
    const navigation = a.drawn ? await this.pagesFor(session, a.drawn, request) : null;
    const ctx = new RunContext({ ...this.setup, mode: "callback", state: a.state, requestedPath: session.pg, request, warned: a.warned, navigation });
    const out = ctx.page.main;
    for (const id of session.l.ids) {
      if (!before.has(id) || !state.newWidget.has(id)) continue;
      if (deepEqual(state.newWidget.get(id), before.get(id))) continue;
      const cb: Callback | null | undefined = defs.get(id)?.callback;
      if (!cb) continue;
      try {
        await withRun(ctx, () => cb.fn(...cb.args));
      } catch (err) {
        if (err instanceof RerunSignal) {
          out.push({ type: "alert", props: { kind: "warning", body: RERUN_IN_CALLBACK_WARNING } });
          continue;
        }
        // st.stop() in a callback ends the request there, quietly (no error shown), as in Streamlit
        if (!(err instanceof StopSignal)) out.push(exceptionNode(err, this.options.showStack));
        a.callbackEnded = err instanceof StopSignal ? "stop" : "error";
        break;
      }
    }
    a.callbackOutput = out;
    a.warned = ctx.widgets.defaultWarningShown;
  }

  /**
   * The path of the next run after a rerun request. Before a run on a *different* page Streamlit
   * drops the state of every widget (a switch carries no widget states from the browser), so only
   * user keys and re-saved widget keys reach the new page; the new page starts with no query
   * parameters.
   */
  private nextPath(state: SessionState, request: RequestInfo, signal: RerunSignal, path: string, shownPath = path): string {
    if (signal.page === undefined) return path;
    if (signal.page !== shownPath) this.leavePage(state, request);
    return signal.page;
  }

  /** Before another page runs: no widget state and no query parameter of this page goes with it. */
  private leavePage(state: SessionState, request: RequestInfo): void {
    state.onRunFinished(new Set());
    for (const k of [...request.query.keys()]) request.query.delete(k);
  }

  /**
   * st.switchPage to another page, when the caller asked to stop there: the state the new page
   * starts from is stored and the request ends (`switched`); a later request runs the page. A state
   * that cannot be kept is not handed on (null): the run goes on here, and says so.
   */
  private async handOn(session: Session, state: SessionState, request: RequestInfo, page: string, ending: Ending): Promise<RunOutcome | null> {
    this.leavePage(state, request);
    // no run drew anything yet: the request that runs the new page is not a replay
    const handedOn = await this.finish(session, state, null, null, { ...ending, page: { ...ending.page, path: page } });
    return handedOn.session.st !== session.st ? { ...handedOn, switched: true } : null;
  }

  /** Runs the whole script (again after st.rerun/st.switchPage, within the limit) and finishes. */
  private async runScript(session: Session, path: string, a: Applied, request: RequestInfo, stopAtSwitch: boolean): Promise<RunOutcome> {
    const { state } = a;
    const limit = this.app.maxRerunsPerRequest ?? 25;
    if (a.deferred) request = guardedRequest(request, a.deferred);
    for (let runs = 1; ; runs++) {
      // Every run's start is kept: the last run of the request, the one that draws the page, is
      // what the next request replays.
      const start = startOf(state, path, request.query, a.posted.lazyRaw);
      const { ctx, ended } = await this.runOnce(path, a, request, start);
      const shownPath = ctx.shownPath();
      const lead = a.callbackOutput.length;
      if (!(ended instanceof RerunSignal)) {
        if (ended === "done") state.onRunFinished(ctx.widgets.ids);
        return this.finish(session, state, start, ctx, this.ending(ctx, ended === "error", a.warned), lead);
      }
      // st.rerun() and st.switchPage() both end the run with a rerun request, which Streamlit
      // counts as a finished run (clean-up, triggers reset).
      state.onRunFinished(ctx.widgets.ids);
      if (stopAtSwitch && ended.page !== undefined && ended.page !== shownPath) {
        const handedOn = await this.handOn(session, state, request, ended.page, this.ending(ctx, false, a.warned));
        if (handedOn) return handedOn;
      }
      path = this.nextPath(state, request, ended, path, shownPath);
      if (runs >= limit) {
        ctx.page.main.push(exceptionNode(tooManyReruns(limit), false));
        return this.finish(session, state, start, ctx, this.ending(ctx, true, a.warned), lead);
      }
      a.posted.staged = new Map();
      a.callbackOutput = [];
    }
  }

  /** One run of the script, live: what it drew and how it ended. */
  private async runOnce(path: string, a: Applied, request: RequestInfo, start: RunStart): Promise<{ ctx: RunContext; ended: "done" | "stop" | "error" | RerunSignal }> {
    const { state } = a;
    const ctx = new RunContext({ ...this.setup, mode: "run", state, requestedPath: path, request, warned: a.warned, posted: a.posted });
    ctx.page.main.push(...a.callbackOutput);
    state.guard = { widgetIdsThisRun: ctx.widgets.ids, formIdsThisRun: ctx.widgets.formIds };
    state.reads = start.reads;
    state.deferred = a.deferred;
    state.presses = ctx.presses;
    let ended: "done" | "stop" | "error" | RerunSignal = "done";
    try {
      await withRun(ctx, () => this.setup.runScript(ctx));
    } catch (err) {
      if (err instanceof StopSignal) ended = "stop";
      else if (err instanceof RerunSignal) ended = err;
      else {
        // (a fragment's exception is already shown inside the fragment)
        if (!(err instanceof FragmentFailed)) ctx.page.main.push(exceptionNode(err, this.options.showStack));
        ended = "error";
      }
    }
    if (ctx.pending.length) await Promise.allSettled(ctx.pending);
    // a signal the app's own catch swallowed still ends the run as it asked
    if (ended === "done" && ctx.signalled) ended = endingOf(ctx.signalled);
    state.guard = null;
    state.reads = null;
    state.deferred = null;
    state.presses = null;
    if (a.deferred) {
      // a value looked at early, or never parsed (its widget did not register): start over
      if (a.deferred.hit || a.deferred.ids.size) throw new DeferredRead();
      a.deferred.asIfParsedFirst(start);
      a.deferred = null;
    }
    a.warned = ctx.widgets.defaultWarningShown;
    return { ctx, ended };
  }

  private ending(ctx: RunContext, failed: boolean, warned: boolean): Ending {
    return { page: shownPageOf(ctx), failed, warned };
  }

  /**
   * The session to store after the request's last run (`run`, absent when a callback failed and
   * no run drew anything): its end state and where it started. The isolate remembers what it drew
   * (without the `lead` nodes of callback output, which a replay of the run would not draw).
   */
  private async finish(session: Session, state: SessionState, start: RunStart | null, run: RunContext | null, ending: Ending, lead = 0): Promise<RunOutcome> {
    const { page, failed } = ending;
    const written = new Set(state.newSession.keys());
    const stored = state.toStored();
    const bad = findNonJson(stored.o) ?? start?.bad;
    if (bad) {
      // The value cannot travel in the cookie: say which key, and keep the last good state.
      page.main.push(exceptionNode(notJsonValue(visibleKey(bad.key), bad.why), false));
      return { session: { ...session, run: session.run + 1 }, page, failed };
    }
    const next: Session = { v: 2, sid: session.sid, run: session.run + 1, pg: page.path, st: stored, l: run?.widgets.rendered ?? new WidgetList() };
    const r = run?.readUnkeptUpload ? { e: 1 as const } : start && withWritten(startDelta(start, stored, page.path), run?.streams.carried() ?? [], run?.openings ?? []);
    if (r) next.r = r;
    const pd = run && droppedOnPageChange(next.l, run.widgets.pageDrawn, written);
    if (pd) next.pd = pd;
    if (ending.warned) next.w = 1;
    // (a run that failed may not have reached st.navigation: keep what the last run knew)
    if (page.navigation || (failed && session.n === 1)) next.n = 1;
    // A run that looked at a pressed trigger is not what its replay draws (that one leaves it
    // released): remembering it would let this isolate fire callbacks that another one cannot find.
    if (run && !r?.e && !run.presses.seen) this.remember(next, drawnOf(run, lead));
    return { session: next, page, failed };
  }
}
