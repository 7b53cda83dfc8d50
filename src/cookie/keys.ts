import { hex, sha256 } from "../shared/hash.ts";

/**
 * Signing keys. `SESSION_SECRETS` (comma-separated, newest first) or `SESSION_SECRET` from the
 * Worker's environment, or `createApp({ secret })`. The first key signs; every key verifies; each
 * token names its key with `kid`, so rotation never logs anyone out.
 */
export interface SigningKey {
  kid: string;
  /**
   * Imported once per isolate (importing on every request costs more than signing), and not
   * extractable: the secret's bytes are not kept. `hmac` (the secret itself) signs HS256 tokens
   * and CSRF tokens; `aes` (32 bytes derived from the secret) encrypts with A256GCM.
   */
  hmac: CryptoKey;
  aes: CryptoKey;
}

export class MissingSecretError extends Error {
  constructor() {
    super(
      "formlit: no SESSION_SECRET is set, so session cookies cannot be signed. Set one with " +
        "`npx wrangler secret put SESSION_SECRET` (at least 32 random characters, e.g. from " +
        "`openssl rand -base64 48`), or put SESSION_SECRET=... in .dev.vars for local development.",
    );
    this.name = "MissingSecretError";
  }
}

export class WeakSecretError extends Error {
  constructor() {
    super(
      "formlit: each session secret must be at least 32 characters long and random (not a repeated " +
        "character or pattern), e.g. from `openssl rand -base64 48`.",
    );
    this.name = "WeakSecretError";
  }
}

/**
 * Bits of entropy the secret's own character frequencies suggest (Shannon, times its length).
 * A random 32-character secret scores over 90; "aaaa..." scores 0, forty characters of "abab..."
 * 40. It cannot prove a secret random, only catch the ones that plainly are not.
 */
export function estimatedBits(secret: string): number {
  const counts = new Map<string, number>();
  for (const ch of secret) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = [...secret].length;
  let perChar = 0;
  for (const k of counts.values()) perChar -= (k / n) * Math.log2(k / n);
  return perChar * n;
}

// 32 random hex characters (128 bits) score 92 or more in 100,000 draws; patterns score far less.
const MIN_BITS = 80;
const weak = (s: string) => s.length < 32 || estimatedBits(s) < MIN_BITS;

const cache = new Map<string, Promise<SigningKey[]>>();

/**
 * The key's public name: an HMAC of a fixed label under the secret, not a slice of the secret's
 * own SHA-256 (a fingerprint other tools holding the same secret may show or even use as a key).
 */
async function keyId(hmac: CryptoKey): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", hmac, new TextEncoder().encode("formlit-key-id")));
  return hex(mac.slice(0, 6));
}

/** Parses the configured secrets (cached per isolate: it is configuration, not session state). */
export function signingKeys(secrets: string): Promise<SigningKey[]> {
  let found = cache.get(secrets);
  if (!found) {
    const list = secrets.split(",").map((s) => s.trim()).filter(Boolean);
    if (list.length === 0) return Promise.reject(new MissingSecretError());
    if (list.some(weak)) return Promise.reject(new WeakSecretError());
    found = Promise.all(
      list.map(async (s) => {
        const hmac = await crypto.subtle.importKey("raw", new TextEncoder().encode(s), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
        // A separate key for encryption, so no single key serves two algorithms.
        const encKey = await sha256("formlit-encryption:" + s);
        const aes = await crypto.subtle.importKey("raw", encKey as Uint8Array<ArrayBuffer>, { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
        return { kid: await keyId(hmac), hmac, aes };
      }),
    );
    cache.set(secrets, found);
  }
  return found;
}
