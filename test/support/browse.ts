/** The usual start of an element test: a browser without JavaScript on an app made of one entrypoint. */
import { expect } from "vitest";
import { createApp, st, type AppOptions } from "../../src/index.ts";
import { FormClient, TEST_SECRET } from "./client.ts";

/** A FormClient on an app built afresh for every request (a cold isolate each time) from `entrypoint`. */
export function browse(entrypoint: () => unknown, options: Partial<AppOptions> = {}): FormClient {
  return new FormClient(() => createApp({ secret: TEST_SECRET, ...options, entrypoint }));
}

/** The page answered normally: 200, no exception block, no rejected value. */
export function expectOk(client: FormClient): void {
  expect(client.status).toBe(200);
  expect(client.exceptions()).toEqual([]);
  expect(client.fieldErrors()).toEqual([]);
}

/** In a script: runs each call and writes the message of whatever it throws as text, in order. */
export function showErrors(calls: (() => unknown)[]): void {
  for (const call of calls) {
    try {
      call();
    } catch (err) {
      st.text((err as Error).message);
    }
  }
}
