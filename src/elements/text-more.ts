/**
 * st.latex (TeX to MathML on the server, by the converter `formlit/latex` installs: no client
 * script, no font download), st.html (an author's HTML, sanitised: no scripts, no event handlers,
 * no javascript: links) and st.help.
 */
// xss is CommonJS: a module's default export is its module.exports in every runtime (Node, workerd,
// bundlers). Its two modules formlit uses, not the package's index, whose extras (filterXSSWithResult,
// globals for browsers and web workers) an app's bundle would otherwise carry (types: xss-modules.d.ts).
import FilterXSS from "xss/lib/xss.js";
import xssDefaults from "xss/lib/default.js";
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { texToMathml } from "./tex.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { html as template, raw } from "../render/html.ts";
import { boundTags } from "./html-bound.ts";
import { helpTip } from "./common.ts";
import { digest } from "../engine/widget-id.ts";

const { getDefaultWhiteList, safeAttrValue } = xssDefaults;

/** st.latex: the body as display math, converted on the server. */
export function latex(c: ContainerBase, body: string, opts: { help?: string } = {}) {
  const html = texToMathml(String(body), true);
  if (html === null) {
    throw new StreamlitAPIException('st.latex needs the TeX converter: call `enableLatex()` from "formlit/latex" once in your app (it adds about 60 KB gzipped to the Worker).');
  }
  c._push(textMoreFamily.node("latex", { mathml: html, help: opts.help }));
}

/** Every tag the default list allows, each also taking class and style (style through a CSS filter). */
const allowed = Object.fromEntries(Object.entries(getDefaultWhiteList()).map(([tag, attrs]) => [tag, [...(attrs ?? []), "class", "style"]]));

/**
 * A class list without formlit's own classes (`fl-*`): the page's script and styles act on those
 * (a link of class `fl-to` is followed as one of the app's pages), so st.html must not forge them.
 */
const withoutOwnClasses = (value: string) =>
  value
    .split(/\s+/)
    .filter((name) => name && !/^fl-/i.test(name))
    .join(" ");

/** Tags outside the list are dropped; script and style bodies go with them, not shown as text. */
const sanitiser = new FilterXSS({
  whiteList: allowed,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ["script", "style", "noscript", "template"],
  safeAttrValue: (tag, name, value, css) => safeAttrValue(tag, name, name === "class" ? withoutOwnClasses(value) : value, css),
});

/**
 * st.html: the author's HTML, sanitised (scripts never run: Streamlit does not run them either).
 * A tag with more attributes than markup needs is shown as text (html-bound.ts).
 */
export function html(c: ContainerBase, body: string) {
  c._push(textMoreFamily.node("html", { sanitised: sanitiser.process(boundTags(String(body))) }));
}

interface HelpRow {
  name: string;
  type: string;
}

/** What help() can tell about a value in JavaScript: no docstrings, so name, type, signature, members. */
function describe(obj: unknown): { name: string; type: string; signature?: string; value?: string; members: HelpRow[] } {
  const typeName = (v: unknown) => (v === null ? "null" : typeof v === "function" ? (/^class\b/.test(Function.prototype.toString.call(v)) ? "class" : "function") : Array.isArray(v) ? "array" : typeof v === "object" ? ((v as object).constructor?.name ?? "object") : typeof v);
  const type = typeName(obj);
  const members: HelpRow[] = [];
  if (obj !== null && (typeof obj === "object" || typeof obj === "function")) {
    const names = new Set<string>(Object.keys(obj));
    const proto = typeof obj === "function" ? (obj as { prototype?: object }).prototype : Object.getPrototypeOf(obj);
    if (proto && proto !== Object.prototype && proto !== Array.prototype) for (const n of Object.getOwnPropertyNames(proto)) if (n !== "constructor") names.add(n);
    for (const n of [...names].slice(0, 60)) {
      let v: unknown;
      try {
        v = typeof obj === "function" && !Object.hasOwn(obj, n) ? proto[n as keyof typeof proto] : (obj as Record<string, unknown>)[n];
      } catch {
        v = undefined;
      }
      members.push({ name: n, type: typeName(v) });
    }
  }
  if (typeof obj === "function") {
    const source = Function.prototype.toString.call(obj);
    const head = source.slice(0, source.search(/\{|=>/) >= 0 ? source.search(/\{|=>/) : 200).trim();
    return { name: obj.name || "(anonymous)", type, signature: head.slice(0, 200), members };
  }
  let value: string;
  try {
    value = typeof obj === "string" ? JSON.stringify(obj) : (JSON.stringify(obj) ?? String(obj));
  } catch {
    value = String(obj);
  }
  return { name: "", type, value: value.length > 300 ? value.slice(0, 300) + "…" : value, members: Array.isArray(obj) ? [] : members };
}

/** st.help: the value's name, type, signature (functions) or value, and its members. */
export function help(c: ContainerBase, obj: unknown) {
  c._push(textMoreFamily.node("help", describe(obj)));
}

interface TextMoreKinds {
  /** the converter's MathML */
  latex: { mathml: string; help?: string };
  /** the author's HTML, sanitised */
  html: { sanitised: string };
  help: ReturnType<typeof describe>;
}

const renderers: KindRenderers<TextMoreKinds> = {
  // the converter's MathML, made from the TeX on the server
  latex: (p) => template`<div class="fl-latex" data-kind="latex">${raw(p.mathml)}${p.help && helpTip("fl-latex-" + digest(p.mathml + "\u0001" + p.help), p.help)}</div>`,
  // the author's HTML, through the sanitiser above
  html: (p) => template`<div class="fl-html" data-kind="html">${raw(p.sanitised)}</div>`,
  help: (p) => {
    const rows = [
      p.name ? ["name", p.name] : null,
      ["type", p.type],
      p.signature ? ["signature", p.signature] : null,
      p.value !== undefined ? ["value", p.value] : null,
    ].filter((r): r is string[] => r !== null);
    const head = rows.map(([k, v]) => template`<dt>${k}</dt><dd><code>${v}</code></dd>`);
    const members =
      p.members.length > 0 &&
      template`<table class="fl-help-members"><caption>Members</caption><thead><tr><th scope="col">name</th><th scope="col">type</th></tr></thead><tbody>${p.members.map((m) => template`<tr><td><code>${m.name}</code></td><td>${m.type}</td></tr>`)}</tbody></table>`;
    return template`<section class="fl-help-doc" data-kind="help" aria-label="Help${p.name && `: ${p.name}`}"><dl>${head}</dl>${members}</section>`;
  },
};

const textMoreCss = `

.fl-latex{margin:0 0 1rem;overflow-x:auto}.fl-latex math{font-size:1.15rem}
.fl-html{margin:0 0 1rem}
.fl-help-doc{border:1px solid var(--fl-line);border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1rem;font-size:.9rem}
.fl-help-doc dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}.fl-help-doc dt{color:var(--fl-muted)}.fl-help-doc dd{margin:0;overflow-wrap:anywhere}
.fl-help-members{border-collapse:collapse;margin-top:.75rem}.fl-help-members caption{text-align:left;color:var(--fl-muted)}.fl-help-members td,.fl-help-members th{padding:.15rem 1rem .15rem 0;text-align:left}
`;
export const textMoreFamily = defineFamily<TextMoreKinds>(renderers, textMoreCss);
