/** A date-and-time field with bounds, and the value the script got, for test/browser/datetime-input.test.ts. */
import { createApp, st } from "../../../src/index.ts";

const app = createApp({
  entrypoint: () => {
    const when = st.datetimeInput("Meeting", { value: "2025-11-19T16:45", minValue: "2025-01-01", maxValue: "2025-12-31T18:00", key: "meet" });
    st.write(`Meeting at ${when}`);
  },
});

export default app;
