/**
 * The run's widget list, kept as columns: what a fragment's rerun leaves of it, and the records a
 * store or a commit token keeps it as (and refuses when they have another shape).
 */
import { describe, expect, test } from "vitest";
import { WidgetList, type WidgetRecord } from "../../src/engine/widget-list.ts";

const records: WidgetRecord[] = [
  ["$$ID-aaaaa-top", "one", "", 0, "d1"],
  ["$$ID-bbbbb-in", "bool", "", 1, "d2", "frag"],
  ["$$ID-ccccc-inner", "many", "form", 0, "d3", "inner"],
  ["$$ID-ddddd-bottom", "trigger", "", 1, "d4"],
];

describe("the widget list", () => {
  test("reads back each widget's style, callback, form, digest and fragment", () => {
    const l = WidgetList.fromJSON(records)!;
    expect(l.length).toBe(4);
    expect([0, 1, 2, 3].map((at) => [l.style(at), l.hasCallback(at)])).toEqual([
      ["one", false],
      ["bool", true],
      ["many", false],
      ["trigger", true],
    ]);
    expect(l.forms).toEqual(["", "", "form", ""]);
    expect(l.fragments).toEqual([undefined, "frag", "inner", undefined]);
    expect(JSON.parse(JSON.stringify(l))).toEqual(records);
  });

  test("a fragment's rerun puts the widgets it drew where its old ones were, inner fragments' too", () => {
    const l = WidgetList.fromJSON(records)!;
    const drawn = WidgetList.fromJSON([
      ["$$ID-eeeee-new", "one", "", 0, "d5", "frag"],
      ["$$ID-bbbbb-in", "bool", "", 1, "d6", "frag"],
    ])!;
    const after = l.spliced((f) => f === "frag" || f === "inner", drawn);
    expect(after.ids).toEqual(["$$ID-aaaaa-top", "$$ID-eeeee-new", "$$ID-bbbbb-in", "$$ID-ddddd-bottom"]);
    expect(after.digests).toEqual(["d1", "d5", "d6", "d4"]);
    expect(after.hasCallback(2)).toBe(true);
    // a fragment that had no widget before adds its new ones at the end
    const none = WidgetList.fromJSON(records.filter((w) => w[5] === undefined))!;
    expect(none.spliced((f) => f === "frag", drawn).ids).toEqual(["$$ID-aaaaa-top", "$$ID-ddddd-bottom", "$$ID-eeeee-new", "$$ID-bbbbb-in"]);
  });

  test("two lists are equal only with the same widgets and fields in the same order", () => {
    const l = WidgetList.fromJSON(records)!;
    expect(l.equals(WidgetList.fromJSON(records)!)).toBe(true);
    expect(l.equals(WidgetList.fromJSON([...records].reverse())!)).toBe(false);
    expect(l.equals(WidgetList.fromJSON(records.map((w, at) => (at === 2 ? ([...w.slice(0, 4), "other", ...w.slice(5)] as WidgetRecord) : w)))!)).toBe(false);
  });

  test.each([
    ["not a list", { 0: records[0] }],
    ["a record too short", [["$$ID-aaaaa-top", "one", "", 0]]],
    ["an unknown post style", [["$$ID-aaaaa-top", "sideways", "", 0, "d1"]]],
    ["a callback flag that is not 0 or 1", [["$$ID-aaaaa-top", "one", "", true, "d1"]]],
    ["a fragment that is not a name", [["$$ID-aaaaa-top", "one", "", 0, "d1", 7]]],
    ["a style named after an object's own property", [["$$ID-aaaaa-top", "toString", "", 0, "d1"]]],
  ])("records with %s are not a widget list", (_name, x) => {
    expect(WidgetList.fromJSON(x)).toBeNull();
  });
});
