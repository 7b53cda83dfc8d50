/**
 * st.mermaidChart (added after 1.39): a Mermaid diagram drawn to SVG on the server, named for
 * screen readers by `alt`, its `accTitle`/`accDescr` lines, or its kind ("Mermaid flowchart").
 * The renderer (beautiful-mermaid with the ELK layout engine) is not in the core:
 * `enableMermaid()` from `formlit/mermaid` installs it, as `formlit/vega` does for Vega-Lite.
 */
import type { ContainerBase } from "./base.ts";
import { defineFamily } from "./family.ts";
import { html, type Html } from "../render/html.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { figure, figureId } from "./chart/figure.ts";
import { memoDrawing, pushDrawing, shortMessage, unwrapSvg } from "./chart/drawn-later.ts";
import { inlineSvg } from "./chart/inline-svg.ts";
import { pyRepr, pyType } from "./common.ts";
import { checkExtent, type Extent } from "./sizing.ts";

export interface MermaidChartOptions {
  /**
   * "stretch" (default: the container's width, the diagram centred in it), "content" (the
   * diagram's own width), or pixels; the diagram keeps its own size, shrinking to fit a narrower box
   */
  width?: Extent;
  /**
   * a short plain-text name for the diagram, read by screen readers; it replaces the diagram's
   * `accTitle`/`accDescr` lines. Default: those lines, else the kind ("Mermaid flowchart")
   */
  alt?: string | null;
}

/** Draws Mermaid source to SVG; throws the parser's message when it is not a diagram it knows. Installed by `enableMermaid()`. */
export type MermaidRenderer = (code: string) => Promise<string>;

let renderer: MermaidRenderer | null = null;

export function setMermaidRenderer(r: MermaidRenderer): void {
  renderer = r;
}

/** The diagram's kind from its header line, as Streamlit names it for screen readers. */
const KINDS: [RegExp, string][] = [
  [/^(graph|flowchart)\b/, "flowchart"],
  [/^sequenceDiagram\b/, "sequence diagram"],
  [/^classDiagram\b/, "class diagram"],
  [/^stateDiagram\b/, "state diagram"],
  [/^erDiagram\b/, "entity relationship diagram"],
  [/^xychart/, "XY chart"],
];

/** Mermaid's front matter (a YAML block between `---` lines, first in the source), which the renderer does not read. */
const withoutFrontMatter = (code: string) => code.replace(/^\s*---\r?\n[\s\S]*?\r?\n\s*---\s*(\r?\n|$)/, "");

/** The source's lines without front matter and comments, trimmed. */
const sourceLines = (code: string) => withoutFrontMatter(code).split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("%%"));

function kindOf(code: string): string {
  const header = sourceLines(code)[0] ?? "";
  return `Mermaid ${KINDS.find(([re]) => re.test(header))?.[1] ?? "diagram"}`;
}

/** An `accTitle: …` or `accDescr: …` line's text. */
function accLine(code: string, name: "accTitle" | "accDescr"): string | null {
  const line = sourceLines(code).find((l) => l.startsWith(name));
  const m = line && /^acc(?:Title|Descr)\s*:\s*(.+)$/.exec(line);
  return m ? m[1]!.trim() : null;
}

/** The source the renderer reads: without front matter, nor the accessibility lines the figure reads instead. */
const drawnSource = (code: string) => withoutFrontMatter(code).split("\n").filter((l) => !/^\s*acc(Title|Descr)\s*:/.test(l)).join("\n");

export function mermaidChart(c: ContainerBase, body: string, opts: MermaidChartOptions = {}): void {
  const run = c._run("st.mermaidChart");
  if (typeof body !== "string") throw new StreamlitAPIException(`st.mermaidChart: the diagram must be Mermaid source text (a str), not ${pyType(body)} ${pyRepr(body)}.`);
  const width = checkExtent("width", opts.width ?? "stretch");
  const draw = renderer;
  if (!draw) {
    throw new StreamlitAPIException('st.mermaidChart needs the Mermaid renderer: call `enableMermaid()` from "formlit/mermaid" once in your app (it adds beautiful-mermaid and the ELK layout engine, about 540 KB gzipped, to the Worker).');
  }
  const alt = typeof opts.alt === "string" && opts.alt.trim() ? opts.alt.trim() : null;
  const title = alt ?? accLine(body, "accTitle") ?? kindOf(body);
  const desc = alt ?? accLine(body, "accDescr") ?? kindOf(body);
  const props: MermaidProps = { id: figureId(run, "fl-mermaid"), title, desc, width, svg: null };
  const source = drawnSource(body);
  const drawing = memoDrawing(["mermaid", source], () => draw(source)).catch((err: unknown) => {
    throw new StreamlitAPIException(`st.mermaidChart: the diagram is not valid Mermaid: ${shortMessage(err)}`);
  });
  pushDrawing(c, mermaidFamily.node("mermaid_chart", props), props, drawing, "st.mermaidChart");
}

interface MermaidProps {
  id: string;
  title: string;
  desc: string;
  width: Extent;
  /** the renderer's SVG, once drawn */
  svg: string | null;
}

function renderMermaid(p: MermaidProps): Html {
  if (p.svg === null) return html``; // not drawn yet (a page streamed while the run goes on)
  const { svg, rootVars } = inlineSvg(p.svg, p.id);
  const { width, height, body } = unwrapSvg(svg);
  // the drawing keeps its own size (a small diagram is not blown up), shrinking to fit a narrower box
  const size = typeof p.width === "number" ? `width:${p.width}px;max-width:100%;` : "";
  const pic = figure({ kind: "mermaid_chart", id: p.id, title: p.title, caption: null, desc: p.desc, body, width, height, fill: false, table: null, className: "fl-mermaid", foreign: true });
  return html`<div class="fl-mermaid-box fl-mermaid-${typeof p.width === "number" ? "px" : p.width}" style="${size}${rootVars}">${pic}</div>`;
}

/** The diagram takes the page's colours (light or dark) and fonts. */
const mermaidCss = `
.fl-mermaid-box{--bg:var(--fl-bg);--fg:var(--fl-fg)}.fl-mermaid-stretch .fl-foreign-svg{margin:0 auto}.fl-mermaid-content{display:inline-block;max-width:100%}.fl-mermaid .mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
`;

export const mermaidFamily = defineFamily<{ mermaid_chart: MermaidProps }>({ mermaid_chart: renderMermaid }, mermaidCss);
