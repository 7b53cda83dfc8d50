/**
 * Session state in three layers, as Streamlit keeps it (runtime/state/session_state.py):
 *   - `old`:        values from earlier runs, by widget id or by user key;
 *   - `newSession`: values the script (or a callback) wrote in this run, by user key;
 *   - `newWidget`:  widget values posted for this run, by widget id.
 * Reads look in newSession, then newWidget, then old. A widget's user key maps to its widget id.
 * Between requests only the compacted `old` layer, the key mapping and the widget metadata travel
 * (in the cookie); nothing is kept in memory.
 */
import { MissingKeyError, modifiedAfterInstantiated, reservedKey } from "./errors.ts";
import { isWidgetId, isKeyedWidgetId, userKeyOf } from "./widget-id.ts";
import { look, type Deferred } from "./deferred.ts";
import { isPressed, type Presses } from "./presses.ts";
import { copyJson } from "./copy-json.ts";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const INTERNAL_PREFIX = "$$STREAMLIT_INTERNAL_KEY";

/**
 * The compacted values, by widget id or user key: the map the state's oldest layer is, handed to
 * the next request as it is rather than copied into a record and back. A store and a commit token
 * keep it as a JSON record (`toJSON`).
 */
export class StoredValues extends Map<string, Json> {
  toJSON(): Record<string, Json> {
    const o: Record<string, Json> = {};
    this.forEach((v, k) => (o[k] = v));
    return o;
  }

  /** The values a JSON record holds (own keys only: a key named `__proto__` is a key like any other). */
  static ofRecord(o: Record<string, Json>): StoredValues {
    const values = new StoredValues();
    for (const k of Object.keys(o)) values.set(k, o[k]!);
    return values;
  }
}

/** What travels between requests. Short names: it is in every cookie. */
export interface StoredState {
  /** compacted values, by widget id or user key */
  o: StoredValues;
  /** widget ids whose user key is mapped to them (the key is the id's suffix) */
  k: string[];
  /** ids of widgets whose value is a trigger (buttons): reset to false after every run */
  t: string[];
}

export const emptyStoredState = (): StoredState => ({ o: new StoredValues(), k: [], t: [] });

/** Rules a write must respect; supplied by the run that owns the state. */
export interface WriteGuard {
  widgetIdsThisRun: Set<string>;
  formIdsThisRun: Set<string>;
}

/** The stored keys a run consulted (by widget id and by user key), or that it listed them all. */
export interface Reads {
  keys: Set<string>;
  /** the keys consulted other than by a widget registering or after it registered */
  byScript: Set<string>;
  everything: boolean;
  /** the widgets registered so far, by id and by user key */
  registered: Set<string>;
}

export class SessionState {
  old = new StoredValues();
  newSession = new Map<string, Json>();
  newWidget = new Map<string, Json>();
  keyToId = new Map<string, string>();
  /** ids of trigger widgets (Streamlit keeps this in the widget metadata) */
  triggers = new Set<string>();
  guard: WriteGuard | null = null;
  /** What a run consulted, while a run records it: only that part of its start can change a replay. */
  reads: Reads | null = null;
  /** Posted values a run parses only when their widget registers: looking at one before ends the run. */
  deferred: Deferred | null = null;
  /** Whether the running script has looked at a pressed (or, in a replay, released) trigger. */
  presses: Presses | null = null;
  /**
   * In a replay: the state the live run ended with, taken in place of this one where the replay
   * first looks at a trigger it released (see `followEnd`).
   */
  endState: StoredState | null = null;
  /** The script's writes change nothing (a replay past a released trigger: see `followEnd`). */
  private writesIgnored = false;

  /** The state `s` stands for; with `copy`, on copies of its values (the run may change them in place). */
  static fromStored(s: StoredState, copy = false): SessionState {
    const st = new SessionState();
    const old = st.old;
    // (entry by entry: `new Map(map)` goes through the iterator, a pair and a result per entry)
    if (copy) s.o.forEach((v, k) => old.set(k, copyJson(v)));
    else s.o.forEach((v, k) => old.set(k, v));
    for (const id of s.k) {
      const key = userKeyOf(id);
      if (key !== null) st.keyToId.set(key, id);
    }
    st.triggers = new Set(s.t);
    return st;
  }

