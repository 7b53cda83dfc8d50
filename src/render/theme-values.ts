/**
 * The theme option's values checked once, when the app is created: each becomes the CSS text it
 * stands for, or is left out with a warning (Streamlit ignores an invalid colour too). A theme
 * that is not an object, or whose `light`, `dark` or `sidebar` is not one, is an error: that is a
 * mistake in the app's code, not a value to skip. Nothing an author writes reaches the stylesheet
 * unless it matched a pattern that admits no `;`, braces, `<` or quotes out of place.
 */
import type { ThemeOptions } from "./theme-options.ts";
import { CSS_COLOUR_NAMES } from "./colour-names.ts";

/** One part of the theme as CSS values (colours, font lists, sizes; flags stay booleans). */
export type CheckedValues = Record<string, string | boolean | string[]>;

export interface CheckedPart {
  values: CheckedValues;
  sidebar: CheckedValues;
}

export interface CheckedTheme {
  /** the keys of `[theme]`, for both schemes */
  both: CheckedPart;
  light: CheckedPart | null;
  dark: CheckedPart | null;
  /** the keys only `[theme]` itself may hold */
  root: CheckedValues;
  base: "light" | "dark";
  warnings: string[];
}

const PALETTE = ["red", "orange", "yellow", "green", "blue", "violet", "gray"];

const COLOUR_KEYS = new Set([
  "primaryColor", "backgroundColor", "secondaryBackgroundColor", "textColor", "linkColor", "codeTextColor",
  "codeBackgroundColor", "borderColor", "dataframeBorderColor", "dataframeHeaderBackgroundColor",
  ...PALETTE.flatMap((c) => [`${c}Color`, `${c}BackgroundColor`, `${c}TextColor`]),
]);
const FONT_KEYS = new Set(["font", "headingFont", "codeFont"]);
const FLAG_KEYS = new Set(["linkUnderline", "showWidgetBorder"]);
const RADIUS_KEYS = new Set(["baseRadius", "buttonRadius"]);
const OTHER_SECTION_KEYS = new Set(["codeFontSize", "codeFontWeight", "headingFontSizes", "headingFontWeights"]);
/** keys Streamlit allows in `[theme]` only, not per scheme or in the sidebar */
const ROOT_KEYS = new Set(["base", "baseFontSize", "baseFontWeight", "showSidebarBorder", "chartCategoricalColors"]);
/** Streamlit keys formlit does not offer, and why */
const NOT_OFFERED: Record<string, string> = {
  fontFaces: "no font file can load under the page's Content-Security-Policy; name fonts installed on the visitor's device in `font`",
  chartSequentialColors: "formlit's charts draw no sequential colour scales from the theme",
  chartDivergingColors: "formlit's charts draw no diverging colour scales from the theme",
};

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const COLOUR_FUNCTION = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([-+0-9.%\s,/a-z]*\)$/i;

/** A CSS colour as Streamlit accepts it (hex with or without `#`, a colour function, a name), or null. */
export function cssColour(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const v = value.trim();
  if (HEX.test(v) || COLOUR_FUNCTION.test(v)) return v;
  if (HEX.test(`#${v}`)) return `#${v}`;
  return CSS_COLOUR_NAMES.has(v.toLowerCase()) ? v.toLowerCase() : null;
}

const FAMILY = /^(?:"[A-Za-z0-9 _.-]+"|'[A-Za-z0-9 _.-]+'|[A-Za-z0-9 _.-]+)$/;
const FONT_URL = /^([^:]+):\s*https?:\/\//;

/**
 * A font list as CSS font-family text: Streamlit's `"sans serif"` spelling read as `sans-serif`,
 * names with spaces quoted, a `"Name:url"` entry reduced to its name (no font file can load).
 */
