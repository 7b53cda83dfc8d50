/**
 * st.badge and st.space over HTTP (a fresh app per request): the HTML each serves, that a badge is
 * drawn as Markdown's `:color-badge[...]` is, and Streamlit's errors for bad values.
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

async function page(entrypoint: () => unknown): Promise<FormClient> {
  const client = new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint }));
  await client.get("/");
  expect(client.status).toBe(200);
  return client;
}

describe("st.badge", () => {
  test("a badge looks as Markdown's :color-badge[...] does: same classes, blue by default, label Markdown", async () => {
    const client = await page(() => {
      st.badge("Home **now**");
      st.markdown(":blue-badge[Home **now**]");
    });
    expect(client.exceptions()).toEqual([]);
    const badge = client.doc.querySelector("[data-kind=badge] span");
    const fromMarkdown = client.doc.querySelector("[data-kind=markdown] .fl-md-badge");
    expect(badge.getAttribute("class")).toBe("fl-md-badge fl-c-blue");
    expect(badge.getAttribute("class")).toBe(fromMarkdown.getAttribute("class"));
    expect(badge.innerHTML).toBe(fromMarkdown.innerHTML);
    expect(badge.querySelector("strong").textContent).toBe("now");
  });

  test("colour, an emoji or Material icon, help as a tooltip beside it; grey is gray; brackets show as text", async () => {
    const client = await page(() => {
      st.badge("Done", { color: "green", icon: ":material/check:", help: "All checks passed" });
      st.badge("Hot [beta]", { color: "grey", icon: "🔥" });
      st.badge("Ours", { color: "primary", width: "stretch" });
    });
    expect(client.exceptions()).toEqual([]);
    const [done, hot, ours] = [...client.doc.querySelectorAll("[data-kind=badge] span.fl-md-badge")];
    expect(done.getAttribute("class")).toBe("fl-md-badge fl-c-green");
    expect(done.textContent).toBe("✓ Done");
    expect(done.parentElement.querySelector("[role=tooltip]").textContent).toBe("All checks passed");
    expect(hot.parentElement.querySelector("[role=tooltip]")).toBeNull();
    expect(hot.getAttribute("class")).toBe("fl-md-badge fl-c-gray");
    expect(hot.textContent).toBe("🔥 Hot [beta]");
    expect(ours.getAttribute("class")).toBe("fl-md-badge fl-c-primary");
    expect(ours.getAttribute("style")).toBe("display:block");
  });

  test.each([
    [{ color: "pink" as never }, 'st.badge: "pink" is not a badge colour. Use one of: red, orange, yellow, blue, green, violet, gray, grey, primary.'],
    [{ icon: "not an icon" }, 'The value "not an icon" is not a valid emoji. Shortcodes are not allowed, please use a single character instead.'],
    [{ width: 0 }, "Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or 'content'."],
  ])("%o is a message in the page, not a 500", async (opts, message) => {
    const client = await page(() => st.badge("A", opts));
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message }]);
  });
});

describe("st.space", () => {
  test("small (the default), medium and large are Streamlit's heights; a number is pixels; stretch grows", async () => {
    const client = await page(() => {
      st.space();
      st.space("medium");
      st.space("large");
      st.space(40);
      st.space("stretch");
    });
    expect(client.exceptions()).toEqual([]);
    const spaces = [...client.doc.querySelectorAll("[data-kind=space]")];
    expect(spaces.map((s: any) => s.getAttribute("style"))).toEqual(["--fl-space:0.75rem", "--fl-space:2.5rem", "--fl-space:4.25rem", "--fl-space:40px", null]);
    expect(spaces[4].getAttribute("class")).toBe("fl-space fl-space-stretch");
    expect(spaces.every((s: any) => s.getAttribute("aria-hidden") === "true" && s.textContent === "")).toBe(true);
  });

  test.each([
    ["huge", `Invalid size value: 'huge'. Size must be "small", "medium", "large", "stretch", or a non-negative integer (pixels).`],
    [-3, `Invalid size value: -3. Size must be "small", "medium", "large", "stretch", or a non-negative integer (pixels).`],
  ])("the size %o is a message in the page", async (size, message) => {
    const client = await page(() => st.space(size as never));
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message }]);
  });
});
