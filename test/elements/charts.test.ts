/**
 * st.lineChart, st.barChart, st.areaChart and st.scatterChart: server-rendered SVG, read back over
 * HTTP like a browser without JavaScript would get it; the scales are unit-tested directly.
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";
import { niceScale, niceStep, formatTick, formatNumber, band } from "../../src/elements/chart/scale.ts";
import { MAX_POINTS } from "../../src/elements/chart/model.ts";
import { chartsCss } from "../../src/elements/charts.ts";

type El = any;

async function page(entrypoint: () => void | Promise<void>): Promise<FormClient> {
  const client = new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint }));
  await client.get("/");
  expect(client.status).toBe(200);
  return client;
}

function figures(client: FormClient): El[] {
  return [...client.doc.querySelectorAll("figure.fl-chart")];
}

/** The only chart on the page, checked for an accessible SVG; its parts. */
function only(client: FormClient) {
  expect(client.exceptions()).toEqual([]);
  const figs = figures(client);
  expect(figs).toHaveLength(1);
  return parts(client, figs[0]);
}

function parts(client: FormClient, fig: El) {
  const svg = fig.querySelector("svg.fl-chart-svg");
  expect(svg, "svg").toBeTruthy();
  expect(svg.getAttribute("role")).toBe("img");
  const ids = svg.getAttribute("aria-labelledby").split(" ");
  expect(ids).toHaveLength(2);
  const [titleEl, descEl] = ids.map((id: string) => client.doc.getElementById(id));
  expect(titleEl?.tagName.toLowerCase()).toBe("title");
  expect(descEl?.tagName.toLowerCase()).toBe("desc");
  expect(titleEl.parentNode).toBe(svg);
  const table = fig.querySelector("details.fl-chart-data table");
  return {
    fig,
    svg,
    title: titleEl.textContent as string,
    desc: descEl.textContent as string,
    all: (sel: string): El[] => [...fig.querySelectorAll(sel)],
    legend: [...fig.querySelectorAll(".fl-chart-legend li")].map((li: El) => li.textContent),
    headers: table ? [...table.querySelectorAll("thead th")].map((th: El) => th.textContent) : null,
    rows: table ? [...table.querySelectorAll("tbody tr")].map((tr: El) => [...tr.children].map((c: El) => c.textContent)) : null,
    summary: fig.querySelector("details.fl-chart-data summary")?.textContent ?? null,
  };
}

/** The numbers in a path's d attribute, as [x, y] pairs per subpath (M starts one). */
function subpaths(d: string): number[][][] {
  return d
    .split("M")
    .filter(Boolean)
    .map((sub) => {
      const nums = sub.replace(/h0|Z/g, "").split(/[L,]/).map(Number);
      const pts: number[][] = [];
      for (let i = 0; i < nums.length; i += 2) pts.push([nums[i]!, nums[i + 1]!]);
      return pts;
    });
}

const num = (el: El, attr: string) => Number(el.getAttribute(attr));

const MONTHS = Array.from({ length: 12 }, (_, i) => ({
  month: `2024-${String(i + 1).padStart(2, "0")}`,
  sales: 10 + i * 6,
  costs: i % 3 === 0 ? null : 5 + i,
  region: i % 2 ? "north" : "south",
}));

// ---- scales --------------------------------------------------------------------------------------

