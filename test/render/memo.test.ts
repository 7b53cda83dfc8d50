/**
 * The isolate's memo of pure renderings: what it keeps, what it lets go first, and that a key is
 * compared in full (it is shared by every request, so a near match must never answer).
 */
import { describe, expect, test } from "vitest";
import { Memo } from "../../src/render/memo.ts";

/** A memo whose computations are counted. */
function counted(maxEntries: number, maxChars?: number) {
  const memo = new Memo<string>(maxEntries, maxChars);
  let computed = 0;
  const draw = (key: string) =>
    memo.get(key, () => {
      computed++;
      return `<b>${key}</b>`;
    });
  return { memo, draw, computed: () => computed };
}

describe("Memo", () => {
  test("a kept key answers without computing; a key made afresh with the same text finds it", () => {
    const { draw, computed } = counted(10);
    expect(draw("alpha")).toBe("<b>alpha</b>");
    expect(draw(["al", "pha"].join(""))).toBe("<b>alpha</b>");
    expect(computed()).toBe(1);
  });

  test("past its entries, the least recently used goes first; a hit counts as a use", () => {
    const { memo, draw, computed } = counted(2);
    draw("a");
    draw("b");
    draw("a"); // a is now the most recently used
    draw("c"); // b goes
    expect(memo.peek("b")).toBeUndefined();
    expect(memo.peek("a")).toBe("<b>a</b>");
    expect(memo.peek("c")).toBe("<b>c</b>");
    expect(computed()).toBe(3);
  });

  test("past its characters, the oldest go until it fits; a value too large is drawn but not kept", () => {
    const { memo, draw } = counted(100, 52);
    for (const key of ["one", "two", "six", "ten"]) draw(key); // 3 + 10 characters each: 52
    expect(memo.peek("one")).toBe("<b>one</b>");
    draw("new"); // over 52: the least recently used, "two", goes
    expect(memo.peek("two")).toBeUndefined();
    expect(memo.peek("one")).toBe("<b>one</b>");
    expect(memo.peek("new")).toBe("<b>new</b>");
    expect(draw("a long key")).toBe("<b>a long key</b>"); // 10 + 17 characters, more than a quarter of 52
    expect(memo.peek("a long key")).toBeUndefined();
  });

  test("keys are compared in full: a prefix or a longer text is another entry", () => {
    const { draw, computed } = counted(10);
    draw("user:1");
    draw("user:12");
    draw("user:");
    expect(computed()).toBe(3);
  });
});
