/**
 * The keys of the sign-in cookies, derived from one secret (the `auth.cookieSecret`, else the
 * app's session secret) with HKDF, a different key for each purpose: the cookie of a sign-in in
 * progress can never pass for an identity cookie, and neither for a session cookie.
 */
export type KeyPurpose = "identity" | "sign-in";

const cache = new Map<string, Promise<Uint8Array>>();

/** 32 bytes for A256GCM, derived once per isolate for each secret and purpose. */
export function cookieKey(secret: string, purpose: KeyPurpose): Promise<Uint8Array> {
  const id = `${purpose}\u0000${secret}`;
  let found = cache.get(id);
  if (!found) {
    found = (async () => {
      const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), "HKDF", false, ["deriveBits"]);
      const info = new TextEncoder().encode(`formlit ${purpose} cookie`);
      const bits = await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(32), info }, base, 256);
      return new Uint8Array(bits);
    })();
    cache.set(id, found);
  }
  return found;
}
