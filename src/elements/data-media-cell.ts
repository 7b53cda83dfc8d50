/**
 * AudioColumn, VideoColumn and ImageColumn cells: a small native player or image for each address
 * the page's Content-Security-Policy lets the browser fetch (media-src and img-src: the app's own
 * origin, data: and https:). Anything else is shown as the text it is, so a cell never makes a
 * request the browser would refuse and leave a broken player or image behind.
 */
import { html, type Html } from "../render/html.ts";
import { urlScheme } from "./media-source.ts";

export type MediaCellKind = "audio" | "video";

/** The address as the player's (or image's) src, or null when the page's policy would block it. */
export function cellMediaSrc(kind: MediaCellKind | "image", v: unknown): string | null {
  if (typeof v !== "string") return null;
  const src = v.trim();
  // "//host/x" and "\\host\x" are other origins reached over the page's own scheme
  if (src === "" || /^[\\/]{2}/.test(src.replace(/[\u0000-\u0020\u007f]/g, ""))) return null;
  const scheme = urlScheme(src);
  if (scheme === undefined || scheme === "https") return src;
  return scheme === "data" && new RegExp(`^data:${kind}/[a-z0-9.+-]{1,64}[;,]`, "i").test(src) ? src : null;
}

/** A player for the cell, or null when its value is no address the page may load. */
export function mediaCell(kind: MediaCellKind, v: unknown): Html | null {
  const src = cellMediaSrc(kind, v);
  if (src === null) return null;
  return kind === "audio"
    ? html`<audio class="fl-cell-audio" controls preload="metadata" src="${src}"></audio>`
    : html`<video class="fl-cell-video" controls preload="metadata" src="${src}"></video>`;
}

export const mediaCellCss = `
.fl-cell-audio{display:block;width:14rem;height:2rem}
.fl-cell-video{display:block;width:8rem;max-height:4.5rem;background:#000;border-radius:.25rem}
`;
