/**
 * Streamlit's coloured text in Markdown: `:red[text]`, `:red-background[text]` and
 * `:red-badge[text]`, for each colour of its palette, and the two directives without a colour:
 * `:badge[text]` (a badge in st.badge's default colour, blue) and `:shimmer[text]` (text with a
 * light sweeping across it, still under reduced motion). The text inside is Markdown too (bold,
 * links, icons, another colour). Only these names open a span, whose class says what it is: the
 * author's text never reaches an attribute, and `:anything-else[...]` stays as it was written.
 */
import type { MarkdownIt, StateInline } from "markdown-it";

/** Streamlit's palette, with what each colour is as text and as a background (light, dark). */
const PALETTE = {
  red: ["#bd1c1c", "#ff8c8c", "#ffe3e3", "#4a1c1c"],
  orange: ["#a64b00", "#ffb26b", "#ffecd9", "#4a2f14"],
  yellow: ["#7a5b00", "#ffe08a", "#fff6d6", "#3d3414"],
  green: ["#17733a", "#7be0a0", "#dff5e6", "#173a26"],
  blue: ["#1c5fc4", "#8ab4ff", "#e1efff", "#172b45"],
  violet: ["#6f3bb8", "#c9a8ff", "#efe6ff", "#2e2145"],
  gray: ["#5b5f6b", "#a3a8b8", "#eceef2", "#31333f"],
} as const;

const COLOURS = new Set<string>([...Object.keys(PALETTE), "grey", "rainbow", "primary"]);

/** What a directive does with its colour: the text, its background, or a badge of both. */
const FORMS = { "": "fl-md-color", "-background": "fl-md-bg", "-badge": "fl-md-badge" } as const;

const DIRECTIVE = /:([a-z]+)(|-background|-badge)\[/y;

const COLON = 0x3a;

/** The colour of a badge that names none, as st.badge's default. */
const BADGE_COLOUR = "blue";

/** The class list a directive's span carries, or null when the name is not one of Streamlit's. */
function classesOf(name: string, form: keyof typeof FORMS): string | null {
  if (form === "" && name === "badge") return classesOf(BADGE_COLOUR, "-badge");
  if (form === "" && name === "shimmer") return "fl-md-shimmer";
  if (!COLOURS.has(name)) return null;
  return `${FORMS[form]} fl-c-${name === "grey" ? "gray" : name}`;
}

function colourRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== COLON) return false;
  DIRECTIVE.lastIndex = start;
  const match = DIRECTIVE.exec(state.src);
  if (!match || start + match[0].length > state.posMax) return false;
  const classes = classesOf(match[1]!, match[2] as keyof typeof FORMS);
  if (classes === null) return false;
  const bracket = start + match[0].length - 1;
  const end = state.md.helpers.parseLinkLabel(state, bracket, false);
  if (end < 0) return false;
  if (!silent) {
    state.push("fl_colour_open", "span", 1).attrSet("class", classes);
    const max = state.posMax;
    state.pos = bracket + 1;
    state.posMax = end;
    state.md.inline.tokenize(state);
    state.posMax = max;
    state.push("fl_colour_close", "span", -1);
  }
  state.pos = end + 1;
  return true;
}

export function markdownColours(md: MarkdownIt): void {
  md.inline.ruler.before("link", "fl_colour", colourRule);
}

const rainbow = (i: 0 | 1 | 2 | 3) => `linear-gradient(to right,${Object.values(PALETTE).slice(0, 6).map((c) => c[i]).join(",")})`;

function paletteCss(text: 0 | 1, background: 2 | 3): string {
  const each = Object.entries(PALETTE).map(([name, c]) => `.fl-c-${name}{--fl-c:${c[text]};--fl-cb:${c[background]}}`);
  return each.join("") + `.fl-c-rainbow{--fl-c:transparent;--fl-cb:${rainbow(background)};--fl-cg:${rainbow(text)}}`;
}

/** The palette, light and dark, and the three forms; `primary` is the theme's accent. */
export const markdownColoursCss = `
${paletteCss(0, 2)}
@media (prefers-color-scheme:dark){${paletteCss(1, 3)}}
.fl-c-primary{--fl-c:var(--fl-accent-text);--fl-cb:color-mix(in srgb,var(--fl-accent) 18%,transparent)}
.fl-md-color{color:var(--fl-c)}.fl-md-color.fl-c-rainbow{background:var(--fl-cg);-webkit-background-clip:text;background-clip:text}
.fl-md-bg{background:var(--fl-cb);border-radius:.3em;padding:0 .2em}
.fl-md-badge{display:inline-block;background:var(--fl-cb);color:var(--fl-c);border-radius:.5em;padding:0 .4em;font-size:.875em;font-weight:500;line-height:1.6}
.fl-md-badge.fl-c-rainbow{color:var(--fl-fg)}
.fl-md-shimmer{color:transparent;background:linear-gradient(100deg,var(--fl-muted) 40%,var(--fl-fg) 50%,var(--fl-muted) 60%) 0 0/300% 100%;-webkit-background-clip:text;background-clip:text;animation:fl-shimmer 2s linear infinite}
@keyframes fl-shimmer{from{background-position:100% 0}to{background-position:0 0}}
@media (prefers-reduced-motion:reduce){.fl-md-shimmer{animation:none;color:var(--fl-muted);background:none}}
`;
