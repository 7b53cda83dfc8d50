import { describe, expect, test } from "vitest";
import { html as honoHtml, raw } from "hono/html";
import { html, esc } from "../../src/render/html.ts";

// formlit writes Hono's template out for speed: the page must not change by a byte
describe("html writes what Hono's template writes", () => {
  const inner = honoHtml`<b>${"a&b"}</b>`;
  const cases: [string, unknown[]][] = [
    ["text with every special character", [`<a href="x?y=1&z='2'">`]],
    ["long text, with and without special characters", ["x".repeat(100) + "<&>", "y".repeat(100)]],
    ["numbers", [0, -0, 1.5, -3, 1e21, NaN]],
    ["nothing for false, null, undefined; true too", [false, null, undefined, true]],
    ["HTML as it is", [inner, raw("<i>&amp;</i>")]],
    ["lists in order, nested ones too", [["a<", [inner, ["b>", 2, null]], false]]],
    ["an empty list and an empty string", [[], ""]],
    ["another object: its text, escaped", [{ toString: () => "<obj>" }]],
  ];
  for (const [name, values] of cases) {
    test(name, () => {
      const strings = Object.assign(values.map((_, i) => `<p${i}>`).concat(["</end>"]), { raw: [] }) as unknown as TemplateStringsArray;
      const ours = html(strings, ...(values as never[]));
      const hono = honoHtml(strings, ...values) as unknown as string;
      expect(String(ours)).toBe(String(hono));
      expect((ours as unknown as { isEscaped: boolean }).isEscaped).toBe(true);
    });
  }

  test("esc escapes as Hono's escaper does", () => {
    expect(esc(`"it's" <a> & b`)).toBe("&quot;it&#39;s&quot; &lt;a&gt; &amp; b");
    expect(esc("plain")).toBe("plain");
    expect(esc(42)).toBe("42");
  });
});
