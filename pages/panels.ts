/**
 * Status, toast and popover: Streamlit's e2e apps st_status, st_toast and st_popover on one page,
 * each working with JavaScript off (<details> opens them; CSS shows and fades the toasts).
 */
import { st } from "../src/index.ts";

function statuses() {
  st.subheader("st.status");
  const running = st.status("Running status", { expanded: true });
  running.write("Doing some work...");
  st.status("Completed status", { expanded: true, state: "complete" }).with(() => st.write("Hello world"));
  st.status("Error status", { expanded: true, state: "error" }).with(() => st.error("Oh no, something went wrong!"));
  st.status("Collapsed", { state: "complete" }).with(() => st.write("Hello world"));
  const changing = st.status("About to change label...", { state: "complete" });
  changing.with(() => {
    st.write("Hello world");
    changing.update({ label: "Changed label" });
  });
  const plain = st.status("Without context manager", { state: "complete" });
  plain.write("Hello world");
  plain.update({ state: "error", expanded: true });
  const collapsing = st.status("Collapse via update...", { state: "complete", expanded: true });
  collapsing.with(() => {
    st.write("Hello world");
    collapsing.update({ label: "Collapsed", expanded: false });
  });
  st.status("Empty state...", { state: "complete" });
  try {
    st.status("Uncaught exception").with(() => {
      st.write("Hello world");
      throw new Error("Error!");
    });
  } catch {
    // as the e2e app: the status shows the error state, the page goes on
  }
  st.status("Finished by with", { expanded: true }).with(() => st.write("A status that was running is complete when the function returns."));
}

function popovers() {
  st.subheader("st.popover");
  st.popover("popover 1 (empty)");
  st.popover("popover 2 (use_container_width)", { useContainerWidth: true }).markdown("Hello");
  let text: string | null = "";
  st.popover("popover 3 (with widgets)").with(() => {
    st.markdown("Hello World 👋");
    text = st.textInput("Text input");
    const [a, b] = st.columns(2);
    a!.textInput("Column 1");
    b!.textInput("Column 2");
    st.selectbox("Selectbox", ["a", "b", "c"]);
  });
  st.popover("popover 4 (help)", { help: "help text" }).markdown("Popover with help");
  st.sidebar.popover("popover 5 (in sidebar)").markdown("Popover in sidebar");
  st.popover("popover 6 (disabled)", { disabled: true }).markdown("Hello World 👋");
  st.popover("popover 7 (emoji)", { icon: "🦄" }).markdown("Hello unicorn");
  st.expander("Output").markdown(`Text input: ${text || "(empty)"}`);
}

function toasts() {
  st.subheader("st.toast");
  st.toast("This is a default toast message", { icon: "🐶" });
  st.toast("Random toast message that is a really really really really really really really long message, going way past the 3 line limit", { icon: "🦄" });
  st.toast("Your edited image was saved!", { icon: ":material/cabin:" });
  st.caption("Three toasts show in the corner for a few seconds after each run (newest on top).");
}

export function panels() {
  st.header("Status, toast and popover");
  st.markdown("This page demonstrates `st.status`, `st.toast` and `st.popover`, each working with JavaScript off.");
  statuses();
  popovers();
  toasts();
}
