/**
 * `formlit/vega`: st.vegaLiteChart's renderer (Vega-Lite compiles the spec, Vega lays it out and
 * writes SVG), kept out of the core because it weighs about 270 KB gzipped. Call
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
import { parse, View, loader as vegaLoader, None } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { expressionInterpreter } from "vega-interpreter";
import { setVegaLiteRenderer } from "./elements/vega-lite.ts";

/**
 * A spec may name data by URL; the server fetching whatever a spec names would be a way into the
 * Worker's network, so data comes only from the app (the `data` argument or `values` in the spec).
 */
function noUrls() {
  const refuse = async (uri: string): Promise<never> => {
    throw new Error(`formlit does not load data or images from URLs (${uri}): pass the data to st.vegaLiteChart instead.`);
  };
  return Object.assign(vegaLoader(), { load: refuse, sanitize: refuse, http: refuse, file: refuse });
}

/** Vega-Lite's and Vega's warnings (a field it cannot find, a scale it adjusts) are not the app's output. */
const quiet = { level: () => quiet, error: () => quiet, warn: () => quiet, info: () => quiet, debug: () => quiet };

/**
 * Lets st.vegaLiteChart draw: the spec is compiled at the call (an invalid spec is an error there,
 * as in Streamlit), and drawn to SVG on the server before the page is answered.
 */
export function enableVegaLite(): void {
  setVegaLiteRenderer((spec) => {
    const vega = compile(spec as unknown as TopLevelSpec, { logger: quiet as never }).spec;
    const runtime = parse(vega, undefined, { ast: true });
    return async () => {
      const view = new View(runtime, { expr: expressionInterpreter as never, renderer: "none", loader: noUrls(), logLevel: None });
      try {
        return await view.toSVG();
      } finally {
        view.finalize();
      }
    };
  });
}
