/** The client script's budget (at most 4 KB gzipped), measured on what the worker serves. */
import { gzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";

const app = createApp({ secret: "client-size-test-secret-0123456789-abcdef", entrypoint: () => st.text("hi") });

test("the served client script is at most 4 KB gzipped, hashed, and cached for a year", async () => {
  const page = await (await app.request("http://localhost/")).text();
  const src = /<script src="([^"]+)" nonce="[^"]+" defer><\/script>/.exec(page)?.[1];
  expect(src).toMatch(/^\/_formlit\/client\.[a-z0-9]+\.js$/);
  const res = await app.request("http://localhost" + src);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/javascript/);
  expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  const body = Buffer.from(await res.arrayBuffer());
  const gz = gzipSync(body, { level: 9 }).length;
  expect(gz).toBeLessThanOrEqual(4096);
  // the stable URL for embedding hosts serves the same script with a short cache
  const stable = await app.request("http://localhost/_formlit/client.js");
  expect(Buffer.from(await stable.arrayBuffer()).equals(body)).toBe(true);
  expect(stable.headers.get("cache-control")).toBe("public, max-age=300");
  expect((await app.request("http://localhost/_formlit/client.deadbeef.js")).status).toBe(404);
});

test("asked for a partial answer, the server sends only the app's form and names the page shown", async () => {
  const res = await app.request("http://localhost/", { headers: { "X-Formlit": "partial" } });
  const html = await res.text();
  expect(html.startsWith('<form method="post"')).toBe(true);
  expect(html).not.toContain("<html");
  expect(res.headers.get("x-formlit-path")).toBe("/");
  const full = await (await app.request("http://localhost/")).text();
  expect(full).toContain(html.slice(0, 60));
});

test("the served script is the current build of src/client/enhance.ts (npm run build:client)", () => {
  // exits non-zero, failing the test, when script.generated.ts is out of date
  execFileSync(process.execPath, ["scripts/build-client.mjs", "--check"], { stdio: "pipe" });
});
