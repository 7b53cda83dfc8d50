/**
 * The gallery's Mermaid diagram inside workerd, where code generation from strings is refused:
 * beautiful-mermaid and ELK lay it out and draw it in the isolate itself (no Web Worker, no eval),
 * and the SVG reaches the page without a <style> element the page's policy would block.
 */
import { exports } from "cloudflare:workers";
import { expect, it } from "vitest";

it("eval and the Function constructor throw here, and the gallery's Mermaid diagram still draws", async () => {
  expect(() => eval("1 + 1")).toThrow(/Code generation from strings disallowed/);
  // (vitest's runner puts its own `Function` on the global: the language's own constructor is the one code reaches through any function)
  const IntrinsicFunction = (function () {}).constructor as FunctionConstructor;
  expect(() => new IntrinsicFunction("return 1")).toThrow(/Code generation from strings disallowed/);

  const globalFunction = globalThis.Function;
  globalThis.Function = IntrinsicFunction;
  let html: string;
  let status: number;
  try {
    const res = await exports.default.fetch("http://localhost/gallery");
    status = res.status;
    html = await res.text();
  } finally {
    globalThis.Function = globalFunction;
  }
  expect(status).toBe(200);
  expect(html).not.toContain('class="fl-exception"');
  const diagram = /<figure class="fl-chart fl-mermaid" data-kind="mermaid_chart">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? "";
  expect(diagram).toContain(">How a form post becomes a page</title>");
  expect(diagram.match(/<g class="node"/g)?.length).toBe(5);
  expect(diagram).toContain(">Script run</text>");
  expect(diagram).not.toContain("<style");
}, 30_000);
