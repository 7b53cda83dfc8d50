/**
 * An app's own light and dark themes in Chromium, with JavaScript off and on: the visitor's
 * colour scheme (emulated) chooses the theme by CSS alone, real elements take its colours (the
 * page, the sidebar, a primary button, a link), st.context.theme agrees with what is shown, and
 * axe finds nothing serious in either scheme.
 */
import { describe, expect, test } from "vitest";
import { useBrowser } from "./support/fixture.ts";
import { seriousViolations } from "./support/axe.ts";
import { THEME } from "./support/theme-worker.ts";

const world = useBrowser(8866, new URL("./support/theme.wrangler.toml", import.meta.url).pathname, { inspectorPort: 8867 });

/** "#rrggbb" as Chromium reports a computed colour. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

describe.each(["light", "dark"] as const)("the %s scheme", (scheme) => {
  const theme = THEME[scheme];

  describe.each([false, true])("JavaScript %s", (js) => {
    test("the page, the sidebar, a primary button and a link take the scheme's theme colours", async () => {
      const { context, page } = await world.person("/", { js, colorScheme: scheme });
      await page.getByRole("heading", { name: "Themed" }).waitFor();
      const seen = await page.evaluate(() => {
        const style = (el: Element) => getComputedStyle(el);
        const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Go")!;
        const link = [...document.querySelectorAll("main a")].find((a) => a.textContent === "the guide")!;
        return {
          body: style(document.body).backgroundColor,
          text: style(document.querySelector("main p")!).color,
          sidebar: style(document.querySelector(".fl-sidebar")!).backgroundColor,
          button: style(button).backgroundColor,
          buttonText: style(button).color,
          buttonRadius: style(button).borderTopLeftRadius,
          link: style(link).color,
          sidebarLink: style(document.querySelector(".fl-sidebar a")!).color,
          input: style(document.querySelector("input[type=text]")!).borderTopLeftRadius,
        };
      });
      expect(seen).toEqual({
        body: rgb(theme.backgroundColor),
        text: rgb(theme.textColor),
        sidebar: rgb(theme.sidebar.backgroundColor),
        button: rgb(theme.primaryColor),
        // white on the dark blue, near-black on the light one: the text that reads on each
        buttonText: scheme === "light" ? "rgb(255, 255, 255)" : rgb("#0e1117"),
        buttonRadius: "16px",
        link: rgb(theme.linkColor),
        sidebarLink: rgb(theme.linkColor),
        input: "4px",
      });
      await context.close();
    });
  });

  test("st.context.theme is the scheme shown, once the page has asked for the hint (JavaScript off)", async () => {
    const { context, page } = await world.person("/", { js: false, colorScheme: scheme });
    // the first request cannot carry a hint no page has asked for yet
    await page.reload();
    await expect.poll(() => page.getByText(`scheme=${scheme}`).count()).toBe(1);
    await context.close();
  });

  test("has no serious or critical axe violations", async () => {
    const { context, page } = await world.person("/", { js: "no-script", bypassCSP: true, colorScheme: scheme, viewport: { width: 1200, height: 900 } });
    await page.getByRole("heading", { name: "Themed" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe.each([false, true])("a lone theme on the dark base, JavaScript %s", (js) => {
  test("is dark for a visitor who prefers light, and st.context.theme says dark", async () => {
    const { context, page } = await world.person("/lone", { js, colorScheme: "light" });
    await page.getByRole("heading", { name: "Always dark" }).waitFor();
    const seen = await page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      button: getComputedStyle(document.querySelector(".fl-button-primary")!).backgroundColor,
    }));
    expect(seen).toEqual({ body: rgb("#0e1117"), button: rgb("#93c5fd") });
    await expect.poll(() => page.getByText("scheme=dark").count()).toBe(1);
    await context.close();
  });
});

test("a lone theme on the dark base has no serious or critical axe violations", async () => {
  const { context, page } = await world.person("/lone", { js: "no-script", bypassCSP: true, colorScheme: "light" });
  await page.getByRole("heading", { name: "Always dark" }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});
