/**
 * st.datetimeInput in Chromium with JavaScript off and on: a person types a date and time into the
 * browser's own control and the script gets it; one past the latest allowed, which the control
 * itself lets through when typed, is refused in the page and the last good value stays.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { settled } from "./support/in-flight.ts";

const world = useBrowser(8843, new URL("./support/datetime-input.wrangler.toml", import.meta.url).pathname);

const shown = (page: Page, text: string) => page.getByText(text, { exact: true }).count();

describe.each([false, true])("JavaScript %s", (js) => {
  /** Sets the field as a person does; without JavaScript the change is then applied with the page's Apply button. */
  const enter = async (page: Page, value: string) => {
    const field = page.getByLabel("Meeting", { exact: true });
    if (!js) {
      await field.fill(value);
      await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Apply", exact: true }).click()]);
      return;
    }
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await field.fill(value);
    await field.press("Tab");
    await answered;
    await settled(page);
  };

  test("a date and time typed into the field reaches the script; one after the latest is refused and the last good one stays", async () => {
    const { context, page } = await world.person("/", { js });
    const field = page.getByLabel("Meeting", { exact: true });
    expect(await field.getAttribute("type")).toBe("datetime-local");
    expect(await field.inputValue()).toBe("2025-11-19T16:45");
    await expect.poll(() => shown(page, "Meeting at 2025-11-19T16:45")).toBe(1);

    await enter(page, "2025-12-01T09:30");
    await expect.poll(() => shown(page, "Meeting at 2025-12-01T09:30")).toBe(1);
    expect(await page.getByLabel("Meeting", { exact: true }).inputValue()).toBe("2025-12-01T09:30");

    // the page's form has novalidate: the server, not the browser, says what is wrong
    await enter(page, "2025-12-31T19:00");
    await expect.poll(() => page.getByText("Meeting: 2025-12-31T19:00 is after the latest, 2025-12-31T18:00.").count()).toBe(1);
    expect(await shown(page, "Meeting at 2025-12-01T09:30")).toBe(1);
    await context.close();
  });
});
