/**
 * A page is sent as UTF-8 bytes encoded a chunk at a time: a long page with text in several
 * scripts arrives whole and in order, with every character intact, in each shape of answer.
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { htmlBody } from "../../src/http/html-body.ts";
import { SHAPE_HEADER } from "../../src/protocol/form.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { fatal: true }).decode(bytes);

describe("htmlBody", () => {
  test("many pieces, some longer than a chunk, decode to the pieces joined", () => {
    const pieces = [
      "<p>ASCII</p>",
      ...Array.from({ length: 3000 }, (_, i) => `<p>${i} café — 中文 𝄞</p>`),
      "x".repeat(40_000) + "é",
      "<p>end</p>",
    ];
    const body = htmlBody(pieces);
    expect(decode(body)).toBe(pieces.join(""));
    expect(body.length).toBe(new TextEncoder().encode(pieces.join("")).length);
  });

  test("a single piece and no piece", () => {
    expect(decode(htmlBody(["<p>ünï</p>"]))).toBe("<p>ünï</p>");
    expect(htmlBody([]).length).toBe(0);
  });
});

describe("a long page through the app", () => {
  const N = 2000;
  const app = () =>
    createApp({
      secret: TEST_SECRET,
      maxFields: 5000,
      entrypoint: () => {
        st.title("Long — page");
        for (let i = 0; i < N; i++) st.markdown(`Row ${i}: naïve café, 中文, 🎈`);
        st.numberInput("Last", { key: "last" });
      },
    });

  test("arrives whole and in order, and its form still works", async () => {
    const b = new FormClient(app);
    await b.get("/");
    expect(b.status).toBe(200);
    expect(b.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    expect(b.html.length).toBeGreaterThan(150_000);
    const rows = [...b.doc.querySelectorAll(".fl-main p")].map((p: any) => p.textContent);
    expect(rows).toEqual(Array.from({ length: N }, (_, i) => `Row ${i}: naïve café, 中文, 🎈`));
    expect(b.html.endsWith("</body></html>")).toBe(true);
    await b.set("Last", 7).apply();
    expect(b.status).toBe(200);
    expect(b.doc.querySelectorAll(".fl-main p").length).toBe(N);
    expect(b.value("Last")).toBe(7);
  });

  test("the app's form alone (the client script's answer) arrives whole", async () => {
    const b = new FormClient(app);
    await b.get("/");
    const res = await b.request("POST", "/", b.formData(null), { [SHAPE_HEADER]: "partial" });
    const text = b.html;
    expect(res.status).toBe(200);
    expect(text.startsWith("<form")).toBe(true);
    expect(text.endsWith("</form>")).toBe(true);
    expect(text.split("中文").length - 1).toBe(N);
  });
});
