/**
 * st.table and st.dataframe over HTTP, with a browser that has no JavaScript: the HTML (structure,
 * escaping, accessibility), and the dataframe's sorting and paging done by its submit buttons.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { FormClient } from "../support/client.ts";
import { browse, expectOk } from "../support/browse.ts";

const ss = st.sessionState;
/** The text of each body row's cells (index cell included when shown). */
function rows(client: FormClient, nth = 0): string[][] {
  const table = client.doc.querySelectorAll("table")[nth];
  return [...table.querySelectorAll("tbody tr")].map((tr: any) => [...tr.children].map((c: any) => c.textContent));
}

/** A header cell's column name: its text without the sort arrow. */
function headName(th: any): string {
  const arrow = th.querySelector(".fl-sort-arrow")?.textContent ?? "";
  return th.textContent.slice(0, th.textContent.length - arrow.length);
}

function column(client: FormClient, name: string, nth = 0): string[] {
  const table = client.doc.querySelectorAll("table")[nth];
  const heads = [...table.querySelectorAll("thead th")].map(headName);
  const i = heads.indexOf(name);
  if (i < 0) throw new Error(`no column ${name} in ${heads.join(", ")}`);
  return rows(client, nth).map((r) => r[i]!);
}

function header(client: FormClient, name: string, nth = 0): any {
  const frame = client.doc.querySelectorAll(".fl-dataframe")[nth];
  const th = [...frame.querySelectorAll("thead th")].find((t: any) => t.querySelector("button") && headName(t) === name);
  if (!th) throw new Error(`no sortable header ${name}`);
  return th;
}

const sortBy = (client: FormClient, name: string, nth = 0) => client.submitWith(header(client, name, nth).querySelector("button"));

/** The pager button whose accessible name (aria-label, else text) is `name`. */
function pageButton(client: FormClient, name: string, nth = 0): any {
  const frame = client.doc.querySelectorAll(".fl-dataframe")[nth];
  const found = [...frame.querySelectorAll(".fl-pager button")].find(
    (b: any) => (b.getAttribute("aria-label") ?? b.textContent.replace(/[‹›]/g, "").trim()) === name,
  );
  if (!found) throw new Error(`no page button "${name}"`);
  return found;
}

const view = (client: FormClient, nth = 0) => JSON.parse(client.doc.querySelectorAll(".fl-dataframe")[nth].getAttribute("data-value"));
const fieldName = (client: FormClient, nth = 0) => client.doc.querySelectorAll(".fl-dataframe")[nth].querySelector("input[type=hidden]").getAttribute("name");

/** Posts the page's form with `value` appended for the dataframe's field, as a forged button would. */
async function postView(client: FormClient, value: string, nth = 0) {
  const data = client.formData(null);
  data.append(fieldName(client, nth), value);
  return client.request("POST", client.path(), data);
}

