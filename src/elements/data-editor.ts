/**
 * st.data_editor: a table of form controls that returns the edited data. Its value (session state
 * under its key) is Streamlit's editing state `{ edited_rows, added_rows, deleted_rows }`.
 *
 * Without JavaScript it is plain HTML: each editable cell is an input named `<id>/<row>/<column>`,
 * a hidden field `<id>` carries the state the page showed, and with `numRows: "dynamic"` each row
 * has a "Delete" checkbox (`<id>/del/<row>`) and an "Add row" button (`<id>/add`). A post applies
 * the cells whose text changed, then the deletions, then the added row (see data-editor-state.ts).
 * Like st.dataframe it shows one page of rows at a time; the page is a second, unkeyed widget.
 */
import { html, raw, type Html } from "../render/html.ts";
import type { ContainerBase } from "./base.ts";
import { DuplicateElementKey, StreamlitAPIException } from "../engine/errors.ts";
import type { Json } from "../engine/state.ts";
import { GRID_PART } from "../engine/submission.ts";
import { callbackOf, domId, keyOf, notesHtml, type ChangeOptions } from "./common.ts";
import { register } from "./register.ts";
import { pageList, readTable, type TableData } from "./data.ts";
import {
  cellChoices,
  displayCell,
  normaliseConfig,
  resolveColumn,
  showCell,
  type ColumnConfig,
  type ColumnConfigInput,
  type EditorColumn,
} from "./data-editor-columns.ts";
import { MAX_ADDED_ROWS, applyEdits, applyPost, cellValue, emptyState, shownRows, type EditingState, type Grid } from "./data-editor-state.ts";
import { defineFamily } from "./family.ts";
import { displayHtml } from "./data-cell-display.ts";
import { buttonColumn, columnButton, type ButtonColumnWidget } from "./data-button-column.ts";
import { columnLayoutCss, columnPlaces, pinnedFirst, pinningAttrs, placeAttrs, type Place } from "./data-column-layout.ts";

export interface DataEditorOptions extends ChangeOptions {
  key?: string | number;
  /** "fixed" (default): only cells can be edited; "dynamic": rows can be added and deleted */
  numRows?: "fixed" | "dynamic";
  /** true: nothing can be edited; a list of column names: those columns cannot */
  disabled?: boolean | string[];
  /** per column: a config from `st.columnConfig`, a label, or null to hide it */
  columnConfig?: ColumnConfigInput | null;
  /** leave out the index column (default: shown, hidden with "dynamic", as in Streamlit) */
  hideIndex?: boolean | null;
  /** the columns to show, in this order */
  columnOrder?: string[] | null;
  /** width and height in pixels (the table scrolls inside) */
  width?: number | null;
  height?: number | null;
  useContainerWidth?: boolean;
  /** rows per page (default 20) */
  pageSize?: number;
}

/** Streamlit's name for the index column in a column config. */
const INDEX = "_index";

function checkData(data: unknown): TableData {
  if (data === null || typeof data !== "object") {
    const type = data === null ? "NoneType" : typeof data === "number" ? (Number.isInteger(data) ? "int" : "float") : typeof data === "string" ? "str" : typeof data;
    throw new StreamlitAPIException(
      `The data type (${type}) or format is not supported by the data editor. Please convert your data into a Pandas Dataframe or another supported data format.`,
    );
  }
  return data as TableData;
}

/** Each data column resolved against the author's config and `disabled`. */
function resolveColumns(t: ReturnType<typeof readTable>, opts: DataEditorOptions, configs: Record<string, ColumnConfig>): EditorColumn[] {
  if (t.columns.includes(INDEX)) {
    throw new StreamlitAPIException(
      `The column name '${INDEX}' is reserved for the index column and can't be used for data columns. Please rename the column in the provided data.`,
    );
  }
  const disabledAll = opts.disabled === true;
  const disabledSome = new Set(Array.isArray(opts.disabled) ? opts.disabled : []);
  return t.columns.map((name) => {
    const values = Array.from({ length: t.rowCount }, (_, r) => t.cell(r, name));
    return resolveColumn(name, values, configs[name] ?? {}, disabledAll || disabledSome.has(name));
  });
}

