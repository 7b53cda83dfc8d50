/**
 * The recommended store: one Durable Object per session, so reads and writes of a session are
 * strongly consistent. Export `FormlitSessionStore` from your Worker and bind it:
 *
 *   [[durable_objects.bindings]]
 *   name = "SESSION_STORE"
 *   class_name = "FormlitSessionStore"
 *   [[migrations]]
 *   tag = "formlit-v1"
 *   new_sqlite_classes = ["FormlitSessionStore"]
 *
 * This module imports `cloudflare:workers`, so it is a separate entry (formlit's core stays
 * runnable on Node).
 */
import { DurableObject } from "cloudflare:workers";
import type { SessionStore, StoredRecord } from "./types.ts";

/** Idle sessions are deleted after this long without a write (an alarm), default 30 days. */
const IDLE_MS = 30 * 24 * 3600 * 1000;

export class FormlitSessionStore extends DurableObject {
  async load(): Promise<StoredRecord | null> {
    return (await this.ctx.storage.get<StoredRecord>("session")) ?? null;
  }
  async save(record: StoredRecord): Promise<void> {
    await this.ctx.storage.put("session", record);
    await this.ctx.storage.setAlarm(Date.now() + IDLE_MS);
  }
  async clear(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}

export function durableObjectStore(namespace: DurableObjectNamespace<FormlitSessionStore>): SessionStore {
  const stub = (id: string) => namespace.get(namespace.idFromName(id));
  return {
    get: (id) => stub(id).load() as Promise<StoredRecord | null>,
    put: (id, record) => stub(id).save(record),
    delete: (id) => stub(id).clear(),
  };
}
