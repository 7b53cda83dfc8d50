/**
 * st.dataframe's selections in Chromium with JavaScript off and on: without it a person clicks a
 * row's text (a label of the row's checkbox), a cell or a column header, then Apply; with it the
 * same click selects at once (the page is swapped in place, never reloaded).
 */
import { describe, expect, test } from "vitest";
import type { Locator, Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { settled } from "./support/in-flight.ts";

const world = useBrowser(8854, new URL("./support/data-selection.wrangler.toml", import.meta.url).pathname);

const shown = (page: Page, text: string) => page.getByText(text, { exact: true }).count();
const frame = (page: Page, nth: number) => page.locator(".fl-dataframe").nth(nth);

describe.each([false, true])("JavaScript %s", (js) => {
  /** A click that selects: with JavaScript it posts at once; without, Apply posts it. */
  const select = async (page: Page, target: Locator) => {
    if (js) {
      const answered = page.waitForResponse((r) => r.request().method() === "POST");
      await target.click();
      await answered;
      await settled(page);
      return;
    }
    await target.click();
  };
  const apply = async (page: Page) => {
    if (!js) await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Apply", exact: true }).click()]);
  };

  test("clicking rows' text selects them; clicking again deselects", async () => {
    const { context, page } = await world.person("/", { js });
    await expect.poll(() => shown(page, "Rows []")).toBe(1);
    await select(page, frame(page, 0).getByText("Ben", { exact: true }));
    await select(page, frame(page, 0).getByText("8", { exact: true }));
    await apply(page);
    await expect.poll(() => shown(page, "Rows [1,3]")).toBe(1);
    expect(await frame(page, 0).getByRole("checkbox", { name: "Select row 1" }).isChecked()).toBe(true);
    await select(page, frame(page, 0).getByText("Ben", { exact: true }));
    await apply(page);
    await expect.poll(() => shown(page, "Rows [3]")).toBe(1);
    if (js) expect(await page.evaluate(() => (window as any).__noReload)).toBe("still here");
    await context.close();
  });

  test("single-row-required starts on the first row and a click moves it", async () => {
    const { context, page } = await world.person("/", { js });
    await expect.poll(() => shown(page, "One [0]")).toBe(1);
    expect(await frame(page, 1).getByRole("radio", { name: "Select row 0" }).isChecked()).toBe(true);
    await select(page, frame(page, 1).getByText("Cy", { exact: true }));
    await apply(page);
    await expect.poll(() => shown(page, "One [2]")).toBe(1);
    await context.close();
  });

  test("clicking a column header and a cell selects them", async () => {
    const { context, page } = await world.person("/", { js });
    await select(page, frame(page, 2).locator("thead").getByText("hours", { exact: true }));
    await select(page, frame(page, 2).locator("tbody").getByText("Dee", { exact: true }));
    await apply(page);
    await expect.poll(() => shown(page, 'Columns ["hours"] cells [[3,"name"]]')).toBe(1);
    await context.close();
  });
});
