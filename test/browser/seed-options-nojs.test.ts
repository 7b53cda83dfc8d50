/**
 * The seed's three options and the contrast case, in real headless Chromium with JavaScript off,
 * against the demo Worker in workerd: a person types, presses Enter, clicks buttons by their names.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, startWrangler, type DevServer } from "./support/server.ts";

let server: DevServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWrangler(8791), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function person(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url + "/");
  return { context, page };
}

const go = (page: Page, title: string) => page.getByRole("button", { name: title, exact: true }).click();

describe("without JavaScript", () => {
  test("the page works with JavaScript off: no script runs, Apply is there", async () => {
    const { context, page } = await person();
    expect(await page.getByRole("button", { name: "Apply", exact: true }).isVisible()).toBe(true);
    await context.close();
  });

  test("option 1: the entrypoint's widget keeps its value on every page", async () => {
    const { context, page } = await person();
    await page.getByLabel("Number of filters", { exact: true }).fill("5");
    await page.getByLabel("Number of filters", { exact: true }).press("Enter");
    await expect.poll(() => page.getByLabel("Number of filters", { exact: true }).inputValue()).toBe("5");
    await go(page, "Option 1: entrypoint widget");
    expect(await page.getByText("The entrypoint's widget holds 5.").isVisible()).toBe(true);
    await go(page, "Contrast: page B");
    expect(await page.getByLabel("Number of filters", { exact: true }).inputValue()).toBe("5");
    await go(page, "Home");
    expect(await page.getByLabel("Number of filters", { exact: true }).inputValue()).toBe("5");
    await context.close();
  });

  test("Enter in a field applies the change and never clicks an st.button", async () => {
    const { context, page } = await person();
    await page.getByLabel("Number of filters", { exact: true }).fill("3");
    await page.getByLabel("Number of filters", { exact: true }).press("Enter");
    await expect.poll(() => page.getByLabel("Number of filters", { exact: true }).inputValue()).toBe("3");
    expect(await page.getByText("Hello!").count()).toBe(0);
    await page.getByRole("button", { name: "Say hello" }).click();
    expect(await page.getByText("Hello! This button was true for exactly this run.").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    expect(await page.getByText("Hello!").count()).toBe(0);
    await context.close();
  });

  test("option 2: a dummy key with onChange keeps the value (inline and functions)", async () => {
    const { context, page } = await person();
    await go(page, "Option 2: dummy key");
    await page.getByLabel("Kept number (inline copy)", { exact: true }).fill("7");
    await page.getByLabel("Kept number (functions)", { exact: true }).fill("12");
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await go(page, "Home");
    await go(page, "Option 2: dummy key");
    expect(await page.getByLabel("Kept number (inline copy)", { exact: true }).inputValue()).toBe("7");
    expect(await page.getByLabel("Kept number (functions)", { exact: true }).inputValue()).toBe("12");
    await context.close();
  });

  test("option 3: the re-saved key survives other pages, the other one resets", async () => {
    const { context, page } = await person();
    await go(page, "Option 3: re-save");
    await page.getByLabel("Re-saved number", { exact: true }).fill("9");
    await page.getByLabel("Not re-saved number", { exact: true }).fill("4");
    await page.getByLabel("Not re-saved number", { exact: true }).press("Enter");
    await expect.poll(() => page.getByLabel("Not re-saved number", { exact: true }).inputValue()).toBe("4");
    await go(page, "Home");
    await go(page, "Option 3: re-save");
    expect(await page.getByLabel("Re-saved number", { exact: true }).inputValue()).toBe("9");
    expect(await page.getByLabel("Not re-saved number", { exact: true }).inputValue()).toBe("0");
    await context.close();
  });

  test("contrast: the same widget on two pages resets when you switch", async () => {
    const { context, page } = await person();
    await go(page, "Contrast: page A");
    await page.getByLabel("Same widget", { exact: true }).fill("3");
    await page.getByLabel("Same widget", { exact: true }).press("Enter");
    await expect.poll(() => page.getByLabel("Same widget", { exact: true }).inputValue()).toBe("3");
    await go(page, "Contrast: page B");
    expect(await page.getByLabel("Same widget", { exact: true }).inputValue()).toBe("0");
    await go(page, "Contrast: page A");
    expect(await page.getByLabel("Same widget", { exact: true }).inputValue()).toBe("0");
    await context.close();
  });

  test("pages-directory mode: option 1 does not work (the home page's widget resets)", async () => {
    const { context, page } = await person();
    await page.goto(server.url + "/classic");
    await page.getByLabel("Number of filters", { exact: true }).fill("4");
    await page.getByLabel("Number of filters", { exact: true }).press("Enter");
    await expect.poll(() => page.getByLabel("Number of filters", { exact: true }).inputValue()).toBe("4");
    await go(page, "Another page");
    expect(await page.getByText("This page demonstrates that in pages-directory mode").isVisible()).toBe(true);
    await go(page, "Home");
    expect(await page.getByLabel("Number of filters", { exact: true }).inputValue()).toBe("0");
    await context.close();
  });
});
