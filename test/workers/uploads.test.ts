/**
 * st.fileUploader inside workerd, with miniflare's real R2 binding: an upload kept in the app's
 * upload store is readable in a later run; without a store, a later run says the bytes are gone.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { st, createApp } from "../../src/index.ts";
import type { UploadedFile } from "../../src/elements/files.ts";
import { CookieJar } from "../support/cookie-jar.ts";

const SECRET = "workers-uploads-test-secret-0123456789abcdef";
const BASE = "http://localhost";
const bindings = env as unknown as { TEST_BUCKET: R2Bucket };

function app(withStore: boolean) {
  return createApp({
    secret: SECRET,
    uploads: withStore ? (e: typeof bindings) => e.TEST_BUCKET : undefined,
    entrypoint: async () => {
      const file = st.fileUploader("Report", { type: ["txt"], key: "report" }) as UploadedFile | null;
      st.numberInput("Count", { key: "count" });
      if (!file) return st.text("report: none");
      try {
        st.text(`report: ${file.name} says ${await file.text()}`);
      } catch (err) {
        st.text(`report: ${file.name} unreadable: ${(err as Error).message}`);
      }
    },
  });
}

/** A browser's cookies and the page's form, for one app (multipart, as the page asks). */
class Visitor {
  readonly jar = new CookieJar();
  html = "";
  status = 0;
  constructor(private readonly withStore: boolean) {}
  async send(method: string, body?: FormData) {
    const headers: Record<string, string> = { cookie: this.jar.header() };
    if (body) headers.origin = BASE;
    // a new app instance per request: nothing is kept in memory between them
    const res = await app(this.withStore).fetch(new Request(BASE + "/", { method, body, headers }), bindings);
    this.status = res.status;
    this.jar.take(res);
    this.html = await res.text();
  }
  field(re: RegExp) {
    return re.exec(this.html)![1]!;
  }
  /** Posts the form: the given file (or an empty file input, as a browser sends), and a count. */
  async submit(file: File | null, count: number) {
    expect(this.html).toContain('enctype="multipart/form-data"');
    const body = new FormData();
    body.set("_run", this.field(/name="_run" value="(\d+)"/));
    body.set("_csrf", this.field(/name="_csrf" value="([^"]+)"/));
    body.set("_v", this.field(/name="_v" value="([^"]*)"/));
    body.set(this.field(/name="(\$\$ID-[a-z0-9]+-report)"/), file ?? new File([], "", { type: "application/octet-stream" }));
    body.set(this.field(/name="(\$\$ID-[a-z0-9]+-count)"/), String(count));
    await this.send("POST", body);
  }
}

describe("uploads in workerd", () => {
  it("an upload kept in R2 is readable in a later run", async () => {
    const v = new Visitor(true);
    await v.send("GET");
    expect(v.html).toContain("report: none");
    await v.submit(new File(["kept in R2"], "note.txt", { type: "text/plain" }), 0);
    expect(v.status).toBe(200);
    expect(v.html).toContain("report: note.txt says kept in R2");
    // the bytes are in the bucket, under the upload's random id
    const listed = await bindings.TEST_BUCKET.list({ prefix: "formlit/uploads/" });
    const key = listed.objects.map((o) => o.key).find((k) => k.endsWith("/note.txt"));
    expect(key).toBeDefined();
    expect(await (await bindings.TEST_BUCKET.get(key!))!.text()).toBe("kept in R2");

    // a later run (no file posted): the value stays and the bytes come from R2
    await v.submit(null, 1);
    expect(v.status).toBe(200);
    expect(v.html).toContain("report: note.txt says kept in R2");
    expect(v.html).not.toContain("only available in the run that received it");
    await v.send("GET");
    expect(v.html).toContain("report: note.txt says kept in R2");
  });

  it("without a store, a later run says the bytes are gone", async () => {
    const v = new Visitor(false);
    await v.send("GET");
    await v.submit(new File(["only once"], "once.txt", { type: "text/plain" }), 0);
    expect(v.html).toContain("report: once.txt says only once");
    await v.submit(null, 1);
    expect(v.status).toBe(200);
    expect(v.html).toContain("report: once.txt unreadable: The content of the uploaded file &quot;once.txt&quot; was only available in the run that received it.");
    expect(v.html).toContain("The content of once.txt was only available in the run that received it.");
  });
});
