/**
 * Conformance scenarios 12-15: callbacks and their order, buttons as triggers (and double
 * submits), st.form commit and callback rules, st.rerun() inside a callback
 * (shared/conformance/README.md; traces s07, s08, s09, s15, s22).
 */
import { describe, expect } from "vitest";
import { st, createApp } from "../../src/index.ts";
import type { FormClient } from "../support/client.ts";
import { browse, expectClean, secret, ss, values, test } from "./support.ts";

/**
 * Session state without Streamlit's internal `FormSubmitter:<form>-<label>` keys, which formlit
 * may or may not show (shared/oracle/README.md leaves that open).
 */
function userState(client: FormClient): Record<string, unknown> {
  return Object.fromEntries(Object.entries(client.state()).filter(([k]) => !k.startsWith("FormSubmitter:")));
}

function append(entry: string) {
  ss.log = [...ss.log, entry];
}

describe("12. several widgets changed in one submission", () => {
  const app = () =>
    createApp({
      secret,
      entrypoint: () => {
        if (!("log" in ss)) ss.log = [];
        ss.runs = ss.get("runs", 0) + 1;
        st.text("log at start: " + JSON.stringify(ss.log));
        const seen = () => `a=${ss.a} s=${ss.s} c=${ss.c}`;
        // A renders before S, but S is in the sidebar, which comes first in the HTML: the
        // callbacks must follow render order, not the order of the fields in the body.
        st.numberInput("A", { key: "a", onChange: () => append("cb_a " + seen()) });
        st.sidebar.numberInput("S", {
          key: "s",
          onChange: () => {
            append("cb_s " + seen());
            ss.c = ss.a + ss.s;
          },
        });
        st.numberInput("C", { key: "c" });
      },
    });

  test("both callbacks fire once each, in render order, before the script, seeing the new values", async () => {
    const client = browse(app);
    await client.get("/");
    expectClean(client);
    expect(client.texts()).toEqual(["log at start: []"]);
    expect(client.state()).toEqual({ log: [], runs: 1, a: 0, s: 0, c: 0 });

    client.set("A", 1).set("S", 2);
    await client.apply();
    expectClean(client);
    const log = ["cb_a a=1 s=2 c=0", "cb_s a=1 s=2 c=0"];
    expect(client.texts()).toEqual(["log at start: " + JSON.stringify(log)]);
    expect(values(client)).toEqual({ S: 2, A: 1, C: 3 });
    expect(client.state()).toEqual({ log, runs: 2, a: 1, s: 2, c: 3 });

    // Nothing changed: no callback.
    await client.apply();
    expectClean(client);
    expect(client.state()).toEqual({ log, runs: 3, a: 1, s: 2, c: 3 });

    // Only S changed: only its callback.
    await client.change("S", 5);
    expectClean(client);
    const log2 = [...log, "cb_s a=1 s=5 c=3"];
    expect(client.texts()).toEqual(["log at start: " + JSON.stringify(log2)]);
    expect(values(client)).toEqual({ S: 5, A: 1, C: 6 });
    expect(client.state()).toEqual({ log: log2, runs: 4, a: 1, s: 5, c: 6 });
  });

  test("a callback's write to another widget's key wins over the value posted for that widget", async () => {
    const client = browse(app);
    await client.get("/");
    client.set("C", 10).set("S", 1);
    await client.apply();
    expectClean(client);
    expect(values(client)).toEqual({ S: 1, A: 0, C: 1 });
    expect(client.state()).toEqual({ log: ["cb_s a=0 s=1 c=10"], runs: 2, a: 0, s: 1, c: 1 });
  });
});

