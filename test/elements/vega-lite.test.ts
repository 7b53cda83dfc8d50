/**
 * st.vegaLiteChart over HTTP (a fresh app per request): the accessible figure Vega's SVG goes in
 * (name, description, data table), data given as rows or columns, and the errors a user sees in the
 * page (no renderer installed, an empty or invalid spec, data by URL) instead of a 500.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { enableVegaLite } from "../../src/vega.ts";
import { setVegaLiteRenderer } from "../../src/elements/vega-lite.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

async function page(entrypoint: () => unknown): Promise<FormClient> {
  const client = new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint }));
  await client.get("/");
  expect(client.status).toBe(200);
  return client;
}

const BARS = {
  title: "Sales",
  mark: "bar",
  encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } },
};
const ROWS = [
  { a: "North", b: 28 },
  { a: "South <b>", b: 55 },
];

test("without formlit/vega's renderer, the message says how to add it", async () => {
  const client = await page(() => st.vegaLiteChart(ROWS, BARS));
  expect(client.exceptions()).toEqual([
    { type: "StreamlitAPIException", message: 'st.vegaLiteChart needs the Vega-Lite renderer: call `enableVegaLite()` from "formlit/vega" once in your app (it adds about 270 KB gzipped to the Worker).' },
  ]);
});

describe("with enableVegaLite() from formlit/vega", () => {
  beforeAll(enableVegaLite);

  test("draws the spec as a labelled SVG with the data as a table", async () => {
    const client = await page(() => {
      st.vegaLiteChart(ROWS, BARS);
      st.write("after");
    });
    expect(client.exceptions()).toEqual([]);
    const fig = client.doc.querySelector("figure[data-kind=vega_lite_chart]");
    const svg = fig.querySelector("svg[role=img]");
    const [titleId, descId] = svg.getAttribute("aria-labelledby").split(" ");
    expect(fig.querySelector(`#${titleId}`).textContent).toBe("Sales");
    expect(fig.querySelector(`#${descId}`).textContent).toBe("Bar chart: x a (nominal), y b (quantitative); 2 data rows.");
    // Vega's marks: two bars, the axis labels (escaped), the title drawn in the SVG
    expect(svg.querySelectorAll(".mark-rect path").length).toBe(2);
    expect([...svg.querySelectorAll(".role-axis-label text")].map((t: any) => t.textContent)).toContain("South <b>");
    expect(svg.querySelector("b")).toBeNull();
    expect([...fig.querySelectorAll("table tbody tr")].map((r: any) => r.textContent)).toEqual(["North28", "South <b>55"]);
    // the page keeps its order: the chart (drawn after the script went on) before "after"
    expect(client.html.indexOf("data-kind=\"vega_lite_chart\"")).toBeLessThan(client.html.indexOf(">after<"));
  });

  test("columns, a spec alone, a description and filters (Vega expressions, evaluated without eval)", async () => {
    const client = await page(() => {
      st.vegaLiteChart({ x: [1, 2, 3, 4], y: [10, 20, 30, 40] }, {
        description: "Points above 15",
        mark: "point",
        transform: [{ filter: "datum.y > 15" }, { calculate: "datum.y * 2", as: "double" }],
        encoding: { x: { field: "x", type: "quantitative" }, y: { field: "double", type: "quantitative" } },
      });
      st.vegaLiteChart({ data: { values: [{ k: 1 }] }, mark: "tick", encoding: { x: { field: "k", type: "quantitative" } } });
    });
    expect(client.exceptions()).toEqual([]);
    const [points, ticks] = client.doc.querySelectorAll("figure[data-kind=vega_lite_chart]");
    expect(points.querySelector("title").textContent).toBe("Points above 15");
    expect(points.querySelector("desc").textContent).toBe("Points above 15");
    expect(points.querySelectorAll(".mark-symbol path").length).toBe(3);
    expect(points.querySelectorAll("table tbody tr").length).toBe(4);
    expect(ticks.querySelector("title").textContent).toBe("Vega-Lite chart");
    expect(ticks.querySelectorAll(".mark-rect path").length).toBe(1);
  });

  test("useContainerWidth lays the chart out wide and lets it scale with the page", async () => {
    const client = await page(() => st.vegaLiteChart(ROWS, BARS, { useContainerWidth: true }));
    const svg = client.doc.querySelector("figure[data-kind=vega_lite_chart] svg");
    expect(svg.getAttribute("width")).toBe("100%");
    expect(Number(svg.getAttribute("viewBox").split(" ")[2])).toBeGreaterThanOrEqual(640);
  });

  test("an empty or invalid spec is Streamlit's error in the page, and the rest of the page stays", async () => {
    const client = await page(() => {
      st.write("before");
      try {
        st.vegaLiteChart(ROWS, {});
      } catch (err) {
        st.exception(err as Error);
      }
      // compiled when drawn: shown in the chart's place, the script goes on
      st.vegaLiteChart(ROWS, { title: "no mark" });
      st.vegaLiteChart(ROWS, { mark: "nonsense" });
    });
    expect(client.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: "Vega-Lite charts require a non-empty spec dict." },
      { type: "StreamlitAPIException", message: expect.stringMatching(/^st\.vegaLiteChart: the spec is not valid Vega-Lite: Invalid specification \{.{200,}…$/) },
      { type: "StreamlitAPIException", message: expect.stringMatching(/^st\.vegaLiteChart: the spec is not valid Vega-Lite: ./) },
    ]);
    expect(client.doc.querySelector("figure[data-kind=vega_lite_chart]")).toBeNull();
    expect(client.html).toContain(">before<");
  });

  test("data named by URL is not fetched by the server: the message says to pass the data", async () => {
    const client = await page(() => st.vegaLiteChart(null, { layer: [{ data: { url: "http://127.0.0.1:9/secret.json" }, mark: "bar" }] }));
    expect(client.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: "st.vegaLiteChart does not load data from URLs (http://127.0.0.1:9/secret.json): pass the data to st.vegaLiteChart instead." },
    ]);
    expect(client.doc.querySelector("figure[data-kind=vega_lite_chart]")).toBeNull();
  });
});

describe("recent drawings", () => {
  afterAll(enableVegaLite);

  test("a spec alone whose values are all arrays (a layered spec) is the spec, and its layers' rows are counted", async () => {
    const layered = {
      layer: [
        { data: { values: ROWS }, mark: "bar", encoding: BARS.encoding },
        { data: { values: [{ a: "North", b: 30 }] }, mark: "tick", encoding: BARS.encoding },
      ],
    };
    const client = await page(() => st.vegaLiteChart(layered));
    expect(client.exceptions()).toEqual([]);
    const figure = client.doc.querySelector("[data-kind=vega_lite_chart]");
    expect(figure.querySelector("svg")).not.toBeNull();
    expect(figure.textContent).toContain("Chart of 2 layers; 3 data rows.");
  });

  test("a spec with an href channel draws, its links inert, and leaves no promise unhandled (the server keeps answering)", async () => {
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", note);
    try {
      const rows = [{ a: "North", b: 28, url: "https://evil.example/n" }, { a: "South", b: 55, url: "javascript:alert(1)" }];
      const spec = { ...BARS, encoding: { ...BARS.encoding, href: { field: "url", type: "nominal" } } };
      for (let i = 0; i < 2; i++) {
        const client = await page(() => {
          st.vegaLiteChart(rows, spec);
          st.write("after the chart");
        });
        expect(client.exceptions()).toEqual([]);
        const svg = client.doc.querySelector("[data-kind=vega_lite_chart] svg");
        expect(svg).not.toBeNull();
        // (the addresses are data, in the marks' labels; a mark's <a> links nowhere)
        const anchors = [...svg.querySelectorAll("a")] as any[];
        expect(anchors.flatMap((a) => [...a.attributes].map((x: any) => x.name)).filter((n: string) => /href/i.test(n))).toEqual([]);
        expect(svg.outerHTML).not.toMatch(/href="[^"]/);
        expect(client.texts()).toContain("after the chart");
      }
      // (a rejection left unhandled is reported on a later turn)
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", note);
    }
  });

  test("a rerun drawing the same spec and data takes the isolate's recent drawing; another spec or other data is drawn", async () => {
    const drawn: string[] = [];
    setVegaLiteRenderer(async (spec) => {
      drawn.push(`${String(spec.title)}:${JSON.stringify(spec.data)}`);
      return `<svg viewBox="0 0 10 10"><text>${String(spec.title)}</text></svg>`;
    });
    const app = createApp({
      secret: TEST_SECRET,
      entrypoint: () => {
        const rows = st.checkbox("More rows") ? [...ROWS, { a: "East", b: 3 }] : ROWS;
        st.vegaLiteChart(rows, { ...BARS, title: "Memo test" });
        st.vegaLiteChart(rows, { ...BARS, title: "Memo test, second chart" });
      },
    });
    const client = new FormClient(() => app);
    await client.get("/");
    expect(drawn).toHaveLength(2);
    await client.apply(); // a rerun with nothing changed: both drawings come from the recent ones
    expect(drawn).toHaveLength(2);
    expect(client.html).toContain("Memo test, second chart");
    await client.change("More rows", true); // other data: both drawn again
    expect(drawn).toHaveLength(4);
    expect(drawn[2]).toContain("East");
  });
});
