/**
 * st.metric's parameters added since Streamlit 1.39 over HTTP: a sparkline drawn on the server
 * (`chartData`, `chartType`), `deltaArrow`, `deltaDescription`, `format` and `icon`, and Streamlit's
 * messages for bad values.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { browse, expectOk } from "../support/browse.ts";

const metrics = async (entrypoint: () => void): Promise<any[]> => {
  const client = browse(entrypoint);
  await client.get("/");
  expectOk(client);
  return [...client.doc.querySelectorAll("[data-kind=metric]")];
};

describe("st.metric sparklines", () => {
  test("chartData is an SVG below the value: a line by default, bars, or a filled area; decorative, in the delta's colour", async () => {
    const [line, bar, area, plain] = await metrics(() => {
      st.metric("Line", 10, { delta: 2, chartData: [1, 3, 2, 5] });
      st.metric("Bar", 10, { delta: -2, chartData: [1, 3, 2, 5], chartType: "bar" });
      st.metric("Area", 10, { chartData: [4, 1, 3], chartType: "area" });
      st.metric("None", 10);
    });
    const svg = (m: any) => m.querySelector(".fl-metric-chart svg");
    expect(svg(line).getAttribute("data-chart-type")).toBe("line");
    expect(svg(line).getAttribute("aria-hidden")).toBe("true");
    // Four points, the highest value at the top (y 0), the lowest at the bottom (y 30).
    expect(svg(line).querySelector("polyline").getAttribute("points")).toBe("0,30 33.33,15 66.67,22.5 100,0");
    expect(svg(bar).querySelectorAll("rect").length).toBe(4);
    expect(svg(bar).querySelector("polyline")).toBeNull();
    expect(svg(area).querySelector("polygon").getAttribute("points")).toBe("0,30 0,0 50,30 100,10 100,30");
    expect(plain.querySelector("svg")).toBeNull();
    // The chart takes the delta's colour: green up, red down, the primary colour without a delta.
    expect(line.querySelector(".fl-metric-chart").className).toContain("fl-spark-good");
    expect(bar.querySelector(".fl-metric-chart").className).toContain("fl-spark-bad");
    expect(area.querySelector(".fl-metric-chart").className).toContain("fl-spark-accent");
    // It comes after the value and the delta, inside the metric's description list.
    expect(line.querySelector("dl > dd.fl-metric-delta-line + dd.fl-metric-chart")).not.toBeNull();
  });

  test("a null is a gap that breaks the line; a flat series sits in the middle", async () => {
    const [gap, flat] = await metrics(() => {
      st.metric("Gap", 1, { chartData: [1, 2, null, 3, 1] });
      st.metric("Flat", 1, { chartData: [7, 7, 7] });
    });
    expect([...gap.querySelectorAll("polyline")].map((p: any) => p.getAttribute("points"))).toEqual(["0,30 25,15", "75,0 100,30"]);
    expect(flat.querySelector("polyline").getAttribute("points")).toBe("0,15 50,15 100,15");
  });

  test.each([
    [{ chartData: [1, 2], chartType: "pie" as never }, "Invalid chart_type: 'pie'. Must be one of: 'line', 'bar', 'area'."],
    [{ chartType: "pie" as never }, "Invalid chart_type: 'pie'. Must be one of: 'line', 'bar', 'area'."],
    [{ chartData: [1, "two"] as never }, 'chart_data must hold only numbers: "two" is not one.'],
    [{ chartData: "1,2" as never }, "chart_data must be a list of numbers, not string."],
    [{ delta: 1, deltaArrow: "left" as never }, "'left' is not an accepted value. delta_arrow only accepts: 'auto', 'up', 'down', or 'off'"],
  ])("%o is a message in the page, not a 500", async (opts, message) => {
    const client = browse(() => st.metric("M", 1, opts));
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message }]);
  });
});

describe("st.metric delta options", () => {
  test("deltaArrow turns the arrow up, down or off; the colour still follows the delta's sign", async () => {
    const read = (m: any) => ({
      arrow: m.querySelector(".fl-metric-delta [aria-hidden=true]")?.textContent ?? null,
      spoken: m.querySelector(".fl-metric-delta .fl-sr-only")?.textContent ?? null,
      tone: m.querySelector(".fl-metric-delta").className.replace("fl-metric-delta ", ""),
      text: m.querySelector(".fl-metric-delta").textContent,
    });
    const shown = await metrics(() => {
      st.metric("Auto", 1, { delta: -4 });
      st.metric("Up", 1, { delta: -4, deltaArrow: "up" });
      st.metric("Down", 1, { delta: "5%", deltaArrow: "down" });
      st.metric("Off", 1, { delta: "5%", deltaArrow: "off" });
    });
    expect(shown.map(read)).toEqual([
      { arrow: "↓", spoken: "Down: ", tone: "fl-delta-bad", text: "↓ Down: -4" },
      { arrow: "↑", spoken: "Up: ", tone: "fl-delta-bad", text: "↑ Up: -4" },
      { arrow: "↓", spoken: "Down: ", tone: "fl-delta-good", text: "↓ Down: 5%" },
      { arrow: null, spoken: null, tone: "fl-delta-good", text: "5%" },
    ]);
  });

  test("deltaDescription follows the delta in grey, escaped; it shows without a delta too", async () => {
    const [withDelta, alone] = await metrics(() => {
      st.metric("Sales", 120, { delta: 12, deltaDescription: "vs. <last> month" });
      st.metric("Visits", 3, { deltaDescription: "since Monday" });
    });
    const line = withDelta.querySelector(".fl-metric-delta-line");
    expect(line.textContent).toBe("↑ Up: 12 vs. <last> month");
    expect(line.querySelector(".fl-metric-delta-description").textContent).toBe("vs. <last> month");
    expect(alone.querySelector(".fl-metric-delta")).toBeNull();
    expect(alone.querySelector(".fl-metric-delta-description").textContent).toBe("since Monday");
  });

  test("format writes a number value and delta (printf-style or Streamlit's named formats); text stays as given", async () => {
    const shown = await metrics(() => {
      st.metric("Printf", 3.14159, { delta: -0.5, format: "%.2f kg" });
      st.metric("Percent", 0.256, { delta: 0.01, format: "percent" });
      st.metric("Dollar", 1234.5, { format: "dollar" });
      st.metric("Compact", 1_234_567, { format: "compact" });
      st.metric("Text", "12 kg", { delta: "1 kg", format: "%.2f" });
    });
    const read = (m: any) => [m.querySelector(".fl-metric-value").textContent, m.querySelector(".fl-metric-delta")?.textContent ?? null];
    expect(shown.map(read)).toEqual([
      ["3.14 kg", "↓ Down: -0.50 kg"],
      ["25.6%", "↑ Up: 1%"],
      ["$1,234.50", null],
      ["1.2M", null],
      ["12 kg", "↑ Up: 1 kg"],
    ]);
  });
});

describe("st.metric icon (Streamlit 1.61)", () => {
  test("an emoji or a Material icon leads the label, hidden from screen readers; without one the label stands alone", async () => {
    const [emoji, material, plain] = await metrics(() => {
      st.metric("Revenue", 12, { icon: "💰" });
      st.metric("Users", 3, { icon: ":material/group:" });
      st.metric("Plain", 1);
    });
    const icon = (m: any) => m.querySelector("dt .fl-metric-icon");
    expect([icon(emoji).textContent, icon(emoji).getAttribute("aria-hidden")]).toEqual(["💰", "true"]);
    expect(emoji.querySelector("dt").textContent).toBe("💰Revenue");
    expect(icon(material)).not.toBeNull();
    expect(material.querySelector("dt").textContent).toContain("Users");
    expect(material.querySelector("dt").textContent).not.toContain(":material/");
    expect(icon(plain)).toBeNull();
  });

  test("an icon that is neither gets Streamlit's message in the page", async () => {
    const client = browse(() => st.metric("Bad", 1, { icon: "money" }));
    await client.get("/");
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message: expect.stringContaining('The value "money" is not a valid emoji.') }]);
  });
});
