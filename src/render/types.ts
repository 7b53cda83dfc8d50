import type { ElementNode } from "../engine/tree.ts";
import type { Html } from "./html.ts";

/**
 * What the page needs from the elements, handed to it by the caller (src/elements/index.ts builds
 * it): the page knows the layout around the nodes, never what any element looks like.
 */
export interface ElementSet {
  /** a list of nodes as HTML */
  render(nodes: ElementNode[] | undefined): Html;
  /** where a node of the main area goes: in the flow, pinned to the bottom, or among the toasts */
  placeOf(node: ElementNode): "flow" | "bottom" | "toast";
  /** whether these nodes hold a file input (the form must then post multipart/form-data) */
  needsMultipart(nodes: ElementNode[]): boolean;
  /** a page title or a section label of the menu, as inline Markdown */
  label(text: string): Html;
  /** what a label's HTML depends on besides its text (whether TeX can be drawn): one word per variant */
  labelVariant(): string;
  /** the whole theme: for a page of its own, and scoped to the wrapper of an embedded app */
  css: { page: string; embed: string };
}
