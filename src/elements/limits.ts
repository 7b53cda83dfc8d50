/**
 * How much posted text a widget (or a data editor cell) reads at most. A post is the visitor's to
 * write: every parser sees only this much, so none can be made to work for long, and what is
 * accepted fits in a cookie.
 */

/** A posted number longer than this (in characters) is refused before it is parsed. */
export const MAX_NUMBER_CHARS = 64;

/** Posted text longer than this is refused even without the author's maxChars: state travels in a cookie. */
export const MAX_TEXT_CHARS = 20_000;

// (each part can match in one way only: no backtracking, whatever the text)
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A posted number as a person types one (decimal, with an exponent if need be), or null: not
 * JavaScript's every notation (`0x1F`, `0b1`, `Infinity`), and nothing over MAX_NUMBER_CHARS.
 */
export function postedNumber(text: string): number | null {
  const t = text.trim();
  if (t.length > MAX_NUMBER_CHARS || !DECIMAL.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

