/**
 * The demo Worker inside workerd (the real Workers runtime): a session round-trips through the
 * signed cookie and a form post, AsyncLocalStorage keeps concurrent requests apart, and addresses
 * behave as Streamlit's (links, a 303 after st.switchPage, 404 for an unknown page).
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

declare global {
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import("../../pages/cloudflare.ts");
    }
  }
}

const BASE = "http://localhost";

async function get(path: string, cookie?: string) {
  const res = await exports.default.fetch(BASE + path, { headers: cookie ? { cookie } : {} });
  return { res, html: await res.text() };
}

function fieldsOf(html: string) {
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const run = /name="_run" value="(\d+)"/.exec(html)![1]!;
  const filters = /name="(\$\$ID-[a-z0-9]+-filters)"/.exec(html)![1]!;
  return { csrf, run, filters };
}

describe("demo worker in workerd", () => {
  it("keeps the entrypoint widget's value across a form post and a page switch", async () => {
    const first = await get("/");
    expect(first.res.status).toBe(200);
    const cookie = first.res.headers.get("set-cookie")!.split(";")[0]!;
    expect(cookie).toMatch(/^formlit=ey/);
    const f = fieldsOf(first.html);
    // what a navigation entry's twin sends: the form, to the page's address
    const body = new URLSearchParams({ _run: f.run, _csrf: f.csrf, [f.filters]: "7" });
    const post = await exports.default.fetch(BASE + "/option_1", {
      method: "POST",
      body,
      headers: { cookie, origin: BASE, "content-type": "application/x-www-form-urlencoded" },
    });
    const html = await post.text();
    expect(post.status).toBe(200);
    expect(html).toContain("The entrypoint's widget holds <strong>7</strong>.");
    expect(html).toMatch(/data-key="filters" data-value="7"/);
  });

  it("serves concurrent sessions without mixing their state", async () => {
    const sessions = await Promise.all([1, 2, 3, 4].map(() => get("/")));
    const posts = sessions.map(({ res, html }, i) => {
      const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
      const f = fieldsOf(html);
      return exports.default
        .fetch(BASE + "/", {
          method: "POST",
          body: new URLSearchParams({ _run: f.run, _csrf: f.csrf, [f.filters]: String(i + 10) }),
          headers: { cookie, origin: BASE, "content-type": "application/x-www-form-urlencoded" },
        })
        .then((r) => r.text());
    });
    const pages = await Promise.all(posts);
    pages.forEach((html, i) => expect(html).toMatch(new RegExp(`data-key="filters" data-value="${i + 10}"`)));
  });

  it("answers 404 with the main page and a 'Page not found' notice for an unknown page", async () => {
    const { res, html } = await get("/no_such_page");
    expect(res.status).toBe(404);
    expect(html).toContain("<strong>Page not found</strong> <span>You have requested page /no_such_page, but");
    expect(html).toContain("Widgets across pages");
  });

  it("serves navigation entries as links; a click that calls st.switchPage answers 303 to the new page", async () => {
    const first = await get("/");
    expect(first.html).toContain('<a class="fl-nav-link fl-to" href="/forms">Forms</a>');
    const cookie = first.res.headers.get("set-cookie")!.split(";")[0]!;
    const f = fieldsOf(first.html);
    const button = /<button type="submit" class="[^"]*" id="[^"]*" name="([^"]+)" value="1">Place an order<\/button>/.exec(first.html)![1]!;
    const post = await exports.default.fetch(BASE + "/", {
      method: "POST",
      body: new URLSearchParams({ _run: f.run, _csrf: f.csrf, [f.filters]: "0", [button]: "1" }),
      headers: { cookie, origin: BASE, "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    expect(post.status).toBe(303);
    expect(post.headers.get("location")).toBe("/forms");
    const next = await get("/forms", post.headers.get("set-cookie")!.split(";")[0]!);
    expect(next.res.status).toBe(200);
    expect(next.html).toContain("st.form: batch changes");
    expect(next.html).toContain('<form method="post" action="/forms"');
  });
});
