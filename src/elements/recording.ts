/**
 * Recording the elements a cached function writes, so a cache hit shows them again (Streamlit
 * replays a cached function's `st.*` output). A recording keeps the elements written to containers
 * that existed before the call; elements inside containers the function created travel as their
 * children. On replay they go to the sidebar if they were written there, else to where `st.*`
 * writes now (the main area, or the current `with` container). Widgets are not replayed: a widget
 * needs its own registration in every run (Streamlit warns about widgets in cached functions).
 */
import { maybeCurrentRun } from "../engine/context.ts";
import type { ElementNode } from "../engine/tree.ts";
import { ContainerBase, RECORDINGS, type Area } from "./base.ts";

export interface RecordedElement {
  area: Area;
  node: ElementNode;
}

export interface Recording {
  /** Ends the recording; returns what a cache hit replays. */
  stop(): RecordedElement[];
}

/** A widget node carries its form id and the strings its control holds (see common.ts). */
const isWidget = (node: ElementNode) => typeof node.props.id === "string" && Array.isArray(node.props.raw);

function copy(node: ElementNode): ElementNode {
  try {
    return structuredClone(node);
  } catch {
    return node; // props that cannot be cloned (none of formlit's): share them read-only
  }
}

function childLists(node: ElementNode, into: Set<ElementNode[]>): void {
  if (!node.children) return;
  into.add(node.children);
  for (const child of node.children) childLists(child, into);
}

/** Starts recording the current run's elements; null outside a run (nothing to record). */
export function startRecording(): Recording | null {
  const ctx = maybeCurrentRun();
  if (!ctx) return null;
  const pushes: [target: ContainerBase, node: ElementNode][] = [];
  const recordings = ctx.slots.get(RECORDINGS);
  recordings.push(pushes);
  return {
    stop() {
      const at = recordings.indexOf(pushes);
      if (at >= 0) recordings.splice(at, 1);
      const inside = new Set<ElementNode[]>();
      for (const [, node] of pushes) childLists(node, inside);
      return pushes
        .filter(([target, node]) => !inside.has(target._nodes()) && !isWidget(node))
        .map(([target, node]) => ({ area: target._area(), node: copy(node) }));
    },
  };
}

/** Writes recorded elements into the current run, as the cached call wrote them. */
export function replay(recorded: readonly RecordedElement[]): void {
  if (recorded.length === 0 || !maybeCurrentRun()) return;
  const main = new ContainerBase(null, null, "main", true);
  const sidebar = new ContainerBase(null, null, "sidebar");
  for (const r of recorded) (r.area === "sidebar" ? sidebar : main)._push(copy(r.node));
}
