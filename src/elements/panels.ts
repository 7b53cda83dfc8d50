/**
 * Panels that work without JavaScript: st.status (a <details> with a state icon) and st.popover
 * (a <details> whose content floats over the page).
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import type { ElementNode } from "../engine/tree.ts";
import { renderMarkdownInline } from "./markdown.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { iconContent } from "../render/icon.ts";
import { html } from "../render/html.ts";
import { buttonClass, buttonContent, checkButtonType, type ButtonType } from "./buttons.ts";
import { checkIcon } from "./icon.ts";
import { openFlag, type OpenStateOptions } from "./open-state.ts";
import { checkPanelType, type PanelType } from "./layout.ts";
import { sized, type WidthOption } from "./sizing.ts";

export type StatusState = "running" | "complete" | "error";

export interface StatusUpdate {
  label?: string;
  state?: StatusState;
  expanded?: boolean;
}

export interface StatusOptions extends StatusUpdate, WidthOption {
  /** "default" (a bordered box) or "compact" (a small muted toggle with no box) */
  type?: PanelType;
}

export interface PopoverOptions extends OpenStateOptions, WidthOption {
  help?: string;
  /** "primary", "secondary" (the default) or "tertiary" (plain text): how the opening button looks */
  type?: ButtonType;
  /** an emoji or a `:material/name:` shortcode, shown before the label */
  icon?: string;
  disabled?: boolean;
  useContainerWidth?: boolean;
}

function checkState(state: unknown): StatusState {
  if (state === "running" || state === "complete" || state === "error") return state;
  throw new StreamlitAPIException(`Unknown state (${String(state)}). Must be one of 'running', 'complete', or 'error'.`);
}

/** The status node and how to update it (the container methods are added by container.ts). */
export function status(c: ContainerBase, label: string, opts: StatusOptions = {}): { state: () => StatusState; box: ContainerBase; update: (u: StatusUpdate) => void } {
  if (typeof label !== "string" || label === "") throw new StreamlitAPIException("A label is required for an expander");
  const props: StatusProps = { label, state: checkState(opts.state ?? "running"), expanded: opts.expanded ?? false, type: checkPanelType("st.status", opts.type) };
  const node = c._push(sized(panelFamily.node("status", props, []), { width: opts.width }, false));
  const update = (u: StatusUpdate) => {
    if (u.state !== undefined) props.state = checkState(u.state);
    if (u.label !== undefined) props.label = String(u.label);
    if (u.expanded !== undefined) props.expanded = u.expanded;
  };
  return { state: () => props.state, box: c._child(node), update };

}

/** The popover's container and whether it is open (null: not tracked, without `onChange`). */
export function popover(c: ContainerBase, label: string, opts: PopoverOptions = {}): { box: ContainerBase; open: boolean | null } {
  if (typeof label !== "string" || label === "") throw new StreamlitAPIException("A label is required for a popover");
  const type = checkButtonType("st.popover", opts.type);
  const icon = checkIcon(opts.icon);
  const state = openFlag(c, "st.popover", "popover", opts, { label, help: opts.help, icon }, false);
  const props: PopoverProps = { label, help: opts.help ?? null, type, icon, disabled: opts.disabled ?? false, wide: opts.useContainerWidth ?? false, field: state?.id ?? null, open: state?.value ?? false };
  return { box: c._child(c._push(sized(panelFamily.node("popover", props, []), { width: opts.width }))), open: state ? state.value : null };
}


/** Whether a widget among `nodes` (or inside them) was just used. */
const usedIn = (nodes: ElementNode[] | undefined): boolean => !!nodes?.some((n) => n.props.touched === true || usedIn(n.children));

const STATUS_ICONS: Record<StatusState, string> = { running: "", complete: "✓", error: "✕" };
const STATUS_WORDS: Record<StatusState, string> = { running: "Running", complete: "Complete", error: "Error" };

