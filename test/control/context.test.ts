/**
 * st.context over HTTP (app.request, as a browser's requests arrive): what the request says of its
 * sender (in a callback too, each request its own), the app's own cookies kept out, the
 * colour-scheme client hint asked for, read-only, the Worker's env handed to a typed entrypoint,
 * and waitUntil's work done once, never on a replay.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { serve } from "@hono/node-server";
import { st, createApp } from "../../src/index.ts";
import { DEV_ENV, FormClient, ORIGIN, TEST_SECRET as secret } from "../support/client.ts";
import { onBothIsolates } from "../support/isolates.ts";
import { offsetOf, preferredLocale } from "../../src/http/request-facts.ts";

/** An app that writes st.context as JSON. */
const showContext = () =>
  createApp({
    secret,
    entrypoint: () => {
      const { headers, cookies, url, ipAddress, locale, timezone, timezoneOffset, theme, isEmbedded } = st.context;
      st.text(JSON.stringify({ headers, cookies, url, ipAddress, locale, timezone, timezoneOffset, theme, isEmbedded }));
    },
  });

async function contextOf(path: string, headers: Record<string, string>) {
  const client = new FormClient(showContext);
  const res = await client.request("GET", path, undefined, headers);
  // (an embedded fragment has no main area: its text is the only one)
  return { res, shown: JSON.parse(client.doc.querySelector(".fl-text")?.textContent ?? "null") };
}

