/**
 * Whether two sessions carry the same content: how an isolate tells that the session a request
 * brings is the one its last run stored here, so that what that run drew may stand in for a replay.
 *
 * A session read back from its cookie lists its fields and stored values in the cookie's order and
 * its mapped keys in the widget list's order, not in the order the run wrote them: records are
 * compared key by key, the mapped keys and triggers as sets. Everything is compared as JSON
 * compares it (a field holding undefined is a field that is not there). Where this cannot tell, it
 * answers "not the same", which costs a replay, never a wrong page.
 *
 * Compared in place rather than as two canonical JSON texts: those cost two sorts and two copies
 * of the whole session on every request that finds its last run here (hundreds of microseconds
 * for a page of a thousand widgets), where a walk that stops at the first difference costs a look
 * at each value.
 */
import type { Session } from "./session.ts";

export function sameSession(a: Session, b: Session): boolean {
  const { st: sa, l: la, ...ra } = a;
  const { st: sb, l: lb, ...rb } = b;
  return la.equals(lb) && sameJson(ra, rb) && sameValues(sa.o, sb.o) && sameSet(sa.k, sb.k) && sameSet(sa.t, sb.t);
}

/** The same stored values, each compared as JSON (a key holding undefined, as JSON writes it: not there). */
function sameValues(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): boolean {
  let entries = 0;
  let same = true;
  a.forEach((v, k) => {
    if (!same || v === undefined) return;
    entries++;
    same = sameJson(v, b.get(k));
  });
  if (!same) return false;
  b.forEach((v) => v !== undefined && entries--);
  return entries === 0;
}

/** Equal as JSON values: records whatever their key order, lists in order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let fields = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    fields++;
    if (!sameJson(x[k], y[k])) return false; // (a key y lacks: undefined there, or inherited, and counted below)
  }
  for (const k in y) if (y[k] !== undefined) fields--;
  return fields === 0;
}

/** The same ids, each once, in any order (usually the same order: checked first). */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i === a.length) return true;
  const inA = new Set(a);
  const inB = new Set(b);
  return inA.size === a.length && inB.size === b.length && b.every((id) => inA.has(id));
}
