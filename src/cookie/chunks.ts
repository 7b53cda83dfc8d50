/**
 * A token too long for one cookie (browsers keep at most 4096 bytes per cookie, name and attributes
 * included) is split across numbered cookies: `name`, `name.1`, `name.2`... Reading joins them in
 * order; the signature covers the whole token, so a missing or swapped chunk fails verification.
 */

/** Room for one chunk's value: 4096 less the name and the attributes formlit sets. */
export const CHUNK_SIZE = 3800;

export const chunkName = (name: string, i: number) => (i === 0 ? name : `${name}.${i}`);

export function splitToken(token: string): string[] {
  const parts: string[] = [];
  for (let at = 0; at < token.length; at += CHUNK_SIZE) parts.push(token.slice(at, at + CHUNK_SIZE));
  return parts.length ? parts : [""];
}

/** Joins the chunks present in a request's cookies (stops at the first missing one). */
export function joinToken(cookies: Record<string, string>, name: string, maxChunks: number): string | undefined {
  if (cookies[name] === undefined) return undefined;
  let token = "";
  for (let i = 0; i < maxChunks; i++) {
    const part = cookies[chunkName(name, i)];
    if (part === undefined) break;
    token += part;
  }
  return token;
}

/** Names of chunks the request carried beyond the ones now written: to be deleted. */
export function staleChunks(cookies: Record<string, string>, name: string, written: number): string[] {
  return Object.keys(cookies).filter((k) => {
    const m = k.startsWith(name + ".") ? /^\d+$/.exec(k.slice(name.length + 1)) : null;
    return m !== null && Number(m[0]) >= written;
  });
}
