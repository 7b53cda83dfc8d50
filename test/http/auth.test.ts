/**
 * st.login, st.logout and st.user over HTTP, without JavaScript: the whole sign-in against a real
 * OpenID Connect provider running in this process (oidc-provider), and each way a sign-in must be
 * refused: an open redirect through the return address, a missing, replayed or mismatched `state`,
 * a callback this browser did not start (login CSRF), a wrong `nonce`; an ID token from another
 * issuer, for another audience, expired or not signed by the provider's keys (an issuer whose
 * tokens the test writes); a tampered or expired identity cookie; sign-out deleting what it must.
 * Cloudflare Access: only a verified assertion for this application signs anyone in.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SignJWT, UnsecuredJWT, type JWTPayload } from "jose";
import { createApp, st } from "../../src/index.ts";
import type { AuthOptions } from "../../src/auth/options.ts";
import { sealIdentity } from "../../src/auth/identity-cookie.ts";
import { FormClient, ORIGIN } from "../support/client.ts";
import { CLIENT_ID, CLIENT_SECRET, signInAt, startProvider, type RunningProvider } from "../support/oidc-provider.ts";
import { startTokenIssuer, type TokenIssuer } from "../support/token-issuer.ts";
import { LOCATION_HEADER, SHAPE_HEADER } from "../../src/protocol/form.ts";

const REDIRECT_URI = `${ORIGIN}/oauth2callback`;
const TEAM = "team.example.com";
const ACCESS_AUD = "access-application-aud-tag";
const COOKIE_SECRET = "an-identity-cookie-secret-of-at-least-32-characters";

let provider: RunningProvider;
let rogue: TokenIssuer;
beforeAll(async () => {
  [provider, rogue] = await Promise.all([startProvider(8836, [REDIRECT_URI]), startTokenIssuer(8837)]);
});
afterAll(async () => {
  await Promise.all([provider?.close(), rogue?.close()]);
});

const auth = (): AuthOptions => ({
  redirectUri: REDIRECT_URI,
  cookieSecret: COOKIE_SECRET,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  serverMetadataUrl: provider.metadataUrl,
  providers: { rogue: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, serverMetadataUrl: rogue.metadataUrl } },
  cloudflareAccess: { teamDomain: TEAM, audience: ACCESS_AUD, certsUrl: rogue.certsUrl },
});

/** A page that shows who is signed in, with a widget whose state sign-out must not keep. */
function script() {
  st.numberInput("Kept", { key: "kept", value: 1 });
  if (st.user.isLoggedIn) {
    st.write(`Hello, ${st.user.name} (${st.user.email})`);
    if (st.button("Log out")) st.logout();
  } else {
    st.write("Nobody is signed in");
    if (st.button("Log in")) st.login();
    if (st.button("Log in with rogue")) st.login("rogue");
  }
}

const client = (options: () => AuthOptions = auth) => new FormClient(() => createApp({ entrypoint: script, pages: [], auth: options() }));

/** Presses "Log in" (or another button) and returns where the app sends the browser at the provider. */
async function toProvider(c: FormClient, button = "Log in"): Promise<URL> {
  await c.get("/");
  await c.click(button);
  await c.get(movesOnTo(c));
  return new URL(c.redirects.at(-1)!.location);
}

/** Where a page that moves on by itself (a meta refresh) goes. */
const movesOnTo = (c: FormClient) => /^0; url=(.+)$/.exec(c.doc.querySelector('meta[http-equiv="refresh"]').getAttribute("content"))![1]!;

const signedIn = (c: FormClient) => c.texts().some((t) => t.startsWith("Hello,"));
const USER = "formlit-user";
const FLOW = "formlit-signin";

