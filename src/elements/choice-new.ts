/**
 * Choices a person may add to (`acceptNewOptions` on st.selectbox and st.multiselect). A new
 * option has to be typed, so these widgets post text, not an option's index: the text names an
 * option when it is an option's label (exactly, else ignoring case, as Streamlit matches before it
 * adds one) and is a new option otherwise, returned as the string typed. Without JavaScript the
 * selectbox is a text field with the options as its suggestions (a `<datalist>`, which the
 * browser filters as one types); the multiselect keeps its list and has a field beside it to add
 * one more.
 */
import { describedBy, disabledAttr, domId, indexIn, labelHtml, pyRepr, pyStr, pyType, widgetWrap, type WidgetProps } from "./common.ts";
import { NotInIterable, WrongValueType } from "../engine/errors.ts";
import { html, type Html } from "../render/html.ts";

/** The option `text` names (its label, exactly or ignoring case), or the text itself: a new option. */
export function optionOrNew<T>(list: readonly T[], labels: readonly string[], text: string): T | string {
  let i = labels.indexOf(text);
  if (i < 0) {
    const lower = text.toLowerCase();
    i = labels.findIndex((l) => l.toLowerCase() === lower);
  }
  return i < 0 ? text : list[i]!;
}

/** What a chosen value posts: an option's label, or a new option's own text. */
export function postedText<T>(list: readonly T[], labels: readonly string[], v: unknown): string {
  const i = indexIn(list, v);
  if (i >= 0) return labels[i]!;
  if (typeof v === "string") return v;
  throw new NotInIterable(pyStr(v));
}

/** A multiselect's posted texts as its value: options and new strings, each once, in the order posted. */
export function manyOrNew<T>(list: readonly T[], labels: readonly string[], raw: readonly string[]): (T | string)[] {
  const picked: (T | string)[] = [];
  for (const text of raw) {
    if (text === "") continue;
    const v = optionOrNew(list, labels, text);
    if (indexIn(picked, v) < 0) picked.push(v);
  }
  return picked;
}

export function postedTexts<T>(list: readonly T[], labels: readonly string[], v: unknown): string[] {
  if (!Array.isArray(v)) throw new WrongValueType(pyRepr(v), pyType(v), "list");
  return v.map((x) => postedText(list, labels, x));
}

type Props = WidgetProps & { labels: string[]; placeholder?: string };

const suggestions = (id: string, labels: readonly string[]) => html`<datalist id="${id}">${labels.map((l) => html`<option value="${l}"></option>`)}</datalist>`;

/** The selectbox: a text field showing the chosen option's label, the options as suggestions. */
export function typedSelectbox(p: Props): Html {
  const id = domId(p.id);
  const field = html`<input type="text" class="fl-input fl-select-new" id="${id}" name="${p.id}" value="${p.raw[0] ?? ""}" list="${id}-options" autocomplete="off" placeholder="${p.placeholder ?? "Choose or add an option"}"${describedBy(p)}${disabledAttr(p)}>`;
  return widgetWrap("selectbox", p, html`${labelHtml(p)}${field}${suggestions(`${id}-options`, p.labels)}`);
}

/**
 * The multiselect: its list (the chosen first, new options among them, as the options' order is
 * kept by the browser's post) and a field to add one more, posted under the same name.
 */
export function typedMultiselect(p: Props): Html {
  const id = domId(p.id);
  const chosen = [...new Set(p.raw)].filter((t) => t !== "");
  const rest = p.labels.filter((l) => !chosen.includes(l));
  const option = (text: string, selected: boolean) => html`<option value="${text}"${selected && html` selected`}>${text}</option>`;
  const items = [...chosen.map((t) => option(t, true)), ...rest.map((t) => option(t, false))];
  const select = html`<select class="fl-input fl-multi" multiple size="${Math.min(Math.max(items.length, 2), 8)}" id="${id}" name="${p.id}"${describedBy(p)}${disabledAttr(p)}>${items}</select>`;
  const add = html`<input type="text" class="fl-input fl-multi-new" name="${p.id}" value="" aria-label="Add an option to ${p.label}" placeholder="${p.placeholder ?? "Add an option"}" autocomplete="off"${disabledAttr(p)}>`;
  return widgetWrap("multiselect", p, html`${labelHtml(p)}<input type="hidden" name="${p.id}" value=""${disabledAttr(p)}>${select}${add}`);
}
