/**
 * st.skeleton (added after 1.39): a grey, gently pulsing block that keeps a place for content still
 * to come. Used alone it is a slot, as st.empty is: the first element written to it takes its
 * place (each next one replaces that). Used with `.with(fn)`, as Python's `with st.skeleton():`,
 * it stands while `fn` runs and is gone when `fn` ends; what `fn` writes goes to the container
 * the skeleton was called on, as st.spinner's body does.
 *
 * A page is answered when its run ends, so a skeleton is seen only while a streamed page is still
 * arriving, or where the app never replaces it.
 */
import { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import type { ElementNode } from "../engine/tree.ts";
import { defineFamily, type RenderNodes } from "./family.ts";
import { html, raw } from "../render/html.ts";
import { pyRepr } from "./common.ts";

export interface SkeletonOptions {
  /** "stretch" (default: the container's width) or pixels (at most the container's width) */
  width?: number | "stretch";
}

/** `null`: a widget's height; pixels; or "stretch": the parent's height (a parent with a height) */
export type SkeletonHeight = number | "stretch" | null;

const isPixels = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v > 0;

function checkSize(height: unknown, width: unknown): { height: SkeletonHeight; width: number | "stretch" } {
  if (height !== null && height !== "stretch" && !isPixels(height)) {
    throw new StreamlitAPIException(`Invalid height value: ${pyRepr(height)}. Height must be either a positive integer (pixels), 'stretch', or None.`);
  }
  if (width !== "stretch" && !isPixels(width)) {
    throw new StreamlitAPIException(`Invalid width value: ${pyRepr(width)}. Width must be either a positive integer (pixels) or 'stretch'.`);
  }
  return { height, width };
}

export function skeleton(c: ContainerBase, height: SkeletonHeight = null, opts: SkeletonOptions = {}): ContainerBase {
  const props: SkeletonProps = { ...checkSize(height, opts.width ?? "stretch"), ended: false };
  // the container the skeleton stands in, as it is now: `with` writes there
  const parent = ContainerBase.make(c._nodes(), c._formId(), c._area());
  const node = c._push(skeletonFamily.node("skeleton", props, []));
  const slot = c._child(node);
  slot._push = (child: ElementNode) => {
    node.children!.length = 0;
    node.children!.push(child);
    return child;
  };
  slot.with = <T>(fn: () => T): T => {
    const end = () => void (props.ended = true);
    let result: T;
    try {
      result = parent.with(fn);
    } catch (err) {
      end();
      throw err;
    }
    if (result instanceof Promise) return result.finally(end) as T;
    end();
    return result;
  };
  return slot;
}

interface SkeletonProps {
  height: SkeletonHeight;
  width: number | "stretch";
  /** its `with` block ended: the skeleton is gone */
  ended: boolean;
}

function sizeStyle(p: SkeletonProps) {
  const h = p.height === null ? "" : p.height === "stretch" ? "height:100%;" : `height:${p.height}px;`;
  const w = p.width === "stretch" ? "" : `width:${p.width}px;max-width:100%;`;
  return h || w ? raw(` style="${h}${w}"`) : "";
}

function renderSkeleton(p: SkeletonProps, n: ElementNode, render: RenderNodes) {
  if (n.children?.length) return html`<div class="fl-empty" data-kind="skeleton">${render(n.children)}</div>`;
  if (p.ended) return html``;
  return html`<div class="fl-skeleton" data-kind="skeleton" role="status"${sizeStyle(p)}><span class="fl-sr-only">Loading…</span></div>`;
}

/** A widget's height by default (2.5rem, as a text input's field); the pulse stops for people who ask for less motion. */
const skeletonCss =
  `.fl-skeleton{height:2.5rem;margin:0 0 1rem;border-radius:.5rem;background:var(--fl-side);animation:fl-skeleton-pulse 1.5s ease-in-out infinite}` +
  `@keyframes fl-skeleton-pulse{50%{opacity:.45}}@media (prefers-reduced-motion:reduce){.fl-skeleton{animation:none}}`;

export const skeletonFamily = defineFamily<{ skeleton: SkeletonProps }>({ skeleton: renderSkeleton }, skeletonCss);
