/**
 * Draws a ChartSpec as HTML: a figure holding an accessible inline SVG (title, desc, grid, axes,
 * marks), an HTML legend when there are several series, and the data as a table in a <details>.
 * Colours come from CSS classes (fl-chart-s0..9, see chartsCss), so they follow light and dark
 * mode; a user colour is an SVG `color` attribute (inline styles would break the page's CSP).
 */
import { esc } from "../common.ts";
import type { ChartSpec, Series } from "./model.ts";
import { band, formatNumber, formatTick, linear, niceScale } from "./scale.ts";
import { dataTable } from "./figure.ts";

/** The viewBox width when the chart fills its container. */
export const DEFAULT_WIDTH = 640;
/** Marks get a hover tooltip (<title>) up to this many. */
const MAX_TOOLTIPS = 1000;
const PALETTE_SIZE = 10;
const CHAR_W = 6.6;
const LABEL_CHARS = 16;

const f = (v: number) => String(Math.round(v * 10) / 10);

/** The class or attribute giving a series its colour. */
function colorAttr(s: Series, i: number, cls: string): string {
  return s.color ? ` class="${cls}" color="${esc(s.color)}"` : ` class="${cls} fl-chart-s${i % PALETTE_SIZE}"`;
}

function truncate(text: string, max = LABEL_CHARS): string {
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max - 1).join("") + "…" : text;
}

/** Per series, its stacked [x, base, top] at every x any series has (missing values count as 0). */
function stackSeries(series: Series[], order: (a: number, b: number) => number): [number, number, number][][] {
  const keys = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort(order);
  const pos = new Map<number, number>();
  const neg = new Map<number, number>();
  return series.map((s) => {
    const sums = new Map<number, number>();
    for (const [x, y] of s.points) sums.set(x, (sums.get(x) ?? 0) + (y ?? 0));
    return keys.map((x) => {
      const v = sums.get(x) ?? 0;
      const side = v < 0 ? neg : pos;
      const base = side.get(x) ?? 0;
      side.set(x, base + v);
      return [x, base, base + v];
    });
  });
}

/** Per series, the sum of its values at each x (bars: one bar per series and category). */
function sumByX(s: Series): Map<number, number> {
  const sums = new Map<number, number>();
  for (const [x, y] of s.points) if (y !== null) sums.set(x, (sums.get(x) ?? 0) + y);
  return sums;
}

