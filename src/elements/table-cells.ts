/**
 * A table cell as text, shared by st.table and st.dataframe: what a value shows (numbers
 * right-aligned, missing values empty), and, for a configured column, the HTML it shows instead.
 */
import type { Html } from "../render/html.ts";
import { dateText, toText } from "./common.ts";

/** A cell: its text, whether it is a number (right-aligned), and HTML shown in place of the text. */
export type Cell = { t: string; n?: 1; h?: Html };

/** A cell shown empty: missing, or NaN (±Infinity is shown, unlike in a chart, where it is a gap). */
export const isBlankCell = (v: unknown) =>
 v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));

/** A cell as text (null and undefined as empty) and whether it is a number (right-aligned). */
export function cellOf(v: unknown): Cell {
  if (isBlankCell(v)) return { t: "" };
  if (typeof v === "number" || typeof v === "bigint") return { t: String(v), n: 1 };
  if (typeof v === "string") return { t: v };
  if (v instanceof Date) return { t: dateText(v) };
  if (typeof v === "object") {
    try {
      return { t: JSON.stringify(v) ?? toText(v) };
    } catch {
      return { t: toText(v) }; // a cycle: never "[object Object]"
    }
  }
  return { t: String(v) };
}

