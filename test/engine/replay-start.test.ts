/**
 * Where a run started, carried as a difference to its end state: rebuilt, it reads exactly like
 * the state the run began with, and a run that changed nothing carries nothing.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { SessionState, type Json, type StoredState } from "../../src/engine/state.ts";
import { startDelta, startOf, stateAtStart } from "../../src/engine/replay-start.ts";
import { computeWidgetId } from "../../src/engine/widget-id.ts";

const USER_KEYS = ["a", "b", "c"];
const keyed = (key: string, label: string) => computeWidgetId({ elementType: "number_input", userKey: key, params: { label }, formId: null, scriptId: "main" });
const UNKEYED = computeWidgetId({ elementType: "button", userKey: null, params: { label: "Go" }, formId: null, scriptId: "main" });
/** two widget ids per user key (a widget whose label changed), and one without a key */
const IDS = [...USER_KEYS.flatMap((k) => [keyed(k, "one"), keyed(k, "two")]), UNKEYED];
const ALL = [...USER_KEYS, ...IDS];

const json: fc.Arbitrary<Json> = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.constantFrom("x", "y"), fc.constant(null), fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }));
const layer = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), json, { maxKeys: 4 });

/** A state in the middle of a request: earlier values, posted widget values, fresh writes, key mapping. */
const midRequest = fc.record({ old: layer(ALL), widget: layer(IDS), fresh: layer(USER_KEYS), mapped: fc.subarray(IDS.slice(0, -1)) }).map((g) => {
  const s = new SessionState();
  for (const [k, v] of Object.entries(g.old)) s.old.set(k, v);
  for (const [k, v] of Object.entries(g.widget)) s.newWidget.set(k, v);
  for (const [k, v] of Object.entries(g.fresh)) s.newSession.set(k, v);
  for (const id of g.mapped) s.keyToId.set(id.slice(id.lastIndexOf("-") + 1), id);
  return s;
});
const stored: fc.Arbitrary<StoredState> = fc.record({ o: layer(ALL), k: fc.subarray(IDS.slice(0, -1)), t: fc.constant([]) });

/** Everything a script can read of a state: each key's value, whether it is a fresh write, the visible mapping. */
function reads(s: SessionState) {
  return {
    values: ALL.map((k) => s.lookup(k)?.value),
    fresh: USER_KEYS.map((k) => s.isNewStateValue(k)),
    visible: [...s.filtered()].sort(([x], [y]) => x.localeCompare(y)),
  };
}

describe("a run's start, as a difference to its end", () => {
  test("rebuilt from any end state, it reads exactly like the start", () => {
    fc.assert(
      fc.property(midRequest, stored, (start, end) => {
        const delta = startDelta(startOf(start, "", new URLSearchParams(), new Map()), end, "");
        expect(reads(stateAtStart(end, delta))).toEqual(reads(start));
      }),
      { numRuns: 300 },
    );
  });

  test("a run that changed nothing carries nothing; one that did carries only what it changed", () => {
    const start = new SessionState();
    start.old.set("a", 1);
    start.old.set("log", ["x"]);
    const end = start.toStored();
    expect(startDelta(startOf(start, "p", new URLSearchParams(), new Map()), end, "p")).toBeUndefined();

    const clicked = new SessionState();
    clicked.old.set("a", 1);
    clicked.newWidget.set(UNKEYED, true);
    const after: StoredState = { o: { a: 2, [UNKEYED]: false, b: 0 }, k: [], t: [UNKEYED] };
    expect(startDelta(startOf(clicked, "p", new URLSearchParams("q=1"), new Map()), after, "")).toEqual({ o: { a: 1, [UNKEYED]: true }, x: ["b"], p: "p", q: "q=1" });
  });

  test("the start is a copy: the run's writes into a value do not reach it", () => {
    const s = new SessionState();
    s.old.set("log", ["x"]);
    const start = startOf(s, "", new URLSearchParams(), new Map());
    (s.old.get("log") as Json[]).push("y");
    expect(start.values.log).toEqual(["x"]);
  });

  test("a start value that JSON cannot carry is reported, not stored", () => {
    const s = new SessionState();
    s.newSession.set("when", new Date(0) as unknown as Json);
    const start = startOf(s, "", new URLSearchParams(), new Map());
    expect(start.bad?.key).toBe("when");
    expect(start.values).toEqual({});
  });
});