/** The page widget: which page of rows is shown (never staged by an st.form, as st.dataframe's). */
function pageWidget(c: ContainerBase, identity: Record<string, Json>, key: string | null, maxPages: number): { id: string; page: number; error?: string } {
  const reg = register<number>(c, {
    // a duplicate unkeyed editor fails here, with Streamlit's message for data_editor
    elementType: "data_editor",
    key: null,
    idParams: { page_of: identity as Json, key },
    formId: null,
    style: "one",
    initial: 1,
    hasDefault: false,
    callback: null,
    parse(posted) {
      const text = posted[posted.length - 1] ?? "";
      // rows may be added in the same post, so any page they could fill is taken (and clamped when shown)
      const n = /^[1-9]\d{0,8}$/.test(text) ? Number(text) : 0;
      return n >= 1 && n <= maxPages ? { value: n } : { error: "That page of the table does not exist." };
    },
    serialize(v) {
      return [String(v)];
    },
  });
  return { id: reg.id, page: Number.isInteger(reg.value) && reg.value > 0 ? reg.value : 1, error: reg.error };
}

/**
 * Streamlit's identity: the data, the layout, the column config (with the disabled columns and
 * the index's visibility folded in) and numRows; a plain `disabled: true` is not part of it.
 */
function identityOf(data: TableData, opts: DataEditorOptions, configs: Record<string, ColumnConfig>, hideIndex: boolean): Record<string, Json> {
  const mapping: Record<string, ColumnConfig> = { ...configs, [INDEX]: { ...configs[INDEX], hidden: hideIndex } };
  if (Array.isArray(opts.disabled)) for (const name of opts.disabled) mapping[name] = { ...mapping[name], disabled: true };
  return {
    data: JSON.parse(JSON.stringify(data)) as Json,
    width: opts.width ?? null,
    height: opts.height ?? null,
    use_container_width: opts.useContainerWidth ?? false,
    column_order: opts.columnOrder ?? null,
    column_config_mapping: JSON.stringify(mapping),
    num_rows: opts.numRows === "dynamic" ? "dynamic" : "fixed",
  };
}

/**
 * The columns, those the page does not draw (hidden, or left out of `columnOrder`) made read-only:
 * the page has no control for them, so a post that names one (or an editing state that edits one)
 * is forged, and is refused as an edit of a disabled column is.
 */
function drawnOnly(names: string[], columns: EditorColumn[], order: string[] | null | undefined): EditorColumn[] {
  const drawn = new Set(order ?? names);
  return columns.map((col) => (col.editable && (col.hidden || !drawn.has(col.name)) ? { ...col, editable: false } : col));
}

