/**
 * Container: every element method, on any container (`st`, `st.sidebar`, a column, a form...),
 * exactly as Streamlit's DeltaGenerator offers them.
 */
import { ContainerBase, type Area } from "./base.ts";
import type { ElementNode } from "../engine/tree.ts";
import type { Json } from "../engine/state.ts";
import * as display from "./display.ts";
import { numberInput, slider, type NumberInputOptions, type SliderOptions } from "./numeric.ts";
import { textArea, textInput, type TextAreaOptions, type TextInputOptions } from "./text.ts";
import {
  checkbox,
  multiselect,
  radio,
  selectSlider,
  selectbox,
  toggle,
  type CheckboxOptions,
  type MultiselectOptions,
  type RadioOptions,
  type SelectOptions,
  type SelectSliderOptions,
} from "./choice.ts";
import { button, formSubmitButton, type ButtonOptions } from "./buttons.ts";
import { columns, container, expander, form } from "./layout.ts";
import { colorPicker, dateInput, timeInput, type ColorPickerOptions, type DateInputOptions, type TimeInputOptions } from "./dates.ts";
import { downloadButton, fileUploader, type DownloadButtonOptions, type FileUploaderOptions, type UploadedFile } from "./files.ts";
import { linkButton, pageLink, type LinkButtonOptions, type PageLinkOptions } from "./links.ts";
import { dataframe, table, type DataframeOptions, type TableData, type TableOptions } from "./data.ts";
import { empty, image, metric, progress, spinner, tabs, type ImageOptions, type MetricOptions, type ProgressHandle } from "./feedback.ts";
import { chart, type ChartOptions } from "./charts.ts";
import type { StreamlitPage } from "../pages/page.ts";

export class Container extends ContainerBase {
  // Input widgets: each returns its current value.
  numberInput(label: string, opts?: NumberInputOptions): number | null {
    return numberInput(this, label, opts);
  }
  slider(label: string, opts?: SliderOptions & { value?: number }): number;
  slider(label: string, opts: SliderOptions & { value: [number, number] }): [number, number];
  slider(label: string, opts?: SliderOptions): number | [number, number] {
    return slider(this, label, opts);
  }
  textInput(label: string, opts?: TextInputOptions): string | null {
    return textInput(this, label, opts);
  }
  textArea(label: string, opts?: TextAreaOptions): string | null {
    return textArea(this, label, opts);
  }
  checkbox(label: string, opts?: CheckboxOptions): boolean {
    return checkbox(this, label, opts);
  }
  toggle(label: string, opts?: CheckboxOptions): boolean {
    return toggle(this, label, opts);
  }
  radio<T extends Json>(label: string, options: readonly T[], opts?: RadioOptions<T>): T | null {
    return radio(this, label, options, opts);
  }
  selectbox<T extends Json>(label: string, options: readonly T[], opts?: SelectOptions<T>): T | null {
    return selectbox(this, label, options, opts);
  }
  multiselect<T extends Json>(label: string, options: readonly T[], opts?: MultiselectOptions<T>): T[] {
    return multiselect(this, label, options, opts);
  }
  selectSlider<T extends Json>(label: string, options: readonly T[], opts?: SelectSliderOptions<T> & { value?: T | null }): T;
  selectSlider<T extends Json>(label: string, options: readonly T[], opts: SelectSliderOptions<T> & { value: [T, T] }): [T, T];
  selectSlider<T extends Json>(label: string, options: readonly T[], opts?: SelectSliderOptions<T>): T | [T, T] {
    return selectSlider(this, label, options, opts);
  }
  button(label: string, opts?: ButtonOptions): boolean {
    return button(this, label, opts);
  }
  formSubmitButton(label?: string, opts?: ButtonOptions): boolean {
    return formSubmitButton(this, label, opts);
  }

