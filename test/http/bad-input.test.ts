/**
 * Bad input, from a browser or from someone else: every kind gets a clear, specific message (in the
 * page, or a 4xx page), never a 500, and the last good state survives.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { SignJWT, decodeJwt, decodeProtectedHeader } from "jose";
import { st, createApp, type AppOptions } from "../../src/index.ts";
import { FormClient, ORIGIN, TEST_SECRET } from "../support/client.ts";
import { inflateRawSync } from "node:zlib";

const ss = st.sessionState;
const secret = TEST_SECRET;
const OTHER_SECRET = "another-secret-that-is-also-long-enough-987654";
const OLD_SECRET = "old-secret-for-rotation-tests-0123456789abcdef";
const NEW_SECRET = "new-secret-for-rotation-tests-fedcba9876543210";

class Point {
  constructor(
    readonly x = 1,
    readonly y = 2,
  ) {}
}

function script() {
  if (!("count" in ss)) ss.count = 0;
  st.numberInput("n", { key: "n", minValue: 0, maxValue: 10 });
  st.textInput("t", { key: "t", maxChars: 5 });
  st.selectbox("s", ["x", "y", "z"], { key: "s" });
  st.multiselect("m", ["p", "q"], { key: "m" });
  st.textArea("notes", { key: "notes" });
  st.button("inc", {
    onClick: () => {
      ss.count += 1;
    },
  });
  if (st.checkbox("boom", { key: "boom" })) {
    ss.before_boom = true;
    throw new Error("kaboom in the app");
  }
  const store = st.selectbox("store", ["nothing", "a function", "a class instance"], { key: "store" });
  if (store === "a function") ss.bad = () => 1;
  if (store === "a class instance") ss.bad = new Point();
  st.text("end of script");
}

const makeApp = (extra: Partial<AppOptions> = {}) => () => createApp({ secret, entrypoint: script, ...extra });

const GOOD_STATE = { count: 1, n: 3, t: "abc", s: "y", m: ["q"], notes: "", boom: false, store: "nothing" };
const GOOD_VALUES = { n: 3, t: "abc", s: "y", m: ["q"], notes: "", inc: false, boom: false, store: "nothing" };
const FRESH_STATE = { count: 0, n: 0, t: "", s: "x", m: [], notes: "", boom: false, store: "nothing" };

function values(client: FormClient): Record<string, unknown> {
  return Object.fromEntries(client.widgets().map((w) => [w.label, w.value]));
}

/** A client holding a known good state: n=3, t="abc", s="y", m=["q"], one click on "inc". */
async function goodClient(make: () => ReturnType<ReturnType<typeof makeApp>> = makeApp(), secretText = secret): Promise<FormClient> {
  const client = new FormClient(make, "formlit", { secret: secretText });
  await client.get("/");
  client.set("n", 3).set("t", "abc").set("s", "y").set("m", ["q"]);
  await client.apply();
  await client.click("inc");
  expect(client.status).toBe(200);
  expect(client.state()).toEqual(GOOD_STATE);
  expect(values(client)).toEqual({ ...GOOD_VALUES, inc: true });
  return client;
}

/** The response refused the request without touching the session: no cookie was set. */
function expectNoNewCookie(client: FormClient) {
  expect(client.headers.getSetCookie(), "a refused request must not set a cookie").toEqual([]);
}

/** The good state is still there: in the cookie, and on the page after a reload. */
async function expectGoodStateKept(client: FormClient) {
  expect(client.state()).toEqual(GOOD_STATE);
  await client.get("/");
  expect(client.status).toBe(200);
  expect(client.notices()).toEqual([]);
  expect(client.exceptions()).toEqual([]);
  expect(values(client)).toEqual(GOOD_VALUES);
  expect(client.state()).toEqual(GOOD_STATE);
}

/** Text of the page outside the app (the message pages of refused requests). */
function pageText(client: FormClient): string {
  return (client.doc?.body?.textContent ?? client.html).replace(/\s+/g, " ");
}

const token = (client: FormClient) => client.cookies.get("formlit")!;
const b64url = (text: string) => Buffer.from(text).toString("base64url");
const fromB64url = (text: string) => Buffer.from(text, "base64url").toString();

