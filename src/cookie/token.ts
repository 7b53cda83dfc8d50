/**
 * The session as a signed JWT (jose, HS256). Verification pins the algorithm (no `none`, no
 * algorithm confusion), and checks exp, iat, issuer, audience and the format version.
 */
import { SignJWT, jwtVerify, errors, type JWTPayload } from "jose";
import type { Session } from "../engine/run.ts";
import type { SigningKey } from "./keys.ts";
import { deflate, fromBase64Url, inflate, toBase64Url } from "./compress.ts";

/** Below this, compressing the session rarely pays for its base64 and CPU. */
const COMPRESS_FROM = 600;

export const ISSUER = "formlit";
const FORMAT = 1;

export interface TokenOptions {
  audience: string;
  /** lifetime of a session without interaction, in seconds */
  maxAge: number;
}

/** The claim that carries the session: as JSON (`s`), or deflated when that is smaller (`z`). */
async function sessionClaim(session: Session): Promise<JWTPayload> {
  const json = JSON.stringify(session);
  if (json.length >= COMPRESS_FROM) {
    const packed = toBase64Url(await deflate(new TextEncoder().encode(json)));
    if (packed.length < json.length) return { z: packed };
  }
  return { s: session as unknown as JWTPayload };
}

export async function signSession(session: Session, keys: SigningKey[], opts: TokenOptions): Promise<string> {
  const signer = keys[0]!;
  return new SignJWT({ fv: FORMAT, ...(await sessionClaim(session)) })
    .setProtectedHeader({ alg: "HS256", kid: signer.kid, typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(opts.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + opts.maxAge)
    .sign(signer.key);
}

export type VerifyResult = { ok: true; session: Session } | { ok: false; reason: "expired" | "invalid" | "foreign" };

function looksLikeSession(s: unknown): s is Session {
  if (!s || typeof s !== "object") return false;
  const x = s as Record<string, unknown>;
  const st = x.st as Record<string, unknown> | undefined;
  return (
    x.v === 1 &&
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

export async function verifySession(token: string, keys: SigningKey[], opts: TokenOptions): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = keys.find((k) => k.kid === header.kid);
        if (!key) throw new errors.JWSSignatureVerificationFailed();
        return key.key;
      },
      { algorithms: ["HS256"], issuer: ISSUER, audience: opts.audience, requiredClaims: ["iat", "exp"] },
    );
    let session: unknown = payload.s;
    if (typeof payload.z === "string") {
      session = JSON.parse(new TextDecoder().decode(await inflate(fromBase64Url(payload.z))));
    }
    if (payload.fv !== FORMAT || !looksLikeSession(session)) return { ok: false, reason: "invalid" };
    return { ok: true, session };
  } catch (err) {
    if (err instanceof errors.JWTExpired) return { ok: false, reason: "expired" };
    if (err instanceof errors.JWTClaimValidationFailed && (err.claim === "aud" || err.claim === "iss")) {
      return { ok: false, reason: "foreign" };
    }
    return { ok: false, reason: "invalid" };
  }
}