describe("scales", () => {
  test("nice domains with round ticks", () => {
    expect(niceScale(0, 87)).toEqual({ min: 0, max: 100, step: 20, ticks: [0, 20, 40, 60, 80, 100] });
    expect(niceScale(-3.2, 0.7)).toMatchObject({ min: -4, max: 1, step: 1 });
    expect(niceScale(0, 0.3).ticks).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(niceScale(0, 1e9, 4).ticks).toEqual([0, 2e8, 4e8, 6e8, 8e8, 1e9]);
    // a single value and nothing at all still make an axis
    expect(niceScale(0, 0)).toMatchObject({ min: 0, max: 1 });
    expect(niceScale(5, 5).ticks.length).toBeGreaterThanOrEqual(2);
    expect(niceScale(NaN, Infinity)).toMatchObject({ min: 0, max: 1 });
  });

  test("ticks are multiples of 1, 2 or 5 x 10^n, cover the data and number about as many as asked", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < 500; k++) {
      const scale = 10 ** Math.floor(rand() * 16 - 8);
      const a = (rand() - 0.3) * scale * 100;
      const b = a + rand() * scale * 100 + scale * 1e-3;
      const count = 2 + Math.floor(rand() * 8);
      const s = niceScale(a, b, count);
      const mantissa = Number((s.step / 10 ** Math.floor(Math.log10(s.step))).toPrecision(6));
      expect([1, 2, 5]).toContain(mantissa);
      expect(s.min).toBeLessThanOrEqual(a);
      expect(s.max).toBeGreaterThanOrEqual(b);
      expect(s.ticks[0]).toBe(s.min);
      expect(s.ticks.at(-1)).toBe(s.max);
      expect(s.ticks.length).toBeGreaterThanOrEqual(2);
      expect(s.ticks.length).toBeLessThanOrEqual(count * 2.5 + 2);
      for (const t of s.ticks) {
        // each tick is a whole number of steps, written without float noise
        expect(Math.abs(t / s.step - Math.round(t / s.step))).toBeLessThan(1e-6);
        expect(t).toBe(Number(t.toPrecision(12)));
      }
    }
  });

  test("unniced ticks stay inside the domain; integer scales never step below 1", () => {
    const s = niceScale(0.4, 9.6, 5, { nice: false });
    expect(s.min).toBe(0.4);
    expect(s.max).toBe(9.6);
    expect(s.ticks).toEqual([2, 4, 6, 8]);
    expect(niceScale(0, 3, 10, { nice: false, integer: true }).ticks).toEqual([0, 1, 2, 3]);
  });

  test("steps, labels and bands", () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(1, 10)).toBe(0.1);
    expect(niceStep(0.003, 3)).toBe(0.001);
    expect(formatTick(1500, 500)).toBe("1,500");
    expect(formatTick(-1234567, 1e6)).toBe("-1,234,567");
    expect(formatTick(0.25, 0.05)).toBe("0.25");
    expect(formatTick(0.1 + 0.2, 0.1)).toBe("0.3");
    expect(formatTick(-0.00001, 0.1)).toBe("0.0");
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(1234567.891)).toBe("1,234,570");
    expect(formatNumber(-2.5)).toBe("-2.5");
    const b = band(4, [0, 100], 0.2);
    expect(b.step).toBe(25);
    expect(b.bandwidth).toBe(20);
    expect(b.start(1)).toBe(27.5);
    expect(b.center(3)).toBe(87.5);
  });
});

// ---- each kind -----------------------------------------------------------------------------------

