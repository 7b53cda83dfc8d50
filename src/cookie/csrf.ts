/** CSRF tokens bound to the session: HMAC-SHA256 of the session id under the signing key. */
import * as base64url from "jose/base64url";
import type { SigningKey } from "./keys.ts";

async function hmac(key: CryptoKey, text: string): Promise<string> {
  const sig = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(text)));
  return base64url.encode(sig.slice(0, 18));
}

export function csrfToken(key: SigningKey, sessionId: string): Promise<string> {
  return hmac(key.hmac, "csrf:" + sessionId);
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
