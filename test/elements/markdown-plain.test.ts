/**
 * Plain words skip the Markdown renderer (most labels are plain): whatever the shortcut accepts
 * must render exactly as markdown-it renders it, and anything with Markdown syntax, an HTML-special
 * character or spaces at an end must still go through it.
 */
import { expect, test } from "vitest";
import { isPlainInline, renderMarkdown, renderMarkdownInline } from "../../src/elements/markdown.ts";

/** A deterministic stream of numbers in [0, 1) (the same strings on every run). */
function numbers(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

test("every text taken as plain renders, through markdown-it, as itself", () => {
  const next = numbers(7);
  const alphabet = [..."abZ9é ß1٣日 \t\n*_.:[]()<>&\"'`~$\\!#-+=|@,;/"];
  let plain = 0;
  for (let n = 0; n < 20_000; n++) {
    const length = 1 + Math.floor(next() * 8);
    const text = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
    if (!isPlainInline(text)) continue;
    plain++;
    // (block rendering never takes the shortcut: it is markdown-it's own answer for the text)
    expect(String(renderMarkdown(text)), text).toBe(`<p>${text}</p>\n`);
    expect(String(renderMarkdownInline(text))).toBe(text);
  }
  // the alphabet is a third letters, digits and spaces: many draws are plain, so the check ran
  expect(plain).toBeGreaterThan(200);
});

test("Markdown, HTML-special characters, emoji codes and spaces at an end are not plain", () => {
  for (const text of ["**b**", "a_b_", "x < y", "A & B", ":smile:", ":red[x]", "a ", " a", "a\nb", "1. a", "# a", "$x$", "a.b", ""]) {
    expect(isPlainInline(text), JSON.stringify(text)).toBe(false);
  }
  expect(String(renderMarkdownInline("**Bold** label"))).toBe("<strong>Bold</strong> label");
  expect(String(renderMarkdownInline("x < y & z"))).toBe("x &lt; y &amp; z");
  for (const text of ["Number 12", "Größe", "日本語 2", "a  b"]) expect(isPlainInline(text), text).toBe(true);
});
