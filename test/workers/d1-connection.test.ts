/**
 * st.connection("db", { type: "d1" }) inside workerd, on miniflare's real D1 database (the demo's
 * DB binding, migrated with the demo's migrations/): rows with bound parameters, the ttl cache, a
 * missing binding named, and writes that happen once per press (or per live run) on cold and warm
 * isolates, as Streamlit's one server would write them.
 */
import { env } from "cloudflare:workers";
import { applyD1Migrations, type D1Migration } from "cloudflare:test";
import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { FormClient, TEST_SECRET as secret } from "../support/client.ts";
import { onBothIsolates, type Isolates } from "../support/isolates.ts";

// How an app types its bindings: st.context.env.DB below is a D1Database without a cast.
declare module "../../src/index.ts" {
  interface Env {
    DB: D1Database;
  }
}

const bindings = env as unknown as { DB: D1Database; TEST_MIGRATIONS: D1Migration[] };
const appEnv = { FORMLIT_DEV: "1", DB: bindings.DB };

beforeAll(() => applyD1Migrations(bindings.DB, bindings.TEST_MIGRATIONS));
beforeEach(() => reset());

async function reset() {
  await bindings.DB.batch([bindings.DB.prepare("DELETE FROM team"), bindings.DB.prepare("INSERT INTO team (name, role) VALUES ('Ada', 'Analyst'), ('Grace', 'Engineer')")]);
  st.cacheData.clear();
}

const names = async () => (await bindings.DB.prepare("SELECT name FROM team ORDER BY id").all<{ name: string }>()).results.map((r) => r.name);

/** A client of `entrypoint` on cold isolates (a new app per request) or warm ones (one app). */
function client(isolates: Isolates, entrypoint: () => unknown): FormClient {
  const make = () => createApp({ secret, entrypoint });
  if (isolates === "cold") return new FormClient(make, "formlit", { env: appEnv });
  const app = make();
  return new FormClient(() => app, "formlit", { env: appEnv });
}

describe("st.connection type d1, in workerd", () => {
  test("query returns the rows its bound parameters select, read from the DB binding named after the connection", async () => {
    const c = client("cold", async () => {
      const role = st.textInput("Role", { key: "role", value: "Engineer" });
      const rows = await st.connection("db", { type: "d1" }).query<{ name: string }>("SELECT name FROM team WHERE role = ?", { params: [role], ttl: 0 });
      st.text(`names: ${rows.map((r) => r.name).join(", ")}`);
    });
    await c.get("/");
    expect(c.texts()).toContain("names: Grace");
    await c.change("Role", "Analyst");
    expect(c.texts()).toContain("names: Ada");
  });

  test("a query with a ttl reuses its rows in the isolate; ttl 0 reads the database every time; a write through the connection forgets them", async () => {
    const c = client("warm", async () => {
      const conn = st.connection("team", { type: "d1", binding: "DB" });
      const cached = await conn.query<{ n: number }>("SELECT COUNT(*) AS n FROM team", { ttl: "1h" });
      const fresh = await conn.query<{ n: number }>("SELECT COUNT(id) AS n FROM team", { ttl: 0 });
      st.text(`cached ${cached[0]!.n}, fresh ${fresh[0]!.n}`);
      if (st.button("Add")) await conn.run("INSERT INTO team (name, role) VALUES (?, ?)", ["Alan", "Researcher"]);
      st.checkbox("Again", { key: "again" });
    });
    await c.get("/");
    expect(c.texts()).toContain("cached 2, fresh 2");
    await bindings.DB.prepare("INSERT INTO team (name, role) VALUES ('Edsger', 'Engineer')").run();
    await c.change("Again", true);
    expect(c.texts()).toContain("cached 2, fresh 3");
    await c.click("Add");
    await c.change("Again", false);
    expect(c.texts()).toContain("cached 4, fresh 4");
  });

  test("a missing binding is named, with how to declare it in wrangler.toml", async () => {
    const c = client("cold", async () => {
      await st.connection("orders", { type: "d1" }).query("SELECT 1");
    });
    await c.get("/");
    expect(c.status).toBe(200);
    const [shown] = c.exceptions();
    expect(shown?.type).toBe("StreamlitAPIException");
    expect(shown?.message).toContain('the Worker has no binding named "ORDERS"');
    expect(shown?.message).toContain('[[d1_databases]] with binding = "ORDERS"');
  });

  test("st.context.env is the Worker's bindings, typed by augmenting Env", async () => {
    const c = client("cold", async () => {
      const { results } = await st.context.env.DB.prepare("SELECT name FROM team WHERE id = (SELECT MIN(id) FROM team)").all<{ name: string }>();
      st.text(`first: ${results[0]!.name}`);
    });
    await c.get("/");
    expect(c.texts()).toContain("first: Ada");
  });
});

describe("D1 writes happen once, on cold and warm isolates alike", () => {
  test("a button's insert writes one row per press, however many requests replay the run around it", () =>
    onBothIsolates(async (isolates, watch) => {
      await reset();
      const c = watch(
        client(isolates, async () => {
          const conn = st.connection("db", { type: "d1" });
          const name = st.textInput("Name", { key: "name" });
          if (st.button("Save")) await conn.run("INSERT INTO team (name, role) VALUES (?, ?)", [name, "New"]);
          st.checkbox("Show all", { key: "all", onChange: () => {} });
          const rows = await conn.query<{ name: string }>("SELECT name FROM team ORDER BY id", { ttl: 0 });
          st.text(`team: ${rows.map((r) => r.name).join(", ")}`);
        }),
      );
      await c.get("/");
      await c.change("Name", "Alan");
      await c.click("Save");
      await c.change("Show all", true);
      await c.change("Show all", false);
      expect(c.texts()).toContain("team: Ada, Grace, Alan");
      expect(await names(), `rows on ${isolates} isolates`).toEqual(["Ada", "Grace", "Alan"]);
    }));

  test("a write the script makes on every run happens once per live run: a replay never writes", () =>
    onBothIsolates(async (isolates, watch) => {
      await reset();
      const c = watch(
        client(isolates, async () => {
          const conn = st.connection("db", { type: "d1" });
          await conn.batch([["INSERT INTO team (name, role) VALUES (?, ?)", ["visit", "log"]]]);
          st.checkbox("Tick", { key: "tick", onChange: () => {} });
        }),
      );
      await c.get("/");
      await c.change("Tick", true);
      await c.change("Tick", false);
      expect(await names(), `rows on ${isolates} isolates`).toEqual(["Ada", "Grace", "visit", "visit", "visit"]);
    }));
});
