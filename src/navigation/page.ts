/**
 * st.Page: a page of a multipage app. A page is any function, sync or async. Its `urlPath` is the
 * page's address (`/` for the default page) and its script id, which widget ids include.
 */
import { currentRun } from "../engine/context.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import type { PageChoice, RunContext } from "../engine/run-context.ts";

export type PageFn = () => unknown | Promise<unknown>;

export interface PageOptions {
  title?: string;
  /** shown before the title in the navigation and page links: an emoji or a `:material/name:` icon */
  icon?: string;
  urlPath?: string;
  default?: boolean;
}

export class StreamlitPage {
  readonly title: string;
  readonly icon: string | undefined;
  readonly urlPath: string;
  isDefault: boolean;

  constructor(
    readonly fn: PageFn,
    options: PageOptions = {},
  ) {
    const name = fn.name || "page";
    this.title = options.title ?? name.replace(/_/g, " ");
    this.icon = options.icon;
    this.isDefault = options.default ?? false;
    if (this.title.trim() === "") {
      throw new StreamlitAPIException("The title of the page cannot be empty or consist of underscores/spaces only");
    }
    if (options.urlPath !== undefined && options.urlPath.trim() === "" && !this.isDefault) {
      throw new StreamlitAPIException("The URL path cannot be an empty string unless the page is the default page.");
    }
    this.urlPath = (options.urlPath ?? name).replace(/^\/+|\/+$/g, "");
    if (this.urlPath.includes("/")) throw new StreamlitAPIException("The URL path cannot contain a nested path (e.g. foo/bar).");
    if (!/^[A-Za-z0-9_-]*$/.test(this.urlPath)) {
      throw new Error(`st.Page urlPath "${this.urlPath}" may only use letters, digits, "-" and "_".`);
    }
  }

  /** The id that widgets created by this page carry (so the same widget on two pages is two widgets, as in Streamlit). */
  get scriptId(): string {
    return "page:" + this.urlPath;
  }

  /**
   * Runs the page, as `pg.run()` in Streamlit: its widgets carry the page's script id. Only the
   * page st.navigation returned, and only once per run.
   */
  async run(): Promise<void> {
    const ctx = currentRun("page.run()");
    const nav = navigationOf(ctx.navigation);
    if (!nav || nav.runnable?.page !== this || nav.runnable.run !== ctx) {
      throw new StreamlitAPIException("This page cannot be called directly. Only the page returned from st.navigation can be called once.");
    }
    nav.runnable = null;
    await runPage(this);
  }
}

export function Page(fn: PageFn, options?: PageOptions): StreamlitPage {
  return new StreamlitPage(fn, options);
}

/** Where the menu of pages is drawn: the sidebar, a bar across the top, or nowhere. */
export type NavPosition = "sidebar" | "top" | "hidden";

/**
 * The pages a run chose (st.navigation, or pages-directory mode) and the one it shows: what the
 * renderer draws as the menu, what st.switchPage and st.pageLink look pages up in. The engine
 * carries it from run to run as a PageChoice and reads only `shownPath`.
 */
export class Navigation implements PageChoice {
  /** the page st.navigation returned, which page.run() may still run once, in that run only */
  runnable: { page: StreamlitPage; run: RunContext } | null = null;

  constructor(
    readonly sections: { title: string | null; pages: StreamlitPage[] }[],
    readonly position: NavPosition,
    readonly selected: StreamlitPage,
    /** the default page, whose URL path is "" */
    private readonly home: StreamlitPage,
    /** the sidebar menu shows every page (false: a long one is collapsed after its tenth) */
    readonly expanded = false,
  ) {}

  /** the page's URL path (default page: "") */
  pathOf(page: StreamlitPage): string {
    return page === this.home ? "" : page.urlPath;
  }

  get shownPath(): string {
    return this.pathOf(this.selected);
  }

  get pages(): StreamlitPage[] {
    return this.sections.flatMap((s) => s.pages);
  }
}

/** The navigation behind the engine's page choice (a run's `navigation`, an outcome's), if any. */
export function navigationOf(choice: PageChoice | null): Navigation | null {
  return choice instanceof Navigation ? choice : null;
}

/** What st.switchPage and st.pageLink throw for a page the app's navigation does not have. */
export function pageNotFound(target: string): StreamlitAPIException {
  return new StreamlitAPIException(
    `Could not find page: \`${target}\`. Must be a page given to st.navigation (or, without it, to createApp({ pages })), as its st.Page object or its urlPath.`,
  );
}

/** Runs a page's function with the page's script id, restoring the caller's afterwards. */
export async function runPage(page: StreamlitPage): Promise<void> {
  const ctx = currentRun("page.run()");
  const caller = ctx.scriptId;
  ctx.scriptId = page.scriptId;
  try {
    await page.fn();
  } finally {
    ctx.scriptId = caller;
  }
}
