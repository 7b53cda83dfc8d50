/** A session split across numbered cookies: chunks no longer needed are deleted when it shrinks. */
import { expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

const noise = (n: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(n))).toString("base64").slice(0, n);

test("a session that shrinks back into one cookie deletes its stale chunks", async () => {
  const c = new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint: () => void st.textArea("notes", { key: "notes" }) }));
  await c.get("/");
  await c.change("notes", noise(5000));
  expect(c.cookies.has("formlit.1")).toBe(true);
  await c.change("notes", "short");
  const deleted = c.headers.getSetCookie().filter((line) => /^formlit\.1=/.test(line));
  expect(deleted).toHaveLength(1);
  expect(deleted[0]).toMatch(/Max-Age=0/i);
  expect(c.cookies.has("formlit.1")).toBe(false);
  await c.get("/");
  expect(c.value("notes")).toBe("short");
  expect(c.notices()).toEqual([]);
});
