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

export function computeWidgetId({ elementType, userKey, params, keyedParams = NONE, formId, scriptId }: IdInputs): string {
  if (userKey !== null && keyedParams.length === 0) return keyedId(keyOnlyHash(elementType, formId, scriptId), userKey);
  const counted = userKey === null ? params : Object.fromEntries(keyedParams.map((name) => [name, params[name]]));
  const hash = hashOf([elementType, counted, formId, scriptId]);
  return userKey === null ? PREFIX + hash : keyedId(hash.slice(-KEYED_HASH_LENGTH), userKey);
}

const NONE: readonly string[] = [];

const hashOf = (inputs: unknown[]) => base36(hash53(JSON.stringify(inputs))).padStart(HASH_LENGTH, "0").slice(-HASH_LENGTH);

/*
 * A page of many keyed widgets computes the same few hashes and ids on every run. Both are pure
 * functions of their inputs, so each isolate keeps the ones it made: a keyed widget's id then costs
 * two map lookups instead of a JSON text, a hash and a string built afresh, and every run hands
 * the same string to the maps and objects that are keyed by it. Bounded: past the limit it starts
 * over.
 */
const KEPT_IDS = 50_000;
const keyOnlyHashes = new Map<string, Map<string | null, Map<string, string>>>();
const keyedIds = new Map<string, Map<string, string>>();
let kept = 0;

/** Makes room for one more kept hash or id: past the limit, everything kept is let go. */
function room(): void {
  if (++kept <= KEPT_IDS) return;
  keyOnlyHashes.clear();
  keyedIds.clear();
  idDigests.clear();
  keysOfIds.clear();
  idsOfSuffixes.clear();
  kept = 1;
}

/**
 * `map.get(key)`, with an entry made by `make(key)` when there is none. (`make` is a function of
 * the key alone, made once: a closure made per call would be an allocation per widget per run.)
 */
function getOrMake<K, V>(map: Map<K, V>, key: K, make: (key: K) => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make(key);
    map.set(key, value);
  }
  return value;
}

const newMap = <K, V>() => new Map<K, V>();

/** The hash part of a keyed widget whose key alone is its identity (by script, form and element). */
function keyOnlyHash(elementType: string, formId: string | null, scriptId: string): string {
  // (a page's widgets come in runs of one element in one form: the last answer first)
  const last = lastKeyOnly;
  if (last && last.elementType === elementType && last.formId === formId && last.scriptId === scriptId) return last.hash;
  const hash = keptKeyOnlyHash(elementType, formId, scriptId);
  lastKeyOnly = { elementType, formId, scriptId, hash };
  return hash;
}
let lastKeyOnly: { elementType: string; formId: string | null; scriptId: string; hash: string } | null = null;

function keptKeyOnlyHash(elementType: string, formId: string | null, scriptId: string): string {
  const byType = getOrMake(getOrMake(keyOnlyHashes, scriptId, newMap<string | null, Map<string, string>>), formId, newMap<string, string>);
  return getOrMake(byType, elementType, () => {
    room();
    return hashOf([elementType, {}, formId, scriptId]).slice(-KEYED_HASH_LENGTH);
  });
}

function keyedId(hash: string, userKey: string): string {
  const byKey = getOrMake(keyedIds, hash, newMap<string, string>);
  let id = byKey.get(userKey);
  if (id === undefined) {
    room();
    id = `${PREFIX}${hash}-${userKey}`;
    keysOfIds.set(id, userKey);
    byKey.set(userKey, id);
  }
  return id;
}

/** The user key of each kept keyed id: the state asks a widget's key of its id at every lookup. */
const keysOfIds = new Map<string, string>();

const idDigests = new Map<string, string>();

/**
 * `digest(id)` of a widget id (what its DOM id and the form's `_v` name it by), kept with the ids:
 * every run asks it of every widget again.
 */
export function idDigest(id: string): string {
  return getOrMake(idDigests, id, keptDigest);
}

function keptDigest(id: string): string {
  room();
  return digest(id);
}

/**
 * The widget id whose text after the `$$ID-` prefix is `suffix` (how the session's cookie carries
 * it): a keyed one as the kept string computeWidgetId hands out.
 */
export function widgetIdOfSuffix(suffix: string): string {
  // (every request reads the whole widget list back from its cookie: one lookup per id once kept)
  return getOrMake(idsOfSuffixes, suffix, idOfSuffix);
}

function idOfSuffix(suffix: string): string {
  room();
  const keyed = suffix.length > KEYED_HASH_LENGTH && suffix[KEYED_HASH_LENGTH] === "-";
  return keyed ? keyedId(suffix.slice(0, KEYED_HASH_LENGTH), suffix.slice(KEYED_HASH_LENGTH + 1)) : PREFIX + suffix;
}

const idsOfSuffixes = new Map<string, string>();

export const isWidgetId = (k: string) => k.startsWith("$$ID");

// (an unkeyed id has a hash character where a keyed one has its '-': base 36 has no '-')
export const isKeyedWidgetId = (k: string) => isWidgetId(k) && k.length > KEYED_AT && k[KEYED_AT] === "-";

export function userKeyOf(id: string): string | null {
  return keysOfIds.get(id) ?? (isKeyedWidgetId(id) ? id.slice(KEYED_AT + 1) : null);
}
