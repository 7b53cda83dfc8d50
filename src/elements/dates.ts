/**
 * Date, time and colour inputs: native `<input type="date|time|color">` controls. Values are the
 * strings those controls post ("YYYY-MM-DD", "HH:MM", "#rrggbb"), so they travel in session state
 * as they are. A posted value the widget cannot accept (not a real date, outside min/max, an end
 * before its start, a malformed time or colour) keeps the last good value and shows a message next
 * to the field, as numberInput does.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException, WrongValueType } from "../engine/errors.ts";
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
import { register } from "./register.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { html } from "../render/html.ts";
import { sized } from "./sizing.ts";

export interface DateInputOptions extends WidgetOptions, ChangeOptions {
  /** an ISO date "YYYY-MM-DD", "today" (the UTC date; the default), null (empty), or a [start, end] range */
  value?: string | null | [string, string];
  /** earliest date (default: ten years before the value, as in Streamlit) */
  minValue?: string;
  /** latest date (default: ten years after the value) */
  maxValue?: string;
  /** Streamlit's display format; the browser's date control shows dates in the user's locale */
  format?: string;
}
export interface TimeInputOptions extends WidgetOptions, ChangeOptions {
  /** "HH:MM", "now" (the UTC time, to the minute; the default) or null */
  value?: string | null;
  /** seconds between choices (default 900, between 60 and 23 hours, as in Streamlit) */
  step?: number;
}
export interface ColorPickerOptions extends WidgetOptions, ChangeOptions {
  /** "#rrggbb" or "#rgb" (default "#000000") */
  value?: string;
}

// ---- dates ---------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in ISO form ("2024-02-30" is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The date `years` years from an ISO date (Feb 29 becomes Feb 28), clamped to four-digit years. */
export function shiftYears(iso: string, years: number): string {
  const y = Math.min(9999, Math.max(1, Number(iso.slice(0, 4)) + years));
  const md = iso.slice(5) === "02-29" ? "02-28" : iso.slice(5);
  return `${String(y).padStart(4, "0")}-${md}`;
}

function authorDate(v: string, what: string): string {
  const s = v === "today" ? todayUtc() : v;
  if (typeof s !== "string" || !isIsoDate(s)) {
    throw new StreamlitAPIException(`Date input \`${what}\` must be an ISO date "YYYY-MM-DD" or "today", not ${pyRepr(v)}.`);
  }
  return s;
}

/** The author's arguments, checked: the default (one date, two, or none), and the bounds (ten years either side by default). */
function dateShape(opts: DateInputOptions) {
  const given = opts.value === undefined ? "today" : opts.value;
  const range = Array.isArray(given);
  if (range && given.length !== 2) {
    throw new StreamlitAPIException("DateInput value should either be a date or a list/tuple of 2 dates (a start and an end).");
  }
  const initial: string | [string, string] | null =
    given === null ? null : Array.isArray(given) ? [authorDate(given[0], "value"), authorDate(given[1], "value")] : authorDate(given, "value");
  const anchor = initial === null ? [todayUtc()] : Array.isArray(initial) ? initial : [initial];
  const min = opts.minValue !== undefined ? authorDate(opts.minValue, "min_value") : shiftYears(anchor[0]!, -10);
  const max = opts.maxValue !== undefined ? authorDate(opts.maxValue, "max_value") : shiftYears(anchor[anchor.length - 1]!, 10);
  if (min > max) {
    throw new StreamlitAPIException(`The \`min_value\`, set to ${min}, shouldn't be larger than the \`max_value\`, set to ${max}.`);
  }
  for (const v of anchor) {
    if (initial !== null && (v < min || v > max)) {
      throw new StreamlitAPIException(`The default \`value\` of ${v} must lie between the \`min_value\` of ${min} and the \`max_value\` of ${max}, inclusively.`);
    }
  }
  if (Array.isArray(initial) && initial[0] > initial[1]) {
    throw new StreamlitAPIException(`The start date ${initial[0]} of the default \`value\` is after its end date ${initial[1]}.`);
  }
  return { given, range, initial, min, max };
}