describe("sign-in with a real OpenID Connect provider", () => {
  test("Log in moves on to /auth/login (without JavaScript), which redirects to the provider with PKCE, state and nonce; back from it the page shows st.user's name and email from a sealed identity cookie", async () => {
    const c = client();
    await c.get("/");
    await c.click("Log in");
    expect(c.status).toBe(200);
    expect(movesOnTo(c)).toBe("/auth/login?provider=default&return=%2F");
    expect(c.doc.querySelector("main a").getAttribute("href")).toBe("/auth/login?provider=default&return=%2F");
    await c.get(movesOnTo(c));
    expect(c.redirects.map((r) => r.status)).toEqual([303]);
    const at = new URL(c.redirects[0]!.location);
    expect(at.origin).toBe(provider.issuer);
    for (const p of ["state", "nonce", "code_challenge"]) expect(at.searchParams.get(p)).toMatch(/^[\w-]{40,}$/);
    expect(at.searchParams.get("code_challenge_method")).toBe("S256");
    expect(at.searchParams.get("scope")).toBe("openid profile email");
    const back = await signInAt(at.href, "ada");
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    await c.get(back.pathname + back.search);
    expect(c.url).toBe("/");
    expect(c.texts()).toContain("Hello, Ada Lovelace (ada@example.com)");
    // the flow is gone, the identity stays: sealed (a JWE, not readable JSON), HttpOnly, 30 days
    expect(c.cookies.has(FLOW)).toBe(false);
    const identity = c.cookies.get(USER)!;
    expect(identity.split(".")).toHaveLength(5);
    expect(identity).not.toContain("ada@example.com");
  });

  test("the identity cookie is HttpOnly, SameSite=Lax, Path=/ and lives 30 days; the flow cookie is deleted by the callback", async () => {
    const c = client();
    const at = await toProvider(c);
    const back = await signInAt(at.href, "ada");
    const res = await createApp({ entrypoint: script, auth: auth() }).request(back.href, { headers: { cookie: c.jar.header() } }, { FORMLIT_DEV: "1" });
    expect(res.status).toBe(303);
    const lines = res.headers.getSetCookie();
    const user = lines.find((l) => l.startsWith(`${USER}=`))!;
    for (const flag of [/HttpOnly/, /SameSite=Lax/, /Path=\//, /Max-Age=2592000/]) expect(user).toMatch(flag);
    expect(lines.find((l) => l.startsWith(`${FLOW}=`))).toMatch(/Max-Age=0/);
  });

  test("with the client script, st.login answers with the address to navigate to (a real navigation), not a swap", async () => {
    const c = client();
    await c.get("/");
    const body = new URLSearchParams();
    for (const input of c.form().querySelectorAll("input[type=hidden]")) body.set(input.getAttribute("name"), input.getAttribute("value"));
    const button = c.widget("Log in").querySelector("button");
    body.set(button.getAttribute("name"), button.getAttribute("value") ?? "");
    const res = await createApp({ entrypoint: script, auth: auth() }).request(`${ORIGIN}/`, {
      method: "POST",
      body: body.toString(),
      headers: { cookie: c.jar.header(), origin: ORIGIN, "content-type": "application/x-www-form-urlencoded", [SHAPE_HEADER]: "partial" },
    }, { FORMLIT_DEV: "1" });
    expect(res.status).toBe(200);
    expect(res.headers.get(LOCATION_HEADER)).toBe(`${ORIGIN}/auth/login?provider=default&return=%2F`);
  });

  test("clientKwargs add parameters to the provider's address (scope, prompt) but cannot replace the protocol's own (state, nonce, PKCE, client, redirect)", async () => {
    const c = client(() => ({ ...auth(), clientKwargs: { scope: "openid email", prompt: "login", state: "chosen", nonce: "chosen", code_challenge: "chosen", redirect_uri: "https://evil.example/", client_id: "other" } }));
    const at = await toProvider(c);
    expect(at.searchParams.get("scope")).toBe("openid email");
    expect(at.searchParams.get("prompt")).toBe("login");
    for (const p of ["state", "nonce", "code_challenge"]) expect(at.searchParams.get(p)).not.toBe("chosen");
    expect(at.searchParams.get("redirect_uri")).toBe(REDIRECT_URI);
    expect(at.searchParams.get("client_id")).toBe(CLIENT_ID);
  });

  test("the return address is the page st.login was called on, with its query; one naming another site returns to the app's home", async () => {
    const cases: [string, string][] = [
      ["/page?x=1", "/page?x=1"],
      ["https://evil.example/", "/"],
      ["//evil.example/x", "/"],
      ["/\\evil.example", "/"],
      ["javascript:alert(1)", "/"],
    ];
    for (const [asked, landed] of cases) {
      const c = client();
      await c.get("/");
      await c.get(`/auth/login?provider=default&return=${encodeURIComponent(asked)}`);
      const back = await signInAt(c.redirects.at(-1)!.location, "ada");
      const res = await createApp({ entrypoint: script, auth: auth() }).request(back.href, { headers: { cookie: c.jar.header() } }, { FORMLIT_DEV: "1" });
      expect([asked, res.status, res.headers.get("location")]).toEqual([asked, 303, landed]);
    }
  });

  test("a callback without state, with another state than this browser's flow, or naming another issuer (iss) is refused: no identity cookie", async () => {
    const changes = [(q: URLSearchParams) => q.delete("state"), (q: URLSearchParams) => q.set("state", "x".repeat(43)), (q: URLSearchParams) => q.set("iss", "http://127.0.0.1:9")];
    for (const change of changes) {
      const c = client();
      const at = await toProvider(c);
      const back = await signInAt(at.href, "ada");
      change(back.searchParams);
      await c.get(back.pathname + back.search);
      expect(c.status).toBe(400);
      expect(c.html).toContain("did not belong to the sign-in this browser started");
      expect(c.cookies.has(USER)).toBe(false);
      await c.get("/");
      expect(c.texts()).toContain("Nobody is signed in");
    }
  });

  test("the provider's answer sent again (a replay) after the sign-in is refused: the flow was used once", async () => {
    const c = client();
    const at = await toProvider(c);
    const back = await signInAt(at.href, "ada");
    const flowCookie = c.cookies.get(FLOW)!;
    await c.get(back.pathname + back.search);
    expect(signedIn(c)).toBe(true);
    c.cookies.delete(USER);
    await c.get(back.pathname + back.search);
    expect(c.status).toBe(400);
    expect(c.cookies.has(USER)).toBe(false);
    // even with the used flow cookie put back, the provider will not exchange the code twice
    c.cookies.set(FLOW, flowCookie);
    await c.get(back.pathname + back.search);
    expect(c.status).toBe(400);
    expect(c.cookies.has(USER)).toBe(false);
  });

  test("login CSRF: a callback started in the attacker's browser, opened in the victim's, does not sign the victim in (with or without a sign-in of their own in progress)", async () => {
    const attacker = client();
    const back = await signInAt((await toProvider(attacker)).href, "mallory");
    const victim = client();
    await victim.get(back.pathname + back.search);
    expect(victim.status).toBe(400);
    expect(victim.html).toContain("was not started in this browser");
    expect(victim.cookies.has(USER)).toBe(false);
    const busy = client();
    await toProvider(busy);
    await busy.get(back.pathname + back.search);
    expect(busy.status).toBe(400);
    expect(busy.cookies.has(USER)).toBe(false);
  });

  test("an ID token whose nonce is not this flow's is refused", async () => {
    const c = client();
    const at = await toProvider(c);
    at.searchParams.set("nonce", "a-nonce-this-browser-never-made-00000000000");
    const back = await signInAt(at.href, "ada");
    await c.get(back.pathname + back.search);
    expect(c.status).toBe(400);
    expect(c.html).toContain("could not be verified");
    expect(c.cookies.has(USER)).toBe(false);
  });

  test("sign-out deletes the identity cookie, a sign-in in progress and the session: the next page is signed out with fresh state", async () => {
    const c = client();
    const back = await signInAt((await toProvider(c)).href, "ada");
    await c.get(back.pathname + back.search);
    expect(signedIn(c)).toBe(true);
    await c.set("Kept", 5).apply();
    expect(c.value("Kept")).toBe(5);
    await c.get("/auth/login?provider=default");
    expect(c.cookies.has(FLOW)).toBe(true);
    await c.get("/");
    await c.click("Log out");
    expect(c.redirects[0]).toEqual({ status: 303, location: "/" });
    expect(c.cookies.has(USER)).toBe(false);
    expect(c.cookies.has(FLOW)).toBe(false);
    expect(c.texts()).toContain("Nobody is signed in");
    expect(c.value("Kept")).toBe(1);
  });
});

describe("ID tokens a provider must not be believed for", () => {
  /** Starts a sign-in with the issuer whose tokens the test writes; returns the flow's state and nonce. */
  async function start(c: FormClient) {
    const at = await toProvider(c, "Log in with rogue");
    expect(at.origin).toBe(rogue.issuer);
    return { state: at.searchParams.get("state")!, nonce: at.searchParams.get("nonce")! };
  }
  const now = () => Math.floor(Date.now() / 1000);
  const good = (nonce: string): JWTPayload => ({ iss: rogue.issuer, aud: CLIENT_ID, sub: "grace", name: "Grace Hopper", email: "grace@example.com", nonce, iat: now(), exp: now() + 300 });

  test.each([
    ["a well-formed token signs in (so each case below fails only for its one flaw)", (n: string) => good(n), false, true],
    ["from another issuer", (n: string) => ({ ...good(n), iss: "http://127.0.0.1:9/elsewhere" }), false, false],
    ["for another audience", (n: string) => ({ ...good(n), aud: "another-client" }), false, false],
    ["expired", (n: string) => ({ ...good(n), iat: now() - 7200, exp: now() - 3600 }), false, false],
    ["with another nonce", (n: string) => ({ ...good(n), nonce: n + "x" }), false, false],
    ["signed with a key the issuer does not publish", (n: string) => good(n), true, false],
    ["carrying more claims than one cookie can hold (a browser would drop it)", (n: string) => ({ ...good(n), groups: Array.from({ length: 300 }, (_, i) => `group-${i}`) }), false, false],
  ] as const)("an ID token %s", async (_what, claims, foreign, accepted) => {
    const c = client();
    const { state, nonce } = await start(c);
    rogue.nextIdToken = await rogue.sign(claims(nonce), foreign);
    await c.get(`/oauth2callback?code=a-code&state=${state}`);
    if (accepted) {
      expect(c.texts()).toContain("Hello, Grace Hopper (grace@example.com)");
      return;
    }
    expect(c.status).toBe(400);
    expect(c.cookies.has(USER)).toBe(false);
    await c.get("/");
    expect(c.texts()).toContain("Nobody is signed in");
  });
});

describe("the identity cookie", () => {
  async function withCookie(value: string) {
    const c = client();
    c.cookies.set(USER, value);
    await c.get("/");
    return c;
  }
  const identity = { provider: "default", claims: { sub: "ada", name: "Ada Lovelace", email: "ada@example.com" } };

  test("one sealed with the app's cookie secret signs in; altered in any part, expired, or sealed with another secret, nobody is signed in (no error)", async () => {
    const valid = await sealIdentity(identity, COOKIE_SECRET, ORIGIN, 60);
    expect(signedIn(await withCookie(valid))).toBe(true);
    const parts = valid.split(".");
    for (const i of [0, 2, 3, 4]) {
      const altered = [...parts];
      altered[i] = altered[i]!.slice(0, -2) + (altered[i]!.endsWith("AA") ? "BB" : "AA");
      const c = await withCookie(altered.join("."));
      expect([i, c.status, signedIn(c)]).toEqual([i, 200, false]);
    }
    for (const other of [await sealIdentity(identity, COOKIE_SECRET, ORIGIN, -10), await sealIdentity(identity, "another-secret-of-at-least-32-characters!!", ORIGIN, 60), await sealIdentity(identity, COOKIE_SECRET, "https://another.app", 60), "not a token"]) {
      const c = await withCookie(other);
      expect([c.status, signedIn(c)]).toEqual([200, false]);
    }
  });
});

describe("what a replay sees", () => {
  test("a callback of a button drawn only for the signed-in person fires on a cold isolate (the replay that finds it runs as them)", async () => {
    const entry = () => {
      if (!st.user.isLoggedIn) return void st.write("Nobody is signed in");
      st.button("Archive", { onClick: () => void (st.sessionState.archivedBy = st.user.email) });
      st.write(`archived by: ${st.sessionState.archivedBy ?? "nobody"}`);
    };
    const c = new FormClient(() => createApp({ entrypoint: entry, auth: auth() }));
    c.cookies.set(USER, await sealIdentity({ provider: "default", claims: { sub: "ada", email: "ada@example.com" } }, COOKIE_SECRET, ORIGIN, 60));
    await c.get("/");
    await c.click("Archive");
    expect(c.texts()).toContain("archived by: ada@example.com");
  });

  test("a download drawn only for the signed-in person is served to them: the replay that finds it runs as them", async () => {
    const entry = () => {
      if (st.user.isLoggedIn) st.downloadButton("Report", `report for ${st.user.email}`, { fileName: "report.txt" });
      else st.write("Nobody is signed in");
    };
    const app = () => createApp({ entrypoint: entry, auth: auth() });
    const c = new FormClient(app);
    c.cookies.set(USER, await sealIdentity({ provider: "default", claims: { sub: "ada", email: "ada@example.com" } }, COOKIE_SECRET, ORIGIN, 60));
    await c.get("/");
    const href = c.downloadHref("Report");
    const res = await app().request(ORIGIN + href, { headers: { cookie: c.jar.header() } }, { FORMLIT_DEV: "1" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("report for ada@example.com");
  });
});

describe("Cloudflare Access", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (): JWTPayload => ({ iss: `https://${TEAM}`, aud: [ACCESS_AUD], sub: "access-user", email: "lin@example.com", name: "Lin", iat: now(), exp: now() + 300 });
  async function pageWith(assertion: string) {
    const res = await createApp({ entrypoint: script, auth: auth() }).request(`${ORIGIN}/`, { headers: { "Cf-Access-Jwt-Assertion": assertion } }, { FORMLIT_DEV: "1" });
    return { status: res.status, html: await res.text() };
  }

  test("a verified assertion for this application signs the person in", async () => {
    const page = await pageWith(await rogue.sign(claims()));
    expect(page.html).toContain("Hello, Lin (lin@example.com)");
  });

  test.each([
    ["signed with a key the team does not publish", () => rogue.sign(claims(), true)],
    ["unsigned (alg none)", async () => new UnsecuredJWT(claims()).encode()],
    ["for another application", () => rogue.sign({ ...claims(), aud: ["another-aud"] })],
    ["from another team", () => rogue.sign({ ...claims(), iss: "https://other.example.com" })],
    ["expired", () => rogue.sign({ ...claims(), iat: now() - 7200, exp: now() - 3600 })],
    ["signed HS256 with a made-up secret (not the team's RS256 keys)", async () => new SignJWT(claims()).setProtectedHeader({ alg: "HS256", kid: "published" }).sign(new TextEncoder().encode("x".repeat(32)))],
    ["not a token", async () => "forged"],
  ])("an assertion %s signs nobody in (and is no error)", async (_what, make) => {
    const page = await pageWith(await make());
    expect(page.status).toBe(200);
    expect(page.html).toContain("Nobody is signed in");
  });
});

describe("st.user", () => {
  test("reads as a plain object: `in`, spreading, toDict(); read-only; logged out it is { isLoggedIn: false }", async () => {
    const entry = () => {
      const u = st.user;
      let refused = "";
      try {
        (u as any).email = "someone@else";
      } catch (e) {
        refused = (e as Error).message;
      }
      st.write(JSON.stringify({ has: "email" in u, spread: { ...u }, dict: u.toDict(), refused: refused.startsWith("st.user is read-only") }));
    };
    const c = new FormClient(() => createApp({ entrypoint: entry, auth: auth() }));
    await c.get("/");
    expect(JSON.parse(c.texts()[0]!)).toEqual({ has: false, spread: { isLoggedIn: false }, dict: { isLoggedIn: false }, refused: true });
    const claims = { sub: "ada", email: "ada@example.com" };
    c.cookies.set(USER, await sealIdentity({ provider: "default", claims }, COOKIE_SECRET, ORIGIN, 60));
    await c.get("/");
    const all = { ...claims, isLoggedIn: true };
    expect(JSON.parse(c.texts()[0]!)).toEqual({ has: true, spread: all, dict: all, refused: true });
  });
});

describe("st.login where it cannot sign in", () => {
  test("without `auth`, st.login shows Streamlit's StreamlitAuthError in the page (no 500); with it, a provider not configured is named", async () => {
    const bare = new FormClient(() => createApp({ entrypoint: script }));
    await bare.get("/");
    expect(bare.texts()).toContain("Nobody is signed in");
    await bare.click("Log in");
    expect(bare.status).toBe(200);
    expect(bare.exceptions()[0]).toMatchObject({ type: "StreamlitAuthError", message: expect.stringContaining("configure credentials for at least one authentication provider") });
    const partial = client(() => ({ ...auth(), providers: {} }));
    await partial.get("/");
    await partial.click("Log in with rogue");
    expect(partial.exceptions()[0]).toMatchObject({ type: "StreamlitAuthError", message: expect.stringContaining('the authentication provider "rogue"') });
  });

  test("a cookie secret shorter than 32 characters is a configuration page naming it, not a sign-in with a weak key", async () => {
    const c = client(() => ({ ...auth(), cookieSecret: "short" }));
    await c.get("/");
    expect(c.status).toBe(500);
    expect(c.html).toContain("This app is not configured");
    expect(c.html).toContain("`auth.cookieSecret` must be at least 32 random characters");
  });

  test("a provider that cannot be reached is a page saying so (502), and nobody is signed in", async () => {
    const c = client(() => ({ ...auth(), serverMetadataUrl: "http://127.0.0.1:8835/.well-known/openid-configuration" }));
    await c.get("/");
    await c.click("Log in");
    await c.get(movesOnTo(c));
    expect(c.status).toBe(502);
    expect(c.html).toContain("The sign-in provider could not be reached");
    expect(c.cookies.has(FLOW)).toBe(false);
  });

  test("a provider missing a key is named with the keys it lacks", async () => {
    const c = client(() => ({ ...auth(), clientSecret: undefined }));
    await c.get("/");
    await c.click("Log in");
    expect(c.exceptions()[0]!.message).toContain("missing the following keys: clientSecret");
  });
});
