/**
 * st.pagination, st.skeleton, st.mermaidChart and st.bottom in Chromium with JavaScript off and
 * on: a person pages through, sees the placeholders, the diagram drawn under the page's policy
 * (no style refused, the hostile label shown as text and never run), and the pinned container in
 * view at the bottom of a long page, its button working; axe finds nothing serious in either
 * colour scheme.
 */
import { describe, expect, test } from "vitest";
import type { Locator, Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { clickAndWait } from "./support/click.ts";
import { seriousViolations } from "./support/axe.ts";

const world = useBrowser(8850, new URL("./support/new-commands.wrangler.toml", import.meta.url).pathname);

const shown = (page: Page, text: string) => page.getByText(text, { exact: true }).count();

/** What the browser refused or ran that it should not have: CSP reports and dialogs. */
function watch(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => void (/Content Security Policy/i.test(m.text()) && seen.push(m.text())));
  page.on("dialog", (d) => void (seen.push(`dialog: ${d.message()}`), d.dismiss()));
  return seen;
}

describe.each([false, true])("JavaScript %s", (js) => {
  const click = (page: Page, target: Locator) => clickAndWait(page, target, js);

  test("page buttons and arrows choose the page; the current one is marked", async () => {
    const { context, page } = await world.person("/", { js });
    await expect.poll(() => shown(page, "Showing page 1")).toBe(1);
    await click(page, page.getByRole("button", { name: "Page 3", exact: true }));
    await expect.poll(() => shown(page, "Showing page 3")).toBe(1);
    expect(await page.locator("[aria-current=page]").textContent()).toBe("Page 3");
    await click(page, page.getByRole("button", { name: "Next page" }));
    await expect.poll(() => shown(page, "Showing page 4")).toBe(1);
    await click(page, page.getByRole("button", { name: "Page 20", exact: true }));
    await expect.poll(() => shown(page, "Showing page 20")).toBe(1);
    expect(await page.getByRole("button", { name: "Next page" }).isDisabled()).toBe(true);
    if (js) expect(await page.evaluate(() => (window as any).__noReload)).toBe("still here");
    await context.close();
  });

  test("the skeleton keeps its place until filled; the diagram draws in the page's colours, its hostile label as text", async () => {
    const { context, page } = await world.person("/", { js });
    const seen = watch(page);
    await page.reload(); // watched from the start of a load
    const skeleton = page.locator(".fl-skeleton");
    expect(await skeleton.count()).toBe(1);
    expect((await skeleton.boundingBox())!.height).toBe(48);
    expect(await page.getByRole("status").filter({ hasText: "Loading…" }).count()).toBe(1);
    expect(await shown(page, "Loaded")).toBe(1);
    const svg = page.locator(".fl-mermaid svg");
    expect(await svg.getAttribute("aria-labelledby")).toBeTruthy();
    expect((await svg.boundingBox())!.height).toBeGreaterThan(100);
    expect(await page.locator(".fl-mermaid text", { hasText: "<img src=x onerror=alert(1)>" }).count()).toBe(1);
    expect(await page.locator(".fl-main img").count()).toBe(0);
    // the renderer's colours reach the drawing through the inlined variables (an edge has a stroke)
    expect(await page.locator(".fl-mermaid polyline").first().evaluate((el) => getComputedStyle(el).stroke)).toMatch(/^(rgb|color)\(/);
    expect(seen).toEqual([]);
    await context.close();
  });

  test("the bottom container stays in view at the bottom of a long page, and its button works", async () => {
    const { context, page } = await world.person("/", { js, viewport: { width: 900, height: 600 } });
    const pinned = page.locator(".fl-bottom");
    const box = (await pinned.boundingBox())!;
    expect(Math.round(box.y + box.height)).toBe(600);
    expect(await page.locator(".fl-bottom").getByPlaceholder("Say something").isVisible()).toBe(true);
    await click(page, page.getByRole("button", { name: "Pinned add" }));
    await expect.poll(() => shown(page, "Pinned count 1")).toBe(1);
    const line = page.getByText("Line 10", { exact: true });
    const before = (await line.boundingBox())!.y;
    await page.mouse.wheel(0, 400);
    await expect.poll(async () => (await line.boundingBox())!.y).toBeLessThan(before - 200);
    const after = (await pinned.boundingBox())!;
    expect(Math.round(after.y + after.height)).toBe(600);
    await context.close();
  });

  test.each(["light", "dark"] as const)("in the %s scheme, the page buttons, skeleton, diagram and pinned container have no serious or critical axe violations", async (colorScheme) => {
    const { context, page } = await world.person("/", { js: js ? true : "no-script", bypassCSP: true, colorScheme });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
