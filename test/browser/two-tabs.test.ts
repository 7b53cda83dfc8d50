/**
 * Two tabs of one browser (one context: the cookie is shared), in real Chromium against the demo
 * Worker under wrangler dev, with JavaScript off and on. Each tab's form is rendered from an older
 * run as soon as the other tab submits, so these are the stale forms of README "Decisions": a stale
 * form still applies what its user changed there (last writer wins per widget), and never fires a
 * button (a trigger from a stale form is applied at most once).
 */
import { describe, expect, test } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { settled } from "./support/in-flight.ts";

const world = useBrowser(8795);

const HELLO = "Hello! This button was true for exactly this run.";
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const hellos = (page: Page) => page.getByText(HELLO).count();

/** One browser context (one cookie jar), two tabs on the same page, loaded one after the other. */
async function twoTabs(js: boolean, path: string): Promise<{ context: BrowserContext; one: Page; two: Page }> {
  const context = await world.browser.newContext({ javaScriptEnabled: js });
  const one = await context.newPage();
  const two = await context.newPage();
  for (const tab of [one, two]) {
    await load(tab, js, path);
  }
  return { context, one, two };
}

/**
 * Runs `act` and waits until its POST has been answered and the page shows the answer: a page load
 * without JavaScript, the swapped-in form (and no run in flight) with it.
 */
async function submitted(tab: Page, js: boolean, act: () => Promise<void>) {
  await tab.bringToFront(); // a person switches to the tab first (background tabs are throttled)
  const answered = tab.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(world.server.url));
  await act();
  const res = await answered;
  expect(res.status()).toBe(200);
  if (js) {
    await settled(tab);
    // With JavaScript the answer replaced the form in place: no page load happened.
    expect(await tab.evaluate(() => (window as any).__loaded)).toBe("once");
  } else await tab.waitForLoadState("load");
}

/** Types a value into a number input and applies it: Enter (Apply) without JavaScript, Enter too with it. */
function change(tab: Page, js: boolean, label: string, value: string) {
  return submitted(tab, js, async () => {
    await field(tab, label).fill(value);
    await field(tab, label).press("Enter");
  });
}

function clickButton(tab: Page, js: boolean, name: string) {
  return submitted(tab, js, () => tab.getByRole("button", { name, exact: true }).click());
}

/** A fresh load of the page (a GET: reloading a page that answered a POST would post it again). */
async function load(tab: Page, js: boolean, path: string) {
  await tab.goto(world.server.url + path);
  if (js) {
    await tab.waitForFunction(() => document.documentElement.classList.contains("fl-js"));
    await tab.evaluate(() => ((window as any).__loaded = "once"));
  }
}

for (const js of [false, true]) {
  describe(`two tabs, JavaScript ${js ? "on" : "off"}`, () => {
    test("tab 1 changes A, tab 2 (its form stale) changes B: after a reload both tabs show both new values", async () => {
      const { context, one, two } = await twoTabs(js, "/option_3");
      expect(await field(one, "Number of filters").inputValue()).toBe("0");
      expect(await field(two, "Re-saved number").inputValue()).toBe("0");

      await change(one, js, "Number of filters", "5");
      expect(await field(one, "Number of filters").inputValue()).toBe("5");

      // Tab 2 still shows Number of filters = 0 in its form; it changes only Re-saved number.
      expect(await field(two, "Number of filters").inputValue()).toBe("0");
      await change(two, js, "Re-saved number", "7");
      // The answer is rendered from the new state: tab 2's stale 0 did not undo tab 1's 5.
      expect(await field(two, "Number of filters").inputValue()).toBe("5");
      expect(await field(two, "Re-saved number").inputValue()).toBe("7");

      for (const tab of [one, two]) {
        await load(tab, js, "/option_3");
        expect(await field(tab, "Number of filters").inputValue()).toBe("5");
        expect(await field(tab, "Re-saved number").inputValue()).toBe("7");
        expect(await field(tab, "Not re-saved number").inputValue()).toBe("0");
      }
      await context.close();
    });

    test("the same widget changed in both tabs: the last writer wins", async () => {
      const { context, one, two } = await twoTabs(js, "/option_3");
      await change(one, js, "Re-saved number", "3");
      await change(two, js, "Re-saved number", "4");
      for (const tab of [one, two]) {
        await load(tab, js, "/option_3");
        expect(await field(tab, "Re-saved number").inputValue()).toBe("4");
      }
      await context.close();
    });

    test('"Say hello" clicked in a stale tab never fires; the answer shows the new state; clicked again it fires', async () => {
      const { context, one, two } = await twoTabs(js, "/");
      await change(one, js, "Number of filters", "4");
      expect(await hellos(one)).toBe(0);

      // Tab 2's form is from an older run: its click applies nothing of its own and fires nothing.
      await clickButton(two, js, "Say hello");
      expect(await hellos(two)).toBe(0);
      expect(await field(two, "Number of filters").inputValue()).toBe("4");

      // Now tab 2's form is current: the same click fires, exactly once.
      await clickButton(two, js, "Say hello");
      expect(await hellos(two)).toBe(1);
      await load(two, js, "/");
      expect(await hellos(two)).toBe(0);

      // Tab 1 is stale in turn: its click does not fire either, and keeps the value.
      await clickButton(one, js, "Say hello");
      expect(await hellos(one)).toBe(0);
      expect(await field(one, "Number of filters").inputValue()).toBe("4");
      await context.close();
    });
  });
}
