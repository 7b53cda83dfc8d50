/**
 * From the app's data to what a chart draws: columns found in rows or columns, the x, y, color and
 * size columns resolved (with Streamlit's errors for missing or non-numeric columns), series split,
 * big data thinned, and the accessible name, description and data table worked out. The result is
 * plain data (a node's props); chart/svg.ts draws it.
 */
import { StreamlitAPIException, StreamlitError } from "../../engine/errors.ts";
import { pyRepr, pyType } from "../common.ts";
import { formatNumber } from "./scale.ts";
import { columnsOf, isColor, isMissing, numeric, StreamlitColumnNotFoundError, valueText, type Columns } from "./columns.ts";

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

/** [x, y, size]: x is a number or, on a band axis, the category's index; y null is a gap. */
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
  x: { type: "linear"; integer: boolean } | { type: "band"; categories: string[] };
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

/** Builds what a chart draws; throws StreamlitAPIException-style errors for bad arguments. */
export function buildChart(kind: ChartKind, data: unknown, opts: ChartOptions, id: string): ChartSpec {
  const fn = `st.${kind}_chart`;
  opts = opts ?? {};
  const cols = columnsOf(data, fn);
  const n = cols.length;

  // x
  const xCol = opts.x === undefined || opts.x === null ? null : resolveColumn(cols, opts.x, "x", fn);
  const xName = xCol ?? INDEX;

  // color: a column, a colour, or colours
  let colorCol: string | null = null;
  let userColors: string[] | null = null;
  if (opts.color !== undefined && opts.color !== null) {
    if (typeof opts.color === "string" && cols.names.includes(opts.color)) colorCol = opts.color;
    else {
      const list = Array.isArray(opts.color) ? opts.color : [opts.color];
      for (const c of list) {
        if (!isColor(c)) {
          throw new StreamlitAPIException(
            `${fn}: this does not look like a valid color argument: \`${valueText(c)}\`. \`color\` takes the name of a column ` +
              `(${cols.names.length ? `available: ${cols.names.join(", ")}` : "the data has none"}), a hex colour ("#ff4b4b") or an rgb() colour, or a list of colours (one per y column).`,
          );
        }
      }
      userColors = list as string[];
    }
  }

  // size (scatter)
  let sizeCol: string | null = null;
  let sizeConst: number | null = null;
  if (kind === "scatter" && opts.size !== undefined && opts.size !== null) {
    if (typeof opts.size === "number") {
      if (!(opts.size > 0) || !Number.isFinite(opts.size)) throw new StreamlitAPIException(`${fn}: \`size\` must be a positive number or a column name, not ${pyRepr(opts.size)}.`);
      sizeConst = opts.size;
    } else {
      sizeCol = resolveColumn(cols, opts.size, "size", fn);
      requireNumeric(cols.get(sizeCol), n, sizeCol, "size channel", fn);
    }
  }

  // y
  const used = new Set([xCol, colorCol, sizeCol].filter((c): c is string => c !== null));
  let yCols: string[];
  if (opts.y === undefined || opts.y === null) {
    yCols = cols.names.filter((c) => !used.has(c) && isNumericColumn(cols.get(c), n));
  } else {
    const list = Array.isArray(opts.y) ? opts.y : [opts.y];
    yCols = [...new Set(list.map((c) => resolveColumn(cols, c, "y", fn)))];
    for (const c of yCols) requireNumeric(cols.get(c), n, c, "y axis", fn);
  }
  if (userColors && userColors.length !== yCols.length && !(userColors.length === 1 && yCols.length <= 1)) {
    throw new StreamlitError(
      "StreamlitColorLengthError",
      `The list of colors \`${pyRepr(userColors)}\` must have the same length as the list of columns to be colored \`${pyRepr(yCols)}\`.`,
    );
  }

  // thin big data: every k-th row, first and last kept
  const xValues = xCol ? cols.get(xCol) : null;
  let points = 0;
  for (const c of yCols) {
    const v = cols.get(c);
    for (let i = 0; i < n; i++) if (numeric(v[i]) !== null && numeric(v[i]) !== undefined) points++;
  }
  const stride = points > MAX_POINTS ? Math.ceil(points / MAX_POINTS) : 1;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (i % stride === 0 || i === n - 1) rows.push(i);

  // x scale: numbers -> linear (bars: a band of the sorted values); anything else -> a band in order of appearance
  const xAllNumbers = xValues === null || rows.every((i) => isMissing(xValues[i]) || typeof xValues[i] === "number");
  const band = kind === "bar" || !xAllNumbers;
  let categories: string[] = [];
  const catIndex = new Map<string, number>();
  const xOf: (i: number) => number | null = (() => {
    const raw = (i: number) => (xValues ? xValues[i] : i);
    if (!band) return (i) => (isMissing(raw(i)) ? null : (raw(i) as number));
    const present = rows.filter((i) => !isMissing(raw(i)));
    if (xAllNumbers) present.sort((a, b) => (raw(a) as number) - (raw(b) as number));
    for (const i of present) {
      const key = valueText(raw(i));
      if (!catIndex.has(key)) catIndex.set(key, catIndex.size);
    }
    categories = [...catIndex.keys()];
    return (i) => (isMissing(raw(i)) ? null : catIndex.get(valueText(raw(i)))!);
  })();

  // series: one per y column, split by the color column's values
  const series: Series[] = [];
  const byName = new Map<string, Series>();
  const colorValues = colorCol ? cols.get(colorCol) : null;
  const sizeValues = sizeCol ? cols.get(sizeCol) : null;
  yCols.forEach((y, yi) => {
    const values = cols.get(y);
    for (const i of rows) {
      const name = colorValues ? (yCols.length > 1 ? `${y}, ${valueText(colorValues[i]) || "null"}` : valueText(colorValues[i]) || "null") : y;
      let s = byName.get(name);
      if (!s) {
        s = { name, color: userColors ? (userColors[yi] ?? userColors[0]!) : null, points: [] };
        byName.set(name, s);
        series.push(s);
      }
      const x = xOf(i);
      if (x === null) continue;
      const v = numeric(values[i]) ?? null;
      const p: Point = [x, v];
      if (sizeValues) p.push(numeric(sizeValues[i]) ?? null);
      s.points.push(p);
    }
  });
  if (!band && kind !== "scatter") for (const s of series) s.points.sort((a, b) => a[0] - b[0]);

  const stacked = kind === "area" ? opts.stack !== false : kind === "bar" ? opts.stack !== false : false;

  // labels, title, description
  const yText = yCols.length ? yCols.join(", ") : "no columns";
  const xLabel = opts.xLabel ?? xCol;
  const yLabel = opts.yLabel ?? (yCols.length === 1 || (opts.y !== undefined && yCols.length) ? yCols.join(", ") : null);
  const title = opts.title ?? `${KIND_NAMES[kind]} chart of ${yText} by ${xName}${colorCol ? `, per ${colorCol}` : ""}`;

  const plotted = series.reduce((a, s) => a + s.points.filter((p) => p[1] !== null).length, 0);
  let message: string | null = null;
  if (n === 0) message = "No data to display.";
  else if (!yCols.length) message = "No numeric columns to plot.";
  else if (!plotted) message = "No values to plot.";

  const parts: string[] = [];
  if (!message) {
    const positions = new Set(series.flatMap((s) => s.points.filter((p) => p[1] !== null).map((p) => p[0]))).size;
    parts.push(`${plural(series.length, "series", "series")} over ${plural(positions, "point")}`);
    const shown = series.slice(0, 5).map((s) => {
      const ys = s.points.map((p) => p[1]).filter((v): v is number => v !== null);
      if (!ys.length) return `${s.name} has no values`;
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of ys) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      return lo === hi ? `${s.name} ${formatNumber(lo)}` : `${s.name} from ${formatNumber(lo)} to ${formatNumber(hi)}`;
    });
    if (series.length > 5) shown.push(`and ${plural(series.length - 5, "more series", "more series")}`);
    parts.push(shown.join("; "));
    if (band) {
      if (categories.length) {
        const ends = categories.length > 1 ? ` from ${categories[0]} to ${categories[categories.length - 1]}` : `: ${categories[0]}`;
        parts.push(`${xName}${ends}`);
      }
    } else {
      let lo = Infinity;
      let hi = -Infinity;
      for (const s of series) for (const p of s.points) if (p[1] !== null) (lo = Math.min(lo, p[0])), (hi = Math.max(hi, p[0]));
      parts.push(lo === hi ? `${xName} ${formatNumber(lo)}` : `${xName} from ${formatNumber(lo)} to ${formatNumber(hi)}`);
    }
    if (stacked && series.length > 1) parts.push(kind === "bar" ? "bars stacked" : "areas stacked");
    if (stride > 1) parts.push(`showing every ${ordinal(stride)} row: ${formatNumber(rows.length)} of ${formatNumber(n)} rows, ${formatNumber(plotted)} of ${formatNumber(points)} points`);
  }
  const desc = message ?? parts.join("; ") + ".";

  // the data table: the columns the chart uses, every row up to MAX_TABLE_ROWS
  const tableCols = [...new Set([...yCols, ...(colorCol ? [colorCol] : []), ...(sizeCol ? [sizeCol] : [])])].filter((c) => c !== xCol);
  const tableRows: string[][] = [];
  for (let i = 0; i < Math.min(n, MAX_TABLE_ROWS); i++) {
    tableRows.push([xValues ? valueText(xValues[i]) : String(i), ...tableCols.map((c) => valueText(cols.get(c)[i]))]);
  }

  const width = opts.width === undefined || opts.width === null ? null : dimension(opts.width, "width", fn, 120);
  const height = opts.height === undefined || opts.height === null ? 300 : dimension(opts.height, "height", fn, 80);

  return {
    kind,
    id,
    title,
    caption: opts.title ?? null,
    desc,
    xLabel: xLabel ?? null,
    yLabel: yLabel ?? null,
    legendTitle: colorCol,
    width,
    height,
    x: band ? { type: "band", categories } : { type: "linear", integer: xCol === null || rows.every((i) => isMissing(xValues![i]) || Number.isInteger(xValues![i])) },
    series,
    stacked,
    pointSize: sizeConst,
    message,
    table: { headers: [xName, ...tableCols], rows: tableRows, total: n },
  };
}

function dimension(v: unknown, what: string, fn: string, min: number): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
    throw new StreamlitAPIException(`${fn}: \`${what}\` must be a positive number of pixels, not ${pyRepr(v)}.`);
  }
  return Math.max(min, Math.min(4000, Math.round(v)));
}