  /**
   * Compacts and returns what travels to the next request: the compacted layer itself, not a copy
   * (the run is over; nothing changes this state after).
   */
  toStored(): StoredState {
    this.compact();
    const o = this.old;
    // A key whose widget's value is gone (cleaned up with its widget) maps to nothing a lookup could
    // find: reading the key misses with or without it. Keeping it would grow the cookie by every
    // keyed widget the session ever met, on every page.
    const k: string[] = [];
    for (const id of this.keyToId.values()) if (this.old.has(id)) k.push(id);
    return { o, k, t: [...this.triggers] };
  }

  private widgetIdOf(key: string): string {
    return this.keyToId.get(key) ?? key;
  }

  private reverseKey(widgetId: string): string | undefined {
    const key = userKeyOf(widgetId);
    return key !== null && this.keyToId.get(key) === widgetId ? key : undefined;
  }

  /** Looks a key (user key or widget id) up through the three layers; undefined when missing. */
  lookup(keyOrId: string): { value: Json } | undefined {
    const widgetId = this.widgetIdOf(keyOrId);
    let userKey: string | undefined = keyOrId;
    if (widgetId === keyOrId && isWidgetId(keyOrId)) userKey = this.reverseKey(widgetId);
    return this.lookupResolved(widgetId, userKey);
  }

  /** {@link lookup} of a widget id and the user key mapped to it (undefined: none), already resolved. */
  private lookupResolved(widgetId: string, userKey: string | undefined): { value: Json } | undefined {
    if (this.deferred?.ids.has(widgetId)) look(this.deferred);
    if (this.reads) {
      this.noteRead(this.reads, widgetId);
      if (userKey !== undefined) this.noteRead(this.reads, userKey);
    }
    const found = this.find(widgetId, userKey);
    if (this.presses && !this.presses.seen) {
      this.presses.note(widgetId, this.triggers.has(widgetId), found?.value);
      if (this.presses.seen && this.endState) this.followEnd(this.endState);
    }
    return found;
  }

  /**
   * A replay reached the trigger it released: from here the live run went where the press took it
   * (a count raised, a message appended), which the replay must not do again. So it reads what the
   * live run ended with instead, and its own writes change nothing: what it draws from here shows
   * the values the user saw at the end of that run, not the ones from before the press.
   */
  private followEnd(end: StoredState): void {
    const old = new StoredValues();
    end.o.forEach((v, k) => old.set(k, copyJson(v)));
    this.old = old;
    for (const id of end.k) {
      const key = userKeyOf(id);
      if (key !== null && !this.keyToId.has(key)) this.keyToId.set(key, id);
    }
    this.newSession.clear();
    this.writesIgnored = true;
    this.endState = null;
  }

  private find(widgetId: string, userKey: string | undefined): { value: Json } | undefined {
    // (every widget of a page looks itself up each run: the newer layers are usually empty or
    // nearly, and a value found takes one lookup; a script may have stored undefined, hence `has`)
    if (userKey !== undefined && this.newSession.size !== 0 && this.newSession.has(userKey)) return { value: this.newSession.get(userKey)! };
    if (this.newWidget.size !== 0 && this.newWidget.has(widgetId)) return { value: this.newWidget.get(widgetId)! };
    const older = this.old.get(widgetId);
    if (older !== undefined || this.old.has(widgetId)) return { value: older! };
    if (userKey !== undefined && this.old.has(userKey)) return { value: this.old.get(userKey)! };
    return undefined;
  }

  /**
   * A replay's start: every pressed trigger released (false, or null for a chat input), as if no
   * one had pressed it. Returns the ids released.
   */
  releaseTriggers(): Set<string> {
    const released = new Set<string>();
    for (const id of this.triggers) {
      for (const layer of [this.newWidget, this.old]) {
        if (layer.has(id) && isPressed(layer.get(id))) released.add(id);
      }
    }
    this.resetTriggers();
    return released;
  }

  private registering = false;

  private noteRead(reads: Reads, k: string): void {
    reads.keys.add(k);
    if (!this.registering && !reads.registered.has(k)) reads.byScript.add(k);
  }

