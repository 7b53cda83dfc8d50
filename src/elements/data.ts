/**
 * Tables: st.table (a static HTML table) and st.dataframe (sorting and paging without JS).
 *
 * st.dataframe's view (sort column, direction, page) is a widget whose value is the text
 * `<col>:<dir>:<page>` (col "" and dir "" when unsorted, page from 1). A hidden input carries it,
 * and every sort header and page link is a submit button whose value is the view it leads to: a
 * click posts the hidden value and then the button's, so the last posted value wins. Only the
 * page shown is rendered, so a large data set costs its sort, not its HTML. With `onSelect` the
 * table is also a selection (dataframe-selection*.ts), and `columnConfig` shapes its columns
 * (dataframe-columns.ts).
 */
import type { ContainerBase } from "./base.ts";
import { DuplicateElementKey, StreamlitAPIException } from "../engine/errors.ts";
import { computeWidgetId } from "../engine/widget-id.ts";
import { domId, keyOf, notesHtml, widgetData } from "./common.ts";
import { parseSelectionMode, type DataframeState, type DataframeSelectionMode } from "./dataframe-selection.ts";
import { checkOnSelect, selectionWidget } from "./dataframe-selection-widget.ts";
import { FIRST_VIEW, decodeView, encodeView, nextSort, sortedRows, type DataframeView } from "./dataframe-view.ts";
import { clearButton, columnSelectHead, rowSelectCell, rowSelectHead, selectableCell, selectionCss, selectionHidden, type SelectionProps } from "./dataframe-selection-html.ts";
import { register } from "./register.ts";
import { cellOf, type Cell } from "./table-cells.ts";
import { INDEX_COLUMN, readConfigs, shownCell, shownColumns, type ShownColumn } from "./dataframe-columns.ts";
import type { ColumnConfigInput } from "./data-editor-columns.ts";
import { buttonColumn, columnButton } from "./data-button-column.ts";
import { cellDisplayCss } from "./data-cell-display.ts";
import { columnPlaces, pinningAttrs, placeAttrs, type Place } from "./data-column-layout.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { html, type Html } from "../render/html.ts";

/** Rows (array of objects) or columns (object of arrays). */
export type TableData = Record<string, unknown>[] | Record<string, unknown[]>;

export interface TableOptions {
  /** leave out the index column (the row numbers) */
  hideIndex?: boolean | null;
  /** leave out the header row (the column names) */
  hideHeader?: boolean | null;
  /** true (default): lines around the table and between cells; false: none; "horizontal": between rows only */
  border?: boolean | "horizontal";
}

