/**
 * st.navigation, st.switchPage and pages-directory mode, built on the engine: the engine runs
 * whatever script runner it is given and reads only which page a run showed (its PageChoice). The
 * page a request shows comes from its URL path; "" is the default page.
 */
import { currentRun } from "../engine/context.ts";
import { RerunSignal, StreamlitAPIException } from "../engine/errors.ts";
import type { RunContext, ScriptRunner } from "../engine/run-context.ts";
import { ENTRYPOINT_SCRIPT } from "../engine/page-change.ts";
import { clearQueryParams } from "../control/query-params.ts";
import { Navigation, Page, StreamlitPage, navigationOf, pageNotFound, runPage, type NavPosition, type PageFn } from "./page.ts";

export type PagesArg = StreamlitPage[] | Record<string, StreamlitPage[]>;

function choose(ctx: RunContext, sections: Navigation["sections"], position: NavPosition, expanded = false): Navigation {
  const all = sections.flatMap((s) => s.pages);
  if (all.length === 0) throw new StreamlitAPIException("`st.navigation` must be called with at least one `st.Page`.");
  const seen = new Set<string>();
  for (const p of all) {
    if (seen.has(p.urlPath)) {
      throw new StreamlitAPIException(
        `Multiple Pages specified with URL pathname ${p.urlPath}. URL pathnames must be unique. The url pathname may be inferred from the filename, callable name, or title.`,
      );
    }
    seen.add(p.urlPath);
  }
  const defaults = all.filter((p) => p.isDefault);
  if (defaults.length > 1) throw new StreamlitAPIException("Multiple Pages specified with `default=True`. At most one Page can be set to default.");
  const home = defaults[0] ?? all[0]!;
  const wanted = ctx.requestedPath;
  let selected = wanted === "" ? home : all.find((p) => p.urlPath === wanted);
  if (!selected) {
    ctx.page.notFound = wanted;
    selected = home;
  }
  return new Navigation(sections, position, selected, home, expanded);
}

export interface NavigationOptions {
  /** where the menu is drawn: "sidebar" (default), "top" (a bar across the page, each section a drop-down) or "hidden" */
  position?: NavPosition;
  /** the sidebar menu shows every page (default false: after twelve, the first ten and "View N more") */
  expanded?: boolean;
}

function checkPosition(position: unknown): NavPosition {
  if (position === "sidebar" || position === "top" || position === "hidden") return position;
  throw new StreamlitAPIException(`Invalid position "${String(position)}". The position parameter must be one of "sidebar", "top", or "hidden".`);
}

export function navigation(pages: PagesArg, options: NavigationOptions = {}): StreamlitPage {
  const ctx = currentRun("st.navigation");
  const position = checkPosition(options.position ?? "sidebar");
  const sections = Array.isArray(pages)
    ? [{ title: null, pages }]
    : Object.entries(pages).map(([title, list]) => ({ title: title || null, pages: list }));
  const nav = choose(ctx, sections, position, options.expanded ?? false);
  nav.runnable = { page: nav.selected, run: ctx };
  ctx.navigation = nav;
  return nav.selected;
}

/**
 * Ends the run with a request to run another page: the engine either runs it next within the
 * request or hands it on (the HTTP layer answers with a redirect to the page's address).
 */
export function switchPage(page: StreamlitPage | string): never {
  const ctx = currentRun("st.switchPage");
  const nav = navigationOf(ctx.navigation);
  const target = typeof page === "string" ? page.replace(/^\/+/, "") : page.urlPath;
  const found = nav?.pages.find((p) => p === page || p.urlPath === target);
  if (!nav || !found) {
    throw pageNotFound(target);
  }
  // Streamlit clears the query parameters (but embed's) on every switch, even one inside a
  // callback, where the switch itself is a no-op.
  clearQueryParams(ctx.request.query);
  throw (ctx.signalled ??= new RerunSignal(nav.pathOf(found)));
}

/** What pages-directory mode needs: the entrypoint (the home page) and the other pages. */
export interface PagesDirectory {
  entrypoint: PageFn;
  /** pages-directory mode (Streamlit's `pages/` folder): the entrypoint is the home page */
  pages?: StreamlitPage[];
  /** title of the entrypoint in pages-directory mode */
  homeTitle?: string;
}

/**
 * The engine's script runner for an app: the entrypoint, or in pages-directory mode the page the
 * request asks for (the entrypoint being the home page).
 */
export function scriptRunner(app: PagesDirectory): ScriptRunner {
  return async (ctx) => {
    ctx.scriptId = ENTRYPOINT_SCRIPT;
    if (!app.pages || app.pages.length === 0) {
      await app.entrypoint();
      return;
    }
    const home = Page(app.entrypoint, { title: app.homeTitle ?? "Home", urlPath: "", default: true });
    const nav = choose(ctx, [{ title: null, pages: [home, ...app.pages] }], "sidebar");
    ctx.navigation = nav;
    // (the home page is a page too: its widgets are left behind on another page, as any page's)
    await runPage(nav.selected);
  };
}
