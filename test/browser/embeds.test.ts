/**
 * st.badge, st.space, st.pdf and st.iframe in Chromium, with JavaScript off and on: what a person
 * sees. The badge looks as Markdown's badge does; the space is as tall as Streamlit's "large"; each
 * PDF frame opens Chromium's own PDF viewer on the PDF's bytes, with no CSP violation, next to its
 * download link; HTML in st.iframe shows in its frame and cannot touch the app's page (even with
 * the CSP set aside, the sandbox holds); axe finds nothing serious in either colour scheme.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { seriousViolations } from "./support/axe.ts";

const world = useBrowser(8841, new URL("./support/embeds.wrangler.toml", import.meta.url).pathname);

/** Console messages that say the page's CSP refused something. */
function cspReports(page: Page): string[] {
  const reports: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) reports.push(m.text());
  });
  return reports;
}

const look = (el: Element) => {
  const s = getComputedStyle(el);
  return { color: s.color, background: s.backgroundColor, radius: s.borderRadius, size: s.fontSize, weight: s.fontWeight };
};

describe.each([false, true])("JavaScript %s", (js) => {
  test("the badge looks as Markdown's :green-badge[...] and shows its icon; st.space('large') is 4.25rem tall", async () => {
    const { context, page } = await world.person("/", { js });
    const badge = page.locator("[data-kind=badge] .fl-md-badge");
    await expect.poll(() => badge.textContent()).toBe("✓ Shipped");
    expect(await badge.evaluate(look)).toEqual(await page.locator("[data-kind=markdown] .fl-md-badge").evaluate(look));
    expect(await badge.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    expect(await page.locator("[data-kind=space]").first().evaluate((el) => el.getBoundingClientRect().height)).toBe(68);
    await context.close();
  });

  test("in a horizontal container st.space('large') is 4.25rem wide, between the buttons beside it", async () => {
    const { context, page } = await world.person("/", { js });
    const box = (name: string) => page.getByRole("button", { name, exact: true }).boundingBox();
    const space = await page.locator(".fl-flex-row > [data-kind=space]").evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, width: r.width };
    });
    expect(space.width).toBe(68);
    const [left, right] = [(await box("Left"))!, (await box("Right"))!];
    expect(left.x + left.width).toBeLessThanOrEqual(space.left);
    expect(right.x).toBeGreaterThanOrEqual(space.right);
    expect(Math.abs(left.y - right.y)).toBeLessThan(2);
    await context.close();
  });

  test("each PDF (bytes and the app's file) opens in Chromium's PDF viewer, with no CSP refusal, beside its download link", async () => {
    const { context, page } = await world.person("/", { js });
    const reports = cspReports(page);
    // the PDF viewer is a frame inside each PDF frame: its parent is the frame of the PDF's bytes or address
    const viewers = () =>
      page
        .frames()
        .filter((f) => f.url().startsWith("chrome-extension:") && f.parentFrame())
        .map((f) => f.parentFrame()!.url().replace(/^data:application\/pdf;base64,.*/, "bytes").replace(/^https?:\/\/[^/]+/, ""))
        .sort();
    await expect.poll(viewers, { timeout: 15_000 }).toEqual(["/sample.pdf", "bytes"]);
    const links = page.locator("[data-kind=pdf] a[download]");
    expect(await links.evaluateAll((as) => as.map((a) => [a.getAttribute("download"), (a as HTMLAnchorElement).href.slice(0, 28)]))).toEqual([
      ["document.pdf", "data:application/pdf;base64,"],
      ["sample.pdf", `${world.server.url}/sample.pdf`.slice(0, 28)],
    ]);
    // the bytes link downloads the PDF itself
    const [download] = await Promise.all([page.waitForEvent("download"), links.first().click()]);
    const saved = await download.path();
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(saved!).subarray(0, 8).toString()).toBe("%PDF-1.4");
    expect(reports).toEqual([]);
    await context.close();
  });

  test("HTML in st.iframe shows in its frame (style attributes apply); its script cannot reach the app's page", async () => {
    const { context, page } = await world.person("/", { js });
    const frame = page.frameLocator("[data-kind=iframe] iframe[srcdoc]");
    await expect.poll(() => frame.locator("#styled").evaluate((el) => getComputedStyle(el).color)).toBe("rgb(0, 128, 0)");
    // the script neither ran in the frame's own document nor touched the app's page: the page's CSP
    // goes with a srcdoc frame, and the sandbox gives it an opaque origin besides
    expect(await frame.locator("#said").textContent()).toBe("Framed HTML");
    expect(await page.locator("[data-kind=badge]").count()).toBe(1);
    expect(await page.locator("body").textContent()).not.toContain("taken over");
    expect(await page.locator("[data-kind=iframe] iframe[srcdoc]").getAttribute("sandbox")).not.toContain("allow-same-origin");
    // an address of the app's own is loaded as it is
    expect(await page.frameLocator("[data-kind=iframe] iframe[src='/framed.html']").locator("#own").textContent()).toBe("The app's own page");
    if (js) expect(await page.evaluate(() => (window as any).__noReload)).toBe("still here");
    await context.close();
  });

  test.each(["light", "dark"] as const)("in the %s scheme, the badges, the space and the frames have no serious or critical axe violations", async (colorScheme) => {
    // axe needs scripts (only the app's own is blocked without JavaScript) and CSP bypassed to run
    const { context, page } = await world.person("/", { js: js ? true : "no-script", bypassCSP: true, colorScheme });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

// Only with JavaScript: without it no script runs in any frame.
test("with the page's CSP set aside, the framed HTML's script runs but the sandbox still keeps it from the app's page", async () => {
  const { context, page } = await world.person("/", { js: true, bypassCSP: true });
  const frame = page.frameLocator("[data-kind=iframe] iframe[srcdoc]");
  await expect.poll(() => frame.locator("#said").textContent()).toBe("script ran");
  // an opaque origin: reading the parent's document throws, the app's page is untouched
  expect(await frame.locator("body").textContent()).toContain("blocked: SecurityError");
  expect(await page.locator("body").textContent()).not.toContain("taken over");
  expect(await page.locator("[data-kind=badge]").count()).toBe(1);
  await context.close();
});
