/** The gallery page over HTTP: every element renders, with no exception on the page. */
import { expect, test } from "vitest";
import { createWorker } from "../../pages/worker.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

test("the gallery renders every element family without an exception", async () => {
  const c = new FormClient(() => createWorker(TEST_SECRET));
  await c.get("/gallery");
  expect(c.status).toBe(200);
  expect(c.exceptions()).toEqual([]);
  const kinds = new Set(c.widgets().map((w) => w.kind));
  for (const k of ["slider", "select_slider", "date_input", "time_input", "datetime_input", "color_picker", "toggle", "radio", "multiselect", "file_uploader"]) {
    expect(kinds, k).toContain(k);
  }
  for (const sel of ["svg[role=img]", "table", "[data-kind=dataframe]", "progress", "img", "details.fl-expander", ".fl-metric", ".fl-tab-radio", "[data-kind=space]", "[data-kind=badge]", "[data-kind=pdf] iframe", "[data-kind=iframe] iframe", "[data-kind=pagination]", ".fl-skeleton", "[data-kind=mermaid_chart]", ".fl-bottom [data-kind=bottom]"]) {
    expect(c.doc.querySelector(sel), sel).not.toBeNull();
  }
  // the four built-in charts, the Vega-Lite chart, the Graphviz graph, the map and the Mermaid diagram (not a table's sparklines)
  expect(c.doc.querySelectorAll("svg[role=img]:not(.fl-spark)").length).toBe(8);
  // A bound, not a budget: the gallery grows with the catalogue (every element family of Streamlit
  // 1.61 is on it), but a page several times this size would mean something drew far too much.
  expect(c.html.length).toBeLessThan(160_000);
});
