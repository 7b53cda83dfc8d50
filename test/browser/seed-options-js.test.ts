/**
 * With JavaScript on: the same seed options, now rerunning on change without full page loads
 * (a marker on window survives), keeping focus and scroll, following page switches in the URL
 * (Back/Forward rerun the right page), and falling back to a plain submit when fetch fails.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { answersLate, running, settled } from "./support/in-flight.ts";

const world = useBrowser(8792);

const person = (path = "/", viewport = { width: 1000, height: 700 }) => world.person(path, { viewport });

/** Follows a navigation entry and waits until the page shown is that one (the swap is async). */
async function go(page: Page, title: string) {
  await page.getByRole("link", { name: title, exact: true }).click();
  await page.locator(`a.fl-nav-link[aria-current="page"]`, { hasText: title }).waitFor();
}
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const noReload = async (page: Page) => expect(await page.evaluate(() => (window as any).__noReload)).toBe("still here");

describe("with JavaScript", () => {
  test("Apply is hidden, and a change reruns at once without a page load", async () => {
    const { context, page } = await person();
    expect(await page.getByRole("button", { name: "Apply", exact: true }).isVisible()).toBe(false);
    await field(page, "Number of filters").fill("5");
    await field(page, "Number of filters").press("Tab");
    await go(page, "Option 1: entrypoint widget");
    await expect.poll(() => page.getByText("The entrypoint's widget holds 5.").count()).toBe(1);
    await noReload(page);
    await context.close();
  });

  test("option 1: the entrypoint widget keeps its value; the URL follows the page; Back and Forward rerun the right page", async () => {
    const { context, page } = await person();
    await field(page, "Number of filters").fill("6");
    await field(page, "Number of filters").press("Enter");
    await go(page, "Option 1: entrypoint widget");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/option_1");
    await go(page, "Contrast: page B");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/contrast_b");
    expect(await field(page, "Number of filters").inputValue()).toBe("6");
    await page.goBack();
    await expect.poll(() => page.getByText("The entrypoint's widget holds 6.").count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe("/option_1");
    await page.goForward();
    await expect.poll(() => page.getByRole("heading", { name: "Contrast: page B" }).count()).toBe(1);
    await noReload(page);
    await context.close();
  });

  test("focus and caret stay where the person is after a rerun", async () => {
    const { context, page } = await person("/option_2");
    await field(page, "Kept number (inline copy)").fill("7");
    await field(page, "Kept number (inline copy)").press("Tab"); // change fires; focus moves on
    await settled(page);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.getAttribute("name") ?? "")).toMatch(/_other_key$/);
    expect(await field(page, "Kept number (inline copy)").inputValue()).toBe("7");
    await go(page, "Home");
    await go(page, "Option 2: dummy key");
    expect(await field(page, "Kept number (inline copy)").inputValue()).toBe("7");
    await noReload(page);
    await context.close();
  });

  test("scroll position survives a rerun", async () => {
    const { context, page } = await person("/forms", { width: 900, height: 260 });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(50);
    await page.getByLabel("Gift wrap", { exact: true }).check();
    await settled(page);
    await expect.poll(() => page.getByLabel("Gift wrap", { exact: true }).isChecked()).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    await noReload(page);
    await context.close();
  });

  test("an expander opened by the person stays open across a rerun", async () => {
    const { context, page } = await person("/forms");
    await page.getByText("How forms commit").click();
    expect(await page.locator("details.fl-expander").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.getByLabel("Gift wrap", { exact: true }).check();
    await settled(page);
    await expect.poll(() => page.getByLabel("Gift wrap", { exact: true }).isChecked()).toBe(true);
    expect(await page.locator("details.fl-expander").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await noReload(page);
    await context.close();
  });

  test("a newer interaction supersedes one still in flight", async () => {
    const { context, page } = await person("/option_3");
    await answersLate(page, "first");
    await field(page, "Re-saved number").fill("1");
    await field(page, "Re-saved number").press("Enter");
    await running(page);
    await field(page, "Not re-saved number").fill("2");
    await field(page, "Not re-saved number").press("Enter");
    await settled(page);
    await page.waitForTimeout(1800); // past the late answer: it must not replace the newer one
    expect(await field(page, "Re-saved number").inputValue()).toBe("1");
    expect(await field(page, "Not re-saved number").inputValue()).toBe("2");
    await go(page, "Home");
    await go(page, "Option 3: re-save");
    expect(await field(page, "Re-saved number").inputValue()).toBe("1");
    await context.close();
  });

  test("what the person types while an answer is on the way is still there when it arrives", async () => {
    const { context, page } = await person("/forms");
    await answersLate(page, "first");
    // a change outside the form reruns at once; meanwhile the person types into the form
    await field(page, "Gift wrap").check();
    await running(page);
    await field(page, "Item").fill("typed while the answer was on the way");
    await settled(page);
    expect(await field(page, "Gift wrap").isChecked()).toBe(true);
    expect(await field(page, "Item").inputValue()).toBe("typed while the answer was on the way");
    // the typed text was not applied: the form still says it is not submitted yet
    await expect.poll(() => page.getByText("Committed: 1 × (nothing)").count()).toBe(1);
    await noReload(page);
    await context.close();
  });

  test("what the person types after sending a form, while its answer is on the way, is kept on top of the value sent", async () => {
    const { context, page } = await person("/forms");
    await answersLate(page, "every");
    await field(page, "Item").fill("tea");
    await page.getByRole("button", { name: "Place order" }).click();
    await running(page);
    await field(page, "Item").fill("tea and cake");
    await settled(page);
    // the order went with what was sent; the field keeps what was typed after
    await expect.poll(() => page.getByText("Order placed: 1 × tea").count()).toBe(1);
    expect(await field(page, "Item").inputValue()).toBe("tea and cake");
    await context.close();
  });

  test("pages-directory mode with JavaScript: option 1 still does not work there", async () => {
    const { context, page } = await person("/classic");
    await field(page, "Number of filters").fill("4");
    await field(page, "Number of filters").press("Enter");
    await settled(page);
    await go(page, "Another page");
    expect(new URL(page.url()).pathname).toBe("/classic/other");
    await go(page, "Home");
    expect(await field(page, "Number of filters").inputValue()).toBe("0");
    await noReload(page);
    await context.close();
  });

  test("option 3 and the contrast case behave as without JavaScript", async () => {
    const { context, page } = await person("/option_3");
    await field(page, "Re-saved number").fill("9");
    await field(page, "Not re-saved number").fill("4");
    await field(page, "Not re-saved number").press("Enter");
    await settled(page);
    await go(page, "Contrast: page A");
    await field(page, "Same widget").fill("3");
    await field(page, "Same widget").press("Enter");
    await settled(page);
    await go(page, "Contrast: page B");
    expect(await field(page, "Same widget").inputValue()).toBe("0");
    await go(page, "Option 3: re-save");
    expect(await field(page, "Re-saved number").inputValue()).toBe("9");
    expect(await field(page, "Not re-saved number").inputValue()).toBe("0");
    await noReload(page);
    await context.close();
  });

  test("st.form still waits for its submit button; Enter in its field submits that form", async () => {
    const { context, page } = await person("/forms");
    await field(page, "Item").fill("tea");
    await field(page, "Quantity").fill("3");
    await field(page, "Quantity").press("Tab");
    await page.waitForTimeout(300);
    expect(await page.getByText("Committed: 1 × (nothing)").count()).toBe(1);
    await field(page, "Item").press("Enter");
    await expect.poll(() => page.getByText("Order placed: 3 × tea").count()).toBe(1);
    await noReload(page);
    await context.close();
  });

  test("a form with enterToSubmit: false ignores Enter; with clearOnSubmit its field clears once sent", async () => {
    const { context, page } = await person("/forms");
    await field(page, "Note").fill("call back");
    await field(page, "Note").press("Enter");
    await page.waitForTimeout(500);
    expect(await page.getByText("Saved note:").count()).toBe(0);
    expect(await field(page, "Note").inputValue()).toBe("call back");
    await page.getByRole("button", { name: "Save note", exact: true }).click();
    await expect.poll(() => page.getByText("Saved note: call back").count()).toBe(1);
    expect(await field(page, "Note").inputValue()).toBe("");
    await noReload(page);
    await context.close();
  });

  test("a running indicator shows while a run is in flight", async () => {
    const { context, page } = await person();
    await page.route("**/*", async (route) => {
      if (route.request().headers()["x-formlit"]) await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    await field(page, "Number of filters").fill("2");
    await field(page, "Number of filters").press("Enter");
    await running(page);
    // the indicator is drawn by CSS (an ::after), so it is read from the computed style
    const shown = await page.evaluate(() => getComputedStyle(document.querySelector(".fl-status")!, "::after").content);
    expect(shown).toBe('"Running…"');
    await settled(page);
    expect(await field(page, "Number of filters").inputValue()).toBe("2");
    await context.close();
  });

  test("when fetch fails the form is submitted the plain way, and the change still applies", async () => {
    const { context, page } = await person();
    await page.route("**/*", (route) => (route.request().headers()["x-formlit"] ? route.abort() : route.continue()));
    await field(page, "Number of filters").fill("8");
    await field(page, "Number of filters").press("Enter");
    await page.waitForFunction(() => (window as any).__noReload === undefined);
    await page.waitForLoadState();
    expect(await field(page, "Number of filters").inputValue()).toBe("8");
    await context.close();
  });
});

describe("addresses with JavaScript", () => {
  test("a navigation entry is a link the script follows in place (a GET), and that opens in a new tab on Ctrl+click", async () => {
    const { context, page } = await person();
    const link = page.getByRole("link", { name: "Option 1: entrypoint widget", exact: true });
    expect(await link.getAttribute("href")).toBe("/option_1");
    const [tab] = await Promise.all([context.waitForEvent("page"), link.click({ modifiers: ["Control"] })]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe("/option_1");
    expect(new URL(page.url()).pathname).toBe("/");
    const request = page.waitForRequest((r) => r.headers()["x-formlit"] === "partial");
    await go(page, "Option 1: entrypoint widget");
    expect((await request).method()).toBe("GET");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/option_1");
    await noReload(page);
    await context.close();
  });

  test("typed but not applied, then a link: the script posts the form to the link's address, so the value goes with it", async () => {
    const { context, page } = await person();
    await field(page, "Number of filters").fill("4");
    const request = page.waitForRequest((r) => r.headers()["x-formlit"] === "partial" && r.url().endsWith("/option_1"));
    await go(page, "Option 1: entrypoint widget");
    expect((await request).method()).toBe("POST");
    await expect.poll(() => page.getByText("The entrypoint's widget holds 4.").count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe("/option_1");
    // the twins (for pages without JavaScript) never show with the script
    expect(await page.locator(".fl-go:visible").count()).toBe(0);
    await noReload(page);
    await context.close();
  });

  test("st.switchPage: the address bar shows the new page after the redirect, without a page load", async () => {
    const { context, page } = await person();
    await page.getByRole("button", { name: "Place an order", exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/forms");
    await expect.poll(() => page.getByRole("heading", { name: "st.form: batch changes" }).count()).toBe(1);
    expect(await page.locator('a.fl-nav-link[aria-current="page"]').textContent()).toBe("Forms");
    await noReload(page);
    await page.goBack();
    await expect.poll(() => page.getByRole("heading", { name: "Widgets across pages" }).count()).toBe(1);
    await context.close();
  });
});
