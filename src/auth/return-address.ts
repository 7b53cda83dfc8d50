/**
 * Where a sign-in returns to: a page of this app, never another site. The address comes from the
 * request that started the sign-in, which anyone can craft, so only a path under the app's own
 * base on the app's own origin passes; anything else returns to the app's home page.
 */
export function sameAppPath(asked: string | null | undefined, origin: string, base: string): string {
  const home = base || "/";
  if (!asked || !asked.startsWith("/") || asked.startsWith("//") || /[\\\u0000-\u001f]/.test(asked)) return home;
  let url: URL;
  try {
    url = new URL(asked, origin);
  } catch {
    return home;
  }
  if (url.origin !== origin) return home;
  if (base && url.pathname !== base && !url.pathname.startsWith(base + "/")) return home;
  return url.pathname + url.search;
}
