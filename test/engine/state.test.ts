/** The three-layer session state on its own (no HTTP, no run). */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { SessionState, emptyStoredState } from "../../src/engine/state.ts";
import { copyJson } from "../../src/engine/copy-json.ts";
import { computeWidgetId, userKeyOf, isKeyedWidgetId } from "../../src/engine/widget-id.ts";
import { cloneState } from "../support/state.ts";
import { newSession, parseSession } from "../../src/engine/session.ts";

const W = computeWidgetId({ elementType: "number_input", userKey: "n", params: { label: "n" }, formId: null, scriptId: "main" });

describe("SessionState", () => {
  test("reads this run's writes, then widget values, then earlier values", () => {
    const s = SessionState.fromStored(emptyStoredState());
    s.registerWidget(W, "n", false, 1);
    expect(s.get("n")).toBe(1);
    s.compact();
    s.newWidget.set(W, 5);
    expect(s.get("n")).toBe(5);
    s.set("n", 9);
    expect(s.get("n")).toBe(9);
    expect(s.get(W)).toBe(9);
  });

  test("a missing key throws Streamlit's message naming it", () => {
    const s = SessionState.fromStored(emptyStoredState());
    expect(() => s.get("nope")).toThrow('st.session_state has no key "nope". Did you forget to initialize it?');
    expect(() => s.delete("nope")).toThrow('no key "nope"');
  });

  test("clean-up drops widgets not rendered, keeps user keys, so re-saving keeps a value", () => {
    const s = SessionState.fromStored(emptyStoredState());
    s.registerWidget(W, "n", false, 1);
    s.newWidget.set(W, 5);
    s.onRunFinished(new Set([W]));
    s.compact();
    // next run: widget not rendered, key not re-saved -> gone
    const lost = cloneState(s);
    lost.onRunFinished(new Set());
    expect([...lost.filtered().keys()]).toEqual([]);
    // next run: the key is re-saved -> kept
    s.set("n", s.get("n"));
    s.onRunFinished(new Set());
    expect(Object.fromEntries(s.filtered())).toEqual({ n: 5 });
  });

  test("writing a widget's key after it rendered in this run is refused", () => {
    const s = SessionState.fromStored(emptyStoredState());
    const ids = new Set([W]);
    s.registerWidget(W, "n", false, 1);
    s.guard = { widgetIdsThisRun: ids, formIdsThisRun: new Set(["f"]) };
    expect(() => s.set("n", 2)).toThrow("`st.session_state.n` cannot be modified after the widget with key `n` is instantiated.");
    expect(() => s.set("f", 2)).toThrow("`st.session_state.f` cannot be modified");
    expect(() => s.set("$$ID-x", 1)).toThrow("Keys beginning with $$ID are reserved.");
  });

  test("triggers reset to false after a run", () => {
    const B = computeWidgetId({ elementType: "button", userKey: "b", params: {}, formId: null, scriptId: "main" });
    const s = SessionState.fromStored(emptyStoredState());
    s.registerWidget(B, "b", true, false);
    s.newWidget.set(B, true);
    expect(s.get("b")).toBe(true);
    s.onRunFinished(new Set([B]));
    expect(s.get("b")).toBe(false);
  });

  test("survives a round trip through the stored form (a session's JSON, as a store keeps it)", () => {
    const s = SessionState.fromStored(emptyStoredState());
    s.registerWidget(W, "n", false, 3);
    s.set("other", { a: [1, "x"] });
    s.onRunFinished(new Set([W]));
    const stored = parseSession(JSON.parse(JSON.stringify({ ...newSession("s1"), st: s.toStored() })));
    const again = SessionState.fromStored(stored!.st);
    expect(Object.fromEntries(again.filtered())).toEqual({ n: 3, other: { a: [1, "x"] } });
  });
});

