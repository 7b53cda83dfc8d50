/**
 * The session token (jose): a signed JWT (HS256), or with `encrypt` an encrypted one (JWE, `dir` +
 * A256GCM) whose content the user cannot read. Verification pins the algorithms (no `none`, no
 * algorithm confusion) and checks exp, iat, issuer, audience and the format version.
 *
 * The token carries the state as JSON (`s`), deflated when that is smaller (`z`, signed tokens
 * only: compressing secret and user-chosen text together before encryption would let the size
 * leak the secret), or, when a store holds the state, a reference to it (`ref`). What the state
 * is, this layer does not know: it hands back the JSON it sealed, and the engine checks its shape.
 */
import { jwtDecrypt, jwtVerify } from "jose";
import { JWSSignatureVerificationFailed, JWTClaimValidationFailed, JWTExpired } from "jose/errors";
import type { SigningKey } from "./keys.ts";
import { textCodec } from "./compress.ts";
import { encryptedJwt, signedJwt } from "./claims-token.ts";

/**
 * Below this many characters of JSON the token fits one cookie as it is: a deflate and an inflate
 * on every request would spend CPU on bytes no cookie limit asks to save (BENCHMARKS.md).
 */
const COMPRESS_FROM = 2000;

export const ISSUER = "formlit";
const FORMAT = 1;

export interface TokenOptions {
  audience: string;
  /** lifetime of a session without interaction, in seconds */
  maxAge: number;
  /** encrypt the state (JWE) instead of only signing it */
  encrypt?: boolean;
}

/** Where a session too large for cookies is kept: its id, its version (run) and its SHA-256. */
export interface StoreRef {
  id: string;
  v: number;
  h: string;
}

export type Claims = { s: unknown } | { z: string } | { ref: StoreRef };

/** The claims that carry `state` (any JSON value) itself. */
export async function stateClaims(state: unknown, opts: TokenOptions): Promise<Claims> {
  if (opts.encrypt) return { s: state };
  const json = JSON.stringify(state);
  if (json.length >= COMPRESS_FROM) {
    const packed = await textCodec.deflate(json);
    if (packed.length < json.length) return { z: packed };
  }
  return { s: state };
}

export async function signClaims(claims: Claims, keys: SigningKey[], opts: TokenOptions): Promise<string> {
  const k = keys[0]!;
  const body = { fv: FORMAT, ...claims };
  const registered = { issuer: ISSUER, audience: opts.audience, maxAge: opts.maxAge };
  return opts.encrypt ? encryptedJwt(body, registered, k.aes, k.kid) : signedJwt(body, registered, k.hmac, k.kid);
}

/** A genuine token's state (JSON, unchecked), or the reference to it, or why the token is refused. */
export type VerifyResult =
  | { ok: true; state: unknown }
  | { ok: true; ref: StoreRef }
  | { ok: false; reason: "expired" | "invalid" | "foreign" };

const looksLikeRef = (r: unknown): r is StoreRef =>
  !!r && typeof r === "object" && typeof (r as StoreRef).id === "string" && typeof (r as StoreRef).v === "number" && typeof (r as StoreRef).h === "string";

export async function verifyToken(token: string, keys: SigningKey[], opts: TokenOptions): Promise<VerifyResult> {
  try {
    const checks = { issuer: ISSUER, audience: opts.audience, requiredClaims: ["iat", "exp"] };
    const pick = (header: { kid?: string }) => {
      const key = keys.find((k) => k.kid === header.kid);
      if (!key) throw new JWSSignatureVerificationFailed();
      return key;
    };
    const { payload } = opts.encrypt
      ? await jwtDecrypt(token, (h) => pick(h).aes, { ...checks, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256GCM"] })
      : await jwtVerify(token, (h) => pick(h).hmac, { ...checks, algorithms: ["HS256"] });
    if (payload.fv !== FORMAT) return { ok: false, reason: "invalid" };
    if (looksLikeRef(payload.ref)) return { ok: true, ref: payload.ref };
    if (typeof payload.z === "string") {
      return { ok: true, state: JSON.parse(await textCodec.inflate(payload.z)) };
    }
    return { ok: true, state: payload.s };
  } catch (err) {
    if (err instanceof JWTExpired) return { ok: false, reason: "expired" };
    if (err instanceof JWTClaimValidationFailed && (err.claim === "aud" || err.claim === "iss")) {
      return { ok: false, reason: "foreign" };
    }
    return { ok: false, reason: "invalid" };
  }
}