export interface DataframeOptions {
  /**
   * With a selection (`onSelect`), the selection's key: session state holds Streamlit's
   * `{ selection: { rows, columns, cells } }` there (the app may set it). Without, the view's
   * (sort and page, as `"<column>:<asc|desc>:<page>"`).
   */
  key?: string;
  /**
   * "ignore" (default): nothing can be selected and the call returns nothing; "rerun": rows,
   * columns or cells can be selected (`selectionMode`) and the call returns the selection; a
   * function: the same, and it is called when the selection changes, before the rerun.
   */
  onSelect?: "ignore" | "rerun" | (() => unknown);
  /**
   * What can be selected: "multi-row" (default), "single-row", "single-row-required" (always
   * exactly one row, the first by default), "single-column", "multi-column" (sorting is then off,
   * as in Streamlit), "single-cell", "multi-cell", or a list of one row, one column and one cell mode.
   */
  selectionMode?: DataframeSelectionMode | DataframeSelectionMode[];
  /** the selection before the user chooses (`{ selection: { rows: [0] } }`) */
  selectionDefault?: { selection: Partial<DataframeState["selection"]> } | null;
  /** rows per page (default 20) */
  pageSize?: number;
  hideIndex?: boolean;
  /** the columns to show, in this order (others are hidden); unknown names are ignored */
  columnOrder?: string[];
  /**
   * per column: a config from `st.columnConfig` (read-only here: labels, help, number formats,
   * lists, JSON, images, progress bars, sparklines, links, buttons), a label, or null to hide it;
   * `_index` is the index column
   */
  columnConfig?: ColumnConfigInput | null;
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

// ---- elements ---------------------------------------------------------------------------------

export function table(c: ContainerBase, data: TableData, opts: TableOptions = {}): void {
  const t = readTable(data, "st.table");
  const rows = Array.from({ length: t.rowCount }, (_, r) => t.columns.map((col) => cellOf(t.cell(r, col))));
  const border = opts.border ?? true;
  if (border !== true && border !== false && border !== "horizontal") {
    throw new StreamlitAPIException("Invalid `border` value. Supported values: True, False, 'horizontal'.");
  }
  const index = opts.hideIndex ? null : rows.map((_, i) => i);
  c._push(dataFamily.node("table", { columns: t.columns, rows, index, header: !opts.hideHeader, border: border === true ? "all" : border === false ? "none" : "horizontal" }));
}

/**
 * What a dataframe's id is made of. Unlike Streamlit's (a display element there), its view state
 * is a widget: two identical unkeyed tables on one page get distinct, still deterministic, ids by
 * their order.
 */
function dataframeIdParams(c: ContainerBase, key: string | null, base: Record<string, string[] | number>): Record<string, string[] | number> {
  if (key !== null) return base;
  const ctx = c._run("st.dataframe");
  const idOf = (n: number) => computeWidgetId({ elementType: "dataframe", userKey: null, params: n ? { ...base, n } : base, formId: null, scriptId: ctx.scriptId });
  let n = 0;
  while (ctx.widgets.ids.has(idOf(n))) n++;
  return n ? { ...base, n } : base;
}

/** The rows a view shows (sorted as it says, its page only), and each one's row number. */
function pageOfRows(t: Table, columns: ShownColumn[], view: DataframeView, pageSize: number): { start: number; index: number[]; rows: Cell[][] } {
  const order = view.col ? sortedRows(t, view.col, view.dir as "asc" | "desc") : null;
  const start = (view.page - 1) * pageSize;
  const end = Math.min(t.rowCount, start + pageSize);
  const index: number[] = [];
  const rows: Cell[][] = [];
  for (let i = start; i < end; i++) {
    const r = order ? order[i]! : i;
    index.push(r);
    rows.push(columns.map((col) => shownCell(col, t.cell(r, col.name))));
  }
  return { start, index, rows };
}

/** Registers each button column and puts its buttons in the rows shown; a rejected click's message. */
function placeButtons(c: ContainerBase, table: string, t: Table, shown: ShownColumn[], index: number[], rows: Cell[][]): string | undefined {
  let error: string | undefined;
  shown.forEach((col, j) => {
    if (col.config?.type !== "button") return;
    const labelOf = (r: number) => (r < t.rowCount ? cellOf(t.cell(r, col.name)).t : null);
    const w = buttonColumn(c, table, col.name, col.config, labelOf);
    error ??= w.error;
    rows.forEach((row, i) => {
      const text = row[j]!.t;
      row[j] = text ? { t: text, h: columnButton(w, index[i]!, text) } : { t: "" };
    });
  });
  return error;
}

export function dataframe(c: ContainerBase, data: TableData, opts: DataframeOptions = {}): DataframeState | undefined {
  const t = readTable(data, "st.dataframe");
  const pageSize = opts.pageSize ?? 20;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new StreamlitAPIException(`st.dataframe: \`pageSize\` must be a positive whole number, got ${String(pageSize)}.`);
  }
  const onSelect = opts.onSelect ?? "ignore";
  checkOnSelect(onSelect);
  const selecting = onSelect !== "ignore";
  // (checked before anything registers, so a bad mode leaves no widget behind)
  const columnPicks = selecting && parseSelectionMode(opts.selectionMode ?? "multi-row").columns !== null;
  const configs = readConfigs(opts.columnConfig);
  const order = opts.columnOrder ? opts.columnOrder.filter((col, i, all) => t.columns.includes(col) && all.indexOf(col) === i) : t.columns;
  const shown = shownColumns(order, configs, (name) => Array.from({ length: t.rowCount }, (_, r) => t.cell(r, name)));
  const columns = shown.map((col) => col.name);
  const hideIndex = opts.hideIndex ?? configs[INDEX_COLUMN]?.hidden === true;
  const pages = Math.max(1, Math.ceil(t.rowCount / pageSize));
  const key = keyOf(opts.key);
  // With a selection the key is the selection's, as in Streamlit: the view is then a widget of its own.
  if (selecting && key !== null && c._run().widgets.userKeys.has(key)) throw new DuplicateElementKey(key);
  const viewKey = selecting ? null : key;
  const base = { columns, rows: t.rowCount, page_size: pageSize, ...(selecting ? { view_of: key === null ? [] : [key] } : {}) };
  const reg = register<string>(c, {
    elementType: "dataframe",
    key: viewKey,
    idParams: dataframeIdParams(c, viewKey, base),
    // Sorting and paging inside an st.form apply at once, as in Streamlit: never staged.
    formId: null,
    style: "one",
    initial: encodeView(FIRST_VIEW),
    hasDefault: false,
    callback: null,
    parse(raw) {
      // A header or page button posts its value after the hidden field's: the last one wins.
      const view = decodeView(raw[raw.length - 1], columns, pages);
      return view ? { value: encodeView(view) } : { error: "This table's view could not be changed: no such column, sort order or page." };
    },
    serialize(v) {
      return [String(v)];
    },
  });
  // A value set through session state may be anything: show the first view then. Selecting
  // columns turns sorting off, as in Streamlit.
  const decoded = decodeView(reg.value, columns, pages) ?? FIRST_VIEW;
  const view = columnPicks ? { ...FIRST_VIEW, page: decoded.page } : decoded;
  const { start, index, rows } = pageOfRows(t, shown, view, pageSize);
  const buttonError = placeButtons(c, reg.id, t, shown, index, rows);
  const sel = selecting ? selectionWidget(c, t, columns, index, key, opts) : null;
  c._push(
    dataFamily.node("dataframe", {
      id: reg.id,
      key,
      raw: encodeView(view),
      value: sel ? sel.value : encodeView(view),
      error: reg.error ?? sel?.error ?? buttonError,
      columns,
      heads: shown.map((col) => ({ label: col.label, help: col.help })),
      places: columnPlaces(shown),
      indexLabel: configs[INDEX_COLUMN]?.label ?? null,
      rows,
      index: hideIndex ? null : index,
      view,
      pages,
      start,
      total: t.rowCount,
      sorts: Object.fromEntries(columns.map((col) => [col, encodeView(nextSort(view, col))])),
      height: opts.height,
      sel: sel?.props,
      rowsAt: index,
    }),
  );
  return sel?.value;
}

