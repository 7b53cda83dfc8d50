/**
 * st.dataEditor over HTTP with a fresh app per request and no JavaScript: the value it returns,
 * Streamlit's editing state in session state, adding and deleting rows, paging, an st.form, and
 * each kind of bad post refused with a message while the last good state stays.
 */
import { describe, expect, test } from "vitest";
import { st, createApp, type Json } from "../../src/index.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";
import { addRow, cell, editorId, editorState, postWith, tick, type } from "./data-editor-support.ts";

const browse = (entrypoint: () => unknown) => new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint }));

const PEOPLE = [
  { name: "Ann", age: 30, member: true, plan: "Basic", joined: "2024-01-05", site: "https://a.example" },
  { name: "Bob", age: 41, member: false, plan: "Pro", joined: "2023-11-20", site: "https://b.example" },
];

let returned: Json = null;
function people(numRows: "fixed" | "dynamic" = "dynamic") {
  return () => {
    returned = st.dataEditor(PEOPLE, {
      key: "people",
      numRows,
      columnConfig: {
        age: st.columnConfig.NumberColumn("Age", { minValue: 0, maxValue: 130 }),
        plan: st.columnConfig.SelectboxColumn("Plan", { options: ["Basic", "Pro"] }),
        joined: st.columnConfig.DateColumn("Joined", { minValue: "2000-01-01" }),
        site: st.columnConfig.LinkColumn("Site", { displayText: "Open" }),
      },
    }) as Json;
  };
}

const EMPTY = { edited_rows: {}, added_rows: [], deleted_rows: [] };

function expectClean(client: FormClient) {
  expect(client.status).toBe(200);
  expect(client.exceptions()).toEqual([]);
  expect(client.fieldErrors()).toEqual([]);
}

