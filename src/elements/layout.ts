/** Layout: columns, container, expander (a <details>, so it works without JS) and st.form. */
import type { ContainerBase } from "./base.ts";
import { duplicateFormKey, nestedForms, StreamlitAPIException, ValueAssignmentNotAllowedError } from "../engine/errors.ts";
import type { ElementNode } from "../engine/tree.ts";
import { esc } from "./common.ts";
import type { Renderers } from "../render/types.ts";

export function columns(c: ContainerBase, spec: number | number[], opts: { gap?: "small" | "medium" | "large" } = {}): ContainerBase[] {
  const weights = typeof spec === "number" ? Array.from({ length: spec }, () => 1) : spec;
  if (weights.length === 0 || weights.some((w) => !(w > 0))) {
    throw new StreamlitAPIException("The input argument to st.columns must be either a positive integer or a list of positive numeric weights. See [documentation](https://docs.streamlit.io/develop/api-reference/layout/st.columns) for more information.");
  }
  const row: ElementNode = { type: "columns", props: { gap: opts.gap ?? "small" }, children: [] };
  c._push(row);
  return weights.map((weight) => {
    const col: ElementNode = { type: "column", props: { weight }, children: [] };
    row.children!.push(col);
    return c._child(col);
  });
}

export function container(c: ContainerBase, opts: { border?: boolean } = {}): ContainerBase {
  return c._child(c._push({ type: "container", props: { border: opts.border ?? false }, children: [] }));
}

export function expander(c: ContainerBase, label: string, opts: { expanded?: boolean; icon?: string } = {}): ContainerBase {
  return c._child(c._push({ type: "expander", props: { label, expanded: opts.expanded ?? false, icon: opts.icon }, children: [] }));
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
  const props = { key, border: opts.border ?? true, enterToSubmit: opts.enterToSubmit ?? true };
  const node = c._push({ type: "form", props, children: [] });
  return c._child(node, key);
}

function hasSubmit(nodes: ElementNode[] | undefined): boolean {
  return (nodes ?? []).some((n) => n.type === "form_submit_button" || hasSubmit(n.children));
}

export const layoutRenderers: Renderers = {
  columns: (n, children) => `<div class="fl-columns fl-gap-${esc(n.props.gap)}">${children(n.children)}</div>`,
  column: (n, children) => `<div class="fl-column" style="flex:${Number(n.props.weight)} 1 0">${children(n.children)}</div>`,
  container: (n, children) => `<div class="fl-container${n.props.border ? " fl-bordered" : ""}">${children(n.children)}</div>`,
  expander: (n, children) =>
    `<details class="fl-expander"${n.props.expanded ? " open" : ""}><summary>${n.props.icon ? `<span aria-hidden="true">${esc(n.props.icon)}</span> ` : ""}${esc(n.props.label)}</summary><div class="fl-expander-body">${children(n.children)}</div></details>`,
  form: (n, children) => {
    // The whole page is one HTML form (nothing typed is lost on any submit); an st.form is a
    // fieldset whose values the server commits only when its own submit button was pressed.
    const missing = hasSubmit(n.children)
      ? ""
      : `<div class="fl-alert fl-alert-error" role="alert"><strong>Missing Submit Button</strong><p>This form has no submit button, which means that user interactions will never be sent to your Streamlit app.</p><p>To create a submit button, use the <code>st.form_submit_button()</code> function.</p></div>`;
    const enter = n.props.enterToSubmit ? "" : ` data-enter="0"`;
    return `<fieldset class="fl-form${n.props.border ? " fl-bordered" : ""}" data-kind="form" data-form="${esc(n.props.key)}"${enter}><legend class="fl-sr-only">Form ${esc(n.props.key)}</legend>${children(n.children)}${missing}</fieldset>`;
  },
};