describe("st.table", () => {
  test("a static table: column headers, an index column of row headers, escaped cells, numbers right-aligned, null empty", async () => {
    let returned: unknown = "not called";
    const client = browse(() => {
      returned = st.table([
        { name: "<b>Ann</b>", age: 31, note: null },
        { name: "Bob & co", age: 4.5, "<col>": "x" },
      ]);
    });
    await client.get("/");
    expectOk(client);
    expect(returned).toBeUndefined();
    const table = client.doc.querySelector("[data-kind=table] table");
    expect(table.querySelector("caption")).toBeNull();
    const heads = [...table.querySelectorAll("thead th")];
    expect(heads.map((h: any) => h.getAttribute("scope"))).toEqual(["col", "col", "col", "col", "col"]);
    expect(heads.map((h: any) => h.textContent)).toEqual(["Index", "name", "age", "note", "<col>"]);
    expect(heads[0].querySelector(".fl-sr-only")).not.toBeNull();
    expect(rows(client)).toEqual([
      ["0", "<b>Ann</b>", "31", "", ""],
      ["1", "Bob & co", "4.5", "", "x"],
    ]);
    expect([...table.querySelectorAll("tbody th")].map((h: any) => h.getAttribute("scope"))).toEqual(["row", "row"]);
    // Escaped, not markup:
    expect(client.html).toContain("&lt;b&gt;Ann&lt;/b&gt;");
    expect(client.html).toContain("&lt;col&gt;");
    expect(table.querySelector("tbody b")).toBeNull();
    const ageCells = [...table.querySelectorAll("tbody tr")].map((tr: any) => tr.children[2]);
    expect(ageCells.every((c: any) => c.classList.contains("fl-num"))).toBe(true);
    expect(table.querySelector("tbody tr").children[1].classList.contains("fl-num")).toBe(false);
    // A static table has no controls.
    expect(table.querySelector("button, input")).toBeNull();
  });

  test("dates read the date alone at midnight UTC, ISO with the time otherwise, empty when invalid; a chart's data table names the same instants in words", async () => {
    const when = [new Date("2024-05-01"), new Date("2024-05-01T13:30:00Z"), new Date("not a date")];
    const client = browse(() => {
      st.table({ when });
      st.lineChart({ when, n: [1, 2, 3] }, { x: "when", y: "n" });
    });
    await client.get("/");
    expectOk(client);
    const cells = rows(client, 0).map((r) => r[1]);
    expect(cells).toEqual(["2024-05-01", "2024-05-01T13:30:00.000Z", ""]);
    const chartCells = [...client.doc.querySelectorAll("figure table tbody tr")].map((tr: any) => tr.children[0].textContent);
    expect(chartCells).toEqual(["May 1, 2024", "May 1, 2024, 13:30 UTC", ""]);
  });

  test("columns (an object of arrays) give the same table; hideIndex leaves the index out", async () => {
    const client = browse(() => {
      st.table({ a: [1, 2], b: ["x"] });
      st.table({ a: [1, 2], b: ["x"] }, { hideIndex: true });
    });
    await client.get("/");
    expectOk(client);
    expect(rows(client, 0)).toEqual([
      ["0", "1", "x"],
      ["1", "2", ""],
    ]);
    expect(rows(client, 1)).toEqual([
      ["1", "x"],
      ["2", ""],
    ]);
    expect(client.doc.querySelectorAll("table")[1].querySelector("th[scope=row]")).toBeNull();
  });

  test("hideHeader leaves the header row out (the index stays as row headers); border draws all lines, none, or only between rows", async () => {
    const client = browse(() => {
      st.table({ a: [1, 2], b: ["x", "y"] }, { hideHeader: true });
      st.table({ a: [1] }, { hideHeader: true, hideIndex: true, border: "horizontal" });
      st.table({ a: [1] }, { border: false });
      st.table({ a: [1] });
    });
    await client.get("/");
    expectOk(client);
    const tables = client.doc.querySelectorAll("[data-kind=table]");
    expect(tables[0].querySelector("thead")).toBeNull();
    expect(rows(client, 0)).toEqual([
      ["0", "1", "x"],
      ["1", "2", "y"],
    ]);
    expect([...tables[0].querySelectorAll("tbody th")].map((h: any) => h.getAttribute("scope"))).toEqual(["row", "row"]);
    expect(tables[1].querySelector("thead, th")).toBeNull();
    expect(rows(client, 1)).toEqual([["1"]]);
    expect([...tables].map((t: any) => [...t.classList].find((c: string) => c.startsWith("fl-border-")))).toEqual(["fl-border-all", "fl-border-horizontal", "fl-border-none", "fl-border-all"]);
    expect(tables[3].querySelector("thead")).not.toBeNull();
    const css = await client.stylesheet();
    expect(css).toContain(".fl-border-none,.fl-border-none .fl-table :is(th,td){border:0}");
  });

  test("a border that is not true, false or \"horizontal\" gets Streamlit's message", async () => {
    const client = browse(() => st.table({ a: [1] }, { border: "vertical" as never }));
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()[0]!.message).toBe("Invalid `border` value. Supported values: True, False, 'horizontal'.");
  });

  test("data that is neither rows nor columns is an error on the page, not a 500", async () => {
    const client = browse(() => {
      st.table([1, 2] as never);
    });
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()[0]!.message).toMatch(/each row must be an object/);
  });
});

