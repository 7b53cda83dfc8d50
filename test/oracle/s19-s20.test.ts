/** Value types of every widget, and options that change, replayed from Streamlit's traces. */
import { describe, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";
import { replay } from "./trace.ts";
import { repr } from "./py.ts";

const secret = TEST_SECRET;
const ss = st.sessionState;
const app = (entrypoint: () => unknown) => () => createApp({ secret, entrypoint });
/** Python's repr of a tuple. */
const reprTuple = (items: unknown[]) => (items.length === 1 ? `(${repr(items[0])},)` : `(${items.map(repr).join(", ")})`);
/** Python's sorted(d.items()) for a dict with string keys. */
const sortedItems = (d: Record<string, unknown>) => Object.entries(d).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe("oracle: value types and changing options (s19, s20)", () => {
  test("s19_value_types: every widget's value, in state and as returned", async () => {
    await replay({
      trace: "s19_value_types",
      // "types: {...}" prints Python's type name of every value: JS has one number type (5.0 is an
      // int here) and no tuple, so that text cannot match; "repr: ..." checks the same values.
      skipText: (t) => t.startsWith("types: "),
      app: app(() => {
        st.numberInput("ni_default", { key: "ni_default" });
        st.numberInput("ni_int", { key: "ni_int", value: 3 });
        st.numberInput("ni_float", { key: "ni_float", value: 0.5 });
        st.numberInput("ni_none", { key: "ni_none", value: null });
        st.slider("sl_int", { minValue: 0, maxValue: 10, key: "sl_int" });
        // Python's 0.0 and 1.0 make a float slider (step 0.01); JS's 0 and 1 need the step said.
        st.slider("sl_float", { minValue: 0.0, maxValue: 1.0, step: 0.01, key: "sl_float" });
        st.slider("sl_range", { minValue: 0, maxValue: 10, value: [2, 5], key: "sl_range" });
        st.selectSlider("ss", ["lo", "mid", "hi"], { key: "ss" });
        st.selectbox("sb", ["a", "b", "c"], { key: "sb" });
        st.selectbox("sb_none", ["a", "b"], { index: null, key: "sb_none" });
        st.selectbox("sb_int", [10, 20, 30], { key: "sb_int" });
        st.multiselect("ms", ["a", "b", "c"], { default: ["b"], key: "ms" });
        st.checkbox("cb", { key: "cb" });
        st.toggle("tg", { key: "tg" });
        st.radio("rd", ["x", "y"], { key: "rd" });
        st.radio("rd_none", ["x", "y"], { index: null, key: "rd_none" });
        st.textInput("ti", { key: "ti" });
        st.textArea("ta", { key: "ta" });
        st.text("types: " + JSON.stringify(Object.fromEntries(sortedItems(ss.toDict()).map(([k, v]) => [k, typeof v]))));
        st.text("repr: [" + sortedItems(ss.toDict()).map(reprTuple).join(", ") + "]");
      }),
    });
  });

  // Streamlit 1.53 changed this trace: a keyed selectbox whose format changes keeps its value (changed_in)
  test("s20_options_change: new options make a new unkeyed widget and reset a keyed one's lost choice; a new format keeps a keyed value", async () => {
    await replay({
      trace: "s20_options_change",
      app: app(() => {
        const mode = st.checkbox("mode", { key: "mode" });
        const opts = mode ? ["x", "y"] : ["a", "b", "c"];
        st.selectbox("sel", opts, { key: "sel" });
        st.multiselect("ms", opts, { key: "ms" });
        st.radio("rad", opts, { key: "rad" });
        st.selectbox("sel unkeyed", opts);
        const same = ["p", "q", "r"];
        const fmt = mode ? (o: string) => o.toUpperCase() : (o: string) => o;
        st.selectbox("sel fmt", same, { formatFunc: fmt, key: "sel_fmt" });
        st.text("sel_fmt value: " + repr(ss.sel_fmt));
      }),
    });
  });
});
