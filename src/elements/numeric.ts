/** Number input and slider (single value or a range). */
import type { ContainerBase } from "./base.ts";
import { WrongValueType, StreamlitAPIException, ValueAboveMaxError, ValueBelowMinError } from "../engine/errors.ts";
import {
  callbackOf,
  describedBy,
  disabledAttr,
  domId,
  invalidAttr,
  keyOf,
  labelHtml,
  pyRepr,
  pyType,
  widgetProps,
  widgetWrap,
  type ChangeOptions,
  type WidgetOptions,
  type WidgetProps,
} from "./common.ts";
import { register, stateValueOf } from "./register.ts";
import type { Json } from "../engine/state.ts";
import { defineFamily } from "./family.ts";
import { html } from "../render/html.ts";
import { MAX_NUMBER_CHARS, postedNumber } from "./limits.ts";
import { sized } from "./sizing.ts";

export interface NumberInputOptions extends WidgetOptions, ChangeOptions {
  value?: number | null;
  minValue?: number;
  maxValue?: number;
  step?: number;
  format?: string;
  placeholder?: string;
}

const isInt = (...xs: (number | null | undefined)[]) =>
  xs.every((x) => x === undefined || x === null || Number.isInteger(x));

/** Reads one posted number, checked against the widget's bounds. */
function parseNumber(
  text: string | undefined,
  label: string,
  o: { integer: boolean; min?: number; max?: number; allowEmpty: boolean },
): { value: number | null } | { error: string } {
  const s = (text ?? "").trim();
  if (s === "") return o.allowEmpty ? { value: null } : { error: `${label}: enter a number.` };
  if (s.length > MAX_NUMBER_CHARS) return { error: `${label}: that is not a number.` };
  const n = postedNumber(s);
  if (n === null) return { error: `${label}: "${s}" is not a number.` };
  if (o.integer && !Number.isInteger(n)) return { error: `${label}: ${s} is not a whole number.` };
  if (o.min !== undefined && n < o.min) return { error: `${label}: ${s} is below the minimum, ${o.min}.` };
  if (o.max !== undefined && n > o.max) return { error: `${label}: ${s} is above the maximum, ${o.max}.` };
  return { value: n };
}

function checkNumber(v: unknown): void {
  if (v !== null && typeof v !== "number") throw new WrongValueType(pyRepr(v), pyType(v), "int, float");
}

export function numberInput(c: ContainerBase, label: string, opts: NumberInputOptions = {}): number | null {
  const key = keyOf(opts.key);
  const integer = isInt(opts.value, opts.minValue, opts.maxValue, opts.step) &&
    [opts.value, opts.minValue, opts.maxValue, opts.step].some((x) => typeof x === "number");
  const step = opts.step ?? (integer ? 1 : 0.01);
  const initial = opts.value === undefined ? (opts.minValue ?? 0) : opts.value;
  if (initial !== null && opts.minValue !== undefined && initial < opts.minValue) throw new ValueBelowMinError(initial, opts.minValue);
  if (initial !== null && opts.maxValue !== undefined && initial > opts.maxValue) throw new ValueAboveMaxError(initial, opts.maxValue);
  const allowEmpty = opts.value === null;
  const reg = register<number | null>(c, {
    elementType: "number_input",
    key,
    // Streamlit hashes the arguments as given: an omitted value is its sentinel "min", an omitted step None
    idParams: { label, min_value: opts.minValue, max_value: opts.maxValue, value: opts.value === undefined ? "min" : opts.value, step: opts.step, format: opts.format, help: opts.help, placeholder: opts.placeholder },
    style: "one",
    initial,
    hasDefault: opts.value !== undefined && opts.value !== null,
    callback: callbackOf(opts.onChange, opts.args),
    parse(raw) {
      return parseNumber(raw[0], label, { integer, min: opts.minValue, max: opts.maxValue, allowEmpty });
    },
    serialize(v) {
      checkNumber(v);
      return [v === null ? "" : String(v)];
    },
  });
  c._push(sized(numericFamily.node("number_input", { ...widgetProps(reg, label, key, opts), min: opts.minValue, max: opts.maxValue, step, integer, placeholder: opts.placeholder }), opts));
  return reg.value;
}

export interface SliderOptions extends WidgetOptions, ChangeOptions {
  minValue?: number;
  maxValue?: number;
  value?: number | [number, number];
  step?: number;
  format?: string;
}

/**
 * Streamlit's slider bounds: no `value` gives a range only when the keyed state already holds
 * one; a default outside [min, max] widens the bounds to include it; a range default is put in
 * order; min and max equal after that is an error (the widget would have no room to move).
 */
