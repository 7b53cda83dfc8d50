/**
 * Built-in charts with dates and times on x, as apps draw them: days with uneven gaps, months as
 * bars, minutes as points (a tick on the plot's left edge), and a narrow fixed-size chart (little room for labels), for
 * test/browser/chart-time.test.ts to read the tick labels as Chromium lays them out.
 */
import { createApp, st } from "../../../src/index.ts";

const app = createApp({
  entrypoint: () => {
    st.lineChart({ day: ["2024-01-01", "2024-01-02", "2024-01-10", "2024-03-01"], visits: [3, 5, 4, 9] }, { x: "day" });
    st.barChart({ month: ["2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01", "2024-04-01"], sales: [5, 7, 6, 8, 4] }, { x: "month" });
    // the first tick sits on the plot's left edge, with no y label beside it: its day must move in
    st.scatterChart({ at: ["2024-03-05T23:00:00Z", "2024-03-05T23:40:00Z", "2024-03-06T01:55:00Z"], n: [1, 3, 2] }, { x: "at", yLabel: "" });
    st.areaChart({ when: [new Date("2019-06-01"), new Date("2021-01-01"), new Date("2024-06-01")], n: [1, 3, 2] }, { x: "when", width: 260, height: 200 });
  },
});

export default app;
