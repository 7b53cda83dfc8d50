/**
 * The session token (jose): a signed JWT (HS256), or with `encrypt` an encrypted one (JWE, `dir` +
 * A256GCM) whose content the user cannot read. Verification pins the algorithms (no `none`, no
 * algorithm confusion) and checks exp, iat, issuer, audience and the format version.
 *
 * The token carries the session as JSON (`s`), deflated when that is smaller (`z`, signed tokens
 * only: compressing secret and user-chosen text together before encryption would let the size
 * leak the secret), or, when a store holds the state, a reference to it (`ref`).
 */
import { EncryptJWT, SignJWT, errors, jwtDecrypt, jwtVerify, type JWTPayload } from "jose";
import type { Session } from "../engine/session.ts";
import type { SigningKey } from "./keys.ts";
import { deflate, fromBase64Url, inflate, toBase64Url } from "./compress.ts";
import { packSession, unpackSession, type PackedSession, type Packer } from "../engine/session-pack.ts";

/** Deflated text as base64url, for the parts of a session that may be compressed. */
const packer: Packer = {
  deflate: async (text) => toBase64Url(await deflate(new TextEncoder().encode(text))),
  inflate: async (packed) => new TextDecoder().decode(await inflate(fromBase64Url(packed))),
};

/**
 * Below this many characters of JSON the token fits one cookie as it is, and deflating it (through
 * CompressionStream, whose stream machinery costs more than the deflate itself at this size) would
 * cost more CPU than the bytes it saves are worth. Measured with npm run bench (BENCHMARKS.md).
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

export type Claims = { s: PackedSession } | { z: string } | { ref: StoreRef };

export async function sessionClaims(session: Session, opts: TokenOptions): Promise<Claims> {
  const s = await packSession(session, packer);
  if (!opts.encrypt) {
    const json = JSON.stringify(s);
    if (json.length >= COMPRESS_FROM) {
      const z = await packer.deflate(json);
      if (z.length < json.length) return { z };
    }
  }
  return { s };
}

export async function signClaims(claims: Claims, keys: SigningKey[], opts: TokenOptions): Promise<string> {
  const k = keys[0]!;
  const body = { fv: FORMAT, ...claims } as unknown as JWTPayload;
  const exp = Math.floor(Date.now() / 1000) + opts.maxAge;
  if (opts.encrypt) {
    return new EncryptJWT(body)
      .setProtectedHeader({ alg: "dir", enc: "A256GCM", kid: k.kid })
      .setIssuer(ISSUER)
      .setAudience(opts.audience)
      .setIssuedAt()
      .setExpirationTime(exp)
      .encrypt(k.aes);
  }
  return new SignJWT(body)
    .setProtectedHeader({ alg: "HS256", kid: k.kid, typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(opts.audience)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(k.hmac);
}

export async function signSession(session: Session, keys: SigningKey[], opts: TokenOptions): Promise<string> {
  return signClaims(await sessionClaims(session, opts), keys, opts);
}

export type VerifyResult =
  | { ok: true; session: Session }
  | { ok: true; ref: StoreRef }
  | { ok: false; reason: "expired" | "invalid" | "foreign" };

export function looksLikeSession(s: unknown): s is Session {
  if (!s || typeof s !== "object") return false;
  const x = s as Record<string, unknown>;
  const st = x.st as Record<string, unknown> | undefined;
  return (
    x.v === 2 &&
    typeof x.sid === "string" &&
    typeof x.run === "number" &&
    typeof x.pg === "string" &&
    Array.isArray(x.l) &&
    !!st &&
    typeof st.o === "object" &&
    st.o !== null &&
    Array.isArray(st.k) &&
    Array.isArray(st.t)
  );
}

const looksLikeRef = (r: unknown): r is StoreRef =>
  !!r && typeof r === "object" && typeof (r as StoreRef).id === "string" && typeof (r as StoreRef).v === "number" && typeof (r as StoreRef).h === "string";

export async function verifySession(token: string, keys: SigningKey[], opts: TokenOptions): Promise<VerifyResult> {
  try {
    const checks = { issuer: ISSUER, audience: opts.audience, requiredClaims: ["iat", "exp"] };
    const pick = (header: { kid?: string }) => {
      const key = keys.find((k) => k.kid === header.kid);
      if (!key) throw new errors.JWSSignatureVerificationFailed();
      return key;
    };
    const { payload } = opts.encrypt
      ? await jwtDecrypt(token, (h) => pick(h).aes, { ...checks, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256GCM"] })
      : await jwtVerify(token, (h) => pick(h).hmac, { ...checks, algorithms: ["HS256"] });
    if (payload.fv !== FORMAT) return { ok: false, reason: "invalid" };
    if (looksLikeRef(payload.ref)) return { ok: true, ref: payload.ref };
    const packed: unknown = typeof payload.z === "string" ? JSON.parse(await packer.inflate(payload.z)) : payload.s;
    const session = await unpackSession(packed, packer);
    return session ? { ok: true, session } : { ok: false, reason: "invalid" };
  } catch (err) {
    if (err instanceof errors.JWTExpired) return { ok: false, reason: "expired" };
    if (err instanceof errors.JWTClaimValidationFailed && (err.claim === "aud" || err.claim === "iss")) {
      return { ok: false, reason: "foreign" };
    }
    return { ok: false, reason: "invalid" };
  }
}
