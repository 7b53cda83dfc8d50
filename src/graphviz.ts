/**
 * `formlit/graphviz`: st.graphvizChart's layout engine, Graphviz compiled to WebAssembly
 * (@viz-js/viz), kept out of the core because it weighs about 490 KB gzipped (its loader embeds the
 * binary), plus the 430 KB binary a Worker imports. Call
 * `enableGraphviz()` once, at the top of the app's module.
 *
 * On Cloudflare Workers, WebAssembly cannot be compiled from bytes at run time, which is how
 * @viz-js/viz loads its binary: import the binary as a module (wrangler compiles `.wasm` imports
 * ahead of time) and pass it in. In Node nothing needs passing.
 *
 * @example
 * ```ts
 * import { enableGraphviz } from "formlit/graphviz";
 * import wasm from "formlit/graphviz.wasm"; // Workers only
 * enableGraphviz({ wasm });
 * // later, in a page: st.graphvizChart("digraph { a -> b }")
 * ```
 * @module
 */
import { instance, type Viz } from "@viz-js/viz";
import { setGraphvizRenderer } from "./elements/graphviz.ts";

export interface GraphvizSetup {
  /** Graphviz's binary compiled ahead of time (`import wasm from "formlit/graphviz.wasm"`): needed on Workers */
  wasm?: WebAssembly.Module;
}

/**
 * Runs @viz-js/viz's loader with WebAssembly.instantiate answering from the compiled module: its
 * call with the embedded bytes (refused on Workers) instantiates `wasm` instead. Only for the time
 * of the load; any other call goes through unchanged.
 */
async function load(wasm: WebAssembly.Module | undefined): Promise<Viz> {
  if (!wasm) return instance();
  const original = WebAssembly.instantiate;
  const patched = (source: unknown, imports?: WebAssembly.Imports) =>
    source instanceof WebAssembly.Module
      ? original.call(WebAssembly, source, imports)
      : original.call(WebAssembly, wasm, imports).then((inst) => ({ module: wasm, instance: inst }));
  WebAssembly.instantiate = patched as typeof WebAssembly.instantiate;
  try {
    return await instance();
  } finally {
    WebAssembly.instantiate = original;
  }
}

/**
 * Lets st.graphvizChart draw: Graphviz is loaded on the first graph, once per isolate. A load that
 * failed is tried again on the next graph, unless the runtime refused to compile the binary from
 * bytes: it refuses every time, and each try decodes the 1.4 MB the binary is embedded as (a
 * Gallery request took 9.6 ms of CPU in workerd with the tries, 3.9 without), so that answer is
 * kept for the isolate.
 */
export function enableGraphviz(setup: GraphvizSetup = {}): void {
  let viz: Promise<Viz> | null = null;
  setGraphvizRenderer(async (dot, engine) => {
    viz ??= load(setup.wasm).catch((err: unknown) => {
      if (!/disallowed/i.test(String(err))) {
        viz = null;
        throw err;
      }
      throw new Error('this runtime does not compile WebAssembly from bytes (Cloudflare Workers): import the compiled module and pass it, `import wasm from "formlit/graphviz.wasm"; enableGraphviz({ wasm })`.');
    });
    const result = (await viz).render(dot, { format: "svg", engine });
    if (result.status === "failure") throw new Error(result.errors.map((e) => e.message).join(" ") || "Graphviz could not lay out the graph");
    return result.output;
  });
}
