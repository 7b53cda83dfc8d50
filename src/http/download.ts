/**
 * The bytes a widget of the last run serves (st.downloadButton): GET /_formlit/download?w=<widget
 * id>, and the answer to a page post that pressed a download button without JavaScript.
 */
import type { Context } from "hono";
import type { Session } from "../engine/session.ts";
import type { RequestInfo } from "../engine/run-context.ts";
import type { Engine } from "../engine/run.ts";
import { renderMessagePage } from "../render/document.ts";
import { downloadFile, type DownloadPayload } from "../elements/download-button.ts";
import { contentDisposition } from "./content-disposition.ts";
import { prepare, requestInfo, type Served } from "./prepare.ts";
import type { Env } from "./options.ts";
import { requestAuth } from "./auth.ts";

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
  // (the run is replayed as the signed-in person: what it drew for them is what they may download)
  const request = async () => requestInfo(c, prepared, new Map(), s.base, { auth: await requestAuth(c, s, prepared), fixedScheme: s.style.scheme });
  const payload = verified?.ok ? await drawnDownload(engine, verified.session, id, request) : undefined;
  if (!payload) {
    return c.html(renderMessagePage("Download not available", "This download belongs to a page that has changed since. Go back, reload the page and try again.", s.base || "/"), 404);
  }
  return fileResponse(c, payload);
}

/**
 * What the download button `id` of `session`'s run serves, found by replaying that run with its
 * triggers released; undefined for an id that run did not draw as a download (nothing runs then,
 * and `request`, which may verify who is signed in, is not even made).
 */
export async function drawnDownload(engine: Engine, session: Session, id: string, request: () => Promise<RequestInfo>): Promise<DownloadPayload | undefined> {
  const at = session.l.ids.indexOf(id);
  const style = at < 0 ? null : session.l.style(at);
  if (style !== "download" && style !== "download-rerun") return undefined;
  return (await engine.payloadOf(session, id, await request())) as DownloadPayload | undefined;
}

/** The file as an attachment, with the headers (cookies) the answer already has. */
export async function fileResponse(c: Context, payload: DownloadPayload): Promise<Response> {
  const file = await downloadFile(payload);
  c.header("Content-Type", file.mime);
  c.header("Content-Disposition", contentDisposition(file.fileName));
  c.header("Cache-Control", "no-store");
  c.header("X-Content-Type-Options", "nosniff");
  return c.body(file.data as ArrayBuffer);
}
