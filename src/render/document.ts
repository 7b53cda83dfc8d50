/**
 * The HTML page around a run's output: one <form> holding every control (so every submit carries
 * every pending value), the "Apply" button first in tree order (so Enter in a text field applies
 * and never clicks an st.button), the navigation, the sidebar and the main area.
 */
import type { ElementNode } from "../engine/tree.ts";
import type { Navigation } from "../navigation/page.ts";
import type { PageConfig } from "../engine/run-context.ts";
import { esc } from "../elements/common.ts";
import { renderNodes } from "./renderer.ts";
import { hasFileUploader } from "../elements/files.ts";
import { isToast } from "../elements/panels.ts";
import { EMBED_CSS, THEME_CSS } from "./theme.ts";
import { pageAnchor, unappliedNote } from "./page-anchor.ts";
import { APPLY_FIELD, COMMIT_FIELD, CSRF_FIELD, DIGESTS_FIELD, RUN_FIELD } from "../protocol/form.ts";

export interface DocumentParts {
  title: string;
  /** where the app is mounted ("" at the root) */
  base: string;
  /** "" for the app's own pages; the app's origin in embedded fragments (absolute URLs) */
  origin: string;
  /** the client script's URL */
  scriptUrl: string;
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

function renderNav(nav: Navigation, href: (path: string) => string, query: string): string {
  if (nav.position === "hidden") return "";
  const sections = nav.sections
    .map((s) => {
      const items = s.pages
        .map((p) => {
          const current = p === nav.selected;
          const icon = p.icon ? `<span aria-hidden="true">${esc(p.icon)}</span> ` : "";
          // The page shown keeps its query parameters (following it reruns it, as in Streamlit);
          // another page starts without them.
          const url = href(nav.pathOf(p)) + (current && query ? `?${query}` : "");
          return `<li>${pageAnchor({ cls: "fl-nav-link", url, inner: icon + esc(p.title), current })}</li>`;
        })
        .join("");
      const heading = s.title ? `<p class="fl-nav-section">${esc(s.title)}</p>` : "";
      return `${heading}<ul>${items}</ul>`;
    })
    .join("");
  return `<nav class="fl-nav" aria-label="Pages">${sections}</nav>`;
}

/** Streamlit's "Page not found" dialog, as a notice above the default page. */
function notFoundNotice(address: string): string {
  const text = `You have requested page ${address}, but no corresponding page was found in this app. Running the app's main page.`;
  return `<div class="fl-notice" role="status"><strong>Page not found</strong> <span>${esc(text)}</span></div>`;
}

/**
 * The main area: its elements, then what Streamlit pins to the bottom (a chat input called on the
 * main area itself), then the toasts in one polite live region (newest first, as Streamlit stacks them).
 */
function renderMain(nodes: ElementNode[]): string {
  const flow = nodes.filter((n) => !n.props.bottom && !isToast(n));
  const bottom = nodes.filter((n) => n.props.bottom === true);
  const toasts = nodes.filter(isToast).reverse();
  return (
    renderNodes(flow) +
    (bottom.length ? `<div class="fl-bottom">${renderNodes(bottom)}</div>` : "") +
    (toasts.length ? `<div class="fl-toasts" role="status" aria-live="polite">${renderNodes(toasts)}</div>` : "")
  );
}

/** The layout inside the form: the sidebar (navigation, elements) and the main area. */
function renderLayout(d: DocumentParts): string {
  const href = (path: string) => d.origin + (path ? `${d.base}/${path}` : d.base || "/");
  const nav = d.navigation ? renderNav(d.navigation, href, d.query) : "";
  const side = renderNodes(d.sidebar);
  const sidebar = nav || side ? `<aside class="fl-sidebar" aria-label="Sidebar">${nav}${side}</aside>` : "";
  const notices = (d.pageNotFound === null ? "" : notFoundNotice(d.pageNotFound)) + d.notices.map((n) => `<div class="fl-notice" role="status">${esc(n)}</div>`).join("");
  // An open dialog is modal even without JavaScript: the page behind it is inert.
  const inert = d.dialogs.length ? " inert" : "";
  return `<div class="fl-layout"${inert}>${sidebar}<main class="fl-main" id="fl-main">${notices}${renderMain(d.main)}</main></div>`;
}

/** What the form carries besides its widgets: the run it shows, the CSRF token, the widgets' digests. */
function hiddenFields(d: DocumentParts): string {
  const field = (name: string, value: string) => `<input type="hidden" name="${name}" value="${esc(value)}">`;
  return field(RUN_FIELD, String(d.run)) + field(CSRF_FIELD, d.csrf) + field(DIGESTS_FIELD, d.digests);
}

/**
 * The answer to a fragment's rerun, for the client script: the form's new hidden fields, then the
 * fragment's new output (nothing when a dialog closed), which replaces the old one in place.
 */
export function renderSwap(d: DocumentParts, node: ElementNode | null): string {
  return hiddenFields(d) + (node ? renderNodes([node]) : "");
}

/** The app itself: the one form (what the client script swaps in place). */
export function renderAppForm(d: DocumentParts): string {
  const href = (path: string) => d.origin + (path ? `${d.base}/${path}` : d.base || "/");
  // Files travel only in multipart posts: only a page with an st.fileUploader pays for them.
  const multipart = [d.main, d.sidebar, d.dialogs].some(hasFileUploader) ? ' enctype="multipart/form-data"' : "";
  const commit = d.commit
    ? `<input type="hidden" name="${COMMIT_FIELD}" value="${esc(d.commit.token)}">` + (d.commit.url ? `<img class="fl-commit" src="${esc(d.commit.url)}" alt="" width="1" height="1" hidden>` : "")
    : "";
  return (
    `<form method="post" action="${esc(href(d.path) + (d.query ? `?${d.query}` : ""))}"${multipart} id="fl" class="fl-app${d.pageConfig.layout === "wide" ? " fl-wide" : ""}" novalidate>` +
    hiddenFields(d) +
    commit +
    `<div class="fl-toolbar"><span class="fl-status" role="status"></span>${unappliedNote}<button type="submit" class="fl-apply" name="${APPLY_FIELD}" value="1">Apply</button></div>` +
    renderLayout(d) +
    renderNodes(d.dialogs) +
    `</form>`
  );
}

/**
 * The page so far while a run streams text: the same layout, not a form (nothing in it is sent)
 * and inert (nothing in it can be typed into and lost), without ids (the page that follows has
 * them). Cut at the node receiving text by the caller.
 */
export function renderPreview(d: DocumentParts): string {
  const html = `<div class="fl-app fl-live${d.pageConfig.layout === "wide" ? " fl-wide" : ""}" inert aria-busy="true"><div class="fl-toolbar"><span class="fl-status"></span></div>${renderLayout(d)}</div>`;
  // our renderers write every attribute as ` name="escaped value"`, so this removes them exactly
  return html.replace(/ (?:id|for|name|aria-describedby|aria-labelledby|aria-controls)="[^"]*"/g, "");
}

/** The document's start, up to and including <body>, for a page that streams. */
export function renderDocumentHead(d: DocumentParts): string {
  const nonce = d.nonce ? ` nonce="${esc(d.nonce)}"` : "";
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(d.title)}</title>${favicon(d.pageConfig.pageIcon)}<style${nonce}>${THEME_CSS}</style>` +
    `<script src="${esc(d.scriptUrl)}"${nonce} defer></script></head><body>`
  );
}

/** st.setPageConfig's pageIcon: an emoji (drawn in an SVG) or an image URL. */
function favicon(icon: string | undefined): string {
  if (!icon) return "";
  const href = /^(https?:|data:|\/)/.test(icon)
    ? icon
    : "data:image/svg+xml," + encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">${icon}</text></svg>`);
  return `<link rel="icon" href="${esc(href)}">`;
}

/** The whole page: the form, the theme, and the enhancement script (loaded with the CSP nonce). */
export function renderDocument(d: DocumentParts): string {
  return `${renderDocumentHead(d)}${renderAppForm(d)}</body></html>`;
}

/**
 * The app as a fragment for another page to include: styles scoped to the wrapper, and
 * absolute URLs, so that without JavaScript the form posts to the app and shows its full page.
 */
export function renderEmbed(d: DocumentParts): string {
  return `<div class="formlit-embed"><style>${EMBED_CSS}</style>${renderAppForm(d)}</div>`;
}

/** A small page for requests refused before any run (403, 400, 413). */
export function renderMessagePage(title: string, message: string, backTo = "/"): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title></head>` +
    `<body><main><h1>${esc(title)}</h1><p>${esc(message)}</p><p><a href="${esc(backTo)}">Back to the app</a></p></main></body></html>`
  );
}
