/**
 * deflate-raw for the session token. Where the runtime offers node:zlib's synchronous calls (Node,
 * and Workers with `nodejs_compat`, on by default from compatibility date 2026-08-04) they are
 * used: one native call per token, where the web-standard CompressionStream sets up a stream, its
 * reader and writer, and on Node hands every write to a thread pool. Measured on a token's 16 KB:
 * in workerd 107 µs against 190 to deflate and 20 against 110 to inflate; on Node 118 against 333
 * in a loop, and far more inside a request. Elsewhere (an older compatibility date, a browser) the
 * stream is used. Both write the same raw DEFLATE, so a token deflated by one inflates with the
 * other: isolates of one deployment may differ in neither, but a session survives a change of
 * settings between deploys.
 *
 * Inflating stops past a bound, so a forged "zip bomb" cannot take the isolate's memory (it could
 * not pass the signature check anyway, but the bound costs nothing).
 */
import * as base64url from "jose/base64url";

const MAX_INFLATED = 1 << 20;
const OVER_LIMIT = "inflated data is over the limit";

/** The two node:zlib calls used here. */
interface SyncZlib {
  deflateRawSync(bytes: Uint8Array, options: { level: number }): Uint8Array;
  inflateRawSync(bytes: Uint8Array, options: { maxOutputLength: number }): Uint8Array;
}

/**
 * zlib's fastest level. What a token deflates is the widget list's columns (ids, one letter per
 * widget, digests that mostly repeat) or a signed session's JSON: text so repetitive that the
 * default level (6) searched three times as long for no smaller result. Measured on Node, the
 * columns of 1,000 widgets (16 KB): 104 µs and 2,312 bytes at level 6, 34 µs and 2,265 bytes at
 * level 1; inflating is the same for both.
 */
const DEFLATE_OPTIONS = { level: 1 };

let zlib: SyncZlib | null | undefined;

/**
 * node:zlib, when the runtime has it and it works: a polyfilled `process` may offer a module whose
 * calls only throw, so one round trip of a short text decides, once per isolate.
 */
function runtimeZlib(): SyncZlib | null {
  if (zlib !== undefined) return zlib;
  zlib = null;
  try {
    const found = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.("node:zlib") as Partial<SyncZlib> | undefined;
    if (typeof found?.deflateRawSync !== "function" || typeof found.inflateRawSync !== "function") return zlib;
    const probe = new TextEncoder().encode("formlit formlit formlit");
    const back = found.inflateRawSync(found.deflateRawSync(probe, DEFLATE_OPTIONS), { maxOutputLength: MAX_INFLATED });
    if (new TextDecoder().decode(back) === "formlit formlit formlit") zlib = found as SyncZlib;
  } catch {
    // no usable node:zlib: the streams below
  }
  return zlib;
}

async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes).then(() => writer.close()).catch(() => {});
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error(OVER_LIMIT);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** The web-standard streams, whatever else the runtime offers (the fallback, and for tests that compare the two ways). */
export const streamCodec = {
  deflate: (bytes: Uint8Array<ArrayBuffer>) => pipe(bytes, new CompressionStream("deflate-raw"), Infinity),
  inflate: (bytes: Uint8Array<ArrayBuffer>) => pipe(bytes, new DecompressionStream("deflate-raw"), MAX_INFLATED),
};

export async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const z = runtimeZlib();
  return z ? z.deflateRawSync(bytes, DEFLATE_OPTIONS) : streamCodec.deflate(bytes);
}

export async function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const z = runtimeZlib();
  if (!z) return streamCodec.inflate(bytes);
  try {
    return z.inflateRawSync(bytes, { maxOutputLength: MAX_INFLATED });
  } catch (err) {
    // node:zlib says "too large" with a RangeError; anything else is data that does not inflate
    throw err instanceof RangeError ? new Error(OVER_LIMIT) : err;
  }
}

/** Text deflated into base64url (what a token can carry) and back. */
export const textCodec = {
  deflate: async (text: string): Promise<string> => base64url.encode(await deflate(new TextEncoder().encode(text))),
  inflate: async (packed: string): Promise<string> => new TextDecoder().decode(await inflate(base64url.decode(packed) as Uint8Array<ArrayBuffer>)),
};

/** Which way this runtime deflates (what the tests check, so the faster way is never lost unnoticed). */
export const deflateWay = (): "node:zlib" | "CompressionStream" => (runtimeZlib() ? "node:zlib" : "CompressionStream");
