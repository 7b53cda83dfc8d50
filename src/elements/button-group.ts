/**
 * Button groups: st.feedback, st.pills and st.segmentedControl. Streamlit draws them as rows of
 * toggle buttons; here they are radio groups (one choice) or checkbox groups (several) whose
 * labels are styled as pills, so a plain form posts them with JavaScript off.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException, WrongValueType, defaultNotInOptions } from "../engine/errors.ts";
import type { Json } from "../engine/state.ts";
import { callbackOf, describedBy, disabledAttr, domId, indexIn, keyOf, labelClass, pyRepr, pyStr, pyType, widgetProps, widgetWrap, type ChangeOptions, type WidgetOptions, type WidgetProps } from "./common.ts";
import { register } from "./register.ts";
import { defineFamily } from "./family.ts";
import { html, type Html } from "../render/html.ts";

export type SelectionMode = "single" | "multi";
export type FeedbackOptions = "thumbs" | "faces" | "stars";

export interface FeedbackWidgetOptions extends ChangeOptions {
  key?: string | number;
  disabled?: boolean;
}

export interface PillsOptions<T> extends WidgetOptions, ChangeOptions {
  /** "single" (default): one option or null; "multi": a list */
  selectionMode?: SelectionMode;
  /** the option(s) selected at first */
  default?: T | T[] | null;
  formatFunc?: (option: T) => unknown;
}

/** What each option shows and what a screen reader says for it. */
interface Face {
  text: string;
  name: string;
}

/**
 * The feedback sets, in display order, with the sentiment each returns (Streamlit's: thumbs up is
 * shown first but is 1, thumbs down 0; faces and stars count up from 0).
 */
const FEEDBACK: Record<FeedbackOptions, { faces: Face[]; values: number[] }> = {
  thumbs: { faces: [{ text: "👍", name: "Thumbs up" }, { text: "👎", name: "Thumbs down" }], values: [1, 0] },
  faces: {
    faces: [
      { text: "😞", name: "Very dissatisfied" },
      { text: "🙁", name: "Dissatisfied" },
      { text: "😐", name: "Neutral" },
      { text: "🙂", name: "Satisfied" },
      { text: "😀", name: "Very satisfied" },
    ],
    values: [0, 1, 2, 3, 4],
  },
  stars: { faces: [1, 2, 3, 4, 5].map((n) => ({ text: "★", name: `${n} star${n === 1 ? "" : "s"}` })), values: [0, 1, 2, 3, 4] },
};

interface GroupSpec<T> {
  kind: "feedback" | "pills" | "segmented_control";
  label: string;
  options: T[];
  faces: Face[];
  mode: SelectionMode;
  defaults: number[];
  opts: PillsOptions<T>;
  /** stars: every option up to the chosen one is shown as chosen */
  upTo?: boolean;
}

/** Streamlit's _button_group: the checks, the identity and the registration every kind shares. */
function buttonGroup<T extends Json>(c: ContainerBase, g: GroupSpec<T>): T | T[] | null {
  if (g.mode !== "single" && g.mode !== "multi") {
    throw new StreamlitAPIException(`The selection_mode argument must be one of ['single', 'multi']. The argument passed was '${g.mode}'.`);
  }
  if (g.mode === "single" && g.defaults.length > 1) {
    throw new StreamlitAPIException("The default argument to `st.pills` must be a single value when `selection_mode='single'`.");
  }
  const key = keyOf(g.opts.key);
  const list = g.options;
  const single = g.mode === "single";
  const pick = (indices: number[]) => (single ? (indices.length ? list[indices[0]!]! : null) : indices.map((i) => list[i]!));
  const toIndices = (v: unknown): number[] => {
    const values = single ? (v === null ? [] : [v]) : v;
    if (!Array.isArray(values)) throw new WrongValueType(pyRepr(v), pyType(v), "list");
    return values.map((x) => {
      const i = indexIn(list, x);
      if (i < 0) throw defaultNotInOptions(pyStr(x));
      return i;
    });
  };
  const reg = register<T | T[] | null>(c, {
    // Streamlit's identity: the label is not part of it, the options, default, mode and style are
    elementType: "button_group",
    key,
    idParams: { options: g.faces.map((f) => f.text), default: g.defaults, click_mode: g.mode, style: g.kind },
    style: "many",
    initial: pick(g.defaults),
    hasDefault: g.defaults.length > 0,
    callback: callbackOf(g.opts.onChange, g.opts.args),
    parse: (raw) => {
      const picked = new Set<number>();
      for (const r of raw) {
        const i = /^\d{1,9}$/.test(r) ? Number(r) : -1;
        if (i < 0 || i >= list.length) return { error: `${g.label}: a choice is not one of the options.` };
        picked.add(i);
      }
      if (single && picked.size > 1) return { error: `${g.label}: pick one option only.` };
      return { value: pick([...picked].sort((a, b) => a - b)) };
    },
    serialize: (v) => toIndices(v).map(String),
  });
  c._push(buttonGroupFamily.node(g.kind, { ...widgetProps(reg, g.label, key, g.opts), faces: g.faces, single, upTo: g.upTo ?? false }));
  return reg.value;
}

/**
 * st.feedback: thumbs, faces or five stars. Returns the sentiment (thumbs: 1 up, 0 down; faces
 * and stars: 0 to 4) or null before any is picked. It has no label, as in Streamlit.
 */
