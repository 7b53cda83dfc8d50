/**
 * Markdown through markdown-it with raw HTML off: an author's text can never inject markup. With
 * Streamlit's extras: coloured text, `:material/name:` icons, `:name:` emoji shortcodes (GitHub's
 * set, as Streamlit's) and (once `formlit/latex` is enabled) `$...$` LaTeX.
 */
import MarkdownIt from "markdown-it";
import { full as emoji } from "markdown-it-emoji";
import { Memo } from "../render/memo.ts";
import { raw, type Html } from "../render/html.ts";
import { markdownColours, markdownColoursCss } from "./markdown-colours.ts";
import { markdownIcons } from "./markdown-icons.ts";
import { markdownMath } from "./markdown-math.ts";
import { hasTexConverter } from "./tex.ts";

// (emoticons such as ":)" stay as typed, as in Streamlit: only `:name:` codes become emoji)
const withExtras = (md: InstanceType<typeof MarkdownIt>) => md.use(markdownColours).use(markdownIcons).use(emoji, { shortcuts: {} }).use(markdownMath);

const safe = withExtras(new MarkdownIt({ html: false, linkify: false, typographer: false }));
const trusted = withExtras(new MarkdownIt({ html: true, linkify: false, typographer: false }));

const rendered = new Memo<string>(500);

// markdown-it's output is HTML: it escapes the text itself (and passes raw HTML only when allowed).
// The same text renders otherwise once LaTeX is enabled, hence the converter's presence in the key.
export function renderMarkdown(text: string, allowHtml = false): Html {
  const key = (allowHtml ? "h" : "s") + (hasTexConverter() ? "t" : "-") + text;
  return raw(rendered.get(key, () => (allowHtml ? trusted : safe).render(text)));
}

/**
 * Words of letters and digits with single or repeated spaces between them: no Markdown syntax, no
 * character HTML escapes, nothing at either end for Markdown to trim. Such a text (most labels)
 * renders as itself.
 */
export const isPlainInline = (text: string) => /^[\p{L}\p{N}](?:[\p{L}\p{N} ]*[\p{L}\p{N}])?$/u.test(text);

/**
 * Inline Markdown (labels, the nav's page titles on every page, captions, alerts), kept as
 * `renderMarkdown` is. Plain words skip the renderer and the memo: a page of a thousand distinct
 * labels would otherwise pay the parser a thousand times and push everything else out of the memo.
 */
export function renderMarkdownInline(text: string): Html {
  if (isPlainInline(text)) return raw(text);
  return raw(rendered.get("i" + inlineVariant() + text, () => safe.renderInline(text)));
}

/** What inline Markdown's HTML depends on besides its text: whether TeX can be drawn ("t") or not ("-"). */
export const inlineVariant = (): string => (hasTexConverter() ? "t" : "-");

export const markdownCss = markdownColoursCss + ".fl-math{overflow-x:auto;margin:0 0 1rem}.fl-math math{font-size:1.15rem}";
