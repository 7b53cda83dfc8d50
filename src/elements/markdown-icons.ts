/**
 * Streamlit's `:material/name:` icons in Markdown: an icon in running text, named for assistive
 * technology (render/icon.ts draws it). A name that is not snake case stays text as written.
 */
import type { MarkdownIt, StateInline } from "markdown-it";
import { materialIcon } from "../render/icon.ts";

const ICON = /:material\/([a-z0-9_]+):/y;

function iconRule(state: StateInline, silent: boolean): boolean {
  ICON.lastIndex = state.pos;
  const match = ICON.exec(state.src);
  if (!match || state.pos + match[0].length > state.posMax) return false;
  if (!silent) state.push("fl_icon", "", 0).content = match[1]!;
  state.pos += match[0].length;
  return true;
}

export function markdownIcons(md: MarkdownIt): void {
  md.inline.ruler.before("link", "fl_icon", iconRule);
  md.renderer.rules.fl_icon = (tokens, idx) => String(materialIcon(tokens[idx]!.content));
}