describe("st.lineChart", () => {
  test("one path per series, gaps at nulls, legend, title, desc and the data as a table", async () => {
    const client = await page(() => st.lineChart(MONTHS, { x: "month", y: ["sales", "costs"] }));
    const c = only(client);
    expect(c.fig.getAttribute("data-kind")).toBe("line_chart");
    expect(c.title).toBe("Line chart of sales, costs by month");
    expect(c.desc).toContain("2 series over 12 points");
    expect(c.desc).toContain("sales from 10 to 76");
    expect(c.desc).toContain("costs from 6 to 16");
    expect(c.desc).toContain("month from 2024-01 to 2024-12");

    // only the marks carry mark classes (a figure with one would pass its stroke to every label)
    const lines = c.all(".fl-chart-line");
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.tagName.toLowerCase() === "path")).toBe(true);
    const [sales, costs] = lines.map((p) => subpaths(p.getAttribute("d")));
    expect(sales).toHaveLength(1);
    expect(sales![0]).toHaveLength(12);
    // costs is null at rows 0, 3, 6, 9: four runs of two points
    expect(costs!.map((run) => run.length)).toEqual([2, 2, 2, 2]);
    // sales rises: y (SVG, downwards) falls
    const ys = sales![0]!.map(([, y]) => y!);
    expect(ys).toEqual([...ys].sort((a, b) => b - a));

    expect(c.legend).toEqual(["sales", "costs"]);
    const classes = c.all(".fl-chart-series").map((g) => g.getAttribute("class"));
    expect(classes).toEqual(["fl-chart-series fl-chart-s0", "fl-chart-series fl-chart-s1"]);

    expect(c.headers).toEqual(["month", "sales", "costs"]);
    expect(c.rows).toHaveLength(12);
    expect(c.rows![0]).toEqual(["2024-01", "10", ""]);
    expect(c.rows![11]).toEqual(["2024-12", "76", "16"]);

    // axes: labelled, y ticks round and starting at zero
    const tickLabels = c.all(".fl-chart-axis text").map((t) => t.textContent);
    expect(tickLabels.slice(0, 5)).toEqual(["0", "20", "40", "60", "80"]);
    expect(c.all("text.fl-chart-label").map((t) => t.textContent)).toEqual(["month", "sales, costs"]);
    expect(c.all(".fl-chart-grid line").length).toBeGreaterThanOrEqual(5);
  });

  test("defaults: x is the row index, y every numeric column; one series has no legend", async () => {
    const client = await page(() => st.lineChart({ label: ["a", "b", "c"], value: [3, 1, 2] }));
    const c = only(client);
    expect(c.title).toBe("Line chart of value by index");
    expect(c.all("path.fl-chart-line")).toHaveLength(1);
    expect(c.fig.querySelector(".fl-chart-legend")).toBeNull();
    expect(c.headers).toEqual(["index", "value"]);
    expect(c.rows).toEqual([
      ["0", "3"],
      ["1", "1"],
      ["2", "2"],
    ]);
    // the index axis steps by whole numbers
    const xTicks = c.all(".fl-chart-axis text").filter((t) => t.getAttribute("text-anchor") === "middle");
    expect(xTicks.map((t) => t.textContent)).toEqual(["0", "1", "2"]);
  });

  test("a color column splits the data into series, named in a titled legend", async () => {
    const client = await page(() => st.lineChart(MONTHS, { x: "month", y: "sales", color: "region" }));
    const c = only(client);
    expect(c.legend).toEqual(["south", "north"]);
    expect(c.fig.querySelector(".fl-chart-legend-title").textContent).toBe("region");
    expect(c.all("path.fl-chart-line")).toHaveLength(2);
    expect(c.desc).toContain("2 series");
    expect(c.headers).toEqual(["month", "sales", "region"]);
  });

  test("ISO date strings on x are a time axis (see chart-time.test.ts): the line runs in time order, not row order", async () => {
    const data = { day: ["2024-03-01", "2024-01-01", "2024-02-01"], n: [1, 2, 3] };
    const c = only(await page(() => st.lineChart(data, { x: "day" })));
    const xTicks = c.all(".fl-chart-axis text").filter((t) => t.getAttribute("text-anchor") === "middle");
    const labels = xTicks.map((t) => t.textContent);
    expect(labels.slice(0, 2)).toEqual(["Jan 1", "2024"]);
    expect(labels.filter((l) => /\d{4}-/.test(l))).toEqual([]);
    const [pts] = subpaths(c.all("path.fl-chart-line")[0].getAttribute("d"));
    const xs = pts!.map(([x]) => x!);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });
});

