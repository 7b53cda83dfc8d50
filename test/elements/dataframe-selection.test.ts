/**
 * st.dataframe's selections over HTTP with a browser that has no JavaScript: the controls in the
 * HTML, ticking them and pressing Apply (or Clear selection), Streamlit's selection state in the
 * return value and in session state under the key, callbacks, forms, identity and bad input.
 */
import { describe, expect, test } from "vitest";
import { st, type DataframeState } from "../../src/index.ts";
import type { FormClient } from "../support/client.ts";
import { browse, expectOk } from "../support/browse.ts";

const ss = st.sessionState;
const data = { name: ["Ana", "Ben", "Cy", "Dee", "Eve"], hours: [2, 3.5, 1, 8, 5] };

/** The control with this accessible name. */
function control(client: FormClient, label: string): any {
  const el = client.doc.querySelector(`.fl-dataframe input[aria-label="${label}"]`);
  if (!el) throw new Error(`no control "${label}"`);
  return el;
}

/** Ticks (or unticks) a checkbox, or chooses a radio button, as a click would. */
function tick(client: FormClient, label: string, on = true) {
  const el = control(client, label);
  if (el.getAttribute("type") === "radio") {
    for (const other of client.doc.querySelectorAll(`input[name="${el.getAttribute("name")}"]`)) other.removeAttribute("checked");
  }
  if (on) el.setAttribute("checked", "");
  else el.removeAttribute("checked");
}

const isTicked = (client: FormClient, label: string) => control(client, label).hasAttribute("checked");
const clear = (client: FormClient) => client.submitWith(client.doc.querySelector(".fl-dataframe button.fl-pick-clear"));
const sel = (rows: number[], columns: string[] = [], cells: [number, string][] = []): DataframeState => ({ selection: { rows, columns, cells } });

describe("row selections", () => {
  test("multi-row: a checkbox per row; ticked rows and Apply return Streamlit's selection state, also under the key", async () => {
    let returned: unknown;
    const client = browse(() => {
      returned = st.dataframe(data, { onSelect: "rerun", key: "pick" });
    });
    await client.get("/");
    expectOk(client);
    expect(returned).toEqual(sel([]));
    const boxes = [...client.doc.querySelectorAll(".fl-dataframe tbody input")].map((b: any) => [b.getAttribute("type"), b.getAttribute("aria-label")]);
    expect(boxes).toEqual([0, 1, 2, 3, 4].map((r) => ["checkbox", `Select row ${r}`]));
    // each cell of a row is a label of that row's box: a click on the row ticks it
    const box = control(client, "Select row 1");
    const labels = [...client.doc.querySelectorAll(`label[for="${box.getAttribute("id")}"]`)].map((l: any) => l.textContent);
    expect(labels).toEqual(["Ben", "3.5"]);
    tick(client, "Select row 1");
    tick(client, "Select row 3");
    await client.apply();
    expectOk(client);
    expect(returned).toEqual(sel([1, 3]));
    expect(client.state().pick).toEqual(sel([1, 3]));
    expect(isTicked(client, "Select row 1") && isTicked(client, "Select row 3") && !isTicked(client, "Select row 0")).toBe(true);
    tick(client, "Select row 1", false);
    await client.apply();
    expect(returned).toEqual(sel([3]));
    await clear(client);
    expect(returned).toEqual(sel([]));
  });

  test("a row ticked on one page stays selected while another page is shown and ticked; rows are data positions whatever the sort", async () => {
    let returned: unknown;
    const client = browse(() => {
      returned = st.dataframe(data, { onSelect: "rerun", key: "pick", pageSize: 2 });
    });
    await client.get("/");
    tick(client, "Select row 1");
    await client.submitWith(client.doc.querySelector('.fl-pager button[aria-label="Page 3 of 3"]'));
    expect(returned).toEqual(sel([1]));
    tick(client, "Select row 4");
    await client.apply();
    expect(returned).toEqual(sel([1, 4]));
    // sort by hours descending: Dee (row 3) comes first and keeps its own number
    const sortButton = () => [...client.doc.querySelectorAll(".fl-sort")].find((b: any) => b.textContent.startsWith("hours"));
    await client.submitWith(sortButton());
    await client.submitWith(sortButton());
    expect([...client.doc.querySelectorAll(".fl-dataframe tbody tr .fl-pick-row")].map((b: any) => b.getAttribute("aria-label"))).toEqual(["Select row 3", "Select row 4"]);
    expect(isTicked(client, "Select row 4")).toBe(true);
    tick(client, "Select row 3");
    await client.apply();
    expect(returned).toEqual(sel([1, 3, 4]));
  });

  test("single-row: radio buttons, a new choice replaces the old one, Clear selection empties it", async () => {
    let returned: unknown;
    const client = browse(() => {
      returned = st.dataframe(data, { onSelect: "rerun", selectionMode: "single-row" });
    });
    await client.get("/");
    expect(control(client, "Select row 0").getAttribute("type")).toBe("radio");
    tick(client, "Select row 2");
    await client.apply();
    expect(returned).toEqual(sel([2]));
    tick(client, "Select row 4");
    await client.apply();
    expect(returned).toEqual(sel([4]));
    await clear(client);
    expectOk(client);
    expect(returned).toEqual(sel([]));
  });

  test("single-row-required: the first row is selected at first, always exactly one, and there is no Clear selection", async () => {
    let returned: unknown;
    const client = browse(() => {
      returned = st.dataframe(data, { onSelect: "rerun", selectionMode: "single-row-required", key: "one" });
    });
    await client.get("/");
    expect(returned).toEqual(sel([0]));
    expect(isTicked(client, "Select row 0")).toBe(true);
    expect(client.doc.querySelector(".fl-pick-clear")).toBeNull();
    tick(client, "Select row 3");
    await client.apply();
    expect(returned).toEqual(sel([3]));
    expect(client.state().one).toEqual(sel([3]));
  });

  test("single-row-required with no rows selects nothing and is no error", async () => {
    let returned: unknown;
    const client = browse(() => {
      returned = st.dataframe({ name: [] as string[] }, { onSelect: "rerun", selectionMode: "single-row-required" });
    });
    await client.get("/");
    expectOk(client);
    expect(returned).toEqual(sel([]));
  });
});

