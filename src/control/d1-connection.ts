/**
 * A D1 database as `st.connection` hands it out: `query` reads rows, cached as st.cacheData caches
 * (by binding, SQL and parameters, for `ttl`); `run` and `batch` write through prepared statements
 * with bound parameters. A replay (a run done again to find callbacks, ARCHITECTURE.md) never
 * writes: the run it repeats already did, and the user did it once.
 */
import { currentRun } from "../engine/context.ts";
import { StreamlitAPIException, badTimeString } from "../engine/errors.ts";
import { durationSeconds } from "../shared/duration.ts";
import { cacheData } from "./cache.ts";

/** A value D1 binds to a `?` in a statement. */
export type D1Value = string | number | boolean | null | ArrayBuffer | ArrayBufferView;

export interface D1QueryOptions {
  /** the values of the statement's `?` placeholders, in order (never put values into the SQL text) */
  params?: D1Value[];
  /**
   * How long a result is reused in this isolate: seconds, or a time string ("10m", "1d"). As in
   * Streamlit, the default (undefined or null) keeps it until the isolate goes; 0 reads the
   * database every time. A write through the connection forgets the results cached so far.
   */
  ttl?: number | string | null;
}

/** One statement of a batch: its SQL and the values of its placeholders. */
export type D1Statement = [sql: string, params?: D1Value[]];

/** What a write that a replay skipped answers: nothing changed, nothing returned. */
const skipped = (): D1Result => ({ success: true, results: [], meta: { changes: 0, last_row_id: 0, duration: 0 } }) as unknown as D1Result;

/** The database behind binding `binding` of the current request. */
function databaseOf(binding: string): D1Database {
  return currentRun("st.connection").request.env[binding] as D1Database;
}

/** The rows of one read; cached by its arguments (the binding, the SQL, the parameters). */
async function d1Rows(binding: string, sql: string, params: D1Value[]): Promise<Record<string, unknown>[]> {
  const { results } = await databaseOf(binding).prepare(sql).bind(...params).all();
  return results as Record<string, unknown>[];
}

function ttlSeconds(ttl: D1QueryOptions["ttl"]): number | undefined {
  if (ttl === undefined || ttl === null) return undefined;
  if (typeof ttl === "number") return Math.max(0, ttl);
  const seconds = durationSeconds(ttl);
  if (seconds === null) throw badTimeString(ttl);
  return seconds;
}

/** `st.connection(name, { type: "d1" })`: a D1 binding of the Worker. */
export class D1Connection {
  constructor(
    /** the Worker's binding this connection reads (wrangler.toml: `[[d1_databases]] binding`) */
    readonly binding: string,
  ) {}

  /** The D1Database itself, for what the connection does not wrap (sessions, `exec`, `dump`...). */
  get db(): D1Database {
    return databaseOf(this.binding);
  }

  /**
   * The rows `sql` selects, as objects by column name (what st.dataframe and st.dataEditor take),
   * with `params` bound to its `?` placeholders; reused for `ttl` (see {@link D1QueryOptions}).
   * @example
   * ```ts
   * const rows = await conn.query("SELECT name, role FROM team WHERE role = ?", { params: [role], ttl: "10m" });
   * ```
   */
  query<Row = Record<string, unknown>>(sql: string, options: D1QueryOptions = {}): Promise<Row[]> {
    const rows = cacheData(d1Rows, { ttl: ttlSeconds(options.ttl) });
    return rows(this.binding, sql, options.params ?? []) as Promise<Row[]>;
  }

  /**
   * Runs one statement that writes (INSERT, UPDATE, DELETE), `params` bound to its `?`
   * placeholders. In a replay it does nothing and answers `meta.changes` 0: the run it repeats wrote.
   */
  async run(sql: string, params: D1Value[] = []): Promise<D1Result> {
    if (currentRun("st.connection").mode === "replay") return skipped();
    const result = await this.db.prepare(sql).bind(...params).run();
    cacheData(d1Rows).clear();
    return result;
  }

  /**
   * Runs statements in one transaction (all or none), each with its own parameters. In a replay it
   * does nothing.
   * @example
   * ```ts
   * await conn.batch(edits.map((e) => ["UPDATE team SET role = ? WHERE id = ?", [e.role, e.id]]));
   * ```
   */
  async batch(statements: D1Statement[]): Promise<D1Result[]> {
    if (currentRun("st.connection").mode === "replay") return statements.map(skipped);
    if (statements.length === 0) return [];
    const db = this.db;
    const results = await db.batch(statements.map(([sql, params = []]) => db.prepare(sql).bind(...params)));
    cacheData(d1Rows).clear();
    return results;
  }
}

/** The binding a connection named `name` reads: `binding` if given, else `name` as given, else upper-cased. */
export function d1Connection(name: string, binding: string | undefined): D1Connection {
  const env = currentRun("st.connection").request.env;
  const chosen = binding ?? (name in env ? name : name.toUpperCase());
  const db = env[chosen] as { prepare?: unknown } | undefined;
  if (!db || typeof db.prepare !== "function") {
    const found = db === undefined ? "has no binding" : "has a binding that is not a D1 database";
    throw new StreamlitAPIException(
      `st.connection("${name}"): the Worker ${found} named "${chosen}". Declare the database in wrangler.toml ` +
        `([[d1_databases]] with binding = "${chosen}", database_name and database_id), ` +
        `or name the binding: st.connection("${name}", { type: "d1", binding: "MY_DB" }).`,
    );
  }
  return new D1Connection(chosen);
}
