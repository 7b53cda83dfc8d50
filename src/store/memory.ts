/**
 * Stores in the memory of one process: Node's default when the app configures none. They hold at
 * most `maxEntries` records and `maxBytes` bytes, dropping the least recently used first, and
 * forget a record not used for `maxAgeSeconds` (the session's own lifetime). A restart empties
 * them: for state that must outlive the process, use the file stores (formlit/node).
 */
import type { SessionStore, StoredRecord } from "./types.ts";
import type { UploadStore } from "./uploads.ts";

/** The bounds of a memory (or file) store. */
export interface StoreBounds {
  /** most records kept; past it the least recently used is dropped */
  maxEntries?: number;
  /** most bytes kept; past it the least recently used records are dropped */
  maxBytes?: number;
  /** a record not read or written for this long is gone (default: a session's `maxAge`, 7 days) */
  maxAgeSeconds?: number;
}

/** A session's lifetime without interaction, createApp's default `maxAge`. */
export const SESSION_LIFETIME = 7 * 24 * 3600;

interface Entry<V> {
  value: V;
  bytes: number;
  used: number;
}

/** A map in least-recently-used order (a Map keeps insertion order: a use moves a key to the end). */
class BoundedMemory<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private bytes = 0;
  private warned = false;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly maxAgeMs: number;

  constructor(private readonly what: string, bounds: StoreBounds, defaults: Required<Pick<StoreBounds, "maxEntries" | "maxBytes">>) {
    this.maxEntries = bounds.maxEntries ?? defaults.maxEntries;
    this.maxBytes = bounds.maxBytes ?? defaults.maxBytes;
    this.maxAgeMs = (bounds.maxAgeSeconds ?? SESSION_LIFETIME) * 1000;
  }

  get(key: string): V | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.remove(key);
    if (Date.now() - entry.used > this.maxAgeMs) return null;
    entry.used = Date.now();
    this.insert(key, entry);
    return entry.value;
  }

  set(key: string, value: V, bytes: number): void {
    // One record larger than the whole store could only be kept by emptying it, and not even then.
    if (bytes > this.maxBytes) throw new Error(`${this.what}: a record of ${bytes} bytes is larger than the store's maxBytes (${this.maxBytes})`);
    this.remove(key);
    this.insert(key, { value, bytes, used: Date.now() });
    this.dropExpired();
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) this.evictOldest();
  }

  delete(key: string): void {
    this.remove(key);
  }

  private insert(key: string, entry: Entry<V>): void {
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /** The oldest records come first: drop them while they are past their lifetime. */
  private dropExpired(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (now - entry.used <= this.maxAgeMs) return;
      this.remove(key);
    }
  }

  private evictOldest(): void {
    const oldest = this.entries.keys().next().value!;
    this.remove(oldest);
    // Said once: an evicted session starts fresh with a notice, which looks like a bug unless the
    // operator knows the bound was reached.
    if (this.warned) return;
    this.warned = true;
    console.warn(
      `formlit: the in-memory ${this.what} is full (${this.maxEntries} records or ${this.maxBytes} bytes), so the least recently used records are being dropped; ` +
        "their sessions start fresh with a notice. Raise its bounds, or keep them on disk (FORMLIT_STORE_DIR, or fileSessionStore from formlit/node).",
    );
  }
}

/** Sessions too large for cookies, in this process's memory (default 10,000 sessions, 64 MiB). */
export function memorySessionStore(bounds: StoreBounds = {}): SessionStore {
  const memory = new BoundedMemory<StoredRecord>("session store", bounds, { maxEntries: 10_000, maxBytes: 64 * 2 ** 20 });
  return {
    get: async (id) => memory.get(id),
    put: async (id, record) => memory.set(id, record, record.data.length + 64),
    delete: async (id) => memory.delete(id),
  };
}

/** Uploaded files' bytes, in this process's memory (default 1,000 files, 128 MiB). */
export function memoryUploadStore(bounds: StoreBounds = {}): UploadStore {
  const memory = new BoundedMemory<ArrayBuffer>("upload store", bounds, { maxEntries: 1000, maxBytes: 128 * 2 ** 20 });
  return {
    put: async (key, file) => {
      const bytes = await file.arrayBuffer();
      memory.set(key, bytes, bytes.byteLength);
    },
    // a copy: the app may write into the buffer it reads
    get: async (key) => memory.get(key)?.slice(0) ?? null,
  };
}
