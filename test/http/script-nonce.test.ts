/**
 * Each answer's Content-Security-Policy names a nonce of its own for the page's one script: 128
 * bits, never the same twice, and the script tag carries exactly the policy's.
 */
import { expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { freshNonce } from "../../src/http/script-nonce.ts";

const app = createApp({ secret: "script-nonce-test-secret-0123456789-abcdef", entrypoint: () => st.text("hi") });

test("every answer's policy has a fresh nonce, and the page's script carries that one", async () => {
  const seen = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const res = await app.request("http://localhost/");
    const nonce = /script-src 'nonce-([^']+)'/.exec(res.headers.get("content-security-policy")!)?.[1];
    // 16 bytes in base64, the alphabet every level of CSP allows
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(await res.text()).toContain(`nonce="${nonce}" defer></script>`);
    seen.add(nonce!);
  }
  // (past 256 answers the pool of random bytes is filled again)
  expect(seen.size).toBe(300);
});

test("nonces drawn across refills of the pool are all different and use every byte value", () => {
  const nonces = Array.from({ length: 2000 }, freshNonce);
  expect(new Set(nonces).size).toBe(nonces.length);
  const bytes = new Set(nonces.flatMap((n) => [...Buffer.from(n, "base64")]));
  expect(bytes.size).toBe(256);
});
