/**
 * Property-based tests (fast-check) over HTTP, one app with one of each widget. Whatever a client
 * sends (bodies, cookies, values), formlit never answers 5xx, never signs a cookie it cannot read
 * back, and never hands the script a value outside the widget's declared domain.
 */
import { beforeAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { jwtDecrypt } from "jose";
import { createHash } from "node:crypto";
import { joinToken } from "../../src/cookie/chunks.ts";
import { isDeepStrictEqual } from "node:util";
import { st, createApp } from "../../src/index.ts";
import type { Json } from "../../src/engine/state.ts";
import { FormClient, ORIGIN, TEST_SECRET } from "../support/client.ts";

const ss = st.sessionState;
const APP_NAME = "property-app";

// ---- the app -----------------------------------------------------------------------------------
const RADIO = ["a", "b", "c"];
const SELECT = ["x", "y", "z"];
const SELECT_NULL = [1, 2, 3];
const MULTI = ["p", "q", "r", "s"];
const MAX_SELECTIONS = 2;
const SSLIDER = ["lo", "mid", "hi"];
const TEXT_MAX = 8;

const NAMES = ["num", "int", "text", "area", "check", "toggle", "radio", "select", "selectNull", "multi", "slider", "range", "sslider", "btn", "fnum", "fsub"] as const;
type Name = (typeof NAMES)[number];
const COUNTERS = ["intChanges", "multiChanges", "clicks", "sent"] as const;

/** Every value any widget call (or callback) returned, in any run of the last request: discovery included. */
const observed: [Name, unknown][] = [];

function script() {
  for (const k of COUNTERS) if (!(k in ss)) ss[k] = 0;
  const seen: Record<string, Json> = {};
  const see = <T extends Json>(name: Name, v: T): T => {
    observed.push([name, v]);
    seen[name] = v;
    return v;
  };
  see("num", st.numberInput("num", { key: "num", minValue: -10, maxValue: 10, step: 0.5, value: 0.5 }));
  see(
    "int",
    st.numberInput("int", {
      key: "int",
      minValue: 0,
      maxValue: 100,
      onChange: () => {
        observed.push(["int", ss.int]);
        ss.intChanges += 1;
      },
    }),
  );
  see("text", st.textInput("text", { key: "text", maxChars: TEXT_MAX }));
  see("area", st.textArea("area", { key: "area" }));
  see("check", st.checkbox("check", { key: "check" }));
  see("toggle", st.toggle("toggle", { key: "toggle" }));
  see("radio", st.radio("radio", RADIO, { key: "radio" }));
  see("select", st.selectbox("select", SELECT, { key: "select" }));
  see("selectNull", st.selectbox("selectNull", SELECT_NULL, { key: "selectNull", index: null }));
  see(
    "multi",
    st.multiselect("multi", MULTI, {
      key: "multi",
      maxSelections: MAX_SELECTIONS,
      onChange: () => {
        observed.push(["multi", ss.multi]);
        ss.multiChanges += 1;
      },
    }),
  );
  see("slider", st.slider("slider", { key: "slider", minValue: 0, maxValue: 10 }));
  see("range", st.slider("range", { key: "range", minValue: -5, maxValue: 5, value: [-1, 1] }));
  see("sslider", st.selectSlider("sslider", SSLIDER, { key: "sslider" }));
  see("btn", st.button("btn", { key: "btn", onClick: () => (ss.clicks += 1) }));
  const form = st.form("f");
  see("fnum", form.numberInput("fnum", { key: "fnum", minValue: 1, maxValue: 9, value: 1 }));
  see("fsub", form.formSubmitButton("Send", { onClick: () => (ss.sent += 1) }));
  ss.seen = seen;
}

const makeApp = () => createApp({ secret: TEST_SECRET, name: APP_NAME, entrypoint: script });
const SEND_KEY = "FormSubmitter:f-Send";

// ---- the domains -------------------------------------------------------------------------------
const isBool = (v: unknown) => typeof v === "boolean";
const within = (v: unknown, lo: number, hi: number) => typeof v === "number" && Number.isFinite(v) && v >= lo && v <= hi;
const isInt = (v: unknown) => typeof v === "number" && Number.isInteger(v);
const among = (list: readonly Json[]) => (v: unknown) => list.some((o) => o === v);

const DOMAIN: Record<Name, (v: unknown) => boolean> = {
  num: (v) => within(v, -10, 10),
  int: (v) => isInt(v) && within(v, 0, 100),
  text: (v) => typeof v === "string" && v.length <= TEXT_MAX,
  area: (v) => typeof v === "string",
  check: isBool,
  toggle: isBool,
  radio: among(RADIO),
  select: among(SELECT),
  selectNull: (v) => v === null || among(SELECT_NULL)(v),
  multi: (v) => Array.isArray(v) && v.length <= MAX_SELECTIONS && new Set(v).size === v.length && v.every(among(MULTI)),
  slider: (v) => isInt(v) && within(v, 0, 10),
  range: (v) => Array.isArray(v) && v.length === 2 && v.every((x) => isInt(x) && within(x, -5, 5)) && v[0] <= v[1],
  sslider: among(SSLIDER),
  btn: isBool,
  fnum: (v) => isInt(v) && within(v, 1, 9),
  fsub: isBool,
};

const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 120 ? s.slice(0, 120) + "…" : s;
};

