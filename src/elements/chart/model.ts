/**
 * From the app's data to what a chart draws: columns found in rows or columns, the x, y, color and
 * size columns resolved (with Streamlit's errors for missing or non-numeric columns), series split,
 * big data thinned, and the accessible name, description and data table worked out. The result is
 * plain data (a node's props); chart/svg.ts draws it.
 */
import { StreamlitAPIException, StreamlitError } from "../../engine/errors.ts";
import { pyRepr, pyType } from "../common.ts";
import { formatNumber } from "./scale.ts";
import { columnsOf, isColor, isGap, numeric, StreamlitColumnNotFoundError, valueText, type Columns } from "./columns.ts";
import { timeOf, timeText } from "./time.ts";

export type ChartKind = "line" | "bar" | "area" | "scatter";

export interface ChartOptions {
  /** the column on the x axis (default: the row index) */
  x?: string;
  /** the column(s) plotted (default: every numeric column but x) */
  y?: string | string[];
  /**
   * a column whose values split the data into series; or, as in Streamlit, a colour ("#ff4b4b",
   * "rgb(255, 75, 75)") or one colour per series
   */
  color?: string | string[];
  /** st.scatterChart: a numeric column giving each point's size, or one size (area in px²) for all */
  size?: string | number;
  /** bar and area charts: stack the series (default: stacked, as Streamlit; `false` groups bars, overlaps areas) */
  stack?: boolean;
  xLabel?: string;
  yLabel?: string;
  /** width in pixels (default: the container's width, the chart scaling with it) */
  width?: number;
  /** height in pixels (default 300) */
  height?: number;
  /** a title for the chart (also its accessible name) */
  title?: string;
}

/** [x, y, size]: x is a number, on a time axis ms since the epoch, on a band axis the category's index; y null is a gap. */
export type Point = [x: number, y: number | null, size?: number | null];

export interface Series {
  name: string;
  /** a user colour (validated), or null for the palette */
  color: string | null;
  points: Point[];
}

export interface ChartSpec {
  kind: ChartKind;
  id: string;
  title: string;
  /** a visible caption: only when the app gave a title */
  caption: string | null;
  desc: string;
  xLabel: string | null;
  yLabel: string | null;
  /** the legend's title (the color column), if any */
  legendTitle: string | null;
  width: number | null;
  height: number;
  /** how x is drawn: numbers (linear), dates and times (time, in UTC), or categories (band) */
  x: { type: "linear"; integer: boolean } | { type: "time" } | { type: "band"; categories: string[] };
  series: Series[];
  stacked: boolean;
  /** scatter: every point's area in px², when \`size\` is a number */
  pointSize: number | null;
  /** shown in the plot when there is nothing to draw */
  message: string | null;
  table: { headers: string[]; rows: string[][]; total: number };
}

/** Points drawn at most; beyond this rows are thinned evenly (and the description says so). */
export const MAX_POINTS = 5000;
/** Rows in the data table at most. */
export const MAX_TABLE_ROWS = 1000;

const KIND_NAMES: Record<ChartKind, string> = { line: "Line", bar: "Bar", area: "Area", scatter: "Scatter" };
const INDEX = "index";

// ---- the chart ------------------------------------------------------------------------------------

function resolveColumn(cols: Columns, name: unknown, what: string, fn: string): string {
  if (typeof name !== "string") {
    throw new StreamlitAPIException(`${fn}: \`${what}\` must be a column name (a string), not ${pyType(name)} ${pyRepr(name)}.`);
  }
  if (!cols.names.includes(name)) throw new StreamlitColumnNotFoundError(name, cols.names);
  return name;
}

function isNumericColumn(values: unknown[], length: number): boolean {
  let any = false;
  for (let i = 0; i < length; i++) {
    const n = numeric(values[i]);
    if (n === undefined) return false;
    if (n !== null) any = true;
  }
  return any;
}

/** Throws Streamlit-style when a column meant for numbers holds something else. */
function requireNumeric(values: unknown[], length: number, column: string, role: string, fn: string): void {
  for (let i = 0; i < length; i++) {
    if (numeric(values[i]) === undefined) {
      const v = typeof values[i] === "string" && (values[i] as string).length > 40 ? (values[i] as string).slice(0, 40) + "…" : values[i];
      const shown = v instanceof Date ? `${pyRepr(valueText(v))} (datetime)` : `${pyRepr(v)} (${pyType(v)})`;
      throw new StreamlitAPIException(
        `${fn} cannot plot column "${column}" on the ${role}: its values must be numbers (or null for a gap), ` +
          `but row ${i} holds ${shown}.` +
          (role === "y axis" ? " Pass `y` to choose numeric columns." : ""),
      );
    }
  }
}

