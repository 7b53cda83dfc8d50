/** Markdown through markdown-it with raw HTML off: an author's text can never inject markup. */
import MarkdownIt from "markdown-it";

const safe = new MarkdownIt({ html: false, linkify: false, typographer: false });
const trusted = new MarkdownIt({ html: true, linkify: false, typographer: false });

export function renderMarkdown(text: string, allowHtml = false): string {
  return (allowHtml ? trusted : safe).render(text);
}

export function renderMarkdownInline(text: string): string {
  return safe.renderInline(text);
}
