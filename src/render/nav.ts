/**
 * The menu of the app's pages (st.navigation), as Streamlit 1.61 draws it: in the sidebar (long
 * menus collapsed after ten pages behind "View N more" unless `expanded`), in a bar across the top
 * (each section a drop-down), or nowhere. Page titles and section labels are inline Markdown. The
 * collapsible parts are <details>, so they open without JavaScript.
 */
import type { Navigation, StreamlitPage } from "../navigation/page.ts";
import { html, type Html } from "./html.ts";
import { pageAnchor } from "./page-anchor.ts";
import { iconContent } from "./icon.ts";
import { Memo } from "./memo.ts";

/** How a menu is drawn: where its links go, and how titles and labels become HTML (inline Markdown). */
export interface NavContext {
  href: (path: string) => string;
  /** the shown page's query string, kept on its own link */
  query: string;
  label: (text: string) => Html;
  /** what `label`'s HTML depends on besides its text */
  labelVariant: () => string;
}

/** Streamlit's sidebar shows a long menu's first ten pages; "long" is more than twelve. */
const COLLAPSE_AFTER = 12;
const SHOWN_COLLAPSED = 10;

function link(nav: Navigation, p: StreamlitPage, c: NavContext): Html {
  const current = p === nav.selected;
  const icon = p.icon && html`<span aria-hidden="true">${iconContent(p.icon)}</span> `;
  // The page shown keeps its query parameters (following it reruns it, as in Streamlit);
  // another page starts without them.
  const url = c.href(nav.pathOf(p)) + (current && c.query ? `?${c.query}` : "");
  return html`<li>${pageAnchor({ cls: "fl-nav-link", url, inner: html`${icon}${c.label(p.title)}`, current })}</li>`;
}

type Section = Navigation["sections"][number];

const sectionHtml = (nav: Navigation, s: Section, c: NavContext, label: boolean): Html =>
  html`${label && s.title && html`<p class="fl-nav-section">${c.label(s.title)}</p>`}<ul>${s.pages.map((p) => link(nav, p, c))}</ul>`;

/**
 * The sidebar menu. Collapsed, the pages after the tenth go into a "View N more" disclosure, open
 * when the shown page is among them; a section cut in two keeps its label on its first part.
 */
function sidebarMenu(nav: Navigation, c: NavContext): Html {
  const total = nav.pages.length;
  if (nav.expanded || total <= COLLAPSE_AFTER) return html`${nav.sections.map((s) => sectionHtml(nav, s, c, true))}`;
  const shown: Html[] = [];
  const rest: Html[] = [];
  let count = 0;
  for (const s of nav.sections) {
    const head = s.pages.slice(0, Math.max(0, SHOWN_COLLAPSED - count));
    const tail = s.pages.slice(head.length);
    if (head.length) shown.push(sectionHtml(nav, { title: s.title, pages: head }, c, true));
    if (tail.length) rest.push(sectionHtml(nav, { title: s.title, pages: tail }, c, head.length === 0));
    count += s.pages.length;
  }
  const open = nav.pages.indexOf(nav.selected) >= SHOWN_COLLAPSED;
  return html`${shown}<details class="fl-nav-more"${open && html` open`}><summary>View ${total - SHOWN_COLLAPSED} more</summary>${rest}</details>`;
}

/** The top bar: pages without a section first, then each section as a drop-down of its pages. */
function topMenu(nav: Navigation, c: NavContext): Html {
  const items = nav.sections.map((s) =>
    s.title === null
      ? s.pages.map((p) => link(nav, p, c))
      : html`<li><details class="fl-nav-group"${s.pages.includes(nav.selected) && html` data-current`}><summary>${c.label(s.title)}</summary><ul>${s.pages.map((p) => link(nav, p, c))}</ul></details></li>`,
  );
  return html`<ul class="fl-nav-bar">${items}</ul>`;
}

/** The menu for the sidebar or the top bar ("" where it draws none: hidden, or a single page). */
export function renderNav(nav: Navigation, c: NavContext, where: "sidebar" | "top"): Html | "" {
  // (one page needs no menu: Streamlit shows none either)
  if (nav.position !== where || nav.pages.length < 2) return "";
  return drawn.get(menuKey(nav, c, where), () =>
    where === "top"
      ? html`<nav class="fl-nav fl-nav-top" aria-label="Pages">${topMenu(nav, c)}</nav>`
      : html`<nav class="fl-nav" aria-label="Pages">${sidebarMenu(nav, c)}</nav>`,
  );
}

/**
 * Menus drawn lately. A multipage app draws the same menu on every request to a page, some forty
 * templates each time (a link and its twin per page), while its pages are rebuilt by every run, so
 * only their text can tell two menus apart.
 */
const drawn = new Memo<Html>(64, 1_000_000);

/**
 * Everything a menu's HTML is made of: where it is drawn, whether it is expanded, how labels are
 * drawn, and per section its label and per page the title, icon, address and whether it is the
 * page shown.
 */
function menuKey(nav: Navigation, c: NavContext, where: string): string {
  const sections = nav.sections.map((s) => [s.title, s.pages.map((p) => [p.title, p.icon ?? null, c.href(nav.pathOf(p)), p === nav.selected])]);
  return JSON.stringify([where, nav.expanded, c.query, c.labelVariant(), sections]);
}

export const navCss = `
.fl-nav-more>summary{cursor:pointer;color:var(--fl-muted);font-size:.9rem;padding:.35rem .6rem;margin:0 0 .75rem}
.fl-nav-top{display:block;background:var(--fl-side);border-bottom:1px solid var(--fl-line);padding:.4rem 1rem}
.fl-nav-bar{display:flex;flex-wrap:wrap;gap:.25rem;align-items:center;list-style:none;margin:0;padding:0}
.fl-nav-bar>li{position:relative}
.fl-nav-top .fl-nav-link{width:auto}
.fl-nav-group>summary{cursor:pointer;padding:.35rem .6rem;border-radius:.5rem}
.fl-nav-group[data-current]>summary{font-weight:600}
.fl-nav-group>ul{position:absolute;z-index:4;left:0;top:calc(100% + .25rem);min-width:12rem;list-style:none;margin:0;padding:.35rem;background:var(--fl-bg);border:1px solid var(--fl-line);border-radius:.5rem;box-shadow:0 4px 16px rgba(0,0,0,.15)}
`;
