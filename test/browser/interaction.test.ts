/**
 * Streamlit's e2e checks for chat avatars, download buttons, keys, toasts and popovers, in
 * Chromium with JavaScript off and on (test/browser/support/interaction-worker.ts): image avatars
 * load under the page's CSP; a download button downloads and reruns (only its fragment), or not
 * with onClick "ignore"; Ctrl/Cmd+Enter commits a text area and Enter in a fragment's time input
 * reruns only the fragment. With JavaScript, while an answer is on the way: a value a callback
 * sets is shown over what was typed meanwhile, and text typed meanwhile is committed only when the
 * person leaves the field.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { answersLate, running, settled } from "./support/in-flight.ts";

const world = useBrowser(8827, new URL("./support/interaction.wrangler.toml", import.meta.url).pathname);

const text = (page: Page, t: string | RegExp) => page.getByText(t).count();
/** The page's posts so far (each one a request the server saw). */
const posts = (page: Page) => {
  const sent: string[] = [];
  page.on("request", (r) => void (r.method() === "POST" && sent.push(r.url())));
  return sent;
};

describe.each([false, true])("JavaScript %s", (js) => {
  test("chat avatars from bytes, a data: URL and a same-origin path load as images; an https one is named", async () => {
    const { context, page } = await world.person("/avatars", { js, blocked: ["https://static.streamlit.io/**"] });
    const messages = page.getByRole("article");
    await expect.poll(() => messages.count()).toBe(5);
    const loaded = () =>
      page.locator("article img").evaluateAll((imgs) => imgs.map((i) => ({ src: (i as HTMLImageElement).src.replace(/base64,.*/, "base64,"), width: (i as HTMLImageElement).naturalWidth })));
    await expect
      .poll(loaded, { timeout: 10_000 })
      .toEqual([
        { src: "data:image/png;base64,", width: 10 },
        { src: "data:image/png;base64,", width: 10 },
        { src: "data:image/png;base64,", width: 10 },
        { src: world.server.url + "/img/bot.png", width: 10 },
        { src: "https://static.streamlit.io/examples/dog.jpg", width: 0 },
      ]);
    for (const t of ["Red local image", "Blue local image", "Another message with the same blue avatar.", "An avatar from this site", "Woof woof!"]) expect(await text(page, t)).toBe(1);
    await context.close();
  });

  test("a download button in a fragment downloads its file and reruns only the fragment; onClick \"ignore\" only downloads", async () => {
    const { context, page } = await world.person("/download", { js });
    const sent = posts(page);
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download in fragment" }).click()]);
    expect(file.suggestedFilename()).toBe("hello.txt");
    expect(readFileSync((await file.path())!, "utf8")).toBe("Hello world!");
    await expect.poll(() => sent.length).toBe(1);
    if (js) {
      // the fragment's run is shown at once, the page around it did not run
      await expect.poll(() => text(page, "fragment value: true, fragment runs: 2")).toBe(1);
      expect(await text(page, "app runs: 1")).toBe(1);
      expect(await page.evaluate(() => (window as any).__noReload)).toBe("still here");
    } else {
      // the post was answered with the file: the page stays; the next page shows the rerun's state
      expect(await text(page, "fragment value: false, fragment runs: 1")).toBe(1);
      await page.goto(world.server.url + "/download");
      expect(await text(page, "fragment value: false, fragment runs: 3")).toBe(1);
      expect(await text(page, "app runs: 2")).toBe(1);
    }
    const before = sent.length;
    const [quiet] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download and ignore" }).click()]);
    expect(quiet.suggestedFilename()).toBe("quiet.txt");
    expect(readFileSync((await quiet.path())!, "utf8")).toBe("quiet");
    await page.waitForTimeout(300);
    expect(sent.length).toBe(before);
    await context.close();
  });

  test("Download + On Click: the download and its callback; with JavaScript the run shows value: true", async () => {
    const { context, page } = await world.person("/download", { js });
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download + On Click" }).click()]);
    expect(readFileSync((await file.path())!, "utf8")).toBe("Hello world!");
    if (js) {
      await expect.poll(() => text(page, "value: true")).toBe(1);
      expect(await text(page, "times clicked: 1")).toBe(1);
      // clicked again: the button still reruns
      await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download + On Click" }).click()]);
      await expect.poll(() => text(page, "times clicked: 2")).toBe(1);
    } else {
      await page.goto(world.server.url + "/download");
      expect(await text(page, "times clicked: 1")).toBe(1);
    }
    await context.close();
  });
});