function plural(n: number, one: string, many = one + "s"): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return n + s;
}

/** The columns a chart's options name, resolved and checked. */
interface Channels {
  xCol: string | null;
  /** the column whose values split the series, if `color` names one */
  colorCol: string | null;
  /** the colours `color` gave instead, if any */
  userColors: string[] | null;
  sizeCol: string | null;
  sizeConst: number | null;
  yCols: string[];
}

/** `color`: a column, a colour, or colours (one per y column). */
function colorChannel(cols: Columns, color: ChartOptions["color"], fn: string): Pick<Channels, "colorCol" | "userColors"> {
  if (color == null) return { colorCol: null, userColors: null };
  if (typeof color === "string" && cols.names.includes(color)) return { colorCol: color, userColors: null };
  const list = Array.isArray(color) ? color : [color];
  for (const c of list) {
    if (!isColor(c)) {
      throw new StreamlitAPIException(
        `${fn}: this does not look like a valid color argument: \`${valueText(c)}\`. \`color\` takes the name of a column ` +
          `(${cols.names.length ? `available: ${cols.names.join(", ")}` : "the data has none"}), a hex colour ("#ff4b4b") or an rgb() colour, or a list of colours (one per y column).`,
      );
    }
  }
  return { colorCol: null, userColors: list as string[] };
}

/** `size` (scatter only): a numeric column, or one size for every point. */
function sizeChannel(kind: ChartKind, cols: Columns, size: ChartOptions["size"], fn: string): Pick<Channels, "sizeCol" | "sizeConst"> {
  if (kind !== "scatter" || size == null) return { sizeCol: null, sizeConst: null };
  if (typeof size === "number") {
    if (!(size > 0) || !Number.isFinite(size)) throw new StreamlitAPIException(`${fn}: \`size\` must be a positive number or a column name, not ${pyRepr(size)}.`);
    return { sizeCol: null, sizeConst: size };
  }
  const sizeCol = resolveColumn(cols, size, "size", fn);
  requireNumeric(cols.get(sizeCol), cols.length, sizeCol, "size channel", fn);
  return { sizeCol, sizeConst: null };
}

/** x, color, size, then y (by default every numeric column the others do not use). */
function resolveChannels(kind: ChartKind, cols: Columns, opts: ChartOptions, fn: string): Channels {
  const xCol = opts.x == null ? null : resolveColumn(cols, opts.x, "x", fn);
  const { colorCol, userColors } = colorChannel(cols, opts.color, fn);
  const { sizeCol, sizeConst } = sizeChannel(kind, cols, opts.size, fn);
  const used = new Set([xCol, colorCol, sizeCol].filter((c): c is string => c !== null));
  let yCols: string[];
  if (opts.y == null) {
    yCols = cols.names.filter((c) => !used.has(c) && isNumericColumn(cols.get(c), cols.length));
  } else {
    const list = Array.isArray(opts.y) ? opts.y : [opts.y];
    yCols = [...new Set(list.map((c) => resolveColumn(cols, c, "y", fn)))];
    for (const c of yCols) requireNumeric(cols.get(c), cols.length, c, "y axis", fn);
  }
  if (userColors && userColors.length !== yCols.length && !(userColors.length === 1 && yCols.length <= 1)) {
    throw new StreamlitError(
      "StreamlitColorLengthError",
      `The list of colors \`${pyRepr(userColors)}\` must have the same length as the list of columns to be colored \`${pyRepr(yCols)}\`.`,
    );
  }
  return { xCol, colorCol, userColors, sizeCol, sizeConst, yCols };
}

/** Big data thinned: every k-th row, first and last kept, so that at most MAX_POINTS are drawn. */
function thinnedRows(cols: Columns, yCols: string[]): { rows: number[]; stride: number; points: number } {
  const n = cols.length;
  let points = 0;
  for (const c of yCols) {
    const v = cols.get(c);
    for (let i = 0; i < n; i++) if (numeric(v[i]) != null) points++;
  }
  const stride = points > MAX_POINTS ? Math.ceil(points / MAX_POINTS) : 1;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (i % stride === 0 || i === n - 1) rows.push(i);
  return { rows, stride, points };
}

