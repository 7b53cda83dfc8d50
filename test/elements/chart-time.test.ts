/**
 * The built-in charts' time axis: dates and times on x (Date objects, ISO date strings) are drawn
 * on a time scale in UTC, with ticks on whole units labelled for their interval; the tick choice
 * is unit-tested for spans of minutes, days, months and years, and the charts are read back over
 * HTTP as a browser without JavaScript gets them.
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";
import { timeInterval, timeOf, timeText, timeTickLabels, timeTicks } from "../../src/elements/chart/time.ts";

type El = any;
const utc = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

/** The interval, ticks (as ISO text) and labels for a span, about `count` ticks wanted. */
function axis(from: string, to: string, count = 6) {
  const iv = timeInterval(utc(from), utc(to), count);
  const ticks = timeTicks(utc(from), utc(to), iv);
  return { iv, ticks: ticks.map(iso), labels: timeTickLabels(ticks, iv) };
}

describe("time ticks", () => {
  test("minutes: every 15 minutes on the quarter hour, labelled with the time and, once, the day", () => {
    const a = axis("2024-03-05T13:52:00Z", "2024-03-05T15:10:00Z", 5);
    expect(a.iv).toEqual({ unit: "minute", step: 15 });
    expect(a.ticks).toEqual(["2024-03-05T14:00:00.000Z", "2024-03-05T14:15:00.000Z", "2024-03-05T14:30:00.000Z", "2024-03-05T14:45:00.000Z", "2024-03-05T15:00:00.000Z"]);
    expect(a.labels).toEqual([["14:00", "Mar 5, 2024"], ["14:15", ""], ["14:30", ""], ["14:45", ""], ["15:00", ""]]);
  });

  test("hours across midnight: the new day is named under its first tick", () => {
    const a = axis("2024-03-05T18:00:00Z", "2024-03-06T06:00:00Z", 4);
    expect(a.iv).toEqual({ unit: "hour", step: 3 });
    expect(a.labels).toEqual([["18:00", "Mar 5, 2024"], ["21:00", ""], ["00:00", "Mar 6, 2024"], ["03:00", ""], ["06:00", ""]]);
  });

  test("days: every other day of the month (1, 3, 5...), labelled by day, the year once", () => {
    const a = axis("2024-02-26", "2024-03-06", 5);
    expect(a.iv).toEqual({ unit: "day", step: 2 });
    expect(a.ticks).toEqual(["2024-02-27", "2024-02-29", "2024-03-01", "2024-03-03", "2024-03-05"].map((d) => `${d}T00:00:00.000Z`));
    expect(a.labels.map(([main]) => main)).toEqual(["Feb 27", "Feb 29", "Mar 1", "Mar 3", "Mar 5"]);
    expect(a.labels[0]![1]).toBe("2024");
  });

  test("weeks start on Monday", () => {
    const a = axis("2024-01-01", "2024-02-10", 6);
    expect(a.iv).toEqual({ unit: "week", step: 1 });
    expect(a.ticks.map((t) => new Date(t).getUTCDay())).toEqual(a.ticks.map(() => 1));
    expect(a.labels[0]).toEqual(["Jan 1", "2024"]);
  });

  test("months: calendar months (not 30 days), the year under January and the first tick", () => {
    const a = axis("2023-11-15", "2024-04-20", 6);
    expect(a.iv).toEqual({ unit: "month", step: 1 });
    expect(a.ticks).toEqual(["2023-12-01", "2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"].map((d) => `${d}T00:00:00.000Z`));
    expect(a.labels).toEqual([["Dec", "2023"], ["Jan", "2024"], ["Feb", ""], ["Mar", ""], ["Apr", ""]]);
    expect(axis("2023-01-01", "2024-12-31", 6).iv).toEqual({ unit: "month", step: 3 });
  });

  test("years: whole years, and round multiples of years over long spans", () => {
    const a = axis("2019-06-01", "2024-06-01", 6);
    expect(a.iv).toEqual({ unit: "year", step: 1 });
    expect(a.labels).toEqual([["2020", ""], ["2021", ""], ["2022", ""], ["2023", ""], ["2024", ""]]);
    const long = axis("1903-01-01", "2024-01-01", 6);
    expect(long.iv).toEqual({ unit: "year", step: 20 });
    expect(long.labels.map(([y]) => y)).toEqual(["1920", "1940", "1960", "1980", "2000", "2020"]);
  });

  test("under a second: round numbers of milliseconds", () => {
    const a = axis("2024-03-05T14:00:00.000Z", "2024-03-05T14:00:00.500Z", 5);
    expect(a.iv).toEqual({ unit: "millisecond", step: 100 });
    expect(a.labels.map(([main]) => main)).toEqual(["14:00:00.000", "14:00:00.100", "14:00:00.200", "14:00:00.300", "14:00:00.400", "14:00:00.500"]);
  });

  test("which values are times: valid Dates and ISO dates of real days; a string without an offset is UTC", () => {
    expect(timeOf(new Date("2024-03-05T14:00:00Z"))).toBe(utc("2024-03-05T14:00:00Z"));
    expect(timeOf("2024-03-05")).toBe(utc("2024-03-05T00:00:00Z"));
    expect(timeOf("2024-03-05 14:30")).toBe(utc("2024-03-05T14:30:00Z"));
    expect(timeOf("2024-03-05T14:30:00+01:00")).toBe(utc("2024-03-05T13:30:00Z"));
    for (const no of ["2024-02-30", "2024-13-01", "2024-03-05T25:00", "2024-03", "March 5", "", 20240305, null, new Date("nope")]) {
      expect(timeOf(no), String(no)).toBeUndefined();
    }
    expect(timeText(utc("2024-03-05"))).toBe("Mar 5, 2024");
    expect(timeText(utc("2024-03-05T14:07:00Z"))).toBe("Mar 5, 2024, 14:07 UTC");
    expect(timeText(utc("2024-03-05T14:07:09.250Z"))).toBe("Mar 5, 2024, 14:07:09.250 UTC");
  });
});

