/**
 * The Content-Disposition of a download, for any file name an app may choose. Header values must
 * be bytes a runtime accepts (Node refuses anything past Latin-1, workerd a NUL), so the quoted
 * `filename` is printable ASCII only, and the full name goes in `filename*` (RFC 6266), percent-
 * encoded UTF-8, which browsers prefer when they understand it.
 */

/** Lone surrogates cannot be encoded as UTF-8 (encodeURIComponent throws on them). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** RFC 5987 attr-chars are encodeURIComponent's output less the characters it leaves: ' ( ) * */
const extValue = (text: string) =>
  encodeURIComponent(text).replace(/['()*]/g, (ch) => "%" + ch.charCodeAt(0).toString(16).toUpperCase());

export function contentDisposition(fileName: string): string {
  // control characters are never part of a file name a user should save
  const name = fileName.replace(LONE_SURROGATE, "\uFFFD").replace(/[\u0000-\u001f\u007f]/g, "_") || "download";
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${extValue(name)}`;
}
