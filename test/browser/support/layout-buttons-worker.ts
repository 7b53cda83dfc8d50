/**
 * A scrolling st.container, bordered columns and metric, and buttons with icons and of type
 * tertiary, as a person meets them, for test/browser/layout-buttons.test.ts.
 */
import { createApp, st } from "../../../src/index.ts";

const app = createApp({
  entrypoint: () => {
    st.container({ height: 200 }).with(() => {
      for (let i = 1; i <= 60; i++) st.write(`Line ${i}`);
    });
    const [left, right] = st.columns(2, { border: true });
    left.write("Left column");
    right.write("Right column");
    st.metric("Users", 120, { border: true });
    if (st.button("Save", { icon: "💾" })) st.write("Saved with the icon button");
    st.button("Like", { icon: ":material/thumb_up:" });
    if (st.button("Quiet", { type: "tertiary" })) st.write("Quiet button clicked");
    st.button("Go", { type: "primary" });
    const f = st.form("f");
    const name = f.textInput("Name");
    if (f.formSubmitButton("Send", { icon: ":material/send:" })) st.write(`Sent by ${name}`);
  },
});

export default app;
