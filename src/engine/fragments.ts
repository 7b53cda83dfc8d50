/**
 * Fragments (st.fragment, and the body of st.dialog): parts of a page that rerun alone. A fragment
 * is a closure of the run that drew it, so a later request gets it back the way it gets callbacks:
 * by replaying that run, where the fragment registers under an id that the same run always gives
 * it. This module holds what the engine knows of fragments: their ids, their records, which post
 * reruns which fragment, and how a fragment's new output and widgets take the old ones' place.
 */
import type { ElementNode } from "./tree.ts";
import type { RunContext } from "./run-context.ts";
import type { Session, Submission } from "./session.ts";
import type { Change } from "./submission.ts";
import { rawDigest } from "./widgets.ts";
import { digest } from "./widget-id.ts";
import { CLOSE_DIALOG_FIELD, FRAGMENT_FIELD } from "../protocol/form.ts";

/** A fragment being drawn: widgets may go only into the node lists inside it. */
export interface FragmentScope {
  id: string;
  dialog: boolean;
  lists: Set<ElementNode[]>;
  parent: FragmentScope | null;
}

/** What a run knows of a fragment it drew: enough to draw it again in another run. */
export interface FragmentRecord {
  id: string;
  /** the fragment that called it ("" for the script itself) */
  parent: string;
  dialog: boolean;
  /** an empty node for the fragment's output */
  node: () => ElementNode;
  /** draws the fragment again, into `node`, in the current run */
  draw: (node: ElementNode) => unknown;
}

/**
 * The next fragment id: a digest of the page's script, the calling fragment, what the fragment is
 * (its function's source; a dialog's title too) and how many fragments that caller drew before. A
 * replay of the same run gives the same ids, and a fragment's rerun gives the fragments inside it
 * the ids they had.
 */
export function nextFragmentId(ctx: RunContext, what: string): string {
  const parent = ctx.fragments.current?.id ?? "";
  const n = ctx.fragments.calls.get(parent) ?? 0;
  ctx.fragments.calls.set(parent, n + 1);
  return digest(JSON.stringify([ctx.scriptId, parent, what, n]));
}

/** A page's output: the main area, the sidebar, and the open dialogs. */
export interface PageTree {
  main: ElementNode[];
  sidebar: ElementNode[];
  dialogs: ElementNode[];
}

/** `nodes` with fragment `id` replaced by `next` (copies only the nodes on the way); null if absent. */
function replaced(nodes: ElementNode[], id: string, next: ElementNode): ElementNode[] | null {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.type === "fragment" && n.props.id === id) return nodes.map((x, j) => (j === i ? next : x));
    const inner = n.children && replaced(n.children, id, next);
    if (inner) return nodes.map((x, j) => (j === i ? { ...n, children: inner } : x));
  }
  return null;
}

/** The page with one fragment's output replaced (the page itself is left as it was). */
export function withFragment(page: PageTree, id: string, next: ElementNode): PageTree {
  return {
    main: replaced(page.main, id, next) ?? page.main,
    sidebar: replaced(page.sidebar, id, next) ?? page.sidebar,
    dialogs: replaced(page.dialogs, id, next) ?? page.dialogs,
  };
}

/** The page without the dialog whose body is fragment `id` (the user closed it). */
export function withoutDialog(page: PageTree, id: string): PageTree {
  return { ...page, dialogs: page.dialogs.filter((d) => d.props.id !== id) };
}

/** What a post asks for: a rerun of one fragment, closing a dialog, or (null) a run of the script. */
export type FragmentTarget = { id: string; close: boolean };

/**
 * A post reruns only a fragment when it comes from the current page (not a stale form, not a page
 * switch) and everything it changed (values, a click, values staged in an st.form) belongs to that
 * one fragment; with nothing changed, when a timer's post names the fragment. A change anywhere
 * else reruns the whole script, as Streamlit does for a widget outside any fragment.
 */
export function fragmentTarget(session: Session, path: string, sub: Submission, changes: Change[], staged: Map<string, string[]>): FragmentTarget | null {
  if (sub.run !== session.run || path !== session.pg) return null;
  const closing = sub.fields.get(CLOSE_DIALOG_FIELD)?.[0];
  if (closing) return { id: closing, close: true };
  // (the widgets a post changed or staged are few; the page's may be many: only theirs are looked up)
  const wanted = new Set<string>(staged.keys());
  for (const c of changes) wanted.add(c.id);
  const l = session.l;
  const owner = new Map<string, number>();
  if (wanted.size) l.ids.forEach((id, at) => wanted.has(id) && owner.set(id, at));
  const fragmentOf = (at: number | undefined) => (at === undefined ? "" : (l.fragments[at] ?? ""));
  const touched = new Set(changes.map((c) => fragmentOf(owner.get(c.id))));
  for (const [id, raw] of staged) {
    const at = owner.get(id);
    if (at !== undefined && rawDigest(l.style(at), raw) !== l.digests[at]) touched.add(fragmentOf(at));
  }
  if (touched.size === 0) {
    const named = sub.fields.get(FRAGMENT_FIELD)?.[0];
    return named ? { id: named, close: false } : null;
  }
  const [only] = touched;
  return touched.size === 1 && only ? { id: only, close: false } : null;
}

/** Whether fragment `id` is `ancestor` or drawn inside it, by the records' parent links. */
export function isWithin(records: Map<string, FragmentRecord>, id: string, ancestor: string): boolean {
  for (let at: string | undefined = id; at; at = records.get(at)?.parent) if (at === ancestor) return true;
  return false;
}
