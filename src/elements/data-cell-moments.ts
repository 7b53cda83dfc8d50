/**
 * Datetime and time cells of st.dataEditor: the text the browser's control shows for a value, and
 * whether a value may be a cell's. Values are ISO text ("2024-06-03T17:00", "17:00:30"); seconds
 * are written only when they are not zero, as the browser's controls write them, so a cell the
 * user did not touch posts back exactly the text it was drawn with.
 */
import { isIsoDate } from "./dates.ts";

const DATETIME = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?$/;

export type MomentKind = "datetime" | "time";

/** The value as its control shows it, or null when it is no date-and-time (time) at all. */
export function showMoment(kind: MomentKind, v: unknown): string | null {
  if (typeof v !== "string") return null;
  const m = (kind === "datetime" ? DATETIME : TIME).exec(v);
  if (!m || (kind === "datetime" && !isIsoDate(m[1]!))) return null;
  const [hh, mm, ss] = kind === "datetime" ? [m[2], m[3], m[4]] : [m[1], m[2], m[3]];
  const clock = `${hh}:${mm}${ss && ss !== "00" ? `:${ss}` : ""}`;
  return kind === "datetime" ? `${m[1]}T${clock}` : clock;
}

/** Comparable text: seconds always written. */
const full = (shown: string) => (/:\d\d:\d\d$/.test(shown) ? shown : `${shown}:00`);

/** Null when `v` may be the cell's value, else why not (`what` names the column). */
export function checkMoment(kind: MomentKind, v: unknown, what: string, min?: string | null, max?: string | null): string | null {
  const shown = showMoment(kind, v);
  const form = kind === "datetime" ? "a date and time (YYYY-MM-DDTHH:MM)" : "a time (HH:MM)";
  if (shown === null) return `${what} takes ${form}, not ${JSON.stringify(v)}.`;
  const lo = min ? showMoment(kind, min) : null;
  const hi = max ? showMoment(kind, max) : null;
  if (lo && full(shown) < full(lo)) return `${what}: ${shown} is before the earliest, ${lo}.`;
  if (hi && full(shown) > full(hi)) return `${what}: ${shown} is after the latest, ${hi}.`;
  return null;
}
