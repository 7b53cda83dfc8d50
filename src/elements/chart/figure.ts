/**
 * The accessible frame every server-drawn picture shares (the built-in charts, Vega-Lite, Graphviz,
 * the map): a figure with an optional visible caption, an SVG named by its <title> and described by
 * its <desc>, and the data behind it as a table in a <details>, so a screen reader user (or anyone)
 * can read the numbers the picture shows.
 */
import { html, raw, type Html } from "../../render/html.ts";
import type { RunContext } from "../../engine/run-context.ts";
import { slot } from "../../engine/slots.ts";
import { defineFamily } from "../family.ts";
import { formatNumber } from "./scale.ts";

/** The data behind a picture, as text: a header row and body rows (the first cell heads its row). */
export interface FigureTable {
  headers: string[];
  rows: string[][];
  /** rows in the data (the table may show fewer) */
  total: number;
}

/** Rows shown in a figure's data table at most. */
export const MAX_TABLE_ROWS = 1000;

/** Figures drawn so far in the run, per kind: ids unique within the page. */
const DRAWN = slot(() => new Map<string, number>());

/** A page-unique id for a figure of this kind ("fl-vega-0", "fl-vega-1"...). */
export function figureId(run: RunContext, prefix: string): string {
  const perKind = run.slots.get(DRAWN);
  const n = perKind.get(prefix) ?? 0;
  perKind.set(prefix, n + 1);
  return `${prefix}-${n}`;
}

/** The data table in a <details> (closed: the picture comes first), or nothing without rows. */
export function dataTable(table: FigureTable, title: string): string {
  const { headers, rows, total } = table;
  if (!total) return "";
  const note = rows.length < total ? ` (first ${formatNumber(rows.length)} of ${formatNumber(total)} rows)` : "";
  return String(html`<details class="fl-chart-data"><summary>Data table${note}</summary><div class="fl-chart-table-wrap"><table class="fl-chart-table"><caption class="fl-sr-only">${title}</caption><thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows.map(([head, ...rest]) => html`<tr><th scope="row">${head}</th>${rest.map((v) => html`<td>${v}</td>`)}</tr>`)}</tbody></table></div></details>`);
}

export interface FigureParts {
  /** the node kind, as data-kind ("vega_lite_chart") */
  kind: string;
  id: string;
  /** the accessible name */
  title: string;
  /** a visible caption, when the app gave a title */
  caption: string | null;
  desc: string;
  /** the SVG's inner markup: trusted, made by formlit or by a renderer that escapes its text */
  body: string;
  /** the drawing's own size in px (the viewBox) */
  width: number;
  height: number;
  /** stretch to the container's width (the drawing scales) instead of its own width */
  fill: boolean;
  table: FigureTable | null;
  /** extra class on the figure (a family's own look) */
  className?: string;
  /**
   * drawn by another program with its own colours (Vega, Graphviz): the SVG does not take the
   * built-in charts' text and line styles
   */
  foreign?: boolean;
  /** a line under the picture (a map's attribution) */
  footer?: Html;
}

/** Pictures drawn by another program scale with the page, as the built-in charts do (no kinds of its own). */
export const figureFamily = defineFamily<Record<never, never>>({}, `
.fl-foreign-svg{display:block;max-width:100%;height:auto}
`);

/** The figure: caption, the labelled SVG, the data table. */
export function figure(p: FigureParts): Html {
  const size = p.fill ? html` width="100%"` : html` width="${p.width}" height="${p.height}"`;
  const svg = html`<svg class="${p.foreign ? "fl-foreign-svg" : "fl-chart-svg"}" role="img" aria-labelledby="${p.id}-title ${p.id}-desc" viewBox="0 0 ${p.width} ${p.height}"${size} xmlns="http://www.w3.org/2000/svg"><title id="${p.id}-title">${p.title}</title><desc id="${p.id}-desc">${p.desc}</desc>${raw(p.body)}</svg>`;
  const caption = p.caption ? html`<figcaption class="fl-chart-title">${p.caption}</figcaption>` : "";
  const table = p.table ? raw(dataTable(p.table, p.title)) : "";
  return html`<figure class="fl-chart${p.className ? ` ${p.className}` : ""}" data-kind="${p.kind}">${caption}${svg}${table}${p.footer ?? ""}</figure>`;
}
