/**
 * Tables: st.table (a static HTML table) and st.dataframe (sorting and paging without JS).
 *
 * st.dataframe's view (sort column, direction, page) is a widget whose value is the text
 * `<col>:<dir>:<page>` (col "" and dir "" when unsorted, page from 1). A hidden input carries it,
 * and every sort header and page link is a submit button whose value is the view it leads to: a
 * click posts the hidden value and then the button's, so the last posted value wins. Only the
 * page shown is rendered, so a large data set costs its sort, not its HTML.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { computeWidgetId } from "../engine/widget-id.ts";
import { domId, esc, keyOf, notesHtml, toText, type WidgetProps } from "./common.ts";
import { register } from "./register.ts";
import type { Renderers } from "../render/types.ts";

/** Rows (array of objects) or columns (object of arrays). */
export type TableData = Record<string, unknown>[] | Record<string, unknown[]>;

export interface TableOptions {
  /** leave out the index column (the row numbers) */
  hideIndex?: boolean;
}

export interface DataframeOptions {
  key?: string;
  /** rows per page (default 20) */
  pageSize?: number;
  hideIndex?: boolean;
  /** the columns to show, in this order (others are hidden); unknown names are ignored */
  columnOrder?: string[];
  /** the table's height in pixels: it scrolls inside (the header stays) */
  height?: number;
}

// ---- data -------------------------------------------------------------------------------------

export interface Table {
  columns: string[];
  rowCount: number;
  cell: (row: number, col: string) => unknown;
}

function isColumnar(data: TableData): data is Record<string, unknown[]> {
  return !Array.isArray(data);
}

/** Reads either shape; throws Streamlit-style for anything else. */
export function readTable(data: TableData, what: string): Table {
  if (Array.isArray(data)) {
    const seen = new Set<string>();
    for (const row of data) {
      if (row === null || typeof row !== "object" || Array.isArray(row)) {
        throw new StreamlitAPIException(`${what}: each row must be an object of column values, got ${row === null ? "null" : Array.isArray(row) ? "an array" : typeof row}.`);
      }
      for (const k of Object.keys(row)) seen.add(k);
    }
    const rows = data;
    return { columns: [...seen], rowCount: rows.length, cell: (r, c) => rows[r]![c] };
  }
  if (data === null || typeof data !== "object" || !isColumnar(data)) {
    throw new StreamlitAPIException(`${what}: data must be an array of row objects or an object of column arrays.`);
  }
  const columns = Object.keys(data);
  let rowCount = 0;
  for (const c of columns) {
    const col = data[c];
    if (!Array.isArray(col)) throw new StreamlitAPIException(`${what}: column "${c}" must be an array of values.`);
    rowCount = Math.max(rowCount, col.length);
  }
  return { columns, rowCount, cell: (r, c) => data[c]![r] };
}

const isMissing = (v: unknown) => v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));

/** A cell as text (null and undefined as empty) and whether it is a number (right-aligned). */
function cellOf(v: unknown): { t: string; n?: 1 } {
  if (isMissing(v)) return { t: "" };
  if (typeof v === "number" || typeof v === "bigint") return { t: String(v), n: 1 };
  if (typeof v === "string") return { t: v };
  if (v instanceof Date) return { t: Number.isNaN(v.getTime()) ? "" : v.toISOString() };
  if (typeof v === "object") {
    try {
      return { t: JSON.stringify(v) ?? toText(v) };
    } catch {
      return { t: toText(v) }; // a cycle: never "[object Object]"
    }
  }
  return { t: String(v) };
}

// ---- sorting ----------------------------------------------------------------------------------

const collator = new Intl.Collator();

/** Numbers (and dates) before booleans before strings before the rest; never missing values. */
function rank(v: unknown): number {
  if (typeof v === "number" || typeof v === "bigint" || v instanceof Date) return 0;
  if (typeof v === "boolean") return 1;
  if (typeof v === "string") return 2;
  return 3;
}

function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) {
    const x = a instanceof Date ? a.getTime() : a;
    const y = b instanceof Date ? b.getTime() : b;
    return x! < y! ? -1 : x! > y! ? 1 : 0;
  }
  if (ra === 1) return Number(a) - Number(b);
  if (ra === 2) return collator.compare(a as string, b as string);
  return collator.compare(cellOf(a).t, cellOf(b).t);
}