describe("folded: the values compact would store, without consulting anything", () => {
  // Each key resolved through the three layers, one by one, as a run that records its reads
  // compacts: the rule `folded` must agree with whatever shortcut it takes.
  function compactedKeyByKey(s: SessionState): Map<string, unknown> {
    s.reads = { keys: new Set(), byScript: new Set(), everything: false, registered: new Set() };
    s.compact();
    return s.old;
  }

  const userKeys = ["a", "b", "c", "d"];
  const widgetIds = userKeys.map((k) => computeWidgetId({ elementType: "slider", userKey: k, params: {}, formId: null, scriptId: "main" }));
  const unkeyed = computeWidgetId({ elementType: "slider", userKey: null, params: { label: "x" }, formId: null, scriptId: "main" });
  const anyKey = fc.constantFrom(...userKeys, ...widgetIds, unkeyed, "plain");
  const layer = fc.dictionary(anyKey, fc.integer({ min: 0, max: 9 }), { maxKeys: 6 });
  const arb = fc.record({
    old: layer,
    newWidget: fc.dictionary(fc.constantFrom(...widgetIds, unkeyed), fc.integer({ min: 10, max: 19 }), { maxKeys: 4 }),
    newSession: fc.dictionary(fc.constantFrom(...userKeys, "plain"), fc.integer({ min: 20, max: 29 }), { maxKeys: 4 }),
    mapped: fc.subarray(userKeys.map((_, i) => i)),
  });

  test("agrees with every key resolved in turn, whichever layers hold which keys; so does compact in place", () => {
    fc.assert(
      fc.property(arb, ({ old, newWidget, newSession, mapped }) => {
        const make = () => {
          const s = SessionState.fromStored(emptyStoredState());
          for (const [k, v] of Object.entries(old)) s.old.set(k, v);
          for (const [k, v] of Object.entries(newWidget)) s.newWidget.set(k, v);
          for (const [k, v] of Object.entries(newSession)) s.newSession.set(k, v);
          for (const i of mapped) s.keyToId.set(userKeys[i]!, widgetIds[i]!);
          return s;
        };
        const keyByKey = new Map([...compactedKeyByKey(make())].sort());
        expect(new Map([...make().folded()].sort())).toEqual(keyByKey);
        // compact outside a recording run folds the layers into the oldest one in place
        const inPlace = make();
        inPlace.compact();
        expect(new Map([...inPlace.old].sort())).toEqual(keyByKey);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("widget ids", () => {
  test("are stable, include the script, and carry the user key", () => {
    const a = computeWidgetId({ elementType: "number_input", userKey: "k", params: { label: "x" }, formId: null, scriptId: "page:a" });
    const a2 = computeWidgetId({ elementType: "number_input", userKey: "k", params: { label: "x" }, formId: null, scriptId: "page:a" });
    const b = computeWidgetId({ elementType: "number_input", userKey: "k", params: { label: "x" }, formId: null, scriptId: "page:b" });
    const unkeyed = computeWidgetId({ elementType: "number_input", userKey: null, params: { label: "x" }, formId: null, scriptId: "page:a" });
    expect(a).toBe(a2);
    expect(a).not.toBe(b);
    expect(userKeyOf(a)).toBe("k");
    expect(isKeyedWidgetId(unkeyed)).toBe(false);
    expect(userKeyOf("$$ID-01234-with-dash")).toBe("with-dash");
  });
});

describe("copyJson: a copy the caller may change", () => {
  test("plain lists and records come back equal and independent, all the way down", () => {
    const value = { picks: ["a", "b"], rows: [{ n: 1, tags: ["x"] }, { n: 2, tags: [] }], none: null, flag: true };
    const copy = copyJson(value);
    expect(copy).toEqual(value);
    copy.picks.push("c");
    copy.rows[0]!.tags.push("y");
    expect(value.picks).toEqual(["a", "b"]);
    expect(value.rows[0]!.tags).toEqual(["x"]);
  });

  test("what is not plain is copied as structuredClone copies it, or refused as it refuses it", () => {
    const when = new Date(0);
    const withDate = copyJson({ when, tags: new Map([["k", 1]]) });
    expect(withDate.when).toBeInstanceOf(Date);
    expect(withDate.when).not.toBe(when);
    expect(withDate.tags.get("k")).toBe(1);
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic.self = cyclic;
    const copy = copyJson(cyclic);
    expect(copy.self).toBe(copy);
    expect(() => copyJson({ f: () => 1 })).toThrow();
    const own = JSON.parse('{"__proto__": {"polluted": true}}');
    const ownCopy = copyJson(own);
    expect(Object.prototype.hasOwnProperty.call(ownCopy, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
