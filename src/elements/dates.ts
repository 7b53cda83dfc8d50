/** Date, time and colour inputs. (Stub: to be implemented.) */
import type { ContainerBase } from "./base.ts";
import type { ChangeOptions, WidgetOptions } from "./common.ts";
import type { Renderers } from "../render/types.ts";

export interface DateInputOptions extends WidgetOptions, ChangeOptions {
  /** an ISO date "YYYY-MM-DD", "today", null (empty), or a [start, end] range */
  value?: string | null | [string, string];
  minValue?: string;
  maxValue?: string;
  format?: string;
}
export interface TimeInputOptions extends WidgetOptions, ChangeOptions {
  /** "HH:MM", "now" or null */
  value?: string | null;
  /** seconds between choices (default 900) */
  step?: number;
}
export interface ColorPickerOptions extends WidgetOptions, ChangeOptions {
  /** "#rrggbb" (default "#000000") */
  value?: string;
}

export function dateInput(_c: ContainerBase, _label: string, _opts: DateInputOptions = {}): string | [string, string] | null {
  throw new Error("st.dateInput is not implemented yet");
}
export function timeInput(_c: ContainerBase, _label: string, _opts: TimeInputOptions = {}): string | null {
  throw new Error("st.timeInput is not implemented yet");
}
export function colorPicker(_c: ContainerBase, _label: string, _opts: ColorPickerOptions = {}): string {
  throw new Error("st.colorPicker is not implemented yet");
}

export const dateRenderers: Renderers = {};

/** This family's CSS, appended to the theme (use the theme's --fl-* colour variables). */
export const datesCss = ``;