export function feedback(c: ContainerBase, options: FeedbackOptions = "thumbs", opts: FeedbackWidgetOptions = {}): number | null {
  const set = FEEDBACK[options];
  if (!Object.hasOwn(FEEDBACK, options) || !set) {
    throw new StreamlitAPIException(
      `The options argument to st.feedback must be one of ['thumbs', 'faces', 'stars']. The argument passed was '${options}'.`,
    );
  }
  return buttonGroup<number>(c, {
    kind: "feedback",
    label: options === "stars" ? "Rating" : "Feedback",
    options: set.values,
    faces: set.faces,
    mode: "single",
    defaults: [],
    opts: { ...opts, labelVisibility: "collapsed" },
    upTo: options === "stars",
  }) as number | null;
}

function optionGroup<T extends Json>(c: ContainerBase, kind: "pills" | "segmented_control", label: string, options: readonly T[], opts: PillsOptions<T>) {
  const list = [...options];
  const format = opts.formatFunc ?? ((o: T) => o);
  const faces = list.map((o) => ({ text: pyStr(format(o)), name: "" }));
  const given = opts.default === undefined || opts.default === null ? [] : Array.isArray(opts.default) ? opts.default : [opts.default];
  const defaults = given.map((d) => {
    const i = indexIn(list, d);
    if (i < 0) throw defaultNotInOptions(pyStr(d));
    return i;
  });
  return buttonGroup(c, { kind, label, options: list, faces, mode: opts.selectionMode ?? "single", defaults, opts });
}

/** st.pills: options shown as pills; one (or with `selectionMode: "multi"` several) selected. */
export const pills = <T extends Json>(c: ContainerBase, label: string, options: readonly T[], opts: PillsOptions<T> = {}) =>
  optionGroup(c, "pills", label, options, opts);

/** st.segmented_control: the same choice drawn as one joined row of buttons. */
export const segmentedControl = <T extends Json>(c: ContainerBase, label: string, options: readonly T[], opts: PillsOptions<T> = {}) =>
  optionGroup(c, "segmented_control", label, options, opts);

type GroupProps = WidgetProps & { faces: Face[]; single: boolean; upTo: boolean };

/**
 * One radio or checkbox per option inside its pill. A hidden empty field tells the server the
 * group was in the form when nothing is ticked; a single choice, once made, also offers a
 * "Clear" pill, since a radio button cannot be unticked without a script.
 */
function renderGroup(kind: GroupKind, p: GroupProps): Html {
  const type = p.single ? "radio" : "checkbox";
  const chosen = new Set(p.raw);
  const item = (value: string, text: string, aria: string, checked: boolean, cls = "fl-pill") =>
    html`<label class="${cls}"${aria && html` title="${aria}"`}><input type="${type}" name="${p.id}" value="${value}"${checked && html` checked`}${disabledAttr(p)}${aria && html` aria-label="${aria}"`}><span${aria && html` aria-hidden="true"`}>${text}</span></label>`;
  const items = p.faces.map((f, i) => item(String(i), f.text, f.name, chosen.has(String(i))));
  const clear = p.single && chosen.size > 0 && item("", "✕", "Clear", false, "fl-pill fl-pill-clear");
  const marker = html`<input type="hidden" name="${p.id}" value=""${disabledAttr(p)}>`;
  const group = html`<fieldset class="fl-pills fl-pills-${kind}${p.upTo ? " fl-pills-upto" : ""}" id="${domId(p.id)}"${describedBy(p)}><legend class="${labelClass(p)}">${p.label}</legend>${marker}<div class="fl-pill-row">${items}${clear}</div></fieldset>`;
  return widgetWrap(kind, p, group);
}

type GroupKind = "feedback" | "pills" | "segmented_control";

/** Pills: the input sits invisibly over its pill, so clicks, keys and focus are the browser's own. */
const buttonGroupCss = `

.fl-pills{border:0;padding:0;margin:0;min-width:0}
.fl-pill-row{display:flex;flex-wrap:wrap;gap:.5rem}
.fl-pill{position:relative;display:inline-flex;align-items:center;border:1px solid var(--fl-line);border-radius:999px;padding:.2rem .8rem;background:var(--fl-input);cursor:pointer;font-size:.9rem}
.fl-pill input{position:absolute;inset:0;margin:0;opacity:0;cursor:pointer}
.fl-pill:has(input:checked){border-color:var(--fl-accent-text);color:var(--fl-accent-text);background:var(--fl-bg)}
.fl-pill:has(input:focus-visible){outline:3px solid var(--fl-focus);outline-offset:2px}
.fl-pill:has(input:disabled){opacity:.6;cursor:not-allowed}
.fl-pill-clear{color:var(--fl-muted)}
.fl-pills-segmented_control .fl-pill-row{gap:0}
.fl-pills-segmented_control .fl-pill{border-radius:0;margin-left:-1px}
.fl-pills-segmented_control .fl-pill:first-child{border-radius:.5rem 0 0 .5rem;margin-left:0}
.fl-pills-segmented_control .fl-pill:last-child{border-radius:0 .5rem .5rem 0}
.fl-pills-feedback .fl-pill{border-color:transparent;background:none;font-size:1.25rem;padding:.1rem .4rem}
.fl-pills-feedback .fl-pill:has(input:checked){border-color:var(--fl-accent-text)}
.fl-pills-upto .fl-pill{color:var(--fl-muted)}
.fl-pills-upto .fl-pill:has(~ .fl-pill input:checked),.fl-pills-upto .fl-pill:has(input:checked){color:var(--fl-accent-text);border-color:transparent}
`;

export const buttonGroupFamily = defineFamily<Record<GroupKind, GroupProps>>(
  {
    feedback: (p) => renderGroup("feedback", p),
    pills: (p) => renderGroup("pills", p),
    segmented_control: (p) => renderGroup("segmented_control", p),
  },
  buttonGroupCss,
);
