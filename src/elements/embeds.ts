/**
 * Documents shown in a frame: st.pdf (the browser's own PDF viewer, with a download link that is
 * also the way to the file where no viewer is) and st.iframe (a web address, or an HTML string
 * shown in a sandbox that cannot reach the app's page).
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { html } from "../render/html.ts";
import { pyRepr } from "./common.ts";
import { base64, urlScheme, type MediaData } from "./media-source.ts";
import { checkExtent, type Extent } from "./sizing.ts";

export interface PdfOptions {
  /** The viewer's height: pixels (default 500), or `"stretch"` to fill the parent's height. */
  height?: number | "stretch";
}

export interface IframeOptions {
  /** `"stretch"` (default): the container's width; `"content"`: the frame's own width (300px); or pixels. */
  width?: Extent;
  /**
   * `"content"` (default: 150 pixels, the frame cannot be measured without script); `"stretch"`:
   * the parent's height; or pixels.
   */
  height?: Extent;
  /** The frame's place in the Tab order: -1 takes it out, 0 keeps it in document order. */
  tabIndex?: number;
}

/**
 * Where a frame may load from: https, the app's own (relative) addresses, and data: URLs of the
 * given kind. Anything else (javascript:, file:, plain http) is refused with a message naming why.
 */
function frameUrl(src: string, command: string, dataKinds: RegExp): string {
  const scheme = urlScheme(src);
  if (scheme === undefined || scheme === "https") return src.trim();
  if (scheme === "data" && dataKinds.test(src.trim())) return src.trim();
  if (scheme === "http") throw new StreamlitAPIException(`${command}: "${src.trim()}" is a plain http address; the page's security policy lets frames load only https and the app's own addresses.`);
  throw new StreamlitAPIException(`${command}: "${scheme}:" addresses are refused (they could run code in the app's page or read local files); pass an https or relative address${command === "st.iframe" ? ", or HTML as a string" : ", or the PDF's bytes"}.`);
}

function checkPdfHeight(height: unknown): number | "stretch" {
  if (height === "stretch" || (typeof height === "number" && Number.isInteger(height) && height > 0)) return height;
  throw new StreamlitAPIException(`Invalid height value: ${pyRepr(height)}. Height must be either a positive integer (pixels) or 'stretch'.`);
}

/** st.pdf: bytes become a data: URL (no server memory keeps them between requests); a string is an address. */
export function pdf(c: ContainerBase, data: MediaData, opts: PdfOptions = {}) {
  const height = checkPdfHeight(opts.height ?? 500);
  let src: string;
  if (typeof data === "string") src = frameUrl(data, "st.pdf", /^data:application\/pdf[;,]/i);
  else if (data instanceof Uint8Array || data instanceof ArrayBuffer) src = `data:application/pdf;base64,${base64(data instanceof Uint8Array ? data : new Uint8Array(data))}`;
  else throw new StreamlitAPIException("st.pdf: pass a URL (a string) or the PDF's bytes (a Uint8Array).");
  const name = typeof data === "string" && !src.startsWith("data:") ? decodeURIComponent(src.split(/[?#]/)[0]!.split("/").pop() || "document.pdf") : "document.pdf";
  c._push(embedFamily.node("pdf", { src, height, name }));
}

/**
 * Streamlit reads a string starting with http(s):, data: or / as an address, anything else as
 * HTML. Schemes that run code or read files count as addresses too, so that they are refused
 * rather than shown as text ("Note: ..." stays HTML).
 */
const ADDRESS_SCHEMES = new Set(["http", "https", "data", "javascript", "vbscript", "file", "blob", "about", "filesystem"]);
const isAddress = (src: string) => /^\s*(\/|\.{1,2}\/)/.test(src) || ADDRESS_SCHEMES.has(urlScheme(src) ?? "");

/** st.iframe: an address, loaded as it is, or HTML as the frame's whole document, sandboxed. */
export function iframe(c: ContainerBase, src: string, opts: IframeOptions = {}) {
  if (typeof src !== "string") throw new StreamlitAPIException("st.iframe: pass a URL or an HTML string.");
  const width = checkExtent("width", opts.width ?? "stretch");
  const height = checkExtent("height", opts.height ?? "content");
  if (opts.tabIndex !== undefined && !(Number.isInteger(opts.tabIndex) && opts.tabIndex >= -1)) {
    throw new StreamlitAPIException(`st.iframe: tabIndex must be -1, 0 or a positive integer, not ${pyRepr(opts.tabIndex)}.`);
  }
  const common = { width, height, tabIndex: opts.tabIndex ?? null };
  if (isAddress(src)) c._push(embedFamily.node("iframe", { ...common, url: frameUrl(src, "st.iframe", /^data:/i), srcdoc: null }));
  else c._push(embedFamily.node("iframe", { ...common, url: null, srcdoc: src }));
}

interface EmbedKinds {
  pdf: { src: string; height: number | "stretch"; name: string };
  /** exactly one of url and srcdoc is set */
  iframe: { url: string | null; srcdoc: string | null; width: Extent; height: Extent; tabIndex: number | null };
}

const px = (v: Extent, content: string) => (typeof v === "number" ? `${v}px` : v === "stretch" ? "100%" : content);

// An HTML string gets scripts and forms but never allow-same-origin: its document has an opaque
// origin, so it cannot read the app's page, cookies or storage. An address keeps its own origin
// (an https site cannot reach the app across origins anyway) but may not navigate the app's tab.
const SANDBOX_HTML = "allow-scripts allow-forms allow-popups allow-modals allow-downloads";
const SANDBOX_URL = SANDBOX_HTML + " allow-same-origin";

const renderers: KindRenderers<EmbedKinds> = {
  // The link downloads the same bytes; with no viewer (a phone, PDF viewing turned off) it is the way to the file.
  pdf: (p) =>
    html`<figure class="fl-pdf" data-kind="pdf"><iframe class="fl-pdf-frame" src="${p.src}" title="PDF: ${p.name}" style="height:${p.height === "stretch" ? "100%" : `${p.height}px`}"></iframe><figcaption><a class="fl-pdf-download" href="${p.src}" download="${p.name}">Download the PDF (${p.name})</a></figcaption></figure>`,
  iframe: (p) => {
    const style = `width:${px(p.width, "300px")};height:${px(p.height, "150px")}`;
    const tab = p.tabIndex === null ? "" : html` tabindex="${String(p.tabIndex)}"`;
    return p.url !== null
      ? html`<div class="fl-iframe" data-kind="iframe"><iframe src="${p.url}" sandbox="${SANDBOX_URL}" title="Embedded page" style="${style}"${tab}></iframe></div>`
      : html`<div class="fl-iframe" data-kind="iframe"><iframe srcdoc="${p.srcdoc ?? ""}" sandbox="${SANDBOX_HTML}" title="Embedded HTML" style="${style}"${tab}></iframe></div>`;
  },
};

const embedCss = `
.fl-pdf{margin:0 0 1rem}.fl-pdf-frame{display:block;width:100%;border:1px solid var(--fl-line);border-radius:.5rem;box-sizing:border-box}
.fl-pdf figcaption{font-size:.875rem;margin-top:.25rem}
.fl-iframe{margin:0 0 1rem}.fl-iframe iframe{display:block;max-width:100%;border:0;box-sizing:border-box}
`;
export const embedFamily = defineFamily<EmbedKinds>(renderers, embedCss);
