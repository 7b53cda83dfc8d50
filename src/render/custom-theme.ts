/**
 * An app's own theme as CSS, appended to formlit's stylesheet: the checked values (theme-values.ts)
 * set the theme's --fl-* variables and a few rules, for the main area (`:root`) and the sidebar
 * (`.fl-sidebar`), under the colour scheme they belong to. Later in the stylesheet, with the same
 * or a higher specificity, each wins over formlit's default.
 */
import { checkTheme, type CheckedPart, type CheckedTheme, type CheckedValues } from "./theme-values.ts";
import type { ThemeOptions } from "./theme-options.ts";
import { embedCss, forceScheme } from "./theme.ts";
import { isLight, textOn } from "./contrast.ts";

type Scheme = "light" | "dark";

/** The alerts' colour variables each palette colour sets (st.success is green, and so on). */
const ALERTS: Record<string, string> = { green: "ok", blue: "info", yellow: "warn", red: "err" };
const PALETTE = ["red", "orange", "yellow", "green", "blue", "violet", "gray"];

/** The variables a plain colour key sets. */
const COLOUR_VARIABLES: Record<string, string[]> = {
  primaryColor: ["--fl-accent", "--fl-accent-strong", "--fl-accent-text"],
  secondaryBackgroundColor: ["--fl-side", "--fl-input"],
  textColor: ["--fl-fg"],
  borderColor: ["--fl-line"],
  linkColor: ["--fl-link"],
};

/**
 * A palette colour's text and background: set, or derived from `<colour>Color` as Streamlit
 * derives them (darker text and 10% background in light; lighter text and 20% in dark).
 */
function paletteOf(v: CheckedValues, colour: string, scheme: Scheme): { text?: string; background?: string } {
  const base = v[`${colour}Color`] as string | undefined;
  const text = (v[`${colour}TextColor`] as string | undefined) ?? (base && `color-mix(in srgb,${base} 85%,${scheme === "dark" ? "white" : "black"})`);
  const background = (v[`${colour}BackgroundColor`] as string | undefined) ?? (base && `color-mix(in srgb,${base} ${scheme === "dark" ? 20 : 10}%,transparent)`);
  return { text, background };
}

/** The variables a part sets on its scope (`:root` or `.fl-sidebar`). */
function variables(v: CheckedValues, sidebar: boolean, scheme: Scheme): string[] {
  const out: string[] = [];
  for (const [key, names] of Object.entries(COLOUR_VARIABLES)) {
    if (typeof v[key] === "string") for (const name of names) out.push(`${name}:${v[key]}`);
  }
  if (typeof v.primaryColor === "string") out.push(`--fl-accent-on:${textOn(v.primaryColor)}`);
  if (typeof v.backgroundColor === "string") out.push(`--fl-bg:${v.backgroundColor}`, ...(sidebar ? [`--fl-sidebar-bg:${v.backgroundColor}`] : []));
  // captions and help follow the text and background chosen, faded as Streamlit fades its own
  if (v.textColor || v.backgroundColor) out.push("--fl-muted:color-mix(in srgb,var(--fl-fg) 72%,var(--fl-bg))");
  if (typeof v.baseRadius === "string") out.push(`--fl-radius:${v.baseRadius}`);
  if (typeof v.buttonRadius === "string") out.push(`--fl-button-radius:${v.buttonRadius}`);
  for (const [colour, alert] of Object.entries(ALERTS)) {
    const { text, background } = paletteOf(v, colour, scheme);
    if (text) out.push(`--fl-${alert}:${text}`);
    if (background) out.push(`--fl-${alert}-bg:${background}`);
  }
  return out;
}

/** `selectors` inside the sidebar when the part is the sidebar's. */
const within = (sidebar: boolean, selectors: string[]) => selectors.map((s) => (sidebar ? `.fl-sidebar ${s}` : s)).join(",");

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];
const CODE = ["code", "pre", ".fl-code", ".fl-json", ".fl-text"];