  dateInput(label: string, opts?: DateInputOptions): string | [string, string] | null {
    return dateInput(this, label, opts);
  }
  timeInput(label: string, opts?: TimeInputOptions): string | null {
    return timeInput(this, label, opts);
  }
  colorPicker(label: string, opts?: ColorPickerOptions): string {
    return colorPicker(this, label, opts);
  }
  fileUploader(label: string, opts?: FileUploaderOptions): UploadedFile | UploadedFile[] | null {
    return fileUploader(this, label, opts);
  }
  downloadButton(label: string, data: string | Uint8Array, opts?: DownloadButtonOptions): boolean {
    return downloadButton(this, label, data, opts);
  }
  linkButton(label: string, url: string, opts?: LinkButtonOptions): void {
    linkButton(this, label, url, opts);
  }
  pageLink(page: StreamlitPage | string, opts?: PageLinkOptions): void {
    pageLink(this, page, opts);
  }

  // Data and media.
  table(data: TableData, opts?: TableOptions): void {
    table(this, data, opts);
  }
  dataframe(data: TableData, opts?: DataframeOptions): void {
    dataframe(this, data, opts);
  }
  metric(label: string, value: unknown, opts?: MetricOptions): void {
    metric(this, label, value, opts);
  }
  progress(value: number, opts?: { text?: string }): ProgressHandle {
    return progress(this, value, opts);
  }
  image(src: string | Uint8Array, opts?: ImageOptions): void {
    image(this, src, opts);
  }
  lineChart(data: TableData, opts?: ChartOptions): void {
    chart(this, "line", data, opts);
  }
  barChart(data: TableData, opts?: ChartOptions): void {
    chart(this, "bar", data, opts);
  }
  areaChart(data: TableData, opts?: ChartOptions): void {
    chart(this, "area", data, opts);
  }
  scatterChart(data: TableData, opts?: ChartOptions): void {
    chart(this, "scatter", data, opts);
  }
  /** Runs `fn` (a spinner shows while the page waits, with the client script). */
  spinner<T>(text: string, fn: () => T | Promise<T>): Promise<T> {
    return spinner(this, text, fn);
  }

  // Display.
  title(body: string, opts?: { anchor?: string; help?: string }): void {
    display.heading(this, 1, body, opts);
  }
  header(body: string, opts?: { anchor?: string; help?: string }): void {
    display.heading(this, 2, body, opts);
  }
  subheader(body: string, opts?: { anchor?: string; help?: string }): void {
    display.heading(this, 3, body, opts);
  }
  markdown(body: string, opts?: { unsafeAllowHtml?: boolean; help?: string }): void {
    display.markdown(this, body, opts);
  }
  text(body: unknown): void {
    display.text(this, body);
  }
  caption(body: string): void {
    display.caption(this, body);
  }
  code(body: string, opts?: { language?: string | null }): void {
    display.code(this, body, opts);
  }
  json(value: unknown, opts?: { expanded?: boolean }): void {
    display.json(this, value, opts);
  }
  write(...args: unknown[]): void {
    display.write(this, ...args);
  }
  divider(): void {
    display.divider(this);
  }
  success(body: string, opts?: { icon?: string }): void {
    display.alert(this, "success", body, opts);
  }
  info(body: string, opts?: { icon?: string }): void {
    display.alert(this, "info", body, opts);
  }
  warning(body: string, opts?: { icon?: string }): void {
    display.alert(this, "warning", body, opts);
  }
  error(body: string, opts?: { icon?: string }): void {
    display.alert(this, "error", body, opts);
  }
  exception(err: unknown): void {
    display.exception(this, err);
  }

  // Layout: each returns containers with these same methods.
  columns(spec: number | number[], opts?: { gap?: "small" | "medium" | "large" }): Container[] {
    return columns(this, spec, opts) as Container[];
  }
  container(opts?: { border?: boolean }): Container {
    return container(this, opts) as Container;
  }
  expander(label: string, opts?: { expanded?: boolean; icon?: string }): Container {
    return expander(this, label, opts) as Container;
  }
  form(key: string, opts?: { border?: boolean }): Container {
    return form(this, key, opts) as Container;
  }
  /** A slot holding one element: each call on it replaces what it shows. */
  empty(): Container {
    return empty(this) as Container;
  }
  tabs(labels: string[]): Container[] {
    return tabs(this, labels) as Container[];
  }
}

ContainerBase.make = (nodes: ElementNode[], form: string | null, area: Area) => new Container(nodes, form, area);
