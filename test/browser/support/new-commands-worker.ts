/**
 * Page buttons, skeletons, a Mermaid diagram with a hostile label, and a pinned bottom container
 * under a page long enough to scroll, for test/browser/new-commands.test.ts.
 */
import { createApp, st } from "../../../src/index.ts";
import { enableMermaid } from "../../../src/mermaid.ts";

enableMermaid();
const ss = st.sessionState;

const app = createApp({
  entrypoint: () => {
    const page = st.pagination(20, { key: "page" });
    st.write(`Showing page ${page}`);
    st.skeleton(48);
    st.skeleton().info("Loaded");
    st.mermaidChart(`graph TD
  A["<img src=x onerror=alert(1)>"] --> B{Decision}
  B -->|Yes| C[OK]`);
    for (let i = 1; i <= 40; i++) st.write(`Line ${i}`);
    if (st.bottom.button("Pinned add")) ss.n = ss.get("n", 0) + 1;
    st.bottom.write(`Pinned count ${ss.get("n", 0)}`);
    const said = st.chatInput("Say something");
    if (said) st.write(`You said ${said}`);
  },
});

export default app;