describe("column and cell selections", () => {
  test("multi-column: a checkbox in each header (no sort buttons, as in Streamlit); names come back in column order", async () => {
    let returned: unknown;
    const client = browse(() => {
      returned = st.dataframe(data, { onSelect: "rerun", selectionMode: "multi-column" });
    });
    await client.get("/");
    expect(client.doc.querySelector(".fl-sort")).toBeNull();
    expect(client.doc.querySelector(".fl-dataframe tbody input")).toBeNull();
    tick(client, "Select column hours");
    tick(client, "Select column name");
    await client.apply();
    expect(returned).toEqual(sel([], ["name", "hours"]));
  });

  test("single-cell and multi-cell: each cell's text labels its own control", async () => {
    let single: unknown;
    let multi: unknown;
    const client = browse(() => {
      single = st.dataframe(data, { onSelect: "rerun", selectionMode: "single-cell" });
      multi = st.dataframe(data, { onSelect: "rerun", selectionMode: ["multi-cell"], key: "m" });
    });
    await client.get("/");
    const cell = client.doc.querySelectorAll(".fl-dataframe")[0].querySelector('input[aria-label="Select cell hours, row 1"]');
    expect(cell.getAttribute("type")).toBe("radio");
    expect(cell.closest("label").textContent).toBe("3.5");
    cell.setAttribute("checked", "");
    const boxes = client.doc.querySelectorAll(".fl-dataframe")[1].querySelectorAll("input[type=checkbox]");
    boxes[0].setAttribute("checked", ""); // name, row 0
    boxes[3].setAttribute("checked", ""); // hours, row 1
    await client.apply();
    expectOk(client);
    expect(single).toEqual(sel([], [], [[1, "hours"]]));
    expect(multi).toEqual(sel([], [], [[0, "name"], [1, "hours"]]));
  });

  test("rows, columns and cells together", async () => {
    let returned: unknown;
    const client = browse(() => {
      returned = st.dataframe(data, { onSelect: "rerun", selectionMode: ["multi-row", "single-column", "multi-cell"] });
    });
    await client.get("/");
    tick(client, "Select row 4");
    tick(client, "Select column name");
    tick(client, "Select cell hours, row 2");
    await client.apply();
    expect(returned).toEqual(sel([4], ["name"], [[2, "hours"]]));
  });
});

