/**
 * st.Page: a page of a multipage app. A page is any function, sync or async. Its `urlPath` is the
 * page's address (`/` for the default page) and its script id, which widget ids include.
 */
import { currentRun } from "../engine/context.ts";

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
    this.urlPath = (options.urlPath ?? name).replace(/^\/+|\/+$/g, "");
    this.isDefault = options.default ?? false;
    if (!/^[A-Za-z0-9_-]*$/.test(this.urlPath)) {
      throw new Error(`st.Page urlPath "${this.urlPath}" may only use letters, digits, "-" and "_".`);
    }
  }

  /** The id that widgets created by this page carry (SPEC 4). */
  get scriptId(): string {
    return "page:" + this.urlPath;
  }

  /** Runs the page, as `pg.run()` in Streamlit: its widgets carry the page's script id. */
  async run(): Promise<void> {
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
