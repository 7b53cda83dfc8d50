/**
 * A selectable st.dataframe's widget: Streamlit's selection state under the author's key, its
 * identity, its check of `onSelect`, and the props its controls are drawn from.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { register } from "./register.ts";
import type { DataframeOptions, Table } from "./data.ts";
import { cellOf } from "./table-cells.ts";
import {
  applySelectionPost,
  modeNames,
  normaliseSelection,
  parseSelectionMode,
  selectionFields,
  selectionText,
  type DataframeState,
  type SelectionFrame,
} from "./dataframe-selection.ts";
import type { SelectionProps } from "./dataframe-selection-html.ts";

/** Streamlit's check of `onSelect`. */
export function checkOnSelect(onSelect: unknown): void {
  if (onSelect !== "ignore" && onSelect !== "rerun" && typeof onSelect !== "function") {
    throw new StreamlitAPIException(`You have passed ${String(onSelect)} to \`on_select\`. But only 'ignore', 'rerun', or a callable is supported.`);
  }
}

/** The data as its shown text: part of a selectable dataframe's identity (new data is a new widget without a key). */
const dataText = (t: Table, columns: string[]) => Array.from({ length: t.rowCount }, (_, r) => columns.map((col) => cellOf(t.cell(r, col)).t));

/** The selection widget: Streamlit's selection state under the author's key. */
export function selectionWidget(
  c: ContainerBase,
  t: Table,
  columns: string[],
  shown: number[],
  key: string | null,
  opts: DataframeOptions,
): { props: SelectionProps; value: DataframeState; error?: string } {
  const frame: SelectionFrame = { modes: parseSelectionMode(opts.selectionMode ?? "multi-row"), rowCount: t.rowCount, columns };
  const reg = register<DataframeState>(c, {
    elementType: "dataframe",
    key,
    idParams: { data: dataText(t, columns), column_order: columns, hide_index: opts.hideIndex ?? null, selection_mode: modeNames(frame.modes) },
    // with a key, only a new selection mode starts it afresh (the rows it names may go: see normalise)
    keyedIdParams: ["selection_mode"],
    style: "grid",
    initial: normaliseSelection(frame, opts.selectionDefault ?? null),
    hasDefault: opts.selectionDefault != null,
    settle(v) {
      const fit = normaliseSelection(frame, v);
      return selectionText(fit) === JSON.stringify(v) ? v : fit;
    },
    callback: typeof opts.onSelect === "function" ? { fn: opts.onSelect, args: [] } : null,
    parse(posted) {
      return applySelectionPost(frame, posted);
    },
    serialize(v) {
      return selectionFields(frame, normaliseSelection(frame, v), shown);
    },
  });
  // In an st.form the page shows the staged selection, not yet the script's value.
  const staged = reg.pending ? applySelectionPost(frame, reg.raw) : null;
  const state = staged && "value" in staged ? staged.value : normaliseSelection(frame, reg.value);
  return { props: { id: reg.id, modes: frame.modes, state, columns, shown, pending: reg.pending }, value: reg.value, error: reg.error };
}

