/** The gallery's layout section over HTTP without JavaScript: its dynamic containers switch by posting, and its rows and sizes are drawn. */
import { expect, test } from "vitest";
import { createWorker } from "../../pages/worker.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

test("the gallery shows tracked tabs, an expander computed when opened, compact panels, a row and sized elements", async () => {
  const c = new FormClient(() => createWorker(TEST_SECRET));
  await c.get("/gallery");
  expect(c.exceptions()).toEqual([]);
  const q = (sel: string) => [...c.doc.querySelectorAll(sel)] as any[];
  expect(q("button.fl-tab-button").map((b) => b.textContent)).toEqual(["Daily", "Weekly"]);
  expect(c.doc.body.textContent).toContain("Open tab Daily; expander closed; popover closed.");
  expect(q(".fl-compact").length).toBe(2);
  expect(q(".fl-flex-row button").map((b) => b.textContent)).toEqual(["Cancel", "Save"]);
  expect(q(".fl-sized").length).toBe(4);
  await c.submitWith(q("button.fl-tab-button")[1]);
  expect(c.doc.body.textContent).toContain("the weekly report");
  await c.submitWith(q("button.fl-expander-toggle").find((b) => b.textContent.includes("Details")));
  expect(c.doc.body.textContent).toContain("Open tab Weekly; expander open; popover closed.");
});
