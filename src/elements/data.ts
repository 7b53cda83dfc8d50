/** Tables: st.table (static) and st.dataframe (sorting and paging without JS). (Stub.) */
import type { ContainerBase } from "./base.ts";
import type { Renderers } from "../render/types.ts";

/** Rows (array of objects) or columns (object of arrays). */
export type TableData = Record<string, unknown>[] | Record<string, unknown[]>;

export interface DataframeOptions {
  key?: string;
  /** rows per page (default 20) */
  pageSize?: number;
  hideIndex?: boolean;
  columnOrder?: string[];
  height?: number;
}

export function table(_c: ContainerBase, _data: TableData): void {
  throw new Error("st.table is not implemented yet");
}
export function dataframe(_c: ContainerBase, _data: TableData, _opts: DataframeOptions = {}): void {
  throw new Error("st.dataframe is not implemented yet");
}

export const dataRenderers: Renderers = {};

/** This family's CSS, appended to the theme (use the theme's --fl-* colour variables). */
export const dataCss = ``;
