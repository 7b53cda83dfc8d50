/**
 * A place elements go (Streamlit's DeltaGenerator): the main area, the sidebar, a column, an
 * expander, a form... Element families add their methods to `Container` (see container.ts); this
 * base class only knows where its nodes go and which st.form it is inside.
 */
import { currentRun, maybeCurrentRun } from "../engine/context.ts";
import { sidebarInFragment } from "../engine/errors.ts";
import type { RunContext } from "../engine/run-context.ts";
import { slot } from "../engine/slots.ts";
import type { ElementNode } from "../engine/tree.ts";

export type Area = "main" | "sidebar";

/** The containers `st.*` writes to in a run (`with`), innermost last. */
const CONTAINER_STACK = slot<ContainerBase[]>(() => []);
/** A run's open recordings of cached function calls: each element pushed while one is open (see recording.ts). */
export const RECORDINGS = slot<[target: ContainerBase, node: ElementNode][][]>(() => []);

/** The innermost container of a run's `with` blocks, if any. */
function topOf(ctx: RunContext): ContainerBase | null {
  const stack = ctx.slots.get(CONTAINER_STACK);
  // (an empty stack is not read at index -1: that is a property lookup through the prototypes)
  return stack.length > 0 ? stack[stack.length - 1]! : null;
}

export class ContainerBase {
  constructor(
    /** the node list this container appends to; null: the run's main area or sidebar */
    private readonly nodeList: ElementNode[] | null,
    private readonly formKey: string | null,
    private readonly area: Area = "main",
    /** the root (`st` itself): writes to the innermost `with` container, else the main area */
    private readonly isRoot = false,
  ) {}

  /**
   * The innermost `with` container, for the root. (`ctx`: the run, when the caller has looked it up
   * already: every widget of a page asks for its run, its form and its node list, and each lookup
   * of the run goes through AsyncLocalStorage.)
   */
  private active(ctx?: RunContext): ContainerBase | null {
    return this.isRoot ? topOf(ctx ?? this._run()) : null;
  }

  /** The run this container writes into. */
  _run(what = "st"): RunContext {
    return currentRun(what);
  }

  _nodes(run?: RunContext): ElementNode[] {
    // (only the root follows `with`, and the root has no list of its own: a list needs no lookup)
    if (this.nodeList) return this.nodeList;
    const ctx = run ?? this._run();
    const active = this.isRoot ? topOf(ctx) : null;
    if (active) return active._nodes(ctx);
    return this.area === "sidebar" ? ctx.page.sidebar : ctx.page.main;
  }

  /** The st.form this container is inside (its key), or null. */
  _formId(ctx?: RunContext): string | null {
    const active = this.active(ctx);
    return active ? active._formId(ctx) : this.formKey;
  }

  _push(node: ElementNode): ElementNode {
    // (the run looked up once: every element of a page comes through here)
    const ctx = this._run();
    // Inside `with`, the active container decides (st.empty replaces instead of appending).
    const active = this.isRoot ? topOf(ctx) : null;
    if (active) return active._push(node);
    if (this.area === "sidebar" && this.nodeList === null && ctx.fragments.current) throw sidebarInFragment();
    // through _nodes(), which a container may give its own (st.bottom finds its node when written to)
    this._nodes(ctx).push(node);
    for (const recording of ctx.slots.get(RECORDINGS)) recording.push([this, node]);
    return node;
  }

  /** Where replayed elements of this container go: the sidebar, or the main area (see recording.ts). */
  _area(): Area {
    return this.active()?._area() ?? this.area;
  }

  /** Builds the full Container (set by container.ts, which knows every element family). */
  static make: (nodes: ElementNode[], form: string | null, area: Area) => ContainerBase;

  /** A container whose nodes are `node.children`, inside the same form as this one. */
  _child(node: ElementNode, formId: string | null = this._formId()): ContainerBase {
    node.children = node.children ?? [];
    // a container made inside a fragment is inside it too (its widgets may go there)
    const scope = maybeCurrentRun()?.fragments.current;
    if (scope?.lists.has(this._nodes())) scope.lists.add(node.children);
    return ContainerBase.make(node.children, formId, this.active()?.area ?? this.area);
  }

  /** A container over `node`'s children in this one's area and form (a fragment drawn again). */
  _sibling(node: ElementNode): ContainerBase {
    node.children = node.children ?? [];
    return ContainerBase.make(node.children, this._formId(), this.active()?.area ?? this.area);
  }

  /**
   * Runs `fn` with this container as the target of plain `st.*` calls, as Python's
   * `with st.sidebar:` / `with st.form("f"):` do. Works with sync and async functions.
   */
  with<T>(fn: () => T): T {
    const stack = this._run("container.with()").slots.get(CONTAINER_STACK);
    stack.push(this);
    let result: T;
    try {
      result = fn();
    } catch (err) {
      stack.pop();
      throw err;
    }
    if (result instanceof Promise) {
      return result.finally(() => stack.pop()) as T;
    }
    stack.pop();
    return result;
  }
}

