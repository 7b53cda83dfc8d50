/**
 * A small least-recently-used memo for pure renderings (markdown, charts): the same input always
 * gives the same HTML, so an isolate may keep recent results. Not state: a miss only recomputes.
 *
 * The memo is shared by every request the isolate serves, so its key is the whole input text,
 * compared in full: a short hash of it would let two different inputs (one user's data, another's)
 * collide and hand one user the other's rendering. The total size of keys and values is bounded.
 */
export class Memo<V extends string> {
  /**
   * Each entry holds the key it was stored under. A hit moves the entry to the end under that
   * key, not under the text it was looked up with: that text is most often made fresh by the
   * request, and kept in the long-lived map it would outlive the request, to be copied out of the
   * young generation by the collector, on every hit.
   */
  private readonly entries = new Map<string, { key: string; value: V }>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    /** most characters kept, keys and values together */
    private readonly maxChars = 4_000_000,
  ) {}

  /** The value kept under `key` (now the most recently used), if any. */
  peek(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    this.entries.delete(hit.key);
    this.entries.set(hit.key, hit);
    return hit.value;
  }

  get(key: string, compute: () => V): V {
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    const value = compute();
    const size = key.length + value.length;
    if (size > this.maxChars / 4) return value; // too large to be worth keeping
    this.entries.set(key, { key, value });
    this.chars += size;
    while (this.entries.size > this.maxEntries || this.chars > this.maxChars) {
      const oldest = this.entries.values().next().value!;
      this.entries.delete(oldest.key);
      this.chars -= oldest.key.length + oldest.value.length;
    }
    return value;
  }
}

/** Keys longer than this are not kept: comparing and holding them would cost more than a redraw. */
const MAX_KEY = 200_000;

/**
 * The text of some plain data for a memo key, or null when it cannot be one (too long, or not
 * plain data). Values JSON would blur into one another (a Date and its ISO string, NaN and null,
 * undefined and a missing key) get distinct spellings, and anything that is not plain data (a Map,
 * a class instance, a function) makes it null, so such an input is drawn every time.
 */
export function exactKey(value: unknown): string | null {
  try {
    const text = JSON.stringify(value, exactly);
    return text !== undefined && text.length < MAX_KEY ? text : null;
  } catch {
    return null;
  }
}

function exactly(this: Record<string, unknown>, k: string, v: unknown): unknown {
  const raw = this[k];
  if (raw instanceof Date) return { $date: Number(raw) };
  if (raw === undefined) return { $undefined: true };
  if (typeof raw === "number" && !Number.isFinite(raw)) return { $number: String(raw) };
  if (typeof raw === "function" || typeof raw === "symbol") throw new TypeError("not data");
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const proto = Object.getPrototypeOf(raw);
    if (proto !== Object.prototype && proto !== null) throw new TypeError("not plain data");
  }
  return v;
}
