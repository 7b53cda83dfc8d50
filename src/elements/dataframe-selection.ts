/**
 * st.dataframe's selections: the modes an author asks for, Streamlit's selection state
 * `{ selection: { rows, columns, cells } }`, and how a form post changes it.
 *
 * The page carries the state it showed in a hidden field `<id>`, and the rows it drew in
 * `<id>/shown`, so a post only changes what that page showed: a row ticked on another page stays
 * ticked. Each control is a field `<id>/<part>`: `r<row>` (a row's checkbox), `r` (the row radio
 * group), `c<column>` / `c` for columns, `x<row>.<column>` / `x` for cells (columns by their place
 * among the columns shown), and `clear` (the Clear selection button).
 */
import { StreamlitAPIException } from "../engine/errors.ts";
import { pyRepr } from "./common.ts";

/** What can be selected, one or several of (Streamlit's selection_mode). */
export type DataframeSelectionMode = "single-row" | "multi-row" | "single-row-required" | "single-column" | "multi-column" | "single-cell" | "multi-cell";

// types, not interfaces, so that they are Json (session state holds them)
/** What is selected: row positions in the data (whatever the sort), column names, and cells as [row, column]. */
export type DataframeSelection = { rows: number[]; columns: string[]; cells: [number, string][] };
/** The value of a selectable st.dataframe (Streamlit's DataframeState). */
export type DataframeState = { selection: DataframeSelection };

/** Per kind of selection: none, one at a time, several, or exactly one row ("required"). */
export interface Modes {
  rows: "single" | "multi" | "required" | null;
  columns: "single" | "multi" | null;
  cells: "single" | "multi" | null;
}

const ALL_MODES: readonly DataframeSelectionMode[] = ["single-row", "multi-row", "single-row-required", "single-column", "multi-column", "single-cell", "multi-cell"];

/** The modes asked for, checked with Streamlit's messages. */
export function parseSelectionMode(mode: DataframeSelectionMode | Iterable<DataframeSelectionMode>): Modes {
  const set = new Set<string>(typeof mode === "string" ? [mode] : mode && typeof mode === "object" && Symbol.iterator in mode ? [...mode] : [String(mode)]);
  if ([...set].some((m) => !ALL_MODES.includes(m as DataframeSelectionMode))) {
    const valid = `{${ALL_MODES.map((m) => pyRepr(m)).join(", ")}}`;
    throw new StreamlitAPIException(`Invalid selection mode: ${typeof mode === "string" ? mode : pyRepr(mode && typeof mode === "object" ? [...mode] : mode)}. Valid options are: ${valid}`);
  }
  const rowModes = ["single-row", "multi-row", "single-row-required"].filter((m) => set.has(m));
  if (rowModes.length > 1) {
    const message = rowModes.length === 2 && !set.has("single-row-required") ? "`single-row` or `multi-row`" : "`single-row`, `multi-row` or `single-row-required`";
    throw new StreamlitAPIException(`Only one of ${message} can be selected as selection mode.`);
  }
  for (const kind of ["column", "cell"]) {
    if (set.has(`single-${kind}`) && set.has(`multi-${kind}`)) {
      throw new StreamlitAPIException(`Only one of \`single-${kind}\` or \`multi-${kind}\` can be selected as selection mode.`);
    }
  }
  const pick = (kind: string) => (set.has(`multi-${kind}`) ? "multi" : set.has(`single-${kind}`) ? "single" : null);
  return { rows: set.has("single-row-required") ? "required" : pick("row"), columns: pick("column"), cells: pick("cell") };
}

/** The modes as Streamlit's parameter holds them, in a fixed order (part of the widget's identity). */
export const modeNames = (m: Modes): string[] =>
  [m.rows === "required" ? "single-row-required" : m.rows && `${m.rows}-row`, m.columns && `${m.columns}-column`, m.cells && `${m.cells}-cell`].filter((x): x is string => !!x);

/** What a selection is checked against: the modes, the data's row count and the columns shown. */
export interface SelectionFrame {
  modes: Modes;
  rowCount: number;
  columns: string[];
}

export const emptySelection = (): DataframeState => ({ selection: { rows: [], columns: [], cells: [] } });

const isRow = (f: SelectionFrame, r: unknown): r is number => Number.isInteger(r) && (r as number) >= 0 && (r as number) < f.rowCount;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Any value (one set through session state included) as a selection this table can show: what
 * names no row, column or enabled mode is dropped, a single mode keeps its first item, and
 * "single-row-required" always holds exactly one row (the first by default).
 */