/** Row order for a sort: numbers numerically, strings by locale, missing values last either way; stable. */
export function sortedRows(table: Table, col: string, dir: "asc" | "desc"): number[] {
  const order = Array.from({ length: table.rowCount }, (_, i) => i);
  const sign = dir === "asc" ? 1 : -1;
  const keys = order.map((r) => table.cell(r, col));
  order.sort((i, j) => {
    const a = keys[i];
    const b = keys[j];
    const ma = isMissing(a);
    const mb = isMissing(b);
    if (ma || mb) return ma === mb ? 0 : ma ? 1 : -1;
    return sign * compareValues(a, b);
  });
  return order;
}

// ---- view state -------------------------------------------------------------------------------

export interface DataframeView {
  col: string;
  dir: "" | "asc" | "desc";
  page: number;
}

export const encodeView = (v: DataframeView) => `${v.col}:${v.dir}:${v.page}`;

/** Reads `<col>:<dir>:<page>` (the column may itself hold ':'); null if it is not a valid view. */
export function decodeView(text: unknown, columns: readonly string[], pages: number): DataframeView | null {
  if (typeof text !== "string" || text.length > 10_000) return null;
  const p = text.lastIndexOf(":");
  const d = text.lastIndexOf(":", p - 1);
  if (p < 0 || d < 0) return null;
  const col = text.slice(0, d);
  const dir = text.slice(d + 1, p);
  const pageText = text.slice(p + 1);
  if (!/^[1-9][0-9]{0,8}$/.test(pageText)) return null;
  const page = Number(pageText);
  if (page > pages) return null;
  if (col === "" ? dir !== "" : (dir !== "asc" && dir !== "desc") || !columns.includes(col)) return null;
  return { col, dir: dir as DataframeView["dir"], page };
}

const FIRST_VIEW: DataframeView = { col: "", dir: "", page: 1 };

/** The view a click on a column's header leads to: ascending, then descending, then unsorted. */
function nextSort(view: DataframeView, col: string): DataframeView {
  if (view.col !== col) return { col, dir: "asc", page: 1 };
  if (view.dir === "asc") return { col, dir: "desc", page: 1 };
  return { col: "", dir: "", page: 1 };
}

// ---- elements ---------------------------------------------------------------------------------

export function table(c: ContainerBase, data: TableData, opts: TableOptions = {}): void {
  const t = readTable(data, "st.table");
  const rows = Array.from({ length: t.rowCount }, (_, r) => t.columns.map((col) => cellOf(t.cell(r, col))));
  c._push({ type: "table", props: { columns: t.columns, rows, index: opts.hideIndex ? null : rows.map((_, i) => i) } });
}

export function dataframe(c: ContainerBase, data: TableData, opts: DataframeOptions = {}): void {
  const t = readTable(data, "st.dataframe");
  const pageSize = opts.pageSize ?? 20;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new StreamlitAPIException(`st.dataframe: \`pageSize\` must be a positive whole number, got ${String(pageSize)}.`);
  }
  const columns = opts.columnOrder ? opts.columnOrder.filter((col, i, all) => t.columns.includes(col) && all.indexOf(col) === i) : t.columns;
  const pages = Math.max(1, Math.ceil(t.rowCount / pageSize));
  const key = keyOf(opts.key);
  const idParams: Record<string, string[] | number> = { columns, rows: t.rowCount, page_size: pageSize };

  // Unlike Streamlit's (a display element there), this view state is a widget: two identical
  // unkeyed tables on one page get distinct, still deterministic, ids by their order.
  if (key === null) {
    const ctx = c._run("st.dataframe");
    const idOf = (n: number) =>
      computeWidgetId({ elementType: "dataframe", userKey: null, params: n ? { ...idParams, n } : idParams, formId: null, scriptId: ctx.scriptId });
    let n = 0;
    while (ctx.widgetIds.has(idOf(n))) n++;
    if (n) idParams.n = n;
  }

  const reg = register<string>(c, {
    elementType: "dataframe",
    key,
    idParams,
    // Sorting and paging inside an st.form apply at once, as in Streamlit: never staged.
    formId: null,
    style: "one",
    initial: encodeView(FIRST_VIEW),
    hasDefault: false,
    callback: null,
    parse: (raw) => {
      // A header or page button posts its value after the hidden field's: the last one wins.
      const view = decodeView(raw[raw.length - 1], columns, pages);
      return view ? { value: encodeView(view) } : { error: "This table's view could not be changed: no such column, sort order or page." };
    },
    serialize: (v) => [String(v)],
  });
  // A value set through session state may be anything: show the first view then.
  const view = decodeView(reg.value, columns, pages) ?? FIRST_VIEW;

  const order = view.col ? sortedRows(t, view.col, view.dir as "asc" | "desc") : null;
  const start = (view.page - 1) * pageSize;
  const end = Math.min(t.rowCount, start + pageSize);
  const index: number[] = [];
  const rows: { t: string; n?: 1 }[][] = [];
  for (let i = start; i < end; i++) {
    const r = order ? order[i]! : i;
    index.push(r);
    rows.push(columns.map((col) => cellOf(t.cell(r, col))));
  }
  const props: DataframeProps = {
    id: reg.id,
    key,
    raw: encodeView(view),
    value: encodeView(view),
    error: reg.error,
    columns,
    rows,
    index: opts.hideIndex ? null : index,
    view,
    pages,
    start,
    total: t.rowCount,
    sorts: Object.fromEntries(columns.map((col) => [col, encodeView(nextSort(view, col))])),
    height: opts.height,
  };
  c._push({ type: "dataframe", props: props as unknown as Record<string, unknown> });
}

