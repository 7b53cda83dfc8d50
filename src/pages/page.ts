/**
 * st.Page: a page of a multipage app. A page is any function, sync or async. Its `urlPath` is the
 * page's address (`/` for the default page) and its script id, which widget ids include.
 */
import { currentRun } from "../engine/context.ts";
import { StreamlitAPIException } from "../engine/errors.ts";

export type PageFn = () => unknown | Promise<unknown>;

export interface PageOptions {
  title?: string;
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
    if (ctx.runnablePage !== this) {
      throw new StreamlitAPIException("This page cannot be called directly. Only the page returned from st.navigation can be called once.");
    }
    ctx.runnablePage = null;
    await runPage(this);
  }
}

export function Page(fn: PageFn, options?: PageOptions): StreamlitPage {
  return new StreamlitPage(fn, options);
}

/** What the renderer needs to draw the navigation. */
export interface NavInfo {
  sections: { title: string | null; pages: StreamlitPage[] }[];
  position: "sidebar" | "hidden";
  selected: StreamlitPage;
  /** the page's URL path for each page (default page: "") */
  pathOf: (page: StreamlitPage) => string;
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
