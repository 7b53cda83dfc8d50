/** Forms, session-state odds and ends, nav with a shared key, st.rerun in the script, replayed from Streamlit's traces. */
import { describe, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";
import { replay } from "./trace.ts";
import { repr } from "./py.ts";
import type { PageFn } from "../../src/navigation/page.ts";

const secret = TEST_SECRET;
const ss = st.sessionState;
const app = (entrypoint: () => unknown) => () => createApp({ secret, entrypoint });
/** `st.Page("a.py")`: a page file's title and url path are its name. */
const file = (name: string, fn: PageFn, opts: { default?: boolean } = {}) => st.Page(fn, { title: name, urlPath: name, ...opts });
/** Python's repr of a tuple. */
const reprTuple = (items: unknown[]) => (items.length === 1 ? `(${repr(items[0])},)` : `(${items.map(repr).join(", ")})`);
/** Python's sorted() of (key, value) pairs with string keys. */
const sortPairs = (pairs: [string, unknown][]) => pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe("oracle: forms, state odds and ends, rerun (s22-s26)", () => {
  test("s22_form_more: a submit callback sees the form's values and may write a form widget's key", async () => {
    const onSubmit = () => {
      ss.log.push(`on_submit ft=${repr(ss.ft)} fn=${repr(ss.fn)} sub=${repr(ss.get("FormSubmitter:myform-Submit"))}`);
      ss.fn = ss.fn * 2; // writes a form widget's key in the submit callback
    };
    await replay({
      trace: "s22_form_more",
      app: app(() => {
        if (!("log" in ss)) ss.log = [];
        if (!("ft" in ss)) ss.ft = "preset";
        let t: string | null = null;
        let n: number | null = null;
        let submitted = false;
        st.form("myform").with(() => {
          t = st.textInput("ft", { key: "ft" });
          n = st.numberInput("fn", { key: "fn", value: 1 });
          submitted = st.formSubmitButton("Submit", { onClick: onSubmit });
        });
        st.text(`returned t=${repr(t)} n=${repr(n)} submitted=${repr(submitted)}`);
        st.text("log: " + repr(ss.log));
        st.text("ss: [" + sortPairs(Object.entries(ss.toDict()).filter(([k]) => k !== "log")).map(reprTuple).join(", ") + "]");
      }),
    });
  });

  test("s23_state_misc: get/in/item access, int keys, clear and del in callbacks, writes after widgets", async () => {
    const clearAll = () => {
      ss.clear();
    };
    const delOwn = () => {
      delete ss["d"];
    };
    await replay({
      trace: "s23_state_misc",
      app: app(() => {
        const kase = st.radio("case", ["none", "attr_vs_item", "int_key", "clear_cb", "del_in_own_cb", "set_unrelated_after"], { key: "case" });
        if (kase === "attr_vs_item") {
          ss["with space"] = 1;
          ss.attr = 2;
          st.text(`get=${repr(ss.get("missing", "dflt"))} in=${repr("attr" in ss)} item=${repr(ss["attr"])} getattr_space=${repr(ss["with space"])}`);
        }
        if (kase === "int_key") {
          st.numberInput("ik", { key: 1 });
          st.text(`ss[1]=${repr(ss[1])} '1' in ss=${repr("1" in ss)} 1 in ss=${repr(1 in ss)}`);
        }
        st.numberInput("c", { key: "c", value: 1 });
        st.button("clear via callback", { key: "clr", onClick: clearAll });
        st.numberInput("d", { key: "d", value: 1, onChange: delOwn });
        if (kase === "set_unrelated_after") ss.unrelated = "set after widgets";
        st.text("keys: " + repr(Object.keys(ss).sort()));
      }),
    });
  });

  test("s24_state_overrides_each_run: a write before the widget on every run wins over the user", async () => {
    await replay({
      trace: "s24_state_overrides_each_run",
      app: app(() => {
        ss.x = 3; // unconditional, every run, before the widget
        const v = st.numberInput("x", { key: "x" });
        st.text(`returned ${repr(v)}`);
      }),
    });
  });

  test("s25_nav_same_key_entry_and_page: pages read the entrypoint widget's key", async () => {
    const a = () => {
      st.markdown("PAGE a");
      st.text("filters on a = " + repr(ss.filters));
    };
    const b = () => {
      st.markdown("PAGE b");
      st.text("filters on b = " + repr(ss.filters));
      st.numberInput("b-local", { key: "blocal" });
    };
    await replay({
      trace: "s25_nav_same_key_entry_and_page",
      app: app(async () => {
        st.sidebar.numberInput("Number of filters", { key: "filters" });
        const pg = st.navigation([file("a", a, { default: true }), file("b", b)]);
        await pg.run();
      }),
    });
  });

  test("s26_rerun_in_script: st.rerun() in the script runs it again in the same request", async () => {
    await replay({
      trace: "s26_rerun_in_script",
      app: app(() => {
        if (!("runs" in ss)) {
          ss.runs = 0;
          ss.log = [];
        }
        ss.runs += 1;
        const clicked = st.button("go", { key: "go" });
        ss.log.push(`run ${ss.runs}: go=${repr(clicked)}`);
        st.numberInput("n", { key: "n" });
        if (clicked && !ss.get("rerun_done")) {
          ss.rerun_done = true;
          st.rerun();
        }
        st.text("log: " + repr(ss.log));
      }),
    });
  });
});
