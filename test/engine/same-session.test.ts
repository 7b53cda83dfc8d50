/**
 * Telling that the session a request brings is the one this isolate stored last: equal exactly
 * when the two carry the same content, whatever order the cookie listed it in.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { sameJson, sameSession } from "../../src/engine/same-session.ts";
import type { Session } from "../../src/engine/session.ts";
import { WidgetList } from "../../src/engine/widget-list.ts";
import { StoredValues, type Json } from "../../src/engine/state.ts";

/** The content as one text: records with their keys sorted, mapped keys and triggers sorted. */
function canonical(s: Session): string {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortKeys) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])) : v;
  const { st, ...rest } = s;
  return JSON.stringify([sortKeys(rest), sortKeys(st.o.toJSON()), [...st.k].sort(), [...st.t].sort()]);
}

const ids = ["$$ID-aaaaa-x", "$$ID-bbbbb-y", "$$ID-ccccc-z", "$$ID-0123456789"];
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.constantFrom(null, true, false, 0, 1, "", "a"), fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(fc.constantFrom("a", "b", "c"), tie("value"), { maxKeys: 3 })),
})).value;
const session = fc.record(
  {
    v: fc.constant(2 as const),
    sid: fc.constantFrom("s1", "s2"),
    run: fc.integer({ min: 0, max: 3 }),
    pg: fc.constantFrom("", "/p"),
    st: fc.record({
      o: fc.dictionary(fc.constantFrom(...ids, "count", "name"), json, { maxKeys: 5 }).map((o) => StoredValues.ofRecord(o as Record<string, Json>)),
      k: fc.uniqueArray(fc.constantFrom(...ids.slice(0, 3)), { maxLength: 3 }),
      t: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 2 }),
    }),
    l: fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom("one" as const, "trigger" as const), fc.constantFrom("", "f"), fc.constantFrom(0 as const, 1 as const), fc.constantFrom("d1", "d2")), { maxLength: 3 }).map((records) => WidgetList.fromJSON(records)!),
    r: fc.record({ o: fc.dictionary(fc.constantFrom("count", "name"), json, { maxKeys: 2 }) }, { requiredKeys: [] }),
    w: fc.constant(1 as const),
    pd: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
  },
  { requiredKeys: ["v", "sid", "run", "pg", "st", "l"] },
) as fc.Arbitrary<Session>;

/** The same session with every record's keys, and the mapped keys and triggers, listed in reverse. */
function reordered(s: Session): Session {
  const reverse = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(reverse) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverse(x)])) : v;
  const { st, l, ...rest } = s;
  return { ...(reverse(rest) as Omit<Session, "st" | "l">), l, st: { o: StoredValues.ofRecord(reverse(st.o.toJSON()) as Record<string, Json>), k: [...st.k].reverse(), t: [...st.t].reverse() } };
}

describe("sameSession", () => {
  test("agrees with comparing the two sessions' canonical JSON, for any two sessions", () => {
    fc.assert(
      fc.property(session, session, (a, b) => {
        expect(sameSession(a, b)).toBe(canonical(a) === canonical(b));
      }),
      { numRuns: 3000 },
    );
  });

  test("takes a session listed in another order for the same one, and tells a single change", () => {
    fc.assert(
      fc.property(session, (a) => {
        expect(sameSession(a, reordered(a))).toBe(true);
        expect(sameSession(a, { ...a, run: a.run + 1 })).toBe(false);
        expect(sameSession(a, { ...a, st: { ...a.st, o: StoredValues.ofRecord({ ...a.st.o.toJSON(), added: 1 }) } })).toBe(false);
        expect(sameSession(a, { ...a, st: { ...a.st, k: [...a.st.k, "$$ID-ddddd-w"] } })).toBe(false);
        expect(sameSession(a, { ...a, l: WidgetList.fromJSON([...a.l.toJSON(), ["$$ID-ddddd-w", "one", "", 0, "d"]])! })).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  test("a field holding undefined is a field that is not there, as in JSON; null is a value", () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    // a key only one side has, even one the other side inherits
    expect(sameJson(JSON.parse('{"__proto__": {}}'), {})).toBe(false);
    expect(sameJson({ toString: 1 }, {})).toBe(false);
  });

  test("a mapped key listed twice is not the same as two different keys", () => {
    const base: Session = { v: 2, sid: "s", run: 1, pg: "", st: { o: new StoredValues(), k: ["$$ID-aaaaa-x", "$$ID-bbbbb-y"], t: [] }, l: new WidgetList() };
    expect(sameSession(base, { ...base, st: { ...base.st, k: ["$$ID-aaaaa-x", "$$ID-aaaaa-x"] } })).toBe(false);
    expect(sameSession(base, { ...base, st: { ...base.st, k: ["$$ID-bbbbb-y", "$$ID-aaaaa-x"] } })).toBe(true);
  });
});
