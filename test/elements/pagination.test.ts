/**
 * st.pagination over HTTP, as a browser without JavaScript uses it: page buttons and arrows are
 * submit buttons carrying their page; the chosen page is the return value and the key's value,
 * onChange fires once per change, other posts keep the page, and bad arguments or posts are
 * messages in the page.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { visiblePages } from "../../src/elements/pagination.ts";
import { browse, expectOk, showErrors } from "../support/browse.ts";
import type { FormClient } from "../support/client.ts";

const ss = st.sessionState;

const nav = (client: FormClient, nth = 0) => client.doc.querySelectorAll("[data-kind=pagination]")[nth];
const buttons = (client: FormClient) => [...nav(client).querySelectorAll("button")] as any[];
const press = (client: FormClient, text: string) => {
  const b = buttons(client).find((x) => x.textContent === text);
  if (!b) throw new Error(`no page button "${text}": ${buttons(client).map((x) => x.textContent).join(", ")}`);
  return client.submitWith(b);
};

describe("st.pagination", () => {
  const app = () =>
    browse(() => {
      const page = st.pagination(12, { key: "page", onChange: () => (ss.changes = ss.get("changes", 0) + 1) });
      st.text(`page ${page}`);
      st.checkbox("Other");
    });

  test("draws arrows and page buttons that post their page, the current page marked, the first and last always shown", async () => {
    const client = app();
    await client.get("/");
    expectOk(client);
    const bs = buttons(client);
    expect(bs.map((b) => b.textContent)).toEqual(["‹Previous page", "Page 1", "Page 2", "Page 3", "Page 4", "Page 5", "Page 6", "Page 12", "›Next page"]);
    expect(new Set(bs.map((b) => b.getAttribute("name"))).size).toBe(1);
    expect(bs.map((b) => b.getAttribute("type"))).toEqual(Array(9).fill("submit"));
    expect(bs.map((b) => b.getAttribute("value"))).toEqual(["0", "1", "2", "3", "4", "5", "6", "12", "2"]);
    expect(bs[0].hasAttribute("disabled")).toBe(true);
    expect(bs[1].getAttribute("aria-current")).toBe("page");
    expect(nav(client).querySelector("nav").getAttribute("aria-label")).toBe("Pagination, page 1 of 12");
    expect(client.texts()).toEqual(["page 1"]);
  });

  test("a page button selects its page (returned and in session state), fires onChange once; another post keeps it", async () => {
    const client = app();
    await client.get("/");
    await press(client, "Page 12");
    expectOk(client);
    expect(client.texts()).toEqual(["page 12"]);
    expect(client.state()).toEqual({ page: 12, changes: 1 });
    expect(buttons(client).map((b) => b.textContent)).toEqual(["‹Previous page", "Page 1", "Page 7", "Page 8", "Page 9", "Page 10", "Page 11", "Page 12", "›Next page"]);
    expect(buttons(client).at(-1).hasAttribute("disabled")).toBe(true);
    await press(client, "‹Previous page");
    expect(client.texts()).toEqual(["page 11"]);
    await client.change("Other", true);
    expectOk(client);
    expect(client.texts()).toEqual(["page 11"]);
    expect(client.state()).toEqual({ page: 11, changes: 2, });
  });

  test("the app sets the page through its key; a forged page outside the range is refused with a message and the page stays", async () => {
    const client = browse(() => {
      if (!("page" in ss)) ss.page = 3;
      st.text(`page ${st.pagination(5, { key: "page" })}`);
    });
    await client.get("/");
    expect(client.texts()).toEqual(["page 3"]);
    const b = buttons(client)[1];
    b.setAttribute("value", "9");
    await client.submitWith(b);
    expect(client.status).toBe(200);
    expect(client.fieldErrors()).toEqual(['Page "9" is not between 1 and 5; the page stays as it was.']);
    expect(client.texts()).toEqual(["page 3"]);
    expect(client.state()).toEqual({ page: 3 });
  });

  test("with a key, fewer pages keep the page where they can (the last page at most)", async () => {
    let count = 10;
    const client = browse(() => st.text(`page ${st.pagination(count, { key: "page" })}`));
    await client.get("/");
    await press(client, "Page 10");
    count = 4;
    await client.reload();
    expect(client.texts()).toEqual(["page 4"]);
    count = 8;
    await client.reload();
    expect(client.texts()).toEqual(["page 4"]);
  });

  test("maxVisiblePages: null shows every page, 0 the arrows alone; default and disabled", async () => {
    const client = browse(() => {
      st.pagination(9, { maxVisiblePages: null, default: 4 });
      st.pagination(9, { maxVisiblePages: 0, default: 2 });
      st.pagination(3, { disabled: true });
    });
    await client.get("/");
    expectOk(client);
    const texts = (n: number) => [...nav(client, n).querySelectorAll("button")].map((b: any) => b.textContent);
    expect(texts(0)).toEqual(["‹Previous page", ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `Page ${n}`), "›Next page"]);
    expect(nav(client, 0).querySelector("[aria-current]").textContent).toBe("Page 4");
    expect(texts(1)).toEqual(["‹Previous page", "›Next page"]);
    expect(nav(client, 1).querySelector("nav").getAttribute("aria-label")).toBe("Pagination, page 2 of 9");
    expect([...nav(client, 2).querySelectorAll("button")].every((b: any) => b.hasAttribute("disabled"))).toBe(true);
  });

  test("Streamlit's errors for a bad page count, default or target", async () => {
    const client = browse(() => {
      showErrors([() => st.pagination(0), () => st.pagination(5, { default: 6 }), () => st.pagination(5, { maxVisiblePages: -1 }), () => st.pagination(5, { width: 0 })]);
    });
    await client.get("/");
    expect(client.texts()).toEqual([
      "num_pages must be >= 1, got 0",
      "default must be between 1 and 5, got 6",
      "max_visible_pages must be >= 0 or None, got -1",
      "Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or 'content'.",
    ]);
  });
});

test("visiblePages: a run around the current page, with gaps, first and last always", () => {
  expect(visiblePages(1, 5, 7)).toEqual([1, 2, 3, 4, 5]);
  expect(visiblePages(6, 12, 7)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
  expect(visiblePages(2, 12, 7)).toEqual([1, 2, 3, 4, 5, 6, null, 12]);
  expect(visiblePages(5, 9, 1)).toEqual([1, null, 5, null, 9]);
  expect(visiblePages(3, 9, 0)).toEqual([]);
});
