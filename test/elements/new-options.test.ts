/**
 * st.selectbox and st.multiselect with `acceptNewOptions` over HTTP, as a browser without
 * JavaScript posts them: a new option typed is returned as its string and kept in session state,
 * text naming an option (in any case) is that option, and the page shows what was chosen.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import type { FormClient } from "../support/client.ts";
import { browse, expectOk } from "../support/browse.ts";

let got: unknown[] = [];

/** Types `text` in the widget's text field (the selectbox's own, or the multiselect's "add" field). */
const type = (client: FormClient, label: string, text: string) => client.widget(label).querySelector("input[type=text]").setAttribute("value", text);

describe("st.selectbox({ acceptNewOptions })", () => {
  const app = () =>
    browse(() => {
      got = [st.selectbox("Fruit", ["Apple", "Banana"], { key: "fruit", acceptNewOptions: true }), st.selectbox("Size", [1, 2, 3], { index: null, acceptNewOptions: true, formatFunc: (n) => `#${n}` })];
      st.write(`state: ${JSON.stringify(st.sessionState.fruit)}`);
    });

  test("without JavaScript it is a text field with the options as suggestions, showing the chosen option's label", async () => {
    const client = app();
    await client.get("/");
    expectOk(client);
    expect(got).toEqual(["Apple", null]);
    const field = client.widget("Fruit").querySelector("input[type=text]");
    expect(field.getAttribute("value")).toBe("Apple");
    const list = client.doc.getElementById(field.getAttribute("list"));
    expect([...list.querySelectorAll("option")].map((o: any) => o.getAttribute("value"))).toEqual(["Apple", "Banana"]);
    expect(client.widget("Size").querySelector("input[type=text]").getAttribute("value")).toBe("");
  });

  test("a new option typed is returned as its string, kept in session state and shown on the next run", async () => {
    const client = app();
    await client.get("/");
    type(client, "Fruit", "Cherry");
    await client.apply();
    expectOk(client);
    expect(got[0]).toBe("Cherry");
    expect(client.texts()).toContain('state: "Cherry"');
    expect(client.widget("Fruit").querySelector("input[type=text]").getAttribute("value")).toBe("Cherry");
    // Another change elsewhere keeps it: it is not reset for not being one of the options.
    type(client, "Size", "#2");
    await client.apply();
    expect(got).toEqual(["Cherry", 2]);
  });

  test("text naming an option, in another case, is that option (its formatted label for non-strings); an empty field is null where nothing is chosen", async () => {
    const client = app();
    await client.get("/");
    type(client, "Fruit", "banana");
    type(client, "Size", "#3");
    await client.apply();
    expect(got).toEqual(["Banana", 3]);
    type(client, "Size", "");
    await client.apply();
    expect(got).toEqual(["Banana", null]);
  });

  test("an emptied field where an option must be chosen is a message by the widget, and the value stays", async () => {
    const client = app();
    await client.get("/");
    type(client, "Fruit", "");
    await client.apply();
    expect(client.status).toBe(200);
    expect(client.fieldErrors()).toEqual(["Fruit: choose an option or type a new one."]);
    expect(got[0]).toBe("Apple");
  });

  test("the app may write a new option (a string) to the key; a number not in the options goes back to the default", async () => {
    const client = browse(() => {
      if (!("a" in st.sessionState)) st.sessionState.a = "Typed";
      if (st.button("Bad")) st.sessionState.a = 42;
      got = [st.selectbox("A", ["x"], { key: "a", acceptNewOptions: true })];
    });
    await client.get("/");
    expectOk(client);
    expect(got).toEqual(["Typed"]);
    expect(client.widget("A").querySelector("input[type=text]").getAttribute("value")).toBe("Typed");
    // A number is no typed option: like any value the options do not hold, it goes back to the default.
    await client.click("Bad");
    expectOk(client);
    expect(got).toEqual(["x"]);
  });

  test("without acceptNewOptions the selectbox stays a <select>, and filterMode changes nothing", async () => {
    const client = browse(() => void st.selectbox("Plain", ["a", "b"], { filterMode: null }));
    await client.get("/");
    expectOk(client);
    expect(client.widget("Plain").querySelector("select")).not.toBeNull();
    expect(client.widget("Plain").querySelector("input[type=text]")).toBeNull();
  });
});

describe("st.multiselect({ acceptNewOptions })", () => {
  const app = () =>
    browse(() => {
      got = st.multiselect("Tags", ["red", "green", "blue"], { key: "tags", default: ["green"], acceptNewOptions: true, maxSelections: 3 });
    });

  test("a field beside the list adds a new option; it is returned as its string after the chosen ones and stays chosen", async () => {
    const client = app();
    await client.get("/");
    expectOk(client);
    expect(got).toEqual(["green"]);
    type(client, "Tags", "purple");
    await client.apply();
    expectOk(client);
    expect(got).toEqual(["green", "purple"]);
    expect(client.state().tags).toEqual(["green", "purple"]);
    const selected = [...client.widget("Tags").querySelectorAll("option[selected]")].map((o: any) => o.textContent);
    expect(selected).toEqual(["green", "purple"]);
    expect(client.widget("Tags").querySelector("input[type=text]").getAttribute("value")).toBe("");
    // Typing an option's name in another case picks that option, once.
    type(client, "Tags", "GREEN");
    await client.apply();
    expect(got).toEqual(["green", "purple"]);
  });

  test("more than maxSelections with a new one is a message, and the value stays", async () => {
    const client = app();
    await client.get("/");
    client.set("Tags", ["red", "green", "blue"]);
    type(client, "Tags", "purple");
    await client.apply();
    expect(client.fieldErrors()).toEqual(["Tags: you can only select up to 3 options."]);
    expect(got).toEqual(["green"]);
  });
});
