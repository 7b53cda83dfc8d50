/** The cookie's deflate on Node (the cases shared with workerd), and where node:zlib is missing or broken. */
import { afterEach, describe, expect, test, vi } from "vitest";
import { compressCases } from "../support/compress-cases.ts";

describe("on Node", compressCases);

describe("without a working node:zlib", () => {
  const real = process.getBuiltinModule;
  afterEach(() => {
    process.getBuiltinModule = real;
    vi.resetModules();
  });

  /** The module loaded afresh (it decides once per isolate) under `lookup`. */
  async function freshWith(lookup: typeof process.getBuiltinModule | undefined) {
    (process as { getBuiltinModule?: unknown }).getBuiltinModule = lookup;
    vi.resetModules();
    return import("../../src/cookie/compress.ts");
  }

  test("a runtime without getBuiltinModule (an older compatibility date) uses the streams, and they round-trip", async () => {
    const c = await freshWith(undefined);
    expect(c.deflateWay()).toBe("CompressionStream");
    const text = "columns ".repeat(500);
    expect(await c.textCodec.inflate(await c.textCodec.deflate(text))).toBe(text);
  });

  test("a polyfilled node:zlib whose calls only throw is not used", async () => {
    const stub = { deflateRawSync: () => { throw new Error("not implemented"); }, inflateRawSync: () => { throw new Error("not implemented"); } };
    const c = await freshWith(((id: string) => (id === "node:zlib" ? stub : real(id))) as typeof process.getBuiltinModule);
    expect(c.deflateWay()).toBe("CompressionStream");
    const text = "columns ".repeat(500);
    expect(await c.textCodec.inflate(await c.textCodec.deflate(text))).toBe(text);
  });
});
