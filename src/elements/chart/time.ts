/**
 * The time axis of the built-in charts: which x values are dates or times, where the ticks of a
 * span of time go (whole seconds, minutes, hours, days, weeks, months or years, as many as fit),
 * and how ticks and values read. Everything is in UTC: a Worker has no time zone of its user, and
 * one fixed zone keeps the same data drawing the same chart on every server.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// ---- which values are times -----------------------------------------------------------------------

/** An ISO 8601 date, optionally with a time and an offset ("2024-03-05", "2024-03-05T14:00:00Z"). */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A value's time in ms since the epoch when it is a date or a time: a valid Date, or an ISO date
 * string that names a real day ("2024-02-30" is not one). A string without an offset is read as
 * UTC, as the axis shows it. Anything else is undefined.
 */
export function timeOf(v: unknown): number | undefined {
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? undefined : t;
  }
  if (typeof v !== "string") return undefined;
  const m = ISO.exec(v.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", zone] = m;
  // the calendar fields must survive a round trip, so that "2024-02-30" is not taken for 1 March
  const day = new Date(Date.UTC(+y!, +mo! - 1, +d!));
  if (day.getUTCFullYear() !== +y! || day.getUTCMonth() !== +mo! - 1 || day.getUTCDate() !== +d! || +h > 23 || +mi > 59 || +s > 59) return undefined;
  const t = Date.parse(zone ? v.trim().replace(" ", "T") : `${v.trim().replace(" ", "T")}${m[4] === undefined ? "T00:00:00" : ""}Z`);
  return Number.isNaN(t) ? undefined : t;
}

// ---- ticks ----------------------------------------------------------------------------------------

export type TimeUnit = "millisecond" | "second" | "minute" | "hour" | "day" | "week" | "month" | "year";

/** A tick interval: every `step` units, aligned on whole units in UTC. */
export interface TimeInterval {
  unit: TimeUnit;
  step: number;
}

/** The intervals a time axis may use, finest first, with their length (months and years roughly). */
const INTERVALS: [TimeUnit, number, number][] = [
  ["second", 1, SECOND], ["second", 5, 5 * SECOND], ["second", 15, 15 * SECOND], ["second", 30, 30 * SECOND],
  ["minute", 1, MINUTE], ["minute", 5, 5 * MINUTE], ["minute", 15, 15 * MINUTE], ["minute", 30, 30 * MINUTE],
  ["hour", 1, HOUR], ["hour", 3, 3 * HOUR], ["hour", 6, 6 * HOUR], ["hour", 12, 12 * HOUR],
  ["day", 1, DAY], ["day", 2, 2 * DAY], ["week", 1, WEEK],
  ["month", 1, MONTH], ["month", 3, 3 * MONTH], ["month", 6, 6 * MONTH],
  ["year", 1, YEAR],
];

/** A round number of units (1, 2 or 5 x 10^n) giving about `count` intervals over `span` units. */
function roundStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  return Math.max(1, (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1) * power);
}

/** The interval whose length is nearest to span / count (years and milliseconds: a round multiple). */
export function timeInterval(lo: number, hi: number, count: number): TimeInterval {
  const target = (hi - lo) / Math.max(1, count);
  if (target < SECOND) return { unit: "millisecond", step: roundStep(hi - lo, count) };
  if (target > YEAR) return { unit: "year", step: roundStep((hi - lo) / YEAR, count) };
  let best = INTERVALS[0]!;
  for (const iv of INTERVALS) if (Math.abs(Math.log(iv[2] / target)) < Math.abs(Math.log(best[2] / target))) best = iv;
  return { unit: best[0], step: best[1] };
}

/** The first instant of t's unit (midnight, the 1st, the 1st of January; weeks start on Monday). */
function floorUnit(t: number, unit: TimeUnit): number {
  const d = new Date(t);
  const fixed: Partial<Record<TimeUnit, number>> = { millisecond: 1, second: SECOND, minute: MINUTE, hour: HOUR, day: DAY };
  if (fixed[unit]) return Math.floor(t / fixed[unit]) * fixed[unit];
  if (unit === "week") return floorUnit(t, "day") - ((d.getUTCDay() + 6) % 7) * DAY;
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return Date.UTC(d.getUTCFullYear(), 0, 1);
}

