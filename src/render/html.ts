/**
 * Writing HTML safely: Hono's `html` template escapes every value put in it, unless the value is
 * already HTML (made by `html` itself, or marked with `raw`). A `raw(` in the code is therefore an
 * explicit, greppable place where text goes into the page unescaped.
 */
import { html as honoHtml, raw } from "hono/html";
import { escapeToBuffer, type HtmlEscapedString } from "hono/utils/html";

/** Text that is HTML already (escaped where it had to be). */
export type Html = HtmlEscapedString;

/** What a template may hold: text and numbers (escaped), HTML, lists of them; false, null and undefined write nothing. */
type Part = string | number | boolean | null | undefined | Html | readonly Part[];

/**
 * Hono's `html` template. It answers a Promise only when given one; nothing rendered here is
 * asynchronous, so its answer is the HTML itself (the type says so once, here).
 */
export const html = honoHtml as (strings: TemplateStringsArray, ...values: Part[]) => Html;

export { raw };

/** HTML-escapes text (Hono's escaper), for the few places that build a string outside a template. */
export function esc(text: unknown): string {
  const buffer: [string] = [""];
  escapeToBuffer(String(text), buffer);
  return buffer[0];
}
