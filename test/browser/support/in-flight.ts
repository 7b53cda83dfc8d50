/**
 * Helpers for tests of what the client script does while an answer is in flight: wait for a
 * request to start or for all to end (the page's "fl-running" class), and hold answers back.
 */
import type { Page } from "playwright-core";

/** Until no request of the client script is in flight. */
export const settled = (page: Page) => page.waitForFunction(() => !document.documentElement.classList.contains("fl-running"));

/** Until a request of the client script is in flight. */
export const running = (page: Page) => page.waitForFunction(() => document.documentElement.classList.contains("fl-running"));

/** The client script's answers come 1.5 s late: the first one only, or every one. */
export const answersLate = (page: Page, which: "first" | "every") => {
  let first = true;
  return page.route("**/*", async (route) => {
    if (route.request().headers()["x-formlit"] && (first || which === "every")) {
      first = false;
      await new Promise((r) => setTimeout(r, 1500));
    }
    await route.continue().catch(() => {});
  });
};
