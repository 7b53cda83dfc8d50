/** Markdown through markdown-it with raw HTML off: an author's text can never inject markup. */
import MarkdownIt from "markdown-it";
import { Memo } from "../render/memo.ts";
import { raw, type Html } from "../render/html.ts";

const safe = new MarkdownIt({ html: false, linkify: false, typographer: false });
const trusted = new MarkdownIt({ html: true, linkify: false, typographer: false });

const rendered = new Memo<string>(500);

// markdown-it's output is HTML: it escapes the text itself (and passes raw HTML only when allowed)
export function renderMarkdown(text: string, allowHtml = false): Html {
  return raw(rendered.get((allowHtml ? "h" : "s") + text, () => (allowHtml ? trusted : safe).render(text)));
}

export function renderMarkdownInline(text: string): Html {
  return raw(safe.renderInline(text));
}
