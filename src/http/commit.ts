/**
 * Committing the state of a streamed page. Its cookie went out in the headers, before the run had
 * finished, carrying the state from *before* the run; the state after the run travels in a commit
 * token at the end of the page: a hidden field the next post carries, and a tiny same-origin
 * request (`<img src="/_formlit/commit?t=...">`) that sets the cookie as soon as the page has loaded.
 *
 * The token is encrypted (the state inside must not be readable) and names the version it was made
 * from (session id and run number): it applies only while the session's cookie is still at that
 * version, so it commits at most once and can never roll a session back. A browser that leaves
 * before the end of the page never receives it: nothing of that run is kept.
 */
import { jwtDecrypt } from "jose";
import type { Context } from "hono";
import { parseSession, type Session } from "../engine/session.ts";
import type { SigningKey } from "../cookie/keys.ts";
import { ISSUER, type TokenOptions } from "../cookie/token.ts";
import { encryptedJwt } from "../cookie/claims-token.ts";
import { writeSession } from "./session-cookie.ts";
import { prepare, type Served } from "./prepare.ts";
import type { Env } from "./options.ts";

/** Beyond this length the token goes only in the form (URLs this long are refused by some servers). */
export const MAX_COMMIT_URL_TOKEN = 6000;

const audienceOf = (opts: TokenOptions) => `${opts.audience}:commit`;

export async function commitToken(keys: SigningKey[], opts: TokenOptions, from: Session, next: Session): Promise<string> {
  const k = keys[0]!;
  return encryptedJwt({ f: from.run, s: next }, { issuer: ISSUER, audience: audienceOf(opts), maxAge: opts.maxAge }, k.aes, k.kid);
}

/** The state a commit token carries, if it is genuine and was made from `current`; else null. */
export async function committedState(keys: SigningKey[], opts: TokenOptions, token: string | undefined, current: Session): Promise<Session | null> {
  if (!token || token.length > 200_000) return null;
  try {
    const { payload } = await jwtDecrypt(
      token,
      (h) => {
        const key = keys.find((k) => k.kid === h.kid);
        if (!key) throw new Error("unknown key");
        return key.aes;
      },
      { issuer: ISSUER, audience: audienceOf(opts), requiredClaims: ["iat", "exp"], keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256GCM"] },
    );
    const next = parseSession(payload.s);
    if (!next || next.sid !== current.sid || payload.f !== current.run) return null;
    return next;
  } catch {
    return null;
  }
}

/**
 * GET /_formlit/commit?t=...: sets the cookie to the token's state when the cookie is still the
 * version the token was made from. 204 when committed, 409 when not (already committed, replayed,
 * or the session moved on), 403 for a request another site made.
 */
export async function serveCommit(c: Context<{ Bindings: Env }>, s: Served): Promise<Response> {
  c.header("Cache-Control", "no-store");
  // Only the app's own pages commit: another site cannot plant a state in a visitor's cookie.
  const site = c.req.header("Sec-Fetch-Site");
  if (site !== undefined && site !== "same-origin") return c.body(null, 403);
  const prepared = await prepare(c, s, s.base || "/");
  if (prepared instanceof Response) return prepared;
  const { keys, cookie, verified } = prepared;
  if (!verified?.ok) return c.body(null, 409);
  const next = await committedState(keys, cookie.token, c.req.query("t"), verified.session);
  if (!next) return c.body(null, 409);
  try {
    const { problem } = await writeSession(c, cookie, keys, next, verified.session, verified.stored);
    return c.body(null, problem ? 409 : 204);
  } catch (err) {
    console.error(String(err));
    return c.body(null, 503);
  }
}