type XScale = "linear" | "time" | "band";

/** Whether every present x is a date or a time (and one at least is): then x is a time axis. */
function allTimes(xValues: unknown[], rows: number[]): boolean {
  let any = false;
  for (const i of rows) {
    if (isGap(xValues[i])) continue;
    if (timeOf(xValues[i]) === undefined) return false;
    any = true;
  }
  return any;
}

/**
 * The x scale: numbers are linear (bars: a band of the sorted values); dates and times (Date
 * objects, ISO date strings) are a time axis, x being ms since the epoch; anything else, mixed
 * dates and text included, is a band in order of appearance. `xOf` gives a row's position (null
 * when its x is missing).
 */
function xAxis(kind: ChartKind, xValues: unknown[] | null, rows: number[]): { scale: XScale; categories: string[]; xOf: (i: number) => number | null } {
  const raw = (i: number) => (xValues ? xValues[i] : i);
  if (xValues && allTimes(xValues, rows)) return { scale: "time", categories: [], xOf: (i) => (isGap(raw(i)) ? null : timeOf(raw(i))!) };
  const allNumbers = xValues === null || rows.every((i) => isGap(xValues[i]) || typeof xValues[i] === "number");
  if (kind !== "bar" && allNumbers) return { scale: "linear", categories: [], xOf: (i) => (isGap(raw(i)) ? null : (raw(i) as number)) };
  const present = rows.filter((i) => !isGap(raw(i)));
  if (allNumbers) present.sort((a, b) => (raw(a) as number) - (raw(b) as number));
  const catIndex = new Map<string, number>();
  for (const i of present) {
    const key = valueText(raw(i));
    if (!catIndex.has(key)) catIndex.set(key, catIndex.size);
  }
  return { scale: "band", categories: [...catIndex.keys()], xOf: (i) => (isGap(raw(i)) ? null : catIndex.get(valueText(raw(i)))!) };
}

/** One series per y column, split by the color column's values. */
function splitSeries(cols: Columns, ch: Channels, rows: number[], xOf: (i: number) => number | null): Series[] {
  const series: Series[] = [];
  const byName = new Map<string, Series>();
  const colorValues = ch.colorCol ? cols.get(ch.colorCol) : null;
  const sizeValues = ch.sizeCol ? cols.get(ch.sizeCol) : null;
  ch.yCols.forEach((y, yi) => {
    const values = cols.get(y);
    for (const i of rows) {
      const name = colorValues ? (ch.yCols.length > 1 ? `${y}, ${valueText(colorValues[i]) || "null"}` : valueText(colorValues[i]) || "null") : y;
      let s = byName.get(name);
      if (!s) {
        s = { name, color: ch.userColors ? (ch.userColors[yi] ?? ch.userColors[0]!) : null, points: [] };
        byName.set(name, s);
        series.push(s);
      }
      const x = xOf(i);
      if (x === null) continue;
      const p: Point = [x, numeric(values[i]) ?? null];
      if (sizeValues) p.push(numeric(sizeValues[i]) ?? null);
      s.points.push(p);
    }
  });
  return series;
}

/** "from lo to hi" (or the one value) of some numbers, each written by `text`. */
function spanText(values: Iterable<number>, text: (v: number) => string = formatNumber): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo === hi ? text(lo) : `from ${text(lo)} to ${text(hi)}`;
}

/** What the chart shows, in words (its accessible description). */
function describeChart(o: { kind: ChartKind; series: Series[]; xs: number[]; xName: string; scale: XScale; categories: string[]; stacked: boolean; thinning: string | null }): string {
  const { series, xName, categories } = o;
  const values = (s: Series) => s.points.map((p) => p[1]).filter((v): v is number => v !== null);
  const parts = [`${plural(series.length, "series", "series")} over ${plural(new Set(o.xs).size, "point")}`];
  const shown = series.slice(0, 5).map((s) => (values(s).length ? `${s.name} ${spanText(values(s))}` : `${s.name} has no values`));
  if (series.length > 5) shown.push(`and ${plural(series.length - 5, "more series", "more series")}`);
  parts.push(shown.join("; "));
  if (o.scale !== "band") parts.push(`${xName} ${spanText(o.xs, o.scale === "time" ? timeText : formatNumber)}`);
  else if (categories.length) parts.push(`${xName}${categories.length > 1 ? ` from ${categories[0]} to ${categories[categories.length - 1]}` : `: ${categories[0]}`}`);
  if (o.stacked && series.length > 1) parts.push(o.kind === "bar" ? "bars stacked" : "areas stacked");
  if (o.thinning) parts.push(o.thinning);
  return parts.join("; ") + ".";
}

