/**
 * st.cacheData and st.cacheResource: memoise a function by its arguments, for `ttl` seconds, in
 * this isolate's memory (a cache, never state: a fresh isolate recomputes). A function is known by
 * its name and source, not by the wrapper: `st.cacheData(fn)` written inside the script makes a new
 * wrapper every run and still finds the results of earlier runs, as Streamlit's decorator does.
 * Arguments are known by their full canonical text (cache-key.ts), never by a short hash, since
 * every user of the isolate shares the results. cacheData hands out copies (values are data);
 * cacheResource hands out the one shared object. Elements the function writes are replayed on a
 * hit. With `persist: true`, cacheData also keeps results in the Workers Cache API of the data
 * centre, under the SHA-256 of the full key, and checks the full key on the way back.
 */
import { canonicalText } from "./cache-key.ts";
import { hex, sha256 } from "../shared/hash.ts";
import { replay, startRecording, type RecordedElement } from "../elements/recording.ts";

export interface CacheOptions {
  /** seconds a result stays fresh (default: until the isolate goes away) */
  ttl?: number;
  /** at most this many results are kept per function (least recently used go first; default 1000) */
  maxEntries?: number;
}

interface Entry {
  value: unknown;
  expires: number;
  elements: RecordedElement[];
}

type Kind = "data" | "resource";

/**
 * Results by function (kind, name and source), then by argument text. The functions an app has
 * are few and fixed, so this stays small; the cap only guards code that makes functions from text.
 */
const registry: Record<Kind, Map<string, Map<string, Entry>>> = { data: new Map(), resource: new Map() };
const MAX_FUNCTIONS = 1000;

function resultsOf(kind: Kind, functionKey: string): Map<string, Entry> {
  const byFunction = registry[kind];
  let results = byFunction.get(functionKey);
  if (!results) {
    byFunction.set(functionKey, (results = new Map()));
    if (byFunction.size > MAX_FUNCTIONS) byFunction.delete(byFunction.keys().next().value!);
  }
  return results;
}

type Cached<A extends unknown[], R> = ((...args: A) => R) & { clear(): void };

/**
 * Any function an app may cache. Its parameters are `never` and `fn` is taken as `F & Function`
 * so that TypeScript infers `fn` from its own text: with `any[]` here, an unannotated parameter
 * with a default (`retries = 3`) would be typed from this constraint (any) instead of its default,
 * and a generic function would lose its type parameters.
 */
type AnyFunction = (...args: never) => unknown;

/**
 * What st.cacheData and st.cacheResource hand back: `fn` itself as far as types go (its parameters
 * with their names and defaults, its overloads and type parameters, its return type) and `clear()`.
 */
export type CachedFunction<F extends AnyFunction> = F & { clear(): void };

/** A cacheData({ persist: true }) function: `fn`'s parameters, its result always as a promise. */
export type PersistedFunction<F extends AnyFunction> = (F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never) & { clear(): void };

/** What a function is known by: its name and source (not the wrapper, which a script may remake every run). */
const functionKeyOf = (fn: Function) => JSON.stringify([fn.name, fn.toString()]);

/** The full key of one call in the Workers Cache API: the function and the whole argument text. */
export const persistedKeyOf = (fn: Function, args: unknown[]) => functionKeyOf(fn) + "\u0000" + canonicalText(args);

function memoise<A extends unknown[], R>(fn: (...args: A) => R, options: CacheOptions, kind: Kind, persist: boolean): Cached<A, R> {
  const functionKey = functionKeyOf(fn);
  const max = options.maxEntries ?? 1000;
  const ttlMs = options.ttl === undefined ? Infinity : options.ttl * 1000;
  const hand = (v: unknown) => (kind === "data" ? structuredClone(v) : v) as R;

  const wrapped = (...args: A): R => {
    const results = resultsOf(kind, functionKey);
    const argText = canonicalText(args);
    const remember = (value: unknown, elements: RecordedElement[]) => {
      results.delete(argText);
      results.set(argText, { value, expires: Date.now() + ttlMs, elements });
      if (results.size > max) results.delete(results.keys().next().value!);
    };
    const hit = results.get(argText);
    if (hit && hit.expires > Date.now()) {
      remember(hit.value, hit.elements); // most recently used last
      replay(hit.elements);
      return (hit.value instanceof Promise ? hit.value.then(hand) : hand(hit.value)) as R;
    }
    const compute = (): unknown => {
      const recording = startRecording();
      let value: unknown;
      try {
        value = fn(...args);
      } catch (err) {
        recording?.stop();
        throw err;
      }
      if (!(value instanceof Promise)) return { value, elements: recording?.stop() ?? [] };
      return value.then(
        (v) => ({ value: v, elements: recording?.stop() ?? [] }),
        (err) => {
          recording?.stop();
          throw err;
        },
      );
    };
    if (persist) return persisted(persistedKeyOf(fn, args), compute, remember, options.ttl).then(hand) as R;
    const computed = compute() as { value: unknown; elements: RecordedElement[] } | Promise<{ value: unknown; elements: RecordedElement[] }>;
    if (computed instanceof Promise) {
      // Callers in the meantime share the pending result; a failure is not kept.
      const settled = computed.then((c) => (remember(c.value, c.elements), c.value));
      settled.catch(() => results.delete(argText));
      remember(settled, []);
      return settled.then(hand) as R;
    }
    remember(computed.value, computed.elements);
    return hand(computed.value);
  };
  wrapped.clear = () => registry[kind].get(functionKey)?.clear();
  return wrapped;
}

