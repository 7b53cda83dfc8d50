/**
 * Streamlit's `:material/name:` icons without an icon font. The page may fetch nothing from
 * elsewhere (its CSP forbids it) and a Material Symbols font weighs hundreds of kilobytes, so an
 * icon is drawn with a character every browser has where one says the same thing (a house for
 * `home`, a gear for `settings`), and otherwise as its name in words on a small chip. The name
 * never shows as `:material/...:` syntax.
 */
import { html, type Html } from "./html.ts";

/** An icon name as Streamlit writes it: snake case (letters, digits, underscores). */
const MATERIAL = /^:material\/([a-z0-9_]+):$/;

/**
 * Characters that stand for the most used Material Symbols. Everything is text (no emoji that a
 * system may draw at another size): the icon keeps the colour and the size of the text around it.
 */
const STAND_INS: Readonly<Record<string, string>> = {
  add: "+",
  arrow_back: "←",
  arrow_downward: "↓",
  arrow_forward: "→",
  arrow_upward: "↑",
  check: "✓",
  check_circle: "✓",
  close: "✕",
  delete: "🗑\uFE0E",
  done: "✓",
  download: "⤓",
  edit: "✎",
  error: "⚠\uFE0E",
  favorite: "♥\uFE0E",
  home: "⌂",
  info: "ⓘ",
  mail: "✉\uFE0E",
  menu: "☰",
  refresh: "↻",
  remove: "−",
  search: "⌕",
  settings: "⚙\uFE0E",
  star: "★",
  upload: "⤒",
  warning: "⚠\uFE0E",
};

/** The icon name inside `:material/name:`, or null for anything else. */
export function materialName(text: string): string | null {
  return MATERIAL.exec(text)?.[1] ?? null;
}

/** The character drawn for a Material icon, if it has one. */
export function standIn(name: string): string | undefined {
  return STAND_INS[name];
}

/**
 * A Material icon by name. In running text it is an image named after the icon (as Streamlit names
 * it, "home icon"); beside a label that already says what it is, pass `decorative` and it is hidden
 * from assistive technology.
 */
export function materialIcon(name: string, decorative = false): Html {
  const words = name.replace(/_/g, " ");
  const standIn = STAND_INS[name];
  const a11y = decorative ? html` aria-hidden="true"` : html` role="img" aria-label="${words} icon"`;
  const cls = standIn === undefined ? "fl-icon fl-icon-named" : "fl-icon";
  return html`<span class="${cls}" data-icon="${name}" translate="no"${a11y}>${standIn ?? words}</span>`;
}

/**
 * What an element's `icon` option (an emoji, or `:material/name:`) shows, inside the element's own
 * hidden wrapper: decorative, as the label beside it says what it is.
 */
export function iconContent(icon: string): Html | string {
  const name = materialName(icon);
  return name === null ? icon : materialIcon(name, true);
}

export const iconCss = `
.fl-icon{display:inline-block;user-select:none;white-space:nowrap;line-height:1;font-style:normal;font-weight:400}
.fl-icon-named{font-size:.7em;padding:.15em .4em;border-radius:.4em;border:1px solid currentColor;vertical-align:.15em}
`;
