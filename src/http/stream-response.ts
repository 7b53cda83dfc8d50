/**
 * A page answered while its run goes on (st.writeStream): the headers and the page so far now, the
 * rest as the run writes it, and at the end the state the run left, committed (see commit.ts).
 */
import type { RunOutcome } from "../engine/outcome.ts";
import type { Session } from "../engine/session.ts";
import type { SigningKey } from "../cookie/keys.ts";
import { csrfToken } from "../cookie/csrf.ts";
import { renderAppForm, type DocumentParts } from "../render/document.ts";
import { commitToken, MAX_COMMIT_URL_TOKEN } from "./commit.ts";
import type { PageStream } from "./page-stream.ts";
import { sizeProblem, streamedRecord, writeSession, type CookieConfig } from "./session-cookie.ts";
import { pageParts, SAVE_FAILED, type PageView } from "./page-view.ts";

/** The session a streamed page starts from, and how its cookies are written. */
export interface StreamSession {
  session: Session;
  keys: SigningKey[];
  cookie: CookieConfig;
  stored: boolean;
}

/**
 * Answers with the stream: the headers now, the body as the run writes it. The cookie in the
 * headers carries the state from before this run (by reference when there is a store), so a
 * browser that leaves mid-stream keeps nothing of it; the end of the page commits the rest.
 */
export async function streamPage(v: PageView, sink: PageStream, running: Promise<RunOutcome>, from: StreamSession): Promise<Response> {
  try {
    await writeSession(v.c, from.cookie, from.keys, from.session, from.session, from.stored, true);
  } catch (err) {
    console.error(String(err)); // the store did not answer: the browser keeps the cookie it has
  }
  const done = running
    .then((outcome) => finishStream(v, sink, outcome, from))
    .catch(async (err) => {
      console.error(err);
      await sink.end(`<p role="alert">formlit could not finish this page. Nothing was changed.</p>${v.shape === "page" ? "</body></html>" : ""}`);
    });
  try {
    v.c.executionCtx.waitUntil(done);
  } catch {
    // not on Workers (Node): the open response keeps the work going
  }
  // Not compressed: a compressing proxy (Cloudflare's edge; wrangler dev does the same) holds the
  // text back until its compressor's buffer fills, and the page would no longer stream. The
  // runtime leaves a body alone whose encoding is named, and no-transform asks proxies to.
  return v.c.body(sink.readable, 200, { "Content-Type": "text/html; charset=UTF-8", "Content-Encoding": "identity", "Cache-Control": "no-store, no-transform" });
}

async function finishStream(v: PageView, sink: PageStream, outcome: RunOutcome, from: StreamSession): Promise<void> {
  const { written, commit } = await commitOf(v, outcome, from);
  const parts = pageParts(v, outcome.page, written, await csrfToken(from.keys[0]!, written.sid), commit);
  await sink.end(renderAppForm(parts).join("") + (v.shape === "page" ? "</body></html>" : ""));
}

/**
 * The state a streamed run leaves: committed in the store now when there is one (exact: the
 * cookie's reference is older than the stored version, and the newer one is read), and in any case
 * handed to the page as a commit token. A run that failed (an exception, the time limit) keeps
 * nothing, so a page cut short never leaves half a turn.
 */
async function commitOf(v: PageView, outcome: RunOutcome, from: StreamSession): Promise<{ written: Session; commit?: DocumentParts["commit"] }> {
  const next = outcome.session;
  if (outcome.failed || next === from.session) return { written: from.session };
  const problem = await sizeProblem(from.cookie, from.keys, next);
  if (problem) {
    v.notices.push(problem);
    return { written: from.session };
  }
  try {
    await from.cookie.store?.put(next.sid, await streamedRecord(next, from.session));
    const token = await commitToken(from.keys, from.cookie.token, from.session, next);
    const url = token.length <= MAX_COMMIT_URL_TOKEN ? `${v.s.base}/_formlit/commit?t=${token}` : null;
    return { written: next, commit: { token, url } };
  } catch (err) {
    console.error(String(err));
    v.notices.push(SAVE_FAILED);
    return { written: from.session };
  }
}
