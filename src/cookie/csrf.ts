/** CSRF tokens bound to the session: HMAC-SHA256 of the session id under the signing key. */
import type { SigningKey } from "./keys.ts";

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

async function hmac(key: Uint8Array<ArrayBuffer>, text: string): Promise<string> {
  const k = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const sig = new Uint8Array(await crypto.subtle.sign("HMAC", k, new TextEncoder().encode(text)));
  return toBase64Url(sig.slice(0, 18));
}

export function csrfToken(key: SigningKey, sessionId: string): Promise<string> {
  return hmac(key.key, "csrf:" + sessionId);
}

/** True when `token` was issued for this session under any configured key (rotation-safe). */
export async function checkCsrf(keys: SigningKey[], sessionId: string, token: string | undefined): Promise<boolean> {
  if (!token || token.length > 64) return false;
  for (const key of keys) {
    const expected = await csrfToken(key, sessionId);
    if (expected.length !== token.length) continue;
    let diff = 0;
    for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ token.charCodeAt(i);
    if (diff === 0) return true;
  }
  return false;
}

export function randomSessionId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}
