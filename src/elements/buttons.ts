/**
 * Buttons are triggers: true only in the run their click caused. They are submit buttons of the
 * page's form, so a click also carries every pending value; Enter in a text field never clicks
 * one (the page's first submit button is "Apply").
 */
import type { ContainerBase } from "./base.ts";
import { buttonInForm, submitOutsideForm } from "../engine/errors.ts";
import { callbackOf, describedBy, disabledAttr, domId, keyOf, notesHtml, widgetData, widgetTip, type WidgetOptions, type WidgetProps, widgetProps } from "./common.ts";
import { register } from "./register.ts";
import { defineFamily } from "./family.ts";
import { html } from "../render/html.ts";

export interface ButtonOptions extends Omit<WidgetOptions, "labelVisibility"> {
  onClick?: (...args: any[]) => unknown;
  args?: unknown[];
  type?: "primary" | "secondary";
  useContainerWidth?: boolean;
}

function trigger(c: ContainerBase, kind: "button" | "form_submit_button", label: string, key: string | null, opts: ButtonOptions): boolean {
  const reg = register<boolean>(c, {
    elementType: "button",
    key,
    idParams: { label, help: opts.help, is_form_submitter: kind === "form_submit_button", type: opts.type, use_container_width: opts.useContainerWidth },
    style: "trigger",
    initial: false,
    hasDefault: false,
    isTrigger: true,
    writesAllowed: false,
    isFormSubmitter: kind === "form_submit_button",
    callback: callbackOf(opts.onClick, opts.args),
    parse: () => ({ value: true }),
    serialize: () => [],
  });
  c._push(buttonFamily.node(kind, { ...widgetProps(reg, label, key, { ...opts, labelVisibility: "visible" }), primary: opts.type === "primary" || kind === "form_submit_button", wide: opts.useContainerWidth ?? false }));
  return reg.value;
}

export function button(c: ContainerBase, label: string, opts: ButtonOptions = {}): boolean {
  if (c._formId() !== null) throw buttonInForm();
  return trigger(c, "button", label, keyOf(opts.key), opts);
}

export function formSubmitButton(c: ContainerBase, label = "Submit", opts: ButtonOptions = {}): boolean {
  const formId = c._formId();
  if (formId === null) throw submitOutsideForm();
  return trigger(c, "form_submit_button", label, `FormSubmitter:${formId}-${label}`, opts);
}

type ButtonProps = WidgetProps & { primary: boolean; wide: boolean };

const renderButton = (kind: string) => (p: ButtonProps) => {
  const cls = `fl-button${p.primary ? " fl-button-primary" : ""}${p.wide ? " fl-button-wide" : ""}`;
  return html`<div class="fl-widget fl-${kind}"${widgetData(kind, p)}><button type="submit" class="${cls}" id="${domId(p.id)}" name="${p.id}" value="1"${describedBy(p)}${disabledAttr(p)}>${p.label}</button>${widgetTip(p)}${notesHtml(p)}</div>`;
};

export const buttonFamily = defineFamily<{ button: ButtonProps; form_submit_button: ButtonProps }>({
  button: renderButton("button"),
  form_submit_button: renderButton("form_submit_button"),
});