/** Reads the posted date(s): one, or a start and an end in order; empty only when the default was None. */
function parseDates(raw: string[], label: string, shape: ReturnType<typeof dateShape>): { value: string | string[] | null } | { error: string } {
  const { given, range, min, max } = shape;
  const parseOne = (text: string | undefined, part: string): { value: string | null } | { error: string } => {
    const s = (text ?? "").trim();
    if (s === "") return given === null ? { value: null } : { error: `${label}: enter ${part || "a date"}.` };
    if (s.length > 10 || !isIsoDate(s)) return { error: `${label}: "${s.slice(0, 40)}" is not a date (YYYY-MM-DD).` };
    if (s < min) return { error: `${label}: ${s} is before the earliest date, ${min}.` };
    if (s > max) return { error: `${label}: ${s} is after the latest date, ${max}.` };
    return { value: s };
  };
  if (!range) return raw.length === 1 ? parseOne(raw[0], "") : { error: `${label}: expected one date.` };
  if (raw.length !== 2) return { error: `${label}: expected a start and an end date.` };
  const start = parseOne(raw[0], "a start date");
  if ("error" in start) return start;
  const end = parseOne(raw[1], "an end date");
  if ("error" in end) return end;
  if (start.value === null || end.value === null) {
    return start.value === end.value ? { value: null } : { error: `${label}: enter both a start and an end date.` };
  }
  if (end.value < start.value) return { error: `${label}: the end date ${end.value} is before the start date ${start.value}.` };
  return { value: [start.value, end.value] };
}

export function dateInput(c: ContainerBase, label: string, opts: DateInputOptions = {}): string | [string, string] | null {
  const key = keyOf(opts.key);
  const shape = dateShape(opts);
  const { given, range, initial, min, max } = shape;
  const reg = register<string | string[] | null>(c, {
    elementType: "date_input",
    key,
    // the author's value as given ("today" stays "today"), so the widget keeps its id across days
    idParams: { label, value: given, min_value: opts.minValue, max_value: opts.maxValue, help: opts.help, format: opts.format },
    keyedIdParams: ["format"],
    style: "one",
    initial,
    hasDefault: opts.value !== undefined && opts.value !== null,
    callback: callbackOf(opts.onChange, opts.args),
    parse(raw) {
      return parseDates(raw, label, shape);
    },
    serialize(v) {
      if (v === null) return range ? ["", ""] : [""];
      const list = Array.isArray(v) ? v : [v];
      if (list.length !== (range ? 2 : 1) || !list.every((x) => typeof x === "string" && isIsoDate(x))) {
        throw new WrongValueType(pyRepr(v), pyType(v), range ? "list of 2 ISO dates" : "ISO date str (YYYY-MM-DD)");
      }
      return list as string[];
    },
  });
  c._push(sized(dateFamily.node("date_input", { ...widgetProps(reg, label, key, opts), min, max, range }), opts));
  return reg.value as string | [string, string] | null;
}

// ---- times ---------------------------------------------------------------------------------------

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?$/;

export function timeInput(c: ContainerBase, label: string, opts: TimeInputOptions = {}): string | null {
  const key = keyOf(opts.key);
  const given = opts.value === undefined ? "now" : opts.value;
  const step = opts.step ?? 900;
  if (!Number.isInteger(step) || step < 60 || step > 23 * 3600) {
    throw new StreamlitAPIException(`\`step\` must be between 60 seconds and 23 hours but is currently set to ${step} seconds.`);
  }
  let initial: string | null = null;
  if (given === "now") initial = new Date().toISOString().slice(11, 16);
  else if (given !== null) {
    const m = typeof given === "string" ? TIME.exec(given) : null;
    if (!m) throw new StreamlitAPIException(`Time input \`value\` must be "HH:MM", "now" or None, not ${pyRepr(given)}.`);
    initial = `${m[1]}:${m[2]}`;
  }
  const reg = register<string | null>(c, {
    elementType: "time_input",
    key,
    idParams: { label, value: given, help: opts.help, step },
    keyedIdParams: ["step"],
    style: "one",
    initial,
    // "now" (the default) and None are no default value for Streamlit's warning
    hasDefault: given !== "now" && given !== null,
    callback: callbackOf(opts.onChange, opts.args),
    parse(raw) {
      const s = (raw[0] ?? "").trim();
      if (raw.length !== 1) return { error: `${label}: expected one time.` };
      if (s === "") return given === null ? { value: null } : { error: `${label}: enter a time.` };
      const m = s.length <= 12 ? TIME.exec(s) : null;
      // Seconds (a browser may add them) are dropped: the value is "HH:MM", as Streamlit's is to the minute.
      return m ? { value: `${m[1]}:${m[2]}` } : { error: `${label}: "${s.slice(0, 40)}" is not a time (HH:MM).` };
    },
    serialize(v) {
      if (v !== null && (typeof v !== "string" || !TIME.test(v))) throw new WrongValueType(pyRepr(v), pyType(v), "time str (HH:MM)");
      return [v ?? ""];
    },
  });
  c._push(sized(dateFamily.node("time_input", { ...widgetProps(reg, label, key, opts), step }), opts));
  return reg.value;
}

