/**
 * st.fragment and st.dialog: a function whose part of the page reruns alone. Calling the function
 * draws it into a container of its own (a dialog's into a modal box apart from the page) and
 * registers how to draw it again; the engine reruns it when a post changes only its widgets.
 */
import { ContainerBase } from "./base.ts";
import { currentRun } from "../engine/context.ts";
import {
  FragmentFailed,
  RerunSignal,
  StopSignal,
  badTimeString,
  emptyDialogTitle,
  exceptionNode,
  nestedDialogs,
  secondDialog,
} from "../engine/errors.ts";
import { nextFragmentId, type FragmentRecord } from "../engine/fragments.ts";
import { defineOpener, noteOpening } from "../engine/openings.ts";
import { digest } from "../engine/widget-id.ts";
import { durationSeconds } from "../shared/duration.ts";
import type { RunContext } from "../engine/run-context.ts";
import type { ElementNode } from "../engine/tree.ts";
import { APPLY_FIELD, CLOSE_DIALOG_FIELD } from "../protocol/form.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { html } from "../render/html.ts";
import { checkIcon } from "./icon.ts";
import { iconContent } from "../render/icon.ts";

export interface FragmentOptions {
  /**
   * Rerun the fragment on a timer, with JavaScript: seconds, or a duration such as "10s", "1.5m",
   * "500ms", "1h". Without JavaScript nothing reruns between the user's own submits.
   */
  runEvery?: number | string | null;
}

export interface DialogOptions {
  /** "small" (about 500 pixels, the default) or "large" (about 750) */
  width?: "small" | "large";
  /** an emoji or a `:material/name:` icon before the title */
  icon?: string;
}

/** runEvery in seconds (null: no timer), or Streamlit's error for a duration it cannot read. */
function seconds(every: number | string | null | undefined): number | null {
  if (every === null || every === undefined) return null;
  if (typeof every === "number") return every > 0 ? every : null;
  const total = durationSeconds(every);
  if (total === null || !(total > 0)) throw badTimeString(every);
  return total;
}

/**
 * Draws `fn(...args)` into `node` with the fragment as the current scope: `st.*` calls land in
 * it, widgets may go only inside it. An exception shows inside the fragment (and still ends a run
 * of the whole script, as FragmentFailed); st.rerun and st.stop pass through.
 */
function drawInto<R>(ctx: RunContext, rec: FragmentRecord, inside: ContainerBase, node: ElementNode, run: () => R): R {
  const scope = { id: rec.id, dialog: rec.dialog, lists: new Set([node.children!]), parent: ctx.fragments.current };
  ctx.fragments.current = scope;
  const fail = (err: unknown): never => {
    ctx.fragments.current = scope.parent;
    if (err instanceof StopSignal || err instanceof RerunSignal || err instanceof FragmentFailed) throw err;
    node.children!.push(exceptionNode(err, ctx.showStack));
    throw new FragmentFailed();
  };
  let result: R;
  try {
    result = inside.with(run);
  } catch (err) {
    return fail(err);
  }
  if (result instanceof Promise) {
    return result.then((value) => {
      ctx.fragments.current = scope.parent;
      return value;
    }, fail) as R;
  }
  ctx.fragments.current = scope.parent;
  return result;
}

/** Registers a fragment drawn into `inside` (its node already placed) and draws it. */
function drawNew<A extends unknown[], R>(ctx: RunContext, id: string, dialog: boolean, inside: ContainerBase, node: ElementNode, fn: (...args: A) => R, args: A, parent = ctx.fragments.current?.id ?? ""): R {
  const scriptId = ctx.scriptId;
  const empty = (): ElementNode => ({ type: "fragment", props: { ...node.props }, children: [] });
  const rec: FragmentRecord = {
    id,
    parent,
    dialog,
    node: empty,
    draw: (into) => {
      const now = currentRun("st.fragment");
      now.scriptId = scriptId;
      return drawInto(now, rec, inside._sibling(into), into, () => fn(...args));
    },
  };
  ctx.fragments.records.set(id, rec);
  return drawInto(ctx, rec, inside, node, () => fn(...args));
}

/**
 * `st.fragment(fn, { runEvery })`: returns a function that draws `fn` as a fragment. With
 * JavaScript, a change to one of its widgets reruns only `fn` and replaces only its part of the
 * page; without, the page comes back whole, the rest of it as the last run drew it.
 */
export function fragment<A extends unknown[], R>(fn: (...args: A) => R, opts: FragmentOptions = {}): (...args: A) => R {
  const every = seconds(opts.runEvery);
  return (...args: A): R => {
    const ctx = currentRun("st.fragment");
    const id = nextFragmentId(ctx, String(fn));
    const node = fragmentFamily.node("fragment", { id, ...(every ? { runEvery: every } : {}) }, []);
    const root = new ContainerBase(null, null, "main", true);
    root._push(node);
    return drawNew(ctx, id, false, root._child(node), node, fn, args);
  };
}