describe("st.barChart", () => {
  const data = { fruit: ["apples", "pears", "plums"], a: [1, 2, -3], b: [4, null, 6] };

  test("grouped bars (stack: false): a rect per value, side by side within each category, negative bars below zero", async () => {
    const c = only(await page(() => st.barChart(data, { x: "fruit", stack: false })));
    expect(c.fig.getAttribute("data-kind")).toBe("bar_chart");
    expect(c.title).toBe("Bar chart of a, b by fruit");
    const [a, b] = c.all(".fl-chart-series").map((g) => [...g.querySelectorAll("rect.fl-chart-bar")]);
    expect(a).toHaveLength(3);
    expect(b).toHaveLength(2); // null is no bar
    expect(c.legend).toEqual(["a", "b"]);
    // same width, b right of a in the same category
    expect(num(a![0], "width")).toBe(num(b![0], "width"));
    expect(num(b![0], "x")).toBeGreaterThanOrEqual(num(a![0], "x") + num(a![0], "width"));
    // ... and the group stays inside its category: before the next category's first bar
    expect(num(b![0], "x") + num(b![0], "width")).toBeLessThan(num(a![1], "x"));
    // heights proportional to values; the negative bar starts at the zero line
    expect(num(a![1], "height") / num(a![0], "height")).toBeCloseTo(2, 1);
    const zero = num(c.fig.querySelector(".fl-chart-zero"), "y1");
    expect(num(a![2], "y")).toBeCloseTo(zero, 0);
    expect(num(a![0], "y") + num(a![0], "height")).toBeCloseTo(zero, 0);
    // categories on x, in order
    const xTicks = c.all(".fl-chart-axis text").filter((t) => t.getAttribute("text-anchor") === "middle");
    expect(xTicks.map((t) => t.textContent)).toEqual(["apples", "pears", "plums"]);
    expect(c.rows).toEqual([
      ["apples", "1", "4"],
      ["pears", "2", ""],
      ["plums", "-3", "6"],
    ]);
  });

  test("bars stack by default, as in Streamlit: one bar per category", async () => {
    const c = only(await page(() => st.barChart({ a: [1, 2], b: [3, 4] })));
    const [a, b] = c.all(".fl-chart-series").map((g) => [...g.querySelectorAll("rect")]);
    expect(num(a![0], "x")).toBe(num(b![0], "x"));
    // b sits on top of a
    expect(num(b![0], "y") + num(b![0], "height")).toBeCloseTo(num(a![0], "y"), 0);
    expect(c.desc).toContain("bars stacked");
  });
});

describe("st.areaChart", () => {
  test("stacked by default, as Streamlit: one filled area per series, each on top of the one before", async () => {
    const c = only(await page(() => st.areaChart({ x: [1, 2, 3, 4], a: [1, 2, 3, 4], b: [2, 2, 2, 2] }, { x: "x" })));
    expect(c.fig.getAttribute("data-kind")).toBe("area_chart");
    const areas = c.all(".fl-chart-area");
    expect(areas).toHaveLength(2);
    expect(areas.every((a) => a.tagName.toLowerCase() === "path")).toBe(true);
    expect(c.fig.querySelector(".fl-chart-marks").getAttribute("class")).toContain("fl-chart-stacked");
    expect(c.desc).toContain("areas stacked");
    const edges = c.all("path.fl-chart-edge").map((p) => subpaths(p.getAttribute("d"))[0]!);
    // b's top edge is above a's (smaller SVG y) by b's value everywhere
    for (let i = 0; i < 4; i++) expect(edges[1]![i]![1]!).toBeLessThan(edges[0]![i]![1]!);
    // the y axis reaches the stacked total (6), not just the largest value
    const tickLabels = c.all(".fl-chart-axis text").filter((t) => t.getAttribute("text-anchor") === "end").map((t) => Number(t.textContent));
    expect(Math.max(...tickLabels)).toBeGreaterThanOrEqual(6);
  });

  test("stack: false overlaps the areas down to zero, with gaps at nulls", async () => {
    const c = only(await page(() => st.areaChart({ a: [1, null, 3, 4], b: [2, 2, 2, 2] }, { stack: false })));
    expect(c.fig.querySelector(".fl-chart-marks").getAttribute("class")).not.toContain("fl-chart-stacked");
    const [a] = c.all("path.fl-chart-area").map((p) => subpaths(p.getAttribute("d")));
    expect(a).toHaveLength(2); // two runs around the null
  });
});

describe("st.scatterChart", () => {
  test("a circle per point; a size column sizes them; a color column splits them", async () => {
    const data = [
      { w: 1, h: 2, s: 1, kind: "x" },
      { w: 2, h: 4, s: 4, kind: "y" },
      { w: 3, h: null, s: 9, kind: "x" },
      { w: 4, h: 1, s: 16, kind: "y" },
    ];
    const c = only(await page(() => st.scatterChart(data, { x: "w", y: "h", size: "s", color: "kind" })));
    expect(c.fig.getAttribute("data-kind")).toBe("scatter_chart");
    const circles = c.all("circle.fl-chart-point");
    expect(circles).toHaveLength(3);
    expect(c.legend).toEqual(["x", "y"]);
    const r = circles.map((e) => num(e, "r"));
    const [x1, y1, y2] = r; // series x: rows 0 (s 1); series y: rows 1 (s 4), 3 (s 16)
    expect(y2).toBeGreaterThan(y1!);
    expect(y1).toBeGreaterThan(x1!);
    expect(c.headers).toEqual(["w", "h", "kind", "s"]);
    expect(c.title).toBe("Scatter chart of h by w, per kind");
  });

  test("without size every point has the same radius", async () => {
    const c = only(await page(() => st.scatterChart({ a: [5, 1, 3], b: [1, 2, 3] }, { x: "a", y: "b" })));
    const r = c.all("circle").map((e) => e.getAttribute("r"));
    expect(r).toHaveLength(3);
    expect(new Set(r).size).toBe(1);
  });
});

