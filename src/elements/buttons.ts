/**
 * Buttons are triggers: true only in the run their click caused. They are submit buttons of the
 * page's form, so a click also carries every pending value; Enter in a text field never clicks
 * one (the page's first submit button is "Apply").
 */
import type { ContainerBase } from "./base.ts";
import { buttonInForm, StreamlitAPIException, submitOutsideForm } from "../engine/errors.ts";
import { callbackOf, describedBy, disabledAttr, domId, keyOf, notesHtml, widgetData, widgetTip, type WidgetOptions, type WidgetProps, widgetProps } from "./common.ts";
import { register } from "./register.ts";
import { defineFamily } from "./family.ts";
import { html, type Html } from "../render/html.ts";
import { checkIcon, renderIcon } from "./icon.ts";
import { sized } from "./sizing.ts";
import type { WidgetSpec } from "../engine/widgets.ts";

/** How a button looks: filled with the accent colour, outlined (the default), or plain text. */
export type ButtonType = "primary" | "secondary" | "tertiary";

export interface ButtonOptions extends Omit<WidgetOptions, "labelVisibility"> {
  onClick?: (...args: any[]) => unknown;
  args?: unknown[];
  /** "primary" (filled), "secondary" (outlined, the default) or "tertiary" (plain text, no border or background) */
  type?: ButtonType;
  /** an emoji or a `:material/name:` shortcode, shown before the label */
  icon?: string;
  useContainerWidth?: boolean;
}

/** The type, or Streamlit's error naming the command (`st.button`, `st.link_button`...). */
export function checkButtonType(command: string, type: unknown, fallback: ButtonType = "secondary"): ButtonType {
  if (type === undefined) return fallback;
  if (type === "primary" || type === "secondary" || type === "tertiary") return type;
  throw new StreamlitAPIException(`The type argument to ${command} must be "primary", "secondary", or "tertiary". \nThe argument passed was "${String(type)}".`);
}

/** The classes of anything drawn as a button (a submit button, a link, a popover's summary). */
export function buttonClass(type: ButtonType, wide: boolean, extra = ""): string {
  return `fl-button${extra}${type === "secondary" ? "" : ` fl-button-${type}`}${wide ? " fl-button-wide" : ""}`;
}

/** A button's content: its icon (when it has one) before its label. */
export function buttonContent(icon: string, label: Html | string): Html {
  return icon ? html`${renderIcon(icon)}<span class="fl-button-label">${label}</span>` : html`${label}`;
}

/** What every press registers alike: false but in the run its click caused, and read-only. */
export const PRESS: Pick<WidgetSpec<boolean>, "initial" | "hasDefault" | "isTrigger" | "writesAllowed" | "parse" | "serialize"> = {
  initial: false,
  hasDefault: false,
  isTrigger: true,
  writesAllowed: false,
  parse() {
    return { value: true };
  },
  serialize() {
    return [];
  },
};

function trigger(c: ContainerBase, kind: "button" | "form_submit_button", label: string, key: string | null, opts: ButtonOptions): boolean {
  // a form's submit button is drawn filled unless told otherwise: it is the form's one action
  const type = checkButtonType(`st.${kind}`, opts.type, "secondary");
  const icon = checkIcon(opts.icon);
  const reg = register<boolean>(c, {
    elementType: "button",
    key,
    idParams: { label, icon: opts.icon, help: opts.help, is_form_submitter: kind === "form_submit_button", type: opts.type, use_container_width: opts.useContainerWidth },
    style: "trigger",
    ...PRESS,
    isFormSubmitter: kind === "form_submit_button",
    callback: callbackOf(opts.onClick, opts.args),
  });
  c._push(sized(buttonFamily.node(kind, { ...widgetProps(reg, label, key, { ...opts, labelVisibility: "visible" }), type, icon, wide: opts.useContainerWidth ?? false }), opts));
  return reg.value;
}

export function button(c: ContainerBase, label: string, opts: ButtonOptions = {}): boolean {
  if (c._formId() !== null) throw buttonInForm();
  return trigger(c, "button", label, keyOf(opts.key), opts);
}

export function formSubmitButton(c: ContainerBase, label = "Submit", opts: ButtonOptions = {}): boolean {
  const formId = c._formId();
  if (formId === null) throw submitOutsideForm();
  // With a key, the key is the button (its value readable in session state, as in Streamlit); else
  // its form and label are.
  return trigger(c, "form_submit_button", label, keyOf(opts.key) ?? `FormSubmitter:${formId}-${label}`, opts);
}

type ButtonProps = WidgetProps & { type: ButtonType; icon: string; wide: boolean };

const renderButton = (kind: string) => (p: ButtonProps) =>
  html`<div class="fl-widget fl-${kind}"${widgetData(kind, p)}><button type="submit" class="${buttonClass(p.type, p.wide)}" id="${domId(p.id)}" name="${p.id}" value="1"${describedBy(p)}${disabledAttr(p)}>${buttonContent(p.icon, p.label)}</button>${widgetTip(p)}${notesHtml(p)}</div>`;

/** The look every button-like control shares beyond the theme's: plain text, and an icon beside the label. */
const buttonsCss = `
.fl-button.fl-button-tertiary{background:none;border-color:transparent;padding-left:0;padding-right:0}
.fl-button.fl-button-tertiary:hover{color:var(--fl-accent-text);border-color:transparent}
.fl-button .fl-icon{display:inline-block;margin-right:.4rem}
`;

export const buttonFamily = defineFamily<{ button: ButtonProps; form_submit_button: ButtonProps }>(
  {
    button: renderButton("button"),
    form_submit_button: renderButton("form_submit_button"),
  },
  buttonsCss,
);
