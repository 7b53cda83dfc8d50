/**
 * The newer st.columnConfig types over HTTP without JavaScript: multiselect, datetime and time
 * cells edited in st.dataEditor (plain checkboxes and the browser's own controls), and the
 * display-only types (list, JSON, image, progress, sparklines) drawn on the server.
 */
import { describe, expect, test } from "vitest";
import { st, type Json } from "../../src/index.ts";
import { browse, expectOk } from "../support/browse.ts";
import { cell, editorState, tick, type } from "./data-editor-support.ts";

const SHIFTS = [
  { who: "Ana", skills: ["cook"], starts: "2024-06-03T09:00", ends: "17:30" },
  { who: "Ben", skills: [] as string[], starts: "2024-06-04T08:15:30", ends: "12:00" },
];

let returned: Json = null;
const shifts = () => {
  returned = st.dataEditor(SHIFTS, {
    key: "shifts",
    columnConfig: {
      skills: st.columnConfig.MultiselectColumn("Skills", { options: ["cook", "serve", "clean"] }),
      starts: st.columnConfig.DatetimeColumn("Starts", { minValue: "2024-01-01T00:00" }),
      ends: st.columnConfig.TimeColumn("Ends", { maxValue: "22:00" }),
    },
  }) as Json;
};

/** The multiselect cell (its disclosure) named `label`: its summary starts with that name. */
function multi(client: ReturnType<typeof browse>, label: string): any {
  const found = [...client.doc.querySelectorAll("[data-kind=data_editor] details.fl-cell-multi")].find((d: any) => d.querySelector("summary .fl-sr-only").textContent === `${label}: `);
  if (!found) throw new Error(`no multiselect cell "${label}"`);
  return found;
}

/** The checkbox of `option` in the multiselect cell named `label`. */
const choice = (client: ReturnType<typeof browse>, label: string, option: string) =>
  [...multi(client, label).querySelectorAll("label")].find((l: any) => l.textContent === option).querySelector("input");

/** The chips a multiselect cell's summary shows. */
const chips = (client: ReturnType<typeof browse>, label: string) => [...multi(client, label).querySelectorAll("summary .fl-chip")].map((c: any) => c.textContent);

describe("editable: multiselect, datetime, time", () => {
  test("draw a checkbox per option inside the cell, and the browser's date-and-time and time controls", async () => {
    const client = browse(shifts);
    await client.get("/");
    expectOk(client);
    const starts = cell(client, "Starts, row 1");
    expect([starts.getAttribute("type"), starts.getAttribute("value"), starts.getAttribute("step")]).toEqual(["datetime-local", "2024-06-04T08:15:30", "1"]);
    expect(cell(client, "Starts, row 0").getAttribute("min")).toBe("2024-01-01T00:00");
    const ends = cell(client, "Ends, row 0");
    expect([ends.getAttribute("type"), ends.getAttribute("value"), ends.getAttribute("max")]).toEqual(["time", "17:30", "22:00"]);
    expect(chips(client, "Skills, row 0")).toEqual(["cook"]);
    expect(multi(client, "Skills, row 0").querySelector("fieldset legend").textContent).toBe("Skills, row 0");
    const boxes = [...multi(client, "Skills, row 0").querySelectorAll("input[type=checkbox]")].map((b: any) => [b.getAttribute("value"), b.hasAttribute("checked")]);
    expect(boxes).toEqual([
      ["cook", true],
      ["serve", false],
      ["clean", false],
    ]);
  });

  test("an untouched post changes nothing; ticked options, a new date-and-time and a new time are the edits", async () => {
    const client = browse(shifts);
    await client.get("/");
    await client.apply();
    expectOk(client);
    expect(editorState(client)).toEqual({ edited_rows: {}, added_rows: [], deleted_rows: [] });
    choice(client, "Skills, row 1", "clean").setAttribute("checked", "");
    choice(client, "Skills, row 1", "serve").setAttribute("checked", "");
    choice(client, "Skills, row 0", "cook").removeAttribute("checked");
    type(client, "Starts, row 0", "2024-06-03T10:30");
    type(client, "Ends, row 1", "13:15");
    await client.apply();
    expectOk(client);
    expect(editorState(client).edited_rows).toEqual({
      "0": { skills: [], starts: "2024-06-03T10:30" },
      "1": { skills: ["serve", "clean"], ends: "13:15" },
    });
    expect((returned as any[]).map((r) => r.skills)).toEqual([[], ["serve", "clean"]]);
    // the ticked choices stay ticked on the next page
    expect(chips(client, "Skills, row 1")).toEqual(["serve", "clean"]);
  });

  test("values outside the bounds are refused with a message and the last good state stays", async () => {
    const client = browse(shifts);
    await client.get("/");
    type(client, "Ends, row 0", "23:00");
    await client.apply();
    expect(client.fieldErrors()).toEqual(['"Ends": 23:00 is after the latest, 22:00.']);
    type(client, "Starts, row 0", "2023-12-31T23:00");
    await client.apply();
    expect(client.fieldErrors()).toEqual(['"Starts": 2023-12-31T23:00 is before the earliest, 2024-01-01T00:00.']);
    expect(editorState(client).edited_rows).toEqual({});
  });

  test("a datetime column over text that is no date and time cannot be edited: Streamlit's incompatibility message", async () => {
    const client = browse(() => st.dataEditor({ at: ["soon"] }, { columnConfig: { at: st.columnConfig.DatetimeColumn() } }));
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()[0]!.message).toMatch(/^The configured column type `datetime` for column `at` is not compatible/);
  });
});

