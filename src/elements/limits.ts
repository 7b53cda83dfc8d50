/**
 * How much posted text a widget (or a data editor cell) reads at most. A post is the visitor's to
 * write: every parser sees only this much, so none can be made to work for long, and what is
 * accepted fits in a cookie.
 */

/** A posted number longer than this (in characters) is refused before it is parsed. */
export const MAX_NUMBER_CHARS = 64;

/** Posted text longer than this is refused even without the author's maxChars: state travels in a cookie. */
export const MAX_TEXT_CHARS = 20_000;
