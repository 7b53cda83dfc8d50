/**
 * The answer to a page request: the page a run shows (finished, or streaming), in the shape the
 * client asked for (a whole document, the app's form for the client script, an embedded fragment,
 * or one fragment's part), with the headers the client script reads.
 */
import type { Context } from "hono";
import { shownPageOf, type RunOutcome, type ShownPage } from "../engine/outcome.ts";
import type { RunContext } from "../engine/run-context.ts";
import type { Session } from "../engine/session.ts";
import { renderedDigests } from "../engine/submission.ts";
import { navigationOf } from "../navigation/page.ts";
import { renderAppForm, renderDocument, renderDocumentHead, renderEmbed, renderSwap, type DocumentParts } from "../render/document.ts";
import { dialogDomId, fragmentDomId } from "../elements/fragment.ts";
import { CLIENT_FILE } from "../client/asset.ts";
import { ELEMENTS } from "../elements/index.ts";
import { PATH_HEADER, SHAPE_HEADER, SWAP_HEADER, TITLE_HEADER } from "../protocol/form.ts";
import { htmlBody } from "./html-body.ts";
import { scriptNonceOf } from "./script-nonce.ts";
import type { PageStreamHooks } from "./page-stream.ts";
import type { Served, Shape } from "./prepare.ts";
import type { Env } from "./options.ts";

/** The request a page answers, and the notices gathered for it. */
export interface PageView {
  c: Context<{ Bindings: Env }>;
  s: Served;
  shape: Shape;
  url: URL;
  notices: string[];
}

export const SAVE_FAILED = "Your changes could not be saved: the session store did not answer. The previous state was kept; please try again.";

export function pageParts(v: PageView, run: ShownPage, written: Session, csrf: string, commit?: DocumentParts["commit"]): DocumentParts {
  const { s, shape, url } = v;
  const navigation = navigationOf(run.navigation);
  const page = navigation?.selected;
  const appTitle = run.config.pageTitle ?? s.options.title ?? "formlit";
  const query = run.query.toString();
  return {
    elements: ELEMENTS,
    title: page && !run.config.pageTitle ? `${page.title} · ${appTitle}` : appTitle,
    base: s.base,
    origin: shape === "embed" ? url.origin : "",
    scriptUrl: `${s.base}/_formlit/${CLIENT_FILE}`,
    styleUrl: `${s.base}/_formlit/${s.style.file}`,
    embedStyle: s.style.embed,
    path: run.path,
    query,
    pageConfig: run.config,
    run: written.run,
    csrf,
    digests: renderedDigests(written),
    main: run.main,
    sidebar: run.sidebar,
    dialogs: run.dialogs,
    navigation,
    notices: v.notices,
    pageNotFound: run.notFound === null ? null : `${s.base}/${run.notFound}`,
    nonce: scriptNonceOf(v.c),
    commit,
  };
}

export function setPageHeaders(v: PageView, parts: DocumentParts): void {
  const { c, s } = v;
  const shownPath = (parts.path ? `${s.base}/${parts.path}` : s.base || "/") + (parts.query ? `?${parts.query}` : "");
  c.header("Cache-Control", "no-store");
  c.header(PATH_HEADER, shownPath);
  c.header(TITLE_HEADER, encodeURIComponent(parts.title));
}

const HTML_TYPE = { "Content-Type": "text/html; charset=UTF-8" };

/** The page a run produced, in the shape the client asked for (a page, the form, a fragment). */
export function respond(v: PageView, outcome: RunOutcome, written: Session, csrf: string): Response {
  const parts = pageParts(v, outcome.page, written, csrf);
  setPageHeaders(v, parts);
  // To the client script (it says so in its header), a fragment's rerun answers with that
  // fragment alone (and the form's new hidden fields); a notice to show needs the whole form.
  const swap = outcome.swap;
  if (v.shape !== "page" && v.c.req.header(SHAPE_HEADER) && swap && v.notices.length === 0) {
    v.c.header(SWAP_HEADER, swap.closed ? dialogDomId(swap.id) : fragmentDomId(swap.id));
    return v.c.body(htmlBody([renderSwap(parts, swap.node)]), 200, HTML_TYPE);
  }
  const pieces = v.shape === "page" ? renderDocument(parts) : v.shape === "partial" ? renderAppForm(parts) : renderEmbed(parts);
  return v.c.body(htmlBody(pieces), outcome.page.notFound !== null ? 404 : 200, HTML_TYPE);
}

/** How a streamed page starts (its head, with the nonce) and the preview of the run so far. */
export function streamHooks(v: PageView, session: Session): PageStreamHooks {
  // a preview is not a form: the run number, token and digests a form carries do not matter there
  const preview = (ctx: RunContext) => pageParts(v, shownPageOf(ctx), session, "");
  return {
    head: (ctx) => {
      const parts = preview(ctx);
      setPageHeaders(v, parts);
      return v.shape === "page" ? renderDocumentHead(parts) : "";
    },
    preview,
  };
}
