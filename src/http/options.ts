/** What createApp accepts: the app (entrypoint, pages) and how it is served. */
import type { AppSpec } from "../engine/app-spec.ts";
import type { PagesDirectory } from "../navigation/navigation.ts";
import { r2Uploads, type UploadStore } from "../store/uploads.ts";
import type { SessionStore } from "../store/types.ts";
import type { AuthOptions } from "../auth/options.ts";
import type { Env as AppEnv, StreamlitContext } from "../control/context.ts";
import type { ThemeOptions } from "../render/theme-options.ts";

/**
 * The options of {@link createApp}: the app itself (`entrypoint`, and `pages` for pages-directory
 * mode) and how it is served. Only `entrypoint` is required.
 *
 * @example
 * ```ts
 * export default createApp({
 *   entrypoint: async () => {
 *     const page = st.navigation([st.Page(home, { default: true }), st.Page(settings)]);
 *     await page.run();
 *   },
 *   name: "my-app",
 * });
 * ```
 */
export interface AppOptions<E = any> extends Omit<AppSpec, "uploads" | "entrypoint">, Omit<PagesDirectory, "entrypoint"> {
  /**
   * The app's script, run top to bottom on every request (Streamlit's main script), sync or async;
   * in pages-directory mode (`pages` given) the home page. It is handed `st.context`, typed with
   * createApp's type argument: `createApp<{ DB: D1Database }>({ entrypoint: ({ env }) => ... })`.
   * It must be deterministic given session state, query parameters, secrets and posted files (see
   * ARCHITECTURE.md, "Exactly once").
   */
  entrypoint: (context: StreamlitContext<E>) => unknown | Promise<unknown>;
  /**
   * Where st.fileUploader keeps uploaded files so that runs after the one that received them can
   * read their bytes, from the Worker's bindings, e.g. `(env) => env.UPLOADS` (an R2 bucket).
   * Without one (nor `uploadStore`), later runs get the files' name, type and size only; on Node,
   * formlit keeps them in memory then.
   */
  uploads?: (env: E) => R2Bucket | null | undefined;
  /**
   * Any other {@link UploadStore} for uploaded files, used when `uploads` gives no bucket, e.g. on
   * Node `() => files` with `const files = fileUploadStore(dir)` (formlit/node) made once,
   * outside: this is called on every request.
   */
  uploadStore?: (env: E) => UploadStore | null | undefined;