export function renderChart(spec: ChartSpec): string {
  const W = spec.width ?? 640;
  const H = spec.height;
  const { kind, series } = spec;
  const isBand = spec.x.type === "band";
  const categories = spec.x.type === "band" ? spec.x.categories : [];
  const xName = spec.table.headers[0] ?? "x";
  const drawable = spec.message === null;

  // ---- y domain -------------------------------------------------------------------------------
  const stacks = drawable && spec.stacked ? stackSeries(series, (a, b) => a - b) : null;
  let lo = 0;
  let hi = 0;
  if (drawable) {
    if (stacks) for (const st of stacks) for (const [, b, t] of st) (lo = Math.min(lo, b, t)), (hi = Math.max(hi, b, t));
    else if (kind === "bar") for (const s of series) for (const v of sumByX(s).values()) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
    else for (const s of series) for (const [, y] of s.points) if (y !== null) (lo = Math.min(lo, y)), (hi = Math.max(hi, y));
  }
  const top = spec.caption || spec.xLabel || spec.yLabel ? 12 : 10;
  const bottom = 26 + (spec.xLabel ? 20 : 0);
  const yScaleInfo = niceScale(lo, hi, Math.max(2, Math.round((H - top - bottom) / 55)));
  const yTickLabels = yScaleInfo.ticks.map((t) => formatTick(t, yScaleInfo.step));
  const left = Math.ceil(Math.max(...yTickLabels.map((l) => l.length), 1) * CHAR_W) + 12 + (spec.yLabel ? 20 : 0);
  const right = 16;
  const x0 = left;
  const x1 = Math.max(left + 40, W - right);
  const y0 = top;
  const y1 = Math.max(top + 30, H - bottom);
  const y = linear([yScaleInfo.min, yScaleInfo.max], [y1, y0]);

  // ---- x ---------------------------------------------------------------------------------------
  let xPos: (x: number) => number;
  const bands = band(categories.length, [x0, x1], kind === "bar" ? 0.2 : 0);
  let xTicks = "";
  let xGrid = "";
  if (isBand) {
    xPos = (i) => bands.center(i);
    const longest = Math.min(LABEL_CHARS, Math.max(1, ...categories.map((c) => [...c].length)));
    const every = Math.max(1, Math.ceil((longest * CHAR_W + 8) / Math.max(1, bands.step)));
    categories.forEach((c, i) => {
      if (i % every !== 0) return;
      const cx = f(bands.center(i));
      xTicks += `<line x1="${cx}" x2="${cx}" y1="${y1}" y2="${y1 + 5}"/><text x="${cx}" y="${y1 + 17}" text-anchor="middle">${esc(truncate(c))}</text>`;
    });
  } else {
    let xlo = Infinity;
    let xhi = -Infinity;
    for (const s of series) for (const [x] of s.points) (xlo = Math.min(xlo, x)), (xhi = Math.max(xhi, x));
    if (!drawable || xlo > xhi) [xlo, xhi] = [0, 1];
    const integer = spec.x.type === "linear" && spec.x.integer;
    const xs = niceScale(xlo, xhi, Math.max(2, Math.floor((x1 - x0) / 90)), { nice: kind === "scatter", integer });
    const map = linear([xs.min, xs.max], [x0, x1]);
    xPos = map;
    for (const t of xs.ticks) {
      const cx = f(map(t));
      xGrid += `<line x1="${cx}" x2="${cx}" y1="${y0}" y2="${y1}"/>`;
      xTicks += `<line x1="${cx}" x2="${cx}" y1="${y1}" y2="${y1 + 5}"/><text x="${cx}" y="${y1 + 17}" text-anchor="middle">${esc(formatTick(t, xs.step))}</text>`;
    }
  }

  // ---- grid and axes ---------------------------------------------------------------------------
  let yGrid = "";
  let yTicks = "";
  yScaleInfo.ticks.forEach((t, i) => {
    const cy = f(y(t));
    yGrid += `<line x1="${x0}" x2="${x1}" y1="${cy}" y2="${cy}"/>`;
    yTicks += `<line x1="${x0 - 5}" x2="${x0}" y1="${cy}" y2="${cy}"/><text x="${x0 - 8}" y="${cy}" dy=".32em" text-anchor="end">${esc(yTickLabels[i])}</text>`;
  });
  const zero = yScaleInfo.min < 0 && yScaleInfo.max > 0 ? `<line class="fl-chart-zero" x1="${x0}" x2="${x1}" y1="${f(y(0))}" y2="${f(y(0))}"/>` : "";
  let out = `<g class="fl-chart-grid" aria-hidden="true">${yGrid}${xGrid}</g>${zero}`;

  // ---- marks -----------------------------------------------------------------------------------
  const tooltips = series.reduce((a, s) => a + s.points.length, 0) <= MAX_TOOLTIPS;
  const xText = (x: number) => (isBand ? (categories[x] ?? "") : formatNumber(x));
  const tip = (s: Series, x: number, v: number) => (tooltips ? `<title>${esc(`${s.name}: ${formatNumber(v)} at ${xName} ${xText(x)}`)}</title>` : "");
  // scatter: a size column maps linearly onto areas of 12-400 px² (|size| / largest |size|)
  let maxSize = 0;
  for (const s of series) for (const p of s.points) if (typeof p[2] === "number") maxSize = Math.max(maxSize, Math.abs(p[2]));
  let marks = "";
  if (drawable) {
    series.forEach((s, si) => {
      let inner = "";
      if (kind === "line") {
        const d = linePath(s.points.map(([x, v]) => (v === null ? null : [xPos(x), y(v)])));
        if (d) inner = `<path class="fl-chart-line" d="${d}"/>`;
      } else if (kind === "area" && stacks) {
        const st = stacks[si]!;
        if (st.length) {
          const upper = st.map(([x, , t]) => `${f(xPos(x))},${f(y(t))}`);
          const lower = st.map(([x, b]) => `${f(xPos(x))},${f(y(b))}`).reverse();
          inner = `<path class="fl-chart-area" d="M${upper.join("L")}L${lower.join("L")}Z"/><path class="fl-chart-edge" d="M${upper.join("L")}"/>`;
        }
      } else if (kind === "area") {
        const pts = s.points.map(([x, v]) => (v === null ? null : ([xPos(x), y(v)] as [number, number])));
        const edge = linePath(pts);
        if (edge) inner = `<path class="fl-chart-area" d="${areaPath(pts, y(0))}"/><path class="fl-chart-edge" d="${edge}"/>`;
      } else if (kind === "bar") {
        const n = series.length;
        const sub = spec.stacked ? bands.bandwidth : bands.bandwidth / n;
        const gap = !spec.stacked && sub > 6 ? 1 : 0;
        if (stacks) {
          const present = sumByX(s);
          for (const [x, b, t] of stacks[si]!) {
            if (!present.has(x)) continue;
            inner += rect(bands.start(x), y(Math.max(b, t)), sub, Math.abs(y(b) - y(t)), tip(s, x, t - b));
          }
        } else {
          for (const [x, v] of sumByX(s)) {
            inner += rect(bands.start(x) + si * sub + gap / 2, y(Math.max(0, v)), sub - gap, Math.abs(y(v) - y(0)), tip(s, x, v));
          }
        }
      } else {
        for (const [x, v, size] of s.points) {
          if (v === null) continue;
          const area = typeof size === "number" ? 12 + (maxSize > 0 ? (Math.abs(size) / maxSize) * 388 : 0) : (spec.pointSize ?? 38);
          const r = Math.min(40, Math.max(1, Math.sqrt(area / Math.PI)));
          inner += `<circle class="fl-chart-point" cx="${f(xPos(x))}" cy="${f(y(v))}" r="${f(r)}">${tip(s, x, v)}</circle>`;
        }
      }
      marks += `<g${colorAttr(s, si, "fl-chart-series")} data-series="${esc(s.name)}">${inner}</g>`;
    });
  }
  out += `<g class="fl-chart-marks${spec.stacked ? " fl-chart-stacked" : ""}">${marks}</g>`;
  out += `<g class="fl-chart-axis" aria-hidden="true"><line x1="${x0}" x2="${x1}" y1="${y1}" y2="${y1}"/><line x1="${x0}" x2="${x0}" y1="${y0}" y2="${y1}"/>${yTicks}${xTicks}</g>`;
  if (spec.xLabel) out += `<text class="fl-chart-label" x="${f((x0 + x1) / 2)}" y="${H - 6}" text-anchor="middle">${esc(truncate(spec.xLabel, 80))}</text>`;
  if (spec.yLabel) out += `<text class="fl-chart-label" transform="rotate(-90)" x="${f(-(y0 + y1) / 2)}" y="14" text-anchor="middle">${esc(truncate(spec.yLabel, 60))}</text>`;
  if (spec.message) out += `<text class="fl-chart-message" x="${f((x0 + x1) / 2)}" y="${f((y0 + y1) / 2)}" text-anchor="middle">${esc(spec.message)}</text>`;

  const size = spec.width === null ? ` width="100%"` : ` width="${W}" height="${H}"`;
  const svg =
    `<svg class="fl-chart-svg" role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc" viewBox="0 0 ${W} ${H}"${size}>` +
    `<title id="${spec.id}-title">${esc(spec.title)}</title><desc id="${spec.id}-desc">${esc(spec.desc)}</desc>${out}</svg>`;
  const caption = spec.caption ? `<figcaption class="fl-chart-title">${esc(spec.caption)}</figcaption>` : "";
  return `<figure class="fl-chart" data-kind="${kind}_chart">${caption}${legend(spec)}${svg}${dataTable(spec.table, spec.title)}</figure>`;
}

