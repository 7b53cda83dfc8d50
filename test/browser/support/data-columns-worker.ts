/** A table without its header, and the newer column types, for test/browser/data-columns.test.ts. */
import { createApp, st } from "../../../src/index.ts";

const app = createApp({
  entrypoint: () => {
    st.table({ key: ["Mass", "Radius"], value: ["5.97e24 kg", "6371 km"] }, { hideHeader: true, hideIndex: true });
  },
});

export default app;
