/**
 * st.graphvizChart: a graph in the DOT language laid out by Graphviz on the server and shown as
 * accessible SVG (a name, a description counting nodes and edges, the edges as a table). Graphviz is
 * WebAssembly (about 490 KB gzipped with its loader, plus the 430 KB binary a Worker imports), so
 * it is not in the core: `enableGraphviz()` from `formlit/graphviz` installs it, as `formlit/latex`
 * does for st.latex.
 */
import type { ContainerBase } from "./base.ts";
import { defineFamily } from "./family.ts";
import { html, type Html } from "../render/html.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { figure, figureId, MAX_TABLE_ROWS, type FigureTable } from "./chart/figure.ts";
import { memoDrawing, pushDrawing, unwrapSvg } from "./chart/drawn-later.ts";
import { pyRepr, pyType } from "./common.ts";

export type GraphvizEngine = "dot" | "neato" | "fdp" | "sfdp" | "circo" | "twopi" | "osage" | "patchwork";

export interface GraphvizChartOptions {
  /** stretch the graph to the container's width (default false, as Streamlit) */
  useContainerWidth?: boolean;
  /** Graphviz's layout engine (default "dot") */
  engine?: GraphvizEngine;
}

/** Lays out DOT and writes SVG; rejects with Graphviz's message when the DOT is not valid. */
export type GraphvizRenderer = (dot: string, engine: GraphvizEngine) => Promise<string>;

let renderer: GraphvizRenderer | null = null;

export function setGraphvizRenderer(r: GraphvizRenderer): void {
  renderer = r;
}

/** Graphviz's own entities for the characters it escapes in <title> (the only markup there). */
function unescapeTitle(text: string): string {
  return text.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

/** The titles Graphviz gives its node and edge groups ("a", "a->b"), in order. */
function titlesOf(svg: string, cls: "node" | "edge"): string[] {
  return [...svg.matchAll(new RegExp(`<g id="[^"]*" class="${cls}">\\s*<title>([^<]*)</title>`, "g"))].map((m) => unescapeTitle(m[1]!));
}

/**
 * Links in a graph (URL, href attributes) keep only web addresses: DOT is the author's, but may
 * hold text from users, and a javascript: link in the page would run in it.
 */
function safeLinks(svg: string): string {
  return svg.replace(/\s(?:xlink:)?href="([^"]*)"/g, (m, url: string) => (/^(https?:|mailto:|#)/i.test(url.trim()) ? m : ""));
}

/** The graph's label, drawn as its name when the DOT gives one. */
function graphLabel(svg: string): string | null {
  const m = /<g id="graph0" class="graph"[^>]*>\s*<title>([^<]*)<\/title>/.exec(svg);
  const name = m ? unescapeTitle(m[1]!) : "";
  return name && name !== "%3" && !/^G$/.test(name) ? name : null;
}

export function graphvizChart(c: ContainerBase, figureOrDot: string, opts: GraphvizChartOptions = {}): void {
  const run = c._run("st.graphvizChart");
  if (typeof figureOrDot !== "string") {
    throw new StreamlitAPIException(`Unhandled type for graphviz chart: ${pyType(figureOrDot)} ${pyRepr(figureOrDot)}. formlit takes the graph as DOT text.`);
  }
  const draw = renderer;
  if (!draw) {
    throw new StreamlitAPIException('st.graphvizChart needs Graphviz: call `enableGraphviz()` from "formlit/graphviz" once in your app (it adds about 490 KB gzipped to the Worker, and on Workers its 430 KB WebAssembly binary).');
  }
  const props: GraphvizProps = { id: figureId(run, "fl-graphviz"), fill: Boolean(opts.useContainerWidth), svg: null };
  const engine = opts.engine ?? "dot";
  const drawing = memoDrawing(["graphviz", figureOrDot, engine], () => draw(figureOrDot, engine)).catch((err: unknown) => {
    throw new StreamlitAPIException(`st.graphvizChart: the DOT source is not valid: ${err instanceof Error ? err.message : String(err)}`);
  });
  pushDrawing(c, graphvizFamily.node("graphviz_chart", props), props, drawing, "st.graphvizChart");
}

interface GraphvizProps {
  id: string;
  fill: boolean;
  /** Graphviz's SVG, once drawn */
  svg: string | null;
}

function edgeTable(edges: string[]): FigureTable | null {
  if (!edges.length) return null;
  const rows = edges.slice(0, MAX_TABLE_ROWS).map((e, i) => {
    const [from, to] = e.split(/->|--/, 2);
    return [String(i + 1), from ?? e, to ?? ""];
  });
  return { headers: ["edge", "from", "to"], rows, total: edges.length };
}

function renderGraphviz(p: GraphvizProps): Html {
  if (p.svg === null) return html``; // not drawn yet (a page streamed while the run goes on)
  const svg = safeLinks(p.svg);
  const { width, height, body } = unwrapSvg(svg);
  const nodes = titlesOf(svg, "node");
  const edges = titlesOf(svg, "edge");
  const directed = edges.some((e) => e.includes("->"));
  const desc = `${directed ? "Directed graph" : "Graph"} of ${nodes.length} node${nodes.length === 1 ? "" : "s"} (${nodes.slice(0, 20).join(", ")}${nodes.length > 20 ? ", …" : ""}) and ${edges.length} edge${edges.length === 1 ? "" : "s"}.`;
  const label = graphLabel(svg);
  return figure({ kind: "graphviz_chart", id: p.id, title: label ?? "Graph", caption: null, desc, body, width, height, fill: p.fill, table: edgeTable(edges), className: "fl-graphviz", foreign: true });
}

/** Graphviz draws black on white: a card that stays legible in dark mode. */
const graphvizCss = `
.fl-graphviz .fl-foreign-svg{border-radius:.5rem;background:#fff}
`;

export const graphvizFamily = defineFamily<{ graphviz_chart: GraphvizProps }>({ graphviz_chart: renderGraphviz }, graphvizCss);
