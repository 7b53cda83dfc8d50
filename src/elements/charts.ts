/** Line, bar, area and scatter charts as accessible inline SVG. (Stub: to be implemented.) */
import type { ContainerBase } from "./base.ts";
import type { TableData } from "./data.ts";
import type { Renderers } from "../render/types.ts";

export interface ChartOptions {
  /** the column on the x axis (default: the row index) */
  x?: string;
  /** the column(s) plotted (default: every numeric column but x) */
  y?: string | string[];
  /** a column whose values split the data into series */
  color?: string;
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
  /** a title for the chart (also its accessible name) */
  title?: string;
}

export type ChartKind = "line" | "bar" | "area" | "scatter";

export function chart(_c: ContainerBase, _kind: ChartKind, _data: TableData, _opts: ChartOptions = {}): void {
  throw new Error("charts are not implemented yet");
}

export const chartRenderers: Renderers = {};

/** This family's CSS, appended to the theme (use the theme's --fl-* colour variables). */
export const chartsCss = ``;
