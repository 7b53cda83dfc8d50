/**
 * A cookie value the browser carries but can neither read nor change: a JWT encrypted with
 * A256GCM under a key only the app has (jose's EncryptJWT, `dir`), with an expiry and the app as
 * its audience, so another app sharing the secret refuses it.
 */
import { EncryptJWT, jwtDecrypt } from "jose";

const ISSUER = "formlit";

export async function seal(payload: Record<string, unknown>, key: Uint8Array, audience: string, maxAgeSeconds: number): Promise<string> {
  return new EncryptJWT(payload)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAgeSeconds)
    .encrypt(key);
}

/** The payload, or null for anything else: altered, expired, another app's, not a token at all. */
export async function unseal(token: string | undefined, key: Uint8Array, audience: string): Promise<Record<string, unknown> | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, key, { issuer: ISSUER, audience, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256GCM"] });
    return payload as Record<string, unknown>;
  } catch {
    return null;
  }
}
