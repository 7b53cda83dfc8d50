/**
 * Media: st.audio and st.video as native <audio>/<video> players (start and end times as a media
 * fragment, `#t=start,end`, which browsers honour without a script; subtitles as <track>s), and
 * st.cameraInput / st.audioInput as file inputs with `capture`, returning an uploaded file.
 */
import type { ContainerBase } from "./base.ts";
import { StreamlitAPIException } from "../engine/errors.ts";
import { fileUploader, type UploadedFile } from "./files.ts";
import { base64, mediaSrc, type MediaData } from "./media-source.ts";
import type { WidgetOptions, ChangeOptions } from "./common.ts";
import { defineFamily, type KindRenderers } from "./family.ts";
import { html } from "../render/html.ts";

/** Seconds, or a duration string such as "10s", "15 seconds", "1h23s", "1m30s" or "00:01:30". */
export type MediaTime = number | string;

interface PlayerOptions {
  /** the MIME type of bytes (default audio/wav, video/mp4) */
  format?: string;
  startTime?: MediaTime;
  endTime?: MediaTime | null;
  loop?: boolean;
  autoplay?: boolean;
}

export type AudioOptions = PlayerOptions;

/** Subtitles: WebVTT or SRT text (or bytes), or several as `{ label: text }` (the first shows by default). */
export type SubtitleData = string | Uint8Array | Record<string, string | Uint8Array>;

export interface VideoOptions extends PlayerOptions {
  subtitles?: SubtitleData | null;
  muted?: boolean;
}

const UNIT_SECONDS: Record<string, number> = { h: 3600, hour: 3600, hours: 3600, m: 60, min: 60, mins: 60, minute: 60, minutes: 60, s: 1, sec: 1, secs: 1, second: 1, seconds: 1, ms: 0.001 };

function parseTime(name: string, v: MediaTime): number {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const text = String(v).trim().toLowerCase();
  const clock = /^(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(text);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)\s*/g)];
  if (typeof v === "string" && parts.length && parts.map((p) => p[0]).join("") === text.replace(/^\s+/, "") && parts.every((p) => p[2]! in UNIT_SECONDS)) {
    return parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_SECONDS[p[2]!]!, 0);
  }
  throw new StreamlitAPIException(
    `Failed to convert '${name}' to a timedelta. Please use a string in a format supported by [Pandas Timedelta constructor](https://pandas.pydata.org/docs/reference/api/pandas.Timedelta.html), e.g. \`"10s"\`, \`"15 seconds"\`, or \`"1h23s"\`. Got: ${String(v)}`,
  );
}

/** Streamlit's start/end checks; whole seconds, as Streamlit keeps them. */
function times(opts: PlayerOptions): { start: number; end: number | null } {
  const start = Math.trunc(parseTime("start_time", opts.startTime ?? 0));
  const end = opts.endTime === undefined || opts.endTime === null ? null : Math.trunc(parseTime("end_time", opts.endTime));
  if (start < 0 || (end !== null && end <= start)) throw new StreamlitAPIException("Invalid start_time and end_time combination.");
  return { start, end };
}

/** The `#t=` media fragment for a start and end, or nothing for the whole file. */
const fragment = (t: { start: number; end: number | null }) => (t.start === 0 && t.end === null ? "" : `#t=${t.start}${t.end === null ? "" : `,${t.end}`}`);

export function audio(c: ContainerBase, data: MediaData, opts: AudioOptions = {}) {
  const src = mediaSrc(data, "audio", opts.format ?? "audio/wav", "st.audio");
  c._push(mediaFamily.node("audio", { src: src + fragment(times(opts)), loop: opts.loop ?? false, autoplay: opts.autoplay ?? false }));
}

/** The YouTube video id of a watch, short or embed link, as Streamlit recognises them. */
function youtubeId(url: string): string | null {
  return /^https?:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:.*&)?v=|embed\/|v\/)|youtu\.be\/)([\w-]{6,20})/i.exec(url)?.[1] ?? null;
}

/** SRT and WebVTT differ in a header and the decimal comma; anything else is refused. */
function toVtt(data: string | Uint8Array): string {
  const text = (typeof data === "string" ? data : new TextDecoder().decode(data)).replace(/^\uFEFF/, "").trim();
  if (/^WEBVTT/.test(text)) return text;
  if (/^\d+\s*\r?\n\d{2}:\d{2}:\d{2},\d{3}\s*-->\s*\d{2}:\d{2}:\d{2},\d{3}/.test(text)) {
    return "WEBVTT\n\n" + text.replace(/(\d{2}:\d{2}:\d{2}),(\d{3})/g, "$1.$2");
  }
  throw new StreamlitAPIException("The provided string neither matches valid VTT nor SRT format.");
}

