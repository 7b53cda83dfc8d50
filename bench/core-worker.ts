/**
 * The smallest Worker built on formlit's core entry (no optional entry: no Vega, Graphviz, LaTeX
 * or Mermaid), for `npm run bench`'s core bundle figure: what any app pays before its own code.
 * One widget, so nothing the app does could be what is measured.
 */
import { st, createApp } from "../src/index.ts";

const app = createApp({
  name: "bench-core",
  title: "Core",
  entrypoint: () => {
    st.numberInput("Number", { key: "n" });
  },
});

export default app;
