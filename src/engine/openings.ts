/**
 * Dialogs a replay opens again. A dialog is opened by a button almost always
 * (`if (st.button("Edit")) editDialog(row)`), and a replay leaves every button released
 * (presses.ts), so it would not open the dialog whose widgets the next request must find. The live
 * run therefore notes each dialog it opened after it looked at a pressed trigger: its id, which
 * opener, the fragment it was opened from and its arguments (JSON only). The replay opens those it
 * did not open itself, with the same id, once the script (or the fragment rerun) has ended. It
 * calls no branch: only the dialog's own function, as the live run did.
 *
 * An opener is found by name (a digest of the dialog's title and function source): among those
 * the replay's own run made, then among those made outside any run (at module level, which every
 * isolate makes alike on import). An opener made only inside the pressed branch cannot be found:
 * that dialog is not opened again (its widgets then rerun the whole app).
 */
import { maybeCurrentRun } from "./context.ts";
import { findNonJson } from "./json-check.ts";
import type { RunContext } from "./run-context.ts";
import type { Json } from "./state.ts";

/** Opens a dialog in `ctx` under `id`, as if called from fragment `parent` ("" for the script). */
export type Opener = (ctx: RunContext, id: string, parent: string, args: unknown[]) => unknown;

/**
 * A dialog a replay must open again: its id, its opener's name, the fragment it was opened from,
 * its arguments, and the page script that opened it (part of its widgets' ids). Short: it travels
 * in the cookie.
 */
export type Opening = [id: string, opener: string, parent: string, args: Json[], script: string];

/** Openers made outside any run (module level): the same on every isolate. */
const moduleOpeners = new Map<string, Opener>();

/** Makes an opener findable by `name`: in the current run, or for every run when made at module level. */
export function defineOpener(name: string, open: Opener): void {
  const ctx = maybeCurrentRun();
  if (ctx) ctx.openers.set(name, open);
  else moduleOpeners.set(name, open);
}

/** A live run opened a dialog: noted when a replay could not open it by itself. */
export function noteOpening(ctx: RunContext, opening: [id: string, opener: string, parent: string], args: unknown[]): void {
  if (ctx.mode !== "run" || !ctx.presses.seen) return;
  if (findNonJson({ args }) === null) ctx.openings.push([...opening, args as Json[], ctx.scriptId]);
}

/** In a replay, after its script: opens the noted dialogs it did not open itself. */
export async function reopen(ctx: RunContext, openings: readonly Opening[] = []): Promise<void> {
  const script = ctx.scriptId;
  for (const [id, name, parent, args, opener = "main"] of openings) {
    if (ctx.fragments.records.has(id)) continue;
    const open = ctx.openers.get(name) ?? moduleOpeners.get(name);
    ctx.scriptId = opener;
    if (open) await open(ctx, id, parent, args);
  }
  ctx.scriptId = script;
}