/** Every widget value the script saw, stored or showed is inside its widget's domain. */
function expectAllInDomain(client: FormClient, where: string) {
  for (const [name, v] of observed) expect(DOMAIN[name](v), `${where}: the script got ${name} = ${show(v)}`).toBe(true);
  const state = client.state();
  for (const name of NAMES) {
    const stateKey = name === "fsub" ? SEND_KEY : name;
    if (stateKey in state) expect(DOMAIN[name](state[stateKey]), `${where}: session state ${stateKey} = ${show(state[stateKey])}`).toBe(true);
  }
  const seen = (state.seen ?? {}) as Record<string, unknown>;
  for (const [name, v] of Object.entries(seen)) expect(DOMAIN[name as Name]?.(v), `${where}: seen.${name} = ${show(v)}`).toBe(true);
  for (const k of COUNTERS) if (k in state) expect(isInt(state[k]), `${where}: ${k} = ${show(state[k])}`).toBe(true);
  if (client.status === 200 && client.form()) {
    for (const w of client.widgets()) {
      const name = (w.kind === "form_submit_button" ? "fsub" : w.key) as Name;
      expect(DOMAIN[name](w.value), `${where}: the page shows ${name} = ${show(w.value)}`).toBe(true);
    }
  }
}

/** The session token in the client's cookies (chunks joined). */
function tokenOf(client: FormClient): string | undefined {
  return joinToken(Object.fromEntries(client.cookies), "formlit", 3);
}

async function expectCookieVerifies(client: FormClient, where: string) {
  const token = tokenOf(client);
  expect(token, `${where}: a session cookie`).toBeDefined();
  await expect(
    jwtDecrypt(token!, createHash("sha256").update("formlit-encryption:" + TEST_SECRET).digest(), { audience: APP_NAME }).then(() => "verified"),
    `${where}: the cookie the server set verifies`,
  ).resolves.toBe("verified");
  expect(() => client.state(), `${where}: the cookie's state reads back`).not.toThrow();
}

const FRESH_NOTICE = /fresh (one|session) was started/;
const freshNotices = (client: FormClient) => client.notices().filter((n) => FRESH_NOTICE.test(n));
const withoutSeen = (s: Record<string, Json>) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== "seen"));

function button(client: FormClient, which: "apply" | "btn" | "Send") {
  return which === "apply" ? client.form().querySelector("button[name=_apply]") : client.widget(which).querySelector("button");
}

function snapshot(client: FormClient): Map<string, string> {
  return new Map(client.cookies);
}
function restore(client: FormClient, cookies: Map<string, string>) {
  client.cookies.clear();
  for (const [k, v] of cookies) client.cookies.set(k, v);
}

// ---- a. random form bodies ---------------------------------------------------------------------
type Sym = { sym: "run" | "prevRun" | "csrf" | "v" | "prevV" | "vmut"; n: number };
type Val = string | Sym;
interface Edit {
  op: "append" | "set" | "delete";
  name: string;
  value: Val;
}
interface BodyReq {
  method: "GET" | "POST";
  path: string;
  base: boolean;
  submitter: "apply" | "btn" | "Send" | null;
  edits: Edit[];
  encoding: "urlencoded" | "multipart" | "raw";
  raw: string;
  ctype: string | null;
  suffix: string;
  shape: "partial" | "embed" | null;
  origin: string;
}

