/**
 * st.vegaLiteChart: a Vega-Lite spec drawn on the server as accessible SVG (the figure every chart
 * has: a name, a description, the data as a table). Vega and Vega-Lite weigh about 270 KB gzipped,
 * so they are not in the core: `enableVegaLite()` from `formlit/vega` installs the renderer, the
 * same in every isolate, as `formlit/latex` does for st.latex.
 */
import type { ContainerBase } from "./base.ts";
import { defineFamily } from "./family.ts";
import { html, type Html } from "../render/html.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { memoDrawing, pushDrawing, shortMessage, unwrapSvg } from "./chart/drawn-later.ts";
import { columnsOf, valueText } from "./chart/columns.ts";
import { figure, figureId, MAX_TABLE_ROWS, type FigureTable } from "./chart/figure.ts";
import { pyRepr, pyType } from "./common.ts";

/** A Vega-Lite specification (https://vega.github.io/vega-lite/docs/spec.html), as plain JSON. */
export type VegaLiteSpec = Record<string, unknown>;

export interface VegaLiteChartOptions {
  /** stretch the chart to the container's width (default false, as Streamlit) */
  useContainerWidth?: boolean;
}

/**
 * Compiles and draws a spec to Vega's SVG; rejects with `invalidSpec(err)` when the spec is not
 * valid Vega-Lite. Installed by `enableVegaLite()`.
 */
export type VegaLiteRenderer = (spec: VegaLiteSpec) => Promise<string>;

/** The error shown for a spec Vega-Lite or Vega cannot compile (what it says, shortened). */
export function invalidSpec(err: unknown): StreamlitAPIException {
  return new StreamlitAPIException(`st.vegaLiteChart: the spec is not valid Vega-Lite: ${shortMessage(err)}`);
}

let renderer: VegaLiteRenderer | null = null;

export function setVegaLiteRenderer(r: VegaLiteRenderer): void {
  renderer = r;
}

/** The width a chart that fills its container is laid out at (it then scales with the page). */
const CONTAINER_WIDTH = 640;

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Rows of objects, whatever shape the app's data came in (rows or columns). */
function rowsOf(data: unknown): Record<string, unknown>[] {
  const cols = columnsOf(data, "st.vegaLiteChart");
  return Array.from({ length: cols.length }, (_, i) => Object.fromEntries(cols.names.map((n) => [n, cols.get(n)[i]])));
}

function tableOf(rows: Record<string, unknown>[]): FigureTable | null {
  if (!rows.length) return null;
  const headers = [...new Set(rows.flatMap((r) => (isPlainObject(r) ? Object.keys(r) : [])))];
  return { headers, rows: rows.slice(0, MAX_TABLE_ROWS).map((r) => headers.map((h) => valueText(r?.[h]))), total: rows.length };
}

function titleText(title: unknown): string | null {
  if (typeof title === "string") return title;
  if (Array.isArray(title)) return title.join(" ");
  if (isPlainObject(title)) return titleText(title.text);
  return null;
}

/** What the chart shows, in words: its mark and each channel's field ("bar chart: x a (nominal), y b"). */
function describe(spec: VegaLiteSpec, rows: number): string {
  const mark = isPlainObject(spec.mark) ? spec.mark.type : spec.mark;
  const layers = Array.isArray(spec.layer) ? spec.layer.length : 0;
  const kind = typeof mark === "string" ? `${mark[0]!.toUpperCase()}${mark.slice(1)} chart` : layers ? `Chart of ${layers} layer${layers === 1 ? "" : "s"}` : "Chart";
  const channels = isPlainObject(spec.encoding)
    ? Object.entries(spec.encoding)
        .filter(([, e]) => isPlainObject(e) && typeof e.field === "string")
        .map(([ch, e]) => `${ch} ${(e as { field: string }).field}${typeof (e as { type?: unknown }).type === "string" ? ` (${(e as { type: string }).type})` : ""}`)
    : [];
  return `${kind}${channels.length ? `: ${channels.join(", ")}` : ""}; ${rows} data row${rows === 1 ? "" : "s"}.`;
}