export function normaliseSelection(f: SelectionFrame, value: unknown): DataframeState {
  const held = value && typeof value === "object" && "selection" in value ? (value as { selection: unknown }).selection : null;
  const sel = (held && typeof held === "object" ? held : {}) as Partial<Record<keyof DataframeSelection, unknown>>;
  const { modes, columns } = f;
  const rows = modes.rows ? [...new Set(list(sel.rows).filter((r) => isRow(f, r)))].sort((a, b) => a - b) : [];
  const cols = modes.columns ? columns.filter((c) => list(sel.columns).includes(c)) : [];
  const seen = new Set<string>();
  const cells: [number, string][] = [];
  if (modes.cells) {
    for (const cell of list(sel.cells)) {
      const [r, c] = list(cell);
      const k = JSON.stringify([r, c]);
      if (isRow(f, r) && typeof c === "string" && columns.includes(c) && !seen.has(k)) {
        seen.add(k);
        cells.push([r, c]);
      }
    }
    cells.sort((a, b) => a[0] - b[0] || columns.indexOf(a[1]) - columns.indexOf(b[1]));
  }
  const one = <T>(items: T[], mode: string | null) => (mode === "multi" ? items : items.slice(0, 1));
  const chosenRows = one(rows, modes.rows);
  if (modes.rows === "required" && chosenRows.length === 0 && f.rowCount > 0) chosenRows.push(0);
  return { selection: { rows: chosenRows, columns: one(cols, modes.columns), cells: one(cells, modes.cells) } };
}

/** The same selection, as text (to tell a changed value from the one it was). */
export const selectionText = (s: DataframeState) => JSON.stringify(s);

/**
 * The fields a page posts for a selection when nothing is changed: the state, the rows drawn
 * (`shown`, row positions), and each ticked control among them.
 */
export function selectionFields(f: SelectionFrame, s: DataframeState, shown: number[]): string[] {
  const { rows, columns, cells } = s.selection;
  const out = [`=${selectionText(s)}`, `shown=${shown.join(",")}`];
  const on = new Set(shown);
  for (const r of rows) if (on.has(r)) out.push(f.modes.rows === "multi" ? `r${r}=1` : `r=${r}`);
  for (const c of columns) out.push(f.modes.columns === "multi" ? `c${f.columns.indexOf(c)}=1` : `c=${f.columns.indexOf(c)}`);
  for (const [r, c] of cells) {
    const part = `${r}.${f.columns.indexOf(c)}`;
    if (on.has(r)) out.push(f.modes.cells === "multi" ? `x${part}=1` : `x=${part}`);
  }
  return out;
}

type Result = { value: DataframeState } | { error: string };
const UNREADABLE = { error: "The table's selection could not be read." };
const NO_SUCH = { error: "The table's selection names a row or column this table does not show." };

/** `<row>` or `<row>.<column>` as drawn on the posted page; null if it names nothing there. */
function target(f: SelectionFrame, shown: Set<number>, text: string, withColumn: boolean): [number, string | null] | null {
  const m = (withColumn ? /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,5})$/ : /^(0|[1-9]\d{0,8})$/).exec(text);
  if (!m || !shown.has(Number(m[1]))) return null;
  const column = withColumn ? f.columns[Number(m[2])] : null;
  return withColumn && column === undefined ? null : [Number(m[1]), column ?? null];
}

/**
 * A post of the selection (`<part>=<value>` entries, see the module comment) applied to the state
 * the page showed. All or nothing: a control that names what the page did not draw rejects it.
 */
export function applySelectionPost(f: SelectionFrame, entries: string[]): Result {
  const parts = new Map(entries.map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)] as const));
  let shownState: unknown;
  try {
    shownState = JSON.parse(parts.get("") ?? "");
  } catch {
    return UNREADABLE;
  }
  const before = normaliseSelection(f, shownState).selection;
  const shownText = parts.get("shown") ?? "";
  const shown = new Set(shownText === "" ? [] : shownText.split(",").map(Number));
  if ([...shown].some((r) => !isRow(f, r))) return UNREADABLE;
  const rows = f.modes.rows === "multi" ? before.rows.filter((r) => !shown.has(r)) : [...before.rows];
  const columns: string[] = [];
  const cells: [number, string][] = f.modes.cells === "multi" || !parts.has("x") ? before.cells.filter(([r]) => !shown.has(r)) : [];
  for (const [part, text] of parts) {
    if (part === "" || part === "shown" || part === "clear") continue;
    const kind = part[0];
    const multi = part.length > 1;
    const place = multi ? part.slice(1) : text;
    if (kind === "r" && f.modes.rows && multi === (f.modes.rows === "multi")) {
      const t = target(f, shown, place, false);
      if (!t) return NO_SUCH;
      if (multi) rows.push(t[0]);
      else rows.splice(0, rows.length, t[0]);
    } else if (kind === "c" && f.modes.columns && multi === (f.modes.columns === "multi") && /^(0|[1-9]\d{0,5})$/.test(place) && f.columns[Number(place)] !== undefined) {
      columns.push(f.columns[Number(place)]!);
    } else if (kind === "x" && f.modes.cells && multi === (f.modes.cells === "multi")) {
      const t = target(f, shown, place, true);
      if (!t) return NO_SUCH;
      cells.push([t[0], t[1]!]);
    } else return NO_SUCH;
  }
  const cleared = parts.has("clear");
  const next = cleared
    ? { rows: f.modes.rows === "required" ? rows : [], columns: [], cells: [] }
    : { rows, columns, cells };
  return { value: normaliseSelection(f, { selection: next }) };
}
