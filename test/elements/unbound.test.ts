/**
 * `st`'s methods and a container's work unbound, as Python's module functions do: passed as a
 * callback (`onClick: st.balloons`), taken out of `st` (`const { write } = st`), or mapped.
 */
import { expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { Container } from "../../src/elements/container.ts";
import { FormClient, TEST_SECRET } from "../support/client.ts";

const browse = (entrypoint: () => unknown) => new FormClient(() => createApp({ secret: TEST_SECRET, entrypoint }));

/** Every public method name of an object's class chain (not Object's, not formlit's internal `_` ones). */
function methodNames(o: object): string[] {
  const names = new Set<string>();
  for (let p = Object.getPrototypeOf(o); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const name of Object.getOwnPropertyNames(p)) if (name !== "constructor" && !name.startsWith("_") && typeof (o as Record<string, unknown>)[name] === "function") names.add(name);
  }
  return [...names];
}

test("onClick: st.balloons works, as does st.write taken out of st or mapped over a list", async () => {
  const c = browse(() => {
    st.button("Celebrate", { onClick: st.balloons });
    const { write, markdown } = st;
    write("written unbound");
    ["one", "two"].map(st.text);
    markdown("markdown, unbound");
  });
  await c.get("/");
  expect(c.exceptions()).toEqual([]);
  expect(c.texts()).toEqual(expect.arrayContaining(["written unbound", "one", "two", "markdown, unbound"]));
  await c.click("Celebrate");
  expect(c.exceptions()).toEqual([]);
  expect(c.html).toContain('data-kind="balloons"');
});

test("a container's method taken out of it still writes into that container", async () => {
  const c = browse(() => {
    const [left, right] = st.columns(2);
    const toRight = right!.write;
    const toLeft = left!.markdown;
    toRight("in the right column");
    toLeft("in the left column");
    const side = st.sidebar.text;
    side("in the sidebar");
  });
  await c.get("/");
  expect(c.exceptions()).toEqual([]);
  const columns = [...c.doc.querySelectorAll(".fl-column")].map((col: any) => col.textContent.trim());
  expect(columns).toEqual(["in the left column", "in the right column"]);
  expect(c.doc.querySelector(".fl-sidebar").textContent).toContain("in the sidebar");
});

test("every public method of st and of a container is handed out bound", () => {
  const container = new Container(null, null, "main");
  for (const [name, o] of [...methodNames(st).map((n) => [n, st] as const), ...methodNames(container).map((n) => [n, container] as const)]) {
    expect((o as unknown as Record<string, { name: string }>)[name]!.name, name).toMatch(/^bound /);
  }
  // (the list is not empty by mistake: st has some seventy public methods)
  expect(methodNames(st).length).toBeGreaterThan(70);
});

test("a callback whose arrow returns st.sessionState itself (Object.assign) runs, and its writes are kept", async () => {
  const c = browse(() => {
    st.button("Fill", { onClick: () => Object.assign(st.sessionState, { a: 1, b: "two" }) });
    st.text(`a=${st.sessionState.get("a")} b=${st.sessionState.get("b")}`);
  });
  await c.get("/");
  await c.click("Fill");
  expect(c.exceptions()).toEqual([]);
  expect(c.texts()).toEqual(["a=1 b=two"]);
});
