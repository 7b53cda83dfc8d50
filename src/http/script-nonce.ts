/**
 * The Content-Security-Policy nonce of each answer: 128 bits from the platform's cryptographic
 * random source, used once. The bytes are drawn from a pool filled 4 KB at a time, because on
 * Node a call to `crypto.getRandomValues` inside a request cost about 20 µs, some 2 % of a small
 * page's CPU, while a draw from the pool is a copy. The pool holds the same random output a call
 * per answer would give, and no two answers share a byte of it.
 */
import type { Context } from "hono";

const NONCE_BYTES = 16;
const POOL_BYTES = 4096;

let pool = new Uint8Array(0);
let next = 0;

/**
 * A fresh nonce in base64 with its padding: CSP Level 3 also allows base64url, but a browser of
 * Level 2 knows only this alphabet (and one that refused the nonce would run no script at all).
 */
export function freshNonce(): string {
  if (next + NONCE_BYTES > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    next = 0;
  }
  let binary = "";
  for (let i = next; i < next + NONCE_BYTES; i++) binary += String.fromCharCode(pool[i]!);
  next += NONCE_BYTES;
  return btoa(binary);
}

/** Where the answer's nonce is kept for the page's script tag (the name Hono's secureHeaders uses). */
const NONCE_KEY = "secureHeadersNonce";

/**
 * The `script-src` source for Hono's secureHeaders: this answer's nonce, made on first use and
 * kept in the context so the page's `<script>` carries the same one.
 */
export function scriptNonceSource(c: Context): string {
  let nonce = c.get(NONCE_KEY as never) as string | undefined;
  if (nonce === undefined) {
    nonce = freshNonce();
    c.set(NONCE_KEY as never, nonce as never);
  }
  return `'nonce-${nonce}'`;
}

/** The nonce of this answer's policy, when it has one. */
export const scriptNonceOf = (c: Context): string | undefined => c.get(NONCE_KEY as never) as string | undefined;
