/**
 * Widget identity, as Streamlit computes it. An id is `$$ID-<hash>` or, for a keyed widget, `$$ID-<short hash>-<key>`,
 * where the hash covers the element type, the parameters that define the widget, its form and the
 * script that is running it (entrypoint or page). The same widget on two pages therefore has two
 * ids, which is why it resets when the user switches pages. The hash must be identical on every
 * isolate and every restart: it is a pure function of its inputs (no randomness, no memory).
 *
 * With a key, the key (in its form and its script) is the widget: Streamlit 1.50 to 1.55 moved
 * every widget to this. A new label, default, options, placeholder or help keeps its value. Only
 * the few parameters that would make the kept value invalid still count, and each element names
 * them (`keyedParams`);
 * Streamlit's API reference lists them in each widget's `key` description ("Changing ... resets
 * the widget even when a key is provided"):
 *
 *   widget                                  still resets a keyed widget
 *   slider                                  min_value, max_value, step
 *   text_input, text_area                   max_chars
 *   date_input                              format
 *   time_input                              step
 *   datetime_input                          format, step
 *   multiselect                             max_selections (accept_new_options: not offered)
 *   pills, segmented_control                selection_mode
 *   feedback                                options (thumbs, faces, stars)
 *   file_uploader, camera/audio_input       type, accept_multiple_files, max_upload_size
 *   chat_input                              max_chars (accept_file, file_type: not offered)
 *   dataframe with onSelect (its selection) selection_mode (rows no longer in the data are dropped)
 *   button, menu_button, download_button, form_submit_button, checkbox, toggle, radio, selectbox,
 *   select_slider, number_input, color_picker, dataframe (its view), a ButtonColumn   the key alone
 *   data_editor                             every parameter, as without a key (its `key`
 *                                           description makes no such promise)
 *
 * A value the new options no longer hold is then reset or filtered by the element, as Streamlit's
 * widgets do after registering. Without a key, identity is every parameter, as before.
 */
import type { Json } from "./state.ts";
import { base36, digest, hash53 } from "../shared/hash.ts";

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

/** (the same digest elements use for their DOM ids) */
export { digest };

export interface IdInputs {
  elementType: string;
  userKey: string | null;
  /** defining parameters, in the order of the element's signature */
  params: Record<string, Json | undefined>;
  /** with a key, the names in `params` that still count (absent: the key alone) */
  keyedParams?: readonly string[];
  formId: string | null;
  scriptId: string;
}

export function computeWidgetId({ elementType, userKey, params, keyedParams = [], formId, scriptId }: IdInputs): string {
  const counted = userKey === null ? params : Object.fromEntries(keyedParams.map((name) => [name, params[name]]));
  const text = JSON.stringify([elementType, counted, formId, scriptId]);
  const hash = base36(hash53(text)).padStart(HASH_LENGTH, "0").slice(-HASH_LENGTH);
  return userKey === null ? PREFIX + hash : `${PREFIX}${hash.slice(-KEYED_HASH_LENGTH)}-${userKey}`;
}

export const isWidgetId = (k: string) => k.startsWith("$$ID");

// (an unkeyed id has a hash character where a keyed one has its '-': base 36 has no '-')
export const isKeyedWidgetId = (k: string) => isWidgetId(k) && k.length > KEYED_AT && k[KEYED_AT] === "-";

export function userKeyOf(id: string): string | null {
  return isKeyedWidgetId(id) ? id.slice(KEYED_AT + 1) : null;
}
