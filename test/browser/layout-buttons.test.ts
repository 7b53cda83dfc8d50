/**
 * The scrolling container, bordered columns and metric, and buttons with an icon or of type
 * tertiary, in Chromium with JavaScript off and on: the container is 200 pixels tall and its
 * content really scrolls inside it; the borders are drawn; an icon stands next to its label, and
 * every one of these buttons still does what a click does.
 */
import { describe, expect, test } from "vitest";
import type { Locator, Page } from "playwright-core";
import { useBrowser } from "./support/fixture.ts";
import { settled } from "./support/in-flight.ts";

const world = useBrowser(8822, new URL("./support/layout-buttons.wrangler.toml", import.meta.url).pathname);

/** An element's computed border (top side) and background. */
const look = (l: Locator) =>
  l.evaluate((e) => {
    const s = getComputedStyle(e);
    return { border: `${s.borderTopWidth} ${s.borderTopStyle}`, borderColor: s.borderTopColor, background: s.backgroundColor };
  });
const TRANSPARENT = "rgba(0, 0, 0, 0)";

/** Clicks and waits for the page that answers (a new document without JavaScript, the client script's swap with it). */
async function clickAndWait(page: Page, js: boolean, target: Locator) {
  if (!js) return Promise.all([page.waitForEvent("load"), target.click()]);
  const answered = page.waitForResponse((r) => r.request().method() === "POST");
  await target.click();
  await answered;
  await settled(page);
}

describe.each([false, true])("JavaScript %s", (js) => {
  test("a container with height 200 is 200 pixels tall, bordered, and its 60 lines scroll inside it", async () => {
    const { context, page } = await world.person("/", { js });
    const box = page.locator(".fl-main .fl-container.fl-scroll");
    const size = await box.evaluate((e) => ({ offset: (e as HTMLElement).offsetHeight, client: e.clientHeight, scroll: e.scrollHeight }));
    expect(size.offset).toBe(200);
    expect(size.client).toBeGreaterThanOrEqual(196); // the border's pixels
    expect(size.scroll).toBeGreaterThan(size.client * 3);
    expect((await look(box)).border).toBe("1px solid");
    // the last line is out of sight until the box is scrolled, then in sight, and the page did not move
    const last = page.getByText("Line 60", { exact: true });
    const inBox = () => Promise.all([box.boundingBox(), last.boundingBox()]).then(([b, l]) => l!.y >= b!.y && l!.y + l!.height <= b!.y + b!.height);
    expect(await inBox()).toBe(false);
    await box.evaluate((e) => e.scrollTo(0, e.scrollHeight));
    expect(await inBox()).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await context.close();
  });

  test("bordered columns and a bordered metric show a border", async () => {
    const { context, page } = await world.person("/", { js });
    const columns = page.locator(".fl-main .fl-column");
    expect(await columns.count()).toBe(2);
    for (const i of [0, 1]) expect((await look(columns.nth(i))).border).toBe("1px solid");
    expect((await look(page.locator("[data-kind=metric]"))).border).toBe("1px solid");
    await context.close();
  });

  test("a button with an icon shows it left of its label, keeps its name, and its click reaches the run", async () => {
    const { context, page } = await world.person("/", { js });
    const save = page.getByRole("button", { name: "Save", exact: true });
    const [icon, label] = await Promise.all([save.locator(".fl-icon").boundingBox(), save.locator(".fl-button-label").boundingBox()]);
    expect(icon!.width).toBeGreaterThan(0);
    expect(icon!.x + icon!.width).toBeLessThanOrEqual(label!.x);
    expect(Math.abs(icon!.y + icon!.height / 2 - (label!.y + label!.height / 2))).toBeLessThan(6); // on one line
    // a Material icon with no stand-in character shows its name on a chip (no icon font is
    // loaded), hidden from the button's name
    const like = page.getByRole("button", { name: "Like", exact: true });
    expect(await like.locator(".fl-icon").innerText()).toBe("thumb up");
    await clickAndWait(page, js, save);
    await page.getByText("Saved with the icon button").waitFor();
    await context.close();
  });

  test("a primary button is filled with the accent colour and has white text, also under the pointer", async () => {
    const { context, page } = await world.person("/", { js });
    const go = page.getByRole("button", { name: "Go", exact: true });
    const plain = await look(page.getByRole("button", { name: "Like", exact: true }));
    const filled = await look(go);
    expect(filled.background).not.toBe(plain.background);
    expect(filled.background).toBe(filled.borderColor);
    await go.hover();
    expect(await go.evaluate((e) => getComputedStyle(e).color)).toBe("rgb(255, 255, 255)");
    await context.close();
  });

  test("a tertiary button has no border or background, and its click reaches the run", async () => {
    const { context, page } = await world.person("/", { js });
    const quiet = page.getByRole("button", { name: "Quiet", exact: true });
    const plain = await look(page.getByRole("button", { name: "Like", exact: true }));
    expect(plain.borderColor).not.toBe(TRANSPARENT); // a secondary button is outlined: the tertiary's look is its own
    const tertiary = await look(quiet);
    expect({ borderColor: tertiary.borderColor, background: tertiary.background }).toEqual({ borderColor: TRANSPARENT, background: TRANSPARENT });
    await clickAndWait(page, js, quiet);
    await page.getByText("Quiet button clicked").waitFor();
    await context.close();
  });

  test("a form's submit button with an icon submits the form", async () => {
    const { context, page } = await world.person("/", { js });
    await page.getByRole("textbox", { name: "Name" }).fill("Ada");
    const send = page.getByRole("button", { name: "Send", exact: true });
    expect(await send.locator(".fl-icon").getAttribute("data-icon")).toBe("send");
    await clickAndWait(page, js, send);
    await page.getByText("Sent by Ada").waitFor();
    await context.close();
  });
});
