/**
 * The cookie's deflate, checked the same way on Node (test/cookie/compress.test.ts) and inside
 * workerd (test/workers/compress-in-workerd.test.ts): both runtimes offer node:zlib, and the
 * streams it replaces must stay interchangeable with it.
 */
import { expect, test } from "vitest";
import { deflate, deflateWay, inflate, streamCodec, textCodec } from "../../src/cookie/compress.ts";

const bytesOf = (text: string) => new TextEncoder().encode(text);
const textOf = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
/** A token's widget columns: long, repetitive, not all ASCII. */
const columns = JSON.stringify({ i: Array.from({ length: 800 }, (_, n) => `ab3x9-n${n}`), c: "a".repeat(800), d: ["Zé✓", ...Array.from({ length: 799 }, () => 0)] });

export function compressCases() {
  test("deflates with node:zlib, which the runtime offers", () => {
    expect(deflateWay()).toBe("node:zlib");
  });

  test("a text round-trips, and either way inflates what the other deflated", async () => {
    const mine = await deflate(bytesOf(columns));
    const streamed = await streamCodec.deflate(bytesOf(columns));
    expect(mine.length).toBeLessThan(columns.length / 4);
    expect(textOf(await inflate(streamed as Uint8Array<ArrayBuffer>))).toBe(columns);
    expect(textOf(await streamCodec.inflate(new Uint8Array(mine) as Uint8Array<ArrayBuffer>))).toBe(columns);
    expect(await textCodec.inflate(await textCodec.deflate(columns))).toBe(columns);
  });

  test("data that inflates past 1 MiB is refused, by either way", async () => {
    const bomb = await streamCodec.deflate(new Uint8Array(2 << 20));
    expect(bomb.length).toBeLessThan(5000);
    await expect(inflate(bomb as Uint8Array<ArrayBuffer>)).rejects.toThrow("inflated data is over the limit");
    await expect(streamCodec.inflate(bomb as Uint8Array<ArrayBuffer>)).rejects.toThrow("inflated data is over the limit");
  });

  test("bytes that are not DEFLATE are refused, by either way", async () => {
    const junk = bytesOf("\xff\xfe not deflate at all");
    await expect(inflate(junk)).rejects.toThrow();
    await expect(streamCodec.inflate(junk)).rejects.toThrow();
  });
}
