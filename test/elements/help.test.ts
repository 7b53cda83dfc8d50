/**
 * Help, label visibility and st.json's copy button in the HTML a browser gets (a fresh app per
 * request): help is a "?" button described by a tooltip (never text always shown), beside a
 * widget's label or legend, a button, and st.title/header/subheader; "hidden" and "collapsed"
 * labels differ; st.json's copy button is drawn hidden for the client script to show.
 * Chromium checks what these look like: test/browser/streamlit-widgets.test.ts.
 */
import { expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { browse } from "../support/browse.ts";

const tipOf = (el: any) => {
  const icon = el.querySelector("button.fl-tip-icon");
  const tip = el.querySelector("[role=tooltip]");
  return { icon: icon?.getAttribute("aria-label"), describes: icon?.getAttribute("aria-describedby") === tip?.id, text: tip?.textContent };
};

test("help is a \"?\" described by its tooltip: after a widget's label or legend, after a button, beside a heading", async () => {
  const c = browse(() => {
    st.title("T", { help: "title help" });
    st.header("H", { help: "header help" });
    st.subheader("S", { help: "subheader help" });
    st.textInput("Name", { help: "Your name" });
    st.radio("Size", ["S", "M"], { help: "Pick a size" });
    st.button("Go", { help: "Starts it" });
  });
  await c.get("/");
  expect(c.doc.querySelectorAll(".fl-help").length).toBe(0);
  for (const [level, text] of [["h1", "title help"], ["h2", "header help"], ["h3", "subheader help"]]) {
    const h = c.doc.querySelector(level);
    // the "?" is beside the heading, not in it: the heading's name stays its text
    expect(h.textContent).toBe(level === "h1" ? "T" : level === "h2" ? "H" : "S");
    expect(tipOf(h.parentNode)).toEqual({ icon: "Help", describes: true, text });
  }
  const name = c.widget("Name");
  expect(name.querySelector("label + .fl-tip")).not.toBeNull();
  expect(tipOf(name)).toEqual({ icon: "Help", describes: true, text: "Your name" });
  expect(name.querySelector("input").getAttribute("aria-describedby")).toBe(name.querySelector("[role=tooltip]").id);
  expect(c.widget("Size").querySelector("legend + .fl-tip")).not.toBeNull();
  expect(tipOf(c.widget("Size")).text).toBe("Pick a size");
  const go = c.doc.querySelector("[data-kind=button]");
  expect(tipOf(go)).toEqual({ icon: "Help", describes: true, text: "Starts it" });
  expect(go.querySelector("button[type=submit]").getAttribute("aria-describedby")).toBe(go.querySelector("[role=tooltip]").id);
});

test("labelVisibility: visible, hidden (keeps its place, transparent) and collapsed (screen readers only) are three classes", async () => {
  const c = browse(() => {
    st.textInput("A");
    st.textInput("B", { labelVisibility: "hidden" });
    st.textInput("C", { labelVisibility: "collapsed" });
  });
  await c.get("/");
  expect(["A", "B", "C"].map((l) => c.widget(l).querySelector("label").getAttribute("class"))).toEqual(["fl-label", "fl-label fl-label-hidden", "fl-label fl-sr-only"]);
});

test("st.json: the JSON as text, and a copy button of type button (it never submits), hidden until the script shows it", async () => {
  const c = browse(() => st.json({ foo: "bar" }));
  await c.get("/");
  const box = c.doc.querySelector(".fl-json-box");
  expect(JSON.parse(box.querySelector("[data-kind=json]").textContent)).toEqual({ foo: "bar" });
  const copy = box.querySelector("button.fl-json-copy");
  expect([copy.getAttribute("type"), copy.getAttribute("aria-label")]).toEqual(["button", "Copy to clipboard"]);
  const css = await c.stylesheet();
  expect(css).toMatch(/\.fl-json-copy\{display:none/);
  expect(css).toContain(".fl-js .fl-json-copy{display:block}");
});