describe.each([false, true])("toasts, JavaScript %s", (js) => {
  const LONG = "Random toast message that is a really really really really really really really long message, going way";
  const shown = (page: Page) => page.locator("[data-kind=toast]").evaluateAll((ts) => ts.filter((t) => (t as HTMLElement).offsetParent !== null).map((t) => (t as HTMLElement).innerText.replace(/\s+/g, " ").trim()));

  test("a long toast is collapsed with view more / view less; each toast's Close hides it; nothing is posted", async () => {
    const { context, page } = await world.person("/toasts", { js });
    const sent = posts(page);
    expect(await shown(page)).toEqual(["cabin Your edited image was saved! ✕", `🦄 ${LONG} view more ✕`, "🐶 This is a default toast message ✕"]);
    expect(await page.getByText("view more").count()).toBe(1);
    await page.getByText("view more").click();
    expect((await shown(page))[1]).toBe(`🦄 ${LONG} past the 3 line limit view less ✕`);
    await page.getByText("view less").click();
    expect((await shown(page))[1]).toBe(`🦄 ${LONG} view more ✕`);
    await page.locator("[data-kind=toast]").nth(0).getByTitle("Close").click();
    expect(await shown(page)).toEqual([`🦄 ${LONG} view more ✕`, "🐶 This is a default toast message ✕"]);
    // by keyboard too: the Close control of the next toast is a button named Close (a closed
    // toast's is gone)
    expect(await page.getByRole("button", { name: "Close" }).count()).toBe(2);
    await page.getByRole("button", { name: "Close" }).first().focus();
    await page.keyboard.press("Space");
    expect(await shown(page)).toEqual(["🐶 This is a default toast message ✕"]);
    await page.waitForTimeout(300);
    expect(sent).toEqual([]);
    await context.close();
  });
});

describe("popover", () => {
  const body = (page: Page) => page.locator("[data-kind=popover] .fl-popover-body");
  const open = (page: Page) => page.getByText("popover 3 (with widgets)").click();

  test("with JavaScript: a click outside closes it; it stays open across the reruns its widgets cause, and its changes apply", async () => {
    const { context, page } = await world.person("/popover");
    await open(page);
    await expect.poll(() => body(page).isVisible()).toBe(true);
    expect(await body(page).getByText("Hello World 👋").count()).toBe(1);
    expect(await body(page).getByRole("textbox").count()).toBe(4);
    await page.mouse.click(1, 1);
    await expect.poll(() => body(page).isVisible()).toBe(false);
    await open(page);
    await page.getByLabel("Text input").fill("Input text in popover");
    await page.getByLabel("Text input").press("Enter");
    await expect.poll(() => page.locator("details.fl-expander .fl-markdown").first().textContent()).toContain("Input text in popover");
    await settled(page);
    expect(await body(page).isVisible()).toBe(true);
    await page.getByLabel("Selectbox").selectOption("b");
    await expect.poll(() => page.getByText("Selectbox: b").count()).toBe(1);
    expect(await body(page).isVisible()).toBe(true);
    expect(await body(page).getByText("Hello World 👋").count()).toBe(1);
    await page.mouse.click(1, 1);
    await expect.poll(() => body(page).isVisible()).toBe(false);
    expect(await page.evaluate(() => (window as any).__noReload)).toBe("still here");
    await context.close();
  });

  test("without JavaScript: Apply (Enter in its field) keeps it open when a widget inside it changed, and its changes apply", async () => {
    const { context, page } = await world.person("/popover", { js: false });
    await open(page);
    await expect.poll(() => body(page).isVisible()).toBe(true);
    await page.getByLabel("Text input").fill("Input text in popover");
    await Promise.all([page.waitForNavigation(), page.getByLabel("Text input").press("Enter")]);
    expect(await page.locator("details.fl-expander .fl-markdown").first().textContent()).toContain("Input text in popover");
    expect(await body(page).isVisible()).toBe(true);
    // Apply with nothing changed in it: the page comes back with it closed
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Apply" }).click()]);
    expect(await body(page).isVisible()).toBe(false);
    await context.close();
  });
});

