/**
 * A small seeded pseudo-random number generator, so every page's data is the same on every run,
 * in every isolate, with no network and no state: mulberry32 for uniform numbers in [0, 1), and
 * the Box–Muller transform for standard normal ones.
 */
export interface Random {
  /** a uniform number in [0, 1) */
  next(): number;
  /** a standard normal number (mean 0, standard deviation 1) */
  normal(): number;
}

export function seeded(seed: number): Random {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare: number | null = null;
  const normal = () => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    const u = 1 - next(); // (0, 1]: log(u) is finite
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return { next, normal };
}

/** A seed from a text (FNV-1a), so each country gets its own stream of numbers. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
