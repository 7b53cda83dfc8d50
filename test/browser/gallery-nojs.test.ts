/**
 * The gallery in real Chromium with JavaScript off, end to end: upload a file and download it
 * back, sort and page a table, switch tabs, move a slider range, pick pills, celebrate, take a photo.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";

const world = useBrowser(8799);

async function gallery(): Promise<Page> {
  return (await world.person("/gallery", { js: false, acceptDownloads: true })).page;
}

/** Presses Apply and waits for the page the form answers with (a click only starts the submission). */
const apply = (page: Page) => Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Apply", exact: true }).click()]);
const tab = (page: Page, name: string) => page.locator(".fl-tab-label", { hasText: name }).click();

describe("the gallery without JavaScript", () => {
  test("switching tabs shows each tab's content, and is not taken for a change waiting for Apply", async () => {
    const page = await gallery();
    expect(await page.getByLabel("Label colour", { exact: true }).isVisible()).toBe(true);
    await tab(page, "Charts");
    expect(await page.locator("svg[role=img]:not(.fl-spark)").first().isVisible()).toBe(true);
    expect(await page.getByLabel("Label colour", { exact: true }).isVisible()).toBe(false);
    await tab(page, "Data");
    expect(await page.getByRole("region", { name: "Data table" }).first().isVisible()).toBe(true);
    // a tab chosen is not a change waiting for Apply; a field changed is
    expect(await page.locator(".fl-unapplied").isVisible()).toBe(false);
    const field = page.locator(".fl-tab-panel input[type=text]:visible, .fl-tab-panel input[type=number]:visible").first();
    await field.fill("12");
    await field.blur();
    expect(await page.locator(".fl-unapplied").isVisible()).toBe(true);
    await page.context().close();
  });

  test("a slider range moves with the keyboard and applies", async () => {
    const page = await gallery();
    const low = page.locator('input[type=range][aria-label="Price range (start)"]');
    await low.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    const high = page.locator('input[type=range][aria-label="Price range (end)"]');
    await high.focus();
    await page.keyboard.press("ArrowLeft");
    await apply(page);
    expect(await page.getByText("Range [130,290]").count()).toBe(1);
    await page.context().close();
  });

  test("sorting and paging a table", async () => {
    const page = await gallery();
    await tab(page, "Data");
    const firstCity = () => page.locator('[data-kind="dataframe"] tbody tr').first().locator("td").first().textContent();
    expect(await firstCity()).toBe("Lisbon");
    await page.locator('[data-kind="dataframe"] th button', { hasText: "population" }).click();
    await tab(page, "Data");
    expect(await firstCity()).toBe("Lisbon"); // ascending: 545,000 is the smallest
    await page.locator('[data-kind="dataframe"] th button', { hasText: "population" }).click();
    await tab(page, "Data");
    expect(await firstCity()).toBe("Lima"); // descending
    await page.getByRole("button", { name: "Page 2 of 2" }).click();
    await tab(page, "Data");
    expect(await page.locator('[data-kind="dataframe"]').first().locator("tbody tr").count()).toBe(2);
    expect(await page.getByText("Rows 6–7 of 7, page 2 of 2").count()).toBe(1);
    await page.context().close();
  });

  test("uploading a file and downloading it back", async () => {
    const page = await gallery();
    await page.getByLabel("A text file", { exact: true }).setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello from a file\n") });
    await apply(page);
    expect(await page.getByText("Kept: notes.txt (18 characters)").count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download it back" }).click()]);
    expect(download.suggestedFilename()).toBe("notes.txt");
    expect(readFileSync((await download.path())!, "utf8")).toBe("hello from a file\n");
    await page.context().close();
  });

  test("picking pills, a segment and a star applies them", async () => {
    const page = await gallery();
    await tab(page, "More");
    await page.getByRole("checkbox", { name: "Olives" }).check();
    await page.getByRole("radio", { name: "Thin" }).check();
    await page.getByRole("radio", { name: "3 stars" }).check();
    await apply(page);
    await tab(page, "More");
    expect(await page.getByText('Toppings ["Cheese","Olives"], crust "Thin", rating 3.').count()).toBe(1);
    expect(await page.getByRole("checkbox", { name: "Olives" }).isChecked()).toBe(true);
    // a single choice, once made, is cleared by clicking the chosen option again, without a script
    await page.getByRole("checkbox", { name: "Thin" }).uncheck();
    await apply(page);
    await tab(page, "More");
    expect(await page.getByText('crust null').count()).toBe(1);
    await page.context().close();
  });

  test("Celebrate shows CSS balloons, not for a visitor who asked for reduced motion", async () => {
    const page = await gallery();
    await tab(page, "More");
    await page.getByRole("button", { name: "Celebrate" }).click();
    expect(await page.locator(".fl-balloons span").first().evaluate((el) => getComputedStyle(el).animationName)).toBe("fl-rise");
    expect(await page.locator(".fl-balloons").isVisible()).toBe(true);
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await page.locator(".fl-balloons").isVisible()).toBe(false);
    await page.context().close();
  });

  test("a photo chosen through the camera input's file field comes back after Apply", async () => {
    const page = await gallery();
    await tab(page, "More");
    const field = page.getByLabel("Take a photo", { exact: true });
    expect(await field.getAttribute("capture")).toBe("user");
    // (a PNG's signature: uploads are typed by their bytes)
    await field.setInputFiles({ name: "me.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
    await apply(page);
    await tab(page, "More");
    expect(await page.getByText("Photo: me.png (8 bytes).").count()).toBe(1);
    await page.context().close();
  });
});
