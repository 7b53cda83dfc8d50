/**
 * Load: 50 concurrent sessions against the demo Worker under `wrangler dev` (workerd) on 127.0.0.1
 * only, for at most 30 s or 20,000 requests. Each session GETs / and then keeps POSTing the form
 * the way a browser would (its cookie, `_run`, `_csrf` and `_v` from the last answer), setting the
 * sidebar's "Number of filters" to its previous value + 1. Nothing may be lost or mixed up between
 * sessions: no 5xx, no network error, and at the end each session's widget holds its own count.
 * Lives under test/browser/ so it runs one file at a time with the other wrangler-based tests.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { startWrangler, type DevServer } from "./support/server.ts";
import { CookieJar } from "../support/cookie-jar.ts";

const PORT = 8797;
const SESSIONS = 50;
const DURATION_MS = 30_000;
const MAX_REQUESTS = 20_000;
const LABEL = "Number of filters";

let server: DevServer;

beforeAll(async () => {
  server = await startWrangler(PORT);
});

afterAll(async () => {
  await server?.stop();
});

interface Page {
  run: string;
  csrf: string;
  v: string;
  /** the form field of "Number of filters" (its widget id) */
  field: string;
  value: unknown;
}

/** Reads what a browser would submit next, and the widget's value, from an answer's HTML. */
function readPage(html: string): Page {
  const hidden = (name: string) => {
    const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
    if (!m) throw new Error(`no ${name} in the page`);
    return m[1]!;
  };
  const wrapper = /<div class="fl-widget fl-number_input" data-kind="number_input" data-key="filters" data-value="([^"]*)">([\s\S]*?)<\/div>/.exec(html);
  if (!wrapper || !wrapper[2]!.includes(`>${LABEL}</label>`)) throw new Error(`no "${LABEL}" widget in the page`);
  const field = /<input[^>]* name="([^"]+)"/.exec(wrapper[2]!)?.[1];
  if (!field) throw new Error(`no input for "${LABEL}"`);
  return { run: hidden("_run"), csrf: hidden("_csrf"), v: hidden("_v"), field: field.replace(/&amp;/g, "&"), value: JSON.parse(wrapper[1]!.replace(/&quot;/g, '"')) };
}


interface Tally {
  requests: number;
  byStatus: Map<number, number>;
  networkErrors: string[];
  /** an answer whose widget did not show the value just posted */
  wrongAnswers: string[];
  latencies: number[];
}

async function session(index: number, url: string, deadline: number, tally: Tally): Promise<{ jar: CookieJar; count: number }> {
  const jar = new CookieJar();
  let count = 0;
  const call = async (init: RequestInit): Promise<{ res: Response; html: string } | null> => {
    tally.requests++;
    const started = performance.now();
    try {
      // Node's fetch (undici) keeps connections alive and pools them per origin.
      const res = await fetch(url + "/", { ...init, headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
      const html = await res.text();
      tally.latencies.push(performance.now() - started);
      tally.byStatus.set(res.status, (tally.byStatus.get(res.status) ?? 0) + 1);
      return { res, html };
    } catch (err) {
      tally.networkErrors.push(`session ${index}: ${String(err)}`);
      return null;
    }
  };

  const first = await call({ method: "GET" });
  if (!first || first.res.status !== 200) throw new Error(`session ${index}: the first GET failed (${first?.res.status})`);
  jar.take(first.res);
  let page = readPage(first.html);
  count = page.value as number;

  while (Date.now() < deadline && tally.requests < MAX_REQUESTS) {
    const next = count + 1;
    const body = new URLSearchParams({ _run: page.run, _csrf: page.csrf, _v: page.v, [page.field]: String(next), _apply: "1" });
    const got = await call({
      method: "POST",
      body: body.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", origin: url },
    });
    if (!got) continue; // counted as a network error; the same state is posted again
    if (got.res.status !== 200) continue; // counted by status; nothing was applied
    jar.take(got.res);
    page = readPage(got.html);
    count = next;
    if (page.value !== next) tally.wrongAnswers.push(`session ${index}: posted ${next}, the answer shows ${JSON.stringify(page.value)}`);
  }
  return { jar, count };
}

test(`${SESSIONS} concurrent sessions for ${DURATION_MS / 1000} s: no 5xx, no network error, every session keeps exactly its own count`, async () => {
  const tally: Tally = { requests: 0, byStatus: new Map(), networkErrors: [], wrongAnswers: [], latencies: [] };
  const started = Date.now();
  const deadline = started + DURATION_MS;
  const results = await Promise.all(Array.from({ length: SESSIONS }, (_, i) => session(i, server.url, deadline, tally)));
  const seconds = (Date.now() - started) / 1000;

  // Each session, read back with only its own cookie.
  const finals = await Promise.all(
    results.map(async ({ jar }) => {
      const res = await fetch(server.url + "/", { headers: { cookie: jar.header() } });
      expect(res.status).toBe(200);
      return readPage(await res.text()).value;
    }),
  );

  const sorted = [...tally.latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
  const counts = results.map((r) => r.count);
  console.log(
    `load: ${tally.requests} requests in ${seconds.toFixed(1)} s = ${(tally.requests / seconds).toFixed(0)} requests/s ` +
      `(${SESSIONS} sessions; statuses ${JSON.stringify(Object.fromEntries(tally.byStatus))}; latency p50 ${pct(50)} ms, p99 ${pct(99)} ms; ` +
      `count per session min ${Math.min(...counts)}, max ${Math.max(...counts)})`,
  );

  const serverErrors = [...tally.byStatus].filter(([status]) => status >= 500).reduce((n, [, k]) => n + k, 0);
  expect(serverErrors, "5xx answers").toBe(0);
  expect(tally.networkErrors, "network errors").toEqual([]);
  expect(Object.fromEntries(tally.byStatus), "every answer is 200").toEqual({ 200: tally.requests });
  expect(tally.wrongAnswers.slice(0, 10), "answers that did not show the value just posted").toEqual([]);
  expect(Math.min(...counts), "every session made progress").toBeGreaterThan(0);
  expect(finals, "each session's widget holds its own count").toEqual(counts);
}, 120_000);
