/**
 * An element's `icon` option: one emoji, or a Material Symbols shortcode `:material/name:`.
 * `checkIcon` refuses anything else when the element is called, with Streamlit's message;
 * `renderIcon` draws an accepted icon next to a label.
 */
import { StreamlitAPIException } from "../engine/errors.ts";
import { html, type Html } from "../render/html.ts";
import { materialIcon, materialName } from "../render/icon.ts";

const MATERIAL = /^\s*:(.+)\/(.+):\s*$/;
/** Material Symbols names are snake case; without the font's list of names this is what can be checked. */
const MATERIAL_NAME = /^[a-z0-9_]+$/;
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]/u;
const EMOJI_PARTS = /^[\p{Extended_Pictographic}\p{Emoji_Component}\p{Emoji_Modifier}\u200d\ufe0f]+$/u;

/** (made once: a Segmenter keeps nothing between texts, and making one costs more than a segmenting) */
const graphemes = new Intl.Segmenter();

/** One user-perceived character, made only of emoji code points (a flag, a keycap, a ZWJ family...). */
function isEmoji(text: string): boolean {
  if (!PICTOGRAPH.test(text) || !EMOJI_PARTS.test(text)) return false;
  // (the navigation checks every page's icon on every request: the answers are kept, a few hundred at most)
  let one = emojiChecked.get(text);
  if (one === undefined) {
    one = [...graphemes.segment(text)].length === 1;
    if (emojiChecked.size < 512) emojiChecked.set(text, one);
  }
  return one;
}
const emojiChecked = new Map<string, boolean>();

/** Streamlit shows the slash with a zero-width space before it, so its Markdown leaves the shortcode as text. */
const shown = (icon: string) => icon.replace(/\//g, "\u200b/");

function badMaterial(icon: string): StreamlitAPIException {
  return new StreamlitAPIException(`The value \`"${shown(icon)}"\` is not a valid Material icon. Please use a Material icon shortcode like **\`:material\u200b/thumb_up:\`**`);
}

/**
 * The icon in its normal form ("" for none), or Streamlit's error for a value that is neither a
 * single emoji nor a `:material/snake_case_name:` shortcode.
 */
export function checkIcon(icon: unknown): string {
  if (icon === undefined || icon === null) return "";
  const text = String(icon);
  if (text.startsWith(":material")) {
    const match = MATERIAL.exec(text);
    if (!match) throw badMaterial(text);
    const [, pack, name] = match;
    if (pack !== "material" || !MATERIAL_NAME.test(name!)) throw badMaterial(text);
    return `:material/${name}:`;
  }
  if (isEmoji(text)) return text;
  throw new StreamlitAPIException(`The value "${text}" is not a valid emoji. Shortcodes are not allowed, please use a single character instead.`);
}

/**
 * An accepted icon, hidden from screen readers (the label says what the control does). A Material
 * icon is drawn as Markdown draws one (its stand-in character, or its name on a chip).
 */
export function renderIcon(icon: string): Html {
  const name = materialName(icon);
  if (name !== null) return materialIcon(name, true);
  return html`<span class="fl-icon" aria-hidden="true">${icon}</span>`;
}
