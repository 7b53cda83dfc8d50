/**
 * The cells of BarChartColumn, LineChartColumn and AreaChartColumn: a list of numbers drawn as a
 * sparkline (the shapes are the metric's), scaled between `yMin` and `yMax` (0 and the values'
 * largest when not given), named by its numbers. Missing values are gaps; no numbers, no drawing.
 */
import { html, raw, type Html } from "../render/html.ts";
import { sparkShapes } from "./sparkline.ts";

export type SparkKind = "bar_chart" | "line_chart" | "area_chart";
const TYPE_OF = { bar_chart: "bar", line_chart: "line", area_chart: "area" } as const;

const W = 100;
const H = 24;
const num = (n: number) => String(Math.round(n * 100) / 100);

/** The numbers of a cell (null where a value is no finite number), or null when it is not a list. */
export function sparkValues(v: unknown): (number | null)[] | null {
  if (!Array.isArray(v)) return null;
  return v.map((x) => (typeof x === "number" && Number.isFinite(x) ? x : null));
}

export function sparkline(kind: SparkKind, v: unknown, yMin?: number | null, yMax?: number | null): Html | "" {
  const values = sparkValues(v);
  const present = (values ?? []).filter((x): x is number => x !== null);
  if (!values || present.length === 0) return "";
  // Streamlit's chart columns start their y axis at 0 unless the data goes below it
  const range = { lo: yMin ?? Math.min(0, ...present), hi: yMax ?? Math.max(...present) };
  const body = sparkShapes(values, TYPE_OF[kind], H, range);
  const text = present.map(num).join(", ");
  return html`<svg class="fl-spark fl-spark-${kind}" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img" aria-label="${text}">${raw(body)}</svg>`;
}

export const sparkCss = `
.fl-spark{display:block;width:6.5rem;height:1.5rem;overflow:visible}
.fl-spark rect{fill:var(--fl-accent)}.fl-spark polyline{stroke:var(--fl-accent);stroke-width:1.5}
.fl-spark .fl-spark-fill{fill:var(--fl-accent);opacity:.25}
`;
