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

test("a stale chunk the browser kept (a deletion that did not match) is ignored: the shrunken session still verifies", async () => {
  const c = new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint: () => void st.textArea("notes", { key: "notes" }) }));
  await c.get("/");
  await c.change("notes", noise(7000));
  expect(c.cookies.has("formlit.2")).toBe(true);
  const stale = [c.cookies.get("formlit.1")!, c.cookies.get("formlit.2")!];
  await c.change("notes", noise(3000));
  expect(c.cookies.has("formlit.1")).toBe(true);
  expect(c.cookies.has("formlit.2")).toBe(false);
  // as a browser that ignored the deletion would send it
  c.cookies.set("formlit.2", stale[1]!);
  await c.change("notes", "short");
  expect(c.notices()).toEqual([]);
  expect(c.value("notes")).toBe("short");
  c.cookies.set("formlit.1", stale[0]!);
  c.cookies.set("formlit.2", stale[1]!);
  await c.get("/");
  expect(c.notices()).toEqual([]);
  expect(c.value("notes")).toBe("short");
});

test("stale chunks of an embedded app's partitioned cookie are deleted with the attributes they were set with", async () => {
  const make = () => createApp({ secret: TEST_SECRET, embed: { origins: ["https://host.example"] }, entrypoint: () => void st.textArea("notes", { key: "notes" }) });
  const c = new FormClient(make);
  await c.get("/");
  await c.change("notes", noise(5000));
  expect(c.cookies.has("formlit.1")).toBe(true);
  await c.change("notes", "short");
  const deletion = c.headers.getSetCookie().find((line) => /^formlit\.1=/.test(line))!;
  for (const attribute of [/Max-Age=0/i, /; Path=\//, /; Secure/, /; SameSite=None/, /; Partitioned/]) expect(deletion).toMatch(attribute);
});
