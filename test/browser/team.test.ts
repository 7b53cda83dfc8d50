/**
 * The demo's Team page in real Chromium against wrangler dev, on a local D1 database migrated as
 * `npm run dev` migrates it (`wrangler d1 migrations apply DB --local`): the rows show, and an edit
 * saved with the button is written once and shows after a reload, with JavaScript off and on; the
 * page reads the browser's colour scheme through st.context (a client hint, no script needed) and
 * has no serious axe violation. With the local sign-in provider `npm run dev` starts (here on
 * 127.0.0.1:8838), a person logs in and their name is written next to what they save.
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
import { CLIENT_ID, CLIENT_SECRET, startProvider, type RunningProvider } from "../support/oidc-provider.ts";

const require = createRequire(import.meta.url);
const wrangler = path.join(path.dirname(require.resolve("wrangler/package.json")), "bin", "wrangler.js");
// a database of this file's own, fresh from migrations/
const persist = mkdtempSync(path.join(tmpdir(), "formlit-team-"));

let server: DevServer;
let browser: Browser;
let provider: RunningProvider;

beforeAll(async () => {
  const quiet = { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_SEND_ERROR_REPORTS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
  const migrated = spawnSync(process.execPath, [wrangler, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persist], { env: quiet, stdio: "pipe" });
  expect(migrated.status, String(migrated.stderr)).toBe(0);
  // the variables `npm run dev` gives the demo for its local provider
  const callback = "http://127.0.0.1:8831/oauth2callback";
  provider = await startProvider(8838, [callback]);
  const signIn = { AUTH_SERVER_METADATA_URL: provider.metadataUrl, AUTH_CLIENT_ID: CLIENT_ID, AUTH_CLIENT_SECRET: CLIENT_SECRET, AUTH_REDIRECT_URI: callback };
  const vars = Object.entries(signIn).flatMap(([name, value]) => ["--var", `${name}:${value}`]);
  [server, browser] = await Promise.all([startWrangler(8831, undefined, { inspectorPort: 8832, args: ["--persist-to", persist, ...vars] }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.close();
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

describe.each([false, true])("signed in, JavaScript %s", (js) => {
  test("Log in at the local provider as ada: back on the Team page as Ada Lovelace, whose name is written next to what she saves; Log out", async () => {
    const page = await teamPage(js);
    await page.getByText("Saving as anonymous").waitFor();
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/^http:\/\/127\.0\.0\.1:8838\/interaction\//);
    await page.locator("input[name=login]").fill("ada");
    await page.locator("input[name=password]").fill("any password");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.waitForURL(server.url + "/team");
    await page.getByText("Saving as Ada Lovelace").waitFor();
    const role = `Analyst ${js ? "with" : "without"} JavaScript`;
    const cell = page.locator('[data-kind="data_editor"]').getByRole("textbox", { name: "Role, row 2" });
    await cell.fill(role);
    if (js) await cell.press("Tab");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved 1 change(s).").waitFor();
    await page.reload();
    const row = (await shownRows(page))[2]!;
    expect(row).toContain(role);
    expect(row).toContain("Ada Lovelace");
    // signed out on the home page, as Streamlit's logout goes there; the Team page says so too
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(server.url + "/");
    await page.goto(server.url + "/team");
    await page.getByText("Saving as anonymous").waitFor();
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
