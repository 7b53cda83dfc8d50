/**
 * One browser test file's setting: the demo Worker under `wrangler dev` and headless Chromium,
 * started before the file's tests and stopped after them; and a person who opens a page in a fresh
 * browser context (a cookie jar of their own). Every browser test file starts here.
 */
import { afterAll, beforeAll } from "vitest";
import type { Browser, BrowserContext, BrowserContextOptions, Page, Response } from "playwright-core";
import { launchChromium, startWrangler, type DevServer, type WranglerExtras } from "./server.ts";

export interface PersonOptions extends BrowserContextOptions {
  /**
   * true (default): JavaScript on, and the client script has enhanced the page (a marker on the
   * window shows it was never reloaded); false: no script at all; "no-script": scripts on but the
   * app's own client script blocked (what axe needs to look at the no-JavaScript page).
   */
  js?: boolean | "no-script";
  /** addresses the page may name but must not fetch (tests have no network) */
  blocked?: string[];
}

export interface BrowserSetting {
  readonly server: DevServer;
  readonly browser: Browser;
  /** A person opening `path` in a new context (`response`: the page's). */
  person(path: string, options?: PersonOptions): Promise<{ context: BrowserContext; page: Page; response: Response | null }>;
}

/** Starts wrangler dev on `port` (with `config`, else the demo's) and Chromium for this file's tests. */
export function useBrowser(port: number, config?: string, extras?: WranglerExtras): BrowserSetting {
  let server: DevServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    // Both are awaited even when one fails, so afterAll stops whichever did start (a failed
    // Chromium launch must not leave wrangler dev running after the file).
    const [started, launched] = await Promise.allSettled([startWrangler(port, config, extras), launchChromium()]);
    if (started.status === "fulfilled") server = started.value;
    if (launched.status === "fulfilled") browser = launched.value;
    for (const r of [started, launched]) if (r.status === "rejected") throw r.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(thing: T | undefined): T => {
    if (!thing) throw new Error("the browser setting is used before its beforeAll ran");
    return thing;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    async person(path, { js = true, blocked = [], ...options } = {}) {
      const context = await started(browser).newContext({ ...options, javaScriptEnabled: js !== false });
      const page = await context.newPage();
      if (js === "no-script") blocked = [...blocked, "**/_formlit/client.*"];
      for (const url of blocked) await page.route(url, (route) => route.abort());
      const response = await page.goto(started(server).url + path);
      if (js === true) {
        await page.waitForFunction(() => document.documentElement.classList.contains("fl-js"));
        await page.evaluate(() => ((window as any).__noReload = "still here"));
      }
      return { context, page, response };
    },
  };
}
