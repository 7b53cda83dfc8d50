/** Session secrets: none in production is a clear configuration error; localhost gets a dev secret. */
import { expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";

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

test("on localhost a development secret is generated, and cookies are not Secure over plain http", async () => {
  const res = await app().request("http://localhost/");
  expect(res.status).toBe(200);
  const cookie = res.headers.get("set-cookie")!;
  expect(cookie).toMatch(/^formlit=/);
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);
  expect(cookie).not.toMatch(/Secure/);
});

test("over HTTPS the cookie is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/", async () => {
  const res = await createApp({ secret: "x".repeat(40), entrypoint: () => st.text("hi") }).request("https://app.example.com/");
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
