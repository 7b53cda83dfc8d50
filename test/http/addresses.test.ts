/**
 * Addresses behave as Streamlit's do, over HTTP without JavaScript: navigation entries are links
 * (a GET runs the page from the session), their twins apply pending values first, st.switchPage
 * answers 303 to the new page's address, an unknown page answers 404 with a "Page not found"
 * notice, and a page change drops the query parameters the app did not set.
 */
import { describe, expect, test } from "vitest";
import { st, createApp, type StreamlitPage } from "../../src/index.ts";
import { DEV_ENV, FormClient, ORIGIN, TEST_SECRET } from "../support/client.ts";

const ss = st.sessionState;

/** A two-page app: the entrypoint counts runs and has a sidebar field; page A can switch to B. */
function twoPages(extra: { b?: () => void } = {}) {
  return () =>
    createApp({
      secret: TEST_SECRET,
      entrypoint: async () => {
        ss.runs = (ss.get("runs", 0) as number) + 1;
        const pages = st.navigation([
          st.Page(
            () => {
              st.markdown("PAGE a");
              st.checkbox("ka", { key: "ka" });
              if (st.button("to b")) {
                ss.clicks = (ss.get("clicks", 0) as number) + 1;
                st.queryParams.set_before_switch = "1";
                st.switchPage("b");
              }
            },
            { title: "A", urlPath: "a", default: true },
          ),
          st.Page(
            () => {
              st.markdown("PAGE b");
              st.text(`keys on b: ${Object.keys(ss).sort().join(",")}`);
              extra.b?.();
            },
            { title: "B", urlPath: "b" },
          ),
        ]);
        st.sidebar.textInput("Name", { key: "name" });
        await pages.run();
      },
    });
}

/** An app that is just a navigation over the pages `pages()` makes. */
const navApp = (pages: () => StreamlitPage[]) => () => createApp({ secret: TEST_SECRET, entrypoint: () => st.navigation(pages()).run() });

/** Page A switches to page B as soon as it runs. */
const switchesToB = navApp(() => {
  const b = st.Page(() => st.markdown("PAGE b"), { title: "B", urlPath: "b" });
  return [st.Page(() => st.switchPage(b), { title: "A", urlPath: "a", default: true }), b];
});

const markdown = (c: FormClient) => [...c.doc.querySelectorAll(".fl-main .fl-markdown")].map((e: any) => e.textContent.trim());

describe("navigation entries are links", () => {
  test("each entry is an <a href> to the page's address; following it is a GET that runs the page from the session", async () => {
    const c = new FormClient(twoPages());
    await c.get("/");
    const entries = [...c.doc.querySelectorAll(".fl-nav a")].map((a: any) => [a.textContent, a.getAttribute("href"), a.getAttribute("aria-current")]);
    expect(entries).toEqual([
      ["A", "/", "page"],
      ["B", "/b", null],
    ]);
    await c.change("Name", "Ada");
    await c.nav("B");
    expect(c.redirects).toEqual([]);
    expect(c.url).toBe("/b");
    expect(markdown(c)).toEqual(["PAGE b"]);
    expect(c.currentPage()).toBe("B");
    expect(c.value("Name")).toBe("Ada");
    expect(c.state()).toMatchObject({ name: "Ada", runs: 3 });
  });

  test("after a change that was not applied, the entry's twin (a submit to the same address) applies it first", async () => {
    const c = new FormClient(twoPages());
    await c.get("/");
    const twin = c.doc.querySelector('.fl-nav button.fl-go[formaction="/b"]');
    expect([twin.getAttribute("type"), twin.textContent]).toEqual(["submit", "B"]);
    expect(c.doc.getElementById(twin.getAttribute("aria-describedby")).textContent).toBe(
      "Your changes are not applied yet: press Apply, or choose a page to apply them and go there.",
    );
    c.set("Name", "Grace");
    await c.nav("B");
    expect(c.url).toBe("/b");
    expect(markdown(c)).toEqual(["PAGE b"]);
    expect(c.value("Name")).toBe("Grace");
    expect(c.state()).toMatchObject({ name: "Grace" });
  });
});

