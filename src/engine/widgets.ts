/**
 * Registering a widget in a run (Streamlit's check_widget_policies + register_widget): the
 * session-state rules, identity and duplicate checks, the value the call returns, and the record
 * the next request needs to decode the form.
 */
import {
  DuplicateElementId,
  DuplicateElementKey,
  InvalidFormCallbackError,
  ValueAssignmentNotAllowedError,
  defaultValueWarning,
} from "./errors.ts";
import type { Callback, PostStyle, RunContext } from "./run-context.ts";
import { copyJson } from "./copy-json.ts";
import type { Json } from "./state.ts";
import { computeWidgetId, digest } from "./widget-id.ts";
import { ENTRYPOINT_SCRIPT } from "./page-change.ts";

export interface WidgetSpec<T extends Json> {
  /** Streamlit's element name ("number_input"): part of the id and of error messages */
  elementType: string;
  key: string | null;
  /** the parameters that define the widget; a change makes it a new widget */
  idParams: Record<string, Json | undefined>;
  /**
   * With a key, the names in `idParams` that still define it: those that would make its kept value
   * invalid (Streamlit's `key_as_main_identity`). Absent: the key alone.
   */
  keyedIdParams?: readonly string[];
  /**
   * The value to use instead of a registered one the widget can no longer show (an option that
   * is gone): returns the value itself when it is fine.
   */
  settle?: (value: T) => T;
  formId: string | null;
  style: PostStyle;
  /** the value of a widget seen for the first time */
  initial: T;
  /** the author passed a default value (Streamlit warns when session state also sets it) */
  hasDefault: boolean;
  isTrigger?: boolean;
  /** buttons: their value cannot be set through session state */
  writesAllowed?: boolean;
  /** st.form_submit_button may have a callback inside a form; nothing else may */
  isFormSubmitter?: boolean;
  callback: Callback | null;
  /** posted strings -> value, validated against this widget's definition */
  parse: (raw: string[]) => { value: T } | { error: string };
  /** value -> the strings the form control carries; throws Streamlit's error for an impossible value */
  serialize: (value: T) => string[];
  /** shows a warning element where the widget is */
  warn: (text: string) => void;
  /** what the widget serves besides its value (st.downloadButton's data), for a replay to find */
  payload?: unknown;
}

export interface RegisteredWidget<T> {
  id: string;
  value: T;
  /** what the control shows: the value's serialization, or a staged (uncommitted) form value */
  raw: string[];
  /** a posted value this widget rejected */
  error?: string;
  /** the value differs from what the form holds: staged in an st.form, not committed */
  pending: boolean;
  /** this request's post changed, pressed or staged it */
  touched: boolean;
  /**
   * The run wrote its value through its key (a callback, or the script before the widget): what
   * the control shows is the run's value, to be shown over anything typed meanwhile (Streamlit's
   * frontend takes a value its backend set over the one in the field).
   */
  set: boolean;
}

/** The digest the next request compares the posted value against (order-free for 'many'). */
export function rawDigest(style: PostStyle, raw: string[]): string {
  if (raw.length === 1 && raw[0]!.length <= SHORT_VALUE) return shortDigest(raw[0]!);
  const canonical = style === "many" || style === "grid" ? [...raw].sort() : raw;
  return digest(canonical.join("\u0001"));
}

/*
 * Most widgets post one short string (a number, a choice, a flag), and every request digests each
 * widget's value twice (the posted one, the one drawn): each isolate keeps the digests of the short
 * values it met. A pure function of its text, so a kept digest is the one any isolate computes.
 * Bounded: past the limit it starts over.
 */
const SHORT_VALUE = 64;
const KEPT_DIGESTS = 10_000;
const shortDigests = new Map<string, string>();

function shortDigest(text: string): string {
  let kept = shortDigests.get(text);
  if (kept === undefined) {
    if (shortDigests.size >= KEPT_DIGESTS) shortDigests.clear();
    shortDigests.set(text, (kept = digest(text)));
  }
  return kept;
}

/** Adds `value`; whether it was not there yet (one hash lookup, where `has` then `add` cost two). */
function addedNew(set: Set<string>, value: string): boolean {
  const size = set.size;
  return set.add(value).size > size;
}

export function registerWidget<T extends Json>(ctx: RunContext, spec: WidgetSpec<T>): RegisteredWidget<T> {
  const { state, widgets } = ctx;
  const { posted } = widgets;
  if (spec.formId !== null && spec.callback && !spec.isFormSubmitter) throw new InvalidFormCallbackError();
  const { key } = spec;
  const set = key !== null && state.isNewStateValue(key);
  if (set) {
    if (spec.writesAllowed === false) throw new ValueAssignmentNotAllowedError(key);
    if (spec.hasDefault && !widgets.defaultWarningShown && ctx.mode !== "replay") {
      spec.warn(defaultValueWarning(key));
      widgets.defaultWarningShown = true;
    }
  }

  const id = computeWidgetId({
    elementType: spec.elementType,
    userKey: spec.key,
    params: spec.idParams,
    keyedParams: spec.keyedIdParams,
    formId: spec.formId,
    scriptId: ctx.scriptId,
  });
  if (spec.key !== null && !addedNew(widgets.userKeys, spec.key)) throw new DuplicateElementKey(spec.key);
  if (!addedNew(widgets.ids, id)) throw new DuplicateElementId(spec.elementType);
  if (ctx.scriptId !== ENTRYPOINT_SCRIPT) widgets.pageDrawn.add(id);

  const definition = { parse: spec.parse as (raw: string[]) => { value: Json } | { error: string }, callback: spec.callback, payload: spec.payload };
  widgets.definitions.set(id, definition);

  const lazy = posted.lazyRaw.get(id);
  if (lazy && spec.isTrigger && ctx.mode === "replay") {
    // a chat message parsed only when its input registered: a replay leaves it unsent
    posted.lazyRaw.delete(id);
    ctx.presses.released.add(id);
  } else if (lazy) {
    posted.lazyRaw.delete(id);
    const parsed = spec.parse(lazy);
    state.deferred?.settle(id, parsed);
    if ("value" in parsed) state.newWidget.set(id, parsed.value);
    else posted.errors.set(id, parsed.error);
  }

  let value = state.registerWidget(id, spec.key, spec.isTrigger ?? false, spec.initial) as T;
  if (spec.settle) {
    const settled = spec.settle(value);
    if (settled !== value) state.resetWidgetValue(id, spec.key, (value = settled));
  }
  const raw = spec.serialize(value);
  const shown = rawDigest(spec.style, raw);
  widgets.rendered.add(id, spec.style, spec.formId ?? "", !!spec.callback, shown, ctx.fragments.current?.id);

  if (spec.formId !== null && widgets.clearedForms.has(spec.formId) && posted.submittedForms.has(spec.formId)) {
    // clearOnSubmit: the run has the submitted value, the form shows the default again (Streamlit's
    // frontend resets the widgets after sending); the default is committed by the next submit.
    return { id, value: copyJson(value), raw: spec.serialize(spec.initial), pending: false, touched: posted.touched.has(id), set };
  }
  const staged = posted.staged.get(id);
  return {
    id,
    value: copyJson(value),
    raw: staged ?? raw,
    error: posted.errors.get(id),
    pending: staged !== undefined && rawDigest(spec.style, staged) !== shown,
    touched: posted.touched.has(id),
    set,
  };
}