/**
 * `st.dialog(title, { width })(fn)`: returns a function that opens a modal dialog showing `fn`,
 * whose body is a fragment. It closes when the script runs again without calling it (st.rerun()
 * inside it, for one) or when the user closes it. Calling it returns nothing, as in Streamlit:
 * what the body computes reaches the page through session state, since the body may rerun alone.
 */
export function dialog(title: string, opts: DialogOptions = {}) {
  if (!title) throw emptyDialogTitle();
  const width = opts.width === "large" ? "large" : "small";
  const icon = checkIcon(opts.icon);
  return <A extends unknown[], R>(fn: (...args: A) => R) => {
    const what = `dialog:${title}:${String(fn)}`;
    const name = digest(what);
    const open = (ctx: RunContext, id: string, parent: string, args: A): R => {
      if (ctx.page.dialogs.length) throw secondDialog();
      const node = fragmentFamily.node("fragment", { id }, []);
      ctx.page.dialogs.push(fragmentFamily.node("dialog", { id, title, width, icon }, [node]));
      return drawNew(ctx, id, true, ContainerBase.make(node.children!, null, "main"), node, fn, args, parent);
    };
    // (a replay that left the button behind this dialog released opens it again by this name)
    defineOpener(name, (ctx, id, parent, args) => open(ctx, id, parent, args as A));
    return (...args: A): void => {
      const ctx = currentRun("st.dialog");
      for (let s = ctx.fragments.current; s; s = s.parent) if (s.dialog) throw nestedDialogs();
      const id = nextFragmentId(ctx, what);
      const parent = ctx.fragments.current?.id ?? "";
      noteOpening(ctx, [id, name, parent], args);
      open(ctx, id, parent, args);
    };
  };
}

/** DOM ids: what the client script replaces after a fragment rerun, or removes when a dialog closes. */
export const fragmentDomId = (id: string) => `fl-frag-${id}`;
export const dialogDomId = (id: string) => `fl-dlg-${id}`;

interface FragmentKinds {
  fragment: { id: string; runEvery?: number };
  /** icon: "" for none */
  dialog: { id: string; title: string; width: "small" | "large"; icon: string };
}

const renderers: KindRenderers<FragmentKinds> = {
  fragment: (p, n, render) =>
    html`<div class="fl-fragment" id="${fragmentDomId(p.id)}" data-fragment="${p.id}"${p.runEvery ? html` data-run-every="${Number(p.runEvery)}"` : ""}>${render(n.children)}</div>`,
  // Without JavaScript an open <dialog> is not modal: the page behind is `inert` (see document.ts)
  // and the overlay covers it; the client script makes it a real modal (showModal).
  // (The page's Apply is behind the overlay: the dialog has its own, hidden with JavaScript.)
  dialog: (p, n, render) => {
    const title = `${dialogDomId(p.id)}-title`;
    return html`<div class="fl-overlay" id="${dialogDomId(p.id)}"><dialog open class="fl-dialog fl-dialog-${p.width}" aria-modal="true" aria-labelledby="${title}"><div class="fl-dialog-head"><h2 class="fl-dialog-title" id="${title}">${p.icon && html`<span aria-hidden="true">${iconContent(p.icon)}</span> `}${p.title}</h2><button type="submit" class="fl-dialog-close" name="${CLOSE_DIALOG_FIELD}" value="${p.id}" aria-label="Close" autofocus>×</button></div>${render(n.children)}<div class="fl-dialog-foot"><button type="submit" class="fl-apply" name="${APPLY_FIELD}" value="1">Apply</button></div></dialog></div>`;
  },
};

const fragmentCss = `

.fl-overlay{position:fixed;inset:0;z-index:10;background:rgba(14,17,23,.55);display:flex;align-items:flex-start;justify-content:center;overflow:auto;padding:5vh 1rem}
.fl-dialog{position:static;margin:0;width:100%;max-width:32rem;color:var(--fl-fg);background:var(--fl-bg);border:1px solid var(--fl-line);border-radius:.75rem;padding:1.25rem 1.5rem 1rem;box-shadow:0 8px 32px rgba(0,0,0,.3)}
.fl-dialog-large{max-width:48rem}
.fl-dialog:modal{position:fixed;margin:5vh auto auto;max-height:90vh;overflow:auto}
.fl-dialog::backdrop{background:rgba(14,17,23,.55)}
.fl-dialog-head{display:flex;align-items:flex-start;justify-content:space-between;gap:1rem;margin:0 0 .75rem}
.fl-dialog-title{margin:0;font-size:1.3rem;line-height:1.3}
.fl-dialog-close{font:inherit;font-size:1.4rem;line-height:1;color:inherit;background:none;border:1px solid transparent;border-radius:.4rem;padding:.1rem .5rem;cursor:pointer}
.fl-dialog-close:hover{border-color:var(--fl-line)}
.fl-dialog-foot{display:flex;justify-content:flex-end}
`;
export const fragmentFamily = defineFamily<FragmentKinds>(renderers, fragmentCss);
