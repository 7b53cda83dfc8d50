/**
 * An app from the create-formlit starter with `--d1`, as its author runs it: its files type-check
 * against formlit's types, its `predev` script migrates the local D1 database, and under wrangler
 * dev its Notes page shows the rows and saves an edit that shows after a reload, in Chromium with
 * JavaScript off and on. (formlit is this repo's source, through wrangler's alias and a tsconfig
 * path, instead of an installed package: test/package covers installing it.)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, startWrangler, type DevServer } from "./support/server.ts";
// @ts-expect-error the starter is plain JavaScript without type declarations
import { create } from "../../packages/create-formlit/index.mjs";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "../..");
const wrangler = path.join(path.dirname(require.resolve("wrangler/package.json")), "bin", "wrangler.js");
const work = mkdtempSync(path.join(tmpdir(), "formlit-starter-d1-"));
const app = path.join(work, "notes-app");
const quiet = { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_SEND_ERROR_REPORTS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

let server: DevServer;
let browser: Browser;

beforeAll(async () => {
  create(app, { d1: true, formlit: "^0.1.0" });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(app, "node_modules"), "dir");
  appendFileSync(path.join(app, "wrangler.toml"), `\n[alias]\nformlit = "${path.join(ROOT, "src/index.ts")}"\n`);
  // the author's `npm run dev` runs `predev` first: the same command, here
  const predev = JSON.parse(readFileSync(path.join(app, "package.json"), "utf8")).scripts.predev.split(" ").slice(1);
  const migrated = spawnSync(process.execPath, [wrangler, ...predev], { cwd: app, env: quiet, stdio: "pipe" });
  expect(migrated.status, String(migrated.stderr)).toBe(0);
  [server, browser] = await Promise.all([
    startWrangler(8831, path.join(app, "wrangler.toml"), { inspectorPort: 8832, args: ["--persist-to", path.join(app, ".wrangler/state")] }),
    launchChromium(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

const tsc = (args: string[], cwd: string) => spawnSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), ...args], { cwd, encoding: "utf8" });

test("the --d1 app type-checks against formlit's published types (st.connection, the typed Env)", () => {
  // the declarations `npm run build` publishes, written aside
  const types = path.join(work, "formlit-types");
  const built = tsc(["-p", "tsconfig.build.json", "--emitDeclarationOnly", "--outDir", types], ROOT);
  expect(built.status, built.stdout).toBe(0);
  const config = { extends: "./tsconfig.json", compilerOptions: { baseUrl: ".", paths: { formlit: [path.join(types, "index.d.ts")] } } };
  writeFileSync(path.join(app, "tsconfig.check.json"), JSON.stringify(config));
  const checked = tsc(["-p", "tsconfig.check.json"], app);
  expect(checked.stdout + checked.stderr).toBe("");
  expect(checked.status).toBe(0);
}, 120_000);

async function notesPage(js: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: js });
  const page = await context.newPage();
  await page.goto(server.url + "/notes");
  if (js) await page.waitForFunction(() => document.documentElement.classList.contains("fl-js"));
  return page;
}

const cell = (page: Page, name: string) => page.locator('[data-kind="data_editor"]').getByRole("textbox", { name });

describe.each([false, true])("the starter's Notes page, JavaScript %s", (js) => {
  test("shows the migrated rows and saves an edit that shows after a reload", async () => {
    const page = await notesPage(js);
    expect(await cell(page, "text, row 0").inputValue()).toBe("Try formlit");
    const text = `Saved ${js ? "with" : "without"} JavaScript`;
    await cell(page, "text, row 1").fill(text);
    if (js) await cell(page, "text, row 1").press("Tab");
    await page.getByRole("button", { name: "Save" }).click();
    // The save's run ends by moving the table to a new key: once the page shows it, the save is
    // done (with JavaScript the click posts in the background, and a reload before it answers
    // would cancel the post).
    await page.locator('[data-kind="data_editor"][data-key="notes_1"]').waitFor();
    await page.reload();
    await expect.poll(() => cell(page, "text, row 1").inputValue()).toBe(text);
    expect(await page.locator('[data-kind="data_editor"] tbody tr').count()).toBe(2);
    await page.context().close();
  });
});