// ---- colours -------------------------------------------------------------------------------------

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** "#rgb" or "#rrggbb" as the "#rrggbb" a colour control holds (lower case). */
function fullHex(s: string): string {
  const h = s.toLowerCase();
  return h.length === 4 ? `#${h[1]}${h[1]}${h[2]}${h[2]}${h[3]}${h[3]}` : h;
}

export function colorPicker(c: ContainerBase, label: string, opts: ColorPickerOptions = {}): string {
  const key = keyOf(opts.key);
  const initial = opts.value ?? "#000000";
  if (typeof initial !== "string" || !HEX.test(initial)) {
    throw new StreamlitAPIException(`'${String(initial)}' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'.`);
  }
  const reg = register<string>(c, {
    elementType: "color_picker",
    key,
    // Streamlit hashes str(value): "None" when no colour was given, so an explicit "#000000" differs
    idParams: { label, value: opts.value === undefined || opts.value === null ? "None" : initial, help: opts.help },
    style: "one",
    initial,
    hasDefault: opts.value !== undefined && opts.value !== null,
    callback: callbackOf(opts.onChange, opts.args),
    parse(raw) {
      const s = (raw[0] ?? "").trim();
      if (raw.length !== 1 || !HEX.test(s)) return { error: `${label}: "${s.slice(0, 40)}" is not a colour (#rrggbb).` };
      return { value: fullHex(s) };
    },
    serialize(v) {
      if (typeof v !== "string" || !HEX.test(v)) throw new WrongValueType(pyRepr(v), pyType(v), "str (#rrggbb)");
      return [fullHex(v)];
    },
  });
  c._push(sized(dateFamily.node("color_picker", widgetProps(reg, label, key, opts)), opts));
  return reg.value;
}

// ---- rendering -----------------------------------------------------------------------------------

type DateProps = WidgetProps & { min: string; max: string; range: boolean };
type TimeProps = WidgetProps & { step: number };

interface DateKinds {
  date_input: DateProps;
  time_input: TimeProps;
  color_picker: WidgetProps;
}

const renderers: KindRenderers<DateKinds> = {
  date_input: (p) => {
    const base = domId(p.id);
    const parts = p.range ? ["start", "end"] : [""];
    const inputs = parts.map((part, i) => {
      const id = part ? `${base}-${i}` : base;
      // each end of a range is named by the label plus which end it is
      const aria = part && html` aria-label="${p.label} (${part})"`;
      return html`<input class="fl-input fl-date" type="date" id="${id}" name="${p.id}" value="${p.raw[i] ?? ""}" min="${p.min}" max="${p.max}"${aria}${describedBy(p)}${invalidAttr(p)}${disabledAttr(p)}>`;
    });
    if (!p.range) return widgetWrap("date_input", p, labelHtml(p), ...inputs);
    return widgetWrap("date_input", p, html`${labelHtml(p, `${base}-0`)}<div class="fl-date-range">${inputs[0]}<span class="fl-date-sep" aria-hidden="true">–</span>${inputs[1]}</div>`);
  },
  time_input: (p) => {
    const input = html`<input class="fl-input fl-time" type="time" id="${domId(p.id)}" name="${p.id}" value="${p.raw[0] ?? ""}" step="${p.step}"${describedBy(p)}${invalidAttr(p)}${disabledAttr(p)}>`;
    return widgetWrap("time_input", p, labelHtml(p), input);
  },
  color_picker: (p) => {
    const id = domId(p.id);
    const value = p.raw[0] ?? "#000000";
    // the hex code is shown as text too: a colour swatch alone says nothing to a screen reader
    const input = html`<input class="fl-color" type="color" id="${id}" name="${p.id}" value="${HEX.test(value) ? fullHex(value) : "#000000"}"${describedBy(p)}${invalidAttr(p)}${disabledAttr(p)}>`;
    return widgetWrap("color_picker", p, html`${labelHtml(p)}<div class="fl-color-row">${input}<output class="fl-color-code" for="${id}">${value}</output></div>`);
  },
};

/** This family's CSS, appended to the theme (use the theme's --fl-* colour variables). */
const datesCss =
  `.fl-date-range{display:flex;gap:.5rem;align-items:center}.fl-date-range .fl-input{flex:1;min-width:0}.fl-date-sep{color:var(--fl-muted)}` +
  `.fl-date,.fl-time{max-width:16rem}.fl-date-range .fl-date{max-width:none}` +
  `.fl-color-row{display:flex;gap:.75rem;align-items:center}` +
  `.fl-color{width:3rem;height:2.25rem;padding:.15rem;background:var(--fl-input);border:1px solid var(--fl-line);border-radius:.5rem;cursor:pointer}` +
  `.fl-color-code{font-family:ui-monospace,monospace;font-size:.9rem;color:var(--fl-muted)}`;

export const dateFamily = defineFamily<DateKinds>(renderers, datesCss);

