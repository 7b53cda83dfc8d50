/**
 * st.data_editor's editing state, Streamlit's `{ edited_rows, added_rows, deleted_rows }`: checking
 * one that arrives in a form, applying a post of cells, deletions and an added row to it, and
 * applying it to the author's data. Rows are named by a "ref": "3" is the data's row at position 3,
 * "a0" the first added row.
 */
import type { Json } from "../engine/state.ts";
import { checkValue, parseCell, showCell, type EditorColumn } from "./data-editor-columns.ts";

// a type, not an interface, so that it is a Json (session state holds it)
export type EditingState = {
  /** row position -> column name -> value */
  edited_rows: Record<string, Record<string, Json>>;
  added_rows: Record<string, Json>[];
  deleted_rows: number[];
};

/** The data being edited, as the state needs to see it. */
export interface Grid {
  columns: EditorColumn[];
  rowCount: number;
  cell: (row: number, col: string) => unknown;
  /** rows may be added and deleted ("dynamic") */
  dynamic: boolean;
}

/** A bound on added rows, so one session's state stays a reasonable size. */
export const MAX_ADDED_ROWS = 500;

export const emptyState = (): EditingState => ({ edited_rows: {}, added_rows: [], deleted_rows: [] });

type Result = { value: EditingState } | { error: string };
const fail = (error: string): { error: string } => ({ error });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const rowIndex = (text: string, count: number) => (/^(0|[1-9]\d{0,8})$/.test(text) && Number(text) < count ? Number(text) : -1);

/** A row's cells (column name -> value), each checked against its column. */
function checkCells(grid: Grid, cells: unknown, where: string): string | null {
  if (!isRecord(cells)) return `${where} is not a row of cells.`;
  for (const [name, v] of Object.entries(cells)) {
    const col = grid.columns.find((c) => c.name === name);
    if (!col || !col.editable) return `${where}: "${name}" is not a column that can be edited.`;
    const error = checkValue(col, v as Json);
    if (error) return error;
  }
  return null;
}

/** An editing state as it came back in a form (the page carries the state it showed), checked whole. */
export function checkState(grid: Grid, value: unknown): Result {
  if (!isRecord(value)) return fail("The table's edits could not be read.");
  const s = { ...emptyState(), ...value } as Record<string, unknown>;
  if (Object.keys(s).length !== 3) return fail("The table's edits could not be read.");
  const { edited_rows: edited, added_rows: added, deleted_rows: deleted } = s;
  if (!isRecord(edited) || !Array.isArray(added) || !Array.isArray(deleted)) return fail("The table's edits could not be read.");
  for (const [row, cells] of Object.entries(edited)) {
    if (rowIndex(row, grid.rowCount) < 0) return fail(`Row ${row} does not exist.`);
    const error = checkCells(grid, cells, `Row ${row}`);
    if (error) return fail(error);
  }
  if (!grid.dynamic && (added.length || deleted.length)) return fail("Rows cannot be added to or deleted from this table.");
  if (added.length > MAX_ADDED_ROWS) return fail(`At most ${MAX_ADDED_ROWS} rows can be added.`);
  for (const [i, cells] of added.entries()) {
    const error = checkCells(grid, cells, `Added row ${i + 1}`);
    if (error) return fail(error);
  }
  const seen = new Set<number>();
  for (const r of deleted) {
    if (!Number.isInteger(r) || r < 0 || r >= grid.rowCount || seen.has(r)) return fail(`Row ${String(r)} cannot be deleted: no such row.`);
    seen.add(r);
  }
  return { value: { edited_rows: edited as EditingState["edited_rows"], added_rows: added as EditingState["added_rows"], deleted_rows: [...seen].sort((a, b) => a - b) } };
}

/** The rows shown, in order: the data's rows not deleted, then the added ones. */
export function shownRows(grid: Grid, state: EditingState): string[] {
  const deleted = new Set(state.deleted_rows);
  const refs: string[] = [];
  for (let r = 0; r < grid.rowCount; r++) if (!deleted.has(r)) refs.push(String(r));
  return refs.concat(state.added_rows.map((_, i) => `a${i}`));
}

/** A cell's value under an editing state. */
export function cellValue(grid: Grid, state: EditingState, ref: string, col: string): unknown {
  if (ref.startsWith("a")) return state.added_rows[Number(ref.slice(1))]?.[col] ?? null;
  const edited = state.edited_rows[ref];
  return edited && Object.hasOwn(edited, col) ? edited[col] : grid.cell(Number(ref), col);
}

/** Whether `ref` names a row the state shows; its cells are then where edits go. */
function rowCells(grid: Grid, state: EditingState, ref: string): Record<string, Json> | null {
  const added = /^a(0|[1-9]\d{0,8})$/.exec(ref);
  if (added) return state.added_rows[Number(added[1])] ?? null;
  const r = rowIndex(ref, grid.rowCount);
  if (r < 0 || state.deleted_rows.includes(r)) return null;
  return (state.edited_rows[ref] ??= {});
}

/**
 * A multiselect cell's ticked choices as the text its value shows: the choices it held first, in
 * their order, then the newly ticked ones in the options' order (so an untouched cell is unchanged).
 */
function tickedText(before: unknown, ticked: string[]): string {
  const held = Array.isArray(before) ? before.filter((x) => ticked.includes(x as string)) : [];
  return JSON.stringify([...held, ...ticked.filter((x) => !held.includes(x))]);
}

