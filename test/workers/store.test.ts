/**
 * Sessions too large for cookies, kept in miniflare's real Durable Object and R2 bindings; and
 * what a user sees when the store fails or is slow (injected around the real binding).
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { st, createApp, r2Store, type SessionStore } from "../../src/index.ts";
import { durableObjectStore, type FormlitSessionStore } from "../../src/store/durable-object.ts";
import { CookieJar } from "../support/cookie-jar.ts";

const SECRET = "workers-store-test-secret-0123456789abcdef";
const BASE = "http://localhost";
const bindings = env as unknown as { SESSION_STORE: DurableObjectNamespace<FormlitSessionStore>; TEST_BUCKET: R2Bucket };

function app(store: (e: typeof bindings) => SessionStore | null, extra = {}) {
  return createApp({
    secret: SECRET,
    maxCookies: 1,
    store,
    // generous: a busy machine must not turn a slow answer into a test failure (the fault tests set
    // 200); the Durable Object's first start compiles the demo script's WebAssembly (Graphviz)
    storeTimeoutMs: 15_000,
    ...extra,
    entrypoint: () => {
      const notes = st.textArea("Notes", { key: "notes" });
      st.text(`notes: ${notes?.length ?? 0} chars`);
    },
  });
}

/** A browser's worth of cookies and form fields, for one app. */
class Visitor {
  readonly jar = new CookieJar();
  get cookies(): Map<string, string> {
    return this.jar.cookies;
  }
  set cookies(kept: Map<string, string>) {
    this.jar.restore(kept);
  }
  html = "";
  status = 0;
  setCookies: string[] = [];
  constructor(private readonly make: () => ReturnType<typeof app>) {}
  async send(method: string, body?: URLSearchParams) {
    const headers: Record<string, string> = { cookie: this.jar.header() };
    if (body) Object.assign(headers, { origin: BASE, "content-type": "application/x-www-form-urlencoded" });
    const res = await this.make().fetch(new Request(BASE + "/", { method, body, headers }), bindings);
    this.status = res.status;
    this.setCookies = res.headers.getSetCookie();
    this.jar.take(res);
    this.html = await res.text();
  }
  field(re: RegExp) {
    return re.exec(this.html)![1]!;
  }
  async typeNotes(text: string) {
    const body = new URLSearchParams({ _run: this.field(/name="_run" value="(\d+)"/), _csrf: this.field(/name="_csrf" value="([^"]+)"/), _v: this.field(/name="_v" value="([^"]*)"/) });
    body.set(this.field(/name="(\$\$ID-[a-z0-9]+-notes)"/), text);
    await this.send("POST", body);
  }
}

/** Text that does not compress (random), so its size is what the session must carry. */
const big = (n: number) => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(n)))).slice(0, n);

describe.each([
  ["a Durable Object", (e: typeof bindings) => durableObjectStore(e.SESSION_STORE)],
  ["an R2 bucket", (e: typeof bindings) => r2Store(e.TEST_BUCKET)],
])("state kept in %s", (_name, makeStore) => {
  it("keeps a state larger than the cookies allow, with only a small signed reference in the cookie", async () => {
    const v = new Visitor(() => app(makeStore));
    await v.send("GET");
    await v.typeNotes(big(9000));
    expect(v.status).toBe(200);
    expect(v.html).toContain("notes: 9000 chars");
    expect(v.cookies.size).toBe(1);
    expect(v.html).not.toContain("too large");
    expect([...v.cookies.values()].join("").length).toBeLessThan(1000);
    await v.send("GET");
    expect(v.html).toContain("notes: 9000 chars");
    // back under the limit: the state returns to the cookie
    await v.typeNotes("short");
    expect(v.html).toContain("notes: 5 chars");
    await v.send("GET");
    expect(v.html).toContain("notes: 5 chars");
  });
});

