/**
 * st.queryParams: the page URL's query parameters, read and written like Streamlit's
 * `st.query_params`. Reading a repeated key gives its last value (`getAll` gives every one);
 * writes show in the URL of the response (the form's action, and the address bar with the client
 * script). A page switch clears them, as in Streamlit.
 */
import { currentRun } from "../engine/context.ts";
import { StreamlitError } from "../engine/errors.ts";

const query = () => currentRun("st.queryParams").request.query;
const METHODS = new Set(["getAll", "clear", "fromDict", "toDict", "toJSON", "get"]);

export class MissingQueryParam extends StreamlitError {
  constructor(key: string) {
    super("KeyError", `st.query_params has no key "${key}".`);
  }
}

type Value = string | number | boolean | (string | number | boolean)[];

/** Sets a key's values where the key already stands (as a Python dict keeps its order). */
function assign(q: URLSearchParams, key: string, value: Value) {
  const values = (Array.isArray(value) ? value : [value]).map(String);
  if (!q.has(key)) {
    for (const v of values) q.append(key, v);
    return;
  }
  const entries = [...q.entries()];
  for (const k of [...new Set(q.keys())]) q.delete(k);
  let placed = false;
  for (const [k, v] of entries) {
    if (k !== key) q.append(k, v);
    else if (!placed) {
      for (const x of values) q.append(key, x);
      placed = true;
    }
  }
}

const methods: Record<string, unknown> = {
  get: (key: string, fallback: string | null = null) => query().getAll(key).at(-1) ?? fallback,
  getAll: (key: string) => query().getAll(key),
  clear: () => {
    const q = query();
    for (const k of [...new Set(q.keys())]) q.delete(k);
  },
  fromDict: (values: Record<string, Value>) => {
    const q = query();
    for (const k of [...new Set(q.keys())]) q.delete(k);
    for (const [k, v] of Object.entries(values)) assign(q, k, v);
  },
  toDict: () => Object.fromEntries([...new Set(query().keys())].map((k) => [k, query().getAll(k).at(-1)!])),
};
methods.toJSON = methods.toDict;

export type QueryParamsProxy = Record<string, any> & {
  get(key: string, fallback?: string | null): string | null;
  getAll(key: string): string[];
  clear(): void;
  fromDict(values: Record<string, Value>): void;
  toDict(): Record<string, string>;
};

export const queryParams = new Proxy({} as QueryParamsProxy, {
  get(_t, prop) {
    if (typeof prop === "symbol") return undefined;
    if (METHODS.has(prop)) return methods[prop];
    const all = query().getAll(prop);
    if (all.length === 0) {
      if (prop === "then" || prop === "constructor" || prop === "valueOf" || prop === "toString") return undefined;
      throw new MissingQueryParam(prop);
    }
    return all.at(-1);
  },
  set(_t, prop, value) {
    if (typeof prop === "symbol") return false;
    assign(query(), prop, value as Value);
    return true;
  },
  has: (_t, prop) => typeof prop === "string" && query().has(prop),
  deleteProperty(_t, prop) {
    if (typeof prop === "symbol") return false;
    if (!query().has(prop)) throw new MissingQueryParam(prop);
    query().delete(prop);
    return true;
  },
  ownKeys: () => [...new Set(query().keys())],
  getOwnPropertyDescriptor(_t, prop) {
    if (typeof prop !== "string" || !query().has(prop)) return undefined;
    return { value: query().getAll(prop).at(-1), enumerable: true, configurable: true, writable: true };
  },
});
