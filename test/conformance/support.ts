/**
 * Shared pieces of the conformance tests (shared/conformance/README.md): every scenario is an app
 * built afresh for every request, driven by FormClient like a browser without JavaScript.
 */
import { expect } from "vitest";
import type { Hono } from "hono";
import { st } from "../../src/index.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

export const secret = TEST_SECRET;
export const ss = st.sessionState;

/** A client whose every request is served by a new app instance from `make`. */
export function browse(make: () => Hono<any>): FormClient {
  return new FormClient(make);
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
