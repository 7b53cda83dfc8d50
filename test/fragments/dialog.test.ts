/**
 * Streamlit's e2e app st_dialog (what does not need screenshots), over HTTP with a new app per
 * request: a dialog opens for the run that calls it, drawn open by the server with the page behind
 * it inert; its body is a fragment (its widgets rerun only it); st.rerun() in it closes it, and so
 * does the user's close control, which runs nothing. Misuse keeps Streamlit's messages.
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";
import { browse, jsClick, jsChange, jsPost, textsIn } from "./support.ts";

const ss = st.sessionState;
const bump = (key: string) => (ss[key] = (ss.get(key, 0) as number) + 1);

const simpleDialog = st.dialog("Simple Dialog")(() => {
  ss.dialogRuns = (ss.get("dialogRuns", 0) as number) + 1;
  st.write("Hello again!");
  const text = st.textInput("Enter something!");
  st.write(`dialog ran ${ss.dialogRuns} times, text: "${text}"`);
  if (st.button("Submit", { key: "dialog2-btn" })) {
    ss.submitted = text;
    st.rerun();
  }
});
const largeDialog = st.dialog("Large-width Dialog", { width: "large" })(() => st.write("This dialog has a large width."));
const level2 = st.dialog("Level2 Dialog")(() => st.write("Second level dialog"));
const level1 = st.dialog("Level1 Dialog")(() => {
  st.write("First level dialog");
  level2();
});

const otherFragment = st.fragment(() => {
  if (st.button("Fragment Button")) st.write("Fragment Button clicked");
});

const app = () =>
  createApp({
    secret: TEST_SECRET,
    entrypoint: () => {
      ss.appRuns = (ss.get("appRuns", 0) as number) + 1;
      otherFragment();
      if (st.button("Open Dialog without Images")) simpleDialog();
      if (st.button("Open large-width Dialog")) largeDialog();
      if (st.button("Open Nested Dialogs")) level1();
      if (st.button("Open two dialogs")) {
        largeDialog();
        simpleDialog();
      }
      st.sidebar.with(() => {
        if (st.button("Open Sidebar-Dialog")) st.dialog("Simple Dialog in Sidebar")(() => st.write("Hello sidebar dialog!"))();
      });
      st.write(`app ran ${ss.appRuns} times`);
    },
  });

const dialogs = (c: ReturnType<typeof browse>) => c.doc.querySelectorAll("dialog");

describe("without JavaScript", () => {
  test("the dialog opens for the run that calls it: open, titled, the page behind inert", async () => {
    const c = browse(app);
    await c.get("/");
    expect(dialogs(c).length).toBe(0);
    expect(c.doc.querySelector(".fl-layout").hasAttribute("inert")).toBe(false);
    await c.click("Open Dialog without Images");
    const dialog = c.doc.querySelector("dialog");
    expect(dialog.hasAttribute("open")).toBe(true);
    expect(c.doc.getElementById(dialog.getAttribute("aria-labelledby")).textContent).toBe("Simple Dialog");
    expect(c.doc.querySelector(".fl-layout").hasAttribute("inert")).toBe(true);
    expect(dialog.closest(".fl-layout")).toBeNull();
    expect(textsIn(c, "dialog")).toEqual(["Hello again!", "dialog ran 1 times, text: \"\""]);
    // no deprecation warning for st.dialog
    expect(c.alerts("warning")).toEqual([]);
  });

  test("its widgets rerun only the dialog; its st.rerun() closes it and reruns the app", async () => {
    const c = browse(app);
    await c.get("/");
    await c.click("Open Dialog without Images");
    await c.change("Enter something!", "hi");
    expect(c.texts()).toEqual(["app ran 2 times"]);
    expect(textsIn(c, "dialog")).toEqual(["Hello again!", "dialog ran 2 times, text: \"hi\""]);
    expect(c.texts()).toContain("app ran 2 times");
    await c.click("Submit");
    expect(dialogs(c).length).toBe(0);
    expect(c.texts()).toContain("app ran 3 times");
    // (the click reran the dialog once more before its st.rerun())
    expect(c.state()).toMatchObject({ submitted: "hi", dialogRuns: 3 });
  });

  test("the close control closes it without running anything, and it stays closed", async () => {
    const c = browse(app);
    await c.get("/");
    await c.click("Open Dialog without Images");
    const before = c.session().st;
    await c.submitWith(c.doc.querySelector("dialog button[name=_close]"));
    expect(c.status).toBe(200);
    expect(dialogs(c).length).toBe(0);
    expect(c.doc.querySelector(".fl-layout").hasAttribute("inert")).toBe(false);
    expect(c.texts()).toEqual(["app ran 2 times"]);
    expect(c.session().st).toEqual(before);
    // reopens on the next click, closes again, many times
    for (let i = 0; i < 3; i++) {
      await c.click("Open Dialog without Images");
      expect(dialogs(c).length).toBe(1);
      await c.submitWith(c.doc.querySelector("dialog button[name=_close]"));
      expect(dialogs(c).length).toBe(0);
    }
  });

  test("large width, a dialog opened from the sidebar (drawn apart from it), and misuse messages", async () => {
    const c = browse(app);
    await c.get("/");
    await c.click("Open large-width Dialog");
    expect(c.doc.querySelector("dialog").getAttribute("class")).toContain("fl-dialog-large");
    await c.click("Open Sidebar-Dialog");
    expect(c.doc.querySelector(".fl-sidebar dialog")).toBeNull();
    expect(textsIn(c, "dialog")).toEqual(["Hello sidebar dialog!"]);
    await c.click("Open two dialogs");
    expect(c.exceptions()[0]!.message).toBe(
      "Only one dialog is allowed to be opened at the same time. Please make sure to not call a dialog-decorated function more than once in a script run.",
    );
    // the exception in the dialog ends the run (the buttons after it are not drawn): a new session
    const d = browse(app);
    await d.get("/");
    await d.click("Open Nested Dialogs");
    expect(d.exceptions()).toEqual([{ type: "StreamlitAPIException", message: "Dialogs may not be nested inside other dialogs." }]);
    expect(d.doc.querySelector("dialog .fl-exception")).not.toBeNull();
    expect(() => st.dialog("")).toThrow("A non-empty `title` argument has to be provided for dialogs, for example `@st.dialog(\"Example Title\")`.");
  });
});

test("a close control naming no open dialog (forged, or from an older page) runs the app and keeps the state", async () => {
  const c = browse(app);
  await c.get("/");
  const body = c.formData(null);
  body.set("_close", "not-a-dialog");
  await c.request("POST", "/", body);
  expect(c.status).toBe(200);
  expect(c.exceptions()).toEqual([]);
  expect(c.texts()).toEqual(["app ran 2 times"]);
  await c.click("Open Dialog without Images");
  const stale = c.formData(c.doc.querySelector("dialog button[name=_close]"));
  await c.click("Open large-width Dialog");
  await c.request("POST", "/", stale);
  expect(c.status).toBe(200);
  expect(c.texts()).toEqual(["app ran 5 times"]);
  expect(dialogs(c).length).toBe(0);
});

test("a fragment can open a dialog: the page comes back whole with it, and the dialog's body reruns alone", async () => {
  const details = st.dialog("Details")((n: number) => {
    bump("detailRuns");
    st.checkbox("more", { key: "more" });
    st.write(`details of ${n} (${ss.detailRuns})`);
    if (st.button("Close details")) st.rerun();
  });
  const list = st.fragment(() => {
    bump("listRuns");
    if (st.button("Show 7")) details(7);
    st.write(`list ran ${ss.listRuns} times`);
  });
  const make = () =>
    createApp({
      secret: TEST_SECRET,
      entrypoint: () => {
        bump("appRuns");
        list();
        st.write(`app ran ${ss.appRuns} times`);
      },
    });
  for (const js of [false, true]) {
    const c = browse(make);
    await c.get("/");
    const opened = js ? await jsClick(c, "Show 7") : (await c.click("Show 7"), null);
    if (opened) expect(opened.target).toBeNull();
    expect(textsIn(c, "dialog")).toEqual(["details of 7 (1)"]);
    expect(c.texts()).toEqual(["list ran 2 times", "app ran 1 times"]);
    const changed = js ? await jsChange(c, "more", true) : (await c.change("more", true), null);
    if (changed) expect(changed.target).toMatch(/^fl-frag-/);
    expect(textsIn(c, "dialog")).toEqual(["details of 7 (2)"]);
    expect(c.texts()).toEqual(["list ran 2 times", "app ran 1 times"]);
    // closed by its control, it opens again on the next click
    if (!js) {
      await c.submitWith(c.doc.querySelector("dialog button[name=_close]"));
      await c.click("Show 7");
      expect(dialogs(c).length).toBe(1);
    }
    await c.click("Close details");
    expect(dialogs(c).length).toBe(0);
    expect(c.texts()).toEqual([`list ran ${js ? 3 : 4} times`, "app ran 2 times"]);
  }
});

test("a dismissed dialog stays closed when another fragment reruns, and reopens on its button", async () => {
  for (const js of [false, true]) {
    const c = browse(app);
    await c.get("/");
    await c.click("Open Dialog without Images");
    const close = c.doc.querySelector("dialog button[name=_close]");
    if (js) await jsPost(c, close);
    else await c.submitWith(close);
    if (js) await jsClick(c, "Fragment Button");
    else await c.click("Fragment Button");
    expect(c.texts()).toContain("Fragment Button clicked");
    expect(dialogs(c).length).toBe(0);
    await c.click("Open Dialog without Images");
    expect(dialogs(c).length).toBe(1);
  }
});

test("dialogs have different fragment ids", async () => {
  const c = browse(app);
  await c.get("/");
  await c.click("Open Dialog without Images");
  const first = c.doc.querySelector(".fl-overlay").getAttribute("id");
  await c.click("Open large-width Dialog");
  const second = c.doc.querySelector(".fl-overlay").getAttribute("id");
  expect(first).toMatch(/^fl-dlg-/);
  expect(second).toMatch(/^fl-dlg-/);
  expect(first).not.toBe(second);
});

describe("with the client script", () => {
  test("a change in the dialog answers with the dialog's body alone; the close control removes the dialog", async () => {
    const c = browse(app);
    await c.get("/");
    const opened = await jsClick(c, "Open Dialog without Images");
    expect(opened.target).toBeNull();
    const changed = await jsChange(c, "Enter something!", "typed");
    expect(changed.target).toMatch(/^fl-frag-/);
    expect(c.doc.querySelector("dialog #" + changed.target)).not.toBeNull();
    expect(textsIn(c, "dialog")).toEqual(["Hello again!", "dialog ran 2 times, text: \"typed\""]);
    const closed = await jsPost(c, c.doc.querySelector("dialog button[name=_close]"));
    expect(closed.target).toMatch(/^fl-dlg-/);
    expect(closed.body).not.toContain("<dialog");
    expect(dialogs(c).length).toBe(0);
    expect(c.texts()).toEqual(["app ran 2 times"]);
    // the next run of the app starts from the state the dialog left
    await jsClick(c, "Open Dialog without Images");
    expect(textsIn(c, "dialog")).toEqual(["Hello again!", "dialog ran 3 times, text: \"typed\""]);
  });
});

test("calling a dialog returns nothing, as Streamlit's dialog-decorated function does, whatever its body returns", async () => {
  const answer = st.dialog("Answer")(() => {
    st.write("inside");
    return 42;
  });
  const c = browse(() =>
    createApp({
      secret: TEST_SECRET,
      entrypoint: () => {
        if (st.button("Ask")) st.write(`returned ${String(answer())}`);
      },
    }),
  );
  await c.get("/");
  await c.click("Ask");
  expect(textsIn(c, "dialog")).toEqual(["inside"]);
  expect(c.texts()).toEqual(["returned undefined"]);
});
