/**
 * The default theme, close to Streamlit's: a sidebar on the left, a centred main column, system
 * fonts, light and dark following prefers-color-scheme. An app's own theme (custom-theme.ts) sets
 * the --fl-* variables these rules read, after them in the same stylesheet.
 */
import { pageAnchorCss } from "./page-anchor.ts";
import { iconCss } from "./icon.ts";
import { navCss } from "./nav.ts";

const BASE_CSS = `
:root{--fl-bg:#fff;--fl-fg:#31333f;--fl-muted:#595d68;--fl-side:#f0f2f6;--fl-line:#d5d8de;--fl-accent:#ff4b4b;--fl-accent-strong:#c62828;--fl-accent-text:#c62828;--fl-input:#fff;--fl-focus:#1c64f2;
--fl-ok:#0f7b3f;--fl-ok-bg:#dff5e6;--fl-info:#0b5394;--fl-info-bg:#e1efff;--fl-warn:#7a5b00;--fl-warn-bg:#fff6d6;--fl-err:#a10f0f;--fl-err-bg:#ffe3e3;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--fl-accent-text:#ff7a7a;--fl-bg:#0e1117;--fl-fg:#fafafa;--fl-muted:#a3a8b8;--fl-side:#262730;--fl-line:#41444e;--fl-input:#1a1c24;--fl-focus:#8ab4ff;
--fl-ok:#7be0a0;--fl-ok-bg:#173a26;--fl-info:#9cc7ff;--fl-info-bg:#172b45;--fl-warn:#ffe08a;--fl-warn-bg:#3d3414;--fl-err:#ffb0b0;--fl-err-bg:#4a1c1c}}
*{box-sizing:border-box}
body{margin:0;background:var(--fl-bg);color:var(--fl-fg);font:1rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.fl-layout{display:flex;min-height:100vh}
.fl-sidebar{flex:0 0 18rem;background:var(--fl-sidebar-bg,var(--fl-side));padding:1.5rem 1rem;border-right:1px solid var(--fl-line)}
.fl-main{flex:1 1 auto;max-width:46rem;margin:0 auto;padding:2.5rem 1.25rem 4rem;min-width:0}
@media (max-width:720px){.fl-layout{flex-direction:column}.fl-sidebar{flex:none;border-right:0;border-bottom:1px solid var(--fl-line)}}
.fl-toolbar{position:sticky;top:0;z-index:2;display:flex;justify-content:flex-end;padding:.4rem 1rem;background:var(--fl-bg);border-bottom:1px solid var(--fl-line)}
.fl-sr-only{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.fl-widget{margin:0 0 1rem}
.fl-label{display:block;font-size:.9rem;margin-bottom:.25rem}
.fl-label-hidden{opacity:0}
.fl-tip{position:relative;display:inline-block;vertical-align:middle;margin-left:.35rem;font-size:.85rem;line-height:1}
.fl-label:has(+.fl-tip){display:inline-block}
.fl-label-hidden+.fl-tip{visibility:hidden}.fl-sr-only+.fl-tip{display:none}
fieldset>legend:has(+.fl-tip){float:left}fieldset>legend+.fl-tip{display:block;margin-bottom:.25rem}fieldset>.fl-tip~*{clear:left}
.fl-tip-icon{font:inherit;width:1.2rem;height:1.2rem;padding:0;border:1px solid var(--fl-muted);border-radius:50%;background:none;color:var(--fl-muted);cursor:help}
.fl-tip-text{display:none;position:absolute;z-index:5;left:0;top:calc(100% + .35rem);width:max-content;max-width:18rem;padding:.45rem .65rem;border-radius:.4rem;background:var(--fl-fg);color:var(--fl-bg);font-size:.85rem;line-height:1.4;white-space:normal;text-align:left;font-weight:400}
.fl-tip:hover .fl-tip-text,.fl-tip:focus-within .fl-tip-text{display:block}.fl-tip.fl-tip-off .fl-tip-text{display:none}
.fl-heading-help{display:flex;align-items:center}.fl-heading-help .fl-tip{margin-top:.6rem}
.fl-input{width:100%;font:inherit;color:inherit;background:var(--fl-input);border:1px solid var(--fl-line);border-radius:var(--fl-radius,.5rem);padding:.45rem .6rem}
.fl-textarea{min-height:6rem;resize:vertical}
.fl-multi{padding:.25rem}
:focus-visible{outline:3px solid var(--fl-focus);outline-offset:2px}
.fl-check-row{display:flex;gap:.5rem;align-items:center}.fl-check-row .fl-label{margin:0}
.fl-check{width:1.1rem;height:1.1rem;accent-color:var(--fl-accent-text)}
.fl-radio{border:0;padding:0;margin:0}.fl-radio-item{display:block}.fl-radio-horizontal .fl-radio-item{display:inline-block;margin-right:1rem}
.fl-slider-track{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}.fl-slider-track .fl-range{min-width:6rem}.fl-range{flex:1;accent-color:var(--fl-accent-text)}.fl-slider-value{min-width:3ch;font-variant-numeric:tabular-nums}
button.fl-button,a.fl-button,.fl-apply,.fl-nav-link{font:inherit;color:inherit;background:var(--fl-input);border:1px solid var(--fl-line);border-radius:var(--fl-button-radius,var(--fl-radius,.5rem));padding:.4rem .9rem;cursor:pointer}
button.fl-button:hover,a.fl-button:hover,.fl-apply:hover{border-color:var(--fl-accent);color:var(--fl-accent-text)}
.fl-button.fl-button-primary{background:var(--fl-accent-strong);border-color:var(--fl-accent-strong);color:var(--fl-accent-on,#fff)}.fl-button.fl-button-primary:hover{color:var(--fl-accent-on,#fff);filter:brightness(.92)}
.fl-button-wide{width:100%}
.fl-help,.fl-caption{color:var(--fl-muted);font-size:.85rem;margin:.25rem 0}
.fl-field-error{color:var(--fl-err);font-size:.85rem;margin:.25rem 0}
.fl-pending{color:var(--fl-warn);font-size:.85rem;margin:.25rem 0}
.fl-heading{line-height:1.25;margin:1.2rem 0 .6rem}
.fl-text,.fl-code,.fl-json{white-space:pre-wrap;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9rem;margin:0 0 1rem}
.fl-code,.fl-json{background:var(--fl-side);padding:.75rem 1rem;border-radius:var(--fl-radius,.5rem);overflow:auto}
.fl-text{background:none;padding:0}
.fl-json-box{position:relative}.fl-json-copy{display:none;position:absolute;top:.4rem;right:.4rem;font:inherit;color:var(--fl-muted);background:var(--fl-input);border:1px solid var(--fl-line);border-radius:.4rem;padding:.1rem .45rem;cursor:pointer}
.fl-js .fl-json-copy{display:block}.fl-json-copy.fl-copied::after{content:" Copied";font-size:.8rem}
.fl-divider{border:0;border-top:1px solid var(--fl-line);margin:1.5rem 0}
.fl-alert,.fl-notice{display:flex;gap:.6rem;padding:.75rem 1rem;border-radius:var(--fl-radius,.5rem);margin:0 0 1rem}
.fl-alert-body>:first-child{margin-top:0}.fl-alert-body>:last-child{margin-bottom:0}
.fl-alert-success{background:var(--fl-ok-bg);color:var(--fl-ok)}.fl-alert-info,.fl-notice{background:var(--fl-info-bg);color:var(--fl-info)}
.fl-alert-warning{background:var(--fl-warn-bg);color:var(--fl-warn)}.fl-alert-error{background:var(--fl-err-bg);color:var(--fl-err);display:block}
.fl-exception{background:var(--fl-err-bg);color:var(--fl-err);padding:.75rem 1rem;border-radius:var(--fl-radius,.5rem);margin:0 0 1rem}
.fl-exception-type{font-weight:600;margin:0 0 .25rem}.fl-exception-message,.fl-stack{white-space:pre-wrap;margin:0;font-size:.9rem}
.fl-columns{display:flex;flex-wrap:wrap;gap:1rem}.fl-gap-medium{gap:2rem}.fl-gap-large{gap:3rem}.fl-column{min-width:10rem}
.fl-bordered{border:1px solid var(--fl-line);border-radius:var(--fl-radius,.5rem);padding:1rem}
.fl-form{margin:0 0 1rem;min-width:0}
.fl-expander{border:1px solid var(--fl-line);border-radius:var(--fl-radius,.5rem);margin:0 0 1rem}.fl-expander summary{padding:.6rem 1rem;cursor:pointer}.fl-expander-body{padding:0 1rem 1rem}
.fl-nav ul{list-style:none;margin:0 0 1.5rem;padding:0}.fl-nav-section{font-size:.8rem;text-transform:uppercase;color:var(--fl-muted);margin:.75rem 0 .25rem}
.fl-nav-link{display:block;width:100%;text-align:left;border:0;background:none;padding:.35rem .6rem;text-decoration:none}
.fl-nav-link[aria-current=page]{background:var(--fl-line);font-weight:600}
.fl-markdown>:first-child{margin-top:0}
.fl-js .fl-apply{display:none}
.fl-wide .fl-main{max-width:none}
.fl-running .fl-main{opacity:.55;transition:opacity .2s .15s}
.fl-running .fl-status::after{content:"Running\\2026";color:var(--fl-muted);font-size:.85rem}
.fl-toolbar{min-height:2.6rem;align-items:center;gap:1rem}
`;

