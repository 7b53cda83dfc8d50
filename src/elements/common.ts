/**
 * What every element shares: option types, Python-style value names for Streamlit's messages,
 * and the pieces of HTML every labelled control uses.
 */
import type { Json } from "../engine/state.ts";
import type { Callback } from "../engine/run-context.ts";
import { idDigest } from "../engine/widget-id.ts";

import { esc, html, type Html } from "../render/html.ts";
import type { Extent } from "./sizing.ts";

export { esc };


export type LabelVisibility = "visible" | "hidden" | "collapsed";

/** Options every widget takes. */
export interface WidgetOptions {
  key?: string | number;
  /** plain text behind a "?" beside the label: a tooltip shown on hover and on keyboard focus */
  help?: string;
  disabled?: boolean;
  /**
   * "visible" (default); "hidden": the label's line stays, empty (screen readers still read it);
   * "collapsed": no space at all (screen readers still read it)
   */
  labelVisibility?: LabelVisibility;
  /**
   * "stretch" (the parent's width), "content" (as wide as the widget needs), or pixels; unset: as
   * Streamlit draws the widget (fields stretch, buttons fit their content)
   */
  width?: Extent;
}

export interface ChangeOptions {
  onChange?: (...args: any[]) => unknown;
  args?: unknown[];
}

export function callbackOf(fn: ((...args: any[]) => unknown) | undefined, args: unknown[] | undefined): Callback | null {
  return fn ? { fn, args: args ?? [] } : null;
}

/** Options compare as JSON: a default or a value equal to an option picks it. */
const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The index of the first option equal (as JSON) to `v`, or -1. */
export const indexIn = (options: readonly unknown[], v: unknown) => options.findIndex((o) => sameJson(o, v));

/**
 * A kept list of choices without those the options no longer hold (Streamlit filters them after
 * registering a multiselect or multi-select pills); the list itself when all are still there, and
 * anything but a list as it is (the widget reports the wrong type).
 */
export function keptOptions<T>(options: readonly T[], v: T[]): T[] {
  if (!Array.isArray(v)) return v;
  const kept = v.filter((x) => indexIn(options, x) >= 0);
  return kept.length === v.length ? v : kept;
}

/** Keys may be numbers, as in Streamlit (`key=1`); session state stores them as strings. */
export function keyOf(key: string | number | undefined): string | null {
  return key === undefined || key === null ? null : String(key);
}

/** The name Python would give a value's type, for Streamlit's messages. */
export function pyType(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "string") return "str";
  if (Array.isArray(v)) return "list";
  return "dict";
}

