/** Choice widgets: checkbox, toggle, radio, selectbox, multiselect, select slider. */
import type { ContainerBase } from "./base.ts";
import { NotInIterable, StreamlitAPIException, WrongValueType, defaultNotInOptions } from "../engine/errors.ts";
import type { Json } from "../engine/state.ts";
import {
  callbackOf,
  describedBy,
  disabledAttr,
  domId,
  indexIn,
  keptOptions,
  keyOf,
  legendHtml,
  labelHtml,
  pyRepr,
  pyStr,
  pyType,
  widgetProps,
  widgetWrap,
  type ChangeOptions,
  type WidgetOptions,
  type WidgetProps,
} from "./common.ts";
import { register } from "./register.ts";
import { defineFamily } from "./family.ts";
import { html, type Html } from "../render/html.ts";
import { sized } from "./sizing.ts";
import { manyOrNew, optionOrNew, postedText, postedTexts, typedMultiselect, typedSelectbox } from "./choice-new.ts";

export interface CheckboxOptions extends WidgetOptions, ChangeOptions {
  value?: boolean;
}

function booleanWidget(c: ContainerBase, kind: "checkbox" | "toggle", label: string, opts: CheckboxOptions): boolean {
  const key = keyOf(opts.key);
  const initial = opts.value ?? false;
  const reg = register<boolean>(c, {
    elementType: kind,
    key,
    idParams: { label, value: initial, help: opts.help },
    style: "bool",
    initial,
    hasDefault: opts.value === true, // Streamlit: value=False counts as no default
    callback: callbackOf(opts.onChange, opts.args),
    parse(raw) {
      return { value: raw.includes("1") };
    },
    serialize(v) {
      if (typeof v !== "boolean" && !(typeof v === "number" && Number.isInteger(v))) {
        throw new WrongValueType(pyRepr(v), pyType(v), "int, bool");
      }
      return v ? ["1"] : [];
    },
  });
  c._push(sized(choiceFamily.node(kind, widgetProps(reg, label, key, opts)), opts));
  return reg.value;
}

export const checkbox = (c: ContainerBase, label: string, opts: CheckboxOptions = {}) => booleanWidget(c, "checkbox", label, opts);
export const toggle = (c: ContainerBase, label: string, opts: CheckboxOptions = {}) => booleanWidget(c, "toggle", label, opts);

export interface SelectOptions<T> extends WidgetOptions, ChangeOptions {
  /** index of the initially selected option; null: nothing selected (the value is null) */
  index?: number | null;
  formatFunc?: (option: T) => unknown;
  placeholder?: string;
}


/*
 * Helpers of the choice widgets at module level, not as closures made in each call: wrangler's
 * bundler (keepNames) sets the name of a named closure on every call, which costs more than the
 * closure's work.
 */

/** Throws Streamlit's error for the first value that is not one of the options. */
function checkAll(list: readonly unknown[], values: readonly unknown[]) {
  for (const v of values) if (indexIn(list, v) < 0) throw defaultNotInOptions(pyStr(v));
}

/** The index of the option `v` is, or Streamlit's error for a value that is none of them. */
function optionIndex(list: readonly unknown[], v: unknown): number {
  const i = indexIn(list, v);
  if (i < 0) throw new NotInIterable(pyStr(v));
  return i;
}
/** What st.selectbox and st.multiselect take beyond a radio's options. */
interface NewOptions {
  /**
   * let the person type an option that is not in `options` (default false): it is returned as the
   * string typed (text matching an option's label, even in another case, is that option). The
   * drop-down becomes a text field with the options as its suggestions, which works without
   * JavaScript. Changing it resets a keyed widget, as in Streamlit.
   */
  acceptNewOptions?: boolean;
  /**
   * Streamlit's filter for what is typed in the drop-down (`"fuzzy"` by default, `null` for none).
   * Accepted so that ported code runs, but it changes nothing: formlit's drop-down is the browser's
   * own `<select>` (type-to-find) or, with `acceptNewOptions`, its text field with suggestions,
   * which the browser filters as it does.
   */
  filterMode?: string | null;
}

export interface SelectboxOptions<T> extends SelectOptions<T>, NewOptions {}

export interface RadioOptions<T> extends SelectOptions<T> {
  horizontal?: boolean;
  captions?: string[];
}

export interface MultiselectOptions<T> extends WidgetOptions, ChangeOptions, NewOptions {
  default?: T | T[] | null;
  formatFunc?: (option: T) => unknown;
  maxSelections?: number;
  placeholder?: string;
}

function parseIndex(text: string | undefined, count: number): number | null {
  if (text === undefined || !/^\d{1,9}$/.test(text)) return null;
  const i = Number(text);
  return i < count ? i : null;
}