/** Flips one character in the middle of a base64url segment (never a padding-only bit). */
function flipChar(segment: string): string {
  const i = Math.floor(segment.length / 2);
  const c = segment[i]!;
  return segment.slice(0, i) + (c === "A" ? "B" : "A") + segment.slice(i + 1);
}

function withCookie(client: FormClient, value: string) {
  client.cookies.clear();
  client.cookies.set("formlit", value);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the session cookie", () => {
  const INVALID = /could not be verified/;
  // Forging a signature needs a token that is only signed: the opt-out `encrypt: false`.
  const signed = makeApp({ encrypt: false });

  async function expectFreshSession(client: FormClient, notice: RegExp) {
    expect(client.status).toBe(200);
    expect(client.notices().some((n) => notice.test(n)), `notices: ${JSON.stringify(client.notices())}`).toBe(true);
    expect(client.exceptions()).toEqual([]);
    expect(values(client)).toEqual({ ...GOOD_VALUES, n: 0, t: "", s: "x", m: [] });
    expect(client.state()).toEqual(FRESH_STATE);
  }

  test("a flipped character in the signature: a fresh session with a notice, the cookie's content is not used", async () => {
    const client = await goodClient();
    const good = token(client);
    const [h, p, s] = good.split(".");
    withCookie(client, [h, p, flipChar(s!)].join("."));
    await client.get("/");
    await expectFreshSession(client, INVALID);

    // The server kept nothing: the untampered cookie still carries the good state.
    withCookie(client, good);
    await expectGoodStateKept(client);
  });

  test("an edited payload with the original signature is refused, not trusted", async () => {
    const client = await goodClient(signed);
    const [h, p, s] = token(client).split(".");
    const payload = JSON.parse(fromB64url(p!));
    if (payload.z) {
      // a large session travels deflated: edit its JSON and put it back readable
      payload.s = JSON.parse(inflateRawSync(Buffer.from(payload.z, "base64url")).toString());
      delete payload.z;
    }
    // a widget's value travels by its position in the widget list (`w`, or deflated `z`)
    const shown = payload.s.w ?? JSON.parse(inflateRawSync(Buffer.from(payload.s.z, "base64url")).toString());
    const at = (shown.i as string[]).findIndex((id) => id.endsWith("-n"));
    expect(payload.s.u[at]).toBe(3);
    payload.s.u[at] = 9;
    payload.s.st.o.count = 1000;
    withCookie(client, [h, b64url(JSON.stringify(payload)), s].join("."));
    await client.get("/");
    await expectFreshSession(client, INVALID);
  });

  test("a flipped character in the payload is refused", async () => {
    const client = await goodClient();
    const [h, p, s] = token(client).split(".");
    withCookie(client, [h, flipChar(p!), s].join("."));
    await client.get("/");
    await expectFreshSession(client, INVALID);
  });

  test("a POST with a tampered cookie applies nothing and says so", async () => {
    const client = await goodClient();
    const [h, p, s] = token(client).split(".");
    withCookie(client, [h, p, flipChar(s!)].join("."));
    client.set("n", 7);
    await client.apply();
    expect(client.status).toBe(200);
    expect(client.notices().some((n) => INVALID.test(n))).toBe(true);
    expect(client.notices().some((n) => /not applied/.test(n))).toBe(true);
    expect(client.state()).toEqual(FRESH_STATE);
  });

  test('an unsigned token (alg "none") built from a real payload is refused', async () => {
    const client = await goodClient(signed);
    const real = token(client);
    const { kid } = decodeProtectedHeader(real);
    const payload = real.split(".")[1]!;
    for (const header of [{ alg: "none" }, { alg: "none", typ: "JWT", kid }]) {
      withCookie(client, `${b64url(JSON.stringify(header))}.${payload}.`);
      await client.get("/");
      await expectFreshSession(client, INVALID);
    }
  });

  test("a token signed with another HMAC algorithm under the same secret is refused (no algorithm confusion)", async () => {
    const client = await goodClient(signed);
    const real = token(client);
    const { kid } = decodeProtectedHeader(real);
    const claims = decodeJwt(real);
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: "HS512", kid, typ: "JWT" }).sign(new TextEncoder().encode(secret));
    withCookie(client, forged);
    await client.get("/");
    await expectFreshSession(client, INVALID);
  });

  test("a genuine cookie of the previous session format (widgets as tuples) starts a fresh session with a notice", async () => {
    const client = await goodClient(signed);
    const real = token(client);
    const { kid } = decodeProtectedHeader(real);
    const { s: _s, ...claims } = decodeJwt(real);
    // what an earlier version signed: its widget list as tuples, its values by widget id
    const old = { v: 1, sid: "old-session", run: 4, pg: "", st: { o: { count: 1, "$$ID-0123456789-n": 3 }, k: ["$$ID-0123456789-n"], t: [] }, l: [["$$ID-0123456789-n", "one", "", 0, "x"]] };
    const forged = await new SignJWT({ ...claims, s: old }).setProtectedHeader({ alg: "HS256", kid, typ: "JWT" }).sign(new TextEncoder().encode(secret));
    withCookie(client, forged);
    await client.get("/");
    await expectFreshSession(client, INVALID);
  });

  test("a token signed with another secret is refused", async () => {
    const other = await goodClient(makeApp({ secret: OTHER_SECRET }), OTHER_SECRET);
    const client = new FormClient(makeApp());
    withCookie(client, token(other));
    await client.get("/");
    await expectFreshSession(client, INVALID);
  });

  test("a token for another app (another name, same secret) is refused as foreign", async () => {
    const other = await goodClient(makeApp({ name: "other" }));
    const client = new FormClient(makeApp({ name: "mine" }));
    withCookie(client, token(other));
    await client.get("/");
    await expectFreshSession(client, /belongs to another app/);
  });

  test("an expired token (signed like the app's, exp in the past) starts a fresh session with a notice", async () => {
    const client = await goodClient(signed);
    const real = token(client);
    const { kid } = decodeProtectedHeader(real);
    const claims = decodeJwt(real);
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ ...claims, iat: now - 7200, exp: now - 3600 })
      .setProtectedHeader({ alg: "HS256", kid, typ: "JWT" })
      .sign(new TextEncoder().encode(secret));
    withCookie(client, expired);
    await client.get("/");
    await expectFreshSession(client, /expired/);
  });

  test("a session older than maxAge expires (createApp({ maxAge: 1 }), clock moved on)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-01T00:00:00Z"));
    const client = await goodClient(makeApp({ maxAge: 1 }));
    vi.setSystemTime(new Date("2030-01-01T00:00:05Z"));
    await client.get("/");
    await expectFreshSession(client, /expired/);
  });

  test("an oversized cookie (> 4096 characters) is refused without a 500", async () => {
    const client = await goodClient();
    const real = token(client);
    withCookie(client, real + "A".repeat(5000));
    expect(token(client).length).toBeGreaterThan(4096);
    await client.get("/");
    await expectFreshSession(client, INVALID);

    withCookie(client, "x".repeat(10_000));
    client.set("n", 4);
    await client.apply();
    expect(client.status).toBe(200);
    expect(client.notices().some((n) => INVALID.test(n))).toBe(true);
    expect(client.state()).toEqual(FRESH_STATE);
  });

  test("rotation: a cookie signed with the old secret is accepted and re-signed with the new key (kid changes)", async () => {
    let secrets = OLD_SECRET;
    const client = new FormClient(() => createApp({ secret: secrets, entrypoint: script, encrypt: false }));
    await client.get("/");
    client.set("n", 3).set("t", "abc").set("s", "y").set("m", ["q"]);
    await client.apply();
    await client.click("inc");
    expect(client.state()).toEqual(GOOD_STATE);
    const oldKid = decodeProtectedHeader(token(client)).kid;
    expect(oldKid).toBeTruthy();

    secrets = `${NEW_SECRET},${OLD_SECRET}`;
    // The page rendered under the old key is still accepted (its CSRF token too).
    client.set("n", 4);
    await client.apply();
    expect(client.status).toBe(200);
    expect(client.notices()).toEqual([]);
    expect(client.exceptions()).toEqual([]);
    expect(client.value("n")).toBe(4);
    expect(client.state()).toEqual({ ...GOOD_STATE, n: 4 });
    const newKid = decodeProtectedHeader(token(client)).kid;
    expect(newKid).toBeTruthy();
    expect(newKid).not.toBe(oldKid);

    // Once the old secret is removed, a cookie still signed with it is refused.
    secrets = NEW_SECRET;
    await client.get("/");
    expect(client.notices()).toEqual([]);
    expect(client.state()).toEqual({ ...GOOD_STATE, n: 4 });
    withCookie(client, (await signedWith(OLD_SECRET)) ?? "");
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.notices().some((n) => INVALID.test(n))).toBe(true);
  });
});

