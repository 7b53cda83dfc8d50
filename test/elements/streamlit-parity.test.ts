/**
 * Widget rules where formlit must do exactly what Streamlit 1.39 does, over HTTP with a fresh app
 * per request: which parameters make a widget's identity, the slider's bounds, number input's
 * out-of-range defaults, the multiselect's order, and where the default-value warning shows.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { browse } from "../support/browse.ts";

const ss = st.sessionState;

const WARNING = (key: string) => `The widget with key "${key}" was created with a default value but also had its value set via the Session State API.`;

describe("widget identity: every parameter Streamlit hashes", () => {
  test("two text inputs with the same label and different help are two widgets", async () => {
    const c = browse(() => {
      const a = st.textInput("Name", { help: "first" });
      const b = st.textInput("Name", { help: "second" });
      st.text(`a=${a} b=${b}`);
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([]);
    await c.change("Name", "Ada", 1);
    expect(c.texts()).toEqual(["a= b=Ada"]);
  });

  test("changing a widget's help resets it, as a new widget", async () => {
    const c = browse(() => {
      const verbose = st.checkbox("Verbose help");
      const name = st.textInput("Name", { help: verbose ? "Your full name, as on your passport" : "Your name" });
      st.text(`name=${name}`);
    });
    await c.get("/");
    await c.change("Name", "Ada");
    expect(c.texts()).toEqual(["name=Ada"]);
    await c.change("Verbose help", true);
    expect(c.texts()).toEqual(["name="]);
    expect(c.value("Name")).toBe("");
  });

  test("a text area's height is part of an unkeyed one's identity; a keyed one keeps its value when it changes", async () => {
    const c = browse(() => {
      const tall = st.checkbox("Tall");
      const notes = st.textArea("Notes", { height: tall ? 300 : 100 });
      const keyed = st.textArea("Keyed", { height: tall ? 300 : 100, key: "keyed" });
      st.text(`notes=${notes} keyed=${keyed}`);
    });
    await c.get("/");
    c.set("Notes", "a").set("Keyed", "b");
    await c.apply();
    expect(c.texts()).toEqual(["notes=a keyed=b"]);
    await c.change("Tall", true);
    // Streamlit 1.51: a keyed text area is its key (only max_chars still counts)
    expect(c.texts()).toEqual(["notes= keyed=b"]);
    expect(c.state()).toEqual({ keyed: "b" });
  });

  test.each([
    ["number input", () => [st.numberInput("W", { help: "x" }), st.numberInput("W", { help: "y" })]],
    ["slider", () => [st.slider("W", { help: "x" }), st.slider("W", { help: "y" })]],
    ["selectbox", () => [st.selectbox("W", ["a"], { help: "x" }), st.selectbox("W", ["a"], { help: "y" })]],
    ["radio", () => [st.radio("W", ["a"], { help: "x" }), st.radio("W", ["a"], { help: "y" })]],
    ["multiselect", () => [st.multiselect("W", ["a"], { help: "x" }), st.multiselect("W", ["a"], { help: "y" })]],
    ["select slider", () => [st.selectSlider("W", ["a", "b"], { help: "x" }), st.selectSlider("W", ["a", "b"], { help: "y" })]],
    ["checkbox", () => [st.checkbox("W", { help: "x" }), st.checkbox("W", { help: "y" })]],
    ["toggle", () => [st.toggle("W", { help: "x" }), st.toggle("W", { help: "y" })]],
    ["date input", () => [st.dateInput("W", { value: "2024-01-01", help: "x" }), st.dateInput("W", { value: "2024-01-01", help: "y" })]],
    ["time input", () => [st.timeInput("W", { value: "10:00", help: "x" }), st.timeInput("W", { value: "10:00", help: "y" })]],
    ["color picker", () => [st.colorPicker("W", { help: "x" }), st.colorPicker("W", { help: "y" })]],
    ["file uploader", () => [st.fileUploader("W", { help: "x" }), st.fileUploader("W", { help: "y" })]],
  ])("%s: the same label with another help is not a duplicate", async (_name, draw) => {
    const c = browse(() => {
      draw();
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([]);
    expect(c.widgets().filter((w) => w.label === "W")).toHaveLength(2);
  });

  test("a colour picker with no value and one with an explicit #000000 are two widgets", async () => {
    const c = browse(() => {
      st.colorPicker("Ink");
      st.colorPicker("Ink", { value: "#000000" });
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([]);
    expect(c.widgets().filter((w) => w.label === "Ink")).toHaveLength(2);
  });

  test("the same label and the same help is still Streamlit's duplicate-id error", async () => {
    const c = browse(() => {
      st.textInput("Name", { help: "same" });
      st.textInput("Name", { help: "same" });
    });
    await c.get("/");
    expect(c.exceptions().map((e) => e.type)).toEqual(["StreamlitDuplicateElementId"]);
  });
});

describe("slider bounds, as Streamlit works them out", () => {
  test("a default outside the default range widens it", async () => {
    const c = browse(() => {
      st.slider("Big", { value: 250 });
      st.slider("Negative", { value: -5 });
      st.slider("Range", { value: [-10, 300] });
      st.slider("Reversed", { minValue: 10, maxValue: 0 });
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([]);
    const bounds = (label: string) => {
      const input = c.widget(label).querySelector("input[type=range]");
      return [Number(input.getAttribute("min")), Number(input.getAttribute("max"))];
    };
    expect(bounds("Big")).toEqual([0, 250]);
    expect(bounds("Negative")).toEqual([-5, 100]);
    expect(bounds("Range")).toEqual([-10, 300]);
    // min above max is put in order, not refused; the value is the min as given
    expect(bounds("Reversed")).toEqual([0, 10]);
    expect(c.value("Reversed")).toBe(10);
    expect(c.value("Big")).toBe(250);
    expect(c.value("Range")).toEqual([-10, 300]);
  });

  test("a range default given high to low is put in order", async () => {
    const c = browse(() => {
      const v = st.slider("Range", { minValue: 0, maxValue: 10, value: [8, 2] });
      st.text(JSON.stringify(v));
    });
    await c.get("/");
    expect(c.texts()).toEqual(["[2,8]"]);
    await c.change("Range", [3, 9]);
    expect(c.texts()).toEqual(["[3,9]"]);
  });

  // Streamlit takes min(min, max) first and then max(that, max): bounds given the wrong way round
  // keep max_value and bring min_value down to it; a default then widens them as usual
  test.each([
    ["no value: the default (min_value) widens the bounds", undefined, "10", "5", "10"],
    ["a range inside: the bounds are the new min and the range's end", [6, 7] as [number, number], "[6,7]", "5", "7"],
  ])("min greater than max, %s", async (_name, value, shown, min, max) => {
    const c = browse(() => {
      const v = value ? st.slider("Backwards", { minValue: 10, maxValue: 5, value }) : st.slider("Backwards", { minValue: 10, maxValue: 5 });
      st.text(JSON.stringify(v));
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([]);
    expect(c.texts()).toEqual([shown]);
    const input = c.widget("Backwards").querySelector("input[type=range]")!;
    expect([input.getAttribute("min"), input.getAttribute("max")]).toEqual([min, max]);
  });

  test("min greater than max with a default equal to max raises Streamlit's message", async () => {
    const c = browse(() => {
      st.slider("Backwards", { minValue: 10, maxValue: 5, value: 5 });
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: "Slider `min_value` must be less than the `max_value`.\nThe values were 5 and 5." },
    ]);
  });

  test("min equal to max raises Streamlit's message", async () => {
    const c = browse(() => {
      st.slider("Flat", { minValue: 5, maxValue: 5 });
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: "Slider `min_value` must be less than the `max_value`.\nThe values were 5 and 5." },
    ]);
  });

  test("a keyed slider with no value stays a range slider when its state holds a range", async () => {
    const c = browse(() => {
      if (!("span" in ss)) ss.span = [20, 40];
      const v = st.slider("Span", { key: "span" });
      st.text(JSON.stringify(v));
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([]);
    expect(c.widget("Span").querySelectorAll("input[type=range]")).toHaveLength(2);
    expect(c.texts()).toEqual(["[20,40]"]);
    await c.change("Span", [25, 60]);
    expect(c.exceptions()).toEqual([]);
    expect(c.fieldErrors()).toEqual([]);
    expect(c.texts()).toEqual(["[25,60]"]);
    expect(c.state()).toEqual({ span: [25, 60] });
  });
});

describe("number input defaults outside the bounds", () => {
  test.each([
    [{ value: 1, minValue: 5 }, "StreamlitValueBelowMinError", "The `value` 1 is less than the `min_value` 5."],
    [{ value: 9, maxValue: 5 }, "StreamlitValueAboveMaxError", "The `value` 9 is greater than than the `max_value` 5."],
    [{ value: 0.5, minValue: 1.5, maxValue: 2.5 }, "StreamlitValueBelowMinError", "The `value` 0.5 is less than the `min_value` 1.5."],
  ])("%j raises %s", async (opts, type, message) => {
    const c = browse(() => {
      st.numberInput("N", opts);
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([{ type, message }]);
  });
});

describe("multiselect keeps the order the user picked", () => {
  test("an option picked later is appended, not sorted into option order", async () => {
    const c = browse(() => {
      const v = st.multiselect("Fruit", ["apple", "banana", "cherry", "date"], { key: "fruit", default: ["cherry"] });
      st.text(JSON.stringify(v));
    });
    await c.get("/");
    expect(c.texts()).toEqual(['["cherry"]']);
    await c.change("Fruit", ["cherry", "apple"]);
    expect(c.texts()).toEqual(['["cherry","apple"]']);
    await c.change("Fruit", ["cherry", "apple", "banana"]);
    expect(c.texts()).toEqual(['["cherry","apple","banana"]']);
    // dropping one keeps the others' order
    await c.change("Fruit", ["apple", "banana"]);
    expect(c.texts()).toEqual(['["apple","banana"]']);
    expect(c.state()).toEqual({ fruit: ["apple", "banana"] });
    // the control lists the chosen options first, in the value's order
    const options = [...c.widget("Fruit").querySelectorAll("option")].map((o: any) => o.textContent);
    expect(options).toEqual(["apple", "banana", "cherry", "date"]);
  });

  test("an order set through session state is kept and shown", async () => {
    const c = browse(() => {
      if (!("fruit" in ss)) ss.fruit = ["date", "apple"];
      const v = st.multiselect("Fruit", ["apple", "banana", "cherry", "date"], { key: "fruit" });
      st.text(JSON.stringify(v));
    });
    await c.get("/");
    expect(c.texts()).toEqual(['["date","apple"]']);
    const options = [...c.widget("Fruit").querySelectorAll("option")].map((o: any) => o.textContent);
    expect(options).toEqual(["date", "apple", "banana", "cherry"]);
    await c.change("Fruit", ["date", "apple", "banana"]);
    expect(c.texts()).toEqual(['["date","apple","banana"]']);
  });
});

describe("the default-value warning shows exactly where Streamlit's does", () => {
  const cases: [string, unknown, () => void, boolean][] = [
    ["selectbox with index: null", "b", () => st.selectbox("W", ["a", "b"], { key: "w", index: null }), false],
    ["radio with index: null", "b", () => st.radio("W", ["a", "b"], { key: "w", index: null }), false],
    ["selectbox with index: 1", "a", () => st.selectbox("W", ["a", "b"], { key: "w", index: 1 }), true],
    ["timeInput with value 'now'", "09:30", () => st.timeInput("W", { key: "w", value: "now" }), false],
    ["timeInput with value '10:00'", "09:30", () => st.timeInput("W", { key: "w", value: "10:00" }), true],
    ["multiselect with default: []", ["b"], () => st.multiselect("W", ["a", "b"], { key: "w", default: [] }), true],
    ["multiselect with default: null", ["b"], () => st.multiselect("W", ["a", "b"], { key: "w", default: null }), false],
    ["colorPicker with value null", "#ffffff", () => st.colorPicker("W", { key: "w", value: null as unknown as string }), false],
  ];
  test.each(cases)("%s: warns=%s", async (_name, preset, draw, warns) => {
    const c = browse(() => {
      if (!("w" in ss)) ss.w = preset;
      draw();
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([]);
    expect(c.alerts("warning")).toEqual(warns ? [WARNING("w")] : []);
    expect(c.state()).toEqual({ w: preset });
  });
});