describe("st.dataEditor", () => {
  test("draws a table of labelled controls per column type, a read-only link, and returns the data unchanged at first", async () => {
    const c = browse(people("fixed"));
    await c.get("/");
    expectClean(c);
    expect(returned).toEqual(PEOPLE);
    expect(editorState(c)).toEqual(EMPTY);
    expect(c.state().people).toEqual(EMPTY);
    expect(cell(c, "name, row 0").getAttribute("value")).toBe("Ann");
    expect(cell(c, "Age, row 1").getAttribute("type")).toBe("number");
    expect(cell(c, "Age, row 1").getAttribute("max")).toBe("130");
    expect(cell(c, "member, row 0").hasAttribute("checked")).toBe(true);
    expect(cell(c, "Plan, row 1").querySelector("option[selected]").textContent).toBe("Pro");
    expect(cell(c, "Joined, row 0").getAttribute("type")).toBe("date");
    const link = c.doc.querySelector("[data-kind=data_editor] a");
    expect([link.textContent, link.getAttribute("href")]).toEqual(["Open", "https://a.example"]);
    // fixed: no way to add or delete rows; the index column is shown
    expect(c.doc.querySelector("[data-kind=data_editor] button[name$='/add']")).toBeNull();
    expect(c.doc.querySelector("[aria-label='Delete row 0']")).toBeNull();
    expect([...c.doc.querySelectorAll("[data-kind=data_editor] tbody th")].map((th: any) => th.textContent)).toEqual(["0", "1"]);
  });

  test("edits of each type are returned and kept in session state as edited_rows", async () => {
    const c = browse(people("fixed"));
    await c.get("/");
    type(c, "name, row 0", "Anna");
    type(c, "Age, row 1", "42");
    tick(c, "member, row 0", false);
    type(c, "Plan, row 0", "Pro");
    type(c, "Joined, row 1", "2024-02-29");
    await c.apply();
    expectClean(c);
    const state = { edited_rows: { "0": { name: "Anna", member: false, plan: "Pro" }, "1": { age: 42, joined: "2024-02-29" } }, added_rows: [], deleted_rows: [] };
    expect(c.state().people).toEqual(state);
    expect(editorState(c)).toEqual(state);
    expect(returned).toEqual([
      { ...PEOPLE[0], name: "Anna", member: false, plan: "Pro" },
      { ...PEOPLE[1], age: 42, joined: "2024-02-29" },
    ]);
    // the page shows the edited values, and an untouched post changes nothing
    expect(cell(c, "name, row 0").getAttribute("value")).toBe("Anna");
    await c.apply();
    expect(c.state().people).toEqual(state);
  });

  test("dynamic: Add row appends an empty row to edit; a ticked Delete box removes a row", async () => {
    const c = browse(people());
    await c.get("/");
    // the index is hidden by default with dynamic rows, as in Streamlit
    expect(c.doc.querySelector("[data-kind=data_editor] tbody th")).toBeNull();
    await addRow(c);
    expectClean(c);
    expect(c.state().people).toEqual({ ...EMPTY, added_rows: [{}] });
    type(c, "name, row new 1", "Cy");
    type(c, "Age, row new 1", "7");
    tick(c, "Delete row 0");
    await c.apply();
    expectClean(c);
    expect(c.state().people).toEqual({ edited_rows: {}, added_rows: [{ name: "Cy", age: 7 }], deleted_rows: [0] });
    expect(returned).toEqual([PEOPLE[1], { name: "Cy", age: 7, member: null, plan: null, joined: null, site: null }]);
    // deleting an added row takes it out of added_rows
    tick(c, "Delete row new 1");
    await c.apply();
    expect(c.state().people).toEqual({ edited_rows: {}, added_rows: [], deleted_rows: [0] });
  });

  test("a deleted row's edits leave edited_rows with it", async () => {
    const c = browse(people());
    await c.get("/");
    type(c, "name, row 0", "Anna");
    type(c, "name, row 1", "Bo");
    await c.apply();
    expect((c.state().people as Record<string, unknown>).edited_rows).toEqual({ "0": { name: "Anna" }, "1": { name: "Bo" } });
    tick(c, "Delete row 0");
    await c.apply();
    expectClean(c);
    expect(c.state().people).toEqual({ edited_rows: { "1": { name: "Bo" } }, added_rows: [], deleted_rows: [0] });
    expect(returned).toEqual([{ ...PEOPLE[1], name: "Bo" }]);
  });

  test("an added row lacking a required value stays on the page to finish but is left out of the returned data", async () => {
    let out: unknown;
    const c = browse(() => {
      out = st.dataEditor([{ item: "pen", qty: 1 }], { numRows: "dynamic", columnConfig: { item: st.columnConfig.TextColumn("Item", { required: true }) } });
    });
    await c.get("/");
    await addRow(c);
    type(c, "qty, row new 1", "3");
    await c.apply();
    expectClean(c);
    expect(out).toEqual([{ item: "pen", qty: 1 }]);
    expect(cell(c, "qty, row new 1").getAttribute("value")).toBe("3");
    type(c, "Item, row new 1", "ink");
    await c.apply();
    expectClean(c);
    expect(out).toEqual([{ item: "pen", qty: 1 }, { item: "ink", qty: 3 }]);
  });

  test("data given as columns comes back as columns; a column's default fills an added row", async () => {
    let out: unknown;
    const c = browse(() => {
      out = st.dataEditor({ item: ["pen", "ink"], qty: [1, 2] }, { numRows: "dynamic", columnConfig: { qty: st.columnConfig.NumberColumn("Qty", { default: 1 }) } });
    });
    await c.get("/");
    await addRow(c);
    type(c, "Qty, row 1", "5");
    await c.apply();
    expectClean(c);
    expect(out).toEqual({ item: ["pen", "ink", null], qty: [1, 5, 1] });
  });

  test("pages through long data; edits on two pages are both kept", async () => {
    const rows = Array.from({ length: 45 }, (_, i) => ({ n: i, label: `row ${i}` }));
    let out: any;
    const c = browse(() => {
      out = st.dataEditor(rows, { key: "long" });
    });
    await c.get("/");
    expect(c.doc.querySelectorAll("[data-kind=data_editor] tbody tr").length).toBe(20);
    type(c, "label, row 3", "three");
    await c.submitWith(c.doc.querySelector("[data-kind=data_editor] .fl-pager button[aria-label='Page 3 of 3']"));
    expectClean(c);
    expect(c.doc.querySelectorAll("[data-kind=data_editor] tbody tr").length).toBe(5);
    type(c, "label, row 44", "last");
    await c.apply();
    expect(c.state().long).toEqual({ edited_rows: { "3": { label: "three" }, "44": { label: "last" } }, added_rows: [], deleted_rows: [] });
    expect([out[3].label, out[44].label]).toEqual(["three", "last"]);
  });

  test("onChange runs once for an edit, not for an untouched post", async () => {
    let calls = 0;
    const c = browse(() => {
      st.dataEditor(PEOPLE, { key: "p", onChange: () => calls++ });
    });
    await c.get("/");
    type(c, "name, row 1", "Bo");
    await c.apply();
    expect(calls).toBe(1);
    await c.apply();
    expect(calls).toBe(1);
  });

  test("inside an st.form edits are staged until the form is submitted", async () => {
    const c = browse(() => {
      st.form("f").with(() => {
        st.dataEditor(PEOPLE, { key: "p" });
        st.formSubmitButton("Save");
      });
    });
    await c.get("/");
    type(c, "name, row 0", "Anna");
    await c.apply();
    expect(c.state().p).toEqual(EMPTY);
    expect(cell(c, "name, row 0").getAttribute("value")).toBe("Anna");
    expect(c.doc.querySelector("[data-kind=data_editor] .fl-pending")).not.toBeNull();
    await c.click("Save");
    expect(c.state().p).toEqual({ ...EMPTY, edited_rows: { "0": { name: "Anna" } } });
  });
});

