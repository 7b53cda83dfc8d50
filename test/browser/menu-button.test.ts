/**
 * st.menuButton in Chromium with JavaScript off and on: a person opens the menu (its items are
 * hidden until then), chooses an option, and the app gets it for that run; the menu is closed
 * again, and the next run (another button) gets nothing, the callback having run once.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { clickAndWait } from "./support/click.ts";
import { useBrowser } from "./support/fixture.ts";

const world = useBrowser(8844, new URL("./support/menu-button.wrangler.toml", import.meta.url).pathname);

const shown = (page: Page, text: string) => page.getByText(text, { exact: true }).count();

describe.each([false, true])("JavaScript %s", (js) => {
  test("opening the menu shows its options; choosing one returns it for that run only, and the menu closes", async () => {
    const { context, page } = await world.person("/", { js });
    await expect.poll(() => shown(page, "Picked nothing, clicks 0")).toBe(1);
    const json = page.getByRole("button", { name: "JSON", exact: true });
    expect(await json.isVisible()).toBe(false);
    await page.locator("summary", { hasText: "Export" }).click();
    expect(await json.isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "PDF", exact: true }).isVisible()).toBe(true);

    await clickAndWait(page, json, js);
    await expect.poll(() => shown(page, "Picked JSON, clicks 1")).toBe(1);
    expect(await page.getByRole("button", { name: "JSON", exact: true }).isVisible()).toBe(false);

    await clickAndWait(page, page.getByRole("button", { name: "Refresh", exact: true }), js);
    await expect.poll(() => shown(page, "Picked nothing, clicks 1")).toBe(1);
    await context.close();
  });

  test("opening and closing the menu without a choice posts nothing; with JavaScript a click elsewhere closes it", async () => {
    const { context, page } = await world.person("/", { js });
    let posts = 0;
    page.on("request", (r) => void (r.method() === "POST" && posts++));
    const summary = page.locator("summary", { hasText: "Export" });
    const csv = page.getByRole("button", { name: "CSV", exact: true });
    await summary.click();
    expect(await csv.isVisible()).toBe(true);
    await summary.click();
    expect(await csv.isVisible()).toBe(false);
    await summary.click();
    await page.getByText("Picked nothing, clicks 0", { exact: true }).click();
    expect(await csv.isVisible()).toBe(!js);
    expect(posts).toBe(0);
    await context.close();
  });
});
