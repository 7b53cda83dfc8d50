/**
 * The demo's Team page inside workerd, on the demo's D1 database (migrations/ applied as `npm run
 * dev` applies them): its rows show, an edit and an added row are saved by one press, once, on cold
 * and warm isolates, and show after a reload.
 */
import { env } from "cloudflare:workers";
import { applyD1Migrations, type D1Migration } from "cloudflare:test";
import { beforeAll, describe, expect, test } from "vitest";
import { createDemoApp } from "../../pages/demo.ts";
import { FormClient, TEST_SECRET as secret } from "../support/client.ts";
import { onBothIsolates } from "../support/isolates.ts";
import { addRow, cell, type } from "../elements/data-editor-support.ts";

const bindings = env as unknown as { DB: D1Database; TEST_MIGRATIONS: D1Migration[] };
const appEnv = { FORMLIT_DEV: "1", DB: bindings.DB };

beforeAll(() => applyD1Migrations(bindings.DB, bindings.TEST_MIGRATIONS));

/** The seed rows of migrations/0001_team.sql, as a fresh local database has them. */
async function seed() {
  await bindings.DB.batch([
    bindings.DB.prepare("DELETE FROM team"),
    // the same ids every time: they are in the table the page draws, which cold and warm runs compare
    bindings.DB.prepare("DELETE FROM sqlite_sequence WHERE name = 'team'"),
    bindings.DB.prepare("INSERT INTO team (name, role, active) VALUES ('Ada Lovelace', 'Analyst', 1), ('Grace Hopper', 'Engineer', 1), ('Alan Turing', 'Researcher', 0)"),
  ]);
}

const rows = async () => (await bindings.DB.prepare("SELECT name, role, saved_by FROM team ORDER BY id").all()).results;

/** The st.dataframe's cells, row by row. */
const frame = (c: FormClient) =>
  [...c.doc.querySelectorAll("[data-kind=dataframe] tbody tr")].map((tr: any) => [...tr.querySelectorAll("td")].map((td: any) => td.textContent.trim()).join(" | "));

describe("the demo's Team page on D1", () => {
  test("rows show; an edit and a new row are saved once per press on cold and warm isolates, and show after a reload", () =>
    onBothIsolates(async (isolates, watch) => {
      await seed();
      const make = () => createDemoApp({ secret });
      const app = make();
      const c = watch(new FormClient(isolates === "cold" ? make : () => app, "formlit", { env: appEnv }));
      await c.get("/team");
      expect(frame(c)[0]).toContain("Ada Lovelace");
      expect(frame(c)).toHaveLength(3);
      type(c, "Role, row 0", "Lead");
      await addRow(c);
      type(c, "Name, row new 1", "Edsger Dijkstra");
      await c.click("Save changes");
      expect(c.alerts("success")).toEqual(["Saved 2 change(s)."]);
      await c.reload();
      expect(c.alerts("success")).toEqual([]);
      expect(frame(c)).toHaveLength(4);
      expect(frame(c)[0]).toContain("Lead");
      expect(await rows(), `rows on ${isolates} isolates`).toEqual([
        { name: "Ada Lovelace", role: "Lead", saved_by: "anonymous" },
        { name: "Grace Hopper", role: "Engineer", saved_by: null },
        { name: "Alan Turing", role: "Researcher", saved_by: null },
        { name: "Edsger Dijkstra", role: "", saved_by: "anonymous" },
      ]);
      expect(cell(c, "Role, row 0").getAttribute("value")).toBe("Lead");
    }));
});
