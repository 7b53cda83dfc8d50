/**
 * The session cookie(s) of one request: read (joining chunks) and verify; sign and write (split
 * into chunks, stale chunks deleted, or via the store when even the chunks are too many); the
 * attributes for normal and embedded use.
 */
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { requestCookies } from "./request-cookies.ts";
import { CHUNK_SIZE, chunkName, joinToken, splitToken, staleChunks } from "../cookie/chunks.ts";
import type { SigningKey } from "../cookie/keys.ts";
import { textCodec } from "../cookie/compress.ts";
import { stateClaims, signClaims, verifyToken, type TokenOptions } from "../cookie/token.ts";
import * as base64url from "jose/base64url";
import { parseSession, type Session } from "../engine/session.ts";
import { packSession, unpackSession } from "../engine/session-pack.ts";
import { sha256 } from "../shared/hash.ts";
import type { SessionStore, StoredRecord } from "../store/types.ts";

export interface CookieConfig {
  name: string;
  secure: boolean;
  /** embedding on other sites: SameSite=None; Secure; Partitioned */
  crossSite: boolean;
  maxCookies: number;
  token: TokenOptions;
  store: SessionStore | null;
  /**
   * Every session kept in the store, the cookie only pointing to a version of it; what a cookie
   * older than the stored version gets: the latest state, or refused. null: the store only takes
   * sessions too large for cookies.
   */
  always: "latest" | "refuse" | null;
}

export const NOTICES = {
  expired: "Your session had expired, so a fresh one was started.",
  invalid: "Your session cookie could not be verified (it was altered, or signed with a key this app no longer has), so a fresh session was started.",
  foreign: "Your session cookie belongs to another app, so a fresh session was started.",
  missing: "Your session's stored state could not be found (it expired, or was dropped to make room for other sessions), so a fresh session was started.",
  stale: "Your session cookie is older than your session's saved state (an old cookie was sent again), so it was refused and a fresh session was started.",
} as const;

export type ReadResult = { ok: true; session: Session; stored: boolean } | { ok: false; reason: keyof typeof NOTICES };

/** What a store reference names the stored bytes by. */
const fingerprint = async (text: string) => base64url.encode(await sha256(text));

/** The session the request's cookies carry, or why not; null when there is none. Store failures throw. */
export async function readSession(c: Context, cfg: CookieConfig, keys: SigningKey[]): Promise<ReadResult | null> {
  const token = joinToken(requestCookies(c), cfg.name, cfg.maxCookies);
  if (token === undefined) return null;
  const verified = await verifyToken(token, keys, cfg.token);
  if (!verified.ok) return verified;
  if ("state" in verified) {
    // the cookie carries the session packed (see session-pack.ts); a store keeps it as it is
    const session = await unpackSession(verified.state, textCodec);
    if (!session) return { ok: false, reason: "invalid" };
    // With every session in the store, a cookie carrying a state itself predates that: refused.
    return cfg.always ? { ok: false, reason: "stale" } : { ok: true, session, stored: false };
  }
  const { ref } = verified;
  if (!cfg.store) return { ok: false, reason: "invalid" };
  const record = await cfg.store.get(ref.id);
  if (!record) return { ok: false, reason: "missing" };
  if (record.v < ref.v) return { ok: false, reason: "invalid" };
  // A newer version, or other bytes under the same one, was written after this cookie was issued
  // (another tab's request, or this cookie is an old one sent again): the session's latest state,
  // as a server would hold it, unless the app refuses older cookies.
  const moved = record.v > ref.v || (await fingerprint(record.data)) !== ref.h;
  // (the cookie a streamed page's headers carried is not older: its own run moved the store on)
  const streamedOver = record.c?.v === ref.v && record.c.h === ref.h;
  if (moved && !streamedOver && cfg.always === "refuse") return { ok: false, reason: "stale" };
  const session = parseSession(JSON.parse(record.data));
  return session && session.sid === ref.id ? { ok: true, session, stored: true } : { ok: false, reason: "invalid" };
}

/**
 * What the end of a streamed page stores: the state its run left, naming the reference the page's
 * cookie carries (made from `before` by writeSession, before the run ended).
 */
