/**
 * The HTML page around a run's output: one <form> holding every control (so every submit carries
 * every pending value), the "Apply" button first in tree order (so Enter in a text field applies
 * and never clicks an st.button), the navigation, the sidebar and the main area.
 */
import type { ElementNode } from "../engine/tree.ts";
import type { Navigation } from "../navigation/page.ts";
import type { PageConfig } from "../engine/run-context.ts";
import { esc, html, raw, type Html } from "./html.ts";
import type { ElementSet } from "./types.ts";
import { unappliedNote } from "./page-anchor.ts";
import { renderNav } from "./nav.ts";
import { materialName, standIn } from "./icon.ts";
import { APPLY_FIELD, COMMIT_FIELD, CSRF_FIELD, DIGESTS_FIELD, RUN_FIELD } from "../protocol/form.ts";

export interface DocumentParts {
  /** what draws the nodes (the registry of element families) */
  elements: ElementSet;
  title: string;
  /** where the app is mounted ("" at the root) */
  base: string;
  /** "" for the app's own pages; the app's origin in embedded fragments (absolute URLs) */
  origin: string;
  /** the client script's URL */
  scriptUrl: string;
  /** the page stylesheet's URL */
  styleUrl: string;
  /** the stylesheet scoped to an embedded app's wrapper */
  embedStyle: string;
  /** the query string the page's URL carries after the run ("" for none) */
  query: string;
  pageConfig: PageConfig;
  /** URL path the form posts to: the page that was shown ("" = default page) */
  path: string;
  run: number;
  csrf: string;
  /** what the form's widgets hold (see engine/submission.ts) */
  digests: string;
  main: ElementNode[];
  sidebar: ElementNode[];
  /** open st.dialog boxes */
  dialogs: ElementNode[];
  navigation: Navigation | null;
  /** short messages above the page (fresh session, page not found) */
  notices: string[];
  /** the address asked for when it matched no page (the default page is shown instead) */
  pageNotFound: string | null;
  nonce?: string;
  /**
   * A streamed page that has ended: the token that commits its state (a hidden field the next post
   * carries, and the URL of a tiny request that commits it at once when it is short enough)
   */
  commit?: { token: string; url: string | null };
}

/** Streamlit's "Page not found" dialog, as a notice above the default page. */
function notFoundNotice(address: string): Html {
  const text = `You have requested page ${address}, but no corresponding page was found in this app. Running the app's main page.`;
  return html`<div class="fl-notice" role="status"><strong>Page not found</strong> <span>${text}</span></div>`;
}

/**
 * The main area around its flow of elements: what Streamlit pins to the bottom (a chat input called
 * on the main area itself), then the toasts in one polite live region (newest first, as Streamlit
 * stacks them). The flow's elements are drawn one by one, each its own piece.
 */
function mainArea(elements: ElementSet, nodes: ElementNode[]): { flow: Html[]; after: Html } {
  const flow = nodes.filter((n) => elements.placeOf(n) === "flow").map((node) => elements.render([node]));
  const bottom = nodes.filter((n) => elements.placeOf(n) === "bottom");
  const toasts = nodes.filter((n) => elements.placeOf(n) === "toast").reverse();
  const after = html`${bottom.length > 0 && html`<div class="fl-bottom">${elements.render(bottom)}</div>`}${
    toasts.length > 0 && html`<div class="fl-toasts" role="status" aria-live="polite">${elements.render(toasts)}</div>`
  }`;
  return { flow, after };
}

/** The address of one of the app's pages ("" is the default page). */
const pageHref = (d: DocumentParts, path: string) => d.origin + (path ? `${d.base}/${path}` : d.base || "/");

/**
 * A page cut into pieces: what comes before the main area's flow, each element of that flow, and
 * what comes after. A page of many elements is then never one long string, which is costly to make
 * (a runtime copies a long rope of small strings into one before encoding it); whoever sends the
 * page encodes the pieces a few at a time.
 */
interface Cut {
  before: Html;
  flow: Html[];
  after: Html;
}

/** The layout inside the form: the sidebar (navigation, elements) and the main area. */
function layoutCut(d: DocumentParts): Cut {
  const menu = { href: (path: string) => pageHref(d, path), query: d.query, label: d.elements.label, labelVariant: d.elements.labelVariant };
  const nav = d.navigation ? renderNav(d.navigation, menu, "sidebar") : "";
  const top = d.navigation ? renderNav(d.navigation, menu, "top") : "";
  const side = d.elements.render(d.sidebar);
  const sidebar = (nav || side.length > 0) && html`<aside class="fl-sidebar" aria-label="Sidebar">${nav}${side}</aside>`;
  const notices = html`${d.pageNotFound !== null && notFoundNotice(d.pageNotFound)}${d.notices.map((n) => html`<div class="fl-notice" role="status">${n}</div>`)}`;
  const main = mainArea(d.elements, d.main);
  return {
    // An open dialog is modal even without JavaScript: the page behind it is inert.
    before: html`${top}<div class="fl-layout"${d.dialogs.length > 0 && html` inert`}>${sidebar}<main class="fl-main" id="fl-main">${notices}`,
    flow: main.flow,
    after: html`${main.after}</main></div>`,
  };
}

/** The pieces of a cut, with text added before and after it. */
function piecesOf(cut: Cut, before: string, after: string): string[] {
  return [before + cut.before, ...cut.flow.map(String), cut.after + after];
}

