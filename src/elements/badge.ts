/**
 * st.badge: a coloured label with an optional icon, drawn exactly as Markdown draws
 * `:blue-badge[label]` (markdown-colours.ts owns the palette and the badge's look).
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { html, raw } from "../render/html.ts";
import { renderMarkdownInline } from "./markdown.ts";
import { checkIcon, renderIcon } from "./icon.ts";
import { helpTip } from "./common.ts";
import { digest } from "../engine/widget-id.ts";
import { checkExtent, type Extent } from "./sizing.ts";

/** The colours st.badge takes: Streamlit's palette and the theme's primary colour. */
export type BadgeColor = "red" | "orange" | "yellow" | "blue" | "green" | "violet" | "gray" | "grey" | "primary";

const COLORS: readonly string[] = ["red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary"];

export interface BadgeOptions {
  /** One emoji or a `:material/icon_name:` shortcode, shown before the label. */
  icon?: string;
  /** The badge's colour (default `"blue"`). */
  color?: BadgeColor;
  /** `"content"` (default): as wide as its label; `"stretch"`: the container's width; a number: pixels. */
  width?: Extent;
  /** A tooltip beside the badge (Markdown). */
  help?: string;
}

/** Square brackets would open or close a Markdown directive; the label shows them as text. */
const escapeBrackets = (label: string) => label.replace(/[[\]]/g, (b) => "\\" + b);

export function badge(c: ContainerBase, label: string, opts: BadgeOptions = {}) {
  const color = opts.color ?? "blue";
  if (!COLORS.includes(color)) {
    throw new StreamlitAPIException(`st.badge: "${String(color)}" is not a badge colour. Use one of: ${COLORS.join(", ")}.`);
  }
  const width = checkExtent("width", opts.width ?? "content");
  c._push(badgeFamily.node("badge", { label: String(label), icon: checkIcon(opts.icon), color: color === "grey" ? "gray" : color, width, help: opts.help }));
}

interface BadgeKinds {
  badge: { label: string; icon: string; color: string; width: Extent; help?: string };
}

/** "content" is the badge's own inline width; "stretch" fills the row; pixels are at most the row. */
const widthAttr = (w: Extent) => (w === "stretch" ? raw(' style="display:block"') : typeof w === "number" ? raw(` style="display:block;width:${w}px;max-width:100%"`) : "");

const renderers: KindRenderers<BadgeKinds> = {
  badge: (p) =>
    html`<div class="fl-badge" data-kind="badge"><span class="fl-md-badge fl-c-${p.color}"${widthAttr(p.width)}>${p.icon && renderIcon(p.icon)}${p.icon && " "}${renderMarkdownInline(escapeBrackets(p.label))}</span>${p.help && helpTip("fl-badge-" + digest(p.label + "\u0001" + p.help), p.help)}</div>`,
};

const badgeCss = `
.fl-badge{margin:0 0 1rem}.fl-badge .fl-md-badge{box-sizing:border-box}
`;
export const badgeFamily = defineFamily<BadgeKinds>(renderers, badgeCss);
