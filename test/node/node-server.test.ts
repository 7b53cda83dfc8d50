/** The same demo app served from Node through @hono/node-server, over real HTTP on 127.0.0.1. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createWorker } from "../../pages/worker.ts";
import { TEST_SECRET } from "../support/client.ts";

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
  const cookie = first.headers.getSetCookie()[0]!.split(";")[0]!;
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