describe("display-only types", () => {
  const data = {
    tags: [["a", "b"], ["c"]],
    meta: [{ x: 1 }, null],
    pic: ["https://example.com/a.png", "javascript:alert(1)"],
    done: [40, 150],
    trend: [[1, 3, 2], [5, null, 4]],
  };
  const config = {
    tags: st.columnConfig.ListColumn("Tags"),
    meta: st.columnConfig.JsonColumn("Meta"),
    pic: st.columnConfig.ImageColumn("Picture"),
    done: st.columnConfig.ProgressColumn("Done", { format: "%d%%" }),
    trend: st.columnConfig.LineChartColumn("Trend", { yMin: 0, yMax: 5 }),
  };

  test("in the editor they show chips, JSON, an image (only from https or data: URLs), a bar and an SVG, and are never fields", async () => {
    const client = browse(() => st.dataEditor(data, { columnConfig: config }));
    await client.get("/");
    expectOk(client);
    const rows = [...client.doc.querySelectorAll("[data-kind=data_editor] tbody tr")];
    const [tags, meta, pic, done, trend] = [...rows[0].querySelectorAll("td")];
    expect([...tags.querySelectorAll(".fl-chip")].map((c: any) => c.textContent)).toEqual(["a", "b"]);
    expect(meta.querySelector("code").textContent).toBe('{"x":1}');
    expect(pic.querySelector("img").getAttribute("src")).toBe("https://example.com/a.png");
    expect(rows[1].querySelectorAll("td")[2].querySelector("img")).toBeNull();
    expect(rows[1].querySelectorAll("td")[2].textContent).toBe("javascript:alert(1)");
    const bar = done.querySelector("[role=progressbar]");
    expect([bar.getAttribute("aria-valuenow"), bar.getAttribute("aria-valuemax"), done.textContent]).toEqual(["40", "100", "40%"]);
    expect(done.querySelector(".fl-cell-bar>span").getAttribute("style")).toBe("width:40%");
    expect(rows[1].querySelectorAll("td")[3].querySelector(".fl-cell-bar>span").getAttribute("style")).toBe("width:100%");
    const svg = trend.querySelector("svg");
    expect(svg.getAttribute("aria-label")).toBe("1, 3, 2");
    expect(svg.querySelector("polyline").getAttribute("points")).toBe("0,19.2 50,9.6 100,14.4");
    // a gap splits the line in two
    expect(rows[1].querySelectorAll("td")[4].querySelectorAll("polyline").length).toBe(2);
    expect(client.doc.querySelector("[data-kind=data_editor] tbody input, [data-kind=data_editor] tbody select")).toBeNull();
  });

  test("an image cell loads only what the page's img-src allows (https, the app's own paths, data:image); http and other hosts' '//' addresses stay text", async () => {
    const pics = ["/logo.png", "http://example.com/a.png", "//example.com/a.png", "data:image/png;base64,iVBORw0KGgo=", "data:text/html,<b>x</b>"];
    const client = browse(() => st.dataframe({ pic: pics }, { columnConfig: { pic: st.columnConfig.ImageColumn("Picture") } }));
    await client.get("/");
    expectOk(client);
    const cells = [...client.doc.querySelectorAll("[data-kind=dataframe] tbody tr")].map((r: any) => r.querySelector("td"));
    expect(cells.map((td: any) => td.querySelector("img")?.getAttribute("src") ?? null)).toEqual(["/logo.png", null, null, "data:image/png;base64,iVBORw0KGgo=", null]);
    expect(cells[1].textContent).toBe("http://example.com/a.png");
  });

  test("bar and area sparklines: a bar per number; an area under the line", async () => {
    const client = browse(() =>
      st.dataEditor(
        { b: [[1, 2]], a: [[2, 4]] },
        { columnConfig: { b: st.columnConfig.BarChartColumn("B"), a: st.columnConfig.AreaChartColumn("A", { yMin: 0 }) } },
      ),
    );
    await client.get("/");
    const [b, a] = [...client.doc.querySelectorAll("[data-kind=data_editor] tbody td")];
    expect([...b.querySelectorAll("rect")].map((r: any) => r.getAttribute("height"))).toEqual(["12", "24"]);
    expect(a.querySelector("polygon").getAttribute("points")).toBe("0,24 0,12 100,0 100,24");
  });
});

