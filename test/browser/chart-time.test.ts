/**
 * Charts with dates and times on x, as Chromium lays them out (JavaScript off and on; the charts
 * are server-drawn SVG either way): every x tick label is readable text (a day, a month, a time,
 * a year; never an ISO string), lies wholly inside its SVG, and does not overlap its neighbours.
 */
import { describe, expect, test } from "vitest";
import { useBrowser } from "./support/fixture.ts";

const world = useBrowser(8825, new URL("./support/charts.wrangler.toml", import.meta.url).pathname);

interface Box { left: number; right: number; top: number; bottom: number }
interface Label extends Box { text: string }

/** Per chart: its SVG's box and its x axis's labels (text and box), as drawn. */
const layout = (page: import("playwright-core").Page) =>
  page.locator("svg.fl-chart-svg").evaluateAll((svgs) =>
    svgs.map((svg) => {
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      };
      const labels = [...svg.querySelectorAll(".fl-chart-axis text[text-anchor=middle]")].map((t) => ({ text: t.textContent ?? "", ...box(t) }));
      return { svg: box(svg), labels };
    }),
  );

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe.each([false, true])("JavaScript %s", (js) => {
  test("time axis labels are readable dates and times, inside their SVG, never overlapping", async () => {
    const { context, page } = await world.person("/", { js });
    const charts = await layout(page);
    expect(charts).toHaveLength(4);
    const texts = charts.map((c) => c.labels.map((l) => l.text));
    expect(texts[0]!.slice(0, 2)).toEqual(["Jan 1", "2024"]);
    expect(texts[1]).toEqual(expect.arrayContaining(["Dec", "2023", "Jan", "2024", "Feb", "Mar", "Apr"]));
    expect(texts[2]).toEqual(expect.arrayContaining(["23:30", "Mar 5, 2024", "00:00", "Mar 6, 2024"]));
    expect(texts[3]).toEqual(expect.arrayContaining(["2020", "2022", "2024"]));
    for (const [i, { svg, labels }] of charts.entries()) {
      for (const l of labels) {
        expect(l.text, `chart ${i}`).toMatch(/^(\d{2}:\d{2}|[A-Z][a-z]{2}( \d{1,2})?(, \d{4})?|\d{4})$/);
        expect(l.right - l.left, `chart ${i} "${l.text}" has a width`).toBeGreaterThan(5);
        expect(l.left, `chart ${i} "${l.text}" left`).toBeGreaterThanOrEqual(svg.left);
        expect(l.right, `chart ${i} "${l.text}" right`).toBeLessThanOrEqual(svg.right);
        expect(l.bottom, `chart ${i} "${l.text}" bottom`).toBeLessThanOrEqual(svg.bottom);
      }
      labels.forEach((a: Label, j) => labels.slice(j + 1).forEach((b: Label) => expect(overlap(a, b), `chart ${i}: "${a.text}" and "${b.text}"`).toBe(false)));
    }
    await context.close();
  });
});
