/**
 * A page's pieces as one UTF-8 response body, encoded a few kilobytes at a time.
 *
 * Why not hand the runtime one string: a page built by templates is a rope of many small strings,
 * which the runtime must first copy into one flat string to encode it. A flat string of more than
 * about 128 KB (64 K characters when any is above U+00FF) goes to V8's large-object space, and
 * that allocation, with the collection that frees it, costs several times the copy itself
 * (measured: flattening the 1,000-widget page was a tenth of its interaction). Pieces joined into
 * chunks of at most CHUNK characters stay small strings; their bytes go into one array.
 * Bytes also spare Node's fetch its check of a two-byte string for unpaired surrogates (browsers'
 * rules for text bodies), which walked the whole page again.
 */
const CHUNK = 16 * 1024;

export function htmlBody(pieces: readonly string[]): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let text = "";
  for (const piece of pieces) {
    if (text.length > 0 && text.length + piece.length > CHUNK) {
      chunks.push(encoder.encode(text));
      text = "";
    }
    text += piece;
  }
  chunks.push(encoder.encode(text));
  if (chunks.length === 1) return chunks[0] as Uint8Array<ArrayBuffer>;
  const body = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.length;
  }
  return body;
}
