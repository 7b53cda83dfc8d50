/**
 * st.fileUploader and st.downloadButton over HTTP, as a browser without JavaScript uses them: a
 * page with an uploader posts multipart, the run that receives a file reads it, later runs keep
 * its metadata (and its bytes only with an upload store), and refused files keep the last value.
 */
import { describe, expect, test } from "vitest";
import { Hono } from "hono";
import { st, createApp, type AppOptions } from "../../src/index.ts";
import { DEV_ENV, FormClient, TEST_SECRET } from "../support/client.ts";
import type { UploadedFile } from "../../src/elements/files.ts";
import { browse } from "../support/browse.ts";

const ss = st.sessionState;

/** Reads an upload's text for st.text, or the message that says why it cannot. */
async function show(file: UploadedFile | null) {
  if (!file) return st.text("file: none");
  try {
    st.text(`file: ${file.name} ${file.type} ${file.size}: ${await file.text()}`);
  } catch (err) {
    st.text(`file: ${file.name} ${file.size}: ${(err as Error).message}`);
  }
}

const csv = { name: "data.csv", type: "text/csv", content: "a,b\n1,2\n" };

describe("st.fileUploader", () => {
  const app = (extra: Partial<AppOptions> = {}) =>
    browse(async () => {
      const f = st.fileUploader("Data", { type: ["csv", ".txt"], key: "data", help: "A table", onChange: () => (ss.changes = ss.get("changes", 0) + 1) });
      await show(f as UploadedFile | null);
      st.numberInput("Other", { key: "other" });
    }, extra);

  test("renders a labelled file input with accept, and makes the page's form multipart", async () => {
    const client = app();
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.form().getAttribute("enctype")).toBe("multipart/form-data");
    const w = client.widget("Data");
    const input = w.querySelector("input[type=file]");
    expect(input.getAttribute("accept")).toBe(".csv,.txt");
    expect(input.hasAttribute("multiple")).toBe(false);
    expect(input.getAttribute("name")).toMatch(/^\$\$ID-[a-z0-9]+-data$/);
    expect(w.querySelector("label").getAttribute("for")).toBe(input.getAttribute("id"));
    const described = input.getAttribute("aria-describedby").split(" ");
    expect(described.map((id: string) => client.doc.getElementById(id)?.textContent)).toEqual(["Limit 10 MB per file · CSV, TXT", "A table"]);
    expect(client.texts()).toEqual(["file: none"]);
    expect(client.value("Data")).toBe(null);

    // a page without an uploader posts URL-encoded, as before
    const plain = browse(() => st.numberInput("N"));
    await plain.get("/");
    expect(plain.form().hasAttribute("enctype")).toBe(false);
  });

  test("the run that receives a file reads it; later runs keep its metadata, and say its bytes are gone", async () => {
    const client = app();
    await client.get("/");
    await client.upload("Data", csv).apply();
    expect(client.status).toBe(200);
    expect(client.fieldErrors()).toEqual([]);
    expect(client.texts()).toEqual(["file: data.csv text/csv 8: a,b\n1,2"]);
    const meta = client.state().data as Record<string, unknown>;
    expect(meta).toEqual({ fileId: expect.stringMatching(/^[0-9a-f-]{36}$/), name: "data.csv", type: "text/csv", size: 8 });
    expect(client.state().changes).toBe(1);
    expect(client.widget("Data").querySelector(".fl-files").textContent).toContain("data.csv");

    // An unchanged file input posts no file: the value stays, no change, no callback.
    await client.change("Other", 3);
    expect(client.fieldErrors()).toEqual([]);
    expect(client.state()).toEqual({ data: meta, changes: 1, other: 3 });
    expect(client.texts()).toEqual([
      'file: data.csv 8: The content of the uploaded file "data.csv" was only available in the run that received it. To read it in later runs, give the app an upload store: createApp({ uploads: (env) => env.BUCKET }) with an R2 bucket binding.',
    ]);
    const gone = client.widget("Data").querySelector(".fl-file-gone");
    expect(gone.textContent).toBe("The content of data.csv was only available in the run that received it.");
    expect(client.widget("Data").querySelector("input[type=file]").getAttribute("aria-describedby")).toContain(gone.getAttribute("id"));
  });

  test("a file of a type not in `type` is refused: the last value stays and the field says why", async () => {
    const client = app();
    await client.get("/");
    await client.upload("Data", csv).apply();
    const meta = client.state().data;
    await client.upload("Data", { name: "tool.EXE", type: "application/x-msdownload", content: "MZ" }).apply();
    expect(client.fieldErrors()).toEqual(["Data: tool.EXE: .exe files are not allowed (accepted: .csv, .txt)."]);
    expect(client.state().data).toEqual(meta);
    expect(client.state().changes).toBe(1);
    const input = client.widget("Data").querySelector("input[type=file]");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toContain(client.widget("Data").querySelector(".fl-field-error").getAttribute("id"));
    // the refused file's bytes are not handed to the script either
    expect(client.texts()[0]).toMatch(/^file: data\.csv 8: The content of the uploaded file "data\.csv" was only available/);
  });

  test("a file over the size limit is refused", async () => {
    const client = browse(() => show(st.fileUploader("Small", { maxUploadSize: 10 }) as UploadedFile | null));
    await client.get("/");
    expect(client.widget("Small").querySelector(".fl-help").textContent).toBe("Limit 10 B per file");
    await client.upload("Small", { name: "big.txt", type: "text/plain", content: "x".repeat(11) }).apply();
    expect(client.fieldErrors()).toEqual(["Small: big.txt is 11 B; files must be 10 B or smaller."]);
    expect(client.value("Small")).toBe(null);
    expect(client.texts()).toEqual(["file: none"]);
    await client.upload("Small", { name: "ok.txt", type: "text/plain", content: "x".repeat(10) }).apply();
    expect(client.fieldErrors()).toEqual([]);
    expect(client.texts()).toEqual(["file: ok.txt text/plain 10: xxxxxxxxxx"]);
  });

  test("MIME types and wildcards in `type`", async () => {
    const client = browse(() => show(st.fileUploader("Picture", { type: ["image/*"] }) as UploadedFile | null));
    await client.get("/");
    expect(client.widget("Picture").querySelector("input[type=file]").getAttribute("accept")).toBe("image/*");
    await client.upload("Picture", { name: "notes.txt", type: "text/plain", content: "hi" }).apply();
    expect(client.fieldErrors()).toEqual(["Picture: notes.txt: .txt files are not allowed (accepted: image/*)."]);
    // the bytes must be an image too (a GIF's header is text)
    await client.upload("Picture", { name: "dot.gif", type: "image/gif", content: "GIF89a" }).apply();
    expect(client.fieldErrors()).toEqual([]);
    expect(client.texts()).toEqual(["file: dot.gif image/gif 6: GIF89a"]);
  });

  test("several files with acceptMultipleFiles: a list; one uploader refuses two files", async () => {
    const client = browse(async () => {
      const files = st.fileUploader("Many", { acceptMultipleFiles: true, key: "many" }) as UploadedFile[];
      st.text(`many: ${(await Promise.all(files.map((f) => f.text()))).join("|")}`);
    });
    await client.get("/");
    expect(client.widget("Many").querySelector("input[type=file]").hasAttribute("multiple")).toBe(true);
    expect(client.texts()).toEqual(["many: "]);
    expect(client.state()).toEqual({ many: [] });
    await client.upload("Many", { name: "a.txt", content: "A" }, { name: "b.txt", content: "B" }).apply();
    expect(client.texts()).toEqual(["many: A|B"]);
    expect((client.state().many as { name: string }[]).map((f) => f.name)).toEqual(["a.txt", "b.txt"]);
    expect(client.widget("Many").querySelector(".fl-file-remove").textContent.trim()).toBe("Remove all 2 files");

    // A hand-made post with two files for a single-file uploader.
    const single = browse(() => show(st.fileUploader("One") as UploadedFile | null));
    await single.get("/");
    const name = single.widget("One").querySelector("input[type=file]").getAttribute("name");
    const body = new FormData();
    for (const field of ["_run", "_csrf", "_v"]) body.append(field, single.form().querySelector(`input[name=${field}]`).getAttribute("value"));
    body.append(name, new File(["1"], "one.txt"));
    body.append(name, new File(["2"], "two.txt"));
    await single.request("POST", "/", body);
    expect(single.fieldErrors()).toEqual(["One: choose one file only."]);
    expect(single.value("One")).toBe(null);
  });

  test("the Remove checkbox empties the uploader (and fires onChange)", async () => {
    const client = app();
    await client.get("/");
    await client.upload("Data", csv).apply();
    const remove = client.widget("Data").querySelector(".fl-file-remove");
    expect(remove.textContent.trim()).toBe("Remove data.csv");
    remove.querySelector("input").setAttribute("checked", "");
    await client.apply();
    expect(client.fieldErrors()).toEqual([]);
    expect(client.state()).toEqual({ data: null, changes: 2, other: 0 });
    expect(client.texts()).toEqual(["file: none"]);
    expect(client.widget("Data").querySelector(".fl-file-remove")).toBe(null);
  });

  test("text posted under the uploader's name (a URL-encoded post) is not a file and changes nothing", async () => {
    const client = app();
    await client.get("/");
    const name = client.widget("Data").querySelector("input[type=file]").getAttribute("name");
    const body = client.formData(null);
    body.set(name, JSON.stringify({ name: "fake.csv", type: "text/csv", size: 1 }));
    await client.request("POST", "/", body);
    expect(client.status).toBe(200);
    expect(client.value("Data")).toBe(null);
    expect(client.texts()).toEqual(["file: none"]);
  });

  test("its value cannot be set through session state (Streamlit's error)", async () => {
    const client = browse(() => {
      ss.up = { name: "x" };
      st.fileUploader("Up", { key: "up" });
    });
    await client.get("/");
    expect(client.exceptions()).toEqual([
      { type: "StreamlitValueAssignmentNotAllowedError", message: "Values for the widget with `key` 'up' cannot be set using `st.session_state`." },
    ]);
  });

  test("inside an st.form, a file counts only with the form's submit button", async () => {
    const client = browse(async () => {
      const form = st.form("f");
      const f = form.fileUploader("In form") as UploadedFile | null;
      form.formSubmitButton("Send");
      await show(f);
    });
    await client.get("/");
    await client.upload("In form", { name: "a.txt", content: "A" }).apply();
    expect(client.value("In form")).toBe(null);
    expect(client.widget("In form").querySelector(".fl-pending").textContent).toBe(
      "Not submitted yet: choose the file again and press the form's submit button.",
    );
    await client.upload("In form", { name: "a.txt", type: "text/plain", content: "A" }).click("Send");
    expect(client.texts()).toEqual(["file: a.txt text/plain 1: A"]);
  });

  test("with an upload store, later runs read the bytes from it", async () => {
    const objects = new Map<string, Uint8Array>();
    const bucket = {
      put: async (key: string, value: Blob) => void objects.set(key, new Uint8Array(await value.arrayBuffer())),
      get: async (key: string) => {
        const bytes = objects.get(key);
        return bytes ? { arrayBuffer: async () => bytes.slice().buffer } : null;
      },
    } as unknown as R2Bucket;
    const client = app({ uploads: () => bucket });
    await client.get("/");
    await client.upload("Data", csv).apply();
    expect(client.texts()).toEqual(["file: data.csv text/csv 8: a,b\n1,2"]);
    const meta = client.state().data as { fileId: string };
    expect([...objects.keys()]).toEqual([expect.stringMatching(new RegExp(`^formlit/uploads/[a-z0-9]+/${meta.fileId}/data\\.csv$`))]);
    await client.change("Other", 1);
    expect(client.texts()).toEqual(["file: data.csv text/csv 8: a,b\n1,2"]);
    expect(client.widget("Data").querySelector(".fl-file-gone")).toBe(null);
    // once the object is gone from the store, reading says so
    objects.clear();
    await client.change("Other", 2);
    expect(client.texts()).toEqual(['file: data.csv 8: The uploaded file "data.csv" is no longer in the upload store. Upload it again.']);
  });
});

