/**
 * Where a session too large for cookies is kept. The cookie then carries only a signed reference
 * (the session id, its version and the SHA-256 of the stored JSON).
 */
export interface StoredRecord {
  /** the run number this state was saved at */
  v: number;
  /** the session, as JSON */
  data: string;
  /**
   * Written at the end of a streamed page: the version and fingerprint of the reference its
   * cookie carried (sent before the run ended). That cookie is then the session's own, one step
   * behind, not an older cookie sent again.
   */
  c?: { v: number; h: string };
}

export interface SessionStore {
  get(id: string): Promise<StoredRecord | null>;
  put(id: string, record: StoredRecord): Promise<void>;
  delete(id: string): Promise<void>;
}

export class StoreUnavailable extends Error {
  constructor(readonly operation: "read" | "write", cause: unknown) {
    super(`session store ${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Wraps a store so that every call either settles within `ms` or fails as StoreUnavailable. */
export function withTimeout(store: SessionStore, ms: number): SessionStore {
  const guard = <T>(operation: "read" | "write", p: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new StoreUnavailable(operation, `no answer within ${ms} ms`)), ms);
      Promise.resolve()
        .then(p)
        .then(
          (v) => {
            clearTimeout(timer);
            resolve(v);
          },
          (err) => {
            clearTimeout(timer);
            reject(err instanceof StoreUnavailable ? err : new StoreUnavailable(operation, err));
          },
        );
    });
  return {
    get: (id) => guard("read", () => store.get(id)),
    put: (id, r) => guard("write", () => store.put(id, r)),
    delete: (id) => guard("write", () => store.delete(id)),
  };
}
