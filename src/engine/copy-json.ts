/**
 * Copies of the JSON values the state holds, for a caller that may change what it is handed (a
 * script that pushes onto the list a multiselect returned must not change the session).
 */

/** A copy of a value the caller may change: numbers, strings and booleans need none (structuredClone is a native call even for them). */
export const copyJson = <T>(v: T): T => (typeof v === "object" && v !== null ? ((plainCopy(v, 0) as T | undefined) ?? structuredClone(v)) : v);

/**
 * A copy of plain arrays and objects holding plain values, made by hand: structuredClone
 * serializes and rebuilds, 5 to 8 times the cost for the lists and records widgets hold (a
 * multiselect's picks, a data editor's rows). undefined for anything else (a Date, a Map, a class
 * instance, a function, a cycle, an own `__proto__` key), which structuredClone copies, or refuses,
 * as before.
 */
function plainCopy(v: object, depth: number): unknown {
  if (depth > 32) return undefined;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = plainValue(v[i], depth);
      if (x === NOT_PLAIN) return undefined;
      out[i] = x;
    }
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const out: Record<string, unknown> = {};
  for (const k in v) {
    if (k === "__proto__") return undefined;
    const x = plainValue((v as Record<string, unknown>)[k], depth);
    if (x === NOT_PLAIN) return undefined;
    out[k] = x;
  }
  return out;
}

const NOT_PLAIN = Symbol("not plain");
const plainValue = (x: unknown, depth: number): unknown => {
  if (typeof x === "object" && x !== null) return plainCopy(x, depth + 1) ?? NOT_PLAIN;
  return typeof x === "function" || typeof x === "symbol" || typeof x === "bigint" ? NOT_PLAIN : x;
};
