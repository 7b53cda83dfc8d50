/**
 * st.downloadButton: the file comes from the app's download route (http/download.ts), which
 * replays the last run with its triggers released to get the data; a click that reruns is a press
 * posted in "_dl". See `downloadButton`.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { DOWNLOAD_FIELD } from "../protocol/form.ts";
import { base64 } from "./media-source.ts";
import { callbackOf, domId, keyOf, pyType, widgetProps, widgetTip, widgetWrap, type WidgetProps } from "./common.ts";
import { PRESS, buttonClass, buttonContent, checkButtonType, type ButtonOptions, type ButtonType } from "./buttons.ts";
import { checkIcon } from "./icon.ts";
import { register } from "./register.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { html } from "../render/html.ts";
import { sized } from "./sizing.ts";

export interface DownloadButtonOptions extends Omit<ButtonOptions, "onClick"> {
  fileName?: string;
  mime?: string;
  /**
   * What a click does besides downloading: "rerun" (the default) reruns the app, or only the
   * fragment the button is in, and the button returns true in that run; a function is called
   * (with `args`) before that rerun; "ignore" only downloads. Without JavaScript a click that
   * reruns posts the page's form and is answered with the file: the page stays as it was, and the
   * next page shows what the rerun did.
   */
  onClick?: "rerun" | "ignore" | ((...args: any[]) => unknown);
}

/** What st.downloadButton serves: text or bytes, or a function that makes them when they are asked for. */
export type DownloadData = string | Uint8Array | (() => string | Uint8Array | Promise<string | Uint8Array>);

/**
 * st.downloadButton: a link styled as a button, to `<base>/_formlit/download?w=<widget id>`; the
 * route replays the last run (output discarded, triggers released) and serves the payload this
 * widget registered there, calling `data` then when it is a function (Streamlit's deferred data).
 *
 * A download the replay cannot find (the live run drew it after it looked at a pressed trigger:
 * `if (st.button("Make report")) st.downloadButton(...)`) travels inside the page instead, as a
 * `data:` URL: no request can draw it again without pressing the button again.
 *
 * A click reruns (Streamlit's `on_click="rerun"`, the default, or a callback): the button is a
 * submit button that names itself in "_dl". With JavaScript the client script follows the link
 * (the file, from the run that drew the button) and posts the press, so a fragment reruns alone;
 * without it the post is answered with the file itself (http/run-request.ts). With "ignore" it
 * is only the link: nothing is posted.
 */
export function downloadButton(c: ContainerBase, label: string, data: DownloadData, opts: DownloadButtonOptions = {}): boolean {
  const key = keyOf(opts.key);
  if (typeof data !== "string" && typeof data !== "function" && !(data instanceof Uint8Array) && !((data as unknown) instanceof ArrayBuffer)) {
    throw new StreamlitAPIException(`Invalid binary data format: ${pyType(data)}. st.download_button takes a string, bytes (Uint8Array) or a function returning either.`);
  }
  const payload: DownloadPayload = { data, fileName: opts.fileName ?? null, mime: opts.mime ?? null };
  // (the id's parameters: a function's result is not known yet, so its defaults are decided when served)
  const type = checkButtonType("st.download_button", opts.type);
  const icon = checkIcon(opts.icon);
  const defaults = fileDefaults(data);
  const fileName = opts.fileName ?? defaults.fileName;
  const mime = opts.mime ?? defaults.mime;
  const onClick = opts.onClick ?? "rerun";
  if (onClick !== "rerun" && onClick !== "ignore" && typeof onClick !== "function") {
    throw new StreamlitAPIException(`\`on_click\` must be a callable, "rerun" or "ignore"; got ${JSON.stringify(String(onClick))}.`);
  }
  const reruns = onClick !== "ignore";
  // (its own press is looked at as it registers; a replay, released, draws it at the same place)
  const drawnAfterPress = c._run().presses.seen;
  const reg = register<boolean>(c, {
    elementType: "download_button",
    key,
    idParams: { label, file_name: fileName, mime, help: opts.help, type: opts.type, icon: opts.icon, use_container_width: opts.useContainerWidth },
    style: reruns ? "download-rerun" : "download",
    ...PRESS,
    callback: typeof onClick === "function" ? callbackOf(onClick, opts.args) : null,
    payload,
  });
  const ctx = c._run();
  const props: DownloadProps = {
    ...widgetProps(reg, label, key, { ...opts, labelVisibility: "visible" }),
    href: `${ctx.request.base}/_formlit/download?w=${encodeURIComponent(reg.id)}`,
    fileName: opts.fileName ?? (typeof data === "function" ? "" : fileName),
    type,
    icon,
    wide: opts.useContainerWidth ?? false,
    reruns,
  };
  if (ctx.mode === "run" && drawnAfterPress) ctx.pending.push(inline(payload).then((file) => Object.assign(props, file)));
  c._push(sized(downloadFamily.node("download_button", props), opts));
  return reg.value;
}

