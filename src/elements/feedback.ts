/** Metric, progress, spinner, image, st.empty and st.tabs. (Stub: to be implemented.) */
import type { ContainerBase } from "./base.ts";
import type { Renderers } from "../render/types.ts";

export interface MetricOptions {
  delta?: number | string | null;
  deltaColor?: "normal" | "inverse" | "off";
  help?: string;
  labelVisibility?: "visible" | "hidden" | "collapsed";
}
export interface ImageOptions {
  caption?: string;
  width?: number;
  useContainerWidth?: boolean;
  /** MIME type of bytes (default image/png) */
  mime?: string;
}
/** What st.progress returns: call it again to update the same bar within the run. */
export interface ProgressHandle {
  progress(value: number, text?: string): ProgressHandle;
}

export function metric(_c: ContainerBase, _label: string, _value: unknown, _opts: MetricOptions = {}): void {
  throw new Error("st.metric is not implemented yet");
}
export function progress(_c: ContainerBase, _value: number, _opts: { text?: string } = {}): ProgressHandle {
  throw new Error("st.progress is not implemented yet");
}
export function image(_c: ContainerBase, _src: string | Uint8Array, _opts: ImageOptions = {}): void {
  throw new Error("st.image is not implemented yet");
}
export async function spinner<T>(_c: ContainerBase, _text: string, _fn: () => T | Promise<T>): Promise<T> {
  throw new Error("st.spinner is not implemented yet");
}
export function empty(_c: ContainerBase): ContainerBase {
  throw new Error("st.empty is not implemented yet");
}
export function tabs(_c: ContainerBase, _labels: string[]): ContainerBase[] {
  throw new Error("st.tabs is not implemented yet");
}

export const feedbackRenderers: Renderers = {};

/** This family's CSS, appended to the theme (use the theme's --fl-* colour variables). */
export const feedbackCss = ``;
