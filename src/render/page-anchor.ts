/**
 * A link to one of the app's own pages (a navigation entry, st.pageLink). It is a real link: it
 * opens in a new tab, can be copied, and is announced as a link; following it runs that page from
 * the session as it stands.
 *
 * A link cannot carry what was typed and not applied yet. Without JavaScript each link therefore
 * has a twin, a submit button to the same address that applies the form first; CSS shows the twin
 * in the link's place while the form holds changes the person made (`:user-valid`) or a text field
 * has focus (typing: its change is only known on blur, which would come too late, mid-click); a
 * note beside Apply says that changes are pending once one is known. With the client script the twin stays hidden: the script follows
 * the link itself, and submits the form to the link's address when something is pending.
 */
import { html, type Html } from "./html.ts";

/** The note beside Apply that the twins refer to. */
export const UNAPPLIED_ID = "fl-unapplied";

export interface PageAnchor {
  /** the element family's class (fl-nav-link, fl-page-link) */
  cls: string;
  url: string;
  /** the icon and label */
  inner: Html;
  current: boolean;
  /** id of a help text that describes the link */
  describedBy?: string;
}

export function pageAnchor(a: PageAnchor): Html {
  const current = a.current && html` aria-current="page"`;
  const help = a.describedBy && html` aria-describedby="${a.describedBy}"`;
  const twinHelp = a.describedBy ? `${a.describedBy} ${UNAPPLIED_ID}` : UNAPPLIED_ID;
  return html`<a class="${a.cls} fl-to" href="${a.url}"${current}${help}>${a.inner}</a><button type="submit" class="${a.cls} fl-go" formaction="${a.url}"${current} aria-describedby="${twinHelp}">${a.inner}</button>`;
}

/** The note beside Apply (shown with the twins). */
export const unappliedNote = html`<span class="fl-unapplied" id="${UNAPPLIED_ID}">Your changes are not applied yet: press Apply, or choose a page to apply them and go there.</span>`;

/**
 * Without the client script: the form holds a change the person made (shown by the note). A tab
 * chosen is not one: it only shows another panel (its radio is the tabs' own, not a widget).
 */
const CHANGED = "form.fl-app:not(.fl-js *):is(:has(:user-valid:not(.fl-tab-radio)),:has(:user-invalid))";

/**
 * ... or may be about to (a text field has focus, a twin has focus): the twins stand in for the
 * links. One alternative per `:has()`, so a browser that lacks one of these selectors drops only
 * that one (`:is()` forgives).
 */
const PENDING =
  "form.fl-app:not(.fl-js *):is(:has(:user-valid:not(.fl-tab-radio)),:has(:user-invalid),:has(textarea:focus),:has(input:focus:not([type=checkbox],[type=radio],[type=range],[type=file])),:has(.fl-go:focus))";

export const pageAnchorCss =
  `.fl-app .fl-go,.fl-unapplied{display:none}` +
  `${PENDING} .fl-to{display:none}${PENDING} .fl-go.fl-nav-link{display:block}${PENDING} .fl-go.fl-page-link{display:flex}` +
  `${CHANGED} .fl-unapplied{display:inline;color:var(--fl-warn);font-size:.85rem}` +
  `${CHANGED} .fl-apply{background:var(--fl-accent-strong);border-color:var(--fl-accent-strong);color:var(--fl-accent-on,#fff)}`;
