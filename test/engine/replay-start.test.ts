/**
 * Where a run started, carried as a difference to its end state: rebuilt, it reads exactly like
 * the state the run began with, and a run that changed nothing carries nothing.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { SessionState, StoredValues, type Json, type Reads, type StoredState } from "../../src/engine/state.ts";
import { startDelta, startOf, stateAtStart } from "../../src/engine/replay-start.ts";
import { computeWidgetId, userKeyOf } from "../../src/engine/widget-id.ts";
import { cloneState } from "../support/state.ts";

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

/** What a run does with session state: reads, writes, deletes, and widgets registering. */
type Op =
  | { op: "read" | "has" | "delete"; key: string }
  | { op: "set"; key: string; value: Json }
  | { op: "register"; id: string; initial: Json }
  | { op: "list" | "clear" };
const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constantFrom("read" as const, "has" as const, "delete" as const), key: fc.constantFrom(...USER_KEYS) }),
    fc.record({ op: fc.constant("set" as const), key: fc.constantFrom(...USER_KEYS), value: json }),
    fc.record({ op: fc.constant("register" as const), id: fc.constantFrom(...IDS), initial: json }),
    fc.record({ op: fc.constantFrom("list" as const, "clear" as const) }),
  ),
  { maxLength: 12 },
);

/**
 * Runs `ops` on `state` as a script would (a widget registers once; its key cannot be written
 * after it registered) and returns everything the script saw, and the widgets that registered.
 */
function perform(state: SessionState, list: Op[], reads: Reads | null = null) {
  const registered = new Set<string>();
  const keys = new Set<string>();
  state.guard = { widgetIdsThisRun: registered, formIdsThisRun: new Set() };
  state.reads = reads;
  const seen = list.map((o) => {
    try {
      switch (o.op) {
        case "read":
          return state.lookup(o.key)?.value;
        case "has":
          return state.has(o.key);
        case "delete":
          return state.delete(o.key);
        case "set":
          return state.set(o.key, o.value);
        case "list":
          return [...state.filtered()].sort(([x], [y]) => x.localeCompare(y));
        case "clear":
          return state.clear();
        case "register": {
          const key = userKeyOf(o.id);
          if (registered.has(o.id) || (key !== null && keys.has(key))) return "duplicate";
          registered.add(o.id);
          if (key !== null) keys.add(key);
          return { value: state.registerWidget(o.id, key, false, o.initial), fresh: key !== null && state.isNewStateValue(key) };
        }
      }
    } catch (err) {
      return `error: ${(err as Error).message}`;
    }
  });
  state.guard = null;
  state.reads = null;
  return { seen, registered };
}

describe("a run's start, as a difference to its end", () => {
  test("a run replayed from the rebuilt start sees exactly what it saw, however it ended", () => {
    fc.assert(
      fc.property(midRequest, ops, fc.boolean(), (start, list, completed) => {
        const taken = startOf(start, "", new URLSearchParams(), new Map());
        const state = cloneState(start); // the generated start stays as generated (fast-check may show it)
        const run = perform(state, list, taken.reads);
        if (completed) state.onRunFinished(run.registered);
        const end = state.toStored();
        const again = perform(stateAtStart(end, startDelta(taken, end, "")), list);
        expect(again.seen).toEqual(run.seen);
      }),
      { numRuns: 500 },
    );
  });

  test("the fresh writes a run started with stay fresh", () => {
    fc.assert(
      fc.property(midRequest, (start) => {
        const taken = startOf(start, "", new URLSearchParams(), new Map());
        const fresh = USER_KEYS.map((k) => start.isNewStateValue(k));
        const end = cloneState(start).toStored();
        const rebuilt = stateAtStart(end, startDelta(taken, end, ""));
        expect(USER_KEYS.map((k) => rebuilt.isNewStateValue(k))).toEqual(fresh);
      }),
    );
  });

  test("a run that changed nothing carries nothing; one that did carries what it changed and read", () => {
    const start = new SessionState();
    start.old.set("a", 1);
    start.old.set("log", ["x"]);
    const end = start.toStored();
    expect(startDelta(startOf(start, "p", new URLSearchParams(), new Map()), end, "p")).toBeUndefined();

    const clicked = new SessionState();
    clicked.old.set("a", 1);
    clicked.newWidget.set(UNKEYED, true);
    const after: StoredState = { o: StoredValues.ofRecord({ a: 2, [UNKEYED]: false, b: 0 }), k: [], t: [UNKEYED] };
    const taken = startOf(clicked, "p", new URLSearchParams("q=1"), new Map());
    for (const key of ["a", UNKEYED, "b"]) taken.reads.keys.add(key);
    expect(startDelta(taken, after, "")).toEqual({ o: { a: 1, [UNKEYED]: true }, x: ["b"], p: "p", q: "q=1" });
    // what the run never consulted cannot change a replay: left out
    const unread = startOf(clicked, "", new URLSearchParams(), new Map());
    unread.reads.keys.add(UNKEYED);
    expect(startDelta(unread, after, "")).toEqual({ o: { [UNKEYED]: true } });
  });

  test("the start is a copy: the run's writes into a value do not reach it", () => {
    const s = new SessionState();
    s.old.set("log", ["x"]);
    const start = startOf(s, "", new URLSearchParams(), new Map());
    (s.old.get("log") as Json[]).push("y");
    expect(start.values.get("log")).toEqual(["x"]);
  });

  test("a start value that JSON cannot carry is reported, not stored", () => {
    const s = new SessionState();
    s.newSession.set("when", new Date(0) as unknown as Json);
    const start = startOf(s, "", new URLSearchParams(), new Map());
    expect(start.bad?.key).toBe("when");
    expect(start.values.size).toBe(0);
  });
});
