/**
 * An app with its own light and dark themes (Streamlit's `[theme.light]` and `[theme.dark]`, and a
 * sidebar part): a primary button, a link, captions, an alert, palette text and a text input in the
 * main area, a link in the sidebar; and st.context.theme, to compare with what the page shows.
 * Under /lone, an app with a lone theme on the dark base: dark for every visitor.
 */
import { Hono } from "hono";
import { createApp, st, type ThemeOptions } from "../../../src/index.ts";

export const THEME = {
  baseRadius: "small",
  buttonRadius: "full",
  light: {
    primaryColor: "#1d4ed8",
    backgroundColor: "#fffdf7",
    secondaryBackgroundColor: "#eef2f7",
    textColor: "#1f2937",
    linkColor: "#9a3412",
    sidebar: { backgroundColor: "#e8eefc" },
  },
  dark: {
    primaryColor: "#93c5fd",
    backgroundColor: "#0b1120",
    secondaryBackgroundColor: "#1e293b",
    textColor: "#e5e7eb",
    linkColor: "#fdba74",
    sidebar: { backgroundColor: "#111827" },
  },
} satisfies ThemeOptions;

const themed = createApp({
  theme: THEME,
  entrypoint: () => {
    st.title("Themed");
    st.markdown("Read [the guide](https://example.com/guide) and :red[red], :green-background[on green], :primary[primary].");
    st.button("Go", { type: "primary" });
    st.button("Later");
    st.textInput("Name");
    st.caption("A caption");
    st.info("Information");
    st.text(`scheme=${st.context.theme.type}`);
    st.sidebar.markdown("[Sidebar link](https://example.com/side)");
    st.sidebar.caption("Sidebar caption");
  },
});

const lone = createApp({
  basePath: "/lone",
  theme: { base: "dark", primaryColor: "#93c5fd" },
  entrypoint: () => {
    st.title("Always dark");
    st.button("Go", { type: "primary" });
    st.text(`scheme=${st.context.theme.type}`);
  },
});

const worker = new Hono();
worker.route("/lone", lone);
worker.route("/", themed);

export default worker;
