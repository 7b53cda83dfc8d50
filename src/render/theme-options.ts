/**
 * createApp's `theme` option: Streamlit's `[theme]` table of config.toml, its keys in camelCase,
 * with `light`, `dark` and `sidebar` for the `[theme.light]`, `[theme.dark]` and `[theme.sidebar]`
 * tables. The types only: what each value may be is checked in theme-values.ts.
 */

/** The seven colours of Streamlit's basic palette (Markdown `:red[...]`, badges, alerts). */
export type PaletteColour = "red" | "orange" | "yellow" | "green" | "blue" | "violet" | "gray";

/**
 * The palette's keys: `redColor`, `redBackgroundColor`, `redTextColor`, and so on for each
 * {@link PaletteColour}. `<colour>Color` alone derives the other two, as Streamlit does: the
 * background is the colour at 10% opacity (20% in a dark theme), the text the colour darkened by
 * 15% (lightened in a dark theme), here with CSS `color-mix()`.
 */
export type PaletteKeys = {
  [K in `${PaletteColour}Color` | `${PaletteColour}BackgroundColor` | `${PaletteColour}TextColor`]?: string;
};

/**
 * What may be set for the main area and, in {@link ThemeSection.sidebar}, for the sidebar alone;
 * in the whole theme or in its `light` or `dark` part. Colours are CSS colours (`"#ff4b4b"`,
 * `"rgb(255 75 75)"`, `"slateBlue"`; `"ff4b4b"` without `#` too, as Streamlit accepts). A value
 * that is not valid is left out with a warning when the app is created, as Streamlit ignores it.
 */
export interface ThemeColors extends PaletteKeys {
  /** the accent colour: primary buttons, checked boxes and sliders, hovered buttons, `:primary[...]` */
  primaryColor?: string;
  /** the page's background */
  backgroundColor?: string;
  /** the background of the sidebar, input widgets, code blocks and table headers */
  secondaryBackgroundColor?: string;
  /** the colour of almost all text (captions and help are this colour, faded toward the background) */
  textColor?: string;
  /** the colour of links (setting it colours every link, visited or not, as Streamlit does) */
  linkColor?: string;
  /** whether links are underlined */
  linkUnderline?: boolean;
  /** the text colour of code blocks and inline code */
  codeTextColor?: string;
  /** the background of code blocks and inline code */
  codeBackgroundColor?: string;
  /**
   * The font of all text but code, as a CSS font-family list: `"sans-serif"`, `"serif"`,
   * `"monospace"`, or font names installed on the visitor's device, comma-separated for fallbacks
   * (`"Georgia, serif"`). No font file is fetched: the page's Content-Security-Policy allows no
   * font source, so Streamlit's `"Name:https://..."` form uses the name only (with a warning) and
   * `fontFaces` is not offered.
   */
  font?: string;
  /** the font of headings, like {@link font} (default: `font`) */
  headingFont?: string;
  /** the font of code, like {@link font} */
  codeFont?: string;
  /** the size of code in code blocks and `st.json`: pixels (a number, or `"14px"`) or rem (`"0.875rem"`) */
  codeFontSize?: number | string;
  /** the weight of code: a multiple of 100 from 100 to 600 */
  codeFontWeight?: number;
  /**
   * The sizes of h1 to h6 (px or rem): one value for all six, or a list from h1 (fewer than six
   * leave the others at their default). The main area's sizes are not the sidebar's.
   */
  headingFontSizes?: string | number | Array<string | number>;
  /** the weights of h1 to h6 (multiples of 100 from 100 to 900): one for all, or a list from h1 */
  headingFontWeights?: number | number[];
  /**
   * The roundness of most elements' corners (inputs, buttons, code, tables, alerts, containers):
   * `"none"`, `"small"`, `"medium"`, `"large"`, `"full"` (1rem), or a size in px or rem.
   */
  baseRadius?: string | number;
  /** the roundness of buttons' corners, like {@link baseRadius} (default: `baseRadius`) */
  buttonRadius?: string | number;
  /** the colour of borders around elements, inputs, the sidebar, tables */
  borderColor?: string;
  /** the colour of borders in dataframes and tables (default: `borderColor`) */
  dataframeBorderColor?: string;
  /** the background of dataframes' and tables' headers */
  dataframeHeaderBackgroundColor?: string;
  /** `false` hides the border of unfocused inputs (formlit shows it by default) */
  showWidgetBorder?: boolean;
}

/** One scheme's part of the theme (`[theme.light]`, `[theme.dark]`), with its sidebar. */
export interface ThemeSection extends ThemeColors {
  /** the sidebar's own values (`[theme.sidebar]`): what is not set here is the main area's */
  sidebar?: ThemeColors;
}

/**
 * The app's theme (Streamlit's `[theme]`, keys in camelCase). With `light` and/or `dark`, the
 * visitor's `prefers-color-scheme` chooses between formlit's light and dark themes, each with the
 * keys set here and then those of its own part. Without them, the theme is one theme for every
 * visitor, built on `base` (light unless `"dark"`), as Streamlit shows a lone custom theme.
 *
 * @example
 * ```ts
 * createApp({
 *   entrypoint,
 *   theme: {
 *     baseRadius: "small",
 *     light: { primaryColor: "#1d4ed8", backgroundColor: "#ffffff" },
 *     dark: { primaryColor: "#93c5fd", backgroundColor: "#0b1120" },
 *   },
 * });
 * ```
 */
export interface ThemeOptions extends ThemeSection {
  /**
   * The built-in theme a theme without `light` and `dark` starts from: `"light"` (default) or
   * `"dark"`; that scheme is then shown whatever the visitor's preference, and `st.context.theme`
   * says so. A `backgroundColor` in hex or `rgb()` decides instead (a dark background is the dark
   * scheme), as Streamlit picks its secondary colours by the background. (Streamlit's theme files
   * and URLs are not offered.)
   */
  base?: "light" | "dark";
  /** the root font size in pixels (a positive integer; default 16): every rem size scales with it */
  baseFontSize?: number;
  /** the weight of text: a multiple of 100 from 100 to 600 (default 400) */
  baseFontWeight?: number;
  /** whether a line separates the sidebar from the main area */
  showSidebarBorder?: boolean;
  /**
   * The colours of chart series, in order (repeated when there are more series than colours; the
   * first ten are used). Each is a CSS colour; invalid ones are skipped, as Streamlit does.
   */
  chartCategoricalColors?: string[];
  /** the light scheme's values (`[theme.light]`), over the ones above */
  light?: ThemeSection;
  /** the dark scheme's values (`[theme.dark]`), over the ones above */
  dark?: ThemeSection;
}
