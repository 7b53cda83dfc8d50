/**
 * The gallery's charts beyond the built-in four: a Vega-Lite chart (formlit/vega), a Graphviz
 * graph (formlit/graphviz; the Worker entry hands it the compiled binary) and a map of points.
 */
import type { Container } from "../src/index.ts";
import { enableVegaLite } from "../src/vega.ts";
import { enableGraphviz } from "../src/graphviz.ts";

enableVegaLite();
enableGraphviz();

const WEATHER = [
  { month: "Jan", city: "Oslo", temp: -4.3 },
  { month: "Apr", city: "Oslo", temp: 4.5 },
  { month: "Jul", city: "Oslo", temp: 16.4 },
  { month: "Oct", city: "Oslo", temp: 6.3 },
  { month: "Jan", city: "Rome", temp: 7.5 },
  { month: "Apr", city: "Rome", temp: 13.2 },
  { month: "Jul", city: "Rome", temp: 24.9 },
  { month: "Oct", city: "Rome", temp: 17.5 },
];

const CAPITALS = {
  city: ["Paris", "London", "Madrid", "Rome", "Berlin", "Oslo"],
  lat: [48.8566, 51.5074, 40.4168, 41.9028, 52.52, 59.9139],
  lon: [2.3522, -0.1278, -3.7038, 12.4964, 13.405, 10.7522],
  people: [2.1, 8.9, 3.3, 2.8, 3.6, 0.7],
};

export function galleryCharts(tab: Container) {
  tab.subheader("Vega-Lite");
  tab.vegaLiteChart(WEATHER, {
    title: "Average temperature by month",
    description: "Average monthly temperature in Oslo and Rome, in degrees Celsius.",
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "month", type: "ordinal", sort: null },
      y: { field: "temp", type: "quantitative", title: "°C" },
      color: { field: "city", type: "nominal" },
    },
  }, { useContainerWidth: true });

  tab.subheader("Graphviz");
  tab.graphvizChart(`digraph "Request life cycle" {
    rankdir=LR; node [shape=box, style=rounded];
    post [label="form POST"]; run [label="script run"]; page [label="HTML page"];
    post -> run -> page; page -> post [label="next interaction"];
  }`);

  tab.subheader("Map");
  tab.map({ ...CAPITALS, size: CAPITALS.people.map((p) => 20_000 + p * 10_000) }, { size: "size", title: "Six capitals, sized by population" });
}
