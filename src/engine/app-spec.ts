/** What an author hands to createApp: the entrypoint and, for pages-directory mode, the pages. */
import type { StreamlitPage } from "../pages/page.ts";
import type { UploadStore } from "../store/uploads.ts";

export interface AppSpec {
  /**
   * The app's script, run top to bottom on every request (Streamlit's main script), sync or async.
   * With `st.navigation` it picks the page and calls `page.run()`; in pages-directory mode (`pages`
   * given) it is the home page. It must be deterministic given session state, query parameters,
   * secrets and posted files: when a post changes a widget of the previous run, an isolate that did
   * not serve that run replays it (output discarded) to find the widget's callback, arguments and
   * closure, so side effects (a `fetch`, a log line) may happen twice: keep them behind `st.cacheData`.
   */
  entrypoint: () => unknown | Promise<unknown>;
  /** pages-directory mode (Streamlit's `pages/` folder): the entrypoint is the home page */
  pages?: StreamlitPage[];
  /** title of the entrypoint in pages-directory mode */
  homeTitle?: string;
  /** st.rerun()/st.switchPage() loops end with an error after this many runs in one request */
  maxRerunsPerRequest?: number;
  /**
   * Where st.fileUploader keeps uploaded files so that runs after the one that received them can
   * read their bytes, from the Worker's bindings. Without one, later runs get the files' name,
   * type and size only. (createApp takes an R2 bucket and wraps it: see AppOptions.)
   */
  uploads?: (env: any) => UploadStore | null | undefined;

}
