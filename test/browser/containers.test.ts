/**
 * Dynamic containers in Chromium with JavaScript off and on: choosing a tab, opening an expander
 * or a popover whose state the app keeps (onChange) posts, and the app's next run sees it.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { clickAndWait } from "./support/click.ts";
import { useBrowser } from "./support/fixture.ts";

const world = useBrowser(8858, new URL("./support/containers.wrangler.toml", import.meta.url).pathname);

const shown = (page: Page, text: string) => page.getByText(text, { exact: true }).count();

describe.each([false, true])("JavaScript %s", (js) => {
  test("choosing a tab posts it: the app draws that tab's content and its callback ran once", async () => {
    const { context, page } = await world.person("/", { js });
    await expect.poll(() => shown(page, "Tab Cat, switches 0")).toBe(1);
    expect(await page.getByText("This is the cat").isVisible()).toBe(true);
    expect(await shown(page, "This is the dog")).toBe(0);
    await clickAndWait(page, page.getByRole("button", { name: "Dog", exact: true }), js);
    await expect.poll(() => shown(page, "Tab Dog, switches 1")).toBe(1);
    expect(await page.getByText("This is the dog").isVisible()).toBe(true);
    expect(await shown(page, "This is the cat")).toBe(0);
    expect(await page.getByRole("button", { name: "Dog", exact: true }).getAttribute("aria-pressed")).toBe("true");
    await context.close();
  });

  test("opening the expander and the popover posts; the app sees both open, and shows their content", async () => {
    const { context, page } = await world.person("/", { js });
    await expect.poll(() => shown(page, "Expander false, popover false")).toBe(1);
    expect(await page.getByText("Inside the drawer").isVisible()).toBe(false);
    await clickAndWait(page, page.getByRole("button", { name: "Summary" }), js);
    await expect.poll(() => shown(page, "Expander true, popover false")).toBe(1);
    expect(await page.getByText("The summary, drawn open").isVisible()).toBe(true);
    await clickAndWait(page, page.getByRole("button", { name: "Drawer" }), js);
    await expect.poll(() => shown(page, "Expander true, popover true")).toBe(1);
    expect(await page.getByText("Inside the drawer").isVisible()).toBe(true);
    await context.close();
  });

  test("a compact expander and status have no box; a dialog's icon leaves its accessible name the title", async () => {
    const { context, page } = await world.person("/", { js });
    const thought = page.locator(".fl-expander", { hasText: "Thought for 4 seconds" });
    await expect.poll(() => thought.count()).toBe(1);
    const boxes = await page.locator(".fl-expander").evaluateAll((els) => els.map((e) => [e.querySelector("summary,button")!.textContent, getComputedStyle(e).borderTopWidth]));
    expect(boxes).toContainEqual(["Thought for 4 seconds", "0px"]);
    expect(boxes).toContainEqual(["✓Complete: Analyzing", "0px"]);
    expect(boxes).toContainEqual(["Summary", "1px"]);
    await page.locator(".fl-compact summary", { hasText: "Thought" }).click();
    expect(await page.getByText("Step by step").isVisible()).toBe(true);
    await clickAndWait(page, page.getByRole("button", { name: "Open settings" }), js);
    const dialog = page.getByRole("dialog", { name: "Settings", exact: true });
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.getByText("Inside the settings").isVisible()).toBe(true);
    await context.close();
  });

  test("sizes measure as asked: a 240-pixel field, a full-width button, a fitted paragraph, a row of buttons at the right, 400-pixel columns", async () => {
    const { context, page } = await world.person("/", { js });
    const field = page.getByLabel("Narrow field");
    await expect.poll(() => field.count()).toBe(1);
    const box = async (l: ReturnType<Page["locator"]>) => (await l.boundingBox())!;
    const main = await box(page.locator(".fl-main").first());
    expect((await box(field)).width).toBeCloseTo(240, 0);
    const wide = await box(page.getByRole("button", { name: "Full-width button" }));
    expect(wide.width).toBeGreaterThan(main.width - 80);
    const paragraph = await box(page.getByText("A fitted paragraph"));
    expect(paragraph.width).toBeLessThan(main.width / 2);
    const [left, right] = [await box(page.getByRole("button", { name: "Left of two" })), await box(page.getByRole("button", { name: "Right of two" }))];
    expect(left.y).toBeCloseTo(right.y, 0);
    expect(left.x + left.width).toBeLessThanOrEqual(right.x);
    const row = await box(page.locator(".fl-flex-row"));
    expect(right.x + right.width).toBeCloseTo(row.x + row.width, 0);
    expect((await box(page.locator(".fl-columns"))).width).toBeCloseTo(400, 0);
    const [a, b] = [await box(page.getByText("Column A")), await box(page.getByText("Column B"))];
    expect(a.y).toBeCloseTo(b.y, 0);
    await context.close();
  });
});

test("with JavaScript, a click outside the open popover closes it, and the app hears of it", async () => {
  const { context, page } = await world.person("/", { js: true });
  await expect.poll(() => shown(page, "Expander false, popover false")).toBe(1);
  const answered = () => page.waitForResponse((r) => r.request().method() === "POST");
  let done = answered();
  await page.getByRole("button", { name: "Drawer" }).click();
  await done;
  await expect.poll(() => shown(page, "Expander false, popover true")).toBe(1);
  done = answered();
  await page.getByText("Expander false, popover true", { exact: true }).click();
  await done;
  await expect.poll(() => shown(page, "Expander false, popover false")).toBe(1);
  expect(await page.getByText("Inside the drawer").isVisible()).toBe(false);
  await context.close();
});
