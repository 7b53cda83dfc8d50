/**
 * Reading a form post against the last run's widgets: which values changed (by the digest of what
 * the form held), which button was clicked, and which st.form values are only staged.
 */
import type { Session, Submission } from "./session.ts";
import { rawDigest } from "./widgets.ts";
import { idDigest } from "./widget-id.ts";
import { APPLY_FIELD, CHAT_AUDIO_SUFFIX, CHAT_FILES_SUFFIX, CHAT_SEND_FIELD, CLEAR_FILES_FIELD, DIGESTS_FIELD, DOWNLOAD_FIELD, decodeDigests, encodeDigests } from "../protocol/form.ts";
import type { PostStyle } from "./run-context.ts";

/**
 * What a form held when it was rendered: each widget's id and value digests, carried in the form
 * (see protocol/form.ts). A form from an older run (another tab, the Back button) applies only the
 * values its user changed in *that* form, so it cannot undo what another tab changed since: last
 * writer wins per widget, not per form. Altering it only changes which posted values count as
 * changes; every value is still checked by its widget.
 */
export function renderedDigests(session: Session): string {
  const pairs: [string, string][] = [];
  const l = session.l;
  for (let at = 0; at < l.length; at++) {
    const style = l.style(at);
    if (!isPress(style) && style !== "download") pairs.push([idDigest(l.ids[at]!), l.digests[at]!]);
  }
  return encodeDigests(pairs);
}

/** Widgets whose value is a press: a button, a menu's items, or a download button that reruns when clicked. */
const isPress = (style: PostStyle) => style === "trigger" || style === "choice" || style === "download-rerun";

/** Whether the post presses the widget: a button submits its own name, a download button names itself in "_dl". */
const pressedBy = (sub: Submission, id: string, style: PostStyle) =>
  style === "trigger" || style === "choice" ? sub.fields.has(id) : style === "download-rerun" && sub.fields.get(DOWNLOAD_FIELD)?.[0] === id;

const NORMALISE_NEWLINES = /\r\n?/g;

/** What an uploaded file posts as its widget's value: its metadata (the bytes stay in the request). */
export function fileFieldValue(f: { name: string; type: string; size: number }): string {
  return JSON.stringify({ name: f.name, type: f.type, size: f.size });
}

/**
 * A file uploader's posted value: the metadata of the files posted under its name, [] when its
 * "Remove" control was ticked, else nothing (an untouched file input posts no file: keep the
 * value). Text fields under its name (what a non-multipart post of a file input carries) are
 * ignored, so a value can only come from files that really arrived.
 */
function postedFiles(id: string, sub: Submission, files: Map<string, File[]>): string[] | undefined {
  const list = files.get(id);
  if (list) return list.map(fileFieldValue);
  return sub.fields.get(CLEAR_FILES_FIELD)?.includes(id) ? [] : undefined;
}

/** What marks a chat input's voice recording among the files posted with it. */
export const AUDIO_MARK = "audio:";

/**
 * A chat input's posted value: its text, then the metadata of each file sent with it (under their
 * own names, so that an empty file input never mixes with the text), its voice recording's marked;
 * nothing when none of them was in the form.
 */
function postedChat(id: string, sub: Submission, files: Map<string, File[]>): string[] | undefined {
  const text = sub.fields.get(id);
  const attached = [...(files.get(id + CHAT_FILES_SUFFIX) ?? []).map(fileFieldValue), ...(files.get(id + CHAT_AUDIO_SUFFIX) ?? []).map((f) => AUDIO_MARK + fileFieldValue(f))];
  if (text === undefined && attached.length === 0) return undefined;
  return [text?.[0] ?? "", ...attached];
}

/** A chat input's text is sent by its own send button, or by Enter (Apply) when no send button was. */
function chatSent(id: string, sub: Submission): boolean {
  const sendButton = sub.fields.get(CHAT_SEND_FIELD);
  return sendButton ? sendButton.includes(id) : sub.fields.has(APPLY_FIELD);
}

