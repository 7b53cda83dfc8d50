/**
 * JWTs made from a claims set written here as JSON and sealed by jose's compact JWE (`dir`,
 * A256GCM) or JWS (HS256). jose's JWT builders (EncryptJWT, SignJWT) first copy the claims they
 * are given with structuredClone. formlit's claims are a whole session, copied on every request
 * only to be turned into JSON at once: about 5 % of a small page's request on Node, and a quarter
 * of one that carries 100 KB of state (BENCHMARKS.md). The JSON is the one those builders write
 * (the claims, then iss, aud, iat and exp), and the tokens are read back by jose's jwtDecrypt and
 * jwtVerify, which check all four.
 */
import { CompactEncrypt, CompactSign } from "jose";

/** The registered claims every formlit token carries: who made it, for whom, for how long. */
export interface Registered {
  issuer: string;
  audience: string;
  /** seconds from now */
  maxAge: number;
}

function claimsBytes(claims: object, r: Registered): Uint8Array {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + r.maxAge;
  // (as jose's builders refuse them: JSON would write an infinite expiry as null)
  if (!Number.isFinite(exp)) throw new TypeError('"exp" claim must be a finite number');
  return new TextEncoder().encode(JSON.stringify({ ...claims, iss: r.issuer, aud: r.audience, iat, exp }));
}

/** A JWE (`dir`, A256GCM) of the claims under `key`, named `kid` in its header. */
export function encryptedJwt(claims: object, r: Registered, key: CryptoKey, kid: string): Promise<string> {
  return new CompactEncrypt(claimsBytes(claims, r)).setProtectedHeader({ alg: "dir", enc: "A256GCM", kid }).encrypt(key);
}

/** A JWS (HS256) of the claims under `key`, named `kid` in its header. */
export function signedJwt(claims: object, r: Registered, key: CryptoKey, kid: string): Promise<string> {
  return new CompactSign(claimsBytes(claims, r)).setProtectedHeader({ alg: "HS256", kid, typ: "JWT" }).sign(key);
}
