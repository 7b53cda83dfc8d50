/**
 * Line, bar, area and scatter charts (st.line_chart, st.bar_chart, st.area_chart,
 * st.scatter_chart) drawn on the server as accessible inline SVG: no script, no chart library.
 *
 * chart/model.ts turns the data into series (and raises Streamlit's errors when the call is wrong,
 * at the call, as Streamlit does); chart/svg.ts draws them; chart/scale.ts has the scales.
 */
import type { ContainerBase } from "./base.ts";
import type { TableData } from "./data.ts";
import { defineFamily } from "./family.ts";
import { raw } from "../render/html.ts";

import { exactKey, Memo } from "../render/memo.ts";
import { slot } from "../engine/slots.ts";
import { buildChart, type ChartKind, type ChartOptions, type ChartSpec } from "./chart/model.ts";
import { renderChart } from "./chart/svg.ts";

export type { ChartKind, ChartOptions } from "./chart/model.ts";

/** Charts drawn so far in the run: ids unique within the page (title and desc ids hang off them). */
const DRAWN = slot(() => ({ count: 0 }));

export function chart(c: ContainerBase, kind: ChartKind, data: TableData, opts: ChartOptions = {}): void {
  const drawnInRun = c._run(`st.${kind}_chart`).slots.get(DRAWN);
  const id = `fl-chart-${drawnInRun.count++}`;

  // A chart is a pure function of its data and options: an isolate keeps recent SVGs, keyed by
  // the whole text of both (the memo is shared by every user of the isolate).
  const key = exactKey([kind, id, data, opts]);
  const draw = () => renderChart(buildChart(kind, data, opts, id));
  c._push(chartFamily.node("chart", { svg: key === null ? draw() : drawn.get(key, draw) }));
}

const drawn = new Memo<string>(100);


/** A chart's node holds its drawing, made at the call (and memoised): the SVG and its table. */
interface ChartProps {
  svg: string;
}


/**
 * This family's CSS, appended to the theme. The palette is ten colours per scheme, each at least
 * 3:1 against its background (light: white, dark: --fl-bg), set as --c on a series by fl-chart-sN;
 * a user colour arrives as the SVG `color` attribute (the marks fall back to currentColor).
 */
export const chartsCss = `
.fl-chart{margin:0 0 1rem;--fl-chart-0:#0068c9;--fl-chart-1:#e0301e;--fl-chart-2:#14806e;--fl-chart-3:#b85f00;--fl-chart-4:#6d3fc0;--fl-chart-5:#b8327a;--fl-chart-6:#3c7a1d;--fl-chart-7:#5a6270;--fl-chart-8:#0b7fa3;--fl-chart-9:#8a5a00}
@media (prefers-color-scheme:dark){.fl-chart{--fl-chart-0:#83c9ff;--fl-chart-1:#ff8c7a;--fl-chart-2:#5fd4bf;--fl-chart-3:#ffb35c;--fl-chart-4:#b89cff;--fl-chart-5:#ff8fc8;--fl-chart-6:#9edb6b;--fl-chart-7:#c0c6d2;--fl-chart-8:#6fd6f2;--fl-chart-9:#e0b86a}}
.fl-chart-s0{--c:var(--fl-chart-0)}.fl-chart-s1{--c:var(--fl-chart-1)}.fl-chart-s2{--c:var(--fl-chart-2)}.fl-chart-s3{--c:var(--fl-chart-3)}.fl-chart-s4{--c:var(--fl-chart-4)}
.fl-chart-s5{--c:var(--fl-chart-5)}.fl-chart-s6{--c:var(--fl-chart-6)}.fl-chart-s7{--c:var(--fl-chart-7)}.fl-chart-s8{--c:var(--fl-chart-8)}.fl-chart-s9{--c:var(--fl-chart-9)}
.fl-chart-title{font-weight:600;margin:0 0 .4rem}
.fl-chart-svg{display:block;max-width:100%;height:auto;overflow:visible}
.fl-chart-svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:var(--fl-muted)}
.fl-chart-svg .fl-chart-label{fill:var(--fl-fg);font-weight:600}
.fl-chart-svg .fl-chart-message{fill:var(--fl-muted);font-size:14px}
.fl-chart-grid line{stroke:var(--fl-line);stroke-width:1;opacity:.6}
.fl-chart-axis line,.fl-chart-zero{stroke:var(--fl-muted);stroke-width:1}
.fl-chart-line,.fl-chart-edge{fill:none;stroke:var(--c,currentColor);stroke-width:2;stroke-linejoin:round;stroke-linecap:round}
.fl-chart-area{fill:var(--c,currentColor);fill-opacity:.3;stroke:none}
.fl-chart-stacked .fl-chart-area{fill-opacity:.7}
.fl-chart-bar,.fl-chart-swatch rect{fill:var(--c,currentColor)}
.fl-chart-point{fill:var(--c,currentColor);fill-opacity:.75;stroke:var(--c,currentColor);stroke-width:1}
.fl-chart-legend{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;font-size:.85rem;margin:0 0 .4rem}
.fl-chart-legend ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
.fl-chart-legend li{display:flex;align-items:center;gap:.35rem}
.fl-chart-legend-title{font-weight:600}
.fl-chart-data{margin:.4rem 0 0;font-size:.85rem}.fl-chart-data summary{cursor:pointer;color:var(--fl-muted)}
.fl-chart-table-wrap{max-height:20rem;overflow:auto;margin-top:.4rem}
.fl-chart-table{border-collapse:collapse;font-variant-numeric:tabular-nums}
.fl-chart-table th,.fl-chart-table td{border:1px solid var(--fl-line);padding:.2rem .5rem;text-align:right}
.fl-chart-table thead th{background:var(--fl-side);position:sticky;top:0}
`;
// the drawing was made by chart/svg.ts, escaping what it took from the data
export const chartFamily = defineFamily<{ chart: ChartProps }>({ chart: (p) => raw(p.svg) }, chartsCss);
