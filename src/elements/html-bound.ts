/**
 * What st.html's sanitiser is given: its parser takes time that grows with the square of a tag's
 * attributes (a 20,000-character tag of bare attributes took seconds), and st.html often shows
 * text that visitors wrote. So, in one linear pass first, a tag with more attributes than any
 * real markup needs is written out as text instead of parsed.
 */

/** More attributes than this in one tag: the tag is shown as text. */
export const MAX_ATTRIBUTES = 64;

/** How many attributes a tag's inside (between its name and `>`) has, counted once past `limit`. */
function attributeCount(html: string, from: number, to: number, limit: number): number {
  let count = 0;
  let quote = "";
  let gap = true;
  for (let i = from; i < to && count <= limit; i++) {
    const ch = html[i]!;
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f" || ch === "/") gap = true;
    else if (gap && ch !== "=") {
      count++;
      gap = false;
    } else if (ch === "=") gap = false;
  }
  return count;
}

/** `html` with every tag of more than MAX_ATTRIBUTES attributes escaped (its `<` as `&lt;`). */
export function boundTags(html: string): string {
  let out = "";
  let last = 0;
  for (let open = html.indexOf("<"); open >= 0; open = html.indexOf("<", open + 1)) {
    const close = html.indexOf(">", open);
    const end = close < 0 ? html.length : close;
    if (attributeCount(html, open + 1, end, MAX_ATTRIBUTES) > MAX_ATTRIBUTES) {
      out += html.slice(last, open) + "&lt;";
      last = open + 1;
    }
    if (close < 0) break;
    open = close;
  }
  return last === 0 ? html : out + html.slice(last);
}
