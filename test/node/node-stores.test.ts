/**
 * Large session state and uploaded files on Node, served by @hono/node-server over real HTTP on
 * 127.0.0.1: the app is the one a Worker with a Durable Object and an R2 bucket would run (its
 * store functions find no bindings here), made by formlit's Node entry (what `formlit` resolves to
 * on Node). By default both live in memory, bounded; with FORMLIT_STORE_DIR in a directory that
 * survives a new server process.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test, vi } from "vitest";
import { serve } from "@hono/node-server";
import { createApp, fileSessionStore, memorySessionStore, memoryUploadStore, st, type AppOptions } from "../../src/node.ts";
import type { UploadedFile } from "../../src/elements/files.ts";
import { signingKeys } from "../../src/cookie/keys.ts";
import { signClaims } from "../../src/cookie/token.ts";
import { CookieJar } from "../support/cookie-jar.ts";
import { TEST_SECRET } from "../support/client.ts";

type Bindings = { SESSION_STORE?: unknown; UPLOADS?: R2Bucket };

/** A list of points and an uploaded file, kept as a Streamlit app keeps them: in session state. */
const pointsApp = (extra: Partial<AppOptions> = {}): AppOptions => ({
  secret: TEST_SECRET,
  // as the app's Workers entry has them: found in the bindings, of which Node has none
  store: (env: Bindings) => (env.SESSION_STORE ? (null as never) : null),
  uploads: (env: Bindings) => env.UPLOADS ?? null,
  ...extra,
  entrypoint: async () => {
    let points = (st.sessionState.get("points") ?? []) as { x: number; y: number }[];
    if (st.button("Add 250 points", { key: "add" })) {
      const more = Array.from({ length: 250 }, (_, i) => ({ x: points.length + i, y: Math.round(Math.sin(points.length + i) * 1e6) / 1e6 }));
      points = st.sessionState.points = [...points, ...more];
    }
    st.text(`points: ${points.length}, last: ${JSON.stringify(points.at(-1) ?? null)}`);
    const file = st.fileUploader("Data", { key: "data" }) as UploadedFile | null;
    if (!file) return st.text("file: none");
    try {
      st.text(`file: ${file.name} says ${await file.text()}`);
    } catch (err) {
      st.text(`file: ${file.name} unreadable: ${(err as Error).message}`);
    }
  },
});

const servers: { close(): Promise<void> }[] = [];

