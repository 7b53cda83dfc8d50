/**
 * st.dateInput, st.timeInput, st.colorPicker over HTTP, as a browser without JavaScript uses them:
 * the HTML each renders, the value the script gets back, and the posted values each refuses (the
 * widget keeps its last good value and says why next to the field).
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { FormClient } from "../support/client.ts";
import { browse, expectOk } from "../support/browse.ts";

const ss = st.sessionState;

/** The wrapper of the widget labelled `label`, and its controls. */
const controls = (client: FormClient, label: string, selector = "input") => [...client.widget(label).querySelectorAll(selector)] as any[];

describe("st.dateInput", () => {
  const app = () =>
    browse(() => {
      const d = st.dateInput("Day", { value: "2024-03-10", minValue: "2024-01-01", maxValue: "2024-12-31", key: "day", onChange: () => (ss.changes = ss.get("changes", 0) + 1) });
      st.text(`day: ${JSON.stringify(d)}`);
    });

  test("renders a labelled <input type=date> with min/max and returns the date to the script", async () => {
    const client = app();
    await client.get("/");
    expectOk(client);
    const [input] = controls(client, "Day");
    expect(input.getAttribute("type")).toBe("date");
    expect(input.getAttribute("value")).toBe("2024-03-10");
    expect(input.getAttribute("min")).toBe("2024-01-01");
    expect(input.getAttribute("max")).toBe("2024-12-31");
    const label = client.widget("Day").querySelector("label");
    expect(label.getAttribute("for")).toBe(input.getAttribute("id"));
    expect(client.texts()).toEqual(['day: "2024-03-10"']);
    expect(client.state()).toEqual({ day: "2024-03-10" });

    await client.change("Day", "2024-05-01");
    expectOk(client);
    expect(client.texts()).toEqual(['day: "2024-05-01"']);
    expect(client.state()).toEqual({ day: "2024-05-01", changes: 1 });
    expect(client.value("Day")).toBe("2024-05-01");
  });

  test.each([
    ["2024-02-30", /"2024-02-30" is not a date/],
    ["10/03/2024", /"10\/03\/2024" is not a date/],
    ["not a date", /is not a date/],
    ["2023-12-31", /2023-12-31 is before the earliest date, 2024-01-01/],
    ["2025-01-01", /2025-01-01 is after the latest date, 2024-12-31/],
    ["", /Day: enter a date/],
  ])("refuses %j: keeps the last good value and says why, tied to the field", async (bad, message) => {
    const client = app();
    await client.get("/");
    await client.change("Day", "2024-06-15");
    await client.change("Day", bad);
    expect(client.status).toBe(200);
    expect(client.fieldErrors()).toHaveLength(1);
    expect(client.fieldErrors()[0]).toMatch(message);
    expect(client.texts()).toEqual(['day: "2024-06-15"']);
    expect(client.state()).toEqual({ day: "2024-06-15", changes: 1 });
    const [input] = controls(client, "Day");
    const err = client.widget("Day").querySelector(".fl-field-error");
    expect(input.getAttribute("aria-describedby")).toContain(err.getAttribute("id"));
    expect(input.getAttribute("aria-invalid")).toBe("true");
  });

  test('"today" is the UTC date, and null starts empty and may be emptied again', async () => {
    const client = browse(() => {
      st.text(`today: ${st.dateInput("Start", { value: "today" })}`);
      st.text(`maybe: ${JSON.stringify(st.dateInput("Maybe", { value: null }))}`);
    });
    await client.get("/");
    expectOk(client);
    const today = new Date().toISOString().slice(0, 10);
    expect(client.texts()).toEqual([`today: ${today}`, "maybe: null"]);
    expect(controls(client, "Maybe")[0].getAttribute("value")).toBe("");
    await client.change("Maybe", "2020-02-29");
    expectOk(client);
    expect(client.texts()[1]).toBe('maybe: "2020-02-29"');
    await client.change("Maybe", null);
    expectOk(client);
    expect(client.texts()[1]).toBe("maybe: null");
  });

  test("a [start, end] value renders two labelled date inputs and returns a range; an end before its start is refused", async () => {
    const client = browse(() => {
      const r = st.dateInput("Trip", { value: ["2024-07-01", "2024-07-14"], key: "trip" });
      st.text(`trip: ${JSON.stringify(r)}`);
    });
    await client.get("/");
    expectOk(client);
    const [start, end] = controls(client, "Trip");
    expect(start.getAttribute("aria-label")).toBe("Trip (start)");
    expect(end.getAttribute("aria-label")).toBe("Trip (end)");
    expect([start.getAttribute("value"), end.getAttribute("value")]).toEqual(["2024-07-01", "2024-07-14"]);
    expect(client.widget("Trip").querySelector("label").getAttribute("for")).toBe(start.getAttribute("id"));

    await client.change("Trip", ["2024-08-01", "2024-08-03"]);
    expectOk(client);
    expect(client.texts()).toEqual(['trip: ["2024-08-01","2024-08-03"]']);
    expect(client.state()).toEqual({ trip: ["2024-08-01", "2024-08-03"] });

    await client.change("Trip", ["2024-09-10", "2024-09-01"]);
    expect(client.fieldErrors()).toEqual(["Trip: the end date 2024-09-01 is before the start date 2024-09-10."]);
    expect(client.state()).toEqual({ trip: ["2024-08-01", "2024-08-03"] });

    await client.change("Trip", ["2024-09-10", ""]);
    expect(client.fieldErrors()).toEqual(["Trip: enter an end date."]);
    expect(client.state()).toEqual({ trip: ["2024-08-01", "2024-08-03"] });
  });

  test("an author's default outside min/max, or not a date, is Streamlit's error", async () => {
    const client = browse(() => {
      st.dateInput("Bad", { value: "2024-01-01", minValue: "2024-02-01" });
    });
    await client.get("/");
    expect(client.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: "The default `value` of 2024-01-01 must lie between the `min_value` of 2024-02-01 and the `max_value` of 2034-01-01, inclusively." },
    ]);
    const other = browse(() => {
      st.dateInput("Bad", { value: "2024-13-01" });
    });
    await other.get("/");
    expect(other.exceptions()[0]?.type).toBe("StreamlitAPIException");
  });

  test("labelVisibility and help: the label stays for screen readers, help (a tooltip) is tied to the input", async () => {
    const client = browse(() => {
      st.dateInput("Hidden", { value: "2024-01-01", labelVisibility: "collapsed", help: "Any day" });
    });
    await client.get("/");
    const label = client.widget("Hidden").querySelector("label");
    expect(label.getAttribute("class")).toContain("fl-sr-only");
    const [input] = controls(client, "Hidden");
    const help = client.widget("Hidden").querySelector("[role=tooltip]");
    expect(help.textContent).toBe("Any day");
    expect(input.getAttribute("aria-describedby")).toBe(help.getAttribute("id"));
  });
});

