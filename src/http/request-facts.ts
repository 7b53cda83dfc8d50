/**
 * What st.context shows of a request, read from it once: its headers and cookies (the app's own
 * session cookies left out), address, the sender's IP address, language, time zone and colour
 * scheme. The time zone is the one the client script reports with a post, else Cloudflare's
 * (`request.cf`); the IP address is Cloudflare's (`CF-Connecting-IP`) on Workers, the socket's on
 * Node, never from headers a client could write.
 */
import type { Context } from "hono";
import { requestCookies } from "./request-cookies.ts";
import type { RequestFacts } from "../engine/run-context.ts";

/** The client hint that carries the browser's colour scheme (asked for with Accept-CH). */
export const COLOR_SCHEME_HINT = "Sec-CH-Prefers-Color-Scheme";

/** What Cloudflare adds to a Worker's request (absent on Node and in plain tests). */
interface CfProperties {
  timezone?: string;
}

/** Cookies whose names are the session cookie's (`name`, and its chunks `name.1`, `name.2`...). */
const isOwnCookie = (cookie: string, own: readonly string[]) => own.some((name) => cookie === name || (cookie.startsWith(name + ".") && /^\d+$/.test(cookie.slice(name.length + 1))));

/** The request's cookies but the ones named `own` (and their chunks). */
export function appCookies(c: Context, own: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(requestCookies(c)).filter(([name]) => !isOwnCookie(name, own)));
}

/** The headers, names in lower case; the Cookie header rewritten to the cookies the app may see. */
function headersOf(c: Context, cookies: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {};
  c.req.raw.headers.forEach((value, name) => (headers[name] = value));
  delete headers.cookie;
  const kept = Object.entries(cookies).map(([k, v]) => `${k}=${v}`);
  if (kept.length) headers.cookie = kept.join("; ");
  return headers;
}

/** The browser's most preferred language in Accept-Language ("en-US,en;q=0.9" gives "en-US"). */
export function preferredLocale(accept: string | undefined): string | null {
  const ranked = (accept ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((l) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(l.tag) && l.q > 0);
  ranked.sort((a, b) => b.q - a.q);
  return ranked[0]?.tag ?? null;
}

/**
 * The formatter that names `timeZone`'s offset, made once per zone: making one costs far more than
 * using it, and every post of the client script reports its zone. Only zones Intl knows get this far
 * (it throws for the others), and there are a few hundred of them; the bound is for aliases.
 */
function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    if (offsetFormats.size < 2000) offsetFormats.set(timeZone, format);
  }
  return format;
}
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Minutes to add to local time in `timeZone` to reach UTC now, as the browser's
 * Date#getTimezoneOffset gives them (UTC+1 gives -60); null for a name Intl does not know.
 */
export function offsetOf(timeZone: string, at = new Date()): number | null {
  try {
    const name = offsetFormat(timeZone).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
    const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
    if (!m) return null;
    const minutes = m[1] ? Number(m[2]) * 60 + Number(m[3]) : 0;
    return m[1] === "+" ? -minutes || 0 : minutes;
  } catch {
    return null;
  }
}

/** The sender's address: Cloudflare's on Workers, the socket's on Node (@hono/node-server), else null. */
function ipAddressOf(c: Context, cf: CfProperties | undefined): string | null {
  if (cf) return c.req.header("cf-connecting-ip") ?? null;
  const node = c.env as { incoming?: { socket?: { remoteAddress?: string } }; server?: { incoming?: { socket?: { remoteAddress?: string } } } } | undefined;
  return (node?.server ?? node)?.incoming?.socket?.remoteAddress ?? null;
}

function themeOf(hint: string | undefined, fixed: "light" | "dark" | null): RequestFacts["theme"] {
  // a theme shown to every visitor alike is the theme the page has, whatever the browser prefers
  if (fixed) return { type: fixed };
  const scheme = hint?.trim().replace(/^"|"$/g, "");
  return { type: scheme === "dark" || scheme === "light" ? scheme : null };
}

/** A time zone name Intl knows, or null (a post may carry anything). */
const knownZone = (zone: unknown): string | null => (typeof zone === "string" && zone.length <= 64 && offsetOf(zone) !== null ? zone : null);

/**
 * Everything st.context shows of this request. `own`: the session cookie's names, kept from the
 * app; `reportedZone`: the time zone the client script posted, if any; `fixedScheme`: the colour
 * scheme the app's theme shows every visitor, if it imposes one.
 */
export function requestFacts(c: Context, own: readonly string[], embedded: boolean, reportedZone?: string, fixedScheme: "light" | "dark" | null = null): RequestFacts {
  const cf = (c.req.raw as Request & { cf?: CfProperties }).cf;
  const cookies = appCookies(c, own);
  const timezone = knownZone(reportedZone) ?? knownZone(cf?.timezone);
  return {
    headers: headersOf(c, cookies),
    cookies,
    url: c.req.url,
    ipAddress: ipAddressOf(c, cf),
    locale: preferredLocale(c.req.header("accept-language")),
    timezone,
    timezoneOffset: timezone ? offsetOf(timezone) : null,
    theme: themeOf(c.req.header(COLOR_SCHEME_HINT), fixedScheme),
    isEmbedded: embedded,
  };
}