describe("an old cookie sent again (rollback)", () => {
  const store = (e: typeof bindings) => durableObjectStore(e.SESSION_STORE);
  /** A visitor who typed "first", kept that cookie, then typed "second and longer". */
  async function replaying(extra: object) {
    const v = new Visitor(() => app(store, { maxCookies: 3, ...extra }));
    await v.send("GET");
    await v.typeNotes("first");
    const old = new Map(v.cookies);
    await v.typeNotes("second and longer");
    expect(v.html).toContain("notes: 17 chars");
    const latest = new Map(v.cookies);
    v.cookies = old;
    await v.send("GET");
    return { v, latest };
  }

  it("by default a self-contained cookie brings its old state back (documented in SECURITY.md)", async () => {
    const { v } = await replaying({});
    expect(v.html).toContain("notes: 5 chars");
  });

  it('sessionsInStore: { olderCookie: "latest" }: the cookie holds only a reference, and an older one loads the latest state', async () => {
    const { v } = await replaying({ sessionsInStore: { olderCookie: "latest" } });
    expect(v.html).toContain("notes: 17 chars");
    expect(v.html).not.toContain("fresh session");
    expect([...v.cookies.values()].join("").length).toBeLessThan(1000);
  });

  it('sessionsInStore: { olderCookie: "refuse" }: an older cookie is refused with a notice; the latest one still works', async () => {
    const { v, latest } = await replaying({ sessionsInStore: { olderCookie: "refuse" } });
    expect(v.html).toContain("older than your session&#39;s saved state");
    expect(v.html).toContain("notes: 0 chars");
    v.cookies = latest;
    await v.send("GET");
    expect(v.html).toContain("notes: 17 chars");
    expect(v.html).not.toContain("fresh session");
  });

  it("sessionsInStore refuses a cookie that carries its state itself (issued before the store held every session)", async () => {
    const before = new Visitor(() => app(store, { maxCookies: 3 }));
    await before.send("GET");
    await before.typeNotes("kept in the cookie");
    const v = new Visitor(() => app(store, { maxCookies: 3, sessionsInStore: { olderCookie: "latest" } }));
    v.cookies = new Map(before.cookies);
    await v.send("GET");
    expect(v.html).toContain("notes: 0 chars");
    expect(v.html).toContain("older than your session&#39;s saved state");
  });

  it("sessionsInStore without a store is a configuration error page", async () => {
    const v = new Visitor(() => app(() => null, { sessionsInStore: { olderCookie: "refuse" } }));
    await v.send("GET");
    expect(v.status).toBe(500);
    expect(v.html).toContain("sessionsInStore needs a store");
  });
});

describe("store faults", () => {
  const real = (e: typeof bindings) => durableObjectStore(e.SESSION_STORE);

  it("a failing write shows a clear message and keeps the last good state", async () => {
    let failWrites = false;
    const v = new Visitor(() =>
      app((e) => {
        const s = real(e);
        return { ...s, put: (id, r) => (failWrites ? Promise.reject(new Error("injected write failure")) : s.put(id, r)) };
      }),
    );
    await v.send("GET");
    await v.typeNotes(big(9000));
    expect(v.html).toContain("notes: 9000 chars");
    failWrites = true;
    await v.typeNotes(big(9500));
    expect(v.status).toBe(200);
    expect(v.html).toContain("Your changes could not be saved: the session store did not answer.");
    expect(v.setCookies).toEqual([]);
    failWrites = false;
    await v.send("GET");
    expect(v.html).toContain("notes: 9000 chars");
  });

  it("a failing or slow read answers 503 with a message, and changes nothing", async () => {
    let mode: "ok" | "fail" | "slow" = "ok";
    const v = new Visitor(() =>
      app((e) => {
        const s = real(e);
        return {
          ...s,
          get: (id) => (mode === "fail" ? Promise.reject(new Error("injected read failure")) : mode === "slow" ? new Promise(() => {}) : s.get(id)),
        };
      }, { storeTimeoutMs: 200 }),
    );
    await v.send("GET");
    await v.typeNotes(big(9000));
    for (const m of ["fail", "slow"] as const) {
      mode = m;
      await v.send("GET");
      expect(v.status).toBe(503);
      expect(v.html).toContain("Session storage unavailable");
      expect(v.setCookies).toEqual([]);
    }
    mode = "ok";
    await v.send("GET");
    expect(v.html).toContain("notes: 9000 chars");
  });

  it("without a store, a state past the limit is refused with its size and the limit, the last state kept", async () => {
    const v = new Visitor(() => app(() => null));
    await v.send("GET");
    await v.typeNotes("kept");
    await v.typeNotes(big(9000));
    expect(v.html).toMatch(/too large to keep: \d+ bytes signed, over the limit of \d+ bytes/);
    await v.send("GET");
    expect(v.html).toContain("notes: 4 chars");
  });
});