export function dataEditor<T extends TableData>(c: ContainerBase, data: T, opts: DataEditorOptions = {}): T {
  const key = keyOf(opts.key);
  const t = readTable(checkData(data), "st.data_editor");
  const configs: Record<string, ColumnConfig> = {};
  for (const [name, config] of Object.entries(opts.columnConfig ?? {})) configs[name] = normaliseConfig(name, config);
  const columns = drawnOnly(t.columns, resolveColumns(t, opts, configs), opts.columnOrder);
  const dynamic = opts.numRows === "dynamic";
  const grid: Grid = { columns, rowCount: t.rowCount, cell: t.cell, dynamic };
  const pageSize = opts.pageSize ?? 20;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new StreamlitAPIException(`st.data_editor: \`pageSize\` must be a positive whole number, got ${String(pageSize)}.`);
  }
  const hideIndex = opts.hideIndex ?? (configs[INDEX]?.hidden === true || dynamic);
  const identity = identityOf(data, opts, configs, hideIndex);
  const order = opts.columnOrder ? opts.columnOrder.filter((n, i, all) => t.columns.includes(n) && all.indexOf(n) === i) : t.columns;
  const shownColumns = pinnedFirst(order.map((n) => columns[t.columns.indexOf(n)]!).filter((col) => !col.hidden));

  // The page comes first: the editor's fields are those of the page shown.
  if (key !== null && c._run().widgets.userKeys.has(key)) throw new DuplicateElementKey(key);
  const view = pageWidget(c, identity, key, Math.ceil((t.rowCount + MAX_ADDED_ROWS) / pageSize));
  const layout = (state: EditingState) => {
    const refs = shownRows(grid, state);
    const pages = Math.max(1, Math.ceil(refs.length / pageSize));
    const page = Math.min(view.page, pages);
    const start = (page - 1) * pageSize;
    return { refs: refs.slice(start, start + pageSize), pages, page, start, total: refs.length };
  };
  const fieldsOf = (state: EditingState): string[] => {
    const out = [`=${JSON.stringify(state)}`];
    for (const ref of layout(state).refs) {
      for (const col of shownColumns) if (col.editable) out.push(...cellFields(col, `${ref}/${columns.indexOf(col)}`, cellValue(grid, state, ref, col.name)));
    }
    return out;
  };
  const reg = register<EditingState>(c, {
    elementType: "data_editor",
    key,
    idParams: identity,
    // Streamlit's data_editor still takes its identity from its parameters with a key
    keyedIdParams: Object.keys(identity),
    style: "grid",
    initial: emptyState(),
    hasDefault: false,
    writesAllowed: false,
    callback: callbackOf(opts.onChange, opts.args),
    parse(posted) {
      return applyPost(grid, posted);
    },
    serialize: fieldsOf,
  });

  const buttons = new Map<string, ButtonColumnWidget>();
  for (const col of shownColumns) {
    if (col.config?.type !== "button") continue;
    const labelOf = (r: number) => (r < t.rowCount ? displayCell(col, t.cell(r, col.name)) : null);
    buttons.set(col.name, buttonColumn(c, reg.id, col.name, col.config, labelOf));
  }
  // In an st.form the page shows the staged edits, not yet the script's value.
  const staged = reg.pending ? applyPost(grid, reg.raw) : null;
  const shown = staged && "value" in staged ? staged.value : reg.value;
  const { refs, ...at } = layout(shown);
  const props: EditorProps = {
    id: reg.id,
    key,
    value: reg.value,
    error: reg.error ?? view.error ?? [...buttons.values()].find((b) => b.error)?.error,
    pending: reg.pending,
    state: JSON.stringify(shown),
    heads: shownColumns.map((col) => ({ label: col.label, help: col.help, width: col.width, numeric: col.kind === "number" })),
    places: columnPlaces(shownColumns),
    rows: refs.map((ref) => rowProps(grid, shown, shownColumns, ref, buttons)),
    hideIndex,
    indexLabel: configs[INDEX]?.label ?? null,
    dynamic: dynamic && opts.disabled !== true,
    pageId: view.id,
    ...at,
    height: opts.height ?? undefined,
    width: opts.width ?? undefined,
    wide: opts.useContainerWidth ?? false,
  };
  c._push(dataEditorFamily.node("data_editor", props));
  return applyEdits(data, grid, reg.value);
}

/** The fields an untouched cell posts: its text, or for a multiselect an empty marker and each ticked choice. */
function cellFields(col: EditorColumn, part: string, v: unknown): string[] {
  if (col.kind !== "multiselect") return [`${part}=${showCell(col, v)}`];
  const held = Array.isArray(v) ? v : [];
  const choices = cellChoices(col, v);
  return [`${part}=`, ...choices.flatMap((c, n) => (held.includes(c) ? [`${part}/${n}=${c}`] : []))];
}

/** One shown row: its index text ("new 1" for the first added row) and its cells. */
function rowProps(grid: Grid, state: EditingState, shown: EditorColumn[], ref: string, buttons: Map<string, ButtonColumnWidget>): EditorProps["rows"][number] {
  return {
    ref,
    index: ref.startsWith("a") ? `new ${Number(ref.slice(1)) + 1}` : ref,
    cells: shown.map((col) => {
      const cell = cellProps(col, grid.columns.indexOf(col), ref, cellValue(grid, state, ref, col.name));
      // a button only in the data's own rows (an added row has no row of the data to name)
      const button = buttons.get(col.name);
      if (button) cell.html = /^\d+$/.test(ref) && cell.text ? columnButton(button, Number(ref), cell.text) : "";
      return cell;
    }),
  };
}

