/**
 * Key-based widget identity (Streamlit 1.50-1.55), over HTTP as a browser without JavaScript uses
 * it: for every widget with a key, the user changes its value, then the app changes one parameter.
 * The value is kept unless the parameter is one the widget's `key` description names ("Changing
 * ... resets the widget even when a key is provided"), as in docs.streamlit.io's API reference.
 * Without a key every parameter still makes a new widget (test/conformance, test/oracle s11).
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import type { Json } from "../../src/engine/state.ts";
import type { FormClient } from "../support/client.ts";
import { browse, expectOk } from "../support/browse.ts";

const ss = st.sessionState;

interface Row {
  /** the widget, drawn with key "w": `flip` changes the one parameter under test */
  draw: (flip: boolean) => unknown;
  /** the label the widget has before the flip */
  label: string;
  /** what the user does to it before the flip */
  change: (client: FormClient) => void;
}

const set = (label: string, value: Json) => (client: FormClient) => void client.set(label, value);
const pick = (flip: boolean, a: unknown, b: unknown) => (flip ? b : a);

/** [widget, parameter, kept or reset, row] */
const rows: [string, string, "keeps" | "resets", Row][] = [
  ["textInput", "label", "keeps", { draw: (f) => st.textInput(pick(f, "T", "T2") as string, { key: "w" }), label: "T", change: set("T", "x") }],
  ["textInput", "value", "keeps", { draw: (f) => st.textInput("T", { value: pick(f, "a", "b") as string, key: "w" }), label: "T", change: set("T", "x") }],
  ["textInput", "placeholder", "keeps", { draw: (f) => st.textInput("T", { placeholder: pick(f, "p", "q") as string, key: "w" }), label: "T", change: set("T", "x") }],
  ["textInput", "help", "keeps", { draw: (f) => st.textInput("T", { help: pick(f, "h", "i") as string, key: "w" }), label: "T", change: set("T", "x") }],
  ["textInput", "maxChars", "resets", { draw: (f) => st.textInput("T", { maxChars: pick(f, 10, 20) as number, key: "w" }), label: "T", change: set("T", "x") }],
  ["textArea", "height", "keeps", { draw: (f) => st.textArea("T", { height: pick(f, 100, 300) as number, key: "w" }), label: "T", change: set("T", "x") }],
  ["textArea", "maxChars", "resets", { draw: (f) => st.textArea("T", { maxChars: pick(f, 10, 20) as number, key: "w" }), label: "T", change: set("T", "x") }],
  ["numberInput", "label", "keeps", { draw: (f) => st.numberInput(pick(f, "N", "N2") as string, { key: "w" }), label: "N", change: set("N", 7) }],
  ["numberInput", "minValue and maxValue", "keeps", { draw: (f) => st.numberInput("N", { minValue: pick(f, 0, 1) as number, maxValue: pick(f, 10, 20) as number, key: "w" }), label: "N", change: set("N", 7) }],
  ["numberInput", "step", "keeps", { draw: (f) => st.numberInput("N", { step: pick(f, 1, 2) as number, key: "w" }), label: "N", change: set("N", 7) }],
  ["numberInput", "format", "keeps", { draw: (f) => st.numberInput("N", { format: pick(f, "%d", "%i") as string, key: "w" }), label: "N", change: set("N", 7) }],
  ["slider", "label", "keeps", { draw: (f) => st.slider(pick(f, "S", "S2") as string, { key: "w" }), label: "S", change: set("S", 7) }],
  ["slider", "value", "keeps", { draw: (f) => st.slider("S", { value: pick(f, 1, 2) as number, key: "w" }), label: "S", change: set("S", 7) }],
  ["slider", "minValue", "resets", { draw: (f) => st.slider("S", { minValue: pick(f, 0, 1) as number, key: "w" }), label: "S", change: set("S", 7) }],
  ["slider", "maxValue", "resets", { draw: (f) => st.slider("S", { maxValue: pick(f, 100, 50) as number, key: "w" }), label: "S", change: set("S", 7) }],
  ["slider", "step", "resets", { draw: (f) => st.slider("S", { step: pick(f, 1, 7) as number, key: "w" }), label: "S", change: set("S", 7) }],
  ["checkbox", "label", "keeps", { draw: (f) => st.checkbox(pick(f, "C", "C2") as string, { key: "w" }), label: "C", change: set("C", true) }],
  ["toggle", "help", "keeps", { draw: (f) => st.toggle("C", { help: pick(f, "h", "i") as string, key: "w" }), label: "C", change: set("C", true) }],
  ["radio", "options", "keeps", { draw: (f) => st.radio("R", pick(f, ["a", "b"], ["a", "b", "c"]) as string[], { key: "w" }), label: "R", change: set("R", "b") }],
  ["radio", "index", "keeps", { draw: (f) => st.radio("R", ["a", "b", "c"], { index: pick(f, 0, 2) as number, key: "w" }), label: "R", change: set("R", "b") }],
  ["selectbox", "label and options", "keeps", { draw: (f) => st.selectbox(pick(f, "B", "B2") as string, pick(f, ["a", "b"], ["c", "b"]) as string[], { key: "w" }), label: "B", change: set("B", "b") }],
  ["multiselect", "options", "keeps", { draw: (f) => st.multiselect("M", pick(f, ["a", "b"], ["a", "b", "c"]) as string[], { key: "w" }), label: "M", change: set("M", ["b"]) }],
  ["selectbox", "acceptNewOptions", "resets", { draw: (f) => st.selectbox("B", ["a", "b"], { acceptNewOptions: f, key: "w" }), label: "B", change: set("B", "b") }],
  ["multiselect", "acceptNewOptions", "resets", { draw: (f) => st.multiselect("M", ["a", "b"], { acceptNewOptions: f, key: "w" }), label: "M", change: set("M", ["b"]) }],
  ["multiselect", "maxSelections", "resets", { draw: (f) => st.multiselect("M", ["a", "b"], { maxSelections: pick(f, 2, 1) as number, key: "w" }), label: "M", change: set("M", ["b"]) }],
  ["selectSlider", "options", "keeps", { draw: (f) => st.selectSlider("L", pick(f, ["a", "b"], ["a", "b", "c"]) as string[], { key: "w" }), label: "L", change: set("L", "b") }],
  ["dateInput", "minValue", "keeps", { draw: (f) => st.dateInput("D", { value: "2024-01-01", minValue: pick(f, "2023-01-01", "2023-06-01") as string, key: "w" }), label: "D", change: set("D", "2024-01-05") }],
  ["dateInput", "format", "resets", { draw: (f) => st.dateInput("D", { value: "2024-01-01", format: pick(f, "YYYY/MM/DD", "DD/MM/YYYY") as any, key: "w" }), label: "D", change: set("D", "2024-01-05") }],
  ["timeInput", "label", "keeps", { draw: (f) => st.timeInput(pick(f, "H", "H2") as string, { value: "10:00", key: "w" }), label: "H", change: set("H", "11:30") }],
  ["timeInput", "step", "resets", { draw: (f) => st.timeInput("H", { value: "10:00", step: pick(f, 900, 1800) as number, key: "w" }), label: "H", change: set("H", "11:30") }],
  ["colorPicker", "value", "keeps", { draw: (f) => st.colorPicker("K", { value: pick(f, "#000000", "#00ff00") as string, key: "w" }), label: "K", change: set("K", "#ff0000") }],
  ["pills", "options", "keeps", { draw: (f) => st.pills("P", pick(f, ["a", "b"], ["a", "b", "c"]) as string[], { key: "w" }), label: "P", change: set("P", "b") }],
  ["pills", "selectionMode", "resets", { draw: (f) => st.pills("P", ["a", "b"], { selectionMode: pick(f, "single", "multi") as any, key: "w" }), label: "P", change: set("P", "b") }],
  ["segmentedControl", "label", "keeps", { draw: (f) => st.segmentedControl(pick(f, "G", "G2") as string, ["a", "b"], { key: "w" }), label: "G", change: set("G", "b") }],
  ["segmentedControl", "selectionMode", "resets", { draw: (f) => st.segmentedControl("G", ["a", "b"], { selectionMode: pick(f, "single", "multi") as any, key: "w" }), label: "G", change: set("G", "b") }],
  ["fileUploader", "label", "keeps", { draw: (f) => st.fileUploader(pick(f, "U", "U2") as string, { key: "w" }), label: "U", change: (c) => void c.upload("U", { name: "a.txt", content: "hi" }) }],
  ["fileUploader", "type", "resets", { draw: (f) => st.fileUploader("U", { type: pick(f, ["txt"], ["txt", "csv"]) as string[], key: "w" }), label: "U", change: (c) => void c.upload("U", { name: "a.txt", content: "hi" }) }],
  ["fileUploader", "acceptMultipleFiles", "resets", { draw: (f) => st.fileUploader("U", { acceptMultipleFiles: pick(f, false, true) as boolean, key: "w" }), label: "U", change: (c) => void c.upload("U", { name: "a.txt", content: "hi" }) }],
  ["fileUploader", "maxUploadSize", "resets", { draw: (f) => st.fileUploader("U", { maxUploadSize: pick(f, 1000, 2000) as number, key: "w" }), label: "U", change: (c) => void c.upload("U", { name: "a.txt", content: "hi" }) }],
];

