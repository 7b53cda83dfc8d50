/** Clicking a control that posts the page, and waiting for the page that answers. */
import type { Locator, Page } from "playwright-core";

/** Clicks and waits for the answer: a new document without JavaScript, the client script's swap with it. */
export async function clickAndWait(page: Page, target: Locator, js: boolean): Promise<void> {
  if (!js) return void (await Promise.all([page.waitForEvent("load"), target.click()]));
  const answered = page.waitForResponse((r) => r.request().method() === "POST");
  await target.click();
  await answered;
  await page.waitForFunction(() => !document.documentElement.classList.contains("fl-running"));
}
