/**
 * Streamlit's e2e app st_fragment_basics, over HTTP: a change to any widget inside a fragment
 * reruns only the fragment. The script writes what each run did: a counter kept in session state
 * outside the fragment (the main script's side effect) and one inside. Without JavaScript the whole
 * page comes back, the part outside the fragment drawn by replaying the last run (so the main
 * script's counter does not move); with the client script only the fragment's HTML is sent.
 */
import { describe, expect, test } from "vitest";
import { st, createApp } from "../../src/index.ts";
import { TEST_SECRET } from "../support/client.ts";
import { browse, jsChange, jsClick, jsPost, textsIn } from "./support.ts";

const ss = st.sessionState;

const bigFragment = st.fragment(() => {
  ss.fragmentRuns += 1;
  st.button("a button");
  st.checkbox("a checkbox");
  st.colorPicker("a color picker");
  st.dateInput("a date input", { value: "1970-01-01", minValue: "1970-01-01" });
  st.multiselect("a multiselect", ["a", "b", "c"]);
  st.numberInput("a number input");
  st.radio("a radio", ["a", "b", "c"]);
  st.selectbox("a selectbox", ["a", "b", "c"]);
  st.slider("a slider");
  st.textArea("a text area");
  st.textInput("a text input");
  st.timeInput("a time input", { value: "12:00" });
  st.write(`inside fragment: ${ss.fragmentRuns} ${crypto.randomUUID()}`);
});

const app = () =>
  createApp({
    secret: TEST_SECRET,
    entrypoint: () => {
      if (!("appRuns" in ss)) Object.assign(ss, { appRuns: 0, fragmentRuns: 0 });
      ss.appRuns += 1;
      bigFragment();
      st.write(`outside: app run ${ss.appRuns}`);
    },
  });

const CHANGES: [string, unknown][] = [
  ["a checkbox", true],
  ["a color picker", "#ffffff"],
  ["a date input", "1970-01-02"],
  ["a multiselect", ["a"]],
  ["a number input", 10],
  ["a radio", "b"],
  ["a selectbox", "b"],
  ["a slider", 7],
  ["a text area", "hello world"],
  ["a text input", "hello world"],
  ["a time input", "00:15"],
];

const inside = (c: ReturnType<typeof browse>) => textsIn(c, ".fl-fragment")[0]!;
const outside = (c: ReturnType<typeof browse>) => c.texts().at(-1)!;

describe("without JavaScript: the page comes back whole, and only the fragment ran", () => {
  test.each(CHANGES)("changing %s reruns only the fragment", async (label, value) => {
    const c = browse(app);
    await c.get("/");
    const before = inside(c);
    expect(before).toMatch(/^inside fragment: 1 /);
    expect(outside(c)).toBe("outside: app run 1");
    await c.change(label, value as never);
    expect(c.value(label)).toEqual(value);
    expect(inside(c)).toMatch(/^inside fragment: 2 /);
    expect(inside(c)).not.toBe(before);
    expect(outside(c)).toBe("outside: app run 1");
    expect(c.state()).toMatchObject({ appRuns: 1, fragmentRuns: 2 });
    expect(c.exceptions()).toEqual([]);
  });

  test("clicking a button in the fragment reruns only the fragment, again and again", async () => {
    const c = browse(app);
    await c.get("/");
    for (let i = 2; i <= 4; i++) {
      await c.click("a button");
      expect(inside(c)).toMatch(new RegExp(`^inside fragment: ${i} `));
      expect(outside(c)).toBe("outside: app run 1");
    }
    expect(c.state()).toMatchObject({ appRuns: 1, fragmentRuns: 4 });
  });

  test("Apply with nothing changed reruns the whole app: both parts move", async () => {
    const c = browse(app);
    await c.get("/");
    await c.click("a button");
    await c.apply();
    expect(inside(c)).toMatch(/^inside fragment: 3 /);
    expect(outside(c)).toBe("outside: app run 2");
  });
});

describe("with the client script: only the fragment is sent and replaced", () => {
  test.each(CHANGES)("changing %s answers with the fragment alone", async (label, value) => {
    const c = browse(app);
    await c.get("/");
    const before = inside(c);
    const swapped = await jsChange(c, label, value);
    expect(swapped.target).toMatch(/^fl-frag-/);
    expect(swapped.body).not.toContain("<form");
    expect(swapped.body).not.toContain("outside: app run");
    expect(inside(c)).toMatch(/^inside fragment: 2 /);
    expect(inside(c)).not.toBe(before);
    expect(outside(c)).toBe("outside: app run 1");
    expect(c.value(label)).toEqual(value);
  });

  test("the swapped page stays current: further clicks keep rerunning the fragment alone", async () => {
    const c = browse(app);
    await c.get("/");
    for (let i = 2; i <= 4; i++) {
      const swapped = await jsClick(c, "a button");
      expect(swapped.target).toMatch(/^fl-frag-/);
      expect(inside(c)).toMatch(new RegExp(`^inside fragment: ${i} `));
    }
    expect(c.state()).toMatchObject({ appRuns: 1, fragmentRuns: 4 });
    // a run of the whole app answers with the whole form
    const whole = await jsPost(c, c.form().querySelector("button[name=_apply]"));
    expect(whole.target).toBeNull();
    expect(outside(c)).toBe("outside: app run 2");
  });
});
