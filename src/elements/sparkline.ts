/**
 * A sparkline: a series of numbers drawn as a small SVG on the server (a line, bars or a filled
 * area), with no axes: st.metric's `chartData` and the chart column types' cells. It scales to the
 * width it is given (the viewBox stretches), so it fills its box whatever the column's width.
 */
import { StreamlitAPIException } from "../engine/errors.ts";
import { html, raw, type Html } from "../render/html.ts";

export type SparklineType = "line" | "bar" | "area";
const TYPES: readonly SparklineType[] = ["line", "bar", "area"];

/** The drawing's width in its own units: the SVG stretches them to the element's box. */
const W = 100;
const H = 30;

/** A fixed y range (a chart column's `yMin`/`yMax`); without one a series spans its own range. */
export interface SparkRange {
  lo: number;
  hi: number;
}

export function sparklineType(value: unknown): SparklineType {
  if (TYPES.includes(value as SparklineType)) return value as SparklineType;
  throw new StreamlitAPIException(`Invalid chart_type: '${String(value)}'. Must be one of: 'line', 'bar', 'area'.`);
}

/**
 * The numbers of `chartData`: an array of numbers (null or NaN are gaps, as a missing value in a
 * DataFrame column). Anything else is a message naming what was given.
 */
export function sparklineValues(data: unknown): (number | null)[] {
  if (!Array.isArray(data)) {
    throw new StreamlitAPIException(`chart_data must be a list of numbers, not ${data === null ? "None" : typeof data}.`);
  }
  return data.map((v) => {
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return null;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    throw new StreamlitAPIException(`chart_data must hold only numbers: ${JSON.stringify(v) ?? String(v)} is not one.`);
  });
}

/**
 * Maps each value to a y in a drawing `h` high (the lowest at the bottom): within `range`, clamped
 * to it; else the series' own range, where a flat series sits in the middle.
 */
function scaleY(values: (number | null)[], h: number, range?: SparkRange): (v: number) => number {
  if (range) {
    const span = range.hi - range.lo || 1;
    return (v) => h - ((Math.min(range.hi, Math.max(range.lo, v)) - range.lo) / span) * h;
  }
  const known = values.filter((v): v is number => v !== null);
  const lo = known.reduce((a, b) => Math.min(a, b), Infinity);
  const hi = known.reduce((a, b) => Math.max(a, b), -Infinity);
  if (!(hi > lo)) return () => h / 2;
  return (v) => h - ((v - lo) / (hi - lo)) * h;
}

const n2 = (v: number) => String(Math.round(v * 100) / 100);

/** One path per run of values without gaps (a gap breaks the line, as in Streamlit's chart). */
function runs(values: (number | null)[]): { i: number; v: number }[][] {
  const out: { i: number; v: number }[][] = [];
  let run: { i: number; v: number }[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length) out.push(run);
      run = [];
    } else run.push({ i, v });
  });
  if (run.length) out.push(run);
  return out;
}

/** The SVG's shapes for a drawing `height` high (W wide); an area's fill has the class `fl-spark-fill`. */
export function sparkShapes(values: (number | null)[], type: SparklineType, height: number = H, range?: SparkRange): string {
  const y = scaleY(values, height, range);
  const step = values.length > 1 ? W / (values.length - 1) : 0;
  if (type === "bar") {
    const slot = W / values.length;
    // Bars grow from the series' lowest value (so a series of large, close numbers still differs).
    return values
      .map((v, i) => (v === null ? "" : `<rect x="${n2(i * slot + slot * 0.1)}" y="${n2(Math.min(y(v), height - 1))}" width="${n2(slot * 0.8)}" height="${n2(Math.max(height - y(v), 1))}"/>`))
      .join("");
  }
  return runs(values)
    .map((run) => {
      const x = (i: number) => (values.length > 1 ? i * step : W / 2);
      const points = run.map((p) => `${n2(x(p.i))},${n2(y(p.v))}`);
      const line = `<polyline points="${points.join(" ")}" fill="none" vector-effect="non-scaling-stroke"/>`;
      if (type === "line") return line;
      const area = `<polygon points="${n2(x(run[0]!.i))},${height} ${points.join(" ")} ${n2(x(run.at(-1)!.i))},${height}" class="fl-spark-fill"/>`;
      return area + line;
    })
    .join("");
}

/**
 * The SVG: decorative (the metric's value and delta say what matters; the numbers themselves are
 * not read out), coloured by `currentColor` so it follows the metric's delta colour.
 */
export function sparklineSvg(values: (number | null)[], type: SparklineType): Html {
  return html`<svg class="fl-metric-spark fl-metric-spark-${type}" data-chart-type="${type}" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" aria-hidden="true" focusable="false">${raw(sparkShapes(values, type))}</svg>`;
}

export const sparklineCss = `
.fl-metric-spark{display:block;width:100%;height:2.5rem;margin-top:.4rem;overflow:visible}
.fl-metric-spark polyline{stroke:currentColor;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}
.fl-metric-spark rect{fill:currentColor;opacity:.75}
.fl-metric-spark .fl-spark-fill{fill:currentColor;opacity:.18;stroke:none}
`;
