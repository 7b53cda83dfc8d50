/**
 * Page decorations: st.logo (at the top of the sidebar) and st.balloons / st.snow (CSS animations
 * that play once, and not at all for visitors who ask for reduced motion).
 */
import type { ContainerBase } from "./base.ts";
import { API_DOCS, StreamlitAPIException } from "../engine/errors.ts";
import { mediaSrc, webUrl, type MediaData } from "./media-source.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { html } from "../render/html.ts";

export interface LogoOptions {
  /** "small", "medium" (default) or "large" */
  size?: "small" | "medium" | "large";
  /** an external http(s) address the logo links to */
  link?: string;
  /** shown instead on narrow screens (where Streamlit shows it with the sidebar collapsed) */
  iconImage?: MediaData;
  /** the MIME type of image bytes (default image/png) */
  mime?: string;
}

const invalidLogo = (field: string) =>
  new StreamlitAPIException(
    `The ${field} passed to st.logo is invalid - See [documentation](${API_DOCS}media/st.logo) for more information on valid types`,
  );

function logoSrc(image: MediaData, field: string, mime: string): string {
  try {
    return mediaSrc(image, "image", mime, "st.logo");
  } catch {
    throw invalidLogo(field);
  }
}

/** st.logo: one per page (a second call replaces the first), at the top of the sidebar. */
export function logo(c: ContainerBase, image: MediaData, opts: LogoOptions = {}) {
  const mime = opts.mime ?? "image/png";
  const src = logoSrc(image, "image", mime);
  const icon = opts.iconImage === undefined ? null : logoSrc(opts.iconImage, "icon_image", mime);
  if (opts.link && !(/^https?:\/\//i.test(opts.link) && webUrl(opts.link) !== null)) {
    throw new StreamlitAPIException(`Invalid link: ${opts.link} - the link param supports external links only and must start with either http:// or https://.`);
  }
  const size = typeof opts.size === "string" ? opts.size.toLowerCase() : opts.size;
  if (size !== undefined && size !== "small" && size !== "medium" && size !== "large") {
    throw new StreamlitAPIException(`The size argument to st.logo must be "small", "medium", or "large". \nThe argument passed was ${String(opts.size)}.`);
  }
  const sidebar = c._run("st.logo").page.sidebar;
  const at = sidebar.findIndex((n) => n.type === "logo");
  if (at >= 0) sidebar.splice(at, 1);
  sidebar.unshift(pageExtrasFamily.node("logo", { src, icon, link: opts.link ?? null, size: size ?? "medium" }));
}

/** Twelve pieces, each with its own column, delay and drift (fixed, so every page is the same). */
const PIECES = Array.from({ length: 12 }, (_, i) => html`<span style="--x:${(i * 37) % 100}%;--d:${(i * 0.23) % 1.4}s;--s:${0.8 + ((i * 7) % 5) / 10}"></span>`);

export function celebrate(c: ContainerBase, kind: "balloons" | "snow") {
  c._push(pageExtrasFamily.node("celebration", { kind }));
}

interface PageExtrasKinds {
  logo: { src: string; icon: string | null; link: string | null; size: string };
  celebration: { kind: "balloons" | "snow" };
}

const renderers: KindRenderers<PageExtrasKinds> = {
  logo: (p) => {
    const source = p.icon && html`<source media="(max-width:720px)" srcset="${p.icon}">`;
    const img = html`<picture>${source}<img class="fl-logo fl-logo-${p.size}" src="${p.src}" alt="Logo"></picture>`;
    const body = p.link ? html`<a href="${p.link}" rel="noopener noreferrer" target="_blank">${img}</a>` : img;
    return html`<div class="fl-logo-box" data-kind="logo">${body}</div>`;
  },
  celebration: (p) => html`<div class="fl-celebrate fl-${p.kind}" data-kind="${p.kind}" aria-hidden="true">${PIECES}</div>`,
};

const pageExtrasCss = `

.fl-logo-box{margin:0 0 1rem}.fl-logo{display:block;max-width:100%;width:auto}.fl-logo-small{height:1.25rem}.fl-logo-medium{height:1.5rem}.fl-logo-large{height:2rem}
.fl-celebrate{position:fixed;inset:0;pointer-events:none;overflow:hidden;z-index:5}
.fl-celebrate span{position:absolute;left:var(--x);opacity:0;animation:fl-rise 3s ease-in var(--d) 1 forwards;transform:scale(var(--s))}
.fl-balloons span{bottom:-4rem;width:2.2rem;height:2.8rem;border-radius:50%;background:hsl(calc(var(--s)*300) 80% 60%)}
.fl-balloons span::after{content:"";position:absolute;left:50%;top:100%;width:1px;height:2rem;background:currentColor}
.fl-snow span{top:-2rem;width:.8rem;height:.8rem;border-radius:50%;background:#cfe3ff;animation-name:fl-fall;animation-duration:5s;animation-timing-function:linear}
@keyframes fl-rise{0%{opacity:1;transform:translateY(0) scale(var(--s))}100%{opacity:1;transform:translateY(-120vh) scale(var(--s))}}
@keyframes fl-fall{0%{opacity:1;transform:translate(0,0)}100%{opacity:.8;transform:translate(2rem,110vh)}}
@media (prefers-reduced-motion:reduce){.fl-celebrate{display:none}}
`;
export const pageExtrasFamily = defineFamily<PageExtrasKinds>(renderers, pageExtrasCss);
