/**
 * st.chatInput with `acceptFile`, `acceptAudio` and `height` over HTTP, as a browser without
 * JavaScript posts it: the page's form is multipart, a message with files returns Streamlit's
 * ChatInputValue (`{ text, files, audio }`) for that one run, with the files' bytes, and bad
 * files or options are messages, not a 500.
 */
import { describe, expect, test } from "vitest";
import { st, type ChatInputValue } from "../../src/index.ts";
import { browse, expectOk } from "../support/browse.ts";

let got: ChatInputValue | string | null | undefined;
let bytes: string[] = [];
let state: unknown;

const app = (opts: Parameters<typeof st.chatInput>[1] = { acceptFile: true }) =>
  browse(async () => {
    got = st.chatInput("Ask", { key: "ask", ...opts });
    state = st.sessionState.get("ask");
    bytes = [];
    if (got && typeof got === "object") {
      for (const f of got.files) bytes.push(`${f.name}: ${await f.text()}`);
      if (got.audio) bytes.push(`audio ${got.audio.name} ${got.audio.type}`);
    }
    st.button("Other");
  });

describe("st.chatInput({ acceptFile })", () => {
  test("the page's form posts multipart; a file input named for the chat input sits beside its text, with accept", async () => {
    const client = app({ acceptFile: true, fileType: ["txt", "csv"] });
    await client.get("/");
    expectOk(client);
    expect(client.form().getAttribute("enctype")).toBe("multipart/form-data");
    const input = client.widget("Ask").querySelector("input[type=file]");
    expect(input.getAttribute("accept")).toBe(".txt,.csv");
    expect(input.hasAttribute("multiple")).toBe(false);
    expect(input.closest("label").textContent).toContain("Attach a file");
    expect(got).toBeNull();
  });

  test("a message with a file returns { text, files, audio } with the file's bytes for that run; the next run gets null", async () => {
    const client = app();
    await client.get("/");
    client.uploadInto("Ask", "input[type=file]", { name: "notes.txt", type: "text/plain", content: "hello file" });
    await client.sendChat("Read this", "Ask");
    expectOk(client);
    expect(got).toMatchObject({ text: "Read this", audio: null });
    expect((got as ChatInputValue).files.map((f) => [f.name, f.type, f.size])).toEqual([["notes.txt", "text/plain", 10]]);
    expect(bytes).toEqual(["notes.txt: hello file"]);
    expect(state).toMatchObject({ text: "Read this", files: [{ name: "notes.txt", type: "text/plain", size: 10 }], audio: null });
    await client.click("Other");
    expectOk(client);
    expect(got).toBeNull();
  });

  test("files alone are sent with empty text; a message without files has files []", async () => {
    const client = app({ acceptFile: "multiple" });
    await client.get("/");
    expect(client.widget("Ask").querySelector("input[type=file]").hasAttribute("multiple")).toBe(true);
    client.uploadInto("Ask", "input[type=file]", { name: "a.txt", content: "A" }, { name: "b.txt", content: "B" });
    await client.sendChat("", "Ask");
    expect(got).toMatchObject({ text: "" });
    expect(bytes).toEqual(["a.txt: A", "b.txt: B"]);
    await client.sendChat("Only text", "Ask");
    expect(got).toMatchObject({ text: "Only text", files: [], audio: null });
  });

  test("a file of a type not accepted, or a second file where one is taken, is a message by the field and nothing is sent", async () => {
    const client = app({ acceptFile: true, fileType: "csv" });
    await client.get("/");
    client.uploadInto("Ask", "input[type=file]", { name: "x.txt", content: "x" });
    await client.sendChat("Hi", "Ask");
    expect(client.status).toBe(200);
    expect(client.fieldErrors()).toEqual(["Ask: x.txt: .txt files are not allowed (accepted: .csv)."]);
    expect(got).toBeNull();
    // two files where the input takes one (a post no browser would make from this page)
    client.widget("Ask").querySelector("input[type=file]").setAttribute("multiple", "");
    client.uploadInto("Ask", "input[type=file]", { name: "a.csv", content: "1" }, { name: "b.csv", content: "2" });
    await client.sendChat("Hi", "Ask");
    expect(client.fieldErrors()).toEqual(["Ask: choose one file only."]);
    expect(got).toBeNull();
  });

  test('acceptFile: "directory" is the browser\'s folder picker (webkitdirectory)', async () => {
    const client = app({ acceptFile: "directory" });
    await client.get("/");
    const input = client.widget("Ask").querySelector("input[type=file]");
    expect(input.hasAttribute("webkitdirectory")).toBe(true);
    expect(input.hasAttribute("multiple")).toBe(true);
  });
});

describe("st.chatInput({ acceptAudio, height })", () => {
  test("a recording is a second file input (audio, capture) whose file is the value's audio", async () => {
    const client = app({ acceptAudio: true });
    await client.get("/");
    const inputs = [...client.widget("Ask").querySelectorAll("input[type=file]")];
    expect(inputs.map((i: any) => [i.getAttribute("accept"), i.getAttribute("capture")])).toEqual([["audio/*", "user"]]);
    client.uploadInto("Ask", "input[accept='audio/*']", { name: "voice.wav", type: "audio/wav", content: "RIFFDATA" });
    await client.sendChat("", "Ask");
    expectOk(client);
    expect(got).toMatchObject({ text: "", files: [] });
    expect(bytes).toEqual(["audio voice.wav audio/wav"]);
  });

  test("height in pixels fixes the text field's height; without files the value is the text, the form not multipart", async () => {
    const client = app({ height: 120 });
    await client.get("/");
    expect(client.widget("Ask").querySelector("textarea").getAttribute("style")).toBe("height:120px");
    expect(client.form().getAttribute("enctype")).toBeNull();
    await client.sendChat("plain", "Ask");
    expect(got).toBe("plain");
  });

  test.each([
    [{ acceptFile: "many" as never }, "The `accept_file` parameter must be a boolean or 'multiple' or 'directory', not 'many'."],
    [{ height: -3 }, "Invalid height value: -3. Height must be either a positive integer (pixels) or 'content'."],
  ])("%o is Streamlit's kind of message in the page", async (opts, message) => {
    const client = app(opts);
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message }]);
  });
});