  get(key: string): Json {
    const found = this.lookup(key);
    if (!found) throw new MissingKeyError(key);
    return found.value;
  }

  has(key: string): boolean {
    return this.lookup(key) !== undefined;
  }

  /** A write by the script or a callback (`st.sessionState[key] = value`). */
  set(key: string, value: Json): void {
    if (key.startsWith("$$ID")) throw reservedKey();
    if (this.writesIgnored) return;
    if (this.guard) {
      const widgetId = this.keyToId.get(key);
      if ((widgetId !== undefined && this.guard.widgetIdsThisRun.has(widgetId)) || this.guard.formIdsThisRun.has(key)) {
        throw modifiedAfterInstantiated(key);
      }
    }
    this.newSession.set(key, value);
  }

  delete(key: string): void {
    const widgetId = this.widgetIdOf(key);
    if (!(this.has(key) || this.has(widgetId))) throw new MissingKeyError(key);
    if (this.writesIgnored) return;
    this.newSession.delete(key);
    this.old.delete(key);
    this.keyToId.delete(key);
    this.newWidget.delete(widgetId);
    this.old.delete(widgetId);
  }

  clear(): void {
    if (this.writesIgnored) return;
    this.old.clear();
    this.newSession.clear();
    this.newWidget.clear();
    this.keyToId.clear();
  }

  isNewStateValue(userKey: string): boolean {
    return this.newSession.size !== 0 && this.newSession.has(userKey);
  }

  private allKeys(): Set<string> {
    const keys = new Set<string>();
    // listing the keys tells which are there and which are not: every key counts as read
    if (this.reads) this.reads.everything = true;
    if (this.deferred?.ids.size) look(this.deferred);
    for (const k of this.old.keys()) keys.add(this.widgetIdOf(k));
    for (const k of this.newWidget.keys()) keys.add(k);
    for (const k of this.newSession.keys()) keys.add(this.widgetIdOf(k));
    return keys;
  }

  /** What `Object.keys(st.sessionState)` and friends show: user keys and keyed widgets' keys. */
  filtered(): Map<string, Json> {
    const out = new Map<string, Json>();
    for (const k of this.allKeys()) {
      if (!isWidgetId(k) && !k.startsWith(INTERNAL_PREFIX)) {
        const found = this.lookup(k);
        if (found) out.set(k, found.value);
      } else if (isKeyedWidgetId(k)) {
        const key = this.reverseKey(k);
        const found = key === undefined ? undefined : this.lookup(k);
        if (key !== undefined && found) out.set(key, found.value);
      }
    }
    return out;
  }

  /**
   * What `compact` would leave in `old`, without changing anything or recording a read: each key
   * resolved through the layers as `lookup` resolves it. (No key's resolution reads another key's
   * folded value, so the order keys are folded in does not matter.)
   */
  folded(): StoredValues {
    // (copied entry by entry: `new Map(map)` goes through the iterator, a pair and a result per entry)
    const out = new StoredValues();
    this.old.forEach((v, k) => out.set(k, v));
    this.foldInto(out);
    return out;
  }

  /**
   * Folds the newer layers into `out`, which holds the oldest layer's values (a copy, or the layer
   * itself). Each key written is resolved as `lookup` resolves it, from that key's own entries only
   * (the widget id's and its user key's), and writes its own result there: folding in place reads
   * nothing another key's fold changed.
   */
  private foldInto(out: StoredValues): void {
    const fold = (key: string) => {
      const found = this.resolve(key);
      if (found) out.set(key, found.value);
    };
    // An older value resolves to itself unless a newer layer holds its key, or it is under a user
    // key that is mapped to a widget (then it is that widget's value): only those need resolving.
    // A page of many widgets keeps most of its values by widget id, none of them changed.
    for (const k of this.old.keys()) if (!isWidgetId(k) && this.keyToId.has(k)) fold(this.widgetIdOf(k));
    for (const k of this.newWidget.keys()) fold(k);
    for (const k of this.newSession.keys()) fold(this.widgetIdOf(k));
  }