function singleChoice<T extends Json>(
  c: ContainerBase,
  kind: "radio" | "selectbox",
  label: string,
  options: readonly T[],
  opts: RadioOptions<T> & NewOptions,
): T | null {
  const key = keyOf(opts.key);
  const typed = kind === "selectbox" && opts.acceptNewOptions === true;
  const list = [...options];
  const format = opts.formatFunc ?? ((o: T) => o);
  const labels = list.map((o) => pyStr(format(o)));
  const index = opts.index === undefined ? 0 : opts.index;
  if (index !== null && (!Number.isInteger(index) || index < 0 || (list.length > 0 && index >= list.length))) {
    throw new StreamlitAPIException(
      kind === "radio"
        ? "Radio index must be between 0 and length of options"
        : "Selectbox index must be greater than or equal to 0 and less than the length of options.",
    );
  }
  const initial = index === null || list.length === 0 ? null : list[index]!;
  const reg = register<T | null>(c, {
    elementType: kind,
    key,
    idParams: { label, options: labels, index, help: opts.help, horizontal: opts.horizontal, captions: opts.captions, placeholder: opts.placeholder, accept_new_options: typed || undefined },
    keyedIdParams: ["accept_new_options"],
    style: "one",
    initial,
    // a kept choice the options no longer hold: back to the default, as Streamlit does (a new
    // option typed stays, where new options are accepted)
    settle(v) {
      return v === null || indexIn(list, v) >= 0 || (typed && typeof v === "string") ? v : initial;
    },
    // Streamlit passes `None if index == 0 else index`: index 0 and index None are no default
    hasDefault: opts.index !== undefined && opts.index !== null && opts.index !== 0,
    callback: callbackOf(opts.onChange, opts.args),
    parse(raw) {
      if ((raw[0] ?? "") === "" && index === null) return { value: null };
      if (typed) return raw[0] ? { value: optionOrNew(list, labels, raw[0]) as T } : { error: `${label}: choose an option or type a new one.` };
      const i = parseIndex(raw[0], list.length);
      return i === null ? { error: `${label}: that choice is not one of the options.` } : { value: list[i]! };
    },
    serialize(v) {
      // (null is "no choice" only where there can be none: an option null is chosen like any other)
      if (v === null && (index === null || !list.includes(null as T))) return [""];
      if (typed) return [postedText(list, labels, v)];
      const i = indexIn(list, v);
      if (i < 0) throw new NotInIterable(pyStr(v));
      return [String(i)];
    },
  });
  c._push(sized(choiceFamily.node(kind, { ...widgetProps(reg, label, key, opts), labels, horizontal: opts.horizontal ?? false, captions: opts.captions, placeholder: opts.placeholder, nullable: index === null, typed }), opts));
  return reg.value;
}

export const radio = <T extends Json>(c: ContainerBase, label: string, options: readonly T[], opts: RadioOptions<T> = {}) =>
  singleChoice(c, "radio", label, options, opts);
export const selectbox = <T extends Json>(c: ContainerBase, label: string, options: readonly T[], opts: SelectboxOptions<T> = {}) =>
  singleChoice(c, "selectbox", label, options, opts);

export function multiselect<T extends Json>(c: ContainerBase, label: string, options: readonly T[], opts: MultiselectOptions<T> = {}): T[] {
  const key = keyOf(opts.key);
  const list = [...options];
  const format = opts.formatFunc ?? ((o: T) => o);
  const labels = list.map((o) => pyStr(format(o)));
  const typed = opts.acceptNewOptions === true;
  const defaults: T[] = opts.default === undefined || opts.default === null ? [] : Array.isArray(opts.default) ? (opts.default as T[]) : [opts.default as T];
  checkAll(list, defaults);
  const reg = register<T[]>(c, {
    elementType: "multiselect",
    key,
    idParams: { label, options: labels, default: defaults.map((d) => indexIn(list, d)), help: opts.help, max_selections: opts.maxSelections, placeholder: opts.placeholder, accept_new_options: typed || undefined },
    keyedIdParams: ["max_selections", "accept_new_options"],
    style: "many",
    initial: defaults,
    // (new options typed stay, where they are accepted)
    settle(v) {
      return typed ? v : keptOptions(list, v);
    },
    // any default but None counts, even []: Streamlit warns for `default=[]` too
    hasDefault: opts.default !== undefined && opts.default !== null,
    callback: callbackOf(opts.onChange, opts.args),
    parse(raw) {
      if (typed) {
        const value = manyOrNew(list, labels, raw) as T[];
        return opts.maxSelections !== undefined && value.length > opts.maxSelections ? { error: tooMany(label, opts.maxSelections) } : { value };
      }
      const picked = new Set<number>();
      for (const r of raw) {
        const i = parseIndex(r, list.length);
        if (i === null) return { error: `${label}: a choice is not one of the options.` };
        picked.add(i);
      }
      if (opts.maxSelections !== undefined && picked.size > opts.maxSelections) return { error: tooMany(label, opts.maxSelections) };
      // in the order posted: the control lists the chosen options first, in the order they were picked
      return { value: [...picked].map((i) => list[i]!) };
    },
    serialize(v) {
      if (typed) return postedTexts(list, labels, v);
      if (!Array.isArray(v)) throw new WrongValueType(pyRepr(v), pyType(v), "list");
      checkAll(list, v);
      return v.map((x) => String(indexIn(list, x)));
    },
  });
  c._push(sized(choiceFamily.node("multiselect", { ...widgetProps(reg, label, key, opts), labels, placeholder: opts.placeholder, typed }), opts));
  return reg.value;
}

