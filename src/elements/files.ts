/**
 * File upload: st.fileUploader (st.downloadButton is in download-button.ts).
 *
 * st.fileUploader is a native `<input type="file">`; a page that has one posts its form as
 * multipart/form-data (see `hasFileInput`). Session state holds only the files' metadata
 * (`{ fileId, name, type, size }`, JSON like every value); the bytes are in the request that
 * carried them. The run of that request gets the posted `File`s themselves. Later runs read the
 * bytes from the app's upload store (`createApp({ uploads: (env) => env.BUCKET })`, an R2 bucket)
 * when there is one; without one they get the metadata, and reading the bytes fails with a
 * message saying why. A file input cannot be pre-filled, so an untouched uploader posts no file
 * and keeps its value; its "Remove" checkbox empties it.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException, WrongValueType } from "../engine/errors.ts";
import type { ElementNode } from "../engine/tree.ts";
import { slot } from "../engine/slots.ts";
import type { RunContext } from "../engine/run-context.ts";
import type { UploadStore } from "../store/uploads.ts";
import { fileFieldValue } from "../engine/submission.ts";
import { CLEAR_FILES_FIELD } from "../protocol/form.ts";
import { digest } from "../engine/widget-id.ts";
import { typeOfExtension } from "./file-types.ts";
import {
  callbackOf,
  disabledAttr,
  domId,
  invalidAttr,
  keyOf,
  labelHtml,
  notesHtml,
  widgetData,
  pyRepr,
  pyType,
  widgetProps,
  type ChangeOptions,
  type WidgetOptions,
  type WidgetProps,
} from "./common.ts";
import { register } from "./register.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { html, type Html } from "../render/html.ts";


export interface UploadedFile {
  /** a random id given to this upload (Streamlit's file_id) */
  fileId: string;
  name: string;
  type: string;
  size: number;
  /** the file's bytes (available in the run that received it, or from the upload store) */
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
}

export interface FileUploaderOptions extends WidgetOptions, ChangeOptions {
  /** accepted extensions or MIME types, e.g. ["csv", ".txt", "image/png", "image/*"] */
  type?: string | string[];
  acceptMultipleFiles?: boolean;
  /**
   * largest accepted file, in bytes (default 10 MB). createApp's `bodyLimit` (default 256 KiB)
   * limits the whole post before any widget sees it: raise it for larger files.
   */
  maxUploadSize?: number;
}

/** What session state holds for one uploaded file. */
export interface FileMeta {
  fileId: string;
  name: string;
  type: string;
  size: number;
  [k: string]: string | number;
}

export const DEFAULT_MAX_SIZE = 10 * 1024 * 1024;