function tracks(subtitles: SubtitleData | null | undefined): { label: string; src: string }[] {
  if (subtitles === undefined || subtitles === null || subtitles === "") return [];
  const items: [string, string | Uint8Array][] =
    typeof subtitles === "string" || subtitles instanceof Uint8Array ? [["default", subtitles]] : Object.entries(subtitles);
  return items.map(([label, text]) => ({ label, src: `data:text/vtt;base64,${base64(new TextEncoder().encode(toVtt(text)))}` }));
}

export function video(c: ContainerBase, data: MediaData, opts: VideoOptions = {}) {
  const t = times(opts);
  const yt = typeof data === "string" ? youtubeId(data.trim()) : null;
  if (yt) {
    if (opts.subtitles) throw new StreamlitAPIException("Subtitles are not supported for YouTube videos.");
    const params = new URLSearchParams();
    if (t.start) params.set("start", String(t.start));
    if (t.end !== null) params.set("end", String(t.end));
    if (opts.loop) params.set("loop", "1"), params.set("playlist", yt);
    if (opts.autoplay) params.set("autoplay", "1");
    if (opts.muted) params.set("mute", "1");
    const query = params.size ? `?${params}` : "";
    c._push(mediaFamily.node("youtube", { src: `https://www.youtube.com/embed/${yt}${query}` }));
    return;
  }
  const src = mediaSrc(data, "video", opts.format ?? "video/mp4", "st.video");
  c._push(mediaFamily.node("video", { src: src + fragment(t), tracks: tracks(opts.subtitles), loop: opts.loop ?? false, autoplay: opts.autoplay ?? false, muted: opts.muted ?? false }));
}

export type CaptureInputOptions = WidgetOptions & ChangeOptions;

/**
 * st.cameraInput: a file input for one image with `capture`, so a phone opens its camera (a
 * desktop browser shows its file picker). Returns an UploadedFile, as st.fileUploader does.
 */
export const cameraInput = (c: ContainerBase, label: string, opts: CaptureInputOptions = {}) =>
  fileUploader(c, label, { ...opts, type: "image/*" }, { elementType: "camera_input", capture: "user" }) as UploadedFile | null;

/** st.audioInput: the same for a recording from the microphone (audio files on a desktop). */
export const audioInput = (c: ContainerBase, label: string, opts: CaptureInputOptions = {}) =>
  fileUploader(c, label, { ...opts, type: "audio/*" }, { elementType: "audio_input", capture: "user" }) as UploadedFile | null;

interface PlayerFlags {
  loop: boolean;
  autoplay: boolean;
  muted?: boolean;
}
interface MediaKinds {
  audio: PlayerFlags & { src: string };
  video: PlayerFlags & { src: string; tracks: { label: string; src: string }[] };
  youtube: { src: string };
}

const flags = (p: PlayerFlags) => html`${p.loop && html` loop`}${p.autoplay && html` autoplay`}${p.muted && html` muted`}`;

const renderers: KindRenderers<MediaKinds> = {
  audio: (p) => html`<audio class="fl-audio" data-kind="audio" controls preload="metadata" src="${p.src}"${flags(p)}></audio>`,
  video: (p) => {
    const tracks = p.tracks.map((t, i) => html`<track kind="captions" label="${t.label}" src="${t.src}"${i === 0 && html` default`}>`);
    return html`<video class="fl-video" data-kind="video" controls preload="metadata" src="${p.src}"${flags(p)}>${tracks}</video>`;
  },
  youtube: (p) =>
    html`<iframe class="fl-video fl-youtube" data-kind="video" src="${p.src}" title="YouTube video" allow="autoplay; encrypted-media; picture-in-picture" allowfullscreen loading="lazy"></iframe>`,
};

const mediaCss = `

.fl-audio{display:block;width:100%;margin:0 0 1rem}
.fl-video{display:block;width:100%;margin:0 0 1rem;border:0;border-radius:.5rem;background:#000}.fl-youtube{aspect-ratio:16/9;height:auto}
`;
export const mediaFamily = defineFamily<MediaKinds>(renderers, mediaCss);
