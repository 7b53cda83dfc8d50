/**
 * st.cacheData({ persist: true }) inside workerd, with the real Workers Cache API: a result comes
 * back from the data centre's cache after this isolate's memory is cleared, it is stored under the
 * SHA-256 of its full key, and an entry whose stored key is not exactly the key asked for is never
 * used (a result is shared only by callers whose arguments are exactly the same).
 */
import { describe, expect, it } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { persistedKeyOf, persistedUrl } from "../../src/control/cache.ts";

const SECRET = "workers-cache-test-secret-0123456789abcdef";
const calls: string[] = [];
/** workerd's default cache (the DOM typings this project also loads do not know `caches.default`) */
const dataCentre = () => (caches as unknown as { default: Cache }).default;

async function persistedLookup(user: string) {
  calls.push(user);
  return { user, secret: `data of ${user}` };
}

const lookup = st.cacheData(persistedLookup, { persist: true, ttl: 60 });

async function page(user: string): Promise<string> {
  const entrypoint = async () => st.text(JSON.stringify(await lookup(user)));
  const res = await createApp({ secret: SECRET, entrypoint }).fetch(new Request("http://localhost/"), {});
  return res.text();
}

describe("st.cacheData({ persist: true }) in workerd", () => {
  it("finds a result in the Cache API after the isolate's memory is cleared", async () => {
    expect(await page("ada")).toContain("data of ada");
    st.cacheData.clear();
    expect(await page("ada")).toContain("data of ada");
    expect(calls.filter((u) => u === "ada")).toHaveLength(1);
  });

  it("stores under the SHA-256 of the full key and never uses an entry stored for another key", async () => {
    expect(await page("grace")).toContain("data of grace");
    const key = persistedKeyOf(persistedLookup, ["grace"]);
    const url = await persistedUrl(key);
    expect(url).toMatch(/^https:\/\/formlit\.cache\/[0-9a-f]{64}$/);
    const stored = (await (await dataCentre().match(url))!.json()) as { k: string; v: unknown };
    expect(stored).toMatchObject({ k: key, v: { user: "grace", secret: "data of grace" } });

    // An entry at grace's address written for other arguments (what a hash collision would give):
    // with this isolate's memory cleared, it must be ignored and grace's data computed again.
    await dataCentre().put(url, new Response(JSON.stringify({ k: key + "x", v: { user: "mallory", secret: "forged" }, e: [] })));
    st.cacheData.clear();
    const html = await page("grace");
    expect(html).toContain("data of grace");
    expect(html).not.toContain("forged");
    expect(calls.filter((u) => u === "grace")).toHaveLength(2);
  });
});
