/**
 * What a read-only cell of a configured column shows, in st.dataframe and st.dataEditor alike:
 * chips for lists, compact JSON, an image, a player, inline Markdown, a progress bar, a
 * sparkline, a link. Null where the cell is plain text (the caller writes its text).
 */
import { html, type Html } from "../render/html.ts";
import type { TypeConfig } from "./data-editor-columns.ts";
import { formatNumber } from "./data-editor-columns.ts";
import { sparkline, sparkCss } from "./data-sparkline.ts";
import { cellMediaSrc, mediaCell, mediaCellCss } from "./data-media-cell.ts";
import { renderMarkdownInline } from "./markdown.ts";

const text = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v) ?? String(v));

/** A progress column's bar: the value between its bounds (0 and 100 for whole numbers, else 1, by default). */
function progress(tc: Extract<TypeConfig, { type: "progress" }>, v: number, integers: boolean): Html {
  const lo = tc.minValue ?? 0;
  const hi = tc.maxValue ?? (integers ? 100 : 1);
  const share = hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0;
  const label = tc.format ? formatNumber(v, tc.format) : String(v);
  return html`<span class="fl-cell-progress"><span class="fl-cell-bar" role="progressbar" aria-valuemin="${lo}" aria-valuemax="${hi}" aria-valuenow="${v}" aria-label="${label}"><span style="width:${Math.round(share * 1000) / 10}%"></span></span><span>${label}</span></span>`;
}

/** The cell's HTML, or null for plain text. `integers`: the column holds whole numbers only. */
export function displayHtml(tc: TypeConfig | null | undefined, v: unknown, integers = false): Html | "" | null {
  if (!tc || v === null || v === undefined) return null;
  switch (tc.type) {
    case "list":
    case "multiselect":
      return Array.isArray(v) ? html`<span class="fl-chips">${v.map((x) => html`<span class="fl-chip">${text(x)}</span>`)}</span>` : null;
    case "json":
      return html`<code class="fl-cell-json">${text(v)}</code>`;
    case "image": {
      const src = cellMediaSrc("image", v);
      return src ? html`<img class="fl-cell-img" src="${src}" alt="" loading="lazy">` : null;
    }
    case "audio":
    case "video":
      return mediaCell(tc.type, v);
    case "markdown":
      // inline only: a cell holds a line of a table, never headings or lists
      return typeof v === "string" ? html`<span class="fl-cell-md">${renderMarkdownInline(v)}</span>` : null;
    case "progress":
      return typeof v === "number" && Number.isFinite(v) ? progress(tc, v, integers) : null;
    case "bar_chart":
    case "line_chart":
    case "area_chart":
      return sparkline(tc.type, v, tc.yMin, tc.yMax);
    case "link":
      return typeof v === "string" && /^(https?:|mailto:)/i.test(v) ? html`<a href="${v}" target="_blank" rel="noopener noreferrer">${tc.displayText || v}</a>` : null;
    default:
      return null;
  }
}

export const cellDisplayCss =
  sparkCss +
  mediaCellCss +
  `
.fl-chips{display:inline-flex;flex-wrap:wrap;gap:.25rem}
.fl-chip{background:var(--fl-side);border:1px solid var(--fl-line);border-radius:.75rem;padding:0 .5rem;font-size:.85em;white-space:nowrap}
.fl-cell-json{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85em;white-space:pre-wrap}
.fl-cell-img{display:block;max-height:2.5rem;max-width:6rem}
.fl-cell-progress{display:inline-flex;gap:.5rem;align-items:center;min-width:8rem}
.fl-cell-bar{flex:1;height:.5rem;min-width:4rem;background:var(--fl-side);border-radius:.25rem;overflow:hidden}
.fl-cell-bar>span{display:block;height:100%;background:var(--fl-accent)}
.fl-cell-md code{font-size:.85em}
`;
