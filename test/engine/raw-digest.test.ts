/** The digest of what a widget's form control holds: kept per isolate for short values, always the same text. */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { rawDigest } from "../../src/engine/widgets.ts";
import { digest } from "../../src/shared/hash.ts";

describe("rawDigest", () => {
  test("one value's digest is the digest of its text, short or long, met once or again", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 64 }), fc.string({ minLength: 65, maxLength: 200 })), (text) => {
        expect(rawDigest("one", [text])).toBe(digest(text));
        expect(rawDigest("one", [text])).toBe(digest(text));
      }),
      { numRuns: 3000 },
    );
  });

  test("stays right past the number of digests an isolate keeps", () => {
    for (let n = 0; n < 25_000; n++) expect(rawDigest("one", [String(n)])).toBe(digest(String(n)));
    expect(rawDigest("one", ["7"])).toBe(digest("7"));
  });

  test("several values are digested in order, or in any order for a multiselect", () => {
    expect(rawDigest("one", ["a", "b"])).toBe(digest("a\u0001b"));
    expect(rawDigest("many", ["b", "a"])).toBe(rawDigest("many", ["a", "b"]));
    expect(rawDigest("one", ["b", "a"])).not.toBe(rawDigest("one", ["a", "b"]));
  });
});
