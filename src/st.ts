/**
 * `st`: the object apps import, as Python apps `import streamlit as st`. Element methods write to
 * the current container of the current run (found through AsyncLocalStorage); the rest is
 * control: session state, pages, rerun, stop.
 */
import { Container } from "./elements/container.ts";
import { currentRun } from "./engine/context.ts";
import { RerunSignal, StopSignal } from "./engine/errors.ts";
import { sessionState, type SessionStateProxy } from "./engine/session-proxy.ts";
import { navigation, switchPage } from "./pages/navigation.ts";
import { Page } from "./pages/page.ts";
import { queryParams, type QueryParamsProxy } from "./control/query-params.ts";
import { secrets } from "./control/secrets.ts";
import { cacheData, cacheResource } from "./control/cache.ts";
import type { PageConfig } from "./engine/run-context.ts";

export class Streamlit extends Container {
  constructor() {
    super(null, null, "main", true);
  }

  /** The sidebar: `st.sidebar.checkbox(...)`, or `st.sidebar.with(() => ...)`. */
  get sidebar(): Container {
    return new Container(null, null, "sidebar");
  }

  /** Session state, read and written like Python's `st.session_state`. */
  readonly sessionState: SessionStateProxy = sessionState;

  /** The URL's query parameters, read and written like Python's `st.query_params`. */
  readonly queryParams: QueryParamsProxy = queryParams;
  /** The Worker's secrets and variables (strings), like Python's `st.secrets`. */
  readonly secrets = secrets;
  /**
   * Memoises a function by its arguments and source for `ttl` seconds in this isolate (Python's
   * `@st.cache_data`): `const load = st.cacheData(fetchRows, { ttl: 600 })`, at module level or
   * inside the script. Results are handed out as copies, elements the function wrote come back on
   * a hit; `{ persist: true }` also keeps them in the Workers Cache API. `st.cacheData.clear()`
   * forgets every result.
   */
  readonly cacheData = cacheData;
  /**
   * Like cacheData, but hands out the one shared object (a client, a model): `@st.cache_resource`.
   * `st.cacheResource.clear()` forgets every resource.
   */
  readonly cacheResource = cacheResource;

  /** Title, icon and layout of the page. */
  setPageConfig(config: PageConfig): void {
    Object.assign(currentRun("st.setPageConfig").pageConfig, config);
  }

  /**
   * Declares the app's pages and returns the one the URL selects (`await page.run()` runs it).
   * `pages` is a list, or sections `{ "Section": [...] }`; `position: "hidden"` hides the menu.
   */
  readonly navigation = navigation;
  /** A page: any function (sync or async), with `{ title, icon, urlPath, default }`. */
  readonly Page = Page;
  /**
   * Ends this run and shows another page (a page or its urlPath): the answer is a redirect to that
   * page's address, whose request runs it (a no-op with a warning in a callback).
   */
  readonly switchPage = switchPage;

  /** Ends this run and starts a new one in the same request (a no-op with a warning in a callback). */
  rerun(): never {
    currentRun("st.rerun");
    throw new RerunSignal();
  }

  /** Ends this run here; nothing after it renders, and widgets not rendered keep their state. */
  stop(): never {
    currentRun("st.stop");
    throw new StopSignal();
  }
}

export const st = new Streamlit();
