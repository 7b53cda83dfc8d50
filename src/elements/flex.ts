/**
 * How a container lays out what it holds, as Streamlit 1.61's st.container and st.columns take it:
 * the gap between elements and their alignment, checked with Streamlit's messages, and the classes
 * and rules that draw them (a flex box, so it works without JavaScript).
 */
import { StreamlitAPIException } from "../engine/errors.ts";

/** The space between elements: "small" (1rem, the default), "medium" (2rem), "large" (4rem) or null (none). */
export type Gap = "small" | "medium" | "large" | null;
/** Where elements sit across a row: at the left, centre or right, or spread out ("distribute"). */
export type HorizontalAlignment = "left" | "center" | "right" | "distribute";
/** Where elements sit down a column: at the top, centre or bottom, or spread out ("distribute"). */
export type VerticalAlignment = "top" | "center" | "bottom" | "distribute";

export function checkGap(command: string, gap: unknown): Gap {
  if (gap === null || gap === "small" || gap === "medium" || gap === "large") return gap;
  throw new StreamlitAPIException(`The \`gap\` argument to \`${command}\` must be \`"small"\`, \`"medium"\`, \`"large"\`, or \`"none"\`. \nThe argument passed was ${String(gap)}.`);
}

export function checkHorizontal(command: string, v: unknown): HorizontalAlignment {
  if (v === "left" || v === "center" || v === "right" || v === "distribute") return v;
  throw new StreamlitAPIException(`The \`horizontal_alignment\` argument to \`${command}\` must be \`"left"\`, \`"center"\`, \`"right"\`, or \`"distribute"\`. \nThe argument passed was ${String(v)}.`);
}

export function checkVertical(command: string, v: unknown): VerticalAlignment {
  if (v === "top" || v === "center" || v === "bottom" || v === "distribute") return v;
  throw new StreamlitAPIException(`The \`vertical_alignment\` argument to \`${command}\` must be \`"top"\`, \`"center"\`, \`"bottom"\`, or \`"distribute"\`. \nThe argument passed was ${String(v)}.`);
}

/** Flex terms: start, center, end, or space between (which `align-items` lacks: there, the start). */
const FLEX: Record<HorizontalAlignment | VerticalAlignment, string> = { left: "start", top: "start", center: "center", right: "end", bottom: "end", distribute: "between" };

export const gapClass = (gap: Gap) => `fl-gap-${gap ?? "none"}`;

/**
 * The classes of a container laid out as a flex box: a row (its elements side by side, wrapping
 * when there is no room) or a column. Along the box's direction an alignment places the elements
 * (`justify-content`), across it it places each one (`align-items`).
 */
export function flexClass(horizontal: boolean, gap: Gap, h: HorizontalAlignment, v: VerticalAlignment): string {
  const [along, across] = horizontal ? [h, v] : [v, h];
  return `fl-flex fl-flex-${horizontal ? "row" : "column"} ${gapClass(gap)} fl-justify-${FLEX[along]} fl-items-${FLEX[across]}`;
}

/** Elements as wide as their content: buttons, badges, popovers, images, anything sized in pixels or "content". */
const CONTENT_WIDTH = ":is(.fl-button,.fl-link_button,.fl-download_button,.fl-form_submit_button,.fl-page_link,.fl-popover,.fl-menu_button,.fl-badge,.fl-image,.fl-sized-w-content,.fl-sized-w-px,.fl-fit-width,.fl-fixed-width)";

/**
 * In a row, elements that fill their parent by default (a text field, a paragraph, a chart) share
 * the row's width and content-wide ones keep theirs. In a column every element keeps the column's
 * width, as in Streamlit; the alignment moves only the content-wide ones.
 */
export const flexCss = `
.fl-gap-none{gap:0}.fl-gap-small{gap:1rem}
.fl-flex{display:flex;margin:0 0 1rem;min-width:0}
.fl-flex-row{flex-direction:row;flex-wrap:wrap}.fl-flex-column{flex-direction:column;align-items:stretch}
.fl-flex>*{margin-top:0;margin-bottom:0;min-width:0}
.fl-flex-row>*{flex:1 1 0;min-width:min(8rem,100%)}
.fl-flex-row>${CONTENT_WIDTH}{flex:0 0 auto;min-width:0}
.fl-justify-start{justify-content:flex-start}.fl-justify-center{justify-content:center}.fl-justify-end{justify-content:flex-end}.fl-justify-between{justify-content:space-between}
.fl-flex-row.fl-items-start{align-items:flex-start}.fl-flex-row.fl-items-center{align-items:center}.fl-flex-row.fl-items-end{align-items:flex-end}.fl-flex-row.fl-items-between{align-items:flex-start}
.fl-flex-column.fl-items-center>${CONTENT_WIDTH}{align-self:center}.fl-flex-column.fl-items-end>${CONTENT_WIDTH}{align-self:flex-end}
`;
