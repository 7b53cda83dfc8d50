/**
 * st.pdf and st.iframe over HTTP (a fresh app per request): the frames each serves, the download
 * link, the sandbox, the page's CSP allowing exactly these frames, and the refusal of addresses
 * that could run code in the app's page.
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";
import { samplePdf } from "../../pages/sample-pdf.ts";

async function page(entrypoint: () => unknown): Promise<FormClient> {
  const client = new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint }));
  await client.get("/");
  expect(client.status).toBe(200);
  return client;
}

const PDF = samplePdf("Hello");

describe("st.pdf", () => {
  test("bytes: a 500-pixel frame of the PDF as a data: URL, and a link that downloads the same bytes", async () => {
    const client = await page(() => st.pdf(PDF));
    expect(client.exceptions()).toEqual([]);
    const frame = client.doc.querySelector("[data-kind=pdf] iframe");
    const src = frame.getAttribute("src");
    expect(src.startsWith("data:application/pdf;base64,")).toBe(true);
    expect(new Uint8Array(Buffer.from(src.split(",")[1], "base64"))).toEqual(PDF);
    expect(frame.getAttribute("style")).toBe("height:500px");
    expect(frame.getAttribute("title")).toBe("PDF: document.pdf");
    const link = client.doc.querySelector("[data-kind=pdf] a");
    expect([link.getAttribute("href"), link.getAttribute("download"), link.textContent]).toEqual([src, "document.pdf", "Download the PDF (document.pdf)"]);
  });

  test("an https address is the frame's address, named after its file; height in pixels or stretch", async () => {
    const client = await page(() => {
      st.pdf("https://example.com/files/report%202024.pdf?v=2", { height: 600 });
      st.pdf("/static/guide.pdf", { height: "stretch" });
    });
    expect(client.exceptions()).toEqual([]);
    const frames = [...client.doc.querySelectorAll("[data-kind=pdf] iframe")];
    expect(frames.map((f: any) => [f.getAttribute("src"), f.getAttribute("style")])).toEqual([
      ["https://example.com/files/report%202024.pdf?v=2", "height:600px"],
      ["/static/guide.pdf", "height:100%"],
    ]);
    expect([...client.doc.querySelectorAll("[data-kind=pdf] a")].map((a: any) => a.getAttribute("download"))).toEqual(["report 2024.pdf", "guide.pdf"]);
  });

  test.each([
    ["javascript:alert(1)", 'st.pdf: "javascript:" addresses are refused (they could run code in the app\'s page or read local files); pass an https or relative address, or the PDF\'s bytes.'],
    ["data:text/html,<script>alert(1)</script>", 'st.pdf: "data:" addresses are refused (they could run code in the app\'s page or read local files); pass an https or relative address, or the PDF\'s bytes.'],
    ["http://example.com/a.pdf", 'st.pdf: "http://example.com/a.pdf" is a plain http address; the page\'s security policy lets frames load only https and the app\'s own addresses.'],
  ])("%s is refused with a message in the page", async (src, message) => {
    const client = await page(() => st.pdf(src));
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message }]);
    expect(client.doc.querySelector("iframe")).toBeNull();
  });

  test("a height that is not pixels or stretch is Streamlit's message", async () => {
    const client = await page(() => st.pdf(PDF, { height: "content" as never }));
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message: "Invalid height value: 'content'. Height must be either a positive integer (pixels) or 'stretch'." }]);
  });
});

describe("st.iframe", () => {
  test("an HTML string is the frame's srcdoc, sandboxed without allow-same-origin; 150 pixels tall by default", async () => {
    const client = await page(() => st.iframe(`<h1>Hi</h1><script>parent.document.body.remove()</script>`));
    expect(client.exceptions()).toEqual([]);
    const frame = client.doc.querySelector("[data-kind=iframe] iframe");
    expect(frame.getAttribute("srcdoc")).toBe(`<h1>Hi</h1><script>parent.document.body.remove()</script>`);
    expect(frame.getAttribute("src")).toBeNull();
    expect(frame.getAttribute("sandbox").split(" ")).not.toContain("allow-same-origin");
    expect(frame.getAttribute("sandbox").split(" ")).toContain("allow-scripts");
    expect(frame.getAttribute("style")).toBe("width:100%;height:150px");
  });

  test("an address (https, relative, data:) is the frame's src; width, height and tabIndex apply", async () => {
    const client = await page(() => {
      st.iframe("https://example.com/", { height: 400, width: 320, tabIndex: -1 });
      st.iframe("/report.html", { width: "content", height: "stretch" });
      st.iframe("data:text/html,<p>x</p>");
    });
    expect(client.exceptions()).toEqual([]);
    const frames = [...client.doc.querySelectorAll("[data-kind=iframe] iframe")];
    expect(frames.map((f: any) => [f.getAttribute("src"), f.getAttribute("style"), f.getAttribute("tabindex")])).toEqual([
      ["https://example.com/", "width:320px;height:400px", "-1"],
      ["/report.html", "width:300px;height:100%", null],
      ["data:text/html,<p>x</p>", "width:100%;height:150px", null],
    ]);
  });

  test.each([
    ["javascript:alert(document.cookie)", "javascript"],
    [" JaVa\tScRiPt:alert(1)", "javascript"],
    ["file:///etc/passwd", "file"],
  ])("%j is refused with a clear message, and no frame is drawn", async (src, scheme) => {
    const client = await page(() => st.iframe(src));
    expect(client.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: `st.iframe: "${scheme}:" addresses are refused (they could run code in the app's page or read local files); pass an https or relative address, or HTML as a string.` },
    ]);
    expect(client.doc.querySelector("iframe")).toBeNull();
  });

  test("text that only looks like it has a scheme (\"Note: ...\") is HTML, not a refused address", async () => {
    const client = await page(() => st.iframe("Note: <b>bold</b>"));
    expect(client.exceptions()).toEqual([]);
    expect(client.doc.querySelector("[data-kind=iframe] iframe").getAttribute("srcdoc")).toBe("Note: <b>bold</b>");
  });

  test("the page's CSP lets frames load from the app, data: and https only", async () => {
    const client = await page(() => st.iframe("https://example.com/"));
    const csp = client.headers.get("content-security-policy")!;
    expect(csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("frame-src"))).toBe("frame-src 'self' data: https:");
  });
});
