/** The gallery's "More" tab over HTTP: pills, segmented control and feedback work and keep state. */
import { expect, test } from "vitest";
import { createWorker } from "../../pages/worker.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

test("the More tab's pills, segmented control and stars render and apply", async () => {
  const c = new FormClient(() => createWorker(TEST_SECRET));
  await c.get("/gallery");
  expect(c.exceptions()).toEqual([]);
  const kinds = new Set(c.widgets().map((w) => w.kind));
  for (const k of ["pills", "segmented_control", "feedback"]) expect(kinds, k).toContain(k);
  c.set("Toppings", ["Cheese", "Basil"]).set("Crust", "Deep").set("Rating", "4 stars");
  await c.apply();
  expect(c.exceptions()).toEqual([]);
  expect(c.texts()).toContain('Toppings ["Cheese","Basil"], crust "Deep", rating 4.');
});
