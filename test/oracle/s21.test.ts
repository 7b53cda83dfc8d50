/** Misuse and Streamlit's error messages for it, replayed from Streamlit's traces. */
import { describe, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";
import { replay } from "./trace.ts";
import { repr } from "./py.ts";

const secret = TEST_SECRET;
const ss = st.sessionState;
const port = (trace: string, entrypoint: () => unknown) => replay({ trace, app: () => createApp({ secret, entrypoint }) });

describe("oracle: misuse and its messages (s21)", () => {
  // Streamlit 1.53 changed this trace: the value is reset to the default, no ValueError (changed_in)
  test("s21a_state_selectbox_not_in_options: state that is not an option is reset to the default", async () => {
    await port("s21a_state_selectbox_not_in_options", () => {
      ss.sel = "zzz";
      st.selectbox("sel", ["a", "b"], { key: "sel" });
    });
  });

  test("s21b_state_number_over_max: state beyond a number input's max is taken as is", async () => {
    await port("s21b_state_number_over_max", () => {
      ss.ni = 500;
      st.numberInput("ni", { minValue: 0, maxValue: 100, key: "ni" });
    });
  });

  // Streamlit 1.53 changed this trace: the choices that are not options are left out (changed_in)
  test("s21c_state_multiselect_not_in_options: state choices that are not options are left out", async () => {
    await port("s21c_state_multiselect_not_in_options", () => {
      ss.ms = ["zzz"];
      st.multiselect("ms", ["a", "b"], { key: "ms" });
    });
  });

  test("s21d_state_set_button: a button's value cannot be set", async () => {
    await port("s21d_state_set_button", () => {
      ss.btn = true;
      st.button("btn", { key: "btn" });
    });
  });

  test("s21e_state_set_form_key_after_form: a form's key cannot be written after the form", async () => {
    await port("s21e_state_set_form_key_after_form", () => {
      st.form("myform").with(() => {
        st.formSubmitButton("Sub");
      });
      ss.myform = 1;
    });
  });

  test("s21f_reserved_key_prefix: a widget key may start with $$ID", async () => {
    await port("s21f_reserved_key_prefix", () => {
      st.textInput("r", { key: "$$ID-foo" });
    });
  });

  test("s21g_state_set_submit_button: a submit button's value cannot be set", async () => {
    await port("s21g_state_set_submit_button", () => {
      // A form submit button's implicit user key is "FormSubmitter:<form key>-<label>".
      ss["FormSubmitter:f-Sub"] = true;
      st.form("f").with(() => {
        st.formSubmitButton("Sub");
      });
    });
  });

  test("s21h_default_not_in_options: a multiselect default that is not an option", async () => {
    await port("s21h_default_not_in_options", () => {
      st.multiselect("ms", ["a", "b"], { default: ["zzz"], key: "ms" });
    });
  });

  test("s21i_state_wrong_type_checkbox: state of the wrong type for a checkbox", async () => {
    await port("s21i_state_wrong_type_checkbox", () => {
      ss.cb = "yes";
      const v = st.checkbox("cb", { key: "cb" });
      st.text("returned " + repr(v));
    });
  });

  test("s21j_state_slider_out_of_range: state beyond a slider's range is taken as is", async () => {
    await port("s21j_state_slider_out_of_range", () => {
      ss.sl = 50;
      st.slider("sl", { minValue: 0, maxValue: 10, key: "sl" });
    });
  });

  test("s21k_state_set_internal_prefix: internal keys are hidden; $$ID keys are reserved", async () => {
    await port("s21k_state_set_internal_prefix", () => {
      ss["$$STREAMLIT_INTERNAL_KEY_x"] = 1;
      st.text("keys after internal-prefix write: " + repr(Object.keys(ss).sort()));
      st.text("read back: " + repr(ss["$$STREAMLIT_INTERNAL_KEY_x"]));
      ss["$$ID-fake-k"] = 2;
    });
  });

  test("s21l_button_in_form: st.button inside a form", async () => {
    await port("s21l_button_in_form", () => {
      st.form("f").with(() => {
        st.button("plain");
        st.formSubmitButton("Sub");
      });
    });
  });

  test("s21m_form_without_submit: a form without a submit button still renders", async () => {
    await port("s21m_form_without_submit", () => {
      st.form("f").with(() => {
        st.textInput("t");
      });
    });
  });

  test("s21n_nested_forms: a form inside a form", async () => {
    await port("s21n_nested_forms", () => {
      st.form("f1").with(() => {
        st.form("f2").with(() => {
          st.formSubmitButton("in");
        });
        st.formSubmitButton("out");
      });
    });
  });

  test("s21o_duplicate_form_key: two forms with one key", async () => {
    await port("s21o_duplicate_form_key", () => {
      st.form("f").with(() => {
        st.formSubmitButton("a");
      });
      st.form("f").with(() => {
        st.formSubmitButton("b");
      });
    });
  });
});
