/**
 * Signing keys. `SESSION_SECRETS` (comma-separated, newest first) or `SESSION_SECRET` from the
 * Worker's environment, or `createApp({ secret })`. The first key signs; every key verifies; each
 * token names its key with `kid`, so rotation never logs anyone out.
 */
export interface SigningKey {
  kid: string;
  /** the secret's bytes: the HS256 key */
  key: Uint8Array<ArrayBuffer>;
  /** 32 bytes derived from the secret: the A256GCM key when the state is encrypted */
  encKey: Uint8Array<ArrayBuffer>;
  /** the same keys imported once per isolate: importing on every request costs more than signing */
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
    super("formlit: each session secret must be at least 32 characters long.");
    this.name = "WeakSecretError";
  }
}

const cache = new Map<string, Promise<SigningKey[]>>();

async function keyId(secret: Uint8Array<ArrayBuffer>): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", secret));
  return Array.from(hash.slice(0, 6), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Parses the configured secrets (cached per isolate: it is configuration, not session state). */
export function signingKeys(secrets: string): Promise<SigningKey[]> {
  let found = cache.get(secrets);
  if (!found) {
    const list = secrets.split(",").map((s) => s.trim()).filter(Boolean);
    if (list.length === 0) return Promise.reject(new MissingSecretError());
    if (list.some((s) => s.length < 32)) return Promise.reject(new WeakSecretError());
    found = Promise.all(
      list.map(async (s) => {
        const key = new TextEncoder().encode(s);
        // A separate key for encryption, so no single key serves two algorithms.
        const encKey = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode("formlit-encryption:" + s)));
        const hmac = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
        const aes = await crypto.subtle.importKey("raw", encKey, { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
        return { kid: await keyId(key), key, encKey, hmac, aes };
      }),
    );
    cache.set(secrets, found);
  }
  return found;
}
