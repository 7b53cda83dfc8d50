/** A deep copy of a SessionState in the middle of a request, all three layers (tests only). */
import { SessionState, type Json } from "../../src/engine/state.ts";

export function cloneState(s: SessionState): SessionState {
  const c = new SessionState();
  const copy = (v: Json) => structuredClone(v);
  for (const [k, v] of s.old) c.old.set(k, copy(v));
  for (const [k, v] of s.newSession) c.newSession.set(k, copy(v));
  for (const [k, v] of s.newWidget) c.newWidget.set(k, copy(v));
  c.keyToId = new Map(s.keyToId);
  c.triggers = new Set(s.triggers);
  return c;
}
