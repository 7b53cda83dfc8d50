/**
 * The hello example (examples/hello) in real Chromium with JavaScript off, served by its own
 * Worker under wrangler dev: every page loads, the multiselect drives the table and the chart,
 * sliders and buttons change the plot and the fractal, and an axe-core scan of each page, in light
 * and dark mode, reports no serious or critical violation (screenshots go to test/artifacts/).
 */
import { mkdirSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { seriousViolations } from "./support/axe.ts";

const ARTIFACTS = new URL("../artifacts/", import.meta.url).pathname;
const CONFIG = new URL("../../examples/hello/wrangler.toml", import.meta.url).pathname;

const PAGES = [
  ["welcome", "/", "Welcome to formlit! 👋"],
  ["dataframe", "/dataframe", "DataFrame demo"],
  ["plotting", "/plotting", "Plotting demo"],
  ["animation", "/animation", "Animation demo"],
] as const;

const world = useBrowser(8801, CONFIG);

beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

async function open(path: string): Promise<Page> {
  const context = await world.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const res = await page.goto(world.server.url + path);
  expect(res?.status()).toBe(200);
  return page;
}

/** Presses Apply and waits for the page the form answers with (reading at once may read the old one). */
const apply = (page: Page) => Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Apply", exact: true }).click()]);
const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();
const tableCountries = (page: Page) => texts(page, '[data-kind="dataframe"] tbody tr td:first-child');
const legend = (page: Page) => texts(page, ".fl-chart-legend li");
const chartColumns = (page: Page) => texts(page, ".fl-chart-table thead th");
const imageSrc = (page: Page) => page.locator('[data-kind="image"] img').getAttribute("src");

async function pressOn(page: Page, label: string, key: string, times: number) {
  await page.getByLabel(label, { exact: true }).focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

describe("the hello app without JavaScript", () => {
  test.each(PAGES)("%s loads with its heading and no exception", async (_name, path, heading) => {
    const page = await open(path);
    expect(await page.getByRole("heading", { name: heading }).count()).toBe(1);
    expect(await page.locator(".fl-exception").count()).toBe(0);
    // every page is reachable from the navigation
    const nav = await texts(page, "a.fl-nav-link");
    expect(nav.map((t) => t.trim())).toEqual(["👋 Welcome", "📊 DataFrame demo", "📈 Plotting demo", "🌀 Animation demo"]);
    await page.context().close();
  });

  test("following the navigation from the welcome page", async () => {
    const page = await open("/");
    // (a click starts the page load; the next page is read once it has arrived)
    await page.getByRole("link", { name: /DataFrame demo/ }).click();
    await expect.poll(() => page.getByRole("heading", { name: "DataFrame demo" }).count()).toBe(1);
    await page.getByRole("link", { name: /Animation demo/ }).click();
    await expect.poll(() => page.locator('[data-kind="image"] img').count()).toBe(1);
    await page.context().close();
  });

  test("the country multiselect changes the table and the chart", async () => {
    const page = await open("/dataframe");
    const defaults = ["China", "India", "United States", "Brazil"];
    expect(await tableCountries(page)).toEqual(defaults);
    expect(await legend(page)).toEqual(defaults);
    expect(await chartColumns(page)).toEqual(["year", ...defaults]);
    // 1961..2010 as the table's columns, after the country
    const headers = (await texts(page, '[data-kind="dataframe"] thead th button')).map((h) => h.replace(/[↕▲▼]/g, ""));
    expect(headers[0]).toBe("country");
    expect(headers.slice(1)).toEqual(Array.from({ length: 50 }, (_, i) => String(1961 + i)));

    const select = page.getByLabel("Choose countries", { exact: true });
    // The chosen options are listed first, in the value's order, so deselecting one keeps the
    // others' order (a <select multiple> posts in document order), as Streamlit keeps the picks' order.
    await select.selectOption(["China", "United States", "Brazil"]); // India deselected
    await apply(page);
    const chosen = ["China", "United States", "Brazil"];
    expect(await tableCountries(page)).toEqual(chosen);
    expect(await legend(page)).toEqual(chosen);
    expect(await chartColumns(page)).toEqual(["year", ...chosen]);
    expect(await page.locator('[data-kind="area_chart"] [data-series]').count()).toBe(3);

    // Brazil stays first; the two new picks are appended
    await select.selectOption(["Brazil", "Germany", "Nigeria"]);
    await apply(page);
    expect(await tableCountries(page)).toEqual(["Brazil", "Germany", "Nigeria"]);
    expect(await legend(page)).toEqual(["Brazil", "Germany", "Nigeria"]);

    await select.selectOption([]);
    await apply(page);
    expect(await page.getByText("Please select at least one country.").count()).toBe(1);
    expect(await page.locator('[data-kind="dataframe"], [data-kind="area_chart"]').count()).toBe(0);
    await page.context().close();
  });

  test("the plotting demo grows with the button and the slider", async () => {
    const page = await open("/plotting");
    const progressText = () => page.locator('[data-kind="progress"]').textContent();
    const rows = () => page.locator(".fl-chart-table tbody tr").count();
    expect(await progressText()).toContain("100 of 500 points plotted");
    expect(await rows()).toBe(100);
    const before = await page.locator('[data-series="Walk A"] path').getAttribute("d");

    await page.getByRole("button", { name: "Generate more points" }).click();
    expect(await progressText()).toContain("150 of 500 points plotted");
    expect(await page.locator('[data-kind="progress"]').getAttribute("data-value")).toBe("30");
    expect(await rows()).toBe(150);
    expect(await page.locator('[data-series="Walk A"] path').getAttribute("d")).not.toBe(before);

    await pressOn(page, "Number of points", "ArrowRight", 2);
    await apply(page);
    expect(await progressText()).toContain("170 of 500 points plotted");
    expect(await rows()).toBe(170);

    await pressOn(page, "Number of points", "End", 1);
    await apply(page);
    expect(await progressText()).toContain("500 of 500 points plotted");
    expect(await page.getByRole("button", { name: "Generate more points" }).isDisabled()).toBe(true);

    const walk = await page.locator('[data-series="Walk A"] path').getAttribute("d");
    await page.getByRole("button", { name: "New random walk" }).click();
    expect(await progressText()).toContain("100 of 500 points plotted");
    expect(await page.locator('[data-kind="line_chart"] figcaption').textContent()).toBe("Random walks (seed 2)");
    expect(await page.locator('[data-series="Walk A"] path').getAttribute("d")).not.toBe(walk);
    await page.context().close();
  });

  test("sliders and buttons change the fractal", async () => {
    const page = await open("/animation");
    const caption = () => page.locator('[data-kind="image"] figcaption').textContent();
    const first = await imageSrc(page);
    expect(first).toMatch(/^data:image\/png;base64,/);
    expect(await caption()).toContain("Frame 21 of 72");

    await pressOn(page, "Frame", "ArrowRight", 3);
    await apply(page);
    expect(await caption()).toContain("Frame 24 of 72");
    const moved = await imageSrc(page);
    expect(moved).not.toBe(first);

    await pressOn(page, "Level of detail (iterations)", "ArrowLeft", 10);
    await apply(page);
    expect(await caption()).toContain("10 iterations");
    const coarser = await imageSrc(page);
    expect(coarser).not.toBe(moved);

    await pressOn(page, "Separation", "ArrowRight", 5);
    await pressOn(page, "Zoom", "ArrowRight", 5);
    await apply(page);
    expect(await caption()).toContain("separation 0.82");
    expect(await caption()).toContain("zoom 1.5×");
    expect(await imageSrc(page)).not.toBe(coarser);

    await page.getByRole("button", { name: "Next frame" }).click();
    expect(await caption()).toContain("Frame 25 of 72");
    expect(await page.getByLabel("Frame", { exact: true }).inputValue()).toBe("25");
    await page.getByRole("button", { name: "Previous frame" }).click();
    await page.getByRole("button", { name: "Previous frame" }).click();
    expect(await caption()).toContain("Frame 23 of 72");
    // the image decodes: Chromium knows its natural size
    const size = await page.locator('[data-kind="image"] img').evaluate((img: HTMLImageElement) => (img.decode().then(() => [img.naturalWidth, img.naturalHeight])));
    expect(size).toEqual([480, 320]);
    await page.context().close();
  });
});

describe.each(["light", "dark"] as const)("the hello app's accessibility in %s mode", (scheme) => {
  test.each(PAGES)("%s has no serious or critical axe violations", async (name, path) => {
    // the page as without JavaScript (axe needs scripts on: only the app's own is blocked)
    const { context, page, response } = await world.person(path, { js: "no-script", bypassCSP: true, colorScheme: scheme, viewport: { width: 1200, height: 900 } });
    expect(response?.status()).toBe(200);
    await page.screenshot({ path: `${ARTIFACTS}hello-${name}-${scheme}.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