describe("st.dataframe", () => {
  const data = {
    n: [10, 9, null, 100, 2],
    s: ["b", "a", "C", null, "á"],
  };

  test("renders headers as sort buttons with a hidden view field before them, and returns nothing", async () => {
    let returned: unknown = "not called";
    const client = browse(() => {
      returned = st.dataframe(data);
    });
    await client.get("/");
    expectOk(client);
    expect(returned).toBeUndefined();
    const frame = client.doc.querySelector(".fl-dataframe");
    const hidden = frame.querySelector("input[type=hidden]");
    const name = hidden.getAttribute("name");
    expect(name.startsWith("$$ID-")).toBe(true);
    expect(hidden.getAttribute("value")).toBe("::1");
    const buttons = [...frame.querySelectorAll("thead th button")];
    expect(buttons.map((b: any) => [b.getAttribute("type"), b.getAttribute("name"), b.getAttribute("value")])).toEqual([
      ["submit", name, "n:asc:1"],
      ["submit", name, "s:asc:1"],
    ]);
    // The hidden field precedes every button, so a click's value is posted last.
    const all = [...frame.querySelectorAll("input, button")];
    expect(all[0]).toBe(hidden);
    expect(frame.querySelector("[aria-sort]")).toBeNull();
    expect(column(client, "n")).toEqual(["10", "9", "", "100", "2"]);
    // Five rows fit one page: no pager.
    expect(frame.querySelector(".fl-pager")).toBeNull();
    // A scrollable region a keyboard can reach.
    const region = frame.querySelector("[role=region]");
    expect(region.getAttribute("tabindex")).toBe("0");
    expect(region.getAttribute("aria-label")).toBeTruthy();
  });

  test("clicking a header sorts: numbers numerically, ascending, descending, then unsorted; missing values last", async () => {
    const client = browse(() => st.dataframe(data));
    await client.get("/");
    await sortBy(client, "n");
    expectOk(client);
    expect(column(client, "n")).toEqual(["2", "9", "10", "100", ""]);
    expect(header(client, "n").getAttribute("aria-sort")).toBe("ascending");
    expect(header(client, "s").hasAttribute("aria-sort")).toBe(false);
    // The original row numbers travel with their rows.
    expect(column(client, "Index")).toEqual(["4", "1", "0", "3", "2"]);
    expect(view(client)).toBe("n:asc:1");

    await sortBy(client, "n");
    expectOk(client);
    expect(column(client, "n")).toEqual(["100", "10", "9", "2", ""]);
    expect(header(client, "n").getAttribute("aria-sort")).toBe("descending");

    await sortBy(client, "n");
    expectOk(client);
    expect(column(client, "n")).toEqual(["10", "9", "", "100", "2"]);
    expect(client.doc.querySelector("[aria-sort]")).toBeNull();
  });

  test("strings sort by locale (not by code point), missing values last in both directions", async () => {
    const client = browse(() => st.dataframe(data));
    await client.get("/");
    await sortBy(client, "s");
    expect(column(client, "s")).toEqual(["a", "á", "b", "C", ""]);
    await sortBy(client, "s");
    expect(column(client, "s")).toEqual(["C", "b", "á", "a", ""]);
    expect(header(client, "s").getAttribute("aria-sort")).toBe("descending");
  });

  const many = { id: Array.from({ length: 95 }, (_, i) => i + 1), label: Array.from({ length: 95 }, (_, i) => `row ${i + 1}`) };

  test("pages: next, previous and numbered buttons with accessible names; only the current page is rendered", async () => {
    const client = browse(() => st.dataframe(many));
    await client.get("/");
    expectOk(client);
    expect(rows(client)).toHaveLength(20);
    expect(column(client, "id")[0]).toBe("1");
    expect(client.doc.querySelector(".fl-table-status").textContent).toBe("Rows 1–20 of 95, page 1 of 5");
    expect(pageButton(client, "Previous page").hasAttribute("disabled")).toBe(true);
    expect(pageButton(client, "Page 1 of 5").getAttribute("aria-current")).toBe("page");
    expect(client.doc.querySelector(".fl-pager").getAttribute("aria-label")).toBeTruthy();

    await client.submitWith(pageButton(client, "Next page"));
    expectOk(client);
    expect(column(client, "id")).toEqual(Array.from({ length: 20 }, (_, i) => String(21 + i)));
    expect(pageButton(client, "Page 2 of 5").getAttribute("aria-current")).toBe("page");
    expect(pageButton(client, "Previous page").hasAttribute("disabled")).toBe(false);

    await client.submitWith(pageButton(client, "Page 5 of 5"));
    expectOk(client);
    expect(column(client, "id")).toEqual(["81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94", "95"]);
    expect(pageButton(client, "Next page").hasAttribute("disabled")).toBe(true);
    expect(client.doc.querySelector(".fl-table-status").textContent).toBe("Rows 81–95 of 95, page 5 of 5");

    await client.submitWith(pageButton(client, "Previous page"));
    expectOk(client);
    expect(column(client, "id")[0]).toBe("61");
    expect(view(client)).toBe("::4");
  });

  test("sorting returns to the first page and keeps the sort while paging", async () => {
    const client = browse(() => st.dataframe(many, { pageSize: 10 }));
    await client.get("/");
    await client.submitWith(pageButton(client, "Page 3 of 10"));
    expect(column(client, "id")[0]).toBe("21");
    await sortBy(client, "id");
    await sortBy(client, "id"); // descending
    expect(view(client)).toBe("id:desc:1");
    expect(column(client, "id")[0]).toBe("95");
    await client.submitWith(pageButton(client, "Next page"));
    expectOk(client);
    expect(column(client, "id")[0]).toBe("85");
    expect(header(client, "id").getAttribute("aria-sort")).toBe("descending");
  });

  test("the view is kept across reruns: Apply, another widget's change, a reload", async () => {
    const client = browse(() => {
      st.numberInput("N", { key: "n" });
      st.dataframe(many, { pageSize: 10 });
    });
    await client.get("/");
    await sortBy(client, "label");
    await client.submitWith(pageButton(client, "Next page"));
    expect(view(client)).toBe("label:asc:2");
    const page = column(client, "label");

    await client.apply();
    expectOk(client);
    expect(view(client)).toBe("label:asc:2");
    await client.change("N", 3);
    expectOk(client);
    expect(client.value("N")).toBe(3);
    expect(column(client, "label")).toEqual(page);
    await client.reload();
    expectOk(client);
    expect(column(client, "label")).toEqual(page);
  });

  test.each([
    ["an unknown column", "nope:asc:1"],
    ["page 999", "::999"],
    ["page 0", "id:asc:0"],
    ["an unknown direction", "id:up:1"],
    ["a direction without a column", ":asc:1"],
    ["garbage", "garbage"],
    ["an empty value", ""],
    ["a huge page number", "id:asc:1e9"],
  ])("a posted view with %s is refused without a 5xx, and the last good view stays", async (_what, bad) => {
    const client = browse(() => st.dataframe(many, { pageSize: 10 }));
    await client.get("/");
    await sortBy(client, "id");
    await client.submitWith(pageButton(client, "Next page"));
    expect(view(client)).toBe("id:asc:2");

    await postView(client, bad);
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([]);
    expect(view(client)).toBe("id:asc:2");
    expect(column(client, "id")[0]).toBe("11");
    expect(client.fieldErrors()).toEqual(["This table's view could not be changed: no such column, sort order or page."]);
    // The next good click works again.
    await client.submitWith(pageButton(client, "Next page"));
    expectOk(client);
    expect(view(client)).toBe("id:asc:3");
  });

  test("a forged button value that is a valid view is simply applied (it is only a view)", async () => {
    const client = browse(() => st.dataframe(many, { pageSize: 10 }));
    await client.get("/");
    await postView(client, "label:desc:4");
    expectOk(client);
    expect(view(client)).toBe("label:desc:4");
  });

  test("a column whose name holds ':' or markup sorts, and is escaped", async () => {
    const client = browse(() => st.dataframe({ "a:b": [2, 1], "<i>x</i>": ["q", "p"] }));
    await client.get("/");
    expect(client.html).toContain("&lt;i&gt;x&lt;/i&gt;");
    expect(client.doc.querySelector("thead i")).toBeNull();
    await sortBy(client, "a:b");
    expectOk(client);
    expect(view(client)).toBe("a:b:asc:1");
    expect(column(client, "a:b")).toEqual(["1", "2"]);
    await sortBy(client, "<i>x</i>");
    expectOk(client);
    expect(column(client, "<i>x</i>")).toEqual(["p", "q"]);
  });

  test("rows of objects; columnOrder picks and orders the columns; hideIndex; height scrolls", async () => {
    const client = browse(() =>
      st.dataframe(
        [
          { a: 1, b: "x", c: true },
          { a: 2, b: "y", c: false },
        ],
        { columnOrder: ["c", "a", "zz"], hideIndex: true, height: 200 },
      ),
    );
    await client.get("/");
    expectOk(client);
    expect(rows(client)).toEqual([
      ["true", "1"],
      ["false", "2"],
    ]);
    expect(client.doc.querySelector(".fl-dataframe tbody th")).toBeNull();
    expect(client.doc.querySelector(".fl-dataframe [role=region]").getAttribute("style")).toBe("max-height:200px");
    await sortBy(client, "c");
    expect(column(client, "c")).toEqual(["false", "true"]);
  });

  test("a large data set renders one page only", async () => {
    const big = Array.from({ length: 20_000 }, (_, i) => ({ i, v: (i * 7919) % 10007 }));
    const client = browse(() => st.dataframe(big, { pageSize: 25 }));
    await client.get("/");
    expectOk(client);
    expect(rows(client)).toHaveLength(25);
    // about the size of a page whose data is only those 25 rows: the other 19,975 are not in it
    const small = browse(() => st.dataframe(big.slice(0, 25), { pageSize: 25 }));
    await small.get("/");
    expect(client.html.length - small.html.length).toBeLessThan(2_000);
    await sortBy(client, "v");
    expect(column(client, "v").slice(0, 3)).toEqual(["0", "0", "1"]);
    expect(client.doc.querySelectorAll(".fl-pager button[aria-label]").length).toBeLessThanOrEqual(7);
    expect(pageButton(client, "Page 800 of 800")).toBeTruthy();
  });

  test("inside st.form a sort applies at once (it is not staged until the form's submit)", async () => {
    const client = browse(() => {
      const f = st.form("f");
      f.textInput("T", { key: "t" });
      f.dataframe(data);
      f.formSubmitButton("Go");
    });
    await client.get("/");
    client.set("T", "typed");
    await sortBy(client, "n");
    expectOk(client);
    expect(view(client)).toBe("n:asc:1");
    expect(column(client, "n")[0]).toBe("2");
    expect(client.doc.querySelector(".fl-dataframe .fl-pending")).toBeNull();
    // The form's own field stays staged.
    expect(client.state().t).toBe("");
  });

  test("two identical unkeyed dataframes are two views, not a duplicate-id error", async () => {
    const client = browse(() => {
      st.dataframe(data);
      st.dataframe(data);
    });
    await client.get("/");
    expectOk(client);
    expect(fieldName(client, 0)).not.toBe(fieldName(client, 1));
    await sortBy(client, "n", 1);
    expectOk(client);
    expect(view(client, 0)).toBe("::1");
    expect(view(client, 1)).toBe("n:asc:1");
  });

  test("with a key, the view is in session state and can be set from the script", async () => {
    const client = browse(() => {
      if (!("started" in ss)) {
        ss.started = true;
        ss.df = "s:desc:1";
      }
      st.dataframe(data, { key: "df" });
      st.text("view: " + ss.df);
    });
    await client.get("/");
    expectOk(client);
    expect(column(client, "s")).toEqual(["C", "b", "á", "a", ""]);
    expect(client.doc.querySelector(".fl-dataframe").getAttribute("data-key")).toBe("df");
    await sortBy(client, "n");
    expect(client.state().df).toBe("n:asc:1");
    expect(client.texts()).toEqual(["view: n:asc:1"]);
  });

  test("a nonsense view set through session state shows the first view", async () => {
    const client = browse(() => {
      ss.df = "nope:sideways:7";
      st.dataframe(data, { key: "df" });
    });
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([]);
    expect(view(client)).toBe("::1");
    expect(column(client, "n")).toEqual(["10", "9", "", "100", "2"]);
  });

  test("a bad pageSize is Streamlit-style error on the page", async () => {
    const client = browse(() => st.dataframe(data, { pageSize: 0 }));
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()[0]!.message).toMatch(/pageSize/);
  });
});
