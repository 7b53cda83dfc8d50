/**
 * Widget identity, as Streamlit computes it. An id is `$$ID-<hash>` or, for a keyed widget, `$$ID-<short hash>-<key>`,
 * where the hash covers the element type, the parameters that define the widget, its form and the
 * script that is running it (entrypoint or page). The same widget on two pages therefore has two
 * ids, which is why it resets when the user switches pages. The hash must be identical on every
 * isolate and every restart: it is a pure function of its inputs (no randomness, no memory).
 */
import type { Json } from "./state.ts";

const PREFIX = "$$ID-";
const HASH_LENGTH = 10;
/**
 * A keyed widget's id is unique by its key; its hash only tells a widget whose parameters changed
 * (which then starts afresh) from the one before. Five base-36 characters miss such a change once
 * in 60 million, and every keyed widget's id travels in the session cookie: short ids keep a page
 * of many keyed widgets within a few cookies.
 */
const KEYED_HASH_LENGTH = 5;
const KEYED_AT = PREFIX.length + KEYED_HASH_LENGTH; // index of the '-' before the user key

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain). Not for security. */
function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * `n.toString(36)` for a non-negative integer, several times faster: V8 formats other radixes
 * than 10 in its runtime, and a page of many widgets formats a few digests per widget per run.
 */
function base36(n: number): string {
  let text = "";
  do {
    text = DIGITS[n % 36] + text;
    n = Math.floor(n / 36);
  } while (n > 0);
  return text;
}

/** A short stable digest of any text, e.g. of a rendered widget value. */
export function digest(text: string): string {
  return base36(cyrb53(text));
}

export interface IdInputs {
  elementType: string;
  userKey: string | null;
  /** defining parameters, in the order of the element's signature */
  params: Record<string, Json | undefined>;
  formId: string | null;
  scriptId: string;
}

export function computeWidgetId({ elementType, userKey, params, formId, scriptId }: IdInputs): string {
  const text = JSON.stringify([elementType, params, formId, scriptId]);
  const hash = base36(cyrb53(text)).padStart(HASH_LENGTH, "0").slice(-HASH_LENGTH);
  return userKey === null ? PREFIX + hash : `${PREFIX}${hash.slice(-KEYED_HASH_LENGTH)}-${userKey}`;
}

export const isWidgetId = (k: string) => k.startsWith("$$ID");

// (an unkeyed id has a hash character where a keyed one has its '-': base 36 has no '-')
export const isKeyedWidgetId = (k: string) => isWidgetId(k) && k.length > KEYED_AT && k[KEYED_AT] === "-";

export function userKeyOf(id: string): string | null {
  return isKeyedWidgetId(id) ? id.slice(KEYED_AT + 1) : null;
}
