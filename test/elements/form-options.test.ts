/**
 * st.form(key, { clearOnSubmit, enterToSubmit, border }) and the rule that a form's key cannot be
 * assigned in session state first, over HTTP as a browser without JavaScript uses them.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { browse } from "../support/browse.ts";

const ss = st.sessionState;

describe("clearOnSubmit", () => {
  const app = () =>
    browse(() => {
      const f = st.form("signup", { clearOnSubmit: true });
      const name = f.textInput("Name", { key: "name" });
      const age = f.numberInput("Age", { key: "age", value: 18 });
      const sent = f.formSubmitButton("Send");
      if (sent) st.text(`sent ${name} ${age}`);
      st.checkbox("Elsewhere");
    });

  test("the run gets the submitted values; the form shows its defaults again", async () => {
    const c = app();
    await c.get("/");
    c.set("Name", "Ada").set("Age", 36);
    await c.click("Send");
    expect(c.exceptions()).toEqual([]);
    expect(c.texts()).toEqual(["sent Ada 36"]);
    expect(c.state()).toMatchObject({ name: "Ada", age: 36 });
    // the controls are cleared, with no "not submitted" note
    expect(c.widget("Name").querySelector("input").getAttribute("value")).toBe("");
    expect(c.widget("Age").querySelector("input").getAttribute("value")).toBe("18");
    expect(c.doc.querySelectorAll(".fl-pending")).toHaveLength(0);
  });

  test("the next submit commits what the form shows (the defaults, unless typed again)", async () => {
    const c = app();
    await c.get("/");
    c.set("Name", "Ada").set("Age", 36);
    await c.click("Send");
    await c.click("Send");
    expect(c.texts()).toEqual(["sent  18"]);
    expect(c.state()).toMatchObject({ name: "", age: 18 });
    c.set("Name", "Grace");
    await c.click("Send");
    expect(c.texts()).toEqual(["sent Grace 18"]);
  });

  test("without clearOnSubmit the submitted values stay in the form", async () => {
    const c = browse(() => {
      const f = st.form("plain");
      f.textInput("Name", { key: "name" });
      f.formSubmitButton("Send");
    });
    await c.get("/");
    c.set("Name", "Ada");
    await c.click("Send");
    expect(c.widget("Name").querySelector("input").getAttribute("value")).toBe("Ada");
  });
});

describe("enterToSubmit and border", () => {
  test("each form says whether Enter submits it, and draws its border unless told not to", async () => {
    const c = browse(() => {
      st.form("a").formSubmitButton("A");
      st.form("b", { enterToSubmit: false, border: false }).formSubmitButton("B");
    });
    await c.get("/");
    const [a, b] = [...c.doc.querySelectorAll('[data-kind="form"]')] as any[];
    expect(a.getAttribute("data-enter")).toBeNull();
    expect(a.getAttribute("class")).toContain("fl-bordered");
    expect(b.getAttribute("data-enter")).toBe("0");
    expect(b.getAttribute("class")).not.toContain("fl-bordered");
  });
});

describe("a form's key in session state", () => {
  test("assigning it before st.form raises Streamlit's error", async () => {
    const c = browse(() => {
      ss.signup = "anything";
      st.form("signup").formSubmitButton("Send");
    });
    await c.get("/");
    expect(c.exceptions()).toEqual([
      { type: "StreamlitValueAssignmentNotAllowedError", message: "Values for the widget with `key` 'signup' cannot be set using `st.session_state`." },
    ]);
  });

  test("a key of that name set in an earlier run is no error", async () => {
    const c = browse(() => {
      if (!("signup" in ss)) ss.signup = "earlier";
      else st.form("signup").formSubmitButton("Send");
      st.button("Again");
    });
    await c.get("/");
    await c.click("Again");
    expect(c.exceptions()).toEqual([]);
    expect(c.widgets().map((w) => w.label)).toContain("Send");
  });
});
