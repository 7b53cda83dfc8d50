/**
 * In Chromium with JavaScript off and on: st.table without its header row, and the newer column
 * types: in st.dataEditor a multiselect cell (a checkbox per option in a disclosure), the
 * browser's date-and-time and time controls, a server-drawn sparkline and a button per row; in
 * st.dataframe a progress bar and a button per row.
 */
import { describe, expect, test } from "vitest";
import type { Locator, Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { settled } from "./support/in-flight.ts";

const world = useBrowser(8855, new URL("./support/data-columns.wrangler.toml", import.meta.url).pathname);

const shown = (page: Page, text: string) => page.getByText(text, { exact: true }).count();
const editor = (page: Page) => page.locator('[data-kind="data_editor"]');

describe.each([false, true])("JavaScript %s", (js) => {
  /** Waits for the answer a change causes: with JavaScript the swap (never a reload), without it Apply's page. */
  const commit = async (page: Page, act: () => Promise<void>) => {
    if (js) {
      const answered = page.waitForResponse((r) => r.request().method() === "POST");
      await act();
      await answered;
      await settled(page);
      return;
    }
    await act();
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Apply", exact: true }).click()]);
  };
  const press = async (page: Page, target: Locator) => {
    if (!js) return void (await Promise.all([page.waitForEvent("load"), target.click()]));
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await target.click();
    await answered;
    await settled(page);
  };

  test("a table with hideHeader and hideIndex shows its cells and no header row", async () => {
    const { context, page } = await world.person("/", { js });
    const table = page.locator('[data-kind="table"]');
    expect(await table.getByRole("columnheader").count()).toBe(0);
    expect(await table.getByRole("row").first().getByRole("cell").allTextContents()).toEqual(["Mass", "5.97e24 kg"]);
    await context.close();
  });

  test("a multiselect cell opens to a checkbox per option; ticking one edits the cell", async () => {
    const { context, page } = await world.person("/", { js });
    await expect.poll(() => shown(page, "Skills cook, none; starts 2024-06-04T08:15; ends 17:30")).toBe(1);
    await editor(page).locator("summary", { hasText: "Skills, row 1" }).click();
    await commit(page, () => editor(page).getByRole("group", { name: "Skills, row 1" }).getByRole("checkbox", { name: "serve" }).check());
    await expect.poll(() => shown(page, "Skills cook, serve; starts 2024-06-04T08:15; ends 17:30")).toBe(1);
    if (js) expect(await page.evaluate(() => (window as any).__noReload)).toBe("still here");
    await context.close();
  });

  test("the date-and-time and time cells are the browser's own controls", async () => {
    const { context, page } = await world.person("/", { js });
    await commit(page, async () => {
      await editor(page).getByLabel("Starts, row 1").fill("2024-07-01T10:45");
      await editor(page).getByLabel("Ends, row 0").fill("18:15");
      if (js) await page.keyboard.press("Tab");
    });
    await expect.poll(() => shown(page, "Skills cook, none; starts 2024-07-01T10:45; ends 18:15")).toBe(1);
    await context.close();
  });

  test("a sparkline is drawn as an SVG, and a row's button runs its callback with that row", async () => {
    const { context, page } = await world.person("/", { js });
    const spark = editor(page).getByRole("img", { name: "1, 3, 2" });
    expect(await spark.evaluate((svg) => svg.tagName.toLowerCase())).toBe("svg");
    expect((await spark.boundingBox())!.width).toBeGreaterThan(50);
    await press(page, editor(page).getByRole("button", { name: "Call" }).nth(1));
    await expect.poll(() => shown(page, "Called Ben, 1 calls")).toBe(1);
    await context.close();
  });

  test("in st.dataframe a progress column draws a bar as wide as its share, and a row's button reports its row", async () => {
    const { context, page } = await world.person("/", { js });
    const frame = page.locator('[data-kind="dataframe"]');
    const bar = frame.getByRole("progressbar", { name: "80%" });
    const [outer, inner] = await Promise.all([bar.boundingBox(), bar.locator("span").boundingBox()]);
    expect(Math.round((inner!.width / outer!.width) * 100)).toBe(80);
    await press(page, frame.getByRole("button", { name: "Start" }).nth(1));
    await expect.poll(() => shown(page, "Started Ship")).toBe(1);
    await context.close();
  });
});
