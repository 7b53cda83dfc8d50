/** Layout: columns, container, expander (a <details>, so it works without JS) and st.form. */
import type { ContainerBase } from "./base.ts";
import { API_DOCS, duplicateFormKey, nestedForms, StreamlitAPIException, ValueAssignmentNotAllowedError } from "../engine/errors.ts";
import type { ElementNode } from "../engine/tree.ts";
import { defineFamily } from "./family.ts";
import { iconContent } from "../render/icon.ts";
import { html } from "../render/html.ts";

export function columns(c: ContainerBase, spec: number | number[], opts: { gap?: "small" | "medium" | "large" } = {}): ContainerBase[] {
  const weights = typeof spec === "number" ? Array.from({ length: spec }, () => 1) : spec;
  if (weights.length === 0 || weights.some((w) => !(w > 0))) {
    throw new StreamlitAPIException(`The input argument to st.columns must be either a positive integer or a list of positive numeric weights. See [documentation](${API_DOCS}layout/st.columns) for more information.`);
  }
  const row = c._push(layoutFamily.node("columns", { gap: opts.gap ?? "small" }, []));
  return weights.map((weight) => {
    const col = layoutFamily.node("column", { weight }, []);
    row.children!.push(col);
    return c._child(col);
  });
}

export function container(c: ContainerBase, opts: { border?: boolean } = {}): ContainerBase {
  return c._child(c._push(layoutFamily.node("container", { border: opts.border ?? false }, [])));
}

export function expander(c: ContainerBase, label: string, opts: { expanded?: boolean; icon?: string } = {}): ContainerBase {
  return c._child(c._push(layoutFamily.node("expander", { label, expanded: opts.expanded ?? false, icon: opts.icon }, [])));
}

export interface FormOptions {
  /** after a submit, the form's widgets show their defaults again (the run still gets the submitted values) */
  clearOnSubmit?: boolean;
  /** Enter in a text field of the form submits it (with the client script; default true) */
  enterToSubmit?: boolean;
  /** a border around the form (default true) */
  border?: boolean;
}

export function form(c: ContainerBase, key: string, opts: FormOptions = {}): ContainerBase {
  const ctx = c._run("st.form");
  if (c._formId() !== null) throw nestedForms();
  // A form's key names no value: writing it in session state first is refused, as for buttons.
  if (ctx.state.isNewStateValue(key)) throw new ValueAssignmentNotAllowedError(key);
  if (ctx.widgets.formIds.has(key)) throw duplicateFormKey(key);
  ctx.widgets.formIds.add(key);
  if (opts.clearOnSubmit) ctx.widgets.clearedForms.add(key);
  const node = c._push(layoutFamily.node("form", { key, border: opts.border ?? true, enterToSubmit: opts.enterToSubmit ?? true }, []));
  return c._child(node, key);
}

function hasSubmit(nodes: ElementNode[] | undefined): boolean {
  return (nodes ?? []).some((n) => n.type === "form_submit_button" || hasSubmit(n.children));
}

interface LayoutKinds {
  columns: { gap: "small" | "medium" | "large" };
  column: { weight: number };
  container: { border: boolean };
  expander: { label: string; expanded: boolean; icon?: string };
  form: { key: string; border: boolean; enterToSubmit: boolean };
}

/** Shown in a form without a submit button, as Streamlit shows it. */
const MISSING_SUBMIT = html`<div class="fl-alert fl-alert-error" role="alert"><strong>Missing Submit Button</strong><p>This form has no submit button, which means that user interactions will never be sent to your Streamlit app.</p><p>To create a submit button, use the <code>st.form_submit_button()</code> function.</p></div>`;

export const layoutFamily = defineFamily<LayoutKinds>({
  columns: (p, n, render) => html`<div class="fl-columns fl-gap-${p.gap}">${render(n.children)}</div>`,
  column: (p, n, render) => html`<div class="fl-column" style="flex:${Number(p.weight)} 1 0">${render(n.children)}</div>`,
  container: (p, n, render) => html`<div class="fl-container${p.border ? " fl-bordered" : ""}">${render(n.children)}</div>`,
  expander: (p, n, render) =>
    html`<details class="fl-expander"${p.expanded && html` open`}><summary>${p.icon && html`<span aria-hidden="true">${iconContent(p.icon)}</span> `}${p.label}</summary><div class="fl-expander-body">${render(n.children)}</div></details>`,
  // The whole page is one HTML form (nothing typed is lost on any submit); an st.form is a
  // fieldset whose values the server commits only when its own submit button was pressed.
  form: (p, n, render) =>
    html`<fieldset class="fl-form${p.border ? " fl-bordered" : ""}" data-kind="form" data-form="${p.key}"${!p.enterToSubmit && html` data-enter="0"`}><legend class="fl-sr-only">Form ${p.key}</legend>${render(n.children)}${!hasSubmit(n.children) && MISSING_SUBMIT}</fieldset>`,
});
