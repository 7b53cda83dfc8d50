/**
 * The hashes formlit uses, in one place. `digest` is fast and synchronous, for names that must be
 * the same on every isolate (widget and fragment ids, what a form held, the client script's file
 * name): a collision there costs a needless rerun, never someone else's data. Where a collision
 * would matter (a key into something shared, a check of stored bytes), `sha256` (WebCrypto).
 * Imports nothing: every layer may use it.
 */

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain). Not for security. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
/** Every two-digit base-36 text, by its value: a digest is then written two digits at a time. */
const PAIRS = Array.from({ length: 36 * 36 }, (_, n) => DIGITS[(n / 36) | 0]! + DIGITS[n % 36]!);

/**
 * `n.toString(36)` for a non-negative integer (up to 2^53), several times faster: V8 formats other
 * radixes than 10 in its runtime, and a page of many widgets formats a few digests per widget per
 * run. The number is split at 36^5 so that both halves are small integers, whose arithmetic is
 * exact and cheap (a 53-bit number's `%` and `/` are floating point). Each half is written from
 * the table of digit pairs, so a digest joins six short strings instead of eleven.
 */
export function base36(n: number): string {
  if (n < B36_5) return small36(n);
  let high = Math.floor(n / B36_5);
  let low = n - high * B36_5;
  // (the quotient is rounded: put it right, so the low part is a remainder)
  if (low < 0) {
    high--;
    low += B36_5;
  } else if (low >= B36_5) {
    high++;
    low -= B36_5;
  }
  return small36(high) + fiveDigits36(low);
}

const B36_5 = 36 ** 5;
const B36_2 = 36 * 36;

/** The base-36 digits of a non-negative integer below 2^31, without leading zeros. */
function small36(n: number): string {
  let text = "";
  while (n >= B36_2) {
    text = PAIRS[n % B36_2] + text;
    n = (n / B36_2) | 0;
  }
  return (n >= 36 ? PAIRS[n]! : DIGITS[n]!) + text;
}

/** The five base-36 digits of a non-negative integer below 36^5, leading zeros included. */
function fiveDigits36(n: number): string {
  const last = PAIRS[n % B36_2]!;
  n = (n / B36_2) | 0;
  return DIGITS[(n / B36_2) | 0]! + PAIRS[n % B36_2]! + last;
}

/** A short stable digest of any text (base 36 of hash53). */
export function digest(text: string): string {
  return base36(hash53(text));
}

/** The SHA-256 of a text's UTF-8 bytes. */
export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

/** Bytes as lowercase hexadecimal. */
export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
