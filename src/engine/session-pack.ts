/**
 * The session as it travels in the cookie: the same content as {@link Session}, in fewer bytes.
 *
 * A page with many widgets used to carry each widget's id three times (in the widget list, as the
 * key of its value, in the key mapping) and a five-field tuple per widget. Here the widget list is
 * the columns the run keeps it in (widget-list.ts), and everything else that names one of its
 * widgets names it by position:
 *   - `i`: the ids without their common `$$ID-` prefix;
 *   - `c`: one character per widget: how its value is posted, upper case when it has a callback;
 *   - `d`: the digest of the value the form showed, or the position of an earlier widget with the
 *     same digest (most widgets of a page show a value another one shows too);
 *   - `f`, `g`: the widgets of each st.form and of each fragment, by position;
 *   - `u`: the widgets' stored values, by position (`ux`: positions with none stored);
 *   - `kx`: keyed widgets whose key is not mapped to them (usually none); `k`, `t` as in StoredState,
 *     with a position wherever the id is one of the list's.
 * When the columns other than the values are long, they travel deflated (`z`): they hold only what
 * the page itself shows (the form's field names, control types, form ids and the digests of the
 * values it shows), so their compressed size tells nothing the page does not. Values and the rest
 * of the state are never compressed (compressing secrets next to user-chosen text leaks them
 * through the length).
 */
import type { Session } from "./session.ts";
import { areCodes, WidgetList } from "./widget-list.ts";
import { StoredValues, type Json, type StoredState } from "./state.ts";
import { isKeyedWidgetId, widgetIdOfSuffix } from "./widget-id.ts";

/** This format's version: a cookie of an older one is not a session here (a fresh one starts). */
const PACKED = 3;
const PREFIX = "$$ID-";

/** The columns of the widget list that the page shows (deflated together when long). */
interface Shown {
  i: string[];
  c: string;
  d: (string | number)[];
  f?: Record<string, number[]>;
  g?: Record<string, number[]>;
}

/** What travels: the session without its widget list, the list as columns, values by position. */
export interface PackedSession extends Omit<Session, "v" | "l" | "st" | "w"> {
  v: typeof PACKED;
  st: { o: Record<string, Json>; k?: (string | number)[]; t?: (string | number)[]; kx?: number[] };
  /** the widget list's shown columns, inline */
  w?: Shown;
  /** the same, deflated (base64url), when long */
  z?: string;
  u?: Json[];
  ux?: number[];
  /** the warning flag (`w` in Session; `w` here is the widget list) */
  wd?: 1;
}

/** Deflates and inflates text; the cookie layer supplies it (the engine knows no streams). */
export interface Packer {
  deflate(text: string): Promise<string>;
  inflate(packed: string): Promise<string>;
}

/** Above this many characters of JSON (about what one cookie holds), the shown columns are deflated: below, a deflate and an inflate per request cost more CPU than the bytes saved are worth. */
const DEFLATE_FROM = 2800;

/** The positions of each name in `names` (the widgets of each st.form, of each fragment). */
function group(names: readonly (string | undefined)[]): Record<string, number[]> | undefined {
  const out: Record<string, number[]> = {};
  let any = false;
  for (let at = 0; at < names.length; at++) {
    const name = names[at];
    if (!name) continue;
    (out[name] ??= []).push(at);
    any = true;
  }
  return any ? out : undefined;
}

function shownColumns(list: WidgetList): Shown {
  const firstOf = new Map<string, number>();
  const d = list.digests.map((digest, at) => {
    const first = firstOf.get(digest);
    if (first !== undefined) return first;
    firstOf.set(digest, at);
    return digest;
  });
  const shown: Shown = {
    i: list.ids.map((id) => (id.startsWith(PREFIX) ? id.slice(PREFIX.length) : "=" + id)),
    c: list.codes,
    d,
  };
  const f = group(list.forms);
  const g = group(list.fragments);
  if (f) shown.f = f;
  if (g) shown.g = g;
  return shown;
}

/**
 * The mapped keys by position: those of widgets not in the list (`k`), and the list's keyed widgets
 * whose key is not mapped (`kx`). Usually neither: the mapped keys are the list's keyed widgets, in
 * the list's order, which one walk tells without a set of either.
 */
function mappedKeys(l: WidgetList, mappedIds: string[], position: Map<string, number>): { k: string[]; kx: number[] } {
  let next = 0;
  for (let at = 0; at < l.length; at++) {
    const id = l.ids[at]!;
    if (!isKeyedWidgetId(id)) continue;
    if (mappedIds[next] !== id) return mappedKeysApart(l, mappedIds, position);
    next++;
  }
  return next === mappedIds.length ? { k: [], kx: [] } : mappedKeysApart(l, mappedIds, position);
}

function mappedKeysApart(l: WidgetList, mappedIds: string[], position: Map<string, number>): { k: string[]; kx: number[] } {
  const mapped = new Set(mappedIds);
  const kx: number[] = [];
  for (let at = 0; at < l.length; at++) if (isKeyedWidgetId(l.ids[at]!) && !mapped.has(l.ids[at]!)) kx.push(at);
  return { k: mappedIds.filter((id) => !position.has(id)), kx };
}