const NUMBERS = [
  "", "1e309", "-1e309", "-0", "+0", "NaN", " 5 ", "0x10", "0X1f", "0b11", "0o7", "1e3", "1e-400", "Infinity", "-Infinity", "1.5", "2.5", "10", "10.5",
  "11", "-10", "-10.5", "-11", "100", "101", "0", "1", "2", "3", "4", "5", "9", "99", "007", "3.", ".5", "1,5", "1_0", "٣", "１", "\u00a05", "5\n", "\t7",
  "true", "on", "off", "null", "undefined", "[]", "{}", "__proto__", "constructor", "toString", "-1", "4294967296", "9007199254740993", "1e21", "0.1e1",
];
/** Text that does not compress: base64 of xorshift32 bytes. */
function noise(chars: number, seed: number): string {
  let x = seed | 1;
  const bytes = Array.from({ length: Math.ceil((chars * 3) / 4) }, () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), x & 0xff));
  return Buffer.from(bytes).toString("base64").slice(0, chars);
}
const HUGE = fc.oneof(
  fc.tuple(fc.constantFrom(9, 20_000, 20_001, 70_000, 300_000), fc.constantFrom("x", "é", "😀", "\n", "9")).map(([n, ch]) => ch.repeat(Math.ceil(n / ch.length))),
  // past one cookie (split across chunks), and past the three-cookie limit (the previous state is kept)
  fc.tuple(fc.constantFrom(5_000, 9_000, 15_000), fc.integer()).map(([n, seed]) => noise(n, seed)),
);

function arbitraries(ids: string[]) {
  const name = fc.oneof(
    { arbitrary: fc.constantFrom(...ids), weight: 10 },
    { arbitrary: fc.constantFrom("_run", "_csrf", "_v", "_apply"), weight: 1 },
    { arbitrary: fc.constantFrom(...ids).map((id) => id + "x"), weight: 1 },
    { arbitrary: fc.constantFrom(...ids).map((id) => id.slice(0, 15)), weight: 1 },
    { arbitrary: fc.constantFrom("$$ID-00000-num", "num", "seen", "clicks", "FormSubmitter:f-Send", "__proto__", ""), weight: 1 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 1 },
  );
  const sym: fc.Arbitrary<Sym> = fc.record({ sym: fc.constantFrom("run", "prevRun", "csrf", "v", "prevV", "vmut"), n: fc.nat(20) });
  const value: fc.Arbitrary<Val> = fc.oneof(
    { arbitrary: fc.constantFrom(...NUMBERS), weight: 10 },
    // values near every widget's bounds and option indices
    { arbitrary: fc.integer({ min: -12, max: 105 }).map(String), weight: 8 },
    { arbitrary: fc.double({ min: -12, max: 12, noNaN: true }).map(String), weight: 2 },
    { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String), weight: 3 },
    { arbitrary: fc.double().map(String), weight: 2 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }), weight: 2 },
    { arbitrary: sym, weight: 3 },
    { arbitrary: HUGE, weight: 1 },
  );
  const edit: fc.Arbitrary<Edit> = fc.record({ op: fc.constantFrom("append", "set", "delete"), name, value });
  const req: fc.Arbitrary<BodyReq> = fc.record({
    method: fc.constantFrom("POST", "POST", "POST", "POST", "POST", "GET"),
    path: fc.oneof({ arbitrary: fc.constant("/"), weight: 12 }, { arbitrary: fc.constantFrom("/nope", "/_embed/", "/%E0%A4%A", "//"), weight: 1 }),
    base: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
    submitter: fc.constantFrom("apply", "apply", "btn", "Send", null),
    edits: fc.array(edit, { maxLength: 12 }),
    encoding: fc.oneof({ arbitrary: fc.constant("urlencoded" as const), weight: 8 }, { arbitrary: fc.constant("multipart" as const), weight: 3 }, { arbitrary: fc.constant("raw" as const), weight: 1 }),
    raw: fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.constantFrom("a=%", "%zz=1&&=&", "=;=;", "\u0000=\u0000", "--x\r\n\r\n")),
    ctype: fc.oneof(
      { arbitrary: fc.constant(null), weight: 20 },
      {
        arbitrary: fc.constantFrom(
          "",
          "text/plain",
          "application/json",
          "multipart/form-data",
          "multipart/form-data; boundary=",
          "multipart/form-data; boundary=\"\"",
          "application/x-www-form-urlencoded; charset=iso-8859-1",
          "APPLICATION/X-WWW-FORM-URLENCODED",
          "application/x-www-form-urlencodedXYZ",
          "application/octet-stream",
        ),
        weight: 2,
      },
      { arbitrary: fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }), weight: 1 },
    ),
    suffix: fc.constantFrom("", "", "", "&%zz=1", "&=", "&a", "&%E0%A4%A=1", "&%00=%00", "&&&", "&_run&_csrf"),
    shape: fc.constantFrom(null, null, null, "partial", "embed"),
    origin: fc.oneof({ arbitrary: fc.constant(ORIGIN), weight: 15 }, { arbitrary: fc.constantFrom("null", "https://evil.example", "http://localhost:8080"), weight: 1 }),
  });
  return { req };
}

