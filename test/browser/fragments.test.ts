/**
 * Fragments and dialogs in real headless Chromium against the demo Worker in workerd (its
 * "Fragments & dialogs" page), with JavaScript off and on: a counter's button reruns only that
 * counter (the page's run count stays), a dialog opens drawn by the server (a real modal with the
 * client script, focus kept inside), reruns alone, and closes by st.rerun(), its close control or
 * Escape; the runEvery fragment ticks on its own with JavaScript.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { settled } from "./support/in-flight.ts";

const world = useBrowser(8812);

const person = (js: boolean) => world.person("/fragments", { js, viewport: { width: 1100, height: 800 } });

const text = (page: Page, t: string | RegExp) => page.getByText(t).count();
const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });
const dialog = (page: Page) => page.getByRole("dialog");

describe("without JavaScript", () => {
  test("a counter's button reruns only that counter; the page's own run count stays", async () => {
    const { context, page } = await person(false);
    await expect.poll(() => text(page, "The whole page ran 1 times.")).toBe(1);
    await button(page, "Add one (Left)").click();
    await expect.poll(() => text(page, "Left: 1")).toBe(1);
    await button(page, "Add one (Right)").click();
    await expect.poll(() => text(page, "Right: 1")).toBe(1);
    await button(page, "Add one (Left)").click();
    await expect.poll(() => text(page, "Left: 2")).toBe(1);
    await expect.poll(() => text(page, "The whole page ran 1 times.")).toBe(1);
    await button(page, "Rerun the whole page").click();
    await expect.poll(() => text(page, "The whole page ran 2 times.")).toBe(1);
    await context.close();
  });

  test("the dialog is drawn open with the page behind inert; its close control and its st.rerun() close it", async () => {
    const { context, page } = await person(false);
    await button(page, "Rate this demo").click();
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await page.locator(".fl-layout").getAttribute("inert")).toBe("");
    // its body is a fragment: a choice in it reruns only the dialog
    await page.getByLabel("4").check();
    await dialog(page).getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => dialog(page).getByText("Your rating so far: 4 stars.").count()).toBe(1);
    await expect.poll(() => text(page, "The whole page ran 2 times.")).toBe(1);
    await dialog(page).getByRole("button", { name: "Close" }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await page.locator(".fl-layout").getAttribute("inert")).toBeNull();
    await expect.poll(() => text(page, "The whole page ran 2 times.")).toBe(1);
    await button(page, "Rate this demo").click();
    await dialog(page).getByLabel("Why?").fill("clear");
    await button(page, "Submit rating").click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    await expect.poll(() => text(page, "You rated this demo 4 of 5: clear")).toBe(1);
    await context.close();
  });
});

describe("with JavaScript", () => {
  test("a counter's button replaces only that counter, without a page load", async () => {
    const { context, page } = await person(true);
    await page.evaluate(() => ((document.querySelector(".fl-columns .fl-column:nth-child(2) .fl-fragment") as any).__mark = "right"));
    await button(page, "Add one (Left)").click();
    await expect.poll(() => text(page, "Left: 1")).toBe(1);
    await button(page, "Add one (Left)").click();
    await expect.poll(() => text(page, "Left: 2")).toBe(1);
    // the other fragment's element is the same one: it was never replaced
    expect(await page.evaluate(() => (document.querySelector(".fl-columns .fl-column:nth-child(2) .fl-fragment") as any).__mark)).toBe("right");
    expect(await text(page, "The whole page ran 1 times.")).toBe(1);
    expect(await page.evaluate(() => (window as any).__noReload)).toBe("still here");
    await context.close();
  });

  test("quick clicks on the counters' buttons, one after another without waiting: every click is applied once, in order", async () => {
    const { context, page } = await person(true);
    // each answer comes late, so every later click is made while an earlier one is in flight
    await page.route("**/*", async (route) => {
      if (route.request().method() === "POST") await new Promise((r) => setTimeout(r, 300));
      await route.continue().catch(() => {});
    });
    for (const side of ["Left", "Right", "Left", "Left", "Right"]) await button(page, `Add one (${side})`).click();
    await expect.poll(() => text(page, "Left: 3"), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => text(page, "Right: 2")).toBe(1);
    await settled(page);
    // the state agrees after a reload: nothing applied twice, nothing lost
    await page.reload();
    expect([await text(page, "Left: 3"), await text(page, "Right: 2")]).toEqual([1, 1]);
    await context.close();
  });

  test("the runEvery fragment reruns on its own; the rest of the page does not", async () => {
    const { context, page } = await person(true);
    const ticks = () => page.locator(".fl-fragment[data-run-every]").innerText();
    expect(await ticks()).toBe("Ticks: 1");
    await expect.poll(() => ticks(), { timeout: 15_000 }).toMatch(/Ticks: [3-9]/);
    expect(await text(page, "The whole page ran 1 times.")).toBe(1);
    expect(await page.evaluate(() => (window as any).__noReload)).toBe("still here");
    await context.close();
  });

  test("the dialog is a real modal: focus inside it, the page behind cannot take focus; it reruns alone and closes", async () => {
    const { context, page } = await person(true);
    await button(page, "Rate this demo").click();
    await expect.poll(() => page.evaluate(() => document.querySelector("dialog")?.matches(":modal") ?? false)).toBe(true);
    expect(await page.evaluate(() => !!document.activeElement?.closest("dialog"))).toBe(true);
    // the page behind is inert: focusing one of its buttons does nothing
    expect(
      await page.evaluate(() => {
        const behind = document.querySelector(".fl-main button") as HTMLButtonElement;
        behind.focus();
        return document.activeElement === behind;
      }),
    ).toBe(false);
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement === document.body || !!document.activeElement?.closest("dialog"))).toBe(true);
    }
    await dialog(page).getByText("5", { exact: true }).click();
    await expect.poll(() => dialog(page).getByText("Your rating so far: 5 stars.").count()).toBe(1);
    expect(await page.evaluate(() => document.querySelector("dialog")?.matches(":modal"))).toBe(true);
    expect(await text(page, "The whole page ran 2 times.")).toBe(1);
    // Escape closes it (the server is told, and the page behind is live again)
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await page.evaluate(() => (document.querySelector(".fl-layout") as HTMLElement).inert)).toBe(false);
    await button(page, "Rate this demo").click();
    await expect.poll(() => dialog(page).count()).toBe(1);
    await dialog(page).getByLabel("Why?").fill("fast");
    await dialog(page).getByLabel("Why?").press("Tab");
    await button(page, "Submit rating").click();
    await expect.poll(() => text(page, "You rated this demo 5 of 5: fast")).toBe(1);
    expect(await dialog(page).count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__noReload)).toBe("still here");
    await context.close();
  });
});
