/**
 * Session secrets: none in production is a clear configuration error; development mode (FORMLIT_DEV
 * in .dev.vars, never the request's Host) gets a generated one.
 */
import { expect, test } from "vitest";
import { decodeProtectedHeader } from "jose";
import { createHash, createHmac } from "node:crypto";
import { st, createApp } from "../../src/index.ts";
import { DEV_ENV, TEST_SECRET } from "../support/client.ts";

const app = () => createApp({ entrypoint: () => st.text("hi") });

test("without SESSION_SECRET in production the page names the wrangler command, and no cookie is set", async () => {
  const res = await app().request("https://app.example.com/");
  expect(res.status).toBe(500);
  expect(await res.text()).toContain("npx wrangler secret put SESSION_SECRET");
  expect(res.headers.get("set-cookie")).toBeNull();
});

test("a secret shorter than 32 characters is refused with a message saying so", async () => {
  const res = await createApp({ secret: "short", entrypoint: () => st.text("hi") }).request("https://app.example.com/");
  expect(res.status).toBe(500);
  expect(await res.text()).toContain("at least 32 characters");
});

test("in development mode (FORMLIT_DEV=1) a development secret is generated, and cookies are not Secure over plain http", async () => {
  const res = await app().request("http://localhost/", {}, DEV_ENV);
  expect(res.status).toBe(200);
  const cookie = res.headers.get("set-cookie")!;
  expect(cookie).toMatch(/^formlit=/);
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);
  expect(cookie).not.toMatch(/Secure/);
});

test("over HTTPS the cookie is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/", async () => {
  const res = await createApp({ secret: TEST_SECRET, entrypoint: () => st.text("hi") }).request("https://app.example.com/");
  const cookie = res.headers.get("set-cookie")!;
  expect(cookie).toMatch(/^__Host-formlit=/);
  for (const flag of [/; Secure/, /; HttpOnly/, /SameSite=Lax/, /Path=\//]) expect(cookie).toMatch(flag);
  expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("same-origin");
  expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'self'(;|$)/);
  expect(res.headers.get("content-security-policy")).toMatch(/script-src 'nonce-[^']+'/);
});

test("a request naming localhost is not development: no generated secret, no stack trace, a Secure __Host- cookie", async () => {
  // Host is the client's to choose (and a proxy may forward 127.0.0.1 for everyone).
  for (const url of ["http://localhost/", "http://127.0.0.1/", "http://[::1]/"]) {
    const res = await app().request(url);
    expect(res.status, url).toBe(500);
    expect(await res.text()).toContain("npx wrangler secret put SESSION_SECRET");
    expect(res.headers.get("set-cookie")).toBeNull();
  }
  const failing = createApp({ secret: TEST_SECRET, entrypoint: () => { throw new Error("kaboom"); } });
  const res = await failing.request("http://localhost/");
  const html = await res.text();
  expect(html).toContain("kaboom");
  expect(html).not.toMatch(/at .*secrets\.test\.ts/);
  expect(res.headers.get("set-cookie") ?? "").toMatch(/^__Host-formlit=.*; Secure/);
  // The same request in development mode does show where it failed.
  expect(await (await failing.request("http://localhost/", {}, DEV_ENV)).text()).toMatch(/at .*secrets\.test\.ts/);
});

test("secrets with little entropy are refused: one repeated character, a short repeated pattern", async () => {
  for (const secret of ["x".repeat(40), "ab".repeat(24), "abc".repeat(16)]) {
    const res = await createApp({ secret, entrypoint: () => st.text("hi") }).request("https://app.example.com/");
    expect(res.status, secret).toBe(500);
    expect(await res.text()).toContain("random (not a repeated character or pattern)");
  }
  // one weak secret in a rotation list is refused too
  const res = await createApp({ secret: `${TEST_SECRET},${"z".repeat(32)}`, entrypoint: () => st.text("hi") }).request("https://app.example.com/");
  expect(res.status).toBe(500);
});

test("the key id is not a piece of the secret's SHA-256, and differs between secrets", async () => {
  const kidOf = async (secret: string) => {
    const res = await createApp({ secret, entrypoint: () => st.text("hi") }).request("https://app.example.com/");
    const cookie = res.headers.get("set-cookie")!;
    return decodeProtectedHeader(/=([^;]+)/.exec(cookie)![1]!).kid!;
  };
  const kid = await kidOf(TEST_SECRET);
  expect(kid).toMatch(/^[0-9a-f]{12}$/);
  expect(createHash("sha256").update(TEST_SECRET).digest("hex")).not.toContain(kid);
  expect(createHmac("sha256", TEST_SECRET).update("formlit-key-id").digest("hex").slice(0, 12)).toBe(kid);
  expect(await kidOf("another-secret-that-is-long-enough-987654")).not.toBe(kid);
});

test("without a name, the audience is the app's own address: another app with the same secret refuses the cookie", async () => {
  const make = () => createApp({ secret: TEST_SECRET, entrypoint: () => st.text(String(st.sessionState.n ?? "none")) });
  const first = await make().request("https://one.example.com/");
  const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
  const same = await make().request("https://one.example.com/", { headers: { cookie } });
  expect(await same.text()).not.toContain("belongs to another app");
  const other = await make().request("https://two.example.com/", { headers: { cookie } });
  expect(await other.text()).toContain("belongs to another app");
});
