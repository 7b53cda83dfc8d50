/**
 * st.pills, st.segmentedControl and st.feedback over HTTP, as a browser without JavaScript uses
 * them (a fresh app per request): radio or checkbox groups, the values the script gets, session
 * state, Streamlit's errors, and posted values that are refused.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { FormClient } from "../support/client.ts";
import { browse, expectOk } from "../support/browse.ts";

const ss = st.sessionState;

const inputs = (client: FormClient, label: string) => [...client.widget(label).querySelectorAll(".fl-pill input")] as any[];
const checked = (client: FormClient, label: string) => inputs(client, label).filter((i) => i.hasAttribute("checked")).map((i) => i.closest(".fl-pill").textContent);

describe.each(["pills", "segmentedControl"] as const)("st.%s", (method) => {
  test("single: a radio group in a fieldset named by its legend; default, pick, then unticking the picked option clears it to null", async () => {
    const client = browse(() => {
      const v = st[method]("Size", ["S", "M", "L"], { key: "size", default: "M", onChange: () => (ss.changes = ss.get("changes", 0) + 1) });
      st.text(`size: ${JSON.stringify(v)}`);
    });
    await client.get("/");
    expectOk(client);
    const w = client.widget("Size");
    expect(w.querySelector("fieldset legend").textContent).toBe("Size");
    // the picked option is a checkbox (so it can be unticked); no separate "Clear" pill
    expect(inputs(client, "Size").map((i) => i.getAttribute("type"))).toEqual(["radio", "checkbox", "radio"]);
    expect(checked(client, "Size")).toEqual(["M"]);
    expect(client.texts()).toEqual(['size: "M"']);

    await client.change("Size", "L");
    expectOk(client);
    expect(client.texts()).toEqual(['size: "L"']);
    expect(client.state()).toEqual({ size: "L", changes: 1 });

    expect(inputs(client, "Size").map((i) => i.getAttribute("type"))).toEqual(["radio", "radio", "checkbox"]);

    // clicking the picked option again (unticking it) clears the choice, as in Streamlit
    await client.change("Size", []);
    expectOk(client);
    expect(client.texts()).toEqual(["size: null"]);
    expect(client.state()).toEqual({ size: null, changes: 2 });
    expect(inputs(client, "Size").map((i) => i.getAttribute("type"))).toEqual(["radio", "radio", "radio"]);
  });

  test("single: a fresh pick posted with the still-ticked earlier one replaces it", async () => {
    const client = browse(() => st.text(`size: ${JSON.stringify(st[method]("Size", ["S", "M", "L"], { key: "size", default: "M" }))}`));
    await client.get("/");
    // as a browser without a script posts it: the picked M's box still ticked, the S radio ticked too
    const s = inputs(client, "Size")[0];
    s.setAttribute("checked", "");
    await client.apply();
    expectOk(client);
    expect(client.texts()).toEqual(['size: "S"']);
  });

  test("multi: checkboxes; picks come back in the order they were made, as in Streamlit; all unticked is []", async () => {
    const client = browse(() => {
      const v = st[method]("Days", ["Mon", "Tue", "Wed"], { key: "days", selectionMode: "multi", default: ["Wed"], formatFunc: (d: string) => d.toUpperCase() });
      st.text(`days: ${JSON.stringify(v)}`);
    });
    await client.get("/");
    expect(inputs(client, "Days").map((i) => i.getAttribute("type"))).toEqual(["checkbox", "checkbox", "checkbox"]);
    expect(checked(client, "Days")).toEqual(["WED"]);
    expect(client.texts()).toEqual(['days: ["Wed"]']);

    await client.change("Days", ["WED", "MON"]);
    expectOk(client);
    expect(client.texts()).toEqual(['days: ["Wed","Mon"]']);
    await client.change("Days", ["WED", "MON", "TUE"]);
    expect(client.texts()).toEqual(['days: ["Wed","Mon","Tue"]']);
    // unticking one keeps the others in their order
    await client.change("Days", ["MON", "TUE"]);
    expect(client.texts()).toEqual(['days: ["Mon","Tue"]']);

    await client.change("Days", []);
    expectOk(client);
    expect(client.texts()).toEqual(["days: []"]);
    expect(client.state()).toEqual({ days: [] });
  });

  test("session state sets the value; a value not among the options is reset to the default", async () => {
    const client = browse(() => {
      if (!("set" in ss)) {
        ss.set = 1;
        ss.tone = "b";
      }
      if (st.button("Break")) ss.tone = "z";
      st.text(`tone: ${JSON.stringify(st[method]("Tone", ["a", "b"], { key: "tone" }))}`);
    });
    await client.get("/");
    expect(client.texts()).toEqual(['tone: "b"']);
    await client.click("Break");
    // Streamlit 1.55: pills and segmented controls reset a value their options lack (no default: none)
    expect(client.exceptions()).toEqual([]);
    expect(client.texts()).toEqual(["tone: null"]);
    expect(client.state()).toMatchObject({ tone: null });
  });
});

describe("Streamlit's errors for button groups", () => {
  test.each([
    [() => st.pills("P", ["a"], { selectionMode: "one" as any }), "The selection_mode argument must be one of ['single', 'multi']. The argument passed was 'one'."],
    [() => st.segmentedControl("P", ["a", "b"], { default: ["a", "b"] }), "The default argument to `st.pills` must be a single value when `selection_mode='single'`."],
    [() => st.pills("P", ["a", "b"], { default: "c" }), "The default value 'c' is not part of the options. Please make sure that every default values also exists in the options."],
    [() => st.feedback("hearts" as any), "The options argument to st.feedback must be one of ['thumbs', 'faces', 'stars']. The argument passed was 'hearts'."],
  ])("%#: shows the message in the page", async (call, message) => {
    const client = browse(call);
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message }]);
  });

  test("the label is not part of the identity (as in Streamlit): the same options twice need a key", async () => {
    const client = browse(() => {
      st.pills("One", ["a", "b"]);
      st.pills("Two", ["a", "b"]);
    });
    await client.get("/");
    expect(client.exceptions()[0]!.type).toBe("StreamlitDuplicateElementId");
    expect(client.exceptions()[0]!.message).toContain("multiple `button_group` elements");
  });

  test("a posted index that is not an option is refused next to the field; the last value stays", async () => {
    const client = browse(() => st.text(`v: ${JSON.stringify(st.pills("Pick", ["a", "b"], { key: "p", default: "a" }))}`));
    await client.get("/");
    await client.setRaw("Pick", "9").apply();
    expect(client.status).toBe(200);
    expect(client.fieldErrors()).toEqual(["Pick: a choice is not one of the options."]);
    expect(client.texts()).toEqual(['v: "a"']);
    expect(client.state()).toEqual({ p: "a" });
  });

  test("inside st.form the choice is staged until the form is submitted", async () => {
    const client = browse(() => {
      const f = st.form("f");
      const v = f.pills("Colour", ["red", "blue"], { key: "c" });
      f.formSubmitButton("Send");
      st.text(`colour: ${JSON.stringify(v)}`);
    });
    await client.get("/");
    client.set("Colour", "blue");
    await client.apply();
    expect(client.texts()).toEqual(["colour: null"]);
    client.set("Colour", "blue");
    await client.click("Send");
    expect(client.texts()).toEqual(['colour: "blue"']);
  });
});

describe("st.feedback", () => {
  test("thumbs: thumbs up first, returning 1; thumbs down 0; each pill named for screen readers", async () => {
    const client = browse(() => st.text(`f: ${JSON.stringify(st.feedback("thumbs", { key: "f" }))}`));
    await client.get("/");
    expectOk(client);
    expect(client.texts()).toEqual(["f: null"]);
    expect(inputs(client, "Feedback").map((i) => i.getAttribute("aria-label"))).toEqual(["Thumbs up", "Thumbs down"]);
    expect(client.widget("Feedback").querySelector("legend").getAttribute("class")).toContain("fl-sr-only");
    await client.change("Feedback", "Thumbs up");
    expect(client.texts()).toEqual(["f: 1"]);
    await client.change("Feedback", "Thumbs down");
    expect(client.texts()).toEqual(["f: 0"]);
    expect(client.state()).toEqual({ f: 0 });
  });

  test("faces count 0-4; stars count 0-4 and mark every star up to the chosen one", async () => {
    const client = browse(() => {
      st.text(`faces: ${JSON.stringify(st.feedback("faces"))}`);
      st.text(`stars: ${JSON.stringify(st.feedback("stars"))}`);
    });
    await client.get("/");
    expect(inputs(client, "Feedback").map((i) => i.getAttribute("aria-label"))).toEqual(["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]);
    expect(inputs(client, "Rating").map((i) => i.getAttribute("aria-label"))).toEqual(["1 star", "2 stars", "3 stars", "4 stars", "5 stars"]);
    expect(client.widget("Rating").querySelector("fieldset").getAttribute("class")).toContain("fl-pills-upto");
    client.set("Feedback", "Satisfied");
    await client.change("Rating", "4 stars");
    expect(client.texts()).toEqual(["faces: 3", "stars: 3"]);
  });
});
