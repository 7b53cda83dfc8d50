/**
 * st.datetimeInput over HTTP, as a browser without JavaScript uses it: the datetime-local control
 * it renders, the value the script gets back, the posted values it refuses (keeping the last good
 * one), Streamlit's errors for an author's bad arguments, and its identity with a key.
 */
import { describe, expect, test } from "vitest";
import { st } from "../../src/index.ts";
import { FormClient } from "../support/client.ts";
import { browse, expectOk } from "../support/browse.ts";

const ss = st.sessionState;
const input = (client: FormClient, label: string) => client.widget(label).querySelector("input") as any;

describe("st.datetimeInput", () => {
  const app = () =>
    browse(() => {
      const v = st.datetimeInput("Meeting", { value: "2025-11-19T16:45", minValue: "2025-01-01", maxValue: "2025-12-31T18:00", step: 60, key: "meet", onChange: () => (ss.changes = ss.get("changes", 0) + 1) });
      st.text(`meeting: ${JSON.stringify(v)}`);
    });

  test("renders a labelled <input type=datetime-local> with min, max and step and returns the ISO date and time", async () => {
    const client = app();
    await client.get("/");
    expectOk(client);
    const el = input(client, "Meeting");
    expect(el.getAttribute("type")).toBe("datetime-local");
    expect(el.getAttribute("value")).toBe("2025-11-19T16:45");
    expect(el.getAttribute("min")).toBe("2025-01-01T00:00");
    expect(el.getAttribute("max")).toBe("2025-12-31T18:00");
    expect(el.getAttribute("step")).toBe("60");
    expect(client.widget("Meeting").querySelector("label").getAttribute("for")).toBe(el.getAttribute("id"));
    expect(client.texts()).toEqual(['meeting: "2025-11-19T16:45"']);
    expect(client.state()).toEqual({ meet: "2025-11-19T16:45" });

    await client.change("Meeting", "2025-12-01T09:30");
    expectOk(client);
    expect(client.texts()).toEqual(['meeting: "2025-12-01T09:30"']);
    expect(client.state()).toEqual({ meet: "2025-12-01T09:30", changes: 1 });
    // a browser may send seconds: the value stays to the minute
    await client.change("Meeting", "2025-12-02T10:15:30");
    expectOk(client);
    expect(client.texts()).toEqual(['meeting: "2025-12-02T10:15"']);
  });

  test.each([
    ["2025-02-30T10:00", /"2025-02-30T10:00" is not a date and time/],
    ["2025-06-01T25:00", /is not a date and time/],
    ["2025-06-01", /"2025-06-01" is not a date and time/],
    ["tomorrow at noon", /is not a date and time/],
    ["2024-12-31T23:59", /2024-12-31T23:59 is before the earliest, 2025-01-01T00:00/],
    ["2025-12-31T18:01", /2025-12-31T18:01 is after the latest, 2025-12-31T18:00/],
    ["", /Meeting: enter a date and time/],
  ])("refuses %j: keeps the last good value and says why, tied to the field", async (bad, message) => {
    const client = app();
    await client.get("/");
    await client.change("Meeting", "2025-06-15T12:00");
    await client.change("Meeting", bad);
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([]);
    expect(client.fieldErrors()).toHaveLength(1);
    expect(client.fieldErrors()[0]).toMatch(message);
    expect(client.texts()).toEqual(['meeting: "2025-06-15T12:00"']);
    expect(client.state()).toEqual({ meet: "2025-06-15T12:00", changes: 1 });
    const el = input(client, "Meeting");
    const err = client.widget("Meeting").querySelector(".fl-field-error");
    expect(el.getAttribute("aria-describedby")).toContain(err.getAttribute("id"));
    expect(el.getAttribute("aria-invalid")).toBe("true");
  });

  test('"now" is the UTC date and time to the minute with bounds ten years away; null starts empty and may be emptied again', async () => {
    const client = browse(() => {
      st.text(`now: ${st.datetimeInput("Now")}`);
      st.text(`maybe: ${JSON.stringify(st.datetimeInput("Maybe", { value: null }))}`);
      st.text(`day: ${st.datetimeInput("Day", { value: "2024-02-29" })}`);
    });
    const before = new Date().toISOString().slice(0, 16);
    await client.get("/");
    const after = new Date().toISOString().slice(0, 16);
    expectOk(client);
    expect([`now: ${before}`, `now: ${after}`]).toContain(client.texts()[0]);
    expect(input(client, "Now").getAttribute("step")).toBe("900");
    expect(client.texts().slice(1)).toEqual(["maybe: null", "day: 2024-02-29T00:00"]);
    expect(input(client, "Day").getAttribute("min")).toBe("2014-02-28T00:00");
    expect(input(client, "Day").getAttribute("max")).toBe("2034-02-28T00:00");
    expect(input(client, "Maybe").getAttribute("value")).toBe("");
    await client.change("Maybe", "2026-01-02T03:04");
    expectOk(client);
    expect(client.texts()[1]).toBe('maybe: "2026-01-02T03:04"');
    await client.change("Maybe", "");
    expectOk(client);
    expect(client.texts()[1]).toBe("maybe: null");
  });

  test("an author's default outside min/max, an unreadable value or a step under a minute is Streamlit's error", async () => {
    const outside = browse(() => st.datetimeInput("Bad", { value: "2025-01-01T08:00", minValue: "2025-01-01T09:00" }));
    await outside.get("/");
    expect(outside.exceptions()).toEqual([
      { type: "StreamlitAPIException", message: "The default `value` of 2025-01-01T08:00 must lie between the `min_value` of 2025-01-01T09:00 and the `max_value` of 2035-01-01T08:00, inclusively." },
    ]);
    const unreadable = browse(() => st.datetimeInput("Bad", { value: "2025-13-01T08:00" }));
    await unreadable.get("/");
    expect(unreadable.exceptions()[0]?.type).toBe("StreamlitAPIException");
    const step = browse(() => st.datetimeInput("Bad", { step: 30 }));
    await step.get("/");
    expect(step.exceptions()).toEqual([{ type: "StreamlitAPIException", message: "`step` must be between 60 seconds and 23 hours but is currently set to 30 seconds." }]);
  });

  test("the app sets it through session state; a value that is not an ISO date and time is Streamlit's type error", async () => {
    const client = browse(() => {
      if (st.button("Set")) ss.when = "2030-05-06T07:08";
      if (st.button("Break")) ss.when = "May 6";
      st.text(`when: ${st.datetimeInput("When", { value: "2030-01-01T00:00", key: "when" })}`);
    });
    await client.get("/");
    await client.click("Set");
    expectOk(client);
    expect(client.texts()).toEqual(["when: 2030-05-06T07:08"]);
    expect(input(client, "When").getAttribute("value")).toBe("2030-05-06T07:08");
    await client.click("Break");
    expect(client.status).toBe(200);
    expect(client.exceptions()[0]?.message).toMatch(/ISO datetime str/);
  });

  test("disabled, help and a collapsed label: the label stays for screen readers, help is tied to the input", async () => {
    const client = browse(() => {
      st.datetimeInput("Hidden", { value: "2025-01-01T10:00", labelVisibility: "collapsed", help: "When it starts", disabled: true });
    });
    await client.get("/");
    expectOk(client);
    expect(client.widget("Hidden").querySelector("label").getAttribute("class")).toContain("fl-sr-only");
    const el = input(client, "Hidden");
    const help = client.widget("Hidden").querySelector("[role=tooltip]");
    expect(help.textContent).toBe("When it starts");
    expect(el.getAttribute("aria-describedby")).toBe(help.getAttribute("id"));
    expect(el.hasAttribute("disabled")).toBe(true);
  });

  describe("with a key, new bounds, label, default or help keep the user's value; format and step reset it", () => {
    const cases: [string, (flip: boolean) => Record<string, unknown>, "keeps" | "resets"][] = [
      ["label", (f) => ({ label: f ? "Later" : "When" }), "keeps"],
      ["value", (f) => ({ value: f ? "2025-03-01T00:00" : "2025-02-01T00:00" }), "keeps"],
      ["minValue/maxValue", (f) => ({ minValue: f ? "2024-06-01" : "2024-01-01", maxValue: f ? "2026-06-01" : "2026-01-01" }), "keeps"],
      ["help", (f) => ({ help: f ? "b" : "a" }), "keeps"],
      ["format", (f) => ({ format: f ? "DD/MM/YYYY" : "YYYY/MM/DD" }), "resets"],
      ["step", (f) => ({ step: f ? 1800 : 900 }), "resets"],
    ];
    test.each(cases)("%s: %s", async (_name, params, outcome) => {
      const client = browse(() => {
        const flip = st.checkbox("Flip");
        const { label = "When", ...opts } = params(flip) as { label?: string };
        st.text(`v: ${st.datetimeInput(label, { value: "2025-02-01T00:00", ...opts, key: "w" })}`);
      });
      await client.get("/");
      await client.change("When", "2025-05-05T05:00");
      expect(client.texts()).toEqual(["v: 2025-05-05T05:00"]);
      await client.change("Flip", true);
      expectOk(client);
      const after = outcome === "keeps" ? "2025-05-05T05:00" : (params(true) as { value?: string }).value ?? "2025-02-01T00:00";
      expect(client.texts()).toEqual([`v: ${after}`]);
    });
  });
});
