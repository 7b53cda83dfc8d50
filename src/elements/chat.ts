/**
 * Chat: st.chatInput (a text field that sends on Enter and returns its text for exactly one run)
 * and st.chatMessage (a container drawn as one message of a conversation).
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { CHAT_SEND_FIELD } from "../protocol/form.ts";
import { callbackOf, describedBy, disabledAttr, domId, keyOf, notesHtml, pyRepr, widgetData, type WidgetProps, widgetProps } from "./common.ts";
import type { Json } from "../engine/state.ts";
import { register } from "./register.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { html, type Html } from "../render/html.ts";
import type { ElementNode } from "../engine/tree.ts";
import { MAX_TEXT_CHARS } from "./limits.ts";
import { base64, webUrl } from "./media-source.ts";
import { materialName } from "../render/icon.ts";
import { typeOfBytes } from "./file-types.ts";
import { chatFileInputs, chatFiles, chatFilesCss, chatInputValue, parseChatPost, takesFiles, type ChatFiles, type ChatInputValue } from "./chat-files.ts";

export interface ChatInputOptions {
  key?: string | number;
  /** longer messages are refused with a message next to the field */
  maxChars?: number;
  disabled?: boolean;
  /** called with `args` when a message is sent, before the script reruns */
  onSubmit?: (...args: any[]) => unknown;
  args?: unknown[];
  /**
   * let the message carry files: `true` (one), `"multiple"`, or `"directory"` (a folder, through
   * the browser's folder picker); default false. The chat input then returns a
   * {@link ChatInputValue} (`{ text, files, audio }`) instead of the text. Changing it resets a
   * keyed chat input, as in Streamlit.
   */
  acceptFile?: boolean | "multiple" | "directory";
  /** the files' accepted extensions or MIME types, as st.fileUploader's `type` */
  fileType?: string | string[];
  /**
   * let the message carry a voice recording (default false): a file input for audio that opens a
   * phone's microphone (a desktop's file picker: no recording in the page without JavaScript);
   * the value's `audio`
   */
  acceptAudio?: boolean;
  /** largest accepted file, in bytes (default 10 MB; Streamlit counts megabytes) */
  maxUploadSize?: number;
  /** the text field's height: `"content"` (default: it grows with the message) or pixels */
  height?: "content" | number;
}

export interface ChatMessageOptions {
  /**
   * an emoji, "user"/"assistant", a `:material/name:` icon, or an image: its bytes (PNG, JPEG, GIF
   * or WebP, told by their first bytes), a `data:image/...` URL, an http(s) URL or a same-origin
   * path ("/avatars/bot.png")
   */
  avatar?: string | Uint8Array | ArrayBuffer;
}

/** What a chat message shows as its avatar, as Streamlit picks it from the name and `avatar`. */
type Avatar = { kind: "preset"; value: "user" | "assistant" } | { kind: "text"; value: string } | { kind: "image"; value: string } | { kind: "none" };

const PRESETS = new Set(["user", "assistant", "ai", "human"]);
const EMOJI = /^\p{Extended_Pictographic}/u;


