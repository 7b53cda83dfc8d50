/** The gallery's editable table over HTTP (a fresh app per request): editing, adding and deleting rows update the summary under it. */
import { expect, test } from "vitest";
import { createWorker } from "../../pages/worker.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";
import { addRow, tick, type } from "../elements/data-editor-support.ts";

test("the Data tab's editable table: an edit, an added row and a deleted row change the summary and session state", async () => {
  const c = new FormClient(() => createWorker(TEST_SECRET));
  await c.get("/gallery");
  expect(c.exceptions()).toEqual([]);
  expect(c.texts()).toContain("3 tasks, 2 open, 4.5 hours to go.");
  type(c, "Hours, row 1", "5");
  tick(c, "Done, row 2");
  await c.apply();
  expect(c.fieldErrors()).toEqual([]);
  expect(c.texts()).toContain("3 tasks, 1 open, 5 hours to go.");
  await addRow(c);
  type(c, "Task, row new 1", "Celebrate");
  type(c, "Hours, row new 1", "0.5");
  tick(c, "Delete row 0");
  await c.apply();
  expect(c.exceptions()).toEqual([]);
  expect(c.texts()).toContain("3 tasks, 2 open, 5.5 hours to go.");
  expect(c.state().tasks).toEqual({
    edited_rows: { "1": { hours: 5 }, "2": { done: true } },
    added_rows: [{ task: "Celebrate", hours: 0.5 }],
    deleted_rows: [0],
  });
});
