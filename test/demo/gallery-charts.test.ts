/** The gallery's Charts tab over HTTP: the Vega-Lite chart, the Graphviz graph and the map render, each as a labelled figure with its data. */
import { expect, test } from "vitest";
import { createWorker } from "../../pages/worker.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

test("the Charts tab shows a Vega-Lite chart, a Graphviz graph and a map, each named, described and tabulated", async () => {
  const c = new FormClient(() => createWorker(TEST_SECRET));
  await c.get("/gallery");
  expect(c.exceptions()).toEqual([]);
  const named = (kind: string) => {
    const fig = c.doc.querySelector(`figure[data-kind=${kind}]`);
    return { title: fig.querySelector("svg > title").textContent, rows: fig.querySelectorAll("table tbody tr").length };
  };
  expect(named("vega_lite_chart")).toEqual({ title: "Average temperature by month", rows: 8 });
  expect(named("graphviz_chart")).toEqual({ title: "Request life cycle", rows: 3 });
  expect(named("map")).toEqual({ title: "Six capitals, sized by population", rows: 6 });
  expect(c.doc.querySelectorAll("figure[data-kind=map] circle").length).toBe(6);
}, 30_000); // the first gallery loads Vega and compiles Graphviz's WebAssembly: seconds on a busy machine
