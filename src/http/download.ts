/** GET /_formlit/download?w=<widget id>: the bytes a widget of the last run serves (st.downloadButton). */
import type { Context } from "hono";
import { renderMessagePage } from "../render/document.ts";
import { contentDisposition } from "./content-disposition.ts";
import { prepare, requestInfo, type Served } from "./prepare.ts";
import type { Env } from "./options.ts";

/** Bytes a widget of the last run serves (st.downloadButton), as that run registered them. */
export async function serveDownload(c: Context<{ Bindings: Env }>, s: Served): Promise<Response> {
  const prepared = await prepare(c, s, s.base || "/");
  if (prepared instanceof Response) return prepared;
  const { url, engine, verified } = prepared;
  const id = c.req.query("w") ?? "";
  const payload = verified?.ok ? ((await engine.payloadOf(verified.session, id, requestInfo(c, url, new Map(), s.base))) as DownloadPayload | undefined) : undefined;
  if (!payload) {
    return c.html(renderMessagePage("Download not available", "This download belongs to a page that has changed since. Go back, reload the page and try again.", s.base || "/"), 404);
  }
  return new Response(payload.data as BodyInit, {
    headers: {
      // a type that is not printable ASCII could not be a header: serve plain bytes instead
      "Content-Type": /^[\x20-\x7e]+$/.test(payload.mime) ? payload.mime : "application/octet-stream",
      "Content-Disposition": contentDisposition(payload.fileName),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** What st.downloadButton registers as its payload. */
export interface DownloadPayload {
  data: string | Uint8Array | ArrayBuffer;
  fileName: string;
  mime: string;
}

