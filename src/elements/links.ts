/**
 * Link button and page link. Neither is a widget (they have no value), except a link button with
 * `onClick` ("rerun" or a callback), which is a button too.
 *
 * st.linkButton is an `<a>` styled as a button that opens in a new tab; its URL must be http(s),
 * mailto or relative, so an app cannot be made to render a `javascript:` link. With `onClick` it
 * is a submit button: its press reruns the app and the link opens in a new tab (the client script
 * opens it; without JavaScript the form posts into a new tab, which the server sends on to the
 * link once the press has run, see http/open-link.ts).
 *
 * st.pageLink to one of the app's pages is a link as the navigation entries are (render/page-anchor.ts:
 * with a twin that applies pending values first). An external http(s) URL is a plain link that
 * opens in a new tab, as in Streamlit.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { navigationOf, pageNotFound, type StreamlitPage } from "../navigation/page.ts";
import { digest } from "../engine/widget-id.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { pageAnchor } from "../render/page-anchor.ts";
import { iconContent } from "../render/icon.ts";
import { html, type Html } from "../render/html.ts";
import { PRESS, buttonClass, buttonContent, checkButtonType, type ButtonType } from "./buttons.ts";
import { checkIcon } from "./icon.ts";
import { sized, type WidthOption } from "./sizing.ts";
import { callbackOf, domId, helpTip, keyOf } from "./common.ts";
import { register } from "./register.ts";
import { buttonInForm } from "../engine/errors.ts";

export interface LinkButtonOptions extends WidthOption {
  help?: string;
  /** "primary", "secondary" (the default) or "tertiary" (plain text) */
  type?: ButtonType;
  /** an emoji or a `:material/name:` shortcode, shown before the label */
  icon?: string;
  disabled?: boolean;
  useContainerWidth?: boolean;
  /**
   * what a click does besides opening the link: `"ignore"` (the default: nothing, the link is a
   * plain link), `"rerun"` (the app reruns, and `st.linkButton` returns true for that run), or a
   * function called (with `args`) before that rerun
   */
  onClick?: "ignore" | "rerun" | ((...args: any[]) => unknown);
  args?: unknown[];
  /** with `onClick`, the button's key: `st.sessionState[key]` is true in the run its click caused (read-only) */
  key?: string | number;
}
export interface PageLinkOptions {
  label?: string;
  icon?: string;
  help?: string;
  disabled?: boolean;
  useContainerWidth?: boolean;
}

/**
 * The URL if a link may point there: http(s), mailto, or relative (no scheme). Parsed the way a
 * browser parses an href (tabs and newlines dropped, leading spaces trimmed), so "java\tscript:"
 * is seen as the javascript: URL it is.
 */
export function safeLinkUrl(url: string): string | null {
  if (typeof url !== "string") return null;
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed, "https://relative.invalid/");
  } catch {
    return null;
  }
  return ["http:", "https:", "mailto:"].includes(parsed.protocol) ? trimmed : null;
}

/** An id for a link's help text, stable for the same label and target. */
const linkId = (label: string, target: string) => "fl-link-" + digest(label + "\u0001" + target);

const NEW_TAB = html`<span class="fl-sr-only"> (opens in a new tab)</span>`;

export function linkButton(c: ContainerBase, label: string, url: string, opts: LinkButtonOptions = {}): boolean {
  const safe = safeLinkUrl(url);
  if (safe === null) {
    throw new StreamlitAPIException(
      `st.link_button cannot link to ${JSON.stringify(String(url).slice(0, 100))}: use an http://, https:// or mailto: URL, or a relative one.`,
    );
  }
  const type = checkButtonType("st.link_button", opts.type);
  const icon = checkIcon(opts.icon);
  const props: LinkProps = { label, url: safe, help: opts.help, type, icon, disabled: opts.disabled ?? false, wide: opts.useContainerWidth ?? false };
  const onClick = opts.onClick ?? "ignore";
  if (onClick === "ignore") {
    c._push(sized(linkFamily.node("link_button", props), opts));
    return false;
  }
  if (onClick !== "rerun" && typeof onClick !== "function") {
    throw new StreamlitAPIException(`The on_click argument to st.link_button must be "ignore", "rerun", or a callable, not ${JSON.stringify(String(onClick))}.`);
  }
  if (c._formId() !== null) throw buttonInForm();
  const key = keyOf(opts.key);
  const reg = register<boolean>(c, {
    elementType: "link_button",
    key,
    idParams: { label, url: safe, icon: opts.icon, help: opts.help, type: opts.type, use_container_width: opts.useContainerWidth },
    style: "trigger",
    ...PRESS,
    callback: typeof onClick === "function" ? callbackOf(onClick, opts.args) : null,
  });
  c._push(sized(linkFamily.node("link_button", { ...props, id: reg.id, opens: safe }), opts));
  return reg.value;
}

