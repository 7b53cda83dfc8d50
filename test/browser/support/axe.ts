/**
 * The accessibility check the browser tests share: axe-core (from the npm registry) injected into
 * the page; what it reports of the serious and critical kinds.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Needs a context with `bypassCSP: true` (the app's CSP admits only its own script). */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE });
  const all: Violation[] = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n: any) => n.target.join(" ")) }));
  });
  return all.filter((v) => v.impact === "serious" || v.impact === "critical");
}
