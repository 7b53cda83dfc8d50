/**
 * What a request ends with: the session to store and the page to show, in one object that the
 * engine hands to whoever serves the request (http renders `page`, stores `session`).
 */
import type { RunContext, PageChoice, PageConfig } from "./run-context.ts";
import type { Session } from "./session.ts";
import type { ElementNode } from "./tree.ts";
import type { PageTree } from "./fragments.ts";

/** What a page shows after a request: the output of its last run (or of the page a replay drew). */
export interface ShownPage extends PageTree {
  navigation: PageChoice | null;
  /** the address asked for when it matched no page (the default page is shown instead) */
  notFound: string | null;
  /** the page shown (URL path, "" for the default page) */
  path: string;
  /** the query parameters after the run (st.queryParams may have changed them) */
  query: URLSearchParams;
  /** st.setPageConfig of the last run */
  config: PageConfig;
}

/** What a run shows so far (a finished run, or one streaming its page). */
export function shownPageOf(ctx: RunContext): ShownPage {
  // the run's page (main, sidebar, dialogs, config, notFound) and where the run left the request
  return { ...ctx.page, navigation: ctx.navigation, path: ctx.shownPath(), query: ctx.request.query };
}

/** A page that shows only `main` (nothing ran, or a run that ended before it drew anything). */
export const bareShownPage = (path: string, query: URLSearchParams, main: ElementNode[] = []): ShownPage => ({
  main,
  sidebar: [],
  dialogs: [],
  navigation: null,
  notFound: null,
  path,
  query,
  config: {},
});

export interface RunOutcome {
  /** the session to store */
  session: Session;
  page: ShownPage;
  /** an uncaught exception ended the run (the page still renders) */
  failed: boolean;
  /**
   * Only one fragment changed (it reran, or its dialog closed): its new output (null: gone), for
   * a client that can replace just that part of the page.
   */
  swap?: { id: string; closed: boolean; node: ElementNode | null };
  /**
   * The run ended with st.switchPage and, as asked, the new page was not run: `page.path` is that
   * page and the session is the state it starts from (a later request runs it).
   */
  switched?: true;
}

