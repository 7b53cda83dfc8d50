/** Session state travels as JSON: find the first value that JSON cannot carry faithfully. */
import { userKeyOf } from "./widget-id.ts";

/** The user key a stored key stands for (a keyed widget's id ends with its key). */
export function visibleKey(storedKey: string): string {
  return userKeyOf(storedKey) ?? storedKey;
}

/** The first value that JSON cannot carry faithfully, with the reason. */
export function findNonJson(values: Record<string, unknown> | Map<string, unknown>): { key: string; why: string } | null {
  const check = (v: unknown, seen: Set<unknown>): string | null => {
    if (v === null || typeof v === "string" || typeof v === "boolean") return null;
    if (typeof v === "number") return Number.isFinite(v) ? null : `${v} is not a JSON number`;
    if (typeof v === "undefined") return "undefined is not JSON";
    if (typeof v === "function") return "a function is not JSON";
    if (typeof v === "bigint") return "a bigint is not JSON";
    if (typeof v !== "object") return `a ${typeof v} is not JSON`;
    if (seen.has(v)) return "the value contains a cycle";
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) {
        const why = check(x, seen);
        if (why) return why;
      }
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return `a ${proto?.constructor?.name ?? "class"} instance is not plain JSON`;
      for (const x of Object.values(v)) {
        const why = check(x, seen);
        if (why) return why;
      }
    }
    seen.delete(v);
    return null;
  };
  // (a check that passes leaves `seen` empty again: one set serves every value)
  const seen = new Set<unknown>();
  let bad: { key: string; why: string } | null = null;
  const one = (v: unknown, key: string) => {
    // (most values are strings, booleans and finite numbers: passed without a call)
    if (bad || typeof v === "string" || typeof v === "boolean" || v === null || (typeof v === "number" && Number.isFinite(v))) return;
    const why = check(v, seen);
    if (why) bad = { key, why };
  };
  // (no [key, value] pair made per value: a state of a thousand values is checked twice a request)
  if (values instanceof Map) values.forEach(one);
  else for (const key in values) one(values[key], key);
  return bad;
}
