/**
 * The demo's chat page in real Chromium against wrangler dev (workerd), with JavaScript off and on:
 * two messages, their answers streaming in, a reload showing the history; the response's bytes
 * arriving before the stand-in model has finished; axe in light and dark. And the Status, toast,
 * popover page: what opens and what shows, with and without JavaScript.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { seriousViolations } from "./support/axe.ts";
import { cookiesOf } from "../support/cookie-jar.ts";

const world = useBrowser(8806);

const ANSWER_1 = "Hello there! How can I assist you today?";
const ANSWER_2 = "Hi, human! Is there anything I can help you with?";

/** A person in Chromium; with `js` false the browser runs no script at all ("no-script": scripts on, the app's own blocked, as axe needs). */
const person = (js: boolean | "no-script", path: string, scheme: "light" | "dark" = "light") =>
  world.person(path, { js, bypassCSP: true, colorScheme: scheme, viewport: { width: 1100, height: 800 } });

/** The chat messages on the page (the form's, not a stream preview's), as "name: text". */
const messages = (page: Page) =>
  page.locator("form#fl article[data-kind=chat_message]").evaluateAll((els) => els.map((e) => `${e.getAttribute("aria-label")!.replace("Chat message from ", "")}: ${e.querySelector(".fl-chat-content")!.textContent!.trim()}`));

/**
 * Reload: open the page's address again. (Without JavaScript the page shown answers a post, and
 * the reload button would post it again; that case is the next test's.)
 */
const reopen = (page: Page) => page.goto(page.url());

/** Sends a message as a person would: Enter with the client script; without it, the Send button (the field is a text area, where Enter is a new line). */
async function send(page: Page, text: string) {
  const input = page.getByRole("textbox", { name: "What is up?" });
  await input.fill(text);
  const js = await page.evaluate(() => document.documentElement.classList.contains("fl-js"));
  if (js) await input.press("Enter");
  else await page.locator(".fl-chat_input").getByRole("button", { name: "Send" }).click();
}

describe.each([false, true])("the chat page, JavaScript %s", (js) => {
  test("send two messages, see the answers stream in, reload, see the history", async () => {
    const { context, page } = await person(js, "/chat?delay=30");
    await send(page, "Hi!");
    await expect.poll(() => messages(page)).toEqual(["user: Hi!", `assistant: ${ANSWER_1}`]);
    await send(page, "Who are you?");
    await expect.poll(() => messages(page)).toEqual(["user: Hi!", `assistant: ${ANSWER_1}`, "user: Who are you?", `assistant: ${ANSWER_2}`]);
    await reopen(page);
    await expect.poll(() => messages(page)).toEqual(["user: Hi!", `assistant: ${ANSWER_1}`, "user: Who are you?", `assistant: ${ANSWER_2}`]);
    // the chat input is empty again, and pinned at the bottom of the main area
    expect(await page.getByRole("textbox", { name: "What is up?" }).inputValue()).toBe("");
    expect(await page.locator("form#fl .fl-main > .fl-bottom [data-kind=chat_input]").count()).toBe(1);
    await context.close();
  });

  test("the reload button (which posts a page's form again without JavaScript) does not send a message twice", async () => {
    const { context, page } = await person(js, "/chat?delay=0");
    await send(page, "Hi!");
    await expect.poll(() => messages(page)).toEqual(["user: Hi!", `assistant: ${ANSWER_1}`]);
    await send(page, "Who are you?");
    await expect.poll(() => messages(page)).toHaveLength(4);
    await page.reload();
    await page.waitForLoadState();
    await expect.poll(() => messages(page)).toEqual(["user: Hi!", `assistant: ${ANSWER_1}`, "user: Who are you?", `assistant: ${ANSWER_2}`]);
    await context.close();
  });

  test("the answer shows in the page while the model is still writing it", async () => {
    const { context, page } = await person(js, "/chat?delay=250");
    await send(page, "Slowly, please");
    // part of the answer is visible while the page itself (the form that ends it) has not arrived
    // (without JavaScript each later preview follows the one before in the document: the last one shows)
    const shown = page.locator(".fl-live .fl-stream").last();
    await expect.poll(() => shown.textContent({ timeout: 1_000 }).catch(() => ""), { timeout: 20_000, interval: 50 }).toMatch(/Hello/);
    const partial = await shown.textContent();
    expect(partial!.length).toBeLessThan(ANSWER_1.length);
    expect(await page.locator(`form#fl :text("${ANSWER_1}")`).count()).toBe(0);
    await expect.poll(() => messages(page), { timeout: 15_000 }).toEqual(["user: Slowly, please", `assistant: ${ANSWER_1}`]);
    await context.close();
  });

  test("the message field is a text area: Shift+Enter is a new line, and the message keeps it", async () => {
    const { context, page } = await person(js, "/chat?delay=5");
    const input = page.getByRole("textbox", { name: "What is up?" });
    expect(await input.evaluate((e) => e.tagName)).toBe("TEXTAREA");
    await input.pressSequentially("Hi");
    await input.press("Shift+Enter");
    await input.pressSequentially("there");
    expect(await input.inputValue()).toBe("Hi\nthere");
    if (js) await input.press("Enter");
    else await page.locator(".fl-chat_input").getByRole("button", { name: "Send" }).click();
    await expect.poll(() => page.locator("form#fl article[data-kind=chat_message] .fl-chat-content").first().evaluate((e) => e.textContent!.trim())).toBe("Hi\nthere");
    await context.close();
  });

  test("a stream that fails shows the error, and the turn is not kept", async () => {
    const { context, page } = await person(js, "/chat?delay=20");
    await send(page, "Hi!");
    await expect.poll(() => messages(page)).toEqual(["user: Hi!", `assistant: ${ANSWER_1}`]);
    await send(page, "fail");
    await expect.poll(() => page.locator("form#fl .fl-exception").textContent()).toContain("The stand-in model failed");
    await reopen(page);
    await expect.poll(() => messages(page)).toEqual(["user: Hi!", `assistant: ${ANSWER_1}`]);
    await context.close();
  });
});

