/**
 * A real OpenID Connect provider (the `oidc-provider` package) running in the test process on
 * 127.0.0.1, with one confidential client for the app and development interactions: any login
 * name and password sign in, and the consent step is granted at once. The account's claims
 * (`name`, `email`) go into the ID token, as Google's do. `signInAt` walks its pages over HTTP, as
 * a person's browser would, and returns the address the provider sends the browser back to.
 */
import type { Server } from "node:http";
import Provider from "oidc-provider";
import { CookieJar } from "./cookie-jar.ts";

export const CLIENT_ID = "formlit-test";
export const CLIENT_SECRET = "a-client-secret-that-only-the-app-and-provider-know";

export interface RunningProvider {
  issuer: string;
  metadataUrl: string;
  close(): Promise<void>;
}

/** The claims of an account: the login name given is the subject; names known below get theirs. */
const PEOPLE: Record<string, { name: string; email: string }> = {
  ada: { name: "Ada Lovelace", email: "ada@example.com" },
  mallory: { name: "Mallory", email: "mallory@example.com" },
};

export async function startProvider(port: number, redirectUris: string[]): Promise<RunningProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: redirectUris, grant_types: ["authorization_code"], response_types: ["code"] }],
    pkce: { required: () => true },
    claims: { openid: ["sub"], profile: ["name"], email: ["email", "email_verified"] },
    // the scope's claims in the ID token itself (not only from the userinfo endpoint)
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, ...(PEOPLE[id] ?? { name: id, email: `${id}@example.com` }), email_verified: true }),
    }),
    cookies: { keys: ["test-cookie-key-for-the-local-provider"] },
    // consent granted at once: the test client asks for what it is given
    async loadExistingGrant(ctx: any) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope("openid profile email");
      grant.addOIDCClaims(["name", "email", "email_verified"]);
      await grant.save();
      return grant;
    },
  } as any);
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(port, "127.0.0.1", () => resolve(s));
  });
  return {
    issuer,
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

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
