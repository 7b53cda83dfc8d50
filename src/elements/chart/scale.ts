/**
 * Scales for the server-rendered charts: nice linear domains with round ticks (1, 2 or 5 x 10^n),
 * band and point positions for categories, and the number formats the axes and summaries use.
 */

export interface NiceScale {
  /** the domain, widened to whole steps when niced */
  min: number;
  max: number;
  step: number;
  /** tick values, rounded to the step's decimals (no 0.30000000000000004) */
  ticks: number[];
}

/** A coordinate in an SVG attribute: to a tenth of a pixel, as finely as a drawing needs. */
export const coord = (v: number) => String(Math.round(v * 10) / 10);

/** A round step (1, 2 or 5 x 10^n) giving about `count` intervals over `span` (d3's rule). */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1;
  return Number((factor * 10 ** power).toPrecision(12));
}

/** Decimal places a multiple of `step` needs. */
export function stepDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  return Math.min(20, Math.max(0, -Math.floor(Math.log10(step) + 1e-9)));
}

function round(v: number, decimals: number): number {
  const r = Number(v.toFixed(decimals));
  return Object.is(r, -0) ? 0 : r;
}

/** A domain that is not a single value (or empty/invalid): widened around it. */
function spread(lo: number, hi: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo > hi) [lo, hi] = [hi, lo];
  if (lo === hi) {
    if (lo === 0) return [0, 1];
    const pad = Math.abs(lo) * 0.1;
    return lo > 0 && lo - pad < 0 ? [0, hi + pad] : [lo - pad, hi + pad];
  }
  return [lo, hi];
}

/**
 * A nice scale over [lo, hi]: `nice` widens the domain to whole steps (for value axes), otherwise
 * the domain stays as given and only the ticks inside it are returned (for x axes that should fill
 * the plot). `integer` keeps the step at 1 or more (row indices).
 */
export function niceScale(lo: number, hi: number, count = 5, opts: { nice?: boolean; integer?: boolean } = {}): NiceScale {
  const nice = opts.nice ?? true;
  [lo, hi] = spread(lo, hi);
  let step = niceStep(hi - lo, count);
  if (opts.integer && step < 1) step = 1;
  const decimals = stepDecimals(step);
  let first = Math.floor(lo / step + 1e-9);
  let last = Math.ceil(hi / step - 1e-9);
  if (!nice) {
    first = Math.ceil(lo / step - 1e-9);
    last = Math.floor(hi / step + 1e-9);
  }
  const ticks: number[] = [];
  // bounded: a step from niceStep gives about `count` ticks; the guard protects against float oddities
  for (let i = first; i <= last && ticks.length < 1000; i++) ticks.push(round(i * step, decimals));
  return nice ? { min: round(first * step, decimals), max: round(last * step, decimals), step, ticks } : { min: lo, max: hi, step, ticks };
}

/** A linear map from a domain onto a pixel range. */
export function linear(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => (d1 === d0 ? (r0 + r1) / 2 : r0 + (v - d0) * k);
}

export interface Band {
  /** left edge of category i's band */
  start: (i: number) => number;
  /** centre of category i */
  center: (i: number) => number;
  bandwidth: number;
  step: number;
}

/** n categories over [r0, r1]; `padding` is the share of each step left empty between bands. */
export function band(n: number, range: [number, number], padding = 0.2): Band {
  const [r0, r1] = range;
  const step = (r1 - r0) / Math.max(1, n);
  const bandwidth = step * (1 - padding);
  const start = (i: number) => r0 + i * step + (step - bandwidth) / 2;
  return { start, center: (i) => r0 + (i + 0.5) * step, bandwidth, step };
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function withCommas(fixed: string): string {
  const neg = fixed.startsWith("-");
  const body = neg ? fixed.slice(1) : fixed;
  const [int, frac] = body.split(".");
  const out = group(int!) + (frac ? "." + frac : "");
  return neg && /[1-9]/.test(out) ? "-" + out : out;
}

/** A tick label: the step's decimals, thousands grouped ("1,500", "0.25"). */
export function formatTick(v: number, step: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1e21) return v.toExponential(2);
  return withCommas(v.toFixed(stepDecimals(step)));
}

/** A value in a summary: up to 6 significant digits, thousands grouped. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) >= 1e21 || Math.abs(v) < 1e-6)) return v.toExponential(3).replace(/\.?0+e/, "e");
  const p = Number(v.toPrecision(6));
  const s = p.toFixed(Math.max(0, Math.min(20, 6 - 1 - Math.floor(Math.log10(Math.abs(p) || 1)))));
  return withCommas(s.includes(".") ? s.replace(/\.?0+$/, "") : s);
}