const tooMany = (label: string, max: number) => `${label}: you can only select up to ${max} option${max === 1 ? "" : "s"}.`;

export interface SelectSliderOptions<T> extends WidgetOptions, ChangeOptions {
  /** one option, or [start, end] for a range; default: the first option */
  value?: T | [T, T] | null;
  formatFunc?: (option: T) => unknown;
}

/** Streamlit's range test for select_slider: a value that is a pair (tuple or list of 2). */
const isRange = (v: unknown): v is [unknown, unknown] => Array.isArray(v) && v.length === 2;

/**
 * st.select_slider: a slider over a list of options (a range when `value` is a pair). Without
 * scripts it renders as a <select>, or two for a range; the form posts option indices.
 */
export function selectSlider<T extends Json>(
  c: ContainerBase,
  label: string,
  options: readonly T[],
  opts: SelectSliderOptions<T> = {},
): T | [T, T] {
  const key = keyOf(opts.key);
  const list = [...options];
  if (list.length === 0) throw new StreamlitAPIException("The `options` argument needs to be non-empty");
  const format = opts.formatFunc ?? ((o: T) => o);
  const labels = list.map((o) => pyStr(format(o)));
  const range = isRange(opts.value);
  let start: number[];
  if (range) {
    start = (opts.value as unknown[]).map((v) => optionIndex(list, v));
    if (start[0]! > start[1]!) start = [start[1]!, start[0]!];
  } else {
    // A value not among the options is an error, except None (the first option).
    const i = indexIn(list, opts.value);
    if (i < 0 && opts.value !== undefined && opts.value !== null) throw new NotInIterable(pyStr(opts.value));
    start = [Math.max(i, 0)];
  }
  const initial = (range ? start.map((i) => list[i]!) : list[start[0]!]!) as T | T[];
  const reg = register<T | T[]>(c, {
    elementType: "select_slider",
    key,
    idParams: { label, options: labels, value: start, help: opts.help },
    style: "one",
    initial,
    // a kept value (or either end of a range) the options no longer hold: back to the default
    settle(v) {
      return range ? (isRange(v) && v.some((x) => indexIn(list, x) < 0) ? initial : v) : indexIn(list, v) >= 0 ? v : initial;
    },
    hasDefault: opts.value !== undefined && opts.value !== null,
    callback: callbackOf(opts.onChange, opts.args),
    parse(raw) {
      if (raw.length !== start.length) return { error: `${label}: expected ${range ? "two values" : "one value"}.` };
      const picked: number[] = [];
      for (const r of raw) {
        const i = parseIndex(r, list.length);
        if (i === null) return { error: `${label}: that choice is not one of the options.` };
        picked.push(i);
      }
      if (!range) return { value: list[picked[0]!]! };
      picked.sort((a, b) => a - b);
      return { value: picked.map((i) => list[i]!) };
    },
    serialize(v) {
      if (range) {
        if (!isRange(v)) throw new WrongValueType(pyRepr(v), pyType(v), "list");
        return v.map((x) => String(optionIndex(list, x)));
      }
      return [String(optionIndex(list, v))];
    },
  });
  c._push(sized(choiceFamily.node("select_slider", { ...widgetProps(reg, label, key, opts), labels, range }), opts));
  return reg.value as T | [T, T];
}

type ChoiceProps = WidgetProps & { labels: string[]; horizontal: boolean; captions?: string[]; placeholder?: string; nullable: boolean; typed?: boolean };
type MultiselectProps = WidgetProps & { labels: string[]; placeholder?: string; typed: boolean };
type SelectSliderProps = WidgetProps & { labels: string[]; range: boolean };