/** A posted cell `<ref>/<column index>`: recorded as an edit when its text differs from what it showed. */
function applyCell(grid: Grid, state: EditingState, part: string, posted: string, ticked: Map<string, string[]>): string | null {
  const [ref = "", index = ""] = part.split("/");
  const col = /^\d{1,4}$/.test(index) ? grid.columns[Number(index)] : undefined;
  if (!col) return "A value was posted for a column this table does not have.";
  const cells = rowCells(grid, state, ref);
  if (!cells) return `Row ${ref} is not in this table (it may have been deleted).`;
  const before = cellValue(grid, state, ref, col.name);
  const text = col.kind === "multiselect" ? tickedText(before, ticked.get(part) ?? []) : posted;
  if (showCell(col, before) === text) return null;
  const parsed = parseCell(col, text);
  if ("error" in parsed) return parsed.error;
  cells[col.name] = parsed.value;
  return null;
}

/** Deletes the rows named (added rows leave the list; the data's rows are recorded in deleted_rows). */
function deleteRows(grid: Grid, state: EditingState, refs: string[]): string | null {
  if (refs.length && !grid.dynamic) return "Rows cannot be deleted from this table.";
  const added: number[] = [];
  for (const ref of refs) {
    const a = /^a(\d{1,9})$/.exec(ref);
    const i = a ? Number(a[1]) : rowIndex(ref, grid.rowCount);
    if (a ? i >= state.added_rows.length : i < 0) return `Row ${ref} cannot be deleted: no such row.`;
    if (a) added.push(i);
    else if (!state.deleted_rows.includes(i)) state.deleted_rows.push(i);
    // a deleted row's edits go with it (Streamlit's editing state forgets them too)
    if (!a) delete state.edited_rows[String(i)];
  }
  state.deleted_rows.sort((x, y) => x - y);
  for (const i of added.sort((x, y) => y - x)) state.added_rows.splice(i, 1);
  return null;
}

/** A new row: each column's default where it has one (as Streamlit's frontend fills them). */
function addRow(grid: Grid, state: EditingState): string | null {
  if (!grid.dynamic) return "Rows cannot be added to this table.";
  if (state.added_rows.length >= MAX_ADDED_ROWS) return `At most ${MAX_ADDED_ROWS} rows can be added.`;
  const row: Record<string, Json> = {};
  for (const col of grid.columns) if (col.editable && col.default !== null) row[col.name] = col.default;
  state.added_rows.push(row);
  return null;
}

/**
 * A form post of the editor, `<part>=<value>` entries: "" the state the page showed, `<ref>/<col>`
 * a cell, `del/<ref>` a ticked delete box, `add` the Add row button. All or nothing: any bad part
 * rejects the whole post, so the last good state stays.
 */
export function applyPost(grid: Grid, entries: string[]): Result {
  const parts = entries.map((e) => {
    const eq = e.indexOf("=");
    return [e.slice(0, eq), e.slice(eq + 1)] as const;
  });
  const shown = parts.find(([part]) => part === "");
  let json: unknown;
  try {
    json = shown ? JSON.parse(shown[1]) : undefined;
  } catch {
    json = undefined;
  }
  const checked = checkState(grid, json);
  if ("error" in checked) return checked;
  const state = structuredClone(checked.value);
  const deletions: string[] = [];
  let add = false;
  // a multiselect cell posts an empty marker `<ref>/<col>` and each ticked choice as `<ref>/<col>/<n>`
  const ticked = new Map<string, string[]>();
  for (const [part, text] of parts) {
    const cell = /^([^/]+\/\d{1,4})\/\d{1,4}$/.exec(part)?.[1];
    if (cell && !part.startsWith("del/")) ticked.set(cell, [...(ticked.get(cell) ?? []), text]);
  }
  for (const [part, text] of parts) {
    let error: string | null = null;
    if (part === "") continue;
    else if (part === "add") add = true;
    else if (part.startsWith("del/")) deletions.push(part.slice(4));
    else if (part.split("/").length === 3) continue;
    else error = applyCell(grid, state, part, text, ticked);
    if (error) return fail(error);
  }
  for (const [ref, cells] of Object.entries(state.edited_rows)) if (Object.keys(cells).length === 0) delete state.edited_rows[ref];
  const error = deleteRows(grid, state, deletions) ?? (add ? addRow(grid, state) : null);
  return error ? fail(error) : { value: state };
}

/**
 * An added row still lacking a value its column requires: the page keeps it for the user to
 * finish, but the data returned leaves it out until it is complete, as Streamlit's does.
 */
function incomplete(grid: Grid, state: EditingState, ref: string): boolean {
  return ref.startsWith("a") && grid.columns.some((col) => col.required && col.editable && cellValue(grid, state, ref, col.name) == null);
}

/** The author's data with the edits applied, in the shape it was given (rows or columns). */
export function applyEdits<T>(data: T, grid: Grid, state: EditingState): T {
  const names = grid.columns.map((c) => c.name);
  const refs = shownRows(grid, state).filter((ref) => !incomplete(grid, state, ref));
  const value = (ref: string, name: string) => cellValue(grid, state, ref, name) ?? null;
  const rowOf = (ref: string) => Object.fromEntries(names.map((name) => [name, value(ref, name)]));
  if (Array.isArray(data)) return refs.map(rowOf) as T;
  return Object.fromEntries(names.map((name) => [name, refs.map((ref) => value(ref, name))])) as T;
}
