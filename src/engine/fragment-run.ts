/**
 * A request that reruns one fragment: after the posted values are applied and callbacks fired,
 * only the fragment's function runs (live, against the real state), and its output takes its old
 * output's place in the page the replay drew. Clean-up touches only the fragment's own widgets.
 * The session then records the fragment's rerun and where it started, so the next request's
 * replay draws the page as it is now. Also: closing a dialog, which runs nothing.
 */
import { FragmentFailed, RerunSignal, StopSignal, endingOf, exceptionNode, notJsonValue, tooManyReruns } from "./errors.ts";
import { withRun } from "./context.ts";
import { RunContext, type RequestInfo, type RunSetup } from "./run-context.ts";
import type { Session } from "./session.ts";
import type { ElementNode } from "./tree.ts";
import { findNonJson, visibleKey } from "./json-check.ts";
import { rebase, startDelta, startOf, withWritten, type RunStart } from "./replay-start.ts";
import { isWithin, withoutDialog } from "./fragments.ts";
import { withRedrawn, type Drawn } from "./replay.ts";
import { droppedOnPageChange, leftBehind } from "./page-change.ts";
import type { Applied } from "./run.ts";
import type { RunOutcome, ShownPage } from "./outcome.ts";

export interface FragmentRunOptions extends RunSetup {
  /** keeps what the request drew for the next request on this isolate */
  remember: (session: Session, drawn: Drawn) => void;
}

/** The page drawn by replay, with a fragment drawn again (the last run's navigation and config). */
function shown(drawn: Drawn, session: Session, request: RequestInfo): ShownPage {
  const { main, sidebar, dialogs, navigation, pageConfig } = drawn;
  return { main, sidebar, dialogs, navigation, notFound: null, path: session.pg, query: request.query, config: pageConfig };
}

/**
 * Reruns fragment `id` (again for st.rerun({ scope: "fragment" }), within the request's limit).
 * Returns the outcome, or the RerunSignal of an st.rerun()/st.switchPage() that asks for a run of
 * the whole script (the fragment's clean-up done).
 */
export async function rerunFragment(o: FragmentRunOptions, session: Session, id: string, a: Applied, request: RequestInfo): Promise<RunOutcome | RerunSignal> {
  const drawn = a.drawn!;
  const rec = drawn.fragments.get(id)!;
  const limit = o.app.maxRerunsPerRequest ?? 25;
  // the fragment's own widgets on the page: a rerun that does not draw one again drops its state
  let own = session.l.ids.filter((_, at) => session.l.fragments[at] === id);
  for (let runs = 1; ; runs++) {
    const start = startOf(a.state, session.pg, request.query, a.posted.lazyRaw);
    const ctx = new RunContext({ ...o, mode: "run", state: a.state, requestedPath: session.pg, request, warned: a.warned, posted: a.posted, navigation: drawn.navigation, fragmentRun: id });
    a.state.guard = { widgetIdsThisRun: ctx.widgets.ids, formIdsThisRun: ctx.widgets.formIds };
    a.state.reads = start.reads;
    a.state.presses = ctx.presses;
    const node = rec.node();
    node.children!.push(...a.callbackOutput);
    let outcome: "done" | "stop" | RerunSignal = "done";
    try {
      await withRun(ctx, () => rec.draw(node));
    } catch (err) {
      // (an exception shows inside the fragment, and its rerun still counts as finished, as in Streamlit)
      if (err instanceof StopSignal) outcome = "stop";
      else if (err instanceof RerunSignal) outcome = err;
      else if (!(err instanceof FragmentFailed)) node.children!.push(exceptionNode(err, o.showStack));
    }
    if (ctx.pending.length) await Promise.allSettled(ctx.pending);
    // (a signal the fragment's own catch swallowed still ends its rerun as it asked)
    if (outcome === "done" && ctx.signalled) outcome = endingOf(ctx.signalled);
    a.state.guard = null;
    a.state.reads = null;
    a.state.presses = null;
    a.warned = ctx.widgets.defaultWarningShown;
    if (outcome !== "stop") a.state.onFragmentFinished(own.filter((w) => !ctx.widgets.ids.has(w)));
    own = ctx.widgets.rendered.ids.filter((_, at) => ctx.widgets.rendered.fragments[at] === id);
    if (outcome instanceof RerunSignal) {
      if (outcome.scope === "app") return outcome;
      if (runs < limit) {
        a.posted.staged = new Map();
        a.callbackOutput = [];
        continue;
      }
      node.children!.push(exceptionNode(tooManyReruns(limit), false));
    }
    return finishFragment(o, session, a, id, start, ctx, node, request);
  }
}