  /** A key's value through the three layers, as `lookup` finds it but without its bookkeeping. */
  private resolve(keyOrId: string): { value: Json } | undefined {
    const widgetId = this.widgetIdOf(keyOrId);
    const userKey = widgetId === keyOrId && isWidgetId(keyOrId) ? this.reverseKey(widgetId) : keyOrId;
    return this.find(widgetId, userKey);
  }

  /** Moves this run's writes and widget values into `old` (Streamlit's _compact_state). */
  compact(): void {
    if (this.reads || this.deferred || this.presses) {
      // while a run records what it consults, folding is consulting: each key looked up as the script would
      for (const k of this.allKeys()) {
        const found = this.lookup(k);
        if (found) this.old.set(k, found.value);
      }
    } else this.foldInto(this.old);
    this.newSession.clear();
    this.newWidget.clear();
  }

  /** A widget registers in this run. Returns its current value (undefined: never seen before). */
  registerWidget(widgetId: string, userKey: string | null, isTrigger: boolean, initial: Json): Json {
    if (isTrigger) this.triggers.add(widgetId);
    if (userKey !== null) this.keyToId.set(userKey, widgetId);
    this.registering = true;
    try {
      // With the key mapped to the id just above, looking the id up also looks under the user key
      // (the same layers, the same reads), so one lookup answers both. The id resolves to itself
      // and that key, unless some user key is spelled as the id (then the lookup resolves it).
      const found = this.keyToId.has(widgetId) ? this.lookup(widgetId) : this.lookupResolved(widgetId, userKey ?? undefined);
      if (found) return found.value;
      // (a copy of the widget's default: the script may change what the widget returns)
      const value = copyJson(initial);
      this.newWidget.set(widgetId, value);
      return value;
    } finally {
      this.registering = false;
      this.reads?.registered.add(widgetId);
      if (userKey !== null) this.reads?.registered.add(userKey);
    }
  }

  /**
   * A registered widget's value replaced by the widget itself (a kept value its new options no
   * longer hold): not the script's write, so no "modified after instantiated" rule applies.
   */
  resetWidgetValue(widgetId: string, userKey: string | null, value: Json): void {
    if (this.writesIgnored) return;
    this.newWidget.set(widgetId, value);
    if (userKey !== null) this.newSession.delete(userKey);
  }

  /** Buttons are true only in the run their click caused. */
  resetTriggers(): void {
    // a button's trigger resets to false; a chat input's text, a menu's choice and a table
    // button's click (Streamlit's string and record triggers) to null
    const reset = (v: Json | undefined): Json => (typeof v === "string" || typeof v === "object" ? null : false);
    for (const id of this.triggers) {
      if (this.newWidget.has(id)) this.newWidget.set(id, reset(this.newWidget.get(id)));
      if (this.old.has(id)) this.old.set(id, reset(this.old.get(id)));
    }
  }

  /**
   * End of a run that completed (or was rerun): reset triggers, then drop the state of every widget
   * not rendered in this run. User keys survive, which is why re-saving a widget's key keeps it.
   */
  onRunFinished(activeIds: Set<string>): void {
    this.resetTriggers();
    // (a Map's own iteration may delete what it has visited: no copy of the keys needed)
    for (const id of this.newWidget.keys()) if (!activeIds.has(id)) this.newWidget.delete(id);
    for (const id of this.old.keys()) if (isWidgetId(id) && !activeIds.has(id)) this.old.delete(id);
    for (const id of this.triggers) if (!activeIds.has(id)) this.triggers.delete(id);
  }

  /**
   * End of a fragment's rerun: reset triggers, and drop the state of `stale`, the fragment's own
   * widgets that it did not draw again. Widgets elsewhere on the page keep theirs, as in Streamlit.
   */
  onFragmentFinished(stale: Iterable<string>): void {
    this.resetTriggers();
    this.forgetWidgets(stale);
  }

  /** Drops the state of these widgets (their user keys' own writes stay). */
  forgetWidgets(ids: Iterable<string>): void {
    for (const id of ids) {
      this.newWidget.delete(id);
      this.old.delete(id);
      this.triggers.delete(id);
    }
  }

  /**
   * The value a widget had before this request's posted values: what `changed` compares against.
   */
  previousValue(widgetId: string): Json | undefined {
    return this.old.get(widgetId);
  }
}
