/**
 * The shared width/height option and horizontal containers, over HTTP without JavaScript: which
 * box an element is drawn in for each size, st.container's row and alignments, st.columns' gap,
 * vertical alignment and width, and Streamlit's messages for sizes and alignments it refuses.
 * (What the sizes measure in a browser: test/browser/containers.test.ts.)
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { FormClient } from "../support/client.ts";
import { browse, expectOk } from "../support/browse.ts";

const all = (client: FormClient, sel: string): any[] => [...client.doc.querySelectorAll(sel)];
/** Each size box: its classes and style, and the kind of element inside. */
const boxes = (client: FormClient) =>
  all(client, ".fl-sized").map((b) => [b.getAttribute("class"), b.getAttribute("style"), b.firstElementChild.getAttribute("data-kind") ?? b.firstElementChild.className]);

describe("width and height on elements", () => {
  test("an element given a width is drawn in a box of that width; one given none has no box", async () => {
    const client = browse(() => {
      st.button("Plain");
      st.button("Wide", { width: "stretch" });
      st.textInput("Narrow", { width: 240 });
      st.markdown("Fitted", { width: "content" });
      st.info("Boxed", { width: 300 });
      st.metric("Users", 12, { width: "content" });
      st.code("x = 1", { height: 120 });
      st.image("https://example.com/a.png", { width: "stretch" });
      st.linkButton("Docs", "https://example.com", { width: 180 });
    });
    await client.get("/");
    expectOk(client);
    expect(boxes(client)).toEqual([
      ["fl-sized fl-sized-w-stretch", null, "button"],
      ["fl-sized fl-sized-w-px", "width:240px", "text_input"],
      ["fl-sized fl-sized-w-content", null, "markdown"],
      ["fl-sized fl-sized-w-px", "width:300px", "info"],
      ["fl-sized fl-sized-w-content", null, "metric"],
      ["fl-sized fl-sized-w-auto fl-sized-h-px", "height:120px", "fl-code"],
      ["fl-sized fl-sized-w-stretch", null, "image"],
      ["fl-sized fl-sized-w-px", "width:180px", "link_button"],
    ]);
    // the plain button is not in a box
    expect(all(client, "[data-kind=button]")[0].parentElement.classList.contains("fl-sized")).toBe(false);
  });

  test("containers with a width: tabs, an expander, a status, a popover and a form", async () => {
    const client = browse(() => {
      st.tabs(["A", "B"], { width: 500 });
      st.expander("More", { width: "stretch" });
      st.status("Working", { width: 320 });
      st.popover("Menu", { width: "content" });
      const f = st.form("f", { width: 360, height: 200 });
      f.formSubmitButton("Send");
    });
    await client.get("/");
    expectOk(client);
    expect(boxes(client)).toEqual([
      ["fl-sized fl-sized-w-px", "width:500px", "tabs"],
      ["fl-sized fl-sized-w-stretch", null, "fl-expander"],
      ["fl-sized fl-sized-w-px", "width:320px", "status"],
      ["fl-sized fl-sized-w-content", null, "popover"],
      ["fl-sized fl-sized-w-px fl-sized-h-px", "width:360px;height:200px", "form"],
    ]);
  });

  test.each([
    ["a width of 0", () => st.button("x", { width: 0 }), "Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or 'content'."],
    ["a fractional height", () => st.code("x", { height: 10.5 }), "Invalid height value: 10.5. Height must be either a positive integer (pixels), 'stretch', or 'content'."],
    ["a width word", () => st.markdown("x", { width: "wide" as never }), "Invalid width value: 'wide'. Width must be either a positive integer (pixels), 'stretch', or 'content'."],
  ])("%s is refused with Streamlit's message, and nothing is drawn", async (_what, app, message) => {
    const client = browse(app);
    await client.get("/");
    expect(client.exceptions().map((e) => e.message)).toEqual([message]);
    expect(all(client, ".fl-sized")).toEqual([]);
  });
});

describe("st.container({ horizontal }) and st.columns' layout options", () => {
  test("a horizontal container is a wrapping row with its gap and alignments; a plain one is a box as before", async () => {
    const client = browse(() => {
      const row = st.container({ horizontal: true, gap: "medium", horizontalAlignment: "right", verticalAlignment: "center" });
      row.button("One");
      row.button("Two");
      st.container({ horizontalAlignment: "center" }).button("Centred");
      st.container({ horizontal: true, gap: null, horizontalAlignment: "distribute" }).text("spread");
      st.container().text("plain");
    });
    await client.get("/");
    expectOk(client);
    expect(all(client, ".fl-container").map((c) => c.getAttribute("class"))).toEqual([
      "fl-container fl-flex fl-flex-row fl-gap-medium fl-justify-end fl-items-center",
      "fl-container fl-flex fl-flex-column fl-gap-small fl-justify-start fl-items-center",
      "fl-container fl-flex fl-flex-row fl-gap-none fl-justify-between fl-items-start",
      "fl-container",
    ]);
  });

  test("columns take gap null, a vertical alignment and a width in pixels", async () => {
    const client = browse(() => {
      st.columns(2, { gap: null, verticalAlignment: "bottom", width: 400 });
    });
    await client.get("/");
    expectOk(client);
    const row = all(client, ".fl-columns")[0];
    expect([row.getAttribute("class"), row.parentElement.getAttribute("style")]).toEqual(["fl-columns fl-gap-none", "width:400px"]);
    expect(all(client, ".fl-column").map((c) => c.classList.contains("fl-valign-bottom"))).toEqual([true, true]);
  });

  test.each([
    ["st.container's gap", () => st.container({ gap: "huge" as never }), 'The `gap` argument to `st.container` must be `"small"`, `"medium"`, `"large"`, or `"none"`. \nThe argument passed was huge.'],
    ["st.columns' gap", () => st.columns(2, { gap: "tiny" as never }), 'The `gap` argument to `st.columns` must be `"small"`, `"medium"`, `"large"`, or `"none"`. \nThe argument passed was tiny.'],
    ["st.container's horizontal alignment", () => st.container({ horizontalAlignment: "middle" as never }), 'The `horizontal_alignment` argument to `st.container` must be `"left"`, `"center"`, `"right"`, or `"distribute"`. \nThe argument passed was middle.'],
    ["st.columns' vertical alignment", () => st.columns(2, { verticalAlignment: "middle" as never }), 'The `vertical_alignment` argument to `st.columns` must be `"top"`, `"center"`, `"bottom"`, or `"distribute"`. \nThe argument passed was middle.'],
    ["st.tabs' content width", () => st.tabs(["A"], { width: "content" as never }), "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."],
    ["st.columns' content width", () => st.columns(2, { width: "content" as never }), "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."],
  ])("%s is checked with Streamlit's message", async (_what, app, message) => {
    const client = browse(app);
    await client.get("/");
    expect(client.exceptions().map((e) => e.message)).toEqual([message]);
  });
});