// ---- the Workers Cache API (persist: true) --------------------------------------------------------

type CacheStorageLike = { default?: Cache };
const cacheApi = () => (globalThis as { caches?: CacheStorageLike }).caches?.default;

/** The Cache API's URL for a key: its SHA-256 (WebCrypto), so nothing about the key is guessable or shared by accident. */
export async function persistedUrl(fullKey: string): Promise<string> {
  return `https://formlit.cache/${hex(await sha256(fullKey))}`;
}

interface Persisted {
  /** the full key, compared on every read */
  k: string;
  v: unknown;
  e: RecordedElement[];
}

async function persisted(
  fullKey: string,
  compute: () => unknown,
  remember: (value: unknown, elements: RecordedElement[]) => void,
  ttl: number | undefined,
): Promise<unknown> {
  const cache = cacheApi()!;
  const url = await persistedUrl(fullKey);
  const found = (await cache.match(url).then((r) => r?.json() as Promise<Persisted> | undefined).catch(() => undefined)) ?? null;
  if (found && found.k === fullKey) {
    remember(found.v, found.e);
    replay(found.e);
    return found.v;
  }
  const { value, elements } = (await compute()) as { value: unknown; elements: RecordedElement[] };
  remember(value, elements);
  const headers = { "Content-Type": "application/json", "Cache-Control": `max-age=${ttl ?? 3600}` };
  const body: Persisted = { k: fullKey, v: value, e: elements };
  await cache.put(url, new Response(JSON.stringify(body), { headers })).catch(() => {});
  return value;
}

// ---- the API --------------------------------------------------------------------------------------

type Clearable<F> = F & { clear(): void };

export interface CacheDataOptions extends CacheOptions {
  /**
   * also keep results (as JSON) in the Workers Cache API of the data centre; the function then
   * returns a promise whatever `fn` returns (also where there is no Cache API, as on Node, where
   * results stay in memory)
   */
  persist?: boolean;
}

function cacheDataFn<F extends AnyFunction>(fn: F & Function, options: CacheDataOptions & { persist: true }): PersistedFunction<F>;
function cacheDataFn<F extends AnyFunction>(fn: F & Function, options?: CacheDataOptions & { persist?: false }): CachedFunction<F>;
function cacheDataFn<F extends AnyFunction>(fn: F & Function, options?: CacheDataOptions): CachedFunction<F> | PersistedFunction<F>;
function cacheDataFn<F extends AnyFunction>(fn: F & Function, options: CacheDataOptions = {}): CachedFunction<F> | PersistedFunction<F> {
  const persist = options.persist === true;
  const cached = memoise(fn as unknown as (...args: unknown[]) => unknown, options, "data", persist && !!cacheApi());
  if (!persist || cacheApi()) return cached as unknown as CachedFunction<F>;
  // no Cache API here: the results stay in memory, but come back as promises, as they do with one
  return Object.assign((...args: unknown[]) => Promise.resolve(cached(...args)), { clear: cached.clear }) as unknown as PersistedFunction<F>;
}

function cacheResourceFn<F extends AnyFunction>(fn: F & Function, options: CacheOptions = {}): CachedFunction<F> {
  return memoise(fn as unknown as (...args: unknown[]) => unknown, options, "resource", false) as unknown as CachedFunction<F>;
}

/** st.cacheData(fn, options); `st.cacheData.clear()` forgets every cacheData result in this isolate. */
export const cacheData: Clearable<typeof cacheDataFn> = Object.assign(cacheDataFn, { clear: () => registry.data.clear() });

/** st.cacheResource(fn, options); `st.cacheResource.clear()` forgets every shared resource in this isolate. */
export const cacheResource: Clearable<typeof cacheResourceFn> = Object.assign(cacheResourceFn, { clear: () => registry.resource.clear() });