interface ChoiceKinds {
  checkbox: WidgetProps;
  toggle: WidgetProps;
  radio: ChoiceProps;
  selectbox: ChoiceProps;
  select_slider: SelectSliderProps;
  multiselect: MultiselectProps;
}

/** A hidden empty field: tells the server this widget was in the submitted form even when unticked. */
const marker = (p: WidgetProps) => html`<input type="hidden" name="${p.id}" value=""${disabledAttr(p)}>`;

/** A checkbox (a toggle is one with the switch role) and its label. */
function tickBox(kind: "checkbox" | "toggle", p: WidgetProps): Html {
  const role = kind === "toggle" && html` role="switch"`;
  const cls = kind === "toggle" ? "fl-check fl-switch" : "fl-check";
  const box = html`${marker(p)}<input type="checkbox"${role} class="${cls}" id="${domId(p.id)}" name="${p.id}" value="1"${p.raw.includes("1") && html` checked`}${describedBy(p)}${disabledAttr(p)}>`;
  return widgetWrap(kind, p, html`<div class="fl-check-row">${box}${labelHtml(p)}</div>`);
}

/** One <option> per label, those whose index is in `chosen` selected. */
const options = (labels: string[], chosen: (i: number) => boolean) =>
  labels.map((text, i) => html`<option value="${i}"${chosen(i) && html` selected`}>${text}</option>`);

export const choiceFamily = defineFamily<ChoiceKinds>({
  checkbox: (p) => tickBox("checkbox", p),
  toggle: (p) => tickBox("toggle", p),
  radio: (p) => {
    const id = domId(p.id);
    const items = p.labels.map((text, i) => {
      const caption = p.captions?.[i] && html`<span class="fl-caption">${p.captions[i]}</span>`;
      return html`<label class="fl-radio-item"><input type="radio" name="${p.id}" value="${i}"${p.raw[0] === String(i) && html` checked`}${disabledAttr(p)}> <span>${text}</span>${caption}</label>`;
    });
    const cls = p.horizontal ? "fl-radio fl-radio-horizontal" : "fl-radio";
    return widgetWrap("radio", p, html`<fieldset class="${cls}" id="${id}"${describedBy(p)}>${legendHtml(p)}${items}</fieldset>`);
  },
  selectbox: (p) => {
    if (p.typed) return typedSelectbox(p);
    const none = p.raw[0] === "";
    const empty = (p.nullable || none) && html`<option value=""${none && html` selected`}>${p.placeholder ?? "Choose an option"}</option>`;
    const select = html`<select class="fl-input" id="${domId(p.id)}" name="${p.id}"${describedBy(p)}${disabledAttr(p)}>${empty}${options(p.labels, (i) => p.raw[0] === String(i))}</select>`;
    return widgetWrap("selectbox", p, labelHtml(p), select);
  },
  select_slider: (p) => {
    const base = domId(p.id);
    const parts = p.range ? ["start", "end"] : [""];
    const selects = parts.map((part, k) => {
      const id = part ? `${base}-${k}` : base;
      const aria = part && html` aria-label="${p.label} (${part})"`;
      return html`<select class="fl-input" id="${id}" name="${p.id}"${aria}${describedBy(p)}${disabledAttr(p)}>${options(p.labels, (i) => p.raw[k] === String(i))}</select>`;
    });
    const label = p.range ? labelHtml(p, `${base}-0`) : labelHtml(p);
    const controls = p.range ? html`${selects[0]}<span aria-hidden="true">–</span>${selects[1]}` : selects[0];
    return widgetWrap("select_slider", p, html`${label}<div class="fl-slider">${controls}</div>`);
  },
  multiselect: (p) => {
    if (p.typed) return typedMultiselect(p);
    // The chosen options come first, in the order they were picked, then the others in option
    // order. A browser posts selected options in document order, so the value keeps its order
    // and a newly picked option is appended, as in Streamlit.
    const chosen = [...new Set(p.raw)].filter((r) => p.labels[Number(r)] !== undefined);
    const rest = p.labels.map((_, i) => String(i)).filter((i) => !chosen.includes(i));
    const option = (i: string, selected: boolean) => html`<option value="${i}"${selected && html` selected`}>${p.labels[Number(i)]}</option>`;
    const items = [...chosen.map((i) => option(i, true)), ...rest.map((i) => option(i, false))];
    const size = Math.min(Math.max(p.labels.length, 2), 8);
    const select = html`${marker(p)}<select class="fl-input fl-multi" multiple size="${size}" id="${domId(p.id)}" name="${p.id}"${describedBy(p)}${disabledAttr(p)}>${items}</select>`;
    return widgetWrap("multiselect", p, labelHtml(p), select);
  },
});
