/**
 * The gallery inside workerd: temml's TeX-to-MathML and the xss sanitiser run in the Workers
 * runtime (no eval, no DOM), with the same output as in Node.
 */
import { exports } from "cloudflare:workers";
import { expect, it } from "vitest";

it("renders st.latex as MathML and st.html sanitised", async () => {
  const res = await exports.default.fetch("http://localhost/gallery");
  const html = await res.text();
  expect(res.status).toBe(200);
  expect(html).not.toContain('class="fl-exception"');
  expect(html).toMatch(/<div class="fl-latex" data-kind="latex"><math display="block"[^>]*>.*<mfrac>/);
  expect(html).toContain('<div class="fl-html" data-kind="html"><p>Some <em>HTML</em>, sanitised: <b>no handlers</b>, no scripts.</p></div>');
}, 30_000);
