/**
 * What a run does that Streamlit does once per press: a trigger returning pressed (a button, a
 * form's submit button, a chat input) and a stream's source being read (st.writeStream). Counted
 * for every app of the test process by wrapping those methods of formlit's containers, and told
 * apart by the kind of run that did it: the live run answering the request, or a replay of an
 * earlier run, which must never do either.
 */
import { Container } from "../../src/elements/container.ts";
import { maybeCurrentRun } from "../../src/engine/context.ts";

export interface Effects {
  /** triggers that returned pressed in a live run (a run answering a request), by label */
  pressed: Record<string, number>;
  /** stream sources read by a live run */
  streamed: number;
  /** the same in replays: never anything */
  replayPressed: Record<string, number>;
  replayStreamed: number;
}

export const effects = (): Effects => ({ pressed: {}, streamed: 0, replayPressed: {}, replayStreamed: 0 });

let counting: Effects | null = null;

/** Counts into `into` until `stop` is called. */
export function countEffects(into: Effects): () => void {
  counting = into;
  return () => {
    if (counting === into) counting = null;
  };
}

const inReplay = () => maybeCurrentRun()?.mode === "replay";

function notePress(label: string): void {
  if (!counting) return;
  const tally = inReplay() ? counting.replayPressed : counting.pressed;
  tally[label] = (tally[label] ?? 0) + 1;
}

function noteStream(): void {
  if (!counting) return;
  if (inReplay()) counting.replayStreamed++;
  else counting.streamed++;
}

/** A source that counts when it is read, as the model behind it would be called. */
function countedSource(source: unknown): unknown {
  const from = typeof source === "function" ? (source as () => unknown) : () => source;
  return async function* () {
    noteStream();
    yield* from() as AsyncIterable<unknown>;
  };
}

type Method = (...args: any[]) => any;

/** Wraps a container method (a getter handing out the bound method: unbound.ts) in `around`. */
function wrap(name: string, around: (method: Method) => Method): void {
  const proto = Container.prototype;
  const read = Object.getOwnPropertyDescriptor(proto, name)!.get!;
  Object.defineProperty(proto, name, { configurable: true, get: function (this: Container) { return around(read.call(this) as Method); } });
}

for (const name of ["button", "formSubmitButton", "chatInput"]) {
  wrap(name, (method) => (...args) => {
    const value = method(...args);
    if (value === true || typeof value === "string") notePress(String(args[0] ?? name));
    return value;
  });
}
// (strings and arrays are refused by writeStream itself: passed on as they are)
wrap("writeStream", (method) => (source: unknown) => method(typeof source === "string" || Array.isArray(source) ? source : countedSource(source)));
