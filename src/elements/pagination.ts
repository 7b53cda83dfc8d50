/**
 * st.pagination (added after 1.39): numbered page buttons between "previous" and "next" arrows,
 * returning the chosen page (1-based). Every button is a submit button of the page's form carrying
 * its page number, so a click posts the new page without JavaScript; a post another button made
 * leaves the field out, and the page stays.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { callbackOf, disabledAttr, keyOf, notesHtml, pyRepr, widgetData, widgetProps, type ChangeOptions, type WidgetProps } from "./common.ts";
import { register } from "./register.ts";
import { defineFamily } from "./family.ts";
import { html, raw } from "../render/html.ts";
import { checkExtent, type Extent } from "./sizing.ts";

export interface PaginationOptions extends ChangeOptions {
  /** the page selected at first, 1-based (default 1); between 1 and `numPages` */
  default?: number;
  /**
   * how many page buttons to show besides the arrows (default 7); the first and last pages always
   * show, with "…" for the pages left out. `null`: every page; `0`: the arrows alone
   */
  maxVisiblePages?: number | null;
  /** "content" (default: as wide as its buttons), "stretch" (the container's width), or pixels */
  width?: Extent;
  key?: string | number;
  disabled?: boolean;
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

function checkArgs(numPages: unknown, first: unknown, maxVisible: unknown): void {
  if (!isCount(numPages) || numPages < 1) throw new StreamlitAPIException(`num_pages must be >= 1, got ${pyRepr(numPages)}`);
  if (!isCount(first) || first < 1 || first > numPages) throw new StreamlitAPIException(`default must be between 1 and ${numPages}, got ${pyRepr(first)}`);
  if (maxVisible !== null && (!isCount(maxVisible) || maxVisible < 0)) throw new StreamlitAPIException(`max_visible_pages must be >= 0 or None, got ${pyRepr(maxVisible)}`);
}

/**
 * The page numbers to draw, with null where pages are left out: the first and the last always,
 * and a run around the current page as long as the target allows.
 */
export function visiblePages(current: number, count: number, max: number | null): (number | null)[] {
  if (max === 0) return [];
  if (max === null || count <= max) return Array.from({ length: count }, (_, i) => i + 1);
  const run = Math.max(1, max - 2);
  let start = Math.max(2, current - Math.floor((run - 1) / 2));
  const end = Math.min(count - 1, start + run - 1);
  start = Math.max(2, end - run + 1);
  const middle = Array.from({ length: end - start + 1 }, (_, i) => start + i);
  return [1, ...(start > 2 ? [null] : []), ...middle, ...(end < count - 1 ? [null] : []), count];
}

export function pagination(c: ContainerBase, numPages: number, opts: PaginationOptions = {}): number {
  const first = opts.default ?? 1;
  const maxVisible = opts.maxVisiblePages === undefined ? 7 : opts.maxVisiblePages;
  checkArgs(numPages, first, maxVisible);
  const width = checkExtent("width", opts.width ?? "content");
  const key = keyOf(opts.key);
  const clamp = (page: number) => Math.min(Math.max(page, 1), numPages);
  const reg = register<number>(c, {
    elementType: "pagination",
    key,
    idParams: { numPages, default: first, maxVisiblePages: maxVisible, width },
    // a keyed page count that shrinks keeps the page where it can: the last page at most
    settle: clamp,
    style: "one",
    initial: first,
    hasDefault: opts.default !== undefined,
    callback: callbackOf(opts.onChange, opts.args),
    parse([posted]) {
      const page = Number(posted);
      return /^\d+$/.test(posted ?? "") && page >= 1 && page <= numPages ? { value: page } : { error: `Page "${String(posted).slice(0, 20)}" is not between 1 and ${numPages}; the page stays as it was.` };
    },
    serialize(page) {
      if (!isCount(page)) throw new StreamlitAPIException(`st.pagination's value must be a page number (an integer), not ${pyRepr(page)}.`);
      return [String(clamp(page))];
    },
  });
  const shown = clamp(Number(reg.raw[0] ?? reg.value) || 1);
  c._push(paginationFamily.node("pagination", { ...widgetProps(reg, "Pagination", key, { disabled: opts.disabled }), current: shown, count: numPages, pages: visiblePages(shown, numPages, maxVisible), width }));
  return clamp(reg.value);
}

type PaginationProps = WidgetProps & { current: number; count: number; pages: (number | null)[]; width: Extent };

function pageButton(p: PaginationProps, page: number) {
  const current = page === p.current;
  return html`<button type="submit" class="fl-page${current ? " fl-page-current" : ""}" name="${p.id}" value="${page}"${current && html` aria-current="page"`}${disabledAttr(p)}><span class="fl-sr-only">Page </span>${page}</button>`;
}

function arrow(p: PaginationProps, page: number, text: string, glyph: string) {
  const off = p.disabled || page < 1 || page > p.count;
  return html`<button type="submit" class="fl-page fl-page-arrow" name="${p.id}" value="${page}"${off && html` disabled`}><span aria-hidden="true">${glyph}</span><span class="fl-sr-only">${text}</span></button>`;
}

const widthStyle = (w: Extent) => (w === "stretch" ? raw(' style="width:100%"') : typeof w === "number" ? raw(` style="width:${w}px;max-width:100%"`) : "");

function renderPagination(p: PaginationProps) {
  const items = p.pages.map((page) => (page === null ? html`<span class="fl-page-gap" aria-hidden="true">…</span>` : pageButton(p, page)));
  return html`<div class="fl-widget fl-pagination"${widgetData("pagination", p)}><nav class="fl-pages" aria-label="Pagination, page ${p.current} of ${p.count}"${widthStyle(p.width)}>${arrow(p, p.current - 1, "Previous page", "‹")}${items}${arrow(p, p.current + 1, "Next page", "›")}</nav>${notesHtml(p)}</div>`;
}

/** Round, borderless page buttons as Streamlit draws them; the current page is filled with the primary colour. */
const paginationCss =
  `.fl-pages{display:inline-flex;flex-wrap:wrap;align-items:center;justify-content:center;gap:.25rem;max-width:100%}` +
  `.fl-page{min-width:2.25rem;height:2.25rem;padding:0 .5rem;border:0;border-radius:999px;background:transparent;color:var(--fl-fg);font:inherit;cursor:pointer}` +
  `.fl-page:hover:not(:disabled){background:var(--fl-side)}.fl-page:focus-visible{outline:2px solid var(--fl-focus);outline-offset:1px}` +
  `.fl-page-current{background:var(--fl-accent-strong);color:#fff}.fl-page-current:hover:not(:disabled){background:var(--fl-accent-strong)}` +
  `.fl-page:disabled{cursor:not-allowed;opacity:.45}.fl-page-current:disabled{opacity:.7}.fl-page-arrow{font-size:1.25rem;line-height:1}.fl-page-gap{padding:0 .25rem}`;

export const paginationFamily = defineFamily<{ pagination: PaginationProps }>({ pagination: renderPagination }, paginationCss);
