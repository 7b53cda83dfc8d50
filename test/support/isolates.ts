/**
 * Cold and warm isolates. A cold isolate never served the session before: a new app for every
 * request, so callbacks come from a replay of the run that drew them. A warm one served every
 * request: one app for the whole scenario, so its recent runs answer instead. What a user sees
 * must not depend on which one answers; `onBothIsolates` runs a scenario both ways and compares.
 */
import { expect } from "vitest";
import type { Hono } from "hono";
import { FormClient } from "./client.ts";
import type { Json } from "../../src/engine/state.ts";
import { countEffects, effects, type Effects } from "./effects.ts";

export type Isolates = "cold" | "warm";

/** A client served by a new app per request (cold) or by one app built now (warm). */
export function clientOn(isolates: Isolates, make: () => Hono<any>, cookieName?: string): FormClient {
  if (isolates === "cold") return new FormClient(make, cookieName);
  const app = make();
  return new FormClient(() => app, cookieName);
}

/** What a user (and the session cookie) shows after a request; random ids (session, uploads) left out. */
export function observe(client: FormClient) {
  const seen = shown(client);
  return JSON.parse(JSON.stringify(seen).replace(/"fileId":"[^"]*"/g, '"fileId":"(random)"')) as typeof seen;
}

function shown(client: FormClient) {
  let session: Json = null;
  if (client.cookies.size) {
    try {
      session = { ...client.session(), sid: "" } as unknown as Json;
    } catch {
      session = "unreadable";
    }
  }
  return {
    status: client.status,
    path: client.doc ? client.path() : "",
    texts: client.doc ? client.texts() : [],
    widgets: client.doc ? client.widgets() : [],
    exceptions: client.doc ? client.exceptions() : [],
    alerts: client.doc ? (["warning", "error", "info", "success"] as const).map((kind) => client.alerts(kind)) : [],
    notices: client.doc ? client.notices() : [],
    fieldErrors: client.doc ? client.fieldErrors() : [],
    session,
  };
}

type Observation = ReturnType<typeof observe> & { client: number; effects: Effects };

/**
 * Runs `scenario` on cold isolates, then on warm ones. `watch` records what a client showed after
 * each of its requests and what the request's runs did (effects.ts); the two runs must have shown
 * and done the same, request by request. As in Streamlit, a request presses at most one trigger
 * (a post: the button or chat message it sent), and a replay never presses one or reads a stream.
 */
export async function onBothIsolates(scenario: (isolates: Isolates, watch: (client: FormClient) => FormClient) => Promise<void>): Promise<void> {
  const seen: Record<Isolates, Observation[]> = { cold: [], warm: [] };
  for (const isolates of ["cold", "warm"] as const) {
    const log = seen[isolates];
    let clients = 0;
    const watch = (client: FormClient) => {
      const n = clients++;
      const request = client.request.bind(client);
      client.request = async (...args: Parameters<FormClient["request"]>) => {
        const did = effects();
        const stop = countEffects(did);
        const res = await request(...args).finally(stop);
        const where = `on ${isolates} isolates, request ${log.length} (${args[0]} ${args[1]})`;
        expect({ pressed: did.replayPressed, streamed: did.replayStreamed }, `${where}: what replays did`).toEqual({ pressed: {}, streamed: 0 });
        const presses = Object.values(did.pressed).reduce((a, b) => a + b, 0);
        expect(presses, `${where}: triggers pressed`).toBeLessThanOrEqual(args[0] === "POST" ? 1 : 0);
        log.push({ client: n, ...observe(client), effects: did });
        return res;
      };
      return client;
    };
    try {
      await scenario(isolates, watch);
    } catch (err) {
      if (err instanceof Error) err.message = `on ${isolates} isolates: ${err.message}`;
      throw err;
    }
  }
  expect(seen.warm, "warm isolates showed what cold ones did").toEqual(seen.cold);
}
