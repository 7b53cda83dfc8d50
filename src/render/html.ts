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
 * Hono's `html` template, written out for what formlit renders: a page of many widgets runs it a
 * few times per widget, and Hono's general form (a buffer array, an array per value, a Promise
 * and callback path) cost more than the text it joins. Same output: strings escaped, numbers as
 * text, false/null/undefined as nothing, HTML as it is, lists in order (nested ones too). A value
 * only Hono's form handles (a Promise, HTML with callbacks) goes to it, and nothing rendered here
 * is asynchronous, so the answer is the HTML itself (the type says so once, here).
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) {
    const text = partText(values[i]);
    if (text === null) return (honoHtml as (s: TemplateStringsArray, ...v: Part[]) => Html)(strings, ...values);
    out += text + strings[i + 1]!;
  }
  return raw(out);
}

/** A template value as HTML, as Hono's template writes it; null for what only Hono's handles. */
function partText(v: unknown): string | null {
  if (typeof v === "string") return esc(v);
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean" || v === null || v === undefined) return "";
  if (Array.isArray(v)) {
    let out = "";
    for (const x of v) {
      const text = partText(x);
      if (text === null) return null;
      out += text;
    }
    return out;
  }
  if (v instanceof Promise) return null;
  if (typeof v === "object" && (v as Html).isEscaped) return (v as Html).callbacks ? null : String(v);
  return esc((v as { toString(): string }).toString());
}

export { raw };

const SPECIAL = /[&<>'"]/;

/** Up to this length a text is scanned by a loop: most are class names, ids, labels and numbers, where a regular expression's start costs more than the scan. */
const SHORT = 64;

function hasSpecial(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 38 || c === 60 || c === 62 || c === 34 || c === 39) return true; // & < > " '
  }
  return false;
}

/** HTML-escapes text (as Hono's escaper does), for the few places that build a string outside a template. */
export function esc(text: unknown): string {
  const s = typeof text === "string" ? text : String(text);
  if (s.length <= SHORT ? !hasSpecial(s) : !SPECIAL.test(s)) return s;
  const buffer: [string] = [""];
  escapeToBuffer(s, buffer);
  return buffer[0];
}
