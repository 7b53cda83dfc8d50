/**
 * Widget identity, as Streamlit computes it. An id is `$$ID-<hash>` or, for a keyed widget, `$$ID-<hash>-<key>`,
 * where the hash covers the element type, the parameters that define the widget, its form and the
 * script that is running it (entrypoint or page). The same widget on two pages therefore has two
 * ids, which is why it resets when the user switches pages. The hash must be identical on every
 * isolate and every restart: it is a pure function of its inputs (no randomness, no memory).
 */
import type { Json } from "./state.ts";
import { digest, hash53 } from "../shared/hash.ts";

const PREFIX = "$$ID-";
const HASH_LENGTH = 10;
const KEYED_AT = PREFIX.length + HASH_LENGTH; // index of the '-' before the user key

/** (the same digest elements use for their DOM ids) */
export { digest };

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
  const hash = hash53(text).toString(36).padStart(HASH_LENGTH, "0").slice(-HASH_LENGTH);
  return userKey === null ? PREFIX + hash : `${PREFIX}${hash}-${userKey}`;
}

export const isWidgetId = (k: string) => k.startsWith("$$ID");

export const isKeyedWidgetId = (k: string) => isWidgetId(k) && k.length > KEYED_AT && k[KEYED_AT] === "-";

export function userKeyOf(id: string): string | null {
  return isKeyedWidgetId(id) ? id.slice(KEYED_AT + 1) : null;
}
