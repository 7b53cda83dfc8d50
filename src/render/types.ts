import type { ElementNode } from "../engine/tree.ts";

/** Renders child nodes; passed to container renderers. */
export type RenderChildren = (nodes: ElementNode[] | undefined) => string;

/** One renderer per node type; element families each export theirs. */
export type Renderers = Record<string, (node: ElementNode, children: RenderChildren) => string>;
