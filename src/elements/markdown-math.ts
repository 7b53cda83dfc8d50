/**
 * LaTeX in Markdown, as Streamlit reads it: `$...$` in the line, and `$$` on lines of their own
 * around a block of display math. Only once `formlit/latex` has installed its converter: without
 * it the dollars are text (a price stays a price). As in Streamlit, a `\$` is a dollar sign.
 */
import type { MarkdownIt, StateBlock, StateInline } from "markdown-it";
import { hasTexConverter, texToMathml } from "./tex.ts";

const DOLLAR = 0x24;

/** How many dollars in a row start at `pos`. */
function runAt(src: string, pos: number, max: number): number {
  let end = pos;
  while (end < max && src.charCodeAt(end) === DOLLAR) end++;
  return end - pos;
}

/** Where the next run of exactly `run` dollars starts, from `from` on, or -1. */
function closerOf(src: string, from: number, max: number, run: number): number {
  let at = src.indexOf("$", from);
  while (at !== -1 && at < max) {
    const length = runAt(src, at, max);
    if (length === run) return at;
    at = src.indexOf("$", at + length);
  }
  return -1;
}

/**
 * Per inline pass, where a search for a closing run has failed: none further on either, so a line
 * of many unclosed dollars is read once, not once per dollar.
 */
const unclosed = new WeakMap<StateInline, Map<string, number>>();

/** `$tex$` or `$$tex$$` in the line: up to the next run of as many dollars. */
function inlineMath(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== DOLLAR || !hasTexConverter()) return false;
  const run = runAt(src, pos, posMax);
  if (run > 2) return false;
  const failed = unclosed.get(state) ?? new Map<string, number>();
  unclosed.set(state, failed);
  const key = `${run}:${posMax}`;
  if (pos >= (failed.get(key) ?? Infinity)) return false;
  const close = closerOf(src, pos + run, posMax, run);
  if (close === -1) {
    failed.set(key, pos);
    return false;
  }
  const tex = src.slice(pos + run, close);
  if (tex.trim() === "") return false;
  if (!silent) state.push("fl_math", "", 0).content = tex;
  state.pos = close + run;
  return true;
}

/** The text of a block line, without its indentation and trailing spaces. */
const lineText = (state: StateBlock, n: number) => state.src.slice(state.bMarks[n]! + state.tShift[n]!, state.eMarks[n]).trimEnd();

/** Per block pass, the first line from which no line ends a block: many openers are read once. */
const unclosedBlock = new WeakMap<StateBlock, Map<number, number>>();

/** The line that ends a block opened on `startLine` (its text ends with `$$`), or -1. */
function closingLine(state: StateBlock, startLine: number, endLine: number): number {
  const failed = unclosedBlock.get(state) ?? new Map<number, number>();
  unclosedBlock.set(state, failed);
  if (startLine >= (failed.get(endLine) ?? Infinity)) return -1;
  for (let n = startLine + 1; n < endLine; n++) if (lineText(state, n).endsWith("$$")) return n;
  failed.set(endLine, startLine);
  return -1;
}

/** A block between lines that start and end with `$$` (one line: `$$ tex $$`). */
function blockMath(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const first = lineText(state, startLine);
  if (state.sCount[startLine]! - state.blkIndent >= 4 || !first.startsWith("$$") || !hasTexConverter()) return false;
  const oneLine = first.length > 4 && first.endsWith("$$");
  const last = oneLine ? startLine : closingLine(state, startLine, endLine);
  if (last === -1) return false;
  const lines = [first, ...Array.from({ length: last - startLine }, (_, i) => lineText(state, startLine + 1 + i))];
  const tex = lines.join("\n").slice(2, -2);
  if (tex.trim() === "") return false;
  if (!silent) {
    const token = state.push("fl_math_block", "", 0);
    token.content = tex;
    token.block = true;
    token.map = [startLine, last + 1];
  }
  state.line = last + 1;
  return true;
}

export function markdownMath(md: MarkdownIt): void {
  md.inline.ruler.after("escape", "fl_math", inlineMath);
  md.block.ruler.before("fence", "fl_math_block", blockMath, { alt: ["paragraph", "reference", "blockquote", "list"] });
  // the converter's MathML, made from the TeX on the server (text in it is escaped by the converter)
  md.renderer.rules.fl_math = (tokens, idx) => texToMathml(tokens[idx]!.content, false) ?? "";
  md.renderer.rules.fl_math_block = (tokens, idx) => `<div class="fl-math">${texToMathml(tokens[idx]!.content, true) ?? ""}</div>\n`;
}