/** What the script got, comparable as text (an uploaded file by its name). */
const shown = (v: unknown) => JSON.stringify(v, (_k, x) => (x && typeof x === "object" && "name" in x && "size" in x ? `file ${x.name}` : x));

describe("a keyed widget keeps its value when a parameter changes, unless its key description names it", () => {
  test.each(rows)("%s: changing %s %s it", async (_widget, _param, outcome, row) => {
    const client = browse(() => {
      const flip = st.checkbox("flip", { key: "flip" });
      st.text(`value: ${shown(row.draw(flip))}`);
    });
    await client.get("/");
    const fresh = client.texts();
    row.change(client);
    await client.apply();
    expectOk(client);
    const changed = client.texts();
    expect(changed, "the user's change reached the script").not.toEqual(fresh);

    await client.change("flip", true);
    expectOk(client);
    if (outcome === "keeps") expect(client.texts()).toEqual(changed);
    else expect(client.texts()).not.toEqual(changed);
  });

  test("st.feedback: changing its options (thumbs to stars) resets it", async () => {
    const client = browse(() => {
      if (st.button("Rate")) ss.w = 1;
      const stars = st.checkbox("flip", { key: "flip" });
      st.text(`value: ${JSON.stringify(st.feedback(stars ? "stars" : "thumbs", { key: "w" }))}`);
    });
    await client.get("/");
    await client.click("Rate");
    expect(client.texts()).toEqual(["value: 1"]);
    await client.apply();
    expect(client.texts(), "kept while its options stay").toEqual(["value: 1"]);
    await client.change("flip", true);
    expectOk(client);
    expect(client.texts()).toEqual(["value: null"]);
  });
});