/** "1.5 KB", as Streamlit's uploader shows sizes. */
function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let n = bytes / 1024;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${n >= 10 || Number.isInteger(n) ? Math.round(n) : n.toFixed(1)} ${units[u]}`;
}

/** Streamlit's normalisation of `type`: "csv" and ".csv" are extensions; "image/png" a MIME type. */
export function acceptedTypes(type: string | string[] | undefined): string[] | null {
  if (type === undefined || type === null) return null;
  const list = (Array.isArray(type) ? type : [type]).map((t) => String(t).trim().toLowerCase()).filter(Boolean);
  return list.map((t) => (t.includes("/") || t.startsWith(".") ? t : "." + t));
}

/**
 * Whether an upload is of an accepted type. `type` is the one its bytes were checked for (on
 * arrival), so a name ending in ".png" is accepted only when the bytes are a PNG too.
 */
function typeAllowed(file: { name: string; type: string }, accepted: string[]): boolean {
  const name = file.name.toLowerCase();
  const mime = file.type.toLowerCase();
  const promised = typeOfExtension(name);
  return accepted.some((t) => {
    if (t.startsWith(".")) return name.endsWith(t) && (promised === null || promised === mime);
    if (t.endsWith("/*")) return mime.startsWith(t.slice(0, -1));
    return mime === t;
  });
}

function isMeta(v: unknown): v is FileMeta {
  if (!v || typeof v !== "object" || Array.isArray(v)) return false;
  const m = v as Record<string, unknown>;
  return typeof m.fileId === "string" && typeof m.name === "string" && typeof m.type === "string" && typeof m.size === "number";
}

/** Where an upload's bytes live in the store: a digest of the widget id, the upload's random id, its name. */
function storeKey(widgetId: string, meta: FileMeta): string {
  return `${digest(widgetId)}/${meta.fileId}/${meta.name.slice(0, 200)}`;
}

/** Uploads already copied to the store by an earlier run of the same request (st.rerun). */
const STORED_IN_REQUEST = slot(() => new Set<string>());

export function uploadedFile(meta: FileMeta, read: () => Promise<ArrayBuffer>): UploadedFile {
  return {
    fileId: meta.fileId,
    name: meta.name,
    type: meta.type,
    size: meta.size,
    arrayBuffer: read,
    text: async () => new TextDecoder().decode(await read()),
  };
}

/** Which widget a file input is: st.fileUploader, or a capture input (st.cameraInput, st.audioInput). */
export interface FileInputKind {
  elementType: "file_uploader" | "camera_input" | "audio_input";
  /** the `capture` attribute: phones open the camera or microphone instead of the file picker */
  capture?: "user" | "environment";
}

/** The rules a file input checks posted files against. */
export interface FileRules {
  label: string;
  multiple: boolean;
  accepted: string[] | null;
  maxSize: number;
}

/** Reads the metadata of the files that arrived (made by the server, see engine/submission.ts) and checks it. */
export function parseUploads(raw: string[], r: FileRules): { value: FileMeta | FileMeta[] | null } | { error: string } {
  const files: { name: string; type: string; size: number }[] = [];
  for (const text of raw) {
    let f: unknown;
    try {
      f = JSON.parse(text);
    } catch {
      return { error: `${r.label}: a file could not be read.` };
    }
    const m = f as Record<string, unknown>;
    if (!m || typeof m.name !== "string" || typeof m.type !== "string" || typeof m.size !== "number") {
      return { error: `${r.label}: a file could not be read.` };
    }
    files.push({ name: m.name, type: m.type, size: m.size });
  }
  if (!r.multiple && files.length > 1) return { error: `${r.label}: choose one file only.` };
  for (const f of files) {
    if (r.accepted && !typeAllowed(f, r.accepted)) {
      const ext = /\.[^./]+$/.exec(f.name)?.[0]?.toLowerCase();
      return { error: `${r.label}: ${f.name}: ${ext ? `${ext} files are` : "this type of file is"} not allowed (accepted: ${r.accepted.join(", ")}).` };
    }
    if (f.size > r.maxSize) return { error: `${r.label}: ${f.name} is ${formatSize(f.size)}; files must be ${formatSize(r.maxSize)} or smaller.` };
  }
  const metas = files.map((f) => ({ fileId: crypto.randomUUID(), ...f }));
  return { value: r.multiple ? metas : (metas[0] ?? null) };
}

/** The files this request carried, read from the request; a run that answers also copies them to the store. */
function filesPostedNow(ctx: RunContext, widgetId: string, metas: FileMeta[], posted: File[], store: UploadStore | null, props: UploaderProps): UploadedFile[] {
  if (store && ctx.mode === "run") {
    const done = ctx.request.slots.get(STORED_IN_REQUEST);
    metas.forEach((m, i) => {
      const k = storeKey(widgetId, m);
      if (done.has(k)) return;
      done.add(k);
      // Awaited by the engine before the response (ctx.pending): a Worker may not outlive it.
      ctx.pending.push(
        store.put(k, posted[i]!, m.type || "application/octet-stream").catch((err: unknown) => {
          console.error(`formlit: storing upload ${m.name} failed: ${String(err)}`);
          props.storeError = `${m.name} could not be kept for later runs: the upload store did not accept it.`;
        }),
      );
    });
  }
  return metas.map((m, i) => {
    const file = posted[i]!;
    return uploadedFile(m, () => {
      // bytes no store keeps: a later replay of this run could not read them
      if (!store) ctx.readUnkeptUpload = true;
      return file.arrayBuffer();
    });
  });
}

/** Files an earlier request carried: read from the store. */
function filesFromStore(store: UploadStore, widgetId: string, metas: FileMeta[]): UploadedFile[] {
  return metas.map((m) =>
    uploadedFile(m, async () => {
      const bytes = await store.get(storeKey(widgetId, m));
      if (!bytes) throw new Error(`The uploaded file "${m.name}" is no longer in the upload store. Upload it again.`);
      return bytes;
    }),
  );
}

/** Files an earlier request carried, with no store: their metadata only; reading the bytes says why not. */
function filesNotKept(metas: FileMeta[]): UploadedFile[] {
  return metas.map((m) =>
    uploadedFile(m, () =>
      Promise.reject(
        new Error(
          `The content of the uploaded file "${m.name}" was only available in the run that received it. ` +
            "To read it in later runs, give the app an upload store: createApp({ uploads: (env) => env.BUCKET }) with an R2 bucket binding.",
        ),
      ),
    ),
  );
}

export function fileUploader(
  c: ContainerBase,
  label: string,
  opts: FileUploaderOptions = {},
  as: FileInputKind = { elementType: "file_uploader" },
): UploadedFile | UploadedFile[] | null {
  const key = keyOf(opts.key);
  const rules: FileRules = { label, multiple: opts.acceptMultipleFiles ?? false, accepted: acceptedTypes(opts.type), maxSize: opts.maxUploadSize ?? DEFAULT_MAX_SIZE };
  const { multiple, accepted, maxSize } = rules;
  if (!(maxSize > 0)) throw new StreamlitAPIException(`\`maxUploadSize\` must be a positive number of bytes, not ${pyRepr(maxSize)}.`);

  const reg = register<FileMeta | FileMeta[] | null>(c, {
    elementType: as.elementType,
    key,
    idParams: { label, type: accepted, accept_multiple_files: multiple, help: opts.help, max_upload_size: opts.maxUploadSize },
    keyedIdParams: ["type", "accept_multiple_files", "max_upload_size"],
    style: "file",
    initial: multiple ? [] : null,
    hasDefault: false,
    // Streamlit: "Values for the widget with key ... cannot be set using st.session_state."
    writesAllowed: false,
    callback: callbackOf(opts.onChange, opts.args),
    parse(raw) {
      return parseUploads(raw, rules);
    },
    serialize(v) {
      const list = v === null ? [] : Array.isArray(v) ? v : [v];
      if (!list.every(isMeta) || (!multiple && Array.isArray(v))) {
        throw new WrongValueType(pyRepr(v), pyType(v), multiple ? "list of uploaded files" : "uploaded file, None");
      }
      return list.map(fileFieldValue);
    },
  });

  const ctx = c._run();
  const metas = reg.value === null ? [] : Array.isArray(reg.value) ? reg.value : [reg.value];
  const posted = ctx.request.files.get(reg.id) ?? [];
  // The files of this request are the value only if the widget took them (not refused, not staged in an st.form).
  const fresh =
    !reg.error && !reg.pending && posted.length > 0 && posted.length === metas.length && metas.every((m, i) => fileFieldValue(m) === fileFieldValue(posted[i]!));
  const store = ctx.app.uploads?.(ctx.request.env) ?? null;
  const props: UploaderProps = { ...widgetProps(reg, label, key, opts), kind: as.elementType, capture: as.capture ?? null, accept: accepted, multiple, maxSize, gone: !fresh && !store && metas.length > 0, storeError: null };
  const files = fresh ? filesPostedNow(ctx, reg.id, metas, posted, store, props) : store ? filesFromStore(store, reg.id, metas) : filesNotKept(metas);
  c._push(fileFamily.node("file_uploader", props));
  return multiple ? files : (files[0] ?? null);
}