function fontList(value: unknown, warn: (why: string) => void): string | null {
  if (typeof value !== "string" || !value.trim()) return null;
  const families: string[] = [];
  for (const entry of value.split(",")) {
    let name = entry.trim();
    const url = FONT_URL.exec(name);
    if (url) {
      warn(`loads no font file (the page's Content-Security-Policy allows none): "${url[1]!.trim()}" is used as an installed font's name`);
      name = url[1]!.trim();
    }
    if (name === "sans serif") name = "sans-serif";
    if (!FAMILY.test(name)) return null;
    families.push(/^["']/.test(name) || !name.includes(" ") ? name : `"${name}"`);
  }
  return families.join(",");
}

const LENGTH = /^(?:0|\d+(?:\.\d+)?(?:px|rem))$/;

/** A size in px or rem (a bare number is pixels). */
function size(value: unknown): string | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? `${value}px` : null;
  return typeof value === "string" && LENGTH.test(value.trim()) ? value.trim() : null;
}

/** Streamlit's named radii ("full" is 1rem, as its theming guide shows), or a size. */
const RADII: Record<string, string> = { none: "0", small: ".25rem", medium: ".5rem", large: ".75rem", full: "1rem" };
const radius = (value: unknown): string | null => (typeof value === "string" && RADII[value] !== undefined ? RADII[value]! : size(value));

/** A font weight: an integer multiple of 100 within the range Streamlit allows. */
const weight = (value: unknown, max: number): string | null =>
  typeof value === "number" && Number.isInteger(value) && value % 100 === 0 && value >= 100 && value <= max ? String(value) : null;

/** One value or a list, for h1 to h6 (at most six; Streamlit fills the rest with its defaults). */
function perHeading(value: unknown, one: (v: unknown) => string | null): string[] | null {
  if (!Array.isArray(value)) {
    const v = one(value);
    return v === null ? null : Array(6).fill(v);
  }
  const all = value.slice(0, 6).map(one);
  return all.length > 0 && all.every((v) => v !== null) ? (all as string[]) : null;
}

/** A value of a key the main area, the sidebar and each scheme may set, or null when invalid. */
function sectionValue(key: string, value: unknown, warn: (why: string) => void): string | boolean | string[] | null {
  if (COLOUR_KEYS.has(key)) return cssColour(value);
  if (FONT_KEYS.has(key)) return fontList(value, warn);
  if (FLAG_KEYS.has(key)) return typeof value === "boolean" ? value : null;
  if (RADIUS_KEYS.has(key)) return radius(value);
  if (key === "codeFontSize") return size(value);
  if (key === "codeFontWeight") return weight(value, 600);
  if (key === "headingFontSizes") return perHeading(value, size);
  return perHeading(value, (v) => weight(v, 900));
}

const isSectionKey = (key: string) => COLOUR_KEYS.has(key) || FONT_KEYS.has(key) || FLAG_KEYS.has(key) || RADIUS_KEYS.has(key) || OTHER_SECTION_KEYS.has(key);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function objectAt(path: string, value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw new TypeError(`formlit: createApp's ${path} must be an object of Streamlit's theme keys in camelCase (got ${JSON.stringify(value)}).`);
  return value;
}

/** The keys of one table (`theme`, `theme.light`, `theme.dark.sidebar`...) that it may hold. */
function checkTable(path: string, table: Record<string, unknown>, warnings: string[], nested: Set<string>): CheckedValues {
  const out: CheckedValues = {};
  for (const [key, value] of Object.entries(table)) {
    if (value === undefined || nested.has(key)) continue;
    const where = `${path}.${key}`;
    const warn = (why: string) => warnings.push(`${where} ${why}.`);
    if (NOT_OFFERED[key]) warn(`is not offered: ${NOT_OFFERED[key]}; ignored`);
    else if (ROOT_KEYS.has(key)) {
      if (path !== "theme") warn(`can be set in [theme] only, as in Streamlit; ignored`);
    } else if (!isSectionKey(key)) warn(`is not one of Streamlit's theme options; ignored`);
    else {
      const checked = sectionValue(key, value, warn);
      if (checked === null) warn(`is not a valid value (${JSON.stringify(value)}); ignored, as Streamlit ignores it`);
      else out[key] = checked;
    }
  }
  return out;
}

function checkPart(path: string, part: Record<string, unknown>, warnings: string[]): CheckedPart {
  const nested = new Set(["sidebar", "light", "dark"]);
  return {
    values: checkTable(path, part, warnings, nested),
    sidebar: checkTable(`${path}.sidebar`, objectAt(`${path}.sidebar`, part.sidebar), warnings, nested),
  };
}

/** The keys only `[theme]` holds: the root font size and weight, the sidebar's line, chart colours. */
function checkRoot(theme: Record<string, unknown>, warnings: string[]): CheckedValues {
  const out: CheckedValues = {};
  const invalid = (key: string) => warnings.push(`theme.${key} is not a valid value (${JSON.stringify(theme[key])}); ignored, as Streamlit ignores it.`);
  const { baseFontSize, baseFontWeight, showSidebarBorder, chartCategoricalColors } = theme;
  if (baseFontSize !== undefined) {
    if (typeof baseFontSize === "number" && Number.isInteger(baseFontSize) && baseFontSize > 0) out.baseFontSize = `${baseFontSize}px`;
    else invalid("baseFontSize");
  }
  if (baseFontWeight !== undefined) {
    const w = weight(baseFontWeight, 600);
    if (w === null) invalid("baseFontWeight");
    else out.baseFontWeight = w;
  }
  if (showSidebarBorder !== undefined) {
    if (typeof showSidebarBorder === "boolean") out.showSidebarBorder = showSidebarBorder;
    else invalid("showSidebarBorder");
  }
  if (chartCategoricalColors !== undefined) {
    const given: unknown[] = Array.isArray(chartCategoricalColors) ? chartCategoricalColors : [];
    const colours = given.map(cssColour).filter((c): c is string => c !== null);
    if (colours.length === 0) invalid("chartCategoricalColors");
    else if (colours.length < given.length) warnings.push(`theme.chartCategoricalColors skips what is not a colour, as Streamlit does.`);
    else out.chartCategoricalColors = colours;
  }
  return out;
}

/** createApp's `theme`, checked: throws on a misshapen theme, collects warnings for bad values. */
export function checkTheme(theme: ThemeOptions | undefined): CheckedTheme {
  const root = objectAt("theme", theme);
  const warnings: string[] = [];
  if (root.base !== undefined && root.base !== "light" && root.base !== "dark") {
    warnings.push(`theme.base is not "light" or "dark" (${JSON.stringify(root.base)}); formlit offers no theme files, so the light theme is used.`);
  }
  const part = (key: "light" | "dark") => (root[key] === undefined ? null : checkPart(`theme.${key}`, objectAt(`theme.${key}`, root[key]), warnings));
  const light = part("light");
  const dark = part("dark");
  if ((light || dark) && root.base !== undefined) warnings.push(`theme.base is not used with theme.light or theme.dark: the visitor's colour scheme chooses.`);
  return {
    both: checkPart("theme", root, warnings),
    light,
    dark,
    root: checkRoot(root, warnings),
    base: root.base === "dark" ? "dark" : "light",
    warnings,
  };
}
