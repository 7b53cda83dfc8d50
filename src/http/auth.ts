/**
 * Sign-in over HTTP: who a request comes from (the identity cookie, or Cloudflare Access's
 * assertion), the answer to a run that asked for st.login or st.logout, and the two routes of the
 * OpenID Connect flow: `/auth/login` (to the provider) and `/oauth2callback` (back from it).
 */
import type { Context, Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { requestCookies } from "./request-cookies.ts";
import type { AuthInfo } from "../engine/run-context.ts";
import { accessIdentity, ACCESS_HEADER } from "../auth/access-assertion.ts";
import { finishSignIn, SignInFailed } from "../auth/callback.ts";
import { FLOW_MAX_AGE, sealFlow, unsealFlow } from "../auth/flow-cookie.ts";
import { IDENTITY_MAX_AGE, sealIdentity, unsealIdentity } from "../auth/identity-cookie.ts";
import { loginRedirect } from "../auth/login-redirect.ts";
import { providerProblems, providerSettings, type AuthOptions } from "../auth/options.ts";
import { sameAppPath } from "../auth/return-address.ts";
import { renderMessagePage, renderMovingOnPage } from "../render/document.ts";
import { LOCATION_HEADER } from "../protocol/form.ts";
import { prepare, type Prepared, type Served, type Shape } from "./prepare.ts";
import { clearSession, signInCookieNames } from "./session-cookie.ts";
import { isDevelopment, resolveSecret } from "./settings.ts";
import type { Env } from "./options.ts";

type HonoContext = Context<{ Bindings: Env }>;

/** the longest identity cookie value every browser keeps (4096 bytes with its name and attributes) */
const MAX_IDENTITY_COOKIE = 3800;

/** createApp's `auth` cannot work as given: every request says so (the app's error handler shows it). */
export class SignInNotConfigured extends Error {}

/** The sign-in cookies of one request: their names, the secret that seals them, their attributes. */
interface AuthCookies {
  identity: string;
  flow: string;
  secret: string;
  audience: string;
  attributes: { httpOnly: true; secure: boolean; sameSite: "Lax"; path: "/" };
}

/** createApp's `auth` for this request (a function of the Worker's env, or the object itself). */
function authOptions(c: HonoContext, s: Served): AuthOptions | null {
  const given = s.options.auth;
  return (typeof given === "function" ? given(c.env ?? {}) : given) ?? null;
}

/** Named after the session cookie (so `__Host-` over HTTPS), sealed with the cookie secret. */
function authCookies(c: HonoContext, s: Served, p: Prepared, auth: AuthOptions): AuthCookies {
  const secret = auth.cookieSecret ?? resolveSecret(c, s.options, isDevelopment(c)).split(",")[0]!.trim();
  if (secret.length < 32) throw new SignInNotConfigured("formlit: `auth.cookieSecret` must be at least 32 random characters, e.g. from `openssl rand -base64 48`.");
  return {
    ...signInCookieNames(p.cookie.name),
    secret,
    audience: p.cookie.token.audience,
    attributes: { httpOnly: true, secure: p.cookie.secure, sameSite: "Lax", path: "/" },
  };
}

/**
 * Who the request comes from, for st.user: a valid identity cookie, else (behind Cloudflare
 * Access) a verified Access assertion. undefined when the app has no `auth`.
 */
export async function requestAuth(c: HonoContext, s: Served, p: Prepared): Promise<AuthInfo | undefined> {
  const auth = authOptions(c, s);
  if (!auth) return undefined;
  const k = authCookies(c, s, p, auth);
  const identity = await unsealIdentity(requestCookies(c)[k.identity], k.secret, k.audience);
  let user = identity?.claims ?? null;
  if (!user && auth.cloudflareAccess) user = await accessIdentity(c.req.header(ACCESS_HEADER), auth.cloudflareAccess);
  return { user, providers: providerProblems(auth) };
}

/**
 * The answer to a run that ended with st.login (to `/auth/login`, which goes on to the provider)
 * or st.logout (the identity, any sign-in in progress and the session deleted; to the home page).
 * A browser without the script gets a page that moves on by itself (sign-in) or a 303 (sign-out);
 * the script gets the address to navigate to.
 */
export function answerAsked(c: HonoContext, s: Served, p: Prepared, asked: NonNullable<AuthInfo["asked"]>, back: string, shape: Shape): Response {
  const home = s.base || "/";
  let to = home;
  if ("login" in asked) {
    to = `${s.base}/auth/login?${new URLSearchParams({ provider: asked.login, return: back })}`;
  } else {
    const k = authCookies(c, s, p, authOptions(c, s)!);
    deleteCookie(c, k.identity, k.attributes);
    deleteCookie(c, k.flow, k.attributes);
    // as Streamlit starts a new session: nothing the signed-in person did stays for the next one
    clearSession(c, p.cookie);
  }
  c.header("Cache-Control", "no-store");
  if (shape !== "page") {
    c.header(LOCATION_HEADER, p.url.origin + to);
    return c.body(null, 200);
  }
  // (a 303 chain from a form's post may not leave the site: see renderMovingOnPage)
  if ("login" in asked) return c.html(renderMovingOnPage("Signing in", "Taking you to the sign-in page…", to));
  return c.redirect(to, 303);
}

const refused = (c: HonoContext, title: string, text: string, home: string, status: 400 | 404 | 502) =>
  c.html(renderMessagePage(title, text + " You are not signed in.", home), status);

/** What both sign-in routes start from: the request's settings and the app's `auth`, or the refusal. */
async function signInRoute(c: HonoContext, s: Served) {
  const home = s.base || "/";
  const p = await prepare(c, s, home);
  if (p instanceof Response) return p;
  const auth = authOptions(c, s);
  if (!auth) return refused(c, "Not found", "This app has no sign-in.", home, 404);
  return { p, auth, home, k: authCookies(c, s, p, auth) };
}

/** `/auth/login?provider=&return=`: a new sign-in, its flow in a cookie, then the provider. */
async function startLogin(c: HonoContext, s: Served): Promise<Response> {
  const route = await signInRoute(c, s);
  if (route instanceof Response) return route;
  const { p, auth, home, k } = route;
  const settings = providerSettings(auth, c.req.query("provider") ?? "default");
  if (typeof settings === "string") return refused(c, "Sign-in is not configured", settings, home, 400);
  let started: Awaited<ReturnType<typeof loginRedirect>>;
  try {
    started = await loginRedirect(settings, sameAppPath(c.req.query("return"), p.url.origin, s.base));
  } catch (err) {
    console.error("formlit sign-in:", String(err));
    return refused(c, "Sign-in unavailable", "The sign-in provider could not be reached. Please try again in a moment.", home, 502);
  }
  setCookie(c, k.flow, await sealFlow(started.flow, k.secret, k.audience), { ...k.attributes, maxAge: FLOW_MAX_AGE });
  c.header("Cache-Control", "no-store");
  return c.redirect(started.url.href, 303);
}

/** `/oauth2callback`: the provider's answer, checked against this browser's flow; then the identity cookie. */
async function callback(c: HonoContext, s: Served): Promise<Response> {
  const route = await signInRoute(c, s);
  if (route instanceof Response) return route;
  const { p, auth, home, k } = route;
  const flow = await unsealFlow(requestCookies(c)[k.flow], k.secret, k.audience);
  // used once, whatever happens: the same answer sent again finds no flow
  deleteCookie(c, k.flow, k.attributes);
  c.header("Cache-Control", "no-store");
  if (!flow) return refused(c, "Sign-in refused", "This sign-in was not started in this browser, or it took longer than ten minutes.", home, 400);
  const settings = providerSettings(auth, flow.provider);
  if (typeof settings === "string") return refused(c, "Sign-in is not configured", settings, home, 400);
  let claims: Awaited<ReturnType<typeof finishSignIn>>;
  try {
    claims = await finishSignIn(settings, flow, p.url);
  } catch (err) {
    if (err instanceof SignInFailed) return refused(c, "Sign-in refused", err.message, home, 400);
    console.error("formlit sign-in:", String(err));
    return refused(c, "Sign-in unavailable", "The sign-in provider could not be reached. Please try again in a moment.", home, 502);
  }
  const maxAge = auth.cookieMaxAge ?? IDENTITY_MAX_AGE;
  const sealed = await sealIdentity({ provider: flow.provider, claims }, k.secret, k.audience, maxAge);
  // a browser silently drops a cookie past about 4 KB: say so rather than sign in for nothing
  if (sealed.length > MAX_IDENTITY_COOKIE) return refused(c, "Sign-in refused", `The provider's ID token carries more claims than one cookie can hold (${sealed.length} characters sealed): narrow \`clientKwargs.scope\`.`, home, 400);
  setCookie(c, k.identity, sealed, { ...k.attributes, maxAge });
  // a new session for the signed-in person, as Streamlit starts one (and no session fixation)
  clearSession(c, p.cookie);
  return c.redirect(sameAppPath(flow.back, p.url.origin, s.base), 303);
}

/** The sign-in routes (before the page routes: `oauth2callback` would look like a page's name). */
export function authRoutes(app: Hono<{ Bindings: Env }>, served: Served): void {
  app.get("/auth/login", (c) => startLogin(c, served));
  app.get("/oauth2callback", (c) => callback(c, served));
}