// ---- HTML -------------------------------------------------------------------------------------

type Cell = { t: string; n?: 1 };

interface DataframeProps {
  id: string;
  key: string | null;
  raw: string;
  value: string;
  error?: string;
  columns: string[];
  rows: Cell[][];
  index: number[] | null;
  view: DataframeView;
  pages: number;
  start: number;
  total: number;
  /** the view each column's header button leads to */
  sorts: Record<string, string>;
  height?: number;
}

/** Columns whose shown cells are all numbers (or empty): their headers align right too. */
function numericColumns(rows: Cell[][], count: number): boolean[] {
  return Array.from({ length: count }, (_, i) => rows.some((r) => r[i]!.n) && rows.every((r) => r[i]!.n || r[i]!.t === ""));
}
const thCls = (numeric: boolean | undefined) => (numeric ? ' class="fl-num"' : "");

const td = (c: Cell) => (c.n ? `<td class="fl-num">${esc(c.t)}</td>` : `<td>${esc(c.t)}</td>`);
const INDEX_HEAD = `<th scope="col" class="fl-index"><span class="fl-sr-only">Index</span></th>`;

function bodyHtml(rows: Cell[][], index: number[] | null): string {
  let out = "";
  for (let i = 0; i < rows.length; i++) {
    const head = index ? `<th scope="row" class="fl-index">${index[i]}</th>` : "";
    out += `<tr>${head}${rows[i]!.map(td).join("")}</tr>`;
  }
  return out;
}

/** Page numbers to offer: the first, the last, and the two either side of the current one. */
export function pageList(page: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= 2) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

function pagerHtml(p: DataframeProps, name: string): string {
  if (p.pages <= 1) return "";
  const { col, dir, page } = p.view;
  const to = (n: number) => esc(encodeView({ col, dir, page: n }));
  const nav = (n: number, text: string, cls: string) =>
    n < 1 || n > p.pages
      ? `<button type="submit" class="fl-page-button ${cls}" disabled>${text}</button>`
      : `<button type="submit" class="fl-page-button ${cls}" name="${name}" value="${to(n)}">${text}</button>`;
  const numbers = pageList(page, p.pages)
    .map((n) =>
      n === null
        ? `<span class="fl-page-gap" aria-hidden="true">…</span>`
        : `<button type="submit" class="fl-page-button" name="${name}" value="${to(n)}" aria-label="Page ${n} of ${p.pages}"${n === page ? ' aria-current="page"' : ""}>${n}</button>`,
    )
    .join("");
  return `<nav class="fl-pager" aria-label="Table pages">${nav(page - 1, `<span aria-hidden="true">‹</span> Previous page`, "fl-page-prev")}${numbers}${nav(page + 1, `Next page <span aria-hidden="true">›</span>`, "fl-page-next")}</nav>`;
}