/** The data table: the columns the chart uses, every row up to MAX_TABLE_ROWS (times as a person reads them). */
function dataTable(cols: Columns, ch: Channels, xName: string, scale: XScale): ChartSpec["table"] {
  const xValues = ch.xCol ? cols.get(ch.xCol) : null;
  const tableCols = [...new Set([...ch.yCols, ...(ch.colorCol ? [ch.colorCol] : []), ...(ch.sizeCol ? [ch.sizeCol] : [])])].filter((c) => c !== ch.xCol);
  const rows: string[][] = [];
  for (let i = 0; i < Math.min(cols.length, MAX_TABLE_ROWS); i++) {
    const x = xValues ? xValues[i] : i;
    rows.push([scale === "time" && !isGap(x) ? timeText(timeOf(x)!) : valueText(x), ...tableCols.map((c) => valueText(cols.get(c)[i]))]);
  }
  return { headers: [xName, ...tableCols], rows, total: cols.length };
}

/** Builds what a chart draws; throws StreamlitAPIException-style errors for bad arguments. */
export function buildChart(kind: ChartKind, data: unknown, opts: ChartOptions, id: string): ChartSpec {
  const fn = `st.${kind}_chart`;
  opts = opts ?? {};
  const cols = columnsOf(data, fn);
  const n = cols.length;
  const ch = resolveChannels(kind, cols, opts, fn);
  const { xCol, colorCol, yCols } = ch;
  const xName = xCol ?? INDEX;
  const xValues = xCol ? cols.get(xCol) : null;
  const { rows, stride, points } = thinnedRows(cols, yCols);
  const { scale, categories, xOf } = xAxis(kind, xValues, rows);
  const series = splitSeries(cols, ch, rows, xOf);
  if (scale !== "band" && kind !== "scatter") for (const s of series) s.points.sort((a, b) => a[0] - b[0]);
  const stacked = (kind === "area" || kind === "bar") && opts.stack !== false;

  // x of every point that has a value: how many there are, at how many places, over what span
  const xs = series.flatMap((s) => s.points.filter((p) => p[1] !== null).map((p) => p[0]));
  const plotted = xs.length;
  const message = n === 0 ? "No data to display." : !yCols.length ? "No numeric columns to plot." : !plotted ? "No values to plot." : null;
  const thinning = stride > 1 ? `showing every ${ordinal(stride)} row: ${formatNumber(rows.length)} of ${formatNumber(n)} rows, ${formatNumber(plotted)} of ${formatNumber(points)} points` : null;
  const yText = yCols.length ? yCols.join(", ") : "no columns";
  return {
    kind,
    id,
    title: opts.title ?? `${KIND_NAMES[kind]} chart of ${yText} by ${xName}${colorCol ? `, per ${colorCol}` : ""}`,
    caption: opts.title ?? null,
    desc: message ?? describeChart({ kind, series, xs, xName, scale, categories, stacked, thinning }),
    xLabel: opts.xLabel ?? xCol,
    yLabel: opts.yLabel ?? (yCols.length === 1 || (opts.y !== undefined && yCols.length) ? yCols.join(", ") : null),
    legendTitle: colorCol,
    width: opts.width == null ? null : dimension(opts.width, "width", fn, 120),
    height: opts.height == null ? 300 : dimension(opts.height, "height", fn, 80),
    x: scale === "band" ? { type: "band", categories } : scale === "time" ? { type: "time" } : { type: "linear", integer: xCol === null || rows.every((i) => isGap(xValues![i]) || Number.isInteger(xValues![i])) },
    series,
    stacked,
    pointSize: ch.sizeConst,
    message,
    table: dataTable(cols, ch, xName, scale),
  };
}

function dimension(v: unknown, what: string, fn: string, min: number): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
    throw new StreamlitAPIException(`${fn}: \`${what}\` must be a positive number of pixels, not ${pyRepr(v)}.`);
  }
  return Math.max(min, Math.min(4000, Math.round(v)));
}
