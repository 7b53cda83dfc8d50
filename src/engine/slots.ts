/**
 * Per-run (and per-request) data of the element layer, kept by the engine without knowing what it
 * is: a module declares a slot once (`const COUNT = slot(() => ({ n: 0 }))`) and reads it from
 * the run (`ctx.slots.get(COUNT)`), made on first use. A new run starts with empty slots, so no
 * module keeps a table of runs and nothing outlives the run that made it.
 */
export interface Slot<T> {
  readonly make: () => T;
}

export function slot<T>(make: () => T): Slot<T> {
  return { make };
}

export class Slots {
  private readonly values = new Map<Slot<unknown>, unknown>();

  get<T>(s: Slot<T>): T {
    // the value was made by this very slot's `make` (one lookup when it is there: a run asks often)
    let value = this.values.get(s) as T | undefined;
    if (value === undefined && !this.values.has(s)) this.values.set(s, (value = s.make()));
    return value as T;
  }
}
