/**
 * st.map over HTTP (a fresh app per request): points projected (Web Mercator) into an accessible
 * SVG with degree labels and the points as a table, sizes and colours from values or columns, a
 * tile base map, and Streamlit's errors (missing or null coordinates) in the page instead of a 500.
 */
import { expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

async function page(entrypoint: () => unknown): Promise<FormClient> {
  const client = new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint }));
  await client.get("/");
  expect(client.status).toBe(200);
  return client;
}

const CITIES = [
  { lat: 48.8566, lon: 2.3522, city: "Paris", pop: 2.1, c: "#0068c9" },
  { lat: 51.5074, lon: -0.1278, city: "London", pop: 8.9, c: "rgb(224, 48, 30)" },
  { lat: 40.4168, lon: -3.7038, city: "Madrid", pop: 3.3, c: "#14806e" },
];

const centre = (c: any) => [Number(c.getAttribute("cx")), Number(c.getAttribute("cy"))];

test("points are projected: north is up, east is right, Mercator stretches latitudes", async () => {
  const client = await page(() => st.map(CITIES));
  expect(client.exceptions()).toEqual([]);
  const fig = client.doc.querySelector("figure[data-kind=map]");
  const svg = fig.querySelector("svg[role=img]");
  expect(svg.querySelector("title").textContent).toBe("Map of 3 points");
  expect(svg.querySelector("desc").textContent).toBe("3 points, latitudes 40.4168 to 51.5074, longitudes -3.7038 to 2.3522.");
  const [paris, london, madrid] = [...svg.querySelectorAll("circle.fl-map-point")].map(centre);
  expect(london![1]).toBeLessThan(paris![1]!); // London is north of Paris
  expect(paris![0]).toBeGreaterThan(london![0]!); // and Paris east of London
  expect(madrid![1]).toBeGreaterThan(paris![1]!);
  // Mercator: a degree of latitude is longer further north (Paris-London vs Madrid-Paris, per degree)
  const perDegreeNorth = (paris![1]! - london![1]!) / (51.5074 - 48.8566);
  const perDegreeSouth = (madrid![1]! - paris![1]!) / (48.8566 - 40.4168);
  expect(perDegreeNorth).toBeGreaterThan(perDegreeSouth);
  // axes in degrees, the points as a table, a tooltip per point
  const labels = [...svg.querySelectorAll(".fl-chart-axis text")].map((t: any) => t.textContent);
  expect(labels.some((l: string) => /^\d+°N$/.test(l))).toBe(true);
  expect(labels.some((l: string) => /°[EW]$/.test(l) || l === "0°")).toBe(true);
  expect([...fig.querySelectorAll("table thead th")].map((t: any) => t.textContent)).toEqual(["index", "lat", "lon"]);
  expect([...fig.querySelectorAll("table tbody tr")].map((r: any) => r.textContent)).toEqual(["048.85662.3522", "151.5074-0.1278", "240.4168-3.7038"]);
  expect(svg.querySelector("circle title").textContent).toBe("48.8566, 2.3522");
  expect(svg.getAttribute("width")).toBe("100%");
});

test("named columns, sizes in metres from a column, colours from a column, a title", async () => {
  const client = await page(() =>
    st.map(
      { y: CITIES.map((c) => c.lat), x: CITIES.map((c) => c.lon), pop: CITIES.map((c) => c.pop * 10000), c: CITIES.map((c) => c.c) },
      { latitude: "y", longitude: "x", size: "pop", color: "c", title: "Capitals" },
    ),
  );
  expect(client.exceptions()).toEqual([]);
  const fig = client.doc.querySelector("figure[data-kind=map]");
  expect(fig.querySelector("figcaption").textContent).toBe("Capitals");
  const circles = [...fig.querySelectorAll("circle.fl-map-point")];
  expect(circles.map((c: any) => c.getAttribute("fill"))).toEqual(["#0068c9", "rgb(224, 48, 30)", "#14806e"]);
  const [parisR, londonR] = circles.map((c: any) => Number(c.getAttribute("r")));
  expect(londonR).toBeGreaterThan(parisR!);
  expect([...fig.querySelectorAll("table thead th")].map((t: any) => t.textContent)).toEqual(["index", "y", "x", "pop", "c"]);
});

