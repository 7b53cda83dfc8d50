/**
 * The session's tokens are written without jose's JWT builders (which copy the claims first): the
 * tokens must still be the JWTs those builders make, and open with jose's checks.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { EncryptJWT, SignJWT, compactDecrypt, compactVerify, decodeProtectedHeader, jwtDecrypt, jwtVerify } from "jose";
import { encryptedJwt, signedJwt } from "../../src/cookie/claims-token.ts";

const key = (usages: KeyUsage[], algorithm: AlgorithmIdentifier | HmacImportParams) =>
  crypto.subtle.importKey("raw", crypto.getRandomValues(new Uint8Array(32)), algorithm, false, usages);
const aesKey = () => key(["encrypt", "decrypt"], { name: "AES-GCM" });
const hmacKey = () => key(["sign", "verify"], { name: "HMAC", hash: "SHA-256" });

const CLAIMS = { fv: 1, s: { sid: "abc", st: { o: { "$$ID-x-n": 3, text: "é <b> \"q\"" }, k: [], t: [] }, l: [] } };
const REGISTERED = { issuer: "formlit", audience: "app-audience", maxAge: 3600 };
const NOW = new Date("2026-12-06T12:00:00.500Z");
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The same registered claims set through one of jose's JWT builders, at the faked time. */
const registeredBy = <B extends EncryptJWT | SignJWT>(builder: B): B =>
  builder
    .setIssuer(REGISTERED.issuer)
    .setAudience(REGISTERED.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(NOW.getTime() / 1000) + REGISTERED.maxAge) as B;

describe("JWTs of a claims set written as JSON", () => {
  afterEach(() => vi.useRealTimers());

  test("the encrypted token's content is, byte for byte, what jose's EncryptJWT writes for the same claims and time", async () => {
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
    const k = await aesKey();
    const ours = await encryptedJwt(CLAIMS, REGISTERED, k, "kid-1");
    const theirs = await registeredBy(new EncryptJWT(CLAIMS).setProtectedHeader({ alg: "dir", enc: "A256GCM", kid: "kid-1" })).encrypt(k);
    expect(decodeProtectedHeader(ours)).toEqual(decodeProtectedHeader(theirs));
    expect(text((await compactDecrypt(ours, k)).plaintext)).toBe(text((await compactDecrypt(theirs, k)).plaintext));
  });

  test("the signed token's content and header are what jose's SignJWT writes for the same claims and time", async () => {
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
    const k = await hmacKey();
    const ours = await signedJwt(CLAIMS, REGISTERED, k, "kid-2");
    const theirs = await registeredBy(new SignJWT(CLAIMS).setProtectedHeader({ alg: "HS256", kid: "kid-2", typ: "JWT" })).sign(k);
    // HS256 is deterministic: the same header and claims give the same token
    expect(ours).toBe(theirs);
    expect(text((await compactVerify(ours, k)).payload)).toContain('"iss":"formlit","aud":"app-audience","iat":');
  });

  test("jose's checks open them: the claims come back with issuer, audience, issue and expiry times", async () => {
    const [aes, hmac] = [await aesKey(), await hmacKey()];
    const before = Math.floor(Date.now() / 1000);
    const checks = { issuer: "formlit", audience: "app-audience", requiredClaims: ["iat", "exp"] };
    const opened = await jwtDecrypt(await encryptedJwt(CLAIMS, REGISTERED, aes, "k"), aes, checks);
    const verified = await jwtVerify(await signedJwt(CLAIMS, REGISTERED, hmac, "k"), hmac, { ...checks, algorithms: ["HS256"] });
    for (const { payload } of [opened, verified]) {
      expect(payload).toMatchObject({ ...CLAIMS, iss: "formlit", aud: "app-audience" });
      expect(payload.iat).toBeGreaterThanOrEqual(before);
      expect(payload.exp).toBe(payload.iat! + 3600);
    }
  });

  test("a token for another audience, or past its expiry, is refused by those checks", async () => {
    const k = await aesKey();
    const token = await encryptedJwt(CLAIMS, REGISTERED, k, "k");
    await expect(jwtDecrypt(token, k, { audience: "another-app" })).rejects.toMatchObject({ code: "ERR_JWT_CLAIM_VALIDATION_FAILED", claim: "aud" });
    vi.useFakeTimers({ now: Date.now() + 3601_000, toFake: ["Date"] });
    await expect(jwtDecrypt(token, k, { audience: "app-audience" })).rejects.toMatchObject({ code: "ERR_JWT_EXPIRED" });
  });

  test("the caller's claims are left as they were, and an expiry JSON cannot write is refused as jose refuses it", async () => {
    const claims = structuredClone(CLAIMS);
    await encryptedJwt(claims, REGISTERED, await aesKey(), "k");
    expect(claims).toEqual(CLAIMS);
    await expect(async () => encryptedJwt(CLAIMS, { ...REGISTERED, maxAge: Infinity }, await aesKey(), "k")).rejects.toThrow(TypeError);
    await expect(async () => signedJwt(CLAIMS, { ...REGISTERED, maxAge: Number.NaN }, await hmacKey(), "k")).rejects.toThrow('"exp" claim must be a finite number');
  });
});