describe("st.switchPage answers 303 to the new page's address", () => {
  test("a click that switches: 303 to /b; the GET shows page B with the state Streamlit has after the switch, nothing fired twice", async () => {
    const c = new FormClient(twoPages());
    await c.get("/");
    await c.change("ka", true);
    expect(c.state()).toMatchObject({ ka: true, runs: 2 });
    await c.click("to b");
    expect(c.redirects).toEqual([{ status: 303, location: "/b" }]);
    expect(c.status).toBe(200);
    expect(c.url).toBe("/b");
    expect(c.path()).toBe("/b");
    expect(markdown(c)).toEqual(["PAGE b"]);
    // the page's widget state is dropped by the switch, user keys stay; the page ran once
    expect(c.texts()).toEqual(["PAGE b", "keys on b: clicks,name,runs"]);
    expect(c.state()).toEqual({ clicks: 1, name: "", runs: 4 });
    await c.reload();
    expect(c.state()).toEqual({ clicks: 1, name: "", runs: 5 });
    expect(c.redirects).toEqual([]);
  });

  test("the redirect's answer carries no page: the cookie holds the switched state and the 303 has no body to show", async () => {
    const make = twoPages();
    const c = new FormClient(make);
    await c.get("/");
    const form = c.formData(c.widget("to b").querySelector("button"));
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await make().request(ORIGIN + "/", {
      method: "POST",
      body: form.toString(),
      headers: { cookie, origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    }, DEV_ENV);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/b");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.getSetCookie().some((line) => line.startsWith("formlit="))).toBe(true);
    expect(await res.text()).toBe("");
  });

  test("a GET whose run switches answers 303 too, so the address bar shows the page shown", async () => {
    const c = new FormClient(switchesToB);
    await c.get("/");
    expect(c.redirects).toEqual([{ status: 303, location: "/b" }]);
    expect(markdown(c)).toEqual(["PAGE b"]);
    expect(c.path()).toBe("/b");
  });

  test("switches that never settle: a few redirects, then the request runs them and stops with Streamlit's message", async () => {
    const c = new FormClient(
      navApp(() => [
        st.Page(() => st.switchPage("b"), { title: "A", urlPath: "a", default: true }),
        st.Page(() => st.switchPage("a"), { title: "B", urlPath: "b" }),
      ]),
    );
    await c.get("/");
    expect(c.redirects.map((r) => r.location)).toEqual(["/b", "/", "/b", "/", "/b"]);
    expect(c.status).toBe(200);
    expect(c.exceptions()[0]!.message).toMatch(/st\.switch_page\(\) 25 times in one request/);
  });

  test("an answer with a notice to show runs the new page in the same request instead (the notice would be lost)", async () => {
    const login = new FormClient(switchesToB);
    login.cookies.set("formlit", "not-a-token");
    await login.get("/");
    expect(login.redirects).toEqual([]);
    expect(login.status).toBe(200);
    expect(markdown(login)).toEqual(["PAGE b"]);
    expect(login.path()).toBe("/b");
    expect(login.notices()[0]).toMatch(/^Your session cookie could not be verified/);
  });

  test("a switch with state that cannot be kept is not handed on: the new page shows the error", async () => {
    const c = new FormClient(
      navApp(() => {
        const b = st.Page(() => st.markdown("PAGE b"), { title: "B", urlPath: "b" });
        const a = () => {
          if (st.button("break and go")) {
            ss.broken = () => 1;
            st.switchPage(b);
          }
        };
        return [st.Page(a, { title: "A", urlPath: "a", default: true }), b];
      }),
    );
    await c.get("/");
    await c.click("break and go");
    expect(c.redirects).toEqual([]);
    expect(markdown(c)).toEqual(["PAGE b"]);
    expect(c.exceptions().map((e) => e.message)).toEqual([expect.stringContaining("broken")]);
    expect(c.state()).toEqual({});
  });

  test("with the client script (X-Formlit: partial) and on the embed route, the redirect keeps the route", async () => {
    const make = twoPages();
    const c = new FormClient(make);
    await c.get("/");
    const body = c.formData(c.widget("to b").querySelector("button")).toString();
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const headers = { cookie, origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" };
    const partial = await make().request(ORIGIN + "/", { method: "POST", body, headers: { ...headers, "X-Formlit": "partial" } });
    expect([partial.status, partial.headers.get("location")]).toEqual([303, "/b"]);
    const embedded = await make().request(ORIGIN + "/_embed/", { method: "POST", body, headers });
    expect([embedded.status, embedded.headers.get("location")]).toEqual([303, "/_embed/b"]);
    // what fetch then GETs: the page's form only, naming the page shown
    const next = await make().request(ORIGIN + "/b", { headers: { cookie: partial.headers.getSetCookie()[0]!.split(";")[0]!, "X-Formlit": "partial" } });
    expect(next.headers.get("X-Formlit-Path")).toBe("/b");
    expect((await next.text()).startsWith("<form")).toBe(true);
  });
});

describe("an unknown page", () => {
  test("answers 404 with the default page and a visible 'Page not found' notice naming the address", async () => {
    const c = new FormClient(twoPages());
    await c.get("/nowhere");
    expect(c.status).toBe(404);
    expect(markdown(c)).toEqual(["PAGE a"]);
    expect(c.currentPage()).toBe("A");
    expect(c.notices()).toEqual([
      "Page not found You have requested page /nowhere, but no corresponding page was found in this app. Running the app's main page.",
    ]);
    expect(c.doc.querySelector(".fl-notice strong").textContent).toBe("Page not found");
  });

  test("names the address under the app's mount path", async () => {
    const c = new FormClient(() => {
      const app = createApp({ secret: TEST_SECRET, basePath: "/tools", entrypoint: () => st.navigation([st.Page(() => st.text("home"), { title: "Home" })]).run() });
      return createApp({ secret: TEST_SECRET, entrypoint: () => {} }).route("/tools", app);
    });
    await c.get("/tools/gone");
    expect(c.status).toBe(404);
    expect(c.notices()[0]).toContain("You have requested page /tools/gone,");
  });
});

describe("query parameters on a page change", () => {
  const withParams = () =>
    twoPages({
      b: () => {
        st.queryParams.tab = "summary";
      },
    });

  test("links to other pages carry none; the link to the page shown keeps them", async () => {
    const c = new FormClient(withParams());
    await c.get("/?x=1&y=2");
    expect(c.queryParams()).toEqual({ x: ["1"], y: ["2"] });
    const hrefs = [...c.doc.querySelectorAll(".fl-nav a")].map((a: any) => a.getAttribute("href"));
    expect(hrefs).toEqual(["/?x=1&y=2", "/b"]);
    await c.nav("A");
    expect(c.queryParams()).toEqual({ x: ["1"], y: ["2"] });
  });

  test("following a link, its twin, or st.switchPage drops the parameters the app did not set on the new page", async () => {
    const c = new FormClient(withParams());
    await c.get("/?x=1");
    await c.nav("B");
    expect(c.url).toBe("/b");
    expect(c.queryParams()).toEqual({ tab: ["summary"] });

    await c.get("/?x=1");
    c.set("Name", "Ada");
    await c.nav("B");
    expect(c.queryParams()).toEqual({ tab: ["summary"] });

    // page A sets a parameter and then switches: the switch clears it, as Streamlit's does
    await c.get("/?x=1");
    await c.click("to b");
    expect(c.redirects).toEqual([{ status: 303, location: "/b" }]);
    expect(c.queryParams()).toEqual({ tab: ["summary"] });
  });
});