test("one colour and size for all, [r, g, b, a] colours, a fixed width", async () => {
  const client = await page(() => st.map(CITIES, { color: [0, 104, 201, 255], size: 5000, useContainerWidth: false, width: 500, height: 300 }));
  const svg = client.doc.querySelector("figure[data-kind=map] svg");
  expect(svg.getAttribute("width")).toBe("500");
  expect(svg.getAttribute("height")).toBe("300");
  expect(new Set([...svg.querySelectorAll("circle")].map((c: any) => c.getAttribute("fill")))).toEqual(new Set(["rgba(0, 104, 201, 1)"]));
});

test("a tile base map: the tiles covering the view, at the view's zoom, loaded by the browser", async () => {
  const client = await page(() => st.map(CITIES, { tiles: "https://tile.example.org/{z}/{x}/{y}.png", attribution: "© Example contributors" }));
  const fig = client.doc.querySelector("figure[data-kind=map]");
  const hrefs = [...fig.querySelectorAll(".fl-map-tiles image")].map((i: any) => i.getAttribute("href"));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const h of hrefs) expect(h).toMatch(/^https:\/\/tile\.example\.org\/\d+\/\d+\/\d+\.png$/);
  const z = new Set(hrefs.map((h: string) => h.split("/")[3]));
  expect(z.size).toBe(1);
  expect(fig.querySelector(".fl-map-attribution").textContent).toBe("© Example contributors");
});

test("no data: an empty map; a lone point: a city-sized view", async () => {
  const client = await page(() => {
    st.map(null);
    st.map([{ latitude: 35.68, longitude: 139.69 }]);
  });
  expect(client.exceptions()).toEqual([]);
  const [empty, one] = client.doc.querySelectorAll("figure[data-kind=map]");
  expect(empty.querySelector("desc").textContent).toBe("No points.");
  expect(empty.querySelector("table")).toBeNull();
  expect(one.querySelectorAll("circle").length).toBe(1);
});

test("missing or null coordinates, bad colours and tile URLs: Streamlit's message in the page", async () => {
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      st.exception(err as Error);
    }
  };
  const client = await page(() => {
    st.write("before");
    attempt(() => st.map([{ x: 1, lon: 2 }]));
    attempt(() => st.map([{ lat: 1, x: 2 }]));
    attempt(() => st.map([{ lat: null, lon: 2 }]));
    attempt(() => st.map([{ lat: "north", lon: 2 }]));
    attempt(() => st.map(CITIES, { color: "city" }));
    attempt(() => st.map(CITIES, { color: "bright" }));
    attempt(() => st.map(CITIES, { tiles: "javascript:alert(1)//{z}" }));
  });
  expect(client.exceptions()).toEqual([
    { type: "StreamlitAPIException", message: "Map data must contain a latitude column named: 'LAT', 'LATITUDE', 'lat', 'latitude'. Existing columns: 'x', 'lon'" },
    { type: "StreamlitAPIException", message: "Map data must contain a longitude column named: 'LON', 'LONGITUDE', 'lon', 'longitude'. Existing columns: 'lat', 'x'" },
    { type: "StreamlitAPIException", message: "Column lat is not allowed to contain null values, such as NaN, NaT, or None." },
    { type: "StreamlitAPIException", message: `st.map: column "lat" must hold latitudes in degrees (numbers), but row 0 holds 'north' (str).` },
    { type: "StreamlitAPIException", message: 'Column "city" does not appear to contain valid colors.' },
    { type: "StreamlitAPIException", message: `st.map: color must be a colour ("#ff4b4b", "rgb(255, 75, 75)", [255, 75, 75, 255]) or a column name, not 'bright'.` },
    { type: "StreamlitAPIException", message: "st.map: tiles must be an https URL template with {z}, {x} and {y}, not 'javascript:alert(1)//{z}'." },
  ]);
  expect(client.html).toContain(">before<");
  expect(client.doc.querySelector("figure[data-kind=map]")).toBeNull();
});

test("an uncaught error stops the run with the message, and the page still answers 200", async () => {
  const client = await page(() => st.map([{ a: 1 }]));
  expect(client.exceptions()[0]!.message).toMatch(/^Map data must contain a latitude column/);
});
