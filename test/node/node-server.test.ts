/** The same demo app served from Node through @hono/node-server, over real HTTP on 127.0.0.1. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createWorker } from "../../pages/worker.ts";
import { TEST_SECRET } from "../support/client.ts";
import { cookiesOf } from "../support/cookie-jar.ts";

let server: ServerType;
let url: string;

beforeAll(async () => {
  server = serve({ fetch: createWorker(TEST_SECRET).fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

test("a session round-trips through @hono/node-server", async () => {
  const first = await fetch(url + "/");
  expect(first.status).toBe(200);
  const cookie = cookiesOf(first);
  const html = await first.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const field = /name="(\$\$ID-[a-z0-9]+-filters)"/.exec(html)![1]!;
  const res = await fetch(url + "/", {
    method: "POST",
    headers: { cookie, origin: url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _run: "1", _csrf: csrf, [field]: "6" }),
  });
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/data-key="filters" data-value="6"/);
});

test("on Node, Host: localhost or an absolute-form http://localhost/ target does not turn on development mode", async () => {
  const { request } = await import("node:http");
  const { createApp, st } = await import("../../src/index.ts");
  // No secret configured and no FORMLIT_DEV: production, whatever the request says about itself.
  const bare = serve({ fetch: createApp({ entrypoint: () => st.text("hi") }).fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => bare.once("listening", r));
  const port = (bare.address() as AddressInfo).port;
  const send = (path: string, host: string) =>
    new Promise<{ status: number; body: string; cookie: string[] }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode!, body, cookie: res.headers["set-cookie"] ?? [] }));
      });
      req.on("error", reject);
      req.end();
    });
  try {
    for (const [path, host] of [["/", "localhost"], ["http://localhost/", "localhost"], ["/", "127.0.0.1"], ["http://127.0.0.1/", "example.com"]] as const) {
      const res = await send(path, host);
      expect(res.status, `${path} Host: ${host}`).toBe(500);
      expect(res.body).toContain("npx wrangler secret put SESSION_SECRET");
      expect(res.cookie).toEqual([]);
    }
  } finally {
    await new Promise<void>((r) => bare.close(() => r()));
  }
});

test("on Node, a download whose name is not Latin-1 (or holds a NUL) is served, not a bare 500", async () => {
  const { createApp, st } = await import("../../src/index.ts");
  const names = ["名前.csv", "a\u0000b.txt"];
  const app = createApp({ secret: TEST_SECRET, entrypoint: () => names.forEach((n, i) => st.downloadButton(`Get ${i}`, "data", { fileName: n })) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const page = await fetch(base + "/");
    const cookie = cookiesOf(page);
    const hrefs = [...(await page.text()).matchAll(/href="(\/_formlit\/download\?w=[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    expect(hrefs).toHaveLength(2);
    for (const [i, href] of hrefs.entries()) {
      const res = await fetch(base + href, { headers: { cookie } });
      expect(res.status, names[i]).toBe(200);
      expect(await res.text()).toBe("data");
      expect(decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(res.headers.get("content-disposition")!)![1]!)).toBe(names[i]!.replace("\u0000", "_"));
    }
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});

test("st.secrets on Node reads the process environment (node-server's env holds only the request and response)", async () => {
  const { createApp, st } = await import("../../src/index.ts");
  process.env.FORMLIT_TEST_API_KEY = "sk-from-the-environment";
  const app = serve({ fetch: createApp({ secret: TEST_SECRET, entrypoint: () => st.text(`key: ${st.secrets.get("FORMLIT_TEST_API_KEY") ?? "none"}; hidden: ${"SESSION_SECRET" in st.secrets}`) }).fetch, port: 0, hostname: "127.0.0.1" });
  try {
    await new Promise((r) => app.once("listening", r));
    process.env.SESSION_SECRET = "not-for-the-app-0123456789abcdefghijkl";
    const res = await fetch(`http://127.0.0.1:${(app.address() as AddressInfo).port}/`);
    expect(await res.text()).toContain("key: sk-from-the-environment; hidden: false");
  } finally {
    delete process.env.FORMLIT_TEST_API_KEY;
    delete process.env.SESSION_SECRET;
    await new Promise<void>((r) => app.close(() => r()));
  }
});