/** The rules a part adds beyond variables: fonts, heading sizes, palette, links, borders. */
function rules(v: CheckedValues, sidebar: boolean, scheme: Scheme): string[] {
  const out: string[] = [];
  const rule = (selectors: string[], body: string) => out.push(`${within(sidebar, selectors)}{${body}}`);
  if (typeof v.font === "string") out.push(`${sidebar ? ".fl-sidebar" : "body"}{font-family:${v.font}}`);
  if (typeof v.headingFont === "string") rule(HEADINGS, `font-family:${v.headingFont}`);
  if (typeof v.codeFont === "string") rule(CODE, `font-family:${v.codeFont}`);
  if (typeof v.codeTextColor === "string") rule(CODE, `color:${v.codeTextColor}`);
  if (typeof v.codeBackgroundColor === "string") rule([".fl-code", ".fl-json", ":not(pre)>code"], `background:${v.codeBackgroundColor}`);
  if (typeof v.codeFontSize === "string") rule([".fl-code", ".fl-json"], `font-size:${v.codeFontSize}`);
  if (typeof v.codeFontWeight === "string") rule(CODE, `font-weight:${v.codeFontWeight}`);
  // the main area's heading sizes and weights are not the sidebar's (as in Streamlit)
  const heading = (i: number) => (sidebar ? [HEADINGS[i]!] : [`${HEADINGS[i]}:not(.fl-sidebar *)`]);
  if (Array.isArray(v.headingFontSizes)) v.headingFontSizes.forEach((s, i) => rule(heading(i), `font-size:${s}`));
  if (Array.isArray(v.headingFontWeights)) v.headingFontWeights.forEach((w, i) => rule(heading(i), `font-weight:${w}`));
  for (const colour of PALETTE) {
    const { text, background } = paletteOf(v, colour, scheme);
    if (text || background) rule([`.fl-c-${colour}`], [text && `--fl-c:${text}`, background && `--fl-cb:${background}`].filter(Boolean).join(";"));
  }
  if (typeof v.linkColor === "string") rule(["a"], "color:var(--fl-link)");
  if (typeof v.linkUnderline === "boolean") rule(["a"], `text-decoration:${v.linkUnderline ? "underline" : "none"}`);
  if (typeof v.dataframeBorderColor === "string") rule([".fl-table-scroll", ".fl-table"], `--fl-line:${v.dataframeBorderColor}`);
  if (typeof v.dataframeHeaderBackgroundColor === "string") rule([".fl-table thead th", ".fl-table th.fl-index"], `background:${v.dataframeHeaderBackgroundColor}`);
  if (typeof v.showWidgetBorder === "boolean") rule([".fl-input"], `border-color:${v.showWidgetBorder ? "var(--fl-line)" : "transparent"}`);
  return out;
}

/** A part (main area and sidebar) of one scheme as CSS. */
function partCss(part: CheckedPart, scheme: Scheme): string {
  const scope = (values: CheckedValues, sidebar: boolean) => {
    const vars = variables(values, sidebar, scheme);
    return (vars.length ? `${sidebar ? ".fl-sidebar" : ":root"}{${vars.join(";")}}` : "") + rules(values, sidebar, scheme).join("");
  };
  return scope(part.values, false) + scope(part.sidebar, true);
}

/** `[theme]`'s keys under a scheme's own ones (and the sidebar's likewise). */
const merged = (both: CheckedPart, own: CheckedPart | null): CheckedPart => ({
  values: { ...both.values, ...own?.values },
  sidebar: { ...both.sidebar, ...own?.sidebar },
});

/** The keys only `[theme]` holds, for both schemes. */
function rootCss(root: CheckedValues): string {
  const out: string[] = [];
  if (typeof root.baseFontSize === "string") out.push(`html{font-size:${root.baseFontSize}}`);
  if (typeof root.baseFontWeight === "string") out.push(`body{font-weight:${root.baseFontWeight}}`);
  if (root.showSidebarBorder === false) out.push(".fl-sidebar{border-right:0;border-bottom:0}");
  if (root.showSidebarBorder === true) out.push(".fl-sidebar{border-right:1px solid var(--fl-line)}");
  const colours = root.chartCategoricalColors;
  if (Array.isArray(colours)) out.push(`.fl-chart{${Array.from({ length: 10 }, (_, i) => `--fl-chart-${i}:${colours[i % colours.length]}`).join(";")}}`);
  return out.join("");
}

/**
 * The CSS a theme adds, and the scheme it imposes: with `light` or `dark`, each scheme's part
 * under its prefers-color-scheme query (none imposed); otherwise one theme for everyone.
 */
export function customThemeCss(theme: CheckedTheme): { css: string; scheme: Scheme | null } {
  if (theme.light || theme.dark) {
    const css =
      `@media (prefers-color-scheme:light){${partCss(merged(theme.both, theme.light), "light")}}` +
      `@media (prefers-color-scheme:dark){${partCss(merged(theme.both, theme.dark), "dark")}}` +
      rootCss(theme.root);
    return { css, scheme: null };
  }
  const scheme = loneScheme(theme);
  return { css: `:root{color-scheme:${scheme}}` + partCss(theme.both, scheme) + rootCss(theme.root), scheme };
}

/**
 * A lone theme's scheme: its background's, when that is a colour whose lightness can be read (a
 * black background on the light base is a dark page, as Streamlit picks its alerts' and other
 * secondary colours by the background), else `base`'s.
 */
function loneScheme(theme: CheckedTheme): Scheme {
  const background = theme.both.values.backgroundColor;
  const light = typeof background === "string" ? isLight(background) : null;
  return light === null ? theme.base : light ? "light" : "dark";
}

/** An app's stylesheet: formlit's, with the app's theme; for its pages and for embedding. */
export interface AppStyle {
  page: string;
  embed: string;
  /** the colour scheme every visitor sees, when the theme imposes one (else the visitor's) */
  scheme: Scheme | null;
  /** the values left out, one sentence each */
  warnings: string[];
}

/** formlit's stylesheet (`pageCss`) with createApp's `theme`, which is checked here. */
export function appStyle(pageCss: string, theme: ThemeOptions | undefined): AppStyle {
  const checked = checkTheme(theme);
  if (theme === undefined || Object.keys(theme).length === 0) return { page: pageCss, embed: embedCss(pageCss), scheme: null, warnings: checked.warnings };
  const custom = customThemeCss(checked);
  const page = (custom.scheme ? forceScheme(pageCss, custom.scheme) : pageCss) + custom.css;
  return { page, embed: embedCss(page), scheme: custom.scheme, warnings: checked.warnings };
}
