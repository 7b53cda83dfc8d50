/**
 * Streamlit's Markdown extras in Chromium, with JavaScript off and on: coloured text and a
 * background are drawn in colour, icons show in the title, the navigation and the text (never as
 * `:material/...:`), and LaTeX is drawn as math. Every colour of the palette, in every form, reads
 * well enough for axe in light and dark schemes.
 */
import { describe, expect, test } from "vitest";
import { useBrowser } from "./support/fixture.ts";
import { seriousViolations } from "./support/axe.ts";

const world = useBrowser(8820, new URL("./support/markdown.wrangler.toml", import.meta.url).pathname);

describe.each([false, true])("JavaScript %s", (js) => {
  test("coloured text and a background are drawn in colour; icons, the emoji and math show, no Markdown syntax is left in sight", async () => {
    const { context, page } = await world.person("/", { js });
    const main = page.locator("main");
    await expect.poll(() => main.locator("h1").count(), { timeout: 15_000 }).toBe(1);

    const colours = await page.evaluate(() => {
      const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
      return { text: style("main .fl-markdown p").color, red: style(".fl-md-color.fl-c-red").color, page: style("main").backgroundColor, blue: style(".fl-md-bg.fl-c-blue").backgroundColor };
    });
    expect(colours.red).not.toBe(colours.text);
    expect(colours.blue).not.toBe("rgba(0, 0, 0, 0)");
    expect(colours.blue).not.toBe(colours.page);

    // what a person reads: the words, the icons' characters, the emoji; no syntax
    const shown = await page.locator("body").innerText();
    expect(shown).toContain("red text");
    expect(shown).toContain("on blue");
    expect(shown).toContain("😄");
    for (const syntax of [":material/", ":red[", ":blue-background[", ":smile:", "$"]) expect(shown).not.toContain(syntax);

    // icons: named in the text and the title, hidden beside the navigation's labels
    await expect.poll(() => page.getByRole("img", { name: "star icon" }).isVisible()).toBe(true);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("⌂ Home");
    expect(await page.getByRole("heading", { level: 1, name: "home icon Home" }).count()).toBe(1);
    const nav = page.locator(".fl-nav a.fl-nav-link");
    expect(await nav.allInnerTexts()).toEqual(["⌂ Home", "⚙︎ Settings"]);
    expect(await page.getByRole("link", { name: "Settings", exact: true }).count()).toBe(1);

    // math: an inline formula and a block, drawn with width
    const maths = await main.locator("math").evaluateAll((els) => els.map((m) => ({ block: m.getAttribute("display") === "block", wide: m.getBoundingClientRect().width > 5 })));
    expect(maths).toEqual([
      { block: false, wide: true },
      { block: true, wide: true },
    ]);
    await context.close();
  });
});

describe.each(["light", "dark"] as const)("in %s mode", (scheme) => {
  test("every colour, background and badge of the palette, and the icons, have no serious or critical axe violations", async () => {
    // the page as without JavaScript (axe needs scripts on: only the app's own is blocked)
    const { context, page } = await world.person("/", { js: "no-script", bypassCSP: true, colorScheme: scheme });
    expect(await page.locator(".fl-md-badge").count()).toBe(8);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