describe("as a widget", () => {
  test("a callback runs once when the selection changes, not when another widget changes", async () => {
    let calls = 0;
    const client = browse(() => {
      st.dataframe(data, { onSelect: () => calls++, key: "pick" });
      st.textInput("Other", { key: "other" });
    });
    await client.get("/");
    tick(client, "Select row 2");
    await client.apply();
    expect(calls).toBe(1);
    client.set("Other", "x");
    await client.apply();
    expect(calls).toBe(1);
    expect(client.state().pick).toEqual(sel([2]));
  });

  test("the app may set the selection through session state; what names no row, column or mode is dropped", async () => {
    let returned: unknown;
    const client = browse(() => {
      if (!("started" in ss)) {
        ss.started = true;
        ss.pick = { selection: { rows: [4, 1, 99, -1, 1], columns: ["name"], cells: [] } };
      }
      returned = st.dataframe(data, { onSelect: "rerun", key: "pick" });
    });
    await client.get("/");
    expectOk(client);
    expect(returned).toEqual(sel([1, 4]));
    expect(isTicked(client, "Select row 4")).toBe(true);
  });

  test("nonsense set through session state shows no selection, not an error", async () => {
    let returned: unknown;
    const client = browse(() => {
      ss.pick = "nonsense";
      returned = st.dataframe(data, { onSelect: "rerun", key: "pick" });
    });
    await client.get("/");
    expectOk(client);
    expect(returned).toEqual(sel([]));
  });

  test("selectionDefault is the selection before the user chooses", async () => {
    let returned: unknown;
    const client = browse(() => {
      returned = st.dataframe(data, { onSelect: "rerun", selectionDefault: { selection: { rows: [2] } } });
    });
    await client.get("/");
    expect(returned).toEqual(sel([2]));
  });

  test("a forged control naming a row the page did not draw is refused with a message; the selection stays", async () => {
    let returned: unknown;
    const client = browse(() => {
      returned = st.dataframe(data, { onSelect: "rerun", key: "pick", pageSize: 2 });
    });
    await client.get("/");
    tick(client, "Select row 0");
    await client.apply();
    const name = control(client, "Select row 0").getAttribute("name").replace(/r0$/, "r4");
    const body = client.formData(null);
    body.append(name, "1");
    await client.request("POST", client.path(), body);
    expect(client.status).toBe(200);
    expect(client.fieldErrors()).toEqual(["The table's selection names a row or column this table does not show."]);
    expect(returned).toEqual(sel([0]));
  });

  test("with a key, new data keeps the selection (rows that are gone are dropped); a new selection mode starts afresh", async () => {
    let returned: unknown;
    const client = browse(() => {
      const fewer = st.checkbox("Fewer rows");
      const single = st.checkbox("One at a time");
      const rows = fewer ? { name: data.name.slice(0, 3) } : data;
      returned = st.dataframe(rows, { onSelect: "rerun", key: "pick", selectionMode: single ? "single-row" : "multi-row" });
    });
    await client.get("/");
    tick(client, "Select row 1");
    tick(client, "Select row 3");
    await client.apply();
    expect(returned).toEqual(sel([1, 3]));
    await client.change("Fewer rows", true);
    expectOk(client);
    expect(returned).toEqual(sel([1]));
    await client.change("One at a time", true);
    expect(returned).toEqual(sel([]));
  });

  test("without onSelect a dataframe is not a selection: no controls, nothing returned", async () => {
    let returned: unknown = "not called";
    const client = browse(() => {
      returned = st.dataframe(data, { key: "v" });
    });
    await client.get("/");
    expect(returned).toBeUndefined();
    expect(client.doc.querySelector(".fl-pick")).toBeNull();
    expect(client.state().v).toBe("::1");
  });

  test("inside st.form a selection is staged until the form is submitted", async () => {
    let returned: unknown;
    const client = browse(() => {
      const f = st.form("f");
      returned = f.dataframe(data, { onSelect: "rerun", key: "pick" });
      f.formSubmitButton("Go");
    });
    await client.get("/");
    tick(client, "Select row 2");
    await client.apply();
    expect(returned).toEqual(sel([]));
    expect(isTicked(client, "Select row 2")).toBe(true);
    await client.click("Go");
    expect(returned).toEqual(sel([2]));
  });
});

describe("bad arguments", () => {
  const errorOf = async (run: () => unknown) => {
    const client = browse(run);
    await client.get("/");
    expect(client.status).toBe(200);
    return client.exceptions()[0]?.message;
  };

  test("an unknown selection mode, and two row (column, cell) modes at once, get Streamlit's messages", async () => {
    expect(await errorOf(() => st.dataframe(data, { onSelect: "rerun", selectionMode: "rows" as never }))).toBe(
      "Invalid selection mode: rows. Valid options are: {'single-row', 'multi-row', 'single-row-required', 'single-column', 'multi-column', 'single-cell', 'multi-cell'}",
    );
    expect(await errorOf(() => st.dataframe(data, { onSelect: "rerun", selectionMode: ["single-row", "multi-row"] }))).toBe(
      "Only one of `single-row` or `multi-row` can be selected as selection mode.",
    );
    expect(await errorOf(() => st.dataframe(data, { onSelect: "rerun", selectionMode: ["single-column", "multi-column"] }))).toBe(
      "Only one of `single-column` or `multi-column` can be selected as selection mode.",
    );
    expect(await errorOf(() => st.dataframe(data, { onSelect: "rerun", selectionMode: ["multi-cell", "single-cell"] }))).toBe(
      "Only one of `single-cell` or `multi-cell` can be selected as selection mode.",
    );
    expect(await errorOf(() => st.dataframe(data, { onSelect: "rerun", selectionMode: ["single-row-required", "multi-row"] }))).toBe(
      "Only one of `single-row`, `multi-row` or `single-row-required` can be selected as selection mode.",
    );
  });

  test("an onSelect that is not 'ignore', 'rerun' or a function gets Streamlit's message", async () => {
    expect(await errorOf(() => st.dataframe(data, { onSelect: "yes" as never }))).toBe(
      "You have passed yes to `on_select`. But only 'ignore', 'rerun', or a callable is supported.",
    );
  });
});
