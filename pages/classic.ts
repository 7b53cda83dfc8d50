/**
 * The same idea in pages-directory mode (Streamlit's `pages/` folder): no st.navigation, the
 * entrypoint is the home page and is not run on the other pages, so option 1 does not work.
 */
import { st, createApp, type AppOptions } from "../src/index.ts";

function other_page() {
  st.header("Another page");
  st.markdown(
    "This page demonstrates that in pages-directory mode the entrypoint does not run here: its widget was " +
      "not rendered, so its state was cleaned up. Go back Home and it shows its default again.",
  );
}

export const classicOptions: AppOptions = {
  name: "formlit-classic",
  title: "formlit classic (pages directory)",
  basePath: "/classic",
  cookieName: "formlit-classic",
  homeTitle: "Home",
  pages: [st.Page(other_page, { title: "Another page", urlPath: "other" })],
  entrypoint: () => {
    st.title("Pages-directory mode");
    st.markdown(
      "This app demonstrates that option 1 does **not** work without `st.navigation`: set *Number of " +
        "filters*, open *Another page*, and come back: the value is back to its default.",
    );
    st.numberInput("Number of filters", { key: "filters" });
  },
};

export const createClassicApp = (extra: Partial<AppOptions> = {}) => createApp({ ...classicOptions, ...extra });
