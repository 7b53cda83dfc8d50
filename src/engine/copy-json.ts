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
 *
 * Each level is copied whole by the runtime (`slice`, a spread) and only its nested lists and
 * records are replaced. A loop that stored every element into a new list or record was compiled
 * for the shapes and element kinds it had met, and an isolate that serves varied data (a data
 * editor's rows, then a page's records) kept throwing that code away: measured, 10 KB of session
 * state copied about ten times slower after a data editor had run in the same process.
 */
function plainCopy(v: object, depth: number): unknown {
  if (depth > 32) return undefined;
  if (Array.isArray(v)) {
    const out: unknown[] = v.slice();
    for (let i = 0; i < out.length; i++) if (!settled(out, i, depth)) return undefined;
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const out: Record<string, unknown> = { ...v };
  for (const k in out) if (k === "__proto__" || !settled(out, k, depth)) return undefined;
  return out;
}

/** `at[k]` made a copy of its own if it is a list or a record; false when it is not plain. */
function settled<K extends string | number>(at: Record<K, unknown>, k: K, depth: number): boolean {
  const x = at[k];
  if (typeof x === "object" && x !== null) {
    const copy = plainCopy(x, depth + 1);
    if (copy === undefined) return false;
    at[k] = copy;
    return true;
  }
  return typeof x !== "function" && typeof x !== "symbol" && typeof x !== "bigint";
}