/** The session and outcome after fragment `id` reran (drawing `node`). */
async function finishFragment(
  o: FragmentRunOptions,
  session: Session,
  a: Applied,
  id: string,
  start: RunStart,
  ctx: RunContext,
  node: ElementNode,
  request: RequestInfo,
): Promise<RunOutcome> {
  const after = withRedrawn(a.drawn!, ctx, id, node);
  // (a fragment that opened or dropped a dialog changed more than its own part: the page is sent whole)
  const dialogIds = (d: Drawn) => d.dialogs.map((x) => x.props.id).join();
  const swap = dialogIds(after) === dialogIds(a.drawn!) ? { id, closed: false, node } : undefined;
  const written = new Set(a.state.newSession.keys());
  const stored = a.state.toStored();
  const bad = findNonJson(stored.o) ?? start.bad;
  if (bad) {
    // The value cannot travel in the cookie: say which key, and keep the last good state.
    node.children!.push(exceptionNode(notJsonValue(visibleKey(bad.key), bad.why), false));
    return { session: { ...session, run: session.run + 1 }, page: shown(after, session, request), failed: false, swap };
  }
  // Fragments inside this one were drawn again with it: their own earlier reruns no longer count.
  const redrawn = (f: string) => isWithin(after.fragments, f, id);
  const fr: NonNullable<Session["fr"]> = [];
  for (const [f, r] of session.fr ?? []) {
    if (redrawn(f)) continue;
    const moved = rebase(r, session.st, stored, session.pg);
    fr.push(moved ? [f, moved] : [f]);
  }
  const mine = withWritten(startDelta(start, stored, session.pg), ctx.streams.carried(), ctx.openings);
  fr.push(mine ? [id, mine] : [id]);
  const next: Session = { ...session, run: session.run + 1, st: stored, l: session.l.spliced(redrawn, ctx.widgets.rendered), fr };
  // (positions moved with the list: the page's widgets are those the run marked and the fragment's own)
  const pd = droppedOnPageChange(next.l, new Set([...leftBehind(session), ...ctx.widgets.pageDrawn]), written);
  if (pd) next.pd = pd;
  else delete next.pd;
  // (uploaded bytes no store keeps cannot be read by a replay: the next one runs from the end state)
  const fromEnd = session.r?.e === 1 || ctx.readUnkeptUpload;
  const r = fromEnd ? { e: 1 as const } : rebase(session.r, session.st, stored, session.pg);
  if (r) next.r = r;
  else delete next.r;
  if (fromEnd) delete next.fr;
  if (a.warned) next.w = 1;
  if (ctx.page.dialogs.some((d) => d.props.id === session.dc)) delete next.dc; // opened again
  // (as after a whole run: a rerun that looked at a pressed trigger is not what its replay draws)
  if (!fromEnd && !ctx.presses.seen) o.remember(next, after);
  return { session: next, page: shown(after, session, request), failed: false, swap };
}

/**
 * The user closed a dialog: nothing runs and no value applies (Streamlit's dismissal never reaches
 * the script); the page comes back without it, and the session remembers it is closed.
 */
export async function closeDialog(o: FragmentRunOptions, session: Session, drawn: Drawn, id: string, request: RequestInfo): Promise<RunOutcome> {
  const after = { ...drawn, ...withoutDialog(drawn, id) };
  const next: Session = { ...session, run: session.run + 1, dc: id };
  o.remember(next, after);
  return { session: next, page: shown(after, session, request), failed: false, swap: { id, closed: true, node: null } };
}
