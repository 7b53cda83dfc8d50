/**
 * st.toast: a message in a corner of the page, in one polite live region with the others, faded
 * out by CSS. A long one shows its start and a "view more" / "view less" switch; each has a Close
 * control. Both are a checkbox and its label, so they work without JavaScript and post nothing
 * (they have no name).
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import type { ElementNode } from "../engine/tree.ts";
import { renderMarkdown } from "./markdown.ts";
import { iconContent } from "../render/icon.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { html } from "../render/html.ts";

/** Streamlit shows this many characters of a toast before "view more". */
const SHOWN_CHARS = 104;

export interface ToastOptions {
  /** an emoji or a `:material/name:` icon shown before the message */
  icon?: string;
}

interface ToastProps {
  body: string;
  /** the start shown while collapsed; null when the whole message is short enough */
  short: string | null;
  icon: string | null;
  /** this toast's controls' DOM ids start with it */
  id: string;
}

/** Toasts gather in one live region of the page, wherever they were called. */
export function toast(c: ContainerBase, body: string, opts: ToastOptions = {}): void {
  if (String(body ?? "") === "") throw new StreamlitAPIException("Toast body cannot be blank - please provide a message.");
  const text = String(body);
  const short = shortened(text);
  const id = `fl-toast-${crypto.randomUUID().slice(0, 8)}`;
  c._run("st.toast").page.main.push(toastFamily.node("toast", { body: text, short: short === text ? null : short, icon: opts.icon ?? null, id }));
}

/**
 * The start of a long message, as Streamlit cuts it: the first SHOWN_CHARS characters and the rest
 * of the word they end in, or, when that word runs long, up to the last whole word before the limit.
 */
export function shortened(text: string): string {
  if (text.length <= SHOWN_CHARS) return text;
  let start = new RegExp(`^(.{${SHOWN_CHARS}}\\S*)`).exec(text)?.[1] ?? text;
  if (start.length > SHOWN_CHARS) start = start.slice(0, SHOWN_CHARS).split(" ").slice(0, -1).join(" ");
  return start.trim();
}


const renderers: KindRenderers<{ toast: ToastProps }> = {
  toast: (p) => {
    const icon = p.icon && html`<span class="fl-toast-icon" aria-hidden="true">${iconContent(p.icon)}</span>`;
    const body = p.short
      ? html`<input type="checkbox" class="fl-toast-more fl-sr-only" id="${p.id}-more" role="button"><div class="fl-toast-short">${renderMarkdown(p.short)}</div><div class="fl-toast-full">${renderMarkdown(p.body)}</div><label class="fl-toast-view" for="${p.id}-more"><span class="fl-toast-view-more">view more</span><span class="fl-toast-view-less">view less</span></label>`
      : renderMarkdown(p.body);
    return html`<input type="checkbox" class="fl-toast-x fl-sr-only" id="${p.id}-x" role="button" aria-label="Close"><div class="fl-toast" data-kind="toast">${icon}<div class="fl-toast-body">${body}</div><label class="fl-toast-close" for="${p.id}-x" title="Close" aria-hidden="true">✕</label></div>`;
  },
};

/** Toast nodes are drawn together in one live region (see the document). */
export const isToast = (n: ElementNode) => n.type === "toast";

const toastCss = `
.fl-toasts{position:fixed;right:1rem;bottom:1rem;z-index:4;display:flex;flex-direction:column;gap:.5rem;max-width:min(22rem,90vw)}
.fl-toast{display:flex;gap:.5rem;align-items:flex-start;padding:.75rem 1rem;background:var(--fl-side);color:var(--fl-fg);border:1px solid var(--fl-line);border-radius:.5rem;box-shadow:0 4px 16px rgba(0,0,0,.15);animation:fl-toast-out .4s ease-in 8s forwards}
.fl-toast:hover,.fl-toast:focus-within,.fl-toast-x:focus-visible+.fl-toast{animation-play-state:paused}
.fl-toast-body{flex:1;min-width:0}.fl-toast-body>:last-child,.fl-toast-short>:last-child,.fl-toast-full>:last-child{margin-bottom:0}
.fl-toast-x:checked,.fl-toast-x:checked+.fl-toast,.fl-toast-full,.fl-toast-more:checked~.fl-toast-short,.fl-toast-view-less,.fl-toast-more:checked~label .fl-toast-view-more{display:none}
.fl-toast-more:checked~.fl-toast-full,.fl-toast-more:checked~label .fl-toast-view-less{display:block}
.fl-toast-view{display:inline-block;margin-top:.25rem;cursor:pointer;text-decoration:underline;font-size:.9rem;color:var(--fl-accent-text)}
.fl-toast-close{cursor:pointer;line-height:1;padding:0 .1rem;color:var(--fl-muted)}
.fl-toast-x:focus-visible+.fl-toast .fl-toast-close,.fl-toast-more:focus-visible~.fl-toast-view{outline:2px solid var(--fl-accent);outline-offset:2px}
@keyframes fl-toast-out{to{opacity:0;visibility:hidden}}
@media (prefers-reduced-motion:reduce){.fl-toast{animation:none}}
`;
export const toastFamily = defineFamily<{ toast: ToastProps }>(renderers, toastCss);