/** What st.downloadButton registers as its payload (the download route reads it). */
export interface DownloadPayload {
  data: DownloadData | ArrayBuffer;
  /** as the author gave them (null: decided by what the data turns out to be) */
  fileName: string | null;
  mime: string | null;
}

/** The file to serve: its content (the function called, if the data is one), type and name. */
export async function downloadFile(payload: DownloadPayload): Promise<{ data: string | Uint8Array | ArrayBuffer; mime: string; fileName: string }> {
  const data = typeof payload.data === "function" ? await payload.data() : payload.data;
  const defaults = fileDefaults(data);
  const mime = payload.mime ?? defaults.mime;
  // a type that is not printable ASCII could not be a header: plain bytes instead
  return { data, mime: /^[\x20-\x7e]+$/.test(mime) ? mime : "application/octet-stream", fileName: payload.fileName ?? defaults.fileName };
}

/** Streamlit's name and type for a download the author named none for: by whether it is text. */
function fileDefaults(data: unknown): { fileName: string; mime: string } {
  return typeof data === "string" ? { fileName: "download.txt", mime: "text/plain;charset=utf-8" } : { fileName: "download", mime: "application/octet-stream" };
}

/** The file as a `data:` URL, and its name. */
async function inline(payload: DownloadPayload): Promise<{ href: string; fileName: string }> {
  const { data, mime, fileName } = await downloadFile(payload);
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data instanceof Uint8Array ? data : new Uint8Array(data);
  return { href: `data:${mime.replace(/[",]/g, "")};base64,${base64(bytes)}`, fileName };
}

type DownloadProps = WidgetProps & { href: string; fileName: string; type: ButtonType; icon: string; wide: boolean; reruns: boolean };

const renderers: KindRenderers<{ download_button: DownloadProps }> = {
  download_button: (p) => {
    const cls = buttonClass(p.type, p.wide, " fl-download");
    const help = p.help && html` aria-describedby="${domId(p.id)}-help"`;
    const inner = buttonContent(p.icon, p.label);
    const link = p.disabled
      ? html`<a class="${cls}" id="${domId(p.id)}" role="link" aria-disabled="true"${help}>${inner}</a>`
      : // a file that travels in the page (data:) no post could serve: only its link, which cannot rerun without JavaScript
        p.reruns && !p.href.startsWith("data:")
        ? html`<button type="submit" class="${cls}" id="${domId(p.id)}" name="${DOWNLOAD_FIELD}" value="${p.id}" data-href="${p.href}" data-file="${p.fileName}"${help}>${inner}</button>`
        : html`<a class="${cls}" id="${domId(p.id)}" href="${p.href}" download="${p.fileName}"${help}>${inner}</a>`;
    return widgetWrap("download_button", { ...p, error: undefined, pending: false }, html`${link}${widgetTip(p)}`);
  },
};

const downloadCss = `a.fl-button{display:inline-block;text-decoration:none}a.fl-button[aria-disabled=true]{opacity:.55;cursor:not-allowed}`;
export const downloadFamily = defineFamily<{ download_button: DownloadProps }>(renderers, downloadCss);
