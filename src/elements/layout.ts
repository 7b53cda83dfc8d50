/** Layout: columns, container (a box, or a row or column of elements), expander (a <details>, or with onChange a button that posts) and st.form. */
import type { ContainerBase } from "./base.ts";
import { API_DOCS, duplicateFormKey, nestedForms, StreamlitAPIException, ValueAssignmentNotAllowedError } from "../engine/errors.ts";
import type { ElementNode } from "../engine/tree.ts";
import { defineFamily } from "./family.ts";
import { iconContent } from "../render/icon.ts";
import { html } from "../render/html.ts";
import { pyRepr } from "./common.ts";
import { checkExtent, sized, type Extent, type SizeOptions, type WidthOption } from "./sizing.ts";
import { checkGap, checkHorizontal, checkVertical, flexClass, flexCss, gapClass, type Gap, type HorizontalAlignment, type VerticalAlignment } from "./flex.ts";
import { openFlag, type OpenStateOptions } from "./open-state.ts";

export interface ColumnsOptions {
  /** the space between the columns: "small" (default), "medium", "large", or null (none) */
  gap?: Gap;
  /** a border around each column (default false) */
  border?: boolean;
  /** where each column's content sits: "top" (default), "center", "bottom", or "distribute" (spread out) */
  verticalAlignment?: VerticalAlignment;
  /** the row's width: "stretch" (default) or pixels */
  width?: Extent;
}

export interface ContainerOptions {
  /**
   * a border around the container; by default there is one only when `height` is a number of
   * pixels, as in Streamlit
   */
  border?: boolean;
  /**
   * "content" (default: as tall as what it holds), "stretch" (as tall as its parent, scrolling
   * inside when the parent is shorter), or a height in pixels: the content scrolls inside it
   */
  height?: Extent;
  /** "stretch" (default: the parent's width), "content" (as wide as what it holds), or pixels (at most the parent's width) */
  width?: Extent;
  /** lay the elements out side by side in a row, wrapping when there is no room (default false: one under another) */
  horizontal?: boolean;
  /** the space between elements: "small" (default), "medium", "large", or null (none) */
  gap?: Gap;
  /** where elements sit across the container: "left" (default), "center", "right", or "distribute" (spread out) */
  horizontalAlignment?: HorizontalAlignment;
  /** where elements sit down the container: "top" (default), "center", "bottom", or "distribute" (spread out) */
  verticalAlignment?: VerticalAlignment;
}

export function columns(c: ContainerBase, spec: number | number[], opts: ColumnsOptions = {}): ContainerBase[] {
  const weights = typeof spec === "number" ? Array.from({ length: spec }, () => 1) : spec;
  if (weights.length === 0 || weights.some((w) => !(w > 0))) {
    throw new StreamlitAPIException(`The input argument to st.columns must be either a positive integer or a list of positive numeric weights. See [documentation](${API_DOCS}layout/st.columns) for more information.`);
  }
  const gap = checkGap("st.columns", opts.gap === undefined ? "small" : opts.gap);
  const align = checkVertical("st.columns", opts.verticalAlignment ?? "top");
  const row = c._push(sized(layoutFamily.node("columns", { gap }, []), { width: opts.width }, false));
  return weights.map((weight) => {
    const col = layoutFamily.node("column", { weight, border: opts.border ?? false, align }, []);
    row.children!.push(col);
    return c._child(col);
  });
}

export function container(c: ContainerBase, opts: ContainerOptions = {}): ContainerBase {
  const height = checkExtent("height", opts.height ?? "content");
  const width = checkExtent("width", opts.width ?? "stretch");
  // a fixed height scrolls, and the border shows where the scrolling area ends
  const border = opts.border ?? typeof height === "number";
  return c._child(c._push(layoutFamily.node("container", { border, height, width, flex: flexOf(opts) }, [])));
}