export function chatInput(c: ContainerBase, placeholder = "Your message", opts: ChatInputOptions = {}): string | ChatInputValue | null {
  if (c._formId() !== null) throw new StreamlitAPIException("`st.chat_input()` can't be used in a `st.form()`.");
  const ctx = c._run("st.chatInput");
  const key = keyOf(opts.key);
  const limit = opts.maxChars ?? MAX_TEXT_CHARS;
  const files = chatFiles(opts.acceptFile, opts.fileType, opts.acceptAudio, opts.maxUploadSize);
  const height = chatHeight(opts.height);
  const withFiles = takesFiles(files);
  const reg = register<Json>(c, {
    elementType: "chat_input",
    key,
    idParams: {
      placeholder: String(placeholder),
      max_chars: opts.maxChars,
      ...(withFiles && { accept_file: files.accept, file_type: files.types, accept_audio: files.audio, max_upload_size: opts.maxUploadSize }),
    },
    keyedIdParams: ["max_chars", "accept_file", "file_type", "max_upload_size"],
    formId: null,
    style: "chat",
    initial: null,
    hasDefault: false,
    isTrigger: true,
    writesAllowed: false,
    callback: callbackOf(opts.onSubmit, opts.args),
    parse(raw) {
      const text = raw[0] ?? "";
      if (text.length > limit) return { error: `The message is ${text.length} characters long, over the limit of ${limit}. It was not sent.` };
      if (withFiles) return parseChatPost(raw, String(placeholder), files);
      // only an empty message is not sent: Streamlit sends one of spaces as it is
      return { value: text === "" ? null : text };
    },
    serialize() {
      return [""];
    },
  });
  // In the main area itself (not in a container), Streamlit pins the chat input to the bottom.
  const bottom = c._nodes() === ctx.page.main;
  c._push(chatFamily.node("chat_input", { ...widgetProps(reg, String(placeholder), key, { disabled: opts.disabled }), maxChars: opts.maxChars ?? null, bottom, files, postsFiles: withFiles, height }));
  if (withFiles) return reg.value !== null && typeof reg.value === "object" ? chatInputValue(ctx, reg.id, reg.value as never) : null;
  return typeof reg.value === "string" ? reg.value : null;
}

/** A chat input's `height`: "content" (it grows with the text) or a number of pixels. */
function chatHeight(height: unknown): number | null {
  if (height === undefined || height === "content") return null;
  if (typeof height === "number" && Number.isInteger(height) && height > 0) return height;
  throw new StreamlitAPIException(`Invalid height value: ${pyRepr(height)}. Height must be either a positive integer (pixels) or 'content'.`);
}

function avatarOf(name: string, avatar: ChatMessageOptions["avatar"]): Avatar {
  if (avatar instanceof Uint8Array || avatar instanceof ArrayBuffer) return { kind: "image", value: imageBytesUrl(avatar) };
  if (avatar !== undefined && typeof avatar !== "string") throw noImage();
  const chosen = avatar ?? (PRESETS.has(name.toLowerCase()) || EMOJI.test(name) ? name.toLowerCase() : undefined);
  if (chosen === undefined) return { kind: "none" };
  if (PRESETS.has(chosen)) return { kind: "preset", value: chosen === "ai" || chosen === "assistant" ? "assistant" : "user" };
  if (EMOJI.test(chosen)) return { kind: "text", value: chosen };
  const icon = materialName(chosen);
  if (icon !== null) return { kind: "text", value: icon };
  return { kind: "image", value: imageUrl(chosen) };
}

const noImage = () => new StreamlitAPIException("Failed to load the provided avatar value as an image.");

/** Image bytes as a data: URL of the type their first bytes show; other bytes are no image. */
function imageBytesUrl(data: Uint8Array | ArrayBuffer): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const type = typeOfBytes(bytes);
  if (!type?.startsWith("image/")) throw noImage();
  return `data:${type};base64,${base64(bytes)}`;
}

/**
 * A string that names an image: a data: URL of an image, an http(s) URL, or a path on this site
 * (where Streamlit would read a local file, a Worker has only its own addresses).
 */
function imageUrl(text: string): string {
  if (/^\s*data:image\/[a-z0-9.+-]+[;,]/i.test(text)) return text.trim();
  const url = webUrl(text);
  if (url !== null && /^(https?:\/\/[^/\s]|\/)/i.test(url)) return url;
  throw noImage();
}

export function chatMessage(c: ContainerBase, name: string, opts: ChatMessageOptions = {}): ContainerBase {
  if (name === null || name === undefined) {
    throw new StreamlitAPIException("The author name is required for a chat message, please set it via the parameter `name`.");
  }
  const avatar = avatarOf(String(name), opts.avatar);
  return c._child(c._push(chatFamily.node("chat_message", { name: String(name), avatar }, [])));
}

type ChatInputProps = WidgetProps & { maxChars: number | null; bottom: boolean; files: ChatFiles; postsFiles: boolean; height: number | null };

