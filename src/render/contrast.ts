/**
 * Which text colour reads on a theme colour: white, or the dark theme's near-black, whichever has
 * the higher WCAG contrast; and whether a background is light. Streamlit writes white on every primary button; an author's light
 * primary colour would then fail contrast, so formlit picks. Only hex and rgb() colours are read;
 * any other keeps white.
 */
const DARK_TEXT = "#0e1117";

/** The sRGB channels (0 to 255) of `#rgb`, `#rrggbb` (alpha ignored) or `rgb(r g b)` / `rgb(r,g,b)`. */
function channels(colour: string): number[] | null {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(colour)?.[1];
  if (hex && (hex.length === 3 || hex.length === 4)) return [...hex.slice(0, 3)].map((d) => parseInt(d + d, 16));
  if (hex && (hex.length === 6 || hex.length === 8)) return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const rgb = /^rgba?\(\s*(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)/i.exec(colour);
  return rgb ? rgb.slice(1, 4).map(Number) : null;
}

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = Math.min(255, c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * Whether a background reads as light (relative luminance above one half, as Streamlit decides a
 * custom background's scheme), or null when the colour is not one this module reads.
 */
export function isLight(colour: string): boolean | null {
  const rgb = channels(colour);
  return rgb ? luminance(rgb) > 0.5 : null;
}

/** The text colour for a background of `colour`. */
export function textOn(colour: string): string {
  const rgb = channels(colour);
  if (!rgb) return "#fff";
  const l = luminance(rgb);
  return contrast(l, 1) >= contrast(l, luminance(channels(DARK_TEXT)!)) ? "#fff" : DARK_TEXT;
}
