/**
 * The app's data as columns, whatever shape it came in (rows of objects, rows of arrays, plain
 * values, or an object of arrays), and the value rules the charts share: what counts as a number
 * or a gap, how a value reads as text, and which colours may go into the SVG.
 */
import { StreamlitAPIException, StreamlitError } from "../../engine/errors.ts";
import { dateText, pyRepr, pyType } from "../common.ts";

/** Streamlit's error for a column the data does not have (its wording). */
export class StreamlitColumnNotFoundError extends StreamlitError {
  constructor(column: string, available: string[]) {
    super(
      "StreamlitColumnNotFoundError",
      `Data does not have a column named \`"${column}"\`. Available columns are \`${available.join(", ")}\``,
    );
  }
}

// ---- values ---------------------------------------------------------------------------------------

/**
 * No point to plot: missing, a number a chart cannot place (NaN, ±Infinity; a table still shows
 * ±Infinity), or a Date that is no time (the Date's own NaN).
 */
export const isGap = (v: unknown) =>
  v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v)) || (v instanceof Date && Number.isNaN(v.getTime()));

/** The number a y/size value plots as: null for a gap; undefined when it is not a number at all. */
export function numeric(v: unknown): number | null | undefined {
  if (isGap(v)) return null;
  if (typeof v === "number") return v;
  return undefined;
}

/** A value as text (table cells, categories, series names). */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)))) : "";
  if (v instanceof Date) return dateText(v);
  if (typeof v === "string") return v;
  if (typeof v === "object") {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

// ---- columns --------------------------------------------------------------------------------------

export interface Columns {
  names: string[];
  get: (name: string) => unknown[];
  length: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);

/** Rows (objects, or arrays, or plain values) or columns (an object of arrays), as columns. */
export function columnsOf(data: unknown, fn: string): Columns {
  const cols = new Map<string, unknown[]>();
  let length = 0;
  const col = (name: string) => {
    let c = cols.get(name);
    if (!c) cols.set(name, (c = []));
    return c;
  };
  if (data === null || data === undefined) {
    // st.line_chart() without data: an empty chart
  } else if (Array.isArray(data)) {
    length = data.length;
    data.forEach((row, i) => {
      if (isRecord(row)) for (const [k, v] of Object.entries(row)) col(k)[i] = v;
      else if (Array.isArray(row)) row.forEach((v, j) => (col(String(j))[i] = v));
      else col("value")[i] = row;
    });
  } else if (isRecord(data)) {
    for (const [k, v] of Object.entries(data)) {
      if (!Array.isArray(v)) {
        throw new StreamlitAPIException(
          `${fn}: data given as columns must map each column name to an array of values, but column "${k}" is ${pyType(v)} ${pyRepr(v)}.`,
        );
      }
      cols.set(k, v);
      length = Math.max(length, v.length);
    }
  } else {
    throw new StreamlitAPIException(
      `${fn}: data must be rows (an array of objects) or columns (an object of arrays), not ${pyType(data)} ${pyRepr(data)}.`,
    );
  }
  const names = [...cols.keys()];
  return { names, length, get: (name) => cols.get(name) ?? [] };
}

// ---- colours --------------------------------------------------------------------------------------

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB = /^rgba?\(\s*\d{1,3}(?:\.\d+)?%?\s*(?:,\s*|\s+)\d{1,3}(?:\.\d+)?%?\s*(?:,\s*|\s+)\d{1,3}(?:\.\d+)?%?\s*(?:[,/]\s*(?:0|1|0?\.\d+|\d{1,3}%)\s*)?\)$/i;

/** A colour safe to put in an SVG attribute: hex or rgb()/rgba() only. */
export function isColor(s: unknown): s is string {
  return typeof s === "string" && (HEX.test(s) || RGB.test(s));
}