function rect(x: number, y: number, w: number, h: number, title: string): string {
  return `<rect class="fl-chart-bar" x="${f(x)}" y="${f(y)}" width="${f(Math.max(0, w))}" height="${f(h)}">${title}</rect>`;
}

/** A polyline through points, broken at nulls; a lone point is a dot (round cap on a zero-length segment). */
function linePath(points: ([number, number] | null)[]): string {
  let d = "";
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) d += `M${run[0]}h0`;
    else if (run.length > 1) d += `M${run.join("L")}`;
    run = [];
  };
  for (const p of points) {
    if (p === null) flush();
    else run.push(`${f(p[0])},${f(p[1])}`);
  }
  flush();
  return d;
}

/** Filled areas down to the baseline, one closed shape per run of values between gaps. */
function areaPath(points: ([number, number] | null)[], base: number): string {
  let d = "";
  let run: [number, number][] = [];
  const flush = () => {
    if (run.length) {
      const [fx] = run[0]!;
      const [lx] = run[run.length - 1]!;
      d += `M${f(fx)},${f(base)}L${run.map(([x, v]) => `${f(x)},${f(v)}`).join("L")}L${f(lx)},${f(base)}Z`;
    }
    run = [];
  };
  for (const p of points) {
    if (p === null) flush();
    else run.push(p);
  }
  flush();
  return d;
}

function legend(spec: ChartSpec): string {
  if (spec.series.length < 2) return "";
  const items = spec.series
    .map(
      (s, i) =>
        `<li><svg${colorAttr(s, i, "fl-chart-swatch")} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><rect width="12" height="12" rx="2"/></svg>${esc(s.name)}</li>`,
    )
    .join("");
  const title = spec.legendTitle ? `<span class="fl-chart-legend-title">${esc(spec.legendTitle)}</span>` : "";
  return `<div class="fl-chart-legend">${title}<ul aria-label="Legend">${items}</ul></div>`;
}
