/**
 * The import rules of ARCHITECTURE.md, checked with dependency-cruiser against
 * .dependency-cruiser.cjs: on src/ (none), and on a small tree that breaks the rules on purpose (so
 * the rules are shown to catch what they name).
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult, type IForbiddenRuleType } from "dependency-cruiser";
import { describe, expect, test } from "vitest";

const config = createRequire(import.meta.url)("../../.dependency-cruiser.cjs") as { forbidden: IForbiddenRuleType[]; options: Record<string, unknown> };

/** `rule: from -> to` for every violation in `dir` (paths relative to `baseDir`). */
async function violations(dir: string, baseDir: string): Promise<string[]> {
  const { output } = await cruise([dir], { ...config.options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

describe("the layers' import rules", () => {
  test("src/ keeps them", async () => {
    const found = await violations("src", fileURLToPath(new URL("../..", import.meta.url)));
    expect(found).toEqual([]);
  }, 60_000);

  test("a tree that breaks them is caught: the engine importing http and render, cookie importing the engine, render importing elements", async () => {
    const found = await violations("src", fileURLToPath(new URL("./fixture", import.meta.url)));
    expect(found).toEqual([
      "cookie-carries-opaque-json: src/cookie/token.ts -> src/engine/run.ts",
      "engine-stands-alone: src/engine/run.ts -> src/http/answer.ts",
      "engine-stands-alone: src/engine/run.ts -> src/render/draw.ts",
      "render-knows-no-elements: src/render/draw.ts -> src/elements/button.ts",
    ]);
  }, 60_000);
});
