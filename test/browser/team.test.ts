/**
 * The demo's Team page in real Chromium against wrangler dev, on a local D1 database migrated as
 * `npm run dev` migrates it (`wrangler d1 migrations apply DB --local`): the rows show, and an edit
 * saved with the button is written once and shows after a reload, with JavaScript off and on; the
 * page reads the browser's colour scheme through st.context (a client hint, no script needed) and
 * has no serious axe violation.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, startWrangler, type DevServer } from "./support/server.ts";
import { seriousViolations } from "./support/axe.ts";

const require = createRequire(import.meta.url);
const wrangler = path.join(path.dirname(require.resolve("wrangler/package.json")), "bin", "wrangler.js");
// a database of this file's own, fresh from migrations/
const persist = mkdtempSync(path.join(tmpdir(), "formlit-team-"));

let server: DevServer;
let browser: Browser;

beforeAll(async () => {
  const quiet = { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_SEND_ERROR_REPORTS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
  const migrated = spawnSync(process.execPath, [wrangler, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persist], { env: quiet, stdio: "pipe" });
  expect(migrated.status, String(migrated.stderr)).toBe(0);
  [server, browser] = await Promise.all([startWrangler(8831, undefined, { inspectorPort: 8832, args: ["--persist-to", persist] }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(persist, { recursive: true, force: true });
});

async function teamPage(js: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: js });
  const page = await context.newPage();
  await page.goto(server.url + "/team");
  if (js) await page.waitForFunction(() => document.documentElement.classList.contains("fl-js"));
  return page;
}

/** The st.dataframe's rows, as "cell | cell | ...". */
const shownRows = (page: Page) =>
  page.locator('[data-kind="dataframe"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim()).join(" | ")));

describe.each([false, true])("the Team page, JavaScript %s", (js) => {
  test("the team's rows show; an edited role saved with the button is written once and shows after a reload", async () => {
    const page = await teamPage(js);
    const before = await shownRows(page);
    expect(before).toHaveLength(3);
    expect(before[1]).toContain("Grace Hopper");
    const role = `Lead ${js ? "with" : "without"} JavaScript`;
    const cell = page.locator('[data-kind="data_editor"]').getByRole("textbox", { name: "Role, row 1" });
    await cell.fill(role);
    if (js) await cell.press("Tab"); // the client script sends the edit when the cell is left
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved 1 change(s).").waitFor();
    await page.reload();
    const after = await shownRows(page);
    expect(after).toHaveLength(3);
    expect(after[1]).toContain(role);
    expect(after[1]).toContain("anonymous");
    await expect.poll(() => page.getByText("Saved 1 change(s).").count()).toBe(0);
    await page.context().close();
  });
});

test("with JavaScript, st.context.timezone is the browser's own time zone, which the client script posts", async () => {
  const context = await browser.newContext({ timezoneId: "Asia/Tokyo" });
  const page = await context.newPage();
  await page.goto(server.url + "/team");
  await page.waitForFunction(() => document.documentElement.classList.contains("fl-js"));
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByText("Saved 0 change(s).").waitFor();
  await expect.poll(() => page.getByText("time zone Asia/Tokyo").count()).toBe(1);
  await context.close();
});

describe.each(["light", "dark"] as const)("the Team page in %s mode", (scheme) => {
  test("st.context.theme is the browser's colour scheme once the page has asked for the hint, without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(server.url + "/team");
    // the first request cannot carry a hint no page has asked for yet
    await page.reload();
    await expect.poll(() => page.getByText(`${scheme} colour scheme (st.context)`).count()).toBe(1);
    await context.close();
  });

  test("has no serious or critical axe violations (as without JavaScript)", async () => {
    const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    // axe needs scripts: only the app's own is blocked
    await page.route("**/_formlit/client.*", (route) => route.abort());
    await page.goto(server.url + "/team");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