describe("st.dataframe's columnConfig", () => {
  test("labels, help, hidden columns, a number format and the display types; sorting still sorts by the values", async () => {
    const client = browse(() =>
      st.dataframe(
        { name: ["Ana", "Ben"], price: [3.5, 12], secret: ["x", "y"], trend: [[1, 2], [2, 1]], done: [0.25, 1] },
        {
          columnConfig: {
            name: "Who",
            price: st.columnConfig.NumberColumn("Price", { format: "$%.2f", help: "In dollars" }),
            secret: null,
            trend: st.columnConfig.BarChartColumn("Trend"),
            done: st.columnConfig.ProgressColumn("Done"),
            _index: "#",
          },
        },
      ),
    );
    await client.get("/");
    expectOk(client);
    const heads = [...client.doc.querySelectorAll(".fl-dataframe thead th")];
    expect(heads.map((h: any) => h.querySelector("button")?.firstChild.textContent ?? h.textContent)).toEqual(["#", "Who", "Price", "Trend", "Done"]);
    expect(heads[2].getAttribute("title")).toBe("In dollars");
    const first = [...client.doc.querySelectorAll(".fl-dataframe tbody tr")[0].children];
    expect(first[2].textContent).toBe("$3.50");
    expect(first[3].querySelectorAll("svg rect").length).toBe(2);
    expect(first[4].querySelector("[role=progressbar]").getAttribute("aria-valuemax")).toBe("1");
    expect(client.html).not.toContain(">x<");
    // sorting by the labelled column sorts by its values
    const price = heads[2].querySelector("button");
    expect(price.getAttribute("value")).toBe("price:asc:1");
  });

  test("a bad column config gets Streamlit's message", async () => {
    const client = browse(() => st.dataframe({ a: [1] }, { columnConfig: { a: 5 as never } }));
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()[0]!.message).toBe("Invalid column config for column `a`. Expected `None`, `str` or `dict`, but got `<class 'int'>`.");
  });
});

describe("ButtonColumn", () => {
  const orders = { id: ["A1", "B2", "C3"], action: ["Ship", "Ship", ""] };

  test.each(["dataframe", "dataEditor"] as const)("in st.%s: a button per row labelled by its cell; a click runs onClick and holds { row, label } under the key for that run only", async (kind) => {
    let calls: unknown[][] = [];
    const seen: unknown[] = [];
    const client = browse(() => {
      const columnConfig = { action: st.columnConfig.ButtonColumn("Action", { key: "clicked", type: "primary", onClick: (...a: unknown[]) => calls.push(a), args: ["go"] }) };
      if (kind === "dataframe") st.dataframe(orders, { columnConfig });
      else st.dataEditor(orders, { columnConfig });
      seen.push(st.sessionState.clicked ?? null);
      st.button("Other");
    });
    await client.get("/");
    expectOk(client);
    const buttons = [...client.doc.querySelectorAll(`[data-kind=${kind === "dataframe" ? "dataframe" : "data_editor"}] tbody button`)];
    expect(buttons.map((b: any) => [b.textContent, b.getAttribute("value"), b.classList.contains("fl-button-primary")])).toEqual([
      ["Ship", "0", true],
      ["Ship", "1", true],
    ]);
    await client.submitWith(buttons[1]);
    expectOk(client);
    expect(calls).toEqual([["go"]]);
    expect(seen.at(-1)).toEqual({ row: 1, label: "Ship" });
    await client.click("Other");
    expect(seen.at(-1)).toBeNull();
    expect(calls.length).toBe(1);
  });

  test("a forged click naming a row the table does not have is refused with a message", async () => {
    const client = browse(() => st.dataframe(orders, { columnConfig: { action: st.columnConfig.ButtonColumn("Action", { key: "clicked" }) } }));
    await client.get("/");
    const name = client.doc.querySelector(".fl-dataframe tbody button").getAttribute("name");
    const body = client.formData(null);
    body.append(name, "9");
    await client.request("POST", client.path(), body);
    expect(client.status).toBe(200);
    expect(client.fieldErrors()).toEqual(["That button is not in this table."]);
  });
});