interface PageInfo {
  doc: any;
  run: string;
  csrf: string;
  v: string;
}

function pageInfo(client: FormClient): PageInfo | null {
  const form = client.form();
  if (client.status !== 200 || !form) return null;
  const field = (n: string) => form.querySelector(`input[name=${n}]`)?.getAttribute("value") ?? "";
  return { doc: client.doc, run: field("_run"), csrf: field("_csrf"), v: field("_v") };
}

function mutateDigests(v: string, n: number): string {
  const pairs = v.split(",");
  const i = n % Math.max(pairs.length, 1);
  switch (n % 5) {
    case 0:
      return pairs.filter((_, k) => k !== i).join(",");
    case 1:
      return pairs.map((p, k) => (k === i ? p.split(":")[0] + ":0" : p)).join(",");
    case 2:
      return [...pairs, pairs[i] ?? ""].join(",");
    case 3:
      return pairs.map((p) => p.split(":")[0] + ":x").join(",");
    default:
      return pairs.map((p) => p.split(":").reverse().join(":")).join(",");
  }
}

function resolve(v: Val, now: PageInfo, prev: PageInfo): string {
  if (typeof v === "string") return v;
  switch (v.sym) {
    case "run":
      return now.run;
    case "prevRun":
      return prev.run;
    case "csrf":
      return now.csrf;
    case "v":
      return now.v;
    case "prevV":
      return prev.v;
    case "vmut":
      return mutateDigests(now.v, v.n);
  }
}