export async function streamedRecord(next: Session, before: Session): Promise<StoredRecord> {
  return { v: next.run, data: JSON.stringify(next), c: { v: before.run, h: await fingerprint(JSON.stringify(before)) } };
}

const signedChunks = async (session: Session, cfg: CookieConfig, keys: SigningKey[]) => splitToken(await signClaims(await stateClaims(await packSession(session, textCodec), cfg.token), keys, cfg.token));

/** Why a state cannot be kept without a store, or null when it fits the cookies. */
export async function sizeProblem(cfg: CookieConfig, keys: SigningKey[], session: Session): Promise<string | null> {
  const chunks = await signedChunks(session, cfg, keys);
  if (chunks.length <= cfg.maxCookies || cfg.store) return null;
  const size = chunks.reduce((n, part) => n + part.length, 0);
  return `This run's session state is too large to keep: ${size} bytes signed, over the limit of ${cfg.maxCookies * CHUNK_SIZE} bytes (${cfg.maxCookies} cookies). The previous state was kept; store less in st.sessionState.`;
}

/**
 * Signs `next` into the response's cookies; through the store when it does not fit in
 * `maxCookies` cookies (or always, with `viaStore`, when there is a store). Without a store, signs
 * `fallback` (the last good state) instead and returns the message to show. Store failures throw
 * (nothing is written then).
 */
export async function writeSession(
  c: Context,
  cfg: CookieConfig,
  keys: SigningKey[],
  next: Session,
  fallback: Session,
  wasStored: boolean,
  viaStore = false,
): Promise<{ written: Session; problem: string | null }> {
  let written = next;
  let problem: string | null = null;
  const toStore = cfg.always || (viaStore && cfg.store);
  let chunks = toStore ? [] : await signedChunks(next, cfg, keys);
  if (toStore || chunks.length > cfg.maxCookies) {
    if (cfg.store) {
      const data = JSON.stringify(next);
      await cfg.store.put(next.sid, { v: next.run, data });
      chunks = splitToken(await signClaims({ ref: { id: next.sid, v: next.run, h: await fingerprint(data) } }, keys, cfg.token));
    } else {
      problem = await sizeProblem(cfg, keys, next);
      written = fallback;
      chunks = await signedChunks(fallback, cfg, keys);
    }
  } else if (wasStored && cfg.store) {
    // The state fits in cookies again: the stored copy is stale now.
    await cfg.store.delete(next.sid).catch(() => {});
  }
  const attributes = cookieAttributes(cfg);
  chunks.forEach((part, i) => setCookie(c, chunkName(cfg.name, i), part, attributes));
  // A deletion must carry the attributes the cookie was set with: a browser keeps a partitioned
  // cookie (CHIPS) that a deletion without `Partitioned` does not match.
  for (const stale of staleChunks(requestCookies(c), cfg.name, chunks.length)) deleteCookie(c, stale, attributes);
  return { written, problem };
}

/** How the session's cookies are set: for the app's own pages, or for embedding on other sites. */
function cookieAttributes(cfg: CookieConfig) {
  const secure = cfg.secure || cfg.crossSite;
  return cfg.crossSite
    ? ({ httpOnly: true, secure, sameSite: "None", partitioned: true, path: "/", maxAge: cfg.token.maxAge } as const)
    : ({ httpOnly: true, secure, sameSite: "Lax", path: "/", maxAge: cfg.token.maxAge } as const);
}

/** Deletes every cookie of the session (all its chunks): the next request starts a new session. */
export function clearSession(c: Context, cfg: CookieConfig): void {
  const attributes = cookieAttributes(cfg);
  for (const name of Object.keys(requestCookies(c))) if (name === cfg.name || name.startsWith(cfg.name + ".")) deleteCookie(c, name, attributes);
}

/**
 * The cookies sign-in keeps beside the session's, named after it (so `__Host-` over HTTPS too):
 * who is signed in, and a sign-in on its way through the provider.
 */
export const signInCookieNames = (session: string) => ({ identity: `${session}-user`, flow: `${session}-signin` });
