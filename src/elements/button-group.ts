/**
 * Button groups: st.feedback, st.pills and st.segmentedControl. Streamlit draws them as rows of
 * toggle buttons; here they are radio groups (one choice) or checkbox groups (several) whose
 * labels are styled as pills, so a plain form posts them with JavaScript off.
 *
 * A picked option posts "<option>@<place in the picks>", one not picked yet posts "<option>": so
 * the server keeps the picks in the order they were made, and in a single choice a fresh pick
 * wins over the one it replaces. The picked option of a single choice is a checkbox (the others
 * radios): clicking it again unticks it and clears the choice, as in Streamlit, with no script.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException, WrongValueType, defaultNotInOptions } from "../engine/errors.ts";
import type { Json } from "../engine/state.ts";
import { callbackOf, describedBy, disabledAttr, domId, indexIn, keptOptions, keyOf, legendHtml, pyRepr, pyStr, pyType, widgetProps, widgetWrap, type ChangeOptions, type WidgetOptions, type WidgetProps } from "./common.ts";
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
  /**
   * "single" (default): one option or null (clicking the picked option again clears it);
   * "multi": a list, in the order the options were picked
   */
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

/** The value a picked option posts: its index and its place among the picks. */
const pickedValue = (option: number, place: number) => `${option}@${place}`;

/** The value the options at `indices` make: one option (or null) in single mode, a list in multi. */
function pick<T>(list: readonly T[], single: boolean, indices: number[]): T | T[] | null {
  return single ? (indices.length ? list[indices[0]!]! : null) : indices.map((i) => list[i]!);
}

/** A value as the indices of its options, or Streamlit's error for a value that is none of them. */
function toIndices(list: readonly unknown[], single: boolean, v: unknown): number[] {
  const values = single ? (v === null ? [] : [v]) : v;
  if (!Array.isArray(values)) throw new WrongValueType(pyRepr(v), pyType(v), "list");
  return values.map((x) => {
    const i = indexIn(list, x);
    if (i < 0) throw defaultNotInOptions(pyStr(x));
    return i;
  });
}

/**
 * The options picked, in the order they were picked (see the module's note), or why the posted
 * strings are refused. Earlier picks keep their places; fresh ones follow in the form's order.
 */
function pickOrder(raw: string[], count: number, single: boolean): number[] | string {
  const kept: [place: number, option: number][] = [];
  const fresh: number[] = [];
  const seen = new Set<number>();
  for (const r of raw) {
    const m = /^(\d{1,9})(?:@(\d{1,9}))?$/.exec(r);
    const option = m ? Number(m[1]) : -1;
    if (option < 0 || option >= count) return "a choice is not one of the options.";
    if (seen.has(option)) continue;
    seen.add(option);
    if (m![2] === undefined) fresh.push(option);
    else kept.push([Number(m![2]), option]);
  }
  const earlier = kept.sort((a, b) => a[0] - b[0]).map(([, option]) => option);
  if (!single) return [...earlier, ...fresh];
  const one = fresh.length ? fresh : earlier;
  return one.length > 1 ? "pick one option only." : one;
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
  const reg = register<T | T[] | null>(c, {
    // Streamlit's identity: the label is not part of it, the options, default, mode and style are
    elementType: "button_group",
    key,
    idParams: { options: g.faces.map((f) => f.text), default: g.defaults, click_mode: g.mode, style: g.kind },
    // with a key: feedback's kind of faces, or pills' selection mode, still make a new widget
    keyedIdParams: g.kind === "feedback" ? ["options"] : ["click_mode"],
    style: "many",
    initial: pick(list, single, g.defaults),
    // kept choices the options no longer hold: back to the default (single) or left out (multi)
    settle: g.kind === "feedback" ? undefined : (v) => (!single ? keptOptions(list, v as T[]) : v === null || indexIn(list, v) >= 0 ? v : pick(list, single, g.defaults)),
    hasDefault: g.defaults.length > 0,
    callback: callbackOf(g.opts.onChange, g.opts.args),
    parse(raw) {
      const order = pickOrder(raw, list.length, single);
      return typeof order === "string" ? { error: `${g.label}: ${order}` } : { value: pick(list, single, order) };
    },
    serialize(v) {
      return toIndices(list, single, v).map(pickedValue);
    },
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
 * group was in the form when nothing is ticked. In a single choice the picked option is a
 * checkbox, so it can be unticked (the choice cleared) without a script.
 */
function renderGroup(kind: GroupKind, p: GroupProps): Html {
  const order = pickOrder(p.raw, p.faces.length, p.single);
  const picks = typeof order === "string" ? [] : order;
  const items = p.faces.map((f, i) => {
    const place = picks.indexOf(i);
    const type = p.single && place < 0 ? "radio" : "checkbox";
    const value = place < 0 ? String(i) : pickedValue(i, place);
    const aria = f.name;
    return html`<label class="fl-pill${p.single && place >= 0 ? " fl-pill-kept" : ""}"${aria && html` title="${aria}"`}><input type="${type}" name="${p.id}" value="${value}"${place >= 0 && html` checked`}${disabledAttr(p)}${aria && html` aria-label="${aria}"`}><span${aria && html` aria-hidden="true"`}>${f.text}</span></label>`;
  });
  const marker = html`<input type="hidden" name="${p.id}" value=""${disabledAttr(p)}>`;
  const group = html`<fieldset class="fl-pills fl-pills-${kind}${p.upTo ? " fl-pills-upto" : ""}" id="${domId(p.id)}"${describedBy(p)}>${legendHtml(p)}${marker}<div class="fl-pill-row">${items}</div></fieldset>`;
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
.fl-pills:has(input[type=radio]:checked) .fl-pill-kept{border-color:var(--fl-line);color:inherit;background:var(--fl-input)}
.fl-pills-segmented_control .fl-pill-row{gap:0}
.fl-pills-segmented_control .fl-pill{border-radius:0;margin-left:-1px}
.fl-pills-segmented_control .fl-pill:first-child{border-radius:.5rem 0 0 .5rem;margin-left:0}
.fl-pills-segmented_control .fl-pill:last-child{border-radius:0 .5rem .5rem 0}
.fl-pills-feedback .fl-pill{border-color:transparent;background:none;font-size:1.25rem;padding:.1rem .4rem}
.fl-pills-feedback .fl-pill:has(input:checked){border-color:var(--fl-accent-text)}
.fl-pills-upto .fl-pill{color:var(--fl-muted)}
.fl-pills-upto .fl-pill:has(~ .fl-pill input:checked),.fl-pills-upto .fl-pill:has(input:checked){color:var(--fl-accent-text);border-color:transparent}
.fl-pills-upto:has(input[type=radio]:checked) .fl-pill{color:var(--fl-muted)}
.fl-pills-upto:has(input[type=radio]:checked) .fl-pill:has(~ .fl-pill input[type=radio]:checked),.fl-pills-upto .fl-pill:has(input[type=radio]:checked){color:var(--fl-accent-text)}
`;

export const buttonGroupFamily = defineFamily<Record<GroupKind, GroupProps>>(
  {
    feedback: (p) => renderGroup("feedback", p),
    pills: (p) => renderGroup("pills", p),
    segmented_control: (p) => renderGroup("segmented_control", p),
  },
  buttonGroupCss,
);