// ---- in the page ----------------------------------------------------------------------------------

async function chartOf(entrypoint: () => void) {
  const client = new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint }));
  await client.get("/");
  expect(client.status).toBe(200);
  expect(client.exceptions()).toEqual([]);
  const fig: El = client.doc.querySelector("figure.fl-chart");
  const texts = (sel: string): El[] => [...fig.querySelectorAll(sel)];
  return {
    /** the x axis's labels, first line then second line, in order */
    xLabels: texts(".fl-chart-axis text").filter((t) => t.getAttribute("text-anchor") === "middle").map((t) => t.textContent as string),
    rowHeads: texts("details.fl-chart-data tbody th").map((th) => th.textContent as string),
    tips: texts(".fl-chart-marks title").map((t) => t.textContent as string),
    desc: fig.querySelector("desc").textContent as string,
    texts,
  };
}

/** The x of each vertex of the first line. */
const lineXs = (c: Awaited<ReturnType<typeof chartOf>>) =>
  c.texts("path.fl-chart-line")[0].getAttribute("d").slice(1).split("L").map((p: string) => Number(p.split(",")[0]));

describe("a chart with dates on x", () => {
  test("ISO date strings: positions proportional to time (uneven gaps stay uneven), whole-unit ticks, no ISO text", async () => {
    const day = ["2024-01-01", "2024-01-02", "2024-01-10", "2024-03-01"];
    const c = await chartOf(() => st.lineChart({ day, n: [1, 2, 3, 4] }, { x: "day" }));
    const [a, b, cc, d] = lineXs(c);
    // 1 day, 8 days, 51 days apart: the gaps keep those proportions
    expect(((cc! - b!) / (b! - a!))).toBeCloseTo(8, 0);
    expect(((d! - cc!) / (b! - a!))).toBeCloseTo(51, 0);
    expect(c.xLabels).toEqual(["Jan 1", "2024", "Jan 8", "Jan 15", "Jan 22", "Jan 29", "Feb 5", "Feb 12", "Feb 19", "Feb 26"]);
    expect(c.xLabels.join(" ")).not.toMatch(/\d{4}-\d{2}/);
    expect(c.rowHeads).toEqual(["Jan 1, 2024", "Jan 2, 2024", "Jan 10, 2024", "Mar 1, 2024"]);
    expect(c.desc).toContain("day from Jan 1, 2024 to Mar 1, 2024");
  });

  test("Date objects out of order are placed by time; the tooltips read the time in UTC", async () => {
    const t = ["2024-03-05T14:40:00Z", "2024-03-05T14:00:00Z", "2024-03-05T14:10:00Z"].map((s) => new Date(s));
    const c = await chartOf(() => st.scatterChart({ t, v: [3, 1, 2] }, { x: "t" }));
    const cx = c.texts("circle.fl-chart-point").map((p) => Number(p.getAttribute("cx")));
    expect((cx[0]! - cx[1]!) / (cx[2]! - cx[1]!)).toBeCloseTo(4, 1);
    expect(c.xLabels[0]).toBe("14:00");
    expect(c.xLabels).toContain("Mar 5, 2024");
    expect(c.xLabels.at(-1)).toBe("14:40");
    expect(c.tips).toEqual(["v: 3 at t Mar 5, 2024, 14:40 UTC", "v: 1 at t Mar 5, 2024, 14:00 UTC", "v: 2 at t Mar 5, 2024, 14:10 UTC"]);
    expect(c.rowHeads).toEqual(["Mar 5, 2024, 14:40 UTC", "Mar 5, 2024, 14:00 UTC", "Mar 5, 2024, 14:10 UTC"]);
    expect(c.desc).toContain("t from Mar 5, 2024, 14:00 UTC to Mar 5, 2024, 14:40 UTC");
  });

  test("bars on a time axis sit at their times, inside the plot, as wide as the narrowest gap allows", async () => {
    const month = ["2024-01-01", "2024-02-01", "2024-04-01"];
    const c = await chartOf(() => st.barChart({ month, n: [1, 2, 3] }, { x: "month" }));
    const bars = c.texts("rect.fl-chart-bar").map((r) => ({ x: Number(r.getAttribute("x")), w: Number(r.getAttribute("width")) }));
    expect(bars).toHaveLength(3);
    const centres = bars.map((b) => b.x + b.w / 2);
    // January to February is 31 days, February to April 60
    expect((centres[2]! - centres[1]!) / (centres[1]! - centres[0]!)).toBeCloseTo(60 / 31, 1);
    expect(bars[0]!.x).toBeGreaterThan(0);
    expect(bars[2]!.x + bars[2]!.w).toBeLessThanOrEqual(640);
    expect(bars[0]!.w).toBeGreaterThan(20);
    expect(bars[0]!.x + bars[0]!.w).toBeLessThan(bars[1]!.x);
    expect(bars[1]!.x + bars[1]!.w).toBeLessThan(bars[2]!.x);
    expect(c.xLabels).toContain("Feb");
    expect(c.tips[0]).toBe("n: 1 at month Jan 1, 2024");
  });

  test("dates mixed with text, or a date string that is no day, fall back to categories (no error)", async () => {
    const mixed = await chartOf(() => st.lineChart({ day: ["2024-01-01", "soon", "2024-01-03"], n: [1, 2, 3] }, { x: "day" }));
    expect(mixed.xLabels).toEqual(["2024-01-01", "soon", "2024-01-03"]);
    const invalid = await chartOf(() => st.scatterChart({ day: ["2024-01-01", "2024-02-30"], n: [1, 2] }, { x: "day" }));
    expect(invalid.xLabels).toEqual(["2024-01-01", "2024-02-30"]);
  });

  test("a Date object that is no time (Invalid Date) is a missing x, as null is", async () => {
    const c = await chartOf(() => st.barChart({ day: [new Date("2024-01-01"), new Date("no date")], n: [1, 2] }, { x: "day" }));
    expect(c.texts("rect.fl-chart-bar")).toHaveLength(1);
    expect(c.xLabels).not.toContain("");
    expect(c.rowHeads).toEqual(["Jan 1, 2024", ""]);
  });
});
