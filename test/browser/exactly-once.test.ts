/**
 * Exactly once in Chromium, with JavaScript off and on, on a cold isolate (a new app for every
 * request) and a warm one (one app), under wrangler dev: a name saved by a button and a box
 * ticked after it write one row; two chat messages and a Clear ask the model twice; a report drawn
 * by a button downloads, made once. What the app did to the world is read from the worker.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import type { World } from "../support/world.ts";
import { settled } from "./support/in-flight.ts";

const world = useBrowser(8816, new URL("./support/exactly-once.wrangler.toml", import.meta.url).pathname);

/** What the worker's app did to its world for these isolates (and, with `reset`, forgets it first). */
async function counts(isolates: "cold" | "warm", reset = false): Promise<ReturnType<World["counts"]>> {
  const res = await fetch(`${world.server.url}/_world?isolates=${isolates}`, { method: reset ? "POST" : "GET" });
  return (await res.json()) as ReturnType<World["counts"]>;
}

const messages = async (page: Page) => (await page.locator("form#fl article[data-kind=chat_message] .fl-chat-content").allTextContents()).map((t) => t.trim());

/**
 * Does `act` and waits until the page has its answer: with JavaScript, until the client script
 * has put the answer in place (one action at a time, as a person who sees each result).
 */
async function answeredAfter(page: Page, js: boolean, act: () => Promise<unknown>) {
  if (!js) return act();
  const answered = page.waitForResponse((r) => r.request().method() === "POST");
  await act();
  await answered;
  await settled(page);
}

async function send(page: Page, js: boolean, text: string) {
  const input = page.getByRole("textbox", { name: "Say something" });
  await input.fill(text);
  // (without the client script the field is a text area where Enter is a new line: the Send button sends)
  await answeredAfter(page, js, () => (js ? input.press("Enter") : page.locator(".fl-chat_input").getByRole("button", { name: "Send" }).click()));
}

describe.each([false, true])("JavaScript %s", (js) => {
  for (const isolates of ["cold", "warm"] as const) {
    test(`on a ${isolates} isolate: one row per Save, one model call per message, a report made once`, async () => {
      await counts(isolates, true);
      const { context, page } = await world.person("/", { js });
      await context.addCookies([{ name: "isolates", value: isolates, url: world.server.url }]);
      await page.goto(world.server.url + "/");
      if (js) await page.waitForFunction(() => document.documentElement.classList.contains("fl-js"));

      await page.getByRole("textbox", { name: "Name" }).fill("alice");
      // (with JavaScript the name reruns on its own when the field is left: let that answer first,
      // as a person sees it, rather than race the click against it)
      if (js) await answeredAfter(page, js, () => page.getByRole("textbox", { name: "Name" }).press("Tab"));
      await answeredAfter(page, js, () => page.getByRole("button", { name: "Save" }).click());
      await expect.poll(async () => (await counts(isolates)).rows).toEqual(["alice"]);
      await answeredAfter(page, js, () => page.getByRole("checkbox", { name: "Show all" }).check());
      if (!js) await page.getByRole("button", { name: "Apply" }).first().click();
      await expect.poll(() => page.getByRole("checkbox", { name: "Show all" }).isChecked()).toBe(true);

      await send(page, js, "one");
      await expect.poll(() => messages(page)).toEqual(["one", "You said one."]);
      await send(page, js, "two");
      await expect.poll(() => messages(page)).toEqual(["one", "You said one.", "two", "You said two."]);
      await answeredAfter(page, js, () => page.getByRole("button", { name: "Clear chat" }).click());
      await expect.poll(() => messages(page)).toEqual([]);

      await answeredAfter(page, js, () => page.getByRole("button", { name: "Make report" }).click());
      const link = page.getByRole("link", { name: "Download report" });
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toBe("report.txt");
      expect(readFileSync((await download.path())!, "utf8")).toBe("rows: alice\n");

      // Streamlit's count: the Save branch once, the model once per message
      expect(await counts(isolates)).toMatchObject({ rows: ["alice"], asked: ["one", "two"] });
      await context.close();
    });
  }
});
