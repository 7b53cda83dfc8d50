/**
 * Where media comes from: an http(s) or relative URL, or bytes sent inline as a data: URL (no
 * server memory holds them between requests, so a route could not serve them back).
 */
import { StreamlitAPIException } from "../engine/errors.ts";

export type MediaData = string | Uint8Array | ArrayBuffer;

export function base64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** A URL's scheme (lower case) as the browser would read it (it ignores tabs and newlines); undefined for a relative URL. */
export function urlScheme(src: string): string | undefined {
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(src.replace(/[\u0000-\u0020\u007f]/g, ""))?.[1]?.toLowerCase();
}

/** A URL as the browser would read it, or null when its scheme is not http(s). */
export function webUrl(src: string): string | null {
  const scheme = urlScheme(src);
  return scheme === undefined || scheme === "http" || scheme === "https" ? src.trim() : null;
}

/**
 * The src for `data` of a `kind` ("image", "audio", "video") medium, or a StreamlitAPIException
 * whose message names the command.
 */
export function mediaSrc(data: MediaData, kind: string, mime: string, command: string): string {
  if (typeof data === "string") {
    // a data: URL of this kind of medium is as harmless as its bytes
    if (new RegExp(`^\\s*data:${kind}/`, "i").test(data)) return data.trim();
    const url = webUrl(data);
    if (url === null) throw new StreamlitAPIException(`${command}: only http(s) and relative URLs are used, not other schemes. Pass the bytes instead.`);
    return url;
  }
  if (!(data instanceof Uint8Array || data instanceof ArrayBuffer)) {
    throw new StreamlitAPIException(`${command}: pass a URL (a string) or the ${kind}'s bytes (a Uint8Array).`);
  }
  if (!new RegExp(`^${kind}/[a-z0-9.+-]{1,64}$`, "i").test(mime)) throw new StreamlitAPIException(`${command}: "${mime}" is not ${kind === "audio" ? "an" : "a"} ${kind} MIME type.`);
  return `data:${mime};base64,${base64(data instanceof Uint8Array ? data : new Uint8Array(data))}`;
}
