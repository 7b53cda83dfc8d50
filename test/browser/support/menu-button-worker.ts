/** A menu button, what it returned and how often its callback ran, for test/browser/menu-button.test.ts. */
import { createApp, st } from "../../../src/index.ts";

const ss = st.sessionState;

const app = createApp({
  entrypoint: () => {
    const picked = st.menuButton("Export", ["CSV", "JSON", "PDF"], { key: "export", onClick: () => (ss.clicks = ss.get("clicks", 0) + 1) });
    st.write(`Picked ${picked ?? "nothing"}, clicks ${ss.get("clicks", 0)}`);
    st.button("Refresh");
  },
});

export default app;