  /**
   * Signing secret(s), comma-separated, newest first, each at least 32 characters; overrides
   * `SESSION_SECRETS`/`SESSION_SECRET` from the Worker's environment (or Node's `process.env`).
   * Usually left unset: `npx wrangler secret put SESSION_SECRET` in production, `.dev.vars` locally.
   */
  secret?: string;
  /**
   * the app's name: the cookie's audience, so one app's cookie is refused by another (default: the
   * app's origin and base path, so moving it to another address starts fresh sessions)
   */
  name?: string;
  /** the browser tab's title */
  title?: string;
  /**
   * The app's look: Streamlit's `[theme]` keys in camelCase, with `light` and `dark` parts that the
   * visitor's `prefers-color-scheme` chooses between, and `sidebar` parts ({@link ThemeOptions}).
   * A misshapen theme throws here; an invalid value is left out with a console warning.
   */
  theme?: ThemeOptions;
  /** seconds a session lives without interaction (default 7 days) */
  maxAge?: number;
  /** largest accepted request body in bytes (default 256 KiB) */
  bodyLimit?: number;
  /** most form fields accepted in one post (default 2000) */
  maxFields?: number;
  /** where the app is mounted when it is not at the root, e.g. "/classic" (with `app.route`) */
  basePath?: string;
  /** the session cookie's name (default "formlit"; "__Host-" is prefixed over HTTPS) */
  cookieName?: string;
  /** how many cookies the session may span when it outgrows one (default 3) */
  maxCookies?: number;
  /**
   * Other sites that may embed the app (`<formlit-app>`, a fragment include, an iframe): their
   * origins, e.g. ["https://www.example.com"]. They get CORS with credentials, form posts from
   * them pass the Origin check, they are allowed as frame ancestors, and the session cookie
   * becomes `SameSite=None; Secure; Partitioned` so it works inside their pages.
   */
  embed?: {
    /** the embedding pages' origins (scheme, host and port, no path), e.g. "https://www.example.com" */
    origins: string[];
  };
  /**
   * Encrypt the session cookie (JWE, dir + A256GCM) so users carry their state but cannot read it,
   * as Streamlit's server-side session state is never visible to its users (default true).
   * `false` only signs it (HS256, deflated when smaller): the user can then read every value in
   * `st.sessionState` (base64 of JSON), which is only acceptable when nothing there is private.
   */
  encrypt?: boolean;
  /**
   * Where to keep a session too large for `maxCookies` cookies, from the Worker's bindings, e.g.
   * `(env) => durableObjectStore(env.SESSION_STORE)` (formlit/store/durable-object) or
   * `(env) => r2Store(env.BUCKET)`, or on Node `() => sessions` with `const sessions =
   * fileSessionStore(dir)` (formlit/node) made once, outside: this is called on every request. Without
   * one, such a run shows a message and keeps the last state; on Node, formlit keeps such sessions
   * in memory then (or in the directory `FORMLIT_STORE_DIR` names).
   */
  store?: (env: E) => SessionStore | null | undefined;
  /**
   * Keep every session in `store`, not only those too large for cookies: the cookie then holds
   * only the session's id and version. A cookie is self-contained otherwise, so a user who sends
   * an old one again gets the old state back (a rollback); here an older cookie is never believed.
   * `olderCookie: "latest"` loads the session's latest state instead (as a server-side session
   * would); `"refuse"` starts a fresh session with a notice. Needs `store`.
   */
  sessionsInStore?: { olderCookie: "latest" | "refuse" };
  /** a store call that takes longer than this fails (default 3000 ms) */
  storeTimeoutMs?: number;
  /** an (async) run taking longer than this is reported and changes nothing (default 20000 ms) */
  maxRunMs?: number;
  /**
   * Sign-in for st.login, st.logout and st.user: OpenID Connect providers (Streamlit's `[auth]`
   * keys in camelCase) and/or Cloudflare Access. An object, or a function of the Worker's env to
   * read secrets: `(env) => ({ clientSecret: env.AUTH_CLIENT_SECRET, ... })` ({@link AuthOptions}).
   */
  auth?: AuthOptions | ((env: any) => AuthOptions | null | undefined);
}

/** Every binding an app of bindings `E` may be given: its own and formlit's. */
export type Bindings<E> = E & AppEnv & Env;

/** The Worker bindings formlit itself reads (set with `wrangler secret put` or in `.dev.vars`). */
export type Env = {
  /** the secret that signs (and with `encrypt`, encrypts) session cookies: at least 32 characters */
  SESSION_SECRET?: string;
  /** several secrets for rotation, comma-separated, newest first: the first signs, any verifies */
  SESSION_SECRETS?: string;
  /**
   * "1" turns on development mode: stack traces on the page, cookies without `Secure` over plain
   * http, a generated secret when none is set. Put it in `.dev.vars` (read by `wrangler dev` only),
   * never in `wrangler.toml`'s `[vars]`, which `wrangler deploy` ships.
   */
  FORMLIT_DEV?: string;
};

/**
 * The app as the engine takes it: the entrypoint called with `st.context`, the R2 bucket of
 * `uploads`, or else `uploadStore`, as its upload store.
 */
export function appSpec(options: AppOptions, context: StreamlitContext): AppSpec & PagesDirectory {
  const withContext = { ...options, entrypoint: () => options.entrypoint(context) };
  const { uploads: bucketOf, uploadStore } = options;
  if (!bucketOf && !uploadStore) return { ...withContext, uploads: undefined };
  return {
    ...withContext,
    uploads: (env) => {
      const bucket = bucketOf?.(env);
      return bucket ? r2Uploads(bucket) : (uploadStore?.(env) ?? null);
    },
  };
}