// ---- the page around charts ----------------------------------------------------------------------

describe("charts on a page", () => {
  test("ids are unique within the page and each svg names its own title and desc", async () => {
    const client = await page(() => {
      st.sidebar.barChart({ a: [1] });
      st.lineChart({ a: [1, 2] });
      st.lineChart({ a: [1, 2] });
    });
    const figs = figures(client);
    expect(figs).toHaveLength(3);
    const ids = [...client.doc.querySelectorAll("[id]")].map((e: El) => e.getAttribute("id"));
    expect(new Set(ids).size).toBe(ids.length);
    const named = figs.map((f) => parts(client, f).svg.getAttribute("aria-labelledby"));
    expect(new Set(named).size).toBe(3);
  });

  test("hostile labels are escaped everywhere", async () => {
    const evil = `<script>alert(1)</script>"&'`;
    const client = await page(() =>
      st.barChart(
        { [evil]: [evil, "ok"], [`v${evil}`]: [1, 2], c: [evil, "x"] },
        { x: evil, color: "c", title: evil, xLabel: evil, yLabel: evil },
      ),
    );
    const c = only(client);
    expect(client.doc.querySelectorAll("script:not([src])")).toHaveLength(0);
    expect(client.html).not.toContain("<script>alert");
    expect(c.title).toBe(evil);
    expect(c.fig.querySelector("figcaption").textContent).toBe(evil);
    expect(c.legend).toContain(evil);
    expect(c.headers).toEqual([evil, `v${evil}`, "c"]);
    expect(c.rows![0]).toEqual([evil, "1", evil]);
    expect(c.all("text.fl-chart-label").map((t) => t.textContent)).toEqual([evil, evil]);
    expect(c.all("[data-series]").map((g) => g.getAttribute("data-series"))).toEqual([evil, "x"]);
  });

  test("empty data is an empty chart with a message, not an error", async () => {
    for (const data of [[], {}, { a: [] }]) {
      const client = await page(() => st.lineChart(data as any));
      const c = only(client);
      expect(c.desc).toBe("No data to display.");
      expect(c.fig.querySelector("text.fl-chart-message").textContent).toBe("No data to display.");
      expect(c.all("path, rect.fl-chart-bar, circle")).toHaveLength(0);
      expect(c.all(".fl-chart-axis line").length).toBeGreaterThan(0);
      expect(c.rows).toBeNull();
    }
    const c = only(await page(() => st.barChart({ name: ["a", "b"] })));
    expect(c.desc).toBe("No numeric columns to plot.");
    const nulls = only(await page(() => st.scatterChart({ a: [null, NaN] }, { y: "a" })));
    expect(nulls.desc).toBe("No values to plot.");
  });

  test("a y column that is not numeric is a StreamlitAPIException naming the column", async () => {
    const client = await page(() => {
      st.text("before");
      st.lineChart({ name: ["ann", "bob"], score: [1, 2] }, { y: ["score", "name"] });
      st.text("after");
    });
    expect(client.texts()).toEqual(["before"]);
    const [e] = client.exceptions();
    expect(e!.type).toBe("StreamlitAPIException");
    expect(e!.message).toContain('column "name"');
    expect(e!.message).toContain("st.line_chart");
    expect(e!.message).toContain("'ann'");
  });

  test("a column that does not exist is Streamlit's StreamlitColumnNotFoundError", async () => {
    const client = await page(() => st.areaChart({ a: [1], b: [2] }, { x: "nope" }));
    expect(client.exceptions()).toEqual([
      { type: "StreamlitColumnNotFoundError", message: 'Data does not have a column named `"nope"`. Available columns are `a, b`' },
    ]);
  });

  test("big data is thinned to at most MAX_POINTS points, and the description says so", async () => {
    const n = 12_000;
    const client = await page(() => st.scatterChart({ v: Array.from({ length: n }, (_, i) => Math.sin(i / 100)) }));
    const c = only(client);
    const circles = c.all("circle").length;
    expect(circles).toBeLessThanOrEqual(MAX_POINTS);
    expect(circles).toBeGreaterThan(MAX_POINTS / 2);
    expect(c.desc).toContain("showing every 3rd row");
    expect(c.desc).toContain(`of 12,000 points`);
    expect(c.summary).toBe("Data table (first 1,000 of 12,000 rows)");
    expect(c.rows).toHaveLength(1000);
    expect(client.html.length).toBeLessThan(1_000_000);
  });

  test("width and height: fixed size, or the container's width through the viewBox", async () => {
    const client = await page(() => {
      st.lineChart({ a: [1, 2] });
      st.lineChart({ a: [1, 2] }, { width: 400, height: 200 });
    });
    const [fluid, fixed] = figures(client).map((f) => f.querySelector("svg"));
    expect(fluid.getAttribute("viewBox")).toBe("0 0 640 300");
    expect(fluid.getAttribute("width")).toBe("100%");
    expect(fixed.getAttribute("viewBox")).toBe("0 0 400 200");
    expect(fixed.getAttribute("width")).toBe("400");
    expect(fixed.getAttribute("height")).toBe("200");
  });

  test("colours: palette classes for light and dark in the theme, or the app's own colours", async () => {
    expect(chartsCss).toMatch(/\.fl-chart\{[^}]*--fl-chart-0:/);
    expect(chartsCss).toMatch(/@media \(prefers-color-scheme:dark\)\{\.fl-chart\{[^}]*--fl-chart-0:/);
    expect(chartsCss).toContain(".fl-chart-s9{--c:var(--fl-chart-9)}");

    const client = await page(() => st.lineChart({ a: [1, 2], b: [2, 1] }, { color: ["#ff0000", "rgb(0, 128, 0)"] }));
    expect(await client.stylesheet()).toContain("--fl-chart-0:");
    const groups = only(client).all(".fl-chart-series");
    expect(groups.map((g) => [g.getAttribute("class"), g.getAttribute("color")])).toEqual([
      ["fl-chart-series", "#ff0000"],
      ["fl-chart-series", "rgb(0, 128, 0)"],
    ]);

    const bad = await page(() => st.lineChart({ a: [1] }, { color: "red;}</style>" }));
    expect(bad.exceptions()[0]!.message).toContain("does not look like a valid color");
    const short = await page(() => st.lineChart({ a: [1], b: [2] }, { color: ["#ff0000"] }));
    expect(short.exceptions()[0]!.type).toBe("StreamlitColorLengthError");
  });
});

describe("the isolate's chart memo, shared by every user", () => {
  // Two series names whose memo key texts, ["line","fl-chart-0",{"<name>":[1,2,3]},{}], have the
  // same length and the same 53-bit cyrb53 hash (found offline by a distinguished-point search).
  const COLLIDING = ["mBlzqaFqwne", "dBmozgFprre"] as const;

  test("two users' charts whose data differ but whose old memo keys collide each get their own chart", async () => {
    const [mine, theirs] = COLLIDING;
    const { digest } = await import("../../src/engine/widget-id.ts");
    const keyText = (name: string) => JSON.stringify(["line", "fl-chart-0", { [name]: [1, 2, 3] }, {}]);
    expect(digest(keyText(mine))).toBe(digest(keyText(theirs))); // the collision is real
    const first = await page(() => st.lineChart({ [mine]: [1, 2, 3] }));
    expect(first.html).toContain(mine);
    const second = await page(() => st.lineChart({ [theirs]: [1, 2, 3] }));
    expect(second.html).toContain(theirs);
    expect(second.html).not.toContain(mine);
  });
});
