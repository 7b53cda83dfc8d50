/** Selectable dataframes (rows, exactly one row, columns, cells) and what they returned, for test/browser/data-selection.test.ts. */
import { createApp, st } from "../../../src/index.ts";

const data = { name: ["Ana", "Ben", "Cy", "Dee"], hours: [2, 3.5, 1, 8] };

const app = createApp({
  entrypoint: () => {
    const rows = st.dataframe(data, { onSelect: "rerun", key: "rows" });
    st.write(`Rows ${JSON.stringify(rows.selection.rows)}`);
    const one = st.dataframe(data, { onSelect: "rerun", key: "one", selectionMode: "single-row-required" });
    st.write(`One ${JSON.stringify(one.selection.rows)}`);
    const picks = st.dataframe(data, { onSelect: "rerun", key: "picks", selectionMode: ["multi-column", "single-cell"] });
    st.write(`Columns ${JSON.stringify(picks.selection.columns)} cells ${JSON.stringify(picks.selection.cells)}`);
  },
});

export default app;