function dataframeHtml(p: DataframeProps): string {
  const name = esc(p.id);
  const numeric = numericColumns(p.rows, p.columns.length);
  const heads = p.columns
    .map((col, i) => {
      const sorted = p.view.col === col ? p.view.dir : "";
      const aria = sorted ? ` aria-sort="${sorted === "asc" ? "ascending" : "descending"}"` : "";
      const arrow = sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕";
      const next = p.sorts[col]!;
      const hint = next.endsWith(":asc:1") ? "Sort ascending" : next.endsWith(":desc:1") ? "Sort descending" : "Remove sorting";
      return `<th scope="col"${thCls(numeric[i])}${aria}><button type="submit" class="fl-sort" name="${name}" value="${esc(next)}" title="${hint}">${esc(col)}<span class="fl-sort-arrow${sorted ? " fl-sorted" : ""}" aria-hidden="true">${arrow}</span></button></th>`;
    })
    .join("");
  const first = p.total ? p.start + 1 : 0;
  const last = p.start + p.rows.length;
  const status = `<p class="fl-table-status">Rows ${first}–${last} of ${p.total}${p.pages > 1 ? `, page ${p.view.page} of ${p.pages}` : ""}</p>`;
  const height = p.height && p.height > 0 ? ` style="max-height:${Math.round(p.height)}px"` : "";
  const key = p.key === null ? "" : ` data-key="${esc(p.key)}"`;
  const err = notesHtml({ id: p.id, error: p.error, pending: false } as WidgetProps);
  return (
    `<div class="fl-dataframe" data-kind="dataframe"${key} data-value="${esc(JSON.stringify(p.value))}">` +
    // The hidden field comes first: a clicked button's value is posted after it.
    `<input type="hidden" name="${name}" value="${esc(p.raw)}">` +
    `<div class="fl-table-scroll" id="${domId(p.id)}" role="region" aria-label="Data table" tabindex="0"${height}>` +
    `<table class="fl-table"><thead><tr>${p.index ? INDEX_HEAD : ""}${heads}</tr></thead><tbody>${bodyHtml(p.rows, p.index)}</tbody></table></div>` +
    `<div class="fl-table-foot">${status}${pagerHtml(p, name)}</div>${err}</div>`
  );
}

export const dataRenderers: Renderers = {
  table: (n) => {
    const p = n.props as { columns: string[]; rows: Cell[][]; index: number[] | null };
    const numeric = numericColumns(p.rows, p.columns.length);
    const heads = p.columns.map((col, i) => `<th scope="col"${thCls(numeric[i])}>${esc(col)}</th>`).join("");
    return `<div class="fl-table-scroll fl-static-table" data-kind="table" role="region" aria-label="Table" tabindex="0"><table class="fl-table"><thead><tr>${p.index ? INDEX_HEAD : ""}${heads}</tr></thead><tbody>${bodyHtml(p.rows, p.index)}</tbody></table></div>`;
  },
  dataframe: (n) => dataframeHtml(n.props as unknown as DataframeProps),
};

/** This family's CSS, appended to the theme (use the theme's --fl-* colour variables). */
export const dataCss = `
.fl-dataframe,.fl-static-table{margin:0 0 1rem}
.fl-table-scroll{overflow:auto;width:fit-content;max-width:100%;border:1px solid var(--fl-line);border-radius:.5rem}
.fl-dataframe .fl-table-scroll{margin:0}
.fl-table{border-collapse:collapse;font-size:.9rem;font-variant-numeric:tabular-nums}
.fl-table th,.fl-table td{padding:.3rem .75rem;min-width:3rem;border-bottom:1px solid var(--fl-line);text-align:left;vertical-align:top;white-space:pre-wrap}
.fl-table tbody tr:last-child>*{border-bottom:0}
.fl-table thead th{position:sticky;top:0;background:var(--fl-side);font-weight:600;z-index:1}
.fl-table th.fl-index{color:var(--fl-muted);font-weight:400;background:var(--fl-side)}
.fl-table .fl-num{text-align:right}
.fl-sort{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer;display:inline-flex;gap:.3rem;align-items:center;text-align:left}
.fl-sort:hover{color:var(--fl-accent-text)}
.fl-sort-arrow{color:var(--fl-muted);font-size:.75em}.fl-sort-arrow.fl-sorted{color:var(--fl-accent-text)}
.fl-table-foot{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;margin-top:.4rem}
.fl-table-status{margin:0;color:var(--fl-muted);font-size:.85rem}
.fl-pager{display:flex;flex-wrap:wrap;gap:.25rem;align-items:center}
.fl-page-button{font:inherit;font-size:.85rem;color:inherit;background:var(--fl-input);border:1px solid var(--fl-line);border-radius:.4rem;padding:.15rem .55rem;cursor:pointer;min-width:2rem}
.fl-page-button:hover:not([disabled]){border-color:var(--fl-accent);color:var(--fl-accent-text)}
.fl-page-button[aria-current=page]{background:var(--fl-accent-strong);border-color:var(--fl-accent-strong);color:#fff}
.fl-page-button[disabled]{opacity:.45;cursor:default}
.fl-page-gap{color:var(--fl-muted);padding:0 .2rem}
`;