test("with JavaScript, what the person types while the answer's last bytes are still on the way is kept", async () => {
  const { context, page } = await person(true, "/chat?delay=0");
  // Each answer's end held back a second after its last bytes, as a slow network or a busy server
  // holds it: the page has arrived whole, and the person has started on the next message.
  await page.evaluate(() => {
    const real = window.fetch;
    window.fetch = async (...args) => {
      const res = await real(...args);
      if (!res.body) return res;
      const reader = res.body.getReader();
      const body = new ReadableStream({
        async pull(c) {
          const { done, value } = await reader.read();
          if (!done) return c.enqueue(value);
          await new Promise((r) => setTimeout(r, 1000));
          c.close();
        },
      });
      const held = new Response(body, { status: res.status, headers: res.headers });
      Object.defineProperty(held, "url", { value: res.url });
      return held;
    };
  });
  await send(page, "Hi!");
  await expect.poll(() => messages(page)).toEqual(["user: Hi!", `assistant: ${ANSWER_1}`]);
  const input = page.getByRole("textbox", { name: "What is up?" });
  await input.fill("typed while the answer ended");
  expect(await page.evaluate(() => document.documentElement.classList.contains("fl-running"))).toBe(true);
  // the answer's end arrives
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("fl-running"))).toBe(false);
  expect(await input.inputValue()).toBe("typed while the answer ended");
  await context.close();
});

test("the response's bytes: the first words arrive before the model has finished (wrangler dev, real HTTP)", async () => {
  const first = await fetch(world.server.url + "/chat?delay=300");
  const cookie = cookiesOf(first);
  const html = await first.text();
  const field = (re: RegExp) => re.exec(html)![1]!;
  const body = new URLSearchParams({ _run: field(/name="_run" value="(\d+)"/), _csrf: field(/name="_csrf" value="([^"]+)"/), _v: field(/name="_v" value="([^"]*)"/), _apply: "1" });
  body.set(field(/class="fl-input fl-chat-field" id="[^"]+" name="([^"]+)"/), "timing");
  const started = Date.now();
  const res = await fetch(world.server.url + "/chat?delay=300", { method: "POST", body, headers: { cookie, origin: world.server.url, "content-type": "application/x-www-form-urlencoded" } });
  const reader = res.body!.getReader();
  const text = new TextDecoder();
  let received = "";
  let firstWordAt = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += text.decode(value, { stream: true });
    if (!firstWordAt && received.includes("Hello")) firstWordAt = Date.now() - started;
  }
  const total = Date.now() - started;
  // eight words, 300 ms each: the whole answer takes about 2.4 s; the first word comes after one delay
  expect(received).toContain(ANSWER_1);
  expect(total).toBeGreaterThan(2000);
  expect(firstWordAt).toBeGreaterThan(0);
  expect(firstWordAt).toBeLessThan(total - 1500);
});

describe.each(["light", "dark"] as const)("axe on the chat page in %s mode", (scheme) => {
  test("no serious or critical violations, with a conversation on the page", async () => {
    const { context, page } = await person("no-script", "/chat?delay=0", scheme);
    await send(page, "Hi!");
    await expect.poll(() => messages(page)).toEqual(["user: Hi!", `assistant: ${ANSWER_1}`]);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe.each([false, true])("status, toast and popover, JavaScript %s", (js) => {
  test("a status opens and closes by its summary; a popover opens and its widget applies; toasts are seen in a live region", async () => {
    const { context, page } = await person(js, "/panels");
    const running = page.locator("details[data-kind=status]").first();
    await expect.poll(() => running.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await running.locator(".fl-spinner").isVisible()).toBe(true);
    await running.locator("summary").click();
    await expect.poll(() => page.getByText("Doing some work...").isVisible()).toBe(false);
    await running.locator("summary").click();
    await expect.poll(() => page.getByText("Doing some work...").isVisible()).toBe(true);

    const toasts = page.getByRole("status").filter({ has: page.locator("[data-kind=toast]") });
    await expect.poll(() => toasts.locator("[data-kind=toast]").count()).toBe(3);
    expect(await toasts.locator("[data-kind=toast]").first().isVisible()).toBe(true);
    expect(await toasts.locator("[data-kind=toast]").nth(2).textContent()).toContain("🐶This is a default toast message");

    expect(await page.getByLabel("Text input", { exact: true }).isVisible()).toBe(false);
    await page.locator("summary", { hasText: "popover 3 (with widgets)" }).click();
    const input = page.getByLabel("Text input", { exact: true });
    await expect.poll(() => input.isVisible()).toBe(true);
    await input.fill("from the popover");
    await input.press("Enter");
    await page.locator("summary", { hasText: "Output" }).click();
    await expect.poll(() => page.getByText("Text input: from the popover").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "popover 6 (disabled)" }).isDisabled()).toBe(true);
    await context.close();
  });
});
