/**
 * st.sessionState's dict-like API and st.queryParams, as Streamlit 1.39's: the methods, the
 * reserved `$$ID` keys, the embed keys, an empty list, the missing-key message, and the query
 * cleared by st.switchPage even in a callback. Over HTTP with a fresh app per request.
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";
import { browse } from "../support/browse.ts";

const ss = st.sessionState;
const qp = st.queryParams;

/** Runs `body` as the app and shows what it returns (or the error it throws) as text. */
function show(body: () => unknown): FormClient {
  return browse(() => {
    st.text(JSON.stringify(body()));
  });
}

describe("st.sessionState as a Python dict", () => {
  test("setdefault, update, pop, keys, values, items, get, toDict", async () => {
    const c = browse(() => {
      const first = ss.setdefault("a", 1);
      const again = ss.setdefault("a", 2);
      ss.update({ b: 2, c: 3 });
      ss.update(new Map([["d", 4]]));
      ss.update([["e", 5]]);
      const popped = ss.pop("e");
      const fallback = ss.pop("missing", "none");
      st.text(JSON.stringify({ first, again, popped, fallback, get: ss.get("zz", 9) }));
      st.text(JSON.stringify([ss.keys(), ss.values(), ss.items(), ss.toDict()]));
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([]);
    expect(c.texts()[0]).toBe(JSON.stringify({ first: 1, again: 1, popped: 5, fallback: "none", get: 9 }));
    const [keys, values, items, dict] = JSON.parse(c.texts()[1]!);
    expect([...keys].sort()).toEqual(["a", "b", "c", "d"]);
    expect([...values].sort()).toEqual([1, 2, 3, 4]);
    expect(Object.fromEntries(items)).toEqual({ a: 1, b: 2, c: 3, d: 4 });
    expect(dict).toEqual({ a: 1, b: 2, c: 3, d: 4 });
    expect(c.state()).toEqual({ a: 1, b: 2, c: 3, d: 4 });
  });

  test("keys() shows keyed widgets, and pop() of a widget's key resets it", async () => {
    const c = browse(() => {
      const name = st.textInput("Name", { key: "name" });
      st.text(`keys=${ss.keys().join(",")} name=${name}`);
      if (st.button("Forget")) ss.pop("name");
    });
    await c.get("/");
    await c.change("Name", "Ada");
    expect(c.texts()).toEqual(["keys=name name=Ada"]);
    await c.click("Forget");
    await c.get("/");
    expect(c.value("Name")).toBe("");
  });

  test("pop of a missing key without a fallback raises Streamlit's KeyError", async () => {
    const c = show(() => ss.pop("nothing"));
    await c.get("/");
    expect(c.exceptions()).toEqual([
      {
        type: "KeyError",
        message: 'st.session_state has no key "nothing". Did you forget to initialize it? More info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization',
      },
    ]);
  });

  test.each([
    ["reading", () => ss["$$ID-abc"]],
    ["writing", () => (ss["$$ID-abc"] = 1)],
    ["get", () => ss.get("$$ID-abc")],
    ["in", () => "$$ID-abc" in ss],
    ["delete", () => delete ss["$$ID-abc"]],
  ])("%s a $$ID key is refused with Streamlit's message", async (_name, touch) => {
    const c = show(touch);
    await c.get("/");
    expect(c.exceptions()).toEqual([{ type: "StreamlitAPIException", message: "Keys beginning with $$ID are reserved." }]);
  });
});

describe("st.queryParams as Streamlit's", () => {
  test("update sets several keys, keeping the others", async () => {
    const c = browse(() => {
      if (st.button("Update")) qp.update({ b: "2", c: ["x", "y"] });
      st.text(JSON.stringify(qp.toDict()));
    });
    await c.get("/?a=1&b=1");
    await c.click("Update");
    expect(c.texts()).toEqual(['{"a":"1","b":"2","c":"y"}']);
    expect(c.queryParams()).toEqual({ a: ["1"], b: ["2"], c: ["x", "y"] });
  });

  test("embed and embed_options are hidden from the script and kept in the URL", async () => {
    const c = browse(() => {
      st.text(JSON.stringify([qp.toDict(), "embed" in qp, qp.get("embed"), qp.getAll("embed_options"), Object.keys(qp)]));
      if (st.button("Clear")) qp.clear();
    });
    await c.get("/?embed=true&embed_options=dark&a=1");
    expect(c.texts()).toEqual([JSON.stringify([{ a: "1" }, false, null, [], ["a"]])]);
    await c.click("Clear");
    expect(c.queryParams()).toEqual({ embed: ["true"], embed_options: ["dark"] });
  });

  test.each([
    ["reading embed", () => qp.embed, "KeyError", 'st.query_params has no key "embed". Did you forget to initialize it?'],
    ["setting embed", () => (qp.embed = "true"), "StreamlitAPIException", "Query param embed and embed_options (case-insensitive) cannot be set programmatically."],
    ["updating embed_options", () => qp.update({ embed_options: "x" }), "StreamlitAPIException", "Query param embed and embed_options (case-insensitive) cannot be set programmatically."],
    ["a missing key", () => qp.nothing, "KeyError", 'st.query_params has no key "nothing". Did you forget to initialize it?'],
    ["deleting a missing key", () => delete qp.nothing, "KeyError", 'st.query_params has no key "nothing". Did you forget to initialize it?'],
    ["setting a dictionary", () => (qp.d = { a: 1 }), "StreamlitAPIException", "You cannot set a query params key `d` to a dictionary."],
  ])("%s raises Streamlit's error", async (_name, touch, type, message) => {
    const c = show(touch);
    await c.get("/?embed=true");
    expect(c.exceptions()).toEqual([{ type, message }]);
  });

  test("a key set to an empty list reads as \"\" and leaves the URL", async () => {
    const c = browse(() => {
      qp.tags = [];
      st.text(JSON.stringify([qp.tags, qp.get("tags"), "tags" in qp, qp.getAll("tags"), qp.toDict()]));
    });
    await c.get("/?tags=a&x=1");
    expect(c.exceptions()).toEqual([]);
    expect(c.texts()).toEqual([JSON.stringify(["", "", true, [], { x: "1", tags: "" }])]);
    expect(c.queryParams()).toEqual({ x: ["1"] });
  });

  test("fromDict refused for a bad value changes nothing", async () => {
    const c = browse(() => {
      try {
        qp.fromDict({ ok: "1", embed: "no" });
      } catch (err) {
        st.text((err as Error).message);
      }
      st.text(JSON.stringify(qp.toDict()));
    });
    await c.get("/?a=1");
    expect(c.texts()).toEqual(["Query param embed and embed_options (case-insensitive) cannot be set programmatically.", '{"a":"1"}']);
  });

  test("st.switchPage in a callback is a no-op with a warning, and still clears the query", async () => {
    const c = new FormClient(() =>
      createApp({
        secret: TEST_SECRET,
        entrypoint: async () => {
          const home = st.Page(() => st.text(`home ${JSON.stringify(qp.toDict())}`), { title: "Home", urlPath: "home", default: true });
          const other = st.Page(() => st.text("other"), { title: "Other", urlPath: "other" });
          const page = st.navigation([home, other]);
          st.button("Go", { onClick: () => st.switchPage(other) });
          await page.run();
        },
      }),
    );
    await c.get("/?a=1&embed=true");
    expect(c.texts()).toEqual(['home {"a":"1"}']);
    await c.click("Go");
    expect(c.alerts("warning")).toEqual(["Calling st.rerun() within a callback is a no-op."]);
    expect(c.texts()).toEqual(["home {}"]);
    expect(c.queryParams()).toEqual({ embed: ["true"] });
  });
});
