/**
 * The baseline of SPEC 9: a bare Hono handler that does the least any signed-cookie app must do
 * per request: verify the session JWT (jose, HS256), sign it again with fresh iat/exp, set it as
 * cookie(s), and answer with static HTML of the same size as formlit's page. No middleware, no
 * form parsing, no state model, no rendering. Used in-process (bench/cpu.ts) and inside workerd
 * (bench/baseline-worker.ts under `wrangler dev`).
 */
import { Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { SignJWT, jwtVerify } from "jose";

export interface BaselineOptions {
  /** the signing secret (the same one the formlit app uses, so the same cookie verifies) */
  secret: string;
  /** length of the static HTML answer, in bytes (ASCII) */
  htmlBytes: number;
  /** the cookie's name (formlit's default over plain http on localhost) */
  cookieName?: string;
}

/** Room for one cookie chunk: the same split formlit uses, so both set the same cookies. */
const CHUNK = 3800;

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
  const name = options.cookieName ?? "formlit";
  const html = staticHtml(options.htmlBytes);
  const app = new Hono();
  app.on(["GET", "POST"], "*", async (c) => {
    // The token may span numbered cookies (name, name.1, ...), as formlit's does.
    let token = getCookie(c, name) ?? "";
    for (let i = 1; ; i++) {
      const part = getCookie(c, `${name}.${i}`);
      if (part === undefined) break;
      token += part;
    }
    let payload: Record<string, unknown> = {};
    let kid: string | undefined;
    if (token) {
      const verified = await jwtVerify(token, key, { algorithms: ["HS256"] });
      payload = verified.payload as Record<string, unknown>;
      kid = verified.protectedHeader.kid;
    }
    const { iat: _iat, exp: _exp, ...claims } = payload;
    const signed = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", typ: "JWT", ...(kid ? { kid } : {}) })
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 7 * 24 * 3600)
      .sign(key);
    for (let at = 0, i = 0; at < signed.length; at += CHUNK, i++) {
      setCookie(c, i === 0 ? name : `${name}.${i}`, signed.slice(at, at + CHUNK), { httpOnly: true, sameSite: "Lax", path: "/" });
    }
    return c.html(html);
  });
  return app;
}