function cellProps(col: EditorColumn, index: number, ref: string, v: unknown): CellProps {
  const tc = col.config;
  const cell: CellProps = { part: `${ref}/${index}`, kind: col.editable ? col.kind : "readonly", text: col.editable ? showCell(col, v) : displayCell(col, v) };
  if (tc?.type === "number") Object.assign(cell, { min: tc.minValue ?? undefined, max: tc.maxValue ?? undefined, step: tc.step ?? undefined });
  if (col.kind === "number") cell.integer = col.dataKind === "integer";
  if (tc?.type === "date") Object.assign(cell, { min: tc.minValue ?? undefined, max: tc.maxValue ?? undefined });
  if (tc?.type === "text" && tc.maxChars != null) cell.maxChars = tc.maxChars;
  if (tc?.type === "selectbox") cell.options = (tc.options ?? []).map(String);
  if (col.kind === "link" && typeof v === "string" && /^(https?:|mailto:)/i.test(v)) {
    cell.href = v;
    cell.text = tc?.type === "link" && tc.displayText ? tc.displayText : v;
  }
  if ((tc?.type === "datetime" || tc?.type === "time") && col.editable) Object.assign(cell, { min: tc.minValue ?? undefined, max: tc.maxValue ?? undefined, step: tc.step ?? undefined });
  if (col.kind === "multiselect" && col.editable) {
    cell.options = cellChoices(col, v);
    cell.ticked = Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  }
  if (!col.editable) cell.html = displayHtml(tc, v, col.dataKind === "integer") ?? undefined;
  if (typeof v === "number" && !col.editable && tc?.type !== "progress") cell.numeric = true;
  return cell;
}

// ---- HTML -------------------------------------------------------------------------------------

interface CellProps {
  /** `<row>/<column>`: the field is `<id>/<part>` */
  part: string;
  kind: string;
  /** the control's value, or what a read-only cell shows */
  text: string;
  min?: number | string;
  max?: number | string;
  step?: number;
  integer?: boolean;
  maxChars?: number;
  options?: string[];
  href?: string;
  numeric?: boolean;
  /** a multiselect's ticked choices */
  ticked?: string[];
  /** what a read-only cell of a display type shows (a bar, a sparkline, chips...) */
  html?: Html | "";
}

interface EditorProps {
  id: string;
  key: string | null;
  value: Json;
  error?: string;
  pending: boolean;
  /** the editing state the page shows, carried back by the form */
  state: string;
  heads: { label: string; help?: string; width?: string; numeric: boolean }[];
  /** each column's alignment and pinning */
  places: Place[];
  rows: { ref: string; index: string; cells: CellProps[] }[];
  hideIndex: boolean;
  /** the index column's header (`columnConfig: { _index: "Label" }`); none shown by default */
  indexLabel: string | null;
  dynamic: boolean;
  pageId: string;
  page: number;
  pages: number;
  start: number;
  total: number;
  height?: number;
  width?: number;
  wide: boolean;
}

function control(p: EditorProps, cell: CellProps, label: string): Html | string {
  const name = p.id + GRID_PART + cell.part;
  switch (cell.kind) {
    case "checkbox":
      // the empty marker says the cell was in the form when the box is not ticked
      return html`<input type="hidden" name="${name}" value=""><input type="checkbox" class="fl-cell-check" name="${name}" value="1" aria-label="${label}" ${cell.text === "1" ? raw("checked") : ""}>`;
    case "selectbox": {
      const opts = cell.options!.map((o, i) => html`<option value="${String(i)}" ${cell.text === String(i) ? raw("selected") : ""}>${o}</option>`);
      return html`<select class="fl-cell-input" name="${name}" aria-label="${label}"><option value="" ${cell.text === "" ? raw("selected") : ""}>—</option>${opts}</select>`;
    }
    case "number": {
      const step = cell.step ?? (cell.integer ? 1 : "any");
      return html`<input type="number" class="fl-cell-input fl-num" name="${name}" value="${cell.text}" aria-label="${label}" step="${String(step)}" ${cell.min !== undefined ? html`min="${String(cell.min)}"` : ""} ${cell.max !== undefined ? html`max="${String(cell.max)}"` : ""} inputmode="${cell.integer ? "numeric" : "decimal"}">`;
    }
    case "date":
      return html`<input type="date" class="fl-cell-input" name="${name}" value="${cell.text}" aria-label="${label}" ${cell.min !== undefined ? html`min="${String(cell.min)}"` : ""} ${cell.max !== undefined ? html`max="${String(cell.max)}"` : ""}>`;
    case "text":
      return html`<input type="text" class="fl-cell-input" name="${name}" value="${cell.text}" aria-label="${label}" ${cell.maxChars !== undefined ? html`maxlength="${String(cell.maxChars)}"` : ""}>`;
    case "markdown":
      // Markdown may run over lines; the parser drops one line break after <textarea>, hence "\n"
      return html`<textarea class="fl-cell-input fl-cell-md-input" name="${name}" rows="2" aria-label="${label}">\n${cell.text}</textarea>`;
    case "datetime":
    case "time":
      return momentControl(cell, name, label);
    case "multiselect":
      return multiselectControl(cell, name, label);
    default:
      return cell.html ?? (cell.href ? html`<a href="${cell.href}" target="_blank" rel="noopener noreferrer">${cell.text}</a>` : cell.text);
  }
}