/** A container's flex classes, when the app asked for a row, a gap or an alignment ("" for a plain box). */
function flexOf(opts: ContainerOptions): string {
  const gap = checkGap("st.container", opts.gap === undefined ? "small" : opts.gap);
  const h = checkHorizontal("st.container", opts.horizontalAlignment ?? "left");
  const v = checkVertical("st.container", opts.verticalAlignment ?? "top");
  const asked = opts.horizontal || opts.gap !== undefined || opts.horizontalAlignment !== undefined || opts.verticalAlignment !== undefined;
  return asked ? flexClass(opts.horizontal === true, gap, h, v) : "";
}

/** "default": a box with a border; "compact": a small muted toggle line with no box, for reasoning or details. */
export type PanelType = "default" | "compact";

/** The panel type, or an error naming the types there are. */
export function checkPanelType(command: string, v: unknown): PanelType {
  if (v === undefined || v === "default" || v === "compact") return v ?? "default";
  throw new StreamlitAPIException(`The type argument to ${command} must be "default" or "compact". The argument passed was ${pyRepr(v)}.`);
}

export interface ExpanderOptions extends OpenStateOptions, WidthOption {
  /** open at first (default false) */
  expanded?: boolean;
  /** an emoji or a `:material/name:` icon before the label */
  icon?: string;
  /** "default" (a bordered box) or "compact" (a small muted toggle with no box) */
  type?: PanelType;
}

/** The expander's container and whether it is open (null: not tracked, without `onChange`). */
export function expander(c: ContainerBase, label: string, opts: ExpanderOptions = {}): { box: ContainerBase; open: boolean | null } {
  const expanded = opts.expanded ?? false;
  const type = checkPanelType("st.expander", opts.type);
  const state = openFlag(c, "st.expander", "expander", opts, { label, expanded, icon: opts.icon }, expanded);
  const props = { label, expanded: state ? state.value : expanded, icon: opts.icon, field: state?.id ?? null, type };
  return { box: c._child(c._push(sized(layoutFamily.node("expander", props, []), { width: opts.width }, false))), open: state ? state.value : null };
}

export interface FormOptions extends SizeOptions {
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
  const node = c._push(sized(layoutFamily.node("form", { key, border: opts.border ?? true, enterToSubmit: opts.enterToSubmit ?? true }, []), opts));
  return c._child(node, key);
}

function hasSubmit(nodes: ElementNode[] | undefined): boolean {
  return (nodes ?? []).some((n) => n.type === "form_submit_button" || hasSubmit(n.children));
}

interface LayoutKinds {
  columns: { gap: Gap };
  column: { weight: number; border: boolean; align: VerticalAlignment };
  /** flex: the classes of a row or column layout, "" for none */
  container: { border: boolean; height: Extent; width: Extent; flex: string };
  /** field: the widget id its toggle button posts, when its state is widget state */
  expander: { label: string; expanded: boolean; icon?: string; field: string | null; type: PanelType };
  form: { key: string; border: boolean; enterToSubmit: boolean };
}

/** Shown in a form without a submit button, as Streamlit shows it. */
const MISSING_SUBMIT = html`<div class="fl-alert fl-alert-error" role="alert"><strong>Missing Submit Button</strong><p>This form has no submit button, which means that user interactions will never be sent to your Streamlit app.</p><p>To create a submit button, use the <code>st.form_submit_button()</code> function.</p></div>`;

/**
 * What the theme's layout rules lack: a container that scrolls inside its height, or fits its
 * content's width; and space below a box with a border, whose content's own margin stays inside it.
 */
