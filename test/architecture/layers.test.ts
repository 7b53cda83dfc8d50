/**
 * The import rules of ARCHITECTURE.md, checked with dependency-cruiser against
 * .dependency-cruiser.cjs: on src/ (only the violations known and listed below may remain), and on
 * a small tree that breaks the rules on purpose (so the rules are shown to catch what they name).
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

/**
 * render/ still imports the element families (their renderers, their CSS, `esc`): what part B of
 * issue #13 removes. Listed exactly, so no new one slips in; this list empties when part B lands.
 */
const RENDER_KNOWS_ELEMENTS = [
  ...["panels", "files", "common"].map((f) => `src/render/document.ts -> src/elements/${f}.ts`),
  "src/render/page-anchor.ts -> src/elements/common.ts",
  ...["button-group", "buttons", "charts", "chat", "choice", "data", "dates", "display", "feedback", "files", "fragment", "layout", "links", "media", "numeric", "page-extras", "panels", "stream", "text-more", "text"].map(
    (f) => `src/render/renderer.ts -> src/elements/${f}.ts`,
  ),
  ...["button-group", "charts", "chat", "data", "dates", "feedback", "files", "fragment", "links", "media", "page-extras", "panels", "text-more"].map(
    (f) => `src/render/theme.ts -> src/elements/${f}.ts`,
  ),
];

describe("the layers' import rules", () => {
  test("src/ keeps them, but for the known render -> elements imports", async () => {
    const found = await violations("src", fileURLToPath(new URL("../..", import.meta.url)));
    expect(found).toEqual(RENDER_KNOWS_ELEMENTS.map((v) => `render-knows-no-elements: ${v}`).sort());
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
