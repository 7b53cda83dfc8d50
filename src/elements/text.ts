/** Text input and text area. */
import type { ContainerBase } from "./base.ts";
import { WrongValueType } from "../engine/errors.ts";
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
import { defineFamily } from "./family.ts";
import { html } from "../render/html.ts";
import { MAX_TEXT_CHARS } from "./limits.ts";
import { sized } from "./sizing.ts";

export interface TextOptions extends WidgetOptions, ChangeOptions {
  value?: string | null;
  maxChars?: number;
  placeholder?: string;
}

export interface TextInputOptions extends TextOptions {
  type?: "default" | "password";
  autocomplete?: string;
}

export interface TextAreaOptions extends TextOptions {
  height?: number;
}


function textWidget(c: ContainerBase, kind: "text_input" | "text_area", label: string, opts: TextInputOptions & TextAreaOptions): string | null {
  const key = keyOf(opts.key);
  const initial = opts.value === undefined ? "" : opts.value;
  const limit = opts.maxChars ?? MAX_TEXT_CHARS;
  const nullable = opts.value === null;
  const reg = register<string | null>(c, {
    elementType: kind,
    key,
    // the parameters Streamlit hashes for each (text_area has height and no type/autocomplete)
    idParams: kind === "text_area"
      ? { label, value: initial, height: opts.height, max_chars: opts.maxChars, help: opts.help, placeholder: opts.placeholder }
      : { label, value: initial, max_chars: opts.maxChars, type: opts.type, help: opts.help, autocomplete: opts.autocomplete, placeholder: opts.placeholder },
    keyedIdParams: ["max_chars"],
    style: "one",
    initial,
    hasDefault: opts.value !== undefined && opts.value !== null && opts.value !== "",
    callback: callbackOf(opts.onChange, opts.args),
    parse(raw) {
      const s = raw[0] ?? "";
      if (s.length > limit) return { error: `${label}: ${s.length} characters is over the limit of ${limit}.` };
      if (s === "" && nullable) return { value: null };
      return { value: s };
    },
    serialize(v) {
      if (v !== null && typeof v !== "string") throw new WrongValueType(pyRepr(v), pyType(v), "str");
      return [v ?? ""];
    },
  });
  c._push(sized(textFamily.node(kind, { ...widgetProps(reg, label, key, opts), maxChars: opts.maxChars, placeholder: opts.placeholder, password: opts.type === "password", autocomplete: opts.autocomplete, height: opts.height }), { width: opts.width }));
  return reg.value;
}

export function textInput(c: ContainerBase, label: string, opts: TextInputOptions = {}): string | null {
  return textWidget(c, "text_input", label, opts);
}

export function textArea(c: ContainerBase, label: string, opts: TextAreaOptions = {}): string | null {
  return textWidget(c, "text_area", label, opts);
}

type TextProps = WidgetProps & { maxChars?: number; placeholder?: string; password: boolean; autocomplete?: string; height?: number };

const common = (p: TextProps) =>
  html`id="${domId(p.id)}" name="${p.id}"${p.maxChars ? html` maxlength="${p.maxChars}"` : ""}${p.placeholder && html` placeholder="${p.placeholder}"`}${describedBy(p)}${invalidAttr(p)}${disabledAttr(p)}`;

export const textFamily = defineFamily<{ text_input: TextProps; text_area: TextProps }>({
  text_input: (p) => {
    const auto = p.autocomplete ? html` autocomplete="${p.autocomplete}"` : p.password && html` autocomplete="off"`;
    const input = html`<input class="fl-input" type="${p.password ? "password" : "text"}" ${common(p)} value="${p.raw[0] ?? ""}"${auto}>`;
    return widgetWrap("text_input", p, labelHtml(p), input);
  },
  text_area: (p) => {
    const style = p.height ? html` style="height:${Math.round(p.height)}px"` : "";
    // A leading newline right after <textarea> is dropped by HTML parsers: write one more.
    const input = html`<textarea class="fl-input fl-textarea" ${common(p)}${style}>\n${p.raw[0] ?? ""}</textarea>`;
    return widgetWrap("text_area", p, labelHtml(p), input);
  },
});
