/**
 * st.context inside workerd: the time zone from the request's `cf` object (with its offset), the
 * sender's address from the CF-Connecting-IP header Cloudflare sets, and waitUntil handing work to
 * the Worker's execution context, which finishes it after the response.
 */
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";

const SECRET = "workers-context-test-secret-0123456789abcdef";
const bindings = env as unknown as { FORMLIT_DEV: string };

describe("st.context in workerd", () => {
  test("timezone and its offset from request.cf, ipAddress from CF-Connecting-IP, locale and theme from the headers", async () => {
    const app = createApp({
      secret: SECRET,
      entrypoint: () => {
        const { timezone, timezoneOffset, ipAddress, locale, theme } = st.context;
        st.text(JSON.stringify({ timezone, timezoneOffset, ipAddress, locale, theme }));
      },
    });
    const request = new Request("http://localhost/", {
      headers: { "cf-connecting-ip": "203.0.113.7", "accept-language": "de-CH, de;q=0.8", "sec-ch-prefers-color-scheme": "light" },
      cf: { timezone: "Asia/Kolkata" },
    });
    const res = await app.fetch(request, bindings, createExecutionContext());
    const html = await res.text();
    const text = /\{&quot;timezone.*?\}\}/.exec(html)?.[0].replace(/&quot;/g, '"');
    expect(JSON.parse(text ?? "null")).toEqual({ timezone: "Asia/Kolkata", timezoneOffset: -330, ipAddress: "203.0.113.7", locale: "de-CH", theme: { type: "light" } });
  });

  test("waitUntil's work runs on after the response, in the Worker's execution context", async () => {
    let resolveWork!: () => void;
    const gate = new Promise<void>((r) => (resolveWork = r));
    let finished = false;
    const app = createApp({
      secret: SECRET,
      entrypoint: () => {
        // (still working a while after it is let go: only a context that waits for it sees it end)
        st.context.waitUntil(gate.then(() => new Promise((r) => setTimeout(r, 50))).then(() => (finished = true)));
        st.text("sent");
      },
    });
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request("http://localhost/"), bindings, ctx);
    expect(await res.text()).toContain("sent");
    expect(finished).toBe(false);
    resolveWork();
    await waitOnExecutionContext(ctx);
    expect(finished).toBe(true);
  });
});