// ---- HTML -------------------------------------------------------------------------------------


interface TableProps {
  columns: string[];
  rows: Cell[][];
  index: number[] | null;
  /** the header row is drawn */
  header: boolean;
  border: "all" | "none" | "horizontal";
}

interface DataframeProps {
  id: string;
  key: string | null;
  raw: string;
  /** the view, or with a selection the selection */
  value: string | DataframeState;
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
  /** each column's header text and help */
  heads: { label: string; help?: string }[];
  /** each column's alignment and pinning */
  places: Place[];
  /** the index column's header, if the config names it */
  indexLabel: string | null;
  /** the selection's controls, when it has one */
  sel?: SelectionProps;
  /** each shown row's position in the data */
  rowsAt: number[];
}

/** Columns whose shown cells are all numbers (or empty): their headers align right too. */
function numericColumns(rows: Cell[][], count: number): boolean[] {
  return Array.from({ length: count }, (_, i) => rows.some((r) => r[i]!.n) && rows.every((r) => r[i]!.n || r[i]!.t === ""));
}
const numCls = (numeric: boolean | undefined) => numeric && html` class="fl-num"`;

const td = (c: Cell, place?: Place) => html`<td${placeAttrs(place, c.n === 1 ? "fl-num" : "")}>${c.h ?? c.t}</td>`;
const INDEX_HEAD = html`<th scope="col" class="fl-index"><span class="fl-sr-only">Index</span></th>`;
const indexHead = (label: string | null) => (label === null ? INDEX_HEAD : html`<th scope="col" class="fl-index">${label}</th>`);

