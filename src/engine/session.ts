/** The session as it travels between requests (inside the signed cookie), and a form post. */
import { WidgetList } from "./widget-list.ts";
import { emptyStoredState, StoredValues, type Json, type StoredState } from "./state.ts";
import type { ReplayStart } from "./replay-start.ts";

/** The whole session as it travels between requests. */
export interface Session {
  /** format version: 2 since keyed widget ids have a 5-character hash (a stored session of version 1 is refused) */
  v: 2;
  /** random session id: CSRF tokens are bound to it */
  sid: string;
  /** number of the last run; every form carries it to detect stale submissions */
  run: number;
  /** URL path of the page the last run showed */
  pg: string;
  st: StoredState;
  /** the widgets the last run rendered, in order */
  l: WidgetList;
  /** where the last run started, as a difference to `st` (absent: it started where it ended) */
  r?: ReplayStart;
  /** the default-value warning was already shown in this session */
  w?: 1;
  /** the last run had a navigation (st.navigation or pages-directory mode) */
  n?: 1;
  /**
   * Fragments rerun alone since that run, oldest first, each once (its latest rerun) with where it
   * started (as a difference to `st`): a replay draws the run, then these, to get the page shown.
   */
  fr?: [fragment: string, start?: ReplayStart][];
  /** the fragment id of a dialog the user closed since that run */
  dc?: string;
  /** how many page switches in a row were handed on to a later request (bounds redirect loops) */
  h?: number;
  /**
   * Positions in `l` of the widgets whose state a run on another page drops before it starts:
   * those a page (not the entrypoint) drew, but for a key the run wrote (see page-change.ts)
   */
  pd?: number[];
}

/**
 * The session a store or a commit token carried, when the JSON has its shape; else null
 * (the caller starts a fresh session and says why). Deeper checks happen where values are used:
 * every posted value is parsed by its widget, and a stored value is only ever JSON.
 */
export function parseSession(data: unknown): Session | null {
  if (!data || typeof data !== "object") return null;
  const x = data as Record<string, unknown>;
  const st = x.st as Record<string, unknown> | undefined;
  const l = WidgetList.fromJSON(x.l);
  const shaped =
    l !== null &&
    x.v === 2 &&
    typeof x.sid === "string" &&
    typeof x.run === "number" &&
    typeof x.pg === "string" &&
    !!st &&
    typeof st.o === "object" &&
    st.o !== null &&
    !Array.isArray(st.o) &&
    Array.isArray(st.k) &&
    Array.isArray(st.t);
  if (!shaped) return null;
  const values = StoredValues.ofRecord(st.o as Record<string, Json>);
  return { ...(data as Session), l, st: { ...(st as unknown as StoredState), o: values } };
}

export function newSession(sid: string): Session {
  return { v: 2, sid, run: 0, pg: "", st: emptyStoredState(), l: new WidgetList() };
}

/** A form post, reduced to what the engine needs. */
export interface Submission {
  /** every posted field by name; a button that submitted the form is present with its value */
  fields: Map<string, string[]>;
  /** the run number the form was rendered from */
  run: number | null;
}
