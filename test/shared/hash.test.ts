import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { base36 } from "../../src/shared/hash.ts";

describe("base36", () => {
  test("writes every integer up to 2^53 as Number#toString(36) does", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => base36(n) === n.toString(36)), { numRuns: 20000 });
  });

  test("is exact where its two halves meet, where its digit pairs carry over, and at the ends of the range", () => {
    const edges = [0, 1, 35, 36, 36 ** 2 - 1, 36 ** 2, 36 ** 3, 36 ** 4 - 1, 36 ** 4, 36 ** 5 - 1, 36 ** 5, 36 ** 5 + 1, 36 ** 6, 2 ** 32, 2 ** 52, Number.MAX_SAFE_INTEGER];
    for (const n of edges) expect(base36(n)).toBe(n.toString(36));
  });
});
