/**
 * Where the run that drew a page started, so that a later request can run it again exactly.
 *
 * A callback must get the arguments and closure it had in the run that drew its widget, on any
 * isolate. The server keeps nothing, so a request that needs those callbacks replays that run: from
 * the state it *started* with, to the end of the script. The start differs from the end state (which
 * the cookie carries anyway) only by what the run itself changed, so the cookie carries just that
 * difference, and nothing when there is none.
 */
import { findNonJson } from "./json-check.ts";
import { SessionState, type Json, type Reads, type StoredState } from "./state.ts";
import { copyJson } from "./copy-json.ts";
import { isWidgetId, userKeyOf } from "./widget-id.ts";
import type { StreamText } from "./presses.ts";
import type { Opening } from "./openings.ts";

/** A run's start as a difference to its end state. Short names: it travels in every cookie. */
export interface ReplayStart {
  /** values at the start that the end holds differently or not at all, by stored key */
  o?: Record<string, Json>;
  /** stored keys the run added (absent at its start) */
  x?: string[];
  /** user keys holding fresh writes at the start (a callback's, or an earlier run's in the same request) */
  s?: string[];
  /** keyed widget ids whose key was mapped at the start, not at the end */
  k?: string[];
  /** user keys whose mapping at the end was not there at the start */
  j?: string[];
  /** the page path the run was asked for, when it showed another one (a page not found) */
  p?: string;
  /** the query string the run started with */
  q?: string;
  /** that query string was too long to carry: a replay takes the request's (an approximation) */
  y?: 1;
  /** posted values still to parse when their widget registers */
  z?: Record<string, string[]>;
  /**
   * replay from the end state instead: the run read uploaded bytes that no store keeps, which no
   * replay can read again, so every isolate approximates it the same way
   */
  e?: 1;
  /**
   * what the run's st.writeStream calls wrote, in call order, up to where it looked at a pressed
   * trigger: a replay shows these instead of calling the streams' sources again
   */
  w?: StreamText[];
  /** dialogs the run opened after it looked at a pressed trigger: a replay opens them again */
  d?: Opening[];
}

/** A run's starting point, copied before the run changes anything. */
export interface RunStart {
  /** the state's values as they would be stored (the three layers folded into one) */
  values: Map<string, Json>;
  /** user keys of the script-written layer: a widget can tell them from older values */
  fresh: string[];
  /** keyed widget ids whose key is mapped */
  ids: string[];
  path: string;
  query: string;
  lazy: Record<string, string[]>;
  /** a value that cannot be stored, by key (the start then cannot travel) */
  bad: { key: string; why: string } | null;
  /** what the run consulted, filled while it runs (SessionState.reads) */
  reads: Reads;
}

/** Takes a run's starting point: a JSON copy, so the run's writes cannot reach it. */
export function startOf(state: SessionState, path: string, query: URLSearchParams, lazy: Map<string, string[]>): RunStart {
  const values = state.folded();
  const bad = findNonJson(values);
  if (bad) values.clear();
  // (the folded map is the start's own; only objects and arrays need a copy of their own)
  values.forEach((v, k) => typeof v === "object" && v !== null && values.set(k, copyJson(v)));
  return {
    values,
    fresh: [...state.newSession.keys()],
    ids: [...state.keyToId.values()],
    path,
    query: query.toString(),
    lazy: Object.fromEntries([...lazy].map(([id, raw]) => [id, [...raw]])),
    bad,
    reads: { keys: new Set(), byScript: new Set(), everything: false, registered: new Set() },
  };
}

/** The longest query string (in characters) a run's start carries. */
const MAX_QUERY_CARRIED = 2048;

// (most stored values are numbers, strings and booleans: compared as they are, not as JSON)
const same = (a: Json | undefined, b: Json | undefined) =>
  a === b || (typeof a === "object" && a !== null && typeof b === "object" && b !== null && JSON.stringify(a) === JSON.stringify(b));

/**
 * The difference between a run's start and its stored end; undefined when there is none.
 *
 * Only what a replay can observe is kept: the start values of the keys the run consulted (a
 * deterministic replay consults the same ones) and those its fresh writes are rebuilt from. The
 * absence of a widget's value at the start is left out when only the widget's registering looked
 * before (or no read could reach it, its key not mapped to it): registering it then returns just
 * what the end holds, since a widget's value cannot be written once it has registered.
 */
