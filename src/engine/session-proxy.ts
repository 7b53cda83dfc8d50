/**
 * `st.sessionState`: a mapping over the current run's session state that reads like Python's
 * `st.session_state` (`ss.k`, `ss["k"]`, `"k" in ss`, `delete ss.k`, `Object.keys(ss)`).
 * `get(key, fallback)`, `clear()` and `toDict()` are methods, as on Python's mapping; a key with one
 * of those names cannot be read as a property.
 */
import { currentRun } from "./context.ts";
import type { Json } from "./state.ts";

const state = () => currentRun("st.sessionState").state;
const METHODS = new Set(["get", "clear", "toDict", "toJSON"]);

const methods: Record<string, unknown> = {
  get: (key: string | number, fallback: Json = null) => {
    const found = state().lookup(String(key));
    return found ? found.value : fallback;
  },
  clear: () => state().clear(),
  toDict: () => Object.fromEntries(state().filtered()),
  toJSON: () => Object.fromEntries(state().filtered()),
};

export type SessionStateProxy = Record<string, any> & {
  get(key: string | number, fallback?: Json): any;
  clear(): void;
  toDict(): Record<string, Json>;
};

export const sessionState = new Proxy({} as SessionStateProxy, {
  get(_target, prop) {
    if (typeof prop === "symbol") return undefined;
    if (METHODS.has(prop)) return methods[prop];
    // Probes by JS itself (await, String(), console) must not throw a missing-key error.
    if ((prop === "then" || prop === "constructor" || prop === "valueOf" || prop === "toString") && !state().has(prop)) {
      return undefined;
    }
    return state().get(prop);
  },
  set(_target, prop, value) {
    if (typeof prop === "symbol") return false;
    state().set(prop, value as Json);
    return true;
  },
  has(_target, prop) {
    return typeof prop === "string" && state().has(prop);
  },
  deleteProperty(_target, prop) {
    if (typeof prop === "symbol") return false;
    state().delete(prop);
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
