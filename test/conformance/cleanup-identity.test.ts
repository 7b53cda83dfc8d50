/**
 * Conformance scenarios 6-8: clean-up of widgets not rendered, widget identity when defining
 * parameters change, and duplicate ids / keys (shared/conformance/README.md; traces s05, s10, s11).
 */
import { describe, expect } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { browse, expectClean, labels, secret, values, test } from "./support.ts";

describe("6. clean-up of a widget that is not rendered", () => {
  test("a keyed text input hidden for one run leaves state, and starts from its default when shown again", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          const show = st.checkbox("show", { value: true });
          if (show) st.textInput("Name", { key: "name", value: "anon" });
        },
      }),
    );
    await client.get("/");
    expectClean(client);
    expect(values(client)).toEqual({ show: true, Name: "anon" });
    expect(client.state()).toEqual({ name: "anon" });

    await client.change("Name", "Ada");
    expectClean(client);
    expect(values(client)).toEqual({ show: true, Name: "Ada" });
    expect(client.state()).toEqual({ name: "Ada" });

    await client.change("show", false);
    expectClean(client);
    expect(values(client)).toEqual({ show: false });
    expect(client.state()).toEqual({});

    await client.change("show", true);
    expectClean(client);
    expect(values(client)).toEqual({ show: true, Name: "anon" });
    expect(client.state()).toEqual({ name: "anon" });
  });
});

describe("7. a widget whose defining parameters change is a new widget; a keyed one is its key", () => {
  const app = () =>
    createApp({
      secret,
      entrypoint: () => {
        const mode = st.checkbox("mode", { key: "mode" });
        const label = mode ? "Label B" : "Label A";
        const max = mode ? 50 : 100;
        const options = mode ? ["x", "y", "z"] : ["x", "y"];
        // unkeyed: label, max value, options change
        st.numberInput(label, { maxValue: max });
        st.numberInput("same label, max changes", { maxValue: max });
        st.selectbox("pick", options);
        // keyed (oracle s11): label, max value, options change. Streamlit 1.50-1.55: with a key,
        // none of these make a new widget (a number input's min/max no longer count since 1.53,
        // a selectbox's options since 1.53)
        st.numberInput("keyed " + label, { maxValue: max, key: "kn" });
        st.numberInput("keyed same label", { maxValue: max, key: "ks" });
        st.selectbox("keyed pick", options, { key: "kp" });
      },
    });

  test("unkeyed widgets reset when their label, max value or options change; keyed ones keep their value", async () => {
    const client = browse(app);
    await client.get("/");
    expectClean(client);
    expect(values(client)).toEqual({
      mode: false,
      "Label A": 0,
      "same label, max changes": 0,
      pick: "x",
      "keyed Label A": 0,
      "keyed same label": 0,
      "keyed pick": "x",
    });
    expect(client.state()).toEqual({ mode: false, kn: 0, ks: 0, kp: "x" });

    client
      .set("Label A", 70)
      .set("same label, max changes", 70)
      .set("pick", "y")
      .set("keyed Label A", 70)
      .set("keyed same label", 70)
      .set("keyed pick", "y");
    await client.apply();
    expectClean(client);
    expect(values(client)).toEqual({
      mode: false,
      "Label A": 70,
      "same label, max changes": 70,
      pick: "y",
      "keyed Label A": 70,
      "keyed same label": 70,
      "keyed pick": "y",
    });
    expect(client.state()).toEqual({ mode: false, kn: 70, ks: 70, kp: "y" });

    await client.change("mode", true);
    expectClean(client);
    // (a kept value above the new max is kept as it is, as a value set through session state is)
    expect(values(client)).toEqual({
      mode: true,
      "Label B": 0,
      "same label, max changes": 0,
      pick: "x",
      "keyed Label B": 70,
      "keyed same label": 70,
      "keyed pick": "y",
    });
    expect(client.state()).toEqual({ mode: true, kn: 70, ks: 70, kp: "y" });

    // Back to the first parameters: the unkeyed ones are new widgets again, not the old values.
    await client.change("mode", false);
    expectClean(client);
    expect(values(client)).toEqual({
      mode: false,
      "Label A": 0,
      "same label, max changes": 0,
      pick: "x",
      "keyed Label A": 70,
      "keyed same label": 70,
      "keyed pick": "y",
    });
    expect(client.state()).toEqual({ mode: false, kn: 70, ks: 70, kp: "y" });
  });

  test("a widget whose parameters do not change keeps its value, and so does a keyed one whose label changes", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          const mode = st.checkbox("mode", { key: "mode" });
          st.numberInput(mode ? "Label B" : "Label A", { key: "changing" });
          st.numberInput("stable", { key: "stable" });
          st.numberInput("stable unkeyed");
        },
      }),
    );
    await client.get("/");
    client.set("stable", 3).set("stable unkeyed", 4).set("Label A", 5);
    await client.apply();
    expect(client.state()).toEqual({ mode: false, changing: 5, stable: 3 });
    await client.change("mode", true);
    expectClean(client);
    // Streamlit 1.51: a keyed number input is its key; its new label keeps the value
    expect(values(client)).toEqual({ mode: true, "Label B": 5, stable: 3, "stable unkeyed": 4 });
    expect(client.state()).toEqual({ mode: true, changing: 5, stable: 3 });
  });
});

describe("8. duplicate widgets", () => {
  test("two identical unkeyed widgets: an error naming the kind and asking for a unique key", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          st.numberInput("Same");
          st.numberInput("Same");
          st.text("never reached");
        },
      }),
    );
    await client.get("/");
    expect(client.status).toBe(200);
    const errors = client.exceptions();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.type).toBe("StreamlitDuplicateElementId");
    expect(errors[0]!.message).toContain("There are multiple `number_input` elements with the same auto-generated ID.");
    expect(errors[0]!.message).toContain("please pass a unique `key` argument to the `number_input` element.");
    expect(labels(client)).toEqual(["Same"]);
    expect(client.texts()).toEqual([]);
    expect(client.state()).toEqual({});

    // The page keeps answering.
    await client.apply();
    expect(client.status).toBe(200);
    expect(client.exceptions().map((e) => e.type)).toEqual(["StreamlitDuplicateElementId"]);
  });

  test("two widgets with the same key: an error naming the key", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          st.numberInput("One", { key: "k" });
          st.checkbox("Two", { key: "k" });
        },
      }),
    );
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([
      {
        type: "StreamlitDuplicateElementKey",
        message:
          "There are multiple elements with the same `key='k'`. To fix this, please make sure that the `key` argument is unique for each element you create.",
      },
    ]);
    expect(labels(client)).toEqual(["One"]);
    expect(client.state()).toEqual({ k: 0 });

    await client.change("One", 3);
    expect(client.status).toBe(200);
    expect(client.value("One")).toBe(3);
    expect(client.state()).toEqual({ k: 3 });
  });
});
