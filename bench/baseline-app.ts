/**
 * The baseline of the speed budgets: a bare Hono handler that does the least any app with formlit's cookie
 * must do per request: open the session token (decrypt a JWE, dir + A256GCM, formlit's default;
 * or verify a signed JWT, HS256), seal it again with fresh iat/exp, set it as cookie(s), and
 * answer with static HTML of the same size as formlit's page. No middleware, no form parsing, no
 * state model, no rendering. Used in-process (bench/cpu.ts) and inside workerd
 * (bench/baseline-worker.ts under `wrangler dev`).
 */
import { Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { EncryptJWT, SignJWT, jwtDecrypt, jwtVerify, type JWTPayload } from "jose";
import { joinToken, splitToken } from "../src/cookie/chunks.ts";

export interface BaselineOptions {
  /** the signing secret (the same one the formlit app uses, so the same cookie verifies) */
  secret: string;
  /** length of the static HTML answer, in bytes (ASCII) */
  htmlBytes: number;
  /** the cookie's name (formlit's default over plain http on localhost) */
  cookieName?: string;
}


/** Static HTML of exactly `bytes` ASCII bytes: a small document padded with paragraphs. */
export function staticHtml(bytes: number): string {
  const head = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>baseline</title></head><body><main>";
  const tail = "</main></body></html>";
  const para = "<p>Static baseline text of the same size as formlit's page, so both send equally many bytes.</p>\n";
  let body = "";
  while (head.length + body.length + para.length + tail.length <= bytes) body += para;
  const pad = Math.max(0, bytes - head.length - body.length - tail.length);
  return head + body + " ".repeat(pad) + tail;
}

export function createBaselineApp(options: BaselineOptions): Hono {
  const key = new TextEncoder().encode(options.secret);
  // formlit's encryption key: SHA-256 of a label and the secret
  const encKey = crypto.subtle.digest("SHA-256", new TextEncoder().encode("formlit-encryption:" + options.secret)).then((d) => new Uint8Array(d));
  const name = options.cookieName ?? "formlit";
  const html = staticHtml(options.htmlBytes);
  const exp = () => Math.floor(Date.now() / 1000) + 7 * 24 * 3600;
  const app = new Hono();
  app.on(["GET", "POST"], "*", async (c) => {
    // The token may span numbered cookies (name, name.1, ...), joined as formlit joins them.
    const token = joinToken(getCookie(c), name, 40) ?? "";
    let sealed: string;
    if (token.split(".").length === 5) {
      const { payload, protectedHeader } = await jwtDecrypt(token, await encKey);
      const { iat: _iat, exp: _exp, ...claims } = payload;
      sealed = await new EncryptJWT(claims as JWTPayload).setProtectedHeader({ alg: "dir", enc: "A256GCM", kid: protectedHeader.kid }).setIssuedAt().setExpirationTime(exp()).encrypt(await encKey);
    } else {
      let payload: Record<string, unknown> = {};
      let kid: string | undefined;
      if (token) {
        const verified = await jwtVerify(token, key, { algorithms: ["HS256"] });
        payload = verified.payload as Record<string, unknown>;
        kid = verified.protectedHeader.kid;
      }
      const { iat: _iat, exp: _exp, ...claims } = payload;
      sealed = await new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256", typ: "JWT", ...(kid ? { kid } : {}) })
        .setIssuedAt()
        .setExpirationTime(exp())
        .sign(key);
    }
    splitToken(sealed).forEach((part, i) => setCookie(c, i === 0 ? name : `${name}.${i}`, part, { httpOnly: true, sameSite: "Lax", path: "/" }));
    return c.html(html);
  });
  return app;
}
