/**
 * The state of a dynamic container (st.tabs' open tab, whether an st.expander or st.popover is
 * open) kept as widget state, as Streamlit does when `onChange` is "rerun" or a function: the
 * script reads it (`.open`, `st.sessionState[key]`) and may set it before the call. Its control is
 * a submit button of the page's form, so a switch posts with JavaScript off too.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import type { Json } from "../engine/state.ts";
import { callbackOf, keyOf, pyRepr } from "./common.ts";
import { register } from "./register.ts";

/** "ignore" (default: nothing posts), "rerun" (a switch reruns the app), or a callback run before the rerun. */
export type OpenChange = "ignore" | "rerun" | ((...args: any[]) => unknown);

export interface OpenStateOptions {
  /**
   * a key for the state: with `onChange` "rerun" or a function, `st.sessionState[key]` holds it
   * (readable, and settable before the call)
   */
  key?: string | number;
  /**
   * "ignore" (default: opening or closing stays in the browser and reruns nothing), "rerun" (it
   * reruns the app, which reads `.open`), or a function run before that rerun
   */
  onChange?: OpenChange;
  /** arguments for the `onChange` function */
  args?: unknown[];
}

/** What a tracked container's control needs: the field its button posts, and the state. */
export interface OpenState<T> {
  id: string;
  value: T;
}

function checkOnChange(command: string, v: unknown): OpenChange {
  if (v === undefined || v === "ignore" || v === "rerun" || typeof v === "function") return (v ?? "ignore") as OpenChange;
  throw new StreamlitAPIException(`The on_change argument to ${command} must be "ignore", "rerun", or a callable. The argument passed was ${pyRepr(v)}.`);
}

interface StateSpec<T extends Json> {
  /** Streamlit's element name: part of the widget id and of its messages */
  elementType: string;
  command: string;
  idParams: Record<string, Json | undefined>;
  initial: T;
  /** the state to show instead of one the container cannot show (a tab that is gone) */
  settle: (v: T) => T;
  parse: (raw: string[]) => { value: T } | { error: string };
  serialize: (v: T) => string[];
}

/** The container's state when the app tracks it; null when it does not (`onChange` "ignore"). */
export function openState<T extends Json>(c: ContainerBase, opts: OpenStateOptions, spec: StateSpec<T>): OpenState<T> | null {
  const onChange = checkOnChange(spec.command, opts.onChange);
  if (onChange === "ignore") return null;
  const reg = register<T>(c, {
    elementType: spec.elementType,
    key: keyOf(opts.key),
    idParams: spec.idParams,
    // the view of a container is no form value: a switch inside an st.form applies at once
    formId: null,
    style: "one",
    initial: spec.initial,
    hasDefault: false,
    callback: typeof onChange === "function" ? callbackOf(onChange, opts.args) : null,
    settle: spec.settle,
    parse: spec.parse,
    serialize: spec.serialize,
  });
  return { id: reg.id, value: reg.value };
}

/** The open/closed state of an expander or popover: "1" open, "0" closed. */
export function openFlag(c: ContainerBase, command: string, elementType: string, opts: OpenStateOptions, idParams: Record<string, Json | undefined>, initial: boolean): OpenState<boolean> | null {
  return openState<boolean>(c, opts, {
    elementType,
    command,
    idParams,
    initial,
    settle(v) {
      return typeof v === "boolean" ? v : initial;
    },
    parse(raw) {
      return raw[0] === "1" || raw[0] === "0" ? { value: raw[0] === "1" } : { error: "Not a valid open state." };
    },
    serialize(v) {
      return [v ? "1" : "0"];
    },
  });
}