/** A real cookie from a fresh session of an app signing with `secretText`. */
async function signedWith(secretText: string): Promise<string | undefined> {
  const c = new FormClient(() => createApp({ secret: secretText, entrypoint: script, encrypt: false }));
  await c.get("/");
  return c.cookies.get("formlit");
}

describe("posted values", () => {
  test("unknown form fields are ignored and the state is unchanged", async () => {
    const client = await goodClient();
    const body = client.formData(client.form().querySelector("button[name=_apply]"));
    body.append("bogus", "1");
    body.append("$$ID-00000-n", "7");
    body.append("$$ID-zzzzzzzzzz", "x");
    body.append("count", "1000");
    await client.request("POST", "/", body);
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([]);
    expect(client.fieldErrors()).toEqual([]);
    expect(values(client)).toEqual(GOOD_VALUES);
    expect(client.state()).toEqual(GOOD_STATE);
  });

  const rejected: [string, string, string, RegExp][] = [
    ["a number above max", "n", "11", /maximum/],
    ["a number below min", "n", "-1", /minimum/],
    ["a non-number", "n", "abc", /not a number/],
    ["a fraction for a whole-number input", "n", "2.5", /whole number/],
    ["an option index that does not exist", "s", "7", /not one of the options/],
    ["a non-numeric option index", "s", "y", /not one of the options/],
    ["a multiselect index that does not exist", "m", "9", /not one of the options/],
    ["a string over maxChars", "t", "toolong", /over the limit of 5/],
  ];
  for (const [what, label, raw, message] of rejected) {
    test(`${what}: the widget keeps its last good value and shows a field error`, async () => {
      const client = await goodClient();
      client.setRaw(label, raw);
      await client.apply();
      expect(client.status).toBe(200);
      expect(client.exceptions()).toEqual([]);
      const errors = client.fieldErrors();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      expect(errors[0]!.startsWith(label + ":"), `the error names the widget: ${errors[0]}`).toBe(true);
      expect(values(client)).toEqual(GOOD_VALUES);
      expect(client.state()).toEqual(GOOD_STATE);
      // The error is not sticky: the next good submission is applied.
      await client.reload();
      expect(client.fieldErrors()).toEqual([]);
      await client.change("n", 5);
      expect(client.fieldErrors()).toEqual([]);
      expect(client.state()).toEqual({ ...GOOD_STATE, n: 5 });
    });
  }
});

