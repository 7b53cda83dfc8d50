/**
 * Streamlit's own e2e tests for pills, segmented controls, help tooltips, label visibility and
 * st.json (st_pills_test.py, st_segmented_control_test.py, st_heading_test.py), ported to roles and
 * text and run in Chromium with JavaScript off and on: clicking the picked option of a single choice
 * clears it, multi-select picks come back in the order they were made, help is a tooltip behind a
 * "?" shown on hover and on keyboard focus, a hidden label keeps its space while a collapsed one
 * does not, and st.json has a copy button only where a script can copy.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { seriousViolations } from "./support/axe.ts";
import { settled } from "./support/in-flight.ts";

const world = useBrowser(8829, new URL("./support/streamlit-widgets.wrangler.toml", import.meta.url).pathname);

const shown = (page: Page, text: string) => page.getByText(text, { exact: true }).count();
const group = (page: Page, name: string) => page.getByRole("group", { name, exact: true });

describe.each([false, true])("JavaScript %s", (js) => {
  const open = () => world.person("/", { js, viewport: { width: 1100, height: 900 } });
  /** Clicks a pill (or segment) of a group; without JavaScript the change is then applied, as a person would. */
  const click = async (page: Page, groupName: string, pill: string) => {
    await group(page, groupName).getByLabel(pill, { exact: true }).click();
    if (!js) await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Apply", exact: true }).click()]);
  };

  test("multi-select pills: two picks, a picked pill clicked again is unpicked, and picks come back in the order made", async () => {
    const { context, page } = await open();
    await expect.poll(() => shown(page, "Multi selection: []")).toBe(1);
    await click(page, "Select some options", "📝 Text");
    await expect.poll(() => shown(page, "Multi selection: ['📝 Text']")).toBe(1);
    await click(page, "Select some options", "🪢 Graphs");
    await expect.poll(() => shown(page, "Multi selection: ['📝 Text', '🪢 Graphs']")).toBe(1);
    await click(page, "Select some options", "🪢 Graphs");
    await expect.poll(() => shown(page, "Multi selection: ['📝 Text']")).toBe(1);
    await click(page, "Select some options", "🪢 Graphs");
    await expect.poll(() => shown(page, "Multi selection: ['📝 Text', '🪢 Graphs']")).toBe(1);
    // an option earlier in the list, picked last, comes last (Streamlit keeps the order of picks)
    await click(page, "Select some options", "🧰 General widgets");
    await expect.poll(() => shown(page, "Multi selection: ['📝 Text', '🪢 Graphs', '🧰 General widgets']")).toBe(1);
    await context.close();
  });

  test("single-select pills: clicking the picked pill again clears it to None; another pick replaces it", async () => {
    const { context, page } = await open();
    await click(page, "Select a single option", "zoom_out_map");
    await expect.poll(() => shown(page, "Single selection: 3")).toBe(1);
    await click(page, "Select a single option", "zoom_out_map");
    await expect.poll(() => shown(page, "Single selection: None")).toBe(1);
    await click(page, "Select a single option", "zoom_in");
    await expect.poll(() => shown(page, "Single selection: 1")).toBe(1);
    await click(page, "Select a single option", "zoom_out");
    await expect.poll(() => shown(page, "Single selection: 2")).toBe(1);
    // no separate "Clear" pill: the options are all there is
    expect(await group(page, "Select a single option").getByRole("radio").count()).toBe(3);
    expect(await group(page, "Select a single option").getByRole("checkbox", { name: "zoom_out", exact: true }).isChecked()).toBe(true);
    await context.close();
  });

  test("single-select segmented control: Foobar, then Foobar again is None; multi-select keeps the order of picks", async () => {
    const { context, page } = await open();
    await click(page, "Select an option", "Foobar");
    await expect.poll(() => shown(page, "Single selection (segmented): Foobar")).toBe(1);
    await click(page, "Select an option", "Foobar");
    await expect.poll(() => shown(page, "Single selection (segmented): None")).toBe(1);
    await click(page, "Select some segments", "📊 Charts");
    await click(page, "Select some segments", "Foobar");
    await expect.poll(() => shown(page, "Multi selection (segmented): ['📊 Charts', 'Foobar']")).toBe(1);
    await context.close();
  });

  test("pills in a form (label hidden): Air, then Submit, gives Air", async () => {
    const { context, page } = await open();
    await expect.poll(() => shown(page, "pills-in-form: None")).toBe(1);
    await group(page, "Elements  (label hidden)").getByLabel("Air", { exact: true }).click();
    await Promise.all([js ? null : page.waitForEvent("load"), page.getByRole("button", { name: "Submit", exact: true }).click()]);
    await expect.poll(() => shown(page, "pills-in-form: Air")).toBe(1);
    await context.close();
  });

  test("help is a tooltip behind a \"?\": hidden at first, shown on hover and on keyboard focus (title, header, subheader, pills, segmented control)", async () => {
    const { context, page } = await open();
    const cases = [
      [page.locator(".fl-heading-help", { has: page.getByRole("heading", { name: "This title is awesome too!", level: 1 }) }), "Some help tooltip"],
      [page.locator(".fl-heading-help", { has: page.getByRole("heading", { name: "header with help", level: 2 }) }), "Some help tooltip"],
      [page.locator(".fl-heading-help", { has: page.getByRole("heading", { name: "Subheader with help", level: 3 }) }), "Some help tooltip"],
      [group(page, "Select some options"), "This is for choosing options"],
      [group(page, "Select some segments"), "You can choose multiple options"],
    ] as const;
    for (const [where, text] of cases) {
      const icon = where.getByRole("button", { name: "Help", exact: true });
      const tip = where.getByRole("tooltip", { includeHidden: true });
      expect(await icon.getAttribute("aria-describedby")).toBe(await tip.getAttribute("id"));
      expect(await tip.isVisible()).toBe(false);
      await icon.hover();
      await expect.poll(() => tip.isVisible()).toBe(true);
      expect(await tip.textContent()).toBe(text);
      await page.mouse.move(0, 0);
      await expect.poll(() => tip.isVisible()).toBe(false);
    }
    // the keyboard: Tab reaches the icon, which shows the tooltip while focused
    const heading = cases[1][0];
    await page.getByRole("heading", { name: "This title is awesome too!" }).locator("..").getByRole("button", { name: "Help" }).focus();
    await page.keyboard.press("Tab");
    expect(await heading.getByRole("button", { name: "Help" }).evaluate((b) => b === document.activeElement)).toBe(true);
    const tip = heading.getByRole("tooltip", { includeHidden: true });
    await expect.poll(() => tip.isVisible()).toBe(true);
    if (js) {
      // Escape hides it; it shows again once focus comes back
      await page.keyboard.press("Escape");
      await expect.poll(() => tip.isVisible()).toBe(false);
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      await expect.poll(() => tip.isVisible()).toBe(true);
    }
    // the pills themselves are described by their help
    const pills = group(page, "Select some options");
    expect(await pills.getAttribute("aria-describedby")).toBe(await pills.getByRole("tooltip", { includeHidden: true }).getAttribute("id"));
    await context.close();
  });

  test("labelVisibility: a hidden label is invisible but keeps its space and names the control; a collapsed one takes no space", async () => {
    const { context, page } = await open();
    const hidden = page.getByRole("textbox", { name: "Name (label hidden)", exact: true });
    const collapsed = page.getByRole("textbox", { name: "Name (label collapsed)", exact: true });
    const label = page.getByText("Name (label hidden)", { exact: true });
    // nothing to see: the hidden label is transparent, the collapsed one a one-pixel screen-reader box
    expect(await label.evaluate((el) => getComputedStyle(el).opacity)).toBe("0");
    expect(await page.getByText("Name (label collapsed)", { exact: true }).evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(1);
    expect(await hidden.count()).toBe(1);
    expect(await collapsed.count()).toBe(1);
    // the input sits below the hidden label's line, as a visible label would put it
    const offset = (input: typeof hidden) => input.evaluate((el) => el.getBoundingClientRect().top - el.closest(".fl-widget")!.getBoundingClientRect().top);
    expect(await label.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(10);
    expect(await offset(hidden)).toBeGreaterThan(10);
    expect(await offset(collapsed)).toBe(0);
    // the same for a group: the pills in the form lie below their hidden legend; the collapsed group's do not
    const pillsOffset = (name: string) => group(page, name).evaluate((el) => el.querySelector(".fl-pill-row")!.getBoundingClientRect().top - el.getBoundingClientRect().top);
    expect(await pillsOffset("Elements  (label hidden)")).toBeGreaterThan(10);
    expect(await pillsOffset("Elements (label collapsed)")).toBe(0);
    await context.close();
  });

  test(js ? "st.json has a copy button that copies the JSON" : "st.json shows no copy button (nothing could copy)", async () => {
    const { context, page } = await open();
    const copy = page.getByRole("button", { name: "Copy to clipboard" });
    await expect.poll(() => page.getByText('"foo": "bar"').count()).toBe(1);
    if (!js) {
      expect(await copy.count()).toBe(0);
      return void (await context.close());
    }
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: world.server.url });
    expect(await copy.isVisible()).toBe(true);
    await copy.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('{\n  "foo": "bar"\n}');
    await context.close();
  });
});

test("with JavaScript, picks made while an earlier pick is still in flight keep the order they were made in", async () => {
  const { context, page } = await world.person("/", { js: true, viewport: { width: 1100, height: 900 } });
  // each answer comes late, so the second and third picks are made while the first is in flight
  await page.route("**/*", async (route) => {
    if (route.request().method() === "POST") await new Promise((r) => setTimeout(r, 400));
    await route.continue().catch(() => {});
  });
  const segments = group(page, "Select some segments");
  for (const pick of ["📊 Charts", "Foobar", "🧰 General widgets"]) await segments.getByLabel(pick, { exact: true }).click();
  await expect.poll(() => shown(page, "Multi selection (segmented): ['📊 Charts', 'Foobar', '🧰 General widgets']")).toBe(1);
  // and the server agrees: a reload shows the same order
  await settled(page);
  await page.reload();
  expect(await shown(page, "Multi selection (segmented): ['📊 Charts', 'Foobar', '🧰 General widgets']")).toBe(1);
  await context.close();
});

test("the page (pills, help tooltips, hidden labels, st.json) has no serious or critical axe violations", async () => {
  const { context, page } = await world.person("/", { js: "no-script", bypassCSP: true });
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});
