/**
 * createApp's `auth` option (Streamlit's `[auth]` secrets, keys in camelCase) and what it says for
 * one provider: the settings st.login's sign-in uses, or why that provider cannot sign anyone in.
 */

/** One OpenID Connect provider: Streamlit's `[auth]` (the default one) or `[auth.<name>]` keys. */
export interface ProviderOptions {
  /** the app's client id at the provider */
  clientId?: string;
  /** the app's client secret at the provider (sent to its token endpoint, never to the browser) */
  clientSecret?: string;
  /**
   * the provider's OpenID Connect metadata, ending in `/.well-known/openid-configuration`, e.g.
   * "https://accounts.google.com/.well-known/openid-configuration" (https; plain http only for
   * 127.0.0.1 or localhost, a provider on the same machine)
   */
  serverMetadataUrl?: string;
  /**
   * extra parameters of the authorization request (Streamlit's `client_kwargs`): `scope`
   * (default "openid profile email"), `prompt`, `hd`...
   */
  clientKwargs?: Record<string, string>;
}

/** Cloudflare Access in front of the app: st.user comes from the `Cf-Access-Jwt-Assertion` header. */
export interface CloudflareAccessOptions {
  /** the team's domain, e.g. "myteam.cloudflareaccess.com" (the tokens' issuer is https://<teamDomain>) */
  teamDomain: string;
  /** the Access application's audience (AUD) tag, or several */
  audience: string | string[];
  /** where the team's signing keys are (default `https://<teamDomain>/cdn-cgi/access/certs`) */
  certsUrl?: string;
}

/**
 * Sign-in for st.login, st.logout and st.user. The keys are Streamlit's `[auth]` keys in camelCase;
 * the unnamed provider's keys sit at the top, named ones under `providers` (`st.login("google")`).
 * Give it as a function of the Worker's env to read secrets set with `wrangler secret put`:
 * @example
 * ```ts
 * createApp({
 *   entrypoint,
 *   auth: (env) => ({
 *     redirectUri: "https://app.example.com/oauth2callback",
 *     clientId: env.AUTH_CLIENT_ID,
 *     clientSecret: env.AUTH_CLIENT_SECRET,
 *     serverMetadataUrl: "https://accounts.google.com/.well-known/openid-configuration",
 *   }),
 * });
 * ```
 */
export interface AuthOptions extends ProviderOptions {
  /**
   * the app's callback address as registered at the provider: the app's origin (and base path)
   * followed by `/oauth2callback`, e.g. "https://app.example.com/oauth2callback"
   */
  redirectUri?: string;
  /**
   * the secret the identity cookie is encrypted with (at least 32 characters); default: the app's
   * session secret (`SESSION_SECRET`). Changing it signs everyone out.
   */
  cookieSecret?: string;
  /** named providers, for `st.login(name)` (names without underscores, as Streamlit's) */
  providers?: Record<string, ProviderOptions>;
  /** Cloudflare Access in front of the app: its signed assertion tells st.user who is there */
  cloudflareAccess?: CloudflareAccessOptions;
  /** seconds the identity cookie lives (default 30 days, as Streamlit's) */
  cookieMaxAge?: number;
}

/** What a sign-in with one provider needs. */
export interface ProviderSettings {
  name: string;
  clientId: string;
  clientSecret: string;
  serverMetadataUrl: string;
  redirectUri: string;
  clientKwargs: Record<string, string>;
}

const KEYS = ["clientId", "clientSecret", "serverMetadataUrl"] as const;

/** The provider st.login(name) uses ("default": `auth`'s own keys), or why it cannot sign in. */
export function providerSettings(auth: AuthOptions, name: string): ProviderSettings | string {
  if (!auth.redirectUri) return 'Authentication credentials in createApp\'s `auth` option are missing the "redirectUri" key. Please check your configuration.';
  if (!/\/oauth2callback$/.test(new URL(auth.redirectUri, "http://x").pathname)) {
    return `The \`auth.redirectUri\` "${auth.redirectUri}" must be the app's address followed by /oauth2callback.`;
  }
  const own = name === "default" ? auth : auth.providers?.[name];
  if (!own) return `Authentication credentials are missing for the authentication provider "${name}".`;
  const missing = KEYS.filter((k) => !own[k]);
  if (missing.length) {
    const who = name === "default" ? "the default authentication provider" : `the authentication provider "${name}"`;
    return `Authentication credentials in createApp's \`auth\` option for ${who} are missing the following keys: ${missing.join(", ")}. Please check your configuration.`;
  }
  return { name, clientId: own.clientId!, clientSecret: own.clientSecret!, serverMetadataUrl: own.serverMetadataUrl!, redirectUri: auth.redirectUri, clientKwargs: own.clientKwargs ?? {} };
}

/** Every provider st.login may name, each with null or why it cannot sign in. */
export function providerProblems(auth: AuthOptions): Record<string, string | null> {
  const names = [...(auth.clientId || auth.serverMetadataUrl ? ["default"] : []), ...Object.keys(auth.providers ?? {})];
  return Object.fromEntries(names.map((n) => {
    const found = providerSettings(auth, n);
    return [n, typeof found === "string" ? found : null];
  }));
}
