/**
 * st.map: points on a Web Mercator map, drawn on the server as accessible SVG (no script, no map
 * library): a graticule with degree labels, each point a circle sized in metres (as Streamlit's
 * scatter layer) and coloured, the points as a table. A tile URL template may add a base map
 * (the browser fetches the tiles: nothing is loaded by the server).
 */
import { html, raw, type Html } from "../render/html.ts";
import type { ContainerBase } from "./base.ts";
import { defineFamily } from "./family.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { columnsOf, isColor, isGap, valueText, type Columns } from "./chart/columns.ts";
import { figure, figureId, MAX_TABLE_ROWS } from "./chart/figure.ts";
import { coord as f, formatNumber, niceScale } from "./chart/scale.ts";
import { pyRepr, pyType } from "./common.ts";

export interface MapOptions {
  /** the latitude column (default: one named lat, latitude, LAT or LATITUDE) */
  latitude?: string;
  /** the longitude column (default: one named lon, longitude, LON or LONGITUDE) */
  longitude?: string;
  /** each point's radius in metres: a number, or a column of numbers (default 100) */
  size?: string | number;
  /** each point's colour: a colour ("#ff4b4b", "rgb(…)", [r, g, b, a?]), or a column of colours */
  color?: string | number[];
  /** Web Mercator zoom level (default: fit the points) */
  zoom?: number;
  /** stretch to the container's width (default true, as Streamlit) */
  useContainerWidth?: boolean;
  /** width in pixels when not stretched (default 640) */
  width?: number;
  /** height in pixels (default 400) */
  height?: number;
  /**
   * a base map: an https tile URL template with {z}, {x} and {y}
   * ("https://tile.openstreetmap.org/{z}/{x}/{y}.png"); the reader's browser loads the tiles
   */
  tiles?: string;
  /** the tiles' attribution, shown under the map (tile servers require it) */
  attribution?: string;
  /** a title (also the map's accessible name) */
  title?: string;
}

const LAT_NAMES = ["LAT", "LATITUDE", "lat", "latitude"];
const LON_NAMES = ["LON", "LONGITUDE", "lon", "longitude"];
const DEFAULT_SIZE = 100;
/** Streamlit's default point colour (rgba(200, 30, 0, 160)) comes from CSS, lighter in dark mode. */
const DEFAULT_COLOR = null;
const EARTH_METRES = 40_075_016.686;
/** Mercator's limit: beyond it the projection runs to infinity */
const MAX_LAT = 85.0511;
const TILE = 256;
const PAD = { left: 48, right: 16, top: 12, bottom: 26 };

/** Web Mercator: longitude and latitude to [0, 1] world units (y down). */
function project(lon: number, lat: number): [number, number] {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2];
}

