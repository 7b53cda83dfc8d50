/**
 * Where a table's columns sit and how their cells align: `pinned` columns come first and stay at
 * the left while the table scrolls sideways (CSS position:sticky, no script), and `alignment`
 * sets a column's text-align. A sticky column must know how far from the left it sticks, so a
 * pinned column takes a fixed width (its `width`, else "medium") and the columns before the data
 * (the row checkboxes, the index) take fixed widths once anything is pinned.
 */
import { html, type Html } from "../render/html.ts";
import type { ColumnAlignment, ColumnWidth } from "./data-editor-columns.ts";

export interface ColumnPlacing {
  pinned?: boolean;
  alignment?: ColumnAlignment;
  width?: ColumnWidth;
}

/** The class and style every cell of one column takes. */
export interface Place {
  cls: string;
  style: string;
}

/** Streamlit's widths in pixels. */
const WIDTHS: Record<ColumnWidth, number> = { small: 75, medium: 200, large: 400 };

/** Pinned columns first, each group in its own order (Streamlit draws them so). */
export function pinnedFirst<T extends ColumnPlacing>(cols: T[]): T[] {
  return [...cols.filter((c) => c.pinned), ...cols.filter((c) => !c.pinned)];
}

/** Each column's place, the pinned ones (first, see pinnedFirst) at their distance from the left. */
export function columnPlaces(cols: ColumnPlacing[]): Place[] {
  let left = 0;
  return cols.map((c) => {
    const cls = [c.alignment ? `fl-align-${c.alignment}` : "", c.pinned ? "fl-pin" : ""].filter(Boolean).join(" ");
    if (!c.pinned) return { cls, style: "" };
    const w = WIDTHS[c.width ?? "medium"];
    const style = `left:calc(var(--fl-pin-lead) + ${left}px);width:${w}px;min-width:${w}px;max-width:${w}px`;
    left += w;
    return { cls, style };
  });
}

/**
 * The table's class and style: with pinned columns, the widths of the row-checkbox column and the
 * index before them (both stick too).
 */
export function pinningAttrs(places: Place[], pickColumn: boolean, index: boolean): Html | "" {
  if (!places.some((p) => p.cls.includes("fl-pin"))) return "";
  const pick = pickColumn ? 2 : 0;
  return html` data-pins style="--fl-pin-index:${pick}rem;--fl-pin-lead:${pick + (index ? 4 : 0)}rem"`;
}

/** A cell's class (with the cell's own, such as fl-num) and style. */
export function placeAttrs(place: Place | undefined, own = ""): Html | "" {
  const cls = [own, place?.cls ?? ""].filter(Boolean).join(" ");
  return html`${cls && html` class="${cls}"`}${place?.style && html` style="${place.style}"`}`;
}

// (in the editor family's stylesheet, which follows st.dataframe's: equal rules there give way)
export const columnLayoutCss = `
.fl-table .fl-align-left:is(td,th),.fl-table .fl-align-left .fl-cell-input,.fl-editor td.fl-align-left:has(.fl-cell-check){text-align:left}
.fl-table .fl-align-center:is(td,th),.fl-table .fl-align-center .fl-cell-input,.fl-editor td.fl-align-center:has(.fl-cell-check){text-align:center}
.fl-table .fl-align-right:is(td,th),.fl-table .fl-align-right .fl-cell-input,.fl-editor td.fl-align-right:has(.fl-cell-check){text-align:right}
.fl-table .fl-pin,.fl-table[data-pins] .fl-index,.fl-table[data-pins] .fl-pick-col{position:sticky;box-sizing:border-box;z-index:1}
.fl-table .fl-pin{background:var(--fl-bg)}.fl-table thead .fl-pin{background:var(--fl-side)}
.fl-table[data-pins] .fl-pick-col{left:0;width:2rem;min-width:2rem;max-width:2rem;background:var(--fl-bg)}
.fl-table[data-pins] .fl-index{left:var(--fl-pin-index);width:4rem;min-width:4rem;max-width:4rem}
.fl-table thead .fl-pin,.fl-table[data-pins] thead :is(.fl-index,.fl-pick-col){z-index:2}
.fl-table .fl-pin .fl-cell-input{min-width:0}
`;