/** Separates a grid widget's id from the part of it a field carries (`<id>/<row>/<column>`). */
export const GRID_PART = "/";

/**
 * A grid widget's posted value: `<part>=<value>` for its own field (part "") and each field named
 * `<id>/<part>`, the last value of each (a checkbox cell posts an empty marker, then "1" when
 * ticked); nothing when none of them was in the form.
 */
function postedGrid(id: string, sub: Submission): string[] | undefined {
  const prefix = id + GRID_PART;
  const out: string[] = [];
  for (const [name, values] of sub.fields) {
    const part = name === id ? "" : name.startsWith(prefix) ? name.slice(prefix.length) : null;
    if (part !== null && values.length) out.push(`${part}=${values[values.length - 1]}`);
  }
  return out.length ? out : undefined;
}

export interface Change {
  id: string;
  raw: string[];
  trigger: boolean;
  /** a press of one of a widget's several buttons: the text that button posted (which choice) */
  choice?: string;
}

/**
 * Which of the last run's widgets the submission changed, which st.form values are staged, and
 * which st.forms were submitted (their values committed).
 */
export function decodeSubmission(
  session: Session,
  sub: Submission,
  files: Map<string, File[]> = new Map(),
): { changes: Change[]; staged: Map<string, string[]>; submitted: Set<string> } {
  const stale = sub.run !== session.run;
  const asRendered = stale ? decodeDigests(sub.fields.get(DIGESTS_FIELD)?.[0]) : null;
  // Browsers send only the button that submitted the form, so a trigger present was clicked.
  const l = session.l;
  let clickedAt = 0;
  while (clickedAt < l.length && !pressedBy(sub, l.ids[clickedAt]!, l.style(clickedAt))) clickedAt++;
  const clicked = l.ids[clickedAt] ?? null;
  // (a list holds each id once: the form a submit button was in is the one the click commits)
  const committedForms = new Set<string>();
  if (clicked !== null && l.forms[clickedAt] && l.style(clickedAt) === "trigger") committedForms.add(l.forms[clickedAt]!);
  const changes: Change[] = [];
  const staged = new Map<string, string[]>();
  for (let at = 0; at < l.length; at++) {
    const id = l.ids[at]!;
    const style = l.style(at);
    const formId = l.forms[at]!;
    const before = l.digests[at]!;
    if (isPress(style)) {
      if (!stale && id === clicked) {
        // a browser sends only the button that submitted, so a choice's field holds one value
        const choice = style === "choice" ? (sub.fields.get(id) ?? []).at(-1) : undefined;
        changes.push(choice === undefined ? { id, raw: ["1"], trigger: true } : { id, raw: [choice], trigger: true, choice });
      }
      continue;
    }
    const posted = style === "file" ? postedFiles(id, sub, files) : style === "grid" ? postedGrid(id, sub) : style === "chat" ? postedChat(id, sub, files) : sub.fields.get(id);
    if (posted === undefined) continue; // not in the submitted form: keep the value
    // (nothing changes the lists a submission holds: one without a carriage return is used as it is)
    let raw = posted.some((s) => s.includes("\r")) ? posted.map((s) => s.replace(NORMALISE_NEWLINES, "\n")) : posted;
    if (style === "chat" && (stale || !chatSent(id, sub))) {
      // typed but not sent (another button submitted the page), or sent from a stale form (the
      // Back button, a reload that posts again), which, like a button there, never fires: a draft
      if (raw.some((s) => s !== "")) staged.set(id, raw);
      continue;
    }
    if (style === "bool" || style === "many") raw = raw.filter((s) => s !== "");
    if (formId && !committedForms.has(formId)) {
      staged.set(id, raw);
      continue;
    }
    // A stale form's untouched fields hold old values: compare with what that form showed.
    const shown = asRendered ? asRendered.get(idDigest(id)) : before;
    if (shown === undefined) continue;
    const now = rawDigest(style, raw);
    if (now !== shown && now !== before) changes.push({ id, raw, trigger: false });
  }
  return { changes, staged, submitted: committedForms };
}