/** What the form carries besides its widgets: the run it shows, the CSRF token, the widgets' digests. */
function hiddenFields(d: DocumentParts): Html {
  return html`<input type="hidden" name="${RUN_FIELD}" value="${d.run}"><input type="hidden" name="${CSRF_FIELD}" value="${d.csrf}"><input type="hidden" name="${DIGESTS_FIELD}" value="${d.digests}">`;
}

/**
 * The answer to a fragment's rerun, for the client script: the form's new hidden fields, then the
 * fragment's new output (nothing when a dialog closed), which replaces the old one in place.
 */
export function renderSwap(d: DocumentParts, node: ElementNode | null): string {
  return html`${hiddenFields(d)}${node && d.elements.render([node])}`.toString();
}

/** The app itself: the one form (what the client script swaps in place), around its layout. */
function appFormCut(d: DocumentParts): Cut {
  // Files travel only in multipart posts: only a page with an st.fileUploader pays for them.
  const multipart = [d.main, d.sidebar, d.dialogs].some(d.elements.needsMultipart) && html` enctype="multipart/form-data"`;
  const commit =
    d.commit &&
    html`<input type="hidden" name="${COMMIT_FIELD}" value="${d.commit.token}">${d.commit.url && html`<img class="fl-commit" src="${d.commit.url}" alt="" width="1" height="1" hidden>`}`;
  const layout = layoutCut(d);
  return {
    before: html`<form method="post" action="${pageHref(d, d.path) + (d.query ? `?${d.query}` : "")}"${multipart} id="fl" class="fl-app${d.pageConfig.layout === "wide" ? " fl-wide" : ""}" data-base="${d.origin}${d.base}/" novalidate>${hiddenFields(d)}${commit}<div class="fl-toolbar"><span class="fl-status" role="status"></span>${unappliedNote}<button type="submit" class="fl-apply" name="${APPLY_FIELD}" value="1">Apply</button></div>${layout.before}`,
    flow: layout.flow,
    after: html`${layout.after}${d.elements.render(d.dialogs)}</form>`,
  };
}

/** The app itself, in pieces: the one form (what the client script swaps in place). */
export function renderAppForm(d: DocumentParts): string[] {
  return piecesOf(appFormCut(d), "", "");
}

/**
 * The page so far while a run streams text: the same layout, not a form (nothing in it is sent)
 * and inert (nothing in it can be typed into and lost), without ids (the page that follows has
 * them). Cut at the node receiving text by the caller.
 */
export function renderPreview(d: DocumentParts): string {
  const layout = layoutCut(d);
  const page = html`<div class="fl-app fl-live${d.pageConfig.layout === "wide" ? " fl-wide" : ""}" inert aria-busy="true"><div class="fl-toolbar"><span class="fl-status"></span></div>${layout.before}${layout.flow}${layout.after}</div>`;
  // our templates write every attribute as ` name="escaped value"`, so this removes them exactly
  return page.replace(/ (?:id|for|name|aria-describedby|aria-labelledby|aria-controls)="[^"]*"/g, "");
}

/** The document's start, up to and including <body>, for a page that streams. */
export function renderDocumentHead(d: DocumentParts): string {
  const nonce = d.nonce && html` nonce="${d.nonce}"`;
  // the theme is formlit's own CSS (the families' and the base theme's), no author's text
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${d.title}</title>${favicon(d.pageConfig.pageIcon)}<link rel="stylesheet" href="${d.styleUrl}"><script src="${d.scriptUrl}"${nonce} defer></script></head><body>`.toString();
}

/**
 * st.setPageConfig's pageIcon: an emoji (drawn in an SVG) or an image URL. A `:material/name:` icon
 * is drawn as the character that stands for it, and is left out when none does.
 */
function favicon(pageIcon: string | undefined): Html | "" {
  const name = pageIcon && materialName(pageIcon);
  const icon = name ? standIn(name) : pageIcon;
  if (!icon) return "";
  const href = /^(https?:|data:|\/)/.test(icon)
    ? icon
    : "data:image/svg+xml," + encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">${esc(icon)}</text></svg>`);
  return html`<link rel="icon" href="${href}">`;
}

/** The whole page, in pieces: the form, the theme, and the enhancement script (loaded with the CSP nonce). */
export function renderDocument(d: DocumentParts): string[] {
  return piecesOf(appFormCut(d), renderDocumentHead(d), "</body></html>");
}

/**
 * The app as a fragment for another page to include: styles scoped to the wrapper, and
 * absolute URLs, so that without JavaScript the form posts to the app and shows its full page.
 */
export function renderEmbed(d: DocumentParts): string[] {
  return piecesOf(appFormCut(d), html`<div class="formlit-embed"><style>${raw(d.embedStyle)}</style>`.toString(), "</div>");
}

/** A small page for requests refused before any run (403, 400, 413). */
export function renderMessagePage(title: string, message: string, backTo = "/"): string {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${message}</p><p><a href="${backTo}">Back to the app</a></p></main></body></html>`.toString();
}

/**
 * A page that moves on to `to` by itself, without JavaScript (a meta refresh), with a link for
 * the person to follow if it does not. Sign-in needs it: a form's answer that redirects to another
 * site is stopped by the page's `form-action 'self'`, a navigation from this page is not.
 */
export function renderMovingOnPage(title: string, message: string, to: string): string {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${to}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${message}</p><p><a href="${to}">Continue</a></p></main></body></html>`.toString();
}
