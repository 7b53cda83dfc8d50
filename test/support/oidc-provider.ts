/**
 * The local OpenID Connect provider (scripts/oidc-dev-provider.ts) run in the test process, and
 * `signInAt`, which walks its pages over HTTP as a person's browser would and returns the address
 * the provider sends the browser back to.
 */
import { CookieJar } from "./cookie-jar.ts";

export { CLIENT_ID, CLIENT_SECRET, startProvider, type RunningProvider } from "../../scripts/oidc-dev-provider.ts";

/**
 * Signs in at the provider as `login`, from its authorization address (what /auth/login sends the
 * browser to), following its redirects and posting its login form; returns the address it sends
 * the browser back to (the app's redirect URI with `code` and `state`).
 */
export async function signInAt(authorizationUrl: string, login: string, jar = new CookieJar()): Promise<URL> {
  let url = new URL(authorizationUrl);
  for (let hops = 0; hops < 10; hops++) {
    const res = await fetch(url, { redirect: "manual", headers: { cookie: jar.header() } });
    jar.take(res);
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get("location")!, url);
      if (next.origin !== url.origin) return next;
      url = next;
      continue;
    }
    const page = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!action) throw new Error(`the provider showed no login form (${res.status}): ${page.slice(0, 300)}`);
    const posted = await fetch(new URL(action, url), {
      method: "POST",
      redirect: "manual",
      headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ prompt: "login", login, password: "any" }),
    });
    jar.take(posted);
    url = new URL(posted.headers.get("location")!, url);
  }
  throw new Error("the provider never sent the browser back");
}
