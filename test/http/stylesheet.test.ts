/**
 * The page's stylesheet is one file the browser fetches once (named by its content, cached for a
 * year), not rules repeated inline in every answer; the CSP allows exactly it.
 */
import { expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";

const app = createApp({ secret: "stylesheet-test-secret-0123456789-abcdef", entrypoint: () => st.text("hi") });

test("a page links the stylesheet, which is served as CSS, cached for a year, and holds the theme and the elements' rules", async () => {
  const res = await app.request("http://localhost/");
  const page = await res.text();
  expect(page).not.toContain("<style");
  const href = /<link rel="stylesheet" href="([^"]+)">/.exec(page)?.[1];
  expect(href).toMatch(/^\/_formlit\/style\.[a-z0-9]+\.css$/);
  const css = await app.request("http://localhost" + href);
  expect(css.status).toBe(200);
  expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
  expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  const text = await css.text();
  expect(text).toContain(".fl-layout{");
  expect(text).toContain(".fl-chart");
  // the policy lets the page load its own stylesheet, and no inline <style>
  const csp = res.headers.get("content-security-policy")!;
  expect(csp).toMatch(/style-src 'self';/);
  // an older or made-up name is not served
  expect((await app.request("http://localhost/_formlit/style.deadbeef.css")).status).toBe(404);
});

test("the page is smaller by the stylesheet: a one-line app's page is under 8 KB", async () => {
  const page = await (await app.request("http://localhost/")).text();
  expect(page.length).toBeLessThan(8 * 1024);
});
