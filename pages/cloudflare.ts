/**
 * The demo's Worker entry (wrangler.toml: main). Sessions too large for cookies go to a Durable
 * Object per session (binding SESSION_STORE), whose class a Worker must export.
 */
import { durableObjectStore, FormlitSessionStore } from "../src/store/durable-object.ts";
import { createWorker } from "./worker.ts";
import { enableGraphviz } from "../src/graphviz.ts";
// Graphviz's binary, compiled by wrangler ahead of time (written by scripts/graphviz-wasm.mjs).
// workerd compiles it whenever an isolate of this script starts (the session Durable Object's
// too), imported statically or not: that is the price of Graphviz in the same Worker.
import graphvizWasm from "../src/generated/graphviz.wasm";

enableGraphviz({ wasm: graphvizWasm });

export { FormlitSessionStore };

export default createWorker(undefined, {
  store: (env: { SESSION_STORE?: DurableObjectNamespace<FormlitSessionStore> }) => (env.SESSION_STORE ? durableObjectStore(env.SESSION_STORE) : null),
});