describe("st.context over HTTP", () => {
  test("headers (lower-case names), cookies without the session's, the URL, the locale and the colour scheme of the request", async () => {
    const client = new FormClient(showContext);
    await client.get("/");
    const session = client.cookies.get("formlit")!;
    const { shown } = await contextOf("/?tab=2", {
      "X-Team": "blue",
      "Accept-Language": "fr-CH;q=0.7, de-DE, en;q=0.9",
      "Sec-CH-Prefers-Color-Scheme": '"dark"',
      cookie: `formlit=${session}; formlit.1=more; pref=compact; formlit.x=kept`,
    });
    expect(shown.headers["x-team"]).toBe("blue");
    expect(shown.headers.cookie).toBe("pref=compact; formlit.x=kept");
    expect(shown.cookies).toEqual({ pref: "compact", "formlit.x": "kept" });
    expect(shown.url).toBe(`${ORIGIN}/?tab=2`);
    expect(shown.locale).toBe("de-DE");
    expect(shown.theme).toEqual({ type: "dark" });
    expect(shown.isEmbedded).toBe(false);
    // no Cloudflare in front and no socket (app.request): nothing to know them from
    expect(shown).toMatchObject({ ipAddress: null, timezone: null, timezoneOffset: null });
  });

  test("a callback and the script read the facts of the request they run in, each request its own (cold and warm isolates)", () =>
    onBothIsolates(async (isolates, watch) => {
      const seen: string[] = [];
      const make = () =>
        createApp({
          secret,
          entrypoint: () => {
            st.button("Note", { onClick: () => void seen.push(`callback: ${st.context.cookies.pref}`) });
            st.text(`script: ${st.context.cookies.pref} ${st.context.url}`);
          },
        });
      const app = make();
      const client = watch(new FormClient(isolates === "cold" ? make : () => app));
      await client.get("/");
      for (const pref of ["compact", "wide"]) {
        client.cookies.set("pref", pref);
        await client.click("Note");
        expect(client.texts(), `on ${isolates} isolates`).toContain(`script: ${pref} ${ORIGIN}/`);
      }
      expect(seen, `on ${isolates} isolates`).toEqual(["callback: compact", "callback: wide"]);
    }));

  test("a client's CF-Connecting-IP or X-Forwarded-For is not believed without Cloudflare in front", async () => {
    const { shown } = await contextOf("/", { "cf-connecting-ip": "203.0.113.9", "x-forwarded-for": "203.0.113.10" });
    expect(shown.ipAddress).toBeNull();
    expect(shown.locale).toBeNull();
    expect(shown.theme).toEqual({ type: null });
  });

  test("the time zone the client script posts is st.context.timezone (an unknown name is ignored)", async () => {
    const zoneAfterPost = async (zone: string) => {
      const client = new FormClient(showContext);
      await client.get("/");
      const form = client.formData(null);
      form.set("_tz", zone);
      await client.request("POST", "/", form);
      return JSON.parse(client.texts()[0]!) as { timezone: string | null; timezoneOffset: number | null };
    };
    const tokyo = await zoneAfterPost("Asia/Tokyo");
    expect(tokyo).toMatchObject({ timezone: "Asia/Tokyo", timezoneOffset: -540 });
    expect(await zoneAfterPost("Mars/Olympus_Mons")).toMatchObject({ timezone: null, timezoneOffset: null });
  });

  test("an embedded fragment's request is isEmbedded", async () => {
    const { shown } = await contextOf("/_embed/", {});
    expect(shown.isEmbedded).toBe(true);
  });

  test("pages ask for the colour-scheme client hint and vary on it, so the theme is known without JavaScript", async () => {
    const res = await showContext().request(ORIGIN + "/", {}, DEV_ENV);
    expect(res.headers.get("accept-ch")).toBe("Sec-CH-Prefers-Color-Scheme");
    expect(res.headers.get("vary")).toContain("Sec-CH-Prefers-Color-Scheme");
    // the client script is one file for every colour scheme
    const html = await res.text();
    const script = /src="([^"]*_formlit\/client[^"]*)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await showContext().request(ORIGIN + script!, {}, DEV_ENV);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("vary") ?? "").not.toContain("Sec-CH-Prefers-Color-Scheme");
  });

  test("st.context is read-only: a write shows Streamlit's exception", async () => {
    const client = new FormClient(() =>
      createApp({
        secret,
        entrypoint: () => {
          (st.context as unknown as Record<string, unknown>).locale = "en";
        },
      }),
    );
    await client.get("/");
    expect(client.exceptions()).toEqual([{ type: "StreamlitAPIException", message: "st.context is read-only." }]);
  });

  test("st.context.env is the Worker's env without formlit's session secrets; st.context lists only the request's facts", async () => {
    const client = new FormClient(
      () =>
        createApp({
          entrypoint: () => {
            const env = st.context.env;
            st.text(`env keys: ${Object.keys(env).sort().join(", ")}; secret: ${String(env.SESSION_SECRET)}; in: ${"SESSION_SECRET" in env}`);
            st.text(`context keys: ${Object.keys(st.context).join(", ")}`);
          },
        }),
      "formlit",
      { env: { ...DEV_ENV, SESSION_SECRET: secret, REGION: "eu" } },
    );
    await client.get("/");
    expect(client.texts()).toEqual([
      "env keys: FORMLIT_DEV, REGION; secret: undefined; in: false",
      "context keys: headers, cookies, url, ipAddress, locale, timezone, timezoneOffset, theme, isEmbedded",
    ]);
  });

  test("on Node the IP address is the socket's (@hono/node-server)", async () => {
    const server = serve({ fetch: showContext().fetch, port: 8832, hostname: "127.0.0.1" });
    try {
      const res = await fetch("http://127.0.0.1:8832/", { headers: { "x-forwarded-for": "203.0.113.10" } });
      expect(await res.text()).toContain("&quot;ipAddress&quot;:&quot;127.0.0.1&quot;");
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  test("the entrypoint is handed st.context, typed by createApp's type argument", async () => {
    const client = new FormClient(
      () => createApp<{ GREETING: string }>({ secret, entrypoint: ({ env }) => st.text(`${env.GREETING.toUpperCase()}!`) }),
      "formlit",
      { env: { ...DEV_ENV, GREETING: "hello" } },
    );
    await client.get("/");
    expect(client.texts()).toEqual(["HELLO!"]);
  });
});

describe("the facts behind st.context", () => {
  test("the locale is the language the browser prefers most", () => {
    expect(preferredLocale("en-US,en;q=0.9")).toBe("en-US");
    expect(preferredLocale("*;q=1, pt-BR;q=0.5")).toBe("pt-BR");
    expect(preferredLocale("")).toBeNull();
  });

  test("the time zone's offset is in minutes as getTimezoneOffset gives them (east of UTC negative)", () => {
    expect(offsetOf("Europe/Berlin", new Date("2026-01-15T12:00:00Z"))).toBe(-60);
    expect(offsetOf("Europe/Berlin", new Date("2026-07-15T12:00:00Z"))).toBe(-120);
    expect(offsetOf("America/New_York", new Date("2026-01-15T12:00:00Z"))).toBe(300);
    expect(offsetOf("Asia/Kolkata")).toBe(-330);
    expect(offsetOf("UTC")).toBe(0);
    expect(offsetOf("Not/AZone")).toBeNull();
  });
});

describe("st.context.waitUntil", () => {
  afterEach(() => vi.restoreAllMocks());

  test("hands the work to the Worker's execution context", async () => {
    const handed: Promise<unknown>[] = [];
    const executionCtx = { waitUntil: (p: Promise<unknown>) => void handed.push(p), passThroughOnException: () => {}, props: {} };
    let done = false;
    const app = createApp({ secret, entrypoint: () => st.context.waitUntil(Promise.resolve().then(() => (done = true))) });
    await app.request(ORIGIN + "/", {}, DEV_ENV, executionCtx);
    expect(handed).toHaveLength(1);
    await Promise.all(handed);
    expect(done).toBe(true);
  });

  test("without one (Node), failed work is logged, never an unhandled rejection", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const app = createApp({ secret, entrypoint: () => st.context.waitUntil(() => Promise.reject(new Error("audit log down"))) });
      const res = await app.request(ORIGIN + "/", {}, DEV_ENV);
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
      expect(String(logged.mock.calls.flat().join(" "))).toContain("audit log down");
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  test("work given as a function is done once per live run: a replay (cold isolate) does not do it again", () =>
    onBothIsolates(async (isolates, watch) => {
      const done: string[] = [];
      const make = () =>
        createApp({
          secret,
          entrypoint: () => {
            const on = st.checkbox("Notify", { key: "notify", onChange: () => {} });
            st.context.waitUntil(async () => void done.push(String(on)));
          },
        });
      const app = make();
      const client = watch(new FormClient(isolates === "cold" ? make : () => app));
      await client.get("/");
      await client.change("Notify", true);
      await client.change("Notify", false);
      await new Promise((r) => setTimeout(r, 0));
      expect(done, `work done on ${isolates} isolates`).toEqual(["false", "true", "false"]);
    }));
});
