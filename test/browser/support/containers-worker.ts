/** Tabs, an expander and a popover whose state the app keeps (onChange), for test/browser/containers.test.ts. */
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
  },
});

export default app;
