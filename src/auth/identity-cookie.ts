/**
 * Who signed in, kept apart from the session as Streamlit keeps it: the verified ID token's claims
 * and the provider's name, encrypted (A256GCM, a key of its own derived from the cookie secret), so
 * the person can neither read nor change it, with its own expiry (30 days by default).
 */
import type { Json } from "../engine/state.ts";
import { cookieKey } from "./keys.ts";
import { seal, unseal } from "./sealed.ts";

export const IDENTITY_MAX_AGE = 30 * 24 * 3600;

export interface Identity {
  provider: string;
  claims: Record<string, Json>;
}

export async function sealIdentity(identity: Identity, secret: string, audience: string, maxAge: number): Promise<string> {
  return seal({ p: identity.provider, u: identity.claims }, await cookieKey(secret, "identity"), audience, maxAge);
}

/** The identity, or null: no cookie, or one that was altered, expired or made for another app. */
export async function unsealIdentity(token: string | undefined, secret: string, audience: string): Promise<Identity | null> {
  const p = await unseal(token, await cookieKey(secret, "identity"), audience);
  if (!p || typeof p.p !== "string" || typeof p.u !== "object" || p.u === null || Array.isArray(p.u)) return null;
  return { provider: p.p, claims: p.u as Record<string, Json> };
}
