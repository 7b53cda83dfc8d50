/**
 * `formlit/mermaid`: st.mermaidChart's renderer, beautiful-mermaid (Mermaid's flowcharts,
 * sequence, class, state, entity-relationship diagrams and XY charts, laid out by the ELK engine
 * and written as SVG with no DOM), kept out of the core because it weighs about 540 KB gzipped. Call `enableMermaid()` once,
 * at the top of the app's module.
 *
 * It runs on Workers as it is: ELK's layout runs in the same isolate (no Web Worker, no `eval`).
 *
 * @example
 * ```ts
 * import { enableMermaid } from "formlit/mermaid";
 * enableMermaid();
 * // later, in a page:
 * st.mermaidChart("graph LR\n  A[Start] --> B{Decision}\n  B -->|Yes| C[OK]");
 * ```
 * @module
 */
import { setMermaidRenderer } from "./elements/mermaid.ts";

/**
 * beautiful-mermaid and ELK, evaluated on the first diagram: a fresh isolate that draws none does
 * not pay for them.
 */
let library: Promise<typeof import("beautiful-mermaid")> | null = null;

/**
 * Lets st.mermaidChart draw: the diagram is laid out and drawn before the page is answered, in the
 * page's own colours (light or dark); source it cannot read is the call's error in the page.
 */
export function enableMermaid(): void {
  setMermaidRenderer(async (code) => {
    const { renderMermaidSVG } = await (library ??= import("beautiful-mermaid"));
    return renderMermaidSVG(code, { bg: "var(--fl-bg)", fg: "var(--fl-fg)", transparent: true });
  });
}
