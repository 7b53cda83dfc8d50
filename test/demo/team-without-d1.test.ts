/**
 * The demo's Team page where the Worker has no D1 database (Node, or a wrangler.toml without it):
 * the page still shows, saying which binding is missing and how to declare it, never a 500.
 */
import { expect, test } from "vitest";
import { createDemoApp } from "../../pages/demo.ts";
import { FormClient, TEST_SECRET as secret } from "../support/client.ts";

test("the Team page without a DB binding says what to add to wrangler.toml", async () => {
  const c = new FormClient(() => createDemoApp({ secret }));
  await c.get("/team");
  expect(c.status).toBe(200);
  expect(c.exceptions()).toEqual([]);
  const [info] = c.alerts("info");
  expect(info).toContain('the Worker has no binding named "DB"');
  expect(info).toContain("[[d1_databases]]");
});
