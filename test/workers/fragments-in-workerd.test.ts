/**
 * The demo's "Fragments & dialogs" page inside workerd: a counter's button reruns only its
 * fragment (the page's run count stays), as the whole page without the client script and as the
 * fragment alone with it (X-Formlit: partial), the cookie carrying the session between requests.
 */
import { exports } from "cloudflare:workers";
import { expect, it } from "vitest";

const BASE = "http://localhost";

async function send(path: string, cookie: string, body?: URLSearchParams, partial = false) {
  const headers: Record<string, string> = { cookie };
  if (body) Object.assign(headers, { origin: BASE, "content-type": "application/x-www-form-urlencoded" });
  if (partial) headers["X-Formlit"] = "partial";
  const res = await exports.default.fetch(BASE + path, { method: body ? "POST" : "GET", body, headers });
  const set = res.headers.get("set-cookie");
  return { res, html: await res.text(), cookie: set ? set.split(";")[0]! : cookie };
}

/** The form's hidden fields (from the page, or a fragment answer's), and the button labelled `label`. */
function click(html: string, label: string, hidden: string = html) {
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(hidden)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  const button = new RegExp(`name="(\\$\\$ID-[^"]+)" value="1"[^>]*>${label.replace(/[()]/g, "\\$&")}<`).exec(html)![1]!;
  return new URLSearchParams({ _run: field("_run"), _csrf: field("_csrf"), _v: field("_v"), [button]: "1" });
}

it("a counter's button reruns only its fragment, with and without the client script", async () => {
  const first = await send("/fragments", "");
  expect(first.html).toContain("The whole page ran 1 times.");
  const page = await send("/fragments", first.cookie, click(first.html, "Add one (Left)"));
  expect(page.res.status).toBe(200);
  expect(page.html).toContain("Left: 1");
  expect(page.html).toContain("The whole page ran 1 times.");
  const part = await send("/fragments", page.cookie, click(page.html, "Add one (Left)"), true);
  expect(part.res.headers.get("x-formlit-swap")).toMatch(/^fl-frag-/);
  expect(part.html).toContain("Left: 2");
  expect(part.html).not.toContain("<form");
  // the next post uses the fragment answer's hidden fields with the page it swapped into
  const again = await send("/fragments", part.cookie, click(page.html, "Add one (Right)", part.html));
  expect(again.html).toContain("Left: 2");
  expect(again.html).toContain("Right: 1");
  expect(again.html).toContain("The whole page ran 1 times.");
}, 30_000);