describe("st.timeInput", () => {
  const app = () =>
    browse(() => {
      const t = st.timeInput("Alarm", { value: "07:30", step: 60, key: "alarm" });
      st.text(`alarm: ${JSON.stringify(t)}`);
    });

  test("renders <input type=time step> and returns HH:MM to the script", async () => {
    const client = app();
    await client.get("/");
    expectOk(client);
    const [input] = controls(client, "Alarm");
    expect(input.getAttribute("type")).toBe("time");
    expect(input.getAttribute("step")).toBe("60");
    expect(input.getAttribute("value")).toBe("07:30");
    expect(client.widget("Alarm").querySelector("label").getAttribute("for")).toBe(input.getAttribute("id"));
    expect(client.texts()).toEqual(['alarm: "07:30"']);

    await client.change("Alarm", "18:45");
    expectOk(client);
    expect(client.state()).toEqual({ alarm: "18:45" });
    // a browser may send seconds: the value stays to the minute
    await client.change("Alarm", "06:05:30");
    expectOk(client);
    expect(client.texts()).toEqual(['alarm: "06:05"']);
  });

  test.each([["25:00"], ["7:30"], ["12:60"], ["noon"], [""]])("refuses %j and keeps the last good time", async (bad) => {
    const client = app();
    await client.get("/");
    await client.change("Alarm", "18:45");
    await client.change("Alarm", bad);
    expect(client.fieldErrors()).toHaveLength(1);
    expect(client.fieldErrors()[0]).toMatch(/^Alarm: /);
    expect(client.state()).toEqual({ alarm: "18:45" });
    expect(client.texts()).toEqual(['alarm: "18:45"']);
  });

  test('"now" is the UTC time to the minute, null is empty, and a step under a minute is refused', async () => {
    const client = browse(() => {
      st.text(`now: ${st.timeInput("Now")}`);
      st.text(`none: ${JSON.stringify(st.timeInput("None", { value: null }))}`);
    });
    const before = new Date().toISOString().slice(11, 16);
    await client.get("/");
    const after = new Date().toISOString().slice(11, 16);
    expectOk(client);
    expect([`now: ${before}`, `now: ${after}`]).toContain(client.texts()[0]);
    expect(controls(client, "Now")[0].getAttribute("step")).toBe("900");
    expect(client.texts()[1]).toBe("none: null");

    const bad = browse(() => st.timeInput("T", { step: 30 }));
    await bad.get("/");
    expect(bad.exceptions()).toEqual([{ type: "StreamlitAPIException", message: "`step` must be between 60 seconds and 23 hours but is currently set to 30 seconds." }]);
  });
});

