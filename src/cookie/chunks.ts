/**
 * A token too long for one cookie (browsers keep at most 4096 bytes per cookie, name and attributes
 * included) is split across numbered cookies: `name`, `name.1`, `name.2`... The first chunk starts
 * with the number of chunks (`3~...`), so reading joins exactly those: a stale chunk the browser
 * failed to delete (a deletion that did not match the cookie's attributes, a lost response) is
 * ignored rather than breaking every later request. The signature covers the whole token, so a
 * missing or swapped chunk fails verification.
 */

/** Room for one chunk's value: 4096 less the name, the attributes formlit sets and the count. */
export const CHUNK_SIZE = 3800;

export const chunkName = (name: string, i: number) => (i === 0 ? name : `${name}.${i}`);

export function splitToken(token: string): string[] {
  const parts: string[] = [];
  for (let at = 0; at < token.length; at += CHUNK_SIZE) parts.push(token.slice(at, at + CHUNK_SIZE));
  if (parts.length > 1) parts[0] = `${parts.length}~${parts[0]}`;
  return parts.length ? parts : [""];
}

/** Joins the chunks the first one names (one when it names none); undefined without a first chunk. */
export function joinToken(cookies: Record<string, string>, name: string, maxChunks: number): string | undefined {
  const first = cookies[name];
  if (first === undefined) return undefined;
  const counted = /^(\d{1,3})~/.exec(first);
  if (!counted) return first;
  const count = Number(counted[1]);
  // A count out of range, or a chunk missing, gives a token that fails verification.
  if (count < 2 || count > maxChunks) return "";
  let token = first.slice(counted[0].length);
  for (let i = 1; i < count; i++) token += cookies[chunkName(name, i)] ?? "";
  return token;
}

/** Names of chunks the request carried beyond the ones now written: to be deleted. */
export function staleChunks(cookies: Record<string, string>, name: string, written: number): string[] {
  return Object.keys(cookies).filter((k) => {
    const m = k.startsWith(name + ".") ? /^\d+$/.exec(k.slice(name.length + 1)) : null;
    return m !== null && Number(m[0]) >= written;
  });
}
