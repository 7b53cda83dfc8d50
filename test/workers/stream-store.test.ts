/**
 * A streamed page with the Durable Object store, inside workerd (a fresh app per request): the
 * state after the first byte is committed to the store when the run ends, so it is exact without
 * the page's commit image or its next post; a browser leaving mid-stream keeps nothing of the turn.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { durableObjectStore, type FormlitSessionStore } from "../../src/store/durable-object.ts";

const SECRET = "workers-stream-test-secret-0123456789abcdef";
const BASE = "http://localhost";
const bindings = env as unknown as { SESSION_STORE: DurableObjectNamespace<FormlitSessionStore> };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function* words(text: string, delay: number) {
  for (const w of text.split(" ")) {
    await sleep(delay);
    yield w + " ";
  }
}

type StoreMode = "no store" | "store for large sessions" | "every session in the store, older cookies get the latest" | "every session in the store, older cookies refused";
const MODES: StoreMode[] = ["no store", "store for large sessions", "every session in the store, older cookies get the latest", "every session in the store, older cookies refused"];

const app = (delay: number, mode: StoreMode = "store for large sessions") =>
  createApp({
    secret: SECRET,
    store: (e: typeof bindings) => (mode === "no store" ? null : durableObjectStore(e.SESSION_STORE)),
    ...(mode.startsWith("every session") ? { sessionsInStore: { olderCookie: mode.endsWith("refused") ? ("refuse" as const) : ("latest" as const) } } : {}),
    // the Durable Object's first start compiles the demo script's WebAssembly (Graphviz): seconds on a busy machine
    storeTimeoutMs: 15_000,
    entrypoint: async () => {
      if (!("messages" in st.sessionState)) st.sessionState.messages = [];
      const history = st.sessionState.messages as string[];
      for (const m of history) st.chatMessage("user").text(m);
      const prompt = st.chatInput("Say");
      if (prompt) {
        const answer = await st.chatMessage("assistant").writeStream(words(`answer to ${prompt}`, delay));
        st.sessionState.messages = [...history, prompt, answer.trim()];
      }
    },
  });

/** Cookies and the page; never loads the commit image, never sends the commit field. */
class Visitor {
  cookies = new Map<string, string>();
  html = "";
  constructor(readonly mode?: StoreMode) {}
  keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }
  async fetch(delay: number, method: string, body?: URLSearchParams): Promise<Response> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
    if (body) Object.assign(headers, { origin: BASE, "content-type": "application/x-www-form-urlencoded" });
    const res = await app(delay, this.mode).fetch(new Request(BASE + "/", { method, body, headers }), bindings);
    this.keep(res);
    return res;
  }
  async get() {
    this.html = await (await this.fetch(5, "GET")).text();
  }
  chatBody(message: string) {
    const field = (re: RegExp) => re.exec(this.html)![1]!;
    const body = new URLSearchParams({ _run: field(/name="_run" value="(\d+)"/), _csrf: field(/name="_csrf" value="([^"]+)"/), _v: field(/name="_v" value="([^"]*)"/), _apply: "1" });
    body.set(field(/class="fl-input fl-chat-field" id="[^"]+" name="([^"]+)"/), message);
    return body;
  }
  history() {
    return [...this.html.matchAll(/<pre class="fl-text" data-kind="text">([^<]*)<\/pre>/g)].map((m) => m[1]);
  }
}

describe("a streamed page with the Durable Object store", () => {
  it("commits the turn when the run ends: a reload shows it, without the commit image or the next post", async () => {
    const v = new Visitor();
    await v.get();
    const res = await v.fetch(5, "POST", v.chatBody("one"));
    const html = await res.text();
    expect(html).toContain("answer to one");
    expect(html).toMatch(/<img class="fl-commit"/);
    await v.get(); // the cookie is still the one from the streamed page's headers
    expect(v.history()).toEqual(["one", "answer to one"]);
    const again = await v.fetch(5, "POST", v.chatBody("two"));
    await again.text();
    await v.get();
    expect(v.history()).toEqual(["one", "answer to one", "two", "answer to two"]);
  });

  it("a browser that leaves mid-stream keeps nothing of the turn", async () => {
    const v = new Visitor();
    await v.get();
    await (await v.fetch(5, "POST", v.chatBody("kept"))).text();
    await v.get();
    const res = await v.fetch(40, "POST", v.chatBody("left"));
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await sleep(800);
    await v.get();
    expect(v.history()).toEqual(["kept", "answer to kept"]);
  });
});

describe.each(MODES)("a chat of streamed pages keeps its session (%s)", (mode) => {
  it("two turns, then a reload, as a browser sends them (the form's fields, its commit image): the history is whole and no fresh session started", async () => {
    const v = new Visitor(mode);
    await v.get();
    for (const message of ["one", "two"]) {
      // the next post is made from the streamed page itself, its commit field included, as a person's next message is
      const body = v.chatBody(message);
      const commit = /name="_commit" value="([^"]*)"/.exec(v.html)?.[1];
      if (commit) body.set("_commit", commit);
      v.html = await (await v.fetch(5, "POST", body)).text();
      expect(v.html).toContain(`answer to ${message}`);
      expect(v.html).not.toContain("fresh session");
      const image = /<img class="fl-commit"[^>]* src="([^"]+)"/.exec(v.html)?.[1];
      if (image) v.keep(await app(5, mode).fetch(new Request(BASE + image.replace(/&amp;/g, "&"), { headers: { cookie: [...v.cookies].map(([k, x]) => `${k}=${x}`).join("; "), "sec-fetch-site": "same-origin" } }), bindings));
    }
    await v.get();
    expect(v.history()).toEqual(["one", "answer to one", "two", "answer to two"]);
    expect(v.html).not.toContain("fresh session");
  });
});