describe("13. buttons are triggers", () => {
  const app = () =>
    createApp({
      secret,
      entrypoint: () => {
        if (!("clicks" in ss)) ss.clicks = 0;
        if (!("submits" in ss)) ss.submits = 0;
        const go = st.button("Go", {
          onClick: () => {
            ss.clicks += 1;
          },
        });
        st.text(`button=${go}`);
        const f = st.form("f");
        f.numberInput("F", { key: "f" });
        const sub = f.formSubmitButton("Submit", {
          onClick: () => {
            ss.submits += 1;
          },
        });
        st.text(`submitted=${sub}`);
        st.checkbox("other", { key: "other" });
      },
    });

  test("st.button is true in exactly the run its click caused, and its onClick fires once per click", async () => {
    const client = browse(app);
    await client.get("/");
    expectClean(client);
    expect(client.value("Go")).toBe(false);
    expect(client.texts()).toEqual(["button=false", "submitted=false"]);
    expect(userState(client)).toEqual({ clicks: 0, submits: 0, f: 0, other: false });

    await client.click("Go");
    expectClean(client);
    expect(client.value("Go")).toBe(true);
    expect(client.texts()).toEqual(["button=true", "submitted=false"]);
    expect(userState(client)).toEqual({ clicks: 1, submits: 0, f: 0, other: false });

    await client.change("other", true);
    expectClean(client);
    expect(client.value("Go")).toBe(false);
    expect(client.texts()).toEqual(["button=false", "submitted=false"]);
    expect(userState(client)).toEqual({ clicks: 1, submits: 0, f: 0, other: true });

    await client.click("Go");
    expect(client.value("Go")).toBe(true);
    expect(userState(client).clicks).toBe(2);
    await client.reload();
    expect(client.value("Go")).toBe(false);
    expect(client.texts()).toEqual(["button=false", "submitted=false"]);
    expect(userState(client).clicks).toBe(2);
  });

  test("the same click submitted twice fires onClick once (same cookie, then the new cookie)", async () => {
    const client = browse(app);
    await client.get("/");
    const body = client.formData(client.widget("Go").querySelector("button"));
    const firstCookies = new Map(client.cookies);

    await client.request("POST", "/", body);
    expectClean(client);
    expect(client.value("Go")).toBe(true);
    expect(userState(client)).toEqual({ clicks: 1, submits: 0, f: 0, other: false });
    const newCookies = new Map(client.cookies);

    // A double click before the first answer came back: the browser sends the old cookie again.
    client.cookies.clear();
    for (const [k, v] of firstCookies) client.cookies.set(k, v);
    await client.request("POST", "/", body);
    expect(client.status).toBe(200);
    expect(userState(client)).toEqual({ clicks: 1, submits: 0, f: 0, other: false });

    // A double click after the first answer came back: the new cookie, the stale form.
    client.cookies.clear();
    for (const [k, v] of newCookies) client.cookies.set(k, v);
    await client.request("POST", "/", body);
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([]);
    expect(client.value("Go")).toBe(false);
    expect(client.texts()).toEqual(["button=false", "submitted=false"]);
    expect(userState(client)).toEqual({ clicks: 1, submits: 0, f: 0, other: false });

    // A fresh click still works.
    await client.click("Go");
    expect(client.value("Go")).toBe(true);
    expect(userState(client).clicks).toBe(2);
  });

  test("the same form submitted twice fires the submit button's onClick once", async () => {
    const client = browse(app);
    await client.get("/");
    client.set("F", 5);
    const body = client.formData(client.widget("Submit").querySelector("button"));
    const firstCookies = new Map(client.cookies);

    await client.request("POST", "/", body);
    expectClean(client);
    expect(client.value("Submit")).toBe(true);
    expect(client.texts()).toEqual(["button=false", "submitted=true"]);
    expect(userState(client)).toEqual({ clicks: 0, submits: 1, f: 5, other: false });
    const newCookies = new Map(client.cookies);

    client.cookies.clear();
    for (const [k, v] of firstCookies) client.cookies.set(k, v);
    await client.request("POST", "/", body);
    expect(client.status).toBe(200);
    expect(userState(client)).toEqual({ clicks: 0, submits: 1, f: 5, other: false });

    client.cookies.clear();
    for (const [k, v] of newCookies) client.cookies.set(k, v);
    await client.request("POST", "/", body);
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([]);
    expect(client.value("Submit")).toBe(false);
    expect(client.texts()).toEqual(["button=false", "submitted=false"]);
    expect(userState(client)).toEqual({ clicks: 0, submits: 1, f: 5, other: false });
  });
});

