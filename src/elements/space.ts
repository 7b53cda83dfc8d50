/**
 * st.space: empty space of a named or pixel size, in the direction the parent lays out its
 * children: vertical in a column, horizontal in a horizontal container's row.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { html } from "../render/html.ts";
import { pyRepr } from "./common.ts";

/** `"small"`, `"medium"`, `"large"`, `"stretch"`, or pixels. */
export type SpaceSize = "small" | "medium" | "large" | "stretch" | number;

/** Streamlit's named sizes: a widget label's height, a button's, a labelled input's. */
const NAMED = { small: "0.75rem", medium: "2.5rem", large: "4.25rem" } as const;

export function space(c: ContainerBase, size: SpaceSize = "small") {
  if (size === "stretch") return void c._push(spaceFamily.node("space", { height: null }));
  if (typeof size === "string" && Object.hasOwn(NAMED, size)) return void c._push(spaceFamily.node("space", { height: NAMED[size as keyof typeof NAMED] }));
  if (typeof size === "number" && Number.isInteger(size) && size >= 0) return void c._push(spaceFamily.node("space", { height: `${size}px` }));
  throw new StreamlitAPIException(`Invalid size value: ${pyRepr(size)}. Size must be "small", "medium", "large", "stretch", or a non-negative integer (pixels).`);
}

interface SpaceKinds {
  /** the CSS size, or null to take what is left of the parent's height (or a row's width) */
  space: { height: string | null };
}

const renderers: KindRenderers<SpaceKinds> = {
  space: (p) => (p.height === null ? html`<div class="fl-space fl-space-stretch" data-kind="space" aria-hidden="true"></div>` : html`<div class="fl-space" data-kind="space" aria-hidden="true" style="--fl-space:${p.height}"></div>`),
};

// The space replaces an element, so it takes the place of the element's bottom margin too. Its
// size is a variable so that a row (where the parent lays out side by side) can turn it into a width.
const spaceCss = `
.fl-space{margin:0 0 1rem;flex:none;height:var(--fl-space)}.fl-space-stretch{flex:1 1 auto;min-height:0;height:auto}
.fl-flex-row>.fl-space{flex:none;height:auto;width:var(--fl-space);min-width:0}.fl-flex-row>.fl-space-stretch{flex:1 1 auto;width:auto}
`;
export const spaceFamily = defineFamily<SpaceKinds>(renderers, spaceCss);