/** The rows a spec carries itself: its data's values, else those of its layers. */
function inlineRows(spec: Record<string, unknown>): Record<string, unknown>[] {
  if (isPlainObject(spec.data) && Array.isArray(spec.data.values)) return spec.data.values as Record<string, unknown>[];
  return Array.isArray(spec.layer) ? spec.layer.flatMap((layer) => (isPlainObject(layer) ? inlineRows(layer) : [])) : [];
}

/** The first data source the spec names by URL, anywhere in it (layers, concatenations), if any. */
function dataUrl(spec: unknown): string | null {
  if (Array.isArray(spec)) return spec.map(dataUrl).find((u) => u !== null) ?? null;
  if (!isPlainObject(spec)) return null;
  if (isPlainObject(spec.data) && typeof spec.data.url === "string") return spec.data.url;
  return dataUrl(Object.values(spec));
}

export function vegaLiteChart(c: ContainerBase, data: unknown, spec?: VegaLiteSpec, opts: VegaLiteChartOptions = {}): void {
  const run = c._run("st.vegaLiteChart");
  // As Streamlit: an object alone is the spec (`st.vegaLiteChart(spec)`), even one whose values
  // are all arrays (`{ layer: [...] }`); data as columns comes with a spec after it.
  if (spec === undefined && isPlainObject(data)) [spec, data] = [data, null];
  if (!isPlainObject(spec) || Object.keys(spec).length === 0) {
    throw new StreamlitAPIException(spec === undefined || isPlainObject(spec) ? "Vega-Lite charts require a non-empty spec dict." : `st.vegaLiteChart: the spec must be an object (a Vega-Lite spec), not ${pyType(spec)} ${pyRepr(spec)}.`);
  }
  const draw = renderer;
  if (!draw) {
    throw new StreamlitAPIException('st.vegaLiteChart needs the Vega-Lite renderer: call `enableVegaLite()` from "formlit/vega" once in your app (it adds about 270 KB gzipped to the Worker).');
  }
  const url = dataUrl(spec);
  if (url !== null) {
    // The server fetching whatever a spec names would open the Worker's network to the spec's author.
    throw new StreamlitAPIException(`st.vegaLiteChart does not load data from URLs (${url}): pass the data to st.vegaLiteChart instead.`);
  }
  const full: VegaLiteSpec = { autosize: { type: "fit", contains: "padding" }, ...spec };
  if (opts.useContainerWidth && full.width === undefined) full.width = CONTAINER_WIDTH;
  const rows = data === null || data === undefined ? inlineRows(spec) : rowsOf(data);
  if (data !== null && data !== undefined) full.data = { values: rows };

  const title = titleText(spec.title) ?? (typeof spec.description === "string" ? spec.description : "Vega-Lite chart");
  const props: VegaLiteProps = {
    id: figureId(run, "fl-vega"),
    title,
    desc: typeof spec.description === "string" ? spec.description : describe(spec, rows.length),
    fill: Boolean(opts.useContainerWidth),
    table: tableOf(rows),
    svg: null,
  };
  pushDrawing(c, vegaLiteFamily.node("vega_lite_chart", props), props, memoDrawing(["vega-lite", full], () => draw(full)), "st.vegaLiteChart");
}

interface VegaLiteProps {
  id: string;
  title: string;
  desc: string;
  fill: boolean;
  table: FigureTable | null;
  /** Vega's SVG, once drawn */
  svg: string | null;
}

function renderVegaLite(p: VegaLiteProps): Html {
  if (p.svg === null) return html``; // not drawn yet (a page streamed while the run goes on)
  const { width, height, body } = unwrapSvg(p.svg);
  return figure({ kind: "vega_lite_chart", id: p.id, title: p.title, caption: null, desc: p.desc, body, width, height, fill: p.fill, table: p.table, className: "fl-vega", foreign: true });
}

/** Vega draws on white with dark text (its own colours): a card that stays legible in dark mode. */
const vegaLiteCss = `
.fl-vega .fl-foreign-svg{border-radius:.5rem;background:#fff}
`;

export const vegaLiteFamily = defineFamily<{ vega_lite_chart: VegaLiteProps }>({ vega_lite_chart: renderVegaLite }, vegaLiteCss);
