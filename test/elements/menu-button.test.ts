/**
 * st.menuButton over HTTP, as a browser without JavaScript uses it: a disclosure whose items are
 * submit buttons; choosing one returns that option for the run it causes only (never replayed),
 * fires onClick once, and any other run returns null.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { browse, expectOk } from "../support/browse.ts";

const ss = st.sessionState;

describe("st.menuButton", () => {
  const app = () =>
    browse(() => {
      const picked = st.menuButton("Export", ["CSV", "JSON", "PDF"], { key: "export", icon: "📤", help: "Save the table", onClick: () => (ss.clicks = ss.get("clicks", 0) + 1) });
      st.text(`picked: ${JSON.stringify(picked)}`);
      st.text(`state: ${JSON.stringify(ss.export)}`);
      st.checkbox("Other");
    });

  test("renders a button that opens a menu of submit buttons, one per option, with its icon and help", async () => {
    const client = app();
    await client.get("/");
    expectOk(client);
    const w = client.widget("Export");
    const details = w.querySelector("details.fl-menu");
    expect(details).not.toBeNull();
    expect(details.hasAttribute("open")).toBe(false);
    const summary = details.querySelector("summary");
    expect(summary.querySelector(".fl-icon").textContent).toBe("📤");
    const items = [...details.querySelectorAll("button.fl-menu-item")] as any[];
    expect(items.map((b) => [b.getAttribute("type"), b.textContent])).toEqual([["submit", "CSV"], ["submit", "JSON"], ["submit", "PDF"]]);
    expect(new Set(items.map((b) => b.getAttribute("name"))).size).toBe(1);
    const help = w.querySelector("[role=tooltip]");
    expect(help.textContent).toBe("Save the table");
    expect(summary.getAttribute("aria-describedby")).toBe(help.getAttribute("id"));
    expect(client.texts()).toEqual(["picked: null", "state: null"]);
  });

  test("a chosen option is returned for that run only, fires onClick once, and the next run (any other change) returns null", async () => {
    const client = app();
    await client.get("/");
    await client.choose("Export", "JSON");
    expectOk(client);
    expect(client.texts()).toEqual(['picked: "JSON"', 'state: "JSON"']);
    expect(client.state()).toEqual({ export: null, clicks: 1 });
    await client.change("Other", true);
    expectOk(client);
    expect(client.texts()).toEqual(["picked: null", "state: null"]);
    expect(client.state()).toEqual({ export: null, clicks: 1 });
    // the same option again is a new press
    await client.choose("Export", "JSON");
    expect(client.texts()[0]).toBe('picked: "JSON"');
    expect(client.state()).toEqual({ export: null, clicks: 2 });
  });

  test("exactly once: the script's branch under a choice runs in the run it caused, never in the replays later posts need", async () => {
    const client = browse(() => {
      if (st.menuButton("Do", ["Charge card"], { key: "do" }) === "Charge card") ss.charged = ss.get("charged", 0) + 1;
      st.text(`charged ${ss.get("charged", 0)}`);
      // a changed text value is parsed by replaying the last run (a fresh app each request)
      st.textInput("Note", { key: "note" });
    });
    await client.get("/");
    await client.choose("Do", "Charge card");
    expect(client.texts()).toEqual(["charged 1"]);
    await client.change("Note", "hello");
    expectOk(client);
    expect(client.texts()).toEqual(["charged 1"]);
    expect(client.state()).toEqual({ do: null, charged: 1, note: "hello" });
  });

  test("returns the option as given (not its label), labelled by formatFunc", async () => {
    const client = browse(() => {
      const size = st.menuButton("Size", [1, 2, 10], { formatFunc: (n) => `${n} px` });
      st.text(`size: ${JSON.stringify(size)} ${typeof size}`);
    });
    await client.get("/");
    await client.choose("Size", "10 px");
    expectOk(client);
    expect(client.texts()).toEqual(["size: 10 number"]);
  });

  test.each([
    ["with onClick", app],
    ["without a callback", () => browse(() => st.text(`picked: ${JSON.stringify(st.menuButton("Export", ["CSV", "JSON"], { key: "export" }))}`))],
  ])("%s, a posted label the menu does not hold chooses nothing: null, no callback, a message by the button", async (_name, make) => {
    const client = make();
    await client.get("/");
    const item = client.widget("Export").querySelector("button.fl-menu-item");
    item.setAttribute("value", "EXE");
    await client.submitWith(item);
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([]);
    expect(client.fieldErrors()).toEqual(['Export: the menu has no option "EXE"; nothing was chosen.']);
    expect(client.texts()[0]).toBe("picked: null");
    expect(client.state()).toEqual({ export: null });
  });

  test("disabled: a disabled button and no menu; type primary fills it; in a form it is Streamlit's error", async () => {
    const client = browse(() => {
      st.menuButton("Off", ["a"], { disabled: true });
      st.menuButton("Go", ["a"], { type: "primary" });
    });
    await client.get("/");
    expectOk(client);
    const off = client.widget("Off");
    expect(off.querySelector("details")).toBeNull();
    expect(off.querySelector("button").hasAttribute("disabled")).toBe(true);
    expect(client.widget("Go").querySelector("summary").getAttribute("class")).toContain("fl-button-primary");

    const inForm = browse(() => st.form("f").menuButton("M", ["a"]));
    await inForm.get("/");
    expect(inForm.exceptions()).toEqual([{ type: "StreamlitAPIException", message: "`st.menu_button()` can't be used in an `st.form()`." }]);
    const badType = browse(() => st.menuButton("M", ["a"], { type: "big" as any }));
    await badType.get("/");
    expect(badType.exceptions()[0]?.message).toMatch(/The type argument to st.menu_button must be "primary", "secondary", or "tertiary"/);
  });
});
