/**
 * `formlit/latex`: st.latex's TeX-to-MathML converter (temml), kept out of the core because it
 * weighs about 60 KB gzipped. Call `enableLatex()` once, at the top of the app's module.
 *
 * @example
 * ```ts
 * import { enableLatex } from "formlit/latex";
 * enableLatex();
 * // later, in a page: st.latex(String.raw`e^{i\pi} + 1 = 0`)
 * ```
 * @module
 */
import temml from "temml";
import { setTexConverter } from "./elements/tex.ts";

/**
 * Lets st.latex render, and `$...$` / `$$...$$` in Markdown: TeX becomes MathML in the page
 * (browsers draw it natively, no script).
 * A TeX error shows in place of the formula, as KaTeX shows it in Streamlit, instead of failing
 * the run; `\href` and other commands that would trust the author's input stay off.
 */
export function enableLatex(): void {
  setTexConverter((tex, display) => temml.renderToString(tex, { displayMode: display, throwOnError: false, trust: false }));
}
