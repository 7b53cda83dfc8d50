/**
 * Layout nesting as current Streamlit allows it: since 1.46 Streamlit no longer restricts columns,
 * expanders, popovers and chat messages inside one another (older releases raised "Expanders may
 * not be nested inside other expanders." and the like). formlit draws each nested block inside its
 * parent, with its widgets working; only dialogs and forms keep their rules.
 */
import { expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { browse, expectOk } from "../support/browse.ts";

test("expander and status in an expander, popover in a popover, chat message in a chat message: each drawn inside its parent, its widget working", async () => {
  const c = browse(() => {
    st.expander("Outer", { expanded: true }).with(() => {
      st.expander("Inner expander", { expanded: true }).write("in the inner expander");
      st.status("Inner status", { state: "complete", expanded: true }).write("in the status");
    });
    st.popover("Outer popover").with(() => {
      st.popover("Inner popover").with(() => {
        st.text(`deep box: ${st.checkbox("Deep box")}`);
      });
    });
    st.chatMessage("user").with(() => {
      st.chatMessage("assistant").write("a reply inside a message");
    });
  });
  await c.get("/");
  expectOk(c);
  const inside = (outer: string, inner: string) => c.doc.querySelector(`${outer} ${inner}`) !== null;
  expect(inside("details.fl-expander", "details.fl-expander")).toBe(true);
  expect(inside("details.fl-expander", "details[data-kind=status]")).toBe(true);
  expect(inside("details[data-kind=popover]", "details[data-kind=popover]")).toBe(true);
  expect(c.doc.querySelectorAll("[data-kind=chat_message] [data-kind=chat_message]").length).toBe(1);
  expect(c.texts()).toContain("deep box: false");
  await c.change("Deep box", true);
  expectOk(c);
  expect(c.texts()).toContain("deep box: true");
});

test("columns three levels deep in the main area, and columns inside columns in the sidebar", async () => {
  const c = browse(() => {
    const [a] = st.columns(2);
    a!.with(() => {
      const [b] = st.columns(2);
      b!.with(() => {
        const [d] = st.columns(2);
        d!.text("third level");
      });
    });
    st.sidebar.with(() => {
      const [left] = st.columns(2);
      left!.with(() => st.columns(2)[1]!.text("nested in the sidebar"));
    });
  });
  await c.get("/");
  expectOk(c);
  expect(c.texts().sort()).toEqual(["nested in the sidebar", "third level"]);
  const depth = (text: string) => {
    let n = 0;
    for (let e = [...c.doc.querySelectorAll("*")].find((x: any) => x.textContent === text && x.children.length === 0); e; e = e.parentElement) if (e.classList?.contains("fl-columns")) n++;
    return n;
  };
  expect([depth("third level"), depth("nested in the sidebar")]).toEqual([3, 2]);
});
