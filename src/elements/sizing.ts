/**
 * An element's width and height as Streamlit takes them ("stretch", "content" or pixels): the one
 * option type the element families share, its checks with Streamlit's messages, and how a sized
 * element is drawn (a box around it that the element fills).
 */
import { StreamlitAPIException } from "../engine/errors.ts";
import type { ElementNode } from "../engine/tree.ts";
import { html, type Html } from "../render/html.ts";
import { pyRepr } from "./common.ts";

/** A size as Streamlit takes it: pixels, or fitted to the content, or filling the parent. */
export type Extent = number | "content" | "stretch";

/** The width and height an element takes, as in Streamlit 1.61. */
export interface SizeOptions {
  /**
   * "stretch" (the parent's width), "content" (as wide as what it shows), or pixels (at most the
   * parent's width); unset: the element's own default
   */
  width?: Extent;
  /**
   * "content" (as tall as what it shows), "stretch" (the parent's height), or pixels (the content
   * scrolls inside); unset: the element's own default
   */
  height?: Extent;
}

/** The width alone, for the elements that take no height. */
export type WidthOption = Pick<SizeOptions, "width">;

/**
 * The size, or Streamlit's error for one that is not a positive integer, "stretch" or (where the
 * element allows it) "content".
 */
export function checkExtent(what: "height" | "width", v: unknown, allowContent = true): Extent {
  if ((v === "content" && allowContent) || v === "stretch" || (typeof v === "number" && Number.isInteger(v) && v > 0)) return v;
  const name = what === "height" ? "Height" : "Width";
  const valid = allowContent ? "a positive integer (pixels), 'stretch', or 'content'" : "a positive integer (pixels) or 'stretch'";
  throw new StreamlitAPIException(`Invalid ${what} value: ${pyRepr(v)}. ${name} must be either ${valid}.`);
}

/** What a sized node carries in its props (only the sizes the app gave). */
interface Size {
  width?: Extent;
  height?: Extent;
}

/**
 * Gives a node the width and height the app asked for (checked), to be drawn by `sizeBox`. Returns
 * the node, so an element's call reads `c._push(sized(node, opts))` (checked before it is drawn). `allowContent: false` for an
 * element that cannot be "content" sized (Streamlit refuses it there).
 */
export function sized(node: ElementNode, opts: SizeOptions | undefined, allowContent = true): ElementNode {
  // (most elements are given no size: nothing to check, nothing to allocate)
  if (opts?.width === undefined && opts?.height === undefined) return node;
  const size: Size = {};
  if (opts?.width !== undefined) size.width = checkExtent("width", opts.width, allowContent);
  if (opts?.height !== undefined) size.height = checkExtent("height", opts.height, allowContent);
  if (size.width !== undefined || size.height !== undefined) node.props.boxSize = size;
  return node;
}

const sizeOf = (node: ElementNode): Size | undefined => node.props.boxSize as Size | undefined;

/**
 * The element's HTML in a box of the asked size, which the element fills (its button, field, image
 * or chart too); pixel sizes are a style attribute, which the page's CSP allows for attributes.
 */
export function sizeBox(node: ElementNode, inner: Html): Html {
  const size = sizeOf(node);
  if (!size) return inner;
  const { width, height } = size;
  const cls = `fl-sized fl-sized-w-${typeof width === "number" ? "px" : (width ?? "auto")}${typeof height === "number" ? " fl-sized-h-px" : height === "stretch" ? " fl-sized-h-stretch" : ""}`;
  const style = [typeof width === "number" && `width:${width}px`, typeof height === "number" && `height:${height}px`].filter(Boolean).join(";");
  return html`<div class="${cls}"${style && html` style="${style}"`}>${inner}</div>`;
}

/** The box's rules: the element inside fills a box of pixels or "stretch", or shrinks to its content. */
export const sizingCss = `
.fl-sized{max-width:100%;box-sizing:border-box}
.fl-sized-w-stretch{width:100%}.fl-sized-w-content{width:fit-content}
.fl-sized-w-px>*,.fl-sized-w-stretch>*,.fl-sized-w-px :is(.fl-button,.fl-input,.fl-image img,.fl-chart svg),.fl-sized-w-stretch :is(.fl-button,.fl-input,.fl-image img,.fl-chart svg){width:100%;max-width:100%;box-sizing:border-box}
.fl-sized-w-content>*{width:fit-content;max-width:100%}
.fl-sized-h-px{overflow:auto}.fl-sized-h-stretch{height:100%}
.fl-sized-h-px>*,.fl-sized-h-stretch>*{height:100%;box-sizing:border-box;margin-bottom:0}
`;
