/** An R2 bucket as the session store (an alternative to the Durable Object: eventually consistent listings, but strong read-after-write for one key). */
import type { SessionStore, StoredRecord } from "./types.ts";

export function r2Store(bucket: R2Bucket, prefix = "formlit/sessions/"): SessionStore {
  return {
    get: async (id) => {
      const object = await bucket.get(prefix + id);
      return object ? ((await object.json()) as StoredRecord) : null;
    },
    put: async (id, record) => {
      await bucket.put(prefix + id, JSON.stringify(record));
    },
    delete: async (id) => {
      await bucket.delete(prefix + id);
    },
  };
}
