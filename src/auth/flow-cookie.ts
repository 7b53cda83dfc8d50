/**
 * A sign-in in progress, kept in the browser that started it: the `state`, `nonce` and PKCE
 * verifier the provider's answer must match, the provider, and the page to return to. Encrypted
 * (the verifier is a secret), for ten minutes, and used once: the callback deletes it whatever
 * happens. A callback this browser did not start finds none and is refused (login CSRF).
 */
import { cookieKey } from "./keys.ts";
import { seal, unseal } from "./sealed.ts";

export interface SignInFlow {
  state: string;
  nonce: string;
  verifier: string;
  provider: string;
  /** the same-app path to return to */
  back: string;
}

/** a person has this long to sign in at the provider */
export const FLOW_MAX_AGE = 10 * 60;

export async function sealFlow(flow: SignInFlow, secret: string, audience: string): Promise<string> {
  return seal({ ...flow }, await cookieKey(secret, "sign-in"), audience, FLOW_MAX_AGE);
}

export async function unsealFlow(token: string | undefined, secret: string, audience: string): Promise<SignInFlow | null> {
  const p = await unseal(token, await cookieKey(secret, "sign-in"), audience);
  if (!p) return null;
  const fields = ["state", "nonce", "verifier", "provider", "back"] as const;
  if (!fields.every((f) => typeof p[f] === "string")) return null;
  return Object.fromEntries(fields.map((f) => [f, p[f]])) as unknown as SignInFlow;
}
