/** The gallery's newest commands over HTTP: page buttons page through the fruit, the skeletons, the diagram, the pinned line. */
import { expect, test } from "vitest";
import { createWorker } from "../../pages/worker.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

test("the More tab pages through the fruit with st.pagination, shows a skeleton, a filled one, a Mermaid diagram and a pinned line", async () => {
  const c = new FormClient(() => createWorker(TEST_SECRET));
  await c.get("/gallery");
  expect(c.exceptions()).toEqual([]);
  expect(c.texts()).toContain("Page 1: Apple, Banana, Cherry.");
  const next = c.doc.querySelector("[data-kind=pagination] button[value='2']");
  await c.submitWith(next);
  expect(c.exceptions()).toEqual([]);
  expect(c.texts()).toContain("Page 2: Date, Elderberry, Fig.");
  expect(c.state().fruit_page).toBe(2);
  expect(c.doc.querySelectorAll(".fl-skeleton").length).toBe(1);
  expect(c.alerts("info")).toContain("This message took the place of a skeleton.");
  expect(c.doc.querySelector("[data-kind=mermaid_chart] svg title").textContent).toBe("How a form post becomes a page");
  expect(c.doc.querySelector(".fl-bottom").textContent).toContain("This line is pinned to the bottom of the page (st.bottom).");
});
