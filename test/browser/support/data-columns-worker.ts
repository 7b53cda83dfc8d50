/** A table without its header, and the newer column types, for test/browser/data-columns.test.ts. */
import { createApp, st } from "../../../src/index.ts";

const ss = st.sessionState;
const shifts = [
  { who: "Ana", skills: ["cook"], starts: "2024-06-03T09:00", ends: "17:30", trend: [1, 3, 2], act: "Call" },
  { who: "Ben", skills: [] as string[], starts: "2024-06-04T08:15", ends: "12:00", trend: [2, 2, 4], act: "Call" },
];

const app = createApp({
  entrypoint: () => {
    st.table({ key: ["Mass", "Radius"], value: ["5.97e24 kg", "6371 km"] }, { hideHeader: true, hideIndex: true });
    const edited = st.dataEditor(shifts, {
      key: "shifts",
      columnConfig: {
        skills: st.columnConfig.MultiselectColumn("Skills", { options: ["cook", "serve", "clean"] }),
        starts: st.columnConfig.DatetimeColumn("Starts"),
        ends: st.columnConfig.TimeColumn("Ends"),
        trend: st.columnConfig.LineChartColumn("Trend"),
        act: st.columnConfig.ButtonColumn("Act", { key: "act", onClick: () => (ss.calls = ss.get("calls", 0) + 1) }),
      },
    });
    st.write(`Skills ${edited.map((r) => r.skills.join("+") || "none").join(", ")}; starts ${edited[1]!.starts}; ends ${edited[0]!.ends}`);
    st.write(`Called ${ss.act ? edited[ss.act.row]!.who : "nobody"}, ${ss.get("calls", 0)} calls`);
    st.dataframe(
      { task: ["Write", "Ship"], done: [80, 35], go: ["Start", "Start"] },
      { columnConfig: { done: st.columnConfig.ProgressColumn("Done", { format: "%d%%" }), go: st.columnConfig.ButtonColumn("Go", { key: "go" }) } },
    );
    st.write(`Started ${ss.go ? ["Write", "Ship"][ss.go.row] : "nothing"}`);
  },
});

export default app;
