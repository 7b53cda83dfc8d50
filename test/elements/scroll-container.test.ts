/**
 * st.container's height, width and border (the scrolling container), and the border of st.columns
 * and st.metric, over HTTP: the HTML each draws, and Streamlit's message for a size it refuses.
 * (test/browser/layout-buttons.test.ts checks in Chromium that the container really scrolls.)
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { browse } from "../support/browse.ts";

type El = any;
const containers = (client: ReturnType<typeof browse>): El[] => [...client.doc.querySelectorAll(".fl-main .fl-container")];

describe("st.container({ height, width, border })", () => {
  test("a height in pixels scrolls its content inside that height, with a border unless border is false", async () => {
    const client = browse(() => {
      st.container({ height: 200 }).write("inside the scrolling box");
      st.container({ height: 120, border: false }).write("no border");
      st.container().write("plain");
      st.container({ border: true }).write("bordered");
    });
    await client.get("/");
    expect(client.exceptions()).toEqual([]);
    const [scrolling, borderless, plain, bordered] = containers(client);
    expect(scrolling.getAttribute("style")).toBe("height:200px");
    expect(scrolling.getAttribute("class").split(" ").sort()).toEqual(["fl-bordered", "fl-container", "fl-scroll"]);
    // a scrolling area can be focused, so the keyboard can scroll it
    expect(scrolling.getAttribute("tabindex")).toBe("0");
    expect(scrolling.textContent).toContain("inside the scrolling box");
    expect(borderless.getAttribute("style")).toBe("height:120px");
    expect(borderless.getAttribute("class")).not.toContain("fl-bordered");
    expect(plain.getAttribute("class")).toBe("fl-container");
    expect(plain.getAttribute("style")).toBeNull();
    expect(plain.getAttribute("tabindex")).toBeNull();
    expect(bordered.getAttribute("class")).toBe("fl-container fl-bordered");
  });

  test('height "stretch" fills its parent and scrolls in it (no border by default); width "content" or pixels', async () => {
    const client = browse(() => {
      st.container({ height: 300 }).container({ height: "stretch" }).write("fills");
      st.container({ height: "content", width: "content" }).write("fits");
      st.container({ width: 240 }).write("narrow");
    });
    await client.get("/");
    expect(client.exceptions()).toEqual([]);
    const [outer, stretch, fits, narrow] = containers(client);
    expect(outer.getAttribute("style")).toBe("height:300px");
    expect(stretch.getAttribute("style")).toBe("height:100%");
    expect(stretch.getAttribute("class")).toBe("fl-container fl-scroll");
    expect(fits.getAttribute("class")).toBe("fl-container fl-fit-width");
    expect(fits.getAttribute("style")).toBeNull();
    expect(narrow.getAttribute("style")).toBe("width:240px");
    expect(narrow.getAttribute("class")).toBe("fl-container fl-fixed-width");
  });

  test.each([
    [{ height: -1 }, "Invalid height value: -1. Height must be either a positive integer (pixels), 'stretch', or 'content'."],
    [{ height: 0 }, "Invalid height value: 0. Height must be either a positive integer (pixels), 'stretch', or 'content'."],
    [{ height: "abc" }, "Invalid height value: 'abc'. Height must be either a positive integer (pixels), 'stretch', or 'content'."],
    [{ height: 12.5 }, "Invalid height value: 12.5. Height must be either a positive integer (pixels), 'stretch', or 'content'."],
    [{ width: "wide" }, "Invalid width value: 'wide'. Width must be either a positive integer (pixels), 'stretch', or 'content'."],
  ])("%j is refused with Streamlit's message, and the page still answers", async (opts, message) => {
    const client = browse(() => {
      st.text("before");
      st.container(opts as never).write("never drawn");
    });
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.texts()).toEqual(["before"]);
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message }]);
  });
});

describe("border on st.columns and st.metric", () => {
  test("columns with border: true each have a border; without, none", async () => {
    const client = browse(() => {
      const [a, b] = st.columns(2, { border: true });
      a.write("left");
      b.write("right");
      st.columns([2, 1])[0]!.write("plain");
    });
    await client.get("/");
    expect(client.exceptions()).toEqual([]);
    const rows = [...client.doc.querySelectorAll(".fl-columns")] as El[];
    const classes = (row: El) => [...row.querySelectorAll(":scope > .fl-column")].map((c: El) => c.getAttribute("class"));
    expect(classes(rows[0])).toEqual(["fl-column fl-bordered", "fl-column fl-bordered"]);
    expect(classes(rows[1])).toEqual(["fl-column", "fl-column"]);
  });

  test("a metric with border: true has a border; by default none", async () => {
    const client = browse(() => {
      st.metric("Users", 120, { border: true });
      st.metric("Sessions", 30);
    });
    await client.get("/");
    const metrics = [...client.doc.querySelectorAll("[data-kind=metric]")] as El[];
    expect(metrics.map((m) => m.getAttribute("class"))).toEqual(["fl-metric fl-bordered", "fl-metric"]);
  });
});
