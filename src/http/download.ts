/** GET /_formlit/download?w=<widget id>: the bytes a widget of the last run serves (st.downloadButton). */
import type { Context } from "hono";
import { renderMessagePage } from "../render/document.ts";
import { downloadFile, type DownloadPayload } from "../elements/files.ts";
import { contentDisposition } from "./content-disposition.ts";
import { prepare, requestInfo, type Served } from "./prepare.ts";
import type { Env } from "./options.ts";

/**
 * Bytes a widget of the last run serves (st.downloadButton), as that run registered them. The
 * script runs (a replay, with no trigger pressed) only for a download button the last run drew:
 * any other id is answered 404 at once, and another site's page cannot make a visitor's session
 * run it at all.
 */
export async function serveDownload(c: Context<{ Bindings: Env }>, s: Served): Promise<Response> {
  if (c.req.header("Sec-Fetch-Site") === "cross-site") {
    return c.html(renderMessagePage("Download refused", "Downloads start from the app's own pages. Open the app and use its download button.", s.base || "/"), 403);
  }
  const prepared = await prepare(c, s, s.base || "/");
  if (prepared instanceof Response) return prepared;
  const { engine, verified } = prepared;
  const id = c.req.query("w") ?? "";
  const drawn = verified?.ok && verified.session.l.some(([w, style]) => w === id && style === "download");
  const payload = drawn ? ((await engine.payloadOf(verified.session, id, requestInfo(c, prepared, new Map(), s.base))) as DownloadPayload | undefined) : undefined;
  if (!payload) {
    return c.html(renderMessagePage("Download not available", "This download belongs to a page that has changed since. Go back, reload the page and try again.", s.base || "/"), 404);
  }
  const file = await downloadFile(payload);
  return new Response(file.data as BodyInit, {
    headers: {
      "Content-Type": file.mime,
      "Content-Disposition": contentDisposition(file.fileName),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
