/**
 * Parameters Streamlit added since 1.39, in Chromium with JavaScript off and on: a metric's
 * sparkline is drawn, a new option typed in a selectbox or a multiselect reaches the script as its
 * string (with the options offered as suggestions while typing).
 */
import { describe, expect, test } from "vitest";
import type { Locator, Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { settled } from "./support/in-flight.ts";

const world = useBrowser(8862, new URL("./support/params.wrangler.toml", import.meta.url).pathname);

const shown = (page: Page, text: string) => page.getByText(text, { exact: true }).count();

describe.each([false, true])("JavaScript %s", (js) => {
  /** Does what commits a value (Enter in a field) and waits for the page that answers. */
  const commit = async (page: Page, field: Locator) => {
    if (!js) return void (await Promise.all([page.waitForEvent("load"), field.press("Enter")]));
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await field.press("Enter");
    await answered;
    await settled(page);
  };

  test("a metric's sparkline is an SVG as wide as the metric, its line drawn in the delta's colour", async () => {
    const { context, page } = await world.person("/", { js });
    const metric = page.locator("[data-kind=metric]");
    const svg = metric.locator("svg.fl-metric-spark");
    const [metricBox, svgBox] = [await metric.boundingBox(), await svg.boundingBox()];
    expect(svgBox!.width).toBeGreaterThan(metricBox!.width * 0.9);
    expect(svgBox!.height).toBeGreaterThan(20);
    const colours = await svg.locator("polyline").evaluate((line) => {
      const delta = line.closest("[data-kind=metric]")!.querySelector(".fl-metric-delta")!;
      return [getComputedStyle(line).stroke, getComputedStyle(delta).color];
    });
    expect(colours[0]).toBe(colours[1]);
    expect(await page.getByText("vs. last week", { exact: true }).isVisible()).toBe(true);
    await context.close();
  });

  test("a new option typed in the selectbox is returned as its string; the options are its suggestions", async () => {
    const { context, page } = await world.person("/", { js });
    await expect.poll(() => shown(page, 'Fruit "Apple", tags []')).toBe(1);
    const field = page.getByRole("combobox", { name: "Fruit" });
    expect(await field.inputValue()).toBe("Apple");
    const suggestions = await field.evaluate((f) => [...(f as HTMLInputElement).list!.options].map((o) => o.value));
    expect(suggestions).toEqual(["Apple", "Banana"]);
    await field.fill("Cherry");
    await commit(page, field);
    await expect.poll(() => shown(page, 'Fruit "Cherry", tags []')).toBe(1);
    expect(await page.getByRole("combobox", { name: "Fruit" }).inputValue()).toBe("Cherry");
    await context.close();
  });

  test("a new option added to the multiselect is chosen after the others and stays chosen", async () => {
    const { context, page } = await world.person("/", { js });
    const add = page.getByRole("textbox", { name: "Add an option to Tags" });
    await add.fill("blue");
    await commit(page, add);
    await expect.poll(() => shown(page, 'Fruit "Apple", tags ["blue"]')).toBe(1);
    const chosen = await page.getByRole("listbox", { name: "Tags" }).evaluate((s) => [...(s as unknown as HTMLSelectElement).selectedOptions].map((o) => o.value));
    expect(chosen).toEqual(["blue"]);
    expect(await page.getByRole("textbox", { name: "Add an option to Tags" }).inputValue()).toBe("");
    await context.close();
  });

  test("files chosen for a chat message go with it, not before (multipart, without JavaScript too): the script reads their text", async () => {
    const { context, page } = await world.person("/", { js });
    let posts = 0;
    page.on("request", (r) => void (r.method() === "POST" && posts++));
    await page.getByLabel("Attach files").setInputFiles([
      { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("alpha") },
      { name: "b.txt", mimeType: "text/plain", buffer: Buffer.from("beta") },
    ]);
    // choosing files sends nothing yet: they go with the message
    await page.waitForTimeout(300);
    expect(posts).toBe(0);
    const field = page.getByRole("textbox", { name: "Ask" });
    await field.fill("Read these");
    if (js) await commit(page, field);
    else await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Send" }).click()]);
    await expect.poll(() => shown(page, 'Sent "Read these" with a.txt=alpha, b.txt=beta')).toBe(1);
    // The files went with that message only: the file input is empty again.
    expect(await page.getByLabel("Attach files").evaluate((i) => (i as HTMLInputElement).files!.length)).toBe(0);
    await context.close();
  });

  test("a link button with a callback opens its link in a new tab and runs the callback once", async () => {
    const { context, page } = await world.person("/", { js });
    await context.route("https://example.com/**", (route) => route.fulfill({ contentType: "text/html", body: "<title>Landed</title>landed" }));
    const [popup] = await Promise.all([context.waitForEvent("page"), page.getByRole("button", { name: "Open the docs" }).click()]);
    await expect.poll(() => popup.url()).toBe("https://example.com/landing");
    await expect.poll(() => popup.title()).toBe("Landed");
    // With JavaScript the app reruns in its own tab; without, its next page shows what the press did.
    if (!js) await page.reload();
    await expect.poll(() => shown(page, "Link pressed 1")).toBe(1);
    await context.close();
  });

  test(":shimmer[] sweeps (stilled under reduced motion), :badge[] is drawn on a coloured background, an alert's icon leads its text", async () => {
    for (const reducedMotion of ["no-preference", "reduce"] as const) {
      const { context, page } = await world.person("/", { js, reducedMotion });
      const shimmer = page.getByText("Thinking…", { exact: true });
      expect(await shimmer.isVisible()).toBe(true);
      expect(await shimmer.evaluate((e) => getComputedStyle(e).animationName)).toBe(reducedMotion === "reduce" ? "none" : "fl-shimmer");
      if (reducedMotion === "reduce") {
        // still readable: the text has its colour back
        expect(await shimmer.evaluate((e) => getComputedStyle(e).color)).not.toBe("rgba(0, 0, 0, 0)");
        await context.close();
        continue;
      }
      const badge = page.getByText("Beta", { exact: true });
      const colours = await badge.evaluate((e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).borderRadius]);
      expect(colours[0]).not.toBe("rgba(0, 0, 0, 0)");
      const icon = page.locator(".fl-alert-info .fl-alert-icon");
      const body = page.locator(".fl-alert-info .fl-alert-body");
      const [i, b] = [await icon.boundingBox(), await body.boundingBox()];
      expect(i!.x + i!.width).toBeLessThanOrEqual(b!.x + 1);
      expect(Math.abs(i!.y - b!.y)).toBeLessThan(b!.height);
      expect((await page.getByRole("status").filter({ hasText: "Heads up" }).textContent())!.trim()).toBe("boltHeads up");
      await context.close();
    }
  });
});
