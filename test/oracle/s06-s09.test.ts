/** State vs widget value, callbacks and their order, forms and buttons, replayed from Streamlit's traces. */
import { describe, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";
import { replay } from "./trace.ts";
import { repr } from "./py.ts";

const secret = TEST_SECRET;
const ss = st.sessionState;
const app = (entrypoint: () => unknown) => () => createApp({ secret, entrypoint });

describe("oracle: state vs widget value (s06)", () => {
  test("s06a_state_before_widget: state set before the widget is its value", async () => {
    await replay({
      trace: "s06a_state_before_widget",
      app: app(() => {
        if (!("x" in ss)) ss.x = 7;
        st.numberInput("x", { key: "x" });
      }),
    });
  });

  test("s06b_state_after_widget: writing a widget's key after it rendered raises", async () => {
    await replay({
      trace: "s06b_state_after_widget",
      app: app(() => {
        st.numberInput("x", { key: "x" });
        ss.x = 3;
      }),
    });
  });

  test("s06c_value_and_state: state wins over value, with a warning", async () => {
    await replay({
      trace: "s06c_value_and_state",
      app: app(() => {
        if (!("y" in ss)) ss.y = 4;
        const v = st.numberInput("y", { value: 2, key: "y" });
        st.text("returned: " + repr(v));
      }),
    });
  });
});

describe("oracle: callbacks (s07)", () => {
  test("s07a_form_callback_order: callbacks fire in render order and see every new value", async () => {
    await replay({
      trace: "s07a_form_callback_order",
      app: app(() => {
        if (!("log" in ss)) ss.log = [];
        const cb = (name: string) => {
          ss.log.push(`${name}: a=${ss.get("a")} b=${ss.get("b")} c=${ss.get("c")} d=${ss.get("d")}`);
        };
        st.numberInput("C", { key: "c", onChange: cb, args: ["cb_c"] });
        st.form("f").with(() => {
          st.numberInput("A", { key: "a" });
          st.numberInput("B", { key: "b" });
          st.formSubmitButton("Submit", { onClick: cb, args: ["cb_submit"] });
        });
        st.numberInput("D", { key: "d", onChange: cb, args: ["cb_d"] });
        st.text("log: " + repr(ss.log));
      }),
    });
  });

  test("s07b_callback_writes_other: a callback may set another widget's value", async () => {
    await replay({
      trace: "s07b_callback_writes_other",
      app: app(() => {
        const cb = () => {
          ss.d = ss.c * 10;
        };
        st.numberInput("C", { key: "c", onChange: cb });
        st.numberInput("D", { key: "d" });
      }),
    });
  });

  test("s07c_rerun_in_callback: st.rerun() in a callback is a no-op with a warning", async () => {
    await replay({
      trace: "s07c_rerun_in_callback",
      app: app(() => {
        if (!("runs" in ss)) ss.runs = 0;
        ss.runs += 1;
        const cb = () => {
          ss.cb_called = true;
          st.rerun();
        };
        st.button("Go", { onClick: cb });
      }),
    });
  });

  test("s07d_callback_inside_form_forbidden: only the submit button may have a callback in a form", async () => {
    await replay({
      trace: "s07d_callback_inside_form_forbidden",
      app: app(() => {
        if (!("log" in ss)) ss.log = [];
        const cb = (name: string) => {
          ss.log.push(`${name}: a=${ss.get("a")} b=${ss.get("b")}`);
        };
        st.form("f").with(() => {
          st.numberInput("A", { key: "a", onChange: cb, args: ["cb_a"] });
          st.numberInput("B", { key: "b", onChange: cb, args: ["cb_b"] });
          st.formSubmitButton("Submit", { onClick: cb, args: ["cb_submit"] });
        });
        st.numberInput("C", { key: "c", onChange: cb, args: ["cb_c"] });
        st.text("log: " + repr(ss.log));
      }),
    });
  });
});

describe("oracle: forms and buttons (s08, s09)", () => {
  test("s08_form_commit: a form's values commit only on its submit button", async () => {
    await replay({
      trace: "s08_form_commit",
      app: app(() => {
        let v: number | null = null;
        let sub = false;
        st.form("f").with(() => {
          v = st.numberInput("F", { key: "f" });
          sub = st.formSubmitButton("Submit");
        });
        st.checkbox("other", { key: "other" });
        st.text(`returned=${repr(v)} submitted=${repr(sub)} state=${repr(ss.get("f"))}`);
      }),
    });
  });

  test("s09_button: a button is true only in the run its click caused", async () => {
    await replay({
      trace: "s09_button",
      app: app(() => {
        const b = st.button("Go", { key: "go" });
        st.text(`button=${repr(b)}`);
        st.checkbox("other", { key: "other" });
      }),
    });
  });
});