function multipart(fields: URLSearchParams): { body: string; type: string } {
  const boundary = "----formlitProperty" + "9".repeat(8);
  const body = [...fields].map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${boundary}--\r\n`;
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

async function send(client: FormClient, r: BodyReq, now: PageInfo, prev: PageInfo) {
  // Build the body from the current page (as a browser would), then apply the random edits.
  const saved = client.doc;
  client.doc = now.doc;
  const fields = r.base ? client.formData(r.submitter ? button(client, r.submitter) : null) : new URLSearchParams();
  client.doc = saved;
  for (const e of r.edits) {
    const value = resolve(e.value, now, prev);
    if (e.op === "append") fields.append(e.name, value);
    else if (e.op === "set") fields.set(e.name, value);
    else fields.delete(e.name);
  }
  const extra: Record<string, string> = { origin: r.origin };
  if (r.shape) extra["x-formlit"] = r.shape;
  if (r.method === "GET") {
    const query = fields.toString();
    return client.request("GET", r.path + (query ? "?" + query : ""), undefined, extra);
  }
  let body: string;
  let type: string;
  if (r.encoding === "urlencoded") {
    body = fields.toString() + r.suffix;
    type = "application/x-www-form-urlencoded";
  } else if (r.encoding === "multipart") {
    ({ body, type } = multipart(fields));
  } else {
    body = r.raw;
    type = "application/x-www-form-urlencoded";
  }
  extra["content-type"] = r.ctype ?? type;
  return client.request("POST", r.path, body, extra);
}

// ---- c. the model ------------------------------------------------------------------------------
type Values = Record<Exclude<Name, "btn" | "fsub">, Json>;
const INITIAL: Values = {
  num: 0.5,
  int: 0,
  text: "",
  area: "",
  check: false,
  toggle: false,
  radio: "a",
  select: "x",
  selectNull: null,
  multi: [],
  slider: 0,
  range: [-1, 1],
  sslider: "lo",
  fnum: 1,
};
type Settable = Exclude<keyof Values, "fnum"> | "fnum";

/** Text a person could type: no NUL and no CR (browsers normalise line breaks); one line for inputs. */
const typed = (maxLength: number, multiline: boolean) =>
  fc
    .string({ unit: fc.oneof(fc.constantFrom("a", " ", "é", "😀", "&", "<", '"', "'", "\t", ...(multiline ? ["\n"] : [])), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })), maxLength })
    .map((s) => s.replace(/[\u0000\r]/g, "").replace(multiline ? /(?!)/ : /\n/g, ""))
    .filter((s) => s.length <= maxLength);

const valueArbs: { [K in Settable]: fc.Arbitrary<Json> } = {
  num: fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: -20, max: 20 }).map((i) => i / 2)),
  int: fc.integer({ min: 0, max: 100 }),
  text: typed(TEXT_MAX, false),
  area: typed(60, true),
  check: fc.boolean(),
  toggle: fc.boolean(),
  radio: fc.constantFrom(...RADIO),
  select: fc.constantFrom(...SELECT),
  selectNull: fc.constantFrom(null, ...SELECT_NULL),
  multi: fc.subarray(MULTI, { maxLength: MAX_SELECTIONS }),
  slider: fc.integer({ min: 0, max: 10 }),
  range: fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })),
  sslider: fc.constantFrom(...SSLIDER),
  fnum: fc.integer({ min: 1, max: 9 }),
};

type Action =
  | { t: "set"; name: Settable; value: Json }
  | { t: "apply" }
  | { t: "click"; which: "btn" | "Send" }
  | { t: "reload" }
  | { t: "reject"; how: "csrf" | "origin" | "ctype" | "fields" | "size" | "multipart" };

const setAction: fc.Arbitrary<Action> = fc.oneof(
  ...(Object.keys(valueArbs) as Settable[]).map((name) => valueArbs[name].map((value) => ({ t: "set" as const, name, value }))),
);
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: setAction, weight: 8 },
  { arbitrary: fc.constant({ t: "apply" as const }), weight: 4 },
  { arbitrary: fc.constantFrom("btn" as const, "Send" as const).map((which) => ({ t: "click" as const, which })), weight: 2 },
  { arbitrary: fc.constant({ t: "reload" as const }), weight: 1 },
  { arbitrary: fc.constantFrom("csrf", "origin", "ctype", "fields", "size", "multipart").map((how) => ({ t: "reject" as const, how }) as Action), weight: 2 },
);

/** A JSON round trip (what the cookie does: -0 becomes 0). */
const json = <T,>(v: T): T => JSON.parse(JSON.stringify(v));

class Model {
  committed: Values = json(INITIAL);
  /** values set in the page and not yet submitted (outside the st.form) */
  pending = new Map<Settable, Json>();
  /** what the st.form's number input holds (staged until "Send") */
  formShows: Json = 1;
  counters = { intChanges: 0, multiChanges: 0, clicks: 0, sent: 0 };
  lastClick: "btn" | "Send" | null = null;

  set(name: Settable, value: Json) {
    const v = name === "range" ? [...(value as number[])].sort((a, b) => a - b) : name === "multi" ? this.picked(value as Json[]) : value;
    if (name === "fnum") this.formShows = v;
    else this.pending.set(name, json(v));
  }

  /**
   * A multiselect's new value as the page posts it: the chosen options are listed first in the
   * committed value's order, the rest in option order, so kept picks keep their order and new
   * ones are appended in option order (Streamlit keeps the order of the picks).
   */
  picked(chosen: Json[]): Json[] {
    const shown = this.committed.multi as Json[];
    return [...shown.filter((o) => chosen.includes(o)), ...MULTI.filter((o) => chosen.includes(o) && !shown.includes(o))];
  }

  submit(click: "btn" | "Send" | null) {
    for (const [name, v] of this.pending) {
      if (JSON.stringify(v) === JSON.stringify(this.committed[name])) continue;
      this.committed[name] = v;
      if (name === "int") this.counters.intChanges += 1;
      if (name === "multi") this.counters.multiChanges += 1;
    }
    this.pending.clear();
    if (click === "Send") this.committed.fnum = this.formShows;
    if (click === "btn") this.counters.clicks += 1;
    if (click === "Send") this.counters.sent += 1;
    this.lastClick = click;
  }

  reload() {
    this.pending.clear();
    this.formShows = this.committed.fnum;
    this.lastClick = null;
  }

  state(): Record<string, Json> {
    const seen = { ...this.committed, btn: this.lastClick === "btn", fsub: this.lastClick === "Send" };
    return json({ ...this.committed, btn: false, [SEND_KEY]: false, ...this.counters, seen });
  }
}

// ---- the tests ---------------------------------------------------------------------------------
let widgetIds: string[] = [];
let freshState: Record<string, Json>;

beforeAll(async () => {
  const client = new FormClient(makeApp);
  await client.get("/");
  widgetIds = [...client.form().querySelectorAll("[name]")].map((e: any) => e.getAttribute("name")).filter((n: string) => n.startsWith("$$ID"));
  widgetIds = [...new Set(widgetIds)];
  expect(widgetIds.length).toBeGreaterThanOrEqual(15);
  freshState = client.state();
  expect(freshState).toEqual(new Model().state());
});

describe("properties", () => {
  test("a. random form bodies with a valid session: no 5xx, the cookie verifies, every value is in its widget's domain", async () => {
    const { req } = arbitraries(widgetIds);
    // A few starting points: a fresh session, and one with values set and a form staged.
    const starts: FormClient[] = [];
    const fresh = new FormClient(makeApp);
    await fresh.get("/");
    starts.push(fresh);
    const busy = new FormClient(makeApp);
    await busy.get("/");
    busy.set("num", -3.5).set("int", 42).set("text", "héllo").set("multi", ["q", "s"]).set("selectNull", 2).set("range", [-5, 4]).set("fnum", 7);
    await busy.click("btn");
    expect(busy.state().seen).toMatchObject({ int: 42, btn: true, fnum: 1 });
    starts.push(busy);

    await fc.assert(
      fc.asyncProperty(fc.nat(starts.length - 1), fc.array(req, { minLength: 1, maxLength: 3 }), async (startAt, reqs) => {
        const start = starts[startAt]!;
        const client = new FormClient(makeApp);
        restore(client, snapshot(start));
        let prev = pageInfo(start)!;
        let now = prev;
        for (const [i, r] of reqs.entries()) {
          const where = `request ${i + 1} (${r.method} ${r.path})`;
          observed.length = 0;
          const before = snapshot(client);
          await send(client, r, now, prev);
          expect(client.status, `${where}: ${client.html.slice(0, 300)}`).toBeLessThan(500);
          const setCookies = client.headers.getSetCookie();
          if (client.status >= 400 && client.status !== 404) {
            expect(setCookies, `${where}: a refused request (${client.status}) must not touch the session`).toEqual([]);
            expect(snapshot(client)).toEqual(before);
          }
          if (setCookies.length) await expectCookieVerifies(client, where);
          expect(freshNotices(client), `${where}: the session cookie was valid`).toEqual([]);
          if (client.status === 200 && client.form()) expect(client.exceptions(), where).toEqual([]);
          expectAllInDomain(client, where);
          const info = pageInfo(client);
          if (info) [prev, now] = [now, info];
        }
        // The cookie left behind still carries the session: a reload shows the same state.
        const state = client.state();
        observed.length = 0;
        await client.get("/");
        expect(client.status).toBe(200);
        expect(client.notices()).toEqual([]);
        expect(client.exceptions()).toEqual([]);
        expect(withoutSeen(client.state())).toEqual(withoutSeen(state));
        expectAllInDomain(client, "reload");
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  test("b. random cookies: never a 5xx; the real state, or a fresh session with a notice, never anything else", async () => {
    // Two real sessions: a small one (one cookie) and a large one (split across numbered cookies).
    const small = new FormClient(makeApp);
    await small.get("/");
    await small.change("int", 7);
    await small.change("multi", ["p", "r"]);
    const large = new FormClient(makeApp);
    await large.get("/");
    // the state holds it twice (area, and seen.area), encrypted as it is: the token needs more than one cookie
    await large.change("area", noise(3000, 2463534242));
    await large.change("int", 9);
    expect(large.cookies.has("formlit.1")).toBe(true);
    const bases = [small, large].map((c) => ({ cookies: snapshot(c), state: c.state(), page: c.doc }));
    for (const b of bases) expect(withoutSeen(b.state)).not.toEqual(withoutSeen(freshState));

    const COOKIE_OCTETS = fc.constantFrom(..."!#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~".split(""));
    const B64URL = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split(""));
    const b64 = (max: number) => fc.string({ unit: B64URL, maxLength: max });
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    type Recipe =
      | { t: "random"; value: string }
      | { t: "garbage"; value: string }
      | { t: "jwtShape"; parts: string[] }
      | { t: "forged"; header: unknown; payload: unknown; sig: string }
      | { t: "flip"; flips: [number, string][] }
      | { t: "truncate"; at: number }
      | { t: "chunks"; extra: [number, string][] }
      | { t: "dropChunk"; index: number }
      | { t: "swapChunks" }
      | { t: "duplicate"; badFirst: boolean; bad: string };
    const recipe: fc.Arbitrary<Recipe> = fc.oneof(
      fc.record({ t: fc.constant("random" as const), value: fc.string({ unit: COOKIE_OCTETS, maxLength: 300 }) }),
      fc.record({ t: fc.constant("garbage" as const), value: fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 100 }) }),
      fc.record({ t: fc.constant("jwtShape" as const), parts: fc.array(b64(120), { minLength: 1, maxLength: 5 }) }),
      fc.record({
        t: fc.constant("forged" as const),
        header: fc.oneof(fc.constant({ alg: "HS256", typ: "JWT" }), fc.constant({ alg: "none" }), fc.json().map((j) => JSON.parse(j) as Json)),
        payload: fc.oneof(
          fc.json().map((j) => JSON.parse(j) as Json),
          fc.constant({ fv: 1, iss: "formlit", aud: APP_NAME, iat: 1, exp: 4_000_000_000, s: { v: 1, sid: "x", run: 0, pg: "", st: { o: { int: 100 }, k: [], t: [] }, l: [] } }),
        ),
        sig: b64(50),
      }),
      fc.record({ t: fc.constant("flip" as const), flips: fc.array(fc.tuple(fc.nat(100_000), fc.oneof(B64URL, COOKIE_OCTETS)), { minLength: 1, maxLength: 3 }) }),
      fc.record({ t: fc.constant("truncate" as const), at: fc.nat(100_000) }),
      fc.record({ t: fc.constant("chunks" as const), extra: fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.oneof(fc.constant(""), b64(60), fc.string({ unit: COOKIE_OCTETS, maxLength: 60 }))), { minLength: 1, maxLength: 3 }) }),
      fc.record({ t: fc.constant("dropChunk" as const), index: fc.nat(3) }),
      fc.record({ t: fc.constant("swapChunks" as const) }),
      fc.record({ t: fc.constant("duplicate" as const), badFirst: fc.boolean(), bad: b64(80) }),
    );

    /** The Cookie header for a recipe, and whether a browser could send it (a well-formed session cookie). */
    function cookieHeader(r: Recipe, base: Map<string, string>): { header: string; wellFormed: boolean } {
      const jar = [...base];
      const token = jar.map(([, v]) => v).join("");
      const header = (pairs: [string, string][]) => pairs.map(([k, v]) => `${k}=${v}`).join("; ");
      const only = (value: string) => header([["formlit", value]]);
      switch (r.t) {
        case "random":
          return { header: only(r.value), wellFormed: !r.value.includes(";") && !/^[\s"]|[\s"]$/.test(r.value) };
        case "garbage":
          return { header: only(r.value), wellFormed: false };
        case "jwtShape":
          return { header: only(r.parts.join(".")), wellFormed: true };
        case "forged":
          return { header: only(`${enc(r.header)}.${enc(r.payload)}.${r.sig}`), wellFormed: true };
        case "flip": {
          const chars = [...token];
          for (const [at, ch] of r.flips) chars[at % chars.length] = ch;
          const t = chars.join("");
          return { header: only(t), wellFormed: !/[;\s"]/.test(t) };
        }
        case "truncate":
          return { header: only(token.slice(0, r.at % token.length)), wellFormed: true };
        case "chunks": {
          const pairs = new Map(jar);
          for (const [i, v] of r.extra) pairs.set(`formlit.${i}`, v);
          return { header: header([...pairs]), wellFormed: true };
        }
        case "dropChunk": {
          const drop = jar[r.index % jar.length]![0];
          return { header: header(jar.filter(([k]) => k !== drop)), wellFormed: drop !== "formlit" };
        }
        case "swapChunks": {
          if (jar.length < 2) return { header: header(jar.map(([k, v]) => [k, v + v] as [string, string])), wellFormed: true };
          const [a, b] = [jar[0]!, jar[1]!];
          return { header: header([[a[0], b[1]], [b[0], a[1]], ...jar.slice(2)]), wellFormed: true };
        }
        case "duplicate": {
          const bad: [string, string] = ["formlit", r.bad];
          return { header: header(r.badFirst ? [bad, ...jar] : [...jar, bad]), wellFormed: true };
        }
      }
    }

    await fc.assert(
      fc.asyncProperty(fc.nat(bases.length - 1), recipe, fc.constantFrom("GET", "POST"), async (which, r, method) => {
        const base = bases[which]!;
        const { header, wellFormed } = cookieHeader(r, base.cookies);
        const client = new FormClient(makeApp);
        let body: URLSearchParams | undefined;
        if (method === "POST") {
          if (!wellFormed) return; // without a readable session cookie a post is a new visitor's (README, Decisions)
          client.doc = base.page;
          body = client.formData(button(client, "apply"));
        }
        await client.request(method, "/", body, { cookie: header });
        expect(client.status, client.html.slice(0, 300)).toBe(200);
        expect(client.exceptions()).toEqual([]);
        await expectCookieVerifies(client, "response");
        const state = withoutSeen(client.state());
        if (isDeepStrictEqual(state, withoutSeen(base.state))) {
          expect(freshNotices(client), "the real state came back: no fresh-session notice").toEqual([]);
          return;
        }
        expect(state, `neither the real state nor a fresh session (cookie: ${header.slice(0, 200)})`).toEqual(withoutSeen(freshState));
        if (wellFormed) expect(freshNotices(client), `a fresh session says so (cookie: ${header.slice(0, 200)})`).toHaveLength(1);
        if (method === "POST") expect(client.notices().some((n) => /not applied/.test(n))).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  test("c. valid values through the page: the state follows the model; refused requests change nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
        const client = new FormClient(makeApp);
        const model = new Model();
        await client.get("/");
        expect(client.state()).toEqual(model.state());
        for (const [i, a] of actions.entries()) {
          const where = `action ${i + 1}: ${JSON.stringify(a)}`;
          if (a.t === "set") {
            client.set(a.name, a.value);
            model.set(a.name, a.value);
            continue;
          }
          if (a.t === "reject") {
            const stateBefore = client.state();
            const cookiesBefore = snapshot(client);
            const page = client.doc;
            const fields = client.formData(button(client, "apply"));
            const extra: Record<string, string> = {};
            let body = fields.toString();
            if (a.how === "csrf") {
              fields.set("_csrf", "A".repeat(24));
              body = fields.toString();
            } else if (a.how === "origin") extra.origin = "https://evil.example";
            else if (a.how === "ctype") extra["content-type"] = "text/plain";
            else if (a.how === "fields") body += "&junk=1".repeat(2001);
            else if (a.how === "size") body += "&pad=" + "x".repeat(300 * 1024);
            else {
              extra["content-type"] = "multipart/form-data; boundary=XyZ";
              body = "--XyZ\r\nnot a part";
            }
            await client.request("POST", "/", body, extra);
            expect(client.status, where).toBeGreaterThanOrEqual(400);
            expect(client.status, where).toBeLessThan(500);
            expect(client.headers.getSetCookie(), `${where}: no cookie`).toEqual([]);
            expect(snapshot(client)).toEqual(cookiesBefore);
            expect(client.state(), where).toEqual(stateBefore);
            client.doc = page; // back to the page, its pending changes still typed in
            continue;
          }
          if (a.t === "reload") {
            await client.reload();
            model.reload();
          } else if (a.t === "apply") {
            await client.apply();
            model.submit(null);
          } else {
            await client.click(a.which);
            model.submit(a.which);
          }
          expect(client.status, where).toBe(200);
          expect(client.fieldErrors(), where).toEqual([]);
          expect(client.exceptions(), where).toEqual([]);
          expect(client.notices(), where).toEqual([]);
          expect(client.state(), where).toEqual(model.state());
        }
        // Finally, a reload from the cookie alone shows the model's values.
        await client.get("/");
        model.reload();
        expect(client.state()).toEqual(model.state());
        const shown = Object.fromEntries(client.widgets().map((w) => [w.kind === "form_submit_button" ? "fsub" : w.key, w.value]));
        expect(shown).toEqual(json({ ...model.committed, btn: false, fsub: false }));
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