/**
 * Whether the page has a file input: an uploader, or another element whose props say it posts
 * files (a chat input taking files). Its form must then post multipart/form-data.
 */
export function hasFileInput(nodes: ElementNode[] | undefined): boolean {
  return (nodes ?? []).some((n) => n.type === "file_uploader" || n.props.postsFiles === true || hasFileInput(n.children));
}

// ---- rendering -----------------------------------------------------------------------------------

type UploaderProps = WidgetProps & { kind?: string; capture?: string | null; accept: string[] | null; multiple: boolean; maxSize: number; gone: boolean; storeError: string | null };

interface FileKinds {
  file_uploader: UploaderProps;
}

/** The uploader's notes: what it accepts, the files it holds (and their Remove box), what went wrong or waits. */
function uploaderNotes(p: UploaderProps, metas: FileMeta[]) {
  const id = domId(p.id);
  // A file staged in an st.form that was not submitted did not stay: it must be chosen again.
  const stagedFile = p.pending && p.raw.length > 0;
  const stagedRemoval = p.pending && p.raw.length === 0;
  const kinds = p.accept ? ` · ${p.accept.map((t) => t.replace(/^\./, "").toUpperCase()).join(", ")}` : "";
  const what = metas.length === 1 ? metas[0]!.name : `all ${metas.length} files`;
  return {
    limits: html`<p class="fl-help" id="${id}-limits">Limit ${formatSize(p.maxSize)} per file${kinds}</p>`,
    list:
      metas.length > 0 &&
      html`<ul class="fl-files" id="${id}-files" aria-label="Uploaded files">${metas.map((m) => html`<li><span class="fl-file-name">${m.name}</span> <span class="fl-file-size">${formatSize(m.size)}</span></li>`)}</ul>${html`<label class="fl-file-remove"><input type="checkbox" class="fl-check" name="${CLEAR_FILES_FIELD}" value="${p.id}"${stagedRemoval && html` checked`}${disabledAttr(p)}> Remove ${what}</label>`}`,
    gone: p.gone && html`<p class="fl-help fl-file-gone" id="${id}-gone">The content of ${metas.length === 1 ? metas[0]!.name : "these files"} was only available in the run that received it.</p>`,
    store: p.storeError && html`<p class="fl-field-error" id="${id}-store" role="alert">${p.storeError}</p>`,
    pending: stagedFile
      ? html`<p class="fl-pending" id="${id}-pending">Not submitted yet: choose the file again and press the form's submit button.</p>`
      : stagedRemoval && html`<p class="fl-pending" id="${id}-pending">Not submitted yet: press the form's submit button.</p>`,
  };
}