/**
 * A streamed page shows a preview of the page (.fl-live) while text arrives; each later preview,
 * and the page itself when the run has ended, hide the ones before them. (With the client script
 * the run is in flight while a preview shows: the text arriving is not dimmed.)
 */
const STREAM_CSS = `
.fl-live:has(~ .fl-live){display:none}
.fl-live:has(~ form.fl-app){display:none}
.fl-running .fl-live .fl-main{opacity:1}
`;


/** A selector list split at its own commas, not at those inside `:is(...)`, `:not(...)` or `[...]`. */
function splitSelectors(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts;
}

/**
 * The theme for an embedded fragment: every rule applies inside `.formlit-embed` only, so the
 * host page's styles and the app's do not meet. (The theme is formlit's own, simple CSS: rules and
 * @media blocks, no nested at-rules, which this prefixing relies on.)
 */
export function scopeCss(css: string, scope: string): string {
  return css.replace(/(^|[{}])([^{}@]+)\{/g, (_m, before: string, selectors: string) => {
    const scoped = splitSelectors(selectors)
      .map((sel) => {
        const s = sel.trim();
        if (s === ":root" || s === "body") return scope;
        if (s === "*") return `${scope},${scope} *`;
        return `${scope} ${s}`;
      })
      .join(",");
    return `${before}${scoped}{`;
  });
}

/**
 * The theme with the elements' own rules (each family's CSS, in the order given): for a page of
 * its own, and for an embedded app.
 */
export function themeCss(elementsCss: string): { page: string; embed: string } {
  const page = BASE_CSS + pageAnchorCss + iconCss + navCss + elementsCss + STREAM_CSS;
  return { page, embed: embedCss(page) };
}

/** A page's stylesheet for an embedded app: scoped to its wrapper, no taller than its content. */
export function embedCss(page: string): string {
  return scopeCss(page, ".formlit-embed").replace(".formlit-embed .fl-layout{display:flex;min-height:100vh}", ".formlit-embed .fl-layout{display:flex}");
}

const DARK_QUERY = "@media (prefers-color-scheme:dark){";

/**
 * The stylesheet with one colour scheme for every visitor: each dark-scheme block dropped (light)
 * or applied unconditionally where it stands (dark), and `color-scheme` fixed to match.
 */
export function forceScheme(css: string, scheme: "light" | "dark"): string {
  let out = "";
  let from = 0;
  for (let at = css.indexOf(DARK_QUERY); at >= 0; at = css.indexOf(DARK_QUERY, from)) {
    const open = at + DARK_QUERY.length;
    let depth = 1;
    let end = open;
    while (depth > 0 && end < css.length) {
      const ch = css[end++];
      if (ch === "{") depth++;
      else if (ch === "}") depth--;
    }
    out += css.slice(from, at) + (scheme === "dark" ? css.slice(open, end - 1) : "");
    from = end;
  }
  return (out + css.slice(from)).replace("color-scheme:light dark", `color-scheme:${scheme}`);
}