/** Serves `options` from a new createApp, as a new server process would. */
async function listen(options: AppOptions): Promise<string> {
  const server = serve({ fetch: createApp(options).fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  servers.push({ close: () => new Promise<void>((r) => server.close(() => r())) });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  delete process.env.FORMLIT_STORE_DIR;
  vi.restoreAllMocks();
});

/** A browser without JavaScript: its cookies and the page's form (multipart, as the uploader asks). */
class Visitor {
  readonly jar = new CookieJar();
  html = "";
  status = 0;
  constructor(public url: string) {}
  async get() {
    await this.send();
  }
  private async send(body?: FormData) {
    const headers: Record<string, string> = { cookie: this.jar.header() };
    if (body) headers.origin = this.url;
    const res = await fetch(this.url + "/", { method: body ? "POST" : "GET", body, headers });
    this.status = res.status;
    this.jar.take(res);
    this.html = unescape(await res.text());
  }
  private field(re: RegExp) {
    return re.exec(this.html)![1]!;
  }
  /** Presses "Add 250 points", with a file in the uploader or with it left empty. */
  async addPoints(file: File | null = null) {
    const body = new FormData();
    for (const name of ["_run", "_csrf", "_v"]) body.set(name, this.field(new RegExp(`name="${name}" value="([^"]*)"`)));
    body.set(this.field(/name="(\$\$ID-[a-z0-9]+-add)"/), "1");
    body.set(this.field(/name="(\$\$ID-[a-z0-9]+-data)"/), file ?? new File([], "", { type: "application/octet-stream" }));
    await this.send(body);
  }
  /** The page's text lines (st.text), without the markup. */
  lines(): string[] {
    return [...this.html.matchAll(/<pre[^>]*>([^<]*)<\/pre>/g)].map((m) => m[1]!);
  }
  cookieBytes(): number {
    return this.jar.header().length;
  }
}

/** The page with the quotes HTML escapes put back, to read text in it. */
const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'");

const csv = () => new File(["x,y\n1,2\n"], "data.csv", { type: "text/csv" });
const LAST = 'points: 1000, last: {"x":999,"y":-0.026461}';
const FILE = "file: data.csv says x,y\n1,2\n";

/** Uploads a file and adds 1,000 points in four posts. */
async function thousandPoints(v: Visitor) {
  await v.get();
  await v.addPoints(csv());
  for (let i = 0; i < 3; i++) await v.addPoints();
}

describe("on Node with no store configured (the default: in memory)", () => {
  test("an app keeps 1,000 points in session state across four posts, and reads an uploaded file back in later runs", async () => {
    const v = new Visitor(await listen(pointsApp()));
    await v.get();
    await v.addPoints(csv());
    expect(v.lines()).toEqual(['points: 250, last: {"x":249,"y":-0.727163}', FILE]);
    for (let i = 0; i < 3; i++) await v.addPoints();
    expect(v.status).toBe(200);
    expect(v.html).not.toContain("too large");
    // the state is in the store: the cookie carries only a sealed reference to it
    expect(v.lines()).toEqual([LAST, FILE]);
    expect(v.cookieBytes()).toBeLessThan(1000);
    // a plain visit shows it again, and the file's bytes from the store
    await v.get();
    expect(v.lines()).toEqual([LAST, FILE]);
  });

  test("the least recently used session past the memory store's bound is dropped, and starts fresh with a notice (never a 500); the operator is told once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const sessions = memorySessionStore({ maxEntries: 2 });
    const url = await listen(pointsApp({ store: () => sessions }));
    const [first, second, third] = [new Visitor(url), new Visitor(url), new Visitor(url)];
    await thousandPoints(first);
    await thousandPoints(second);
    // the first is used again after the second was last written: the second is now the least recently used
    await first.get();
    await thousandPoints(third);
    for (const v of [first, third]) {
      await v.get();
      expect(v.lines()[0]).toBe(LAST);
    }
    await second.get();
    expect(second.status).toBe(200);
    expect(second.html).toContain("Your session's stored state could not be found (it expired, or was dropped to make room for other sessions), so a fresh session was started.");
    expect(second.lines()).toEqual(["points: 0, last: null", "file: none"]);
    // and it can go on from there
    await second.addPoints();
    expect(second.lines()[0]).toBe('points: 250, last: {"x":249,"y":-0.727163}');
    expect(warn.mock.calls.filter(([m]) => String(m).includes("in-memory session store is full"))).toHaveLength(1);
  });

  test("a session larger than the memory store's byte bound drops the older ones; an upload dropped from its store says to upload it again", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    // room for one session of 1,000 points (about 40 KB), not two; for one small file, not two
    const url = await listen(pointsApp({ store: () => sessions, uploadStore: () => uploads }));
    const sessions = memorySessionStore({ maxBytes: 60_000 });
    const uploads = memoryUploadStore({ maxEntries: 1 });
    const [first, second] = [new Visitor(url), new Visitor(url)];
    await thousandPoints(first);
    await thousandPoints(second);
    await second.get();
    expect(second.lines()).toEqual([LAST, FILE]);
    await first.get();
    expect(first.status).toBe(200);
    expect(first.html).toContain("could not be found");
    expect(first.lines()[0]).toBe("points: 0, last: null");

    // a small state stays in the cookie; only the file's bytes are in the store, and then dropped
    const [a, b] = [new Visitor(url), new Visitor(url)];
    await a.get();
    await a.addPoints(csv());
    await b.get();
    await b.addPoints(csv());
    await a.get();
    expect(a.status).toBe(200);
    expect(a.lines()[1]).toBe('file: data.csv unreadable: The uploaded file "data.csv" is no longer in the upload store. Upload it again.');
  });
});

