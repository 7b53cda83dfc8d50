/**
 * The session cookie(s) of one request: read (joining chunks) and verify; sign and write (split
 * into chunks, stale chunks deleted); the attributes for normal and embedded use.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { CHUNK_SIZE, chunkName, joinToken, splitToken, staleChunks } from "../cookie/chunks.ts";
import type { SigningKey } from "../cookie/keys.ts";
import { signSession, verifySession, type TokenOptions, type VerifyResult } from "../cookie/token.ts";
import type { Session } from "../engine/session.ts";

export interface CookieConfig {
  name: string;
  secure: boolean;
  /** embedding on other sites: SameSite=None; Secure; Partitioned */
  crossSite: boolean;
  maxCookies: number;
  token: TokenOptions;
}

export const NOTICES = {
  expired: "Your session had expired, so a fresh one was started.",
  invalid: "Your session cookie could not be verified (it was altered, or signed with a key this app no longer has), so a fresh session was started.",
  foreign: "Your session cookie belongs to another app, so a fresh session was started.",
} as const;

export async function readSession(c: Context, cfg: CookieConfig, keys: SigningKey[]): Promise<VerifyResult | null> {
  const token = joinToken(getCookie(c), cfg.name, cfg.maxCookies);
  return token === undefined ? null : verifySession(token, keys, cfg.token);
}

/**
 * Signs `next` into the response's cookies. When it does not fit in `maxCookies` cookies, signs
 * `fallback` (the last good state) instead and returns the message to show.
 */
export async function writeSession(c: Context, cfg: CookieConfig, keys: SigningKey[], next: Session, fallback: Session): Promise<{ written: Session; problem: string | null }> {
  let written = next;
  let problem: string | null = null;
  let chunks = splitToken(await signSession(next, keys, cfg.token));
  if (chunks.length > cfg.maxCookies) {
    const size = chunks.reduce((n, part) => n + part.length, 0);
    problem = `This run's session state is too large to keep: ${size} bytes signed, over the limit of ${cfg.maxCookies * CHUNK_SIZE} bytes (${cfg.maxCookies} cookies). The previous state was kept; store less in st.sessionState.`;
    written = fallback;
    chunks = splitToken(await signSession(fallback, keys, cfg.token));
  }
  const secure = cfg.secure || cfg.crossSite;
  const attributes = cfg.crossSite
    ? ({ httpOnly: true, secure, sameSite: "None", partitioned: true, path: "/", maxAge: cfg.token.maxAge } as const)
    : ({ httpOnly: true, secure, sameSite: "Lax", path: "/", maxAge: cfg.token.maxAge } as const);
  chunks.forEach((part, i) => setCookie(c, chunkName(cfg.name, i), part, attributes));
  for (const stale of staleChunks(getCookie(c), cfg.name, chunks.length)) deleteCookie(c, stale, { path: "/", secure });
  return { written, problem };
}
