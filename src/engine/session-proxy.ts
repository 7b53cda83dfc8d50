/**
 * `st.sessionState`: a mapping over the current run's session state that reads like Python's
 * `st.session_state` (`ss.k`, `ss["k"]`, `"k" in ss`, `delete ss.k`, `Object.keys(ss)`), with the
 * methods of Python's dict-like API: `get`, `setdefault`, `update`, `pop`, `keys`, `values`,
 * `items`, `clear` and `toDict`. A key with one of those names cannot be read as a property (use
 * `ss.get("keys")`). Keys beginning with `$$ID` belong to widgets and are refused, as in Streamlit.
 */
import { currentRun, maybeCurrentRun } from "./context.ts";
import { reservedKey } from "./errors.ts";
import type { Json } from "./state.ts";

const state = () => currentRun("st.sessionState").state;

/** Streamlit's require_valid_user_key: a user may not name a widget's generated id. */
function userKey(key: string | number): string {
  const k = String(key);
  if (k.startsWith("$$ID")) throw reservedKey();
  return k;
}

const read = (key: string | number) => state().get(userKey(key));
const write = (key: string | number, value: Json) => state().set(userKey(key), value);
const entries = () => [...state().filtered()];

/** Python's "no default given" (pop raises KeyError only then). */
const NO_DEFAULT = Symbol("no default");

const methods = {
  get: (key: string | number, fallback: Json = null) => {
    const found = state().lookup(userKey(key));
    return found ? found.value : fallback;
  },
  setdefault: (key: string | number, fallback: Json = null) => {
    const found = state().lookup(userKey(key));
    if (found) return found.value;
    write(key, fallback);
    return fallback;
  },
  /** Sets every key of a plain object, a Map or a list of [key, value] pairs. */
  update: (other: Record<string, Json> | Map<string, Json> | [string, Json][] = {}) => {
    const pairs = other instanceof Map || Array.isArray(other) ? [...other] : Object.entries(other);
    for (const [k, v] of pairs) write(k, v);
  },
  pop: (key: string | number, fallback: Json | typeof NO_DEFAULT = NO_DEFAULT) => {
    const found = state().lookup(userKey(key));
    if (!found) {
      if (fallback === NO_DEFAULT) return read(key); // throws Streamlit's KeyError text
      return fallback;
    }
    state().delete(String(key));
    return found.value;
  },
  keys: () => entries().map(([k]) => k),
  values: () => entries().map(([, v]) => v),
  items: () => entries(),
  clear: () => state().clear(),
  toDict: () => Object.fromEntries(entries()),
  toJSON: () => Object.fromEntries(entries()),
};
const METHODS = new Set(Object.keys(methods));

/**
 * The keys an app keeps in session state, with their types: empty in formlit, declared by the app
 * through module augmentation (as express-session's `SessionData`), once, next to its code:
 * ```ts
 * declare module "formlit" {
 *   interface SessionStateShape {
 *     count: number;
 *     messages?: { role: "user" | "assistant"; content: string }[];
 *   }
 * }
 * ```
 * Then `st.sessionState.count` is a `number` (and assigning a string to it is an error),
 * `st.sessionState.get("count")` is `number | null`. Keys the app does not declare stay `any`, so an
 * app may declare its keys one at a time. Values are kept as JSON: declare JSON types.
 */
export interface SessionStateShape {}

/** A key the app declared in SessionStateShape. */
type Declared = keyof SessionStateShape & string;
/** A key the app did not declare (a declared one must take its own overload, with its own type). */
type Undeclared<K> = K & (K extends Declared ? never : unknown);

/**
 * `st.sessionState`'s type: the app's declared keys with their types ({@link SessionStateShape}),
 * any other key as `any`, and the dict-like methods.
 */
export interface SessionStateProxy extends SessionStateShape {
  [key: string]: any;
  /** A declared key's value, or `null` when it is not set. */
  get<K extends Declared>(key: K): SessionStateShape[K] | null;
  /** A declared key's value, or `fallback` when it is not set. */
  get<K extends Declared>(key: K, fallback: SessionStateShape[K]): SessionStateShape[K];
  get<K extends string | number>(key: Undeclared<K>, fallback?: Json): any;
  setdefault<K extends Declared>(key: K, fallback: SessionStateShape[K]): SessionStateShape[K];
  setdefault<K extends string | number>(key: Undeclared<K>, fallback?: Json): any;
  update(other: Partial<SessionStateShape> | Record<string, Json> | Map<string, Json> | [string, Json][]): void;
  pop<K extends Declared>(key: K, fallback?: SessionStateShape[K]): SessionStateShape[K];
  pop<K extends string | number>(key: Undeclared<K>, fallback?: Json): any;
  keys(): string[];
  values(): any[];
  items(): [string, any][];
  clear(): void;
  toDict(): Record<string, Json>;
}

export const sessionState = new Proxy({} as SessionStateProxy, {
  get(_target, prop) {
    if (typeof prop === "symbol") return undefined;
    if (METHODS.has(prop)) return methods[prop as keyof typeof methods];
    // Probes by JS itself (await, String(), console) must not throw a missing-key error; `await`
    // also probes a callback's result after its run has let go (`() => Object.assign(ss, {...})`).
    if (prop === "then" || prop === "constructor" || prop === "valueOf" || prop === "toString") {
      const ctx = maybeCurrentRun();
      if (!ctx || !ctx.state.has(prop)) return undefined;
    }
    return read(prop);
  },
  set(_target, prop, value) {
    if (typeof prop === "symbol") return false;
    write(prop, value as Json);
    return true;
  },
  has(_target, prop) {
    return typeof prop === "string" && state().has(userKey(prop));
  },
  deleteProperty(_target, prop) {
    if (typeof prop === "symbol") return false;
    state().delete(userKey(prop));
    return true;
  },
  ownKeys() {
    return [...state().filtered().keys()];
  },
  getOwnPropertyDescriptor(_target, prop) {
    if (typeof prop === "symbol") return undefined;
    const all = state().filtered();
    if (!all.has(prop)) return undefined;
    return { value: all.get(prop), enumerable: true, configurable: true, writable: true };
  },
});
