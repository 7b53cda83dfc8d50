/**
 * st.dataframe's view: how its rows sort (numbers numerically, text by locale, missing values
 * last) and the view state `<col>:<dir>:<page>` its sort headers and page buttons post.
 */
import type { Table } from "./data.ts";
import { cellOf, isBlankCell } from "./table-cells.ts";

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
    const ma = isBlankCell(a);
    const mb = isBlankCell(b);
    if (ma || mb) return ma === mb ? 0 : ma ? 1 : -1;
    return sign * compareValues(a, b);
  });
  return order;
}

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

export const FIRST_VIEW: DataframeView = { col: "", dir: "", page: 1 };

/** The view a click on a column's header leads to: ascending, then descending, then unsorted. */
export function nextSort(view: DataframeView, col: string): DataframeView {
  if (view.col !== col) return { col, dir: "asc", page: 1 };
  if (view.dir === "asc") return { col, dir: "desc", page: 1 };
  return { col: "", dir: "", page: 1 };
}

