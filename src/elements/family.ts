/**
 * An element family: the node kinds one module draws, each with its own props type, its renderer
 * and the family's CSS. `defineFamily<Kinds>` ties the three together, so that the renderer of a
 * kind receives exactly that kind's props, and `family.node(kind, props)` builds only nodes whose
 * props fit. src/elements/index.ts registers every family.
 */
import type { ElementNode } from "../engine/tree.ts";
import type { Html } from "../render/html.ts";

/** Renders a list of nodes (a container's children) through the registry. */
export type RenderNodes = (nodes: ElementNode[] | undefined) => Html;

/** Draws one node of a kind: its props, the node itself (for its children), and the renderer of any list. */
export type KindRenderer<P> = (props: P, node: ElementNode, render: RenderNodes) => Html;

/** The renderers of a family: one per kind, keyed by the node type. */
export type KindRenderers<Kinds> = { [T in keyof Kinds]: KindRenderer<Kinds[T]> };

export interface Family<Kinds> {
  readonly renderers: KindRenderers<Kinds>;
  /** the family's rules, added to the page's theme */
  readonly css: string;
  /** A node of one of the family's kinds, with props of that kind's type. */
  node<T extends keyof Kinds & string>(type: T, props: Kinds[T], children?: ElementNode[]): ElementNode;
}

export function defineFamily<Kinds>(renderers: KindRenderers<Kinds>, css = ""): Family<Kinds> {
  return {
    renderers,
    css,
    // The engine's tree holds props of any shape; the family's types meet it here, once.
    node: (type, props, children) => (children ? { type, props: props as Record<string, unknown>, children } : { type, props: props as Record<string, unknown> }),
  };
}