test("column labels, help, widths and number formats (read-only cells); hidden and reordered columns", async () => {
  const c = browse(() => {
    st.dataEditor([{ item: "pen", price: 3.5, code: "x1" }], {
      disabled: ["price"],
      columnOrder: ["price", "item", "code"],
      columnConfig: {
        price: st.columnConfig.NumberColumn("Price", { format: "$%.2f", help: "In dollars", width: "small" }),
        item: "Item",
        code: null,
        _index: "#",
      },
    });
  });
  await c.get("/");
  expectClean(c);
  const heads = [...c.doc.querySelectorAll("[data-kind=data_editor] thead th")].map((th: any) => th.textContent);
  expect(heads).toEqual(["#", "Price (In dollars)", "Item"]);
  const price = c.doc.querySelectorAll("[data-kind=data_editor] thead th")[1];
  expect([price.getAttribute("title"), price.getAttribute("class")]).toEqual(["In dollars", "fl-num fl-col-small"]);
  expect(c.doc.querySelector("[data-kind=data_editor] tbody td").textContent).toBe("$3.50");
  expect(cell(c, "Item, row 0").getAttribute("value")).toBe("pen");
});

test("a forged post cannot edit a column the author hid or left out of columnOrder (a cell or an editing state)", async () => {
  const PRODUCTS = [{ sku: "A1", name: "Pen", price: 3 }];
  for (const hiding of [{ columnConfig: { price: null } }, { columnOrder: ["name", "sku"] }]) {
    const c = browse(() => st.dataEditor(PRODUCTS, { key: "products", ...hiding }));
    await c.get("/");
    expectClean(c);
    // the price column is the third of the data: its cell would be <id>/0/2
    await postWith(c, [[`${editorId(c)}/0/2`, "0"]]);
    expect(c.fieldErrors()).toEqual(['"price" cannot be edited.']);
    c.doc.querySelector(`[data-kind=data_editor] input[name="${editorId(c)}"]`).setAttribute("value", JSON.stringify({ ...EMPTY, edited_rows: { "0": { price: 0 } } }));
    await c.apply();
    expect(c.fieldErrors()).toEqual([expect.stringMatching(/"price" is not a column that can be edited/)]);
    expect(c.state().products).toEqual(EMPTY);
  }
  // a drawn column still takes a post the same way
  const c = browse(() => st.dataEditor(PRODUCTS, { key: "products", columnOrder: ["name", "sku"] }));
  await c.get("/");
  await postWith(c, [[`${editorId(c)}/0/0`, "B2"]]);
  expect(c.state().products).toEqual({ ...EMPTY, edited_rows: { "0": { sku: "B2" } } });
});