/** The browser's date-and-time (time) control; seconds are offered when the step is finer than a minute. */
function momentControl(cell: CellProps, name: string, label: string): Html {
  const type = cell.kind === "datetime" ? "datetime-local" : "time";
  const step = cell.step ?? (/:\d\d:\d\d$/.test(cell.text) ? 1 : 60);
  const bound = (attr: string, v: number | string | undefined) => (v === undefined ? "" : html` ${attr}="${String(v)}"`);
  return html`<input type="${type}" class="fl-cell-input" name="${name}" value="${cell.text}" aria-label="${label}" step="${String(step)}"${bound("min", cell.min)}${bound("max", cell.max)}>`;
}

/** A multiselect cell: its choices as chips in a summary, a checkbox per option inside (no JavaScript needed). */
function multiselectControl(cell: CellProps, name: string, label: string): Html {
  const ticked = cell.ticked ?? [];
  const boxes = (cell.options ?? []).map(
    (o, n) => html`<label class="fl-cell-choice"><input type="checkbox" class="fl-cell-check" name="${name}/${String(n)}" value="${o}" ${ticked.includes(o) ? raw("checked") : ""}>${o}</label>`,
  );
  const summary = ticked.length ? html`<span class="fl-chips">${ticked.map((t) => html`<span class="fl-chip">${t}</span>`)}</span>` : html`<span class="fl-cell-none">—</span>`;
  return html`<input type="hidden" name="${name}" value=""><details class="fl-cell-multi"><summary><span class="fl-sr-only">${label}: </span>${summary}</summary><fieldset class="fl-cell-choices"><legend class="fl-sr-only">${label}</legend>${boxes}</fieldset></details>`;
}

function rowHtml(p: EditorProps, row: EditorProps["rows"][number]) {
  const rowName = `row ${row.index}`;
  const head = p.hideIndex ? "" : html`<th scope="row" class="fl-index">${row.index}</th>`;
  const cells = row.cells.map((cell, i) => html`<td${placeAttrs(p.places[i], cell.numeric ? "fl-num" : "")}>${control(p, cell, `${p.heads[i]!.label}, ${rowName}`)}</td>`);
  const del = p.dynamic
    ? html`<td class="fl-cell-delete"><input type="checkbox" class="fl-cell-check" name="${p.id + GRID_PART}del/${row.ref}" value="1" aria-label="Delete ${rowName}"></td>`
    : "";
  return html`<tr>${head}${cells}${del}</tr>`;
}

function pagerHtml(p: EditorProps) {
  if (p.pages <= 1) return "";
  const button = (n: number, text: string, extra: Html | string = "") =>
    n < 1 || n > p.pages
      ? html`<button type="submit" class="fl-page-button" disabled>${text}</button>`
      : html`<button type="submit" class="fl-page-button" name="${p.pageId}" value="${String(n)}" ${extra}>${text}</button>`;
  const numbers = pageList(p.page, p.pages).map((n) =>
    n === null
      ? html`<span class="fl-page-gap" aria-hidden="true">…</span>`
      : button(n, String(n), html`aria-label="Page ${String(n)} of ${String(p.pages)}" ${n === p.page ? raw('aria-current="page"') : ""}`),
  );
  return html`<nav class="fl-pager" aria-label="Editable table pages">${button(p.page - 1, "Previous page")}${numbers}${button(p.page + 1, "Next page")}</nav>`;
}

