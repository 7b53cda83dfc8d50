/**
 * The end of a sign-in: the provider's answer at the redirect URI, checked against the flow this
 * browser started (`state`), the code exchanged for tokens with the PKCE verifier and the client's
 * secret, the ID token's claims checked by oauth4webapi (issuer, audience, expiry, `nonce`) and its
 * signature by jose against the provider's published keys. What passes is the person's identity.
 */
import * as oauth from "oauth4webapi";
import { jwtVerify } from "jose";
import type { Json } from "../engine/state.ts";
import { authorizationServer, insecureAllowed, keySet } from "./discovery.ts";
import type { SignInFlow } from "./flow-cookie.ts";
import type { ProviderSettings } from "./options.ts";

/** A sign-in that did not succeed, with what the person may be told. */
export class SignInFailed extends Error {}

/** The claims of the verified ID token; throws SignInFailed. */
export async function finishSignIn(p: ProviderSettings, flow: SignInFlow, callback: URL): Promise<Record<string, Json>> {
  const server = await authorizationServer(p.serverMetadataUrl);
  const client: oauth.Client = { client_id: p.clientId };
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(server, client, callback, flow.state);
  } catch (err) {
    if (err instanceof oauth.AuthorizationResponseError) throw new SignInFailed(`The provider did not sign you in (${err.error}).`);
    throw new SignInFailed("The provider's answer did not belong to the sign-in this browser started.");
  }
  const auth = (server.token_endpoint_auth_methods_supported ?? ["client_secret_basic"]).includes("client_secret_basic")
    ? oauth.ClientSecretBasic(p.clientSecret)
    : oauth.ClientSecretPost(p.clientSecret);
  const tokenEndpoint = new URL(server.token_endpoint ?? p.serverMetadataUrl);
  let idToken: string;
  try {
    const response = await oauth.authorizationCodeGrantRequest(server, client, auth, params, p.redirectUri, flow.verifier, insecureAllowed(tokenEndpoint));
    const result = await oauth.processAuthorizationCodeResponse(server, client, response, { expectedNonce: flow.nonce, requireIdToken: true });
    idToken = result.id_token!;
  } catch (err) {
    console.error("formlit sign-in:", String(err));
    throw new SignInFailed("The provider's tokens could not be verified.");
  }
  try {
    if (!server.jwks_uri) throw new Error("no jwks_uri");
    const { payload } = await jwtVerify(idToken, keySet(server.jwks_uri), { issuer: server.issuer, audience: p.clientId });
    return payload as Record<string, Json>;
  } catch (err) {
    console.error("formlit sign-in:", String(err));
    throw new SignInFailed("The provider's ID token is not signed by the provider's keys.");
  }
}
