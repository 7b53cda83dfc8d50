/**
 * The gallery's Vega-Lite chart and Graphviz graph inside workerd, where code generation from
 * strings and WebAssembly compiled from bytes are refused: the same test shows the runtime refusing
 * both (so nothing on the page's path can rely on them) and the charts drawing all the same: Vega
 * through its expression interpreter, Graphviz from the binary wrangler compiled ahead of time.
 */
import { expect, it } from "vitest";
import { galleryWithoutCodegen } from "./gallery-without-codegen.ts";

it("eval, the Function constructor and WebAssembly from bytes throw here, and both charts still render", async () => {
  const emptyModule = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
  await expect(WebAssembly.instantiate(emptyModule)).rejects.toThrow(/Wasm code generation disallowed by embedder/);
  const html = await galleryWithoutCodegen();
  // Vega-Lite: two lines of four points (one per month and city), named and described
  const vega = /<figure class="fl-chart fl-vega" data-kind="vega_lite_chart">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? "";
  expect(vega).toContain(">Average temperature by month</title>");
  expect(vega).toContain(">Average monthly temperature in Oslo and Rome, in degrees Celsius.</desc>");
  expect(vega).toContain('aria-roledescription="line mark container"');
  expect(vega.match(/aria-roledescription="point"/g)?.length).toBe(8);
  // Graphviz: three nodes, three edges, laid out by dot
  const graph = /<figure class="fl-chart fl-graphviz" data-kind="graphviz_chart">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? "";
  expect(graph).toContain(">Request life cycle</title>");
  expect(graph).toContain("Directed graph of 3 nodes (post, run, page) and 3 edges.");
  expect(graph.match(/class="node"/g)?.length).toBe(3);
  expect(graph).toContain(">form POST</text>");
}, 30_000);