export async function packSession(s: Session, packer: Packer): Promise<PackedSession> {
  const { v: _v, l, st, w, ...rest } = s;
  const position = new Map<string, number>();
  for (let at = 0; at < l.length; at++) position.set(l.ids[at]!, at);
  const o: Record<string, Json> = {};
  const u: Json[] = new Array(l.length).fill(null);
  const ux: number[] = [];
  const has = new Array<boolean>(l.length).fill(false);
  st.o.forEach((value, key) => {
    const at = position.get(key);
    if (at === undefined) o[key] = value;
    else {
      u[at] = value;
      has[at] = true;
    }
  });
  has.forEach((h, at) => h || ux.push(at));
  const byPosition = (id: string) => position.get(id) ?? id;
  const packed: PackedSession = { v: PACKED, ...rest, st: { o } };
  const { k, kx } = mappedKeys(l, st.k, position);
  if (k.length) packed.st.k = k;
  if (kx.length) packed.st.kx = kx;
  if (st.t.length) packed.st.t = st.t.map(byPosition);
  if (l.length) {
    const shown = shownColumns(l);
    const json = JSON.stringify(shown);
    if (json.length >= DEFLATE_FROM) packed.z = await packer.deflate(json);
    else packed.w = shown;
    if (ux.length < l.length) packed.u = u;
    if (ux.length && ux.length < l.length) packed.ux = ux;
  }
  if (w) packed.wd = w;
  return packed;
}

const isRecordOf = (x: unknown, item: (v: unknown) => boolean): x is Record<string, unknown[]> =>
  !!x && typeof x === "object" && !Array.isArray(x) && Object.values(x).every((v) => Array.isArray(v) && v.every(item));
const isIndex = (n: number) => (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < n;

function looksLikeShown(x: unknown): x is Shown {
  if (!x || typeof x !== "object") return false;
  const s = x as Shown;
  if (!Array.isArray(s.i) || !s.i.every((id) => typeof id === "string")) return false;
  const n = s.i.length;
  return (
    typeof s.c === "string" &&
    s.c.length === n &&
    areCodes(s.c) &&
    Array.isArray(s.d) &&
    s.d.length === n &&
    // (a repeated digest names an earlier position that holds it)
    s.d.every((v, at) => typeof v === "string" || (Number.isInteger(v) && v >= 0 && v < at && typeof s.d[v] === "string")) &&
    (s.f === undefined || isRecordOf(s.f, isIndex(n))) &&
    (s.g === undefined || isRecordOf(s.g, isIndex(n)))
  );
}

/** The list the columns stand for (checked by looksLikeShown). */
function widgetList(s: Shown): WidgetList {
  const n = s.i.length;
  const forms = new Array<string>(n).fill("");
  const fragments = new Array<string | undefined>(n).fill(undefined);
  for (const [name, at] of Object.entries(s.f ?? {})) for (const i of at) forms[i] = name;
  for (const [name, at] of Object.entries(s.g ?? {})) for (const i of at) fragments[i] = name;
  const ids = s.i.map((short) => (short.startsWith("=") ? short.slice(1) : widgetIdOfSuffix(short)));
  const digests = s.d.map((d) => (typeof d === "string" ? d : (s.d[d] as string)));
  return new WidgetList(ids, s.c, forms, digests, fragments);
}

/**
 * The session a cookie's JSON stands for, or null when it has another shape (an older version's
 * cookie, or not a session at all): the caller starts a fresh session, as for any invalid cookie.
 */
export async function unpackSession(x: unknown, packer: Packer): Promise<Session | null> {
  const z = x && typeof x === "object" ? (x as PackedSession).z : undefined;
  if (typeof z !== "string") return unpackWith(x, null);
  let text: string;
  try {
    text = await packer.inflate(z);
  } catch {
    return null;
  }
  return unpackWith(x, text);
}

/** {@link unpackSession} with the deflated columns (`z`) already inflated to `shownJson`. */
export function unpackWith(x: unknown, shownJson: string | null): Session | null {
  if (!x || typeof x !== "object") return null;
  const p = x as PackedSession;
  if (p.v !== PACKED || typeof p.sid !== "string" || typeof p.run !== "number" || typeof p.pg !== "string") return null;
  if (!p.st || typeof p.st.o !== "object" || p.st.o === null || Array.isArray(p.st.o)) return null;
  let shown: unknown = p.w ?? { i: [], c: "", d: [] };
  if (shownJson !== null) {
    try {
      shown = JSON.parse(shownJson);
    } catch {
      return null;
    }
  }
  if (!looksLikeShown(shown)) return null;
  const n = shown.i.length;
  const l = widgetList(shown);
  const u = p.u ?? [];
  const ux = new Set(p.ux ?? []);
  if (!Array.isArray(u) || (p.u !== undefined && u.length !== n)) return null;
  const o = StoredValues.ofRecord(p.st.o);
  const kx = new Set(p.st.kx ?? []);
  const k = [...(p.st.k ?? [])];
  for (let at = 0; at < n; at++) {
    const id = l.ids[at]!;
    if (p.u !== undefined && !ux.has(at)) o.set(id, u[at]!);
    if (isKeyedWidgetId(id) && !kx.has(at)) k.push(id);
  }
  const t = (p.st.t ?? []).map((v) => (typeof v === "number" ? l.ids[v] : v));
  if (!k.every((id) => typeof id === "string") || !t.every((id) => typeof id === "string")) return null;
  if (p.pd !== undefined && !(Array.isArray(p.pd) && p.pd.every(isIndex(n)))) return null;
  const { v: _v, st: _st, w: _w, z: _z, u: _u, ux: _ux, wd, ...rest } = p;
  const st: StoredState = { o, k: k as string[], t: t as string[] };
  const session: Session = { v: 2, ...rest, st, l };
  if (wd === 1) session.w = 1;
  return session;
}
