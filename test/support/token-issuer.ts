/**
 * An issuer whose tokens each test writes itself, on 127.0.0.1: OpenID Connect metadata, a JWKS of
 * a locally generated RSA key, and a token endpoint answering with whatever ID token the test put
 * there (another issuer, another audience, expired, signed with a key not in the JWKS...). Its
 * JWKS also serves as a Cloudflare Access team's certificates (`/cdn-cgi/access/certs`). The
 * provider side of the security tests that a well-behaved provider cannot be made to produce.
 */
import { createServer, type Server } from "node:http";
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";

export interface TokenIssuer {
  issuer: string;
  metadataUrl: string;
  certsUrl: string;
  /** the ID token the next call to the token endpoint returns */
  nextIdToken: string;
  /** signs `claims` with the issuer's published key (or, `foreign`, a key it does not publish) */
  sign(claims: JWTPayload, foreign?: boolean): Promise<string>;
  close(): Promise<void>;
}

export async function startTokenIssuer(port: number): Promise<TokenIssuer> {
  const issuer = `http://127.0.0.1:${port}`;
  const published = await generateKeyPair("RS256", { extractable: true });
  const foreign = await generateKeyPair("RS256", { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(published.publicKey)), kid: "published", alg: "RS256", use: "sig" }] };
  const metadata = {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ["code"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic"],
  };
  const state: TokenIssuer = {
    issuer,
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    certsUrl: `${issuer}/cdn-cgi/access/certs`,
    nextIdToken: "",
    sign: (claims, useForeign = false) =>
      new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: "published" }).sign(useForeign ? foreign.privateKey : published.privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const json = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/.well-known/openid-configuration") return json(metadata);
    if (req.url === "/jwks" || req.url === "/cdn-cgi/access/certs") return json(jwks);
    if (req.url === "/token" && req.method === "POST") {
      req.resume();
      return req.on("end", () => json({ access_token: "an-access-token", token_type: "Bearer", expires_in: 300, id_token: state.nextIdToken }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return state;
}
