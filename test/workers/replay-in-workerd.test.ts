/**
 * Issue #11's four apps inside workerd: a callback gets the arguments and closure of the run that
 * drew its widget whether the isolate served that run (one app for every request: warm) or not (a
 * new app per request: cold, so the run is replayed from where it started).
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { st, createApp, type AppOptions } from "../../src/index.ts";
import { REPLAY_CASES, pick, type ReplayCase } from "../support/replay-cases.ts";
import { CookieJar } from "../support/cookie-jar.ts";

const SECRET = "workers-replay-test-secret-0123456789abcdef";
const BASE = "http://localhost";
const bindings = env as unknown as { TEST_BUCKET: R2Bucket };

/** The case's app, showing its session state at the end of each run. */
function appOf(c: Pick<ReplayCase, "entrypoint">, uploads?: AppOptions["uploads"]) {
  return createApp({
    secret: SECRET,
    uploads,
    entrypoint: async () => {
      await c.entrypoint();
      st.text("STATE " + JSON.stringify(st.sessionState.toDict()));
    },
  });
}

const ENTITIES: Record<string, string> = { "&quot;": '"', "&#39;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&" };
const unescape = (text: string) => text.replace(/&(quot|#39|lt|gt|amp);/g, (e) => ENTITIES[e]!);

/** A browser without JavaScript that only clicks the page's one st.button. */
class Visitor {
  readonly jar = new CookieJar();
  html = "";
  constructor(private readonly app: () => ReturnType<typeof createApp>) {}

  async send(method: "GET" | "POST", body?: URLSearchParams | FormData) {
    const headers: Record<string, string> = { cookie: this.jar.header() };
    if (body) headers.origin = BASE;
    if (body instanceof URLSearchParams) headers["content-type"] = "application/x-www-form-urlencoded";
    const res = await this.app().fetch(new Request(BASE + "/", { method, body, headers }), bindings);
    expect(res.status).toBe(200);
    this.jar.take(res);
    this.html = await res.text();
  }

  field(re: RegExp) {
    return re.exec(this.html)![1]!;
  }

  /** The form's hidden fields: the run it was drawn by, the CSRF token, the values it held. */
  private hidden() {
    return {
      _run: this.field(/name="_run" value="(\d+)"/),
      _csrf: this.field(/name="_csrf" value="([^"]+)"/),
      _v: unescape(this.field(/name="_v" value="([^"]*)"/)),
    };
  }

  clickTheButton() {
    return this.send("POST", new URLSearchParams({ ...this.hidden(), [unescape(this.field(/<button type="submit"[^>]* name="(\$\$ID-[^"]+)"/))]: "1" }));
  }

  /** Posts the form (multipart, as a page with an uploader does) with `file` in its only uploader. */
  upload(file: File) {
    const body = new FormData();
    for (const [k, v] of Object.entries(this.hidden())) body.set(k, v);
    body.set(unescape(this.field(/type="file"[^>]* name="(\$\$ID-[^"]+)"/)), file);
    return this.send("POST", body);
  }

  state(): Record<string, unknown> {
    expect(this.html).not.toContain(`class="fl-exception"`);
    return JSON.parse(unescape(this.field(/STATE ([^<]*)/)));
  }
}

describe("issue #11's callbacks in workerd", () => {
  for (const c of REPLAY_CASES) {
    it(`${c.name}, on cold and on warm isolates alike`, async () => {
      const shared = appOf(c);
      const seen: Record<string, unknown[]> = {};
      for (const [isolates, app] of [
        ["cold", () => appOf(c)],
        ["warm", () => shared],
      ] as const) {
        const v = new Visitor(app);
        await v.send("GET");
        const states: unknown[] = [];
        for (const expected of c.afterClicks) {
          await v.clickTheButton();
          expect(pick(v.state(), expected), `${isolates} isolates`).toEqual(expected);
          states.push(v.state());
        }
        seen[isolates] = states;
      }
      expect(seen.warm).toEqual(seen.cold);
    });
  }

  it("a closure over an upload's text, with the bytes from the R2 upload store, on cold and on warm isolates alike", async () => {
    const shouting = {
      entrypoint: async () => {
        const file = st.fileUploader("Note", { key: "note", type: ["txt"] });
        const text = file && !Array.isArray(file) ? await file.text() : "";
        st.button("Shout", { onClick: () => (st.sessionState.shout = text.toUpperCase()) });
      },
    };
    const store = (e: typeof bindings) => e.TEST_BUCKET;
    const shared = appOf(shouting, store);
    for (const [isolates, app] of [
      ["cold", () => appOf(shouting, store)],
      ["warm", () => shared],
    ] as const) {
      const v = new Visitor(app);
      await v.send("GET");
      await v.upload(new File([`hello from ${isolates}`], "note.txt", { type: "text/plain" }));
      await v.clickTheButton();
      expect(v.state().shout, `${isolates} isolates`).toBe(`HELLO FROM ${isolates.toUpperCase()}`);
    }
  });
});
