/**
 * What the app knows of a provider: its metadata (endpoints, issuer, where its keys are), read
 * from its metadata URL with oauth4webapi and kept for a while in the isolate, and its signing
 * keys (jose's remote key set, which refetches when a token names a key it has not seen).
 */
import * as oauth from "oauth4webapi";
import { createRemoteJWKSet } from "jose";

const SUFFIX = "/.well-known/openid-configuration";
/** metadata changes rarely; a provider that moves its endpoints is followed within this time */
const KEEP_MS = 10 * 60_000;

const servers = new Map<string, { until: number; server: Promise<oauth.AuthorizationServer> }>();
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** Plain http is only for a provider on the same machine (a development or test provider). */
export function insecureAllowed(url: URL): { [oauth.allowInsecureRequests]?: true } {
  const loopback = url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  return loopback ? { [oauth.allowInsecureRequests]: true } : {};
}

/** The provider's metadata, checked to name the issuer its URL is for. */
export function authorizationServer(metadataUrl: string): Promise<oauth.AuthorizationServer> {
  const kept = servers.get(metadataUrl);
  if (kept && kept.until > Date.now()) return kept.server;
  const server = discover(metadataUrl);
  servers.set(metadataUrl, { until: Date.now() + KEEP_MS, server });
  // a failure is not kept: the next sign-in asks again
  server.catch(() => servers.delete(metadataUrl));
  return server;
}

async function discover(metadataUrl: string): Promise<oauth.AuthorizationServer> {
  const url = new URL(metadataUrl);
  if (!url.pathname.endsWith(SUFFIX) || url.search) throw new Error(`serverMetadataUrl must end with ${SUFFIX}: ${metadataUrl}`);
  const issuer = new URL(url.origin + url.pathname.slice(0, -SUFFIX.length));
  const response = await oauth.discoveryRequest(issuer, { algorithm: "oidc", ...insecureAllowed(issuer) });
  return oauth.processDiscoveryResponse(issuer, response);
}

/** The signing keys at `jwksUri`, one remote set per address in the isolate. */
export function keySet(jwksUri: string): ReturnType<typeof createRemoteJWKSet> {
  let found = keySets.get(jwksUri);
  if (!found) {
    found = createRemoteJWKSet(new URL(jwksUri));
    keySets.set(jwksUri, found);
  }
  return found;
}
