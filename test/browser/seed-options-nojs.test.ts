/**
 * The seed's three options and the contrast case, in real headless Chromium with JavaScript off,
 * against the demo Worker in workerd: a person types, presses Enter, clicks buttons by their names.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";

const world = useBrowser(8791);

const person = (path = "/") => world.person(path, { js: false });

/** Follows a navigation entry: a link (nothing typed is pending when the tests use this). */
/** Follows the link titled `title` and waits for the page it loads (a click only starts the load). */
const go = (page: Page, title: string) => Promise.all([page.waitForEvent("load"), page.getByRole("link", { name: title, exact: true }).click()]);
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const UNAPPLIED = "Your changes are not applied yet: press Apply, or choose a page to apply them and go there.";

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
    // (a click only starts the form's submission: wait for the page it answers with)
    await page.getByRole("button", { name: "Say hello" }).click();
    await expect.poll(() => page.getByText("Hello! This button was true for exactly this run.").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect.poll(() => page.getByText("Hello!").count()).toBe(0);
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
    await page.goto(world.server.url + "/classic");
    await page.getByLabel("Number of filters", { exact: true }).fill("4");
    await page.getByLabel("Number of filters", { exact: true }).press("Enter");
    await expect.poll(() => page.getByLabel("Number of filters", { exact: true }).inputValue()).toBe("4");
    await go(page, "Another page");
    // (a click only starts the load: wait for the next page)
    await expect.poll(() => page.getByText("This page demonstrates that in pages-directory mode").isVisible()).toBe(true);
    await go(page, "Home");
    await expect.poll(() => page.getByLabel("Number of filters", { exact: true }).inputValue()).toBe("0");
    await context.close();
  });
});

describe("addresses without JavaScript", () => {
  test("navigation entries are links: copied, opened in a new tab, followed to the page's address", async () => {
    const { context, page } = await person();
    const link = page.getByRole("link", { name: "Option 1: entrypoint widget", exact: true });
    expect(await link.getAttribute("href")).toBe("/option_1");
    expect(await page.getByText(UNAPPLIED).isVisible()).toBe(false);
    const [tab] = await Promise.all([context.waitForEvent("page"), link.click({ modifiers: ["Control"] })]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe("/option_1");
    expect(await tab.getByRole("heading", { name: "Option 1: a widget in the entrypoint" }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/");
    await link.click();
    // (the followed link's page is loaded before the address is read)
    await page.waitForURL((u) => u.pathname === "/option_1");
    expect(await page.getByText("The entrypoint's widget holds 0.").isVisible()).toBe(true);
    await context.close();
  });

  test("typed but not applied: while the field has focus the entries apply it first", async () => {
    const { context, page } = await person();
    await field(page, "Number of filters").fill("6");
    // (the note waits for the change to be known, on leaving the field; the entries do not)
    expect(await page.getByText(UNAPPLIED).isVisible()).toBe(false);
    expect(await page.getByRole("link", { name: "Option 1: entrypoint widget", exact: true }).count()).toBe(0);
    const entry = page.getByRole("button", { name: "Option 1: entrypoint widget", exact: true });
    expect(await entry.getAttribute("aria-describedby")).toBe("fl-unapplied");
    await entry.click();
    await page.waitForURL((u) => u.pathname === "/option_1");
    expect(await page.getByText("The entrypoint's widget holds 6.").isVisible()).toBe(true);
    // a fresh page holds nothing pending: links again
    expect(await page.getByRole("link", { name: "Home", exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(UNAPPLIED).isVisible()).toBe(false);
    await context.close();
  });

  test("typed, then left (nothing has focus): a note says so, and the entries still apply it first", async () => {
    const { context, page } = await person("/option_3");
    await field(page, "Re-saved number").fill("8");
    await page.getByRole("heading", { name: "Option 3: re-save" }).click();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(await page.getByText(UNAPPLIED).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Home", exact: true }).click();
    await page.waitForURL((u) => u.pathname === "/");
    await go(page, "Option 3: re-save");
    expect(await field(page, "Re-saved number").inputValue()).toBe("8");
    await context.close();
  });

  test("a checkbox ticked and not applied goes with the entry too", async () => {
    const { context, page } = await person("/forms");
    await field(page, "Gift wrap").check();
    expect(await page.getByText(UNAPPLIED).isVisible()).toBe(true);
    // the twin posts to the page shown: the change applies, and the page stays
    await page.getByRole("button", { name: "Forms", exact: true }).click();
    await page.waitForURL((u) => u.pathname === "/forms");
    expect(await field(page, "Gift wrap").isChecked()).toBe(true);
    expect(await page.getByText(UNAPPLIED).isVisible()).toBe(false);
    await context.close();
  });

  test("st.switchPage: the answer is a redirect, so the address bar shows the new page", async () => {
    const { context, page } = await person();
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Place an order", exact: true }).click();
    expect((await answered).status()).toBe(303);
    // (the redirect's page is loaded before the address is read: on a busy machine it may still be on its way)
    await page.waitForURL((u) => u.pathname === "/forms");
    expect(await page.getByRole("heading", { name: "st.form: batch changes" }).isVisible()).toBe(true);
    expect(await page.locator('.fl-nav-link[aria-current="page"]:visible').textContent()).toBe("Forms");
    // a reload is a GET of that address (no form posted again)
    await page.reload();
    expect(await page.getByRole("heading", { name: "st.form: batch changes" }).isVisible()).toBe(true);
    await context.close();
  });

  test("an unknown page: 404, the default page, and a visible 'Page not found' naming the address", async () => {
    const { context, page } = await person();
    const res = await page.goto(world.server.url + "/no_such_page?x=1");
    expect(res!.status()).toBe(404);
    expect(await page.getByText("Page not found", { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText("You have requested page /no_such_page, but no corresponding page was found in this app.", { exact: false }).isVisible()).toBe(true);
    expect(await page.getByRole("heading", { name: "Widgets across pages" }).isVisible()).toBe(true);
    await context.close();
  });
});