export function pageLink(c: ContainerBase, page: StreamlitPage | string, opts: PageLinkOptions = {}): void {
  const base = { help: opts.help, disabled: opts.disabled ?? false, wide: opts.useContainerWidth ?? false };
  if (typeof page === "string" && /^https?:\/\//i.test(page.trim())) {
    if (!opts.label) throw new StreamlitAPIException("The label param is required for external links used with st.page_link - please provide a label.");
    const safe = safeLinkUrl(page);
    if (safe === null) throw new StreamlitAPIException(`st.page_link cannot link to ${JSON.stringify(page.slice(0, 100))}.`);
    c._push(linkFamily.node("page_link", { ...base, label: opts.label, icon: opts.icon, url: safe, external: true, current: false }));
    return;
  }
  const ctx = c._run("st.pageLink");
  const nav = navigationOf(ctx.navigation);
  const target = typeof page === "string" ? page.trim().replace(/^\/+|\/+$/g, "") : page.urlPath;
  const pages = nav?.pages ?? [];
  const found =
    pages.find((p) => p === page) ??
    pages.find((p) => p.urlPath === target) ??
    (target === "" ? pages.find((p) => nav!.pathOf(p) === "") : undefined);
  if (!nav || !found) {
    throw pageNotFound(target);
  }
  const path = nav.pathOf(found);
  const root = ctx.request.base;
  c._push(
    linkFamily.node("page_link", {
      ...base,
      label: opts.label ?? found.title,
      icon: opts.icon ?? found.icon,
      url: path ? `${root}/${path}` : root || "/",
      external: false,
      current: found === nav.selected,
      // the page shown keeps its query parameters, as the run leaves them (read when rendering)
      query: found === nav.selected ? ctx.request.query : undefined,
    }),
  );
}

interface LinkProps {
  label: string;
  url: string;
  help?: string;
  type?: ButtonType;
  disabled: boolean;
  wide: boolean;
  icon?: string;
  external?: boolean;
  current?: boolean;
  query?: URLSearchParams;
  /** a link button with `onClick`: its widget id, and the address its press opens */
  id?: string;
  opens?: string;
}

/** The help beside a link ("?" and its tooltip), the attribute that ties it to the link, and its id. */
function helpParts(p: LinkProps): [attr: Html | "", html: Html | "", id: string | undefined] {
  if (!p.help) return ["", "", undefined];
  const id = linkId(p.label, p.url) + "-help";
  return [html` aria-describedby="${id}"`, helpTip(id, p.help), id];
}

/** A link that opens another site in a new tab (and says so), or a disabled one. */
function outboundLink(p: LinkProps, cls: string, described: Html | "", inner: Html | string): Html {
  return p.disabled
    ? html`<a class="${cls}" role="link" aria-disabled="true"${described}>${inner}</a>`
    : html`<a class="${cls}" href="${p.url}" target="_blank" rel="noopener noreferrer"${described}>${inner}${NEW_TAB}</a>`;
}

const renderers: KindRenderers<{ link_button: LinkProps; page_link: LinkProps }> = {
  link_button: (p) => {
    const cls = buttonClass(p.type ?? "secondary", p.wide, " fl-link-button");
    const [described, help] = helpParts(p);
    const inner = buttonContent(p.icon ?? "", p.label);
    const control =
      p.id === undefined
        ? outboundLink(p, cls, described, inner)
        : html`<button type="submit" class="${cls}" id="${domId(p.id)}" name="${p.id}" value="1" formtarget="_blank" data-open="${p.url}"${described}${p.disabled && html` disabled`}>${inner}${NEW_TAB}</button>`;
    return html`<div class="fl-link_button" data-kind="link_button">${control}${help}</div>`;
  },
  page_link: (p) => {
    const icon = p.icon && html`<span class="fl-page-link-icon" aria-hidden="true">${iconContent(p.icon)}</span> `;
    const cls = `fl-page-link${p.wide ? " fl-page-link-wide" : ""}`;
    const [described, help, helpId] = helpParts(p);
    const inner = html`${icon}${p.label}`;
    let control: Html;
    if (p.disabled || p.external) control = outboundLink(p, cls, described, inner);
    else {
      const query = p.query?.toString();
      control = pageAnchor({ cls, url: p.url + (query ? `?${query}` : ""), inner, current: p.current ?? false, describedBy: helpId });
    }
    return html`<div class="fl-page_link" data-kind="page_link">${control}${help}</div>`;
  },
};

/** This family's CSS, appended to the theme (use the theme's --fl-* colour variables). */
const linksCss =

  `.fl-link_button,.fl-page_link{margin:0 0 1rem;display:flex;align-items:center;gap:.25rem}` +
  `.fl-page-link{display:flex;align-items:center;gap:.4rem;width:fit-content;font:inherit;color:inherit;text-decoration:none;background:none;border:0;border-radius:.5rem;padding:.3rem .6rem;cursor:pointer}` +
  `.fl-page-link:hover{background:var(--fl-side);color:var(--fl-accent-text)}.fl-page-link[aria-current=page]{background:var(--fl-side);font-weight:600}` +
  `.fl-page-link[aria-disabled=true]{opacity:.55;cursor:not-allowed}.fl-page-link-wide{width:100%}`;
export const linkFamily = defineFamily<{ link_button: LinkProps; page_link: LinkProps }>(renderers, linksCss);
