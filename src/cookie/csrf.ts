/** CSRF tokens bound to the session: HMAC-SHA256 of the session id under the signing key. */
import * as base64url from "jose/base64url";
import type { SigningKey } from "./keys.ts";

async function hmac(key: CryptoKey, text: string): Promise<string> {
  const sig = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(text)));
  return base64url.encode(sig.slice(0, 18));
}

/**
 * Tokens made, by key and session id: a session's token is the same on every request, and each
 * HMAC is a trip through WebCrypto (on Node, to its thread pool). In memory only, a few per key,
 * the oldest let go first.
 */
const made = new WeakMap<CryptoKey, Map<string, Promise<string>>>();
const KEPT_PER_KEY = 1000;

export function csrfToken(key: SigningKey, sessionId: string): Promise<string> {
  let bySession = made.get(key.hmac);
  if (bySession === undefined) made.set(key.hmac, (bySession = new Map()));
  let token = bySession.get(sessionId);
  if (token === undefined) {
    if (bySession.size >= KEPT_PER_KEY) bySession.delete(bySession.keys().next().value!);
    const kept = bySession;
    token = hmac(key.hmac, "csrf:" + sessionId);
    token.catch(() => kept.delete(sessionId));
    kept.set(sessionId, token);
  }
  return token;
}

/**
 * Which key issued `token` for this session (index into `keys`, rotation-safe), or -1. Index 0
 * means the token is exactly the one this request would issue again, so it can be reused.
 */
export async function checkCsrf(keys: SigningKey[], sessionId: string, token: string | undefined): Promise<number> {
  if (!token || token.length > 64) return -1;
  for (const [i, key] of keys.entries()) {
    const expected = await csrfToken(key, sessionId);
    if (expected.length !== token.length) continue;
    let diff = 0;
    for (let j = 0; j < expected.length; j++) diff |= expected.charCodeAt(j) ^ token.charCodeAt(j);
    if (diff === 0) return i;
  }
  return -1;
}

export function randomSessionId(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(16)));
}
