/** Streamlit's time strings ("10m", "1d2h34m", "2 days"), read as seconds. */

const UNITS: Record<string, number> = { ms: 0.001, s: 1, sec: 1, m: 60, min: 60, h: 3600, d: 86400, day: 86400, days: 86400 };

/** The seconds a time string says, or null when it is not one (an unknown unit, stray text). */
export function durationSeconds(text: string): number | null {
  let total = 0;
  const rest = text.trim().replace(/(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gi, (_, n: string, unit: string) => {
    const scale = UNITS[unit.toLowerCase()];
    if (scale === undefined) return "?";
    total += Number(n) * scale;
    return "";
  });
  return rest === "" && text.trim() !== "" ? total : null;
}