function bodyHtml(rows: Cell[][], index: number[] | null, places: Place[] = []): Html[] {
  return rows.map((row, i) => html`<tr>${index && html`<th scope="row" class="fl-index">${index[i]}</th>`}${row.map((c, j) => td(c, places[j]))}</tr>`);
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

function pagerHtml(p: DataframeProps): Html | "" {
  if (p.pages <= 1) return "";
  const { col, dir, page } = p.view;
  const to = (n: number) => encodeView({ col, dir, page: n });
  const nav = (n: number, text: Html, cls: string) =>
    n < 1 || n > p.pages
      ? html`<button type="submit" class="fl-page-button ${cls}" disabled>${text}</button>`
      : html`<button type="submit" class="fl-page-button ${cls}" name="${p.id}" value="${to(n)}">${text}</button>`;
  const numbers = pageList(page, p.pages).map((n) =>
    n === null
      ? html`<span class="fl-page-gap" aria-hidden="true">…</span>`
      : html`<button type="submit" class="fl-page-button" name="${p.id}" value="${to(n)}" aria-label="Page ${n} of ${p.pages}"${n === page && html` aria-current="page"`}>${n}</button>`,
  );
  return html`<nav class="fl-pager" aria-label="Table pages">${nav(page - 1, html`<span aria-hidden="true">‹</span> Previous page`, "fl-page-prev")}${numbers}${nav(page + 1, html`Next page <span aria-hidden="true">›</span>`, "fl-page-next")}</nav>`;
}

/** A column's header: a button that posts the view its click leads to, and the sorting it shows. */
function sortHead(p: DataframeProps, col: string, i: number, numeric: boolean | undefined): Html {
  const sorted = p.view.col === col ? p.view.dir : "";
  const aria = sorted && html` aria-sort="${sorted === "asc" ? "ascending" : "descending"}"`;
  const arrow = sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕";
  const next = p.sorts[col]!;
  const hint = next.endsWith(":asc:1") ? "Sort ascending" : next.endsWith(":desc:1") ? "Sort descending" : "Remove sorting";
  const { label, help } = p.heads[i]!;
  return html`<th scope="col"${placeAttrs(p.places[i], numeric ? "fl-num" : "")}${aria}${help && html` title="${help}"`}><button type="submit" class="fl-sort" name="${p.id}" value="${next}" title="${hint}">${label}<span class="fl-sort-arrow${sorted ? " fl-sorted" : ""}" aria-hidden="true">${arrow}</span></button></th>`;
}

/** The body of a selectable table: each row with its control, and cells that select. */
function selectableBody(p: DataframeProps, s: SelectionProps): Html[] {
  return p.rows.map((row, i) => {
    const at = p.rowsAt[i]!;
    const head = p.index && html`<th scope="row" class="fl-index">${p.index[i]}</th>`;
    return html`<tr>${rowSelectCell(s, at)}${head}${row.map((c, j) => selectableCell(s, at, j, c.h ?? c.t, placeAttrs(p.places[j], c.n === 1 ? "fl-num" : "")))}</tr>`;
  });
}

function dataframeHtml(p: DataframeProps): Html {
  const numeric = numericColumns(p.rows, p.columns.length);
  const s = p.sel;
  const heads = p.columns.map((col, i) => (s?.modes.columns ? columnSelectHead(s, p.heads[i]!, i, placeAttrs(p.places[i], numeric[i] ? "fl-num" : "")) : sortHead(p, col, i, numeric[i])));
  const first = p.total ? p.start + 1 : 0;
  const last = p.start + p.rows.length;
  const status = html`<p class="fl-table-status">Rows ${first}–${last} of ${p.total}${p.pages > 1 && `, page ${p.view.page} of ${p.pages}`}</p>`;
  const height = p.height && p.height > 0 ? html` style="max-height:${Math.round(p.height)}px"` : "";
  const body = s ? selectableBody(p, s) : bodyHtml(p.rows, p.index, p.places);
  const pins = pinningAttrs(p.places, !!s?.modes.rows, p.index !== null);
  // The hidden field comes first: a clicked button's value is posted after it.
  return html`<div class="fl-dataframe"${widgetData("dataframe", p)}><input type="hidden" name="${p.id}" value="${p.raw}">${s && selectionHidden(s)}<div class="fl-table-scroll" id="${domId(p.id)}" role="region" aria-label="Data table" tabindex="0"${height}><table class="fl-table"${pins}><thead><tr>${s && rowSelectHead(s)}${p.index && indexHead(p.indexLabel)}${heads}</tr></thead><tbody>${body}</tbody></table></div><div class="fl-table-foot">${status}${pagerHtml(p)}${s && clearButton(s)}</div>${notesHtml({ id: s?.id ?? p.id, error: p.error, pending: s?.pending ?? false })}</div>`;
}

interface DataKinds {
  table: TableProps;
  dataframe: DataframeProps;
}

const renderers: KindRenderers<DataKinds> = {
  table: (p) => {
    const numeric = numericColumns(p.rows, p.columns.length);
    const heads = p.columns.map((col, i) => html`<th scope="col"${numCls(numeric[i])}>${col}</th>`);
    const head = p.header && html`<thead><tr>${p.index && INDEX_HEAD}${heads}</tr></thead>`;
    return html`<div class="fl-table-scroll fl-static-table fl-border-${p.border}" data-kind="table" role="region" aria-label="Table" tabindex="0"><table class="fl-table">${head}<tbody>${bodyHtml(p.rows, p.index)}</tbody></table></div>`;
  },
  dataframe: dataframeHtml,
};

/** This family's CSS, appended to the theme (use the theme's --fl-* colour variables). */
const dataCss = `

.fl-dataframe,.fl-static-table{margin:0 0 1rem}
.fl-table-scroll{overflow:auto;width:fit-content;max-width:100%;border:1px solid var(--fl-line);border-radius:var(--fl-radius,.5rem)}
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
.fl-border-all .fl-table :is(th,td)+:is(th,td){border-left:1px solid var(--fl-line)}
.fl-border-none,.fl-border-none .fl-table :is(th,td){border:0}
.fl-table-foot{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;margin-top:.4rem}
.fl-table-status{margin:0;color:var(--fl-muted);font-size:.85rem}
.fl-pager{display:flex;flex-wrap:wrap;gap:.25rem;align-items:center}
.fl-page-button{font:inherit;font-size:.85rem;color:inherit;background:var(--fl-input);border:1px solid var(--fl-line);border-radius:.4rem;padding:.15rem .55rem;cursor:pointer;min-width:2rem}
.fl-page-button:hover:not([disabled]){border-color:var(--fl-accent);color:var(--fl-accent-text)}
.fl-page-button[aria-current=page]{background:var(--fl-accent-strong);border-color:var(--fl-accent-strong);color:var(--fl-accent-on,#fff)}
.fl-page-button[disabled]{opacity:.45;cursor:default}
.fl-page-gap{color:var(--fl-muted);padding:0 .2rem}
`;
export const dataFamily = defineFamily<DataKinds>(renderers, dataCss + selectionCss + cellDisplayCss);