/** t moved on by n units (calendar months and years, not 30 or 365 days). */
function addUnits(t: number, unit: TimeUnit, n: number): number {
  const d = new Date(t);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  if (unit === "year") return Date.UTC(d.getUTCFullYear() + n, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  const ms: Record<Exclude<TimeUnit, "month" | "year">, number> = { millisecond: 1, second: SECOND, minute: MINUTE, hour: HOUR, day: DAY, week: WEEK };
  return t + n * ms[unit];
}

/** Whether a whole unit lies on the interval's grid (every 5th minute, odd days of the month, every 3rd month...). */
function onGrid(t: number, { unit, step }: TimeInterval): boolean {
  const d = new Date(t);
  switch (unit) {
    case "millisecond": return true;
    case "second": return d.getUTCSeconds() % step === 0;
    case "minute": return d.getUTCMinutes() % step === 0;
    case "hour": return d.getUTCHours() % step === 0;
    case "day": return (d.getUTCDate() - 1) % step === 0;
    case "week": return true;
    case "month": return d.getUTCMonth() % step === 0;
    case "year": return d.getUTCFullYear() % step === 0;
  }
}

/** The ticks inside [lo, hi] for an interval (at most 1000, so a wrong interval cannot run away). */
export function timeTicks(lo: number, hi: number, iv: TimeInterval): number[] {
  const ticks: number[] = [];
  // milliseconds and years step by the interval itself (a century of years is not walked year by year)
  const stride = iv.unit === "millisecond" || iv.unit === "year" ? iv.step : 1;
  let start = floorUnit(lo, iv.unit);
  if (iv.unit === "year") start = Date.UTC(Math.floor(new Date(start).getUTCFullYear() / iv.step) * iv.step, 0, 1);
  if (iv.unit === "millisecond") start = Math.floor(lo / iv.step) * iv.step;
  for (let t = start; t <= hi && ticks.length < 1000; t = addUnits(t, iv.unit, stride)) {
    if (t >= lo && onGrid(t, iv)) ticks.push(t);
  }
  return ticks;
}

/**
 * The span a time axis shows for the sorted distinct times it draws, and the narrowest gap between
 * two of them. One time alone gets a day (or an hour, when it is not midnight) either side; bars
 * get half the narrowest gap at each end, so that the first and last bar stay inside the plot.
 */
export function timeDomain(times: number[], bars: boolean): [lo: number, hi: number, gap: number] {
  let lo = times[0] ?? 0;
  let hi = times[times.length - 1] ?? DAY;
  if (lo === hi) {
    const padding = lo % DAY === 0 ? DAY : HOUR;
    [lo, hi] = [lo - padding, hi + padding];
  }
  let gap = hi - lo;
  for (let i = 1; i < times.length; i++) gap = Math.min(gap, times[i]! - times[i - 1]!);
  return bars ? [lo - gap / 2, hi + gap / 2, gap] : [lo, hi, gap];
}

// ---- text -----------------------------------------------------------------------------------------

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const clock = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
const dayText = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;

/**
 * A tick's label for its interval: the unit it counts ("14:00", "Mar 5", "Jan", "2024") and, below,
 * the larger unit it belongs to ("Mar 5, 2024" under a time, "2024" under a day or a month), given
 * on the first tick and wherever it changes.
 */
export function timeTickLabels(ticks: number[], iv: TimeInterval): [main: string, context: string][] {
  let last = "";
  return ticks.map((t) => {
    const d = new Date(t);
    const year = String(d.getUTCFullYear());
    const [main, context] =
      iv.unit === "millisecond" ? [`${clock(d)}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`, `${dayText(d)}, ${year}`]
      : iv.unit === "second" ? [`${clock(d)}:${pad(d.getUTCSeconds())}`, `${dayText(d)}, ${year}`]
      : iv.unit === "minute" || iv.unit === "hour" ? [clock(d), `${dayText(d)}, ${year}`]
      : iv.unit === "day" || iv.unit === "week" ? [dayText(d), year]
      : iv.unit === "month" ? [MONTHS[d.getUTCMonth()]!, year]
      : [year, ""];
    const shown = context !== last ? context : "";
    last = context;
    return [main, shown];
  });
}

/**
 * A time as a person reads it, in UTC: "Mar 5, 2024" for a day, "Mar 5, 2024, 14:00 UTC" for a
 * time (with seconds and milliseconds only when it has them).
 */
export function timeText(t: number): string {
  const d = new Date(t);
  const date = `${dayText(d)}, ${d.getUTCFullYear()}`;
  if (t % DAY === 0) return date;
  const s = d.getUTCSeconds() || d.getUTCMilliseconds() ? `:${pad(d.getUTCSeconds())}${d.getUTCMilliseconds() ? "." + pad(d.getUTCMilliseconds(), 3) : ""}` : "";
  return `${date}, ${clock(d)}${s} UTC`;
}
