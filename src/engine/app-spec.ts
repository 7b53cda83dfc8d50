/** What an author hands to createApp: the entrypoint and, for pages-directory mode, the pages. */
import type { StreamlitPage } from "../pages/page.ts";

export interface AppSpec {
  entrypoint: () => unknown | Promise<unknown>;
  /** pages-directory mode (Streamlit's `pages/` folder): the entrypoint is the home page */
  pages?: StreamlitPage[];
  /** title of the entrypoint in pages-directory mode */
  homeTitle?: string;
  /** st.rerun()/st.switchPage() loops end with an error after this many runs in one request */
  maxRerunsPerRequest?: number;
}
