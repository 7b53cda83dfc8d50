/** Number input and slider (single value or a range). */
import type { ContainerBase } from "./base.ts";
import { WrongValueType, StreamlitAPIException } from "../engine/errors.ts";
import {
  callbackOf,
  describedBy,
  disabledAttr,
  domId,
  esc,
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
import { register } from "./register.ts";
import type { Renderers } from "../render/types.ts";

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
  if (s.length > 64) return { error: `${label}: that is not a number.` };
  const n = Number(s);
  if (!Number.isFinite(n)) return { error: `${label}: "${s}" is not a number.` };
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
  if (initial !== null && ((opts.minValue !== undefined && initial < opts.minValue) || (opts.maxValue !== undefined && initial > opts.maxValue))) {
    throw new StreamlitAPIException(
      `The default \`value\` ${initial} must be between the \`min_value\` ${opts.minValue ?? "None"} and the \`max_value\` ${opts.maxValue ?? "None"}.`,
    );
  }
  const reg = register<number | null>(c, {
    elementType: "number_input",
    key,
    idParams: { label, min_value: opts.minValue, max_value: opts.maxValue, value: initial, step, format: opts.format, placeholder: opts.placeholder },
    style: "one",
    initial,
    hasDefault: opts.value !== undefined && opts.value !== null,
    callback: callbackOf(opts.onChange, opts.args),
    parse: (raw) => parseNumber(raw[0], label, { integer, min: opts.minValue, max: opts.maxValue, allowEmpty: opts.value === null }),
    serialize: (v) => {
      checkNumber(v);
      return [v === null ? "" : String(v)];
    },
  });
  c._push({
    type: "number_input",
    props: { ...widgetProps(reg, label, key, opts), min: opts.minValue, max: opts.maxValue, step, integer, placeholder: opts.placeholder },
  });
  return reg.value;
}

export interface SliderOptions extends WidgetOptions, ChangeOptions {
  minValue?: number;
  maxValue?: number;
  value?: number | [number, number];
  step?: number;
  format?: string;
}

export function slider(c: ContainerBase, label: string, opts: SliderOptions = {}): number | [number, number] {
  const key = keyOf(opts.key);
  const given = Array.isArray(opts.value) ? opts.value : [opts.value];
  const integer = isInt(...given, opts.minValue, opts.maxValue, opts.step);
  const min = opts.minValue ?? (integer ? 0 : 0.0);
  const max = opts.maxValue ?? (integer ? 100 : 1.0);
  const step = opts.step ?? (integer ? 1 : 0.01);
  const range = Array.isArray(opts.value);
  const initial = opts.value ?? min;
  if (min > max) throw new StreamlitAPIException(`Slider \`min_value\` must be less than the \`max_value\`.\nThe value of \`min_value\` is ${min}.\nThe value of \`max_value\` is ${max}.`);
  for (const v of Array.isArray(initial) ? initial : [initial]) {
    if (v < min || v > max) {
      throw new StreamlitAPIException(
        `The default \`value\` of ${v} must lie between the \`min_value\` of ${min} and the \`max_value\` of ${max}, inclusively.`,
      );
    }
  }
  const reg = register<number | number[]>(c, {
    elementType: "slider",
    key,
    idParams: { label, min_value: min, max_value: max, value: initial, step, format: opts.format },
    style: "one",
    initial,
    hasDefault: opts.value !== undefined,
    callback: callbackOf(opts.onChange, opts.args),
    parse: (raw) => {
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
    serialize: (v) => {
      const list = Array.isArray(v) ? v : [v];
      for (const x of list) checkNumber(x);
      return list.map(String);
    },
  });
  c._push({ type: "slider", props: { ...widgetProps(reg, label, key, opts), min, max, step, range } });
  return reg.value as number | [number, number];
}

type NumberProps = WidgetProps & { min?: number; max?: number; step: number; integer: boolean; placeholder?: string };
type SliderProps = WidgetProps & { min: number; max: number; step: number; range: boolean };

const attr = (name: string, v: unknown) => (v === undefined || v === null ? "" : ` ${name}="${esc(v)}"`);

export const numericRenderers: Renderers = {
  number_input: (n) => {
    const p = n.props as unknown as NumberProps;
    const input = `<input class="fl-input" type="number" id="${domId(p.id)}" name="${esc(p.id)}" value="${esc(p.raw[0] ?? "")}" step="${p.integer ? esc(p.step) : "any"}"${attr("min", p.min)}${attr("max", p.max)}${attr("placeholder", p.placeholder)}${p.integer ? ' inputmode="numeric"' : ' inputmode="decimal"'}${describedBy(p)}${p.error ? ' aria-invalid="true"' : ""}${disabledAttr(p)}>`;
    return widgetWrap("number_input", p, labelHtml(p) + input);
  },
  slider: (n) => {
    const p = n.props as unknown as SliderProps;
    const base = domId(p.id);
    const names = p.range ? ["start", "end"] : [""];
    const inputs = names
      .map((part, i) => {
        const id = part ? `${base}-${i}` : base;
        const aria = part ? ` aria-label="${esc(p.label)} (${part})"` : "";
        return `<input class="fl-range" type="range" id="${id}" name="${esc(p.id)}" value="${esc(p.raw[i] ?? "")}" min="${esc(p.min)}" max="${esc(p.max)}" step="${esc(p.step)}"${aria}${describedBy(p)}${disabledAttr(p)}>`;
      })
      .join("");
    const shown = p.raw.join(" – ");
    const label = p.range ? labelHtml(p, `${base}-0`) : labelHtml(p);
    return widgetWrap("slider", p, `${label}<div class="fl-slider-track">${inputs}<output class="fl-slider-value" for="${base}">${esc(shown)}</output></div>`);
  },
};
