/**
 * The gallery drawn inside workerd, where code generation from strings is refused: first shown
 * refused (so nothing on the page's path can rely on it), then the page fetched with the runtime's
 * own Function constructor on the global, answered whole, without an exception.
 */
import { exports } from "cloudflare:workers";
import { expect } from "vitest";

export async function galleryWithoutCodegen(): Promise<string> {
  expect(() => eval("1 + 1")).toThrow(/Code generation from strings disallowed/);
  // (vitest's runner puts its own `Function` on the global: the language's own constructor is the one code reaches through any function)
  const IntrinsicFunction = (function () {}).constructor as FunctionConstructor;
  expect(() => new IntrinsicFunction("return 1")).toThrow(/Code generation from strings disallowed/);
  const globalFunction = globalThis.Function;
  globalThis.Function = IntrinsicFunction; // the page is drawn with the runtime's real constructor
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
  return html;
}
