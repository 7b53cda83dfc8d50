/** Markdown through markdown-it with raw HTML off: an author's text can never inject markup. */
import MarkdownIt from "markdown-it";
import { Memo } from "../render/memo.ts";

const safe = new MarkdownIt({ html: false, linkify: false, typographer: false });
const trusted = new MarkdownIt({ html: true, linkify: false, typographer: false });

const rendered = new Memo<string>(500);

export function renderMarkdown(text: string, allowHtml = false): string {
  return rendered.get((allowHtml ? "h" : "s") + text, () => (allowHtml ? trusted : safe).render(text));
}

export function renderMarkdownInline(text: string): string {
  return safe.renderInline(text);
}