describe("st.colorPicker", () => {
  const app = () =>
    browse(() => {
      const c = st.colorPicker("Colour", { value: "#FF0000", key: "colour" });
      st.text(`colour: ${c}`);
    });

  test("renders a labelled <input type=color> and returns the hex code to the script", async () => {
    const client = app();
    await client.get("/");
    expectOk(client);
    const [input] = controls(client, "Colour");
    expect(input.getAttribute("type")).toBe("color");
    expect(input.getAttribute("value")).toBe("#ff0000");
    expect(client.widget("Colour").querySelector("label").getAttribute("for")).toBe(input.getAttribute("id"));
    expect(client.texts()).toEqual(["colour: #FF0000"]);

    await client.change("Colour", "#00AA33");
    expectOk(client);
    expect(client.texts()).toEqual(["colour: #00aa33"]);
    expect(client.state()).toEqual({ colour: "#00aa33" });
    // the same colour again is no change
    await client.apply();
    expect(client.state()).toEqual({ colour: "#00aa33" });
  });

  test.each([["red"], ["#12345"], ["#gg0000"], ["00aa33"], [""]])("refuses %j and keeps the last good colour", async (bad) => {
    const client = app();
    await client.get("/");
    await client.change("Colour", "#00aa33");
    await client.change("Colour", bad);
    expect(client.fieldErrors()).toHaveLength(1);
    expect(client.fieldErrors()[0]).toMatch(/^Colour: .* is not a colour \(#rrggbb\)\.$/);
    expect(client.state()).toEqual({ colour: "#00aa33" });
  });

  test("a short #rgb default fills the control; an invalid default is Streamlit's error", async () => {
    const client = browse(() => st.text(`c: ${st.colorPicker("Short", { value: "#0fa" })}`));
    await client.get("/");
    expect(controls(client, "Short")[0].getAttribute("value")).toBe("#00ffaa");
    expect(client.texts()).toEqual(["c: #0fa"]);
    // unchanged: the control's full form is the same colour
    await client.apply();
    expect(client.texts()).toEqual(["c: #0fa"]);

    const bad = browse(() => st.colorPicker("Bad", { value: "blue" }));
    await bad.get("/");
    expect(bad.exceptions()).toEqual([{ type: "StreamlitAPIException", message: "'blue' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'." }]);
  });

  test("a value set through session state before the widget is used; a wrong one is a TypeError", async () => {
    const client = browse(() => {
      if (!("colour" in ss)) ss.colour = "#123456";
      st.text(`c: ${st.colorPicker("Set", { key: "colour" })}`);
    });
    await client.get("/");
    expectOk(client);
    expect(client.texts()).toEqual(["c: #123456"]);
    const bad = browse(() => {
      ss.colour = 5;
      st.colorPicker("Set", { key: "colour" });
    });
    await bad.get("/");
    expect(bad.exceptions()[0]?.type).toBe("TypeError");
  });
});

test("an option null is shown as Streamlit shows None and chosen by default, in a selectbox and a radio", async () => {
  const c = browse(() => {
    st.selectbox("Pick", [null, "a"], { key: "pick" });
    st.radio("Choose", [null, 1], { key: "choose" });
  });
  await c.get("/");
  expect([...c.widget("Pick").querySelectorAll("option")].map((o: any) => o.textContent)).toEqual(["None", "a"]);
  expect([...c.widget("Choose").querySelectorAll("label")].map((l: any) => l.textContent.trim()).filter((t: string) => t !== "Choose")).toEqual(["None", "1"]);
  // chosen, as the first option is by default
  expect(c.widget("Pick").querySelector("option[selected]").textContent).toBe("None");
  expect(c.widget("Choose").querySelector("input[checked]").parentElement.textContent.trim()).toBe("None");
  expect(c.state()).toEqual({ pick: null, choose: null });
  // a post keeps it so
  await c.apply();
  expect(c.state()).toEqual({ pick: null, choose: null });
  expect(c.fieldErrors()).toEqual([]);
});
