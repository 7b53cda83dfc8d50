/**
 * A selectable st.dataframe's controls, plain form controls that work without JavaScript: a
 * column of checkboxes (or radio buttons) for rows, one in each column's header for columns, one
 * in each cell for cells, and a Clear selection button. A row's cells are labels of its control,
 * and a cell's text is its own control's label, so a click on the row or cell (the header for a
 * column) toggles it; the client script posts every change at once, so with it a click selects.
 */
import { html, type Html } from "../render/html.ts";
import { GRID_PART } from "../engine/submission.ts";
import { domId } from "./common.ts";
import type { DataframeState, Modes } from "./dataframe-selection.ts";

export interface SelectionProps {
  id: string;
  modes: Modes;
  /** the selection the page shows (a staged one in an st.form) */
  state: DataframeState;
  /** the columns shown, in order: a control names its column by its place here */
  columns: string[];
  /** the row positions drawn on this page */
  shown: number[];
  pending: boolean;
}

const field = (s: SelectionProps, part: string) => s.id + GRID_PART + part;
const rowControlId = (s: SelectionProps, row: number) => `${domId(s.id)}-r${row}`;
const checked = (on: boolean) => on && html` checked`;

/** A checkbox (several may be chosen) or radio button (one), named for the part it selects. */
function control(s: SelectionProps, multi: boolean, kind: string, place: string, on: boolean, label: string, cls: string, id?: string): Html {
  const idAttr = id ? html` id="${id}"` : "";
  return multi
    ? html`<input type="checkbox" class="${cls}"${idAttr} name="${field(s, kind + place)}" value="1" aria-label="${label}"${checked(on)}>`
    : html`<input type="radio" class="${cls}"${idAttr} name="${field(s, kind)}" value="${place}" aria-label="${label}"${checked(on)}>`;
}

/** The hidden fields: the selection shown, and which rows this page drew. */
export const selectionHidden = (s: SelectionProps): Html =>
  html`<input type="hidden" name="${s.id}" value="${JSON.stringify(s.state)}"><input type="hidden" name="${field(s, "shown")}" value="${s.shown.join(",")}">`;

/** The header of the rows' column of controls. */
export const rowSelectHead = (s: SelectionProps): Html | "" =>
  s.modes.rows ? html`<th scope="col" class="fl-pick-col"><span class="fl-sr-only">Select</span></th>` : "";

/** A row's control, first in its row. */
export function rowSelectCell(s: SelectionProps, row: number): Html | "" {
  if (!s.modes.rows) return "";
  const on = s.state.selection.rows.includes(row);
  return html`<td class="fl-pick-col">${control(s, s.modes.rows === "multi", "r", String(row), on, `Select row ${row}`, "fl-pick fl-pick-row", rowControlId(s, row))}</td>`;
}

/** A column's header (`attrs`: its class and style) with its control: the column name is its label (sorting is off, as in Streamlit). */
export function columnSelectHead(s: SelectionProps, head: { label: string; help?: string }, i: number, attrs: Html | "" | false | undefined): Html {
  const on = s.state.selection.columns.includes(s.columns[i]!);
  const box = control(s, s.modes.columns === "multi", "c", String(i), on, `Select column ${head.label}`, "fl-pick", undefined);
  return html`<th scope="col"${attrs}${head.help && html` title="${head.help}"`}><label class="fl-pick-head">${box}<span>${head.label}</span></label></th>`;
}

/** A body cell (`attrs`: its class and style): its own control when cells can be selected, else a label of its row's control. */
export function selectableCell(s: SelectionProps, row: number, i: number, text: Html | string, attrs: Html | "" | false | undefined): Html {
  const col = s.columns[i]!;
  if (s.modes.cells) {
    const on = s.state.selection.cells.some(([r, c]) => r === row && c === col);
    const box = control(s, s.modes.cells === "multi", "x", `${row}.${i}`, on, `Select cell ${col}, row ${row}`, "fl-pick fl-pick-cell", undefined);
    return html`<td${attrs}><label class="fl-pick-label">${box}${text}</label></td>`;
  }
  if (s.modes.rows) return html`<td${attrs}><label class="fl-pick-label" for="${rowControlId(s, row)}">${text}</label></td>`;
  return html`<td${attrs}>${text}</td>`;
}

/** Clear selection: a submit button (a row that must stay selected stays). */
export function clearButton(s: SelectionProps): Html | "" {
  const { rows, columns, cells } = s.modes;
  if (!((rows && rows !== "required") || columns || cells)) return "";
  return html`<button type="submit" class="fl-page-button fl-pick-clear" name="${field(s, "clear")}" value="1">Clear selection</button>`;
}

/** This part's CSS: chosen rows, columns and cells take the accent's tint; a cell's box is hidden but focusable. */
export const selectionCss = `
.fl-pick{accent-color:var(--fl-accent-text);margin:0;cursor:pointer}
.fl-table td.fl-pick-col,.fl-table th.fl-pick-col{min-width:0;width:2rem;text-align:center}
.fl-pick-label{display:block;cursor:pointer;margin:-.3rem -.75rem;padding:.3rem .75rem}
.fl-pick-head{display:inline-flex;gap:.4rem;align-items:center;cursor:pointer}
.fl-pick-cell{position:absolute;opacity:0;width:1px;height:1px}
.fl-table tr:has(.fl-pick-row:checked)>*,.fl-table td:has(.fl-pick-cell:checked){background:color-mix(in srgb,var(--fl-accent) 14%,transparent)}
.fl-table td:has(.fl-pick-cell:focus-visible){outline:2px solid var(--fl-focus);outline-offset:-2px}
.fl-pick-clear{margin-left:auto}
`;
