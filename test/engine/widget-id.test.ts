import { describe, expect, test } from "vitest";
import { computeWidgetId, digest, idDigest, userKeyOf, widgetIdOfSuffix } from "../../src/engine/widget-id.ts";
import { base36, hash53 } from "../../src/shared/hash.ts";

// The ids a run hands out are kept per isolate: they must stay what the formula gives, in any order.
const formula = (type: string, counted: object, form: string | null, script: string, key: string) =>
  `$$ID-${base36(hash53(JSON.stringify([type, counted, form, script]))).padStart(10, "0").slice(-5)}-${key}`;

describe("kept widget ids are the ids the formula gives", () => {
  const cases = [
    ["number_input", null, "main", "a"],
    ["number_input", null, "main", "b"],
    ["number_input", "f1", "main", "a"],
    ["checkbox", "f1", "main", "a"],
    ["number_input", null, "pages/two", "a"],
    ["number_input", null, "main", "a"],
  ] as const;

  test("keyed by the key alone, asked in runs and out of order", () => {
    for (const round of [cases, [...cases].reverse(), cases]) {
      for (const [type, form, script, key] of round) {
        const id = computeWidgetId({ elementType: type, userKey: key, params: { label: "x" }, formId: form, scriptId: script });
        expect(id).toBe(formula(type, {}, form, script, key));
        expect(userKeyOf(id)).toBe(key);
        expect(idDigest(id)).toBe(digest(id));
      }
    }
  });

  test("keyed with parameters that still count", () => {
    const id = computeWidgetId({ elementType: "slider", userKey: "s", params: { label: "x", min_value: 1, max_value: 5 }, keyedParams: ["min_value", "max_value"], formId: null, scriptId: "main" });
    expect(id).toBe(formula("slider", { min_value: 1, max_value: 5 }, null, "main", "s"));
  });

  test("an id read back from the cookie's suffix is the same id", () => {
    const id = computeWidgetId({ elementType: "number_input", userKey: "k-1", params: {}, formId: null, scriptId: "main" });
    expect(widgetIdOfSuffix(id.slice("$$ID-".length))).toBe(id);
    expect(widgetIdOfSuffix("0123456789")).toBe("$$ID-0123456789");
    expect(userKeyOf("$$ID-0123456789")).toBeNull();
  });
});