function unprojectLat(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/** The latitude or longitude column: the one named, else a default name, with Streamlit's errors. */
function coordinateColumn(cols: Columns, what: "latitude" | "longitude", named: string | undefined, defaults: string[]): { name: string; values: number[] } {
  const name = named !== undefined && cols.names.includes(named) ? named : defaults.find((d) => cols.names.includes(d));
  if (name === undefined) {
    throw new StreamlitAPIException(
      `Map data must contain a ${what} column named: ${defaults.map(pyRepr).join(", ")}. Existing columns: ${cols.names.map(pyRepr).join(", ")}`,
    );
  }
  const values = cols.get(name);
  const numbers = Array.from({ length: cols.length }, (_, i) => {
    const v = values[i];
    if (isGap(v)) throw new StreamlitAPIException(`Column ${name} is not allowed to contain null values, such as NaN, NaT, or None.`);
    if (typeof v !== "number") throw new StreamlitAPIException(`st.map: column "${name}" must hold ${what}s in degrees (numbers), but row ${i} holds ${pyRepr(v)} (${pyType(v)}).`);
    return v;
  });
  return { name, values: numbers };
}

/** A colour as SVG can take it: hex or rgb() text, or Streamlit's [r, g, b, a] (0-255). */
function colorOf(v: unknown): string | null {
  if (isColor(v)) return v;
  if (Array.isArray(v) && (v.length === 3 || v.length === 4) && v.every((x) => typeof x === "number" && x >= 0 && x <= 255)) {
    const [r, g, b, a = 255] = v as number[];
    return `rgba(${r}, ${g}, ${b}, ${formatNumber(Math.round((a / 255) * 100) / 100)})`;
  }
  return null;
}

interface MapPoint {
  lat: number;
  lon: number;
  radius: number;
  /** null: the default colour */
  color: string | null;
}

/** The points, with each one's radius (metres) and colour resolved from a value or a column. */
function pointsOf(cols: Columns, opts: MapOptions): { points: MapPoint[]; lat: string; lon: string; extra: string[] } {
  const { name: latName, values: lats } = coordinateColumn(cols, "latitude", opts.latitude, LAT_NAMES);
  const { name: lonName, values: lons } = coordinateColumn(cols, "longitude", opts.longitude, LON_NAMES);
  const sizeCol = typeof opts.size === "string" && cols.names.includes(opts.size) ? opts.size : null;
  const colorCol = typeof opts.color === "string" && cols.names.includes(opts.color) ? opts.color : null;
  let size = DEFAULT_SIZE;
  if (opts.size !== undefined && sizeCol === null) {
    if (typeof opts.size !== "number" || !(opts.size >= 0)) throw new StreamlitAPIException(`st.map: size must be a radius in metres (a number) or a column name, not ${pyRepr(opts.size)}.`);
    size = opts.size;
  }
  let color: string | null = DEFAULT_COLOR;
  if (opts.color !== undefined && colorCol === null) {
    const c = colorOf(opts.color);
    if (c === null) throw new StreamlitAPIException(`st.map: color must be a colour ("#ff4b4b", "rgb(255, 75, 75)", [255, 75, 75, 255]) or a column name, not ${pyRepr(opts.color)}.`);
    color = c;
  }
  const colors = colorCol ? cols.get(colorCol).map(colorOf) : null;
  if (colors && (colors.length === 0 || colors.some((c) => c === null))) throw new StreamlitAPIException(`Column "${colorCol}" does not appear to contain valid colors.`);
  const sizes = sizeCol ? cols.get(sizeCol) : null;
  const points = lats.map((lat, i) => {
    const s = sizes ? sizes[i] : size;
    return { lat, lon: lons[i]!, radius: typeof s === "number" && s >= 0 ? s : 0, color: colors ? colors[i]! : color };
  });
  return { points, lat: latName, lon: lonName, extra: [sizeCol, colorCol].filter((c): c is string => c !== null) };
}

export function map(c: ContainerBase, data: unknown, opts: MapOptions = {}): void {
  const run = c._run("st.map");
  if (opts.tiles !== undefined && !(typeof opts.tiles === "string" && /^https:\/\/[^\s"'<>]+$/.test(opts.tiles) && opts.tiles.includes("{z}"))) {
    throw new StreamlitAPIException(`st.map: tiles must be an https URL template with {z}, {x} and {y}, not ${pyRepr(opts.tiles)}.`);
  }
  const cols = columnsOf(data, "st.map");
  const empty = cols.length === 0;
  const { points, lat, lon, extra } = empty ? { points: [], lat: "lat", lon: "lon", extra: [] } : pointsOf(cols, opts);
  const table = empty
    ? null
    : {
        headers: ["index", lat, lon, ...extra],
        rows: points.slice(0, MAX_TABLE_ROWS).map((p, i) => [String(i), valueText(p.lat), valueText(p.lon), ...extra.map((e) => valueText(cols.get(e)[i]))]),
        total: points.length,
      };
  const props: MapProps = {
    id: figureId(run, "fl-map"),
    points,
    title: opts.title ?? `Map of ${formatNumber(points.length)} point${points.length === 1 ? "" : "s"}`,
    caption: opts.title ?? null,
    zoom: typeof opts.zoom === "number" && Number.isFinite(opts.zoom) ? Math.max(0, Math.min(20, opts.zoom)) : null,
    width: opts.useContainerWidth === false ? (opts.width ?? 640) : 640,
    fill: opts.useContainerWidth !== false,
    height: opts.height ?? 400,
    tiles: opts.tiles ?? null,
    attribution: opts.attribution ?? null,
    table,
  };
  c._push(mapFamily.node("map", props));
}

interface MapProps {
  id: string;
  points: MapPoint[];
  title: string;
  caption: string | null;
  zoom: number | null;
  width: number;
  fill: boolean;
  height: number;
  tiles: string | null;
  attribution: string | null;
  table: { headers: string[]; rows: string[][]; total: number } | null;
}


/** The view: pixels per world unit and the world point at the plot's centre. */
function viewOf(p: MapProps, plotW: number, plotH: number): { scale: number; cx: number; cy: number } {
  if (!p.points.length) return { scale: plotW, cx: 0.5, cy: 0.5 };
  const xy = p.points.map((pt) => project(pt.lon, pt.lat));
  const xs = xy.map(([x]) => x);
  const ys = xy.map(([, y]) => y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  if (p.zoom !== null) return { scale: TILE * 2 ** p.zoom, cx, cy };
  // fit the points with a margin; a lone point (or a tight cluster) shows about a city (zoom 12)
  const fit = Math.min(plotW / Math.max(x1 - x0, 1e-12), plotH / Math.max(y1 - y0, 1e-12)) * 0.85;
  return { scale: Math.min(fit, TILE * 2 ** 12), cx, cy };
}

function renderMap(p: MapProps): Html {
  const W = p.width;
  const H = p.height;
  const plot = { x0: PAD.left, x1: W - PAD.right, y0: PAD.top, y1: H - PAD.bottom };
  const { scale, cx, cy } = viewOf(p, plot.x1 - plot.x0, plot.y1 - plot.y0);
  const toPx = (lon: number, lat: number): [number, number] => {
    const [x, y] = project(lon, lat);
    return [(plot.x0 + plot.x1) / 2 + (x - cx) * scale, (plot.y0 + plot.y1) / 2 + (y - cy) * scale];
  };
  // the degrees the plot spans, for the graticule
  const worldAt = (px: number, py: number) => [cx + (px - (plot.x0 + plot.x1) / 2) / scale, cy + (py - (plot.y0 + plot.y1) / 2) / scale];
  const [wx0, wy0] = worldAt(plot.x0, plot.y0);
  const [wx1, wy1] = worldAt(plot.x1, plot.y1);
  const lonSpan = niceScale(wx0! * 360 - 180, wx1! * 360 - 180, Math.max(2, Math.floor((plot.x1 - plot.x0) / 90)));
  const latSpan = niceScale(unprojectLat(Math.min(1, wy1!)), unprojectLat(Math.max(0, wy0!)), Math.max(2, Math.floor((plot.y1 - plot.y0) / 60)));
  const inside = (v: number, lo: number, hi: number) => v >= lo - 0.5 && v <= hi + 0.5;
  const lonTicks = lonSpan.ticks.map((t) => [t, toPx(t, 0)[0]] as const).filter(([, x]) => inside(x, plot.x0, plot.x1));
  const latTicks = latSpan.ticks.filter((t) => Math.abs(t) <= MAX_LAT).map((t) => [t, toPx(0, t)[1]] as const).filter(([, y]) => inside(y, plot.y0, plot.y1));
  const deg = (v: number, pos: string, neg: string) => `${formatNumber(Math.abs(v))}°${v > 0 ? pos : v < 0 ? neg : ""}`;

  const grid = html`<g class="fl-chart-grid" aria-hidden="true">${lonTicks.map(([, x]) => html`<line x1="${f(x)}" x2="${f(x)}" y1="${plot.y0}" y2="${plot.y1}"/>`)}${latTicks.map(([, y]) => html`<line x1="${plot.x0}" x2="${plot.x1}" y1="${f(y)}" y2="${f(y)}"/>`)}</g>`;
  const axes = html`<g class="fl-chart-axis" aria-hidden="true">${lonTicks.map(([t, x]) => html`<text x="${f(x)}" y="${plot.y1 + 17}" text-anchor="middle">${deg(t, "E", "W")}</text>`)}${latTicks.map(([t, y]) => html`<text x="${plot.x0 - 6}" y="${f(y)}" dy=".32em" text-anchor="end">${deg(t, "N", "S")}</text>`)}</g>`;
  const dots = p.points.map((pt, i) => {
    const [x, y] = toPx(pt.lon, pt.lat);
    // metres to pixels at the point's latitude (Mercator stretches by 1/cos(latitude)); at least 3 px, as Streamlit
    const r = Math.min(60, Math.max(3, (pt.radius * scale) / (EARTH_METRES * Math.cos((pt.lat * Math.PI) / 180))));
    const paint = pt.color === null ? html` class="fl-map-point fl-map-default"` : html` class="fl-map-point" fill="${pt.color}"`;
    return html`<circle${paint} cx="${f(x)}" cy="${f(y)}" r="${f(r)}">${i < 1000 ? html`<title>${`${formatNumber(pt.lat)}, ${formatNumber(pt.lon)}`}</title>` : ""}</circle>`;
  });
  const clip = `${p.id}-clip`;
  const frame = html`x="${plot.x0}" y="${plot.y0}" width="${plot.x1 - plot.x0}" height="${plot.y1 - plot.y0}"`;
  const body = html`<defs><clipPath id="${clip}"><rect ${frame}/></clipPath></defs><rect class="fl-map-frame" ${frame}/><g clip-path="url(#${clip})">${raw(tiles(p, scale, cx, cy, plot))}${grid}<g class="fl-map-points">${dots}</g></g>${axes}`;
  const desc = p.points.length
    ? `${formatNumber(p.points.length)} point${p.points.length === 1 ? "" : "s"}, latitudes ${formatNumber(Math.min(...p.points.map((q) => q.lat)))} to ${formatNumber(Math.max(...p.points.map((q) => q.lat)))}, longitudes ${formatNumber(Math.min(...p.points.map((q) => q.lon)))} to ${formatNumber(Math.max(...p.points.map((q) => q.lon)))}.`
    : "No points.";
  return figure({ kind: "map", id: p.id, title: p.title, caption: p.caption, desc, body: String(body), width: W, height: H, fill: p.fill, table: p.table, className: "fl-map", footer: p.attribution ? html`<p class="fl-caption fl-map-attribution">${p.attribution}</p>` : undefined });
}

/** The base map's tiles covering the plot, at the zoom level nearest the view's scale. */
function tiles(p: MapProps, scale: number, cx: number, cy: number, plot: { x0: number; x1: number; y0: number; y1: number }): string {
  if (!p.tiles) return "";
  const z = Math.max(0, Math.min(19, Math.round(Math.log2(scale / TILE))));
  const n = 2 ** z;
  const size = scale / n;
  const midX = (plot.x0 + plot.x1) / 2;
  const midY = (plot.y0 + plot.y1) / 2;
  const first = (px: number, mid: number, c: number) => Math.floor((c + (px - mid) / scale) * n);
  const out = [];
  for (let ty = Math.max(0, first(plot.y0, midY, cy)); ty <= Math.min(n - 1, first(plot.y1, midY, cy)); ty++) {
    for (let tx = first(plot.x0, midX, cx); tx <= first(plot.x1, midX, cx); tx++) {
      const url = p.tiles.replace("{z}", String(z)).replace("{x}", String(((tx % n) + n) % n)).replace("{y}", String(ty));
      out.push(html`<image href="${url}" x="${f(midX + (tx / n - cx) * scale)}" y="${f(midY + (ty / n - cy) * scale)}" width="${f(size + 0.5)}" height="${f(size + 0.5)}" preserveAspectRatio="none"/>`);
    }
  }
  return String(html`<g class="fl-map-tiles" aria-hidden="true">${out}</g>`);
}

const mapCss = `
.fl-map-frame{fill:var(--fl-side);stroke:var(--fl-line)}
.fl-map-point{fill-opacity:.75;stroke:var(--fl-bg);stroke-width:.5}.fl-map-default{fill:#c81e00}
@media (prefers-color-scheme:dark){.fl-map-default{fill:#ff7a66}}
.fl-map-attribution{margin:.2rem 0 0}
`;

export const mapFamily = defineFamily<{ map: MapProps }>({ map: renderMap }, mapCss);
