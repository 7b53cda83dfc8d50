/**
 * st.navigation's menu in Chromium with JavaScript off and on: in the top bar, a section is a
 * drop-down whose page links go to the page; in the sidebar, a long menu shows ten pages and
 * "View 4 more" opens the rest. Section labels are Markdown (the bold "Reports").
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { clickAndWait } from "./support/click.ts";
import { useBrowser } from "./support/fixture.ts";

const world = useBrowser(8859, new URL("./support/navigation.wrangler.toml", import.meta.url).pathname);

const shown = (page: Page, text: string) => page.getByText(text, { exact: true }).count();

describe.each([false, true])("JavaScript %s", (js) => {
  test("top: the bar is above the page; opening the bold Reports section shows its pages, and a link goes there", async () => {
    const { context, page } = await world.person("/", { js });
    await expect.poll(() => shown(page, "On Home")).toBe(1);
    const bar = page.getByRole("navigation", { name: "Pages" });
    const [barBox, mainBox] = [(await bar.boundingBox())!, (await page.locator("main").boundingBox())!];
    expect(barBox.y + barBox.height).toBeLessThanOrEqual(mainBox.y + 1);
    expect(await page.locator(".fl-sidebar nav").count()).toBe(0);
    const sales = bar.getByRole("link", { name: "Sales" });
    expect(await sales.isVisible()).toBe(false);
    await bar.locator("summary strong", { hasText: "Reports" }).click();
    expect(await sales.isVisible()).toBe(true);
    // (with the client script a page link loads in place, without a POST)
    if (js) await sales.click();
    else await clickAndWait(page, sales, js);
    await expect.poll(() => shown(page, "On Sales")).toBe(1);
    expect(new URL(page.url()).pathname).toBe("/sales");
    await context.close();
  });

  test("sidebar: ten pages, then 'View 4 more' opens the other four", async () => {
    const { context, page } = await world.person("/", { js });
    await expect.poll(() => shown(page, "On Home")).toBe(1);
    // with the client script a choice posts at once; without it, Apply sends it
    await page.getByRole("radio", { name: "sidebar", exact: true }).check();
    if (!js) await clickAndWait(page, page.getByRole("button", { name: "Apply" }).first(), js);
    const side = page.locator(".fl-sidebar nav");
    await expect.poll(() => side.count()).toBe(1);
    expect(await side.locator("a.fl-nav-link:visible").count()).toBe(10);
    const eleven = side.getByRole("link", { name: "Page 11" });
    expect(await eleven.isVisible()).toBe(false);
    await side.getByText("View 4 more").click();
    expect(await eleven.isVisible()).toBe(true);
    expect(await side.locator("a.fl-nav-link:visible").count()).toBe(14);
    await context.close();
  });
});
