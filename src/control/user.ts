/**
 * st.login, st.logout and st.user, as Streamlit's. The run only reads the identity whoever serves
 * the request verified (`request.auth`) and, to sign in or out, says so there and ends: the sign-in
 * itself (redirects, cookies, tokens) is the HTTP layer's.
 */
import { currentRun } from "../engine/context.ts";
import { StopSignal, StreamlitError } from "../engine/errors.ts";
import type { Json } from "../engine/state.ts";

/** Streamlit's StreamlitAuthError: sign-in is not configured for what the script asked. */
export class StreamlitAuthError extends StreamlitError {
  constructor(message: string) {
    super("StreamlitAuthError", message);
  }
}

const NOT_CONFIGURED =
  "To use authentication features you need to configure credentials for at least one authentication provider in createApp's `auth` option (Streamlit's `[auth]` section of `.streamlit/secrets.toml`).";

const missingProvider = (name: string) =>
  name === "default"
    ? "Authentication credentials in createApp's `auth` option are missing for the default authentication provider (`clientId`, `clientSecret`, `serverMetadataUrl`). Please check your configuration."
    : `Authentication credentials in createApp's \`auth\` option are missing for the authentication provider "${name}" (\`auth.providers.${name}\`). Please check your configuration.`;

/**
 * Sends the person to the provider to sign in: the run ends here, and the answer is a redirect
 * (the provider's page, then back to this page with st.user filled). `provider` names one of
 * `auth.providers`; without it, the provider of `auth`'s own keys.
 */
export function login(provider?: string): never {
  const ctx = currentRun("st.login");
  const auth = ctx.request.auth;
  const name = provider ?? "default";
  if (!auth) throw new StreamlitAuthError(NOT_CONFIGURED);
  if (name.includes("_")) throw new StreamlitAuthError(`Auth provider name "${name}" contains an underscore. Please use a provider name without underscores.`);
  if (!(name in auth.providers)) throw new StreamlitAuthError(missingProvider(name));
  const problem = auth.providers[name];
  if (problem) throw new StreamlitAuthError(problem);
  // a replay redraws what the last run drew; only a live run (or a callback) may ask for a sign-in
  if (ctx.mode !== "replay") auth.asked = { login: name };
  throw (ctx.signalled ??= new StopSignal());
}

/**
 * Signs the person out of this app (not of the provider): their identity cookie is deleted, and
 * the answer is a redirect to the app's home page with a new session, as Streamlit starts one.
 */
export function logout(): never {
  const ctx = currentRun("st.logout");
  const auth = ctx.request.auth;
  if (auth && ctx.mode !== "replay") auth.asked = { logout: true };
  throw (ctx.signalled ??= new StopSignal());
}

/**
 * Who is signed in: `isLoggedIn`, and the ID token's claims by their own names (`name`, `email`,
 * `sub`...; behind Cloudflare Access, the Access token's `email`, `sub`...). `toDict()` gives them
 * as one plain object.
 */
export type UserInfo = {
  readonly isLoggedIn: boolean;
  /** the claims and `isLoggedIn` as one plain object (Streamlit's `st.user.to_dict()`) */
  toDict(): Record<string, Json>;
} & { readonly [claim: string]: Json | undefined | (() => Record<string, Json>) };

/** The current run's user as one plain object: the claims and `isLoggedIn`. */
function userDict(): Record<string, Json> {
  const claims = currentRun("st.user").request.auth?.user ?? null;
  return { ...(claims ?? {}), isLoggedIn: claims !== null };
}

/**
 * st.user: one object for every run (as st.sessionState is), each read answered from the run that
 * reads it, so `st.user` can be kept in a variable at module level and still name who is there.
 */
export const user = new Proxy({} as UserInfo, {
  get(_t, prop) {
    if (typeof prop === "symbol" || prop === "then") return undefined;
    if (prop === "toDict") return () => userDict();
    return userDict()[prop];
  },
  has: (_t, prop) => typeof prop === "string" && prop in userDict(),
  ownKeys: () => Object.keys(userDict()),
  getOwnPropertyDescriptor(_t, prop) {
    const dict = userDict();
    return typeof prop === "string" && prop in dict ? { value: dict[prop], enumerable: true, configurable: true, writable: false } : undefined;
  },
  set: () => {
    throw new TypeError("st.user is read-only: it is who the request's identity says is signed in.");
  },
  deleteProperty: () => {
    throw new TypeError("st.user is read-only: it is who the request's identity says is signed in.");
  },
});
