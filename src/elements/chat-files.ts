/**
 * Files and voice recordings sent with a chat message (st.chatInput's `acceptFile` and
 * `acceptAudio`). The chat input then has file inputs beside its text (a page that has one posts
 * multipart/form-data, without JavaScript too), and its value is Streamlit's ChatInputValue: the
 * text, the files and the recording. The bytes are in the request that sent the message: the value
 * lasts that one run, as a message does.
 */
import { StreamlitAPIException } from "../engine/errors.ts";
import { AUDIO_MARK } from "../engine/submission.ts";
import type { RunContext } from "../engine/run-context.ts";
import { CHAT_AUDIO_SUFFIX, CHAT_FILES_SUFFIX } from "../protocol/form.ts";
import { DEFAULT_MAX_SIZE, acceptedTypes, parseUploads, uploadedFile, type FileMeta, type UploadedFile } from "./files.ts";
import { disabledAttr, domId, pyRepr } from "./common.ts";
import { html, type Html } from "../render/html.ts";
import type { Json } from "../engine/state.ts";

/** What st.chatInput returns when it takes files or a recording (Streamlit's ChatInputValue). */
export interface ChatInputValue {
  /** the message's text ("" when only files were sent) */
  text: string;
  /** the files sent with it, as st.fileUploader returns them */
  files: UploadedFile[];
  /** the voice recording sent with it (with `acceptAudio`), else null */
  audio: UploadedFile | null;
}

/** How a chat input takes files. */
export interface ChatFiles {
  /** none, one, several, or a whole folder (the browser's folder picker) */
  accept: "none" | "one" | "multiple" | "directory";
  types: string[] | null;
  audio: boolean;
  maxSize: number;
}

export function chatFiles(acceptFile: unknown, fileType: string | string[] | undefined, acceptAudio: unknown, maxUploadSize: number | undefined): ChatFiles {
  const accept = acceptFile === undefined || acceptFile === false ? "none" : acceptFile === true ? "one" : acceptFile === "multiple" ? "multiple" : acceptFile === "directory" ? "directory" : null;
  if (accept === null) {
    throw new StreamlitAPIException(`The \`accept_file\` parameter must be a boolean or 'multiple' or 'directory', not ${pyRepr(acceptFile)}.`);
  }
  const maxSize = maxUploadSize ?? DEFAULT_MAX_SIZE;
  if (!(maxSize > 0)) throw new StreamlitAPIException(`\`maxUploadSize\` must be a positive number of bytes, not ${pyRepr(maxSize)}.`);
  return { accept, types: acceptedTypes(fileType), audio: acceptAudio === true, maxSize };
}

export const takesFiles = (f: ChatFiles) => f.accept !== "none" || f.audio;

/** The value posted (text, then files' metadata, the recording's marked) as the JSON session state holds. */
export function parseChatPost(raw: string[], label: string, f: ChatFiles): { value: Json } | { error: string } {
  const text = raw[0] ?? "";
  const attached = raw.slice(1);
  const audioRaw = attached.filter((r) => r.startsWith(AUDIO_MARK)).map((r) => r.slice(AUDIO_MARK.length));
  const fileRaw = attached.filter((r) => !r.startsWith(AUDIO_MARK));
  if ((fileRaw.length && f.accept === "none") || (audioRaw.length && !f.audio)) return { error: `${label}: this chat input takes no ${fileRaw.length ? "files" : "recordings"}.` };
  const files = parseUploads(fileRaw, { label, multiple: f.accept === "multiple" || f.accept === "directory", accepted: f.types, maxSize: f.maxSize });
  if ("error" in files) return files;
  const audio = parseUploads(audioRaw, { label, multiple: false, accepted: ["audio/*"], maxSize: f.maxSize });
  if ("error" in audio) return audio;
  const list = files.value === null ? [] : Array.isArray(files.value) ? files.value : [files.value];
  if (text === "" && list.length === 0 && audio.value === null) return { value: null };
  return { value: { text, files: list, audio: audio.value as FileMeta | null } };
}

/** The value the script gets: the metadata with the bytes the request carried. */
export function chatInputValue(ctx: RunContext, widgetId: string, v: { text: string; files: FileMeta[]; audio: FileMeta | null }): ChatInputValue {
  const withBytes = (metas: FileMeta[], posted: File[]) =>
    metas.map((m, i) => uploadedFile(m, () => (posted[i] ? posted[i]!.arrayBuffer() : Promise.reject(new Error(`The file "${m.name}" was only available in the run that received the message.`)))));
  const files = withBytes(v.files, ctx.request.files.get(widgetId + CHAT_FILES_SUFFIX) ?? []);
  const audio = v.audio ? withBytes([v.audio], ctx.request.files.get(widgetId + CHAT_AUDIO_SUFFIX) ?? [])[0]! : null;
  return { text: v.text, files, audio };
}

/** The chat input's file inputs: a paper clip for files, a microphone for a recording. */
export function chatFileInputs(id: string, f: ChatFiles, disabled: boolean): Html {
  const dom = domId(id);
  const accept = f.types && html` accept="${f.types.join(",")}"`;
  const many = (f.accept === "multiple" || f.accept === "directory") && html` multiple`;
  const folder = f.accept === "directory" && html` webkitdirectory`;
  const what = f.accept === "directory" ? "Attach a folder" : f.accept === "multiple" ? "Attach files" : "Attach a file";
  const file =
    f.accept !== "none" &&
    html`<label class="fl-chat-attach" title="${what}"><span aria-hidden="true">📎</span><span class="fl-sr-only">${what}</span><input type="file" class="fl-chat-file" id="${dom}-files" name="${id}${CHAT_FILES_SUFFIX}"${accept}${many}${folder}${disabledAttr({ disabled })}></label>`;
  const audio =
    f.audio &&
    html`<label class="fl-chat-attach" title="Record a voice message"><span aria-hidden="true">🎤</span><span class="fl-sr-only">Record a voice message</span><input type="file" class="fl-chat-file" id="${dom}-audio" name="${id}${CHAT_AUDIO_SUFFIX}" accept="audio/*" capture="user"${disabledAttr({ disabled })}></label>`;
  return html`${file}${audio}`;
}

/** The file inputs stay the browser's own (a chosen file's name shows there, with JavaScript or without), made compact. */
export const chatFilesCss = `
.fl-chat-attach{display:inline-flex;align-items:center;gap:.25rem;max-width:14rem;font-size:.85rem}
.fl-chat-attach:focus-within{outline:3px solid var(--fl-focus);outline-offset:2px;border-radius:.5rem}
.fl-chat-file{min-width:0;max-width:12rem}
.fl-chat-file::file-selector-button{font:inherit;color:inherit;background:var(--fl-input);border:1px solid var(--fl-line);border-radius:.5rem;padding:.35rem .6rem;cursor:pointer}
`;
