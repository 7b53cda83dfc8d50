/**
 * Parts of Streamlit's own e2e apps (st_pills.py, st_segmented_control.py, st_heading.py,
 * st_json.py), with their labels, for test/browser/streamlit-widgets.test.ts: pills and segmented
 * controls (single and multi, in a form, in a fragment), help behind a "?", hidden and collapsed
 * labels, and st.json.
 */
import { createApp, st } from "../../../src/index.ts";

/** Python's str of a value, as the apps' f-strings show it ("['a', 'b']", "None"). */
const py = (v: unknown): string => (v === null ? "None" : Array.isArray(v) ? `[${v.map((x) => `'${x}'`).join(", ")}]` : String(v));

const PILLS_OPTIONS = ["🧰 General widgets", "📊 Charts", "🌇 Images", "🎥 Video", "📝 Text", "🗺️ Maps & geospatial", "🪢 Graphs", "🧊 3D"];
const ICONS = ["add", "zoom_in", "zoom_out", "zoom_out_map"];
const ELEMENTS = ["Water", "Fire", "Earth", "Air"];

const app = createApp({
  entrypoint: () => {
    st.title("Widgets from Streamlit's e2e apps");
    st.title("This title is awesome too!", { help: "Some help tooltip", anchor: "awesome-title" });
    st.header("header with help", { help: "Some help tooltip" });
    st.subheader("Subheader with help", { help: "Some help tooltip" });

    st.header("Pills - standard");
    const multi = st.pills("Select some options", PILLS_OPTIONS, { key: "pills", selectionMode: "multi", help: "This is for choosing options" });
    st.write(`Multi selection: ${py(multi)}`);

    st.header("Pills - starting with icons");
    const icon = st.pills("Select a single option", [0, 1, 2, 3], { formatFunc: (o) => ICONS[o], key: "icon_only_pills", selectionMode: "single" });
    st.write(`Single selection: ${py(icon)}`);

    st.header("Pills - on_change callback");
    st.pills("Elements (label collapsed)", ELEMENTS, { key: "pills_on_change", labelVisibility: "collapsed" });

    st.header("Pills in form");
    const form = st.form("my_form", { clearOnSubmit: true });
    form.pills("Elements  (label hidden)", ELEMENTS, { key: "pills_in_form", labelVisibility: "hidden" });
    form.formSubmitButton("Submit");
    st.write("pills-in-form:", "pills_in_form" in st.sessionState ? py(st.sessionState.pills_in_form) : null);

    st.header("Segmented Control in fragment");
    st.fragment(() => {
      const v = st.segmentedControl("Select an emotion:", ["Joy", "Sadness", "Anger", "Disgust"], { key: "segmented_control_in_fragment" });
      st.write("segmented-control-in-fragment:", py(v));
    })();

    st.header("Single Select - Segmented Control");
    const seg = st.segmentedControl("Select an option", ["Hello there!", "Foobar", "Icon in the end"], { key: "segmented_control_single_selection" });
    st.write(`Single selection (segmented): ${py(seg)}`);
    const segMulti = st.segmentedControl("Select some segments", ["Foobar", "🧰 General widgets", "📊 Charts"], { key: "segmented_control_multi_selection", selectionMode: "multi", help: "You can choose multiple options" });
    st.write(`Multi selection (segmented): ${py(segMulti)}`);

    st.textInput("Name (label hidden)", { labelVisibility: "hidden" });
    st.textInput("Name (label collapsed)", { labelVisibility: "collapsed" });

    st.subheader("Simple dict:");
    st.json({ foo: "bar" });

    st.sessionState.runs = (st.sessionState.runs ?? 0) + 1;
    st.write("Runs:", st.sessionState.runs);
  },
});

export default app;
