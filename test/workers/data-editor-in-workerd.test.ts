/**
 * st.dataEditor inside workerd, a new app per request: edits kept in the session cookies, a state
 * too large for them kept in the real Durable Object store, and how many edited cells fit in the
 * default cookies (three of 3,800 bytes) before the app says the state is too large.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { st, createApp, type AppOptions } from "../../src/index.ts";
import { durableObjectStore, type FormlitSessionStore } from "../../src/store/durable-object.ts";
import { CookieJar } from "../support/cookie-jar.ts";

const SECRET = "workers-data-editor-secret-0123456789abcdef";
const BASE = "http://localhost";
const bindings = env as unknown as { SESSION_STORE: DurableObjectNamespace<FormlitSessionStore> };

/** Many rows: a text column and a number column. */
const ROWS = Array.from({ length: 5000 }, (_, i) => ({ item: `item ${i}`, qty: i }));

const app = (extra: Partial<AppOptions> = {}) =>
  createApp({
    secret: SECRET,
    ...extra,
    entrypoint: () => {
      const edited = st.dataEditor(ROWS, { key: "stock", numRows: "dynamic" });
      st.text(`rows: ${edited.length}, total: ${edited.reduce((n, r) => n + (r.qty ?? 0), 0)}`);
    },
  });

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** A browser's cookies and the page's form, for a new app on every request. */
class Visitor {
  readonly jar = new CookieJar();
  html = "";
  constructor(private readonly make: () => ReturnType<typeof app>) {}
  async send(method: string, body?: URLSearchParams) {
    const headers: Record<string, string> = { cookie: this.jar.header() };
    if (body) Object.assign(headers, { origin: BASE, "content-type": "application/x-www-form-urlencoded" });
    const res = await this.make().fetch(new Request(BASE + "/", { method, body, headers }), bindings);
    expect(res.status).toBe(200);
    this.jar.take(res);
    this.html = await res.text();
  }
  field(re: RegExp) {
    return decode(re.exec(this.html)![1]!);
  }
  get editorId() {
    return this.field(/name="(\$\$ID-[a-z0-9]+-stock)"/);
  }
  /** The editing state the page shows (the editor's data-value). */
  get state() {
    return JSON.parse(this.field(/data-kind="data_editor" data-key="stock" data-value="([^"]*)"/));
  }
  get text() {
    return this.field(/(rows: \d+, total: \d+)/);
  }
  /** Posts the form with `fields` (the editor's, by part: "" its state, "0/1" a cell...). */
  async post(fields: Record<string, string>) {
    const body = new URLSearchParams({ _run: this.field(/name="_run" value="(\d+)"/), _csrf: this.field(/name="_csrf" value="([^"]+)"/), _v: this.field(/name="_v" value="([^"]*)"/) });
    body.set(this.editorId, this.field(new RegExp(`name="${this.editorId.replace(/\$/g, "\\$")}" value="([^"]*)"`)));
    for (const [part, value] of Object.entries(fields)) body.set(part === "" ? this.editorId : `${this.editorId}/${part}`, value);
    await this.send("POST", body);
  }
}

/** An editing state with `n` edited quantities (five-digit numbers that do not repeat a pattern). */
function editedCells(n: number) {
  const edited_rows: Record<string, { qty: number }> = {};
  for (let i = 0; i < n; i++) edited_rows[String(i)] = { qty: 10_000 + ((i * 7919) % 89_999) };
  return JSON.stringify({ edited_rows, added_rows: [], deleted_rows: [] });
}

describe("st.dataEditor in workerd", () => {
  it("keeps an edit, an added row and a deletion in the session cookies across requests", async () => {
    const v = new Visitor(() => app());
    await v.send("GET");
    expect(v.text).toBe("rows: 5000, total: 12497500");
    await v.post({ "0/1": "100", add: "1" });
    await v.post({ "a0/1": "5", "del/1": "1" });
    expect(v.state).toEqual({ edited_rows: { "0": { qty: 100 } }, added_rows: [{ qty: 5 }], deleted_rows: [1] });
    await v.send("GET");
    expect(v.text).toBe(`rows: 5000, total: ${12497500 + 100 - 1 + 5}`);
    expect([...v.jar.cookies.keys()]).toEqual(["formlit"]);
  }, 30_000);

  it("keeps a state too large for the cookies in the Durable Object store, with only a reference in the cookie", async () => {
    // a store timeout above the default (3 s): on a busy machine the local Durable Object can be slow
    const v = new Visitor(() => app({ maxCookies: 1, storeTimeoutMs: 10_000, store: (e: typeof bindings) => durableObjectStore(e.SESSION_STORE) }));
    await v.send("GET");
    await v.post({ "": editedCells(1000) });
    expect(v.html).not.toContain("too large");
    expect(Object.keys(v.state.edited_rows)).toHaveLength(1000);
    expect([...v.jar.cookies.values()].join("").length).toBeLessThan(1000);
    await v.send("GET");
    expect(Object.keys(v.state.edited_rows)).toHaveLength(1000);
    expect(v.state.edited_rows["999"]).toEqual({ qty: 10_000 + ((999 * 7919) % 89_999) });
  }, 60_000);

  it("fits hundreds of edited number cells in the default cookies; a few more are refused with a message and the last good state kept", async () => {
    const v = new Visitor(() => app());
    await v.send("GET");
    // the largest count that fits, by bisection (each try a real request, cookies as a browser keeps them)
    let [fits, tooMany] = [0, 5000];
    while (tooMany - fits > 1) {
      const n = Math.floor((fits + tooMany) / 2);
      await v.post({ "": editedCells(n) });
      expect(/class="fl-field-error"[^>]*>([^<]*)/.exec(v.html)?.[1]).toBeUndefined();
      if (v.html.includes("too large")) tooMany = n;
      else fits = n;
    }
    console.log(`edited number cells that fit in the default cookies: ${fits}`);
    expect(fits).toBeGreaterThan(200);
    expect(fits).toBeLessThan(2000);
    const [fewer, more] = [fits - 20, tooMany + 20];
    await v.post({ "": editedCells(fewer) });
    expect(Object.keys(v.state.edited_rows)).toHaveLength(fewer);
    await v.post({ "": editedCells(more) });
    expect(v.html).toContain("too large to keep");
    // that run showed its edits once; the cookies kept the last state that fit
    await v.send("GET");
    expect(Object.keys(v.state.edited_rows)).toHaveLength(fewer);
  }, 120_000);
});
