/** Elements with parameters Streamlit added since 1.39, and what they returned, for test/browser/params.test.ts. */
import { createApp, st } from "../../../src/index.ts";

const app = createApp({
  entrypoint: async () => {
    st.markdown("Status: :shimmer[Thinking…] :badge[Beta]");
    st.info("Heads up", { icon: ":material/bolt:" });
    st.metric("Visits", 260, { delta: 50, chartData: [1, 4, 2, 8], deltaDescription: "vs. last week" });
    const fruit = st.selectbox("Fruit", ["Apple", "Banana"], { key: "fruit", acceptNewOptions: true });
    const tags = st.multiselect("Tags", ["red", "green"], { key: "tags", acceptNewOptions: true });
    st.write(`Fruit ${JSON.stringify(fruit)}, tags ${JSON.stringify(tags)}`);
    st.linkButton("Open the docs", "https://example.com/landing", { onClick: () => (st.sessionState.pressed = st.sessionState.get("pressed", 0) + 1) });
    st.text(`Link pressed ${st.sessionState.get("pressed", 0)}`);
    const message = st.chatInput("Ask", { acceptFile: "multiple", fileType: ["txt"] });
    if (message) {
      const files = await Promise.all(message.files.map(async (f) => `${f.name}=${await f.text()}`));
      st.text(`Sent ${JSON.stringify(message.text)} with ${files.join(", ") || "no files"}`);
    }
  },
});

export default app;
