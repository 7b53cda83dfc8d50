/**
 * The data of the DataFrame demo: yearly agricultural production per country, 1961–2010, in
 * thousands of tonnes. It is synthetic: each country starts near a plausible 1961 level and grows
 * at its own rate, with seeded year-to-year noise (a good or bad harvest carries a little into the
 * next year). Made once per isolate, the same everywhere.
 */
import { seeded, seedOf } from "./random.ts";

export const FIRST_YEAR = 1961;
export const LAST_YEAR = 2010;
export const YEARS: number[] = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

/** [country, production in 1961 (thousand tonnes), growth per year, year-to-year volatility] */
const PROFILES: [string, number, number, number][] = [
  ["Argentina", 12_500, 0.031, 0.11],
  ["Australia", 9_800, 0.028, 0.18],
  ["Brazil", 15_200, 0.036, 0.07],
  ["China", 108_000, 0.034, 0.05],
  ["Egypt", 5_100, 0.029, 0.04],
  ["France", 21_300, 0.022, 0.06],
  ["Germany", 24_600, 0.012, 0.05],
  ["India", 87_400, 0.026, 0.06],
  ["Indonesia", 14_900, 0.037, 0.05],
  ["Mexico", 8_300, 0.025, 0.08],
  ["Nigeria", 8_000, 0.032, 0.07],
  ["United States", 163_000, 0.018, 0.08],
];

export const COUNTRIES: string[] = PROFILES.map(([name]) => name);
export const DEFAULT_COUNTRIES = ["China", "India", "United States", "Brazil"];

/** Production by country, one value per year of YEARS (whole thousands of tonnes). */
export const PRODUCTION: ReadonlyMap<string, readonly number[]> = new Map(
  PROFILES.map(([name, start, growth, volatility]) => {
    const rng = seeded(seedOf(name));
    let shock = 0;
    const values = YEARS.map((_, t) => {
      shock = 0.35 * shock + volatility * rng.normal();
      return Math.max(0, Math.round(start * Math.exp(growth * t) * (1 + shock)));
    });
    return [name, values];
  }),
);

/** Countries as rows, years as columns (as Streamlit's demo shows it): `{ country, "1961": ..., ... }`. */
export function byCountry(countries: readonly string[]): Record<string, string | number>[] {
  return countries.map((country) => {
    const row: Record<string, string | number> = { country };
    PRODUCTION.get(country)!.forEach((v, i) => (row[String(YEARS[i])] = v));
    return row;
  });
}

/**
 * Years as rows, one column per country: what the area chart plots. The year is text, so the axis
 * reads 1970 (as a number it would be formatted 1,970).
 */
export function byYear(countries: readonly string[]): Record<string, string | number>[] {
  return YEARS.map((year, i) => {
    const row: Record<string, string | number> = { year: String(year) };
    for (const country of countries) row[country] = PRODUCTION.get(country)![i]!;
    return row;
  });
}
