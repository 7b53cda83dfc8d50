/**
 * The gallery's Mermaid diagram inside workerd, where code generation from strings is refused:
 * beautiful-mermaid and ELK lay it out and draw it in the isolate itself (no Web Worker, no eval),
 * and the SVG reaches the page without a <style> element the page's policy would block.
 */
import { expect, it } from "vitest";
import { galleryWithoutCodegen } from "./gallery-without-codegen.ts";

it("eval and the Function constructor throw here, and the gallery's Mermaid diagram still draws", async () => {
  const html = await galleryWithoutCodegen();
  const diagram = /<figure class="fl-chart fl-mermaid" data-kind="mermaid_chart">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? "";
  expect(diagram).toContain(">How a form post becomes a page</title>");
  expect(diagram.match(/<g class="node"/g)?.length).toBe(5);
  expect(diagram).toContain(">Script run</text>");
  expect(diagram).not.toContain("<style");
}, 30_000);