describe("keys, with JavaScript", () => {
  test.each(["Control+Enter", "Meta+Enter"])("%s in a text area commits it (max_chars kept)", async (keys) => {
    const { context, page } = await world.person("/keys");
    const area = page.getByLabel("text area 1 (default)");
    await area.fill("hello world");
    await area.press(keys);
    await expect.poll(() => text(page, "value 1: hello world")).toBe(1);
    // the answer arrives in pieces, each put in place: wait for the last before typing elsewhere
    await settled(page);
    // still focused, in the field: nothing was blurred to commit it
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.tagName)).toBe("TEXTAREA");
    const ten = page.getByLabel("text area 10 (max_chars=5)");
    await ten.clear();
    await ten.pressSequentially("12345678");
    await ten.press(keys);
    await expect.poll(() => text(page, "value 10: 12345")).toBe(1);
    expect(await page.evaluate(() => (window as any).__noReload)).toBe("still here");
    await context.close();
  });

  test("Ctrl+Enter in a text area inside an st.form submits that form, as Streamlit does", async () => {
    const { context, page } = await world.person("/keys");
    await page.getByLabel("Form text area").fill("a note");
    await page.getByLabel("Form text area").press("Control+Enter");
    await expect.poll(() => text(page, "Form sent: a note")).toBe(1);
    await context.close();
  });

  test("Enter in a time input inside a fragment reruns the fragment only: its change did, and Enter sends nothing more", async () => {
    const { context, page } = await world.person("/keys", { locale: "en-GB" });
    const sent = posts(page);
    const field = page.getByLabel("Time input 1 (8:45)");
    // (filled at once: typed segment by segment, an answer arriving mid-typing replaces the field)
    await field.fill("00:15");
    await expect.poll(() => text(page, "Value 1: 00:15, fragment runs: 2")).toBe(1);
    await field.press("Enter");
    await page.waitForTimeout(500);
    expect(sent.length).toBe(1);
    expect(await text(page, "Value 1: 00:15, fragment runs: 2")).toBe(1);
    expect(await text(page, "app runs: 1")).toBe(1);
    await context.close();
  });
});

describe("typing while an answer is on the way, with JavaScript", () => {
  /** The /clear page, each of its answers held back 1.5 s. */
  const lateAnswers = async () => {
    const opened = await world.person("/clear");
    await answersLate(opened.page, "every");
    return opened;
  };
  /** Sends "hello" as the message, and types `typed` into Search while that answer is on the way. */
  const searchWhileMessageIsAnswered = async (page: Page, typed: string) => {
    await page.getByLabel("Message").fill("hello");
    await page.getByLabel("Message").press("Enter");
    await running(page);
    await page.getByLabel("Search").fill(typed);
    await settled(page);
  };

  test("a callback that empties a field wins over what was typed into it while the answer was on the way", async () => {
    const { context, page } = await lateAnswers();
    const message = page.getByLabel("Message");
    await message.fill("draft");
    await page.getByRole("button", { name: "Clear", exact: true }).click();
    await running(page);
    await message.fill("draft and more");
    await settled(page);
    // (past the time a second answer would take: a request the typed text made would show by then)
    await page.waitForTimeout(2000);
    await settled(page);
    // the run emptied the field (back to the value it had when drawn): the page shows that, and
    // neither shows nor applies the text typed before the answer came
    await expect.poll(() => text(page, 'Message held: "", cleared 1 times')).toBe(1);
    expect(await message.inputValue()).toBe("");
    await context.close();
  });

  test("what is typed into a field while another change's answer is on the way is not applied until the person commits it", async () => {
    const { context, page } = await lateAnswers();
    const sent = posts(page);
    await searchWhileMessageIsAnswered(page, "half-typ");
    await page.waitForTimeout(2000);
    await settled(page);
    // the message's answer is in; the search, still being typed, was neither sent nor lost
    await expect.poll(() => text(page, 'Message held: "hello", cleared 0 times')).toBe(1);
    expect(sent.length).toBe(1);
    const search = page.getByLabel("Search");
    expect(await search.inputValue()).toBe("half-typ");
    expect(await text(page, "Searched for: []")).toBe(1);
    // the person finishes typing and leaves the field: that commits it, as in Streamlit, once
    await search.press("End");
    await search.pressSequentially("ed");
    await search.press("Tab");
    await expect.poll(() => text(page, 'Searched for: ["half-typed"]')).toBe(1);
    await settled(page);
    expect(sent.length).toBe(2);
    await context.close();
  });

  test("a field left as the answer showed it, after typing into it while that answer was on the way, is committed then", async () => {
    const { context, page } = await lateAnswers();
    await searchWhileMessageIsAnswered(page, "typed");
    await expect.poll(() => text(page, 'Message held: "hello", cleared 0 times')).toBe(1);
    // nothing typed since the answer came: leaving the field is what commits it
    await page.getByLabel("Search").press("Tab");
    await expect.poll(() => text(page, 'Searched for: ["typed"]')).toBe(1);
    await context.close();
  });

  test("a field sent with Enter while another answer was on the way is not sent again when the person leaves it", async () => {
    const { context, page } = await lateAnswers();
    const sent = posts(page);
    await page.getByLabel("Message").fill("hello");
    await page.getByLabel("Message").press("Enter");
    await running(page);
    // Enter in Search waits for the message's answer, then goes
    const search = page.getByLabel("Search");
    await search.fill("term");
    await search.press("Enter");
    await expect.poll(() => sent.length, { timeout: 5000 }).toBe(2);
    // leaving the field while the search's own answer is on the way commits nothing more
    await search.press("Tab");
    await settled(page);
    await page.waitForTimeout(2000);
    await settled(page);
    await expect.poll(() => text(page, 'Searched for: ["term"]')).toBe(1);
    expect(sent.length).toBe(2);
    await context.close();
  });
});
