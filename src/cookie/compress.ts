/**
 * deflate-raw through the web-standard CompressionStream (Workers, Node 18+, browsers). Inflating
 * stops past a bound, so a forged "zip bomb" cannot take the isolate's memory (it could not pass
 * the signature check anyway, but the bound costs nothing).
 */
import * as base64url from "jose/base64url";

const MAX_INFLATED = 1 << 20;

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
      throw new Error("inflated data is over the limit");
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

export function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream("deflate-raw"), Infinity);
}

export function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return pipe(bytes, new DecompressionStream("deflate-raw"), MAX_INFLATED);
}

/** Text deflated into base64url (what a token can carry) and back. */
export const textCodec = {
  deflate: async (text: string): Promise<string> => base64url.encode(await deflate(new TextEncoder().encode(text))),
  inflate: async (packed: string): Promise<string> => new TextDecoder().decode(await inflate(base64url.decode(packed) as Uint8Array<ArrayBuffer>)),
};
