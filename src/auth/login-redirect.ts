/**
 * The start of a sign-in (OpenID Connect's authorization code flow with PKCE): a fresh `state`,
 * `nonce` and code verifier, and the provider's authorization address asking for a code for this
 * app's client, to come back to its redirect URI.
 */
import * as oauth from "oauth4webapi";
import { authorizationServer } from "./discovery.ts";
import type { SignInFlow } from "./flow-cookie.ts";
import type { ProviderSettings } from "./options.ts";

/** the parameters the protocol sets itself: a provider's `clientKwargs` cannot replace them */
const OWN = new Set(["client_id", "redirect_uri", "response_type", "state", "nonce", "code_challenge", "code_challenge_method"]);

export async function loginRedirect(p: ProviderSettings, back: string): Promise<{ url: URL; flow: SignInFlow }> {
  const server = await authorizationServer(p.serverMetadataUrl);
  if (!server.authorization_endpoint) throw new Error(`the provider's metadata (${p.serverMetadataUrl}) names no authorization_endpoint`);
  const flow: SignInFlow = {
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    verifier: oauth.generateRandomCodeVerifier(),
    provider: p.name,
    back,
  };
  const url = new URL(server.authorization_endpoint);
  const q = url.searchParams;
  q.set("scope", "openid profile email");
  for (const [k, v] of Object.entries(p.clientKwargs)) if (!OWN.has(k)) q.set(k, v);
  q.set("client_id", p.clientId);
  q.set("redirect_uri", p.redirectUri);
  q.set("response_type", "code");
  q.set("state", flow.state);
  q.set("nonce", flow.nonce);
  q.set("code_challenge", await oauth.calculatePKCECodeChallenge(flow.verifier));
  q.set("code_challenge_method", "S256");
  return { url, flow };
}
