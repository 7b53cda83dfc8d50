/**
 * A real OpenID Connect provider (the `oidc-provider` package, a devDependency) on 127.0.0.1, for
 * trying sign-in locally: `npm run dev` starts it beside the demo, and the tests sign in at it.
 * It has one confidential client for the app and development interactions: any login name and
 * password sign in, and consent is granted at once. The account's claims (`name`, `email`) go into
 * the ID token, as Google's do. Never for production: its signing keys are development ones.
 */
import type { Server } from "node:http";
import Provider from "oidc-provider";

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
