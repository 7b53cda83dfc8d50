/**
 * A small least-recently-used memo for pure renderings (markdown, charts): the same input always
 * gives the same HTML, so an isolate may keep recent results. Not state: a miss only recomputes.
 *
 * The memo is shared by every request the isolate serves, so its key is the whole input text,
 * compared in full: a short hash of it would let two different inputs (one user's data, another's)
 * collide and hand one user the other's rendering. The total size of keys and values is bounded.
 */
export class Memo<V extends string> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    /** most characters kept, keys and values together */
    private readonly maxChars = 4_000_000,
  ) {}

  get(key: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    const size = key.length + value.length;
    if (size > this.maxChars / 4) return value; // too large to be worth keeping
    this.entries.set(key, value);
    this.chars += size;
    while (this.entries.size > this.maxEntries || this.chars > this.maxChars) {
      const [oldKey, oldValue] = this.entries.entries().next().value!;
      this.entries.delete(oldKey);
      this.chars -= oldKey.length + oldValue.length;
    }
    return value;
  }
}
