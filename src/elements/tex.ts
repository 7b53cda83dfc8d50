/**
 * The TeX-to-MathML converter that `formlit/latex` installs, for st.latex and for `$...$` in
 * Markdown. It is about 60 KB gzipped, half the Worker's budget, so it is not in the core: until
 * `enableLatex()` runs there is none, and Markdown keeps its dollars as text.
 */
import { Memo } from "../render/memo.ts";

/** TeX to MathML, as a block (display) or in the line; errors shown in the result, never thrown. */
export type TexConverter = (tex: string, display: boolean) => string;

let converter: TexConverter | null = null;

const mathml = new Memo<string>(200);

export function setTexConverter(convert: TexConverter) {
  converter = convert;
}

export function hasTexConverter(): boolean {
  return converter !== null;
}

/** The MathML for some TeX, or null when no converter is installed. */
export function texToMathml(tex: string, display: boolean): string | null {
  const convert = converter;
  return convert && mathml.get((display ? "d" : "i") + tex, () => convert(tex, display));
}