function editorHtml(p: EditorProps): Html {
  const heads = p.heads.map((h, i) => {
    const cls = [h.numeric ? "fl-num" : "", h.width ? `fl-col-${h.width}` : ""].filter(Boolean).join(" ");
    return html`<th scope="col"${placeAttrs(p.places[i], cls)}${h.help ? html` title="${h.help}"` : ""}>${h.label}${h.help ? html`<span class="fl-sr-only"> (${h.help})</span>` : ""}</th>`;
  });
  const style = [p.height ? `max-height:${Math.round(p.height)}px` : "", p.width && !p.wide ? `max-width:${Math.round(p.width)}px` : ""].filter(Boolean).join(";");
  const first = p.total ? p.start + 1 : 0;
  const status = `Rows ${first}–${p.start + p.rows.length} of ${p.total}${p.pages > 1 ? `, page ${p.page} of ${p.pages}` : ""}`;
  const actions = p.dynamic
    ? html`<div class="fl-editor-actions"><button type="submit" class="fl-button" name="${p.id + GRID_PART}add" value="1">Add row</button><button type="submit" class="fl-button">Delete ticked rows</button></div>`
    : "";
  const notes = notesHtml({ id: p.id, error: p.error, pending: p.pending });
  return html`${[
    html`<div class="fl-widget fl-data_editor${p.wide ? " fl-editor-wide" : ""}" data-kind="data_editor"${p.key === null ? "" : html` data-key="${p.key}"`} data-value="${JSON.stringify(p.value)}">`,
    html`<input type="hidden" name="${p.id}" value="${p.state}"><input type="hidden" name="${p.pageId}" value="${String(p.page)}">`,
    html`<div class="fl-table-scroll" id="${domId(p.id)}" role="region" aria-label="Editable table" tabindex="0"${style ? html` style="${style}"` : ""}>`,
    html`<table class="fl-table fl-editor"${pinningAttrs(p.places, false, !p.hideIndex)}><thead><tr>${p.hideIndex ? "" : html`<th scope="col" class="fl-index">${p.indexLabel ?? html`<span class="fl-sr-only">Row</span>`}</th>`}${heads}${p.dynamic ? html`<th scope="col" class="fl-cell-delete">Delete</th>` : ""}</tr></thead>`,
    html`<tbody>${p.rows.map((r) => rowHtml(p, r))}</tbody></table></div>`,
    html`<div class="fl-table-foot"><p class="fl-table-status">${status}</p>${pagerHtml(p)}</div>${actions}${notes}</div>`,
  ]}`;
}

/** Cells are inputs that look like cells until focused; the table reuses st.dataframe's look. */
const dataEditorCss = `
.fl-editor td{padding:0;min-width:0}
.fl-editor td.fl-cell-delete,.fl-editor th.fl-cell-delete{text-align:center;padding:.3rem .5rem}
.fl-editor td:not(:has(input,select)){padding:.3rem .75rem}
.fl-cell-input{width:100%;min-width:6rem;font:inherit;color:inherit;background:transparent;border:0;border-radius:0;padding:.3rem .6rem}
.fl-cell-input.fl-num{text-align:right}
.fl-cell-input[type=text]{min-width:11rem}
.fl-cell-md-input{display:block;min-width:14rem;resize:vertical}
.fl-cell-input:hover{background:var(--fl-side)}
.fl-cell-input:focus-visible{outline:2px solid var(--fl-focus);outline-offset:-2px;background:var(--fl-input)}
.fl-editor td:has(.fl-cell-check:not(.fl-cell-delete *)){text-align:center}
.fl-cell-check{width:1.1rem;height:1.1rem;margin:.4rem;accent-color:var(--fl-accent-text)}
.fl-editor .fl-col-small .fl-cell-input,.fl-editor th.fl-col-small{min-width:4.5rem}
.fl-editor th.fl-col-medium{min-width:9rem}.fl-editor th.fl-col-large{min-width:16rem}
.fl-editor-wide .fl-table-scroll,.fl-editor-wide .fl-editor{width:100%}
.fl-editor-actions{display:flex;gap:.5rem;margin-top:.4rem}
.fl-cell-multi>summary{cursor:pointer;padding:.3rem .6rem;min-width:8rem}
.fl-cell-choices{display:flex;flex-direction:column;gap:.1rem;margin:0;padding:.25rem .5rem;border:0}
.fl-cell-choice{display:flex;align-items:center;gap:.25rem;white-space:nowrap}.fl-cell-none{color:var(--fl-muted)}
`;

export const dataEditorFamily = defineFamily<{ data_editor: EditorProps }>({ data_editor: editorHtml }, dataEditorCss + columnLayoutCss);