describe("on Node with FORMLIT_STORE_DIR (files)", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("the 1,000 points and the uploaded file survive a restart: a new server over the same directory", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "formlit-store-"));
    process.env.FORMLIT_STORE_DIR = dir;
    // (named: a cookie's audience is otherwise the app's address, and the new server's port differs)
    const v = new Visitor(await listen(pointsApp({ name: "points" })));
    await thousandPoints(v);
    expect(v.lines()).toEqual([LAST, FILE]);
    for (const s of servers.splice(0)) await s.close();

    v.url = await listen(pointsApp({ name: "points" }));
    await v.get();
    expect(v.html).not.toContain('class="fl-notice"');
    expect(v.status).toBe(200);
    expect(v.lines()).toEqual([LAST, FILE]);
    // one file per record, named by a hash, inside the directory
    expect(readdirSync(path.join(dir, "sessions"))).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(readdirSync(path.join(dir, "uploads"))).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    // the state is plain JSON there: readable by the server's user only
    const [stored] = readdirSync(path.join(dir, "sessions"));
    expect(statSync(path.join(dir, "sessions", stored!)).mode & 0o777).toBe(0o600);
  });
});

describe("bad input to the file store", () => {
  let root = "";
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A genuine cookie (signed with the app's secret) naming a stored session that may not exist. */
  async function cookieNaming(url: string, id: string): Promise<string> {
    const keys = await signingKeys(TEST_SECRET);
    const token = await signClaims({ ref: { id, v: 3, h: "x" } }, keys, { audience: url, maxAge: 3600, encrypt: true });
    return `__Host-formlit=${token}`;
  }

  test("a cookie naming a session not in the store, or a path outside it, starts a fresh session with a notice; nothing outside the directory is read or written", async () => {
    root = mkdtempSync(path.join(tmpdir(), "formlit-bad-"));
    const dir = path.join(root, "store");
    // a session file outside the store, where a path in the id would lead
    writeFileSync(path.join(root, "escape"), JSON.stringify({ v: 3, data: "{}" }));
    const url = await listen(pointsApp({ store: () => fileSessionStore(dir) }));
    for (const id of ["no-such-session", "../escape", "../../../../etc/passwd", "a/b\\c\u0000d"]) {
      const res = await fetch(url + "/", { headers: { cookie: await cookieNaming(url, id) } });
      expect(res.status, id).toBe(200);
      const html = unescape(await res.text());
      expect(html, id).toContain("Your session's stored state could not be found");
      expect(html, id).toContain("points: 0, last: null");
    }
    // a cookie altered by hand is refused by its signature
    const v = new Visitor(url);
    await thousandPoints(v);
    const [name, value] = [...v.jar.cookies][0]!;
    v.jar.cookies.set(name, value.slice(0, -4) + "AAAA");
    await v.get();
    expect(v.status).toBe(200);
    expect(v.html).toContain("Your session cookie could not be verified");
    expect(readdirSync(root).sort()).toEqual(["escape", "store"]);
  });

  test("a stored file that is not a session (edited by hand) starts a fresh session with a notice, not an error", async () => {
    root = mkdtempSync(path.join(tmpdir(), "formlit-bad-"));
    const dir = path.join(root, "store");
    const v = new Visitor(await listen(pointsApp({ store: () => fileSessionStore(dir) })));
    await thousandPoints(v);
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file!), "not json {");
    await v.get();
    expect(v.status).toBe(200);
    expect(v.html).toContain("Your session's stored state could not be found");
    expect(v.lines()[0]).toBe("points: 0, last: null");
  });
});

describe("the stores' lifetime and bounds", () => {
  let root = "";
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const record = (n: number) => ({ v: n, data: JSON.stringify({ n }) });
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  test("a session unused for maxAgeSeconds is gone, from memory and from files", async () => {
    root = mkdtempSync(path.join(tmpdir(), "formlit-age-"));
    for (const store of [memorySessionStore({ maxAgeSeconds: 1 }), fileSessionStore(root, { maxAgeSeconds: 1 })]) {
      await store.put("kept", record(1));
      await store.put("left", record(2));
      await pause(600);
      // a read is a use: its lifetime starts again
      expect(await store.get("kept")).toEqual(record(1));
      await pause(600);
      expect(await store.get("kept")).toEqual(record(1));
      expect(await store.get("left")).toBeNull();
    }
  });

  test("the file store sweeps its directory down to maxEntries, the least recently used first", async () => {
    root = mkdtempSync(path.join(tmpdir(), "formlit-sweep-"));
    const store = fileSessionStore(root, { maxEntries: 2, sweepEveryMs: 0 });
    for (const id of ["a", "b", "c"]) {
      await store.put(id, record(1));
      await pause(20);
    }
    expect(readdirSync(root)).toHaveLength(2);
    expect(await store.get("a")).toBeNull();
    expect(await store.get("c")).toEqual(record(1));
  });
});
