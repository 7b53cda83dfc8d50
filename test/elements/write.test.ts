/**
 * st.write of several arguments and of data, as Streamlit writes them: text and plain values make
 * one Markdown line joined by spaces (a value as code: None, 42, True), rows or columns a table,
 * an error an exception, any other object JSON. Over HTTP, a fresh app per request.
 */
import { expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { browse } from "../support/browse.ts";

test("text and values in one call are one line: 'pills-in-form: None', '1 + 1 = 2', 'flag True'", async () => {
  const c = browse(() => {
    st.write("pills-in-form:", null);
    st.write("1 + 1 =", 2);
    st.write("flag", true, "and *emphasis*");
    st.write(42);
  });
  await c.get("/");
  expect(c.texts()).toEqual(["pills-in-form: None", "1 + 1 = 2", "flag True and emphasis", "42"]);
  // one element per call, the values as code
  expect(c.doc.querySelectorAll(".fl-main [data-kind=markdown]").length).toBe(4);
  expect(c.doc.querySelector(".fl-main [data-kind=markdown] code").textContent).toBe("None");
  expect(c.doc.querySelector(".fl-main em").textContent).toBe("emphasis");
});

test("rows or columns are a table between the lines around them; other objects are JSON; an error is an exception", async () => {
  const c = browse(() => {
    st.write("Below is a table:", [{ city: "Oslo", t: 3 }, { city: "Lima", t: 19 }], "Above is a table.");
    st.write({ city: ["Rome"], t: [21] });
    st.write({ nested: { a: 1 } }, [1, 2, 3]);
    st.write(new Error("something broke"));
  });
  await c.get("/");
  expect(c.texts()).toEqual(["Below is a table:", "Above is a table."]);
  const tables = [...c.doc.querySelectorAll(".fl-main [data-kind=table]")] as any[];
  expect(tables.map((t) => [...t.querySelectorAll("tbody td")].map((td: any) => td.textContent).filter((x: string) => x !== "0" && x !== "1"))).toEqual([
    ["Oslo", "3", "Lima", "19"],
    ["Rome", "21"],
  ]);
  expect([...c.doc.querySelectorAll(".fl-main [data-kind=json]")].map((j: any) => JSON.parse(j.textContent))).toEqual([{ nested: { a: 1 } }, [1, 2, 3]]);
  expect(c.exceptions()).toEqual([{ type: "Error", message: "something broke" }]);
  // the order is the order written
  const kinds = [...c.doc.querySelectorAll(".fl-main > [data-kind], .fl-main > * > [data-kind]")].map((e: any) => e.getAttribute("data-kind"));
  expect(kinds.indexOf("table")).toBeGreaterThan(kinds.indexOf("markdown"));
});
