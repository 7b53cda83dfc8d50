/**
 * A browser's cookie jar, as much of it as formlit's tests need: it keeps what responses set (a
 * `Max-Age=0` deletes, as formlit deletes stale chunks) and sends it all back. Every test that
 * carries cookies by hand uses this one.
 */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  /** Keeps the cookies `res` sets, as a browser does when it receives the headers. */
  take(res: { headers: Headers }): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
  }

  /** Puts back cookies kept earlier (an old cookie sent again). */
  restore(cookies: Map<string, string>): void {
    this.cookies.clear();
    for (const [k, v] of cookies) this.cookies.set(k, v);
  }

  /** The Cookie header a browser would send ("" when the jar is empty). */
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** The Cookie header for the cookies one response set (a first visit's). */
export function cookiesOf(res: { headers: Headers }): string {
  const jar = new CookieJar();
  jar.take(res);
  return jar.header();
}
