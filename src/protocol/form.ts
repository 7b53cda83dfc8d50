/**
 * The form protocol: the names the page's one <form> posts besides widget values, the headers the
 * client script and the server exchange, and how the form says what its widgets held (`_v`).
 * Server (http, engine, render, elements) and client (src/client) both read them from here, so a
 * name changes in one place. It imports nothing: every layer may import it.
 *
 * Widget ids start with "$$ID", so no widget's field can take one of these names.
 */

/** The run number the form was rendered from: a post from an older run is a stale form. */
export const RUN_FIELD = "_run";
/** The CSRF token bound to the session. */
export const CSRF_FIELD = "_csrf";
/** What the form's widgets held when it was rendered (see encodeDigests). */
export const DIGESTS_FIELD = "_v";
/** The "Apply" button, first in the form: what Enter in a text field presses. */
export const APPLY_FIELD = "_apply";
/** Values: the ids of file uploaders whose "Remove" box is ticked. */
export const CLEAR_FILES_FIELD = "_clear";
/** A chat input's send button; its value is the chat input's widget id. */
export const CHAT_SEND_FIELD = "_chat";
/** A chat input's files are posted under its widget id followed by this (its text under the id). */
export const CHAT_FILES_SUFFIX = "/files";
/** A chat input's voice recording is posted under its widget id followed by this. */
export const CHAT_AUDIO_SUFFIX = "/audio";
/** A download button that reruns when clicked: its value is the button's widget id. */
export const DOWNLOAD_FIELD = "_dl";
/** A timer's post (st.fragment's runEvery) names the fragment to rerun here. */
export const FRAGMENT_FIELD = "_frag";
/** A dialog's close control: its value is the dialog's fragment id. */
export const CLOSE_DIALOG_FIELD = "_close";
/** A streamed page's commit token, carried by the next post. */
export const COMMIT_FIELD = "_commit";
/** The browser's time zone (an IANA name), added by the client script to its posts: st.context.timezone. */
export const TIMEZONE_FIELD = "_tz";
/** st.tabs' radio buttons are named this plus a number: posted, and read by nobody. */
export const TAB_FIELD_PREFIX = "_tab-";

/** The fields the client script copies from the form into a timer's post. */
export const HIDDEN_FIELDS = [RUN_FIELD, CSRF_FIELD, DIGESTS_FIELD] as const;

/** Request header of the client script: "partial" (answer with the form only) or "embed". */
export const SHAPE_HEADER = "X-Formlit";
/** Response headers: the address of the page shown, its title, and the one part to replace. */
export const PATH_HEADER = SHAPE_HEADER + "-Path";
export const TITLE_HEADER = SHAPE_HEADER + "-Title";
export const SWAP_HEADER = SHAPE_HEADER + "-Swap";
/**
 * Response header: the page must go to this address as a real navigation (sign-in and sign-out
 * lead to another site, or to a new session), where a browser without the script gets a 303.
 */
export const LOCATION_HEADER = SHAPE_HEADER + "-Location";

/** Where embedded pages are served (`<base>/_embed/<page>`): the client script builds the same URL. */
export const EMBED_ROUTE = "_embed";

/**
 * `_v`: `<id digest>:<value digest>` per widget, comma-separated. A form from an older run applies
 * only the values its user changed in that form (compared with these), so it cannot undo what
 * another tab changed since.
 */
export function encodeDigests(pairs: Iterable<readonly [idDigest: string, valueDigest: string]>): string {
  let out = "";
  for (const [id, value] of pairs) out += out ? `,${id}:${value}` : `${id}:${value}`;
  return out;
}

/** The digests a form carried, by id digest; null when absent or implausibly long. */
export function decodeDigests(text: string | undefined): Map<string, string> | null {
  if (text === undefined || text.length > 100_000) return null;
  const map = new Map<string, string>();
  for (const pair of text.split(",")) {
    const [id, value] = pair.split(":");
    if (id && value) map.set(id, value);
  }
  return map;
}
