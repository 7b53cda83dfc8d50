/**
 * st.dataframe's `columnConfig`: the same `st.columnConfig` types as st.dataEditor's, read-only
 * here. A column may be hidden (null), relabelled (a string) or given a type whose cells show a
 * number format, chips, JSON, an image, a progress bar, a sparkline or a link; `_index` names the
 * index column.
 */
import { dataKindOf, formatNumber, normaliseConfig, type ColumnConfig, type ColumnConfigInput, type TypeConfig } from "./data-editor-columns.ts";
import { displayHtml } from "./data-cell-display.ts";
import { cellOf, type Cell } from "./table-cells.ts";
import { pinnedFirst, type ColumnPlacing } from "./data-column-layout.ts";

/** Streamlit's name for the index column in a column config. */
export const INDEX_COLUMN = "_index";

/** A column as the table shows it. */
export interface ShownColumn extends ColumnPlacing {
  name: string;
  label: string;
  help?: string;
  config: TypeConfig | null;
  /** the column holds whole numbers only (a progress bar then runs to 100) */
  integers: boolean;
}

/** The author's configs by column name, normalised (Streamlit's messages for a bad one). */
export function readConfigs(input: ColumnConfigInput | null | undefined): Record<string, ColumnConfig> {
  const out: Record<string, ColumnConfig> = {};
  for (const [name, config] of Object.entries(input ?? {})) out[name] = normaliseConfig(name, config);
  return out;
}

/** The columns shown, in order (the pinned ones first), without the hidden ones. */
export function shownColumns(names: string[], configs: Record<string, ColumnConfig>, valuesOf: (name: string) => unknown[]): ShownColumn[] {
  const shown = names
    .filter((name) => configs[name]?.hidden !== true)
    .map((name) => {
      const c = configs[name] ?? {};
      const config = c.typeConfig ?? null;
      const integers = config?.type === "progress" && dataKindOf(valuesOf(name)) === "integer";
      return { name, label: c.label ?? name, help: c.help ?? undefined, config, integers, pinned: c.pinned === true, alignment: c.alignment ?? undefined, width: c.width ?? undefined };
    });
  return pinnedFirst(shown);
}

/** A cell of a configured column: its number format, or the HTML its type shows. */
export function shownCell(col: ShownColumn, v: unknown): Cell {
  const base = cellOf(v);
  const tc = col.config;
  if (!tc) return base;
  if (tc.type === "number" && typeof v === "number" && Number.isFinite(v)) return { t: formatNumber(v, tc.format), n: 1 };
  const h = displayHtml(tc, v, col.integers);
  if (h === null) return base;
  // (a progress bar or sparkline is not a number to right-align)
  return h === "" ? { t: "" } : { t: base.t, h };
}