function uploaderHtml(p: UploaderProps): Html {
  const id = domId(p.id);
  const metas = ((p.value === null ? [] : Array.isArray(p.value) ? p.value : [p.value]) as unknown[]).filter(isMeta);
  const notes = uploaderNotes(p, metas);
  const described = [`${id}-limits`];
  if (p.help) described.push(`${id}-help`);
  if (p.error) described.push(`${id}-err`);
  if (notes.list) described.push(`${id}-files`);
  if (notes.gone) described.push(`${id}-gone`);
  if (notes.store) described.push(`${id}-store`);
  if (notes.pending) described.push(`${id}-pending`);
  const input = html`<input class="fl-input fl-file" type="file" id="${id}" name="${p.id}"${p.accept && html` accept="${p.accept.join(",")}"`}${p.multiple && html` multiple`}${
    p.capture && html` capture="${p.capture}"`
  } aria-describedby="${described.join(" ")}"${invalidAttr(p)}${disabledAttr(p)}>`;
  // notesHtml adds the error; its own pending note is replaced by the uploader's.
  return html`<div class="fl-widget fl-file_uploader"${widgetData(p.kind ?? "file_uploader", p)}>${labelHtml(p)}<div class="fl-dropzone">${input}${notes.limits}</div>${notes.list}${notes.gone}${notes.store}${notes.pending}${notesHtml({ ...p, pending: false })}</div>`;
}

const renderers: KindRenderers<FileKinds> = {
  file_uploader: uploaderHtml,
};

/** This family's CSS, appended to the theme (use the theme's --fl-* colour variables). */
const filesCss =
  `.fl-dropzone{border:1px dashed var(--fl-line);border-radius:.5rem;padding:.75rem;background:var(--fl-side)}` +
  `.fl-dropzone .fl-help{margin:.4rem 0 0}.fl-file{padding:.35rem;background:var(--fl-input)}` +
  `.fl-file::file-selector-button{font:inherit;color:inherit;background:var(--fl-bg);border:1px solid var(--fl-line);border-radius:.4rem;padding:.25rem .7rem;margin-right:.6rem;cursor:pointer}` +
  `.fl-files{list-style:none;margin:.5rem 0;padding:0}.fl-files li{display:flex;gap:.5rem;align-items:baseline;padding:.2rem 0;border-bottom:1px solid var(--fl-line)}` +
  `.fl-file-name{overflow-wrap:anywhere}.fl-file-size{color:var(--fl-muted);font-size:.85rem}` +
  `.fl-file-remove{display:inline-flex;gap:.4rem;align-items:center;font-size:.9rem}` +
  `.fl-file-gone{color:var(--fl-warn)}`;
export const fileFamily = defineFamily<FileKinds>(renderers, filesCss);
