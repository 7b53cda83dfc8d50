/**
 * The menu button (Streamlit's `st.menu_button`, added after 1.39): a button that opens a menu of options.
 * Choosing one is a press: the run it causes gets the chosen option, every other run null, as a
 * button is true for one run only. The menu is a `<details>` whose items are the form's submit
 * buttons, so it opens and posts without JavaScript; with it, the client script posts the same
 * way. Each item posts its label: the press's value (a string, released to null as a chat
 * input's is) names the option.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { callbackOf, describedBy, disabledAttr, domId, keyOf, notesHtml, pyStr, widgetData, widgetProps, widgetTip, type WidgetOptions, type WidgetProps } from "./common.ts";
import { register } from "./register.ts";
import { defineFamily } from "./family.ts";
import { html } from "../render/html.ts";
import { buttonClass, buttonContent, checkButtonType, type ButtonType } from "./buttons.ts";
import { checkIcon } from "./icon.ts";

export interface MenuButtonOptions<T> extends Omit<WidgetOptions, "labelVisibility"> {
  /** called with `args` when an option is chosen, before the run (read the choice from the return value or `st.sessionState[key]`) */
  onClick?: (...args: any[]) => unknown;
  args?: unknown[];
  /** "primary" (filled), "secondary" (outlined, the default) or "tertiary" (plain text) */
  type?: ButtonType;
  /** an emoji or a `:material/name:` shortcode, shown before the label */
  icon?: string;
  /** each option's label in the menu (default: the option as text) */
  formatFunc?: (option: T) => unknown;
}

const noSuchOption = (label: string, posted: string | undefined) => `${label}: the menu has no option "${String(posted).slice(0, 40)}"; nothing was chosen.`;

export function menuButton<T>(c: ContainerBase, label: string, options: Iterable<T>, opts: MenuButtonOptions<T> = {}): T | null {
  if (c._formId() !== null) {
    throw new StreamlitAPIException("`st.menu_button()` can't be used in an `st.form()`.");
  }
  const key = keyOf(opts.key);
  const type = checkButtonType("st.menu_button", opts.type);
  const icon = checkIcon(opts.icon);
  const list = [...options];
  const format = opts.formatFunc ?? ((o: T) => o);
  const labels = list.map((o) => pyStr(format(o)));
  const reg = register<string | null>(c, {
    elementType: "menu_button",
    key,
    idParams: { label, options: labels, help: opts.help, type: opts.type, icon: opts.icon },
    style: "choice",
    initial: null,
    hasDefault: false,
    isTrigger: true,
    writesAllowed: false,
    callback: callbackOf(opts.onClick, opts.args),
    parse(raw) {
      return labels.includes(raw[0]!) ? { value: raw[0]! } : { error: noSuchOption(label, raw[0]) };
    },
    serialize() {
      return [];
    },
  });
  // a posted label the menu does not hold (an old page, a forged post) chooses nothing; without a
  // callback the engine kept it unparsed, so it is refused here
  const index = reg.value === null ? -1 : labels.indexOf(reg.value);
  const error = reg.error ?? (reg.value !== null && index < 0 ? noSuchOption(label, reg.value) : undefined);
  c._push(menuFamily.node("menu_button", { ...widgetProps({ ...reg, error }, label, key, { ...opts, labelVisibility: "visible" }), type, icon, labels }));
  return index < 0 ? null : list[index]!;
}

type MenuProps = WidgetProps & { type: ButtonType; icon: string; labels: string[] };

function renderMenu(p: MenuProps) {
  const id = domId(p.id);
  const face = html`${buttonContent(p.icon, p.label)}<span class="fl-menu-caret" aria-hidden="true">▾</span>`;
  // a disabled menu cannot open: a <summary> has no disabled state, a button has
  const menu = p.disabled
    ? html`<button type="button" class="${buttonClass(p.type, false)}" id="${id}"${describedBy(p)}${disabledAttr(p)}>${face}</button>`
    : html`<details class="fl-menu"><summary class="${buttonClass(p.type, false)}" id="${id}"${describedBy(p)}>${face}</summary><div class="fl-menu-items">${p.labels.map(
        (l) => html`<button type="submit" class="fl-menu-item" name="${p.id}" value="${l}">${l}</button>`,
      )}</div></details>`;
  return html`<div class="fl-widget fl-menu_button"${widgetData("menu_button", p)}>${menu}${widgetTip(p)}${notesHtml(p)}</div>`;
}

/** The menu opens under its button, over what follows, as Streamlit's dropdown does. */
const menuCss =
  `.fl-menu{position:relative;display:inline-block}.fl-menu>summary{list-style:none;display:inline-flex;align-items:center;cursor:pointer}` +
  `.fl-menu>summary::-webkit-details-marker{display:none}.fl-menu-caret{margin-left:.4rem;font-size:.8em}` +
  `.fl-menu-items{position:absolute;z-index:20;top:calc(100% + .25rem);left:0;min-width:100%;display:flex;flex-direction:column;padding:.25rem;background:var(--fl-bg);border:1px solid var(--fl-line);border-radius:.5rem;box-shadow:0 4px 12px rgba(0,0,0,.15)}` +
  `.fl-menu-item{all:unset;box-sizing:border-box;padding:.4rem .75rem;border-radius:.35rem;cursor:pointer;white-space:nowrap;color:var(--fl-fg)}` +
  `.fl-menu-item:hover{background:var(--fl-side)}.fl-menu-item:focus-visible{background:var(--fl-side);outline:2px solid var(--fl-focus);outline-offset:-2px}`;

export const menuFamily = defineFamily<{ menu_button: MenuProps }>({ menu_button: renderMenu }, menuCss);
