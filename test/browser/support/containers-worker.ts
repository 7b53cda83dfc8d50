/** Tabs, an expander and a popover whose state the app keeps (onChange), and sized elements and rows, for test/browser/containers.test.ts. */
import { createApp, st } from "../../../src/index.ts";

const ss = st.sessionState;

const settings = st.dialog("Settings", { icon: ":material/settings:" })(() => st.write("Inside the settings"));

const app = createApp({
  entrypoint: () => {
    const [cat, dog] = st.tabs(["Cat", "Dog"], { key: "animal", onChange: () => (ss.switches = ss.get("switches", 0) + 1) });
    if (cat.open) cat.write("This is the cat");
    if (dog.open) dog.write("This is the dog");
    st.write(`Tab ${ss.animal}, switches ${ss.get("switches", 0)}`);
    const summary = st.expander("Summary", { key: "summary", onChange: "rerun" });
    if (summary.open) summary.write("The summary, drawn open");
    const drawer = st.popover("Drawer", { key: "drawer", onChange: "rerun" });
    drawer.write("Inside the drawer");
    st.write(`Expander ${ss.summary}, popover ${ss.drawer}`);
    st.expander("Thought for 4 seconds", { type: "compact" }).write("Step by step");
    st.status("Analyzing", { type: "compact", state: "complete" });
    if (st.button("Open settings")) settings();
    // sizes and rows, measured by the test
    st.textInput("Narrow field", { width: 240 });
    st.button("Full-width button", { width: "stretch" });
    st.markdown("A fitted paragraph", { width: "content" });
    const row = st.container({ horizontal: true, horizontalAlignment: "right" });
    row.button("Left of two");
    row.button("Right of two");
    const [a, b] = st.columns(2, { width: 400, gap: null });
    a.write("Column A");
    b.write("Column B");
  },
});

export default app;