interface StatusProps {
  label: string;
  state: StatusState;
  expanded: boolean;
  type: PanelType;
}
interface PopoverProps {
  label: string;
  help: string | null;
  type: ButtonType;
  icon: string;
  disabled: boolean;
  wide: boolean;
  /** the widget id its button posts, when its open state is widget state */
  field: string | null;
  /** open, when tracked */
  open: boolean;
}
interface PanelKinds {
  status: StatusProps;
  popover: PopoverProps;
}

const renderers: KindRenderers<PanelKinds> = {
  status: (p, n, render) => {
    const icon = p.state === "running" ? html`<span class="fl-spinner" aria-hidden="true"></span>` : html`<span class="fl-status-icon" aria-hidden="true">${STATUS_ICONS[p.state]}</span>`;
    return html`<details class="fl-expander fl-status-box fl-status-${p.state}${p.type === "compact" ? " fl-compact" : ""}" data-kind="status" data-state="${p.state}"${p.expanded && html` open`}><summary>${icon}<span class="fl-sr-only">${STATUS_WORDS[p.state]}: </span>${p.label}</summary><div class="fl-expander-body">${render(n.children)}</div></details>`;
  },
  popover: (p, n, render) => {
    const title = p.help && html` title="${p.help}"`;
    const label = buttonContent(p.icon, renderMarkdownInline(p.label));
    const cls = buttonClass(p.type, false);
    // Disabled: a button that does nothing, so the content cannot be reached.
    if (p.disabled) return html`<div class="fl-popover" data-kind="popover"><button type="button" class="${cls}" disabled${title}>${label}</button></div>`;
    // tracked: its button posts the state it asks for, and the server draws it open or closed
    if (p.field) {
      const button = html`<button type="submit" class="${cls} fl-popover-toggle" name="${p.field}" value="${p.open ? "0" : "1"}" aria-expanded="${p.open ? "true" : "false"}"${title}>${label}</button>`;
      return html`<div class="fl-popover${p.wide ? " fl-popover-wide" : ""}${p.open ? " fl-popover-on" : ""}" data-kind="popover">${button}<div class="fl-popover-body"${!p.open && html` hidden`}>${render(n.children)}</div></div>`;
    }
    // open again after a post that used one of its widgets: without JavaScript the page comes back
    // whole, and the person was working in it
    const open = usedIn(n.children) && html` open`;
    return html`<details class="fl-popover${p.wide ? " fl-popover-wide" : ""}" data-kind="popover"${open}><summary class="${cls}"${title}>${label}</summary><div class="fl-popover-body">${render(n.children)}</div></details>`;
  },
};

const panelsCss = `

.fl-status-box summary{display:flex;gap:.5rem;align-items:center}
.fl-status-icon{font-weight:700}.fl-status-complete .fl-status-icon{color:var(--fl-ok)}.fl-status-error .fl-status-icon{color:var(--fl-err)}
.fl-spinner{width:1rem;height:1rem;border:2px solid var(--fl-line);border-top-color:var(--fl-accent-text);border-radius:50%;animation:fl-spin 1s linear infinite}
@keyframes fl-spin{to{transform:rotate(360deg)}}
.fl-popover{position:relative;display:inline-block;margin:0 0 1rem}.fl-popover-wide{display:block}
.fl-popover>summary{list-style:none;display:inline-block}.fl-popover>summary::-webkit-details-marker{display:none}
.fl-popover>summary::after,.fl-popover-toggle::after{content:" \\25BE"}
.fl-popover-body{position:absolute;z-index:3;left:0;top:calc(100% + .25rem);min-width:16rem;max-width:min(40rem,90vw);padding:1rem;background:var(--fl-bg);border:1px solid var(--fl-line);border-radius:.5rem;box-shadow:0 4px 16px rgba(0,0,0,.15)}
@media (prefers-reduced-motion:reduce){.fl-spinner{animation:none}}
`;
export const panelFamily = defineFamily<PanelKinds>(renderers, panelsCss);
