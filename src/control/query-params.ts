/**
 * st.queryParams: the page URL's query parameters, read and written like Streamlit's
 * `st.query_params`. Reading a repeated key gives its last value (`getAll` gives every one), a key
 * set to an empty list reads as "" (and leaves the URL); `embed` and `embed_options` belong to the
 * embedding page, so the script can neither see nor set them. Writes show in the URL of the
 * response (the form's action, and the address bar with the client script). st.switchPage clears
 * them, as in Streamlit.
 */
import { currentRun } from "../engine/context.ts";
import { StreamlitAPIException, StreamlitError } from "../engine/errors.ts";

const query = () => currentRun("st.queryParams").request.query;

/** Keys the embedding page owns (Streamlit's EMBED_QUERY_PARAMS_KEYS). */
const EMBED_KEYS = new Set(["embed", "embed_options"]);

export class MissingQueryParam extends StreamlitError {
  constructor(key: string) {
    super("KeyError", `st.query_params has no key "${key}". Did you forget to initialize it?`);
  }
}

type Scalar = string | number | boolean;
type Value = Scalar | Scalar[];

/**
 * Keys set to an empty list: present for the script (they read as ""), absent from the URL, which
 * cannot hold a key with no value. Kept beside the request's URLSearchParams for this request only.
 */
const emptyKeys = new WeakMap<URLSearchParams, Set<string>>();
const emptiesOf = (q: URLSearchParams) => {
  let set = emptyKeys.get(q);
  if (!set) emptyKeys.set(q, (set = new Set()));
  return set;
};

const visible = (key: string) => !EMBED_KEYS.has(key);
const has = (q: URLSearchParams, key: string) => visible(key) && (q.has(key) || emptiesOf(q).has(key));
const keys = (q: URLSearchParams) => [...new Set([...q.keys(), ...emptiesOf(q)])].filter(visible);

/** The value a key reads as: its last value, "" for an empty list; undefined when missing. */
function read(q: URLSearchParams, key: string): string | undefined {
  if (!has(q, key)) return undefined;
  return q.getAll(key).at(-1) ?? "";
}

/** Streamlit's checks on a write, before anything changes. */
function checkWrite(key: string, value: unknown): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    throw new StreamlitAPIException(`You cannot set a query params key \`${key}\` to a dictionary.`);
  }
  if (EMBED_KEYS.has(key)) {
    throw new StreamlitAPIException("Query param embed and embed_options (case-insensitive) cannot be set programmatically.");
  }
}

/** Sets a key's values where the key already stands (as a Python dict keeps its order). */
function assign(q: URLSearchParams, key: string, value: Value) {
  checkWrite(key, value);
  const values = (Array.isArray(value) ? value : [value]).map(String);
  const empties = emptiesOf(q);
  if (values.length === 0) empties.add(key);
  else empties.delete(key);
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

/** Removes every key the script may see (the embedding page's keys stay). */
export function clearQueryParams(q: URLSearchParams): void {
  for (const k of [...new Set(q.keys())]) if (visible(k)) q.delete(k);
  emptiesOf(q).clear();
}

type Pairs = Record<string, Value> | Map<string, Value> | [string, Value][];
const pairsOf = (other: Pairs): [string, Value][] => (other instanceof Map || Array.isArray(other) ? [...other] : Object.entries(other));

function update(other: Pairs = {}) {
  const q = query();
  const pairs = pairsOf(other);
  for (const [k, v] of pairs) checkWrite(k, v); // all or nothing
  for (const [k, v] of pairs) assign(q, k, v);
}

const methods: Record<string, unknown> = {
  get: (key: string, fallback: string | null = null) => read(query(), key) ?? fallback,
  getAll: (key: string) => (visible(key) ? query().getAll(key) : []),
  clear: () => clearQueryParams(query()),
  update,
  fromDict: (values: Pairs) => {
    for (const [k, v] of pairsOf(values)) checkWrite(k, v); // refused before anything is cleared
    clearQueryParams(query());
    update(values);
  },
  toDict: () => Object.fromEntries(keys(query()).map((k) => [k, read(query(), k)!])),
};
methods.toJSON = methods.toDict;
const METHODS = new Set(Object.keys(methods));

export type QueryParamsProxy = Record<string, any> & {
  get(key: string, fallback?: string | null): string | null;
  getAll(key: string): string[];
  clear(): void;
  update(other: Pairs): void;
  fromDict(values: Pairs): void;
  toDict(): Record<string, string>;
};

export const queryParams = new Proxy({} as QueryParamsProxy, {
  get(_t, prop) {
    if (typeof prop === "symbol") return undefined;
    if (METHODS.has(prop)) return methods[prop];
    const value = read(query(), prop);
    if (value === undefined) {
      if (prop === "then" || prop === "constructor" || prop === "valueOf" || prop === "toString") return undefined;
      throw new MissingQueryParam(prop);
    }
    return value;
  },
  set(_t, prop, value) {
    if (typeof prop === "symbol") return false;
    assign(query(), prop, value as Value);
    return true;
  },
  has: (_t, prop) => typeof prop === "string" && has(query(), prop),
  deleteProperty(_t, prop) {
    if (typeof prop === "symbol") return false;
    const q = query();
    if (!has(q, prop)) throw new MissingQueryParam(prop);
    q.delete(prop);
    emptiesOf(q).delete(prop);
    return true;
  },
  ownKeys: () => keys(query()),
  getOwnPropertyDescriptor(_t, prop) {
    if (typeof prop !== "string" || !has(query(), prop)) return undefined;
    return { value: read(query(), prop), enumerable: true, configurable: true, writable: true };
  },
});