function sliderShape(opts: SliderOptions, stateValue: { value: Json } | undefined) {
  let value: number | number[] | undefined = opts.value;
  if (value === undefined) {
    const stateRange = stateValue !== undefined && Array.isArray(stateValue.value);
    value = stateRange ? [opts.minValue ?? 0, opts.maxValue ?? 100] : (opts.minValue ?? 0);
  }
  const list = Array.isArray(value) ? [...value] : [value];
  if (list.length > 2 || list.some((v) => typeof v !== "number")) {
    throw new StreamlitAPIException("Slider value should either be an int/float/datetime or a list/tuple of 0 to 2 ints/floats/datetimes");
  }
  const integer = isInt(...list, opts.minValue, opts.maxValue, opts.step);
  let min = opts.minValue ?? (integer ? 0 : 0.0);
  let max = opts.maxValue ?? (integer ? 100 : 1.0);
  // bounds given the wrong way round keep max_value and bring min down to it (Streamlit's own
  // order of min() then max()), so a default equal to that max leaves no room and is refused
  min = Math.min(min, max);
  if (list.length === 2 && list[0]! > list[1]!) list.reverse();
  if (list.length === 0) list.push(min, max);
  min = Math.min(min, list[0]!);
  max = Math.max(max, list[list.length - 1]!);
  if (min === max) {
    throw new StreamlitAPIException(`Slider \`min_value\` must be less than the \`max_value\`.\nThe values were ${min} and ${max}.`);
  }
  const step = opts.step ?? (integer ? 1 : 0.01);
  if (step === 0) throw new StreamlitAPIException("Slider components cannot be passed a `step` of 0.");
  const range = Array.isArray(value);
  return { initial: range ? list : list[0]!, range, integer, min, max, step };
}

export function slider(c: ContainerBase, label: string, opts: SliderOptions = {}): number | [number, number] {
  const key = keyOf(opts.key);
  const { initial, range, integer, min, max, step } = sliderShape(opts, stateValueOf(c, key));
  const reg = register<number | number[]>(c, {
    elementType: "slider",
    key,
    // the arguments as given, as Streamlit hashes them before working out the bounds
    idParams: { label, min_value: opts.minValue, max_value: opts.maxValue, value: opts.value, step: opts.step, format: opts.format, help: opts.help },
    keyedIdParams: ["min_value", "max_value", "step"],
    style: "one",
    initial,
    hasDefault: opts.value !== undefined,
    callback: callbackOf(opts.onChange, opts.args),
    parse(raw) {
      if (raw.length !== (range ? 2 : 1)) return { error: `${label}: expected ${range ? "two values" : "one value"}.` };
      const values: number[] = [];
      for (const r of raw) {
        const p = parseNumber(r, label, { integer, min, max, allowEmpty: false });
        if ("error" in p) return p;
        values.push(p.value as number);
      }
      if (!range) return { value: values[0]! };
      return { value: values[0]! <= values[1]! ? values : [values[1]!, values[0]!] };
    },
    serialize(v) {
      const list = Array.isArray(v) ? v : [v];
      for (const x of list) checkNumber(x);
      return list.map(String);
    },
  });
  c._push(sized(numericFamily.node("slider", { ...widgetProps(reg, label, key, opts), min, max, step, range }), opts));
  return reg.value as number | [number, number];
}

type NumberProps = WidgetProps & { min?: number; max?: number; step: number; integer: boolean; placeholder?: string };
type SliderProps = WidgetProps & { min: number; max: number; step: number; range: boolean };

const attr = (name: string, v: string | number | undefined) => (v === undefined || v === null ? "" : html` ${name}="${v}"`);

export const numericFamily = defineFamily<{ number_input: NumberProps; slider: SliderProps }>({
  number_input: (p) => {
    const input = html`<input class="fl-input" type="number" id="${domId(p.id)}" name="${p.id}" value="${p.raw[0] ?? ""}" step="${p.integer ? p.step : "any"}"${attr("min", p.min)}${attr("max", p.max)}${attr("placeholder", p.placeholder)} inputmode="${p.integer ? "numeric" : "decimal"}"${describedBy(p)}${invalidAttr(p)}${disabledAttr(p)}>`;
    return widgetWrap("number_input", p, labelHtml(p), input);
  },
  slider: (p) => {
    const base = domId(p.id);
    const names = p.range ? ["start", "end"] : [""];
    const inputs = names.map((part, i) => {
      const id = part ? `${base}-${i}` : base;
      const aria = part && html` aria-label="${p.label} (${part})"`;
      return html`<input class="fl-range" type="range" id="${id}" name="${p.id}" value="${p.raw[i] ?? ""}" min="${p.min}" max="${p.max}" step="${p.step}"${aria}${describedBy(p)}${disabledAttr(p)}>`;
    });
    const shown = p.raw.join(" – ");
    const label = p.range ? labelHtml(p, `${base}-0`) : labelHtml(p);
    return widgetWrap("slider", p, html`${label}<div class="fl-slider-track">${inputs}<output class="fl-slider-value" for="${base}">${shown}</output></div>`);
  },
});