describe("st.dataEditor refuses a bad post with a message and keeps the last good state", () => {
  /** A page with one good edit applied: the state every bad post must leave alone. */
  async function edited(numRows: "fixed" | "dynamic" = "dynamic") {
    const c = browse(people(numRows));
    await c.get("/");
    type(c, "name, row 0", "Anna");
    await c.apply();
    expectClean(c);
    return c;
  }
  const GOOD = { edited_rows: { "0": { name: "Anna" } }, added_rows: [], deleted_rows: [] };

  async function expectRefused(c: FormClient, message: RegExp) {
    expect(c.status).toBe(200);
    expect(c.exceptions()).toEqual([]);
    expect(c.fieldErrors()).toEqual([expect.stringMatching(message)]);
    expect(c.state().people).toEqual(GOOD);
    expect(editorState(c)).toEqual(GOOD);
    // the page still shows the good edit, and the next good post works
    expect(cell(c, "name, row 0").getAttribute("value")).toBe("Anna");
    type(c, "name, row 1", "Bobby");
    await c.apply();
    expect(c.fieldErrors()).toEqual([]);
    expect(c.state().people).toEqual({ ...GOOD, edited_rows: { ...GOOD.edited_rows, "1": { name: "Bobby" } } });
  }

  test("a value that is not a number in a number column", async () => {
    const c = await edited();
    type(c, "Age, row 0", "thirty");
    await c.apply();
    await expectRefused(c, /"Age" takes a number, not "thirty"/);
  });

  test("a whole-number column given a fraction", async () => {
    const c = await edited();
    type(c, "Age, row 0", "30.5");
    await c.apply();
    await expectRefused(c, /"Age" takes a whole number/);
  });

  test("a number above the column's maximum", async () => {
    const c = await edited();
    type(c, "Age, row 1", "200");
    await c.apply();
    await expectRefused(c, /"Age": 200 is more than the maximum, 130/);
  });

  test("a date that is not a date, and one before the minimum", async () => {
    const c = await edited();
    type(c, "Joined, row 0", "2024-02-30");
    await c.apply();
    await expectRefused(c, /"Joined" takes a date/);
    type(c, "Joined, row 0", "1999-12-31");
    await c.apply();
    expect(c.fieldErrors()).toEqual([expect.stringMatching(/before the earliest date, 2000-01-01/)]);
  });

  test("an option that is not one of the drop-down's", async () => {
    const c = await edited();
    await postWith(c, [[`${editorId(c)}/0/3`, "7"]]);
    await expectRefused(c, /"Plan": "7" is not one of the options/);
  });

  test("a cell of a row index out of range", async () => {
    const c = await edited();
    await postWith(c, [[`${editorId(c)}/99/0`, "ghost"]]);
    await expectRefused(c, /Row 99 is not in this table/);
  });

  test("a forged deleted row (out of range), and any deletion in a fixed table", async () => {
    const c = await edited();
    await postWith(c, [[`${editorId(c)}/del/99`, "1"]]);
    await expectRefused(c, /Row 99 cannot be deleted: no such row/);
    const fixed = await edited("fixed");
    await postWith(fixed, [[`${editorId(fixed)}/del/1`, "1"]]);
    await expectRefused(fixed, /Rows cannot be deleted from this table/);
  });

  test("a forged editing state (a deleted row out of range, a read-only column, garbage)", async () => {
    const c = await edited();
    const forge = (state: string) => {
      c.doc.querySelector(`[data-kind=data_editor] input[name="${editorId(c)}"]`).setAttribute("value", state);
      return c.apply();
    };
    await forge(JSON.stringify({ ...GOOD, deleted_rows: [5] }));
    await expectRefused(c, /Row 5 cannot be deleted: no such row/);
    await forge(JSON.stringify({ ...GOOD, edited_rows: { "1": { site: "https://evil.example" } } }));
    expect(c.fieldErrors()).toEqual([expect.stringMatching(/"site" is not a column that can be edited/)]);
    await forge("{not json");
    expect(c.fieldErrors()).toEqual(["The table's edits could not be read."]);
    expect(c.state().people).toEqual({ ...GOOD, edited_rows: { ...GOOD.edited_rows, "1": { name: "Bobby" } } });
  });

  test("a number cell of 50,000 digits and an x is refused at once (no parser works on it for long)", async () => {
    const c = await edited();
    const started = performance.now();
    type(c, "Age, row 0", "1".repeat(50_000) + "x");
    await c.apply();
    expect(performance.now() - started).toBeLessThan(1_000);
    await expectRefused(c, /"Age" takes a number/);
  });

  test("a number cell over 64 characters and a text cell over 20,000 are refused, as the widgets refuse them", async () => {
    const c = await edited();
    type(c, "Age, row 0", "0".repeat(68) + "30");
    await c.apply();
    await expectRefused(c, /"Age" takes a number/);
    type(c, "name, row 0", "a".repeat(25_000));
    await c.apply();
    expect(c.fieldErrors()).toEqual([expect.stringMatching(/"name": at most 20000 characters/)]);
  });

  test("a column's validate pattern runs on bounded text only: a long cell is refused before the pattern sees it", async () => {
    // an author's pattern that backtracks badly on long text without a match
    const c = browse(() => st.dataEditor([{ code: "ab" }], { key: "codes", columnConfig: { code: st.columnConfig.TextColumn("Code", { validate: "(a+)+b" }) } }));
    await c.get("/");
    const started = performance.now();
    type(c, "Code, row 0", "a".repeat(30_000));
    await c.apply();
    expect(c.fieldErrors()).toEqual([expect.stringMatching(/at most 20000 characters/)]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test("a page that does not exist", async () => {
    const c = await edited();
    const pageField = c.doc.querySelectorAll("[data-kind=data_editor] input[type=hidden]")[1].getAttribute("name");
    await postWith(c, [[pageField, "0"]]);
    await expectRefused(c, /That page of the table does not exist/);
  });
});

describe("st.dataEditor's errors are Streamlit's", () => {
  const errorOf = async (entrypoint: () => unknown) => {
    const c = browse(entrypoint);
    await c.get("/");
    return c.exceptions()[0];
  };

  test("its value cannot be set through session state", async () => {
    const c = browse(() => {
      if (st.button("Set")) st.sessionState.p = EMPTY;
      st.dataEditor(PEOPLE, { key: "p" });
    });
    await c.get("/");
    await c.click("Set");
    expect(c.exceptions()[0]).toEqual({
      type: "StreamlitValueAssignmentNotAllowedError",
      message: "Values for the widget with `key` 'p' cannot be set using `st.session_state`.",
    });
  });

  test("unsupported data, the reserved _index column, a bad column config, an incompatible column type", async () => {
    expect((await errorOf(() => st.dataEditor(5 as any)))?.message).toBe(
      "The data type (int) or format is not supported by the data editor. Please convert your data into a Pandas Dataframe or another supported data format.",
    );
    expect((await errorOf(() => st.dataEditor([{ _index: 1 }])))?.message).toBe(
      "The column name '_index' is reserved for the index column and can't be used for data columns. Please rename the column in the provided data.",
    );
    expect((await errorOf(() => st.dataEditor(PEOPLE, { columnConfig: { age: 5 as any } })))?.message).toBe(
      "Invalid column config for column `age`. Expected `None`, `str` or `dict`, but got `<class 'int'>`.",
    );
    expect((await errorOf(() => st.dataEditor(PEOPLE, { columnConfig: { name: st.columnConfig.NumberColumn() } })))?.message).toBe(
      "The configured column type `number` for column `name` is not compatible for editing the underlying data type `string`.\n\n" +
        "You have following options to fix this: 1) choose a compatible type 2) disable the column 3) convert the column into a compatible data type.",
    );
    // a disabled column is not checked, as in Streamlit
    expect(await errorOf(() => st.dataEditor(PEOPLE, { disabled: ["name"], columnConfig: { name: st.columnConfig.NumberColumn() } }))).toBeUndefined();
  });

  test("onChange is not allowed inside an st.form (only its submit button may have a callback)", async () => {
    const err = await errorOf(() =>
      st.form("f").with(() => {
        st.dataEditor(PEOPLE, { onChange: () => {} });
        st.formSubmitButton();
      }),
    );
    expect(err?.type).toBe("StreamlitInvalidFormCallbackError");
  });

  test("a date column over text that is not ISO dates is refused as incompatible", async () => {
    const err = await errorOf(() => st.dataEditor([{ when: "next week" }], { columnConfig: { when: st.columnConfig.DateColumn() } }));
    expect(err?.message).toMatch(/^The configured column type `date` for column `when` is not compatible for editing the underlying data type `string`/);
  });

  test("identity: two identical unkeyed editors clash; a key or other data tells them apart", async () => {
    expect((await errorOf(() => [st.dataEditor(PEOPLE), st.dataEditor(PEOPLE)]))?.type).toBe("StreamlitDuplicateElementId");
    expect(await errorOf(() => [st.dataEditor(PEOPLE), st.dataEditor(PEOPLE, { key: "b" })])).toBeUndefined();
    expect(await errorOf(() => [st.dataEditor(PEOPLE), st.dataEditor(PEOPLE.slice(1))])).toBeUndefined();
    expect((await errorOf(() => [st.dataEditor(PEOPLE, { key: "k" }), st.dataEditor(PEOPLE, { key: "k" })]))?.type).toBe("StreamlitDuplicateElementKey");
  });

  test("a disabled editor (or column) draws text, not controls, and is on containers too", async () => {
    const c = browse(() => {
      const [left] = st.columns(2);
      left!.dataEditor(PEOPLE, { disabled: true });
      st.sidebar.dataEditor(PEOPLE, { disabled: ["name"], hideIndex: true });
    });
    await c.get("/");
    expectClean(c);
    const main = c.doc.querySelector(".fl-main [data-kind=data_editor]");
    const side = c.doc.querySelector(".fl-sidebar [data-kind=data_editor]");
    expect(main.querySelectorAll("tbody input:not([type=hidden]), tbody select").length).toBe(0);
    expect(main.querySelector("tbody td").textContent).toBe("Ann");
    expect(side.querySelector("[aria-label='name, row 0']")).toBeNull();
    expect(side.querySelector("[aria-label='Age, row 0'], [aria-label='age, row 0']")).not.toBeNull();
  });
});