describe("st.downloadButton", () => {
  const entry = () => {
    const clicked = st.downloadButton("Get CSV", "a,b\n1,2\n", { fileName: "data.csv", mime: "text/csv", onClick: () => (ss.clicked = true) });
    st.downloadButton("Get bytes", new Uint8Array([0, 1, 2, 255]));
    st.text(`returned: ${clicked}`);
  };

  test("renders a button that names the download route's link, which serves the data", async () => {
    const client = browse(entry);
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.texts()).toEqual(["returned: false"]);
    const button = client.widget("Get CSV").querySelector("button");
    expect(button.getAttribute("class")).toContain("fl-button");
    expect([button.getAttribute("type"), button.getAttribute("name")]).toEqual(["submit", "_dl"]);
    expect(button.getAttribute("data-file")).toBe("data.csv");
    const href = button.getAttribute("data-href");
    expect(href).toMatch(/^\/_formlit\/download\?w=%24%24ID-[a-z0-9]+$/);
    // a page with only downloads has no reason to post multipart
    expect(client.form().hasAttribute("enctype")).toBe(false);

    const res = await client.get(href);
    expect(res.status).toBe(200);
    expect(client.html).toBe("a,b\n1,2\n");
    expect(res.headers.get("content-type")).toBe("text/csv");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="data.csv"; filename*=UTF-8''data.csv`);

    await client.get("/");
    const bytesHref = client.widget("Get bytes").querySelector("button").getAttribute("data-href");
    expect(client.widget("Get bytes").querySelector("button").getAttribute("data-file")).toBe("download");
    const app = createApp({ secret: TEST_SECRET, entrypoint: entry });
    const raw = await app.request("http://localhost" + bytesHref, { headers: { cookie: client.jar.header() } }, DEV_ENV);
    expect(raw.headers.get("content-type")).toBe("application/octet-stream");
    expect([...new Uint8Array(await raw.arrayBuffer())]).toEqual([0, 1, 2, 255]);
    // following the link alone (the GET the client script makes) is not the click: no callback
    await client.get("/");
    expect(client.state()).toEqual({});
    expect(client.texts()).toEqual(["returned: false"]);
  });

  test("a tampered or unknown widget id gets the 404 message", async () => {
    const client = browse(entry);
    await client.get("/");
    const href = client.widget("Get CSV").querySelector("button").getAttribute("data-href") as string;
    for (const bad of [href + "x", "/_formlit/download?w=%24%24ID-0000000000", "/_formlit/download", "/_formlit/download?w=%3Cscript%3E"]) {
      const res = await client.get(bad);
      expect(res.status, bad).toBe(404);
      expect(client.doc.querySelector("h1").textContent).toBe("Download not available");
    }
  });

  test("under a base path the link starts with it; disabled renders no link target", async () => {
    const make = () =>
      new Hono().route(
        "/sub",
        createApp({
          secret: TEST_SECRET,
          basePath: "/sub",
          entrypoint: () => {
            st.downloadButton("Report", "hello", { fileName: "r.txt", help: "Plain text" });
            st.downloadButton("Off", "x", { disabled: true });
          },
        }),
      );
    const client = new FormClient(make);
    await client.get("/sub");
    const link = client.widget("Report").querySelector("button");
    expect(link.getAttribute("data-href")).toMatch(/^\/sub\/_formlit\/download\?w=/);
    expect(client.doc.getElementById(link.getAttribute("aria-describedby")).textContent).toBe("Plain text");
    const res = await client.get(link.getAttribute("data-href"));
    expect(res.status).toBe(200);
    expect(client.html).toBe("hello");
    expect(res.headers.get("content-type")).toBe("text/plain;charset=utf-8");
    await client.get("/sub");
    const off = client.widget("Off").querySelector("a");
    expect(off.hasAttribute("href")).toBe(false);
    expect(off.getAttribute("aria-disabled")).toBe("true");
  });
});

describe("download file names", () => {
  const NAMES: [string, string][] = [
    // [fileName, the ASCII fallback]
    ["Résumé 2024 – 名前.csv", "R_sum_ 2024 _ __.csv"],
    ["a\u0000b.txt", "a_b.txt"],
    ["broken \ud800 half.txt", "broken _ half.txt"],
    ['q"uote\\slash.txt', "q_uote_slash.txt"],
    ["line\r\nbreak.txt", "line__break.txt"],
    ["it's (1) *final*.txt", "it's (1) *final*.txt"],
  ];

  test.each(NAMES)("a download named %j is served (200) with a printable-ASCII fallback and the full name in filename*", async (fileName, ascii) => {
    const client = browse(() => void st.downloadButton("Get", "data", { fileName, mime: "text/plain" }));
    await client.get("/");
    const res = await client.get(client.downloadHref("Get"));
    expect(res.status).toBe(200);
    expect(client.html).toBe("data");
    const header = res.headers.get("content-disposition")!;
    expect(header).toBe(`attachment; filename="${ascii}"; filename*=UTF-8''${/filename\*=UTF-8''(.*)$/.exec(header)![1]}`);
    const full = decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(header)![1]!);
    expect(full).toBe(fileName.replace(/\ud800/, "\ufffd").replace(/[\u0000-\u001f]/g, "_"));
    expect(/filename\*=UTF-8''([A-Za-z0-9!#$&+.^_`|~%-]*)$/.test(header)).toBe(true);
  });
});

