/**
 * The run that `st` belongs to. Apps import `st` at module level, as Python apps import streamlit;
 * each call finds the current run through AsyncLocalStorage, so concurrent requests in one isolate
 * never see each other's state.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { RunContext } from "./run-context.ts";

const storage = new AsyncLocalStorage<RunContext>();

export function withRun<T>(ctx: RunContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export class OutsideRunError extends Error {
  constructor(what: string) {
    super(
      `${what} was called outside a formlit run. st.* functions work only while the app runs: inside ` +
        "the entrypoint, a page function, a callback, or a helper they call (not at module top level, " +
        "and not in a timer or promise that outlives the request).",
    );
    this.name = "OutsideRunError";
  }
}

export function currentRun(what = "st"): RunContext {
  const ctx = storage.getStore();
  if (!ctx) throw new OutsideRunError(what);
  return ctx;
}

export function maybeCurrentRun(): RunContext | undefined {
  return storage.getStore();
}