export function startDelta(start: RunStart, end: StoredState, shownPath: string): ReplayStart | undefined {
  const { reads } = start;
  // (asked only of keys added during the run, or when the mapped keys changed: made when first asked)
  let mappedSet: Set<string> | null = null;
  const mappedAtStart = (id: string) => (mappedSet ??= new Set(start.ids)).has(id);
  // (most runs start with no fresh writes: the map from key to id is needed only for those)
  const startIdOf = start.fresh.length ? new Map(start.ids.map((id) => [userKeyOf(id)!, id])) : new Map<string, string>();
  const freshFrom = new Set(start.fresh.flatMap((key) => [key, startIdOf.get(key) ?? key]));
  const valueSeen = (key: string) => reads.everything || reads.keys.has(key) || freshFrom.has(key);
  const absenceSeen = (key: string) =>
    reads.everything || !isWidgetId(key) || (reads.byScript.has(key) && mappedAtStart(key));

  const r: ReplayStart = {};
  const o: Record<string, Json> = {};
  let changed = false;
  start.values.forEach((value, key) => {
    if (valueSeen(key) && (!end.o.has(key) || !same(value, end.o.get(key)))) {
      o[key] = value;
      changed = true;
    }
  });
  if (changed) r.o = o;
  const added: string[] = [];
  end.o.forEach((_, key) => !start.values.has(key) && valueSeen(key) && absenceSeen(key) && added.push(key));
  if (added.length) r.x = added;
  if (start.fresh.length) r.s = start.fresh;
  // A key's mapping shows only to reads through the key before its widget registers (registering maps it).
  const mappingSeen = (key: string) => reads.everything || reads.byScript.has(key) || freshFrom.has(key);
  // (a run usually ends with the keys it started with, listed in the same order: nothing to compare)
  if (!sameList(start.ids, end.k)) {
    const mappedAtEnd = new Set(end.k);
    const unmapped = start.ids.filter((id) => !mappedAtEnd.has(id) && mappingSeen(userKeyOf(id)!));
    const mapped = end.k.filter((id) => !mappedAtStart(id)).map((id) => userKeyOf(id)!).filter(mappingSeen);
    if (unmapped.length) r.k = unmapped;
    if (mapped.length) r.j = mapped;
  }
  if (start.path !== shownPath) r.p = start.path;
  // The address is the user's to write: a huge query must not push the session out of its cookies.
  if (start.query.length > MAX_QUERY_CARRIED) r.y = 1;
  else if (start.query) r.q = start.query;
  if (Object.keys(start.lazy).length) r.z = start.lazy;
  return Object.keys(r).length ? r : undefined;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The state a run started with, rebuilt from its end state and the difference (a fresh copy). */
export function stateAtStart(end: StoredState, r: ReplayStart = {}): SessionState {
  const unmapped = new Set(r.j ?? []);
  const ids = [...end.k.filter((id) => !unmapped.has(userKeyOf(id)!)), ...(r.k ?? [])];
  const state = SessionState.fromStored({ o: end.o, k: ids, t: end.t }, true);
  for (const key of r.x ?? []) state.old.delete(key);
  for (const [key, value] of Object.entries(r.o ?? {})) state.old.set(key, copyJson(value));
  for (const key of r.s ?? []) {
    const found = state.lookup(key);
    if (found) state.newSession.set(key, found.value);
  }
  return state;
}

/**
 * A start recorded against one end state, recorded again against a newer one (after a fragment
 * rerun changed the state, the run and the fragment reruns before it must still start where they did).
 */
export function rebase(r: ReplayStart | undefined, oldEnd: StoredState, newEnd: StoredState, shownPath: string): ReplayStart | undefined {
  const state = stateAtStart(oldEnd, r);
  const start = startOf(state, r?.p ?? shownPath, new URLSearchParams(r?.q ?? ""), new Map(Object.entries(r?.z ?? {})));
  // Which keys the run consulted is not recorded: keep every difference to the new end (those the
  // old record kept, and the keys changed since), so whatever it consulted still starts as it did.
  start.reads.everything = true;
  const moved = withWritten(startDelta(start, newEnd, shownPath), r?.w ?? [], r?.d ?? []);
  return r?.y ? { ...moved, y: 1 } : moved;
}

/**
 * `r` with what a replay cannot redo by itself: the stream texts the run wrote and the dialogs it
 * opened past a pressed trigger (undefined still when there is nothing to carry).
 */
export function withWritten(r: ReplayStart | undefined, texts: StreamText[], openings: Opening[]): ReplayStart | undefined {
  if (texts.length) r = { ...r, w: texts };
  if (openings.length) r = { ...r, d: openings };
  return r;
}
