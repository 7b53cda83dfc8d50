/**
 * Exactly once: a replay never presses a trigger again.
 *
 * A trigger (a button, a form's submit button, a chat input) holds its value for the one run its
 * press caused. A replay runs that run again to find its callbacks, and a script's branch under a
 * pressed button may write to a database or ask a model: running it twice would do that twice. So
 * a replay runs with every trigger released (a button false, a chat input null), and both the live
 * run and its replay note when the script first looks at a trigger that the live run saw pressed.
 * Up to that point the two runs are the same run (the script is deterministic and starts from the
 * same state); after it they may differ, which decides what a replay can stand in for (what an
 * isolate may remember of the live run, which st.writeStream texts the session carries).
 */
import type { Json } from "./state.ts";

/** A trigger's value when pressed: a button's true, a chat input's submitted text or a menu's choice, a table button's click. */
export const isPressed = (value: Json | undefined): boolean => value === true || typeof value === "string" || (typeof value === "object" && value !== null);

/** What a run knows of pressed triggers while it runs (SessionState.presses). */
export class Presses {
  /** the script has looked at a pressed trigger (live) or at one this replay released */
  seen = false;

  constructor(
    /** in a replay: the triggers it released (looking at one is where the live run saw it pressed) */
    readonly released: Set<string> = new Set(),
  ) {}

  /** A lookup found `value` for widget `id`; `trigger` says the id is a trigger's. */
  note(id: string, trigger: boolean, value: Json | undefined): void {
    if (this.seen) return;
    if (this.released.has(id) || (trigger && isPressed(value))) this.seen = true;
  }
}

/** What one st.writeStream call wrote: its text, or its pieces when some were not text. */
export type StreamText = string | Json[];

/**
 * st.writeStream's texts in call order. A live run keeps the texts of the calls made before it
 * looked at a pressed trigger (the session carries them); its replay makes the same calls up to
 * there and gets those texts back instead of calling the stream's source (a model) again. A call
 * the replay reaches past that point gets nothing, and its source is not called either.
 */
export class StreamTexts {
  private calls = 0;
  private readonly kept: (StreamText | undefined)[] = [];

  constructor(
    readonly presses: Presses,
    /** in a replay: what the live run's calls wrote */
    private readonly recorded: readonly StreamText[] = [],
  ) {}

  /** A live call starts: its place, or -1 when a replay may not reach it the same way. */
  begin(): number {
    const at = this.calls++;
    return this.presses.seen ? -1 : at;
  }

  /** A live call at `at` wrote `text`. */
  end(at: number, text: StreamText): void {
    if (at >= 0) this.kept[at] = text;
  }

  /** A replayed call: what the live run's call at the same place wrote, or "" past that point. */
  replayed(): StreamText {
    const at = this.calls++;
    return (!this.presses.seen && this.recorded[at]) || "";
  }

  /** What the session carries: the texts of the calls before the first that was not kept. */
  carried(): StreamText[] {
    const hole = this.kept.findIndex((t) => t === undefined);
    return (hole < 0 ? [...this.kept] : this.kept.slice(0, hole)) as StreamText[];
  }
}
