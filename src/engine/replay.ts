/**
 * Replaying what the last request showed, to get back what the server does not keep: the widgets'
 * parsers and callbacks, the fragments' functions, and the page itself. The last run is run again
 * from where it started (see replay-start.ts), then each fragment rerun since, from where it
 * started, in order; output goes to a throw-away page, state writes to a throw-away copy.
 */
import { FragmentFailed, RerunSignal, StopSignal, exceptionNode } from "./errors.ts";
import { withRun } from "./context.ts";
import { RunContext, nothingPosted, type PageChoice, type PageConfig, type RequestInfo, type RunInit, type RunSetup, type WidgetDefinition } from "./run-context.ts";
import type { Session } from "./session.ts";
import type { ElementNode } from "./tree.ts";
import { stateAtStart, type ReplayStart } from "./replay-start.ts";
import { isWithin, withFragment, withoutDialog, type FragmentRecord, type PageTree } from "./fragments.ts";
import { Slots } from "./slots.ts";
import { reopen } from "./openings.ts";

/** What the runs behind a page registered and drew. */
export interface Drawn extends PageTree {
  /** every widget's parser, callback and payload, by id */
  defs: Map<string, WidgetDefinition>;
  navigation: PageChoice | null;
  /** every fragment drawn, by id: how to draw it again */
  fragments: Map<string, FragmentRecord>;
  pageConfig: PageConfig;
}

/** What a finished run drew (its first `lead` main nodes are callback output, not the script's). */
export function drawnOf(ctx: RunContext, lead = 0): Drawn {
  const { page } = ctx;
  return {
    defs: ctx.widgets.definitions,
    navigation: ctx.navigation,
    fragments: ctx.fragments.records,
    main: page.main.slice(lead),
    sidebar: page.sidebar,
    dialogs: page.dialogs,
    pageConfig: page.config,
  };
}

/**
 * `drawn` after fragment `id` was drawn again into `node` by `ctx`: its widgets and fragments too,
 * and a dialog it opened.
 */
export function withRedrawn(drawn: Drawn, ctx: RunContext, id: string, node: ElementNode): Drawn {
  const page = withFragment(drawn, id, node);
  return {
    ...drawn,
    ...page,
    // (a dialog the fragment's earlier run opened from inside it is gone unless this run opened it again)
    dialogs: [...page.dialogs.filter((d) => d.props.id === id || !isWithin(drawn.fragments, String(d.props.id), id)), ...ctx.page.dialogs],
    defs: new Map([...drawn.defs, ...ctx.widgets.definitions]),
    fragments: new Map([...drawn.fragments, ...ctx.fragments.records]),
  };
}

/**
 * A throw-away run that starts where the live one did (`r` against the end state), with every
 * trigger released: a replay never presses a button or sends a chat message again (presses.ts).
 */
function sandbox(setup: RunSetup, end: Session["st"], path: string, r: ReplayStart, request: RequestInfo, also: Pick<RunInit, "navigation" | "fragmentRun"> = {}): RunContext {
  const state = stateAtStart(end, r);
  const ctx = new RunContext({
    ...also,
    mode: "replay",
    state,
    released: state.releaseTriggers(),
    streamTexts: r.w,
    app: setup.app,
    requestedPath: path,
    // this request's facts (st.context): the cookie does not carry the last request's headers;
    // who is signed in is the request's too: the replay draws what the live run drew for them
    request: { ...request, query: new URLSearchParams(r.q ?? ""), files: new Map(), stream: undefined, slots: new Slots() },
    showStack: setup.showStack,
    warned: true,
    posted: { ...nothingPosted(), lazyRaw: new Map(Object.entries(r.z ?? {})) },
  });
  ctx.state.guard = { widgetIdsThisRun: ctx.widgets.ids, formIdsThisRun: ctx.widgets.formIds };
  ctx.state.presses = ctx.presses;
  ctx.state.endState = end;
  return ctx;
}

/** Runs `fn` in the sandbox; what ended it ends it as it ended the live run (an exception shows). */
async function runIn(ctx: RunContext, fn: () => unknown): Promise<void> {
  try {
    await withRun(ctx, fn);
  } catch (err) {
    if (!(err instanceof StopSignal || err instanceof RerunSignal || err instanceof FragmentFailed)) ctx.page.main.push(exceptionNode(err, ctx.showStack));
  }
  // work the run started and did not await (a chart drawing) ends before the page is drawn, as live
  if (ctx.pending.length) await Promise.allSettled(ctx.pending);
}

/**
 * Runs the last run again, in a sandbox: from the state it started with (the end state and the
 * recorded difference, on a throw-away copy), its page, its query parameters (a copy), with no
 * posted files (an upload store has their bytes), to the end of the script; then the fragments
 * rerun since, each from its start.
 * Deterministic scripts register exactly the widgets, callbacks, arguments, closures and output
 * those runs had. A dialog the user closed since is left out of the page.
 */
export async function replay(setup: RunSetup, session: Session, request: RequestInfo): Promise<Drawn> {
  // A run that read uploaded bytes no store keeps is run from its end state instead, on every
  // isolate alike (none remembers it): no replay could read those bytes again.
  const fromEnd = session.r?.e === 1;
  const r = fromEnd ? {} : (session.r ?? {});
  const path = r.p ?? session.pg;
  // (a start whose query string was too long to carry takes the request's: `y`)
  const here = fromEnd || r.y ? { ...r, q: request.query.toString() } : r;
  const ctx = sandbox(setup, session.st, path, here, request);
  await runIn(ctx, () => setup.runScript(ctx));
  await runIn(ctx, () => reopen(ctx, here.d));
  let drawn = drawnOf(ctx);
  for (const [id, start = {}] of fromEnd ? [] : (session.fr ?? [])) {
    const rec = drawn.fragments.get(id);
    if (!rec) continue;
    const q = start.y ? { ...start, q: request.query.toString() } : start;
    const f = sandbox(setup, session.st, session.pg, q, request, { navigation: drawn.navigation, fragmentRun: id });
    const node = rec.node();
    await runIn(f, () => rec.draw(node));
    await runIn(f, () => reopen(f, start.d));
    drawn = withRedrawn(drawn, f, id, node);
  }
  return session.dc ? { ...drawn, ...withoutDialog(drawn, session.dc) } : drawn;
}