interface ChatKinds {
  chat_input: ChatInputProps;
  chat_message: { name: string; avatar: Avatar };
}

/** A chat input called on the main area itself: the page pins it to the bottom. */
export const pinnedToBottom = (n: ElementNode) => n.type === "chat_input" && n.props.bottom === true;

function avatarHtml(a: Avatar, name: string): Html {
  if (a.kind === "image") return html`<img class="fl-avatar" src="${a.value}" alt="">`;
  const text = a.kind === "preset" ? (a.value === "user" ? "🙂" : "🤖") : a.kind === "text" ? a.value : name.slice(0, 1).toUpperCase();
  const cls = a.kind === "preset" ? ` fl-avatar-${a.value}` : "";
  return html`<span class="fl-avatar${cls}" aria-hidden="true">${text}</span>`;
}

const renderers: KindRenderers<ChatKinds> = {
  chat_input: (p) => {
    const id = domId(p.id);
    const max = p.maxChars !== null && html` maxlength="${p.maxChars}"`;
    const sent = { ...p, pending: false };
    // a text area, as Streamlit's (a message may have several lines); the leading newline is the
    // one HTML parsers drop after <textarea>, so that a draft starting with one keeps it
    return html`<div class="fl-widget fl-chat_input${p.bottom ? " fl-chat-bottom" : ""}"${widgetData("chat_input", p)}><label class="fl-label fl-sr-only" for="${id}">${p.label}</label><div class="fl-chat-box">${chatFileInputs(p.id, p.files, p.disabled)}<textarea class="fl-input fl-chat-field" id="${id}" name="${p.id}" rows="1" placeholder="${p.label}"${max}${p.height !== null && html` style="height:${p.height}px"`} autocomplete="off" enterkeyhint="send"${describedBy(sent)}${disabledAttr(p)}>\n${p.raw[0] ?? ""}</textarea><button type="submit" class="fl-chat-send" name="${CHAT_SEND_FIELD}" value="${p.id}"${disabledAttr(p)}><span aria-hidden="true">➤</span><span class="fl-sr-only">Send</span></button></div>${notesHtml(sent)}</div>`;
  },
  chat_message: (p, n, render) => {
    const role = p.avatar.kind === "preset" ? ` fl-chat-${p.avatar.value}` : "";
    return html`<article class="fl-chat-message${role}" data-kind="chat_message" aria-label="Chat message from ${p.name}">${avatarHtml(p.avatar, p.name)}<div class="fl-chat-content">${render(n.children)}</div></article>`;
  },
};

const chatCss = `

.fl-chat-message{display:flex;gap:.75rem;align-items:flex-start;padding:.75rem;border-radius:.5rem;margin:0 0 1rem}
.fl-chat-user{background:var(--fl-side)}
.fl-chat-content{flex:1;min-width:0}.fl-chat-content>:last-child{margin-bottom:0}
.fl-avatar{flex:0 0 2rem;width:2rem;height:2rem;border-radius:.5rem;display:inline-flex;align-items:center;justify-content:center;font-size:1.1rem;background:var(--fl-side);border:1px solid var(--fl-line);overflow:hidden;object-fit:cover}
.fl-avatar-user{background:var(--fl-accent-strong);color:var(--fl-accent-on,#fff);border-color:var(--fl-accent-strong)}.fl-avatar-assistant{background:#f2a516;border-color:#f2a516}
.fl-chat-box{display:flex;gap:.5rem;align-items:flex-end}.fl-chat-field{flex:1;resize:none;field-sizing:content;min-height:2.4rem;max-height:12rem;font:inherit;line-height:1.4}
.fl-chat-send{font:inherit;color:inherit;background:var(--fl-input);border:1px solid var(--fl-line);border-radius:.5rem;padding:.4rem .8rem;cursor:pointer}
.fl-chat-bottom{position:sticky;bottom:0;z-index:1;background:var(--fl-bg);padding:.75rem 0;margin:0}
.fl-stream{white-space:pre-wrap}
${chatFilesCss}`;
export const chatFamily = defineFamily<ChatKinds>(renderers, chatCss);