describe("refused requests (4xx, state untouched)", () => {
  test("a wrong CSRF token: 403 with a message, state unchanged", async () => {
    const client = await goodClient();
    client.set("n", 7);
    const body = client.formData(client.form().querySelector("button[name=_apply]"));
    body.set("_csrf", "A".repeat(24));
    await client.request("POST", "/", body);
    expect(client.status).toBe(403);
    expect(pageText(client)).toMatch(/session/i);
    expectNoNewCookie(client);
    await expectGoodStateKept(client);
  });

  test("a missing CSRF token: 403, state unchanged", async () => {
    const client = await goodClient();
    client.set("n", 7);
    const body = client.formData(client.form().querySelector("button[name=_apply]"));
    body.delete("_csrf");
    await client.request("POST", "/", body);
    expect(client.status).toBe(403);
    expect(pageText(client)).toMatch(/session/i);
    expectNoNewCookie(client);
    await expectGoodStateKept(client);
  });

  test("a CSRF token of another session: 403, state unchanged", async () => {
    const client = await goodClient();
    const other = new FormClient(makeApp());
    await other.get("/");
    const foreignToken = other.form().querySelector("input[name=_csrf]").getAttribute("value");
    client.set("n", 7);
    const body = client.formData(client.form().querySelector("button[name=_apply]"));
    body.set("_csrf", foreignToken);
    await client.request("POST", "/", body);
    expect(client.status).toBe(403);
    expectNoNewCookie(client);
    await expectGoodStateKept(client);
  });

  test("a POST with a foreign Origin header: 403 from the CSRF middleware, state unchanged", async () => {
    const client = await goodClient();
    client.set("n", 7);
    const body = client.formData(client.form().querySelector("button[name=_apply]"));
    await client.request("POST", "/", body, { origin: "https://evil.example" });
    expect(client.status).toBe(403);
    expect(pageText(client)).toMatch(/forbidden|origin|site/i);
    expectNoNewCookie(client);
    await expectGoodStateKept(client);
  });

  test("a POST without an Origin header (and no Sec-Fetch-Site): 403, state unchanged", async () => {
    const client = await goodClient();
    client.set("n", 7);
    const body = client.formData(client.form().querySelector("button[name=_apply]"));
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await makeApp()().request(ORIGIN + "/", {
      method: "POST",
      body: body.toString(),
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
    await expectGoodStateKept(client);
  });

  test("a body over the limit: 413 with a message, state unchanged", async () => {
    const client = await goodClient(makeApp({ bodyLimit: 1000 }));
    client.set("notes", "x".repeat(2000));
    await client.apply();
    expect(client.status).toBe(413);
    expect(pageText(client)).toMatch(/too large|larger than/i);
    expectNoNewCookie(client);
    await expectGoodStateKept(client);
  });

  test("a non-form content type: 415 with a message, state unchanged", async () => {
    const client = await goodClient();
    await client.request("POST", "/", JSON.stringify({ n: 7 }), { "content-type": "application/json" });
    expect(client.status).toBe(415);
    expect(pageText(client)).toMatch(/form submission|content type/i);
    expectNoNewCookie(client);
    await client.request("POST", "/", "n=7", { "content-type": "text/plain" });
    expect(client.status).toBe(415);
    expectNoNewCookie(client);
    await expectGoodStateKept(client);
  });

  test("a content type that only starts like a form's is not a form: 415, state unchanged", async () => {
    const client = await goodClient();
    const body = client.formData(client.form().querySelector("button[name=_apply]"));
    body.set(client.widget("n").querySelector("input:not([type=hidden])").getAttribute("name"), "7");
    for (const type of ["application/x-www-form-urlencoded_x", "application/x-www-form-urlencodedx; charset=utf-8", "multipart/form-data-x; boundary=b"]) {
      await client.request("POST", "/", body, { "content-type": type });
      expect(client.status, type).toBe(415);
      expectNoNewCookie(client);
    }
    // parameters and case aside, the real type still is one
    await client.request("POST", "/", body, { "content-type": "Application/X-WWW-Form-Urlencoded ; charset=UTF-8" });
    expect(client.status).toBe(200);
    expect(client.value("n")).toBe(7);
  });

  test("too many fields (createApp({ maxFields: 10 })): 4xx naming the limit, state unchanged", async () => {
    const small = () =>
      createApp({
        secret,
        maxFields: 10,
        entrypoint: () => {
          st.numberInput("n", { key: "n" });
          st.textInput("t", { key: "t" });
        },
      });
    const client = new FormClient(small);
    await client.get("/");
    await client.change("n", 3);
    expect(client.status).toBe(200);
    expect(client.state()).toEqual({ n: 3, t: "" });

    client.set("n", 4);
    const body = client.formData(client.form().querySelector("button[name=_apply]"));
    for (let i = 0; i < 10; i++) body.append(`junk${i}`, "1");
    await client.request("POST", "/", body);
    expect(client.status).toBeGreaterThanOrEqual(400);
    expect(client.status).toBeLessThan(500);
    expect(pageText(client)).toMatch(/more than 10 fields/);
    expectNoNewCookie(client);
    expect(client.state()).toEqual({ n: 3, t: "" });
    await client.get("/");
    expect(client.value("n")).toBe(3);
  });

  test("a malformed multipart body: 400 with a message, state unchanged", async () => {
    const client = await goodClient();
    await client.request("POST", "/", "this is not multipart at all", { "content-type": "multipart/form-data; boundary=XyZ" });
    expect(client.status).toBe(400);
    expect(pageText(client)).toMatch(/multipart/i);
    expectNoNewCookie(client);
    await expectGoodStateKept(client);
  });

  test("a well-formed multipart body is accepted like a urlencoded one", async () => {
    const client = await goodClient();
    client.set("n", 6);
    const fields = client.formData(client.form().querySelector("button[name=_apply]"));
    const boundary = "----formlitTestBoundary";
    const body =
      [...fields].map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`;
    await client.request("POST", "/", body, { "content-type": `multipart/form-data; boundary=${boundary}` });
    expect(client.status).toBe(200);
    expect(client.state()).toEqual({ ...GOOD_STATE, n: 6 });
  });
});

describe("errors of the app itself", () => {
  test("an exception in the script: the page shows it, state written before it is kept, the next request is fine", async () => {
    const client = await goodClient();
    await client.change("boom", true);
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([{ type: "Error", message: "kaboom in the app" }]);
    expect(client.state()).toEqual({ ...GOOD_STATE, boom: true, before_boom: true });

    await client.change("boom", false);
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([]);
    expect(client.texts()).toEqual(["end of script"]);
    expect(client.state()).toEqual({ ...GOOD_STATE, before_boom: true });
  });

  for (const [what, option] of [
    ["a function", "a function"],
    ["a class instance", "a class instance"],
  ] as const) {
    test(`${what} put in session state: an error naming the key, and the previous state is kept`, async () => {
      const client = await goodClient();
      await client.change("store", option);
      expect(client.status).toBe(200);
      const errors = client.exceptions();
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(/st\.session_state\["bad"\]/);
      expect(errors[0]!.message).toMatch(/JSON/);
      expect(client.state()).toEqual(GOOD_STATE);

      // The next request starts from the good state and works.
      await client.change("store", "nothing");
      expect(client.status).toBe(200);
      expect(client.exceptions()).toEqual([]);
      expect(client.state()).toEqual(GOOD_STATE);
    });
  }
});

describe("state too large for one cookie", () => {
  // Random text does not compress much, so its size is what the cookie must carry.
  const noise = (chars: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(Math.ceil((chars * 3) / 4)))).toString("base64").slice(0, chars);

  test("state larger than one cookie is split across numbered cookies, each within 4096 bytes, and read back", async () => {
    const client = await goodClient();
    const text = noise(5000);
    await client.change("notes", text);
    expect(client.status).toBe(200);
    expect(client.notices()).toEqual([]);
    expect(client.exceptions()).toEqual([]);
    for (const line of client.headers.getSetCookie()) expect(line.length).toBeLessThanOrEqual(4096);
    await client.get("/");
    expect(client.notices()).toEqual([]);
    expect(client.value("notes")).toBe(text);
    expect(client.value("n")).toBe(3);
  });

  test("state past the total limit: a clear error naming the size and the limit, the previous state kept", async () => {
    const client = await goodClient();
    await client.change("notes", noise(15_000));
    expect(client.status).toBe(200);
    const messages = [...client.notices(), ...client.exceptions().map((e) => e.message), ...client.alerts("error")];
    const tooLarge = messages.find((m) => /too large/i.test(m));
    expect(tooLarge, `messages: ${JSON.stringify(messages)}`).toBeDefined();
    expect(tooLarge!.match(/\d+/g)!.length).toBeGreaterThanOrEqual(2);
    for (const line of client.headers.getSetCookie()) expect(line.length).toBeLessThanOrEqual(4096);
    await client.get("/");
    expect(client.value("notes")).toBe("");
    expect(client.value("n")).toBe(3);
  });
});
