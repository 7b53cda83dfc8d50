/**
 * Shared pieces of the conformance tests (shared/conformance/README.md): every scenario is driven
 * by FormClient like a browser without JavaScript, once with an app built afresh for every request
 * (cold isolates) and once with one app for the whole scenario (warm), and both must show the same.
 */
import { expect, test as vitestTest } from "vitest";
import type { Hono } from "hono";
import { st } from "../../src/index.ts";
import { TEST_SECRET, type FormClient } from "../support/client.ts";
import { clientOn, onBothIsolates, type Isolates } from "../support/isolates.ts";

export const secret = TEST_SECRET;
export const ss = st.sessionState;

/** The isolates and the recorder of the scenario running now (scenarios of a file run one at a time). */
let current: { isolates: Isolates; watch: (client: FormClient) => FormClient } | null = null;

/** A scenario, run on cold isolates and on warm ones; what the user sees must be the same. */
export function test(name: string, scenario: () => Promise<void>): void {
  vitestTest(`${name} (cold and warm isolates alike)`, () =>
    onBothIsolates(async (isolates, watch) => {
      current = { isolates, watch };
      try {
        await scenario();
      } finally {
        current = null;
      }
    }),
  );
}

/** A client for the running scenario: a new app from `make` per request (cold), or one (warm). */
export function browse(make: () => Hono<any>): FormClient {
  if (!current) throw new Error("browse() belongs inside a conformance test()");
  return current.watch(clientOn(current.isolates, make));
}

/** The page answered normally: 200, no exception block, no warning. */
export function expectClean(client: FormClient, where = ""): void {
  expect(client.status, `${where} status`).toBe(200);
  expect(client.exceptions(), `${where} exceptions`).toEqual([]);
  expect(client.alerts("warning"), `${where} warnings`).toEqual([]);
  expect(client.fieldErrors(), `${where} field errors`).toEqual([]);
}

/** label -> value of every widget on the page, in page order. */
export function values(client: FormClient): Record<string, unknown> {
  return Object.fromEntries(client.widgets().map((w) => [w.label, w.value]));
}

/** The labels of the widgets on the page, in page order. */
export function labels(client: FormClient): string[] {
  return client.widgets().map((w) => w.label);
}
