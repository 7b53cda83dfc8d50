/**
 * The small charts of BarChartColumn, LineChartColumn and AreaChartColumn: a list of numbers drawn
 * on the server as an inline SVG, scaled between `yMin` and `yMax` (the values' own range when
 * not given). Missing values are gaps; a list with no numbers draws nothing.
 */
import { html, raw, type Html } from "../render/html.ts";

export type SparkKind = "bar_chart" | "line_chart" | "area_chart";

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
  const lo = yMin ?? Math.min(0, ...present);
  const hi = yMax ?? Math.max(...present);
  const span = hi - lo || 1;
  const y = (x: number) => H - (Math.min(hi, Math.max(lo, x)) - lo) / span * H;
  const step = W / values.length;
  let body: string;
  if (kind === "bar_chart") {
    body = values
      .map((x, i) => (x === null ? "" : `<rect x="${num(i * step + step * 0.1)}" y="${num(y(x))}" width="${num(step * 0.8)}" height="${num(H - y(x))}"/>`))
      .join("");
  } else {
    const xAt = (i: number) => (values.length === 1 ? W / 2 : (i * W) / (values.length - 1));
    // a gap ends one run of points and starts the next
    const runs: string[][] = [[]];
    values.forEach((x, i) => (x === null ? runs.push([]) : runs[runs.length - 1]!.push(`${num(xAt(i))},${num(y(x))}`)));
    body = runs
      .filter((r) => r.length)
      .map((r) => {
        const line = `<polyline points="${r.join(" ")}" fill="none" vector-effect="non-scaling-stroke"/>`;
        if (kind === "line_chart") return line;
        const first = r[0]!.split(",")[0];
        const last = r[r.length - 1]!.split(",")[0];
        return `<polygon points="${first},${H} ${r.join(" ")} ${last},${H}" class="fl-spark-fill"/>${line}`;
      })
      .join("");
  }
  const text = present.map(num).join(", ");
  return html`<svg class="fl-spark fl-spark-${kind}" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img" aria-label="${text}">${raw(body)}</svg>`;
}

export const sparkCss = `
.fl-spark{display:block;width:6.5rem;height:1.5rem;overflow:visible}
.fl-spark rect{fill:var(--fl-accent)}.fl-spark polyline{stroke:var(--fl-accent);stroke-width:1.5}
.fl-spark .fl-spark-fill{fill:var(--fl-accent);opacity:.25}
`;