describe("upload types checked by their bytes", () => {
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const html = "<script>alert(document.cookie)</script>";
  const app = (type: string[]) =>
    browse(async () => {
      const f = st.fileUploader("Picture", { type, key: "pic" });
      st.text(f ? `file: ${(f as UploadedFile).name} ${(f as UploadedFile).type}` : "file: none");
    });

  test.each([[["png"]], [["image/png"]]])("an uploader accepting %j refuses HTML named .png or sent as image/png, and keeps a real PNG as image/png", async (type) => {
    const client = app(type);
    await client.get("/");
    await client.upload("Picture", { name: "evil.png", type: "image/png", content: html }).apply();
    expect(client.fieldErrors().join(" ")).toMatch(/not allowed/);
    expect(client.state().pic).toBe(null);
    // a real PNG whose browser claimed another type is accepted, and kept with the type of its bytes
    await client.upload("Picture", { name: "photo.png", type: "application/octet-stream", content: PNG }).apply();
    expect(client.fieldErrors()).toEqual([]);
    expect(client.texts()).toEqual(["file: photo.png image/png"]);
    expect((client.state().pic as { type: string }).type).toBe("image/png");
  });

  test("an uploader that accepts any type keeps the upload, with the type its bytes show", async () => {
    const client = browse(async () => {
      const f = st.fileUploader("Any", { key: "any" });
      st.text(f ? `file: ${(f as UploadedFile).type}` : "file: none");
    });
    await client.get("/");
    await client.upload("Any", { name: "evil.png", type: "image/png", content: html }).apply();
    expect(client.texts()).toEqual(["file: application/octet-stream"]);
    await client.upload("Any", { name: "notes.csv", type: "text/csv", content: "a,b" }).apply();
    expect(client.texts()).toEqual(["file: text/csv"]);
  });
});
