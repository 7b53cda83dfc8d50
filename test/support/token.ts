/**
 * Reads a session token the way only the server could: a signed one is decoded, an encrypted one
 * (JWE dir + A256GCM, the default) is decrypted with the key formlit derives from the secret.
 * Synchronous (node:crypto), so a test can look at the state after any request.
 */
import { createDecipheriv, createHash } from "node:crypto";
import { decodeJwt } from "jose";
import { inflateRawSync } from "node:zlib";
import type { Session } from "../../src/engine/run.ts";
import { unpackWith } from "../../src/engine/session-pack.ts";

export const TEST_SECRET = "test-secret-that-is-long-enough-0123456789";

export function tokenClaims(token: string, secret = TEST_SECRET): Record<string, unknown> {
  const parts = token.split(".");
  if (parts.length !== 5) return decodeJwt(token);
  const [header, , iv, ciphertext, tag] = parts as [string, string, string, string, string];
  const key = createHash("sha256").update("formlit-encryption:" + secret).digest();
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(header, "ascii"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
  return JSON.parse(plain.toString("utf8"));
}

const inflated = (z: string) => inflateRawSync(Buffer.from(z, "base64url")).toString("utf8");

/** The session a token carries (inline, or deflated), whichever mode signed it. */
export function tokenSession(token: string, secret = TEST_SECRET): Session {
  const claims = tokenClaims(token, secret) as { s?: { z?: string }; z?: string };
  const packed = claims.z ? JSON.parse(inflated(claims.z)) : claims.s!;
  const session = unpackWith(packed, typeof packed.z === "string" ? inflated(packed.z) : null);
  if (!session) throw new Error("the token does not carry a session of this version");
  return session;
}
