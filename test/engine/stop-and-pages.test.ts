/**
 * How a request ends early, and the rules of running pages, as in Streamlit 1.39: st.stop() in a
 * callback, values thrown that are not Errors (never "[object Object]" on the page), page.run()
 * only for the page st.navigation returned and only once, and Streamlit's messages for an empty
 * navigation and an empty urlPath. Over HTTP with a fresh app per request.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { browse } from "../support/browse.ts";

const ss = st.sessionState;

describe("st.stop() in a callback", () => {
  test("ends the request quietly: the callback's own output shows, no error, the script does not run", async () => {
    const c = browse(() => {
      st.button("Halt", {
        onClick: () => {
          ss.halted = true;
          st.text("stopping here");
          st.stop();
        },
      });
      st.text("script ran");
    });
    await c.get("/");
    expect(c.texts()).toEqual(["script ran"]);
    await c.click("Halt");
    expect(c.status).toBe(200);
    expect(c.exceptions()).toEqual([]);
    expect(c.html).not.toContain("[object Object]");
    expect(c.texts()).toEqual(["stopping here"]);
    expect(c.state()).toMatchObject({ halted: true });
    // the next request runs as usual
    await c.get("/");
    expect(c.texts()).toEqual(["script ran"]);
  });
});

describe("nothing on the page reads [object Object]", () => {
  test.each([
    ["a plain object thrown by the script", () => {
      throw { code: 42, reason: "teapot" };
    }, '{"code":42,"reason":"teapot"}'],
    ["a string thrown by the script", () => {
      throw "just text";
    }, "just text"],
  ])("%s shows its content", async (_name, fail, shown) => {
    const c = browse(fail);
    await c.get("/");
    expect(c.exceptions().map((e) => e.message)).toEqual([shown]);
    expect(c.html).not.toContain("[object Object]");
  });

  test("a plain object thrown by a callback shows its content", async () => {
    const c = browse(() => {
      st.button("Fail", {
        onClick: () => {
          throw { code: 7 };
        },
      });
    });
    await c.get("/");
    await c.click("Fail");
    expect(c.exceptions().map((e) => e.message)).toEqual(['{"code":7}']);
    expect(c.html).not.toContain("[object Object]");
  });

  test("display elements given objects show them as data", async () => {
    const c = browse(() => {
      st.text({ a: 1, b: [true, null] } as unknown as string);
      st.markdown({ x: "y" } as unknown as string);
      st.caption(new Map([["k", 1]]) as unknown as string);
      st.info({ level: "info" } as unknown as string);
      st.metric({ label: 1 } as unknown as string, { v: 1 } as unknown as number);
      const loop: Record<string, unknown> = {};
      loop.self = loop;
      st.table([{ cell: loop }]);
    });
    await c.get("/");
    expect(c.html).not.toContain("[object Object]");
    expect(c.texts()[0]).toBe("{'a': 1, 'b': [True, None]}");
  });
});

describe("page.run()", () => {
  const home = () => st.text("home page");
  const other = () => st.text("other page");

  test("twice in one run raises Streamlit's error", async () => {
    const c = browse(async () => {
      const page = st.navigation([st.Page(home, { default: true }), st.Page(other)]);
      await page.run();
      await page.run();
    });
    await c.get("/");
    expect(c.texts()).toEqual(["home page"]);
    expect(c.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: "This page cannot be called directly. Only the page returned from st.navigation can be called once." },
    ]);
  });

  test("a page st.navigation did not return cannot run", async () => {
    const c = browse(async () => {
      const pages = [st.Page(home, { default: true }), st.Page(other)];
      st.navigation(pages);
      await pages[1]!.run();
    });
    await c.get("/");
    expect(c.texts()).toEqual([]);
    expect(c.exceptions().map((e) => e.message)).toEqual([
      "This page cannot be called directly. Only the page returned from st.navigation can be called once.",
    ]);
  });

  test("the returned page runs once in every run, and again after st.rerun()", async () => {
    const c = browse(async () => {
      const page = st.navigation([st.Page(home, { default: true }), st.Page(other)]);
      await page.run();
      if (st.button("Rerun")) st.rerun();
    });
    await c.get("/");
    await c.click("Rerun");
    expect(c.exceptions()).toEqual([]);
    expect(c.texts()).toEqual(["home page"]);
  });
});

describe("Streamlit's messages for pages", () => {
  test.each([
    ["an empty navigation", () => st.navigation([]), "`st.navigation` must be called with at least one `st.Page`."],
    [
      "an empty urlPath on a page that is not the default",
      () => st.Page(() => st.text("x"), { title: "X", urlPath: "" }),
      "The URL path cannot be an empty string unless the page is the default page.",
    ],
    ["a nested urlPath", () => st.Page(() => st.text("x"), { title: "X", urlPath: "a/b" }), "The URL path cannot contain a nested path (e.g. foo/bar)."],
    ["an empty title", () => st.Page(() => st.text("x"), { title: " " }), "The title of the page cannot be empty or consist of underscores/spaces only"],
  ])("%s", async (_name, make, message) => {
    const c = browse(() => {
      make();
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([{ type: "StreamlitAPIException", message }]);
  });

  test("the default page may have an empty urlPath", async () => {
    const c = browse(async () => {
      await st.navigation([st.Page(() => st.text("root"), { title: "Root", urlPath: "", default: true })]).run();
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([]);
    expect(c.texts()).toEqual(["root"]);
  });
});

describe("the navigation menu", () => {
  test("a navigation of one page shows no menu, as Streamlit; two pages show one", async () => {
    const one = browse(() => st.navigation([st.Page(() => st.text("the only page"), { title: "Only" })]).run());
    await one.get("/");
    expect(one.texts()).toContain("the only page");
    expect(one.doc.querySelectorAll(".fl-nav").length).toBe(0);
    const two = browse(() => st.navigation([st.Page(() => st.text("first"), { title: "First", urlPath: "first" }), st.Page(() => st.text("second"), { title: "Second", urlPath: "second" })]).run());
    await two.get("/");
    expect(two.exceptions()).toEqual([]);
    expect([...two.doc.querySelectorAll(".fl-nav a")].map((a: any) => a.textContent)).toEqual(["First", "Second"]);
  });
});

describe("a signal the app's own catch swallows", () => {
  test("st.rerun() inside try/catch still reruns: the last run shows count 3, as in Streamlit", async () => {
    const c = browse(() => {
      ss.count = ss.get("count", 0) + 1;
      if (ss.count < 3) {
        try {
          st.rerun();
        } catch (e) {
          st.write(`Caught exception: ${e}`);
        }
      }
      st.write(`count ${ss.count}`);
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([]);
    // as in Streamlit, where the rerun is not an Exception: two reruns, the last run shows 3
    expect(c.texts()).toEqual(["count 3"]);
    expect(c.state().count).toBe(3);
  });

  test("st.switchPage() inside a catch-all still switches; printed, the signal names the page", async () => {
    const caught: string[] = [];
    const c = browse(() => {
      const page = st.navigation([
        st.Page(
          () => {
            if (st.button("Go")) {
              try {
                st.switchPage("second");
              } catch (e) {
                caught.push(String(e));
              }
            }
          },
          { title: "First", urlPath: "first", default: true },
        ),
        st.Page(() => st.text("the second page"), { title: "Second", urlPath: "second" }),
      ]);
      page.run();
    });
    await c.get("/");
    await c.click("Go");
    expect(c.texts()).toContain("the second page");
    expect(caught).toEqual([expect.stringMatching(/^st\.switchPage\(\) asked for the page "second" \(formlit's signal, not an error/)]);
    expect(caught.join()).not.toContain("[object Object]");
  });
});