describe("14. st.form", () => {
  const app = () =>
    createApp({
      secret,
      entrypoint: () => {
        if (!("log" in ss)) ss.log = [];
        const cb = (name: string) => append(`${name}: a=${ss.a} b=${ss.b} c=${ss.c} d=${ss.d}`);
        st.numberInput("C", { key: "c", onChange: cb, args: ["cb_c"] });
        const f = st.form("f");
        const a = f.numberInput("A", { key: "a" });
        f.numberInput("B", { key: "b" });
        const sub = f.formSubmitButton("Submit", { onClick: cb, args: ["cb_submit"] });
        st.numberInput("D", { key: "d", onChange: cb, args: ["cb_d"] });
        st.text(`returned a=${a} submitted=${sub}`);
      },
    });

  test("form widgets keep their committed values until the submit button is pressed", async () => {
    const client = browse(app);
    await client.get("/");
    expectClean(client);
    expect(values(client)).toEqual({ C: 0, A: 0, B: 0, Submit: false, D: 0 });
    expect(userState(client)).toEqual({ log: [], a: 0, b: 0, c: 0, d: 0 });

    // Staged, then Apply: not committed.
    client.set("A", 1).set("B", 2);
    await client.apply();
    expectClean(client);
    expect(values(client)).toEqual({ C: 0, A: 0, B: 0, Submit: false, D: 0 });
    expect(client.texts()).toEqual(["returned a=0 submitted=false"]);
    expect(userState(client)).toEqual({ log: [], a: 0, b: 0, c: 0, d: 0 });

    // A widget outside the form changes: still not committed, and the staged values stay staged.
    await client.change("D", 9);
    expectClean(client);
    expect(values(client)).toEqual({ C: 0, A: 0, B: 0, Submit: false, D: 9 });
    expect(userState(client)).toEqual({ log: ["cb_d: a=0 b=0 c=0 d=9"], a: 0, b: 0, c: 0, d: 9 });

    // The submit button commits what was staged.
    await client.click("Submit");
    expectClean(client);
    expect(values(client)).toEqual({ C: 0, A: 1, B: 2, Submit: true, D: 9 });
    expect(client.texts()).toEqual(["returned a=1 submitted=true"]);
    expect(userState(client)).toEqual({
      log: ["cb_d: a=0 b=0 c=0 d=9", "cb_submit: a=1 b=2 c=0 d=9"],
      a: 1,
      b: 2,
      c: 0,
      d: 9,
    });

    await client.reload();
    expect(values(client)).toEqual({ C: 0, A: 1, B: 2, Submit: false, D: 9 });
  });

  test("callbacks of widgets outside the form and the submit button's fire in render order (oracle s07a)", async () => {
    const client = browse(app);
    await client.get("/");
    client.set("A", 1).set("B", 2);
    await client.click("Submit");
    expectClean(client);
    const log1 = ["cb_submit: a=1 b=2 c=0 d=0"];
    expect(userState(client)).toEqual({ log: log1, a: 1, b: 2, c: 0, d: 0 });

    client.set("D", 3).set("C", 4).set("A", 5);
    await client.click("Submit");
    expectClean(client);
    const log2 = [...log1, "cb_c: a=5 b=2 c=4 d=3", "cb_submit: a=5 b=2 c=4 d=3", "cb_d: a=5 b=2 c=4 d=3"];
    expect(values(client)).toEqual({ C: 4, A: 5, B: 2, Submit: true, D: 3 });
    expect(userState(client)).toEqual({ log: log2, a: 5, b: 2, c: 4, d: 3 });

    client.set("D", 6).set("C", 7);
    await client.apply();
    expectClean(client);
    const log3 = [...log2, "cb_c: a=5 b=2 c=7 d=6", "cb_d: a=5 b=2 c=7 d=6"];
    expect(values(client)).toEqual({ C: 7, A: 5, B: 2, Submit: false, D: 6 });
    expect(userState(client)).toEqual({ log: log3, a: 5, b: 2, c: 7, d: 6 });
  });

  test("inside a form only the submit button may have a callback (oracle s07d)", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          if (!("log" in ss)) ss.log = [];
          const f = st.form("f");
          f.numberInput("A", { key: "a", onChange: () => append("cb_a") });
          f.formSubmitButton("Submit", { onClick: () => append("cb_submit") });
          st.numberInput("C", { key: "c" });
        },
      }),
    );
    await client.get("/");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([
      {
        type: "StreamlitInvalidFormCallbackError",
        message:
          "Within a form, callbacks can only be defined on `st.form_submit_button`. Defining callbacks on other widgets inside a form is not allowed.",
      },
    ]);
    expect(client.widgets()).toEqual([]);
    expect(client.state()).toEqual({ log: [] });
  });
});

describe("15. st.rerun() inside a callback", () => {
  test("does nothing but show a warning", async () => {
    const client = browse(() =>
      createApp({
        secret,
        entrypoint: () => {
          ss.runs = ss.get("runs", 0) + 1;
          st.button("Go", {
            onClick: () => {
              ss.cb_called = true;
              st.rerun();
            },
          });
          st.text("end of script");
        },
      }),
    );
    await client.get("/");
    expectClean(client);
    expect(client.state()).toEqual({ runs: 1 });

    await client.click("Go");
    expect(client.status).toBe(200);
    expect(client.exceptions()).toEqual([]);
    expect(client.alerts("warning")).toEqual(["Calling st.rerun() within a callback is a no-op."]);
    expect(client.value("Go")).toBe(true);
    expect(client.texts()).toEqual(["end of script"]);
    expect(client.state()).toEqual({ runs: 2, cb_called: true });

    await client.reload();
    expectClean(client);
    expect(client.value("Go")).toBe(false);
    expect(client.state()).toEqual({ runs: 3, cb_called: true });
  });
});
