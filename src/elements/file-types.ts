/**
 * File types that can be told by their first bytes. A browser sends the type the user's system
 * guesses from the name, and a hand-made post sends any type at all, so an uploader that accepts
 * only some types checks these ones by their bytes, and keeps the type the bytes show.
 */
const SIGNATURES: { type: string; ext: string[]; at?: number; bytes: number[] }[] = [
  { type: "image/png", ext: [".png"], bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", ext: [".jpg", ".jpeg"], bytes: [0xff, 0xd8, 0xff] },
  { type: "image/gif", ext: [".gif"], bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8(7|9)a
  { type: "image/webp", ext: [".webp"], at: 8, bytes: [0x57, 0x45, 0x42, 0x50] }, // RIFF....WEBP
  { type: "application/pdf", ext: [".pdf"], bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

/** How many leading bytes {@link typeOfBytes} needs. */
export const SNIFF_BYTES = 16;

/** The type the bytes show, when they start like one of the known types. */
export function typeOfBytes(head: Uint8Array): string | null {
  const found = SIGNATURES.find((s) => s.bytes.every((b, i) => head[(s.at ?? 0) + i] === b));
  return found?.type ?? null;
}

/**
 * The type to keep for an upload: the one its bytes show; when they show none, the type it claims,
 * unless that claims a type the bytes would show (then it is only bytes).
 */
export function checkedType(claimed: string, head: Uint8Array): string {
  const shown = typeOfBytes(head);
  if (shown) return shown;
  return SIGNATURES.some((s) => s.type === claimed.toLowerCase()) ? "application/octet-stream" : claimed;
}

/** The type a name's extension promises, when it is one the bytes can show. */
export function typeOfExtension(name: string): string | null {
  const ext = /\.[^./]+$/.exec(name.toLowerCase())?.[0];
  return (ext && SIGNATURES.find((s) => s.ext.includes(ext))?.type) ?? null;
}
