/**
 * Draws a ChartSpec as HTML: a figure holding an accessible inline SVG (title, desc, grid, axes,
 * marks), an HTML legend when there are several series, and the data as a table in a <details>.
 * Colours come from CSS classes (fl-chart-s0..9, see chartsCss), so they follow light and dark
 * mode; a user colour is an SVG `color` attribute (inline styles would break the page's CSP).
 */
import { html, type Html } from "../../render/html.ts";
import type { ChartSpec, Series } from "./model.ts";
import { band, coord as f, formatNumber, formatTick, linear, niceScale, type Band, type NiceScale } from "./scale.ts";
import { timeDomain, timeInterval, timeText, timeTickLabels, timeTicks } from "./time.ts";

/** The viewBox width when the chart fills its container. */
export const DEFAULT_WIDTH = 640;
/** Marks get a hover tooltip (<title>) up to this many. */
const MAX_TOOLTIPS = 1000;
const PALETTE_SIZE = 10;
const CHAR_W = 6.6;
const LABEL_CHARS = 16;


/** The class or attribute giving a series its colour. */
function colorAttr(s: Series, i: number, cls: string): Html {
  return s.color ? html` class="${cls}" color="${s.color}"` : html` class="${cls} fl-chart-s${i % PALETTE_SIZE}"`;
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

/** The plot's box in the viewBox and its y scale (ticks, labels, position of a value). */
interface Plot {
  W: number;
  H: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  yScale: NiceScale;
  yTickLabels: string[];
  y: (v: number) => number;
}

/** Where the marks sit along x, and the x axis's ticks and grid lines. */
interface XAxis {
  xPos: (x: number) => number;
  bands: Band;
  ticks: Html[];
  grid: Html[];
}

/** The y values the marks span (stacked totals, bar sums, or the values themselves), with 0 always in. */
function yDomain(spec: ChartSpec, stacks: [number, number, number][][] | null): [number, number] {
  let lo = 0;
  let hi = 0;
  if (spec.message !== null) return [lo, hi];
  if (stacks) for (const st of stacks) for (const [, b, t] of st) (lo = Math.min(lo, b, t)), (hi = Math.max(hi, b, t));
  else if (spec.kind === "bar") for (const s of spec.series) for (const v of sumByX(s).values()) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  else for (const s of spec.series) for (const [, y] of s.points) if (y !== null) (lo = Math.min(lo, y)), (hi = Math.max(hi, y));
  return [lo, hi];
}

/** The margins (room for the tick labels and axis labels) and the y scale. */
function plotBox(spec: ChartSpec, [lo, hi]: [number, number]): Plot {
  const W = spec.width ?? DEFAULT_WIDTH;
  const H = spec.height;
  const top = spec.caption || spec.xLabel || spec.yLabel ? 12 : 10;
  // a time axis has a second line of labels (the day or year its ticks belong to)
  const bottom = 26 + (spec.x.type === "time" ? 14 : 0) + (spec.xLabel ? 20 : 0);
  const yScale = niceScale(lo, hi, Math.max(2, Math.round((H - top - bottom) / 55)));
  const yTickLabels = yScale.ticks.map((t) => formatTick(t, yScale.step));
  const left = Math.ceil(Math.max(...yTickLabels.map((l) => l.length), 1) * CHAR_W) + 12 + (spec.yLabel ? 20 : 0);
  const right = 16;
  const x1 = Math.max(left + 40, W - right);
  const y1 = Math.max(top + 30, H - bottom);
  return { W, H, x0: left, x1, y0: top, y1, yScale, yTickLabels, y: linear([yScale.min, yScale.max], [y1, top]) };
}

const xTick = (plot: Plot, cx: string, label: string) =>
  html`<line x1="${cx}" x2="${cx}" y1="${plot.y1}" y2="${plot.y1 + 5}"/><text x="${cx}" y="${plot.y1 + 17}" text-anchor="middle">${label}</text>`;

/**
 * A label's centre moved in, if need be, so that its whole width stays inside the SVG (the width
 * estimated a little wide: some fallback fonts are wider than CHAR_W).
 */
const inside = (plot: Plot, cx: number, text: string) => {
  const half = ([...text].length * CHAR_W * 1.1) / 2 + 2;
  return f(Math.min(Math.max(cx, half), plot.W - half));
};

/**
 * A time axis: positions proportional to time, ticks on whole units (as many as fit their labels),
 * each labelled with its unit and, on a second line, the day or year when that changes. Bars sit
 * centred on their time, as wide as most of the narrowest gap between two times.
 */
function timeAxis(spec: ChartSpec, plot: Plot): XAxis {
  const { x0, x1 } = plot;
  const times = [...new Set(spec.series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const [lo, hi, gap] = timeDomain(times, spec.kind === "bar");
  const xPos = linear([lo, hi], [x0, x1]);
  const bandwidth = Math.max(1, (gap / (hi - lo)) * (x1 - x0) * 0.8);
  const bands: Band = { start: (x) => xPos(x) - bandwidth / 2, center: xPos, bandwidth, step: bandwidth / 0.8 };
  const iv = timeInterval(lo, hi, Math.max(2, Math.floor((x1 - x0) / 90)));
  const all = timeTicks(lo, hi, iv);
  // ticks closer than their widest label are thinned to every n-th (and labelled after, so that a
  // change of day or year is named on a tick that is drawn)
  const widest = Math.max(1, ...timeTickLabels(all, iv).map(([main]) => main.length)) * CHAR_W + 10;
  const spacing = all.length > 1 ? xPos(all[1]!) - xPos(all[0]!) : Infinity;
  const every = Math.max(1, Math.ceil(widest / spacing));
  const kept = all.filter((_, i) => i % every === 0);
  const labels = timeTickLabels(kept, iv);
  const shown = kept.map((t, i) => [t, ...labels[i]!] as const);
  return {
    xPos,
    bands,
    ticks: shown.map(([t, main, context]) => {
      const cx = f(xPos(t));
      return html`<line x1="${cx}" x2="${cx}" y1="${plot.y1}" y2="${plot.y1 + 5}"/><text x="${inside(plot, xPos(t), main)}" y="${plot.y1 + 17}" text-anchor="middle">${main}</text>${context && html`<text x="${inside(plot, xPos(t), context)}" y="${plot.y1 + 31}" text-anchor="middle">${context}</text>`}`;
    }),
    grid: shown.map(([t]) => html`<line x1="${f(xPos(t))}" x2="${f(xPos(t))}" y1="${plot.y0}" y2="${plot.y1}"/>`),
  };
}

/** A band axis (categories, labelled as often as they fit), a time axis, or a linear one (nice ticks, grid lines). */
function xAxisOf(spec: ChartSpec, plot: Plot): XAxis {
  const { x0, x1 } = plot;
  if (spec.x.type === "time" && spec.message === null) return timeAxis(spec, plot);
  const categories = spec.x.type === "band" ? spec.x.categories : [];
  const bands = band(categories.length, [x0, x1], spec.kind === "bar" ? 0.2 : 0);
  if (spec.x.type === "band") {
    const longest = Math.min(LABEL_CHARS, Math.max(1, ...categories.map((c) => [...c].length)));
    const every = Math.max(1, Math.ceil((longest * CHAR_W + 8) / Math.max(1, bands.step)));
    const ticks = categories.flatMap((c, i) => (i % every === 0 ? [xTick(plot, f(bands.center(i)), truncate(c))] : []));
    return { xPos: (i) => bands.center(i), bands, ticks, grid: [] };
  }
  let xlo = Infinity;
  let xhi = -Infinity;
  for (const s of spec.series) for (const [x] of s.points) (xlo = Math.min(xlo, x)), (xhi = Math.max(xhi, x));
  if (spec.message !== null || xlo > xhi) [xlo, xhi] = [0, 1];
  const xs = niceScale(xlo, xhi, Math.max(2, Math.floor((x1 - x0) / 90)), { nice: spec.kind === "scatter", integer: spec.x.type === "linear" && spec.x.integer });
  const xPos = linear([xs.min, xs.max], [x0, x1]);
  return {
    xPos,
    bands,
    ticks: xs.ticks.map((t) => xTick(plot, f(xPos(t)), formatTick(t, xs.step))),
    grid: xs.ticks.map((t) => html`<line x1="${f(xPos(t))}" x2="${f(xPos(t))}" y1="${plot.y0}" y2="${plot.y1}"/>`),
  };
}

/** One series' marks: a line, an area (stacked or down to 0), bars (stacked or side by side), or points. */
function seriesMarks(spec: ChartSpec, plot: Plot, xa: XAxis, stacks: [number, number, number][][] | null, s: Series, si: number): Html | Html[] | "" {
  const { y } = plot;
  const { xPos, bands } = xa;
  const xName = spec.table.headers[0] ?? "x";
  const tooltips = spec.series.reduce((a, t) => a + t.points.length, 0) <= MAX_TOOLTIPS;
  const xText = (x: number) => (spec.x.type === "band" ? (spec.x.categories[x] ?? "") : spec.x.type === "time" ? timeText(x) : formatNumber(x));
  const tip = (x: number, v: number) => tooltips && html`<title>${`${s.name}: ${formatNumber(v)} at ${xName} ${xText(x)}`}</title>`;
  if (spec.kind === "line") {
    const d = linePath(s.points.map(([x, v]) => (v === null ? null : [xPos(x), y(v)])));
    return d && html`<path class="fl-chart-line" d="${d}"/>`;
  }
  if (spec.kind === "area" && stacks) {
    const st = stacks[si]!;
    if (!st.length) return "";
    const upper = st.map(([x, , t]) => `${f(xPos(x))},${f(y(t))}`);
    const lower = st.map(([x, b]) => `${f(xPos(x))},${f(y(b))}`).reverse();
    return html`<path class="fl-chart-area" d="M${upper.join("L")}L${lower.join("L")}Z"/><path class="fl-chart-edge" d="M${upper.join("L")}"/>`;
  }
  if (spec.kind === "area") {
    const pts = s.points.map(([x, v]) => (v === null ? null : ([xPos(x), y(v)] as [number, number])));
    const edge = linePath(pts);
    return edge && html`<path class="fl-chart-area" d="${areaPath(pts, y(0))}"/><path class="fl-chart-edge" d="${edge}"/>`;
  }
  if (spec.kind === "bar") {
    const sub = spec.stacked ? bands.bandwidth : bands.bandwidth / spec.series.length;
    const gap = !spec.stacked && sub > 6 ? 1 : 0;
    if (stacks) {
      const present = sumByX(s);
      return stacks[si]!.filter(([x]) => present.has(x)).map(([x, b, t]) => rect(bands.start(x), y(Math.max(b, t)), sub, Math.abs(y(b) - y(t)), tip(x, t - b)));
    }
    return [...sumByX(s)].map(([x, v]) => rect(bands.start(x) + si * sub + gap / 2, y(Math.max(0, v)), sub - gap, Math.abs(y(v) - y(0)), tip(x, v)));
  }
  // scatter: a size column maps linearly onto areas of 12-400 px² (|size| / largest |size|)
  let maxSize = 0;
  for (const t of spec.series) for (const p of t.points) if (typeof p[2] === "number") maxSize = Math.max(maxSize, Math.abs(p[2]));
  return s.points.flatMap(([x, v, size]) => {
    if (v === null) return [];
    const area = typeof size === "number" ? 12 + (maxSize > 0 ? (Math.abs(size) / maxSize) * 388 : 0) : (spec.pointSize ?? 38);
    const r = Math.min(40, Math.max(1, Math.sqrt(area / Math.PI)));
    return [html`<circle class="fl-chart-point" cx="${f(xPos(x))}" cy="${f(y(v))}" r="${f(r)}">${tip(x, v)}</circle>`];
  });
}

/** The grid, the marks, the axes, the axis labels and the message, inside the SVG. */
function plotHtml(spec: ChartSpec, plot: Plot, stacks: [number, number, number][][] | null): Html {
  const { x0, x1, y0, y1, y, yScale } = plot;
  const xa = xAxisOf(spec, plot);
  const yGrid = yScale.ticks.map((t) => html`<line x1="${x0}" x2="${x1}" y1="${f(y(t))}" y2="${f(y(t))}"/>`);
  const yTicks = yScale.ticks.map(
    (t, i) => html`<line x1="${x0 - 5}" x2="${x0}" y1="${f(y(t))}" y2="${f(y(t))}"/><text x="${x0 - 8}" y="${f(y(t))}" dy=".32em" text-anchor="end">${plot.yTickLabels[i]}</text>`,
  );
  const zero = yScale.min < 0 && yScale.max > 0 && html`<line class="fl-chart-zero" x1="${x0}" x2="${x1}" y1="${f(y(0))}" y2="${f(y(0))}"/>`;
  const marks = spec.message === null && spec.series.map((s, si) => html`<g${colorAttr(s, si, "fl-chart-series")} data-series="${s.name}">${seriesMarks(spec, plot, xa, stacks, s, si)}</g>`);
  const xLabel = spec.xLabel && html`<text class="fl-chart-label" x="${f((x0 + x1) / 2)}" y="${plot.H - 6}" text-anchor="middle">${truncate(spec.xLabel, 80)}</text>`;
  const yLabel = spec.yLabel && html`<text class="fl-chart-label" transform="rotate(-90)" x="${f(-(y0 + y1) / 2)}" y="14" text-anchor="middle">${truncate(spec.yLabel, 60)}</text>`;
  const message = spec.message && html`<text class="fl-chart-message" x="${f((x0 + x1) / 2)}" y="${f((y0 + y1) / 2)}" text-anchor="middle">${spec.message}</text>`;
  return html`<g class="fl-chart-grid" aria-hidden="true">${yGrid}${xa.grid}</g>${zero}<g class="fl-chart-marks${spec.stacked ? " fl-chart-stacked" : ""}">${marks}</g><g class="fl-chart-axis" aria-hidden="true"><line x1="${x0}" x2="${x1}" y1="${y1}" y2="${y1}"/><line x1="${x0}" x2="${x0}" y1="${y0}" y2="${y1}"/>${yTicks}${xa.ticks}</g>${xLabel}${yLabel}${message}`;
}

export function renderChart(spec: ChartSpec): string {
  const stacks = spec.message === null && spec.stacked ? stackSeries(spec.series, (a, b) => a - b) : null;
  const plot = plotBox(spec, yDomain(spec, stacks));
  const size = spec.width === null ? html` width="100%"` : html` width="${plot.W}" height="${plot.H}"`;
  const svg = html`<svg class="fl-chart-svg" role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc" viewBox="0 0 ${plot.W} ${plot.H}"${size}><title id="${spec.id}-title">${spec.title}</title><desc id="${spec.id}-desc">${spec.desc}</desc>${plotHtml(spec, plot, stacks)}</svg>`;

  const caption = spec.caption && html`<figcaption class="fl-chart-title">${spec.caption}</figcaption>`;
  return html`<figure class="fl-chart" data-kind="${spec.kind}_chart">${caption}${legend(spec)}${svg}${dataTable(spec)}</figure>`.toString();
}

function rect(x: number, y: number, w: number, h: number, title: Html | false): Html {
  return html`<rect class="fl-chart-bar" x="${f(x)}" y="${f(y)}" width="${f(Math.max(0, w))}" height="${f(h)}">${title}</rect>`;
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

function legend(spec: ChartSpec): Html | "" {
  if (spec.series.length < 2) return "";
  const items = spec.series.map(
    (s, i) =>
      html`<li><svg${colorAttr(s, i, "fl-chart-swatch")} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><rect width="12" height="12" rx="2"/></svg>${s.name}</li>`,
  );
  const title = spec.legendTitle && html`<span class="fl-chart-legend-title">${spec.legendTitle}</span>`;
  return html`<div class="fl-chart-legend">${title}<ul aria-label="Legend">${items}</ul></div>`;
}

function dataTable(spec: ChartSpec): Html | "" {
  const { headers, rows, total } = spec.table;
  if (!total) return "";
  const note = rows.length < total ? ` (first ${formatNumber(rows.length)} of ${formatNumber(total)} rows)` : "";
  const head = headers.map((h) => html`<th scope="col">${h}</th>`);
  const body = rows.map(([x, ...rest]) => html`<tr><th scope="row">${x}</th>${rest.map((v) => html`<td>${v}</td>`)}</tr>`);
  return html`<details class="fl-chart-data"><summary>Data table${note}</summary><div class="fl-chart-table-wrap"><table class="fl-chart-table"><caption class="fl-sr-only">${spec.title}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></details>`;
}
