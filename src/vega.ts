/**
 * `formlit/vega`: st.vegaLiteChart's renderer (Vega-Lite compiles the spec, Vega lays it out and
 * writes SVG), kept out of the core because it weighs about 275 KB gzipped. Call
 * `enableVegaLite()` once, at the top of the app's module.
 *
 * Workers forbid `eval` and `new Function`, which Vega's default expression compiler uses: the
 * spec is parsed to an expression tree (`ast: true`) that Vega's interpreter (vega-interpreter)
 * evaluates instead, so filters, calculations and conditions in a spec work unchanged.
 *
 * @example
 * ```ts
 * import { enableVegaLite } from "formlit/vega";
 * enableVegaLite();
 * // later, in a page:
 * st.vegaLiteChart(rows, { mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } });
 * ```
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { setVegaLiteRenderer, invalidSpec } from "./elements/vega-lite.ts";

type Libraries = [typeof import("vega"), typeof import("vega-lite"), typeof import("vega-interpreter")];

/**
 * Vega, Vega-Lite and the interpreter, evaluated on the first chart: evaluating them is a good part
 * of a Worker's start-up, which every fresh isolate (and a Durable Object in the same script) would
 * otherwise pay, chart or not.
 */
let libraries: Promise<Libraries> | null = null;
const load = () => (libraries ??= Promise.all([import("vega"), import("vega-lite"), import("vega-interpreter")]));

/**
 * A spec may name data or images by URL; the server fetching whatever a spec names would be a way
 * into the Worker's network, so nothing is loaded (the core refuses data URLs at the call).
 * A mark's link (the `href` channel) is left out of the SVG rather than refused: the SVG writer
 * asks for it in a promise nobody awaits, where a refusal would be an unhandled rejection (which
 * ends a Node process).
 */
function noUrls(vega: Libraries[0]) {
  const refuse = async (uri: string): Promise<never> => {
    throw new Error(`formlit does not load data or images from URLs (${uri}): pass the data to st.vegaLiteChart instead.`);
  };
  const sanitize = async (uri: string, options?: { context?: string }) => (options?.context === "href" ? {} : refuse(uri));
  return Object.assign(vega.loader(), { load: refuse, sanitize, http: refuse, file: refuse });
}

/** Vega-Lite's and Vega's warnings (a field it cannot find, a scale it adjusts) are not the app's output. */
const quiet = { level: () => quiet, error: () => quiet, warn: () => quiet, info: () => quiet, debug: () => quiet };

/**
 * Lets st.vegaLiteChart draw: the spec is compiled and drawn to SVG on the server before the page
 * is answered; a spec Vega-Lite cannot compile is the call's exception in the page.
 */
export function enableVegaLite(): void {
  setVegaLiteRenderer(async (spec) => {
    const [vega, vegaLite, { expressionInterpreter }] = await load();
    let runtime: ReturnType<typeof vega.parse>;
    try {
      runtime = vega.parse(vegaLite.compile(spec as unknown as TopLevelSpec, { logger: quiet as never }).spec, undefined, { ast: true });
    } catch (err) {
      throw invalidSpec(err);
    }
    const view = new vega.View(runtime, { expr: expressionInterpreter as never, renderer: "none", loader: noUrls(vega), logLevel: vega.None });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  });
}
