/**
 * Every demo page, in real Chromium as it is without JavaScript (the page's own script is not
 * loaded; the browser still runs axe, whose scan needs timers): an axe-core scan run inside the page
 * reports no serious or critical violation, in light and in dark mode; screenshots of both are
 * written to test/artifacts/ (git-ignored) for a person to look at.
 */
import { mkdirSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { useBrowser } from "./support/fixture.ts";
import { seriousViolations } from "./support/axe.ts";

const ARTIFACTS = new URL("../artifacts/", import.meta.url).pathname;

const PAGES = [
  ["home", "/"],
  ["option-1", "/option_1"],
  ["option-2", "/option_2"],
  ["option-3", "/option_3"],
  ["contrast-a", "/contrast_a"],
  ["forms", "/forms"],
  ["gallery", "/gallery"],
  ["chat", "/chat"],
  ["panels", "/panels"],
  ["fragments", "/fragments"],
  ["classic-home", "/classic"],
  ["classic-other", "/classic/other"],
] as const;

const world = useBrowser(8798);

/** The Gallery as without JavaScript (only the app's own script blocked: axe needs scripts), on one tab. */
async function galleryTab(scheme: "light" | "dark", tab: string, blocked: string[] = []) {
  const { context, page } = await world.person("/gallery", { js: "no-script", blocked, bypassCSP: true, colorScheme: scheme, viewport: { width: 1200, height: 900 } });
  await page.locator(".fl-tab-label", { hasText: tab }).click();
  return { context, page };
}

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

describe.each(["light", "dark"] as const)("accessibility in %s mode", (scheme) => {
  test.each(PAGES)("%s has no serious or critical axe violations", async (name, path) => {
    // the page as without JavaScript (axe needs scripts on: only the app's own is blocked)
    const { context, page, response } = await world.person(path, { js: "no-script", bypassCSP: true, colorScheme: scheme, viewport: { width: 1200, height: 900 } });
    expect(response?.status()).toBe(200);
    await page.screenshot({ path: `${ARTIFACTS}${name}-${scheme}.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test("the gallery's More tab (pills, feedback, LaTeX, HTML, help, media, camera input) has none either", async () => {
    const { context, page } = await galleryTab(scheme, "More", ["https://static.streamlit.io/**"]);
    expect(await page.getByRole("group", { name: "Toppings" }).isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}gallery-more-${scheme}.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test("the gallery's Charts tab (built-in charts, Vega-Lite, Graphviz, map) has none either", async () => {
    const { context, page } = await galleryTab(scheme, "Charts");
    for (const name of ["Average temperature by month", "Request life cycle", "Six capitals, sized by population"]) {
      expect(await page.getByRole("img", { name }).isVisible(), name).toBe(true);
    }
    await page.screenshot({ path: `${ARTIFACTS}gallery-charts-${scheme}.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe.each(["light", "dark"] as const)("the gallery's Data tab in %s mode", (scheme) => {
  test("(tables, the editable table with an added row and a refused value) has no serious or critical axe violations", async () => {
    const { context, page } = await galleryTab(scheme, "Data");
    const editor = page.locator('[data-kind="data_editor"]');
    await editor.getByRole("button", { name: "Add row" }).click();
    await page.locator(".fl-tab-label", { hasText: "Data" }).click();
    await editor.getByRole("spinbutton", { name: "Hours, row 0" }).fill("99");
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await page.locator(".fl-tab-label", { hasText: "Data" }).click();
    expect(await editor.getByRole("alert").isVisible()).toBe(true);
    expect(await editor.getByRole("textbox", { name: "Task, row new 1" }).isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}gallery-data-${scheme}.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe.each(["light", "dark"] as const)("a page with a dialog open, in %s mode", (scheme) => {
  test.each([false, true])("has no serious or critical axe violations (client script: %s)", async (js) => {
    const context = await world.browser.newContext({ bypassCSP: true, colorScheme: scheme, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    if (!js) await page.route("**/_formlit/client.*", (route) => route.abort());
    await page.goto(world.server.url + "/fragments");
    if (js) await page.waitForFunction(() => document.documentElement.classList.contains("fl-js"));
    await page.getByRole("button", { name: "Rate this demo", exact: true }).click();
    await page.getByRole("dialog").waitFor();
    if (js) await page.waitForFunction(() => document.querySelector("dialog")?.matches(":modal"));
    await page.screenshot({ path: `${ARTIFACTS}dialog-${js ? "js" : "nojs"}-${scheme}.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
