/**
 * st.cacheData and st.cacheResource: memoise a function by its arguments and its source, for
 * `ttl` seconds, in this isolate's memory (a cache, never state: a fresh isolate recomputes).
 * cacheData hands out copies (values are data); cacheResource hands out the one shared object
 * (a client, a parsed model). With `persist: true`, cacheData also keeps results in the Workers
 * Cache API of the data centre, so other isolates find them too.
 */
import { digest } from "../engine/widget-id.ts";

export interface CacheOptions {
  /** seconds a result stays fresh (default: until the isolate goes away) */
  ttl?: number;
  /** at most this many results are kept (least recently used go first; default 1000) */
  maxEntries?: number;
}

interface Entry {
  value: unknown;
  expires: number;
}

const memories = new Set<Map<string, Entry>>();

function keyOf(fn: Function, args: unknown[]): string {
  let argText: string;
  try {
    argText = JSON.stringify(args);
  } catch {
    throw new TypeError(`st.cache* cannot hash the arguments of ${fn.name || "this function"}: they must be JSON-serialisable.`);
  }
  return digest(fn.toString()) + ":" + digest(argText) + ":" + argText.length;
}

function memoise<A extends unknown[], R>(fn: (...args: A) => R, options: CacheOptions, copy: boolean, persist: boolean): (...args: A) => R {
  const memory = new Map<string, Entry>();
  memories.add(memory);
  const max = options.maxEntries ?? 1000;
  const ttlMs = options.ttl === undefined ? Infinity : options.ttl * 1000;
  const hand = (v: unknown) => (copy ? structuredClone(v) : v) as R;
  const remember = (key: string, value: unknown) => {
    memory.set(key, { value, expires: Date.now() + ttlMs });
    if (memory.size > max) memory.delete(memory.keys().next().value!);
  };
  const wrapped = (...args: A): R => {
    const key = keyOf(fn, args);
    const hit = memory.get(key);
    if (hit && hit.expires > Date.now()) {
      memory.delete(key);
      memory.set(key, hit); // most recently used last
      return (hit.value instanceof Promise ? hit.value.then(hand) : hand(hit.value)) as R;
    }
    const fromSecondLevel = persist ? readPersisted(key) : null;
    const compute = () => fn(...args);
    if (fromSecondLevel) {
      const value = fromSecondLevel.then((found) => (found === undefined ? compute() : found)).then((v) => {
        remember(key, v);
        if (persist) void writePersisted(key, v, options.ttl);
        return v;
      });
      remember(key, value);
      return value.then(hand) as R;
    }
    const value = compute();
    if (value instanceof Promise) {
      const settled = value.then((v) => (remember(key, v), v));
      settled.catch(() => memory.delete(key));
      remember(key, settled);
      return settled.then(hand) as R;
    }
    remember(key, value);
    return hand(value);
  };
  (wrapped as { clear?: () => void }).clear = () => memory.clear();
  return wrapped;
}

type CacheStorageLike = { default?: Cache };
const cacheApi = () => (globalThis as { caches?: CacheStorageLike }).caches?.default;
const cacheUrl = (key: string) => `https://formlit.cache/${encodeURIComponent(key)}`;

async function readPersisted(key: string): Promise<unknown> {
  const cache = cacheApi();
  const hit = cache ? await cache.match(cacheUrl(key)).catch(() => undefined) : undefined;
  return hit ? hit.json() : undefined;
}

async function writePersisted(key: string, value: unknown, ttl?: number): Promise<void> {
  const cache = cacheApi();
  if (!cache) return;
  const headers = { "Content-Type": "application/json", "Cache-Control": `max-age=${ttl ?? 3600}` };
  await cache.put(cacheUrl(key), new Response(JSON.stringify(value), { headers })).catch(() => {});
}

export function cacheData<A extends unknown[], R>(fn: (...args: A) => R, options: CacheOptions & { persist?: boolean } = {}): ((...args: A) => R) & { clear(): void } {
  return memoise(fn, options, true, options.persist === true && !!cacheApi()) as ((...args: A) => R) & { clear(): void };
}

export function cacheResource<A extends unknown[], R>(fn: (...args: A) => R, options: CacheOptions = {}): ((...args: A) => R) & { clear(): void } {
  return memoise(fn, options, false, false) as ((...args: A) => R) & { clear(): void };
}

/** st.cacheData.clear() / st.cacheResource.clear(): forget every cached result in this isolate. */
export function clearAllCaches(): void {
  for (const m of memories) m.clear();
}
