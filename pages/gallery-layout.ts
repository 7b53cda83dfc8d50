/**
 * The gallery's layout section, below its tabs: containers whose open state the app keeps (tabs,
 * an expander and a popover with onChange), compact panels, a dialog with an icon, a horizontal
 * container, aligned columns, and elements sized with `width`.
 */
import { st } from "../src/index.ts";

const settings = st.dialog("Display settings", { icon: ":material/tune:" })(() => {
  st.toggle("Dense tables", { key: "gl_dense" });
  if (st.button("Done")) st.rerun();
});

function dynamicContainers() {
  st.subheader("Containers that rerun the app");
  st.caption("With onChange, choosing a tab or opening the expander or popover posts (JavaScript off too): the app reads .open and the key.");
  const [daily, weekly] = st.tabs(["Daily", "Weekly"], { key: "gl_period", onChange: "rerun" });
  if (daily.open) daily.write("Only the open tab's content is computed: the daily report.");
  if (weekly.open) weekly.write("Only the open tab's content is computed: the weekly report.");
  const details = st.expander("Details, computed when opened", { key: "gl_details", onChange: "rerun", icon: ":material/info:" });
  if (details.open) details.write(`Computed at ${new Date().toISOString().slice(11, 19)} UTC.`);
  const filters = st.popover("Filters", { key: "gl_filters", onChange: "rerun" });
  filters.checkbox("Only open orders", { key: "gl_open_only" });
  st.write(`Open tab ${st.sessionState.gl_period}; expander ${st.sessionState.gl_details ? "open" : "closed"}; popover ${st.sessionState.gl_filters ? "open" : "closed"}.`);
}

function compactPanels() {
  st.subheader("Compact panels and a dialog icon");
  st.expander("Thought for 4 seconds", { type: "compact" }).write("A compact expander: a muted line with no box.");
  st.status("Analysis complete", { type: "compact", state: "complete" }).write("A compact status.");
  if (st.button("Display settings", { icon: ":material/tune:" })) settings();
}

function rowsAndSizes() {
  st.subheader("Rows, alignment and sizes");
  const toolbar = st.container({ horizontal: true, horizontalAlignment: "right", gap: "small" });
  toolbar.button("Cancel", { key: "gl_cancel" });
  toolbar.button("Save", { key: "gl_save", type: "primary" });
  const [label, field] = st.columns([1, 2], { verticalAlignment: "bottom", gap: "medium" });
  label.markdown("**Columns aligned at the bottom**");
  field.textInput("Search", { key: "gl_search", width: 240 });
  st.button("A full-width button", { key: "gl_wide", width: "stretch" });
  st.info("An alert 320 pixels wide.", { width: 320 });
  st.markdown("A paragraph as wide as its content.", { width: "content" });
}

export function galleryLayout() {
  dynamicContainers();
  compactPanels();
  rowsAndSizes();
}
