/**
 * Cloudflare Access in front of the app: each request it lets through carries a signed JWT in the
 * `Cf-Access-Jwt-Assertion` header. Only a token verified against the team's keys, issued by the
 * team and made for this application (its audience tag), and not expired, says who is there;
 * anything else (absent, forged, unsigned, another application's, expired) says nobody.
 */
import { jwtVerify } from "jose";
import type { Json } from "../engine/state.ts";
import { keySet } from "./discovery.ts";
import type { CloudflareAccessOptions } from "./options.ts";

export const ACCESS_HEADER = "Cf-Access-Jwt-Assertion";

export async function accessIdentity(assertion: string | undefined, o: CloudflareAccessOptions): Promise<Record<string, Json> | null> {
  if (!assertion) return null;
  try {
    const certs = o.certsUrl ?? `https://${o.teamDomain}/cdn-cgi/access/certs`;
    const { payload } = await jwtVerify(assertion, keySet(certs), { issuer: `https://${o.teamDomain}`, audience: o.audience, algorithms: ["RS256"] });
    return payload as Record<string, Json>;
  } catch {
    return null;
  }
}