const layoutCss = `
.fl-scroll{overflow:auto;overscroll-behavior:contain;max-width:100%;box-sizing:border-box}
.fl-container.fl-bordered,.fl-column.fl-bordered{margin-bottom:1rem}
.fl-fit-width{width:fit-content;max-width:100%}
.fl-fixed-width{max-width:100%;box-sizing:border-box}
.fl-valign-center,.fl-valign-bottom,.fl-valign-distribute{display:flex;flex-direction:column}
.fl-valign-center{justify-content:center}.fl-valign-bottom{justify-content:flex-end}.fl-valign-distribute{justify-content:space-between}
.fl-expander-toggle{display:block;width:100%;text-align:left;padding:.6rem 1rem;background:none;border:0;border-radius:.5rem;font:inherit;color:inherit;cursor:pointer}
.fl-compact{border:0;border-radius:0}.fl-compact>.fl-expander-body{padding:.25rem 0 0}
.fl-compact>summary,.fl-compact>.fl-expander-toggle{display:inline-block;width:auto;list-style:none;padding:.2rem 0;color:var(--fl-muted);font-size:.9rem}
.fl-compact>summary::-webkit-details-marker{display:none}.fl-compact>summary::after{content:" \\203A"}.fl-compact[open]>summary::after{content:" \\2C5"}
.fl-compact>summary:hover,.fl-compact>.fl-expander-toggle:hover{color:var(--fl-fg)}
.fl-expander-toggle::before{content:"\\25B8  "}.fl-expander-toggle[aria-expanded=true]::before{content:"\\25BE  "}
`;

type BoxProps = LayoutKinds["container"];

function boxClass(p: BoxProps, scrolls: boolean): string {
  const width = p.width === "content" ? " fl-fit-width" : typeof p.width === "number" ? " fl-fixed-width" : "";
  return `fl-container${p.border ? " fl-bordered" : ""}${scrolls ? " fl-scroll" : ""}${width}${p.flex && ` ${p.flex}`}`;
}

/** The sizes given in pixels ("stretch" height: the parent's), as an inline style ("" for none). */
function boxStyle(p: BoxProps): string {
  const height = typeof p.height === "number" ? `height:${p.height}px` : p.height === "stretch" ? "height:100%" : "";
  const width = typeof p.width === "number" ? `width:${p.width}px` : "";
  return [height, width].filter(Boolean).join(";");
}

export const layoutFamily = defineFamily<LayoutKinds>({
  columns: (p, n, render) => html`<div class="fl-columns ${gapClass(p.gap)}">${render(n.children)}</div>`,
  column: (p, n, render) => html`<div class="fl-column${p.border ? " fl-bordered" : ""}${p.align !== "top" ? ` fl-valign-${p.align}` : ""}" style="flex:${Number(p.weight)} 1 0">${render(n.children)}</div>`,
  container: (p, n, render) => {
    const scrolls = p.height !== "content";
    const style = boxStyle(p);
    // a scrolling area takes the keyboard's focus, so it can be scrolled without a mouse
    return html`<div class="${boxClass(p, scrolls)}"${style && html` style="${style}"`}${scrolls && html` tabindex="0"`}>${render(n.children)}</div>`;
  },
  expander: (p, n, render) => {
    const head = html`${p.icon && html`<span aria-hidden="true">${iconContent(p.icon)}</span> `}${p.label}`;
    const body = html`<div class="fl-expander-body"${p.field && !p.expanded && html` hidden`}>${render(n.children)}</div>`;
    // a tracked expander's header is a submit button posting the state it asks for, so the
    // server hears of it without JavaScript; otherwise a <details> opens in the browser alone
    const cls = `fl-expander${p.type === "compact" ? " fl-compact" : ""}`;
    if (p.field) return html`<div class="${cls}" data-kind="expander"><button type="submit" class="fl-expander-toggle" name="${p.field}" value="${p.expanded ? "0" : "1"}" aria-expanded="${p.expanded ? "true" : "false"}">${head}</button>${body}</div>`;
    return html`<details class="${cls}"${p.expanded && html` open`}><summary>${head}</summary>${body}</details>`;
  },
  // The whole page is one HTML form (nothing typed is lost on any submit); an st.form is a
  // fieldset whose values the server commits only when its own submit button was pressed.
  form: (p, n, render) =>
    html`<fieldset class="fl-form${p.border ? " fl-bordered" : ""}" data-kind="form" data-form="${p.key}"${!p.enterToSubmit && html` data-enter="0"`}><legend class="fl-sr-only">Form ${p.key}</legend>${render(n.children)}${!hasSubmit(n.children) && MISSING_SUBMIT}</fieldset>`,
}, layoutCss + flexCss);
