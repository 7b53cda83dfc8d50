/**
 * st.connection: a named connection to data the Worker has, as Streamlit's `st.connection`. The
 * one type today is "d1" (a D1 database binding); KV, R2 and the rest are reached through
 * `st.context.env`, whose own APIs are already what a connection would offer.
 */
import { StreamlitAPIException } from "../engine/errors.ts";
import { d1Connection, type D1Connection } from "./d1-connection.ts";

export interface ConnectionOptions {
  /** the kind of data: "d1", a D1 database bound to the Worker */
  type: "d1";
  /**
   * The Worker's binding (wrangler.toml `[[d1_databases]] binding`). Default: the connection's
   * name as given if the Worker has a binding by that name, else the name in upper case
   * (`st.connection("db")` reads `DB`).
   */
  binding?: string;
}

/** `st.connection(name, { type: "d1", binding? })`: see {@link ConnectionOptions}. */
export function connection(name: string, options: ConnectionOptions): D1Connection {
  if (options?.type !== "d1") {
    throw new StreamlitAPIException(
      `st.connection("${name}"): unknown type ${JSON.stringify(options?.type)}. formlit has { type: "d1" } (a D1 database binding); ` +
        "KV, R2, Workers AI and other bindings are in st.context.env.",
    );
  }
  return d1Connection(name, options.binding);
}