/** Python's repr of a JSON value, for Streamlit's messages. */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "string") return pyStrRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  if (typeof v === "object") return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(", ")}}`;
  return String(v);
}

/**
 * Python's repr of a str: single quotes, or double quotes when the text has a ' and no ";
 * backslashes, the chosen quote and control characters escaped.
 */
function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += "\\x" + code.toString(16).padStart(2, "0");
    else out += ch;
  }
  return quote + out + quote;
}

/**
 * The text a display element shows for any value: strings as they are, data as Python's str
 * would show it (`{'a': 1}`), never "[object Object]".
 */
export function toText(v: unknown): string {
  if (typeof v !== "object" || v === null) return typeof v === "string" ? v : v === null ? "None" : String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString();
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype) {
    try {
      return pyRepr(JSON.parse(JSON.stringify(v)));
    } catch {
      // a cycle or a BigInt: fall through to the type's name
    }
  }
  if (v instanceof Map) return `Map(${v.size})`;
  if (v instanceof Set) return `Set(${v.size})`;
  const own = v.toString === Object.prototype.toString ? null : String(v);
  return own ?? `${v.constructor?.name ?? "Object"} object`;
}

/**
 * A date as a table or chart shows it: ISO 8601, the date alone when it is midnight UTC (how a
 * date without a time arrives from JSON or `new Date("2024-05-01")`), empty when invalid. Tables
 * and charts share this rule, so the same data reads the same in both.
 */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/** Python's str of a value. */
export function pyStr(v: unknown): string {
  return typeof v === "string" ? v : pyRepr(v);
}

/** The DOM id of a widget's control: widget ids may hold any character, DOM ids may not. */
export function domId(widgetId: string): string {
  // A widget's renderer asks for its DOM id three or four times in a row: keep the last answer.
  if (widgetId !== lastDomId[0]) lastDomId = [widgetId, "fl-" + idDigest(widgetId)];
  return lastDomId[1];
}
let lastDomId: [string, string] = ["", ""];

/** Props every widget node carries for rendering. */
export interface WidgetProps {
  id: string;
  label: string;
  help?: string;
  disabled: boolean;
  labelVisibility: LabelVisibility;
  /** the control's value(s) as form strings */
  raw: string[];
  /** the value the script got, as JSON (data-value, for tests and the client script) */
  value: Json;
  error?: string;
  pending: boolean;
  key: string | null;
  /** this request's post changed, pressed or staged it (a popover around it stays open) */
  touched?: boolean;
  /** the run wrote its value (data-set: the client script shows it over what was typed meanwhile) */
  set?: boolean;
}

/**
 * A label's (or a legend's) class. "hidden" keeps the label's line (the widget lines up with its
 * neighbours) but shows nothing there; "collapsed" takes no space. Either way screen readers read
 * it: the hidden one is transparent, not visibility:hidden, which would take it out of the name.
 */
export function labelClass(p: Pick<WidgetProps, "labelVisibility">): string {
  return p.labelVisibility === "visible" ? "fl-label" : p.labelVisibility === "hidden" ? "fl-label fl-label-hidden" : "fl-label fl-sr-only";
}

/**
 * Help behind a "?" (Streamlit's tooltip). The text shows while the icon is hovered or focused:
 * CSS alone, so it works without a script. The icon is a button so the keyboard reaches it, and
 * the text describes it; `id` is the text's, for the control it describes too.
 */
export function helpTip(id: string, text: string): Html {
  return html`<span class="fl-tip"><button type="button" class="fl-tip-icon" aria-label="Help" aria-describedby="${id}"><span aria-hidden="true">?</span></button><span class="fl-tip-text" role="tooltip" id="${id}">${text}</span></span>`;
}

/** A widget's help, if it has any, next to its label (describedBy names it). */
export function widgetTip(p: Pick<WidgetProps, "id" | "help">): Html | "" {
  return p.help ? helpTip(domId(p.id) + "-help", p.help) : "";
}

export function labelHtml(p: WidgetProps, forId = domId(p.id)): Html {
  return html`<label class="${labelClass(p)}" for="${forId}">${p.label}</label>${widgetTip(p)}`;
}

/** The legend of a widget drawn as a fieldset (radio buttons, pills), with its help. */
export function legendHtml(p: WidgetProps): Html {
  return html`<legend class="${labelClass(p)}">${p.label}</legend>${widgetTip(p)}`;
}

/** aria-describedby for help, errors and the staged-value note. */
export function describedBy(p: WidgetProps): Html | "" {
  if (!p.help && !p.error && !p.pending) return ""; // most widgets: nothing describes them
  const ids = [];
  if (p.help) ids.push(domId(p.id) + "-help");
  if (p.error) ids.push(domId(p.id) + "-err");
  if (p.pending) ids.push(domId(p.id) + "-pending");
  return ids.length ? html` aria-describedby="${ids.join(" ")}"` : "";
}

/** The notes under a widget: a refused value, a value staged in an st.form (help is by the label). */
export function notesHtml(p: Pick<WidgetProps, "id" | "error" | "pending">): Html | "" {
  if (!p.error && !p.pending) return ""; // most widgets: no notes, no template to run
  const id = domId(p.id);
  return html`${p.error && html`<p class="fl-field-error" id="${id}-err" role="alert">${p.error}</p>`}${
    p.pending && html`<p class="fl-pending" id="${id}-pending">Not submitted yet: press the form's submit button.</p>`
  }`;
}

/** The data-* attributes every widget's wrapper carries: tests and the client script find it by them. */
export function widgetData(kind: string, p: Pick<WidgetProps, "key" | "value" | "set">): Html {
  return html` data-kind="${kind}"${p.key !== null && html` data-key="${p.key}"`} data-value="${JSON.stringify(p.value)}"${p.set === true && html` data-set`}`;
}

/**
 * The wrapper every widget renders in, around its parts (usually its label and its control): the
 * parts are passed as they are rather than joined by a template of their own, which on a page of
 * many widgets would be a string and an object more per widget.
 */
export function widgetWrap(kind: string, p: WidgetProps, ...inner: Html[]): Html {
  return html`<div class="fl-widget fl-${kind}"${widgetData(kind, p)}>${inner}${notesHtml(p)}</div>`;
}

export function disabledAttr(p: { disabled: boolean }): Html | "" {
  return p.disabled ? html` disabled` : "";
}

/** Marks a control whose posted value was refused. */
export function invalidAttr(p: { error?: string }): Html | "" {
  return p.error ? html` aria-invalid="true"` : "";
}


export function widgetProps(
  reg: { id: string; raw: string[]; value: Json; error?: string; pending: boolean; touched?: boolean; set?: boolean },
  label: string,
  key: string | null,
  opts: WidgetOptions,
): WidgetProps {
  return {
    id: reg.id,
    label,
    key,
    help: opts.help,
    disabled: opts.disabled ?? false,
    labelVisibility: opts.labelVisibility ?? "visible",
    raw: reg.raw,
    value: reg.value,
    error: reg.error,
    pending: reg.pending,
    touched: reg.touched,
    set: reg.set,
  };
}
