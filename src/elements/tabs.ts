/**
 * st.tabs. By default the switch stays in the browser: a radio per tab and CSS show the chosen
 * panel, and the server never hears of it. With `onChange` ("rerun" or a function) the open tab is
 * widget state: each tab is a submit button posting its label, and the server draws the open one.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { slot } from "../engine/slots.ts";
import { defineFamily } from "./family.ts";
import { html } from "../render/html.ts";
import { TAB_FIELD_PREFIX } from "../protocol/form.ts";
import { pyRepr } from "./common.ts";
import { openState, type OpenStateOptions } from "./open-state.ts";
import { sized, type WidthOption } from "./sizing.ts";

export interface TabsOptions extends OpenStateOptions, WidthOption {
  /** the label of the tab open at first (default: the first tab) */
  default?: string | null;
}

/** A tab's container, with whether it is the open tab. */
export interface TabHandle {
  box: ContainerBase;
  /** true for the open tab, false for the others; null when the state is not tracked (no `onChange`) */
  open: boolean | null;
}

/**
 * st.tabs groups of each run, numbered in call order: their radios' names and DOM ids. Inside a
 * fragment they are numbered within it, so a fragment's rerun gives its tabs the names they had.
 */
const TAB_GROUPS = slot(() => new Map<string, number>());

function checkLabels(labels: unknown): string[] {
  if (!Array.isArray(labels) || labels.length === 0) {
    throw new StreamlitAPIException("The input argument to st.tabs must contain at least one tab label.");
  }
  if (labels.some((l) => typeof l !== "string")) {
    throw new StreamlitAPIException("The tabs input list to st.tabs is only allowed to contain strings.");
  }
  return labels;
}

function checkDefault(labels: string[], value: unknown): string {
  if (value === undefined || value === null) return labels[0]!;
  if (typeof value === "string" && labels.includes(value)) return value;
  throw new StreamlitAPIException(`The default tab ${pyRepr(value)} is not one of the tabs: ${pyRepr(labels)}.`);
}

function groupName(c: ContainerBase): string | number {
  const ctx = c._run("st.tabs");
  const counts = ctx.slots.get(TAB_GROUPS);
  const within = ctx.fragments.current?.id ?? "";
  const n = (counts.get(within) ?? 0) + 1;
  counts.set(within, n);
  return within ? `${within}-${n}` : n;
}

/** One container per tab, each with `open`. */
export function tabs(c: ContainerBase, labelsIn: string[], opts: TabsOptions = {}): TabHandle[] {
  const labels = checkLabels(labelsIn);
  const first = checkDefault(labels, opts.default);
  const state = openState<string>(c, opts, {
    elementType: "tabs",
    command: "st.tabs",
    idParams: { labels, default: first },
    initial: first,
    // a label the tabs no longer have (or a value of another type set by the app): the default
    settle(v) {
      return typeof v === "string" && labels.includes(v) ? v : first;
    },
    parse(raw) {
      return raw.length === 1 && labels.includes(raw[0]!) ? { value: raw[0]! } : { error: "Not one of the tabs." };
    },
    serialize(v) {
      return [v];
    },
  });
  const openIndex = labels.indexOf(state ? state.value : first);
  const group = groupName(c);
  const node = c._push(sized(tabsFamily.node("tabs", { field: state?.id ?? null }, []), { width: opts.width }, false));
  return labels.map((label, index) => {
    const tab = tabsFamily.node("tab", { label, group, index, open: index === openIndex, field: state?.id ?? null }, []);
    node.children!.push(tab);
    return { box: c._child(tab), open: state ? index === openIndex : null };
  });
}

interface TabProps {
  label: string;
  group: string | number;
  index: number;
  /** the chosen tab: its radio is checked, or its panel drawn open */
  open: boolean;
  /** the widget id its button posts, when the open tab is widget state */
  field: string | null;
}

interface TabsKinds {
  tabs: { field: string | null };
  tab: TabProps;
}

export const tabsFamily = defineFamily<TabsKinds>(
  {
    tabs: (p, n, render) => html`<fieldset class="fl-tabs${p.field ? " fl-tabs-posted" : ""}" data-kind="tabs"><legend class="fl-sr-only">Tabs</legend>${render(n.children)}</fieldset>`,
    tab: (p, n, render) => {
      const panel = html`<div class="fl-tab-panel${p.open ? " fl-tab-open" : ""}" data-kind="tab">${render(n.children)}</div>`;
      if (p.field) {
        // a submit button: choosing the tab posts its label, without JavaScript too
        return html`<button type="submit" class="fl-tab-label fl-tab-button" name="${p.field}" value="${p.label}" aria-pressed="${p.open ? "true" : "false"}">${p.label}</button>${panel}`;
      }
      const id = `fl-tab-${p.group}-${p.index}`;
      return html`<input type="radio" class="fl-tab-radio" name="${TAB_FIELD_PREFIX}${p.group}" id="${id}" value="${p.index}"${p.open && html` checked`}><label class="fl-tab-label" for="${id}">${p.label}</label>${panel}`;
    },
  },
  `
.fl-tabs{position:relative;display:flex;flex-wrap:wrap;align-items:flex-end;border:0;padding:0;margin:0 0 1rem;min-width:0}
.fl-tab-radio{position:absolute;opacity:0;width:1px;height:1px;margin:0;pointer-events:none}
.fl-tab-label{padding:.45rem .9rem;cursor:pointer;color:var(--fl-muted);border-bottom:2px solid transparent;position:relative;z-index:1}
.fl-tab-label:hover{color:var(--fl-fg)}
.fl-tab-button{background:none;border:0;border-bottom:2px solid transparent;font:inherit;margin:0}
.fl-tab-radio:checked+.fl-tab-label,.fl-tab-button[aria-pressed=true]{color:var(--fl-accent-text);border-bottom-color:var(--fl-accent)}
.fl-tab-radio:focus-visible+.fl-tab-label,.fl-tab-button:focus-visible{outline:3px solid var(--fl-focus);outline-offset:2px}
.fl-tab-panel{display:none;order:1;flex:1 0 100%;min-width:0;padding-top:1rem;border-top:1px solid var(--fl-line);margin-top:-1px}
.fl-tab-radio:checked+.fl-tab-label+.fl-tab-panel,.fl-tabs-posted>.fl-tab-open{display:block}
`,
);
