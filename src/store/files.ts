/**
 * Stores in a directory, for Node: sessions and uploads that outlive a restart of the process.
 * Each record is one file named by the SHA-256 of its key, so no key (a session id, an upload's
 * name) ever becomes a path: nothing is read or written outside the directory. A record is written
 * to a temporary file and renamed over the old one, so a reader sees the old record or the new
 * one, never half of one. Records unused for `maxAgeSeconds` are gone, and now and then the
 * directory is swept down to its bounds, the least recently used first.
 */
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { hex, sha256 } from "../shared/hash.ts";
import { SESSION_LIFETIME, type StoreBounds } from "./memory.ts";
import type { SessionStore, StoredRecord } from "./types.ts";
import type { UploadStore } from "./uploads.ts";

/** The bounds of a file store, and how often it sweeps. */
export interface FileStoreOptions extends StoreBounds {
  /** the directory is swept to its bounds on a write at most this often (default 60 s) */
  sweepEveryMs?: number;
}

const TEMPORARY = ".tmp";

/** One directory of records: bytes by key, bounded, expiring. */
class RecordDirectory {
  private ready: Promise<unknown> | null = null;
  private lastSweep = 0;
  private sweeping: Promise<void> | null = null;
  private readonly maxAgeMs: number;

  constructor(
    private readonly dir: string,
    private readonly options: FileStoreOptions,
    private readonly defaults: { maxEntries: number; maxBytes: number },
  ) {
    this.maxAgeMs = (options.maxAgeSeconds ?? SESSION_LIFETIME) * 1000;
  }

  private async path(key: string): Promise<string> {
    // made on first use, so that a directory that cannot be made fails a request, not the process
    await (this.ready ??= mkdir(this.dir, { recursive: true, mode: 0o700 }).catch((err: unknown) => {
      this.ready = null;
      throw err;
    }));
    return join(this.dir, hex(await sha256(key)));
  }

  async read(key: string): Promise<Buffer | null> {
    const file = await this.path(key);
    const info = await stat(file).catch(missing);
    if (!info) return null;
    if (Date.now() - info.mtimeMs > this.maxAgeMs) {
      await rm(file, { force: true });
      return null;
    }
    const bytes = await readFile(file).catch(missing);
    // a read is a use: the record's lifetime starts again (as a session's does)
    if (bytes) await utimes(file, new Date(), new Date()).catch(() => {});
    return bytes;
  }

  async write(key: string, bytes: Uint8Array): Promise<void> {
    const file = await this.path(key);
    const temporary = `${file}.${hex(crypto.getRandomValues(new Uint8Array(6)))}${TEMPORARY}`;
    try {
      // sessions are plain JSON: readable by the server's user only
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, file);
    } catch (err) {
      await rm(temporary, { force: true });
      throw err;
    }
    if (Date.now() - this.lastSweep >= (this.options.sweepEveryMs ?? 60_000)) await this.sweep();
  }

  async delete(key: string): Promise<void> {
    await rm(await this.path(key), { force: true });
  }

  /** Deletes expired records (and temporary files left by a crash), then the oldest past the bounds. */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepOnce().finally(() => {
      this.sweeping = null;
      this.lastSweep = Date.now();
    });
    return this.sweeping;
  }

  private async sweepOnce(): Promise<void> {
    const now = Date.now();
    const records: { file: string; size: number; used: number }[] = [];
    for (const name of await readdir(this.dir)) {
      const file = join(this.dir, name);
      const info = await stat(file).catch(missing);
      if (!info?.isFile()) continue;
      const old = now - info.mtimeMs > (name.endsWith(TEMPORARY) ? 60_000 : this.maxAgeMs);
      if (old) await rm(file, { force: true });
      else if (!name.endsWith(TEMPORARY)) records.push({ file, size: info.size, used: info.mtimeMs });
    }
    records.sort((a, b) => a.used - b.used);
    let bytes = records.reduce((n, r) => n + r.size, 0);
    const maxEntries = this.options.maxEntries ?? this.defaults.maxEntries;
    const maxBytes = this.options.maxBytes ?? this.defaults.maxBytes;
    for (let i = 0, left = records.length; i < records.length && (left > maxEntries || bytes > maxBytes); i++, left--) {
      await rm(records[i]!.file, { force: true });
      bytes -= records[i]!.size;
    }
  }
}

/** A file that is not there reads as null; any other failure is the store's. */
function missing(err: NodeJS.ErrnoException): null {
  if (err.code === "ENOENT") return null;
  throw err;
}

const isRecord = (r: unknown): r is StoredRecord =>
  !!r && typeof r === "object" && typeof (r as StoredRecord).v === "number" && typeof (r as StoredRecord).data === "string";

/** Sessions too large for cookies, one file each in `directory` (default 100,000 sessions, 1 GiB). */
export function fileSessionStore(directory: string, options: FileStoreOptions = {}): SessionStore & { sweep(): Promise<void> } {
  const records = new RecordDirectory(directory, options, { maxEntries: 100_000, maxBytes: 2 ** 30 });
  return {
    get: async (id) => {
      const bytes = await records.read(id);
      if (!bytes) return null;
      // A file that is not a record (edited by hand, another program's) is no session: a fresh one starts.
      try {
        const record: unknown = JSON.parse(bytes.toString("utf8"));
        return isRecord(record) ? record : null;
      } catch {
        return null;
      }
    },
    put: (id, record) => records.write(id, new TextEncoder().encode(JSON.stringify(record))),
    delete: (id) => records.delete(id),
    sweep: () => records.sweep(),
  };
}

/** Uploaded files' bytes, one file each in `directory` (default 10,000 files, 4 GiB). */
export function fileUploadStore(directory: string, options: FileStoreOptions = {}): UploadStore & { sweep(): Promise<void> } {
  const records = new RecordDirectory(directory, options, { maxEntries: 10_000, maxBytes: 4 * 2 ** 30 });
  return {
    put: async (key, file) => records.write(key, new Uint8Array(await file.arrayBuffer())),
    get: async (key) => {
      const bytes = await records.read(key);
      return bytes ? new Uint8Array(bytes).buffer : null;
    },
    sweep: () => records.sweep(),
  };
}
