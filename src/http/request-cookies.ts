/**
 * The request's cookies, parsed once: the session token, st.context's cookies and the cleanup of a
 * shorter token's stale chunks all read them, and the session's cookies are kilobytes to split,
 * check and decode each time.
 */
import type { Context } from "hono";
import { getCookie } from "hono/cookie";

const parsed = new WeakMap<Request, Readonly<Record<string, string>>>();

/** Every cookie of the request, by name (read-only: it is shared by the request's readers). */
export function requestCookies(c: Context): Readonly<Record<string, string>> {
  let all = parsed.get(c.req.raw);
  if (!all) parsed.set(c.req.raw, (all = getCookie(c)));
  return all;
}
