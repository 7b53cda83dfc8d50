/**
 * formlit on Node: everything `formlit` exports, with a `createApp` whose apps keep large sessions
 * and uploaded files in this process when the app gives no store for them, plus the stores
 * themselves. On Node, `import ... from "formlit"` resolves here (the package's `node` export
 * condition; Workers bundlers ask for `workerd`/`worker` and never see this file or `node:fs`), so
 * an app written for Workers with a Durable Object runs on Node unchanged.
 *
 * - By default both stores are in memory, bounded ({@link memorySessionStore},
 *   {@link memoryUploadStore}): a restart forgets them (their sessions start fresh, with a notice).
 * - With `FORMLIT_STORE_DIR` set in the environment, both live in that directory
 *   ({@link fileSessionStore}, {@link fileUploadStore}) and survive restarts.
 * - `createApp({ store, uploads, uploadStore })` chooses for itself, as on Workers: a store function that returns
 *   nothing (no Durable Object binding on Node) falls back to the default.
 *
 * @example
 * ```ts
 * import { serve } from "@hono/node-server";
 * import { createApp, fileSessionStore, fileUploadStore } from "formlit/node";
 *
 * // made once: createApp calls `store` and `uploads` on every request
 * const sessions = fileSessionStore("./data/sessions");
 * const files = fileUploadStore("./data/uploads");
 * const app = createApp({ entrypoint, store: () => sessions, uploadStore: () => files });
 * serve({ fetch: app.fetch, port: 8788 });
 * ```
 *
 * @module formlit/node
 */
import { join } from "node:path";
import { createApp as createAppAnywhere, type AppOptions } from "./index.ts";
import { fileSessionStore, fileUploadStore } from "./store/files.ts";
import { memorySessionStore, memoryUploadStore } from "./store/memory.ts";
import type { SessionStore } from "./store/types.ts";
import type { UploadStore } from "./store/uploads.ts";
import { processEnv } from "./shared/env.ts";

export * from "./index.ts";
export { memorySessionStore, memoryUploadStore, type StoreBounds } from "./store/memory.ts";
export { fileSessionStore, fileUploadStore, type FileStoreOptions } from "./store/files.ts";

/** Node's default stores for one app: in `FORMLIT_STORE_DIR` when it is set, in memory otherwise. */
export function nodeStores(options: { maxAge?: number; directory?: string } = {}): { store: () => SessionStore; uploadStore: () => UploadStore } {
  // records live as long as the sessions that name them
  const bounds = { maxAgeSeconds: options.maxAge };
  const directory = options.directory ?? processEnv()?.FORMLIT_STORE_DIR;
  const sessions = directory ? fileSessionStore(join(directory, "sessions"), bounds) : memorySessionStore(bounds);
  const uploads = directory ? fileUploadStore(join(directory, "uploads"), bounds) : memoryUploadStore(bounds);
  return { store: () => sessions, uploadStore: () => uploads };
}

/**
 * {@link createAppAnywhere | createApp}, where the app's `store` and `uploadStore` (when not given,
 * or when they return nothing, and `uploads` gives no R2 bucket) default to {@link nodeStores}.
 */
export function createApp(options: AppOptions): ReturnType<typeof createAppAnywhere> {
  const defaults = nodeStores({ maxAge: options.maxAge });
  return createAppAnywhere({
    ...options,
    store: (env) => options.store?.(env) ?? defaults.store(),
    // (an R2 bucket from `uploads`, where there is one, comes first)
    uploadStore: (env) => options.uploadStore?.(env) ?? defaults.uploadStore(),
  });
}
