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
}

ContainerBase.make = (nodes: ElementNode[], form: string | null, area: Area) => new Container(nodes, form, area);
