/**
 * In Chromium with JavaScript off and on: AudioColumn and VideoColumn players load their media
 * (a same-origin file and bytes) under the page's CSP while a forbidden address stays text and
 * is never requested; a MarkdownColumn cell shows rendered Markdown in st.dataframe's look and
 * edits its source in st.dataEditor; a pinned column stays at the left as the table scrolls
 * sideways, and an aligned column's text sits where it says.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { settled } from "./support/in-flight.ts";

const world = useBrowser(8874, new URL("./support/data-columns-media.wrangler.toml", import.meta.url).pathname);

/** Each player's readiness: readyState (1 = metadata known) and its error code. */
const players = (page: Page) =>
  page.locator("[data-kind=dataframe] audio, [data-kind=dataframe] video").evaluateAll((els) =>
    els.map((e) => {
      const m = e as HTMLMediaElement;
      return { kind: m.tagName.toLowerCase(), from: m.currentSrc.startsWith("data:") ? "bytes" : new URL(m.currentSrc).pathname, ready: m.readyState >= 1, error: m.error?.code ?? null };
    }),
  );

describe.each([false, true])("JavaScript %s", (js) => {
  test("audio and video cells load a same-origin file and bytes; a forbidden address is text that no element loads", async () => {
    const { context, page } = await world.person("/", { js });
    await expect.poll(() => players(page), { timeout: 15_000 }).toEqual([
      { kind: "audio", from: "/tone.wav", ready: true, error: null },
      { kind: "video", from: "/tone.wav", ready: true, error: null },
      { kind: "audio", from: "bytes", ready: true, error: null },
      { kind: "video", from: "bytes", ready: true, error: null },
    ]);
    const frame = page.locator("[data-kind=dataframe]").first();
    expect(await frame.getByText("http://example.com/a.wav", { exact: true }).count()).toBe(1);
    expect(await frame.getByText("javascript:alert(1)", { exact: true }).count()).toBe(1);
    expect(await page.locator('[src*="example.com"], [src^="javascript:"]').count()).toBe(0);
    await context.close();
  });

  test("a Markdown cell shows bold text in st.dataframe (raw HTML as text); in st.dataEditor a text box edits its source, line breaks kept", async () => {
    const { context, page } = await world.person("/", { js });
    const frame = page.locator("[data-kind=dataframe]").first();
    expect(await frame.getByText("loud", { exact: true }).evaluate((e) => [e.tagName.toLowerCase(), Number(getComputedStyle(e).fontWeight) >= 600])).toEqual(["strong", true]);
    expect(await frame.getByText("<i>raw</i>", { exact: true }).count()).toBe(1);
    const editor = page.locator("[data-kind=data_editor]");
    const box = editor.getByRole("textbox", { name: "Note, row 1" });
    expect(await box.inputValue()).toBe("plain");
    const answered = js ? page.waitForResponse((r) => r.request().method() === "POST") : null;
    await box.fill("*now*\nrich");
    if (js) {
      await page.keyboard.press("Tab");
      await answered;
      await settled(page);
    } else await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Apply", exact: true }).click()]);
    await expect.poll(() => page.getByText('Notes: "**bold** move", "*now*\\nrich"', { exact: true }).count()).toBe(1);
    expect(await editor.getByRole("textbox", { name: "Note, row 1" }).inputValue()).toBe("*now*\nrich");
    // the right-aligned column's text box puts its text at the right
    expect(await editor.getByRole("textbox", { name: "Who, row 0" }).evaluate((e) => getComputedStyle(e).textAlign)).toBe("right");
    await context.close();
  });

  test("a pinned column stays at the left while the table scrolls sideways; its centred text sits in the middle", async () => {
    const { context, page } = await world.person("/", { js });
    const wide = page.locator("[data-kind=dataframe]").last();
    const region = wide.getByRole("region", { name: "Data table" });
    const name = wide.locator("tbody td", { hasText: /^Ana$/ });
    const other = wide.locator("tbody td", { hasText: /^value 1 of a wide table$/ });
    const before = [(await name.boundingBox())!.x, (await other.boundingBox())!.x];
    await region.evaluate((el) => (el.scrollLeft = 400));
    await expect.poll(async () => (await other.boundingBox())!.x).toBeLessThan(before[1]! - 300);
    // the pinned cell has not moved, and the cell that scrolled under it is hidden behind it
    expect((await name.boundingBox())!.x).toBe(before[0]);
    const atPinned = await name.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return (document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) as HTMLElement).closest("td")?.textContent;
    });
    expect(atPinned).toBe("Ana");
    expect(await name.evaluate((e) => getComputedStyle(e).textAlign)).toBe("center");
    await context.close();
  });
});
