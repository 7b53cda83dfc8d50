/** Elements with parameters Streamlit added since 1.39, and what they returned, for test/browser/params.test.ts. */
import { createApp, st } from "../../../src/index.ts";

const app = createApp({
  entrypoint: () => {
    st.metric("Visits", 260, { delta: 50, chartData: [1, 4, 2, 8], deltaDescription: "vs. last week" });
    const fruit = st.selectbox("Fruit", ["Apple", "Banana"], { key: "fruit", acceptNewOptions: true });
    const tags = st.multiselect("Tags", ["red", "green"], { key: "tags", acceptNewOptions: true });
    st.write(`Fruit ${JSON.stringify(fruit)}, tags ${JSON.stringify(tags)}`);
  },
});

export default app;
