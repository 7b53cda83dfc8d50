/**
 * The gallery's editable table in real Chromium: without JavaScript (typing in a cell and pressing
 * Enter, adding a row, deleting one: plain form posts), and with the client script (a cell's change
 * reruns at once).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, startWrangler, type DevServer } from "./support/server.ts";

let server: DevServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWrangler(8815), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function gallery(js: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: js });
  const page = await context.newPage();
  await page.goto(server.url + "/gallery");
  if (js) await page.waitForFunction(() => document.documentElement.classList.contains("fl-js"));
  await dataTab(page);
  return page;
}

/** Tabs are CSS only: after a page load the first tab shows again. */
const dataTab = (page: Page) => page.locator(".fl-tab-label", { hasText: "Data" }).click();
const summary = (page: Page, text: string) => page.getByText(text, { exact: true }).waitFor({ state: "attached" });
const editor = (page: Page) => page.locator('[data-kind="data_editor"]');

describe("the editable table without JavaScript", () => {
  test("typing in a cell and pressing Enter applies the edit", async () => {
    const page = await gallery(false);
    const hours = editor(page).getByRole("spinbutton", { name: "Hours, row 1" });
    await hours.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("5");
    await page.keyboard.press("Enter");
    await summary(page, "3 tasks, 2 open, 6 hours to go.");
    await dataTab(page);
    expect(await editor(page).getByRole("spinbutton", { name: "Hours, row 1" }).inputValue()).toBe("5");
    await page.context().close();
  });

  test("adding a row, filling it in, and deleting another row", async () => {
    const page = await gallery(false);
    await editor(page).getByRole("button", { name: "Add row" }).click();
    await dataTab(page);
    await editor(page).getByRole("textbox", { name: "Task, row new 1" }).fill("Celebrate");
    await editor(page).getByRole("spinbutton", { name: "Hours, row new 1" }).fill("2");
    await editor(page).getByRole("checkbox", { name: "Delete row 2" }).check();
    await editor(page).getByRole("button", { name: "Delete ticked rows" }).click();
    await summary(page, "3 tasks, 2 open, 5.5 hours to go.");
    await dataTab(page);
    const tasks = await editor(page).locator("tbody tr td:first-child input").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(tasks).toEqual(["Write the brief", "Review the design", "Celebrate"]);
    await page.context().close();
  });

  test("a value out of range is refused with a message next to the table, and the table keeps its last good values", async () => {
    const page = await gallery(false);
    await editor(page).getByRole("spinbutton", { name: "Hours, row 0" }).fill("99");
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await dataTab(page);
    expect(await editor(page).getByRole("alert").textContent()).toBe('"Hours": 99 is more than the maximum, 40.');
    expect(await editor(page).getByRole("spinbutton", { name: "Hours, row 0" }).inputValue()).toBe("2");
    await page.context().close();
  });
});

describe("the editable table with the client script", () => {
  test("changing a cell reruns at once, and ticking Delete removes the row", async () => {
    const page = await gallery(true);
    await editor(page).getByRole("spinbutton", { name: "Hours, row 1" }).fill("5");
    await page.keyboard.press("Tab"); // a text field's change fires when it loses focus
    await summary(page, "3 tasks, 2 open, 6 hours to go.");
    await dataTab(page);
    // a click, not check(): the click reruns at once and the row it named is gone, so a check()
    // that reads the box back can find the next row's (unticked) box in its place and click again
    await editor(page).getByRole("checkbox", { name: "Delete row 1" }).click();
    await summary(page, "2 tasks, 1 open, 1 hours to go.");
    await page.context().close();
  });
});
