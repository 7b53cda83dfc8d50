/**
 * Per-run (and per-request) data of the element layer, kept by the engine without knowing what it
 * is: a module declares a slot once (`const COUNT = slot(() => ({ n: 0 }))`) and reads it from
 * the run (`ctx.slots.get(COUNT)`), made on first use. A new run starts with empty slots, so no
 * module keeps a table of runs and nothing outlives the run that made it.
 */
export interface Slot<T> {
  readonly make: () => T;
  /** where runs keep this slot's value: slots are numbered as modules declare them */
  readonly index: number;
}

let declared = 0;

export function slot<T>(make: () => T): Slot<T> {
  return { make, index: declared++ };
}

export class Slots {
  // (by the slot's number, not in a Map keyed by the slot: a page asks a few slots per element)
  private readonly values: unknown[] = [];

  get<T>(s: Slot<T>): T {
    // the value was made by this very slot's `make` (one look when it is there: a run asks often)
    let value = this.values[s.index] as T | undefined;
    if (value === undefined && !(s.index in this.values)) this.values[s.index] = value = s.make();
    return value as T;
  }
}
