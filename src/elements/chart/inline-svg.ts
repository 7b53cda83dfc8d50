/**
 * An SVG another program wrote (beautiful-mermaid's), made fit to sit inside the page:
 * - the page's policy refuses `<style>` elements (style-src 'self') but allows style attributes,
 *   so the SVG's own rules are moved onto the elements they select (class and tag selectors,
 *   which is all its stylesheets use); custom properties set on the root go to the wrapper, which
 *   the drawing inherits them from. Fonts it would fetch from other sites are left out.
 * - only drawing elements stay, and no attribute that runs script or follows a link (`on…`,
 *   `href`): the renderer escapes its labels, and this makes sure of it.
 * - ids take a prefix, so two drawings on one page do not point at each other's markers.
 */

/** The elements a diagram is drawn with. Any other tag is dropped (its escaped text stays). */
const DRAWING = new Set(
  "svg g defs marker symbol polygon polyline path rect circle ellipse line text tspan title desc lineargradient radialgradient stop clippath mask pattern".split(" "),
);

interface Rule {
  tag: string | null;
  classes: string[];
  decls: string;
}

export interface InlinedSvg {
  /** the SVG with its rules moved into style attributes */
  svg: string;
  /** the custom properties its root sets (`--bg:…;--_line:…`), for a wrapper's style attribute */
  rootVars: string;
}

/** A simple selector: a tag, classes, or both ("text", ".mono", "path.xychart-color-0"). */
function parseSelector(sel: string): { tag: string | null; classes: string[] } | null {
  const m = /^([a-zA-Z][\w-]*)?((?:\.[\w-]+)*)$/.exec(sel.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return { tag: m[1]?.toLowerCase() ?? null, classes: m[2] ? m[2].slice(1).split(".") : [] };
}

/** The rules of every `<style>` element, and the custom properties set on `svg`. */
function readStyles(svg: string): { rules: Rule[]; vars: string[] } {
  const rules: Rule[] = [];
  const vars: string[] = [];
  for (const [, css] of svg.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
    const text = css!.replace(/\/\*[\s\S]*?\*\//g, "").replace(/@import[^;]*;/g, "");
    for (const [, selectors, body] of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const decls = body!.trim().replace(/\s+/g, " ").replace(/"/g, "'");
      for (const sel of selectors!.split(",")) {
        const parsed = parseSelector(sel);
        if (!parsed) continue;
        // fonts are the page's own (no font is fetched from elsewhere)
        if (parsed.tag === "svg" && !parsed.classes.length) vars.push(...decls.split(";").map((d) => d.trim()).filter((d) => d.startsWith("--")));
        else if (!/^\s*font-family\s*:[^;]*;?\s*$/.test(decls)) rules.push({ ...parsed, decls });
      }
    }
  }
  return { rules, vars };
}

const PLAIN_ATTRS = /^(?:\s+[^\s=/>"']+(?:\s*=\s*"[^"]*")?)*\s*$/;
const ATTR = /\s([^\s=/>]+)(?:\s*=\s*"([^"]*)")?/g;

/** Rewrites one start tag: drops what may run or link, prefixes ids, adds the style its rules give it. */
function rewriteTag(name: string, attrs: string, close: string, rules: Rule[], prefix: string): string {
  const tag = name.toLowerCase();
  if (!DRAWING.has(tag)) return "";
  const kept: string[] = [];
  let classes: string[] = [];
  let style = "";
  for (const [, attr, value = ""] of attrs.matchAll(ATTR)) {
    const a = attr!.toLowerCase();
    if (a.startsWith("on") || a === "href" || a.endsWith(":href")) continue;
    if (a === "style") {
      style = value;
      continue;
    }
    if (a === "class") classes = value.split(/\s+/).filter(Boolean);
    const v = a === "id" ? `${prefix}-${value}` : value.replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`);
    kept.push(` ${attr}="${v}"`);
  }
  const given = rules.filter((r) => (r.tag === null || r.tag === tag) && r.classes.every((c) => classes.includes(c))).map((r) => r.decls);
  const all = [...given, style].filter(Boolean).join(";");
  return `<${name}${kept.join("")}${all ? ` style="${all}"` : ""}${close}>`;
}

/**
 * The same drawing under the same prefix on every rerun: kept by the drawing's text (the renderer's
 * memo hands back the same string, whose hash the engine keeps), with the prefix it was rewritten
 * for. A rewrite walks every tag of a diagram that may be tens of kilobytes. Bounded: past a few
 * dozen drawings the isolate starts afresh.
 */
const inlined = new Map<string, { prefix: string; out: InlinedSvg }>();

export function inlineSvg(svg: string, prefix: string): InlinedSvg {
  const kept = inlined.get(svg);
  if (kept?.prefix === prefix) return kept.out;
  const out = rewriteSvg(svg, prefix);
  if (inlined.size >= 64) inlined.clear();
  inlined.set(svg, { prefix, out });
  return out;
}

function rewriteSvg(svg: string, prefix: string): InlinedSvg {
  const { rules, vars } = readStyles(svg);
  const rootStyle = /<svg\b[^>]*\sstyle="([^"]*)"/.exec(svg)?.[1] ?? "";
  const rootVars = [...rootStyle.split(";").map((d) => d.trim()).filter((d) => d.startsWith("--")), ...vars].join(";");
  const body = svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/gi, "")
    .replace(/<(script|foreignObject)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<!--[\s\S]*?-->|<[!?][^>]*>/g, "")
    // every start tag is rewritten, or dropped when its attributes are not plainly quoted
    .replace(/<([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g, (_, name: string, attrs: string, close: string) => (PLAIN_ATTRS.test(attrs) ? rewriteTag(name, attrs, close, rules, prefix) : ""))
    .replace(/<\/([a-zA-Z][\w:-]*)\s*>/g, (m, name: string) => (DRAWING.has(name.toLowerCase()) ? m : ""));
  return { svg: body, rootVars };
}
