/**
 * Posted values parsed late, to spare a replay. A value posted for a widget is parsed by that
 * widget's definition, which a fresh isolate gets only by replaying the last run. When no callback
 * needs to fire, the request can instead run the script at once and parse each posted value when
 * its widget registers, as long as nothing looks at the value before that. If the script does
 * (reads the widget's key, lists the state, or starts streaming the page while a value is
 * pending), the run is abandoned and the request starts over with the replay: the result is the
 * same either way, only the cost differs.
 */
import type { RequestInfo, StreamSink } from "./run-context.ts";
import type { RunStart } from "./replay-start.ts";
import { copyJson } from "./copy-json.ts";
import type { Json } from "./state.ts";

/** Thrown where a run would see a value not parsed yet: the request starts over with the replay. */
export class DeferredRead {}

/** The widget ids whose posted value waits for its widget to register, and whether a run looked. */
export class Deferred {
  /** set when a run looked (kept even if the script catches the signal) */
  hit = false;
  /** what each widget's definition made of its value (undefined: refused it), as parsed */
  private readonly settled = new Map<string, Json | undefined>();

  constructor(readonly ids: Set<string>) {}

  /** The widget registered and parsed its posted value. */
  settle(id: string, parsed: { value: Json } | { error: string }): void {
    if (this.ids.delete(id)) this.settled.set(id, "value" in parsed ? copyJson(parsed.value) : undefined);
  }

  /**
   * The run's start as a request that parsed every value first would have taken it: the cookie
   * must not tell which isolate served the request.
   */
  asIfParsedFirst(start: RunStart): void {
    for (const [id, value] of this.settled) {
      delete start.lazy[id];
      if (value !== undefined && !start.bad) start.values.set(id, value);
    }
  }
}

export function look(d: Deferred): never {
  d.hit = true;
  throw new DeferredRead();
}

/**
 * The request as the deferring run sees it: its page may not start streaming while a value is
 * pending (what reached the browser could not be taken back). One object for every run of the
 * request, as the request itself is (uploads copied by an earlier run are remembered by it).
 */
export function guardedRequest(request: RequestInfo, d: Deferred): RequestInfo {
  const sink = request.stream;
  if (!sink) return request;
  const stream: StreamSink = {
    begin: (ctx, node) => (d.ids.size ? look(d) : sink.begin(ctx, node)),
    write: (text) => sink.write(text),
  };
  return { ...request, stream };
}
